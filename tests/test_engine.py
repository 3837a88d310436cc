"""The engine owns its caches: engines over different databases never share an answer, and a
changed corpus is read again (by its version, or when told to forget with ``invalidate``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.ingest.load import ingest_bytes
from knowledge.qa.corpus import Corpus
from knowledge.qa.engine import Engine
from knowledge.qa.types import PERSON
from knowledge.storage.database import connect

TODAY = date(2026, 11, 23)
NEW_PROTOCOL = """\
Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg

Tid: Fredag den 2 oktober 2026 kl 9.00-12.00
Plats: Lokal Eken, Eklundavägen 1

Ordförande: Zlatan Testsson, Kumla kommun
Sekreterare: Per Ek

1. Mötet öppnas
Ordföranden hälsade välkommen.

2. Cykelbanor i Lekeberg
Beslut: Rådet beslutade att anslå 450 tkr till cykelbanor i Lekeberg.
"""
CYCLING = "Vad beslutades om cykelbanor?"


def copy_of_corpus(tmp_path: Path, corpus_db_file: Path, name: str) -> sqlite_utils.Database:
    path = tmp_path / name
    shutil.copy(corpus_db_file, path)
    return connect(path)


@pytest.fixture
def corpus_copy(tmp_path: Path, corpus_db_file: Path) -> sqlite_utils.Database:
    return copy_of_corpus(tmp_path, corpus_db_file, "copy.db")


def test_engines_over_different_databases_share_no_answers(
    tmp_path: Path, corpus_db_file: Path, fresh_db: sqlite_utils.Database
) -> None:
    shipped = Engine(copy_of_corpus(tmp_path, corpus_db_file, "shipped.db"))
    newer_db = copy_of_corpus(tmp_path, corpus_db_file, "newer.db")
    ingest_bytes(newer_db, NEW_PROTOCOL.encode(), "ny.txt")
    newer = Engine(newer_db)
    empty = Engine(fresh_db)
    for engine in (shipped, newer, empty):
        engine.warm_up()
    # Asked in turn, each answers from its own database only, whichever was asked first.
    for _ in range(2):
        assert newer.answer(CYCLING, today=TODAY).found
        assert not shipped.answer(CYCLING, today=TODAY).found
        assert not empty.answer(CYCLING, today=TODAY).found
        assert newer.understand("Vem är Zlatan Testsson?", today=TODAY).person == "Zlatan Testsson"
        assert shipped.understand("Vem är Zlatan Testsson?", today=TODAY).person is None
        assert shipped.answer("Vem är Karin Sundin?", today=TODAY).found
        assert not empty.answer("Vem är Karin Sundin?", today=TODAY).found
        assert empty.answer("Vilka teman har föreslagits?", today=TODAY).found is False
        assert shipped.answer("Vilka teman har föreslagits?", today=TODAY).found


def test_an_ingest_is_answerable_at_once(corpus_copy: sqlite_utils.Database) -> None:
    engine = Engine(corpus_copy)
    engine.warm_up()
    assert not engine.answer(CYCLING, today=TODAY).found
    ingest_bytes(corpus_copy, NEW_PROTOCOL.encode(), "ny.txt")
    engine.invalidate()
    result = engine.answer(CYCLING, today=TODAY)
    assert result.found and "450 tkr" in result.headline
    assert [s.date for s in result.sources] == [date(2026, 10, 2)]


def test_an_ingest_through_another_connection_is_noticed_by_the_corpus_version(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "shared.db"
    shutil.copy(corpus_db_file, path)
    engine = Engine(connect(path))
    engine.warm_up()
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person is None
    other = connect(path)  # as the bot's upload does, in a thread of its own
    ingest_bytes(other, NEW_PROTOCOL.encode(), "ny.txt")
    other.conn.close()
    # No invalidate(): the engine sees the corpus version change.
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person == "Zlatan Testsson"
    assert engine.answer(CYCLING, today=TODAY).found
    assert engine.answer("Vem är Zlatan Testsson?", today=TODAY).intent == PERSON


def test_invalidate_forgets_what_the_version_does_not_show(
    corpus_copy: sqlite_utils.Database,
) -> None:
    engine = Engine(corpus_copy)
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person is None
    # An edit in place keeps the number of documents and their ids: the names are kept ...
    corpus_copy.execute("UPDATE documents SET chair = 'Zlatan Testsson' WHERE id = 1")
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person is None
    # ... until the engine is told the corpus changed.
    engine.invalidate()
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person == "Zlatan Testsson"


def test_the_bot_keeps_one_engine_over_its_database(tmp_path: Path, corpus_db_file: Path) -> None:
    from bot.app import build_application
    from bot.fakeapi import FakeBotAPI
    from bot.settings import Settings

    path = tmp_path / "bot.db"
    shutil.copy(corpus_db_file, path)
    config = Settings(db_path=path, token="123456:TEST")
    application = build_application(config, request=FakeBotAPI())
    engine = application.bot_data["engine"]
    assert isinstance(engine, Engine) and engine.db is application.bot_data["store"]


def test_a_new_version_of_the_latest_protocol_is_noticed(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "replaced.db"
    shutil.copy(corpus_db_file, path)
    other = connect(path)
    ingest_bytes(other, NEW_PROTOCOL.encode(), "ny.txt")
    engine = Engine(connect(path))
    assert engine.understand("Vem är Zlatan Testsson?", today=TODAY).person == "Zlatan Testsson"
    # The corrected protocol replaces the first under the same id, with no word the vocabulary
    # lacks: only the other connection's commit shows that the names changed.
    corrected = NEW_PROTOCOL.replace("Zlatan Testsson", "Zlatan Rättsson")
    result = ingest_bytes(other, corrected.encode(), "rättad.txt")
    assert result.replaced
    assert engine.understand("Vem är Zlatan Rättsson?", today=TODAY).person == "Zlatan Rättsson"


def test_a_search_kept_for_the_corpus_version_is_run_again_after_an_ingest(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    corpus = Corpus(copy_of_corpus(tmp_path, corpus_db_file, "searched.db"))
    corpus.refresh()
    match = '{title text}:"hälsade"'
    before = corpus.fts_passages(match, limit=50)
    assert before and corpus.fts_passages(match, limit=50) is before  # kept
    other = connect(tmp_path / "searched.db")  # another connection, as the bot's upload
    ingest_bytes(other, NEW_PROTOCOL.encode(), "ny.txt")
    other.conn.close()
    corpus.refresh()  # as the engine does before each question
    after = corpus.fts_passages(match, limit=50)
    assert len(after) == len(before) + 1
