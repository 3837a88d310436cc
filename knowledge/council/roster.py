"""Who is who: the council's members, their ersättare, the secretaries, and their Telegram link.

Store the minimum: a name, the roster role, the Telegram ids once a person registers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.storage.database import transaction

MIGRATIONS: list[str] = [
    """
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        telegram_user_id INTEGER UNIQUE,     -- set when the person registers with an invite code
        telegram_chat_id INTEGER,            -- private chat to write to
        notify_protocols INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE memberships (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        council TEXT NOT NULL,               -- council key from knowledge.model
        organisation TEXT,                   -- municipality, "Region Örebro län", ...
        role TEXT NOT NULL,                  -- 'ledamot', 'ersättare', 'sekreterare'
        rank INTEGER NOT NULL DEFAULT 1,     -- calling order among ersättare
        UNIQUE (person_id, council, organisation, role)
    );
    CREATE INDEX memberships_lookup ON memberships(council, organisation, role, rank);
    CREATE TABLE invites (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,      -- sha256 of the code; the code itself is never stored
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
    );
    """,
]


def is_secretary(db: sqlite_utils.Database, telegram_user_id: int) -> bool:
    """Whether this Telegram account belongs to a secretary in the roster."""
    row = db.execute(
        "SELECT 1 FROM people p JOIN memberships m ON m.person_id = p.id"
        " WHERE p.telegram_user_id = ? AND m.role = 'sekreterare' LIMIT 1",
        [telegram_user_id],
    ).fetchone()
    return row is not None


def protocol_subscribers(db: sqlite_utils.Database) -> list[int]:
    """Private chats of registered people who want a notice when a protocol arrives."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT telegram_chat_id FROM people WHERE telegram_chat_id IS NOT NULL"
            " AND notify_protocols = 1 ORDER BY id"
        )
    ]


@dataclass
class Person:
    """A registered person, as the bot knows them."""

    id: int
    name: str
    notify_protocols: bool


def person_by_telegram(db: sqlite_utils.Database, telegram_user_id: int) -> Person | None:
    """The registered person behind a Telegram account, or None."""
    row = db.execute(
        "SELECT id, name, notify_protocols FROM people WHERE telegram_user_id = ?",
        [telegram_user_id],
    ).fetchone()
    return Person(int(row[0]), str(row[1]), bool(row[2])) if row else None


def chat_of(db: sqlite_utils.Database, person_id: int) -> int | None:
    """The person's private chat, once they have registered."""
    row = db.execute("SELECT telegram_chat_id FROM people WHERE id = ?", [person_id]).fetchone()
    return int(row[0]) if row and row[0] else None


def set_protocol_notices(db: sqlite_utils.Database, person_id: int, on: bool) -> None:
    db.execute("UPDATE people SET notify_protocols = ? WHERE id = ?", [int(on), person_id])


# --- The roster file -----------------------------------------------------------------------

SHIPPED_ROSTER = Path(__file__).resolve().parents[1] / "data" / "roster.csv"
ROLES = ("ledamot", "ersättare", "sekreterare")
CSV_COLUMNS = ["council", "organisation", "role", "rank", "name"]
INVITE_DAYS = 14


class RosterError(UserError):
    """A roster problem to tell the user, in Swedish (``message``)."""


@dataclass
class Member:
    """One seat in the roster: a person in a role for an organisation in a council."""

    person_id: int
    name: str
    council: str
    organisation: str | None
    role: str
    rank: int
    registered: bool
    chat_id: int | None


def _person_named(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.execute(
        "SELECT id FROM people WHERE lower(name) = lower(?) ORDER BY id LIMIT 1", [name.strip()]
    ).fetchone()
    return int(row[0]) if row else None


def add_member(
    db: sqlite_utils.Database,
    name: str,
    council: str,
    organisation: str | None,
    role: str,
    rank: int = 1,
) -> int:
    """Put a person in the roster (the same name is the same person); their person id."""
    if role not in ROLES:
        raise RosterError(f"Okänd roll {role}. Välj ledamot, ersättare eller sekreterare.")
    if not name.strip():
        raise RosterError("Namnet saknas.")
    if council not in COUNCIL_NAMES:
        raise RosterError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    person_id = _person_named(db, name)
    if person_id is None:
        person_id = int(
            db.execute(
                "INSERT INTO people (name, created_at) VALUES (?, ?)",
                [" ".join(name.split()), clock.stamp()],
            ).lastrowid
            or 0
        )
    db.execute(
        "INSERT INTO memberships (person_id, council, organisation, role, rank)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, council, organisation, role)"
        " DO UPDATE SET rank = excluded.rank",
        [person_id, council, organisation, role, rank],
    )
    return person_id


def import_roster(db: sqlite_utils.Database, text: str) -> int:
    """Replace the roster's memberships with a CSV file's rows (people and their Telegram link
    are kept); the number of rows. A bad file changes nothing."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or set(CSV_COLUMNS) - set(rows[0]):
        raise RosterError(f"Rosterfilen behöver kolumnerna {', '.join(CSV_COLUMNS)}.")
    with transaction(db):
        db.execute("DELETE FROM memberships")
        for number, row in enumerate(rows, start=2):
            try:
                rank = int(row["rank"] or 1)
            except ValueError as error:
                raise RosterError(f"Rad {number}: ordningen måste vara ett heltal.") from error
            add_member(
                db,
                row["name"],
                row["council"].strip(),
                row["organisation"].strip() or None,
                row["role"].strip(),
                rank,
            )
    return len(rows)


def export_roster(db: sqlite_utils.Database) -> str:
    """The roster as CSV, in the format ``import_roster`` reads."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for member in list_members(db):
        writer.writerow(
            [member.council, member.organisation or "", member.role, member.rank, member.name]
        )
    return buffer.getvalue()


def ensure_shipped_roster(db: sqlite_utils.Database) -> None:
    """The shipped roster, the first time (an empty roster)."""
    if db.execute("SELECT count(*) FROM memberships").fetchone()[0] == 0:
        import_roster(db, SHIPPED_ROSTER.read_text(encoding="utf-8"))


def list_members(
    db: sqlite_utils.Database,
    council: str | None = None,
    organisation: str | None = None,
    role: str | None = None,
) -> list[Member]:
    """Seats in the roster, filtered; ersättare in calling order."""
    sql = (
        "SELECT p.id, p.name, m.council, m.organisation, m.role, m.rank,"
        " p.telegram_user_id IS NOT NULL, p.telegram_chat_id FROM memberships m"
        " JOIN people p ON p.id = m.person_id WHERE 1"
    )
    params: list[object] = []
    for column, value in (
        ("m.council", council),
        ("m.organisation", organisation),
        ("m.role", role),
    ):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    sql += " ORDER BY m.council, m.organisation, m.role DESC, m.rank, p.name"
    return [
        Member(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7])
        for r in db.execute(sql, params)
    ]


