"""A store read by an older parser is read again from the files, once, telling nobody."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.ingest.reparse import PARSER_VERSION, reparse_stale
from knowledge.storage.parsed import parser_version, record_parser_version

PROTOCOLS = Path(__file__).parent / "fixtures" / "protocols"


def _counts(db) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return (
        one("SELECT count(*) FROM documents"),
        one("SELECT count(*) FROM passages WHERE kind = 'preamble'"),
        one("SELECT count(*) FROM decisions WHERE formal = 1"),
        one("SELECT count(*) FROM originals"),
    )


def test_an_old_store_is_read_again(tmp_path: Path, corpus_db_file: Path) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    ingest_file(db, PROTOCOLS / "08_styrgrupp_earkiv.md")
    fresh = _counts(db)
    assert fresh[1] >= 1 and fresh[2] >= 1
    # What an older parser left: no preamble passages, no formalities, an older version.
    db.execute("DELETE FROM passages WHERE kind = 'preamble'")
    db.execute("UPDATE decisions SET formal = 0")
    record_parser_version(db, PARSER_VERSION - 1)
    db.conn.commit()
    untold = db.execute("SELECT count(*) FROM untold").fetchone()[0]

    again = open_store(path)
    assert _counts(again) == fresh
    assert parser_version(again) == PARSER_VERSION
    assert again.execute("SELECT count(*) FROM untold").fetchone()[0] == untold
    assert reparse_stale(again) == 0  # once


def test_a_new_store_records_the_parser_without_reading_twice(tmp_path: Path) -> None:
    db = open_store(tmp_path / "new.db")
    assert parser_version(db) == PARSER_VERSION
    assert reparse_stale(db) == 0
