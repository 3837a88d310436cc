"""A question about one item by its number ("vad handlade § 93 om"): the item itself, or an
honest no with the items the protocol has; abbreviations name their bodies ("HSN")."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.types import MEETING, SCHEDULE
from tests.written import engine_over

TODAY = date(2026, 11, 23)

PROTOCOL = """\
PROTOKOLL
Hälso- och sjukvårdsnämnden, Region Örebro län
Sammanträdesdatum 2024-10-22

Tid och plats: Tisdagen den 22 oktober 2024 kl. 09.00–12.00, Regionhuset
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)
Justerare: Per Holm (M)

§ 112 Val av justerare
Per Holm utses att justera protokollet.

§ 113 Tillgänglighet i vården
Karin Lundmark informerar om väntetiderna till operation.

§ 114 Sammanträdesplan 2025
Nämnden sammanträder 2025-02-04, 2025-03-18 och 2025-05-06.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("items"), ("hsn_2024-10-22.txt", PROTOCOL))


@pytest.mark.parametrize(
    "question",
    ["vad handlade § 113 om på mötet 22 oktober 2024?", "punkt 113 hälso- och sjukvårdsnämnden"],
)
def test_an_item_asked_by_its_number(engine: Engine, question: str) -> None:
    assert engine.understand(question, today=TODAY).intent == MEETING
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Tillgänglighet i vården" in answer.headline
    assert any("väntetiderna" in line for block in answer.blocks for line in block.lines)


def test_a_number_the_protocol_does_not_have_is_said_so(engine: Engine) -> None:
    answer = engine.answer("vad handlade paragraf 93 om på mötet 22 oktober 2024?", today=TODAY)
    assert not answer.found and "ingen § 93" in answer.headline
    assert any("§ 113" in line for block in answer.blocks for line in block.lines)


def test_an_abbreviation_names_its_body(engine: Engine) -> None:
    query = engine.understand("HSN sammanträdesdatum 2025?", today=TODAY)
    assert query.body and query.intent == SCHEDULE
    answer = engine.answer("HSN sammanträdesdatum 2025?", today=TODAY)
    assert answer.found and "18 mars 2025" in "\n".join(
        [answer.headline, *(line for block in answer.blocks for line in block.lines)]
    )
