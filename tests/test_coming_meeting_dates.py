"""A date without a year: the coming meeting when one is planned that day, else the last
meeting that fits ("vad hände på mötet 19 nov")."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest

from knowledge import open_store
from knowledge.council.calendar import add_meeting
from knowledge.qa.engine import Engine

TODAY = date(2026, 11, 23)
PLANNED = date(2026, 12, 4)


@pytest.fixture
def engine(corpus_copy: Path, tmp_path: Path) -> Engine:
    path = tmp_path / "coming.db"
    shutil.copy(corpus_copy, path)
    db = open_store(path)
    add_meeting(db, "social", PLANNED, time(9), time(12), "Lokal Eken")
    return Engine(db)


@pytest.mark.parametrize("question", ["Var är mötet 4/12?", "var ar motet 4 december"])
def test_a_coming_meeting_named_by_its_day(engine: Engine, question: str) -> None:
    query = engine.understand(question, today=TODAY)
    assert query.meeting_date == PLANNED
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Lokal Eken" in answer.headline and "4 december" in answer.headline


def test_a_past_meeting_named_by_its_day_is_still_the_last_one(engine: Engine) -> None:
    query = engine.understand("vad hände på mötet 19 nov", today=TODAY)
    assert query.meeting_date is not None and query.meeting_date < TODAY
    assert "19 november 2021" in engine.answer("vad hände på mötet 19 nov", today=TODAY).headline
    assert engine.understand("mötet 6 december", today=TODAY).meeting_date == date(2025, 12, 6)
