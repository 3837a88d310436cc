"""The roster's tables: people (a name and, once registered, their Telegram account),
memberships (a seat: council, organisation, role, calling order) and invites (single-use
registration codes, stored as hashes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

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


@dataclass
class Person:
    """A registered person, as the bot knows them."""

    id: int
    name: str
    notify_protocols: bool


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


@dataclass(frozen=True)
class Invite:
    """A registration code's row (the code itself is never stored)."""

    id: int
    person_id: int
    expires_at: str
    used_at: str | None


# --- People --------------------------------------------------------------------------------


def person_named(db: sqlite_utils.Database, name: str) -> int | None:
    """The first person of this name (any case), or None."""
    row = db.execute(
        "SELECT id FROM people WHERE lower(name) = lower(?) ORDER BY id LIMIT 1", [name.strip()]
    ).fetchone()
    return int(row[0]) if row else None


def add_person(db: sqlite_utils.Database, name: str, created_at: str) -> int:
    """A new person; their id."""
    cursor = db.execute("INSERT INTO people (name, created_at) VALUES (?, ?)", [name, created_at])
    return int(cursor.lastrowid or 0)


def person_by_telegram(db: sqlite_utils.Database, telegram_user_id: int) -> Person | None:
    """The registered person behind a Telegram account, or None."""
    row = db.execute(
        "SELECT id, name, notify_protocols FROM people WHERE telegram_user_id = ?",
        [telegram_user_id],
    ).fetchone()
    return Person(int(row[0]), str(row[1]), bool(row[2])) if row else None


def telegram_owner(db: sqlite_utils.Database, telegram_user_id: int) -> int | None:
    """The person this Telegram account is linked to, or None."""
    row = db.execute("SELECT id FROM people WHERE telegram_user_id = ?", [telegram_user_id])
    found = row.fetchone()
    return int(found[0]) if found else None


def link_telegram(
    db: sqlite_utils.Database, person_id: int, telegram_user_id: int, chat_id: int
) -> None:
    """Link the person to their Telegram account and private chat."""
    db.execute(
        "UPDATE people SET telegram_user_id = ?, telegram_chat_id = ? WHERE id = ?",
        [telegram_user_id, chat_id, person_id],
    )


def chat_of(db: sqlite_utils.Database, person_id: int) -> int | None:
    """The person's private chat, once they have registered."""
    row = db.execute("SELECT telegram_chat_id FROM people WHERE id = ?", [person_id]).fetchone()
    return int(row[0]) if row and row[0] else None


def chats_of(db: sqlite_utils.Database, person_ids: Sequence[int]) -> list[int]:
    """The private chats of those of these people who have registered."""
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    return [
        int(row[0])
        for row in db.execute(
            f"SELECT telegram_chat_id FROM people WHERE id IN ({marks})"
            " AND telegram_chat_id IS NOT NULL",
            list(person_ids),
        )
    ]


def councils_of(db: sqlite_utils.Database, person_id: int) -> list[str]:
    """The councils the person has a seat in."""
    return [
        str(row[0])
        for row in db.execute(
            "SELECT DISTINCT council FROM memberships WHERE person_id = ? ORDER BY council",
            [person_id],
        )
    ]


def protocol_subscribers(db: sqlite_utils.Database) -> list[int]:
    """Private chats of registered people who want a notice when a protocol arrives."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT telegram_chat_id FROM people WHERE telegram_chat_id IS NOT NULL"
            " AND notify_protocols = 1 ORDER BY id"
        )
    ]


def set_protocol_notices(db: sqlite_utils.Database, person_id: int, on: bool) -> None:
    """Whether the person gets a notice when a protocol arrives."""
    db.execute("UPDATE people SET notify_protocols = ? WHERE id = ?", [int(on), person_id])


def delete_person(db: sqlite_utils.Database, person_id: int) -> None:
    """Delete the person with their seats, invites, notices and answers (cascade)."""
    db.execute("DELETE FROM people WHERE id = ?", [person_id])


# --- Seats ---------------------------------------------------------------------------------


def put_membership(
    db: sqlite_utils.Database,
    person_id: int,
    council: str,
    organisation: str | None,
    role: str,
    rank: int,
) -> None:
    """Give the person this seat (a seat they have already gets the new rank)."""
    db.execute(
        "INSERT INTO memberships (person_id, council, organisation, role, rank)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, council, organisation, role)"
        " DO UPDATE SET rank = excluded.rank",
        [person_id, council, organisation, role, rank],
    )


def clear_memberships(db: sqlite_utils.Database) -> None:
    """Empty the roster's seats (people stay)."""
    db.execute("DELETE FROM memberships")


def membership_count(db: sqlite_utils.Database) -> int:
    """How many seats the roster has."""
    return int(db.execute("SELECT count(*) FROM memberships").fetchone()[0])


def members(
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


def is_secretary(db: sqlite_utils.Database, telegram_user_id: int) -> bool:
    """Whether this Telegram account belongs to a secretary in the roster."""
    row = db.execute(
        "SELECT 1 FROM people p JOIN memberships m ON m.person_id = p.id"
        " WHERE p.telegram_user_id = ? AND m.role = 'sekreterare' LIMIT 1",
        [telegram_user_id],
    ).fetchone()
    return row is not None


def secretary_chats(db: sqlite_utils.Database) -> list[int]:
    """The private chats of every registered secretary, of any council."""
    return [
        int(r[0])
        for r in db.execute(
            "SELECT DISTINCT p.telegram_chat_id FROM people p JOIN memberships m"
            " ON m.person_id = p.id WHERE m.role = 'sekreterare'"
            " AND p.telegram_chat_id IS NOT NULL"
        )
    ]


# --- Invites -------------------------------------------------------------------------------


def add_invite(
    db: sqlite_utils.Database, code_hash: str, person_id: int, created_at: str, expires_at: str
) -> None:
    """Store a registration code's hash for the person."""
    db.execute(
        "INSERT INTO invites (code_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        [code_hash, person_id, created_at, expires_at],
    )


def invite(db: sqlite_utils.Database, code_hash: str) -> Invite | None:
    """The invite with this code hash, or None."""
    row = db.execute(
        "SELECT id, person_id, expires_at, used_at FROM invites WHERE code_hash = ?", [code_hash]
    ).fetchone()
    return Invite(*row) if row else None


def use_invite(db: sqlite_utils.Database, invite_id: int, used_at: str) -> None:
    """The code has been used: it cannot be used again."""
    db.execute("UPDATE invites SET used_at = ? WHERE id = ?", [used_at, invite_id])
