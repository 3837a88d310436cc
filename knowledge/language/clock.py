"""The one clock: the council meets in Europe/Stockholm, so "today", "nästa möte" and a
deadline's day are Stockholm's; moments are stored as UTC ISO text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def now() -> datetime:
    """This moment, in Stockholm time (aware)."""
    return datetime.now(STOCKHOLM)


def today() -> date:
    """Today's date in Stockholm, whatever the machine's time zone."""
    return now().date()


def local_day(moment: datetime) -> date:
    """The Stockholm date of an aware moment."""
    return moment.astimezone(STOCKHOLM).date()


def stamp(moment: datetime | None = None) -> str:
    """A moment (default: now) as stored: UTC, ISO 8601 to the second."""
    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")
