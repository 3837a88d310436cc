"""One entry of an attendance list read as an attendee: a name followed by cells (tab or
comma) naming a party, an organisation, a title, a function and notes ("Malin Öhman (S),
ordförande, Nora kommun", "Yvonne Stål (KD) ers. för Anders Wiberg (KD)"), and a line of
several entries split into them (``attendance`` reads the lists these lines stand in).
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.bodies import (
    AWAY,
    ERSATTARE,
    LEDAMOT,
    OVRIG,
    REGION,
    TJANSTGORANDE,
    for_part_of_meeting,
)
from knowledge.ingest.model import Attendee
from knowledge.ingest.parse.people import (
    FRANVARANDE,
    MUNICIPALITY_KEYS,
    NAME_TOKEN,
    NOT_NAME_WORDS,
    fold,
    is_job_title,
    starts_with_name,
)
from knowledge.language.text import normalize

# Parenthesised attendance notes ("del av mötet", "ersätter Eva Persson"), not "(primärvård)".
_NOTE = re.compile(
    r"§|\b(del av|ersätter|ersättare|tjänstgör|från|till|punkt|digital|distans|deltog|närvar|"
    r"ej |inte |hela |förhinder|frånvar|teams|zoom|på plats)",
    re.IGNORECASE,
)


def attendees_in_line(text: str, role: str) -> list[Attendee]:
    """The attendees a line of a list holds, read as entries under ``role``."""
    return [a for a in map(lambda entry: attendee_of(entry, role), entries(text)) if a]


# Between entries: a comma, a tab, "och" (not "kultur- och fritidschef"), "samt", or a space
# after a party ("(S) Erik Hägg (V)", a table cell's lines run together).
_SEPARATOR = re.compile(r"\s*(?:,|\t|\bsamt\b|(?<!-)\s\boch\b)\s*|(?<=\))\s+(?=[A-ZÅÄÖ])")
_NOT_TITLE = {"for", "ersatter", "ers", "ers.", "tjg", "tjg.", "och", "samt"}
# Functions after a comma belong to the person before: "A (S), ordförande B (V)".
_FUNCTION_LEAD = re.compile(
    r"^((?:\d:e\s+)?(?:vice\s+)?ordförande|v\.?\s?ordf\.?|ordf\.?|sekr\.|sekreterare|ledamot|"
    r"ersättare|kassör|suppleant)\s+(?=[A-ZÅÄÖ])"
)


def attendee_of(entry: str, role: str) -> Attendee | None:
    """A fresh attendee for an entry; the same entries recur in every protocol of a body."""
    cached = _parse_attendee_cached(entry, role)
    # A copy by its fields (all of them init fields): dataclasses.replace took five times as long.
    return Attendee(**vars(cached)) if cached else None


@lru_cache(maxsize=8192)
def _parse_attendee_cached(entry: str, role: str) -> Attendee | None:
    return _parse_attendee(entry, role)


@lru_cache(maxsize=8192)
def entries(text: str) -> tuple[str, ...]:
    """A line's entries: one person with their cells, or several in columns or inline."""
    cuts = [0]
    depth_free = re.sub(r"\([^)]*\)", lambda m: "(" + "x" * (len(m.group(0)) - 2) + ")", text)
    for match in _SEPARATOR.finditer(depth_free):
        rest = text[match.end() :]
        lead = fold(rest.split(" ")[0]) if rest else ""
        function = _FUNCTION_LEAD.match(rest)
        if function and starts_with_name(rest[function.end() :]):
            cuts.append(match.end() + function.end())
        elif lead not in _NOT_TITLE and starts_with_name(rest) and match.start() > 0:
            cuts.append(match.start())
    # A name after a title within a cell: "..., kultur- och fritidschef Niklas Fagerlund, ...".
    for match in re.finditer(r"(?<=[a-zåäö0-9])\s+(?=[A-ZÅÄÖ][^\W\d_]+\s[A-ZÅÄÖ][^\W\d_]+,)", text):
        if match.start() not in cuts and starts_with_name(text[match.end() :]):
            before = text[: match.start()].rsplit(",", 1)[-1]
            last_word = fold(before.split()[-1]) if before.split() else ""
            if (
                "," in text[: match.start()]
                and not starts_with_name(before.strip())
                and last_word not in _NOT_TITLE
            ):
                cuts.append(match.start())
    cuts = sorted(set(cuts))
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    return tuple(re.sub(r"^\s*(,|\t|samt\b|och\b)?\s*", "", p).strip() for p in pieces if p.strip())


_FUNCTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(tjg\.?|tjanstgorande) (ers\.?|ersattare)"), TJANSTGORANDE),
    (re.compile(r"\b(\d:e )?(vice ordf\w*|v\.? ?ordf\w*)"), "vice ordförande"),
    (re.compile(r"\bordf(orande\b|\.|\b)"), "ordförande"),
    (re.compile(r"\b(sekr\.?|sekreterare|antecknare)(\b|$)"), "sekreterare"),
    (re.compile(r"\b(ers\.? for|ersattare for|ersatter)\b"), "ersättare"),
    (re.compile(r"\bkassor\b"), "kassör"),
    (re.compile(r"\bsuppleant\b"), "suppleant"),
    (re.compile(r"\bersattare\b"), "ersättare"),
    (re.compile(r"\bledamot\b"), "ledamot"),
]
_VICE_ORDINAL = re.compile(r"\b([12]):e vice|\b(forste|forsta|andre|andra) vice")
_REPLACES = re.compile(
    r"(?:ersätter|ers\.? för|ersättare för|tjg\.? ers\.? för|tjänstgörande ersättare för|"
    r"tjänstgör (?:i stället )?för|i stället för)\s+"
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+){1,2})",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"^närvarande\b[,;]?\s*", re.I)
_PARTY = re.compile(r"^\s*\((?P<party>[A-ZÅÄÖ]{1,3}|MP|KD|SD)\)")
_FOR_NAME = re.compile(
    r"^\s*(?:\([A-ZÅÄÖ]{1,3}\))?\s*,?\s*för\s+"
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+){1,2})"
)


def _parse_attendee(text: str, role: str) -> Attendee | None:
    text = re.sub(r"^[-–•]\s*", "", text).strip()
    text = re.sub(r"(\b[A-ZÅÄÖ][^\W\d_]+)\.$", r"\1", text)  # a list's last name, its full stop
    if not text or len(text) > 200:
        return None
    first_name = _FIRST_NAME_OF.fullmatch(text)
    if first_name:
        return _first_name_only(first_name, role)
    # "Malin Jäderberg (kommunpolis, lokalpolisområde Karlskoga)": the cells in parentheses.
    wrapped = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<cells>[^)]*[a-zåäö][^)]*)\)", text)
    if wrapped and not _NOTE.search(wrapped.group("cells")):
        text = f"{wrapped.group('name')}, {wrapped.group('cells')}"
    title_before = re.match(r"^(?P<title>[a-zåäöé][\wåäöé-]+)\s+(?=[A-ZÅÄÖ])", text)
    if title_before and fold(title_before.group("title")) not in _NOT_TITLE:
        text = f"{text[title_before.end() :]}, {title_before.group('title')}"
    attendee = _parse_entry(text, role)
    if attendee is None:
        return None
    after = text[len(attendee.name) :]
    party = _PARTY.match(after)
    attendee.party = party.group("party") if party else None
    replaces = _REPLACES.search(after)
    attendee.replaces = replaces.group("who") if replaces else None
    folded = fold(re.sub(r"\([A-ZÅÄÖ]{1,3}\)", "", after))
    attendee.function = next((f for pattern, f in _FUNCTIONS if pattern.search(folded)), None)
    ordinal = _VICE_ORDINAL.search(folded) if attendee.function == "vice ordförande" else None
    if ordinal:
        # "1:e vice ordförande", "förste vice ordf.": which of the vice chairs
        first = ordinal.group(1) == "1" or ordinal.group(2) in ("forste", "forsta")
        attendee.function = f"{1 if first else 2}:e vice ordförande"
    if attendee.replaces is None and (role == ERSATTARE or attendee.function == TJANSTGORANDE):
        # A substitute's "Tomas Nyberg (S) för Gunilla Westerlund (S)": whom they serve for.
        serves = _FOR_NAME.match(after)
        attendee.replaces = serves.group("who") if serves else None
    if (
        attendee.replaces
        and attendee.function in (None, "ersättare", "suppleant")
        and role
        in (
            LEDAMOT,
            ERSATTARE,
        )
    ):
        # "Yvonne Stål (KD) ers. för Anders Wiberg (KD)" among those present: an ersättare
        # by office, serving at this meeting
        attendee.function = TJANSTGORANDE
        if replaces and attendee.role == LEDAMOT:
            attendee.role = ERSATTARE
    if attendee.note:
        # A table's presence column: "Närvarande" says nothing, "Förhinder" that they were
        # away (unless it is the absent member's, beside whom one serves for, or only for some
        # items: "frånvarande § 2" left early or came late).
        note = attendee.note
        if AWAY.search(note) and not attendee.replaces and not for_part_of_meeting(note):
            attendee.role = FRANVARANDE
        attendee.note = _PRESENT.sub("", attendee.note) or None
    if attendee.role == LEDAMOT and attendee.function in ("ersättare", "suppleant", TJANSTGORANDE):
        # an ersättare by office in a list of all present ("suppleant" in a company's or an
        # association's minutes)
        attendee.role = ERSATTARE
    if attendee.title:
        attendee.title = re.sub(r"\s*\([A-ZÅÄÖ]{1,3}\)", "", attendee.title).strip(" ,") or None
    for cell in ("title", "organisation"):
        if AWAY.fullmatch((getattr(attendee, cell) or "").strip(" -–")):
            # "Per Ek (M), förhinder", "Lisa Holm (V) – frånvarande": the mark as a cell
            attendee.role = FRANVARANDE
            setattr(attendee, cell, None)
            attendee.org_kind = attendee.org_kind if attendee.organisation else None
    if attendee.title and attendee.function:
        # "ordförande" and "v. ordf." are functions, not titles.
        rest = re.sub(
            r"(,\s*)?\b((\d:e )?(vice |v\.? ?)?ordf(örande|\.)?|sekr\.|kassör|ledamot|suppleant|"
            r"sekreterare\b|antecknare\b)",
            "",
            attendee.title,
        )
        attendee.title = rest.strip(" ,") or None
    return attendee


