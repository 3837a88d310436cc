"""Turn the cleaned text of a council document into a ``Protocol`` (or a report with sections).

The parser works on structure and vocabulary: numbered headings in sequence, labelled header
fields (``Tid:``, ``Plats:``, ``Justerat den``), signature blocks, attendance lists under their
Swedish headings, ``Beslut:`` blocks and sentences that decide. Nothing here knows a particular
file; the tests hold the facts of the real documents.

The modules follow the parts of a document, lowest first: ``lines`` (heading levels, labelled
fields, paragraphs), ``structure`` (item headings or report sections; protocol or report),
``people`` (names, attendance, organisations, presenters), ``decisions``, ``themes``,
``schedule`` (meetings a protocol sets), ``header``, ``items``, and the two assemblies
``protocol`` and ``report``.
"""

from __future__ import annotations

from knowledge.ingest.clean import clean_text
from knowledge.ingest.extract import DocumentError
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse.lines import to_line
from knowledge.ingest.parse.protocol import parse_protocol
from knowledge.ingest.parse.report import parse_report
from knowledge.ingest.parse.structure import (
    find_councils,
    find_items,
    find_sections,
    looks_like_protocol,
)

__all__ = ["parse_document"]


def parse_document(raw: str) -> Protocol:
    """Parse a document's raw text; raises DocumentError when it is neither protocol nor report."""
    text = clean_text(raw)
    if not text.strip():
        raise DocumentError("Filen innehåller ingen text.")
    lines = [to_line(i, line) for i, line in enumerate(text.split("\n"))]
    items_start, items = find_items(lines)
    head = lines[:items_start] if items else lines[:40]
    protocol = Protocol(text=text)
    protocol.councils = find_councils(head)
    if len(items) >= 2 and looks_like_protocol(head):
        parse_protocol(protocol, lines, head, items, raw)
        return protocol
    sections = find_sections(lines)
    if len(sections) >= 2:
        parse_report(protocol, lines, sections)
        return protocol
    raise DocumentError(
        "Dokumentet ser inte ut som ett protokoll: jag hittar inga numrerade punkter "
        "eller rubriker."
    )
