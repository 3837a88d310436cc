"""A protocol from its parts: header, attendance, items, themes and scheduled meetings."""

from __future__ import annotations

import re

from knowledge.bodies import BODY_TYPES
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse.decisions import decision_dates
from knowledge.ingest.parse.header import parse_header_fields, protocol_title
from knowledge.ingest.parse.items import cut_trailer, parse_items
from knowledge.ingest.parse.lines import Line
from knowledge.ingest.parse.people import names_in, parse_attendance
from knowledge.ingest.parse.schedule import parse_schedule
from knowledge.ingest.parse.structure import ItemHeading
from knowledge.ingest.parse.themes import parse_themes


def parse_protocol(
    protocol: Protocol,
    lines: list[Line],
    head: list[Line],
    items: list[ItemHeading],
    raw: str,
) -> None:
    """Fill in a protocol from its head (header, attendance) and its item headings."""
    protocol.kind = "protocol"
    protocol.body_type = BODY_TYPES[protocol.councils[0]] if protocol.councils else None
    protocol.title = protocol_title(head, protocol.councils)
    parse_header_fields(protocol, head, raw)
    protocol.attendees = parse_attendance(head, protocol.councils)
    known_names = {a.name for a in protocol.attendees}
    protocol.items = parse_items(lines, items, known_names)
    cut_trailer(protocol)
    if protocol.date:
        for item in protocol.items:
            for decision in item.decisions:
                decision.dates = decision_dates(decision.text, protocol.date)
    if protocol.adjusters == [] or protocol.adjusters == [protocol.chair]:
        for item in protocol.items:
            if re.search(r"\bjusterare\b", item.title, re.I):
                names = names_in(item.body, known_names)
                if names:
                    protocol.adjusters = names[:2]
                    break
    protocol.themes = parse_themes(protocol.items)
    protocol.scheduled = parse_schedule(protocol, lines, items)
    _warn_missing(protocol)


def _warn_missing(protocol: Protocol) -> None:
    checks = [
        (protocol.councils, "rådet/gruppen (vilket organ protokollet gäller)"),
        (protocol.date, "mötesdatum"),
        (protocol.start, "mötestid"),
        (protocol.place, "plats"),
        (protocol.chair, "ordförande"),
        (protocol.secretary, "sekreterare"),
        (protocol.adjusters, "justerare"),
        (protocol.approved, "justeringsdatum (justerat den)"),
        (protocol.attendees, "närvarolista"),
    ]
    protocol.warnings.extend(f"Hittade inte: {label}" for value, label in checks if not value)
