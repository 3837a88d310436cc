"""Reading uploaded files: encodings, PDF and DOCX built here, and files that are not text."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from knowledge.ingest.columns import page_text
from knowledge.ingest.extract import MAX_BYTES, DocumentError, read_bytes, read_document


def test_text_encodings() -> None:
    text = "Protokoll för rådet: Örebro, Laxå, Hällefors\r\nrad två\r\n"
    assert read_bytes(text.encode("utf-8"), "p.txt") == text
    assert read_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "p.md") == text
    assert read_bytes(text.encode("cp1252"), "p.txt") == text


def test_pdf_and_docx_text() -> None:
    from docx import Document
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 8, "Protokoll specifika samverkansrådet", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "3. Hälsoundersökningar av placerade barn", new_x="LMARGIN", new_y="NEXT")
    text = read_bytes(bytes(pdf.output()), "p.pdf")
    assert "Hälsoundersökningar av placerade barn" in text

    document = Document()
    document.add_heading("Protokoll", 1)
    document.add_paragraph("Första punkten", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Anna Karlsson", "Nora"
    buffer = io.BytesIO()
    document.save(buffer)
    lines = read_bytes(buffer.getvalue(), "p.docx").splitlines()
    assert "# Protokoll" in lines
    assert "- Första punkten" in lines
    assert "Anna Karlsson\tNora" in lines


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "tom.txt", "tom"),
        (b"   \n\n", "tom.md", "tom"),
        (b"abc\x00def" * 100, "binar.txt", "textfil"),
        (b"%PDF-1.7 trasig", "trasig.pdf", "skadad"),
        (b"PK\x03\x04 inte en zip", "trasig.docx", "skadad"),
        (b"data", "tabell.xlsx", "stöds inte"),
        (b"data", "utan_andelse", "stöds inte"),
    ],
)
def test_bad_files_get_a_swedish_message(data: bytes, name: str, message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_bytes(data, name)
    assert message in info.value.message


def test_random_bytes_and_huge_files() -> None:
    rng = random.Random(1)
    for suffix in (".txt", ".pdf", ".docx", ".odt", ".rtf", ".html"):
        with pytest.raises(DocumentError):
            read_bytes(bytes(rng.randrange(256) for _ in range(4000)), f"slump{suffix}")
    with pytest.raises(DocumentError, match="för stor"):
        read_bytes(b"a" * (MAX_BYTES + 1), "stor.txt")


def _pdf(pages: list[list[str]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_pages_in_order_and_files_on_disk(tmp_path: Path) -> None:
    data = _pdf([["Sida ett: närvaro"], ["Sida två: beslut om överenskommelse"]])
    path = tmp_path / "Protokoll.PDF"
    path.write_bytes(data)
    text = read_document(path)
    assert text.index("närvaro") < text.index("beslut om överenskommelse")
    assert "\n\n" in text  # a page boundary
    with pytest.raises(DocumentError):
        read_document(tmp_path / "saknas.txt")


def test_pdf_without_text_and_encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    with pytest.raises(DocumentError, match="ingen text"):
        read_bytes(_pdf([[]]), "inskannad.pdf")
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf([["Hemligt protokoll"]]))).pages:
        writer.add_page(page)
    writer.encrypt("lösen")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError) as info:
        read_bytes(buffer.getvalue(), "skyddad.pdf")
    assert "lösenord" in info.value.message
    truncated = _pdf([["Protokoll"]])[:200]
    with pytest.raises(DocumentError):
        read_bytes(truncated, "avbruten.pdf")


def test_docx_order_headings_letterhead_first_and_no_footer() -> None:
    from docx import Document

    document = Document()
    document.sections[0].header.paragraphs[0].text = "Sidhuvud Region Örebro län"
    document.sections[0].footer.paragraphs[0].text = "Sidfot Sida 1"
    document.add_heading("Protokoll", 0)
    document.add_heading("Närvarande", 2)
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("Anna Karlsson", "Nora", ""), ("Per Persson", "Laxå", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("3. Beslut", 3)
    document.add_paragraph("Rådet beslutar att godkänna.")
    document.add_paragraph("Andra punkten", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue(), "protokoll.docx")
    lines = [line for line in text.splitlines() if line]
    assert lines == [
        "Sidhuvud Region Örebro län",  # the page header is the letterhead, once
        "# Protokoll",
        "## Närvarande",
        "Anna Karlsson\tNora",
        "Per Persson\tLaxå",
        "### 3. Beslut",
        "Rådet beslutar att godkänna.",
        "1. Andra punkten",  # the "List Number" style numbers it, as Word shows
    ]
    assert "Sidfot" not in text


def test_docx_automatic_list_numbers_are_written_as_word_shows_them() -> None:
    """Items numbered by Word's list numbering (not in the paragraph's text) keep their
    numbers, and their sub-points a), b) restart under each item."""
    path = Path(__file__).parent / "eval" / "blind" / "documents" / "31_krf_nora.docx"
    lines = read_bytes(path.read_bytes(), path.name).splitlines()
    assert "1. Mötets öppnande och val av justerare" in lines
    assert "10. Nästa möten" in lines
    sub_points = [line[:2] for line in lines if re.match(r"^[a-z]\) ", line)]
    assert sub_points[:5] == ["a)", "b)", "a)", "b)", "c)"]


def test_docx_that_is_a_zip_without_a_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hej.txt", "inte word")
    with pytest.raises(DocumentError, match="skadad"):
        read_bytes(buffer.getvalue(), "tom.docx")


def test_markdown_with_crlf_and_cp1252_punctuation() -> None:
    text = "# Protokoll\r\n\r\n– Punkt “ett” – 5 €\r\n"
    assert read_bytes(text.encode("cp1252"), "p.md") == text
    assert read_bytes(text.encode("utf-8"), "P.MD") == text
    assert read_bytes("Bara en rad".encode("utf-16"), "utf16.txt")  # no crash either way


def test_docx_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    import tracemalloc

    from docx import Document

    document = Document()
    document.add_paragraph("Protokoll")
    buffer = io.BytesIO()
    document.save(buffer)
    zeros = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/nollor.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(300):
            member.write(zeros)
    bomb = buffer.getvalue()
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match="packas upp"):
            read_bytes(bomb, "bomb.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_pdf_columns_are_read_column_by_column() -> None:
    """A two-column header is read left column first; a table of labels keeps its rows; a
    label beside its value's lines keeps them beside it; prose is left alone."""
    layout = "\n".join(
        [
            "Plats och tid                      Övriga deltagare",
            "Kommunhuset, sal Tiveden           Lotta Fjällström, miljö- och byggchef",
            "kl. 09.00–12.10                    Therese Lindahl, nämndsekreterare",
            "Beslutande                         Utses att justera",
            "Kjell Arnesson (S), ordförande     Mona Fält (M)",
            "Sören Halvarsson (S)",
            "",
            "Organ                 Miljö- och byggnadsnämnden",
            "Sammanträdesdatum     2024-11-20",
            "",
            "Justerare     ..........................",
            "              Mona Fält",
            "",
            "Nämnden beslutar att anta planen  och att",
            "redovisa den i juni.",
        ]
    )
    assert page_text(layout).split("\n") == [
        "Plats och tid",
        "Kommunhuset, sal Tiveden",
        "kl. 09.00–12.10",
        "Beslutande",
        "Kjell Arnesson (S), ordförande",
        "Sören Halvarsson (S)",
        "Övriga deltagare",
        "Lotta Fjällström, miljö- och byggchef",
        "Therese Lindahl, nämndsekreterare",
        "Utses att justera",
        "Mona Fält (M)",
        "",
        "Organ\tMiljö- och byggnadsnämnden",
        "Sammanträdesdatum\t2024-11-20",
        "",
        "Justerare\t..........................",
        "Mona Fält",
        "",
        "Nämnden beslutar att anta planen och att",
        "redovisa den i juni.",
    ]
