"""Förhinder: a member's absence notice, the ersättare called in turn, the secretary kept informed.

Every change and every notification it causes are written in one transaction (notifications go
to the outbox and are sent afterwards), so nothing is lost in a crash and a repeated update or a
double tap changes nothing. No reason for an absence is asked or stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council import outbox
from knowledge.council.meetings import CANCELLED, Meeting, list_meetings
from knowledge.council.roster import list_members
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.dates import format_time_range
from knowledge.storage.database import transaction

MIGRATIONS: list[str] = [
    """
    CREATE TABLE absences (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        council TEXT NOT NULL,
        organisation TEXT,
        meeting_date TEXT NOT NULL,
        part_from TEXT,                      -- NULL: the whole meeting
        part_to TEXT,
        status TEXT NOT NULL,                -- searching, covered, uncovered, withdrawn
        substitute_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (person_id, council, meeting_date)
    );
    CREATE INDEX absences_meeting ON absences(council, meeting_date);
    CREATE TABLE substitute_requests (
        id INTEGER PRIMARY KEY,
        absence_id INTEGER NOT NULL REFERENCES absences(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        status TEXT NOT NULL,                -- asked, yes, no, expired, cancelled
        asked_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        answered_at TEXT,
        UNIQUE (absence_id, person_id)
    );
    CREATE INDEX substitute_requests_due ON substitute_requests(status, deadline);
    CREATE TABLE reminders_sent (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        council TEXT NOT NULL,
        meeting_date TEXT NOT NULL,
        days_before INTEGER NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (person_id, council, meeting_date, days_before)
    );
    """,
    # A notice reported again after a withdrawal starts a new round of requests: the same
    # ersättare can be asked again, and request ids (in buttons and outbox keys) are never reused.
    """
    ALTER TABLE absences ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE substitute_requests_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        absence_id INTEGER NOT NULL REFERENCES absences(id) ON DELETE CASCADE,
        round INTEGER NOT NULL DEFAULT 0,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        status TEXT NOT NULL,                -- asked, yes, no, expired, cancelled
        asked_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        answered_at TEXT,
        UNIQUE (absence_id, round, person_id)
    );
    INSERT INTO substitute_requests_new
        (id, absence_id, round, person_id, status, asked_at, deadline, answered_at)
        SELECT id, absence_id, 0, person_id, status, asked_at, deadline, answered_at
        FROM substitute_requests;
    DROP TABLE substitute_requests;
    ALTER TABLE substitute_requests_new RENAME TO substitute_requests;
    CREATE INDEX substitute_requests_due ON substitute_requests(status, deadline);
    """,
]

SEARCHING, COVERED, UNCOVERED, WITHDRAWN = "searching", "covered", "uncovered", "withdrawn"
MEETING_CANCELLED = "cancelled"  # the meeting was cancelled: the notice is closed
CLOSED = (WITHDRAWN, MEETING_CANCELLED)  # a new notice for the same meeting may be filed


@dataclass(frozen=True)
class Timings:
    """The förhinder flow's clockwork; the bot's settings (README, "Configuration") set it."""

    answer_hours: int = 48  # an ersättare's time to answer ...
    reminder_days: tuple[int, ...] = (7, 1)  # reminders this many days before a meeting
    keep_days: int = 365  # absences are deleted this long after their meeting
    last_days: int = 2  # ... but never later than this many days before the meeting


DEFAULT_TIMINGS = Timings()


class AbsenceError(UserError):
    """Something to tell the person, in Swedish (``message``); nothing was changed."""


@dataclass
class Absence:
    """A notice of absence (förhinder) and where it stands."""

    id: int
    person_id: int
    person: str
    council: str
    organisation: str | None
    meeting_date: date
    part_from: time | None
    part_to: time | None
    status: str
    substitute: str | None

    @property
    def reference(self) -> str:
        return f"F-{self.id:05d}"


def upcoming(db: sqlite_utils.Database, council: str, today: date) -> list[Meeting]:
    """Meetings of the council from today on that are not cancelled."""
    return [m for m in list_meetings(db, council, since=today) if m.status != CANCELLED]


def _meeting(db: sqlite_utils.Database, council: str, day: date) -> Meeting | None:
    return next((m for m in list_meetings(db, council, since=day) if m.date == day), None)


def get(db: sqlite_utils.Database, absence_id: int) -> Absence:
    """The notice; AbsenceError when it is gone (withdrawn long ago, purged, forgotten)."""
    row = db.execute(
        "SELECT a.id, a.person_id, p.name, a.council, a.organisation, a.meeting_date,"
        " a.part_from, a.part_to, a.status, s.name FROM absences a JOIN people p"
        " ON p.id = a.person_id LEFT JOIN people s ON s.id = a.substitute_id WHERE a.id = ?",
        [absence_id],
    ).fetchone()
    if row is None:
        raise AbsenceError("Den anmälan finns inte längre.")
    return Absence(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        date.fromisoformat(row[5]),
        time.fromisoformat(row[6]) if row[6] else None,
        time.fromisoformat(row[7]) if row[7] else None,
        row[8],
        row[9],
    )


def report(
    db: sqlite_utils.Database,
    person_id: int,
    council: str,
    meeting_date: date,
    part: tuple[time, time] | None = None,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
) -> Absence:
    """The member cannot come (to all or part of a meeting): their ersättare is asked."""
    now = now or clock.now()
    membership = next(
        (m for m in list_members(db, council, role="ledamot") if m.person_id == person_id), None
    )
    if membership is None:
        raise AbsenceError(
            f"Du står inte som ledamot i {COUNCIL_SHORT.get(council, council)} i rostern. "
            "Kontakta sekreteraren."
        )
    meeting = _meeting(db, council, meeting_date)
    if meeting is None or meeting.status == CANCELLED:
        raise AbsenceError("Det mötet finns inte i kalendern.")
    if meeting_date < clock.local_day(now):
        raise AbsenceError("Det mötet har redan varit.")
    if part and part[1] <= part[0]:
        raise AbsenceError("Tiden du är borta måste sluta efter att den börjar.")
    with transaction(db):
        existing = db.execute(
            "SELECT id, status FROM absences"
            " WHERE person_id = ? AND council = ? AND meeting_date = ?",
            [person_id, council, meeting_date.isoformat()],
        ).fetchone()
        if existing and existing[1] not in CLOSED:
            return get(db, existing[0])  # reported already: the same notice, nothing new
        values = [
            part[0].strftime("%H:%M") if part else None,
            part[1].strftime("%H:%M") if part else None,
            SEARCHING,
            clock.stamp(now),
        ]
        if existing:
            db.execute(
                "UPDATE absences SET part_from = ?, part_to = ?, status = ?, updated_at = ?,"
                " substitute_id = NULL, round = round + 1 WHERE id = ?",
                [*values, existing[0]],
            )
            absence_id = int(existing[0])
        else:
            absence_id = int(
                db.execute(
                    "INSERT INTO absences (person_id, council, organisation, meeting_date,"
                    " part_from, part_to, status, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        person_id,
                        council,
                        membership.organisation,
                        meeting_date.isoformat(),
                        *values,
                        clock.stamp(now),
                    ],
                ).lastrowid
                or 0
            )
        _ask_next(db, absence_id, meeting, now, timings)
    return get(db, absence_id)


def _deadline(meeting: Meeting, now: datetime, timings: Timings) -> datetime:
    latest = datetime.combine(
        meeting.date - timedelta(days=timings.last_days), time(12), tzinfo=clock.STOCKHOLM
    ).astimezone(UTC)
    deadline = min(now + timedelta(hours=timings.answer_hours), latest)
    # Reported at short notice: the ersättare still gets a couple of hours.
    return max(deadline, now + timedelta(hours=2))


def _ask_next(
    db: sqlite_utils.Database, absence_id: int, meeting: Meeting, now: datetime, timings: Timings
) -> None:
    """Ask the next ersättare in calling order; with none left, tell the secretary."""
    absence = get(db, absence_id)
    round_, key = _round(db, absence_id)
    asked = {
        r[0]
        for r in db.execute(
            "SELECT person_id FROM substitute_requests WHERE absence_id = ? AND round = ?",
            [absence_id, round_],
        )
    }
    for substitute in list_members(db, absence.council, absence.organisation, "ersättare"):
        if substitute.person_id in asked or substitute.person_id == absence.person_id:
            continue
        if substitute.chat_id is None:
            continue  # not registered: cannot be asked through samrad
        deadline = _deadline(meeting, now, timings)
        request_id = db.execute(
            "INSERT INTO substitute_requests"
            " (absence_id, round, person_id, status, asked_at, deadline)"
            " VALUES (?, ?, ?, 'asked', ?, ?)",
            [absence_id, round_, substitute.person_id, clock.stamp(now), clock.stamp(deadline)],
        ).lastrowid
        assert request_id is not None
        outbox.add(
            db,
            f"request:{request_id}:ask",
            substitute.chat_id,
            template="substitute_request",
            params={
                **_about(absence),
                **_where(meeting),
                "part_from": _hhmm(absence.part_from),
                "part_to": _hhmm(absence.part_to),
                "answer_by": clock.local_day(deadline).isoformat(),
            },
            actions=[
                outbox.Action("Ja, jag kommer", "substitute_yes", (request_id,)),
                outbox.Action("Nej, jag kan inte", "substitute_no", (request_id,)),
            ],
            subject=outbox.about("request", request_id),
        )
        _tell_member(
            db,
            absence,
            f"request:{request_id}:member",
            "substitute_asked",
            {"substitute": substitute.name},
            outbox.about("request", request_id),
        )
        return
    db.execute(
        "UPDATE absences SET status = ?, updated_at = ? WHERE id = ?",
        [UNCOVERED, clock.stamp(now), absence_id],
    )
    _tell_member(db, absence, f"{key}:uncovered", "uncovered_member")
    _tell_secretaries(db, absence, f"{key}:uncovered", "uncovered_secretary")


def _round(db: sqlite_utils.Database, absence_id: int) -> tuple[int, str]:
    """The notice's current round and the outbox key prefix of its notifications (the creation
    time is in it because a purged notice's id can come back)."""
    row = db.execute("SELECT round, created_at FROM absences WHERE id = ?", [absence_id]).fetchone()
    return int(row[0]), f"absence:{absence_id}:{row[1]}:{row[0]}"


