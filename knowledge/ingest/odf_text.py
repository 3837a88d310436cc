"""The text of an OpenDocument text file (.odt, LibreOffice Writer), as the printed page reads.

The package is a zip of XML parts: the body in ``content.xml``, the page header (the letterhead)
in ``styles.xml``. The text comes out as the other formats give it: the letterhead first,
headings as ``#`` lines, list entries with the numbers the list style shows ("3.", "b)") or
``- ``, table rows with tab-separated cells.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from knowledge.ingest.tables import Cell, table_lines

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
# Never printed as the document's text: comments, tracked deletions, footnote bodies' marks.
_SKIPPED = {
    f"{_OFFICE}annotation", f"{_OFFICE}annotation-end", f"{_TEXT}tracked-changes",
    f"{_TEXT}note-citation", f"{_TEXT}sequence-decls", f"{_TEXT}variable-decls",
}  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class OdfError(ValueError):
    """The package is not a readable OpenDocument text."""


def odt_text(data: bytes) -> str:
    """The readable text of an .odt file's bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = ElementTree.fromstring(archive.read("content.xml"))
            styles = (
                ElementTree.fromstring(archive.read("styles.xml"))
                if "styles.xml" in archive.namelist()
                else None
            )
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError) as error:
        raise OdfError(str(error)) from error
    lists = _ListStyles([content] + ([styles] if styles is not None else []))
    writer = _Writer(lists)
    if styles is not None:
        for header in styles.iter(f"{_STYLE}header"):
            writer.letterhead(header)
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise OdfError("no office:text body")
    writer.blocks(body)
    return "\n".join(writer.lines)


class _ListStyles:
    """How each list style numbers its levels: ("1", ".", start) for "3.", ("a", ")", 1) for
    "b)", None for bullets."""

    def __init__(self, parts: list[ElementTree.Element]) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int] | None]] = {}
        for part in parts:
            for style in part.iter(f"{_TEXT}list-style"):
                levels: dict[int, tuple[str, str, int] | None] = {}
                for level in style:
                    depth = int(level.get(f"{_TEXT}level", "1"))
                    if level.tag == f"{_TEXT}list-level-style-number":
                        kind = level.get(f"{_STYLE}num-format", "") or ""
                        suffix = level.get(f"{_STYLE}num-suffix", "") or ""
                        start = int(level.get(f"{_TEXT}start-value", "1") or 1)
                        levels[depth] = (kind, suffix, start) if kind else None
                    else:
                        levels[depth] = None
                self._levels[style.get(f"{_STYLE}name", "")] = levels

    def numbering(self, style: str, depth: int) -> tuple[str, str, int] | None:
        return self._levels.get(style, {}).get(depth)


class _Writer:
    def __init__(self, lists: _ListStyles) -> None:
        self.lines: list[str] = []
        self._lists = lists
        self._counters: dict[str, dict[int, int]] = {}

    def letterhead(self, header: ElementTree.Element) -> None:
        """The page header's lines, once each, before the body (as docx headers are read)."""
        for paragraph in header.iter(f"{_TEXT}p"):
            for line in _inline(paragraph).split("\n"):
                if line.strip() and line.strip() not in self.lines:
                    self.lines.append(line.strip())
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def blocks(self, parent: ElementTree.Element) -> None:
        for element in parent:
            tag = element.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{_TEXT}h":
                level = int(element.get(f"{_TEXT}outline-level", "1") or 1)
                self._line("#" * min(level, 6) + " ", _inline(element))
            elif tag == f"{_TEXT}p":
                self._line("", _inline(element))
            elif tag == f"{_TEXT}list":
                self._list(element, element.get(f"{_TEXT}style-name", ""), 1)
            elif tag == f"{_TABLE}table":
                self.lines.extend(table_lines(_rows(element, self._lists)))
                self.lines.append("")
            else:
                self.blocks(element)  # sections, text boxes in frames, index bodies

    def _list(self, node: ElementTree.Element, style: str, depth: int) -> None:
        style = node.get(f"{_TEXT}style-name", "") or style
        counters = self._counters.setdefault(style, {})
        numbering = self._lists.numbering(style, depth)
        if node.get(f"{_TEXT}continue-numbering") != "true" and not node.get(
            f"{_TEXT}continue-list"
        ):
            counters.pop(depth, None)
        for item in node:
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            label = "- "
            if numbering is not None and item.tag == f"{_TEXT}list-item":
                kind, suffix, start = numbering
                restart = item.get(f"{_TEXT}start-value")
                counters[depth] = int(restart) if restart else counters.get(depth, start - 1) + 1
                for deeper in [level for level in counters if level > depth]:
                    del counters[deeper]
                label = _label(kind, counters[depth]) + (suffix or ".") + " "
            first = True
            for child in item:
                if child.tag == f"{_TEXT}list":
                    self._list(child, style, depth + 1)
                elif child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                    self._line(label if first else "", _inline(child))
                    first = False
                else:
                    self.blocks(child)

    def _line(self, prefix: str, text: str) -> None:
        for number, line in enumerate(text.split("\n")):
            line = line.replace("\xa0", " ").strip()  # tabs and spaced columns kept, as docx
            if line:
                self.lines.append((prefix if number == 0 else "") + line)
        if not text.strip():
            self.lines.append("")


def _label(kind: str, number: int) -> str:
    if kind in ("a", "A"):
        letter = _LETTERS[(number - 1) % len(_LETTERS)]
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I"):
        roman = _roman(number)
        return roman if kind == "I" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += numeral
            number -= value
    return out


def _rows(table: ElementTree.Element, lists: _ListStyles) -> list[list[Cell]]:
    """A table's rows (header rows included); a cell covered by a merged one is read with it."""
    rows: list[list[Cell]] = []
    for row in _table_rows(table):
        cells: list[Cell] = []
        for cell in row:
            if cell.tag != f"{_TABLE}table-cell":
                continue
            writer = _Writer(lists)
            writer.blocks(cell)
            lines = [" ".join(line.split()) for line in writer.lines if line.strip()]
            repeated = int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1)
            cells.extend([lines] * (1 if lines else min(repeated, 50)))
        rows.append(cells)
    return rows


def _table_rows(parent: ElementTree.Element) -> list[ElementTree.Element]:
    """The rows of this table, in header-row and row groups too, not those of a nested one."""
    rows: list[ElementTree.Element] = []
    for child in parent:
        if child.tag == f"{_TABLE}table-row":
            rows.append(child)
        elif child.tag in (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows",
                           f"{_TABLE}table-row-group"):  # fmt: skip
            rows.extend(_table_rows(child))
    return rows


def _inline(element: ElementTree.Element) -> str:
    """A paragraph's text with its spaces, tabs and line breaks as a reader sees them."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag not in _SKIPPED and tag != f"{_TEXT}note":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
