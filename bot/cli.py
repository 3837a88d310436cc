"""The ``samrad`` command line: one group, one subcommand per task.

Each feature adds its subcommands here; they all open the database through ``open_database``
so ``--db`` / ``SAMRAD_DB`` and the first-run ingestion of the shipped corpus apply everywhere.
"""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

from knowledge import db as dbmod


class Context:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_database(self.db_path)
        return self._db


def open_database(path: Path) -> sqlite_utils.Database:
    """Open the database, ingesting the shipped corpus the first time it is needed."""
    from knowledge.ingest import ensure_shipped_corpus

    database = dbmod.connect(path)
    ensure_shipped_corpus(database)
    return database


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="SAMRAD_DB",
    default=None,
    help="SQLite database file (default: data/samrad.db in the project, or $SAMRAD_DB).",
)
@click.version_option(package_name="samrad")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """samrad: assistant for the specifika samverkansråden in Region Örebro län."""
    ctx.obj = Context(db_path or dbmod.default_db_path())


def main() -> None:
    """Entry point of the console script."""
    cli()
