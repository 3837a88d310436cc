"""How common each indexed word is: the number of passages that hold it (FTS5's own counts,
read through an ``fts5vocab`` table that lives only in this connection's temp schema)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils


def passage_count(db: sqlite_utils.Database) -> int:
    """How many passages there are (the N of document frequencies)."""
    return int(db.execute("SELECT count(*) FROM passages").fetchone()[0])


def document_frequencies(db: sqlite_utils.Database, tokens: Iterable[str]) -> dict[str, int]:
    """For each token (as FTS5 indexed it: lower case), how many passages hold it."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab"
        " USING fts5vocab(main, passages_fts, row)"
    )
    wanted = sorted({token.lower() for token in tokens if token})
    if not wanted:
        return {}
    rows = db.execute(
        f"SELECT term, doc FROM temp.passages_vocab WHERE term IN ({', '.join('?' * len(wanted))})",
        wanted,
    ).fetchall()
    found = {term: int(doc) for term, doc in rows}
    return {token: found.get(token, 0) for token in wanted}
