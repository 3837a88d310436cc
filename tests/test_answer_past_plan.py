"""A body whose latest minutes samrad holds planned meetings that have passed since: the plan
is told as the latest protocol's, with the dates passed; and what a passage says of the next
meeting ("vad ska tas upp ...") is a question about it, answered with what it points back to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.qa.engine import Engine
from tests.written import engine_over

TODAY = date(2026, 11, 23)
MINUTES = """# Styrgrupp Trygg hemgång – möte 4/2025
Datum: 2025-09-24
Ordförande: Carina Höög

Deltagare:
- Carina Höög, Örebro kommun – förvaltningschef, ordförande
- Niklas Fors, Karlskoga kommun – socialchef

### 1 Vårdövergångar
Flera avvikelser gäller läkemedelslistor vid utskrivning. Frågan lyfts till nästa möte med
representanter för slutenvården.

### 2 Nästa möte
- onsdag 19 november 2025 kl. 13.00–15.00, Teams
- onsdag 28 januari 2026 kl. 13.00–15.00, Regionhuset

## Åtgärder

| Vad | Vem | När |
|-----|-----|-----|
| Ta fram kostnadsunderlag | Sara Jafari | 2025-11-01 |
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("past-plan")
    return engine_over(folder, ("trygg_hemgang.md", MINUTES))


def test_the_latest_protocols_plan_is_told_as_passed(engine: Engine) -> None:
    answer = engine.answer("När har styrgruppen för Trygg hemgång nästa möte?", today=TODAY)
    assert answer.found
    assert "19 november 2025" in answer.headline and "senaste protokollet" in answer.headline
    # an action's deadline under "Åtgärder" is no meeting
    assert "1 november" not in " ".join([answer.headline, *answer.blocks[0].lines])
    assert any("har passerat" in line for line in answer.blocks[0].lines)


def test_what_is_to_be_taken_up_at_the_next_meeting(engine: Engine) -> None:
    """ "Frågan lyfts till nästa möte" says what only with the sentence before it."""
    answer = engine.answer(
        "Vad ska tas upp med slutenvårdens representanter på nästa möte i Trygg hemgång?",
        today=TODAY,
    )
    assert answer.found and "läkemedelslistor" in answer.headline


def test_the_meetings_after_the_next_are_told_too(engine: Engine) -> None:
    """ "nästa möten": the next, and those after it; "näst" and "vilken tid" ask when too."""
    answer = engine.answer(
        "när är näst möte för styrgruppen Trygg hemgång och vilken tid?", today=date(2025, 10, 1)
    )
    assert answer.found and "19 november 2025" in answer.headline
    assert "28 januari 2026" in answer.blocks[0].lines[0]


def test_who_holds_the_working_group(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "vem är det som håller i arbetsgruppen …" asks who leads it; the word "arbetsgruppen"
    names no body of its own ("Arbetsgruppen för suicidprevention")."""
    engine = engine_over(
        tmp_path_factory.mktemp("working-group"),
        (
            "rad.txt",
            "Protokoll\nFolkhälsorådet, Nora kommun\nDatum: 2025-03-07\nNärvarande: Anna Berg, "
            "ordförande\n\n§ 1 Folkhälsoplan\nRådet beslutade att en arbetsgrupp under ledning av "
            "Cecilia Borg tar fram en modell för uppföljning av folkhälsoplanen.\n\n"
            "§ 2 Slut\nKlart.\n",
        ),
        (
            "mejl.txt",
            "Datum: 2025-11-11\n\nHej alla, här kommer en sammanfattning från mötet i "
            "arbetsgruppen för suicidprevention i norra länsdelen.\n\nVi som var med:\n"
            "Malin (Lindesbergs kommun)\nPeter (Nora kommun)\n",
        ),
    )
    answer = engine.answer(
        "vem är det som håller i arbetsgruppen som ska ta fram uppföljningsmodellen för "
        "folkhälsoplanen?",
        today=TODAY,
    )
    assert answer.found and "Cecilia Borg" in answer.headline


def test_a_planned_meeting_of_a_month_without_minutes(engine: Engine) -> None:
    """ "När har styrgruppen sitt sammanträde i januari 2026?": the plan says, and the minutes
    of that meeting are not in samrad; the place ends before the next date's "och"."""
    answer = engine.answer(
        "När och var har styrgruppen för Trygg hemgång sitt sammanträde i januari 2026?",
        today=TODAY,
    )
    assert answer.found
    assert "28 januari 2026" in answer.headline and "Regionhuset" in answer.headline
    assert "19 november" not in answer.headline


def test_a_place_ends_before_the_next_dates_and() -> None:
    from knowledge.ingest.parse import parse_document

    protocol = parse_document(
        "Protokoll\nDirektionen\nDatum: 2024-06-12\nNärvarande: Anna Berg, ordförande\n\n"
        "§ 1 Budget\nBudgeten godkändes.\n\n§ 2 Nästa sammanträde\nNästa sammanträden: "
        "onsdag 11 september 2024 kl. 13.00 på Brandstationen Örebro och onsdag 16 oktober "
        "2024 kl. 13.00 på Räddningsstationen Kumla.\n"
    )
    assert [(m.date, m.place) for m in protocol.scheduled] == [
        (date(2024, 9, 11), "Brandstationen Örebro"),
        (date(2024, 10, 16), "Räddningsstationen Kumla"),
    ]


def test_what_happened_at_a_planned_meeting_is_not_known(engine: Engine) -> None:
    answer = engine.answer(
        "Vad tog styrgruppen för Trygg hemgång upp på mötet i januari 2026?", today=TODAY
    )
    assert not answer.found
    assert "finns inte i samrad" in answer.headline
    assert any("28 januari 2026" in line for block in answer.blocks for line in block.lines)


def test_an_abbreviated_bodys_next_meeting_is_not_this_ones() -> None:
    from knowledge.ingest.parse import parse_document

    protocol = parse_document(
        "Minnesanteckningar\nChefsgruppen\nDatum: 2025-05-20\nNärvarande: Anna Berg, ordförande\n\n"
        "1. Information från AU\nNästa AU-möte är tisdag 2025-06-03 kl. 08.30–10.00 via Teams.\n\n"
        "2. Nästa möte\nNästa möte är tisdag 17 juni 2025 kl. 13.00.\n"
    )
    assert [m.date for m in protocol.scheduled] == [date(2025, 6, 17)]


def test_decisions_of_a_planned_meeting_are_not_known(engine: Engine) -> None:
    answer = engine.answer(
        "Vad beslutade styrgruppen för Trygg hemgång i januari 2026?", today=TODAY
    )
    assert not answer.found and "finns inte i samrad" in answer.headline


def test_the_next_sammantraden_after_a_day(engine: Engine) -> None:
    answer = engine.answer(
        "när är styrgruppens för Trygg hemgång nästa sammanträden efter 24 september 2025?",
        today=TODAY,
    )
    assert answer.found and "19 november 2025" in answer.headline
