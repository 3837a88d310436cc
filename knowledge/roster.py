"""Who is who: the council's members, their ersättare, the secretaries, and their Telegram link.

Store the minimum: a name, the roster role, the Telegram ids once a person registers.
"""

from __future__ import annotations

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
