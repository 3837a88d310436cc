"""The förhinder tables: absences (a member's notice for a meeting), substitute_requests (an
ersättare asked to come instead, in rounds) and reminders_sent (so a reminder goes out once).

Moments are stored as UTC ISO text (``clock.stamp``), so deadlines compare as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

import sqlite_utils

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
    # A notice's reference (F-00012) is a number drawn once per filing, never again: a notice
    # withdrawn and reported again gets a new one, and a purged notice's number is not reused.
    # Notices filed before keep their id as their number.
    """
    CREATE TABLE absence_numbers (number INTEGER PRIMARY KEY AUTOINCREMENT, drawn_at TEXT);
    INSERT INTO absence_numbers (number, drawn_at)
        SELECT max(id), 'migration' FROM absences HAVING max(id) IS NOT NULL;
    ALTER TABLE absences ADD COLUMN number INTEGER;
    UPDATE absences SET number = id;
    """,
]

# A request's status.
ASKED, YES, NO, EXPIRED, CANCELLED = "asked", "yes", "no", "expired", "cancelled"


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
    number: int | None = None  # drawn per filing; the reference's number

    @property
    def reference(self) -> str:
        return f"F-{self.number or self.id:05d}"


@dataclass(frozen=True)
class Request:
    """An ersättare asked to come instead of the member."""

    id: int
    absence_id: int
    person_id: int
    status: str


_ABSENCE = (
    "SELECT a.id, a.person_id, p.name, a.council, a.organisation, a.meeting_date, a.part_from,"
    " a.part_to, a.status, s.name, a.number FROM absences a JOIN people p ON p.id = a.person_id"
    " LEFT JOIN people s ON s.id = a.substitute_id"
)


def _absence(row: Sequence[Any]) -> Absence:
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
        row[10],
    )


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _hhmm(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


# --- Notices -------------------------------------------------------------------------------


def get(db: sqlite_utils.Database, absence_id: int) -> Absence | None:
    """The notice with this id, or None."""
    row = db.execute(_ABSENCE + " WHERE a.id = ?", [absence_id]).fetchone()
    return _absence(row) if row else None


def find(
    db: sqlite_utils.Database, person_id: int, council: str, meeting_date: date
) -> tuple[int, str] | None:
    """The person's notice for this meeting, whatever its status: (id, status), or None."""
    row = db.execute(
        "SELECT id, status FROM absences WHERE person_id = ? AND council = ? AND meeting_date = ?",
        [person_id, council, meeting_date.isoformat()],
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def insert(
    db: sqlite_utils.Database,
    person_id: int,
    council: str,
    organisation: str | None,
    meeting_date: date,
    part: tuple[time, time] | None,
    status: str,
    at: str,
) -> int:
    """A new notice (round 0) with a new reference number; its id."""
    cursor = db.execute(
        "INSERT INTO absences (person_id, council, organisation, meeting_date, part_from,"
        " part_to, status, created_at, updated_at, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            person_id,
            council,
            organisation,
            meeting_date.isoformat(),
            *_part(part),
            status,
            at,
            at,
            _draw_number(db, at),
        ],
    )
    return int(cursor.lastrowid or 0)


def _draw_number(db: sqlite_utils.Database, at: str) -> int:
    """A reference number never given before."""
    return int(db.execute("INSERT INTO absence_numbers (drawn_at) VALUES (?)", [at]).lastrowid or 0)


def reopen(
    db: sqlite_utils.Database,
    absence_id: int,
    part: tuple[time, time] | None,
    status: str,
    at: str,
) -> None:
    """A closed notice reported again: a new round, no ersättare yet, a new reference."""
    db.execute(
        "UPDATE absences SET part_from = ?, part_to = ?, status = ?, updated_at = ?,"
        " substitute_id = NULL, round = round + 1, number = ? WHERE id = ?",
        [*_part(part), status, at, _draw_number(db, at), absence_id],
    )


def _part(part: tuple[time, time] | None) -> list[str | None]:
    return [_hhmm(part[0]), _hhmm(part[1])] if part else [None, None]


def set_status(db: sqlite_utils.Database, absence_id: int, status: str, at: str) -> None:
    """Move the notice to ``status``."""
    db.execute(
        "UPDATE absences SET status = ?, updated_at = ? WHERE id = ?", [status, at, absence_id]
    )


