"""Turn the cleaned text of a council document into a ``Protocol`` (or a report with sections).

The parser works on structure and vocabulary: numbered headings in sequence, labelled header
fields (``Tid:``, ``Plats:``, ``Justerat den``), signature blocks, attendance lists under their
Swedish headings, ``Beslut:`` blocks and sentences that decide. Nothing here knows a particular
file; the tests hold the facts of the real documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from knowledge.bodies import (
    BODY_TYPES,
    CHEFSGRUPP,
    COUNCIL_NAMES,
    ERSATTARE,
    FOLKHALSA,
    LEDAMOT,
    MUNICIPALITIES,
    OVRIG,
    REGION,
    REGIONALA,
    SOCIAL,
    TJANSTEPERSON,
)
from knowledge.ingest.clean import clean_text
from knowledge.ingest.extract import DocumentError
from knowledge.ingest.model import (
    Amount,
    Attendee,
    Decision,
    Item,
    Protocol,
    ScheduledMeeting,
    Section,
    Theme,
)
from knowledge.language.dates import find_dates, parse_time_range
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

_ITEM_HEADING = re.compile(
    r"^(?P<para>§\s*)?(?P<num>\d{1,3})(?P<letter>[a-zA-Z])?(?P<punct>\s*[.):]+)?\s+(?P<title>\S.*)$"
)
_MONTH_START = re.compile(
    r"^(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?\b", re.IGNORECASE
)
_SECTION_HEADING = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*)$")
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
_PRESENTED = re.compile(
    r"^(?P<who>.+?),?\s+(föredrog|föredrar|presenterade|presenterar|informerade|informerar|"
    r"redogjorde|redogör|rapporterade)\b(?P<rest>.*)$"
)
_PRESENTING_VERB = re.compile(r"föredr|presenter|informer|redogj|redogör|rapporter")
_DECIDING = re.compile(
    r"\b(beslutade|beslutar|beslöt|beslutat|beslutats|fattades beslut|fattat beslut|"
    r"beslut har fattats|beslutet blev|ställt sig bakom|ställer sig bakom|ställde sig bakom|"
    r"antar|antog|antogs|godkände|fastställde)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(inga|inte|ej|innan|före)\b[^.]{0,20}\bbeslut", re.IGNORECASE)
_BESLUT_LABEL = re.compile(r"^(beslut|beslutade|förslag till beslut)\s*:\s*(?P<rest>.*)$", re.I)
_BESLUT_HEADING = re.compile(r"^beslut\s+om\b.*:$", re.IGNORECASE)
_AMOUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>miljarder kronor|miljarder kr|miljoner kronor|miljoner kr|"
    r"mkr|msek|tkr|kronor|kr|sek)\b",
    re.IGNORECASE,
)
_UNIT_FACTOR = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "tkr": 1_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "miljoner kr": 1_000_000,
    "miljoner kronor": 1_000_000,
    "miljarder kr": 1_000_000_000,
    "miljarder kronor": 1_000_000_000,
}
_THEME_TITLE = re.compile(r"\bteman?\b.*\b(kommande|framtida|nästa)\b|\bförslag på teman?\b", re.I)
_SCHEDULE_TITLE = re.compile(
    r"\b(datum|mötesdatum|mötestider|sammanträdesplan|sammanträdesdagar|kommande möten|"
    r"nästa års möten|nästa möte|mötesplan)\b",
    re.IGNORECASE,
)
_SCHEDULE_SENTENCE = re.compile(
    r"\b(nästa möte|nästa sammanträde|kommande möten|kommande möte|möten hålls|mötet hålls|"
    r"mötet flyttas|flyttas till|sammanträder)\b",
    re.IGNORECASE,
)
_DAYPART = re.compile(
    r"\b(förmiddag|eftermiddag|heldag|fysiskt möte|digitalt möte|digitalt)\b", re.I
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s")
_DATE_LINE = re.compile(
    r"^\d{1,2}(:e|:a)? (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)", re.IGNORECASE
)
# Parenthesised attendance notes ("del av mötet", "ersätter Eva Persson"), not "(primärvård)".
_NOTE = re.compile(
    r"§|\b(del av|ersätter|ersättare|tjänstgör|från|till|punkt|digital|distans|deltog|närvar|"
    r"ej |inte )",
    re.IGNORECASE,
)
_INFO_ITEM = re.compile(r"\binformations(ärende|punkt)\b", re.IGNORECASE)


@dataclass
class _Line:
    text: str  # without heading markers
    heading: int  # markdown heading level, 0 for body lines
    index: int


def parse_document(raw: str) -> Protocol:
    """Parse a document's raw text; raises DocumentError when it is neither protocol nor report."""
    text = clean_text(raw)
    if not text.strip():
        raise DocumentError("Filen innehåller ingen text.")
    lines = [_to_line(i, line) for i, line in enumerate(text.split("\n"))]
    items_start, items = _find_items(lines)
    head = lines[:items_start] if items else lines[:40]
    protocol = Protocol(text=text)
    protocol.councils = _find_councils(head)
    looks_like_protocol = _looks_like_protocol(head)
    if len(items) >= 2 and looks_like_protocol:
        _parse_protocol(protocol, lines, head, items, raw)
        return protocol
    sections = _find_sections(lines)
    if len(sections) >= 2:
        _parse_report(protocol, lines, sections)
        return protocol
    raise DocumentError(
        "Dokumentet ser inte ut som ett protokoll: jag hittar inga numrerade punkter "
        "eller rubriker."
    )


