"""People in a protocol: attendance lists, names, organisations and who presented an item.

A name is a few capitalised words that are not council vocabulary; an attendance entry is
a name followed by cells (tab or comma) naming an organisation and a title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.bodies import ERSATTARE, LEDAMOT, MUNICIPALITIES, OVRIG, REGION, TJANSTEPERSON
from knowledge.ingest.model import Attendee
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line, paragraphs
from knowledge.language.text import normalize, split_sentences

# Names and words repeat across every list and document; fold each once.
_fold = lru_cache(maxsize=8192)(normalize)

FRANVARANDE = "frånvarande"

_MUNICIPALITY_KEYS = {normalize(m): m for m in MUNICIPALITIES}

# Attendance list headings, folded, mapped to the role their entries have.
_ATTENDANCE_HEADINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(narvarande )?tjanste(personer|man)( narvarande)?$"), TJANSTEPERSON),
    (re.compile(r"^ovriga (narvarande|deltagare)$"), OVRIG),
    (re.compile(r"^(narvarande |tjanstgorande )?ersattare( narvarande)?$"), ERSATTARE),
    (re.compile(r"^(narvarande )?ledamoter( narvarande)?$"), LEDAMOT),
    (re.compile(r"^(narvarande|deltagare|narvarolista)$"), LEDAMOT),
    (re.compile(r"^(franvarande|anmalt forhinder|forhinder)( ledamoter)?$"), FRANVARANDE),
]
_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéüA-ZÅÄÖÉÜ]*(?:-[A-ZÅÄÖÉÜa-zåäöéü]+)*$")
# Capitalised words that start or make up phrases but are not names.
_NOT_NAME_WORDS = {
    normalize(w)
    for w in (
        "Region",
        "Regionen",
        "Regionens",
        "Örebro",
        "Län",
        "Kommun",
        "Kommunen",
        "Rådet",
        "Råden",
        "Ordförande",
        "Sekreterare",
        "Justerare",
        "Ledamöter",
        "Ersättare",
        "Beslut",
        "Se",
        "Tack",
        "Mötet",
        "Protokoll",
        "Chefsgruppen",
        "Chefsgrupp",
        "Specifika",
        "Regionala",
        "Nära",
        "Vård",
        "Psykisk",
        "Hälsa",
        "Projekt",
        "Projektet",
        "Tema",
        "Rapport",
        "Övriga",
        "Frågor",
        "Frågeställningen",
        "Dagordning",
        "Inledning",
        "Avslut",
        "Föregående",
        "Det",
        "Den",
        "De",
        "Vi",
        "Man",
        "En",
        "Ett",
        "Från",
        "Om",
        "Med",
        "Och",
        "Att",
        "Till",
        "För",
        "Kort",
        "Ny",
        "Nya",
        "Vakant",
        "Staben",
        "Socialstyrelsen",
        "SKR",
        "Norr",
        "Söder",
        "Väster",
        "Laget",
        "Runt",
        "Informationsärende",
        "Informationspunkt",
        "Presentationen",
        "Förslag",
    )
}
# Parenthesised attendance notes ("del av mötet", "ersätter Eva Persson"), not "(primärvård)".
_NOTE = re.compile(
    r"§|\b(del av|ersätter|ersättare|tjänstgör|från|till|punkt|digital|distans|deltog|närvar|"
    r"ej |inte )",
    re.IGNORECASE,
)
_PRESENTED = re.compile(
    r"^(?P<who>.+?),?\s+(föredrog|föredrar|presenterade|presenterar|informerade|informerar|"
    r"redogjorde|redogör|rapporterade)\b(?P<rest>.*)$"
)
_PRESENTING_VERB = re.compile(r"föredr|presenter|informer|redogj|redogör|rapporter")


def looks_like_name(text: str) -> bool:
    """One to five capitalised words, not all of them (nor the first) council vocabulary."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 5
        and all(_NAME_TOKEN.match(t) for t in tokens)
        and not all(_fold(t) in _NOT_NAME_WORDS for t in tokens)
        and _fold(tokens[0]) not in _NOT_NAME_WORDS
    )


