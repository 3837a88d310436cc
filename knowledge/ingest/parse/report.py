"""Reports: the title page (authors, date) and the body sections under their headings."""

from __future__ import annotations

from knowledge.ingest.model import Protocol, Section
from knowledge.ingest.parse.lines import Line, reflow
from knowledge.ingest.parse.people import name_list
from knowledge.language.dates import find_dates
from knowledge.language.text import normalize


def parse_report(
    protocol: Protocol, lines: list[Line], sections: list[tuple[int, Section]]
) -> None:
    """Fill in a report: title, authors and date from the title page, then its sections."""
    protocol.kind = "report"
    first_pos, first = sections[0]
    protocol.title = first.title if first.number is None else lines[0].text or first.title
    body_sections: list[Section] = []
    seen_titles: set[str] = set()
    for index, (pos, section) in enumerate(sections):
        end = sections[index + 1][0] if index + 1 < len(sections) else len(lines)
        texts = [line.text for line in lines[pos + 1 : end]]
        section.body = reflow([t for t in texts if "...." not in t])
        key = normalize(section.title)
        if index == 0 and section.number is None:
            # The title page: authors and date sit under the title.
            for text in texts:
                names = name_list(text, set())
                if len(names) >= 2 and not protocol.authors:
                    protocol.authors = names
                found = find_dates(text)
                if found and protocol.date is None and found[0].explicit_year:
                    protocol.date = found[0].date
            continue
        if key in ("innehall", "innehallsforteckning") or key in seen_titles and not section.body:
            continue
        seen_titles.add(key)
        section.position = len(body_sections)
        body_sections.append(section)
    protocol.sections = body_sections
    if not protocol.date:
        protocol.warnings.append("Hittade inte: datum")


def parse_plain(protocol: Protocol, lines: list[Line]) -> None:
    """A document with neither items nor sections: one section holding its text."""
    protocol.kind = "report"
    texts = [line.text for line in lines]
    title = next((t for t in texts if t), "Dokument")[:120]
    protocol.title = protocol.title if protocol.title.startswith("Protokoll") else title
    protocol.items = []
    protocol.sections = [Section(number=None, title=title, body=reflow(texts[1:]), level=1)]
    protocol.warnings.append("Inga punkter eller rubriker: lagrat som dokument, inte som möte")