def _to_line(index: int, line: str) -> _Line:
    match = _MD_HEADING.match(line) if line.startswith("#") else None
    if match:
        return _Line(match.group(2).strip(), len(match.group(1)), index)
    return _Line(line.strip(), 0, index)


# --- Protocols -----------------------------------------------------------------------------


def _looks_like_protocol(head: list[_Line]) -> bool:
    folded = normalize(" ".join(line.text for line in head[:60]))
    return bool(
        re.search(r"\b(protokoll|minnesanteckningar|motesanteckningar|anteckningar)\b", folded)
        or re.search(r"\b(justerat|justerare|narvarande|ordforande)\b", folded)
        or re.search(r"(^| )(tid|datum|plats) ?:", folded)
    )


def _find_councils(head: list[_Line]) -> list[str]:
    """Councils named in the title zone, in order of appearance; a joint meeting names two."""
    title_zone: list[str] = []
    for line in head[:25]:
        if re.match(r"^(tid|plats|datum|närvarande|ledamöter|justerat)\b", line.text, re.I):
            break
        title_zone.append(line.text)
    folded = normalize(" ".join(title_zone))
    found: list[tuple[int, str]] = []
    patterns = [
        (CHEFSGRUPP, r"chefsgrupp\w*( for samverkan)?"),
        (SOCIAL, r"specifika (samverkans)?rad\w* (for )?social valfard"),
        (FOLKHALSA, r"specifika (samverkans)?rad\w* (for )?folkhalsa"),
        (REGIONALA, r"regionala samverkansrad\w*"),
    ]
    for key, pattern in patterns:
        match = re.search(pattern, folded)
        if match:
            found.append((match.start(), key))
    return [key for _, key in sorted(found)]


@dataclass
class _Candidate:
    pos: int
    num: int
    letter: str
    title: str
    strong: bool  # a markdown heading or a "§" number
    score: int  # how much it looks like a heading rather than a line of a list


def _find_items(lines: list[_Line]) -> tuple[int, list[tuple[int, str, str]]]:
    """Agenda item headings: the longest run of numbered lines in sequence (1, 2, 3, 3a, 3b, 4).

    Numbered lists inside an item also count 1, 2, 3; choosing the longest valid sequence, and
    among equally long ones the most heading-like, keeps them out.
    """
    candidates = _item_candidates(lines)
    window = 60  # a predecessor further back than this is never the best one in practice
    best: list[tuple[int, int, int]] = []  # (chain length, chain score, predecessor index)
    for i, cand in enumerate(candidates):
        chain = (1, cand.score, -1) if cand.num <= 3 or cand.strong else (0, 0, -1)
        for j in range(max(0, i - window), i):
            length, score, _ = best[j]
            if length and _follows(candidates[j], cand):
                option = (length + 1, score + cand.score, j)
                if option[:2] > chain[:2]:
                    chain = option
        best.append(chain)
    if not best or max(b[0] for b in best) == 0:
        return len(lines), []
    index = max(range(len(best)), key=lambda k: best[k][:2])
    chosen: list[_Candidate] = []
    while index >= 0:
        chosen.append(candidates[index])
        index = best[index][2]
    chosen.reverse()
    items = [(c.pos, f"{c.num}{c.letter}", c.title) for c in chosen]
    return items[0][0], items


