"""Raw text out of an uploaded file in one of the formats minutes are written in (PDF, Word,
OpenDocument, RTF, a saved web page, plain text or markdown); anything else is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.errors import UserError
from knowledge.ingest import html_page, odf_text, rtf_text
from knowledge.ingest.columns import page_text
from knowledge.ingest.tables import cell_lines, table_lines
from knowledge.ingest.word_lists import ListNumbers
from knowledge.language.text import PERSON_ENTRY

if TYPE_CHECKING:
    from docx.table import Table

# Each readable suffix and the name the secretary knows the format by.
FORMATS = {
    ".pdf": "PDF", ".docx": "DOCX", ".odt": "ODT", ".rtf": "RTF", ".html": "HTML",
    ".htm": "HTML", ".txt": "TXT", ".md": "MD",
}  # fmt: skip
SUPPORTED_SUFFIXES = tuple(FORMATS)
_NAMES = list(dict.fromkeys(FORMATS.values()))
FORMAT_NAMES = ", ".join(_NAMES[:-1]) + " eller " + _NAMES[-1]  # "PDF, DOCX, … eller MD"
MAX_BYTES = 50 * 1024 * 1024
# The text a document may hold: 20 times the longest shipped one (a 50-page report, 51,000
# characters). Storing and indexing it holds the database's write lock, and everyone else's
# writes wait: about 0.8 s for 1 M characters on the development machine, 15 s for 16 M (a
# 15 MB text held it 85 s on a slower one, where 1 M would take about 5 s).
MAX_TEXT = 1_000_000
# What a DOCX or ODT may unpack to: a protocol's text and a few pictures are a few MB; a "zip bomb"
# (1 GB of zeros packed into 1 MB) is refused before it is unpacked.
MAX_UNPACKED = 100 * 1024 * 1024


class DocumentError(UserError):
    """A file that cannot be read as a council document; ``message`` is for the user."""


def read_document(path: Path) -> str:
    """The raw (not yet cleaned) text of the file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"Kunde inte läsa filen {path.name}.") from error
    return read_bytes(data, path.name)


