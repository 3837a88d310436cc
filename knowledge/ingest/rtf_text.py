"""The text of a Rich Text Format file (.rtf), which older case-management systems export.

striprtf reads the control words and the code page's letters (``\\'e5``, ``\\u229?``). Two things
a reader sees that it drops or flattens are kept here: the page header (the letterhead), read
where it is defined, before the body; and tables, whose rows (``\\trowd … \\row``) come out with
their cells separated by tabs like every other format's tables.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from knowledge.ingest.tables import cell_lines, table_lines

# Private-use characters as markers through striprtf: where a row starts, a cell and a row end.
_ROW_START, _CELL, _ROW_END = "\ue000", "\ue001", "\ue002"
_MARKERS = {r"\trowd": _ROW_START, r"\cell": _CELL, r"\nestcell": _CELL, r"\row": _ROW_END}
_CONTROL = re.compile(r"\\(trowd|cell|nestcell|row)(?![a-z])")
_HEADER = re.compile(r"\{\\header[lrf]?(?![a-z])")
_CODE_PAGE = re.compile(r"\\ansicpg(\d+)")


def rtf_text(data: bytes) -> str:
    """The readable text of an .rtf file's bytes."""
    source = data.decode("latin-1")  # RTF is 7-bit; 8-bit bytes are only inside \bin data
    if not source.lstrip().startswith("{\\rtf"):
        raise ValueError("not RTF")
    page = _CODE_PAGE.search(source[:2000])
    encoding = f"cp{page.group(1)}" if page else "cp1252"
    source = _HEADER.sub("{", source)
    source = _CONTROL.sub(lambda m: _unicode(_MARKERS["\\" + m.group(1)]) + m.group(0), source)
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except LookupError:
        text = rtf_to_text(source, encoding="cp1252", errors="replace")
    return _tables(text.replace(_CELL + "|", _CELL).replace(_ROW_END + "\n", _ROW_END))


def _unicode(marker: str) -> str:
    return f"\\u{ord(marker) - 0x10000}?"  # RTF's \u takes a signed 16-bit number


def _tables(text: str) -> str:
    """Each row as one line of tab-separated cells; the text between rows as it is."""
    lines: list[str] = []
    rows: list[list[list[str]]] = []
    rest = text
    while _ROW_END in rest:
        chunk, rest = rest.split(_ROW_END, 1)
        before, _, row = chunk.partition(_ROW_START)
        if before.strip(_ROW_START + " \n"):
            lines.extend(table_lines(rows) if rows else [])
            rows = []
            lines.extend(before.replace(_ROW_START, "").split("\n"))
        cells = row.replace(_ROW_START, "").split(_CELL)
        if not cells[-1].strip():
            cells.pop()  # what follows the last cell's end: the row's end, nothing to read
        rows.append([cell_lines(cell) for cell in cells])
    lines.extend(table_lines(rows) if rows else [])
    lines.extend(rest.replace(_ROW_START, "").replace(_CELL, "\t").split("\n"))
    return "\n".join(line.rstrip() for line in lines)
