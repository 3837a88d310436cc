"""Documents stored whose members have not been told of them yet (table ``untold``).

A row is written in the transaction that stores the document, and deleted in the transaction
that queues its notices (the protocol notice, the followed subjects'): a process that dies in
between leaves the row, and the next upload tells them. A document replaced by a later
version takes its row along (the later version has its own).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE untold (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        replaced INTEGER NOT NULL DEFAULT 0,  -- it replaced an earlier version: a correction
        uploader INTEGER,                     -- the chat that sent it, told nothing
        created_at TEXT NOT NULL
    );
    """,
]


@dataclass(frozen=True)
class Untold:
    document_id: int
    replaced: bool
    uploader: int | None


def add(
    db: sqlite_utils.Database, document_id: int, replaced: bool, uploader: int | None, at: str
) -> None:
    """The members are still to be told of this document."""
    db.execute(
        "INSERT OR REPLACE INTO untold (document_id, replaced, uploader, created_at)"
        " VALUES (?, ?, ?, ?)",
        [document_id, int(replaced), uploader, at],
    )


def pending(db: sqlite_utils.Database) -> list[Untold]:
    """The documents the members are still to be told of, oldest first."""
    return [
        Untold(int(row[0]), bool(row[1]), row[2])
        for row in db.execute(
            "SELECT document_id, replaced, uploader FROM untold ORDER BY created_at, document_id"
        )
    ]


def take(db: sqlite_utils.Database, document_id: int) -> bool:
    """Remove the document's row; False when there was none (told already)."""
    cursor = db.execute("DELETE FROM untold WHERE document_id = ?", [document_id])
    return cursor.rowcount == 1


def row_of(db: sqlite_utils.Database, document_id: int) -> tuple[object, ...] | None:
    """The document's row as it is, to put back after the document is stored again."""
    found = db.execute(
        "SELECT replaced, uploader, created_at FROM untold WHERE document_id = ?", [document_id]
    ).fetchone()
    return tuple(found) if found else None


def put_back(db: sqlite_utils.Database, document_id: int, row: tuple[object, ...]) -> None:
    """The row ``row_of`` read, for the same document id."""
    db.execute(
        "INSERT OR REPLACE INTO untold (document_id, replaced, uploader, created_at)"
        " VALUES (?, ?, ?, ?)",
        [document_id, *row],
    )
