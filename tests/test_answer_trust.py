"""Answers a member can trust: the sentence that holds what was asked, the meetings asked
for, or an honest "not found" (the failure classes of the answers issue, one test each)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from knowledge import open_store
from knowledge.qa.engine import Engine
from knowledge.qa.types import SCHEDULE

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The shipped corpus and the shipped roster, as a new installation has them."""
    path = tmp_path_factory.mktemp("trust") / "samrad.db"
    shutil.copy(corpus_db_file, path)
    return Engine(open_store(path))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem är projektägare för regional testbädd?", "Regional utveckling är projektägare"),
        ("Hur många kommuner deltar i projektet regional testbädd?", "Sex kommuner"),
        ("Hur ofta revideras aktivitetsplanen?", "vartannat år"),
        ("När ska utredningen om medicintekniska produkter presenteras?", "december 2022"),
        ("Hur många elever deltog i Liv och hälsa ung?", "2958"),
        ("hur ofta traffas kommunernas e-halsonatverk", "sex gånger per år"),
    ],
)
def test_the_sentence_that_holds_the_answer(engine: Engine, question: str, expected: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and expected in answer.headline


@pytest.mark.parametrize(
    "question",
    [
        "Hur stor budget har Kulturrådet i Hallsberg 2025?",  # a body no document mentions
        "Hur mycket kostar licenserna för MittVaccin?",  # the subject is there, no amount
        "Ukraina-punkten, vem föredrog?",
        "En månad för livet 2024, budget?",  # the budget given is for 2025
        "vad visade förstudien om barnfattigdom i länet",  # only a theme's title
    ],
)
def test_no_answer_is_said_honestly(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert not answer.found and answer.headline.startswith("Jag hittar inget")


def test_a_mistyped_intent_word_is_no_topic(engine: Engine) -> None:
    answer = engine.answer("vilka teman har forslagits", today=TODAY)
    assert answer.found and "forslagits" not in answer.headline
    assert "teman har föreslagits" in answer.headline


def test_a_date_without_year_is_the_latest_meeting_that_fits(engine: Engine) -> None:
    answer = engine.answer("vad hände på mötet 19 nov", today=TODAY)
    assert answer.found and "19 november 2021" in answer.headline


def test_meetings_of_a_year_and_how_many_there_have_been(engine: Engine) -> None:
    planned = engine.answer("Vilka möten är planerade 2022?", today=TODAY)
    assert planned.intent == SCHEDULE and planned.found
    lines = "\n".join(planned.blocks[0].lines)
    assert "11 februari 2022" in lines and "6 maj 2022" in lines
    count = engine.answer("Hur många möten har vi haft?", today=TODAY)
    assert count.found and "3 möten" in count.headline


@pytest.mark.parametrize("question", ["var ar motet", "nar borjar motet"])
def test_where_and_when_is_the_next_meeting(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=date(2022, 6, 1))
    assert answer.found and "16 september 2022" in answer.headline


def test_a_protocol_that_names_no_secretary_is_not_an_answer(engine: Engine) -> None:
    answer = engine.answer("Vem var sekreterare på mötet 20 september 2024?", today=TODAY)
    assert not answer.found


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem ersatte Eva Persson?", "Anders Hedåberg"),  # the attendance list's note
        ("vem var ersättare för Ulf Lilja i chefsgruppen", "Anna-Karin Nysten"),
        ("Vem ersatte Malin Bäcklund?", "Maria Engdahl har ersatt Malin Bäcklund"),  # text
        ("vem föredrog om TNE", "Tarja Nordling"),  # an item asked for by its title
        ("vem drog handlingsplan ehälsa på chefsgruppen i mars", "Karin Brage"),
    ],
)
def test_relations_the_protocols_state(engine: Engine, question: str, expected: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and expected in answer.headline


def test_a_secretary_of_a_year_without_protocols_is_not_found(engine: Engine) -> None:
    assert not engine.answer("vem var sekreterare i chefsgruppen 2023", today=TODAY).found


def test_nobody_stood_in_for_someone_who_came(engine: Engine) -> None:
    answer = engine.answer("vem ersatte Karin Sundin", today=TODAY)
    assert not answer.found


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vem ar ersattare for nora", "Eva Karlsson"),  # one council's list has none
        ("vem är sekreterare för rådet", "Linnea Hedkvist"),
        ("vem är sekreterare i chefsgruppen nu", "Maria Lindborg"),  # the latest protocol's
        ("Vilka kommuner är med i rådet?", "13 ledamöter"),
        ("vilka är ledamöter i rådet", "13 ledamöter"),
        ("vem sitter i folkhälsorådet", "ledamöter"),
    ],
)
def test_members_substitutes_and_secretary_with_the_roster(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and expected in answer.headline + "\n".join(
        line for block in answer.blocks for line in block.lines
    )


@pytest.mark.parametrize(
    ("question", "today", "expected"),
    [
        ("vad hände på chefsgruppsmötet i fredags", date(2025, 3, 10), "7 mars 2025"),
        ("Ljusnarsbergs ledamot maj 2022", TODAY, "Lena Berglund"),
        ("vem ar orebro kommuns ledamot i folkhalsoradet?", TODAY, "Jimmy Nordengren"),
        ("vem hoppar in för Karlskogas ledamot i folkhälsorådet", TODAY, "Lena Hagström"),
    ],
)
def test_seats_and_meetings_in_everyday_words(
    engine: Engine, question: str, today: date, expected: str
) -> None:
    answer = engine.answer(question, today=today)
    assert answer.found and expected in answer.headline


def test_who_was_absent_is_read_from_the_absent_list(engine: Engine) -> None:
    answer = engine.answer("Vilka var frånvarande 6 maj 2022?", today=TODAY)
    # The protocol lists who came, and nobody as absent: that is said, not the attendance.
    assert not answer.found and "anger inga frånvarande" in answer.headline


def test_decisions_of_a_year(engine: Engine) -> None:
    answer = engine.answer("beslut 2024", today=TODAY)
    assert answer.found and answer.sources
    assert {source.date.year for source in answer.sources if source.date} == {2024}
