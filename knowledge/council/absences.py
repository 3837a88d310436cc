"""Förhinder: a member's absence notice, the ersättare called in turn, the secretary kept informed.

Every change and every notification it causes are written in one transaction (notifications go
to the outbox and are sent afterwards), so nothing is lost in a crash and a repeated update or a
double tap changes nothing. No reason for an absence is asked or stored.

This module is the member's side (report, withdraw, their notices) and the one place callers
import from; the rest lives in ``absence_model`` (the notice, its states and timings),
``absence_notices`` (who is told what), ``substitutes`` (asking ersättare and their answers),
``absence_jobs`` (the minute job) and ``attendance`` (the secretary's list).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import sqlite_utils

from knowledge.bodies import COUNCIL_SHORT
from knowledge.council import absence_notices as notices
from knowledge.council.absence_jobs import (
    close_cancelled,
    expire_due,
    purge,
    run_due,
    send_reminders,
)
from knowledge.council.absence_model import (
    CLOSED,
    COVERED,
    DEFAULT_TIMINGS,
    MEETING_CANCELLED,
    OPEN,
    SEARCHING,
    UNCOVERED,
    WITHDRAWN,
    Absence,
    AbsenceError,
    Timings,
    get,
    upcoming,
)
from knowledge.council.attendance import Seat, Totals, attendance, attendance_csv, totals
from knowledge.council.meetings import CANCELLED, Meeting, meeting_on
from knowledge.council.roster import list_members
from knowledge.council.substitutes import (
    answer_request,
    ask_next,
    current_round_key,
    release,
    secretary_reachable,
)
from knowledge.language import clock
from knowledge.language.dates import format_time_range
from knowledge.storage import absences as table
from knowledge.storage.database import transaction

__all__ = [
    "CLOSED",
    "COVERED",
    "MEETING_CANCELLED",
    "OPEN",
    "SEARCHING",
    "UNCOVERED",
    "WITHDRAWN",
    "Absence",
    "AbsenceError",
    "Seat",
    "Timings",
    "Totals",
    "answer_request",
    "attendance",
    "attendance_csv",
    "check_part",
    "close_cancelled",
    "expire_due",
    "get",
    "meeting_on",
    "mine",
    "part_example",
    "purge",
    "report",
    "run_due",
    "secretary_reachable",
    "send_reminders",
    "totals",
    "upcoming",
    "withdraw",
]


def report(
    db: sqlite_utils.Database,
    person_id: int,
    council: str,
    meeting_date: date,
    part: tuple[time, time] | None = None,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
    secretary_chat: int | None = None,
) -> Absence:
    """The member cannot come (to all or part of a meeting): their ersättare is asked; with
    none to ask, the secretary (registered, or ``secretary_chat``) is told."""
    now = now or clock.now()
    membership = next(
        (m for m in list_members(db, council, role="ledamot") if m.person_id == person_id), None
    )
    if membership is None:
        raise AbsenceError(
            f"Du står inte som ledamot i {COUNCIL_SHORT.get(council, council)} i rostern. "
            "Kontakta sekreteraren."
        )
    meeting = meeting_on(db, council, meeting_date)
    if meeting is None or meeting.status == CANCELLED:
        raise AbsenceError("Det mötet finns inte i kalendern.")
    if meeting_date < clock.local_day(now):
        raise AbsenceError("Det mötet har redan varit.")
    if part:
        check_part(meeting, *part)
    with transaction(db):
        existing = table.find(db, person_id, council, meeting_date)
        if existing and existing[1] not in CLOSED:
            return get(db, existing[0])  # reported already: the same notice, nothing new
        if existing:
            absence_id = existing[0]
            table.reopen(db, absence_id, part, SEARCHING, clock.stamp(now))
        else:
            absence_id = table.insert(
                db,
                person_id,
                council,
                membership.organisation,
                meeting_date,
                part,
                SEARCHING,
                clock.stamp(now),
            )
        ask_next(db, absence_id, meeting, now, timings, secretary_chat)
    return get(db, absence_id)


def check_part(meeting: Meeting, start: time, end: time) -> None:
    """A part of the meeting must end after it starts and lie within the meeting's hours
    (when the calendar knows them); AbsenceError names the hours and an example."""
    if end <= start:
        raise AbsenceError("Tiden du är borta måste sluta efter att den börjar.")
    if meeting.start and meeting.end and (start < meeting.start or end > meeting.end):
        raise AbsenceError(
            f"Mötet är {format_time_range(meeting.start, meeting.end)}. "
            f"Skriv en tid inom den, till exempel {part_example(meeting)}."
        )


def part_example(meeting: Meeting) -> str:
    """A part of the meeting to give as an example, as a member would type it: "10-11" for a
    meeting 9–12, "13-15" when the calendar has no hours."""
    if not (meeting.start and meeting.end):
        return "13-15"
    begin = datetime.combine(meeting.date, meeting.start)
    finish = datetime.combine(meeting.date, meeting.end)
    first = min(begin + timedelta(hours=1), finish - timedelta(minutes=30))
    first = max(first, begin)
    last = min(first + timedelta(hours=1), finish)

    def typed(moment: datetime) -> str:
        return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"

    return f"{typed(first)}-{typed(last)}"


def withdraw(
    db: sqlite_utils.Database,
    absence_id: int,
    person_id: int,
    now: datetime | None = None,
    secretary_chat: int | None = None,
) -> Absence:
    """The member can come after all: the notice is withdrawn and the ersättare told."""
    now = now or clock.now()
    with transaction(db):
        absence = get(db, absence_id)
        if absence.person_id != person_id:
            raise AbsenceError("Du kan bara återkalla dina egna anmälningar.")
        if absence.status in CLOSED:
            return absence
        if absence.meeting_date < clock.local_day(now):
            raise AbsenceError("Det mötet har redan varit.")
        table.set_status(db, absence_id, WITHDRAWN, clock.stamp(now))
        release(db, absence, "withdrawn")
        if absence.status == COVERED:
            key = f"{current_round_key(db, absence_id)}:withdrawn"
            notices.tell(
                db,
                absence,
                key,
                "absence_withdrawn",
                to=[notices.SECRETARIES],
                secretary_chat=secretary_chat,
            )
    return get(db, absence_id)


def mine(db: sqlite_utils.Database, person_id: int, today: date) -> list[Absence]:
    """The person's notices for meetings from today on (withdrawn and closed ones left out)."""
    return table.of_person(db, person_id, today, OPEN)