def _item_candidates(lines: list[_Line]) -> list[_Candidate]:
    candidates = []
    for pos, line in enumerate(lines):
        match = _ITEM_HEADING.match(line.text)
        if not match or len(line.text) > 160:
            continue
        title = re.sub(r"^[.):\s]+", "", match.group("title").strip()).strip()
        if not title or _MONTH_START.match(title) or not re.match(r"[A-ZÅÄÖÉ0-9\"”]", title):
            continue
        letter = match.group("letter") or ""
        if letter.isupper() and not match.group("punct"):
            continue  # "5 A-lag" style text, not "5a)"
        strong = bool(line.heading or match.group("para"))
        blank_before = pos == 0 or not lines[pos - 1].text
        if not (match.group("punct") or strong or blank_before):
            continue
        previous = lines[pos - 1].text if pos else ""
        score = 2 * strong + blank_before
        score -= 2 * bool(previous and re.match(r"^\d{1,3}[a-z]?\s*[.)]", previous))
        score -= title.endswith("?") + (len(title) > 100)
        candidates.append(
            _Candidate(pos, int(match.group("num")), letter.lower(), title, strong, score)
        )
    return candidates


def _follows(prev: _Candidate, cand: _Candidate) -> bool:
    """Whether ``cand`` can be the next item heading after ``prev``."""
    if cand.num == prev.num:
        return bool(cand.letter) and cand.letter > prev.letter
    if cand.num == prev.num + 1:
        return cand.letter in ("", "a")
    return cand.num == prev.num + 2 and cand.strong


def _parse_protocol(
    protocol: Protocol,
    lines: list[_Line],
    head: list[_Line],
    items: list[tuple[int, str, str]],
    raw: str,
) -> None:
    protocol.kind = "protocol"
    protocol.body_type = BODY_TYPES[protocol.councils[0]] if protocol.councils else None
    protocol.title = _protocol_title(head, protocol.councils)
    _parse_header_fields(protocol, head, raw)
    protocol.attendees = _parse_attendance(head, protocol.councils)
    known_names = {a.name for a in protocol.attendees}
    pending_kind: str | None = None
    for index, (pos, number, title) in enumerate(items):
        end = items[index + 1][0] if index + 1 < len(items) else len(lines)
        body_lines = lines[pos + 1 : end]
        # A lone "Informationsärende" heading announces the kind of the item after it.
        next_kind = None
        while body_lines and _INFO_ITEM.fullmatch(body_lines[-1].text.rstrip(":")):
            next_kind = "informationsärende"
            body_lines = body_lines[:-1]
        while body_lines and not body_lines[-1].text:
            body_lines = body_lines[:-1]
        if body_lines and _INFO_ITEM.fullmatch(body_lines[-1].text.rstrip(":")):
            next_kind = "informationsärende"
            body_lines = body_lines[:-1]
        item = _parse_item(number, title, body_lines, known_names, index)
        if pending_kind and not item.kind:
            item.kind = pending_kind
        pending_kind = next_kind
        protocol.items.append(item)
    _cut_trailer(protocol)
    if protocol.date:
        for item in protocol.items:
            for decision in item.decisions:
                decision.dates = _decision_dates(decision.text, protocol.date)
    if protocol.adjusters == [] or protocol.adjusters == [protocol.chair]:
        for item in protocol.items:
            if re.search(r"\bjusterare\b", item.title, re.I):
                names = _names_in(item.body, known_names)
                if names:
                    protocol.adjusters = names[:2]
                    break
    protocol.themes = _parse_themes(protocol.items)
    protocol.scheduled = _parse_schedule(protocol, lines, items)
    _warn_missing(protocol)


