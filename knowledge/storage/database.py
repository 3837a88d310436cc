"""The one SQLite file behind samrad: opening it, WAL mode and schema migrations.

Every feature module that owns tables lists its migrations in ``MIGRATIONS`` (ordered SQL
scripts, never edited once shipped: append a new one instead). ``open_db`` applies whatever a
file has not seen yet, per component, and records it in ``schema_version``.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

import sqlite_utils

# How long a write waits for another connection's write transaction before "database is
# locked". The longest writer is an ingest (its text is capped, knowledge/ingest/extract.py:
# under a second for the largest document here, a few on a slow machine); the minute job and
# the bot's writes take milliseconds.
BUSY_TIMEOUT_MS = 30_000

# Pages (4 KB each) the write-ahead log grows to before its pages are copied to the file.
WAL_CHECKPOINT_PAGES = 10_000

# Components that own tables, in dependency order: a stable name (recorded in schema_version)
# and the module whose MIGRATIONS list creates and changes them.
COMPONENTS: dict[str, str] = {
    "corpus": "knowledge.storage.corpus_schema",
    "calendar": "knowledge.storage.calendar",
    "roster": "knowledge.storage.roster",
    "followups": "knowledge.storage.followups",
    "outbox": "knowledge.storage.outbox",
    "proposals": "knowledge.storage.proposals",
    "absences": "knowledge.storage.absences",
    "conversations": "knowledge.storage.conversations",
    "kallelser": "knowledge.storage.kallelser",
    "originals": "knowledge.storage.originals",
    "topics": "knowledge.storage.topics",
    "untold": "knowledge.storage.untold",
}
# Files written before the rooms existed recorded the module path of each component.
_LEGACY_NAMES: dict[str, str] = {
    "knowledge.store": "corpus",
    "knowledge.roster": "roster",
    "knowledge.followups": "followups",
    "knowledge.outbox": "outbox",
    "knowledge.proposals": "proposals",
    "knowledge.absences": "absences",
}


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` with the schema up to date."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint when the WAL holds 40 MB rather than SQLite's 4 MB: an ingest rewrites the
        # same index pages in every transaction (a document each), and each checkpoint copies
        # them to the database file again: at 4 MB, copying took up to a fifth of an ingest.
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    db = sqlite_utils.Database(conn)
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every migration of every component that this file has not seen yet."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
    )
    for legacy, name in _LEGACY_NAMES.items():
        db.execute("UPDATE schema_version SET component = ? WHERE component = ?", [name, legacy])
    for name, module in COMPONENTS.items():
        migrations: list[str] = importlib.import_module(module).MIGRATIONS
        row = db.execute(
            "SELECT version FROM schema_version WHERE component = ?", [name]
        ).fetchone()
        current = row[0] if row else 0
        for version, script in enumerate(migrations[current:], start=current + 1):
            with transaction(db):
                for statement in _split_sql(script):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_version(component, version) VALUES (?, ?)"
                    " ON CONFLICT(component) DO UPDATE SET version = excluded.version",
                    [name, version],
                )


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


class transaction:  # noqa: N801 - used like a function: `with transaction(db):`
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception; nests as a savepoint."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.nested = db.conn.in_transaction
        self.savepoint = f"sp_{id(self)}"

    def __enter__(self) -> sqlite_utils.Database:
        if self.nested:
            self.db.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self.db.conn.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.nested:
            if exc_type is None:
                self.db.conn.execute(f"RELEASE {self.savepoint}")
            else:
                self.db.conn.execute(f"ROLLBACK TO {self.savepoint}")
                self.db.conn.execute(f"RELEASE {self.savepoint}")
        elif exc_type is None:
            self.db.conn.execute("COMMIT")
        else:
            self.db.conn.execute("ROLLBACK")
