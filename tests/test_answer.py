"""The answer engine's contract: `samrad ask` output, bad input, honesty, citations."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from bot.render import render_html, render_text
from knowledge.qa.engine import Engine
from knowledge.qa.types import INTENTS
from tests.botkit import valid_telegram_html

BAD_INPUT = [
    "",
    "   ",
    "x" * 5000,
    "hur " * 1250,
    '"',
    'NEAR("a" "b", 3)',
    "AND OR NOT",
    "-förhinder*",
    "title:får",
    "🙂🎉",
    "?!.,;:",
    "\x00\x01",
    "SELECT * FROM documents; --",
]


@pytest.fixture
def db_file(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "ask.db"
    shutil.copy(corpus_db_file, path)
    return path


def run(db_file: Path, *args: str, stdin: str | None = None) -> list[str]:
    result = CliRunner().invoke(cli, ["--db", str(db_file), "ask", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.strip()]


def test_json_contract(db_file: Path) -> None:
    [line] = run(db_file, "--json", "--today", "2022-06-01", "När är nästa möte?")
    data = json.loads(line)
    assert set(data) == {"question", "intent", "found", "answer", "sources"}
    assert data["intent"] == "next_meeting" and data["found"] is True
    assert "16 september 2022" in data["answer"] and "<" not in data["answer"]
    [source] = data["sources"]
    assert set(source) == {"council", "date", "item", "title", "document"}
    assert source["date"] == "2022-05-06" and source["item"] == "12"


def test_stdin_one_question_per_line_in_one_process(db_file: Path) -> None:
    lines = run(
        db_file, "--json", stdin="Vem var ordförande 6 maj 2022?\n\nVad sades om fotboll?\n"
    )
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == [
        "Vem var ordförande 6 maj 2022?",
        "",
        "Vad sades om fotboll?",
    ]
    assert [a["found"] for a in answers] == [True, False, False]
    assert all(a["intent"] in INTENTS for a in answers)


def test_today_must_be_a_date(db_file: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_file), "ask", "--today", "igår", "x"])
    assert result.exit_code != 0
    assert "ÅÅÅÅ-MM-DD" in result.output


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gets_a_helpful_answer(corpus_db: sqlite_utils.Database, text: str) -> None:
    result = Engine(corpus_db).answer(text, today=date(2026, 11, 23))
    assert result.headline.strip()
    assert result.intent in INTENTS
    assert render_text(result)
    assert all(valid_telegram_html(chunk) for chunk in render_html(result))


def test_unanswerable_questions_are_honest(corpus_db: sqlite_utils.Database) -> None:
    engine = Engine(corpus_db)
    for text in ["Vad sades om kärnkraft?", "Vad beslutades om cykelbanor?", "Vem är Kalle Anka?"]:
        result = engine.answer(text, today=date(2026, 11, 23))
        assert not result.found, text
        assert result.sources == [], text


def test_found_answers_always_cite(corpus_db: sqlite_utils.Database) -> None:
    questions = json.loads((Path(__file__).parent / "eval" / "questions.json").read_text("utf-8"))
    engine = Engine(corpus_db)
    for case in questions:
        result = engine.answer(case["q"], today=date(2026, 11, 23))
        if result.found and result.intent != "help":
            assert result.sources, case["q"]
