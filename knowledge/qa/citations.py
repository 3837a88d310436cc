"""Sources of answers and how a line of an answer cites one."""

from __future__ import annotations

import sqlite_utils

from knowledge.bodies import COUNCIL_SHORT
from knowledge.language.dates import format_date
from knowledge.qa.types import Hit, Source
from knowledge.storage import corpus_bodies, corpus_queries


def council_label(councils: list[str]) -> str:
    """ "Chefsgruppen", or the councils of a joint meeting joined by "och"."""
    return " och ".join(COUNCIL_SHORT.get(c, c) for c in councils)


def document_source(
    db: sqlite_utils.Database,
    document_id: int,
    item: str | None = None,
    title: str | None = None,
) -> Source:
    """The source for a document, or for one of its items (sections, for a report)."""
    doc = corpus_queries.document(db, document_id)
    if doc.councils:
        return Source(council_label(doc.councils), doc.date, item, title, doc.title, document_id)
    body = corpus_bodies.body_of(db, document_id)
    if body is None or doc.kind == "report" and not doc.date:
        return Source(doc.title, doc.date, item, title, doc.title, document_id)
    name = body.label
    document = doc.title if "okänt organ" not in doc.title else f"Protokoll, {name}"
    return Source(name, doc.date, item, title, document, document_id)


def hit_source(db: sqlite_utils.Database, hit: Hit) -> Source:
    """The source of a search hit: its item (a theme is cited by the item that lists it)."""
    title = hit.title
    if hit.kind == "theme":
        listed = corpus_queries.item_title(db, hit.document_id, hit.item_number)
        title = listed if listed is not None else title
    return document_source(db, hit.document_id, hit.item_number, title)


def cite(source: Source) -> str:
    """ "Chefsgruppen 7 mars 2025, § 10 Dietist direkt" (for use inside a line)."""
    when = format_date(source.date, weekday=False) if source.date else ""
    where = f"{source.council} {when}".strip()
    if source.item:
        label = "avsnitt" if source.council == source.document else "§"
        where += f", {label} {source.item}" + (f" {source.title}" if source.title else "")
    return where


def item_line(number: str | None, title: str) -> str:
    """ "§ 7 Biblioteksplan", or the title alone for an unnumbered heading ("Åtgärder")."""
    return f"§ {number} {title}" if number else title


def dedupe(sources: list[Source]) -> list[Source]:
    """The sources without repeats of the same document and item, in order."""
    seen = set()
    out = []
    for source in sources:
        key = (source.document, source.item)
        if key not in seen:
            seen.add(key)
            out.append(source)
    return out
