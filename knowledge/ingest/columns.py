"""A PDF page laid out as text, its columns read the way a person reads them.

pypdf's layout mode keeps each line's horizontal positions as spaces. Swedish protocols set
parts of a page in two columns: the header ("Plats och tid" beside "Övriga deltagare",
"Beslutande" beside "Utses att justera"), item titles in a margin beside the text, letterheads
and signature blocks. Read line by line, such columns interleave (the plain extraction gave
"Kjell Arnesson (S), ordförande Utses att justera"). Here a block of lines (between blank
lines) with a column edge that no line's text crosses is split there:

- columns that flow on their own (some lines fill only one side) are read left column first,
  then the right one, as a person reads a two-column header or a margin title;
- rows that all fill both sides (a table of labels and values, "Organ | Miljö- och
  byggnadsnämnden") keep their rows, the cells separated by a tab.

A label beside the lines of its value ("Justerare ____" above the name) keeps its rows too.
Other wide gaps (a right-aligned "Dnr", two names under their signature lines) become tabs,
as the cleaner makes of the runs of spaces in a text file.
"""

from __future__ import annotations

import re

# Text runs: words separated by at most two spaces; three or more separate columns.
_RUN = re.compile(r"\S+(?: {1,2}\S+)*")
# How far a column's lines may start from its edge (layout mode places by character width).
_SLACK = 2


def page_text(layout: str) -> str:
    """A page's layout text with its columns de-interleaved."""
    out: list[str] = []
    block: list[str] = []
    for line in layout.splitlines():
        if line.strip():
            block.append(line.rstrip())
            continue
        out.extend(_block(block))
        block = []
        if out and out[-1]:
            out.append("")
    out.extend(_block(block))
    return "\n".join(out).strip("\n")


def _block(lines: list[str]) -> list[str]:
    if not lines:
        return []
    runs = [
        [(m.start(), m.end(), _single(m.group())) for m in _RUN.finditer(line)] for line in lines
    ]
    edge = _column_edge(runs)
    if edge is None:
        return ["\t".join(text for _, _, text in line) for line in runs]
    left = [" ".join(t for start, _, t in line if start < edge - _SLACK) for line in runs]
    right = ["\t".join(t for start, _, t in line if start >= edge - _SLACK) for line in runs]
    flowing = not (all(left) and all(right))
    if flowing and sum(1 for text in left if text) >= 2:
        return [text for text in left if text] + [text for text in right if text]
    return [f"{a}\t{b}".strip("\t") for a, b in zip(left, right, strict=True)]


def _single(text: str) -> str:
    return text.replace("  ", " ")


def _column_edge(runs: list[list[tuple[int, int, str]]]) -> int | None:
    """The leftmost position where a second column starts in two lines or more, that no
    run crosses, and beside which some line has text on the left."""
    candidates = sorted(
        {start for line in runs for n, (start, _, _) in enumerate(line) if n > 0 or start > 0}
    )
    for edge in candidates:
        starting = 0
        both = False
        crossed = False
        for line in runs:
            has_left = has_right = False
            for start, end, _ in line:
                if start >= edge - _SLACK:
                    has_right = True
                    starting += start <= edge + _SLACK
                elif end > edge - _SLACK:
                    crossed = True
                    break
                else:
                    has_left = True
            if crossed:
                break
            both = both or (has_left and has_right)
        if not crossed and both and starting >= 2:
            return edge
    return None