def set_substitute(
    db: sqlite_utils.Database, absence_id: int, substitute_id: int, status: str, at: str
) -> None:
    """An ersättare comes: the notice moves to ``status``."""
    db.execute(
        "UPDATE absences SET status = ?, substitute_id = ?, updated_at = ? WHERE id = ?",
        [status, substitute_id, at, absence_id],
    )


def round_of(db: sqlite_utils.Database, absence_id: int) -> tuple[int, str]:
    """The notice's current round and when the notice was first filed."""
    row = db.execute("SELECT round, created_at FROM absences WHERE id = ?", [absence_id]).fetchone()
    return int(row[0]), str(row[1])


def of_person(
    db: sqlite_utils.Database, person_id: int, since: date, statuses: Sequence[str]
) -> list[Absence]:
    """The person's notices in these statuses for meetings from ``since`` on, by date."""
    where = "a.person_id = ? AND a.meeting_date >= ?"
    return _select(db, where, [person_id, since.isoformat()], statuses, "a.meeting_date")


def at_meeting(
    db: sqlite_utils.Database, council: str, meeting_date: date, statuses: Sequence[str]
) -> list[Absence]:
    """The notices in these statuses for one meeting."""
    where = "a.council = ? AND a.meeting_date = ?"
    return _select(db, where, [council, meeting_date.isoformat()], statuses, "a.id")


def _select(
    db: sqlite_utils.Database,
    where: str,
    params: list[object],
    statuses: Sequence[str],
    order: str,
) -> list[Absence]:
    sql = f"{_ABSENCE} WHERE {where} AND a.status IN ({_marks(statuses)}) ORDER BY {order}"
    return [_absence(row) for row in db.execute(sql, [*params, *statuses])]


def meetings_with(
    db: sqlite_utils.Database, since: date, statuses: Sequence[str]
) -> list[tuple[str, date]]:
    """The meetings from ``since`` on with notices in these statuses: (council, date)."""
    return [
        (str(row[0]), date.fromisoformat(row[1]))
        for row in db.execute(
            "SELECT DISTINCT council, meeting_date FROM absences WHERE meeting_date >= ?"
            f" AND status IN ({_marks(statuses)})",
            [since.isoformat(), *statuses],
        )
    ]


def ids_of_person(db: sqlite_utils.Database, person_id: int) -> list[int]:
    """Every notice the person filed, whatever its status."""
    return [
        int(row[0])
        for row in db.execute("SELECT id FROM absences WHERE person_id = ?", [person_id])
    ]


# --- Requests to ersättare -----------------------------------------------------------------


def asked_in_round(db: sqlite_utils.Database, absence_id: int, round_: int) -> set[int]:
    """The people asked in this round of the notice."""
    return {
        int(row[0])
        for row in db.execute(
            "SELECT person_id FROM substitute_requests WHERE absence_id = ? AND round = ?",
            [absence_id, round_],
        )
    }


def add_request(
    db: sqlite_utils.Database,
    absence_id: int,
    round_: int,
    person_id: int,
    asked_at: str,
    deadline: str,
) -> int:
    """Ask an ersättare; the request's id (never reused)."""
    cursor = db.execute(
        "INSERT INTO substitute_requests (absence_id, round, person_id, status, asked_at,"
        " deadline) VALUES (?, ?, ?, ?, ?, ?)",
        [absence_id, round_, person_id, ASKED, asked_at, deadline],
    )
    return int(cursor.lastrowid or 0)


def request(db: sqlite_utils.Database, request_id: int) -> Request | None:
    """The request with this id, or None."""
    row = db.execute(
        "SELECT id, absence_id, person_id, status FROM substitute_requests WHERE id = ?",
        [request_id],
    ).fetchone()
    return Request(*row) if row else None


def answer(db: sqlite_utils.Database, request_id: int, status: str, at: str) -> None:
    """Record the answer to a request: yes, no, or expired."""
    db.execute(
        "UPDATE substitute_requests SET status = ?, answered_at = ? WHERE id = ?",
        [status, at, request_id],
    )


