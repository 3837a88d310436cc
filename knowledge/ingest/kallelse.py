"""Reading a kallelse (a meeting notice with its agenda, "föredragningslista", "dagordning").

Swedish kallelser follow a few conventions, which this reader knows rather than any one file:
the meeting in labelled fields ("Tid:", "Datum:", "Plats:", "Tid och plats:") or in running
text ("... kallas till möte fredag 4 december 2026 kl. 9.00–12.00 i Lokal Eken"); the items
numbered ("1.", "§ 1", "Punkt 1", a table row "1 | Ärende | Föredragande | Beslut"), each with
its presenter ("Föredragande: X", "(X)", "– X", a table cell), whether it is for decision or
information (a word of its own, a cell, "Förslag till beslut", a title "Information om ...")
and the underlag it names ("Underlag:", "Bilaga 2 ..."); after the agenda, the greeting and a
list of bilagor. Parsing reuses the protocol parser's pieces: cleaning, item headings, header
fields, dates, councils and bodies. This module reads the head (council, meeting, time and
place) and puts the kallelse together; ``kallelse_items`` reads the items.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.bodies import COUNCIL_NAMES
from knowledge.ingest.clean import clean_document
from knowledge.ingest.kallelse_items import (
    TRAILER,
    agenda_end,
    header_row,
    listed_underlag,
    read_item,
)
from knowledge.ingest.parse.body import find_body
from knowledge.ingest.parse.lines import Line, to_line
from knowledge.ingest.parse.structure import (
    ItemHeading,
    find_councils,
    find_items,
    find_unnumbered_items,
)
from knowledge.language.dates import DateMention, find_dates, parse_time_range
from knowledge.language.text import normalize
from knowledge.storage.kallelser import Agenda

# A line near the top that names the document: a kallelse, not minutes.
_KALLELSE_TITLE = re.compile(
    r"(^|\t)(kallelse|moteskallelse|foredragningslista|dagordning|agenda)\b"
    r"|\bkallas (harmed )?till\b|\bkallelse (till|och)\b"
)
_MINUTES_TITLE = re.compile(
    r"(^|\t)(protokoll|sammantradesprotokoll|minnesanteckningar|motesanteckningar|anteckningar)\b"
)

# Labels of the meeting's time (strongest first) and place; "Datum" alone may be the day the
# kallelse was written, so a "Tid" field or a time beside the date counts for more.
_WHEN_LABELS = {
    "tid": 3,
    "dag och tid": 3,
    "tid och plats": 3,
    "plats och tid": 3,
    "datum och tid": 3,
    "datum, tid och plats": 3,
    "sammantradesdag": 3,
    "sammantradesdatum": 3,
    "motesdatum": 3,
    "motestid": 3,
    "nar": 3,
    "datum": 2,
}
_PLACE_LABELS = {"plats", "lokal", "motesplats", "var", "moteslokal", "adress"}
_WITH_PLACE = {"tid och plats", "plats och tid", "datum, tid och plats"}
# A date written beside these is not the meeting's: when the kallelse was sent or registered.
_NOT_MEETING_DATE = re.compile(
    r"\b(utskick|skickad|skickat|upprattad|publicerad|diarie|dnr|senast|anmal|svara|osa|"
    r"handlingar|justering|foregaende|nasta mote)\w*"
)
_WEEKDAY = re.compile(
    r"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?( den)?\b", re.IGNORECASE
)
_MEETING_WORDS = re.compile(r"\b(mote|motet|sammantrade|sammantradet|kallas|valkommen|valkomna)\b")


def is_kallelse(raw: str, filename: str = "") -> bool:
    """Whether a document is a kallelse: its first lines call it one (and not minutes), or,
    with nothing in them either way, its file name does."""
    text, _ = clean_document(raw)
    head = [normalize(line.lstrip("# ")) for line in text.split("\n") if line.strip()][:20]
    for line in head:
        if _MINUTES_TITLE.search(line):
            return False
        if _KALLELSE_TITLE.search(line):
            return True
    return bool(re.search(r"kallelse|dagordning|foredragningslista", normalize(filename)))


def parse_kallelse(raw: str, *, today: date | None = None) -> Agenda:
    """What a kallelse says, with a warning for each thing a reader expects and it lacks."""
    text, top = clean_document(raw)
    lines = [to_line(i, line) for i, line in enumerate(text.split("\n"))]
    items_start, headings = find_items(lines)
    if len(headings) < 2:
        # Items as headings without numbers: numbered here by their order.
        headings = [
            heading._replace(number=str(index + 1))
            for index, heading in enumerate(_unnumbered_items(lines))
        ]
        items_start = headings[0].pos if headings else len(lines)
    head = lines[:items_start] if headings else lines[:60]
    agenda = Agenda(text=text)
    agenda.title = _title(head)
    agenda.council = _council(head)
    if agenda.council:
        agenda.body = COUNCIL_NAMES[agenda.council]
    else:
        body, organisation = find_body(top, [])
        agenda.body = ", ".join(part for part in (body, organisation) if part) or None
    _when_and_where(agenda, head, lines, today)
    end = agenda_end(lines, headings)
    columns = header_row(lines[: headings[0].pos] if headings else [])
    agenda.items = [
        read_item(
            lines,
            heading,
            headings[index + 1].pos if index + 1 < len(headings) else end,
            columns,
        )
        for index, heading in enumerate(headings)
    ]
    agenda.underlag = listed_underlag(lines[end:]) or list(
        dict.fromkeys(u for item in agenda.items for u in item.underlag)
    )
    agenda.warnings = _warnings(agenda, today)
    return agenda


def _unnumbered_items(lines: list[Line]) -> list[ItemHeading]:
    """Items written as headings without numbers ("## Övriga frågor"): the headings of the
    level most used, but the document's own title; else short lines standing alone."""
    marked = [
        line
        for line in lines
        if line.heading
        and not _KALLELSE_TITLE.search(normalize(line.text))
        and not TRAILER.match(line.text)
    ]
    if not marked:
        return find_unnumbered_items(lines)
    levels = [line.heading for line in marked]
    level = max(set(levels), key=lambda lv: (levels.count(lv), lv))
    return [ItemHeading(line.index, "", line.text) for line in marked if line.heading == level]


