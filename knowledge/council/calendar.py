"""The secretary's meeting calendar (table ``calendar``).

Whatever the secretary changes is told, through the outbox and in the same transaction, to
every registered ledamot and ersättare of the council: a new meeting, a meeting whose time or
place changed (entered again on its day), a meeting moved to another day (``move_meeting``:
the same event in members' calendars, see ``storage.calendar``), a cancelled one. Who has a
förhinder for a cancelled or moved meeting hears of it from ``absences.close_cancelled``
instead, in words about their notice. The .ics files are made by ``council.ics``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, time

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council import outbox
from knowledge.council.absence_model import OPEN
from knowledge.council.meetings import CANCELLED, HELD, Meeting, meeting_on
from knowledge.council.roster import chat_of, list_members
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.dates import format_date
from knowledge.storage import absences as absence_table
from knowledge.storage import calendar, kallelser
from knowledge.storage.database import transaction


class CalendarError(UserError):
    """A calendar entry that cannot be made; ``message`` is for the secretary."""


NEW, CHANGED, UNCHANGED, CANCELLED_NOW = "new", "changed", "unchanged", "cancelled"
MOVED = "moved"


def _check_council(council: str) -> None:
    if council not in COUNCIL_NAMES:
        raise CalendarError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")


def add_meeting(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
) -> str:
    """Enter (or correct) a meeting; it overrides what a protocol planned for that day. What it
    was (NEW, CHANGED or UNCHANGED); the council's members are told of a new or changed one."""
    _check_council(council)
    if start and end and end <= start:
        raise CalendarError("Sluttiden måste vara efter starttiden.")
    with transaction(db):
        change, before, after = enter(db, council, day, start, end, place)
        if change != UNCHANGED:
            _tell_members(db, after, change, before if change == CHANGED else None)
    return change


def enter(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
) -> tuple[str, Meeting | None, Meeting]:
    """Enter (or correct) the meeting in the caller's transaction, under the event's lasting
    UID and a higher sequence when it changed; nobody is told (the caller tells, as it sees
    fit). What it was (NEW, CHANGED or UNCHANGED), the meeting before and after."""
    before = meeting_on(db, council, day)
    uid, sequence = _identity(council, day, calendar.entry_on(db, council, day))
    calendar.put(db, council, day, start, end, place, clock.stamp(), uid=uid, sequence=sequence)
    after = meeting_on(db, council, day)
    assert after is not None
    if before is None or before.status == CANCELLED:
        change = NEW
    elif (before.start, before.end, before.place) != (after.start, after.end, after.place):
        change = CHANGED
    else:
        return UNCHANGED, before, after
    if before is not None:  # calendar apps take a changed event by its higher sequence
        calendar.bump(db, council, day)
        after.sequence += 1
    return change, before, after


def _identity(council: str, day: date, row: calendar.Entry | None) -> tuple[str, int]:
    """The UID and stored sequence of the day's meeting before the secretary changes it. A day
    whose meeting moved away gets a new event: the old UID lives on at the new day."""
    if row is not None and row.moved_to is not None:
        return f"{council}-{day.isoformat()}-{secrets.token_hex(4)}@samrad", 0
    return (row.uid, row.sequence) if row else (calendar.default_uid(council, day), 0)


def _where(meeting: Meeting) -> dict[str, object]:
    return {
        "start": meeting.start.strftime("%H:%M") if meeting.start else None,
        "end": meeting.end.strftime("%H:%M") if meeting.end else None,
        "place": meeting.place,
    }


