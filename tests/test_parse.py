"""The parser on protocols written for these tests, so it is not tuned to five files."""

from __future__ import annotations

import io
import os
import random
from datetime import date, time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli import cli
from knowledge.bodies import CHEFSGRUPP, FOLKHALSA, SOCIAL
from knowledge.ingest.extract import DocumentError
from knowledge.ingest.load import ingest_bytes
from knowledge.ingest.parse import parse_document
from knowledge.storage.database import connect

PARAGRAPH_PROTOCOL = """\
PROTOKOLL
Specifika samverkansrådet för folkhälsa

Datum: tisdagen den 3:e mars kl. 9.00–11.30

Ordförande: Eva Lind, Kumla kommun
Sekreterare: Per Ek
Justerare: Olof Sten, Laxå kommun
Justerat den 2026-03-10

Närvarande:
Eva Lind, Kumla kommun
Olof Sten, Laxå kommun
Ali Hassan, Region Örebro län (från § 13)

Frånvarande:
Lisa Berg, Nora kommun

§ 12 Öppnande
Ordföranden öppnade mötet.

§ 13 Folkhälsopolitiskt program
Ali Hassan föredrog ärendet.
Rådet beslutade att ställa sig bakom programmet. Kostnaden är 1,5 Mkr.

§ 14 Nästa möte
Nästa möte hålls den 12 maj klockan 13 till 16.
"""


def test_paragraph_numbering_no_place_and_yearless_weekday_date() -> None:
    protocol = parse_document(PARAGRAPH_PROTOCOL)
    assert protocol.councils == [FOLKHALSA]
    # Tuesday 3 March fits 2026 (approved 2026-03-10), not 2025.
    assert protocol.date == date(2026, 3, 3)
    assert (protocol.start, protocol.end) == (time(9), time(11, 30))
    assert protocol.place is None
    assert any("plats" in warning for warning in protocol.warnings)
    assert (protocol.chair, protocol.secretary, protocol.adjusters) == (
        "Eva Lind",
        "Per Ek",
        ["Olof Sten"],
    )
    assert [(i.number, i.title) for i in protocol.items] == [
        ("12", "Öppnande"),
        ("13", "Folkhälsopolitiskt program"),
        ("14", "Nästa möte"),
    ]
    assert protocol.items[1].presenters == ["Ali Hassan"]
    decision = protocol.items[1].decisions[0]
    assert decision.text.startswith("Rådet beslutade att ställa sig bakom programmet")
    assert [(m.date, m.start, m.end) for m in protocol.scheduled] == [
        (date(2026, 5, 12), time(13), time(16))
    ]
    hassan = [a for a in protocol.attendees if a.name == "Ali Hassan"][0]
    assert hassan.note == "från § 13"
    assert [a.role for a in protocol.attendees if a.name == "Lisa Berg"] == ["frånvarande"]


def test_windows_line_endings_and_markdown() -> None:
    text = (
        "# Minnesanteckningar chefsgrupp för samverkan social välfärd samt vård och omsorg\r\n"
        "\r\n**Tid:** 2025-10-03 kl 13-15\r\n**Plats:** Digitalt\r\n\r\n"
        "## 1. Inledning\r\nVälkommen.\r\n\r\n## 2. Ekonomi – Anna Berg\r\n"
        "#### **Beslut:**\r\n1. Att anta budgeten på 2 000 000 kr.\r\n"
        "2. Att återkomma i december.\r\n"
    )
    protocol = parse_document(text)
    assert protocol.councils == [CHEFSGRUPP]
    assert protocol.date == date(2025, 10, 3)
    assert protocol.place == "Digitalt"
    assert [(i.number, i.title, i.presenters) for i in protocol.items] == [
        ("1", "Inledning", []),
        ("2", "Ekonomi", ["Anna Berg"]),
    ]
    decisions = protocol.items[1].decisions
    assert [(d.number, d.amounts[0].kronor if d.amounts else None) for d in decisions] == [
        (1, 2_000_000),
        (2, None),
    ]


def test_numbered_lists_inside_items_are_not_items() -> None:
    text = (
        "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg\n"
        "Tid: 2023-02-10 kl 9-12\n\n"
        "1. Mötet öppnades\nVälkomna.\n\n"
        "2. Dialog\nFrågorna var:\n1. Syfte med rådet?\n2. Engagemang?\n3. Delaktighet?\n\n"
        "3. Mötet avslutades\n"
    )
    protocol = parse_document(text)
    assert [i.number for i in protocol.items] == ["1", "2", "3"]
    assert "Delaktighet" in protocol.items[1].body


