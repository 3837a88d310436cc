"""Two questions in one: each part is answered, the second with the first one's subject, and a
request is never split."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.qa.compound import split_question
from knowledge.qa.engine import Engine
from tests.written import engine_over

TODAY = date(2026, 11, 23)

PROTOCOL = """\
PROTOKOLL
Kultur- och fritidsnämnden, Testby kommun
Sammanträdesdatum 2023-09-14

Tid och plats: Torsdagen den 14 september 2023 kl. 13.00–15.00, Nämndrummet
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)
Justerare: Per Holm (M)

§ 5 Projektet Unga ledare
Projektet Unga ledare löper över tre år med start 1 september 2022.
Under 2022 deltog 64 unga i projektet. Av dem gick 27 vidare till arbete eller studier.

§ 6 Bidrag till föreningar
Nio föreningar har ansökt om bidrag för 2024.
Nämnden beviljar bidrag till fem föreningar och avslår fyra ansökningar.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("two"), ("kfn_2023-09-14.txt", PROTOCOL))


def test_a_question_in_two_parts_is_split_at_its_second_question_word() -> None:
    parts = split_question("Hur länge pågår projektet Unga ledare och när startade det?")
    assert parts == ("Hur länge pågår projektet Unga ledare", "när startade det")


def test_a_second_question_word_after_its_preposition_splits() -> None:
    """ "… och i hur många …", "… och från när …": a second question all the same."""
    assert split_question(
        "Hur många lokaler inventerades i Hällefors, och i hur många fanns hinder?"
    ) == (
        "Hur många lokaler inventerades i Hällefors",
        "i hur många fanns hinder",
    )
    assert split_question("hur många fler turer blir det och från när gäller det?") == (
        "hur många fler turer blir det",
        "från när gäller det",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jag kan inte komma på mötet och vem ska ersätta mig?",  # a request and a question
        "nästa möte, när och var",  # two question words, one question
        "Vilka kommuner och regioner deltar?",  # one question
        "Vad beslutades om bidragen och var det enhälligt?",  # "var det": was it
    ],
)
def test_one_question_is_not_split(text: str) -> None:
    assert split_question(text) is None


def test_both_parts_are_answered(engine: Engine) -> None:
    answer = engine.answer(
        "Hur många unga deltog i Unga ledare 2022 och hur många gick vidare till arbete?",
        today=TODAY,
    )
    text = "\n".join([answer.headline, *(line for b in answer.blocks for line in b.lines)])
    assert answer.found and "64 unga" in text and "27" in text


def test_a_part_without_an_answer_is_said_to_have_none(engine: Engine) -> None:
    answer = engine.answer(
        "Hur länge pågår projektet Unga ledare och vem är projektledare för det?", today=TODAY
    )
    assert answer.found and "tre år" in answer.headline
    assert answer.question.endswith("vem är projektledare för det?")
    assert any("Jag hittar" in line for block in answer.blocks for line in block.lines)


def test_what_the_whole_question_names_holds_for_both_parts(engine: Engine) -> None:
    answer = engine.answer(
        "Vem var ordförande och vem var justerare på mötet 14 september 2023?", today=TODAY
    )
    text = "\n".join([answer.headline, *(line for b in answer.blocks for line in b.lines)])
    assert "Eva Lind" in text and "Per Holm" in text and "14 september 2023" in answer.headline


def test_what_is_said_after_the_question_is_not_asked(engine: Engine) -> None:
    answer = engine.answer("Vem var ordförande? På mötet 14 september 2023", today=TODAY)
    assert answer.found and "14 september 2023" in answer.headline
    answer = engine.answer(
        "Hur länge pågår projektet Unga ledare? vill planera in det", today=TODAY
    )
    assert answer.found and "tre år" in answer.headline
    answer = engine.answer("Hur länge pågår projektet Unga ledare? När startade det?", today=TODAY)
    assert answer.found and "1 september 2022" in answer.headline