def _tell_members(
    db: sqlite_utils.Database,
    meeting: Meeting,
    change: str,
    before: Meeting | None = None,
    skip: Iterable[int] = (),
) -> int:
    """One notice of the change to every registered ledamot and ersättare of the council
    (but the chats in ``skip``), if the meeting is still to come; how many."""
    if meeting.date < clock.today():
        return 0
    event = secrets.token_hex(6)  # each change is told, even back to an earlier state
    skipped = set(skip)
    chats = _members_chats(db, meeting.council) - skipped
    for chat in sorted(chats):
        outbox.add(
            db,
            f"calendar:{meeting.council}:{meeting.date.isoformat()}:{event}:{chat}",
            chat,
            template="meeting_changed",
            params={
                "change": change,
                "council": meeting.council,
                "meeting_date": meeting.date.isoformat(),
                **_where(meeting),
                "before": {**_where(before), "date": before.date.isoformat()} if before else None,
            },
            subject=outbox.about("meeting", meeting.council, meeting.date.isoformat()),
        )
    return len(chats)


def _members_chats(db: sqlite_utils.Database, council: str) -> set[int]:
    return {
        member.chat_id
        for member in list_members(db, council)
        if member.role in ("ledamot", "ersättare") and member.chat_id
    }


def reachable(db: sqlite_utils.Database, council: str) -> int:
    """How many ledamöter and ersättare of the council are registered: who hears of a change
    (or of their förhinder's fate)."""
    return len(_members_chats(db, council))


def cancel_meeting(db: sqlite_utils.Database, council: str, day: date) -> bool:
    """Cancel a meeting, whether the calendar or a protocol had it. False when no meeting was
    known that day (the day is marked cancelled all the same, should a protocol plan it later).
    Open absence notices are closed, and people told, by ``absences.close_cancelled``."""
    _check_council(council)
    with transaction(db):
        meeting = meeting_on(db, council, day)
        known = meeting is not None
        if meeting is not None and meeting.status == CANCELLED:
            return known  # cancelled already (or moved away): nothing changes
        uid, sequence = _identity(council, day, calendar.entry_on(db, council, day))
        calendar.cancel(db, council, day, clock.stamp(), uid=uid, sequence=sequence + int(known))
        if meeting is not None:
            # Who has a förhinder, or was asked to replace someone, is told about that.
            involved = [
                chat
                for absence in absence_table.at_meeting(db, council, day, OPEN)
                for chat in [chat_of(db, absence.person_id)]
                + [c for _, c in absence_table.open_requests(db, absence.id)]
                if chat
            ]
            _tell_members(db, meeting, CANCELLED_NOW, skip=involved)
    return known


def move_meeting(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    to_day: date,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
) -> Meeting:
    """Move the coming meeting of ``day`` to ``to_day`` (with its time and place unless new
    ones are given): one event in members' calendars, one notice. The meeting as moved."""
    _check_council(council)
    if start and end and end <= start:
        raise CalendarError("Sluttiden måste vara efter starttiden.")
    today = clock.today()
    with transaction(db):
        before = meeting_on(db, council, day)
        if before is None or before.status == CANCELLED:
            raise CalendarError(f"Det finns inget möte {format_date(day)} att flytta.")
        if day < today or before.status == HELD:
            raise CalendarError(f"Mötet {format_date(day)} har redan varit.")
        if to_day < today:
            raise CalendarError(f"{format_date(to_day)} har redan varit. Välj ett kommande datum.")
        if to_day == day:
            raise CalendarError("Mötet ligger redan den dagen. Ändra tid och plats med /nyttmote.")
        there = meeting_on(db, council, to_day)
        if there is not None and there.status != CANCELLED:
            raise CalendarError(
                f"Det finns redan ett möte {format_date(to_day)}. Välj en annan dag, "
                "eller ställ in det mötet först."
            )
        row = calendar.entry_on(db, council, day)
        now = clock.stamp()
        calendar.cancel(
            db,
            council,
            day,
            now,
            uid=before.uid,
            sequence=row.sequence if row else 0,
            moved_to=to_day,
        )
        calendar.put(
            db,
            council,
            to_day,
            start or before.start,
            end or (before.end if not start else None),
            place or before.place,
            now,
            uid=before.uid,
            sequence=before.sequence + 1,
        )
        # The meeting's agenda moves with it: the kallelse is to the meeting, not to the day.
        kallelser.move(db, council, day, to_day)
        after = meeting_on(db, council, to_day)
        assert after is not None
        _tell_members(db, after, MOVED, before)
    return after
