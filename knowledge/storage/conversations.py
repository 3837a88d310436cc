"""Where a member is in a conversation with the bot (a step of /foresla or /franvaro) and the
little that step remembers, so a restart in the middle of a flow loses nothing. Rows are JSON;
the bot's persistence (``bot/persistence.py``) is the only writer."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from knowledge.language import clock

MIGRATIONS: list[str] = [
    """
    CREATE TABLE conversations (
        name TEXT NOT NULL,             -- the conversation handler's name
        key TEXT NOT NULL,              -- JSON list: chat id, user id
        state TEXT NOT NULL,            -- JSON: the step the person is at
        updated_at TEXT NOT NULL,
        PRIMARY KEY (name, key)
    );
    CREATE TABLE user_data (
        user_id INTEGER PRIMARY KEY,
        data TEXT NOT NULL,             -- JSON object: what an open step remembers
        updated_at TEXT NOT NULL
    );
    """,
]


def conversations(db: sqlite_utils.Database, name: str) -> dict[tuple[int, ...], Any]:
    """Every open conversation of ``name``: key → state."""
    return {
        tuple(json.loads(key)): json.loads(state)
        for key, state in db.execute(
            "SELECT key, state FROM conversations WHERE name = ?", [name]
        ).fetchall()
    }


def save_conversation(
    db: sqlite_utils.Database, name: str, key: tuple[int, ...], state: object | None
) -> None:
    """Record the step of one conversation; ``None`` means it has ended."""
    encoded = json.dumps(list(key))
    if state is None:
        db.execute("DELETE FROM conversations WHERE name = ? AND key = ?", [name, encoded])
        return
    db.execute(
        "INSERT INTO conversations (name, key, state, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(name, key) DO UPDATE SET state = excluded.state,"
        " updated_at = excluded.updated_at",
        [name, encoded, json.dumps(state), clock.stamp()],
    )


def all_user_data(db: sqlite_utils.Database) -> dict[int, dict[str, Any]]:
    """What every person's open steps remember."""
    return {
        int(user): json.loads(data)
        for user, data in db.execute("SELECT user_id, data FROM user_data").fetchall()
    }


def save_user_data(db: sqlite_utils.Database, user_id: int, data: dict[str, Any]) -> None:
    """Store one person's data; an empty dict removes the row (nothing kept that is not needed)."""
    if not data:
        drop_user_data(db, user_id)
        return
    db.execute(
        "INSERT INTO user_data (user_id, data, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(user_id) DO UPDATE SET data = excluded.data,"
        " updated_at = excluded.updated_at",
        [user_id, json.dumps(data, ensure_ascii=False), clock.stamp()],
    )


def drop_user_data(db: sqlite_utils.Database, user_id: int) -> None:
    """Forget one person's data."""
    db.execute("DELETE FROM user_data WHERE user_id = ?", [user_id])