@pytest.mark.parametrize("raw", ["", "   \n\n  ", "\n.\n-\n"])
def test_no_readable_text_is_refused(raw: str) -> None:
    with pytest.raises(DocumentError) as info:
        parse_document(raw)
    assert info.value.message


@pytest.mark.parametrize(
    "raw", ["bara en rad utan struktur", "Hej!\nDetta är ett vanligt brev om fika.\n"]
)
def test_readable_text_without_structure_is_a_document(raw: str) -> None:
    protocol = parse_document(raw)
    assert protocol.kind == "report"
    assert protocol.items == []
    assert "fika" in protocol.sections[0].body or "struktur" in protocol.sections[0].title
    assert any("lagrat som dokument" in warning for warning in protocol.warnings)


def test_huge_file_parses() -> None:
    filler = "Diskussion fördes om läget i länet och vad som behöver göras framåt. " * 40
    items = "\n\n".join(f"{n}. Punkt nummer {n}\n{filler}" for n in range(1, 400))
    text = f"Protokoll chefsgrupp för samverkan\nTid: 2024-01-12 kl 9-12\n\n{items}\n"
    assert len(text) > 1_000_000
    protocol = parse_document(text)
    assert len(protocol.items) == 399


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return connect(tmp_path / "samrad.db")


def snapshot(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    return [
        (table, db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in ("documents", "items", "decisions", "passages", "attendees")
    ]


def test_bad_files_leave_the_database_as_it_was(db: sqlite_utils.Database) -> None:
    ingest_bytes(db, PARAGRAPH_PROTOCOL.encode(), "bra.txt")
    before = snapshot(db)
    rng = random.Random(7)
    bad = [
        (bytes(rng.randrange(256) for _ in range(5000)), "slump.txt"),
        (b"%PDF-1.7\n garbage", "trasig.pdf"),
        (b"PK\x03\x04 not a zip", "trasig.docx"),
        (b"", "tom.txt"),
        (b"col1,col2\n1,2\n", "tabell.xlsx"),
    ]
    for data, name in bad:
        with pytest.raises(DocumentError):
            ingest_bytes(db, data, name)
    assert snapshot(db) == before
    # Readable text without a protocol's structure is kept as a document, not refused.
    letter = ingest_bytes(db, b"Ett brev om fika, inget protokoll.", "brev.txt")
    assert letter.kind == "report" and letter.items == 0


def test_generated_pdf_and_docx(db: sqlite_utils.Database) -> None:
    from docx import Document
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in PARAGRAPH_PROTOCOL.replace("–", "-").splitlines():
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    result = ingest_bytes(db, bytes(pdf.output()), "protokoll.pdf")
    assert (result.councils, result.items, result.date) == ([FOLKHALSA], 3, "2026-03-03")

    document = Document()
    document.add_heading(
        "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg", 1
    )
    document.add_paragraph("Tid: 2026-09-18 kl 9-12")
    document.add_paragraph("Plats: Lokal Eken")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Närvarande", ""
    table.cell(1, 0).text, table.cell(1, 1).text = "Eva Lind", "Kumla"
    document.add_heading("1. Mötet öppnas", 2)
    document.add_paragraph("Ordföranden öppnade mötet.")
    document.add_heading("2. Budget", 2)
    document.add_paragraph("Beslut: Rådet beslutade att anta budgeten.")
    buffer = io.BytesIO()
    document.save(buffer)
    result = ingest_bytes(db, buffer.getvalue(), "protokoll.docx")
    assert (result.councils, result.items, result.decisions) == ([SOCIAL], 2, 1)
    assert result.place == "Lokal Eken"


def test_ingest_cli_reports_and_fails_cleanly(tmp_path: Path) -> None:
    good = tmp_path / "protokoll.txt"
    good.write_text(PARAGRAPH_PROTOCOL, encoding="utf-8")
    bad = tmp_path / "bild.png"
    bad.write_bytes(b"\x89PNG\r\n")
    env = {**os.environ, "SAMRAD_DB": str(tmp_path / "cli.db")}
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(good)], env=env)
    assert result.exit_code == 0, result.output
    assert "Punkter: 3" in result.output
    assert "Varning: Hittade inte: plats" in result.output
    again = runner.invoke(cli, ["ingest", str(good)], env=env)
    assert "redan inläst" in again.output
    failed = runner.invoke(cli, ["ingest", str(bad)], env=env)
    assert failed.exit_code == 1
    assert "stöds inte" in failed.output
    listing = runner.invoke(cli, ["meetings", "--json"], env=env)
    assert '"2026-03-03"' in listing.output and '"2026-05-12"' in listing.output


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_parser_never_crashes(raw: str) -> None:
    try:
        parse_document(raw)
    except DocumentError as error:
        assert error.message


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1. Mötet öppnades",
                "2. Beslut:",
                "Beslut:",
                "- tema",
                "Tid: 2024-01-01 kl 9-12",
                "Närvarande:",
                "Anna Berg, Nora kommun",
                "Rådet beslutade att anta 400 tkr.",
                "Nästa möte 3 maj kl 9",
                "# Protokoll specifika samverkansrådet för folkhälsa",
                "",
                "§ 7 Rubrik",
            ]
        ),
        max_size=40,
    )
)
def test_parser_never_crashes_on_protocol_like_lines(lines: list[str]) -> None:
    try:
        protocol = parse_document("\n".join(lines))
    except DocumentError:
        return
    assert protocol.kind in ("protocol", "report")


