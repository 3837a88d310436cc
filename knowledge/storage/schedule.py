"""What the protocols say about meetings, read for the council's calendar: the meetings held
(a protocol exists) and those a protocol scheduled. Read only; the corpus tables belong to
``storage.corpus``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import sqlite_utils

Day = date


@dataclass(frozen=True)
class Held:
    """A meeting a protocol records."""

    document_id: int
    council: str
    date: date
    start: time | None
    end: time | None
    place: str | None


@dataclass(frozen=True)
class Plan:
    """A meeting a protocol (issued that day) scheduled."""

    council: str
    date: date
    start: time | None
    end: time | None
    place: str | None
    note: str | None
    decided: bool
    document_id: int
    issued: Day | None  # (``date`` is a field name here)
    item_number: str | None


def parse_time(value: str | None) -> time | None:
    """A stored "HH:MM" time, or None."""
    return time.fromisoformat(value) if value else None


def council_since(
    council_column: str, date_column: str, council: str | None, since: date | None
) -> tuple[str, list[object]]:
    """SQL conditions (and their parameters) for one council and dates from ``since`` on."""
    sql: str
    params: list[object]
    sql, params = "", []
    if council:
        sql += f" AND {council_column} = ?"
        params.append(council)
    if since:
        sql += f" AND {date_column} >= ?"
        params.append(since.isoformat())
    return sql, params


def held(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Held]:
    """The meetings protocols record (of ``council``, from ``since`` on)."""
    where, params = council_since("dc.council", "d.date", council, since)
    return [
        Held(
            row[0],
            row[1],
            date.fromisoformat(row[2]),
            parse_time(row[3]),
            parse_time(row[4]),
            row[5],
        )
        for row in db.execute(
            'SELECT d.id, dc.council, d.date, d.start, d."end", d.place FROM documents d'
            " JOIN document_councils dc ON dc.document_id = d.id"
            " WHERE d.kind = 'protocol' AND d.date IS NOT NULL" + where,
            params,
        )
    ]


def plans(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Plan]:
    """The meetings protocols scheduled (of ``council``, from ``since`` on), by the date of
    the protocol that scheduled them, then by date."""
    where, params = council_since("s.council", "s.date", council, since)
    return [
        Plan(
            council=row[0],
            date=date.fromisoformat(row[1]),
            start=parse_time(row[2]),
            end=parse_time(row[3]),
            place=row[4],
            note=row[5],
            decided=bool(row[6]),
            document_id=row[7],
            issued=date.fromisoformat(row[8]) if row[8] else None,
            item_number=row[9],
        )
        for row in db.execute(
            'SELECT s.council, s.date, s.start, s."end", s.place, s.note, s.decided,'
            " s.document_id, d.date, s.item_number FROM scheduled_meetings s"
            " JOIN documents d ON d.id = s.document_id WHERE 1"
            + where
            + " ORDER BY d.date, s.date",
            params,
        )
    ]


def latest_held(db: sqlite_utils.Database, council: str, until: date) -> date | None:
    """The date of the council's last protocol on or before ``until``."""
    row = db.execute(
        "SELECT max(d.date) FROM documents d JOIN document_councils c ON c.document_id = d.id"
        " WHERE c.council = ? AND d.kind = 'protocol' AND d.date <= ?",
        [council, until.isoformat()],
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None
