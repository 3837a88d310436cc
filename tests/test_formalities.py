"""Which decisions are the meeting's formalities (agenda, last minutes, justerare, reports
taken note of) and which are on a matter, however short or passive."""

from __future__ import annotations

import pytest

from knowledge.ingest.parse.decisions import is_formality


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Godkännande av dagordning", "Dagordningen godkändes."),
        ("Val av justerare", "Till att jämte ordföranden justera protokollet utsågs Per Holm."),
        ("Föregående protokoll", "Protokollet från förra mötet lästes upp och godkändes."),
        ("Information om sommarlovet", "Informationen lades till handlingarna."),
        ("Information", "Nämnden beslutar att lägga informationen till handlingarna."),
        ("Meddelanden", "Kommunstyrelsen beslutar att lägga meddelandena till handlingarna."),
        ("Redovisning av delegationsbeslut", "Redovisningen läggs till handlingarna."),
    ],
)
def test_formalities(title: str, text: str) -> None:
    assert is_formality(title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Motion om cykelbana", "Motionen avslås och läggs till handlingarna."),
        ("Justerad budgetram 2025", "Fullmäktige beslutar att anta den justerade budgetramen."),
        ("Medborgarförslag om utegym", "Medborgarförslaget avslås och läggs till handlingarna."),
        ("Meddelanden och remiss om vägar", "Nämnden beslutar att yttra sig enligt förslaget."),
        ("Revision", "Protokollet från revisionen godkändes och årsredovisningen fastställdes."),
        ("Motion om belysning", "Nämnden beslutar att lägga motionen till handlingarna."),
        ("Föreningsbidrag", "Föreningen beviljas 45 000 kr."),
    ],
)
def test_decisions_on_a_matter(title: str, text: str) -> None:
    assert not is_formality(title, text)