def _protocol_title(head: list[_Line], councils: list[str]) -> str:
    for line in head[:15]:
        if re.match(r"^(protokoll|minnesanteckningar)\b", line.text, re.I) and len(line.text) > 12:
            return line.text.rstrip(" .")
    names = " och ".join(COUNCIL_NAMES[c] for c in councils) or "okänt organ"
    return f"Protokoll, {names}"


_FIELD = re.compile(r"^(?P<label>[A-Za-zÅÄÖåäö ]{2,30}?)\s*:\s*(?P<value>.*)$")


def _parse_header_fields(protocol: Protocol, head: list[_Line], raw: str) -> None:
    texts = [line.text for line in head]
    reference = _reference_date(texts)
    for i, text in enumerate(texts):
        folded = normalize(text)
        field = _FIELD.match(text)
        label = normalize(field.group("label")) if field else ""
        value = field.group("value").strip() if field else ""
        if label in (
            "tid",
            "datum",
            "tid och plats",
            "motesdatum",
            "dag och tid",
            "sammantradesdag",
        ):
            _take_when(protocol, value or _next_value(texts, i), reference)
            if label == "tid och plats":
                protocol.place = protocol.place or _place_after_when(value)
        elif label in ("plats", "lokal", "motesplats", "plats och tid"):
            protocol.place = protocol.place or (value or _next_value(texts, i)).rstrip(" .") or None
            if label == "plats och tid":
                _take_when(protocol, value, reference)
        elif folded.startswith("justerat") or folded.startswith("justeringsdatum"):
            found = find_dates(text, reference=reference)
            if found:
                protocol.approved = found[0].date
        elif label == "ordforande":
            protocol.chair = protocol.chair or _person_name(value or _next_value(texts, i))
        elif label in ("sekreterare", "vid protokollet", "protokollforare"):
            protocol.secretary = protocol.secretary or _person_name(value or _next_value(texts, i))
        elif label in ("justerare", "justerande"):
            name = _person_name(value or _next_value(texts, i))
            if name:
                protocol.adjusters.append(name)
    if protocol.date is None:
        # A bare date line in the title zone: "2024-09-20, kl. 09.00-12.00. Lokal Eken, ..."
        for text in texts[:20]:
            if normalize(text).startswith(("justera", "nasta mote")):
                continue
            found = find_dates(text, reference=reference)
            if found and found[0].explicit_year:
                _take_when(protocol, text, reference)
                protocol.place = protocol.place or _place_after_when(text)
                break
    _parse_signatures(protocol, texts)
    if protocol.secretary is None:
        # Page headers that named the secretary were removed as furniture; the raw text has it.
        match = re.search(r"Sekreterare[ \t]*\n\s*([A-ZÅÄÖ][^\n]{3,40})", raw)
        if match:
            protocol.secretary = _person_name(match.group(1))


def _reference_date(texts: list[str]) -> date | None:
    """A date with a written year near the top, to give a yearless meeting date its year."""
    for text in texts:
        for mention in find_dates(text):
            if mention.explicit_year:
                return mention.date
    return None


def _next_value(texts: list[str], i: int) -> str:
    for text in texts[i + 1 : i + 3]:
        if text:
            return text
    return ""


def _take_when(protocol: Protocol, value: str, reference: date | None) -> None:
    found = find_dates(value, reference=reference)
    if found and protocol.date is None:
        protocol.date = found[0].date
        protocol.start, protocol.end = found[0].start, found[0].end
    if protocol.start is None:
        start, end = parse_time_range(value)
        if start:
            protocol.start, protocol.end = start, end


def _place_after_when(text: str) -> str | None:
    """What follows the date and time on a line: the place."""
    rest = text
    for mention in find_dates(text):
        rest = rest.replace(mention.text, " ")
    rest = re.sub(
        r"\b(kl\.?|klockan)\s*\d{1,2}([.:]\d{2})?(\s*(-|–|till)\s*\d{1,2}([.:]\d{2})?)?", " ", rest
    )
    rest = re.sub(r"^(tid och plats|tid|datum)\s*:", " ", rest.strip(), flags=re.I)
    rest = rest.strip(" ,.;:\t")
    return rest if len(rest) >= 3 and re.search(r"[A-Za-zÅÄÖåäö]{3}", rest) else None


