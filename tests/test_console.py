"""`samrad chat`: the real Application in the terminal; buttons become numbered choices."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli


def test_console_chat_answers_and_buttons_by_number(tmp_path: Path, corpus_db_file: Path) -> None:
    db = tmp_path / "console.db"
    shutil.copy(corpus_db_file, db)
    lines = "\n".join(["Vem var ordförande 6 maj 2022?", "/mote 6 maj 2022", "1", "/foo", ""])
    result = CliRunner().invoke(cli, ["--db", str(db), "chat"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Hej" in out and "[1]" in out  # /start's greeting with example buttons
    assert "Karin Sundin" in out
    assert "<b>" not in out  # Telegram HTML shown as text
    assert "[1] Beslut på mötet" in out
    assert "3 beslut hittades" in out  # typing 1 pressed the button
    assert "Det kommandot finns inte" in out


def test_console_saves_documents(tmp_path: Path, corpus_db_file: Path) -> None:
    db = tmp_path / "console.db"
    shutil.copy(corpus_db_file, db)
    from datetime import date, time, timedelta

    from knowledge import open_store
    from knowledge.council.calendar import add_meeting

    add_meeting(
        open_store(db), "social", date.today() + timedelta(days=9), time(9), time(12), "Eken"
    )
    result = CliRunner().invoke(cli, ["--db", str(db), "chat"], input="/nasta\n\n")
    assert "[fil: mote-" in result.output and ".ics" in result.output
