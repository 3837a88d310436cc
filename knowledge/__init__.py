"""samrad's knowledge of the councils: the corpus and the council's own data.

No Telegram and no HTML live here. The rooms, lowest first (``make test`` checks the order):
``language`` (words, dates, the clock) → ``storage`` (the SQLite file and its tables) →
``ingest`` (files to protocols) and ``council`` (roster, calendar, förhinder, proposals,
notices) → ``qa`` (questions to answers). ``bodies`` and ``errors`` hold what every room shares.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from knowledge.council.roster import ensure_shipped_roster
from knowledge.ingest.load import ensure_shipped_corpus
from knowledge.ingest.reparse import reparse_stale
from knowledge.storage.database import connect

__all__ = ["open_store"]


def open_store(path: Path | str) -> sqlite_utils.Database:
    """The database at ``path``, with the shipped corpus and roster the first time, and its
    documents read again if an older parser read them."""
    db = connect(path)
    reparse_stale(db)  # first: in a new store there is nothing to read again
    ensure_shipped_corpus(db)
    ensure_shipped_roster(db)
    return db
