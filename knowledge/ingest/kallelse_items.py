"""The items of a kallelse's agenda (``knowledge.ingest.kallelse`` reads the rest): each
item's title, presenters, kind (for decision, information or discussion) and underlag, from
its heading, its lines or its table row; where the agenda ends; the bilagor listed after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from knowledge.ingest.parse.lines import Line, reflow
from knowledge.ingest.parse.people import looks_like_name, person_name
from knowledge.ingest.parse.structure import ItemHeading
from knowledge.language.text import normalize
from knowledge.storage.kallelser import DECISION, DISCUSSION, INFORMATION, AgendaItem

# The kind of an item, as a word of its own, a cell, a bracket or a label's value (folded).
_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        DECISION,
        re.compile(
            r"^(for )?(beslut|beslutsarende|beslutspunkt|beslutas|att besluta|beslutsfattande)"
            r"( ?/ ?beredning)?$"
        ),
    ),
    (
        INFORMATION,
        re.compile(
            r"^(for )?(information|informationsarende|informationspunkt|info|kannedom|"
            r"for kannedom|rapport|lagesrapport|anmalan|anmalningsarende|meddelande)$"
        ),
    ),
    (
        DISCUSSION,
        re.compile(r"^(for )?(diskussion|dialog|samtal|avstamning|dialogpunkt|diskussionspunkt)$"),
    ),
]
# Phrases in an item's text that say it is for decision or for information.
_DECISION_PHRASE = re.compile(
    r"\b(forslag till beslut|beslutsforslag|foreslas (besluta|fatta beslut|godkanna|faststalla|"
    r"anta)|ska (besluta|fatta beslut|faststalla|godkanna)|beslut om att|for beslut)\b"
)
_INFORMATION_PHRASE = re.compile(r"\b(for (information|kannedom)|informationsarende)\b")
_LABELLED_KIND = re.compile(r"^(arendetyp|typ|arendets art|art|beslut ?/ ?information)\s*:\s*(.+)$")
_PRESENTER = re.compile(
    r"^(föredragande|föredras av|föredragare|presentatör|presenteras av|ansvarig|inledare|"
    r"medverkande|dragande|presentation av|föredrar)\s*[:.-]?\s*(?P<who>.+)$",
    re.IGNORECASE,
)
_PRESENTER_INLINE = re.compile(
    r"\s*[.,;–-]?\s*\(?(föredragande|föredras av|presentatör|ansvarig)\s*:?\s*"
    r"(?P<who>[^)]+)\)?\s*$",
    re.IGNORECASE,
)
_UNDERLAG = re.compile(
    r"^(underlag|bilaga|bilagor|handling|handlingar|bifogat|bifogas|bilagt|material)\b"
    r"(?P<number>\s*\d+[a-z]?)?(?P<separator>\s*[:.–-])?\s*(?P<what>.*)$",
    re.IGNORECASE,
)
# Lines after the agenda: greetings, how to report förhinder, the list of bilagor.
TRAILER = re.compile(
    r"^(välkomna|välkommen|hjärtligt välkomna|med vänlig|vänliga hälsningar|hälsningar|"
    r"vid förhinder|förhinder anmäls|anmäl förhinder|anmäl eventuellt förhinder|om du inte kan|"
    r"kan du inte komma|bilagor|bifogade handlingar|handlingar till mötet|underlag till mötet|"
    r"sändlista|kallade|för kännedom till|kopia till|kontaktperson|frågor om mötet|"
    r"mötesplan|kommande möten)\b",
    re.IGNORECASE,
)
_LIST_HEADING = re.compile(r"^(bilagor|bifogade handlingar|handlingar till mötet|underlag)\s*:?$")
_ROLE_PRESENTER = re.compile(
    r"^(ordförande(n)?|vice ordförande|sekreterare(n)?|samtliga|alla|rådet|chefsgruppen|"
    r"presidiet|kansliet|mötets ordförande|[A-ZÅÄÖ][\wåäö-]+(chef|direktör|samordnare|"
    r"strateg|ledare|ansvarig))$",
    re.IGNORECASE,
)
_HEADER_CELL = re.compile(
    r"^(nr|punkt|§|ärende|ärenden|rubrik|ämne|föredragande|ansvarig|beslut|information|typ|"
    r"underlag|bilaga|tid|beslut ?/ ?information|ärendetyp)$",
    re.IGNORECASE,
)


def agenda_end(lines: list[Line], headings: list[ItemHeading]) -> int:
    """Where the agenda ends: the first greeting or bilagor line after the last item."""
    if not headings:
        return len(lines)
    last = headings[-1]
    for pos in range(last.pos + 1 + last.skip, len(lines)):
        text = lines[pos].text.removeprefix("- ")
        if TRAILER.match(text) or (lines[pos].heading and pos > last.pos + 1):
            return pos
    return len(lines)


def header_row(lines: list[Line]) -> set[str]:
    """The columns a table of items names in its header row ("Nr | Ärende | Föredragande |
    Beslut/Information | Handling"): PRESENTER, KIND, UNDERLAG among them."""
    for line in reversed(lines):
        cells = [normalize(cell) for cell in line.text.split("\t") if cell.strip()]
        if (
            len(cells) < 3
            or sum(
                bool(_HEADER_CELL.match(line_cell))
                for line_cell in [c for c in line.text.split("\t") if c.strip()]
            )
            < 2
        ):
            continue
        columns = set()
        for cell in cells:
            if re.match(r"(foredragande|ansvarig|presentator)", cell):
                columns.add(_PRESENTER_COLUMN)
            elif re.match(r"(beslut|information|typ|arendetyp)", cell):
                columns.add(_KIND_COLUMN)
            elif re.match(r"(underlag|bilaga|handling)", cell):
                columns.add(_UNDERLAG_COLUMN)
        return columns
    return set()


_PRESENTER_COLUMN, _KIND_COLUMN, _UNDERLAG_COLUMN = "presenter", "kind", "underlag"


def read_item(lines: list[Line], heading: ItemHeading, end: int, columns: set[str]) -> AgendaItem:
    """One agenda item: its heading line (or table row), then the lines up to ``end``."""
    item = AgendaItem(number=heading.number, title=heading.title)
    cells = [cell.strip() for cell in heading.rest.split("\t") if cell.strip()]
    body = [line.text for line in lines[heading.pos + 1 + heading.skip : end]]
    if cells:  # a table's row: what follows the table is not the item's
        body = body[: body.index("")] if "" in body else body
    elif body and body[0][:1].islower() and not item.title.endswith((".", ")")):
        item.title = f"{item.title} {body.pop(0)}"  # a title wrapped onto the next line
    _title_parts(item)
    for cell in cells:
        _cell(item, cell, columns)
    notes: list[str] = []
    for text in body:
        if not text:
            notes.append("")
            continue
        if "\t" in text and _HEADER_CELL.match(text.split("\t")[0]):
            continue  # a table's header row
        if not _body_line(item, text.removeprefix("- ").strip()):
            notes.append(text)
    item.note = reflow(notes)
    if item.kind is None:
        item.kind = _kind_in_text(normalize(item.title + " " + item.note))
    item.presenters = list(dict.fromkeys(item.presenters))
    item.underlag = list(dict.fromkeys(item.underlag))
    return item


def _title_parts(item: AgendaItem) -> None:
    """Take the presenter and kind out of a title: "Budget 2027 (beslut) – Anna Berg"."""
    title = " ".join(item.title.split())
    inline = _PRESENTER_INLINE.search(title)
    if inline:
        item.presenters += _people(inline.group("who"))
        title = title[: inline.start()]
    # Brackets at the end: a kind, a presenter, or part of the title ("(TNE)", "(2026-11-13)").
    title = _take_tails(item, title, _BRACKET_TAIL, _presenter_like)
    # A dash before a kind or a person: "Färdplan nära vård – beslut", "Rapport - Anna Berg".
    title = _take_tails(item, title, _DASH_TAIL, _names_only)
    item.title = title.strip(" .:,;–-")


_BRACKET_TAIL = re.compile(r"\s*[(\[](?P<tail>[^()\[\]]+)[)\]]\s*$")
_DASH_TAIL = re.compile(r"\s+[–—-]\s+(?P<tail>[^–—]+)$")


def _take_tails(
    item: AgendaItem, title: str, tail: re.Pattern[str], is_person: Callable[[str], bool]
) -> str:
    """Take kinds and presenters off the end of a title while ``tail`` finds one there; the
    title left."""
    for _ in range(3):
        found = tail.search(title)
        if not found:
            break
        text = found.group("tail").strip()
        kind = _kind_word(text)
        if kind:
            item.kind = item.kind or kind
        elif is_person(text):
            item.presenters += _people(text)
        else:
            break
        title = title[: found.start()]
    return title


def _cell(item: AgendaItem, cell: str, columns: Collection[str] = ()) -> None:
    """A table cell beside the title: a kind, underlag, a presenter or a note (underlag when
    the table has a column for it)."""
    kind = _kind_word(cell)
    if kind:
        item.kind = item.kind or kind
        return
    underlag = _UNDERLAG.match(cell)
    if underlag:
        item.underlag += _underlag_values(underlag, cell)
        return
    if re.fullmatch(r"(kl\.?\s*)?\d{1,2}[.:]\d{2}(\s*[-–]\s*\d{1,2}[.:]\d{2})?|[-–]", cell):
        return  # a time column, or an empty cell's dash
    if re.match(r"(samtliga|alla)\b", cell, re.IGNORECASE):
        item.note = (item.note + " " + cell).strip()  # a round of everyone: nobody presents
        return
    if _presenter_like(cell) and not item.presenters:
        item.presenters += _people(cell)
        return
    if _UNDERLAG_COLUMN in columns:
        item.underlag.append(cell.strip(" ."))
        return
    item.note = (item.note + " " + cell).strip()


def _body_line(item: AgendaItem, text: str) -> bool:
    """Read a line under an item's heading; False when it is plain text (a note)."""
    presenter = _PRESENTER.match(text)
    if presenter:
        who = presenter.group("who")
        rest = ""
        # "Föredragande: Anna Berg. Beslutsärende." — more on the same line.
        parts = re.split(r"(?<=[a-zåäö)])\.\s+", who, maxsplit=1)
        if len(parts) == 2:
            who, rest = parts
        item.presenters += _people(who)
        if rest:
            _body_line(item, rest)
        return True
    folded = normalize(text)
    labelled = _LABELLED_KIND.match(folded)
    kind = _kind_word(text) or (_kind_word(_first_words(labelled.group(2))) if labelled else None)
    if kind is None and len(text) <= 40:
        # "-> fastställs (beslut)": a short line whose bracket says it.
        bracket = re.search(r"\((?P<inside>[^()]+)\)", text)
        kind = _kind_word(bracket.group("inside")) if bracket else None
    if kind:
        item.kind = item.kind or kind
        return True
    underlag = _UNDERLAG.match(text)
    if underlag and (underlag.group("number") or underlag.group("separator")):
        item.underlag += _underlag_values(underlag, text)
        return True
    if "\t" in text:
        cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
        if cells and all(_kind_word(c) or _presenter_like(c) for c in cells):
            for cell in cells:
                _cell(item, cell)
            return True
    return False


def _underlag_values(match: re.Match[str], text: str) -> list[str]:
    """The documents an "Underlag:" or "Bilaga 2 ..." line names."""
    what = match.group("what").strip(" .")
    if match.group("number"):  # "Bilaga 2 Förslag till ...": the attachment by its number
        return [text.strip(" .")]
    if normalize(what) in ("", "saknas", "inget", "inga", "-", "finns ej"):
        return []
    return [part.strip(" .") for part in re.split(r";|\s+\+\s+", what) if part.strip(" .")]


def listed_underlag(lines: list[Line]) -> list[str]:
    """The list under a "Bilagor:" heading after the agenda."""
    found: list[str] = []
    listing = False
    for line in lines:
        text = line.text.removeprefix("- ").strip()
        folded = normalize(text)
        if _LIST_HEADING.match(folded.rstrip(":")) or _LIST_HEADING.match(folded):
            listing = True
            continue
        if not listing:
            continue
        if not text:
            if found:
                break
            continue
        if TRAILER.match(text) and not _UNDERLAG.match(text):
            break
        found.append(re.sub(r"^\d+[.)]\s*", "", text).strip(" ."))
    return found


def _kind_word(text: str) -> str | None:
    """A kind written on its own: "Beslut", "-> info", "För kännedom", "(beslutsärende)"."""
    folded = normalize(text)
    folded = re.sub(r"^[^a-z]+|[^a-z]+$", "", folded)
    for kind, pattern in _KIND_WORDS:
        if pattern.match(folded):
            return kind
    return None


def _first_words(value: str) -> str:
    """ "beslut – rådet föreslås ...", "beslut (förslag: ...)": the value before its comment."""
    return re.split(r"\s+[–—-]\s+|\s*\(|,|\.\s", value, maxsplit=1)[0]


def _kind_in_text(folded: str) -> str | None:
    if _DECISION_PHRASE.search(folded):
        return DECISION
    if _INFORMATION_PHRASE.search(folded) or re.match(r"(information|info|rapport)\b", folded):
        return INFORMATION
    return None


def _presenter_like(text: str) -> bool:
    return _names_only(text) or bool(_ROLE_PRESENTER.match(text.strip(" .")))


def _names_only(text: str) -> bool:
    """ "Anna Berg", "Anna Berg och Olle Ek", "Anna Berg, projektledare"."""
    first, _, titles = text.partition(",")
    names = [p.strip() for p in re.split(r"\boch\b|&|/", first) if p.strip()]
    if not names or not all(looks_like_name(n) and len(n.split()) >= 2 for n in names):
        return False
    return not titles or titles.strip()[:1].islower()


def _people(text: str) -> list[str]:
    """The people a presenter field names; a role ("Ordförande") as written."""
    text = " ".join(text.split()).strip(" .()")
    names = [
        name
        for part in re.split(r"\s+och\s+|\s*&\s*|\s*/\s*|;\s*", text)
        for name in [person_name(part)]
        if name
    ]
    if names:
        return names
    return [text.split(",")[0].strip()] if text else []