def person_name(value: str) -> str | None:
    """The name that starts a field value ("Anna Berg, Lekeberg"), if two words or more."""
    value = re.split(r",|\t|\(", value)[0].strip(" .")
    tokens = []
    for token in value.split():
        if not _NAME_TOKEN.match(token) or _fold(token) in _MUNICIPALITY_KEYS:
            break
        tokens.append(token)
    return " ".join(tokens) if len(tokens) >= 2 else None


def name_list(text: str, known: set[str], allow_titles: bool = False) -> list[str]:
    """Names in "A, B och C"; with allow_titles, parts like ", epidemiolog X," are skipped."""
    text = text.strip().rstrip(".")
    if not text:
        return []
    parts = [p.strip() for p in re.split(r",|\boch\b|&", text) if p.strip()]
    names: list[str] = []
    for part in parts:
        if looks_like_name(part) and (len(part.split()) >= 2 or part in known):
            names.append(part)
        elif looks_like_name(part) and len(part.split()) == 1 and not allow_titles:
            names.append(part)  # a first name; may continue on the next line
        elif allow_titles and part[:1].islower():
            continue
        else:
            return []
    return names


def names_in(text: str, known: set[str]) -> list[str]:
    """Known names in ``text`` in order, else a name starting its first sentence."""
    found = [name for name in known if name in text]
    if found:
        return sorted(found, key=text.index)
    first = text.split(".")[0]
    name = person_name(first)
    return [name] if name else []


def parse_attendance(head: list[Line], councils: list[str]) -> list[Attendee]:
    """Attendees under attendance headings; a joint meeting repeats the lists per council."""
    attendees: list[Attendee] = []
    role: str | None = None
    council_index = 0
    seen_roles: set[str] = set()
    for line in head:
        heading = normalize(line.text).rstrip(":").strip()
        matched = next((r for pattern, r in _ATTENDANCE_HEADINGS if pattern.match(heading)), None)
        if matched:
            if matched in seen_roles and matched in (LEDAMOT, ERSATTARE) and len(councils) > 1:
                council_index = min(council_index + 1, len(councils) - 1)
                seen_roles = set()
            seen_roles.add(matched)
            role = matched
            continue
        if role is None or not line.text:
            continue
        if LABELLED_FIELD.match(line.text) and not line.text.startswith("-"):
            role = None  # "Justerat den: ..." and other labels end a list
            continue
        attendee = _parse_attendee(line.text, role)
        if attendee is None:
            continue
        if role in (LEDAMOT, ERSATTARE) and len(councils) > 1:
            attendee.council = councils[council_index]
        attendees.append(attendee)
    return attendees


def _parse_attendee(text: str, role: str) -> Attendee | None:
    text = re.sub(r"^[-–•]\s*", "", text).strip()
    if not text or len(text) > 200:
        return None
    notes = [n.strip() for n in re.findall(r"\(([^)]*)\)", text) if _NOTE.search(n)]
    text = re.sub(r"\s*\(([^)]*)\)", lambda m: "" if _NOTE.search(m.group(1)) else m.group(0), text)
    text = text.strip(" ,")
    cells = [c.strip(" ,") for c in re.split(r"\t|,", text) if c.strip(" ,")]
    if not cells:
        return None
    name_tokens: list[str] = []
    first = cells[0].split()
    rest_of_first: list[str] = []
    for n, token in enumerate(first):
        if (
            _NAME_TOKEN.match(token)
            and _fold(token) not in _MUNICIPALITY_KEYS
            and _fold(token) not in ("region", "kommun")
        ):
            name_tokens.append(token)
        else:
            rest_of_first = first[n:]
            break
    if len(name_tokens) < 2 or _fold(name_tokens[0]) in _NOT_NAME_WORDS:
        return None
    name = " ".join(name_tokens)
    others = ([" ".join(rest_of_first)] if rest_of_first else []) + cells[1:]
    organisation, org_kind, title = _organisation(others)
    attendee = Attendee(
        name=name,
        organisation=organisation,
        org_kind=org_kind,
        role=role,
        title=title,
        note="; ".join(notes) or None,
    )
    if title and role in (LEDAMOT, OVRIG) and org_kind != "kommun":
        attendee.title = title
    return attendee


