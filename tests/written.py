"""A store of protocols written in a test: the text is in the test, so its questions can be
checked against what it says and what it does not."""

from __future__ import annotations

from pathlib import Path

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.qa.engine import Engine


def engine_over(folder: Path, *documents: tuple[str, str]) -> Engine:
    """An engine over a fresh store in ``folder`` holding each (file name, text) ingested."""
    db = open_store(folder / "samrad.db")
    for name, text in documents:
        path = folder / name
        path.write_text(text, "utf-8")
        ingest_file(db, path)
    return Engine(db)
