"""Follow-up questions behind buttons ("Visa mer", a meeting to choose), kept in SQLite so a
button still works after a restart; the button carries only the row's id."""

from __future__ import annotations

import sqlite_utils

from knowledge.language import clock

MIGRATIONS: list[str] = [
    """
    CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        intent TEXT NOT NULL DEFAULT '',
        page INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (question, intent, page)
    );
    """,
]


def save(db: sqlite_utils.Database, question: str, intent: str | None, page: int = 0) -> int:
    """The id of this follow-up (the same id for the same question and page)."""
    db.execute(
        "INSERT OR IGNORE INTO followups (question, intent, page, created_at) VALUES (?, ?, ?, ?)",
        [question, intent or "", page, clock.stamp()],
    )
    row = db.execute(
        "SELECT id FROM followups WHERE question = ? AND intent = ? AND page = ?",
        [question, intent or "", page],
    ).fetchone()
    return int(row[0])


def load(db: sqlite_utils.Database, followup_id: int) -> tuple[str, str | None, int] | None:
    """(question, intent, page) behind a button, or None for an unknown id."""
    row = db.execute(
        "SELECT question, intent, page FROM followups WHERE id = ?", [followup_id]
    ).fetchone()
    return (row[0], row[1] or None, int(row[2])) if row else None
