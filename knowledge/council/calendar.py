"""The secretary's meeting calendar (table ``calendar``), and meetings as .ics files."""

from __future__ import annotations

from datetime import date, datetime, time

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council.meetings import Meeting, list_meetings
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.storage import calendar


class CalendarError(UserError):
    """A calendar entry that cannot be made; ``message`` is for the secretary."""


def add_meeting(
    db: sqlite_utils.Database,
    council: str,
    day: date,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
) -> None:
    """Enter (or correct) a meeting; it overrides what a protocol planned for that day."""
    if council not in COUNCIL_NAMES:
        raise CalendarError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    if start and end and end <= start:
        raise CalendarError("Sluttiden måste vara efter starttiden.")
    calendar.put(db, council, day, start, end, place, clock.stamp())


def cancel_meeting(db: sqlite_utils.Database, council: str, day: date) -> bool:
    """Cancel a meeting, whether the calendar or a protocol had it. False when no meeting was
    known that day (the day is marked cancelled all the same, should a protocol plan it later).
    Open absence notices are closed, and people told, by ``absences.close_cancelled``."""
    if council not in COUNCIL_NAMES:
        raise CalendarError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    known = any(m.date == day for m in list_meetings(db, council, since=day))
    calendar.cancel(db, council, day, clock.stamp())
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
