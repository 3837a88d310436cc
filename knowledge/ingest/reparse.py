"""Reading the stored documents again when the parser has learnt more: from the file each
was uploaded as (``originals``), else from its stored text. Nobody is told: the documents are
the same, only read better. One transaction per document, so a crash loses nothing; the
version is recorded once every document is read, so an interrupted run starts over."""

from __future__ import annotations

import sqlite_utils

from knowledge.ingest.extract import DocumentError, read_bytes
from knowledge.ingest.load import store_protocol
from knowledge.ingest.parse import parse_document
from knowledge.storage import corpus, originals
from knowledge.storage.database import transaction
from knowledge.storage.parsed import parser_version, record_parser_version

# Raise when the parser reads the same file into different rows (new passages, new fields).
# 2: the prose before the first item, titles from main headings, formalities among decisions.
PARSER_VERSION = 2


def reparse_stale(db: sqlite_utils.Database) -> int:
    """Read every document again if the store was read with an older parser; how many were."""
    if parser_version(db) >= PARSER_VERSION:
        return 0
    rows = db.execute("SELECT id, filename, sha256, text FROM documents ORDER BY id").fetchall()
    done = 0
    for document_id, filename, sha256, text in rows:
        kept = originals.get(db, document_id)
        try:
            raw = read_bytes(kept[1], kept[0]) if kept else text
            protocol = parse_document(raw)
        except DocumentError:
            continue  # read once, so readable; if no longer, the stored rows stay as they are
        with transaction(db):
            corpus.delete_document(db, document_id)
            store_protocol(
                db,
                protocol,
                filename=kept[0] if kept else filename,
                sha256=sha256,
                original=kept[1] if kept else None,
            )
        done += 1
    record_parser_version(db, PARSER_VERSION)
    return done