_MEETING_WORDS = [
    "Nästa",
    "nästa",
    "NÄSTA",
    "ordinarie",
    "möte",
    "mötet",
    "möten",
    "sammanträde",
    "sammanträdet",
    "sammanträder",
    "träff",
    "gång",
    "kommande",
    "hålls",
    "HÅLLS",
    "äger",
    "rum",
    "flyttas",
    "till",
    "ſammanträder",
    "den",
    "3 mars",
    "x",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_MEETING_WORDS), max_size=8), st.sampled_from([" ", "", ". "]))
def test_a_text_speaks_of_a_coming_meeting_as_the_pattern_says(pieces: list[str], gap: str) -> None:
    """The words looked for before the slow pattern never turn away a text it matches."""
    from knowledge.ingest.parse.schedule import SCHEDULE_SENTENCE, schedules

    text = gap.join(pieces) if gap else " ".join(pieces).replace("e ", "e")
    assert schedules(text) == (SCHEDULE_SENTENCE.search(text) is not None)


def test_the_last_item_keeps_a_sentence_about_the_next_meeting_and_what_follows() -> None:
    protocol = parse_document(
        "PROTOKOLL\nKultur- och fritidsnämnden, Testby kommun\nSammanträdesdatum 2023-09-14\n\n"
        "§ 9 Bidrag\nText här.\n\n"
        "§ 10 Kollektivtrafik\n"
        "Nämnden beslutade att bjuda in Länstrafiken till nästa möte om närtrafik.\n"
        "Trafikverket meddelade att vägen byggs om under 2024.\n"
    )
    last = protocol.items[-1]
    assert "bjuda in Länstrafiken" in last.body and "Trafikverket meddelade" in last.body


def test_a_closing_line_with_the_next_meetings_date_ends_the_last_item() -> None:
    protocol = parse_document(
        "PROTOKOLL\nKultur- och fritidsnämnden, Testby kommun\nSammanträdesdatum 2023-09-14\n\n"
        "§ 8 Bidrag\nText här.\n\n"
        "§ 9 Mötets avslutande\nOrdföranden tackade för mötet.\n"
        "Nästa möte hålls den 12 oktober 2023 kl. 13.00.\n"
        "https://www.testby.se/protokoll\n"
    )
    assert protocol.items[-1].body == "Ordföranden tackade för mötet."


def test_a_dated_mention_of_the_next_meeting_inside_the_last_item_keeps_what_follows() -> None:
    protocol = parse_document(
        "PROTOKOLL\nKultur- och fritidsnämnden, Testby kommun\nSammanträdesdatum 2023-09-14\n\n"
        "§ 9 Bidrag\nText här.\n\n"
        "§ 10 Kollektivtrafik\n"
        "Nämnden beslutade att bjuda in Länstrafiken till nästa möte den 12 oktober.\n"
        "Trafikverket meddelade att vägen byggs om under 2024.\n"
    )
    assert "Trafikverket meddelade" in protocol.items[-1].body


def test_an_undated_closing_line_ends_the_last_item_too() -> None:
    protocol = parse_document(
        "PROTOKOLL\nKultur- och fritidsnämnden, Testby kommun\nSammanträdesdatum 2023-09-14\n\n"
        "§ 8 Bidrag\nText här.\n\n"
        "§ 9 Övrigt\nInget övrigt.\n"
        "Nästa möte bestäms senare.\n"
        "Vid protokollet Anna Berg Justeras Per Holm\n"
    )
    assert protocol.items[-1].body == "Inget övrigt."
