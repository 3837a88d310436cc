"""Which version of the parser the stored documents were read with, kept beside the schema
versions (``schema_version``, component ``parser``): when the parser learns to read more,
documents read before are read again from their files."""

from __future__ import annotations

import sqlite_utils

COMPONENT = "parser"


def parser_version(db: sqlite_utils.Database) -> int:
    """The parser version the documents were last read with; 0 if never recorded."""
    row = db.execute("SELECT version FROM schema_version WHERE component = ?", [COMPONENT])
    found = row.fetchone()
    return int(found[0]) if found else 0


def record_parser_version(db: sqlite_utils.Database, version: int) -> None:
    """Every document has been read with parser ``version``."""
    db.execute(
        "INSERT INTO schema_version(component, version) VALUES (?, ?)"
        " ON CONFLICT(component) DO UPDATE SET version = excluded.version",
        [COMPONENT, version],
    )
