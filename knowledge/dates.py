"""Swedish dates and clock times as councils write them (dateparser gets these wrong).

"Fredag den 19 november kl 13.00-16.00", "tisdagen den 3:e mars", "11 februari 9-12",
"2024-09-20, kl. 09.00-12.00", "20/9 2024", "250331" (inside decisions). A date without a year
takes it from a reference date (the protocol's own), from "nästa år", or from its weekday.
Times are Europe/Stockholm wall-clock times, returned naive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

MONTH_NAMES = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAY_NAMES = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

MONTHS: dict[str, int] = {name: n for n, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update(
    {
        "jan": 1,
        "feb": 2,
        "febr": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "dec": 12,
    }
)
WEEKDAYS: dict[str, int] = {name: n for n, name in enumerate(WEEKDAY_NAMES)}
WEEKDAYS.update({"mandag": 0, "lordag": 5, "sondag": 6})
# Short forms that are also ordinary words ("jul" is Christmas) count only next to a day number.
_FULL_MONTHS = set(MONTH_NAMES) | {"sept", "febr"}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_CLOCK = (
    r"(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
    r"(?:\s*(?:-|–|—|till)\s*(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?)?"
)
_TIME_AFTER = (
    r"(?P<time>,?\s*(?:(?P<kl>kl\.?|klockan)\s*)?"
    r"(?P<t1>\d{1,2})(?:[.:](?P<tm1>\d{2}))?"
    r"(?:\s*(?:-|–|—|till)\s*(?P<t2>\d{1,2})(?:[.:](?P<tm2>\d{2}))?)?)"
)
_DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<wd>{_WEEKDAY_RE})(?:en)?,?\s+)?(?:den\s+)?"
    rf"(?P<day>\d{{1,2}})(?::e|:a|e)?\.?\s+(?P<mon>{_MONTH_RE})(?![\wåäö])\.?"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d))?{_TIME_AFTER}?"
    rf"|(?<![\w-])(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\w-])"
    rf"{_TIME_AFTER.replace('?P<', '?P<i')}?"
    rf"|(?<![\w/.-])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:[ -](?P<sy>\d{{4}}))?(?![\w/])"
    rf"|(?<!\d)(?P<yymmdd>\d{{6}})(?!\d)",
    re.IGNORECASE,
)
_KL_RANGE = re.compile(rf"(?:\bkl\.?|\bklockan)\s*{_CLOCK}", re.IGNORECASE)
_BARE_RANGE = re.compile(
    r"(?<![\d.:/-])(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s*(?:-|–|—|till)\s*"
    r"(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?(?![\d.:/-]|\s*(?:år|%|kr|procent|st\b|dagar|timmar))",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    rf"(?<![\w])(?P<mon>{_MONTH_RE})(?![\wåäö])\.?(?:\s*(?:-|–|—)\s*(?P<mon2>{_MONTH_RE})(?![\wåäö])\.?)?"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(r"\bnästa års?\b|\bnasta ars?\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    date: date
    start: time | None
    end: time | None
    span: tuple[int, int]
    text: str
    explicit_year: bool


def parse_time(text: str) -> time | None:
    """ "9", "9.00", "09:00", "13.30" -> a time; anything else -> None."""
    match = re.fullmatch(r"\s*(?:kl\.?|klockan)?\s*(\d{1,2})(?:[.:](\d{2}))?\s*", text, re.I)
    return _clock(match.group(1), match.group(2)) if match else None


def parse_time_range(text: str) -> tuple[time | None, time | None]:
    """The first clock time or range: "kl 9-12", "13.00–16.00", "9 till 12"."""
    match = _KL_RANGE.search(text)
    if match is None:
        match = next(
            (m for m in _BARE_RANGE.finditer(text) if _clock(m.group("h1"), m.group("m1"))), None
        )
    if match is None:
        return None, None
    start = _clock(match.group("h1"), match.group("m1"))
    end = _clock(match.group("h2"), match.group("m2")) if match.group("h2") else None
    if start is None:
        return None, None
    return start, end


def parse_yymmdd(token: str) -> date | None:
    """ "250331" -> 2025-03-31; not a valid date -> None."""
    if not re.fullmatch(r"\d{6}", token):
        return None
    return _safe_date(2000 + int(token[:2]), int(token[2:4]), int(token[4:]))


def find_dates(
    text: str,
    *,
    reference: date | None = None,
    prefer_future: bool = False,
    allow_yymmdd: bool = False,
) -> list[DateMention]:
    """Every date in ``text``, with a clock time or range when one follows it closely."""
    mentions: list[DateMention] = []
    for match in _DATE_RE.finditer(text):
        found = _mention(match, text, reference, prefer_future, allow_yymmdd)
        if found:
            mentions.append(found)
    return mentions


def parse_date(
    text: str, *, reference: date | None = None, prefer_future: bool = False
) -> date | None:
    """The first date in ``text``, or None."""
    found = find_dates(text, reference=reference, prefer_future=prefer_future)
    return found[0].date if found else None


def find_months(text: str, *, reference: date | None = None) -> list[tuple[int | None, int]]:
    """Months named without a day: "i mars 2025" -> (2025, 3); "april–december 2025" -> two."""
    months: list[tuple[int | None, int]] = []
    for match in _MONTH_ONLY.finditer(text):
        before = text[: match.start()].rstrip()
        if re.search(r"\d(:e|:a|e)?\.?$", before):
            continue  # "6 maj": a day-date, not a month
        names = [match.group("mon")] + ([match.group("mon2")] if match.group("mon2") else [])
        year = int(match.group("year")) if match.group("year") else None
        for name in names:
            key = name.lower().rstrip(".")
            if key not in _FULL_MONTHS and year is None and not match.group(0).endswith("."):
                continue
            months.append((year, MONTHS[key]))
    return months


def format_date(d: date, *, weekday: bool = True, year: bool = True) -> str:
    """ "fredag 19 november 2021" (or without weekday / year)."""
    text = f"{d.day} {MONTH_NAMES[d.month - 1]}"
    if weekday:
        text = f"{WEEKDAY_NAMES[d.weekday()]} {text}"
    if year:
        text = f"{text} {d.year}"
    return text


def format_time_range(start: time | None, end: time | None) -> str:
    """ "kl. 13.00–16.00", "kl. 9.00", or "" without a time."""
    if start is None:
        return ""
    text = f"kl. {start.hour}.{start.minute:02d}"
    if end is not None:
        text += f"–{end.hour}.{end.minute:02d}"
    return text


def _mention(
    match: re.Match[str],
    text: str,
    reference: date | None,
    prefer_future: bool,
    allow_yymmdd: bool,
) -> DateMention | None:
    group = match.group
    start = end = None
    if group("yymmdd"):
        if not allow_yymmdd:
            return None
        found = parse_yymmdd(group("yymmdd"))
        if found is None:
            return None
        return DateMention(found, None, None, match.span(), match.group(0), True)
    if group("iy"):
        found = _safe_date(int(group("iy")), int(group("im")), int(group("id")))
        if found is None:
            return None
        start, end, span_end = _attached_time(match, "i")
        return _make(text, match.start(), span_end, found, start, end, True)
    if group("sd"):
        month, day = int(group("sm")), int(group("sd"))
        if group("sy"):
            found = _safe_date(int(group("sy")), month, day)
            return _make(text, *match.span(), found, None, None, True) if found else None
        found = _infer_year(day, month, None, text[: match.start()], reference, prefer_future)
        return _make(text, *match.span(), found, None, None, False) if found else None
    day = int(group("day"))
    month = MONTHS[group("mon").lower().rstrip(".")]
    start, end, span_end = _attached_time(match, "")
    if group("year"):
        found = _safe_date(int(group("year")), month, day)
        return _make(text, match.start(), span_end, found, start, end, True) if found else None
    weekday = WEEKDAYS.get(group("wd").lower()) if group("wd") else None
    found = _infer_year(day, month, weekday, text[: match.start()], reference, prefer_future)
    return _make(text, match.start(), span_end, found, start, end, False) if found else None


def _attached_time(match: re.Match[str], prefix: str) -> tuple[time | None, time | None, int]:
    """The clock time right after a date; a bare number only counts as part of a range."""
    g = match.group
    if not g(f"{prefix}time"):
        return None, None, match.end()
    has_kl = bool(g(f"{prefix}kl"))
    has_range = bool(g(f"{prefix}t2"))
    if not has_kl and not has_range:
        return None, None, match.start(f"{prefix}time")
    start = _clock(g(f"{prefix}t1"), g(f"{prefix}tm1"))
    end = _clock(g(f"{prefix}t2"), g(f"{prefix}tm2")) if has_range else None
    if start is None or (has_range and end is None):
        return None, None, match.start(f"{prefix}time")
    return start, end, match.end()


def _make(
    text: str,
    start_index: int,
    end_index: int,
    found: date | None,
    start: time | None,
    end: time | None,
    explicit: bool,
) -> DateMention | None:
    if found is None:
        return None
    return DateMention(
        found, start, end, (start_index, end_index), text[start_index:end_index], explicit
    )


def _infer_year(
    day: int,
    month: int,
    weekday: int | None,
    before: str,
    reference: date | None,
    prefer_future: bool,
) -> date | None:
    base = reference or date.today()
    if _NEXT_YEAR.search(before):
        return _safe_date(base.year + 1, month, day)
    if weekday is not None:
        options = [
            d
            for y in range(base.year - 1, base.year + 3)
            if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday
        ]
        if options:
            return min(options, key=lambda d: abs((d - base).days))
    found = _safe_date(base.year, month, day)
    if found is None and month == 2 and day == 29:
        return None
    if found is not None and prefer_future and reference is not None and found < reference:
        found = _safe_date(base.year + 1, month, day)
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(hour: str | None, minute: str | None) -> time | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59:
        return None
    return time(0 if h == 24 else h, m)
