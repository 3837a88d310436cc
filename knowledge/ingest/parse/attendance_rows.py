"""Attendance set out as a table: a header row naming the columns ("Funktion | Namn | Parti |
Kommentar", "Namn | Titel | Närvarande vid"), or rows with the role before the name
("Ordförande    Gunnel Ahrén (S)", "Överförmyndarchef    Camilla Forsberg").

Either is written here as the entry a list line holds ("Gunnel Ahrén (S), ordförande"), so
that one reader (``attendance``) takes functions, titles, parties and notes from all lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.ingest.parse.people import fold, is_job_title, starts_with_name

# A column heading, folded, and what its cells hold.
_COLUMNS = {
    "namn": "name",
    "ledamot": "name",
    "ledamoter": "name",
    "ersattare": "name",
    "deltagare": "name",
    "funktion": "function",
    "roll": "function",
    "uppdrag": "function",
    "parti": "party",
    "titel": "title",
    "befattning": "title",
    "organisation": "organisation",
    "kommun": "organisation",
    "medlemskommun": "organisation",
    "forvaltning": "organisation",
    "forening": "organisation",
    "representerar": "organisation",
    "kommentar": "note",
    "anteckning": "note",
    "noteringar": "note",
    "narvarande vid": "note",
    "narvarande": "note",
    "narvaro": "note",
    "status": "note",
    "paragrafer": "note",
    "§": "note",
    "ersatter": "note",
}
COLUMN_WORDS = frozenset(_COLUMNS)
# A member's function before the name, folded: "Ordförande", "1:e vice ordförande", "Tjg
# ersättare" (a set: every tab-separated line of a list is looked up).
_FUNCTION_FIRST = frozenset(
    [
        "ordforande",
        "vice ordforande",
        "1:e vice ordforande",
        "2:e vice ordforande",
        "ledamot",
        "ersattare",
        "tjg ersattare",
        "tjg. ersattare",
        "tjg ers.",
        "tjanstgorande ersattare",
        "suppleant",
        "kassor",
    ]
)
# A note that says whom one serves for, or which items one attended, is a cell of its own;
# any other is a note in parentheses ("hela sammanträdet").
_ITEMS_AFTER = re.compile(r"(?<=\S)\s+((?:§+|punkt(?:erna)?)\s*\d.*)$", re.IGNORECASE)
_NOTE_CELL = re.compile(r"^(ersätter|för|tjänstgör|tjg|§|punkt|p\.|ärende)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def column_header(text: str) -> tuple[str, ...] | None:
    """What each column of a table holds, when ``text`` is the header row of a list of people
    (every cell a column heading, one of them the names)."""
    cells = text.split("\t")
    if len(cells) < 2:
        return None
    kinds = tuple(_COLUMNS.get(fold(cell).rstrip(":").strip(), "") for cell in cells)
    # Two lists side by side ("Ledamöter | Ersättare") are no table of one list.
    if "" in kinds or kinds.count("name") != 1:
        return None
    return kinds


def row_entry(text: str, columns: tuple[str, ...]) -> str | None:
    """A table row under ``columns`` written as a list entry: "Name (party), function,
    title, organisation, ersätter X" with other notes in parentheses."""
    values: dict[str, str] = {}
    for kind, cell in zip(columns, text.split("\t"), strict=False):
        if cell.strip():
            values[kind] = f"{values[kind]} {cell.strip()}" if kind in values else cell.strip()
    name = values.get("name")
    if not name or not starts_with_name(name):
        return None
    party = values.get("party")
    entry = f"{name} ({party})" if party and len(party) <= 3 and party.isupper() else name
    for kind in ("function", "title", "organisation"):
        value = values.get(kind)
        if value:
            entry += ", " + (_lower_first(value) if kind == "function" else value)
    note = values.get("note")
    if note:
        # "ersätter Per-Anders Öhrn (S) §§ 119–121": whom, and the items, each a cell.
        note = _ITEMS_AFTER.sub(r", \1", note)
        entry += f", {note}" if _NOTE_CELL.match(note) else f" ({note})"
    return entry


def names_a_role(folded: str, cell: str) -> bool:
    """Whether a first cell (``folded``, and as written) is a member's function or an
    official's job title. "Sekreterare" and "Justerare" before a name are the header's
    fields, not a role in a list."""
    return folded in _FUNCTION_FIRST or (
        " " not in folded and folded != "sekreterare" and is_job_title(cell)
    )


def role_first(text: str) -> str | None:
    """ "Ordförande<tab>Gunnel Ahrén (S)" -> "Gunnel Ahrén (S), ordförande": a list's row with
    a role (``names_a_role``) in the cell before the name."""
    first, tab, rest = text.partition("\t")
    if not tab or not starts_with_name(rest):
        return None
    return f"{rest.strip()}, {_lower_first(first.strip())}"


def _lower_first(text: str) -> str:
    """ "Tjänstgörande ersättare" -> "tjänstgörande ersättare"; an abbreviation ("IT-chef")
    keeps its capitals."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]
