"""What a question already states is no answer to it, nor is a sentence that only repeats its
words (a question asked at the meeting, a town or a heading taken for a person): the sum it
names ("de 85 000 kronorna") is told by the sentence that says what becomes of it, a size asked
for ("hur stor är borgensramen") by a sentence that holds one; and a decision goes on in the
sentence that names what it decided ("Skrivelsen ska skickas senast …")."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.ingest.parse.decisions import parse_decisions
from knowledge.qa.engine import Engine
from knowledge.qa.reading import holds, wanted
from knowledge.qa.stopwords import STOPWORDS
from tests.written import engine_over

TODAY = date(2026, 11, 23)
PROTOCOL = """\
PROTOKOLL
Fritidsnämnden, Testby kommun
Datum: 2024-05-27
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)

§ 1 Föreningsmedel
Sen pengarna: nämnden har 85 000 kr kvar av föreningsmedlen för i år och de måste vara använda \
före årsskiftet, eftersom de inte kan föras över till nästa år utan ett särskilt beslut av \
kommunstyrelsen. Förslaget som alla ställde sig bakom är att vi lägger 40 000 kr på föreläsare \
och fika till utbildningarna och 45 000 kr på tryck av informationsmaterial på fyra språk: \
svenska, arabiska, somaliska och engelska.

§ 2 Nytt boende
Bolagets nuvarande borgensram medger inte hela upplåningen. Nämnden återkommer i frågan.

§ 3 Laget runt
Hällefors: Rekryterar ny enhetschef för IFO. Nora: Ny skolkurator från januari.

§ 4 Övriga frågor
Linda Kask (KD) frågade hur lång väntetiden är till familjebehandling. Frågan besvaras vid \
nästa sammanträde.

§ 5 Biblioteksplan 2024–2027
Kultur- och fritidschef Camilla Öst föredrog ärendet. Planen har tagits fram med skolorna.
Beslut Nämnden beslutar att anta Biblioteksplan 2024–2027 och överlämna den till \
kommunfullmäktige för kännedom.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("premise"), ("fritid.txt", PROTOCOL))


def test_the_sum_the_question_names_is_told_by_what_follows(engine: Engine) -> None:
    answer = engine.answer("vad ska de 85 000 kronorna i föreningsmedel gå till?", today=TODAY)
    assert answer.found and "40 000 kr" in answer.headline


def test_a_size_asked_for_needs_a_figure(engine: Engine) -> None:
    """The sentence that names the borgensram says nothing of how large it is."""
    assert not engine.answer("hur stor är bolagets borgensram?", today=TODAY).found


def test_a_decision_goes_on_in_the_sentence_that_names_what_it_decided() -> None:
    decided = parse_decisions(
        [
            "Rådet beslutade att ordföranden skriver en skrivelse till regionen. Skrivelsen ska "
            "skickas senast den 10 juni 2024. Flera uttryckte oro."
        ]
    )
    assert [d.text for d in decided] == [
        "Rådet beslutade att ordföranden skriver en skrivelse till regionen. Skrivelsen ska "
        "skickas senast den 10 juni 2024."
    ]


@pytest.mark.parametrize(
    "question",
    [
        "vem blev ny enhetschef för IFO i Hällefors?",  # a town is no one
        "Hur lång väntetid är det till familjebehandling?",  # asked, not answered
    ],
)
def test_a_sentence_that_only_repeats_the_question_answers_nothing(
    engine: Engine, question: str
) -> None:
    assert not engine.answer(question, today=TODAY).found


def test_a_role_written_apart_and_a_heading_run_into_its_paragraph() -> None:
    """ "biblioteks chef" is the bibliotekschef; "Beslut Nämnden" is no one's name."""
    want = wanted("vem blev ny biblioteks chef i degerfors", STOPWORDS)
    assert want.focus == "bibliotekschef"
    assert not holds("Beslut Nämnden beslutar att anta Biblioteksplan 2024–2027.", want)
