"""The secretary's meeting calendar (table ``calendar``), and meetings as .ics files.

Whatever the secretary changes is told, through the outbox and in the same transaction, to
every registered ledamot and ersättare of the council: a new meeting, a meeting whose time or
place changed (entered again on its day), a cancelled one. A meeting moves to another day by
cancelling it and entering the new one (two notices). Who has a förhinder for a cancelled
meeting hears of it from ``absences.close_cancelled`` instead, in words about their notice.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime, time

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council import outbox
from knowledge.council.absence_model import OPEN
from knowledge.council.meetings import CANCELLED, Meeting, list_meetings
from knowledge.council.roster import chat_of, list_members
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.storage import absences as absence_table
from knowledge.storage import calendar
from knowledge.storage.database import transaction


class CalendarError(UserError):
    """A calendar entry that cannot be made; ``message`` is for the secretary."""


NEW, CHANGED, UNCHANGED, CANCELLED_NOW = "new", "changed", "unchanged", "cancelled"


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
    if council not in COUNCIL_NAMES:
        raise CalendarError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    if start and end and end <= start:
        raise CalendarError("Sluttiden måste vara efter starttiden.")
    with transaction(db):
        before = _meeting_on(db, council, day)
        calendar.put(db, council, day, start, end, place, clock.stamp())
        after = _meeting_on(db, council, day)
        assert after is not None
        if before is None or before.status == CANCELLED:
            change = NEW
        elif (before.start, before.end, before.place) != (after.start, after.end, after.place):
            change = CHANGED
        else:
            return UNCHANGED
        _tell_members(db, after, change, before if change == CHANGED else None)
    return change


def _meeting_on(db: sqlite_utils.Database, council: str, day: date) -> Meeting | None:
    return next((m for m in list_meetings(db, council, since=day) if m.date == day), None)


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
    chats = {
        member.chat_id
        for member in list_members(db, meeting.council)
        if member.role in ("ledamot", "ersättare") and member.chat_id
    } - skipped
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
                "before": _where(before) if before else None,
            },
            subject=outbox.about("meeting", meeting.council, meeting.date.isoformat()),
        )
    return len(chats)


def cancel_meeting(db: sqlite_utils.Database, council: str, day: date) -> bool:
    """Cancel a meeting, whether the calendar or a protocol had it. False when no meeting was
    known that day (the day is marked cancelled all the same, should a protocol plan it later).
    Open absence notices are closed, and people told, by ``absences.close_cancelled``."""
    if council not in COUNCIL_NAMES:
        raise CalendarError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    with transaction(db):
        meeting = _meeting_on(db, council, day)
        known = meeting is not None
        calendar.cancel(db, council, day, clock.stamp())
        if meeting is not None and meeting.status != CANCELLED:
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


def meeting_ics(meeting: Meeting) -> bytes:
    """The meeting as an iCalendar file (Europe/Stockholm times)."""

    import icalendar

    stockholm = clock.STOCKHOLM
    ical = icalendar.Calendar()
    ical.add("prodid", "-//samrad//Region Örebro län//SV")
    ical.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"{meeting.council}-{meeting.date.isoformat()}@samrad")
    event.add("summary", f"Möte: {COUNCIL_NAMES.get(meeting.council, meeting.council)}")
    if meeting.start:
        event.add("dtstart", datetime.combine(meeting.date, meeting.start, tzinfo=stockholm))
        end = meeting.end or time(min(meeting.start.hour + 3, 23), meeting.start.minute)
        event.add("dtend", datetime.combine(meeting.date, end, tzinfo=stockholm))
    else:
        event.add("dtstart", meeting.date)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("dtstamp", clock.now())
    ical.add_component(event)
    return bytes(ical.to_ical())
