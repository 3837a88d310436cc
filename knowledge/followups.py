"""Follow-up questions behind buttons ("Visa mer", a meeting to choose), kept in SQLite so a
button still works after a restart; the button carries only the row's id."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        intent TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (question, intent)
    );
    """,
]


def save(db: sqlite_utils.Database, question: str, intent: str | None) -> int:
    """The id of this follow-up (the same id for the same question)."""
    db.execute(
        "INSERT OR IGNORE INTO followups (question, intent, created_at) VALUES (?, ?, ?)",
        [question, intent or "", datetime.now(UTC).isoformat(timespec="seconds")],
    )
    row = db.execute(
        "SELECT id FROM followups WHERE question = ? AND intent = ?", [question, intent or ""]
    ).fetchone()
    return int(row[0])


def load(db: sqlite_utils.Database, followup_id: int) -> tuple[str, str | None] | None:
    """(question, intent) behind a button, or None for an unknown id."""
    row = db.execute(
        "SELECT question, intent FROM followups WHERE id = ?", [followup_id]
    ).fetchone()
    return (row[0], row[1] or None) if row else None
