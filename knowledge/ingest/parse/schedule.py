"""Meetings a protocol schedules: dates under a schedule item and "Nästa möte ..." sentences."""

from __future__ import annotations

import re
from datetime import date

from knowledge.ingest.model import Protocol, ScheduledMeeting
from knowledge.ingest.parse.decisions import decides
from knowledge.ingest.parse.lines import Line, paragraphs
from knowledge.ingest.parse.structure import ItemHeading, find_councils
from knowledge.ingest.parse.themes import THEME_TITLE
from knowledge.language.dates import find_dates, parse_time_range
from knowledge.language.text import normalize, split_sentences

SCHEDULE_TITLE = re.compile(
    r"\b(datum|mötesdatum|mötestider|sammanträdesplan|sammanträdesdagar|kommande möten|"
    r"nästa års möten|nästa möten?|nästa sammanträden?|mötesplan)\b",
    re.IGNORECASE,
)
# "Nästa AU-möte är …": an abbreviation's meeting is another body's (the arbetsutskott's), not
# the one whose minutes say so.
SCHEDULE_SENTENCE = re.compile(
    r"\bnästa (?:ordinarie )?(?!(?-i:[A-ZÅÄÖ]{2,5})-)[\w-]*(?:möte|sammanträde|träff)|\bnästa gång|"
    r"\bkommande (?:möten?|sammanträden?|träffar)\b|"
    r"möte[nt]? (?:hålls|äger rum)|sammanträde[t]? (?:hålls|äger rum)|\bmötet flyttas|"
    r"\bflyttas till|\bsammanträder\b",
    re.IGNORECASE,
)


def schedules(text: str) -> bool:
    """Whether a text speaks of a coming meeting (``SCHEDULE_SENTENCE``).

    Every phrase of the pattern holds one of these words, looked for first: the pattern is
    slow (it tries each of its phrases at every position), and most texts hold none. The text
    is casefolded, as the pattern ignores case ("ſ" is an "s" to both).
    """
    folded = text.casefold()
    return (
        "nästa " in folded
        or "kommande " in folded
        or "hålls" in folded
        or "äger rum" in folded
        or "flyttas" in folded
        or "sammanträder" in folded
    ) and SCHEDULE_SENTENCE.search(text) is not None


# "... kl. 13.00 i Sessionssalen.": the place after a scheduled meeting's date and time.
_PLACE_AFTER = re.compile(r"^\s*,?\s*(?:i|på)\s+(?P<place>[A-ZÅÄÖa-zåäö][^.;:\n(]{2,60})")
# "samtliga med början kl. 09.00", "Sammanträdena börjar kl. 09.30", "båda kl. 08.30": one
# time for a list of dates.
_COMMON_TIME = re.compile(
    r"\b(?:samtliga|sammanträdena|mötena|alla möten|båda|bägge)\b[^.:\n]{0,20}?"
    r"\b(?:kl\.?|klockan)\s*[\d.:–-]*\d",
    re.I,
)
# "Nomineringar lämnas senast den 15 september": a deadline, no meeting.
_DEADLINE = re.compile(r"\b(senast|före|innan|till och med|t\.\s?o\.\s?m\.)\s+(den\s+)?$", re.I)
_OTHER = re.compile(r"\bövrig", re.I)  # "Övriga frågor" names no meetings of its own
_NEXT_YEARS = re.compile(r"nästa års|nästa år", re.I)
_DAYPART = re.compile(
    r"\b(förmiddag|eftermiddag|heldag|fysiskt möte|digitalt möte|digitalt)\b", re.I
)


def parse_schedule(
    protocol: Protocol, lines: list[Line], items: list[ItemHeading]
) -> list[ScheduledMeeting]:
    """Meetings after this one that the items or the closing lines name, by date."""
    if protocol.date is None:
        return []
    held = protocol.date
    found: dict[date, ScheduledMeeting] = {}

    def add(
        text: str, reference: date, decided: bool, council: list[str], item: str | None
    ) -> None:
        common = _COMMON_TIME.search(text) if "kl" in text else None
        for mention in find_dates(text, reference=reference, prefer_future=True):
            if mention.date <= held or _DEADLINE.search(text, 0, mention.span[0]):
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
            meeting.place = meeting.place or _place_after(text, mention.span[1])
            if common and meeting.start is None:
                # "den 29 april och den 13 maj, båda kl. 08.30 i sammanträdesrum Alfred"
                meeting.start, meeting.end = parse_time_range(common.group(0))
                meeting.place = meeting.place or _place_after(text, common.end())
            meeting.decided = meeting.decided or decided
            if daypart and not meeting.note:
                meeting.note = daypart.group(1).lower()

    own: set[str] | None = None  # how the body names itself, when a matter returns to it
    for item in protocol.items:
        if THEME_TITLE.search(item.title):
            continue
        if SCHEDULE_TITLE.search(item.title) and not _OTHER.search(item.title):
            decided_here = any(d.explicit or decides(d.text) for d in item.decisions)
            reference = held
            if _NEXT_YEARS.search(item.title):
                reference = date(held.year + 1, 1, 1)
            before = len(found)
            listed: int | None = None  # the year a list's introduction names
            for paragraph in item.body.split("\n"):
                if not paragraph.strip() or _NOTICE.search(paragraph):
                    continue  # "Protokollet är justerat ...", "Anslaget ...": no meeting
                if listed and not paragraph.startswith("- ") and not paragraph[:1].isdigit():
                    listed = None
                year = reference if listed is None else date(listed, 1, 1)
                add(paragraph, year, decided_here, protocol.councils, item.number)
                if listed is None and paragraph.rstrip().endswith(":"):
                    listed = _year_named(paragraph, held)
            common = _COMMON_TIME.search(item.body)
            if common:
                start, end = parse_time_range(common.group(0))
                place = _place_after(item.body, common.end())
                for meeting in list(found.values())[before:]:
                    meeting.start = meeting.start or start
                    meeting.end = meeting.end or end
                    meeting.place = meeting.place or place
            continue
        listing = False  # under "Nästa möten:", a date a line
        for paragraph in item.body.split("\n"):
            if listing and paragraph.lstrip().startswith(("- ", "–")):
                add(paragraph, held, False, protocol.councils, item.number)
                continue
            listing = paragraph.rstrip().endswith(":") and schedules(paragraph)
            lower = paragraph.lower()
            if "återkommer till" in lower:
                own = _own_names(protocol.body) if own is None else own
                for returned in _RETURNS_TO.finditer(paragraph):
                    if normalize(returned.group("body")) in own:
                        add(returned.group(0), held, True, protocol.councils, item.number)
            if not (
                "möte" in lower
                or "sammantr" in lower
                or "flytta" in lower
                or "träff" in lower
                or "nästa gång" in lower
            ):
                continue
            if not schedules(paragraph):
                continue
            for sentence in split_sentences(paragraph):
                if schedules(sentence):
                    decided = decides(sentence)
                    add(sentence, held, decided, protocol.councils, item.number)
    # Lines after the last item ("Nästa möte med ...: 11 februari 2022 kl 9 – 12.").
    last_item_line = items[-1].pos if items else 0
    tail_texts = paragraphs([line.text for line in lines[last_item_line + 1 :]])
    for paragraph in tail_texts:
        if schedules(paragraph):
            councils = find_councils([Line(paragraph, 0, 0)]) or protocol.councils
            add(paragraph, held, False, councils, None)
    return sorted(found.values(), key=lambda m: m.date)


