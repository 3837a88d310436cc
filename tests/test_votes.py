"""Who voted how is read from a roll call's lists ("Ja:", "Nej:", "Avstår:")."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.written import engine_over

TODAY = date(2026, 11, 23)


VOTES = (
    "Askersunds kommun\nProtokoll\nKommunstyrelsen\nDatum: 2024-10-01\n\n"
    "Närvarande\nAnna Berg (S), ordförande\nPer Ek (M)\n\n§ 1 Öppnande\nMötet öppnades.\n\n"
    "§ 2 Budget 2025 och plan 2026–2027\nOmröstning begärs och verkställs.\n"
    "Ja 2 / Nej 2 / Avstår 1\nJa: Anna Berg (S), Per Ek (M)\nNej: Roland Kjellin (SD),\n"
    "Marita Öst (SD)\nAvstår: Hilda Wirén (V)\n\nBudgeten fastställs.\n"
)


def test_who_voted_how_is_read_from_the_roll_call(
    corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder: Path = tmp_path_factory.mktemp("votes")
    shutil.copy(corpus_db_file, folder / "samrad.db")
    engine = engine_over(folder, ("askersund_budget.txt", VOTES))
    abstained = engine.answer("Vem avstod från att rösta om budget 2025 i Askersund?", today=TODAY)
    assert abstained.found and abstained.headline.startswith("Hilda Wirén (V) avstod")
    against = engine.answer("vilka röstade nej till budgeten i Askersund?", today=TODAY)
    assert against.headline.startswith("Roland Kjellin (SD) och Marita Öst (SD) röstade nej")


def test_how_many_voted_how_is_read_from_the_result(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Med 8 ja-röster mot 6 nej-röster, 1 ledamot avstår": the count asked, with the rest."""
    engine = engine_over(
        tmp_path_factory.mktemp("vote-count"),
        (
            "hsn.txt",
            "Protokoll\nHälso- och sjukvårdsnämnden\nDatum: 2024-10-22\n\nNärvarande\nAnna Berg "
            "(S), ordförande\nPer Ek (M)\n\n§ 1 Vårdval primärvård 2025\nOmröstning begärs.\nMed "
            "8 ja-röster mot 6 nej-röster, 1 ledamot avstår, beslutar nämnden enligt förslaget.\n"
            "\n§ 2 Slut\nKlart.\n",
        ),
    )
    answer = engine.answer("Hur många röstade nej om vårdval primärvård 2025?", today=TODAY)
    assert answer.found and answer.headline.startswith("6 röstade nej (8 ja, 6 nej, 1 avstår")


def test_a_count_is_of_the_item_asked_about_and_of_one_vote(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """An item that lists the names is counted by them, not answered from another item's
    figures; an item with two votes (återremiss, then the matter) gives no single count."""
    engine = engine_over(
        tmp_path_factory.mktemp("vote-items"),
        (
            "ks.txt",
            "Protokoll\nKommunstyrelsen\nDatum: 2026-10-06\n\nNärvarande\nAnna Berg (S), "
            "ordförande\nPer Ek (M)\n\n§ 80 Skattesats 2027\nOmröstning begärs.\nJa: Anna Berg "
            "(S), Per Ek (M)\nNej: Lisa Holm (V)\n\n§ 81 Taxor 2027\nMed 5 ja-röster mot 2 "
            "nej-röster beslutar styrelsen enligt förslaget.\n\n§ 82 Detaljplan Sävsjön\nFörst "
            "röstades om återremiss: 6 nej, 1 ja. Därefter med 4 ja-röster mot 3 nej-röster "
            "beslutar styrelsen att anta planen.\n",
        ),
    )
    taxed = engine.answer("hur många röstade nej om skattesatsen 2027?", today=TODAY)
    assert taxed.headline.startswith("1 röstade nej") and "§ 80" in taxed.headline
    plan = engine.answer("hur många röstade nej om detaljplanen för Sävsjön?", today=TODAY)
    assert not plan.headline.startswith(("6 röstade", "3 röstade"))