def open_requests(db: sqlite_utils.Database, absence_id: int) -> list[tuple[int, int | None]]:
    """The notice's requests asked or accepted: (request id, the ersättare's chat)."""
    return [
        (int(row[0]), row[1])
        for row in db.execute(
            "SELECT r.id, p.telegram_chat_id FROM substitute_requests r"
            " JOIN people p ON p.id = r.person_id WHERE r.absence_id = ? AND r.status IN (?, ?)",
            [absence_id, ASKED, YES],
        )
    ]


def accepted_at_meeting(
    db: sqlite_utils.Database, council: str, meeting_date: date, statuses: Sequence[str]
) -> list[tuple[int, int, int | None]]:
    """The ersättare coming to one meeting (their notice in ``statuses``): (request id,
    notice id, the ersättare's chat)."""
    return [
        (int(row[0]), int(row[1]), row[2])
        for row in db.execute(
            "SELECT r.id, a.id, p.telegram_chat_id FROM substitute_requests r"
            " JOIN absences a ON a.id = r.absence_id JOIN people p ON p.id = r.person_id"
            " WHERE a.council = ? AND a.meeting_date = ? AND r.status = ?"
            f" AND a.status IN ({_marks(statuses)}) ORDER BY r.id",
            [council, meeting_date.isoformat(), YES, *statuses],
        )
    ]


def cancel_request(db: sqlite_utils.Database, request_id: int) -> None:
    """The request no longer holds."""
    db.execute("UPDATE substitute_requests SET status = ? WHERE id = ?", [CANCELLED, request_id])


def due_requests(db: sqlite_utils.Database, now: str, status: str) -> list[tuple[int, int]]:
    """Unanswered requests past their deadline, on notices in ``status``: (request, notice)."""
    return [
        (int(row[0]), int(row[1]))
        for row in db.execute(
            "SELECT r.id, r.absence_id FROM substitute_requests r JOIN absences a ON a.id ="
            " r.absence_id WHERE r.status = ? AND r.deadline <= ? AND a.status = ?",
            [ASKED, now, status],
        )
    ]


def request_ids_involving(db: sqlite_utils.Database, person_id: int) -> list[int]:
    """The requests to the person and those about the person's notices."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT r.id FROM substitute_requests r JOIN absences a ON a.id = r.absence_id"
            " WHERE r.person_id = ? OR a.person_id = ?",
            [person_id, person_id],
        )
    ]


# --- Reminders -----------------------------------------------------------------------------


def record_reminder(
    db: sqlite_utils.Database,
    person_id: int,
    council: str,
    meeting_date: date,
    days_before: int,
    at: str,
) -> bool:
    """Note that this reminder goes out; False when it went out already."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO reminders_sent (person_id, council, meeting_date, days_before,"
        " sent_at) VALUES (?, ?, ?, ?, ?)",
        [person_id, council, meeting_date.isoformat(), days_before, at],
    )
    return cursor.rowcount == 1


# --- Retention -----------------------------------------------------------------------------


def ids_before(db: sqlite_utils.Database, cutoff: date) -> list[int]:
    """The notices of meetings before ``cutoff``."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT id FROM absences WHERE meeting_date < ?", [cutoff.isoformat()]
        )
    ]


def request_ids_before(db: sqlite_utils.Database, cutoff: date) -> list[int]:
    """The requests about notices of meetings before ``cutoff``."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT r.id FROM substitute_requests r JOIN absences a ON a.id = r.absence_id"
            " WHERE a.meeting_date < ?",
            [cutoff.isoformat()],
        )
    ]


def reminded_before(db: sqlite_utils.Database, cutoff: date) -> list[tuple[str, date]]:
    """The meetings before ``cutoff`` that reminders went out for: (council, date)."""
    return [
        (str(row[0]), date.fromisoformat(row[1]))
        for row in db.execute(
            "SELECT DISTINCT council, meeting_date FROM reminders_sent WHERE meeting_date < ?",
            [cutoff.isoformat()],
        )
    ]


def delete_before(db: sqlite_utils.Database, cutoff: date) -> int:
    """Delete the notices (with their requests) and the reminders of meetings before
    ``cutoff``; the number of notices."""
    deleted = db.execute("DELETE FROM absences WHERE meeting_date < ?", [cutoff.isoformat()])
    db.execute("DELETE FROM reminders_sent WHERE meeting_date < ?", [cutoff.isoformat()])
    return int(deleted.rowcount)
