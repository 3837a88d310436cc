"""The files documents were read from (table ``originals``), byte for byte, so a member can be
sent the protocol itself: the PDF or DOCX the secretary uploaded, not the text read out of it.

One row per document; it goes with its document (a corrected version replaces both). Documents
read in before this table existed have none until their file is read in again.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE originals (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        filename TEXT NOT NULL,
        content BLOB NOT NULL,
        stored_at TEXT NOT NULL
    );
    """,
]


def put(
    db: sqlite_utils.Database, document_id: int, filename: str, content: bytes, at: str
) -> None:
    """Keep the file the document was read from (a file already kept stays)."""
    db.execute(
        "INSERT OR IGNORE INTO originals (document_id, filename, content, stored_at)"
        " VALUES (?, ?, ?, ?)",
        [document_id, filename, content, at],
    )


def get(db: sqlite_utils.Database, document_id: int) -> tuple[str, bytes] | None:
    """(file name, content) of the document's original file, if it was kept."""
    row = db.execute(
        "SELECT filename, content FROM originals WHERE document_id = ?", [document_id]
    ).fetchone()
    return (str(row[0]), bytes(row[1])) if row else None
