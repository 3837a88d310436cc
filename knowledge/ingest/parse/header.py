"""The header of a protocol: title, body, date, time, place, chair, secretary, justerare.

Values sit after Swedish labels ("Tid:", "Plats och tid", "Justeringens plats och tid") on the
same line (after a colon or a tab) or on the lines below them, in signature blocks (a role,
a dotted line, a name), or in running text ("Protokoll fört vid sammanträde ... den 14 oktober
2021 kl. 09.00-11.30 i sammanträdesrum Vasskärret").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache

from knowledge.bodies import COUNCIL_NAMES
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line
from knowledge.ingest.parse.people import NOT_NAME_WORDS, fold, looks_like_name, person_name
from knowledge.language.dates import find_dates, parse_time_range
from knowledge.language.text import normalize

_WHEN = {
    "tid",
    "datum",
    "motesdatum",
    "dag och tid",
    "sammantradesdag",
    "sammantradesdatum",
}
# A meeting app's export gives start and end as fields of their own, a bare "08:30" each.
_START, _END = {"starttid", "borjar"}, {"sluttid", "slutar"}
_CLOCK = re.compile(r"^(?:kl\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)$")
_WHEN_AND_PLACE = {"tid och plats", "plats och tid", "datum och tid", "datum, tid och plats"}
_PLACE = {"plats", "lokal", "motesplats", "motesplats och tid"}
_CHAIR = {"ordforande", "ordf", "motesordforande"}
_SECRETARY = {
    "sekreterare",
    "vid protokollet",
    "protokollforare",
    "antecknare",
    "vid pennan",
    "vid anteckningarna",
    "protokollet fort av",
    "anteckningar",
    "antecknat av",
    "anteckningsforare",
}
_ADJUSTERS = {"justerare", "justerande", "utses att justera", "justeras av", "valda justerare"}
_APPROVAL = {
    "justerat",
    "justerat den",
    "justeringsdatum",
    "justering",
    "justeringens plats och tid",
    "justeringens tid och plats",
    "justeringens plats",
    "justeringens tid",
}
_PARAGRAPHS = {"paragrafer", "paragraf", "justerade paragrafer", "paragrafer i utdraget", "§§"}
LABELS = (
    _WHEN | _START | _END | _WHEN_AND_PLACE | _PLACE | _CHAIR | _SECRETARY | _ADJUSTERS | _APPROVAL
)
LABELS |= _PARAGRAPHS | {"underskrifter", "beslutande", "beslutande ledamoter", "ovriga"}
# First words of a label broken over two lines ("Justeringens" / "plats och tid").
_LABEL_HEADS = {"justeringens", "justerade"}
_WEEKDAY = re.compile(
    r"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?( den)?\b", re.IGNORECASE
)
_LIST_HEADING = re.compile(
    r"^(närvarande|deltagare|ledamöter|ersättare|frånvarande|förhinder|övriga|tjänstepersoner)\b",
    re.IGNORECASE,
)
_SIGNATURE_LINE = re.compile(r"^[.…_\s]{3,}$|^[.…_]{3,}\s*")
_ADJOURNED = re.compile(r"\s*\(?\b(ajournering|ajournerat|paus)\b.*$", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s+och\s+|;|\t")
_RANGE = re.compile(r"\d\)?\s*[-–]\s*(?:§\s*)?\d")  # "112–121", "12)–18)", "§ 84 - § 94"


@dataclass
class Field:
    """A labelled header field: its folded label, the value beside it and the lines below."""

    index: int
    label: str
    value: str
    below: list[str]

    @property
    def whole(self) -> str:
        return " ".join([self.value, *self.below]).replace("\t", " ").strip()


def header_fields(texts: list[str]) -> list[Field]:
    """Every labelled field among ``texts``, in order."""
    texts = _labels_above_values(texts)
    fields: list[Field] = []
    i = 0
    while i < len(texts):
        found = _label_at(texts, i)
        if found is None:
            i += 1
            continue
        label, value, used = found
        value = _SIGNATURE_LINE.sub("", value).strip()
        below: list[str] = []
        j = i + used
        # A value that is complete on its line ("Plats: Lokal Eken") takes no lines below,
        # but for a line wrapped from it, which starts in lower case ("kl. 09.00–15.40").
        unfinished = not value.strip() or value.rstrip().endswith((",", " den", " och", "-"))
        while (
            (unfinished or (j < len(texts) and texts[j][:1].islower()))
            and j < len(texts)
            and len(below) < 3
            and texts[j]
            and _label_at(texts, j) is None
            and not _LIST_HEADING.match(texts[j])
        ):
            below.append(texts[j])
            j += 1
        # The value keeps its tabs: a table's next cell ("Helena Gyllenbäck<tab>S") is no
        # part of a name.
        fields.append(Field(i, label, value.strip(), below))
        i += used
    return fields


def _labels_above_values(texts: list[str]) -> list[str]:
    """A table's row of labels over its row of values ("Datum<tab>Tid<tab>Plats" over
    "2025-10-09<tab>09.00–12.00<tab>Kumla kommunhus") as a label and its value a line."""
    if not any("\t" in text for text in texts):
        return texts
    out: list[str] = []
    i = 0
    while i < len(texts):
        if "\t" not in texts[i] or i + 1 == len(texts):
            out.append(texts[i])
            i += 1
            continue
        cells = texts[i].split("\t")
        values = texts[i + 1].split("\t")
        if (
            len(cells) >= 2
            and len(values) == len(cells)
            and all(normalize(cell).rstrip(":").strip() in LABELS for cell in cells)
            and not any(normalize(value).rstrip(":").strip() in LABELS for value in values)
        ):
            out.extend(
                f"{cell.rstrip(':')}: {value}" for cell, value in zip(cells, values, strict=True)
            )
            i += 2
            continue
        out.append(texts[i])
        i += 1
    return out


def _label_at(texts: list[str], i: int) -> tuple[str, str, int] | None:
    """(label, value, lines used) when a label starts line ``i``."""
    if not texts[i]:
        return None
    key, rest, label = _line_label(texts[i])
    if key in _LABEL_HEADS and i + 1 < len(texts):
        nxt_key, nxt_rest, _ = _line_label(texts[i + 1])
        combined = f"{key} {nxt_key}"
        if combined in LABELS or combined.startswith("justeringens"):
            return combined, nxt_rest, 2
    return (label, rest, 1) if label else None


@lru_cache(maxsize=8192)
def _line_label(text: str) -> tuple[str, str, str | None]:
    """A line's first cell folded, the rest of the line, and its label when it is one."""
    text = text.removeprefix("- ")  # "- **Datum:** torsdag 22 januari 2026"
    first, _, rest = text.partition("\t")
    key = normalize(first).rstrip(":").strip()
    if key in LABELS:
        return key, rest, key
    field = LABELLED_FIELD.match(text)
    if field and normalize(field.group("label")) in LABELS:
        return key, field.group("value"), normalize(field.group("label"))
    return key, rest, None


