"""The förhinder minute job: deadlines passed, meetings cancelled, reminders due, and old
notices deleted."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council import absence_notices as notices
from knowledge.council import outbox
from knowledge.council.absence_model import (
    DEFAULT_TIMINGS,
    MEETING_CANCELLED,
    OPEN,
    SEARCHING,
    Timings,
    get,
    upcoming,
)
from knowledge.council.meetings import CANCELLED, meeting_on
from knowledge.council.roster import list_members
from knowledge.council.substitutes import ask_next, current_round_key, release
from knowledge.language import clock
from knowledge.storage import absences as table
from knowledge.storage.database import transaction


def expire_due(
    db: sqlite_utils.Database,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
    secretary_chat: int | None = None,
) -> int:
    """Unanswered requests past their deadline count as no: the next ersättare is asked, and
    the one who did not answer is told so and what came of it (her question's buttons go)."""
    now = now or clock.now()
    due = table.due_requests(db, clock.stamp(now), SEARCHING)
    for request_id, absence_id in due:
        with transaction(db):
            table.answer(db, request_id, table.EXPIRED, clock.stamp(now))
            absence = get(db, absence_id)
            if absence.meeting_date < clock.local_day(now):
                continue  # too late to call anyone in (the bot was down over the meeting)
            meeting = meeting_on(db, absence.council, absence.meeting_date)
            escalation = (
                ask_next(db, absence_id, meeting, now, timings, secretary_chat)
                if meeting is not None and meeting.status != CANCELLED
                else None
            )
            notices.expired(db, absence, request_id, escalation)
    return len(due)


def close_cancelled(db: sqlite_utils.Database, now: datetime | None = None) -> int:
    """Close the open notices of meetings the secretary has cancelled; the member and every
    ersättare asked or coming are told. The number of notices closed."""
    now = now or clock.now()
    closed = 0
    for council, day in table.meetings_with(db, clock.local_day(now), OPEN):
        meeting = meeting_on(db, council, day)
        if meeting is not None and meeting.status != CANCELLED:
            continue
        with transaction(db):
            for absence in table.at_meeting(db, council, day, OPEN):
                table.set_status(db, absence.id, MEETING_CANCELLED, clock.stamp(now))
                release(db, absence, "meeting-cancelled")
                key = f"{current_round_key(db, absence.id)}:meeting-cancelled"
                moved = (
                    {"moved_to": meeting.moved_to.isoformat()}
                    if meeting and meeting.moved_to
                    else {}
                )
                notices.tell(
                    db, absence, key, "meeting_cancelled_member", to=[notices.MEMBER], params=moved
                )
                closed += 1
    return closed


def send_reminders(
    db: sqlite_utils.Database, now: datetime | None = None, timings: Timings = DEFAULT_TIMINGS
) -> int:
    """Remind every registered ledamot some days before a meeting (7 and 1); never twice."""
    now = now or clock.now()
    today = clock.local_day(now)
    count = 0
    for council in COUNCIL_NAMES:
        for meeting in upcoming(db, council, today):
            left = (meeting.date - today).days
            due = [d for d in timings.reminder_days if left <= d]
            if not due:
                continue
            window = min(due)
            # Whoever has reported already needs no button to report.
            reported = {a.person_id for a in table.at_meeting(db, council, meeting.date, OPEN)}
            for member in list_members(db, council, role="ledamot"):
                if member.chat_id is None or member.person_id in reported:
                    continue
                with transaction(db):
                    if not table.record_reminder(
                        db, member.person_id, council, meeting.date, window, clock.stamp(now)
                    ):
                        continue
                    notices.remind(db, member, meeting, window)
                count += 1
    return count


def purge(db: sqlite_utils.Database, today: date, timings: Timings = DEFAULT_TIMINGS) -> int:
    """Delete absences (and their requests) some time (a year) after their meeting."""
    cutoff = today - timedelta(days=timings.keep_days)
    # The notifications name the people involved; sent ones go with the notices.
    subjects = [notices.about_absence(i) for i in table.ids_before(db, cutoff)]
    subjects += [notices.about_request(i) for i in table.request_ids_before(db, cutoff)]
    subjects += [notices.about_meeting(c, day) for c, day in table.reminded_before(db, cutoff)]
    outbox.forget(db, subjects, sent_only=True)
    return table.delete_before(db, cutoff)


def run_due(
    db: sqlite_utils.Database,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
    secretary_chat: int | None = None,
) -> dict[str, int]:
    """The minute job: deadlines, reminders, retention (``secretary_chat``: the secretary of
    the bot's settings, told as the registered ones are)."""
    now = now or clock.now()
    return {
        "closed": close_cancelled(db, now),
        "expired": expire_due(db, now, timings, secretary_chat),
        "reminders": send_reminders(db, now, timings),
        "purged": purge(db, clock.local_day(now), timings),
    }
