"""The kallelse reader: the test kallelser's facts (written by someone who read only the
documents), and the conventions of other kallelser written here in a few lines each."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from knowledge.ingest.kallelse import is_kallelse, parse_kallelse
from knowledge.storage.kallelser import DECISION, DISCUSSION, INFORMATION
from tests.kallelse_facts import facts, score

FLOOR = 0.9  # per file, the share of facts read right (printed by tests/kallelse_facts.py)
TODAY = date(2026, 11, 20)


@pytest.mark.parametrize("fact", facts(), ids=lambda fact: fact["file"])
def test_facts_of_each_test_kallelse(fact: dict[str, object]) -> None:
    right, count, found = score(fact)
    missed = [f"{field} of {what}" for field, what, ok in found if not ok]
    assert right / count >= FLOOR, missed
    # The meeting itself is never wrong: it decides where the kallelse goes.
    assert not [m for m in missed if m.endswith("of meeting") and not m.startswith("place")]


def test_the_fixtures_are_there() -> None:
    names = [fact["file"] for fact in facts()]
    assert {Path(str(n)).suffix for n in names} >= {".pdf", ".docx", ".txt", ".md"}


def test_a_protocol_is_no_kallelse() -> None:
    protocol = "Protokoll\nSpecifika samverkansrådet för folkhälsa\nDatum: 2024-09-20\n§ 1 Mötet"
    assert not is_kallelse(protocol, "protokoll.txt")
    assert is_kallelse("KALLELSE\nKommunstyrelsen\n", "dokument.txt")
    assert is_kallelse("Styrelsemöte\n1. Öppnande\n2. Avslutning", "kallelse_styrelsen.txt")


def test_paragraph_items_with_labelled_lines() -> None:
    agenda = parse_kallelse(
        "Föredragningslista\nChefsgrupp för samverkan social välfärd samt vård och omsorg\n"
        "Sammanträdesdatum: 2027-03-05\nTid: kl. 08.30–11.00\nLokal: Sessionssalen\n\n"
        "§ 1 Upprop\n\n"
        "§ 2 Budget 2027\nFöredragande: Karin Lund\nÄrendetyp: Beslut\n"
        "Underlag: Budgetförslag; Missiv\n\n"
        "§ 3 Dialog om ungas psykiska hälsa\nDiskussion\n\n"
        "§ 4 Aktuellt från länet (information)\n\n"
        "Välkomna!\n",
        today=TODAY,
    )
    assert agenda.council == "chefsgrupp"
    assert (agenda.meeting_date, agenda.start, agenda.end) == (
        date(2027, 3, 5),
        time(8, 30),
        time(11, 0),
    )
    assert agenda.place == "Sessionssalen"
    assert [i.number for i in agenda.items] == ["1", "2", "3", "4"]
    budget = agenda.items[1]
    assert (budget.title, budget.presenters, budget.kind) == (
        "Budget 2027",
        ["Karin Lund"],
        DECISION,
    )
    assert budget.underlag == ["Budgetförslag", "Missiv"]
    assert agenda.items[2].kind == DISCUSSION
    assert (agenda.items[3].title, agenda.items[3].kind) == ("Aktuellt från länet", INFORMATION)
    assert agenda.warnings == []


def test_a_markdown_table_and_running_text() -> None:
    agenda = parse_kallelse(
        "# Kallelse\n\nLedamöterna i Specifika samverkansrådet för folkhälsa kallas till möte "
        "onsdagen den 3 mars 2027 kl. 13.00–15.00 i Lokal Linden.\n\n"
        "| Nr | Ärende | Föredragande | Beslut/Information |\n|---|---|---|---|\n"
        "| 1 | Mötets öppnande | Ordförande | |\n"
        "| 2 | Strategi för föräldraskapsstöd | Anna Berg, strateg | Beslut |\n"
        "| 3 | Laget runt | Samtliga | Information |\n",
        today=TODAY,
    )
    assert agenda.council == "folkhalsa"
    assert (agenda.meeting_date, agenda.start, agenda.place) == (
        date(2027, 3, 3),
        time(13, 0),
        "Lokal Linden",
    )
    assert [(i.number, i.title) for i in agenda.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Strategi för föräldraskapsstöd"),
        ("3", "Laget runt"),
    ]
    assert agenda.items[1].presenters == ["Anna Berg"] and agenda.items[1].kind == DECISION
    assert agenda.items[2].presenters == [] and agenda.items[2].kind == INFORMATION


def test_what_is_missing_is_said() -> None:
    agenda = parse_kallelse("Kallelse\n\nHej! Vi ses snart.\n", today=TODAY)
    assert "Inget mötesdatum hittades." in agenda.warnings
    assert "Inga numrerade punkter hittades på dagordningen." in agenda.warnings
    past = parse_kallelse("Kallelse\nTid: 3 mars 2025 kl. 9\n1. A\n2. B", today=TODAY)
    assert any("har redan varit" in w for w in past.warnings)