def protocol_title(head: list[Line], councils: list[str], body: str | None = None) -> str:
    """The "Protokoll ..." line near the top or the document's first main heading, else
    "Protokoll, <the body's name>"."""
    for line in head[:15]:
        if re.match(r"^(protokoll|minnesanteckningar)\b", line.text, re.I) and len(line.text) > 12:
            return line.text.rstrip(" .")
    for line in head:
        if line.heading == 1 and len(line.text) > 12:
            return line.text.rstrip(" .")
    names = " och ".join(COUNCIL_NAMES[c] for c in councils) or body or "okänt organ"
    return f"Protokoll, {names}"


def parse_header_fields(protocol: Protocol, head: list[Line], top: list[str]) -> None:
    """Fill in date, time, place, chair, secretary, justerare, approval and paragraphs."""
    texts = [line.text for line in head]
    reference = _reference_date(top + texts)
    # The letterhead's "Sammanträdesdatum" first: later pages repeat it, so the cleaner drops it.
    for field in header_fields(top):
        if field.label in _WHEN and protocol.date is None:
            _take_when(protocol, field.whole, reference)
    for field in header_fields(texts):
        label = field.label
        if label in _WHEN or label in _WHEN_AND_PLACE:
            _take_when(protocol, field.whole, reference)
            if label in _WHEN_AND_PLACE and protocol.place is None:
                protocol.place = _place_after_when(field.whole)
        elif label in _START | _END and (clock := _CLOCK.match(field.whole.strip())):
            at = time(int(clock.group(1)), int(clock.group(2)))
            if label in _START and protocol.start is None:
                protocol.start = at
            elif label in _END and protocol.end is None:
                protocol.end = at
        elif label in _PLACE:
            protocol.place = protocol.place or _clean_place(field.whole)
        elif label in _APPROVAL:
            # "Justering 191121, Stadshuset": the short date form of older minutes too.
            found = find_dates(field.whole, reference=reference, allow_yymmdd=True)
            if found and protocol.approved is None:
                protocol.approved = found[0].date
        elif label in _CHAIR:
            protocol.chair = protocol.chair or _name_in(field)
        elif label in _SECRETARY:
            protocol.secretary = protocol.secretary or _name_in(field)
        elif label in _ADJUSTERS:
            for name in _names_in(field, listed=True):
                if name not in protocol.adjusters:
                    protocol.adjusters.append(name)
        elif label in _PARAGRAPHS and protocol.paragraphs is None:
            numbers = re.findall(r"\d{1,3}", field.whole)
            if len(numbers) == 1 or _RANGE.search(field.whole):
                protocol.paragraphs = "-".join(numbers[:2])
            elif numbers:  # an extract's §§, listed: "§ 92, § 95"
                protocol.paragraphs = ", ".join(numbers)
    if protocol.date is None:
        _when_in_running_text(protocol, texts, top, reference)
    if protocol.place is None:
        protocol.place = _place_in_running_text(" ".join(texts[:40]))
    _parse_signatures(protocol, texts)


