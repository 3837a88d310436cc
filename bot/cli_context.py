"""What every ``samrad`` subcommand shares: the settings and the database, opened once through
``open_database`` so ``--db`` / ``SAMRAD_DB`` and the first-run ingestion of the shipped
corpus apply everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import sqlite_utils

from bot.settings import Settings


class Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_database(self.settings.db_path)
        return self._db


def open_database(path: Path) -> sqlite_utils.Database:
    """Open the database, ingesting the shipped corpus the first time it is needed."""
    from knowledge import open_store

    return open_store(path)


pass_context = click.make_pass_decorator(Context)


def iso_date(value: str | None) -> date | None:
    """A date option (YYYY-MM-DD), or None when not given; a clear error when malformed."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter("använd formen ÅÅÅÅ-MM-DD, t.ex. 2026-03-01") from error
