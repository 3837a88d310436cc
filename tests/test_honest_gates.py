"""An honest no where a sentence shares the subject but not what was asked: a grant for another
year than the one asked of, and someone who told of a recruitment is not who was recruited."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from knowledge.language.text import looks_like_verb
from knowledge.qa.engine import Engine
from knowledge.qa.owners import another_party, parties
from knowledge.qa.reading import COUNT, PERSON, SHARE, Wanted, holds, wanted
from knowledge.qa.stopwords import STOPWORDS
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

§ 5 Fördelning av bidrag 2024
Nämnden beslutar att Testby konstförening får 12 000 kr i kulturbidrag för 2024.

§ 6 Investeringsbudget 2024–2026
Nämnden antar investeringsbudgeten. Per Holm (M) reserverar sig mot beslutet.

§ 7 Information från förvaltningen
Camilla Östberg informerade om rekryteringen av ny bibliotekschef.

§ 8 Tillgänglighet
Kommunen har avsatt 250 000 kr för åtgärder under 2023. Först ut är en ny ramp vid biblioteket.

§ 9 Stimulansmedel 2024
Förslaget gäller de 2,4 Mkr i stimulansmedel som avsatts för 2024.
Beslut: Medlen fördelas med ett grundbelopp om 100 000 kr per förening.
Resterande medel fördelas efter antal medlemmar den 31 december 2023.

§ 10 Kollektivtrafik
Nämnden beslutade att bjuda in Länstrafiken till nästa möte om närtrafik.
Trafikverket meddelade att vägen byggs om under 2024.

§ 12 Statsbidrag
- 2022 gick ca 3 miljoner kronor i statsbidrag till föreningarna

Arbetet följs upp varje år.

§ 13 Trygghetsdialog
Nämnden bjöd den 7 juni 2023 in till en trygghetsdialog i centrum, mellan klockan 17 och 19.
Enkäten om trygghet besvarades av många invånare.

§ 14 Projekt Besöksnäring Testbygden
Projektet finansieras av Tillväxtverket och de deltagande kommunerna.
För Kumla kommuns del innebär det 80 000 kr per år under 2024–2026.

§ 11 Taxa för tillsyn 2024
Förvaltningen föreslår att timavgiften höjs. Tillsynen av serveringstillstånd omfattas inte av
detta ärende.

Beslut: Nämnden antar taxan för tillsyn med en timavgift om 1 240 kr från 2024-01-01.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("honest"), ("kfn_2023-09-14.txt", PROTOCOL))


def test_a_grant_for_another_year_is_no_answer(engine: Engine) -> None:
    answer = engine.answer("Hur mycket bidrag fick Testby konstförening för 2023?", today=TODAY)
    assert not answer.found
    answer = engine.answer("Hur mycket bidrag fick Testby konstförening för 2024?", today=TODAY)
    assert answer.found and "12 000 kr" in answer.headline


def test_the_meeting_year_still_holds_for_what_was_decided_then(engine: Engine) -> None:
    question = "Vem reserverade sig mot investeringsbudgeten i september 2023?"
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Per Holm" in answer.headline


def test_who_told_of_a_recruitment_is_not_who_was_recruited(engine: Engine) -> None:
    answer = engine.answer("vem blev ny bibliotekschef efter rekryteringen?", today=TODAY)
    assert not answer.found
    answer = engine.answer("vem informerade om rekryteringen av bibliotekschef?", today=TODAY)
    assert answer.found and "Camilla Östberg" in answer.headline


def test_a_capitalised_role_is_no_name() -> None:
    want = Wanted(PERSON, asked=frozenset({"vem", "ar", "projektledare"}))
    # a heading run into the text: "Digital lösning" + "Samordnare anställdes …"
    assert not holds("Digital lösning Samordnare anställdes i september.", want)
    assert holds("Projektledare är Anna Berg.", want)
    # asked who holds a role, the name stands beside it; acronyms are no one
    role = Wanted(PERSON, "projektledare", frozenset({"vem", "ar", "projektledare"}))
    assert not holds("Enligt ViSam och SBAR Projektledare anställdes i september.", role)
    assert not holds("Projektledare anställdes i september. Projektet drivs av Anna Berg.", role)
    assert holds("Projektledare är sedan september Anna Berg.", role)
    # the holder of a role may be the one who reports; someone reporting of it is not
    chief = Wanted(PERSON, "byggchef", frozenset({"vem", "ar", "byggchef"}))
    assert holds("Byggchef Lotta Fjällström informerade om bygglovskön.", chief)
    assert not holds("Lotta Fjällström informerade om rekryteringen av ny byggchef.", chief)
    # a participle or an adjective is no role: "vem blev invald"
    asked = wanted("vem blev invald i styrelsen", STOPWORDS)
    assert asked.kind == PERSON and asked.focus is None


def test_a_theme_proposed_but_never_treated_tells_nothing_of_its_content(
    corpus_db: sqlite_utils.Database,
) -> None:
    engine = Engine(corpus_db)
    asked = engine.answer("vad kom fram när läkemedelsgenomgångar var tema, minns du?", today=TODAY)
    assert not asked.found and "inte behandlats" in asked.headline
    assert "minns" not in asked.headline
    answer = engine.answer("har läkemedelsgenomgångar varit tema?", today=TODAY)
    assert answer.found and "inte behandlats" in answer.headline


def test_an_amount_for_something_else_in_the_item_is_no_answer(engine: Engine) -> None:
    assert not engine.answer("vad kostar den nya rampen vid biblioteket?", today=TODAY).found
    answer = engine.answer("hur mycket har kommunen avsatt för åtgärder 2023?", today=TODAY)
    assert answer.found and "250 000 kr" in answer.headline


def test_what_an_item_leaves_outside_its_scope_has_no_amount_in_it(engine: Engine) -> None:
    question = "vad blir timavgiften för tillsyn av serveringstillstånd?"
    assert not engine.answer(question, today=TODAY).found
    answer = engine.answer("vad blir timavgiften för tillsyn 2024?", today=TODAY)
    assert answer.found and "1 240 kr" in answer.headline


def test_what_an_amount_is_for_and_its_year_may_be_told_before_it_in_the_item(
    engine: Engine,
) -> None:
    answer = engine.answer(
        "hur mycket får varje förening i grundbelopp av stimulanspengarna 2024?", today=TODAY
    )
    text = "\n".join([answer.headline, *(line for b in answer.blocks for line in b.lines)])
    assert answer.found and "100 000 kr" in text


def test_what_someone_said_is_told_with_a_verb_of_saying(engine: Engine) -> None:
    assert not engine.answer("Vad svarade Länstrafiken om närtrafik?", today=TODAY).found
    answer = engine.answer("Vad sa Trafikverket om vägen?", today=TODAY)
    assert answer.found and "byggs om" in answer.headline


def test_who_reserved_themselves_is_read_in_the_item_named(engine: Engine) -> None:
    answer = engine.answer("Vem reserverade sig mot investeringsbudgeten?", today=TODAY)
    assert answer.found and answer.headline.startswith("Per Holm (M) reserverar sig")
    assert not engine.answer("Vem reserverade sig mot kulturbidraget?", today=TODAY).found


def test_reservations_at_a_meeting_named_without_a_subject(engine: Engine) -> None:
    answer = engine.answer("Vilka reserverade sig på mötet 14 september 2023?", today=TODAY)
    assert answer.found and "Per Holm" in answer.headline


def test_a_grants_new_ones_are_no_answer_to_a_total_nor_a_total_to_new_ones() -> None:
    new = wanted("hur manga nya medlemmar fick foreningen", STOPWORDS)
    assert new.focus == "medlemmar"
    assert not holds("Föreningen har 412 medlemmar.", new)
    assert holds("Föreningen har fått 40 nya medlemmar.", new)


def test_who_talked_of_something_keeps_the_one_who_talked() -> None:
    want = wanted("vem talade om sommarens program", STOPWORDS)
    assert holds("Sanna Eriksson berättade om sommarens program.", want)
    assert not holds(
        "Sanna Eriksson berättade om rekryteringen.", wanted("vem blev ny chef", STOPWORDS)
    )


def test_a_sentence_naming_its_own_year_answers_for_that_year_only(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    minutes = PROTOCOL.replace(
        "§ 10 Kollektivtrafik",
        "§ 11 Ekonomi\nBudgeten för 2024 antogs i januari. "
        "Bokslutet för 2023 visar ett överskott om 6 140 kr.\n\n§ 10 Kollektivtrafik",
    )
    engine = engine_over(tmp_path_factory.mktemp("bokslut"), ("styrelse_2024-02-13.txt", minutes))
    assert not engine.answer("Hur stort överskott visade bokslutet för 2024?", today=TODAY).found
    answer = engine.answer("Hur stort överskott visade bokslutet för 2023?", today=TODAY)
    assert answer.found and "6 140 kr" in answer.headline


def test_a_figure_told_with_its_own_year_is_no_answer_for_another(engine: Engine) -> None:
    question = "hur mycket statsbidrag fick föreningarna 2023?"
    assert not engine.answer(question, today=TODAY).found
    answer = engine.answer("hur mycket statsbidrag fick föreningarna 2022?", today=TODAY)
    assert answer.found and "3 miljoner" in answer.headline


def test_times_and_days_count_nothing(engine: Engine) -> None:
    assert not holds("Dialogen hölls den 7 juni mellan klockan 17 och 19.", Wanted(COUNT))
    assert holds("Dialogen samlade 40 deltagare.", Wanted(COUNT))
    assert not looks_like_verb("brott") and looks_like_verb("fått")
    question = "Hur många brott anmäldes i centrum 2023?"
    assert not engine.answer(question, today=TODAY).found


def test_a_response_rate_is_a_share() -> None:
    want = wanted("svarsfrekvens enkaten om trygghet", STOPWORDS)
    assert want.kind == SHARE
    assert not holds("Enkäten besvarades av 18 år och äldre.", want)
    assert holds("Svarsfrekvensen var 48 procent.", want)


def test_a_count_of_things_whose_name_begins_like_a_month_still_counts() -> None:
    for sentence in (
        "Föreningen har 45 juniorer.",
        "Det hölls 8 separata möten.",
        "Nämnden köpte 20 julgranar.",
    ):
        assert holds(sentence, Wanted(COUNT))


def test_a_share_in_kronor_is_asked_for_as_an_amount() -> None:
    assert wanted("hur mycket blir nora kommuns andel", STOPWORDS).kind != SHARE
    want = wanted("hur stor andel av kostnaden betalar nora", STOPWORDS)
    assert want.kind == SHARE and holds("Nora kommuns andel blir 250 000 kr.", want)


def test_only_a_sentence_that_puts_a_subject_outside_the_item_excludes_it(engine: Engine) -> None:
    question = "hur mycket bidrag får Testby konstförening för 2024?"
    assert engine.answer(question, today=TODAY).found  # § 5: "… gäller" is not "omfattas inte av"


def test_an_amount_of_another_party_is_no_answer(engine: Engine) -> None:
    question = "Hur mycket bidrar Tillväxtverket med till projektet Besöksnäring Testbygden?"
    assert not engine.answer(question, today=TODAY).found
    answer = engine.answer("hur mycket betalar Kumla för Besöksnäring Testbygden?", today=TODAY)
    assert answer.found and "80 000 kr" in answer.headline


def test_the_region_is_not_the_town_of_orebro() -> None:
    assert parties("Region Örebro län är projektägare") == {"region"}
    assert parties("hur mycket betalar orebro kommun") == {"orebro"}
    assert another_party("För Nora kommuns del blir det 150 000 kr.", {"tillvaxtverket"})
    assert not another_party("Tillväxtverket bidrar med 2 mkr.", {"tillvaxtverket"})


def test_a_word_that_only_ends_like_an_authority_is_none() -> None:
    assert parties("Nätverket för e-hälsa får 20 000 kr, regionens del") == {"region"}