def _title(head: list[Line]) -> str:
    for line in head[:15]:
        if _KALLELSE_TITLE.search(normalize(line.text)):
            return line.text.replace("\t", " ").strip(" .:")
    return next((line.text for line in head if line.text), "Kallelse")


def _council(head: list[Line]) -> str | None:
    found = find_councils(head)
    if found:
        return found[0]
    # "Du kallas till möte med specifika samverkansrådet ...": a council named in running text.
    for line in head[:40]:
        found = find_councils([line])
        if found:
            return found[0]
    return None


def _fields(texts: list[str]) -> list[tuple[int, str, str]]:
    """(position, folded label, value) of the meeting's labelled lines: "Tid: ...",
    "Plats<tab>...", "**När:** ...", and "Datum Fredag 4 december" (a table whose columns a
    PDF ran together), the value taking the line below when the label stands alone."""
    labels = sorted(set(_WHEN_LABELS) | _PLACE_LABELS, key=len, reverse=True)
    found = []
    for index, text in enumerate(texts):
        folded = normalize(text.removeprefix("- "))
        for label in labels:
            if not folded.startswith(label):
                continue
            rest = text.removeprefix("- ")[len(label) :]
            separated = re.match(r"^\s*[:\t]\s*", rest)
            if separated:
                value = rest[separated.end() :]
            elif label not in ("var", "nar") and re.match(r"^ ([A-ZÅÄÖ0-9]|kl\b)", rest):
                value = rest.strip()  # "Tid Kl. 09.00–12.00", "Plats Lokal Eken"
            else:
                continue
            if not value.strip() and index + 1 < len(texts):
                value = texts[index + 1]
            found.append((index, label, value.replace("\t", " ").strip()))
            break
    return found


