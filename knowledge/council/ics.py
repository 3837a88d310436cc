"""Meetings as iCalendar files: one meeting (/nasta, a change notice) or all the coming
meetings of a member's councils (/kalender).

Every event has the meeting's lasting UID and its SEQUENCE (``council.meetings``), so opening a
newer file updates the events already in a calendar app instead of adding them again: a moved
meeting moves, a cancelled one shows as cancelled (STATUS:CANCELLED, same UID). Times are
Europe/Stockholm, with the zone's definition in the file; each coming meeting has a reminder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta

import icalendar
import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council.meetings import (
    CANCELLED,
    Meeting,
    list_meetings,
    meeting_on,
    superseded_plans,
)
from knowledge.language import clock
from knowledge.storage import kallelser

REMINDER = timedelta(days=1)  # the alarm, before the meeting starts (or its day, untimed)
DEFAULT_LENGTH = timedelta(hours=3)  # a meeting with a start and no end

# The agenda of a coming meeting, as lines, when one is known (a kallelse read in).
Agenda = Callable[[Meeting], Sequence[str]]


def meeting_agenda(db: sqlite_utils.Database, meeting: Meeting) -> list[str]:
    """The agenda items of a meeting, one line each ("1. Mötet öppnas"), from its published
    kallelse; none without one."""
    kallelse = kallelser.published(db, meeting.council, meeting.date)
    if kallelse is None:
        return []
    return [
        f"{item.number}. {item.title}".strip(". ") if item.number else item.title
        for item in kallelse.agenda.items
    ]


def calendar_file(db: sqlite_utils.Database, councils: Iterable[str], today: date) -> bytes:
    """Every meeting of ``councils`` from ``today`` on, cancelled ones too (so that a calendar
    holding them learns it), as one .ics file; the agenda from ``meeting_agenda``."""
    meetings: list[Meeting] = []
    for council in councils:
        meetings += list_meetings(db, council, since=today)
        meetings += superseded_plans(db, council, since=today)
    meetings.sort(key=lambda m: (m.date, m.council))
    return meetings_ics(meetings, lambda meeting: meeting_agenda(db, meeting))


def meeting_ics(meeting: Meeting, agenda: Sequence[str] = ()) -> bytes:
    """One meeting as an .ics file."""
    return meetings_ics([meeting], lambda _: agenda)


def meetings_ics(meetings: Iterable[Meeting], agenda: Agenda | None = None) -> bytes:
    """The meetings as one iCalendar file. A day a meeting moved away from is left out: the
    meeting's event is the one on its new day."""
    ical = icalendar.Calendar()
    ical.add("prodid", "-//samrad//Region Örebro län//SV")
    ical.add("version", "2.0")
    ical.add("method", "PUBLISH")
    ical.add("x-wr-calname", "Samverkansråden")
    ical.add("x-wr-timezone", str(clock.STOCKHOLM))
    for meeting in meetings:
        if meeting.moved_to is None:
            ical.add_component(_event(meeting, list(agenda(meeting)) if agenda else []))
    ical.add_missing_timezones()
    return bytes(ical.to_ical())


def _event(meeting: Meeting, agenda: list[str]) -> icalendar.Event:
    name = COUNCIL_NAMES.get(meeting.council, meeting.council)
    cancelled = meeting.status == CANCELLED
    event = icalendar.Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", clock.now())
    event.add("summary", ("Inställt möte" if cancelled else "Möte") + f": {name}")
    status = "CANCELLED" if cancelled else "CONFIRMED" if meeting.decided else "TENTATIVE"
    event.add("status", status)
    if meeting.start:
        start = datetime.combine(meeting.date, meeting.start, tzinfo=clock.STOCKHOLM)
        end = max(meeting.end or (start + DEFAULT_LENGTH).time(), meeting.start)
        event.add("dtstart", start)
        event.add("dtend", datetime.combine(meeting.date, end, tzinfo=clock.STOCKHOLM))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    description = _description(meeting, agenda)
    if description:
        event.add("description", description)
    if not cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Påminnelse: {name}")
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
    return event


def _description(meeting: Meeting, agenda: list[str]) -> str:
    parts = []
    if meeting.status == CANCELLED:
        parts.append("Mötet är inställt.")
    elif not meeting.decided:
        parts.append("Preliminärt datum.")
    if meeting.note:
        parts.append(meeting.note[:1].upper() + meeting.note[1:] + ".")
    if agenda:
        parts.append("Dagordning:\n" + "\n".join(agenda))
    return "\n\n".join(parts)


def changed_meeting_file(db: sqlite_utils.Database, council: str, day: date) -> bytes | None:
    """The meeting a change notice is about, as it stands when the notice goes out (on its new
    day if it has moved since), as an .ics file; None when no meeting is known that day."""
    for _ in range(10):  # a meeting moved back and forth ends somewhere
        meeting = meeting_on(db, council, day)
        if meeting is None:
            return None
        if meeting.moved_to is None:
            return meeting_ics(meeting, meeting_agenda(db, meeting))
        day = meeting.moved_to
    return None
