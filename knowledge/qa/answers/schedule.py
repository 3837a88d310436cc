"""The meetings of a year, planned and held ("Vilka möten är planerade 2022?"), and how many
meetings a council has had ("Hur många möten har vi haft?")."""

from __future__ import annotations

import re
from datetime import date, time

from knowledge.bodies import COUNCIL_SHORT
from knowledge.council.meetings import CANCELLED, HELD, Meeting, list_meetings
from knowledge.language.dates import format_date, format_time_range
from knowledge.qa.answers.shared import default_council, not_found
from knowledge.qa.citations import document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import Answer, Block, Query, Source
from knowledge.storage import corpus_bodies, corpus_queries

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SHOWN = 12  # the latest meetings listed under a count


def answer_schedule(corpus: Corpus, query: Query, today: date) -> Answer:
    """The year's meetings of the council, or the count of meetings held so far."""
    if query.body:
        return _body_schedule(corpus, query, today)
    council = query.council or default_council(query)
    name = COUNCIL_SHORT.get(council, council)
    years = [int(y) for y in _YEAR.findall(query.text)]
    if query.aspect == "count":
        held = corpus_queries.protocols(corpus.db, [council], until=today)
        return _count(corpus, query, name, held, years)
    year = years[0] if years else today.year  # "för 2022 på novembermötet 2021": 2022
    of_year = [
        m
        for m in list_meetings(corpus.db, council, since=date(year, 1, 1))
        if m.date.year == year and m.status != CANCELLED
    ]
    if not of_year:
        return not_found(query, f"Jag hittar inga möten {year} för {name}.")
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"Möten {year} för {name}: {len(of_year)} st.",
        blocks=[Block(None, [_line(m, today) for m in of_year])],
        sources=_sources(corpus, of_year),
    )


def _body_schedule(corpus: Corpus, query: Query, today: date) -> Answer:
    """The meetings of a body samrad does not serve, held and scheduled, in the year asked."""
    body = corpus_bodies.body(corpus.db, query.body or "")
    name = body.name if body else "det organet"
    years = [int(y) for y in _YEAR.findall(query.text)]
    if query.aspect == "count":
        documents = corpus_bodies.body_documents(corpus.db, query.body or "")
        held = [(d.document_id, d.date) for d in documents if d.date and d.date <= today]
        return _count(corpus, query, name, held, years)
    year = years[0] if years else today.year
    meetings = [
        m for m in corpus_bodies.body_meetings(corpus.db, query.body) if m.date.year == year
    ]
    if not meetings:
        return not_found(query, f"Jag hittar inga möten {year} för {name}.")
    lines = []
    for meeting in meetings:
        hours = format_time_range(_clock(meeting.start), _clock(meeting.end))
        line = f"- {format_date(meeting.date)}" + (f", {hours}" if hours else "")
        line += f", {meeting.place}" if meeting.place else ""
        lines.append(line + (" (hållet)" if meeting.held else " (planerat)"))
    ids = dict.fromkeys(m.document_id for m in meetings)
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"Möten {year} för {name}: {len(meetings)} st.",
        blocks=[Block(None, lines)],
        sources=[document_source(corpus.db, i) for i in ids][:3],
    )


def _count(
    corpus: Corpus, query: Query, name: str, held: list[tuple[int, date]], years: list[int]
) -> Answer:
    """How many meetings with a protocol (``held``: id and day, oldest first), of the year
    asked if one is ("antal rådsmöten 2023": that year's, which may be none)."""
    held = sorted(
        ((i, day) for i, day in held if not years or day.year == years[0]), key=lambda h: h[1]
    )
    when = f" {years[0]}" if years else ""
    if not held:
        return not_found(query, f"Jag hittar inga protokoll{when} från {name}.")
    first, last = held[0][1], held[-1][1]
    meetings = "1 möte" if len(held) == 1 else f"{len(held)} möten"
    span = (
        f", {format_date(first, weekday=False)}"
        if first == last
        else f", från {format_date(first, weekday=False)} till {format_date(last, weekday=False)}"
    )
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"{name} har {meetings}{when} med protokoll i arkivet{span}.",
        blocks=[Block(None, [f"- {format_date(day)}" for _, day in held[-SHOWN:]])],
        sources=[document_source(corpus.db, i) for i, _ in held[-3:]],
    )


def _clock(value: str | None) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None


def _line(meeting: Meeting, today: date) -> str:
    hours = format_time_range(meeting.start, meeting.end)
    line = f"- {format_date(meeting.date)}" + (f", {hours}" if hours else "")
    line += f", {meeting.place}" if meeting.place else ""
    if meeting.status == HELD:
        line += " (hållet)"
    elif meeting.date >= today:
        line += " (planerat)"
    return line


def _sources(corpus: Corpus, meetings: list[Meeting]) -> list[Source]:
    """The protocols (and the items) that planned or held the meetings, the latest plan first:
    a later protocol may move a meeting the earlier one planned."""
    cited: dict[tuple[int, str | None], None] = {}
    for meeting in sorted(meetings, key=lambda m: m.source_document_id or 0, reverse=True):
        if meeting.source_document_id:
            cited[(meeting.source_document_id, meeting.source_item)] = None
        elif meeting.document_id:
            cited[(meeting.document_id, None)] = None
    return [document_source(corpus.db, i, item) for i, item in cited][:3]
