"""Questions about a meeting relative to another: "nästa möte efter 20 april 2022" is the one
that followed that day, "vilka ska bjudas in till nästa möte" asks what a protocol said, and a
body is named by a proper word with its neighbour ("länsdel Norr")."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.types import NEXT_MEETING, TOPIC
from tests.written import engine_over

TODAY = date(2026, 11, 23)

PROTOCOL = """\
PROTOKOLL
Samverkansgrupp länsdel Norr, Lindesbergs kommun
Sammanträdesdatum 2022-04-20

Tid och plats: Onsdagen den 20 april 2022 kl. 13.00–15.00, Stadshuset, Lindesberg
Ledamöter: Eva Lind, ordförande
           Per Holm
Justerare: Per Holm

§ 4 Vårdövergångar
Gruppen beslutade att bjuda in Länstrafiken till nästa möte för att diskutera färdtjänst.

§ 5 Nästa möte
Nästa möte hålls onsdag 18 maj 2022 kl. 13.00 i Stadshuset, Lindesberg.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("after"), ("lansdel_norr_2022-04-20.txt", PROTOCOL))


def test_the_meeting_after_a_day_is_the_one_that_followed(engine: Engine) -> None:
    question = "När hade länsdel Norr sitt nästa möte efter den 20 april 2022?"
    query = engine.understand(question, today=TODAY)
    assert query.intent == NEXT_MEETING and query.body
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "18 maj 2022" in answer.headline


@pytest.mark.parametrize(
    "question",
    [
        "nästa möte i länsdel Norr efter april 2022?",
        "När var nästa ordinarie möte i länsdel Norr efter aprilmötet 2022?",
    ],
)
def test_the_meeting_after_a_month_is_the_first_after_its_end(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "18 maj 2022" in answer.headline and "april 2022" in answer.headline


def test_no_meeting_after_the_last_one_is_said_so(engine: Engine) -> None:
    answer = engine.answer("nästa möte i länsdel Norr efter 18 maj 2022?", today=TODAY)
    assert not answer.found and "efter" in answer.headline


@pytest.mark.parametrize(
    "question",
    [
        "vilken fråga ska lyftas på nästa möte i länsdel Norr?",
        "vad skulle Per Holm ta fram underlag om till nästa möte?",
    ],
)
def test_what_is_to_be_raised_or_prepared_for_the_next_meeting_is_read(
    engine: Engine, question: str
) -> None:
    assert engine.understand(question, today=TODAY).intent == TOPIC


def test_what_a_protocol_said_of_the_next_meeting(engine: Engine) -> None:
    question = "vilka ska länsdel Norr bjuda in till nästa möte?"
    assert engine.understand(question, today=TODAY).intent == TOPIC
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Länstrafiken" in answer.headline


@pytest.mark.parametrize("question", ["när är nästa möte?", "vad ska tas upp på nästa möte?"])
def test_the_next_meeting_itself_is_still_its_date(engine: Engine, question: str) -> None:
    assert engine.understand(question, today=TODAY).intent == NEXT_MEETING


def test_one_proper_word_with_its_neighbour_names_a_body(engine: Engine) -> None:
    assert engine.understand("vem leder länsdel Norr?", today=TODAY).body
    assert engine.understand("vad hände i Norr?", today=TODAY).body is None


def test_the_meeting_after_a_month_of_a_body_no_one_knows_is_not_the_councils() -> None:
    from knowledge.qa.understand import _AFTER

    assert _AFTER.search("nasta mote efter oktober 2023")
    assert not _AFTER.search("nasta mote efter marknadsdagen i juni")


def test_a_body_no_document_knows_is_not_answered_for_another(engine: Engine) -> None:
    answer = engine.answer("nästa möte i kulturnämnden efter april 2022", today=TODAY)
    assert not answer.found
