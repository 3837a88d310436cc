"""`samrad chat`: the real Application in the terminal; buttons become numbered choices; one
person can play the roster's people and the secretary."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from tests.test_upload import PROTOCOL


def _chat(db: Path, lines: list[str], *options: str) -> str:
    result = CliRunner().invoke(
        cli, ["--db", str(db), "chat", *options], input="\n".join(lines) + "\n"
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_console_chat_answers_and_buttons_by_number(corpus_copy: Path) -> None:
    db = corpus_copy
    lines = ["Vem var ordförande 6 maj 2022?", "/mote 6 maj 2022", "1", "", "/foo"]
    out = _chat(db, lines)
    assert "Hej!" in out and "Hej Du" not in out and "[1]" in out  # no name is known
    assert "Karin Sundin" in out
    assert "<b>" not in out  # Telegram HTML shown as text
    assert "[1] Beslut på mötet" in out
    assert "3 beslut hittades" in out  # typing 1 pressed the button
    assert "Det kommandot finns inte" in out  # an empty line did not end the chat


def test_console_saves_documents(corpus_copy: Path) -> None:
    db = corpus_copy
    out = _chat(db, ["/nasta", "/sluta", "/hjalp"])
    assert "[fil: mote-" in out and ".ics" in out
    assert "Det här kan jag" not in out  # /sluta ended the chat


def test_one_person_plays_the_whole_forhinder_flow(corpus_copy: Path) -> None:
    db = corpus_copy
    lines = [
        "/som Ann-Christine Appelqvist",
        "/som Siw Lunander",
        "/franvaro",
        "1",  # the demo meeting
        "1",  # the whole meeting
        "/som Ann-Christine",
        "1",  # Ja, jag kommer
        "/som sekreterare",
        "/narvaro",
    ]
    out = _chat(db, lines, "--som", "Okänd Person")
    assert "demomöte" in out
    assert "Okänd Person finns inte i rostern" in out
    assert "Välkommen, Ann-Christine Appelqvist!" in out
    assert "Välkommen, Siw Lunander!" in out and "Hej Siw!" not in out
    assert "[till Ann-Christine Appelqvist] Kan du ersätta Siw Lunander?" in out
    assert "Tack! Du kommer till mötet" in out
    assert "[till Siw Lunander] Ann-Christine Appelqvist kommer i stället" in out
    assert "Hallsberg: Siw Lunander – förhinder, ersättare Ann-Christine Appelqvist kommer" in out


def test_secretary_uploads_in_the_console(tmp_path: Path, corpus_copy: Path) -> None:
    db = corpus_copy
    protocol = tmp_path / "protokoll.txt"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    out = _chat(
        db, [f"/ladda {protocol}", "/ladda saknas.pdf", "/inbjud Siw Lunander"], "--sekreterare"
    )
    assert "Som sekreterare kan du" in out
    assert "protokoll.txt är inläst" in out
    assert "Kunde inte läsa saknas.pdf" in out
    assert "https://t.me/samrad_bot?start=" in out