def _when_and_where(
    agenda: Agenda, head: list[Line], lines: list[Line], today: date | None
) -> None:
    """The meeting's date, time and place: labelled fields of the head first, then the
    running text; a date with a time, or under a "Tid" label, before a bare "Datum"."""
    texts = [line.text for line in head]
    reference = today
    candidates: list[tuple[int, int, DateMention, str]] = []  # (score, -position, date, text)
    time_only: tuple[str, str] | None = None
    fields = _fields(texts)
    if not any(label in _WHEN_LABELS for _, label, _ in fields):
        fields = _fields([line.text for line in lines])  # a "Tid:" block below the agenda
    for index, label, whole in fields:
        if label in _WHEN_LABELS:
            mentions = find_dates(whole, reference=reference, prefer_future=True)
            if not mentions:
                if parse_time_range(f"kl {whole}")[0] and time_only is None:
                    time_only = (label, whole)
                continue
            score = _WHEN_LABELS[label] + (1 if mentions[0].start else 0)
            if _NOT_MEETING_DATE.search(normalize(whole)):
                score -= 3
            candidates.append((score, -index, mentions[0], whole))
            if label in _WITH_PLACE and agenda.place is None:
                agenda.place = _place_beside(whole, mentions[0])
        elif label in _PLACE_LABELS and agenda.place is None:
            agenda.place = _clean_place(whole)
    for index, line in enumerate(head[:60]):
        folded = normalize(line.text)
        mentions = [m for m in find_dates(line.text, reference=reference, prefer_future=True)]
        if not mentions or _NOT_MEETING_DATE.search(folded):
            continue
        mention = mentions[0]
        score = (2 if _MEETING_WORDS.search(folded) else 0) + (1 if mention.start else 0)
        if score:
            candidates.append((score, -index, mention, line.text))
    if not candidates:
        return
    _, _, mention, source = max(candidates, key=lambda c: (c[0], c[1]))
    agenda.meeting_date = mention.date
    agenda.start, agenda.end = mention.start, mention.end
    if agenda.start is None:
        start, end = parse_time_range(source[mention.span[1] :])
        if start is None and time_only is not None:
            start, end = parse_time_range(f"kl {time_only[1]}")
            if time_only[0] in _WITH_PLACE and agenda.place is None:
                agenda.place = _place_beside(time_only[1], None)
        agenda.start, agenda.end = start, end
    if agenda.place is None:
        after = re.match(r"^\s*,?\s*(i|på)\s+(?P<place>[^.]{3,80})", source[mention.span[1] :])
        if after:
            agenda.place = _clean_place(after.group("place"))


def _place_beside(text: str, mention: DateMention | None) -> str | None:
    """What is left of a "Tid och plats" value once its date and time are taken out."""
    rest = text.replace(mention.text, " ") if mention else text
    rest = re.sub(
        r"\b(kl\.?|klockan)?\s*\d{1,2}([.:]\d{2})?\s*(-|–|till)\s*\d{1,2}([.:]\d{2})?", " ", rest
    )
    rest = re.sub(r"\b(kl\.?|klockan)\s*\d{1,2}([.:]\d{2})?", " ", rest)
    rest = re.sub(_WEEKDAY, " ", rest)
    return _clean_place(rest)


def _clean_place(value: str) -> str | None:
    value = re.split(r"(?<=[a-zåäö0-9])\.\s+(?=[A-ZÅÄÖ])", value, maxsplit=1)[0]  # one sentence
    value = re.sub(r"^\s*(i|på)\s+", "", " ".join(value.replace("\t", " ").split()))
    value = value.strip(" ,.;:–-")
    return value if len(value) >= 3 and re.search(r"[A-Za-zÅÄÖåäö]{3}", value) else None


def _warnings(agenda: Agenda, today: date | None) -> list[str]:
    warnings = []
    if agenda.meeting_date is None:
        warnings.append("Inget mötesdatum hittades.")
    elif today is not None and agenda.meeting_date < today:
        warnings.append(f"Mötesdatumet {agenda.meeting_date.isoformat()} har redan varit.")
    if agenda.start is None:
        warnings.append("Ingen tid för mötet hittades.")
    if agenda.place is None:
        warnings.append("Ingen plats hittades.")
    if agenda.council is None:
        named = f" ({agenda.body})" if agenda.body else ""
        warnings.append(f"Kallelsen nämner inget av råden{named}.")
    if not agenda.items:
        warnings.append("Inga numrerade punkter hittades på dagordningen.")
    return warnings