def _parse_signatures(protocol: Protocol, texts: list[str]) -> None:
    """Signature blocks: a line of names above a line of roles ("Ordförande\tJusterare")."""
    for i, text in enumerate(texts):
        roles = [normalize(cell) for cell in text.split("\t") if cell.strip()]
        if not roles or not all(r in ("ordforande", "justerare", "sekreterare") for r in roles):
            continue
        above = next((t for t in reversed(texts[max(0, i - 3) : i]) if t), "")
        names = [cell.strip() for cell in above.split("\t") if cell.strip()]
        if len(names) != len(roles) or not all(_looks_like_name(n) for n in names):
            continue
        for role, name in zip(roles, names, strict=True):
            if role == "ordforande":
                protocol.chair = protocol.chair or name
            elif role == "sekreterare":
                protocol.secretary = protocol.secretary or name
            elif name not in protocol.adjusters:
                protocol.adjusters.append(name)


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    return (
        1 <= len(tokens) <= 5
        and all(_NAME_TOKEN.match(t) for t in tokens)
        and not all(_fold(t) in _NOT_NAME_WORDS for t in tokens)
        and _fold(tokens[0]) not in _NOT_NAME_WORDS
    )


def _person_name(value: str) -> str | None:
    value = re.split(r",|\t|\(", value)[0].strip(" .")
    tokens = []
    for token in value.split():
        if not _NAME_TOKEN.match(token) or _fold(token) in _MUNICIPALITY_KEYS:
            break
        tokens.append(token)
    return " ".join(tokens) if len(tokens) >= 2 else None


def _parse_attendance(head: list[_Line], councils: list[str]) -> list[Attendee]:
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
        if _FIELD.match(line.text) and not line.text.startswith("-"):
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


def _parse_item(
    number: str, title: str, body_lines: list[_Line], known: set[str], position: int
) -> Item:
    title = title.strip().rstrip(",")
    kind = None
    if _INFO_ITEM.search(title):
        kind = "informationsärende"
        title = re.sub(r"\s*[-–(]*\s*informations(ärende|punkt)\s*\)?\s*$", "", title, flags=re.I)
    title, presenters = _split_presenters(title, known)
    texts = [line.text for line in body_lines]
    # A name line (or a "Names. Sentence" line) right under the heading names the presenters.
    while texts and not texts[0]:
        texts.pop(0)
    if texts:
        lead = texts[0].split(". ")[0].rstrip(".")
        names = _name_list(lead, known)
        if not any(len(name.split()) >= 2 for name in names):
            names = []
        if names and presenters and len(presenters[-1].split()) == 1 and len(lead.split()) <= 3:
            presenters[-1] = f"{presenters[-1]} {lead}"
            texts.pop(0)
        elif names and not presenters:
            presenters = names
            remainder = texts[0][len(lead) :].lstrip(". ").strip()
            texts[0] = remainder
    sentences = [
        sentence
        for paragraph in _paragraphs(texts)
        if _PRESENTING_VERB.search(paragraph)
        for sentence in split_sentences(paragraph)
    ]
    for text in sentences:
        match = _PRESENTED.match(text)
        if match and len(match.group("who")) < 160:
            for name in _name_list(match.group("who"), known, allow_titles=True):
                if name not in presenters:
                    presenters.append(name)
    item = Item(number=number, title=title, presenters=presenters, kind=kind, position=position)
    item.body = _reflow(texts)
    item.decisions = _parse_decisions(texts)
    return item


def _split_presenters(title: str, known: set[str]) -> tuple[str, list[str]]:
    """ "Vaccinationsprocess i samverkan – Anna Mann, Karin Brage" -> title and presenters."""
    for separator in (" – ", " - ", ", ", " — "):
        if separator not in title:
            continue
        left, right = title.rsplit(separator, 1) if separator == ", " else title.split(separator, 1)
        right_clean = re.sub(r"\s+-\s+", "-", right)
        names = _name_list(right_clean, known)
        if names and left.strip() and any(len(name.split()) >= 2 for name in names):
            return left.strip().rstrip(",."), names
    # "Dietist direkt Ingmar Ångman": a known attendee's name at the end of the title.
    for name in sorted(known, key=len, reverse=True):
        if title.endswith(" " + name) and len(title) > len(name) + 3:
            return title[: -len(name)].strip(" ,–-"), [name]
    return title.rstrip("."), []


