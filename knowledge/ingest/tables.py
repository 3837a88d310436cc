"""A table of a Word, OpenDocument or HTML file as the lines a reader reads it in.

Each format hands over its rows the same way, a row a list of cells and a cell a list of its
lines, with cells merged over rows or columns already read once, so that every format's tables
reach the parser in one shape.
"""

from __future__ import annotations

Cell = list[str]


def cell_lines(text: str) -> Cell:
    """A cell's text as its non-empty lines, spaces collapsed."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def table_lines(rows: list[list[Cell]]) -> list[str]:
    """A row is one line, its cells separated by a tab, the lines within a cell joined (a title
    wrapped in an agenda's cell). But a label beside a list of people, one a line, is read
    as a person reads it: the label, then the list one a line; and a row whose cells hold as
    many lines each (names above their roles in a signature block) keeps those lines as rows.
    """
    out: list[str] = []
    for cells in rows:
        filled = [cell for cell in cells if cell]
        counts = {len(cell) for cell in filled}
        # A list beside its label, or alone in its row (its label merged down from above).
        listed = (
            len(filled[-1]) > 1
            if len(filled) == 1
            else (len(filled) == 2 and len(filled[0]) == 1 and len(filled[1]) > 1)
        )
        if listed:
            out.extend(line for cell in filled for line in cell)
        elif len(counts) == 1 and len(filled) >= 2 and counts != {1}:
            out.extend("\t".join(column) for column in zip(*filled, strict=True))
        else:
            out.append("\t".join(" ".join(cell) for cell in cells).rstrip("\t"))
    return out