# "Sandra (Ljusnarsbergs kommun)": an informal summary's list names people by first name and
# organisation; the organisation makes the word a person's name.
_FIRST_NAME_OF = re.compile(r"(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,})\s*\((?P<cells>[^()]{3,80})\)\.?")


# A service or unit by the words it is made of ("Elevhälsan", "Socialtjänsten"); an ending
# tells nothing ("Anna", "Kristina", "Jörgen" end like definite nouns).
_SERVICE = re.compile(
    r"(häls|tjänst|enhet|förvaltning|verksamhet|kontor|avdelning|polis|skola|mottagning|"
    r"boende|grupp|nämnd|central|center|service|omsorg|vård|jour|råd)",
    re.I,
)


def _first_name_only(match: re.Match[str], role: str) -> Attendee | None:
    name = match.group("name")
    if fold(name) in NOT_NAME_WORDS or fold(name) in MUNICIPALITY_KEYS or _SERVICE.search(name):
        return None  # "Elevhälsan (Nora kommun)": a service that came, no one's name
    cells = [cell.strip() for cell in match.group("cells").split(",")]
    organisation, kind, title, notes = _organisation(cells)
    if organisation is None:
        return None
    return Attendee(
        name=name,
        organisation=organisation,
        org_kind=kind,
        role=role,
        title=title,
        note="; ".join(notes) or None,
    )


def _parse_entry(text: str, role: str) -> Attendee | None:
    # "(antecknare)", "(sammankallande)": a function, read from the entry's text by the caller.
    text = re.sub(r"\s*\((antecknare|sekreterare|sammankallande|ordförande)\)", "", text)
    notes = [n.strip() for n in re.findall(r"\(([^)]*)\)", text) if _NOTE.search(n)]
    text = re.sub(r"\s*\(([^)]*)\)", lambda m: "" if _NOTE.search(m.group(1)) else m.group(0), text)
    text = text.strip(" ,")
    # Cells after a comma, a tab or a spaced dash ("Örebro kommun – förvaltningschef").
    cells = [c.strip(" ,") for c in re.split(r"\t|,|\s[–—]\s", text) if c.strip(" ,")]
    if not cells:
        return None
    name_tokens: list[str] = []
    first = cells[0].split()
    rest_of_first: list[str] = []
    for n, token in enumerate(first):
        if (
            NAME_TOKEN.match(token)
            and fold(token) not in MUNICIPALITY_KEYS
            and fold(token) not in ("region", "kommun")
        ):
            name_tokens.append(token)
        else:
            rest_of_first = first[n:]
            break
    if len(name_tokens) < 2 or fold(name_tokens[0]) in NOT_NAME_WORDS:
        return None
    name = " ".join(name_tokens)
    others = ([" ".join(rest_of_first)] if rest_of_first else []) + cells[1:]
    organisation, org_kind, title, more_notes = _organisation(others)
    attendee = Attendee(
        name=name,
        organisation=organisation,
        org_kind=org_kind,
        role=role,
        title=title,
        note="; ".join(notes + more_notes) or None,
    )
    if title and role in (LEDAMOT, OVRIG) and org_kind != "kommun":
        attendee.title = title
    return attendee