def _name_list(text: str, known: set[str], allow_titles: bool = False) -> list[str]:
    """Names in "A, B och C"; with allow_titles, parts like ", epidemiolog X," are skipped."""
    text = text.strip().rstrip(".")
    if not text:
        return []
    parts = [p.strip() for p in re.split(r",|\boch\b|&", text) if p.strip()]
    names: list[str] = []
    for part in parts:
        if _looks_like_name(part) and (len(part.split()) >= 2 or part in known):
            names.append(part)
        elif _looks_like_name(part) and len(part.split()) == 1 and not allow_titles:
            names.append(part)  # a first name; may continue on the next line
        elif allow_titles and part[:1].islower():
            continue
        else:
            return []
    return names


def _names_in(text: str, known: set[str]) -> list[str]:
    found = [name for name in known if name in text]
    if found:
        return sorted(found, key=text.index)
    first = text.split(".")[0]
    name = _person_name(first)
    return [name] if name else []


def _reflow(texts: list[str]) -> str:
    """Join wrapped lines into paragraphs; bullets and sentence starts keep their own lines."""
    out: list[str] = []
    blank = False
    for text in texts:
        if not text:
            blank = True
            continue
        starts_new = (
            not out
            or text.startswith("- ")
            or (text[:1].isdigit() and (_NUMBERED.match(text) or _DATE_LINE.match(text)))
            or (out[-1].endswith((".", ":", "!", "?")) and text[:1].isupper())
            or (blank and not text[:1].islower())
            or out[-1].endswith(":")
        )
        if starts_new:
            if blank and out:
                out.append("")
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
        blank = False
    return "\n".join(out).strip()


def _paragraphs(texts: list[str]) -> list[str]:
    return [p for p in _reflow(texts).split("\n") if p.strip()]


def _parse_decisions(texts: list[str]) -> list[Decision]:
    decisions: list[Decision] = []
    paragraphs = _paragraphs(texts)
    consumed: set[int] = set()
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        label = _BESLUT_LABEL.match(para)
        if label or _BESLUT_HEADING.match(para):
            block: list[str] = []
            if label and label.group("rest").strip():
                block.append(label.group("rest").strip())
            elif not label:
                block.append(para)
            consumed.add(i)
            open_ended = bool(block) and block[0].endswith(":")
            j = i + 1
            while j < len(paragraphs):
                nxt = paragraphs[j]
                if _BESLUT_LABEL.match(nxt) or _BESLUT_HEADING.match(nxt):
                    break
                follows_colon = bool(block) and block[-1].endswith(":")
                if (
                    not block
                    or open_ended
                    or follows_colon
                    or re.match(r"^\d+[.)]\s", nxt)
                    or re.match(r"^(att|totalt|summa)\b", nxt, re.I)
                    or (_AMOUNT.search(nxt) and len(nxt) < 60)
                    or (nxt.startswith("- ") and block and block[-1].endswith(":"))
                ):
                    block.append(nxt)
                    consumed.add(j)
                    j += 1
                    continue
                break
            decisions.extend(_decisions_from_block(block))
            i = j
            continue
        i += 1
    for index, para in enumerate(paragraphs):
        if index in consumed or not _might_decide(para) or not _DECIDING.search(para):
            continue
        for sentence in split_sentences(para):
            if _DECIDING.search(sentence) and not _NEGATED.search(sentence):
                decisions.append(
                    Decision(text=sentence.strip(), explicit=False, amounts=_amounts(sentence))
                )
    return decisions


# Every deciding phrase holds one of these; most paragraphs hold none and skip the regex.
_DECIDING_HINTS = ("beslu", "beslö", "antar", "antog", "godkände", "fastställde", "ställ")


