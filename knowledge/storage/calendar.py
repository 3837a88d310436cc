"""The secretary's calendar (table ``calendar``): meetings entered, corrected or cancelled by
hand. The table's schema is in ``storage.corpus``'s migrations, where it was first created."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import sqlite_utils

from knowledge.storage.schedule import council_since, parse_time


@dataclass(frozen=True)
class Entry:
    """A day in the calendar: a meeting entered or corrected, or cancelled."""

    council: str
    date: date
    start: time | None
    end: time | None
    place: str | None
    cancelled: bool


def entries(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Entry]:
    """The calendar's days (of ``council``, from ``since`` on)."""
    where, params = council_since("council", "date", council, since)
    return [
        Entry(
            row[0],
            date.fromisoformat(row[1]),
            parse_time(row[2]),
            parse_time(row[3]),
            row[4],
            bool(row[5]),
        )
        for row in db.execute(
            'SELECT council, date, start, "end", place, cancelled FROM calendar WHERE 1' + where,
            params,
        )
    ]


def put(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
    at: str,
) -> None:
    """Enter (or correct) the meeting that day; a cancelled day is on again."""
    db.execute(
        'INSERT INTO calendar (council, date, start, "end", place, cancelled, created_at)'
        " VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (council, date) DO UPDATE SET"
        ' start = excluded.start, "end" = excluded."end", place = excluded.place, cancelled = 0',
        [
            council,
            day.isoformat(),
            start.strftime("%H:%M") if start else None,
            end.strftime("%H:%M") if end else None,
            place,
            at,
        ],
    )


def cancel(db: sqlite_utils.Database, council: str, day: date, at: str) -> None:
    """Mark the day cancelled, whatever was planned for it."""
    db.execute(
        "INSERT INTO calendar (council, date, cancelled, created_at) VALUES (?, ?, 1, ?)"
        " ON CONFLICT (council, date) DO UPDATE SET cancelled = 1",
        [council, day.isoformat(), at],
    )