# The closing notice: the minutes approved and posted, with dates of their own.
_NOTICE = re.compile(r"\b(protokollet är justerat|justerades|anslag(et|s)?\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(20\d\d)\b")


def _year_named(paragraph: str, held: date) -> int | None:
    """The year a list's introduction names ("... följande tisdagar 2025, samtliga kl. 09.00
    i Regionens hus:"), not the year of a date it holds; a year after the meeting's."""
    rest = paragraph
    for mention in find_dates(paragraph):
        rest = rest.replace(mention.text, " ")
    years = [int(y) for y in _YEAR.findall(rest)]
    return years[-1] if years and years[-1] > held.year else None


# "Frågan ... återkommer till arbetsutskottet den 17 augusti 2021": the body meets that day,
# when it is this body (a matter may go on to another).
_RETURNS_TO = re.compile(
    r"\båterkommer till (?P<body>[a-zåäö][\wåäö-]*)\s+(?:(?:vid|på) (?:sammanträdet|mötet) )?"
    r"(?:den\s+)?\d{1,2}\s+\w+(?:\s+\d{4})?"
)
# A body's noun (folded) and its definite form, which its own minutes call it by.
_BODY_NOUNS = {
    "namnd": "namnden",
    "styrelse": "styrelsen",
    "utskott": "utskottet",
    "rad": "radet",
    "grupp": "gruppen",
    "beredning": "beredningen",
    "kommitte": "kommitten",
}


def _own_names(body: str | None) -> set[str]:
    """How a body's minutes name the body itself, folded: "Kommunstyrelsens arbetsutskott"
    -> arbetsutskottet, utskottet; "Hälso- och sjukvårdsnämnden" -> sjukvardsnamnden, namnden."""
    words = [word for word in normalize(body or "").split() if not word.startswith("(")]
    for word in reversed(words):
        for base, definite in _BODY_NOUNS.items():
            for form in (definite, base):
                if word.endswith(form):
                    return {definite, word[: len(word) - len(form)] + definite}
    return set()


# "- onsdag 19 november 2025 kl. 13.00–15.00, Teams": the place, last on its line.
_PLACE_ENDS_LINE = re.compile(r"^\s*,\s*(?P<place>[A-ZÅÄÖ][^.;:\n(]{1,60}?)\s*\.?\s*$")
# "…, Anna Berg skickar kallelse": someone doing something, not a place.
_SOMEONE_DOES = re.compile(r"[A-ZÅÄÖ][\wåäö-]+ [A-ZÅÄÖ][\wåäö-]+ [a-zåäö]{3,}r\b")
_NEXT_DATE = re.compile(
    r"\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\w*\s+(?:den\s+)?\d", re.I
)


def _place_after(text: str, end: int) -> str | None:
    """The place after a meeting's date: "i Nora kommunhus", or the next cell of a table row."""
    after = _NEXT_DATE.split(text[end:])[0]  # a list of dates reflowed into one paragraph
    match = _PLACE_AFTER.match(after) or _PLACE_ENDS_LINE.match(after)
    if match and not _SOMEONE_DOES.match(match.group("place")):
        # "på Brandstationen Örebro och onsdag 16 oktober …": the next date's "och" is not
        # the place's
        return re.sub(r"\s+(och|samt|eller)$", "", match.group("place").strip(" ,")).strip(" ,")
    cells = [cell.strip() for cell in after.split("\t") if cell.strip()]
    cells = [cell for cell in cells if not re.fullmatch(r"[\d.:–\- ]+|kl\.?.*", cell)]
    if "\t" in after and cells and re.match(r"[A-ZÅÄÖ]", cells[0]) and len(cells[0]) < 60:
        return cells[0]
    return None