def answer_request(
    db: sqlite_utils.Database,
    request_id: int,
    person_id: int,
    accept: bool,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
) -> Absence:
    """The ersättare's answer. Only the person asked can answer, once."""
    now = now or clock.now()
    with transaction(db):
        row = db.execute(
            "SELECT absence_id, person_id, status FROM substitute_requests WHERE id = ?",
            [request_id],
        ).fetchone()
        if row is None:
            raise AbsenceError("Den frågan finns inte längre.")
        if row[1] != person_id:
            raise AbsenceError("Den här frågan gällde inte dig.")
        absence = get(db, row[0])
        if row[2] != "asked":
            word = {"yes": "ja", "no": "nej"}.get(row[2])
            raise AbsenceError(
                f"Du har redan svarat {word} på den här frågan."
                if word
                else "Frågan gäller inte längre; tack ändå."
            )
        if absence.meeting_date < clock.local_day(now):
            raise AbsenceError("Det mötet har redan varit.")
        meeting = _meeting(db, absence.council, absence.meeting_date)
        if meeting is None or meeting.status == CANCELLED:
            raise AbsenceError("Mötet är inställt. Du behöver inte ersätta.")
        db.execute(
            "UPDATE substitute_requests SET status = ?, answered_at = ? WHERE id = ?",
            ["yes" if accept else "no", clock.stamp(now), request_id],
        )
        if accept:
            db.execute(
                "UPDATE absences SET status = ?, substitute_id = ?, updated_at = ? WHERE id = ?",
                [COVERED, person_id, clock.stamp(now), absence.id],
            )
            absence = get(db, absence.id)
            coming = {"substitute": absence.substitute}
            about = outbox.about("request", request_id)
            key = f"request:{request_id}:yes"
            _tell_member(db, absence, key, "substitute_coming", coming, about)
            _tell_secretaries(db, absence, key, "substitute_coming", coming, about)
        else:
            _ask_next(db, absence.id, meeting, now, timings)
    return get(db, absence.id)


