"""A store read by an older parser is read again from the files, once, telling nobody."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge import open_store
from knowledge.ingest.load import ingest_bytes, ingest_file
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


def _stale(db) -> None:  # type: ignore[no-untyped-def]
    record_parser_version(db, PARSER_VERSION - 1)
    db.conn.commit()


def test_documents_keep_their_ids_and_their_members_still_to_be_told(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    data = (PROTOCOLS / "02_sn_kumla.txt").read_bytes()
    uploaded = ingest_bytes(db, data, "kumla.txt", uploader=4711).document_id
    ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]
    _stale(db)
    again = open_store(path)
    assert [row[0] for row in again.execute("SELECT id FROM documents ORDER BY id")] == ids
    waiting = again.execute("SELECT document_id, uploader FROM untold").fetchall()
    assert waiting == [(uploaded, 4711)]


def test_a_document_that_would_become_another_keeps_its_rows(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    first = ingest_file(db, PROTOCOLS / "15_revisorerna_lekeberg.txt").document_id
    # As an older parser might have: the same meeting under another identity, twice.
    db.execute("UPDATE documents SET identity = 'older reading' WHERE id = ?", [first])
    corrected = (PROTOCOLS / "15_revisorerna_lekeberg.txt").read_bytes() + "\nRättad.\n".encode()
    second = ingest_bytes(db, corrected, "lekeberg.txt").document_id
    assert second != first
    _stale(db)
    again = open_store(path)
    kept = {row[0] for row in again.execute("SELECT id FROM documents")}
    assert {first, second} <= kept
    assert (
        again.execute(
            "SELECT count(*) FROM originals WHERE document_id IN (?, ?)", [first, second]
        ).fetchone()[0]
        == 2
    )
