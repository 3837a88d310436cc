"""A member asks for a document itself: "skicka protokollet från 6 maj 2022", "kan du skicka
rapporten?". The answer names the documents found and lists them in ``Answer.documents``; the
bot sends their files (``knowledge.ingest.originals``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.language.dates import MONTH_NAMES, format_date
from knowledge.qa.answers.shared import not_found, resolve_meetings
from knowledge.qa.citations import document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import SEND_DOCUMENT, Answer, Query
from knowledge.storage import corpus_queries

MAX_DOCUMENTS = 3  # a month's protocols, say; more is no longer "the" document
PROTOCOL = "protocol"
# The kind of document: (the noun, definite; with "inget"/"ingen"; plural).
NOUNS = {
    PROTOCOL: ("protokollet", "inget protokoll", "protokoll"),
    "report": ("rapporten", "ingen rapport", "rapporter"),
    "kallelse": ("kallelsen", "ingen kallelse", "kallelser"),
}


def answer_send_document(corpus: Corpus, query: Query, today: date) -> Answer:
    """The documents asked for (the latest protocol when none is named), or an honest no."""
    kind = query.document_kind or PROTOCOL
    definite, none, plural = NOUNS.get(kind, NOUNS[PROTOCOL])
    ids = _documents(corpus, query, today, kind)[:MAX_DOCUMENTS]
    asked = _asked(query)
    if not ids:
        return not_found(query, f"Jag hittar {none} {asked}".rstrip() + ".")
    sources = [document_source(corpus.db, i) for i in ids]
    if len(sources) == 1:
        when = format_date(sources[0].date) if sources[0].date else ""
        headline = f"Här är {definite}" + (f" från {when}" if when else "") + "."
    else:
        headline = f"Här är {len(sources)} {plural} {asked}".rstrip() + "."
    return Answer(
        question=query.text,
        intent=SEND_DOCUMENT,
        found=True,
        headline=headline,
        sources=sources,
        documents=ids,
    )


def _documents(corpus: Corpus, query: Query, today: date, kind: str) -> list[int]:
    if kind == PROTOCOL:
        named = resolve_meetings(corpus, query, today)
        if named is not None:
            return named
        return resolve_meetings(corpus, replace(query, relative="latest"), today) or []
    documents = corpus_queries.protocols(
        corpus.db, [query.council] if query.council else None, latest_first=True, kind=kind
    )
    if query.meeting_date:
        documents = [(i, d) for i, d in documents if d == query.meeting_date]
    elif query.month:
        year, month = query.month
        documents = [(i, d) for i, d in documents if d.month == month and year in (None, d.year)]
    elif query.year:
        documents = [(i, d) for i, d in documents if d.year == query.year]
    return [i for i, _ in documents]


def _asked(query: Query) -> str:
    """ "från 6 maj 2022", "från maj 2022": the meeting the question named, if it did."""
    if query.meeting_date:
        return "från " + format_date(query.meeting_date, weekday=False, year=query.year_given)
    if query.month:
        year, month = query.month
        return f"från {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
    if query.year:
        return f"från {query.year}"
    if query.relative == "latest":
        return "från det senaste mötet"
    return ""
