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
    if edge is None and any(_GLUED.search(line) for line in lines):
        runs, edge = _unglued(runs)
    width = max((line[-1][1] for line in runs if line), default=0)
    if edge is None:
        return [_cells(line, width) for line in runs]
    left = [[r for r in line if r[0] < edge - _SLACK] for line in runs]
    right = [_cells([r for r in line if r[0] >= edge - _SLACK], width) for line in runs]
    flowing = not (all(left) and all(right))
    # A table's column of amounts under its heading ("Belopp (kr)", "1 450 000") keeps its rows.
    amounts = [text for text in right if text][1:]
    if amounts and all(_AMOUNT.fullmatch(text) for text in amounts):
        flowing = False
    if flowing and sum(1 for line in left if line) >= 2:
        return [" ".join(t for _, _, t in line) for line in left if line] + [
            text for text in right if text
        ]
    return [f"{_cells(a, width)}\t{b}".strip("\t") for a, b in zip(left, right, strict=True)]


def _single(text: str) -> str:
    return text.replace("  ", " ")


Run = tuple[int, int, str]  # start, end, text
_AMOUNT = re.compile(r"[-+−]?\d{1,3}(?:[ .\u00a0]\d{3})*(?:,\d+)?(?:\s*(?:kr|tkr|mkr|%))?", re.I)
# A lower-case letter run into a capital that starts a word: "FörsäkringskassanKarin Ståhl".
_GLUED = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ][a-zåäö])")


def _cells(line: list[Run], width: int) -> str:
    """A line's runs as tab-separated cells, but a justified line is one text: "att   bevilja
    Hallsbergs   kommun" (single words spread by gaps of one width, a few spaces each, out to
    the ``width`` its block's lines fill)."""
    gaps = {b[0] - a[1] for a, b in zip(line, line[1:], strict=False)}
    if (
        len(line) >= 3
        and max(gaps) - min(gaps) <= 1
        and max(gaps) <= 6
        and line[-1][1] >= width - _SLACK
        and not any(" " in text for _, _, text in line)
    ):
        return " ".join(text for _, _, text in line)
    return "\t".join(text for _, _, text in line)


def _unglued(runs: list[list[Run]]) -> tuple[list[list[Run]], int | None]:
    """The runs, and the column edge, when text in the left column ran on into the right
    one's ("..., FörsäkringskassanKarin Ståhl, ..."): the edge is the one the other lines
    show, and such a line is cut where a word in lower case runs into a capitalised one, at
    the place nearest the edge (the right column's text moved to the edge)."""
    glued = {n for n, line in enumerate(runs) if any(_GLUED.search(t) for _, _, t in line)}
    edge = _column_edge([line for n, line in enumerate(runs) if n not in glued])
    if edge is None:
        return runs, None
    return [_cut(line, edge) if n in glued else line for n, line in enumerate(runs)], edge


def _cut(line: list[Run], edge: int) -> list[Run]:
    out: list[Run] = []
    for start, end, text in line:
        joins = [m.start() for m in _GLUED.finditer(text) if start + m.start() >= edge // 2]
        if start >= edge - _SLACK or end <= edge - _SLACK or not joins:
            out.append((start, end, text))
            continue
        at = min(joins, key=lambda j: abs(start + j - edge))
        out.append((start, start + at, text[:at]))
        out.append((edge, edge + len(text) - at, text[at:]))
    return out


def _column_edge(runs: list[list[Run]]) -> int | None:
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
