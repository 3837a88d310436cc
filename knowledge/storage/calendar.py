"""The secretary's calendar (table ``calendar``): meetings entered, corrected, moved or
cancelled by hand. The table was first created in ``storage.corpus``'s migrations; the columns
that give a meeting its lasting identity in members' calendars are added here.

A meeting keeps one iCalendar UID for its whole life: the UID it was first known by (a
protocol's plan or the secretary's entry: ``default_uid``), carried to the new day when it is
moved, with a SEQUENCE that grows at every change, so calendar apps update the event instead
of adding a second one. The day a meeting moved away from stays as a cancelled row that points
to the new day (``moved_to``): it keeps a protocol's plan for that day from coming back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

import sqlite_utils

from knowledge.storage.schedule import Day, council_since, parse_time

MIGRATIONS: list[str] = [
    """
    ALTER TABLE calendar ADD COLUMN uid TEXT;            -- NULL: default_uid(council, date)
    ALTER TABLE calendar ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE calendar ADD COLUMN moved_to TEXT;       -- ISO date the meeting moved to
    """,
]


def default_uid(council: str, day: date) -> str:
    """The UID of a meeting first known on ``day``: what .ics files sent before the calendar
    kept UIDs used too, so those events are updated as well."""
    return f"{council}-{day.isoformat()}@samrad"


@dataclass(frozen=True)
class Entry:
    """A day in the calendar: a meeting entered or corrected, or cancelled."""

    council: str
    date: date
    start: time | None
    end: time | None
    place: str | None
    cancelled: bool
    uid: str = ""
    sequence: int = 0
    moved_to: Day | None = None  # a cancelled day whose meeting goes on another day


_COLUMNS = 'council, date, start, "end", place, cancelled, uid, sequence, moved_to'


def _entry(row: tuple[Any, ...]) -> Entry:
    council, day = row[0], date.fromisoformat(row[1])
    return Entry(
        council,
        day,
        parse_time(row[2]),
        parse_time(row[3]),
        row[4],
        bool(row[5]),
        row[6] or default_uid(council, day),
        int(row[7] or 0),
        date.fromisoformat(row[8]) if row[8] else None,
    )


def entries(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Entry]:
    """The calendar's days (of ``council``, from ``since`` on)."""
    where, params = council_since("council", "date", council, since)
    return [
        _entry(row)
        for row in db.execute(f"SELECT {_COLUMNS} FROM calendar WHERE 1" + where, params)
    ]


def entry_on(db: sqlite_utils.Database, council: str, day: date) -> Entry | None:
    """The calendar's row for that council and day, if it has one."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM calendar WHERE council = ? AND date = ?",
        [council, day.isoformat()],
    ).fetchone()
    return _entry(row) if row else None


def put(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
    at: str,
    *,
    uid: str | None = None,
    sequence: int = 0,
) -> None:
    """Enter (or correct) the meeting that day, as event ``uid`` at ``sequence``; a cancelled
    day is on again."""
    db.execute(
        'INSERT INTO calendar (council, date, start, "end", place, cancelled, created_at, uid,'
        " sequence) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (council, date) DO UPDATE SET"
        ' start = excluded.start, "end" = excluded."end", place = excluded.place, cancelled = 0,'
        " uid = excluded.uid, sequence = excluded.sequence, moved_to = NULL",
        [
            council,
            day.isoformat(),
            start.strftime("%H:%M") if start else None,
            end.strftime("%H:%M") if end else None,
            place,
            at,
            uid or default_uid(council, day),
            sequence,
        ],
    )


def cancel(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    at: str,
    *,
    uid: str | None = None,
    sequence: int = 0,
    moved_to: date | None = None,
) -> None:
    """Mark the day cancelled, whatever was planned for it (``moved_to``: the meeting goes on
    that day instead, under the same ``uid``)."""
    db.execute(
        "INSERT INTO calendar (council, date, cancelled, created_at, uid, sequence, moved_to)"
        " VALUES (?, ?, 1, ?, ?, ?, ?) ON CONFLICT (council, date) DO UPDATE SET cancelled = 1,"
        " uid = excluded.uid, sequence = excluded.sequence, moved_to = excluded.moved_to",
        [
            council,
            day.isoformat(),
            at,
            uid or default_uid(council, day),
            sequence,
            moved_to.isoformat() if moved_to else None,
        ],
    )


def bump(db: sqlite_utils.Database, council: str, day: date) -> None:
    """The day's event changed: one more in its sequence."""
    db.execute(
        "UPDATE calendar SET sequence = sequence + 1 WHERE council = ? AND date = ?",
        [council, day.isoformat()],
    )