# --- Registration --------------------------------------------------------------------------


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def create_invite(
    db: sqlite_utils.Database,
    name: str,
    *,
    role: str | None = None,
    council: str | None = None,
    organisation: str | None = None,
    days: int = INVITE_DAYS,
) -> tuple[str, int]:
    """A single-use registration code for ``name`` (and their person id). A name not in the
    roster needs role and organisation, and is added. Only the code's hash is stored."""
    person_id = _person_named(db, name)
    if person_id is None and (not role or not organisation):
        raise RosterError(
            f"{name} finns inte i rostern. Ange roll och organisation för att lägga till."
        )
    if role and organisation:  # someone new, or a new seat for someone known
        person_id = add_member(db, name, council or "social", organisation, role)
    assert person_id is not None
    code = secrets.token_urlsafe(12)
    now = clock.now()
    db.execute(
        "INSERT INTO invites (code_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        [_hash(code), person_id, clock.stamp(now), clock.stamp(now + timedelta(days=days))],
    )
    return code, person_id


def redeem_invite(
    db: sqlite_utils.Database, code: str, telegram_user_id: int, chat_id: int
) -> Person:
    """Link the Telegram account to the invited person; RosterError for a bad code."""
    now = clock.now()
    with transaction(db):
        row = db.execute(
            "SELECT id, person_id, expires_at, used_at FROM invites WHERE code_hash = ?",
            [_hash(code)],
        ).fetchone()
        if row is None:
            raise RosterError("Den koden känner jag inte igen. Be sekreteraren om en ny länk.")
        if row[3] is not None:
            raise RosterError("Den här länken är redan använd. Be sekreteraren om en ny.")
        if datetime.fromisoformat(row[2]) < now:
            raise RosterError("Länken har gått ut. Be sekreteraren om en ny.")
        other = db.execute(
            "SELECT id FROM people WHERE telegram_user_id = ? AND id != ?",
            [telegram_user_id, row[1]],
        ).fetchone()
        if other:
            raise RosterError("Ditt Telegramkonto är redan kopplat till en annan person.")
        db.execute(
            "UPDATE people SET telegram_user_id = ?, telegram_chat_id = ? WHERE id = ?",
            [telegram_user_id, chat_id, row[1]],
        )
        db.execute(
            "UPDATE invites SET used_at = ? WHERE id = ?",
            [clock.stamp(now), row[0]],
        )
    person = person_by_telegram(db, telegram_user_id)
    assert person is not None
    return person


def forget(db: sqlite_utils.Database, name: str) -> bool:
    """Remove a person and everything stored about them (memberships, notices, answers)."""
    person_id = _person_named(db, name)
    if person_id is None:
        return False
    chat = db.execute("SELECT telegram_chat_id FROM people WHERE id = ?", [person_id]).fetchone()
    absence_ids = [
        r[0] for r in db.execute("SELECT id FROM absences WHERE person_id = ?", [person_id])
    ]
    request_ids = [
        r[0]
        for r in db.execute(
            "SELECT r.id FROM substitute_requests r JOIN absences a ON a.id = r.absence_id"
            " WHERE r.person_id = ? OR a.person_id = ?",
            [person_id, person_id],
        )
    ]
    with transaction(db):
        # Notifications to them, and those naming them (to ersättare, the secretary), go too.
        if chat[0]:
            outbox.forget_chat(db, chat[0])
        outbox.forget(
            db,
            [
                outbox.about("person", person_id),
                *(outbox.about("absence", i) for i in absence_ids),
                *(outbox.about("request", i) for i in request_ids),
            ],
        )
        db.execute("DELETE FROM people WHERE id = ?", [person_id])
    return True
