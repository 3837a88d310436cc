"""Reading uploaded files: encodings, PDF and DOCX built here, and files that are not text."""

from __future__ import annotations

import io
import random

import pytest

from knowledge.extract import MAX_BYTES, DocumentError, read_bytes


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
    for suffix in (".txt", ".pdf", ".docx"):
        with pytest.raises(DocumentError):
            read_bytes(bytes(rng.randrange(256) for _ in range(4000)), f"slump{suffix}")
    with pytest.raises(DocumentError, match="för stor"):
        read_bytes(b"a" * (MAX_BYTES + 1), "stor.txt")
