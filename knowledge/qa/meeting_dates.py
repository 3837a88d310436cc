"""Which meeting a question names: a day ("6 maj 2022", "19 nov", "4/12"), a month
("i mars", "majmötet 2022"), "i fredags", or the latest ("förra mötet")."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlite_utils

from knowledge.council.meetings import meeting_on
from knowledge.language.dates import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, find_dates, find_months
from knowledge.language.text import normalize
from knowledge.qa.types import Query

_RELATIVE_LATEST = re.compile(
    r"\b(forra|senaste|senast|foregaende|sista)\s+(mote|motet|gangen|radsmotet|traffen|"
    r"chefsgruppsmotet|sammantradet)\b"
    r"|\bforra gangen\b|\bsenaste protokoll\w*|\bsenast\b"
)
MONTH_MEETING = re.compile(
    r"\b(" + "|".join(normalize(m) for m in MONTH_NAMES) + r")(?:motet|mote|radsmotet|"
    r"sammantradet|protokollet|protokoll)\b(?:\s+((?:19|20)\d\d)\b)?"
)
_LAST_WEEKDAY = re.compile(r"\bi (mandags|tisdags|onsdags|torsdags|fredags|lordags|sondags)\b")


def meeting_reference(query: Query, text: str, today: date, db: sqlite_utils.Database) -> None:
    """Set the meeting ``text`` names: a day, a month, "i fredags", "förra mötet"."""
    last = _LAST_WEEKDAY.search(query.folded)
    if last:
        # "i fredags": the last Friday before today.
        weekday = [normalize(d) + "s" for d in WEEKDAY_NAMES].index(last.group(1))
        query.meeting_date = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
        return
    mentions = find_dates(text, reference=today)
    if mentions:
        mention = mentions[0]
        query.meeting_date = mention.date
        query.year_given = mention.explicit_year
        if (
            not mention.explicit_year
            and mention.date > today
            and not _planned(db, query, mention.date)
        ):
            # "mötet 19 nov": the last one; "mötet 4/12" when a meeting is planned that day
            query.meeting_date = mention.date.replace(year=mention.date.year - 1)
        return
    months = find_months(text, reference=today)
    if months:
        query.month = months[0]
        return
    season = _season(query.folded, today)
    if season is not None:
        query.season = season
        return
    compound = MONTH_MEETING.search(query.folded)
    if compound:
        # "majmötet 2022", "novembermötet": the meeting of that month.
        year = int(compound.group(2)) if compound.group(2) else None
        query.month = (year, MONTHS[compound.group(1)])
        return
    if _RELATIVE_LATEST.search(query.folded):
        query.relative = "latest"


# "hösten 2024", "våren 2022", "i höstas", "i våras": a season's months
_SEASONS = {"var": (1, 2, 3, 4, 5, 6), "host": (8, 9, 10, 11, 12), "sommar": (6, 7, 8)}
_A_MEETING = re.compile(r"mote(t|n|na)?\b|sammantrade\w*|\btraff(en|ar|arna)?\b")
_SEASON = re.compile(r"\b(var|host|sommar)en\s+((?:19|20)\d\d)\b|\bi (var|host|sommar)as\b")


def _season(folded: str, today: date) -> tuple[int, tuple[int, ...]] | None:
    """The season of the meeting asked about ("rådsmötet hösten 2024"); a season the subject
    is of ("anmälningar hösten 2022") is what the text is searched for."""
    match = _SEASON.search(folded)
    if match is None or not _A_MEETING.search(folded):
        return None
    if match.group(2):
        return int(match.group(2)), _SEASONS[match.group(1)]
    months = _SEASONS[match.group(3)]
    # "i höstas": the last one that has begun
    year = today.year if today.month >= months[0] else today.year - 1
    return year, months


def _planned(db: sqlite_utils.Database, query: Query, day: date) -> bool:
    """Whether a meeting (of the question's council, or any) is planned on ``day``."""
    return meeting_on(db, query.council, day) is not None