def read_bytes(data: bytes, filename: str) -> str:
    """The raw text of a file's content; ``filename`` tells its type by its suffix."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "utan filändelse"
        raise DocumentError(f"Filtypen {shown} stöds inte. Skicka {FORMAT_NAMES}.")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"Filen är för stor (max {MAX_BYTES // (1024 * 1024)} MB).")
    if not data.strip():
        raise DocumentError("Filen är tom.")
    if suffix == ".pdf":
        text = _pdf_text(data)
    elif suffix == ".docx":
        text = _docx_text(data)
    elif suffix == ".odt":
        text = _odt_text(data)
    elif suffix == ".rtf":
        text = _rtf_text(data)
    elif suffix in (".html", ".htm"):
        text = _html_text(data)
    else:
        text = _plain_text(data)
    if not text.strip():
        raise DocumentError("Filen innehåller ingen text.")
    if len(text) > MAX_TEXT:
        raise DocumentError(
            f"Texten i filen är för lång för ett protokoll eller en rapport ({len(text):_} "
            f"tecken, högst {MAX_TEXT:_}). Kontrollera att det är rätt fil, eller dela upp "
            "den.".replace("_", " ")
        )
    return text


def _plain_text(data: bytes) -> str:
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192]:
        raise DocumentError("Filen verkar inte vara en textfil.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    printable = sum(1 for c in text[:20000] if c.isprintable() or c in "\n\r\t")
    if printable < 0.95 * min(len(text), 20000) or "\ufffd" * 3 in text:
        raise DocumentError("Filen verkar inte vara en textfil.")
    return text


def _utf16(data: bytes) -> str | None:
    """Text saved as UTF-16 (Notepad's "Unicode", Word's "Unicode text"), by its BOM or by
    the zero bytes of a mostly Latin text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        head = data[:4096]
        if len(head) < 4 or head.count(b"\x00") < len(head) // 3:
            return None
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError:
        return None


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError("PDF-filen är lösenordsskyddad och kunde inte läsas.")
        pages = [page_text(page.extract_text(extraction_mode="layout")) for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:  # pypdf raises many types for broken files
        raise DocumentError("PDF-filen är skadad och kunde inte läsas.") from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise DocumentError("PDF-filen innehåller ingen text (den är kanske inskannad).")
    return text


def _check_unpacked_size(data: bytes, kind: str = "Word-filen") -> None:
    """Refuse a DOCX or ODT whose parts unpack to more than MAX_UNPACKED, from the zip's
    directory alone (Python's zipfile never unpacks a part beyond the size the directory
    gives it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise DocumentError(f"{kind} är skadad och kunde inte läsas.") from error
    if unpacked > MAX_UNPACKED:
        raise DocumentError(
            f"{kind} blir {unpacked // (1024 * 1024)} MB när den packas upp, mer än de "
            f"{MAX_UNPACKED // (1024 * 1024)} MB ett protokoll kan vara. Spara den utan bilder "
            "eller som PDF och skicka den igen."
        )


def _plain_bytes(data: bytes) -> bytes:
    """A text format's bytes, refused when they are binary (a renamed file)."""
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16.encode("utf-8")
    if b"\x00" in data[:8192]:
        raise DocumentError("Filen verkar inte vara en textfil.")
    return data


def _odt_text(data: bytes) -> str:
    _check_unpacked_size(data, "ODT-filen")
    try:
        return odf_text.odt_text(data)
    except (odf_text.OdfError, RecursionError) as error:  # nested past any real document
        raise DocumentError("ODT-filen är skadad och kunde inte läsas.") from error


def _html_text(data: bytes) -> str:
    try:
        return html_page.page_text(_plain_bytes(data))
    except RecursionError as error:  # elements nested thousands deep: no page a person reads
        raise DocumentError("Webbsidan kunde inte läsas (den är för djupt nästlad).") from error


def _rtf_text(data: bytes) -> str:
    try:
        return rtf_text.rtf_text(_plain_bytes(data))
    except DocumentError:
        raise
    except Exception as error:  # striprtf raises several types for broken files
        raise DocumentError("RTF-filen är skadad och kunde inte läsas.") from error


def _docx_text(data: bytes) -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_unpacked_size(data)
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError("Word-filen är skadad och kunde inte läsas.") from error
    except Exception as error:  # python-docx raises several types for broken packages
        raise DocumentError("Word-filen är skadad och kunde inte läsas.") from error
    # The letterhead of a Word document ("DEGERFORS KOMMUN  PROTOKOLL") is in its page
    # header, not in the body; it comes first, as it does on the printed page.
    lines: list[str] = []
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            for line in paragraph.text.split("\n"):
                if line.strip() and line.strip() not in lines:
                    lines.append(line.strip())
    if lines:
        lines.append("")
    numbers = ListNumbers(document)
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text.strip()
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            label = numbers.label(element)
            if label and label != "-" and PERSON_ENTRY.match(text):
                label = "-"  # a roll call typed as a numbered list: its entries, not items
            if label and label != "-" and text:
                text = f"{label} {text}"  # "1. Mötets öppnande", as Word shows it
            if style.startswith("Heading") and style[-1:].isdigit() and text:
                lines.append("#" * int(style[-1]) + " " + text)
            elif style == "Title" and text:
                lines.append("# " + text)
            elif (label == "-" or "List" in style and not label) and text:
                lines.append("- " + text)
            else:
                lines.append(text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(element, document)))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table: Table) -> list[str]:
    """A Word table's rows, each cell read once: a cell merged across columns is one cell, and
    a cell merged down over rows (a "Beslutande" label beside two rows of names) is read with
    its first row only."""
    from docx.table import _Cell

    rows = [
        [cell_lines(_Cell(tc, table).text) for tc in row._tr.tc_lst if tc.vMerge != "continue"]
        for row in table.rows
    ]
    return table_lines(rows)