def _organisation(cells: list[str]) -> tuple[str | None, str | None, str | None]:
    """Organisation, its kind and a title from the cells after a name."""
    organisation: str | None = None
    kind: str | None = None
    title_parts: list[str] = []
    for cell in cells:
        folded = normalize(cell)
        municipality = _municipality_in(folded)
        if re.search(r"\bregion( orebro lan)?\b|\bregionen\b", folded) and (
            folded.startswith("region") or folded.endswith(("region orebro lan", "regionen"))
        ):
            organisation, kind = REGION, "region"
            before = re.split(r"\bRegion\b", cell)[0].strip(" ,")
            if before:
                title_parts.append(before)
        elif municipality and (
            folded == normalize(municipality)
            or re.fullmatch(
                rf"{normalize(municipality)}s? kommun|{normalize(municipality)}\w*", folded
            )
        ):
            organisation, kind = municipality, "kommun"
        elif (
            organisation is None
            and re.fullmatch(r"[A-ZÅÄÖ][\wÅÄÖåäö-]*(\s[\wÅÄÖåäö-]+){0,3}", cell)
            and (
                cell.isupper() or "-" in cell or re.search(r"(team|förbund|forum|kommun)$", folded)
            )
        ):
            organisation, kind = cell, "annan"
        else:
            title_parts.append(cell)
    title = ", ".join(title_parts) or None
    return organisation, kind, title


def _municipality_in(folded: str) -> str | None:
    for token in re.findall(r"[a-z]+", folded):
        for key, name in _MUNICIPALITY_KEYS.items():
            if token in (key, key + "s"):
                return name
    return None


def split_presenters(title: str, known: set[str]) -> tuple[str, list[str]]:
    """ "Vaccinationsprocess i samverkan – Anna Mann, Karin Brage" -> title and presenters."""
    for separator in (" – ", " - ", ", ", " — "):
        if separator not in title:
            continue
        left, right = title.rsplit(separator, 1) if separator == ", " else title.split(separator, 1)
        right_clean = re.sub(r"\s+-\s+", "-", right)
        names = name_list(right_clean, known)
        if names and left.strip() and any(len(name.split()) >= 2 for name in names):
            return left.strip().rstrip(",."), names
    # "Dietist direkt Ingmar Ångman": a known attendee's name at the end of the title.
    for name in sorted(known, key=len, reverse=True):
        if title.endswith(" " + name) and len(title) > len(name) + 3:
            return title[: -len(name)].strip(" ,–-"), [name]
    return title.rstrip("."), []


def add_presenters_from_sentences(presenters: list[str], texts: list[str], known: set[str]) -> None:
    """Add to ``presenters`` the people a sentence says presented ("X föredrog ...")."""
    sentences = [
        sentence
        for paragraph in paragraphs(texts)
        if _PRESENTING_VERB.search(paragraph)
        for sentence in split_sentences(paragraph)
    ]
    for text in sentences:
        match = _PRESENTED.match(text)
        if match and len(match.group("who")) < 160:
            for name in name_list(match.group("who"), known, allow_titles=True):
                if name not in presenters:
                    presenters.append(name)


_ADJUSTERS_CHOSEN = re.compile(
    r"(?:till\s+)?att\s+(?:jämte|tillsammans med)\s+ordföranden\s+justera\s+"
    r"(?:dagens\s+|detta\s+)?protokoll(?:et)?\s+(?:utsågs|valdes|utses|väljs)\s+"
    r"(?P<names>[^.\n]+?)(?:\.|\n|$)"
    r"|\butse\s+(?P<names2>[^.\n]+?)\s+att\s+(?:jämte|tillsammans med)\s+ordföranden\s+justera",
    re.IGNORECASE,
)


def adjusters_in_text(text: str) -> list[str]:
    """ "Till att jämte ordföranden justera protokollet utsågs X (och Y)": X and Y."""
    match = _ADJUSTERS_CHOSEN.search(text)
    if not match:
        return []
    names = (match.group("names") or match.group("names2") or "").replace("\n", " ")
    found = []
    for part in re.split(r"\s+och\s+|,\s*", names):
        name = person_name(re.sub(r"\s*\([^)]*\)", "", part))
        if name:
            found.append(name)
    return found
