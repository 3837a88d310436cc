"""A member asks for a document itself: "skicka protokollet från 6 maj 2022", "kan du skicka
rapporten?". The answer names the documents found and lists them in ``Answer.documents``; the
bot sends their files (``knowledge.ingest.originals``). "Skicka kallelsen (till mötet 4
december)" asks for the published kallelse of a coming meeting: ``Answer.kallelser``, whose
original file the bot sends (``knowledge.council.kallelser.original_file``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.bodies import COUNCIL_SHORT
from knowledge.council.meetings import CANCELLED
from knowledge.language.dates import MONTH_NAMES, format_date
from knowledge.qa.answers.agenda import (
    kallelse_source,
    meeting_and_kallelse,
    moved_note,
    no_kallelse,
)
from knowledge.qa.answers.shared import default_council, not_found, resolve_meetings
from knowledge.qa.citations import document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.requests import coming_date
from knowledge.qa.types import SEND_DOCUMENT, Answer, Query
from knowledge.storage import corpus_queries

MAX_DOCUMENTS = 3  # a month's protocols, say; more is no longer "the" document
PROTOCOL = "protocol"
KALLELSE = "kallelse"
# The kind of document: (the noun, definite; with "inget"/"ingen"; plural).
NOUNS = {
    PROTOCOL: ("protokollet", "inget protokoll", "protokoll"),
    "report": ("rapporten", "ingen rapport", "rapporter"),
}


def answer_send_document(corpus: Corpus, query: Query, today: date) -> Answer:
    """The documents asked for (the latest protocol when none is named), or an honest no."""
    kind = query.document_kind or PROTOCOL
    if kind == KALLELSE:
        return _kallelse(corpus, query, today)
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


def _kallelse(corpus: Corpus, query: Query, today: date) -> Answer:
    """The published kallelse of the meeting named (a day without a year: the coming one), else
    of the next meeting; honest when it is not out."""
    day = query.meeting_date
    if day is not None and not query.year_given:
        day = coming_date(query.text, today)[0] or day  # resolved forward, as förhinder is
    query = replace(query, meeting_date=day, topic_words=[])  # "skicka" names no agenda item
    meeting, kallelse = meeting_and_kallelse(corpus, query, today)
    if kallelse is None or (meeting is not None and meeting.status == CANCELLED):
        return no_kallelse(query, meeting, query.council or default_council(query))
    agenda = kallelse.agenda
    assert agenda.meeting_date is not None  # published kallelser have their meeting's day
    name = COUNCIL_SHORT.get(agenda.council or "", agenda.body or "")
    return Answer(
        question=query.text,
        intent=SEND_DOCUMENT,
        found=True,
        headline=" ".join(
            part
            for part in (
                moved_note(query, meeting),
                f"Här är kallelsen till mötet med {name} {format_date(agenda.meeting_date)}.",
            )
            if part
        ),
        sources=[kallelse_source(kallelse)],
        kallelser=[kallelse.id],
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
