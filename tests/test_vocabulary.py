"""The corpus vocabulary as ingestion writes it: every word of every stored passage is in the
table, whatever happened between two ingests (a rollback, another connection's words), though
the process keeps the words it has written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.ingest.load import store_protocol
from knowledge.ingest.parse import parse_document
from knowledge.language.text import words
from knowledge.storage import vocabulary
from knowledge.storage.database import connect, transaction

PROTOCOL = """Protokoll specifika samverkansrådet för social välfärd

Tid: Fredag 5 januari 2024 kl 13.00-16.00
Plats: Digitalt

Närvarande ledamöter:

Anna Berg\tKumla
Per Ek\tLaxå

1. {first}

{body}

2. Övriga frågor

Inga övriga frågor.
"""


def _text(first: str, body: str) -> str:
    return PROTOCOL.format(first=first, body=body)


def _store(db: sqlite_utils.Database, text: str) -> None:
    sha = hashlib.sha256(text.encode()).hexdigest()
    store_protocol(db, parse_document(text), filename="p.txt", sha256=sha)


def _held(db: sqlite_utils.Database, word: str) -> int:
    return int(db.execute("SELECT count(*) FROM vocabulary WHERE word = ?", [word]).fetchone()[0])


def _missing(db: sqlite_utils.Database) -> set[str]:
    """Words of stored passages that the vocabulary lacks."""
    held = {row[0] for row in db.execute("SELECT word FROM vocabulary")}
    wanted = {
        word.lower()
        for title, text in db.execute("SELECT title, text FROM passages")
        for word in words(f"{title} {text}")
        if len(word) >= 3
    }
    return wanted - held


@pytest.fixture()
def db(tmp_path: Path) -> sqlite_utils.Database:
    return connect(tmp_path / "v.db")


def test_words_of_a_rolled_back_ingest_are_written_again(db: sqlite_utils.Database) -> None:
    body = "Nämnden diskuterade fjärrvärmeleveranser och solcellsparker."
    with pytest.raises(RuntimeError), transaction(db):
        _store(db, _text("Energifrågor", body))
        raise RuntimeError("the ingest fails after its passages were written")
    assert _held(db, "fjärrvärmeleveranser") == 0
    _store(db, _text("Energifrågor i kommunen", body))
    assert not _missing(db)
    assert _held(db, "fjärrvärmeleveranser") == _held(db, "solcellsparker") == 1


def test_words_another_connection_wrote_do_not_hide_new_ones(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    _store(db, _text("Kollektivtrafik", "Busslinjerna till Hallsberg diskuterades."))
    other = connect(tmp_path / "v.db")
    _store(other, _text("Skolskjutsar", "Skolskjutsarna och busslinjerna i Kumla."))
    _store(db, _text("Färdtjänst", "Färdtjänsten och skolskjutsarna, busslinjerna också."))
    assert not _missing(db)


def test_each_word_once_and_ids_in_sorted_order_of_each_ingest(db: sqlite_utils.Database) -> None:
    _store(db, _text("Vattenfrågor", "Dricksvatten, avlopp och dagvatten."))
    before = db.execute("SELECT coalesce(max(id), 0) FROM vocabulary").fetchone()[0]
    _store(db, _text("Vattenfrågor igen", "Avloppsreningsverk, dricksvatten och grundvatten."))
    rows = db.execute("SELECT word FROM vocabulary WHERE id > ? ORDER BY id", [before])
    new = [row[0] for row in rows]
    assert new == sorted(new) and {"avloppsreningsverk", "grundvatten"} <= set(new)
    assert "dricksvatten" not in new
    counts = db.execute("SELECT count(*), count(DISTINCT word) FROM vocabulary").fetchone()
    assert counts[0] == counts[1]
    assert not _missing(db)


def test_add_words_directly_keeps_lower_case_words_of_three_letters_or_more(
    db: sqlite_utils.Database,
) -> None:
    with transaction(db):
        vocabulary.add_words(db, {"Ab", "Länet", "länet", "Kommun"})
    held = [row[0] for row in db.execute("SELECT word FROM vocabulary ORDER BY id")]
    assert held == ["kommun", "länet"]


def test_a_documents_passages_are_searchable_each_with_its_stems(db: sqlite_utils.Database) -> None:
    _store(db, _text("Fjärrvärme", "Nämnden beslutade om fjärrvärmen. Solceller diskuterades."))
    rows = db.execute(
        "SELECT p.kind, p.stemmed FROM passages_fts f JOIN passages p ON p.id = f.rowid"
        " WHERE passages_fts MATCH 'solceller' ORDER BY p.id"
    ).fetchall()
    assert rows and all("solcell" in stemmed.split() for _, stemmed in rows)
    # The index agrees with the passages table (an error here says it does not).
    db.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
