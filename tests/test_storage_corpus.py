"""The corpus tables through knowledge.storage.corpus: a shipped protocol written to a real
SQLite file (by store_protocol, which writes only through storage.corpus) and read back after
reopening the file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.bodies import CHEFSGRUPP
from knowledge.ingest.load import SHIPPED_CORPUS, store_protocol
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse import parse_document
from knowledge.storage import corpus
from knowledge.storage.database import connect

SHA256 = "0" * 64


@pytest.fixture(scope="module")
def chefsgrupp_2025() -> Protocol:
    """The chefsgrupp protocol of 2025-03-07: numbered decisions with amounts and dates."""
    path = next(p for p in sorted(SHIPPED_CORPUS.iterdir()) if p.name.startswith("003"))
    protocol = parse_document(path.read_text(encoding="utf-8"))
    assert (protocol.councils, protocol.date) == ([CHEFSGRUPP], date(2025, 3, 7))
    return protocol


def test_protocol_stored_and_read_back_from_the_file(
    tmp_path: Path, chefsgrupp_2025: Protocol
) -> None:
    path = tmp_path / "corpus.db"
    db = connect(path)
    stored = store_protocol(db, chefsgrupp_2025, filename="chefsgrupp.txt", sha256=SHA256)
    assert not stored.replaced
    document_id = stored.document_id
    db.conn.close()

    db = connect(path)
    assert corpus.document_count(db) == 1
    assert corpus.find_document_by_hash(db, SHA256) == document_id
    assert corpus.find_document_by_hash(db, "f" * 64) is None
    header = corpus.document_header(db, document_id)
    assert (header.kind, header.date, header.start, header.end) == (
        "protocol",
        "2025-03-07",
        "13:00",
        "16:00",
    )
    assert (header.place, header.secretary) == ("Skebäcks vårdcentral, Örebro", "Maria Lindborg")
    summary = corpus.document_summary(db, document_id)
    assert summary.councils == [CHEFSGRUPP]
    assert (summary.items, summary.decisions, summary.themes, summary.sections) == (19, 11, 0, 0)

    items = db.execute(
        "SELECT number, title, presenters FROM items WHERE document_id = ? ORDER BY position",
        [document_id],
    ).fetchall()
    assert [row[0] for row in items] == [item.number for item in chefsgrupp_2025.items]
    assert ("10", "Dietist direkt", ["Ingmar Ångman"]) in [
        (number, title, json.loads(presenters)) for number, title, presenters in items
    ]
    names = {row[0] for row in db.execute("SELECT name FROM presenters WHERE date = '2025-03-07'")}
    assert {"Anna Mann", "Karin Brage", "Ingmar Ångman"} <= names

    texts = corpus.decision_texts(db, document_id)
    assert texts == [d.text for d in chefsgrupp_2025.decisions]
    assert "Att Dietist direkt avslutas 250331." in texts
    amounts, dates = db.execute(
        "SELECT d.amounts, d.dates FROM decisions d JOIN items i ON i.id = d.item_id"
        " WHERE i.number = '9a' ORDER BY d.position LIMIT 1"
    ).fetchone()
    assert [a["kronor"] for a in json.loads(amounts)] == [2_900_000]
    assert {"2025-06-01", "2027-05-31"} <= set(json.loads(dates))


def test_a_new_version_replaces_the_old(tmp_path: Path, chefsgrupp_2025: Protocol) -> None:
    db = connect(tmp_path / "corpus.db")
    store_protocol(db, chefsgrupp_2025, filename="chefsgrupp.txt", sha256=SHA256)
    second = store_protocol(db, chefsgrupp_2025, filename="chefsgrupp-v2.txt", sha256="1" * 64)
    assert second.replaced
    assert corpus.document_count(db) == 1
    assert corpus.find_document_by_hash(db, SHA256) is None
    assert corpus.find_document_by_hash(db, "1" * 64) == second.document_id
    assert db.execute("SELECT count(*) FROM decisions").fetchone()[0] == 11


def test_a_documents_deletion_cascades_through_indexed_keys(
    fresh_db: sqlite_utils.Database,
) -> None:
    # without an index on each key a deletion scans the whole table for every item deleted
    for table, column in (
        ("presenters", "item_id"),
        ("decisions", "item_id"),
        ("relations", "item_id"),
        ("scheduled_meetings", "document_id"),
    ):
        first_columns = {
            fresh_db.execute(f"PRAGMA index_info({index[1]})").fetchone()[2]
            for index in fresh_db.execute(f"PRAGMA index_list({table})").fetchall()
        }
        assert column in first_columns, table
