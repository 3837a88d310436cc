"""Questions that name a body samrad did not know before its protocols came are answered from
that body's protocols only (the fixtures are minutes of other Swedish bodies)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.qa.engine import Engine
from knowledge.qa.types import Answer
from knowledge.storage import corpus_bodies
from tests.written import engine_with_fixtures

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "protocols"
DOCUMENTS = (
    "01_ks_hallsberg.txt",
    "06_hembygdsforening_styrelse.txt",
    "09_kpr_askersund_webb.txt",
    "08_styrgrupp_earkiv.md",
)


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_with_fixtures(corpus_db_file, tmp_path_factory.mktemp("bodies"), DOCUMENTS)


@pytest.mark.parametrize(
    ("question", "today", "expected"),
    [
        ("När är nästa möte i pensionärsrådet i Askersund?", date(2023, 4, 20), "13 juni 2023"),
        ("nar ar nasta styrelsemote i Edsbergs hembygdsforening", date(2024, 2, 20), "12 mars"),
        ("var hade KS i Hallsberg sitt möte 10/9 2024", date(2026, 11, 23), "Tisaren"),
        ("Vem leder styrgruppen för E-arkiv Bergslagen?", date(2025, 6, 1), "Fredrik Hallén"),
    ],
)
def test_a_named_body_is_answered_from_its_protocols(
    engine: Engine, question: str, today: date, expected: str
) -> None:
    answer = engine.answer(question, today=today)
    assert answer.found and expected in answer.headline


def test_sources_come_from_the_named_body_only(engine: Engine) -> None:
    db = engine.db
    answer = engine.answer(
        "Hur mycket far reparationen av smedjans tak kosta, Edsbergs hembygdsforening?",
        today=date(2026, 11, 23),
    )
    assert answer.found and "38 000 kr" in answer.headline
    cited = [corpus_bodies.body_of(db, d.document_id) for d in _documents(db, answer)]
    assert cited and {body.key for body in cited if body} == {"styrelsen-edsbergs-hembygdsforening"}


def test_the_council_stays_the_default_when_no_body_is_named(engine: Engine) -> None:
    answer = engine.answer("När är nästa möte?", today=date(2022, 6, 1))
    assert answer.found and "Specifika rådet social välfärd" in answer.headline


def _documents(db: sqlite_utils.Database, answer: Answer) -> list[corpus_bodies.BodyDocument]:
    """The body documents the answer's sources cite (matched by date and title)."""
    return [
        document
        for body in corpus_bodies.bodies(db)
        for document in corpus_bodies.body_documents(db, body.key)
        for source in answer.sources
        if source.date == document.date and source.document == document.title
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Vad är bra med digitalisering?",  # "bra" is not BRÅ
        "Vad sades om barn och utbildning?",  # a subject, not a body
        "Vad sa kommunstyrelsen i Örebro?",  # Hallsberg's is not Örebro's
    ],
)
def test_no_body_is_read_into_a_question_that_does_not_name_it(
    engine: Engine, question: str
) -> None:
    assert engine.understand(question, today=date(2026, 11, 23)).body is None


def test_who_leads_what_nobody_names_is_not_guessed(engine: Engine) -> None:
    for question in ("Vem leder mötet?", "Vem ansvarar för det?"):
        assert not engine.answer(question, today=date(2026, 11, 23)).found
