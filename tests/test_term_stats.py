"""How many passages hold each word, as search weighs words by it: the kept counts must say what
FTS5 itself counts in its index, after documents are added, read again or deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlite_utils

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.ingest.reparse import PARSER_VERSION
from knowledge.storage import term_stats
from knowledge.storage.parsed import record_parser_version

PROTOCOLS = Path(__file__).parent / "fixtures" / "protocols"


def _fts5_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Every word of the index with FTS5's own count of its passages."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab"
        " USING fts5vocab(main, passages_fts, row)"
    )
    return {term: int(doc) for term, doc in db.execute("SELECT term, doc FROM temp.check_vocab")}


def _through(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT through FROM term_counts_state").fetchone()[0])


def _highest(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT max(id) FROM passages").fetchone()[0])


def _assert_counts_hold(db: sqlite_utils.Database) -> None:
    expected = _fts5_counts(db)
    # A word no passage holds, and a hyphenated form the index splits in two, count nothing.
    asked = [*expected, "ordsomintefinns", "e-hälsa"]
    assert term_stats.document_frequencies(db, asked) == {
        **expected,
        "ordsomintefinns": 0,
        "e-hälsa": 0,
    }


def test_counts_hold_for_passages_added_after_the_words_were_counted(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    _assert_counts_hold(db)
    term_stats.recount(db)
    db.conn.commit()
    ingest_file(db, PROTOCOLS / "01_ks_hallsberg.txt")
    # Too few to count every word again: the new passages are counted in the index.
    assert 0 < _through(db) < _highest(db)
    _assert_counts_hold(db)


def test_counts_hold_when_every_document_is_read_again(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    ingest_file(db, PROTOCOLS / "03_bun_lindesberg.txt")
    before = _highest(db)
    record_parser_version(db, PARSER_VERSION - 1)
    db.conn.commit()
    again = open_store(path)  # every document deleted and stored again
    first = again.execute("SELECT min(id) FROM passages").fetchone()[0]
    assert first > before  # every passage is new
    assert _through(again) > 0
    _assert_counts_hold(again)


def test_a_passage_deleted_behind_the_counts_back_leaves_them_unread(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    db.execute("DELETE FROM passages WHERE kind = 'theme'")
    db.conn.commit()
    assert _through(db) == 0
    _assert_counts_hold(db)
    for protocol in sorted(PROTOCOLS.glob("0*.txt")):
        ingest_file(db, protocol)
    assert _through(db) > 0  # counted again as passages were added
    _assert_counts_hold(db)
