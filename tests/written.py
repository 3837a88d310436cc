"""A store of protocols written in a test: the text is in the test, so its questions can be
checked against what it says and what it does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.qa.engine import Engine

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "protocols"


def engine_over(folder: Path, *documents: tuple[str, str]) -> Engine:
    """An engine over a fresh store in ``folder`` holding each (file name, text) ingested."""
    db = open_store(folder / "samrad.db")
    for name, text in documents:
        path = folder / name
        path.write_text(text, "utf-8")
        ingest_file(db, path)
    return Engine(db)


def engine_with_fixtures(corpus_file: Path, folder: Path, names: tuple[str, ...]) -> Engine:
    """An engine over a copy of the shipped corpus (``corpus_file``) in ``folder`` with these
    test protocols (``tests/fixtures/protocols/``) ingested too."""
    path = folder / "samrad.db"
    shutil.copy(corpus_file, path)
    db = open_store(path)
    for name in names:
        ingest_file(db, FIXTURES / name)
    return Engine(db)