def _might_decide(text: str) -> bool:
    lower = text.lower()
    return any(hint in lower for hint in _DECIDING_HINTS)


def _decisions_from_block(block: list[str]) -> list[Decision]:
    numbered = [p for p in block if re.match(r"^\d+[.)]\s", p)]
    if len(numbered) >= 2:
        decisions = []
        extra = [p for p in block if p not in numbered]
        for para in numbered:
            match = re.match(r"^(\d+)[.)]\s*(.*)$", para)
            assert match
            text = match.group(2).strip()
            decisions.append(
                Decision(text=text, number=int(match.group(1)), amounts=_amounts(text))
            )
        if extra:
            decisions[-1].text += "\n" + "\n".join(extra)
            decisions[-1].amounts = _amounts(decisions[-1].text)
        return decisions
    if not block:
        return []
    text = "\n".join(block)
    return [Decision(text=text, amounts=_amounts(text))]


def _amounts(text: str) -> list[Amount]:
    amounts = []
    for match in _AMOUNT.finditer(text):
        number = match.group("num").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            value = float(number)
        except ValueError:
            continue
        factor = _UNIT_FACTOR[match.group("unit").lower()]
        start = match.start()
        prefix = re.search(r"(totalt|summa|budget på)\s*:?\s*$", text[:start], re.I)
        written = (prefix.group(0) if prefix else "") + match.group(0)
        amounts.append(Amount(text=written.strip(), kronor=round(value * factor)))
    return amounts


def _decision_dates(text: str, reference: date) -> list[date]:
    return [m.date for m in find_dates(text, reference=reference, allow_yymmdd=True)]


def _cut_trailer(protocol: Protocol) -> None:
    """The closing item swallows the "Nästa möte ..." and link lines after it; keep its body."""
    if not protocol.items:
        return
    last = protocol.items[-1]
    if _SCHEDULE_TITLE.search(last.title):
        return
    keep = []
    for paragraph in last.body.split("\n"):
        if _SCHEDULE_SENTENCE.search(paragraph) or re.search(r"https?://|hittar du här", paragraph):
            break
        keep.append(paragraph)
    last.body = "\n".join(keep).strip()


def _parse_themes(items: list[Item]) -> list[Theme]:
    themes: list[Theme] = []
    for item in items:
        if not _THEME_TITLE.search(item.title):
            continue
        raised_here = True
        for paragraph in item.body.split("\n"):
            if not paragraph.strip():
                continue
            if paragraph.startswith("- "):
                text = paragraph[2:].strip()
                if text:
                    themes.append(
                        Theme(text=text, raised_here=raised_here, item_number=item.number)
                    )
            elif paragraph.rstrip().endswith(":"):
                folded = normalize(paragraph)
                raised_here = not re.search(
                    r"\b(tidigare|utover|sedan tidigare|kvarstaende)\b", folded
                )
    return themes