def withdraw(
    db: sqlite_utils.Database, absence_id: int, person_id: int, now: datetime | None = None
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
        db.execute(
            "UPDATE absences SET status = ?, updated_at = ? WHERE id = ?",
            [WITHDRAWN, clock.stamp(now), absence_id],
        )
        for request_id, chat in _cancel_requests(db, absence_id):
            if chat:
                outbox.add(
                    db,
                    f"request:{request_id}:withdrawn",
                    chat,
                    template="substitute_released",
                    params=_about(absence),
                    subject=outbox.about("request", request_id),
                )
        if absence.status == COVERED:
            _tell_secretaries(
                db, absence, f"{_round(db, absence_id)[1]}:withdrawn", "absence_withdrawn"
            )
    return get(db, absence_id)


def mine(db: sqlite_utils.Database, person_id: int, today: date) -> list[Absence]:
    """The person's notices for meetings from today on (withdrawn and closed ones left out)."""
    return [
        get(db, r[0])
        for r in db.execute(
            "SELECT id FROM absences WHERE person_id = ? AND meeting_date >= ?"
            " AND status NOT IN (?, ?) ORDER BY meeting_date",
            [person_id, today.isoformat(), *CLOSED],
        )
    ]


def expire_due(
    db: sqlite_utils.Database, now: datetime | None = None, timings: Timings = DEFAULT_TIMINGS
) -> int:
    """Unanswered requests past their deadline count as no: the next ersättare is asked."""
    now = now or clock.now()
    due = db.execute(
        "SELECT r.id, r.absence_id FROM substitute_requests r JOIN absences a ON a.id ="
        " r.absence_id WHERE r.status = 'asked' AND r.deadline <= ? AND a.status = ?",
        [clock.stamp(now), SEARCHING],
    ).fetchall()
    for request_id, absence_id in due:
        with transaction(db):
            db.execute(
                "UPDATE substitute_requests SET status = 'expired', answered_at = ? WHERE id = ?",
                [clock.stamp(now), request_id],
            )
            absence = get(db, absence_id)
            if absence.meeting_date < clock.local_day(now):
                continue  # too late to call anyone in (the bot was down over the meeting)
            meeting = _meeting(db, absence.council, absence.meeting_date)
            if meeting is not None and meeting.status != CANCELLED:
                _ask_next(db, absence_id, meeting, now, timings)
    return len(due)


def close_cancelled(db: sqlite_utils.Database, now: datetime | None = None) -> int:
    """Close the open notices of meetings the secretary has cancelled; the member and every
    ersättare asked or coming are told. The number of notices closed."""
    now = now or clock.now()
    open_dates = db.execute(
        "SELECT DISTINCT council, meeting_date FROM absences"
        " WHERE meeting_date >= ? AND status IN (?, ?, ?)",
        [clock.local_day(now).isoformat(), SEARCHING, COVERED, UNCOVERED],
    ).fetchall()
    closed = 0
    for council, day in open_dates:
        meeting = _meeting(db, council, date.fromisoformat(day))
        if meeting is not None and meeting.status != CANCELLED:
            continue
        with transaction(db):
            notices = db.execute(
                "SELECT id FROM absences WHERE council = ? AND meeting_date = ?"
                " AND status IN (?, ?, ?)",
                [council, day, SEARCHING, COVERED, UNCOVERED],
            ).fetchall()
            for (absence_id,) in notices:
                absence = get(db, absence_id)
                db.execute(
                    "UPDATE absences SET status = ?, updated_at = ? WHERE id = ?",
                    [MEETING_CANCELLED, clock.stamp(now), absence_id],
                )
                for request_id, chat in _cancel_requests(db, absence_id):
                    if chat:
                        outbox.add(
                            db,
                            f"request:{request_id}:meeting-cancelled",
                            chat,
                            template="meeting_cancelled_substitute",
                            params=_about(absence),
                            subject=outbox.about("request", request_id),
                        )
                _tell_member(
                    db,
                    absence,
                    f"{_round(db, absence_id)[1]}:meeting-cancelled",
                    "meeting_cancelled_member",
                )
                closed += 1
    return closed


def _cancel_requests(db: sqlite_utils.Database, absence_id: int) -> list[tuple[int, int | None]]:
    """Cancel the notice's open and accepted requests; (request id, ersättare's chat) of each."""
    rows = db.execute(
        "SELECT r.id, p.telegram_chat_id FROM substitute_requests r"
        " JOIN people p ON p.id = r.person_id WHERE r.absence_id = ? AND r.status IN"
        " ('asked', 'yes')",
        [absence_id],
    ).fetchall()
    for request_id, _ in rows:
        db.execute("UPDATE substitute_requests SET status = 'cancelled' WHERE id = ?", [request_id])
    return [(int(r[0]), r[1]) for r in rows]


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
            reported = {
                r[0]
                for r in db.execute(
                    "SELECT person_id FROM absences WHERE council = ? AND meeting_date = ?"
                    " AND status NOT IN (?, ?)",
                    [council, meeting.date.isoformat(), *CLOSED],
                )
            }
            for member in list_members(db, council, role="ledamot"):
                if member.chat_id is None or member.person_id in reported:
                    continue
                with transaction(db):
                    added = db.execute(
                        "INSERT OR IGNORE INTO reminders_sent (person_id, council, meeting_date,"
                        " days_before, sent_at) VALUES (?, ?, ?, ?, ?)",
                        [
                            member.person_id,
                            council,
                            meeting.date.isoformat(),
                            window,
                            clock.stamp(now),
                        ],
                    ).rowcount
                    if not added:
                        continue
                    outbox.add(
                        db,
                        f"reminder:{member.person_id}:{council}:{meeting.date}:{window}",
                        member.chat_id,
                        template="absence_reminder",
                        params=_where(meeting),
                        actions=[
                            outbox.Action(
                                "Anmäl förhinder",
                                "absence_reminder",
                                (council, meeting.date.isoformat()),
                            )
                        ],
                        subject=outbox.about("meeting", council, meeting.date.isoformat()),
                    )
                count += 1
    return count


def purge(db: sqlite_utils.Database, today: date, timings: Timings = DEFAULT_TIMINGS) -> int:
    """Delete absences (and their requests) some time (a year) after their meeting."""
    cutoff = (today - timedelta(days=timings.keep_days)).isoformat()
    # The notifications name the people involved; sent ones go with the notices.
    subjects = [
        outbox.about("absence", r[0])
        for r in db.execute("SELECT id FROM absences WHERE meeting_date < ?", [cutoff])
    ]
    subjects += [
        outbox.about("request", r[0])
        for r in db.execute(
            "SELECT r.id FROM substitute_requests r JOIN absences a ON a.id = r.absence_id"
            " WHERE a.meeting_date < ?",
            [cutoff],
        )
    ]
    subjects += [
        outbox.about("meeting", r[0], r[1])
        for r in db.execute(
            "SELECT DISTINCT council, meeting_date FROM reminders_sent WHERE meeting_date < ?",
            [cutoff],
        )
    ]
    outbox.forget(db, subjects, sent_only=True)
    deleted = db.execute("DELETE FROM absences WHERE meeting_date < ?", [cutoff]).rowcount
    db.execute("DELETE FROM reminders_sent WHERE meeting_date < ?", [cutoff])
    return int(deleted)


def run_due(
    db: sqlite_utils.Database, now: datetime | None = None, timings: Timings = DEFAULT_TIMINGS
) -> dict[str, int]:
    """The minute job: deadlines, reminders, retention."""
    now = now or clock.now()
    return {
        "closed": close_cancelled(db, now),
        "expired": expire_due(db, now, timings),
        "reminders": send_reminders(db, now, timings),
        "purged": purge(db, clock.local_day(now), timings),
    }


@dataclass
class Seat:
    """One ledamot's seat at a meeting, for the secretary."""

    organisation: str
    member: str
    state: str  # Swedish, for the secretary


def attendance(db: sqlite_utils.Database, council: str, meeting_date: date) -> list[Seat]:
    """Per organisation: the ledamot attends, is absent with an ersättare, or is open."""
    notices = {
        r[0]: (r[1], r[2], r[3], r[4])
        for r in db.execute(
            "SELECT a.person_id, a.status, s.name, a.part_from, a.part_to FROM absences a"
            " LEFT JOIN people s ON s.id = a.substitute_id WHERE a.council = ?"
            " AND a.meeting_date = ? AND a.status NOT IN (?, ?)",
            [council, meeting_date.isoformat(), *CLOSED],
        )
    }
    seats = []
    for member in list_members(db, council, role="ledamot"):
        notice = notices.get(member.person_id)
        if notice is None:
            state = "kommer (ingen anmälan)"
        else:
            status, substitute, part_from, part_to = notice
            part = (
                " " + format_time_range(time.fromisoformat(part_from), time.fromisoformat(part_to))
                if part_from and part_to
                else ""
            )
            state = {
                COVERED: f"förhinder{part}, ersättare {substitute} kommer",
                SEARCHING: f"förhinder{part}, ersättare tillfrågad (öppet)",
                UNCOVERED: f"förhinder{part}, ingen ersättare",
            }.get(status, status)
        seats.append(Seat(member.organisation or "", member.name, state))
    return seats


def attendance_csv(seats: list[Seat]) -> str:
    """The attendance as CSV (organisation, ledamot, läge)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["organisation", "ledamot", "läge"])
    for seat in seats:
        writer.writerow([seat.organisation, seat.member, seat.state])
    return buffer.getvalue()


# --- Notifications ------------------------------------------------------------------------


def _hhmm(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


def _about(absence: Absence) -> dict[str, object]:
    """What every notification about a notice may name."""
    return {
        "person": absence.person,
        "organisation": absence.organisation,
        "council": absence.council,
        "meeting_date": absence.meeting_date.isoformat(),
        "reference": absence.reference,
    }


def _where(meeting: Meeting) -> dict[str, object]:
    """When and where the meeting is."""
    return {
        "council": meeting.council,
        "meeting_date": meeting.date.isoformat(),
        "start": _hhmm(meeting.start),
        "end": _hhmm(meeting.end),
        "place": meeting.place,
    }


def _tell_member(
    db: sqlite_utils.Database,
    absence: Absence,
    key: str,
    template: str,
    params: Mapping[str, object] | None = None,
    subject: str | None = None,
) -> None:
    chat = db.execute(
        "SELECT telegram_chat_id FROM people WHERE id = ?", [absence.person_id]
    ).fetchone()
    if chat and chat[0]:
        outbox.add(
            db,
            f"{key}:member",
            int(chat[0]),
            template=template,
            params={**_about(absence), **(params or {})},
            subject=subject or outbox.about("absence", absence.id),
        )


def _tell_secretaries(
    db: sqlite_utils.Database,
    absence: Absence,
    key: str,
    template: str,
    params: Mapping[str, object] | None = None,
    subject: str | None = None,
) -> None:
    for secretary in list_members(db, absence.council, role="sekreterare"):
        if secretary.chat_id:
            outbox.add(
                db,
                f"{key}:secretary:{secretary.person_id}",
                secretary.chat_id,
                template=template,
                params={**_about(absence), **(params or {})},
                subject=subject or outbox.about("absence", absence.id),
            )
