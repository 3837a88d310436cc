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
