"""All known meetings: held (a protocol exists), scheduled by a protocol, or kept by hand.

A later protocol's plan supersedes an earlier one: when a protocol dated P lists meetings up to
date L, an earlier plan for a date between P and L that it no longer lists was moved or dropped
(the 9 September 2022 meeting that the 6 May 2022 protocol moved to 16 September).
A row in ``calendar`` (the secretary's) overrides both, and can cancel a meeting.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, time
from typing import Any

import sqlite_utils

HELD = "held"
SCHEDULED = "scheduled"
CANCELLED = "cancelled"


@dataclass
class Meeting:
    council: str
    date: date
    start: time | None
    end: time | None
    place: str | None
    status: str  # HELD, SCHEDULED or CANCELLED
    decided: bool  # a protocol decided this date (or the secretary entered it)
    document_id: int | None = None  # the protocol of a held meeting
    source_document_id: int | None = None  # the protocol that scheduled it
    note: str | None = None
    source: str = "protocol"  # "protocol" or "calendar"
    source_item: str | None = None  # the item of the scheduling protocol

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["start"] = self.start.strftime("%H:%M") if self.start else None
        data["end"] = self.end.strftime("%H:%M") if self.end else None
        return data


def list_meetings(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Meeting]:
    """Every known meeting (from ``since`` on), by date then council; superseded plans left out.

    Plans dated before ``since`` cannot supersede anything after it, so leaving them out of
    the query changes nothing that is returned.
    """
    meetings: dict[tuple[str, date], Meeting] = {}
    for meeting in _current_plans(db, council, since):
        meetings[(meeting.council, meeting.date)] = meeting
    params: list[object] = [council] if council else []
    if since:
        params.append(since.isoformat())
    for row in db.execute(
        'SELECT d.id, dc.council, d.date, d.start, d."end", d.place FROM documents d'
        " JOIN document_councils dc ON dc.document_id = d.id"
        " WHERE d.kind = 'protocol' AND d.date IS NOT NULL"
        + (" AND dc.council = ?" if council else "")
        + (" AND d.date >= ?" if since else ""),
        params,
    ):
        key = (row[1], date.fromisoformat(row[2]))
        planned = meetings.get(key)
        meetings[key] = Meeting(
            council=row[1],
            date=key[1],
            start=_time(row[3]) or (planned.start if planned else None),
            end=_time(row[4]) or (planned.end if planned else None),
            place=row[5] or (planned.place if planned else None),
            status=HELD,
            decided=True,
            document_id=row[0],
            source_document_id=planned.source_document_id if planned else None,
            note=planned.note if planned else None,
            source_item=planned.source_item if planned else None,
        )
    calendar_params: list[object] = [council] if council else []
    if since:
        calendar_params.append(since.isoformat())
    for row in db.execute(
        'SELECT council, date, start, "end", place, cancelled FROM calendar WHERE 1'
        + (" AND council = ?" if council else "")
        + (" AND date >= ?" if since else ""),
        calendar_params,
    ):
        key = (row[0], date.fromisoformat(row[1]))
        known = meetings.get(key)
        if known and known.status == HELD:
            continue
        meetings[key] = Meeting(
            council=row[0],
            date=key[1],
            start=_time(row[2]) or (known.start if known else None),
            end=_time(row[3]) or (known.end if known else None),
            place=row[4] or (known.place if known else None),
            status=CANCELLED if row[5] else SCHEDULED,
            decided=True,
            source_document_id=known.source_document_id if known else None,
            note=known.note if known else None,
            source="calendar",
        )
    return sorted(meetings.values(), key=lambda m: (m.date, m.council))


def _current_plans(
    db: sqlite_utils.Database, council: str | None, since: date | None = None
) -> list[Meeting]:
    params: list[object] = [council] if council else []
    if since:
        params.append(since.isoformat())
    rows = db.execute(
        'SELECT s.council, s.date, s.start, s."end", s.place, s.note, s.decided, s.document_id,'
        " d.date, s.item_number FROM scheduled_meetings s JOIN documents d ON d.id = s.document_id"
        " WHERE 1"
        + (" AND s.council = ?" if council else "")
        + (" AND s.date >= ?" if since else "")
        + " ORDER BY d.date, s.date",
        params,
    ).fetchall()
    # Plans per (council, source protocol date), oldest source first.
    by_source: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in rows:
        by_source.setdefault((row[0], row[8] or ""), []).append(row)
    plans: dict[tuple[str, date], Meeting] = {}
    for (council_key, source_date), source_rows in sorted(
        by_source.items(), key=lambda kv: kv[0][1]
    ):
        listed = {date.fromisoformat(r[1]) for r in source_rows}
        last = max(listed)
        issued = date.fromisoformat(source_date) if source_date else date.min
        for key in list(plans):
            if key[0] == council_key and issued < key[1] <= last and key[1] not in listed:
                del plans[key]
        for r in source_rows:
            key = (council_key, date.fromisoformat(r[1]))
            earlier = plans.get(key)
            plans[key] = Meeting(
                council=council_key,
                date=key[1],
                start=_time(r[2]) or (earlier.start if earlier else None),
                end=_time(r[3]) or (earlier.end if earlier else None),
                place=r[4] or (earlier.place if earlier else None),
                status=SCHEDULED,
                decided=bool(r[6]) or bool(earlier and earlier.decided),
                source_document_id=r[7],
                note=r[5] or (earlier.note if earlier else None),
                source_item=r[9] or (earlier.source_item if earlier else None),
            )
    return list(plans.values())


def next_meeting(db: sqlite_utils.Database, council: str, today: date) -> Meeting | None:
    """The first meeting of ``council`` on or after ``today`` that is not cancelled."""
    for meeting in list_meetings(db, council, since=today):
        if meeting.date >= today and meeting.status != CANCELLED:
            return meeting
    return None


def latest_meeting(db: sqlite_utils.Database, council: str, today: date) -> Meeting | None:
    """The last held meeting of ``council`` before or on ``today``."""
    row = db.execute(
        "SELECT max(d.date) FROM documents d JOIN document_councils c ON c.document_id = d.id"
        " WHERE c.council = ? AND d.kind = 'protocol' AND d.date <= ?",
        [council, today.isoformat()],
    ).fetchone()
    if not row or not row[0]:
        return None
    day = date.fromisoformat(row[0])
    return next(m for m in list_meetings(db, council, since=day) if m.date == day)


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None
