"""What a förhinder is: the notice and its states, the error a member is told, the flow's
timings, and the meetings a notice can be for. The lowest of the förhinder modules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from knowledge.council.meetings import CANCELLED, Meeting, list_meetings
from knowledge.errors import UserError
from knowledge.storage import absences as table
from knowledge.storage.absences import Absence

__all__ = ["Absence"]

SEARCHING, COVERED, UNCOVERED, WITHDRAWN = "searching", "covered", "uncovered", "withdrawn"
MEETING_CANCELLED = "cancelled"  # the meeting was cancelled: the notice is closed
CLOSED = (WITHDRAWN, MEETING_CANCELLED)  # a new notice for the same meeting may be filed
OPEN = (SEARCHING, COVERED, UNCOVERED)  # every other status


@dataclass(frozen=True)
class Timings:
    """The förhinder flow's clockwork; the bot's settings (README, "Configuration") set it."""

    answer_hours: int = 48  # an ersättare's time to answer ...
    reminder_days: tuple[int, ...] = (7, 1)  # reminders this many days before a meeting
    keep_days: int = 365  # absences are deleted this long after their meeting
    last_days: int = 2  # ... but never later than this many days before the meeting


DEFAULT_TIMINGS = Timings()


class AbsenceError(UserError):
    """Something to tell the person, in Swedish (``message``); nothing was changed."""


def get(db: sqlite_utils.Database, absence_id: int) -> Absence:
    """The notice; AbsenceError when it is gone (withdrawn long ago, purged, forgotten)."""
    absence = table.get(db, absence_id)
    if absence is None:
        raise AbsenceError("Den anmälan finns inte längre.")
    return absence


def upcoming(db: sqlite_utils.Database, council: str, today: date) -> list[Meeting]:
    """Meetings of the council from today on that are not cancelled."""
    return [m for m in list_meetings(db, council, since=today) if m.status != CANCELLED]
