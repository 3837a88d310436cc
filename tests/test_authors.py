"""Who wrote what: a report's authors from its title page, the minutes' from the secretary."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from knowledge.qa.engine import Engine

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine(corpus_db: sqlite_utils.Database) -> Engine:
    return Engine(corpus_db)


@pytest.mark.parametrize(
    "question",
    [
        "Vem skrev redovisningen av kommunernas arbete inom God och nära vård 2021?",
        "vilka har skrivit rapporten om god och nära vård",
    ],
)
def test_a_report_is_written_by_the_names_on_its_title_page(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found
    assert "Margit Gehrke Flyckt och Kristin Gustafsson" in answer.headline


def test_the_minutes_are_written_by_the_secretary(engine: Engine) -> None:
    answer = engine.answer("Vem skrev protokollet på mötet i november 2021?", today=TODAY)
    assert answer.found and "Sekreterare" in answer.headline


def test_a_report_no_document_is_is_not_anyones(engine: Engine) -> None:
    answer = engine.answer("Vem skrev rapporten om vindkraft i Örebro län?", today=TODAY)
    assert not answer.found
