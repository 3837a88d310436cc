"""Turn the cleaned text of a council document into a ``Protocol`` (or a report with sections).

The parser works on structure and vocabulary: numbered headings in sequence, labelled header
fields (``Tid:``, ``Plats:``, ``Justerat den``), signature blocks, attendance lists under their
Swedish headings, ``Beslut:`` blocks and sentences that decide. Nothing here knows a particular
file; the tests hold the facts of the real documents.

The modules follow the parts of a document, lowest first: ``lines`` (heading levels, labelled
fields, paragraphs), ``structure`` (item headings or report sections; protocol or report),
``people`` (names, presenters), ``attendance`` (lists) and ``attendance_entries`` (one
person's roles and organisation),
``attendance_text`` (who came or stayed away, as the minutes' text says), ``decisions``,
``themes``, ``schedule`` (meetings a protocol sets), ``header``, ``relations``, ``items``,
``preamble`` (the prose before the first item), and the two assemblies ``protocol`` and
``report``.
"""

from __future__ import annotations

import re

from knowledge.ingest.clean import clean_document
from knowledge.ingest.extract import DocumentError
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line, to_line
from knowledge.ingest.parse.preamble import preamble
from knowledge.ingest.parse.protocol import UNHEADED, parse_protocol
from knowledge.ingest.parse.report import parse_plain, parse_report
from knowledge.ingest.parse.structure import (
    ItemHeading,
    find_councils,
    find_items,
    find_sections,
    find_unnumbered_items,
    is_extract,
    looks_like_protocol,
)

__all__ = ["parse_document"]


def parse_document(raw: str) -> Protocol:
    """Parse a document's raw text: a protocol or minutes, a report, or else a plain document.

    Raises DocumentError only when there is no readable text.
    """
    text, top = clean_document(raw)
    if not text.strip():
        raise DocumentError("Filen innehåller ingen läsbar text.")
    lines = [to_line(i, line) for i, line in enumerate(text.split("\n"))]
    # An extract of a protocol may hold a single §: one numbered heading is its item.
    least = 1 if is_extract(lines) else 2
    items_start, items = find_items(lines, extract=least == 1)
    if len(items) < least:
        items = find_unnumbered_items(lines)
        items_start = items[0].pos if items else len(lines)
    head = lines[:items_start] if items else lines[:40]
    protocol = Protocol(text=text)
    protocol.councils = find_councils(head)
    minutes = looks_like_protocol(head)
    if len(items) >= least and minutes and (items[0].number or not _numbered_sections(lines)):
        parse_protocol(protocol, lines, head, items, raw, top)
        protocol.preamble = preamble(head)
        return protocol
    if not _readable(text):
        raise DocumentError("Filen innehåller ingen läsbar text.")
    # Minutes without headings, if they have a date and people, read from the top or, as an
    # e-mail's summary names those who came last of all ("Vi som var med: ..."), from all.
    sections = find_sections(lines)
    tried = []
    for head_lines in (lines[:60], lines) if len(lines) > 60 else (lines,):
        trial = Protocol(text=text)
        trial.councils = protocol.councils
        parse_protocol(trial, lines, head_lines, _one_item(lines), raw, top)
        if trial.date is not None and len(trial.attendees) >= (3 if sections else 1):
            return trial
        tried.append(trial)
    if len(sections) >= 2:
        parse_report(protocol, lines, sections)
        return protocol
    parse_plain(tried[0], lines)  # a document, with what the top of it told
    return tried[0]


def _one_item(lines: list[Line]) -> list[ItemHeading]:
    """Minutes without headings hold their text as one unnumbered item, from their first
    sentence on: searched, and read for decisions, like any item's."""
    first = next(
        (
            n
            for n, line in enumerate(lines)
            if len(line.text.split()) >= 6 and not LABELLED_FIELD.match(line.text)
        ),
        None,
    )
    if first is None:
        return []
    return [ItemHeading(first, "", UNHEADED, rest=lines[first].text)]


def _numbered_sections(lines: list[Line]) -> bool:
    """Whether the markdown headings are numbered like a report's ("2.1 Bakgrund")."""
    return any(line.heading and re.match(r"^\d+\.\d", line.text) for line in lines)


def _readable(text: str) -> bool:
    """Whether most of the text's tokens are words (random bytes decode to long junk); the
    first 3,000 characters tell."""
    tokens = text[:3_000].split()
    words = sum(1 for token in tokens if len(token) > 1 and token.rstrip(".,:;!?)").isalpha())
    return words >= 2 and words >= len(tokens) / 2