# "Mötet hölls i lilla salen på Folkets hus i Degerfors och pågick ...": the place, up to the
# clause that follows it.
_HELD_IN = re.compile(
    r"\b(?:mötet|sammanträdet|träffen|dialogmötet)\s+(?:hölls|ägde rum|genomfördes)\s+"
    r"(?:i|på)\s+(?P<place>[^.;]{3,80}?)(?=\s+(?:och|samt|mellan|kl\.?|klockan|den)\b|[.;,]|$)",
    re.IGNORECASE,
)
# A room in a building: "lilla salen på Folkets hus" is written "Folkets hus, lilla salen".
_ROOM_IN = re.compile(
    r"^(?P<room>(?:\w+\s+)?(?:sal|salen|rum|rummet|konferensrum\w*|sammanträdesrum\w*)"
    r"(?:\s+[A-ZÅÄÖ]\w*)?)\s+(?:på|i)\s+(?P<building>[A-ZÅÄÖ].+)$"
)


def _place_in_running_text(text: str) -> str | None:
    match = _HELD_IN.search(text)
    if not match:
        return None
    place = match.group("place").strip()
    room = _ROOM_IN.match(place)
    return f"{room.group('building')}, {room.group('room')}" if room else place


def _reference_date(texts: list[str]) -> date | None:
    """A date with a written year near the top, to give a yearless meeting date its year."""
    for text in texts:
        if normalize(text).startswith(("publicerad", "uppdaterad")):
            continue
        for mention in find_dates(text):
            if mention.explicit_year:
                return mention.date
    return None


def _name_in(field: Field) -> str | None:
    names = _names_in(field)
    return names[0] if names else None


