"""Reading the stored documents again when the parser has learnt more: from the file each
was uploaded as (``originals``), else from its stored text. Nobody is told: the documents are
the same, only read better. Each keeps its id (buttons and notices already sent name it) and
its place among the documents still to be told of.

The run holds the write lock from start to end, so two processes opening the store at once
do not both read it again; each document is a savepoint of its own, so one that cannot be
read again (or would become another stored document) keeps its rows as they were."""

from __future__ import annotations

import logging

import sqlite_utils

from knowledge.ingest.extract import read_bytes
from knowledge.ingest.load import store_protocol
from knowledge.ingest.parse import parse_document
from knowledge.storage import originals, untold
from knowledge.storage.database import transaction
from knowledge.storage.parsed import parser_version, record_parser_version

log = logging.getLogger(__name__)

# Raise when the parser reads the same file into different rows (new passages, new fields).
# 2: the prose before the first item, titles from main headings, formalities among decisions.
# 3: the last item keeps its sentences that mention the next meeting without a date.
# 4: attendance tables and roles before names, a person listed twice read once, Word tables'
#    lines, PDF columns run together, extracts, confidential items, e-mail headers left out.
# 5: the last item ends at a line that opens with the next meeting, not at any mention.
# 6: "ers. för X" among those present is an ersättare serving for X (tjänstgörande).
# 7: a line that ends "… hålls tisdag den" runs on into the date on the next.
# 8: only a date runs on after such a line (a numbered point keeps its own); an absent
#    member's "ersättare för X" serves for no one.
# 9: a meeting app's export: dot-leader fields, Starttid/Sluttid, "Ärende N" items titled by
#    "Rubrik:" and numbered by "Paragraf: § N".
# 10: bodies from an "Organ:" field, a förbund named before its kind, a year after the name.
# 11: attendance from more templates (a presence column, "Förhinder", lists grouped under
#     sub-headings, "Hällefors: Name, title") and from the text (serving substitutes listed in
#     an item, "alla kallade utom …", "… deltog i stället för …"); fields behind symbols; a
#     table's presenter column; "båda kl. 08.30" for a list of meetings.
PARSER_VERSION = 32


def reparse_stale(db: sqlite_utils.Database) -> int:
    """Read every document again if the store was read with an older parser; how many were."""
    if parser_version(db) >= PARSER_VERSION:
        return 0
    done = 0
    with transaction(db):
        if parser_version(db) >= PARSER_VERSION:
            return 0  # another process did it while this one waited for the lock
        rows = db.execute("SELECT id, filename, sha256, text FROM documents ORDER BY id")
        for document_id, filename, sha256, text in rows.fetchall():
            try:
                with transaction(db):
                    _read_again(db, document_id, filename, sha256, text)
                done += 1
            except Exception:  # noqa: BLE001 - one document must not stop the store opening
                log.exception("document %s not read again; its rows are kept", document_id)
        record_parser_version(db, PARSER_VERSION)
    return done


def _read_again(
    db: sqlite_utils.Database, document_id: int, filename: str, sha256: str, text: str
) -> None:
    kept = originals.get(db, document_id)
    raw = read_bytes(kept[1], kept[0]) if kept else text
    protocol = parse_document(raw)
    waiting = untold.row_of(db, document_id)
    store_protocol(
        db,
        protocol,
        filename=kept[0] if kept else filename,
        sha256=sha256,
        original=kept[1] if kept else None,
        keep_id=document_id,
    )
    if waiting is not None:
        untold.put_back(db, document_id, waiting)
