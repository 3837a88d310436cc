"""What a document says before its first item is searchable: the project, who leads it; its
title is its main heading or its body's name; a body is named by its proper words."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.ingest.parse import parse_document
from knowledge.qa.engine import Engine
from knowledge.qa.reading import TOWN, holds, wanted
from knowledge.qa.stopwords import STOPWORDS
from tests.written import engine_over

TODAY = date(2026, 11, 23)

MINUTES = """\
---
typ: minnesanteckningar
datum: 2025-02-07
plats: Teams
ordförande: Ulla Berg, Kumla kommun
---

# Minnesanteckningar arbetsgrupp Digital Skogsvård 2025-02-07

Projektet Digital Skogsvård är ett samarbete mellan Kumla och Laxå kommuner.
Projektet leds av Nils Moberg. Arbetsgruppen för projekt Digital Skogsvård leds av Ulla Berg.

Deltagare: Ulla Berg, Nils Moberg, Petra Sand

## 1. Projektstatus

Inventeringen är klar i två av tre områden.

## 2. Ekonomi

Projektets totala budget är 2,4 Mkr för 2025–2026.

## 3. Förvaltning efter projektet

Arbetsgruppen förordar att Laxå kommun blir värdkommun för plattformen.
"""

BOARD = """\
PROTOKOLL
Tekniska nämnden, Testby kommun
Sammanträdesdatum 2024-05-02

Tid och plats: Torsdagen den 2 maj 2024 kl. 13.00–15.00, Nämndrummet
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)

§ 1 Val av justerare
Per Holm utsågs att justera protokollet.

§ 2 Gatubelysning
Nämnden beslutar att byta armaturer på Storgatan.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A store with the minutes above."""
    return engine_over(tmp_path_factory.mktemp("preamble"), ("digital_skogsvard.md", MINUTES))


def test_the_prose_before_the_first_item_is_kept() -> None:
    protocol = parse_document(MINUTES)
    assert "Projektet leds av Nils Moberg." in protocol.preamble
    assert "Deltagare" not in protocol.preamble  # a list of people is no prose
    assert "Inventeringen" not in protocol.preamble  # that is the first item's


def test_the_title_is_the_main_heading_or_the_bodys_name() -> None:
    assert parse_document(MINUTES).title.startswith("Minnesanteckningar arbetsgrupp Digital")
    assert parse_document(BOARD).title == "Protokoll, Tekniska nämnden, Testby kommun"


def test_a_question_about_the_preamble_is_answered(engine: Engine) -> None:
    answer = engine.answer("Vilka kommuner samarbetar i projektet Digital Skogsvård?", today=TODAY)
    assert answer.found and "Kumla och Laxå" in answer.headline


def test_the_body_is_named_by_its_proper_words(engine: Engine) -> None:
    query = engine.understand("totala budgeten för digital skogsvård", today=TODAY)
    assert query.body is not None and "digital-skogsvard" in query.body
    answer = engine.answer("totala budgeten för digital skogsvård", today=TODAY)
    assert answer.found and "2,4 Mkr" in answer.headline


def test_who_leads_the_body_named(engine: Engine) -> None:
    answer = engine.answer("Vem leder arbetsgruppen för Digital Skogsvård?", today=TODAY)
    assert answer.found and "Ulla Berg" in answer.headline


def test_which_town_wants_a_town(engine: Engine) -> None:
    want = wanted("vilken kommun blir vardkommun for plattformen", STOPWORDS)
    assert want.kind == TOWN
    assert not holds("Två alternativ presenterades: att en kommun blir värdkommun.", want)
    answer = engine.answer("Vilken kommun blir värdkommun för plattformen?", today=TODAY)
    assert answer.found and "Laxå" in answer.headline


def test_a_meeting_of_another_body_is_named_by_it(engine: Engine) -> None:
    answer = engine.answer("Vad hände på mötet 7 februari 2025?", today=TODAY)
    assert answer.found
    assert answer.headline.startswith("Arbetsgruppen för projekt Digital Skogsvård")
    assert "7 februari 2025" in answer.headline


@pytest.mark.parametrize(
    "question",
    [
        "När träffades arbetsgruppen för Digital Skogsvård senast?",
        "När sammanträdde arbetsgruppen för Digital Skogsvård?",
        "När hade arbetsgruppen för Digital Skogsvård möte?",
    ],
)
def test_when_a_body_last_met(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "7 februari 2025" in answer.headline


def test_how_many_meetings_a_body_has_had(engine: Engine) -> None:
    answer = engine.answer(
        "Hur många möten har arbetsgruppen för Digital Skogsvård haft?", today=TODAY
    )
    assert answer.found and "1 möte med protokoll i arkivet, 7 februari 2025" in answer.headline


def test_a_compound_of_the_bodys_abbreviation_is_known(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = engine_over(tmp_path_factory.mktemp("kpr"), ("kpr.txt", KPR))
    answer = engine.answer("Vem ska bjudas in till nästa KPR-möte i Testby?", today=TODAY)
    assert answer.found and "Länstrafiken" in answer.headline


KPR = """\
Minnesanteckningar från kommunala pensionärsrådet (KPR), Testby kommun
Datum: tisdag 4 april 2023
Tid: 13.30–15.30
Plats: Sammanträdesrum Alsen, Testby stadshus

Närvarande
Lennart Hjelm (C), ordförande
Solveig Arvidsson, vice ordförande, PRO Testby
Jessica Bohman, sekreterare

1. Mötets öppnande
Ordföranden hälsade välkommen.

2. Färdtjänst
Rådet diskuterade färdtjänsten på landsbygden.

3. Nästa möte
Rådet beslutade att bjuda in Länstrafiken till nästa möte för att diskutera närtrafik.
"""


def test_the_councils_meeting_is_the_council_meeting(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Tekniska nämnden met on 10 September 2024, the councils on the 20th (shipped corpus).
    september = BOARD.replace("2024-05-02", "2024-09-10").replace("2 maj", "10 september")
    engine = engine_over(tmp_path_factory.mktemp("september"), ("tekniska.txt", september))
    answer = engine.answer("Vem var ordförande på rådsmötet i september 2024?", today=TODAY)
    assert answer.found and "20 september 2024" in answer.headline
