"""Shared fixtures: a real SQLite file with the shipped corpus, and an empty one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.ingest.load import ensure_shipped_corpus
from knowledge.ingest.reparse import reparse_stale
from knowledge.storage.database import connect


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    """One database with the shipped corpus for the whole run (read-only use)."""
    db = connect(tmp_path_factory.mktemp("corpus") / "samrad.db")
    ensure_shipped_corpus(db)
    return db


@pytest.fixture(scope="session")
def corpus_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the shipped corpus, to copy for tests that write to it."""
    path = tmp_path_factory.mktemp("corpus-file") / "samrad.db"
    db = connect(path)
    reparse_stale(db)  # records the parser version, as open_store does
    ensure_shipped_corpus(db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture
def corpus_copy(tmp_path: Path, corpus_db_file: Path) -> Path:
    """A copy of the database file with the shipped corpus, for one test to write to."""
    path = tmp_path / "samrad.db"
    shutil.copy(corpus_db_file, path)
    return path


@pytest.fixture
def fresh_db(tmp_path: Path) -> sqlite_utils.Database:
    """An empty database file of the current schema."""
    return connect(tmp_path / "samrad.db")
