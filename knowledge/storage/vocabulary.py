"""The corpus vocabulary (every word once, behind the trigram index): adding a document's words.

A document holds a thousand-odd distinct words, and after the first hundred documents nearly
all of them are in the table already; looking each up again in SQLite was a tenth of an
ingest. The words a database is known to hold are kept in the process instead, so that only
new ones reach SQLite. What is kept is checked against the table before each use: another
connection may have added words, or a transaction that added some may have been rolled back;
either way the check fails and the process starts again from an empty set.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Set
from dataclasses import dataclass, field

import sqlite_utils

# Past this many tokens the kept set is dropped and started again (a bound on memory).
_MAX_KEPT = 1_000_000


@dataclass
class _Known:
    """Tokens (as written) that need no insert, and how to tell that this is still true."""

    tokens: set[str] = field(default_factory=set)
    after: int = 0  # the highest id in the table before ``added``
    added: list[tuple[int, str]] = field(default_factory=list)  # rows this process added last


_KNOWN: weakref.WeakKeyDictionary[sqlite_utils.Database, _Known] = weakref.WeakKeyDictionary()


def add_words(db: sqlite_utils.Database, tokens: Set[str]) -> None:
    """Add the lower-case form of each token of three characters or more to the vocabulary,
    in sorted order (ids follow it); words it holds already stay as they are."""
    known = _KNOWN.get(db)
    if known is None or len(known.tokens) > _MAX_KEPT or not _still_holds(db, known):
        known = _KNOWN[db] = _Known(after=_highest_id(db))
    new = tokens - known.tokens
    words = {token.lower() for token in new if len(token) >= 3}
    if words:
        last = known.added[-1][0] if known.added else known.after
        # One statement over a JSON array: SQLite walks the words, not Python.
        db.conn.execute(
            "INSERT OR IGNORE INTO vocabulary (word) SELECT value FROM json_each(?)",
            [json.dumps(sorted(words), ensure_ascii=False)],
        )
        added = _rows_after(db, last)
        if added:  # else the check goes on covering the rows added before
            known.after, known.added = last, added
    known.tokens |= new


def _still_holds(db: sqlite_utils.Database, known: _Known) -> bool:
    """Whether the table still ends with the rows this process added last, and nothing after:
    then every word it was known to hold is there (words are never deleted)."""
    return _rows_after(db, known.after) == known.added


def _rows_after(db: sqlite_utils.Database, after: int) -> list[tuple[int, str]]:
    rows = db.conn.execute("SELECT id, word FROM vocabulary WHERE id > ? ORDER BY id", [after])
    return [(int(row[0]), str(row[1])) for row in rows]


def _highest_id(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT coalesce(max(id), 0) FROM vocabulary").fetchone()[0])