def _names_in(field: Field, listed: bool = False) -> list[str]:
    """Names in a field's value, else on the lines below it (a signature's dotted line first).

    A field of several people (``listed``: "Justerande: Mirja Koskinen, Thomas Wallén")
    separates them by commas too; elsewhere what follows a comma is the person's town or
    title ("Ordförande: Eva Lind, Kumla kommun").
    """
    for text in [field.value, *field.below]:
        text = _SIGNATURE_LINE.sub("", text).strip()
        if not text:
            continue
        parts = _NAME_SEPARATOR.split(text)
        if listed:
            parts = [piece for part in parts for piece in part.split(",")]
        names = [person_name(part) for part in parts]
        found = [name for name in names if name and fold(name.split()[0]) not in NOT_NAME_WORDS]
        if found:
            return found
    return []


def _take_when(protocol: Protocol, value: str, reference: date | None) -> None:
    found = [m for m in find_dates(value, reference=reference)]
    if found and protocol.date is None:
        protocol.date = found[0].date
        protocol.start, protocol.end = found[0].start, found[0].end
    if protocol.start is None:
        start, end = parse_time_range(_ADJOURNED.sub("", value))
        if start:
            protocol.start, protocol.end = start, end


def _when_in_running_text(
    protocol: Protocol, texts: list[str], top: list[str], reference: date | None
) -> None:
    """The first line near the top that names a date with its year, read with the lines of its
    paragraph: date, time, and the place after the date ("... kl. 9-11 i sammanträdesrum X")."""
    candidates = texts[:40] + top
    for index, line in enumerate(candidates):
        folded = normalize(line)
        if folded.startswith(("justera", "nasta mote", "publicerad", "anslag", "protokollet ar")):
            continue
        if not any(m.explicit_year for m in find_dates(line, reference=reference)):
            continue
        following = []
        for text in candidates[index + 1 : index + 4]:
            if not text:
                break
            following.append(text)
        paragraph = " ".join([line, *following])
        mention = next(m for m in find_dates(paragraph, reference=reference) if m.explicit_year)
        protocol.date = mention.date
        if mention.start is not None or protocol.start is None:
            # the time the date names; else the one a "Plats och tid" field gave
            protocol.start, protocol.end = mention.start, mention.end
        if protocol.start is None and re.search(r"\b(kl\.?|klockan)\s*\d", paragraph):
            protocol.start, protocol.end = parse_time_range(paragraph)
        after = paragraph[mention.span[1] :]
        if mention.span[1] < len(line) and line[mention.span[1] :].strip():
            after = line[mention.span[1] :]  # the place ends with its line, not the list below
        place = re.match(r"^\s*,?\s*i\s+(?P<place>[^.]{3,80})\.?", after)
        if place and protocol.place is None:
            protocol.place = _clean_place(place.group("place"))
        elif protocol.place is None and line.find(mention.text[:8]) <= 2:
            protocol.place = _place_after_when(line)  # a line that starts with its date
        return


def _clean_place(value: str) -> str | None:
    value = _ADJOURNED.sub("", value).strip(" ,.;:\t")
    return value or None


def _place_after_when(text: str) -> str | None:
    """What is left of a line once its date and time are taken out: the place."""
    rest = _ADJOURNED.sub("", text)
    for mention in find_dates(rest):
        rest = rest.replace(mention.text, " ")
    rest = re.sub(
        r"\b(kl\.?|klockan)?\s*\d{1,2}[.:]\d{2}(\s*(-|–|till)\s*\d{1,2}([.:]\d{2})?)?", " ", rest
    )
    rest = re.sub(r"\b(kl\.?|klockan)\s*\d{1,2}(\s*(-|–|till)\s*\d{1,2})?\b", " ", rest)
    rest = re.sub(r"^(tid och plats|plats och tid|tid|datum)\s*:", " ", rest.strip(), flags=re.I)
    rest = re.sub(
        r"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?( den)?\b",
        " ",
        rest,
        flags=re.I,
    )
    rest = re.sub(r"\s+,", ",", " ".join(rest.split())).strip(" ,.;:\t")
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
