"""Questions in other words than the minutes': a misspelt verb, fillers and the words that only
name the kind of answer ("hur mkt pengar", "ungefär"), and a report that was presented at a
meeting and lives in its protocol.

The protocol is written here, so each question can be checked against what it says and what
it does not."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.language.synonyms import synonyms
from knowledge.qa.engine import Engine
from knowledge.qa.search import expand
from tests.written import engine_over

TODAY = date(2026, 11, 23)

PROTOCOL = """\
PROTOKOLL
Miljönämnden, Testby kommun
Sammanträdesdatum 2024-11-20

Tid och plats: Onsdagen den 20 november 2024 kl. 09.00–12.00, Nämndrummet, Testby kommunhus
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)
           Dennis Åkerlund (SD)
Justerare: Per Holm (M)

§ 12 Taxa för tillsyn 2025
Förvaltningen föreslår att timavgiften höjs från 1 180 kr till 1 240 kr.
Beslut
Nämnden antar taxan med en timavgift om 1 240 kr från 2025-01-01.
Reservation
Dennis Åkerlund (SD) reserverar sig mot beslutet.

§ 13 Ekonomi för projektet Grön skola
Projektets totala budget är 1,85 Mkr för 2024–2026, en gemensam satsning.
Beslut: Nämnden godkänner att 120 000 kr flyttas från konsultposten till utbildning.

§ 15 Stimulansmedel
Nämnden tilldelas 2,4 Mkr i stimulansmedel för 2026.

§ 14 Rapport om äldres levnadsvanor
Rapporten visar att hälsans fyra hörnpelare är fysisk aktivitet, goda matvanor, social \
gemenskap och välbefinnande.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(
        tmp_path_factory.mktemp("paraphrase"), ("miljonamnden_2024-11-20.txt", PROTOCOL)
    )


def test_a_misspelt_verb_is_read_as_the_verb_it_misspells(engine: Engine) -> None:
    term = expand(engine._corpus, "reserverde")
    assert "reserverade" in term.exact or any(s.startswith("reserver") for s in term.stems)
    answer = engine.answer("Vem reserverde sig mot timavgiften?", today=TODAY)
    assert answer.found and "Dennis Åkerlund" in answer.headline


def test_a_verb_is_never_corrected_into_a_noun(engine: Engine) -> None:
    # "hände" is five letters from "handel": a short verb is left as written
    assert expand(engine._corpus, "reserverde").exact != ["rapport"]
    assert not expand(engine._corpus, "hände").exact


@pytest.mark.parametrize(
    "question",
    [
        "hur mkt pengar flyttades till utbildning i projektet grön skola?",
        "ungefär hur mycket pengar flyttas över till utbildning?",
    ],
)
def test_words_that_only_name_an_amount_are_no_subject(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "120 000 kr" in answer.headline


def test_a_report_told_at_a_meeting_is_read_in_its_protocol(engine: Engine) -> None:
    answer = engine.answer("vilka är hälsans fyra hörnpelare enligt rapporten?", today=TODAY)
    assert answer.found and "matvanor" in answer.headline


def test_a_report_the_protocols_do_not_hold_is_still_not_found(engine: Engine) -> None:
    answer = engine.answer("vad säger rapporten om vindkraftverk?", today=TODAY)
    assert not answer.found


def test_a_compound_with_pengar_is_the_minutes_compound_with_medel(engine: Engine) -> None:
    assert "stimulansmedel" in expand(engine._corpus, "stimulanspengarna").exact
    assert not expand(engine._corpus, "konsultpengarna").exact  # nothing the minutes lack
    answer = engine.answer("hur mycket stimulanspengar får nämnden för 2026?", today=TODAY)
    assert answer.found and "2,4 Mkr" in answer.headline


def test_a_verb_the_minutes_do_not_use_is_left_out_of_a_short_question(engine: Engine) -> None:
    answer = engine.answer("Har nämnden tagit något beslut om timavgiften?", today=TODAY)
    assert answer.found and "1 240 kr" in answer.headline


def test_gratis_is_the_minutes_kostnadsfri() -> None:
    assert "kostnadsfria" in synonyms("gratis")


def test_an_adjective_with_a_doubled_consonant_is_its_undoubled_stem(engine: Engine) -> None:
    # "gemensamma" stems to "gemensamm", "gemensam" to itself
    assert "gemensam" in expand(engine._corpus, "gemensamma").stems


def test_a_noun_that_drops_its_e_as_it_inflects_is_the_same_noun(engine: Engine) -> None:
    # "stimulansmedlen" stems to "stimulansmedl", "stimulansmedel" to itself
    assert "stimulansmedel" in expand(engine._corpus, "stimulansmedlen").stems
    answer = engine.answer("hur mycket av stimulansmedlen får nämnden 2026?", today=TODAY)
    assert answer.found and "2,4 Mkr" in answer.headline


def test_what_became_of_a_matter_is_what_was_decided(engine: Engine) -> None:
    answer = engine.answer("blev det nåt med timavgiften eller?", today=TODAY)
    assert answer.found and "antar taxan" in answer.headline


def test_what_something_will_go_for_asks_for_an_amount(engine: Engine) -> None:
    answer = engine.answer("vad kommer projektet Grön skola att gå på?", today=TODAY)
    assert answer.found and "1,85 Mkr" in answer.headline
    assert not engine.answer("vad kommer rapporten om levnadsvanor att gå på?", today=TODAY).found
