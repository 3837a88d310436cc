"""Swedish dates and clock times as councils write them (dateparser gets these wrong).

"Fredag den 19 november kl 13.00-16.00", "tisdagen den 3:e mars", "11 februari 9-12",
"2024-09-20, kl. 09.00-12.00", "20/9 2024", two-digit years ("14/3-23", "23-03-14") and
"250331" (inside decisions). A date without a year
takes it from a reference date (the protocol's own), from "nästa år", or from its weekday.
Times are Europe/Stockholm wall-clock times, returned naive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from knowledge.language import clock

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

# Every month name and short form, longest first: for patterns that read dates elsewhere.
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RE = MONTH_PATTERN
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_SEP = r"(?:-|–|—|till)"
# Numbers followed by these are amounts or ages, not clock times ("18-25 år", "10-15 kr").
_UNIT = r"\s*(?:år\b|ar\b|%|kr\b|kronor|procent|st\b|stycken|dagar|timmar|personer|veckor)"
# "kl. 9.00-ca 12.00", "kl 9 - kl 12": the end may repeat a marker.
_END_MARK = r"(?:ca\.?\s*|kl\.?\s*)?"
_CLOCK = (
    r"(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
    rf"(?:\s*{_SEP}\s*{_END_MARK}(?P<h2>\d{{1,2}})(?:[.:](?P<m2>\d{{2}}))?)?"
)
# A clock time with minutes, or a range of two, as a table cell or a field holds it alone:
# "13:00–16:00", "kl. 13.15".
CLOCK_SPAN = r"(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[–-]\s*\d{1,2}[.:]\d{2})?"
_TIME_AFTER = (
    r"(?P<time>,?\s*(?:(?P<fr>från|fran|mellan)\s+)?(?:(?P<kl>kl\.?|klockan)\s*)?"
    r"(?P<t1>\d{1,2})(?:[.:](?P<tm1>\d{2}))?"
    r"(?:\s*(?P<sep>-|–|—|till|och)\s*(?:ca\.?\s*|kl\.?\s*)?"
    r"(?P<t2>\d{1,2})(?:[.:](?P<tm2>\d{2}))?)?)"
    rf"(?!\d|{_UNIT})"
)
# Tried at the end of each date rather than inside the date pattern, so that a number which
# turns out not to be a time ("3 jan, 4 feb") is not swallowed before the next date.
_TIME_AFTER_RE = re.compile(_TIME_AFTER, re.IGNORECASE)


_ORDINAL = r"(?::e|:a|e)?\.?"
_DATE_RE = re.compile(
    # "tisdagen den 3:e mars 2026 kl 9-12", "1-2 juni 2025", "den 1 och 2 juni"
    rf"(?<![\w-])(?:(?P<wd>{_WEEKDAY_RE})(?:en)?,?\s+)?(?:den\s+)?"
    rf"(?:(?P<day0>\d{{1,2}}){_ORDINAL}\s*(?:-|–|—|och|till)\s*(?:den\s+)?)?"
    rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?P<mon>{_MONTH_RE})(?![\wåäö])\.?"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d))?"
    # "2024-09-20, kl. 09.00-12.00"
    rf"|(?<![\w-])(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\w-])"
    # "20/9 2024", "20/9", "14/3-23" (a two-digit year after a hyphen)
    rf"|(?<![\w/.-])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})"
    rf"(?:[ -](?P<sy>\d{{4}})|-(?P<sy2>\d{{2}})(?!\d|[.:]\d))?(?![\w/])"
    # "23-03-14": year, month and day in two digits each (a full stop may end the sentence)
    rf"|(?<![\w.:/-])(?P<y2>\d{{2}})-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?![\w:/-]|\.\d)"
    # "7.3.2025": only with a four-digit year, so clock times like "9.30" stay times
    rf"|(?<![\w.])(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}})(?![\w]|\.\d)"
    rf"|(?<!\d)(?P<yymmdd>\d{{6}})(?!\d)",
    re.IGNORECASE,
)
_KL_RANGE = re.compile(rf"(?:\bkl\.?|\bklockan)\s*{_CLOCK}", re.IGNORECASE)
_BETWEEN = re.compile(
    r"\bmellan\s+(?:kl\.?\s*|klockan\s*)?(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
    r"\s+och\s+(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?(?!\d|[.:]\d)",
    re.IGNORECASE,
)
_BARE_RANGE = re.compile(
    rf"(?<![\d.:/-])(?P<h1>\d{{1,2}})(?:[.:](?P<m1>\d{{2}}))?\s*{_SEP}\s*{_END_MARK}"
    rf"(?P<h2>\d{{1,2}})(?:[.:](?P<m2>\d{{2}}))?(?![\d.:/-]|{_UNIT})",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    rf"(?<![\w])(?P<mon>{_MONTH_RE})(?![\wåäö])\.?"
    rf"(?:\s*(?:-|–|—|/|och|till)\s*(?P<mon2>{_MONTH_RE})(?![\wåäö])\.?)?"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d)|\s+(?P<next>nästa år|nasta ar)\b)?",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(r"\bnästa års?\b|\bnasta ars?\b|\bnästkommande år", re.IGNORECASE)
# How far back "nästa år" may stand and still govern a date: the same paragraph and sentence.
_LOOKBACK = 300
_BREAK = re.compile(r"\n[ \t]*\n|[.!?]\s+(?=[A-ZÅÄÖ])")


@dataclass(frozen=True)
class DateMention:
    date: date
    start: time | None
    end: time | None
    span: tuple[int, int]
    text: str
    explicit_year: bool


def parse_time(text: str) -> time | None:
    """ "9", "9.00", "09:00", "13.30", "kl 9" -> a time; anything else -> None."""
    match = _PARSE_TIME.fullmatch(text)
    return _clock(match.group(1), match.group(2)) if match else None


_PARSE_TIME = re.compile(r"\s*(?:kl\.?|klockan)?\s*(\d{1,2})(?:[.:](\d{2}))?\s*", re.I)


def parse_time_range(text: str) -> tuple[time | None, time | None]:
    """The first clock time or range: "kl 9-12", "13.00–16.00", "9 till 12", "mellan 9 och 12".

    A time after "kl"/"klockan" or "mellan" wins over a bare "A-B" range, which only counts
    when both ends are clock times and no unit ("år", "kr", "%") follows it.
    """
    marked = [m for m in (_KL_RANGE.search(text), _BETWEEN.search(text)) if m is not None]
    for match in sorted(marked, key=lambda m: m.start()):
        start = _clock(match.group("h1"), match.group("m1"))
        if start is not None:
            end = _clock(match.group("h2"), match.group("m2")) if match.group("h2") else None
            return start, end
    for match in _BARE_RANGE.finditer(text):
        start = _clock(match.group("h1"), match.group("m1"))
        end = _clock(match.group("h2"), match.group("m2"))
        if start is not None and end is not None:
            return start, end
    return None, None


# Hours as people say them: "tio", "halv fyra" (15.30), "kvart över nio", "kvart i elva".
_HOUR_WORDS = {
    "ett": 1,
    "två": 2,
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "atta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
}
_QUARTER = r"(?P<q>halv|kvart\s+över|kvart\s+over|kvart\s+i)"
_SPOKEN_HOUR = re.compile(
    rf"(?<![\wåäö])(?:{_QUARTER}\s+)?"
    rf"(?P<w>{'|'.join(sorted(_HOUR_WORDS, key=len, reverse=True))})(?![\wåäö])"
    rf"|(?<![\wåäö]){_QUARTER.replace('?P<q>', '?P<dq>')}\s+(?P<d>\d{{1,2}})(?![\d.:])",
    re.IGNORECASE,
)
_AFTERNOON = range(1, 7)  # "från ett till tre", "halv fyra": a daytime meeting's afternoon


def parse_hours(text: str) -> tuple[time | None, time | None]:
    """The hours someone is away, as typed: "13-15", "14-15.30", "kl 10 till 11", "från 14
    till halv fyra", "halv tio till elva", "kvart över nio till tolv". Hours 1–6 are taken as
    afternoon (13–18), as for a meeting in the daytime."""

    def digits(match: re.Match[str]) -> str:
        quarter = " ".join((match["q"] or match["dq"] or "").lower().split())
        hour = _HOUR_WORDS[match["w"].lower()] if match["w"] else int(match["d"])
        if quarter == "halv":  # "halv ett" is 12.30
            return f"{(hour - 1) or 12}.30"
        if quarter.startswith("kvart i"):
            return f"{(hour - 1) or 12}.45"
        return f"{hour}.15" if quarter else str(hour)

    start, end = parse_time_range(_SPOKEN_HOUR.sub(digits, text))

    def daytime(moment: time | None) -> time | None:
        if moment is not None and moment.hour in _AFTERNOON:
            return moment.replace(hour=moment.hour + 12)
        return moment

    return daytime(start), daytime(end)


def parse_yymmdd(token: str) -> date | None:
    """ "250331" -> 2025-03-31 (years 2000-2099); not six digits or not a valid date -> None."""
    if len(token) != 6 or not token.isascii() or not token.isdigit():
        return None
    return _safe_date(2000 + int(token[:2]), int(token[2:4]), int(token[4:]))


def find_dates(
    text: str,
    *,
    reference: date | None = None,
    prefer_future: bool = False,
    allow_yymmdd: bool = False,
) -> list[DateMention]:
    """Every date in ``text`` in order, with a clock time or range when one follows it closely.

    A yearless date takes its year from "nästa år" shortly before it, from its weekday, or from
    ``reference`` (today when None); with ``prefer_future`` a date before ``reference`` moves
    to the next year. A day range ("1-2 juni 2025") gives one mention per day, both spanning
    the whole range. Six-digit YYMMDD tokens count only with ``allow_yymmdd``.
    """
    mentions: list[DateMention] = []
    start = _earliest_date_start(text)
    if start is None:
        return mentions
    for match in _DATE_RE.finditer(text, start):
        if mentions and match.start() < mentions[-1].span[1]:
            continue  # inside the clock time of the previous mention
        mentions.extend(_mentions(match, text, reference, prefer_future, allow_yymmdd))
    return mentions


_DIGIT = re.compile(r"\d")
# A weekday's longest spelling before a date, with its "-en" and a comma ("torsdagen,").
_WEEKDAY_SPAN = max(map(len, WEEKDAYS)) + len("en,")


def _earliest_date_start(text: str) -> int | None:
    """Where in ``text`` a date can start, at the earliest; None when none can.

    The date pattern tries every position of a text, which made it the slowest part of
    reading a protocol; most of a text lies before its first digit, where no date starts.
    Every date holds a digit, and before its first one stand at most a weekday and "den",
    each followed by whitespace ("tisdagen, den 3 mars"): the scan starts there.
    """
    digit = _DIGIT.search(text)
    if digit is None:
        return None
    index = digit.start()
    for _ in range(2):  # "den", then the weekday (a longer reach than either needs is safe)
        while index and text[index - 1].isspace():
            index -= 1
        word_end = index
        while index and word_end - index < _WEEKDAY_SPAN and not text[index - 1].isspace():
            index -= 1
    return index


def parse_date(
    text: str, *, reference: date | None = None, prefer_future: bool = False
) -> date | None:
    """The first date in ``text``, or None."""
    found = find_dates(text, reference=reference, prefer_future=prefer_future)
    return found[0].date if found else None


def find_months(text: str, *, reference: date | None = None) -> list[tuple[int | None, int]]:
    """Months named without a day: "i mars 2025" -> (2025, 3); "april–december 2025" -> two.

    A month followed by "nästa år" gets ``reference``'s year + 1 when a reference is given.
    Short forms that are ordinary words ("jul") count only with a year or a full stop.
    """
    months: list[tuple[int | None, int]] = []
    for match in _MONTH_ONLY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()].rstrip()
        if _DAY_BEFORE.search(before):
            continue  # "6 maj": a day-date, not a month
        names = [match.group("mon")] + ([match.group("mon2")] if match.group("mon2") else [])
        year: int | None = int(match.group("year")) if match.group("year") else None
        if match.group("next") and reference is not None:
            year = reference.year + 1
        for name in names:
            key = _spelling(name.rstrip("."), MONTHS)
            if key not in _FULL_MONTHS and year is None and not match.group(0).endswith("."):
                continue
            months.append((year, MONTHS[key]))
    return months


_DAY_BEFORE = re.compile(r"\d(?::e|:a|e)?\.?$")


def format_date(d: date, *, weekday: bool = True, year: bool = True) -> str:
    """ "fredag 19 november 2021" (or without weekday / year)."""
    text = f"{d.day} {MONTH_NAMES[d.month - 1]}"
    if weekday:
        text = f"{WEEKDAY_NAMES[d.weekday()]} {text}"
    if year:
        text = f"{text} {d.year}"
    return text


def format_time_range(start: time | None, end: time | None) -> str:
    """ "kl. 13.00–16.00", "kl. 9.00", or "" without a start time."""
    if start is None:
        return ""
    text = f"kl. {start.hour}.{start.minute:02d}"
    if end is not None:
        text += f"–{end.hour}.{end.minute:02d}"
    return text


def _mentions(
    match: re.Match[str],
    text: str,
    reference: date | None,
    prefer_future: bool,
    allow_yymmdd: bool,
) -> list[DateMention]:
    group = match.group
    if group("yymmdd"):
        found = parse_yymmdd(group("yymmdd")) if allow_yymmdd else None
        return [DateMention(found, None, None, match.span(), group(0), True)] if found else []
    if group("iy"):
        explicit = True
        dates = [_safe_date(int(group("iy")), int(group("im")), int(group("id")))]
    elif group("dy"):
        explicit = True
        dates = [_safe_date(int(group("dy")), int(group("dm")), int(group("dd")))]
    elif group("y2"):
        explicit = True
        dates = [_safe_date(2000 + int(group("y2")), int(group("m2")), int(group("d2")))]
    elif group("sd"):
        explicit = bool(group("sy") or group("sy2"))
        month, day = int(group("sm")), int(group("sd"))
        if group("sy2"):
            dates = [_safe_date(2000 + int(group("sy2")), month, day)]
        elif explicit:
            dates = [_safe_date(int(group("sy")), month, day)]
        else:
            dates = [_infer_year(day, month, None, text, match.start(), reference, prefer_future)]
    else:
        explicit = bool(group("year"))
        dates = _day_month(match, text, reference, prefer_future)
    start, end, span_end = _attached_time(text, match.end())
    span = (match.start(), span_end)
    return [
        DateMention(found, start, end, span, text[span[0] : span[1]], explicit)
        for found in dates
        if found is not None
    ]


def _day_month(
    match: re.Match[str], text: str, reference: date | None, prefer_future: bool
) -> list[date | None]:
    """ "tisdagen den 3:e mars", "1-2 juni 2025": the day (and first day of a range)."""
    group = match.group
    month = MONTHS[_spelling(group("mon").rstrip("."), MONTHS)]
    day = int(group("day"))
    first = int(group("day0")) if group("day0") else None
    if first is not None and first >= day:
        first = None  # "31-1 juni" is no range; the last day still stands
    if group("year"):
        year = int(group("year"))
        return [_safe_date(year, month, d) for d in (first, day) if d is not None]
    weekday = WEEKDAYS[_spelling(group("wd"), WEEKDAYS)] if group("wd") else None
    if (
        first is not None
        and weekday is not None
        and _WEEKDAY_DASH.search(text, 0, match.start("wd"))
    ):
        # "tisdag–onsdag 25–26 november": the weekday next to the days is the last day's
        weekday = (weekday - (day - first)) % 7
    leading = first if first is not None else day
    found = _infer_year(leading, month, weekday, text, match.start(), reference, prefer_future)
    if found is None:
        if first is None:
            return []
        # An invalid first day ("30-31 februari") cannot give the range its year.
        found = _infer_year(day, month, None, text, match.start(), reference, prefer_future)
        return [found]
    if first is None:
        return [found]
    return [found, _safe_date(found.year, month, day)]


_WEEKDAY_DASH = re.compile(rf"(?:{_WEEKDAY_RE})(?:en)?\s*[–-]\s*$", re.IGNORECASE)


def _attached_time(text: str, index: int) -> tuple[time | None, time | None, int]:
    """The clock time right after a date at ``index``, and where the mention ends.

    After a date a number without "kl" only counts when it is a range ("6 maj 13-16") or has
    minutes ("6 maj 13.30"), on the same line; "och" joins two times only after "mellan".
    """
    match = _TIME_AFTER_RE.match(text, index)
    if match is None:
        return None, None, index
    g = match.group
    has_kl = bool(g("kl"))
    has_range = bool(g("t2"))
    if has_range and g("sep").lower() == "och" and (g("fr") or "").lower() != "mellan":
        has_range = False
    # "13.30" is a clock time by its form; a bare "9" needs a range to be one.
    if not has_kl and (not (has_range or g("tm1")) or "\n" in text[index : match.start("t1")]):
        return None, None, index
    start = _clock(g("t1"), g("tm1"))
    if start is None:
        return None, None, index
    if not has_range:
        return start, None, match.end("tm1") if g("tm1") else match.end("t1")
    end = _clock(g("t2"), g("tm2"))
    if end is None:
        return None, None, index
    return start, end, match.end()


def _next_year_before(text: str, index: int) -> bool:
    """ "nästa års möten: 11 februari ...": "nästa år" earlier in the same paragraph/sentence."""
    window = text[max(0, index - _LOOKBACK) : index]
    breaks = [found.end() for found in _BREAK.finditer(window)]
    if breaks:
        window = window[breaks[-1] :]
    return _NEXT_YEAR.search(window) is not None


def _infer_year(
    day: int,
    month: int,
    weekday: int | None,
    text: str,
    index: int,
    reference: date | None,
    prefer_future: bool,
) -> date | None:
    base = reference or clock.today()
    if _next_year_before(text, index):
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
    if prefer_future and reference is not None and (found is None or found < reference):
        # Also finds the next leap day for "29 februari" in an ordinary year.
        for year in range(base.year + 1, base.year + 5):
            if (later := _safe_date(year, month, day)) is not None:
                return later
        return None
    return found


def _spelling(name: str, spellings: dict[str, int]) -> str:
    """The key in ``spellings`` that a case-insensitive match stands for.

    Case-insensitive matching also accepts "ſ" for "s", the Kelvin sign for "k" and "İ" for
    "i", whose lower case is no key, so those fall back to asking the regex engine itself.
    """
    key = name.lower()
    if key in spellings:
        return key
    return next(k for k in spellings if re.fullmatch(re.escape(k), name, re.IGNORECASE))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(hour: str | None, minute: str | None) -> time | None:
    """A wall-clock time; "24" / "24.00" is midnight, anything past it is not a time."""
    if hour is None:
        return None
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59 or (h == 24 and m > 0):
        return None
    return time(0 if h == 24 else h, m)
