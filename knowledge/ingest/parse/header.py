"""The header of a protocol: title, date, time, place, chair, secretary, justerare, approval.

Values sit after Swedish labels ("Tid:", "Plats:", "Justerat den") or on the line below them,
and in signature blocks, where a line of names stands above a line of roles.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.bodies import COUNCIL_NAMES
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line
from knowledge.ingest.parse.people import looks_like_name, person_name
from knowledge.language.dates import find_dates, parse_time_range
from knowledge.language.text import normalize


def protocol_title(head: list[Line], councils: list[str]) -> str:
    """The "Protokoll ..." line near the top, else "Protokoll, <the councils' names>"."""
    for line in head[:15]:
        if re.match(r"^(protokoll|minnesanteckningar)\b", line.text, re.I) and len(line.text) > 12:
            return line.text.rstrip(" .")
    names = " och ".join(COUNCIL_NAMES[c] for c in councils) or "okänt organ"
    return f"Protokoll, {names}"


def parse_header_fields(protocol: Protocol, head: list[Line], raw: str) -> None:
    """Fill in date, time, place, chair, secretary, justerare and approval from the head."""
    texts = [line.text for line in head]
    reference = _reference_date(texts)
    for i, text in enumerate(texts):
        folded = normalize(text)
        field = LABELLED_FIELD.match(text)
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
            protocol.chair = protocol.chair or person_name(value or _next_value(texts, i))
        elif label in ("sekreterare", "vid protokollet", "protokollforare"):
            protocol.secretary = protocol.secretary or person_name(value or _next_value(texts, i))
        elif label in ("justerare", "justerande"):
            name = person_name(value or _next_value(texts, i))
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
            protocol.secretary = person_name(match.group(1))


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
        if len(names) != len(roles) or not all(looks_like_name(n) for n in names):
            continue
        for role, name in zip(roles, names, strict=True):
            if role == "ordforande":
                protocol.chair = protocol.chair or name
            elif role == "sekreterare":
                protocol.secretary = protocol.secretary or name
            elif name not in protocol.adjusters:
                protocol.adjusters.append(name)