def _organisation(cells: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """Organisation, its kind, a title and notes from the cells after a name.

    Swedish lists write "Namn, titel, organisation": a municipality or the region is the
    organisation wherever it stands; else a capitalised cell that is no job title
    ("Degerforsbyggen", "Bergslagens Revision AB", "SPF Seniorerna Askersund") is, or a last
    cell naming a place ("kommunpolis, lokalpolisområde Karlskoga"). Cells saying which items
    a person attended ("punkt 3–4", "§ 88") are notes.
    """
    organisation: str | None = None
    kind: str | None = None
    parts: list[tuple[str, bool]] = []  # (cell, whether it could be an organisation)
    notes: list[str] = []
    for raw in cells:
        raw = re.sub(r"^\([A-ZÅÄÖ]{1,3}\)\s*", "", raw)  # a party after the name
        wrapped = re.fullmatch(r"\(([^()]*)\)", raw)
        cell = wrapped.group(1).strip() if wrapped else raw
        folded = normalize(cell)
        municipality = municipality_in(folded)
        if _ITEMS_ATTENDED.match(cell):
            notes.append(cell)
        elif _SERVES_FOR.match(cell):
            # "ersättare för Arne Lilja": the function and whom, read by the caller; for
            # which items ("tjänstgör för Per Ek § 2 (jäv)") is a note.
            if for_part_of_meeting(cell):
                notes.append(cell)
        elif re.search(r"\bregion( orebro lan)?\b|\bregionen\b", folded) and (
            folded.startswith("region") or folded.endswith(("region orebro lan", "regionen"))
        ):
            organisation, kind = REGION, "region"
            before = re.split(r"\bRegion\b", cell)[0].strip(" ,")
            if before:
                parts.append((before, False))
        elif municipality and (
            folded == normalize(municipality)
            or re.fullmatch(
                rf"{normalize(municipality)}s? kommun|{normalize(municipality)}\w*", folded
            )
        ):
            organisation, kind = municipality, "kommun"
        else:
            parts.append((cell, cell[:1].isupper() and not is_job_title(cell)))
    if organisation is None:
        named = next((cell for cell, could in parts if could), None)
        last = parts[-1][0] if len(parts) >= 2 else ""
        if named is None and re.search(r"\s[A-ZÅÄÖ]", last) and last[:1].islower():
            named = last
        if named is not None:
            organisation, kind = named, "annan"
            parts = [(cell, could) for cell, could in parts if cell != named]
    title_parts = [cell for cell, _ in parts]
    if title_parts:
        # "vårdcentralschef Karlskoga": the town a title is held in is no part of the title.
        *words, last_word = title_parts[0].split(" ")
        if words and normalize(last_word) in MUNICIPALITY_KEYS and last_word[:1].isupper():
            title_parts[0] = " ".join(words)
            notes.append(last_word)
    title = ", ".join(title_parts) or None
    return organisation, kind, title, notes


# "ersättare för Arne Lilja", and "för Gunilla Westerlund" after a substitute's name.
_SERVES_FOR = re.compile(
    r"^(tjg\.?\s+|tjänstgörande\s+)?(ers\.?|ersättare|ersätter)\b|^(tjänstgör\s+)?för\s+[A-ZÅÄÖ]|"
    r"^(tjänstgör\s+)?i stället för\b",
    re.I,
)
# Cells that say which items a person attended: "punkt 3–4", "punkterna 4 och 6", "§ 88",
# "ärende 5", "ej § 91", "tjänstgör § 91", "från § 13", "från kl. 14.30".
_ITEMS_ATTENDED = re.compile(
    r"^((ej|inte|tjänstgör|tjg|från|till|fr\.?\s?o\.?\s?m\.?|t\.?\s?o\.?\s?m\.?)\s+)?"
    r"(punkt(erna)?|p\.|§+|ärenden?|kl\.?|klockan)\s*\d",
    re.IGNORECASE,
)


def municipality_in(folded: str) -> str | None:
    for token in re.findall(r"[a-z]+", folded):
        for key, name in MUNICIPALITY_KEYS.items():
            if token in (key, key + "s"):
                return name
    return None