def _parse_schedule(
    protocol: Protocol, lines: list[_Line], items: list[tuple[int, str, str]]
) -> list[ScheduledMeeting]:
    if protocol.date is None:
        return []
    held = protocol.date
    found: dict[date, ScheduledMeeting] = {}

    def add(
        text: str, reference: date, decided: bool, council: list[str], item: str | None
    ) -> None:
        for mention in find_dates(text, reference=reference, prefer_future=True):
            if mention.date <= held:
                continue
            tail = text[mention.span[1] : mention.span[1] + 40]
            daypart = _DAYPART.search(tail.split(",")[0]) if tail else None
            meeting = found.get(mention.date)
            if meeting is None:
                meeting = ScheduledMeeting(
                    date=mention.date,
                    councils=council,
                    source_text=text.strip(),
                    item_number=item,
                )
                found[mention.date] = meeting
            meeting.start = meeting.start or mention.start
            meeting.end = meeting.end or mention.end
            meeting.decided = meeting.decided or decided
            if daypart and not meeting.note:
                meeting.note = daypart.group(1).lower()

    for item in protocol.items:
        if _THEME_TITLE.search(item.title):
            continue
        decided_here = any(_DECIDING.search(d.text) for d in item.decisions) or any(
            d.explicit for d in item.decisions
        )
        if _SCHEDULE_TITLE.search(item.title):
            reference = held
            if re.search(r"nästa års|nästa år", item.title, re.I):
                reference = date(held.year + 1, 1, 1)
            for paragraph in item.body.split("\n"):
                add(paragraph, reference, decided_here, protocol.councils, item.number)
            continue
        for paragraph in item.body.split("\n"):
            lower = paragraph.lower()
            if "möte" not in lower and "sammantr" not in lower and "flytta" not in lower:
                continue
            if not _SCHEDULE_SENTENCE.search(paragraph):
                continue
            for sentence in split_sentences(paragraph):
                if _SCHEDULE_SENTENCE.search(sentence):
                    decided = bool(_DECIDING.search(sentence))
                    add(sentence, held, decided, protocol.councils, item.number)
    # Lines after the last item ("Nästa möte med ...: 11 februari 2022 kl 9 – 12.").
    last_item_line = items[-1][0] if items else 0
    tail_texts = _paragraphs([line.text for line in lines[last_item_line + 1 :]])
    for paragraph in tail_texts:
        if _SCHEDULE_SENTENCE.search(paragraph):
            councils = _find_councils([_Line(paragraph, 0, 0)]) or protocol.councils
            add(paragraph, held, False, councils, None)
    return sorted(found.values(), key=lambda m: m.date)


def _warn_missing(protocol: Protocol) -> None:
    checks = [
        (protocol.councils, "rådet/gruppen (vilket organ protokollet gäller)"),
        (protocol.date, "mötesdatum"),
        (protocol.start, "mötestid"),
        (protocol.place, "plats"),
        (protocol.chair, "ordförande"),
        (protocol.secretary, "sekreterare"),
        (protocol.adjusters, "justerare"),
        (protocol.approved, "justeringsdatum (justerat den)"),
        (protocol.attendees, "närvarolista"),
    ]
    protocol.warnings.extend(f"Hittade inte: {label}" for value, label in checks if not value)


# --- Reports -------------------------------------------------------------------------------


def _find_sections(lines: list[_Line]) -> list[tuple[int, Section]]:
    sections: list[tuple[int, Section]] = []
    for pos, line in enumerate(lines):
        if not line.text or "...." in line.text or "\t" in line.text:
            continue
        match = _SECTION_HEADING.match(line.text)
        if line.heading:
            if match and not _MONTH_START.match(match.group("title")):
                number = match.group("num")
                title = match.group("title").strip()
                level = number.count(".") + 1
            else:
                number, title, level = None, line.text, line.heading
            sections.append((pos, Section(number=number, title=title, level=level)))
        elif match and len(line.text) < 120 and "." in match.group("num"):
            title = match.group("title").strip()
            if title[:1].isupper() and not title.endswith("."):
                number = match.group("num")
                sections.append((pos, Section(number, title, level=number.count(".") + 1)))
    return sections


def _parse_report(
    protocol: Protocol, lines: list[_Line], sections: list[tuple[int, Section]]
) -> None:
    protocol.kind = "report"
    first_pos, first = sections[0]
    protocol.title = first.title if first.number is None else lines[0].text or first.title
    body_sections: list[Section] = []
    seen_titles: set[str] = set()
    for index, (pos, section) in enumerate(sections):
        end = sections[index + 1][0] if index + 1 < len(sections) else len(lines)
        texts = [line.text for line in lines[pos + 1 : end]]
        section.body = _reflow([t for t in texts if "...." not in t])
        key = normalize(section.title)
        if index == 0 and section.number is None:
            # The title page: authors and date sit under the title.
            for text in texts:
                names = _name_list(text, set())
                if len(names) >= 2 and not protocol.authors:
                    protocol.authors = names
                found = find_dates(text)
                if found and protocol.date is None and found[0].explicit_year:
                    protocol.date = found[0].date
            continue
        if key in ("innehall", "innehallsforteckning") or key in seen_titles and not section.body:
            continue
        seen_titles.add(key)
        section.position = len(body_sections)
        body_sections.append(section)
    protocol.sections = body_sections
    if not protocol.date:
        protocol.warnings.append("Hittade inte: datum")
