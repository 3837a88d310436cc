"""Subjects members follow (table ``followed_topics``): "barnfattigdom", as the member wrote
it; a new document that mentions one is told to them (``knowledge.qa.followed``). A person's
subjects go with the person (``roster.forget``)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE followed_topics (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        topic TEXT NOT NULL,           -- as the member wrote it
        folded TEXT NOT NULL,          -- the same subject, whatever its case and å/ä/ö
        created_at TEXT NOT NULL,
        UNIQUE (person_id, folded)
    );
    """,
]


@dataclass(frozen=True)
class Followed:
    """A subject a person follows, and the private chat to tell them in."""

    id: int
    person_id: int
    topic: str
    chat_id: int | None = None
    notify: bool = True  # the person's setting for notices about new documents


def follow(
    db: sqlite_utils.Database, person_id: int, topic: str, folded: str, at: str
) -> tuple[int, bool]:
    """Follow the subject; its id, and whether it is new (False: followed already)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO followed_topics (person_id, topic, folded, created_at)"
        " VALUES (?, ?, ?, ?)",
        [person_id, topic, folded, at],
    )
    row = db.execute(
        "SELECT id FROM followed_topics WHERE person_id = ? AND folded = ?", [person_id, folded]
    ).fetchone()
    return int(row[0]), cursor.rowcount > 0


def of_person(db: sqlite_utils.Database, person_id: int) -> list[Followed]:
    """The person's subjects, in the order they were followed."""
    return [
        Followed(int(row[0]), person_id, str(row[1]))
        for row in db.execute(
            "SELECT id, topic FROM followed_topics WHERE person_id = ? ORDER BY id", [person_id]
        )
    ]


def stop(db: sqlite_utils.Database, topic_id: int, person_id: int) -> Followed | None:
    """Stop following (only the person's own subject); what was followed, or None."""
    row = db.execute(
        "SELECT topic FROM followed_topics WHERE id = ? AND person_id = ?", [topic_id, person_id]
    ).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM followed_topics WHERE id = ?", [topic_id])
    return Followed(topic_id, person_id, str(row[0]))


def with_chats(db: sqlite_utils.Database) -> list[Followed]:
    """Every subject followed by a registered person, with their chat and setting."""
    return [
        Followed(int(row[0]), int(row[1]), str(row[2]), int(row[3]), bool(row[4]))
        for row in db.execute(
            "SELECT t.id, t.person_id, t.topic, p.telegram_chat_id, p.notify_protocols"
            " FROM followed_topics t JOIN people p ON p.id = t.person_id"
            " WHERE p.telegram_chat_id IS NOT NULL ORDER BY t.id"
        )
    ]
