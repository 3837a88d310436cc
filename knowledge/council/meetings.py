"""All known meetings: held (a protocol exists), scheduled by a protocol, or kept by hand.

A later protocol's plan supersedes an earlier one: when a protocol dated P lists meetings up to
date L, an earlier plan for a date between P and L that it no longer lists was moved or dropped
(the 9 September 2022 meeting that the 6 May 2022 protocol moved to 16 September).
A row in ``calendar`` (the secretary's) overrides both, and can cancel or move a meeting.

Each meeting carries its iCalendar identity (``uid``, ``sequence``; see ``storage.calendar``):
a protocol's plan is known by its council and day, revised (a higher sequence) when a later
protocol gives it another time or place; the secretary's row keeps the UID it inherited, also
when the meeting moves, and counts its own changes on top.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, time
from typing import Any

import sqlite_utils

from knowledge.storage import calendar, schedule
from knowledge.storage.schedule import Day

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
    uid: str = ""  # the iCalendar UID, the same through every change and move
    sequence: int = 0  # how many times it changed: calendar apps keep the highest
    moved_to: Day | None = None  # a cancelled day whose meeting goes on this day instead

    def __post_init__(self) -> None:
        self.uid = self.uid or calendar.default_uid(self.council, self.date)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["start"] = self.start.strftime("%H:%M") if self.start else None
        data["end"] = self.end.strftime("%H:%M") if self.end else None
        data["moved_to"] = self.moved_to.isoformat() if self.moved_to else None
        return data


def list_meetings(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Meeting]:
    """Every known meeting (from ``since`` on), by date then council; superseded plans left out.

    Plans dated before ``since`` cannot supersede anything after it, so leaving them out of
    the query changes nothing that is returned.
    """
    meetings: dict[tuple[str, date], Meeting] = {}
    for meeting in _plans(db, council, since)[0]:
        meetings[(meeting.council, meeting.date)] = meeting
    for held in schedule.held(db, council, since):
        key = (held.council, held.date)
        planned = meetings.get(key)
        meetings[key] = Meeting(
            council=held.council,
            date=held.date,
            start=held.start or (planned.start if planned else None),
            end=held.end or (planned.end if planned else None),
            place=held.place or (planned.place if planned else None),
            status=HELD,
            decided=True,
            document_id=held.document_id,
            source_document_id=planned.source_document_id if planned else None,
            note=planned.note if planned else None,
            source_item=planned.source_item if planned else None,
            sequence=planned.sequence if planned else 0,
        )
    for entry in calendar.entries(db, council, since):
        key = (entry.council, entry.date)
        known = meetings.get(key)
        if known and known.status == HELD:
            continue
        meetings[key] = Meeting(
            council=entry.council,
            date=entry.date,
            start=entry.start or (known.start if known else None),
            end=entry.end or (known.end if known else None),
            place=entry.place or (known.place if known else None),
            status=CANCELLED if entry.cancelled else SCHEDULED,
            decided=True,
            source_document_id=known.source_document_id if known else None,
            note=known.note if known else None,
            source="calendar",
            uid=entry.uid,
            # Either count only grows: their sum grows at every change of either.
            sequence=entry.sequence + (known.sequence if known else 0),
            moved_to=entry.moved_to,
        )
    return sorted(meetings.values(), key=lambda m: (m.date, m.council))


def superseded_plans(
    db: sqlite_utils.Database, council: str | None = None, since: date | None = None
) -> list[Meeting]:
    """Meetings a protocol planned and a later one dropped (moved or given up), that neither
    the calendar nor a protocol knows since: CANCELLED, under the UID they had."""
    dropped = _plans(db, council, since)[1]
    known = {(m.council, m.date) for m in list_meetings(db, council, since)}
    return [m for m in dropped if (m.council, m.date) not in known]


def _plans(
    db: sqlite_utils.Database, council: str | None, since: date | None = None
) -> tuple[list[Meeting], list[Meeting]]:
    """The plans that hold, and those a later protocol dropped (as CANCELLED)."""
    # Plans per (council, source protocol date), oldest source first.
    by_source: dict[tuple[str, date], list[schedule.Plan]] = {}
    for plan in schedule.plans(db, council, since):
        by_source.setdefault((plan.council, plan.issued or date.min), []).append(plan)
    plans: dict[tuple[str, date], Meeting] = {}
    dropped: dict[tuple[str, date], Meeting] = {}
    for (council_key, issued), source_plans in sorted(by_source.items(), key=lambda kv: kv[0][1]):
        listed = {p.date for p in source_plans}
        last = max(listed)
        for key in list(plans):
            if key[0] == council_key and issued < key[1] <= last and key[1] not in listed:
                gone = plans.pop(key)
                gone.status, gone.sequence = CANCELLED, gone.sequence + 1
                dropped[key] = gone
        for plan in source_plans:
            key = (council_key, plan.date)
            earlier = plans.get(key) or dropped.pop(key, None)
            start = plan.start or (earlier.start if earlier else None)
            end = plan.end or (earlier.end if earlier else None)
            place = plan.place or (earlier.place if earlier else None)
            revised = earlier is not None and (
                (earlier.start, earlier.end, earlier.place, earlier.status)
                != (start, end, place, SCHEDULED)
            )
            plans[key] = Meeting(
                council=council_key,
                date=plan.date,
                start=start,
                end=end,
                place=place,
                status=SCHEDULED,
                decided=plan.decided or bool(earlier and earlier.decided),
                source_document_id=plan.document_id,
                note=plan.note or (earlier.note if earlier else None),
                source_item=plan.item_number or (earlier.source_item if earlier else None),
                sequence=(earlier.sequence if earlier else 0) + int(revised),
            )
    return list(plans.values()), list(dropped.values())


def meeting_on(db: sqlite_utils.Database, council: str | None, day: date) -> Meeting | None:
    """The council's (or any council's) meeting that day, perhaps cancelled, or None."""
    return next((m for m in list_meetings(db, council, since=day) if m.date == day), None)


def meeting_for(db: sqlite_utils.Database, council: str, day: date) -> Meeting | None:
    """The council's meeting that day; the meeting it moved to when it moved."""
    meeting = meeting_on(db, council, day)
    seen = {day}
    while meeting is not None and meeting.moved_to is not None and meeting.moved_to not in seen:
        seen.add(meeting.moved_to)
        moved = list_meetings(db, council, since=meeting.moved_to)
        meeting = next((m for m in moved if m.date == meeting.moved_to), meeting)
    return meeting


def next_meeting(db: sqlite_utils.Database, council: str, today: date) -> Meeting | None:
    """The first meeting of ``council`` on or after ``today`` that is not cancelled."""
    for meeting in list_meetings(db, council, since=today):
        if meeting.date >= today and meeting.status != CANCELLED:
            return meeting
    return None


def latest_meeting(db: sqlite_utils.Database, council: str, today: date) -> Meeting | None:
    """The last held meeting of ``council`` before or on ``today``."""
    day = schedule.latest_held(db, council, today)
    if day is None:
        return None
    return meeting_on(db, council, day)
