"""Notifications to send: written in the same transaction as the change that causes them, sent
afterwards, marked sent only when Telegram accepted them. A unique key makes a repeated update
or a double tap harmless; whatever a crash or an error left unsent goes out on the next flush."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from knowledge.language import clock

MIGRATIONS: list[str] = [
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- what this notice is about, for idempotency
        chat_id INTEGER NOT NULL,
        text TEXT NOT NULL,                -- Telegram HTML, already rendered
        buttons TEXT NOT NULL DEFAULT '[]',-- JSON [[label, callback_data], ...]
        created_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL;
    """,
]


@dataclass
class Notice:
    id: int
    chat_id: int
    text: str
    buttons: list[list[str]]


def add(
    db: sqlite_utils.Database,
    key: str,
    chat_id: int,
    text: str,
    buttons: list[list[str]] | None = None,
) -> bool:
    """Queue a notice; False when one with this key exists already (nothing is added)."""
    import json

    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (key, chat_id, text, buttons, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [key, chat_id, text, json.dumps(buttons or []), _now()],
    )
    return cursor.rowcount == 1


def pending(db: sqlite_utils.Database, limit: int = 100) -> list[Notice]:
    import json

    return [
        Notice(row[0], row[1], row[2], json.loads(row[3]))
        for row in db.execute(
            "SELECT id, chat_id, text, buttons FROM outbox WHERE sent_at IS NULL"
            " ORDER BY id LIMIT ?",
            [limit],
        )
    ]


def mark_sent(db: sqlite_utils.Database, notice_id: int) -> None:
    db.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", [_now(), notice_id])


def mark_failed(db: sqlite_utils.Database, notice_id: int) -> None:
    db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", [notice_id])


def _now() -> str:
    return clock.stamp()
