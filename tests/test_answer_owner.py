"""A question names the body whose minutes it asks about ("Askersunds delårsrapport"); the
minutes never repeat their own town, so every passage is found by its owner's name too."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from knowledge.qa.engine import Engine
from tests.written import engine_over

TODAY = date(2026, 11, 23)


def _protocol(town: str, day: str, sentence: str) -> str:
    return (
        f"{town}s kommun\nProtokoll\nKommunstyrelsen\nDatum: {day}\n\n"
        "Närvarande\nAnna Berg (S), ordförande\nPer Ek (M)\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n"
        f"§ 2 Delårsrapport januari–augusti 2024\n{sentence} Rapporten godkänns.\n"
    )


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("owner")
    shutil.copy(corpus_db_file, folder / "samrad.db")  # the shipped corpus knows "avvecklas"
    return engine_over(
        folder,
        (
            "askersund.txt",
            _protocol(
                "Askersund", "2024-10-01", "Prognosen för helåret är ett överskott på 8,2 mnkr."
            ),
        ),
        (
            "hallsberg.txt",
            _protocol(
                "Hallsberg", "2024-09-10", "Helårsprognosen visar ett underskott om 4,3 Mkr."
            ),
        ),
        (
            "regionfullmaktige.txt",
            "Protokoll\nRegionfullmäktige\nDatum: 2024-11-26\n\n§ 1 Öppnande\nMötet öppnades.\n\n"
            "§ 2 Interpellation om busstrafiken mellan Kopparberg och Hällefors\n"
            "Marie Falk (M) besvarar interpellationen. Fyra turer läggs till per vardag.\n",
        ),
    )


def test_a_passage_is_found_by_the_town_of_the_body_that_wrote_it(engine: Engine) -> None:
    """ "prognos" is found in "Prognosen" (the stemmer takes the final s of the base form for a
    genitive), and Askersund's minutes answer though they never write "Askersund"."""
    answer = engine.answer(
        "Vilken prognos för helåret 2024 visade Askersunds delårsrapport?", today=TODAY
    )
    assert answer.found and "8,2 mnkr" in answer.headline
    assert "4,3" not in answer.headline


def test_one_word_and_a_town_need_what_happened_too(engine: Engine) -> None:
    """Every passage of Askersund's minutes holds the town: "delårsrapport" and the town are too
    little to answer what was extended."""
    assert not engine.answer("vilken delårsrapport i Askersund ska förlängas", today=TODAY).found


def test_a_short_noun_nowhere_on_its_own_stands_for_the_compounds_it_heads(
    engine: Engine,
) -> None:
    """ "bussarna" is written nowhere; "busstrafiken" is."""
    answer = engine.answer(
        "vem svarade på interpellationen om bussarna mellan Kopparberg och Hällefors?",
        today=TODAY,
    )
    assert answer.found and "Marie Falk" in answer.headline


def test_what_happened_to_a_subject_in_a_town(engine: Engine) -> None:
    """ "hände" says nothing the minutes would write: the subject and the town find it."""
    answer = engine.answer("vad hände med delårsrapporten i Askersund?", today=TODAY)
    assert answer.found and "8,2 mnkr" in answer.headline


def test_a_month_without_a_year_in_a_town_is_the_towns(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "i Nora i maj": Nora's May, though another body met in a later May."""
    engine = engine_over(
        tmp_path_factory.mktemp("town-month"),
        (
            "nora.txt",
            "Nora kommun\nProtokoll\nKommunala rådet för funktionshinderfrågor\n"
            "Datum: 2024-05-27\n\nNärvarande\nAnna Berg (S), ordförande\nPer Ek (M)\n\n"
            "§ 1 Tillgänglighet\nTaktila ledstråk läggs vid busstationen för 1,8 mnkr.\n\n"
            "§ 2 Slut\nKlart.\n",
        ),
        (
            "kumla.txt",
            "Kumla kommun\nProtokoll\nSocialnämnden\nDatum: 2025-05-20\n\nNärvarande\nEva Lind "
            "(S), ordförande\nPer Holm (M)\n\n§ 1 Budget\nBudgeten redovisades.\n\n§ 2 Slut\n"
            "Klart.\n",
        ),
    )
    answer = engine.answer("vad kostar ledstråken vid busstationen i Nora i maj?", today=TODAY)
    assert answer.found and "1,8 mnkr" in answer.headline
