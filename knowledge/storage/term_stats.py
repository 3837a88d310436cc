"""How common each indexed word is: the number of passages that hold it.

FTS5 counts a word's passages by reading all of them (an ``fts5vocab`` table, which lives only
in this connection's temp schema): milliseconds for a common word at ten thousand protocols, on
the first question that names it. The counts are therefore kept in ``term_counts``, as FTS5
gave them when the index held the passages up to ``term_counts_state.through``. Passages added
since are counted in the index, where it lists them after ``through`` (a seek by rowid), and
every word is counted again once the passages have grown by half. A document deleted takes its
passages' words off the counts first (``forget_document``); a counted passage deleted in any
other way sets ``through`` to 0, and the counts are not read until they are counted again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

# The words are counted again when the highest passage id has grown past this many times the
# highest one counted: at most a third of a word's passages are then counted in the index.
RECOUNT_GROWTH = 1.5
# Passages whose words are taken off the counts, read by FTS5's own tokenizer (as the index's).
_SCRATCH = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_terms USING fts5("
    "title, text, stemmed, content='', tokenize=\"unicode61 remove_diacritics 0\")"
)


def passage_count(db: sqlite_utils.Database) -> int:
    """How many passages there are (the N of document frequencies)."""
    return int(db.execute("SELECT count(*) FROM passages").fetchone()[0])


def document_frequencies(db: sqlite_utils.Database, tokens: Iterable[str]) -> dict[str, int]:
    """For each token (as FTS5 indexed it: lower case), how many passages hold it."""
    wanted = sorted({token.lower() for token in tokens if token})
    if not wanted:
        return {}
    # One statement, so the counts and how far they go are read from the same state.
    through, highest, kept = db.execute(
        "SELECT (SELECT through FROM term_counts_state),"
        " (SELECT coalesce(max(id), 0) FROM passages),"
        " (SELECT json_group_object(term, doc) FROM term_counts"
        f"  WHERE term IN ({', '.join('?' * len(wanted))}))",
        wanted,
    ).fetchone()
    counted: dict[str, int] = json.loads(kept) if through else {}
    found = {
        token: counted[token] + (_held_after(db, token, through) if highest > through else 0)
        for token in wanted
        if token in counted
    }
    # Not counted: no passage held the word then, or the counts are not to be read.
    found.update(_fts5_counts(db, [token for token in wanted if token not in found]))
    return {token: found.get(token, 0) for token in wanted}


def _held_after(db: sqlite_utils.Database, token: str, through: int) -> int:
    """Passages after ``through`` that hold ``token``, a word the index holds (so the phrase
    of it is the word alone)."""
    row = db.execute(
        "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ? AND rowid > ?",
        [f'"{token}"', through],
    ).fetchone()
    return int(row[0])


def _fts5_counts(db: sqlite_utils.Database, tokens: list[str]) -> dict[str, int]:
    """FTS5's own counts: every passage of each word read."""
    if not tokens:
        return {}
    _vocabulary_table(db)
    rows = db.execute(
        f"SELECT term, doc FROM temp.passages_vocab WHERE term IN ({', '.join('?' * len(tokens))})",
        tokens,
    ).fetchall()
    return {term: int(doc) for term, doc in rows}


def _vocabulary_table(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab"
        " USING fts5vocab(main, passages_fts, row)"
    )


def passages_added(db: sqlite_utils.Database) -> None:
    """After passages are added: every word counted again if they have grown by half since
    the last count (FTS5 reads its whole index, a second or two at ten thousand protocols)."""
    through, highest = db.execute(
        "SELECT (SELECT through FROM term_counts_state),"
        " (SELECT coalesce(max(id), 0) FROM passages)"
    ).fetchone()
    if highest > RECOUNT_GROWTH * through:
        recount(db)


def recount(db: sqlite_utils.Database) -> None:
    """Count every word's passages again: the counts then hold every passage there is."""
    _vocabulary_table(db)
    db.execute("DELETE FROM term_counts")
    db.execute("INSERT INTO term_counts (term, doc) SELECT term, doc FROM temp.passages_vocab")
    db.execute("UPDATE term_counts_state SET through = (SELECT coalesce(max(id), 0) FROM passages)")


def forget_document(db: sqlite_utils.Database, document_id: int) -> int:
    """Take the words of a document's counted passages off the counts, before they are deleted;
    returns how far the counts go, to keep once they are (``counts_kept``)."""
    through = int(db.execute("SELECT through FROM term_counts_state").fetchone()[0])
    rows = db.execute(
        "SELECT title, text, stemmed FROM passages WHERE document_id = ? AND id <= ?",
        [document_id, through],
    ).fetchall()
    if not rows:
        return through
    # The words as the index deletes them: the same columns through the same tokenizer.
    db.execute(_SCRATCH)
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_terms_vocab"
        " USING fts5vocab(temp, passage_terms, row)"
    )
    db.execute("INSERT INTO temp.passage_terms (passage_terms) VALUES ('delete-all')")
    db.conn.executemany(
        "INSERT INTO temp.passage_terms (title, text, stemmed) VALUES (?, ?, ?)", rows
    )
    db.execute(
        "UPDATE term_counts SET doc = term_counts.doc - v.doc FROM temp.passage_terms_vocab v"
        " WHERE term_counts.term = v.term"
    )
    return through


def counts_kept(db: sqlite_utils.Database, through: int) -> None:
    """The counts still go as far as ``through``: a deleted document's words were taken off
    them (``forget_document``) before its passages were deleted."""
    db.execute("UPDATE term_counts_state SET through = ?", [through])
