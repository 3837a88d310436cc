"""Who is who: the council's members, their ersättare, the secretaries, and their Telegram link.

Store the minimum: a name, the roster role, the Telegram ids once a person registers.
"""

from __future__ import annotations

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


def set_protocol_notices(db: sqlite_utils.Database, person_id: int, on: bool) -> None:
    db.execute("UPDATE people SET notify_protocols = ? WHERE id = ?", [int(on), person_id])
