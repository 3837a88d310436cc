"""When the council meets next: the calendar, or the plan in the latest protocol."""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta
from typing import NamedTuple

import sqlite_utils

from knowledge.bodies import COUNCIL_SHORT
from knowledge.council.meetings import CANCELLED, HELD, latest_meeting, list_meetings, next_meeting
from knowledge.language.dates import MONTH_NAMES, format_date, format_time_range
from knowledge.qa.answers.shared import default_council, not_found
from knowledge.qa.citations import cite, document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import MEETING, Answer, Block, Choice, Query, Source
from knowledge.storage import corpus_bodies, corpus_queries, kallelser
from knowledge.storage.kallelser import DECISION


class _After(NamedTuple):
    """The day a meeting asked for follows, and how the question named it."""

    day: date
    named: str  # "tisdag 14 mars 2023", "oktober 2023"


def _after(query: Query, today: date) -> _After | None:
    """The day named ("nästa möte efter 14 mars"), or the end of the month named ("nästa möte
    efter oktober 2023")."""
    if query.meeting_date or not query.month:
        return (
            _After(query.meeting_date, format_date(query.meeting_date))
            if query.meeting_date
            else None
        )
    year, month = query.month
    year = year or today.year  # "efter oktober": this year's October
    end = date(year, month, calendar.monthrange(year, month)[1])
    return _After(end, f"{MONTH_NAMES[month - 1]} {year}")


def answer_next_meeting(corpus: Corpus, query: Query, today: date) -> Answer:
    """The next meeting of the question's council (or the default one), and the ones after;
    "nästa möte efter 20 april 2022": the one after that day."""
    after = _after(query, today) if query.relative == "after" else None
    since = after.day + timedelta(days=1) if after else today
    if query.body:
        return _next_body_meeting(corpus, query, since, after)
    db = corpus.db
    council = query.council or default_council(query)
    name = COUNCIL_SHORT.get(council, council)
    meeting = next_meeting(db, council, since)
    if meeting is None and after:
        return not_found(query, f"Jag hittar inget möte för {name} efter {after.named}.")
    if meeting is None:
        latest = latest_meeting(db, council, today)
        blocks = []
        sources: list[Source] = []
        if latest and latest.document_id:
            blocks.append(Block(None, [f"Senaste kända möte: {format_date(latest.date)}."]))
            sources.append(document_source(db, latest.document_id))
        blocks.append(
            Block(None, ["Sekreteraren kan lägga in nästa möte i kalendern när det är bestämt."])
        )
        return Answer(
            question=query.text,
            intent=query.intent,
            found=False,
            headline=f"Jag hittar inget kommande möte för {name} i protokollen eller kalendern.",
            blocks=blocks,
            sources=sources,
        )
    clock = format_time_range(meeting.start, meeting.end)
    headline = f"{_next(name, after)}: {format_date(meeting.date)}"
    headline += f", {clock}" if clock else ""
    headline += f", {meeting.place}." if meeting.place else "."
    lines = []
    sources = []
    if not meeting.place:
        lines.append("Plats: anges i kallelsen (står inte i protokollen).")
    if meeting.note:
        lines.append(f"Obs: {meeting.note}.")
    if meeting.source == "calendar":
        lines.append("Mötet finns i sekreterarens kalender.")
    elif meeting.source_document_id:
        source = document_source(db, meeting.source_document_id, meeting.source_item)
        if meeting.source_item:
            source.title = corpus_queries.item_title(
                db, meeting.source_document_id, meeting.source_item
            )
        state = "Beslutat" if meeting.decided else "Planerat"
        lines.append(f"{state} i protokollet: {cite(source)}.")
        sources.append(source)
    later = [
        m
        for m in list_meetings(db, council, since=meeting.date)
        if m.date > meeting.date and m.status not in (CANCELLED, HELD)
    ]
    if later:
        lines.append("Därefter: " + ", ".join(format_date(m.date) for m in later[:3]) + ".")
    blocks = [Block(None, lines)] if lines else []
    if meeting.date >= today:  # a meeting that has been: its notice is no news
        blocks.append(_notice(db, council, meeting.date))
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=headline,
        blocks=blocks,
        sources=sources,
        choices=[Choice("Senaste mötet", "Vad togs upp på senaste mötet?", MEETING)],
    )


def _notice(db: sqlite_utils.Database, council: str, day: date) -> Block:
    """The coming meeting's agenda from its kallelse, or that it is not sent yet."""
    kallelse = kallelser.published(db, council, day)
    if kallelse is None:
        return Block(None, ["Kallelsen med dagordningen är inte skickad än."])
    return Block(
        "Dagordning (kallelsen)",
        [
            f"{item.number}. {item.title}" + (" (beslut)" if item.kind == DECISION else "")
            for item in kallelse.agenda.items
        ],
    )


def _next(name: str, after: _After | None) -> str:
    return f"Mötet med {name} efter {after.named}" if after else f"Nästa möte med {name}"


def _next_body_meeting(corpus: Corpus, query: Query, since: date, after: _After | None) -> Answer:
    """The next meeting of another body on or after ``since``, as its protocols schedule it."""
    body = corpus_bodies.body(corpus.db, query.body or "")
    name = body_label(body)
    meetings = corpus_bodies.body_meetings(corpus.db, query.body)
    coming = [m for m in meetings if m.date >= since]
    if not coming:
        if after:
            return not_found(query, f"Jag hittar inget möte för {name} efter {after.named}.")
        return _last_known_plan(corpus, query, name, meetings)
    meeting = coming[0]
    later = [f"Därefter: {', '.join(_when_and_where(m) for m in coming[1:4])}."]
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"{_next(name, after)}: {_when_and_where(meeting)}.",
        blocks=[Block(None, later)] if coming[1:] else [],
        sources=[document_source(corpus.db, meeting.document_id, meeting.item_number)],
    )


def _last_known_plan(
    corpus: Corpus, query: Query, name: str, meetings: list[corpus_bodies.BodyMeeting]
) -> Answer:
    """No meeting to come is known: the meetings the body's latest protocol planned, which
    have passed since, said as such (a body whose later minutes samrad has not been given)."""
    held = [m for m in meetings if m.held]
    planned = [m for m in meetings if not m.held and held and m.date > held[-1].date]
    if not planned:
        return not_found(query, f"Jag hittar inget kommande möte för {name} i protokollen.")
    latest = held[-1]
    lines = []
    if len(planned) > 1:
        lines.append("Därefter: " + ", ".join(_when_and_where(m) for m in planned[1:4]) + ".")
    lines.append(
        "Det datumet har passerat och nyare protokoll finns inte i samrad, så om mötet hölls "
        "och när nästa är vet jag inte."
    )
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=(
            f"Det senaste protokollet för {name} ({format_date(latest.date, weekday=False)}) "
            f"angav nästa möte till {_when_and_where(planned[0])}."
        ),
        blocks=[Block(None, lines)],
        sources=[document_source(corpus.db, planned[0].document_id, planned[0].item_number)],
    )


def planned_body_meeting(corpus: Corpus, query: Query) -> Answer | None:
    """ "När har direktionen sitt sammanträde i september 2024?": no protocol of that month,
    but one of the body's protocols planned a meeting then; None when none did."""
    if not query.body or not (query.meeting_date or query.month):
        return None
    planned = [
        m
        for m in corpus_bodies.body_meetings(corpus.db, query.body)
        if not m.held
        and (
            m.date == query.meeting_date
            if query.meeting_date
            else (m.date.month == query.month[1] and query.month[0] in (None, m.date.year))
            if query.month
            else False
        )
    ]
    if not planned:
        return None
    name = body_label(corpus_bodies.body(corpus.db, query.body))
    when = " och ".join(_when_and_where(m) for m in planned[:3])
    planner = corpus_queries.document(corpus.db, planned[0].document_id)
    said = f" enligt protokollet {format_date(planner.date, weekday=False)}" if planner.date else ""
    plan = f"{name} planerade att sammanträda {when}{said}."
    missing = "Protokollet från det mötet finns inte i samrad."
    # Asked when or where, the plan answers; asked what happened, it only tells why samrad
    # cannot say.
    asks_when = _ASKS_WHEN.match(query.folded) or query.aspect in ("place", "time", "weekday")
    return Answer(
        question=query.text,
        intent=query.intent,
        found=bool(asks_when),
        headline=plan if asks_when else missing,
        blocks=[Block(None, [missing if asks_when else plan])],
        sources=[document_source(corpus.db, planned[0].document_id, planned[0].item_number)],
    )


_ASKS_WHEN = re.compile(r"^(nar|var|vart|vilken tid|hur dags|vilken dag|vilket datum)\b")


def _when_and_where(meeting: corpus_bodies.BodyMeeting) -> str:
    """A meeting's day, hours and place: "torsdag 27 november 2025, kl. 09.00–12.00, Kumla"."""
    hours = format_time_range(
        time.fromisoformat(meeting.start) if meeting.start else None,
        time.fromisoformat(meeting.end) if meeting.end else None,
    )
    return ", ".join(part for part in (format_date(meeting.date), hours, meeting.place) if part)


def body_label(body: corpus_bodies.Body | None) -> str:
    """ "Socialnämnden, Kumla kommun": a body as the protocols name it."""
    if body is None:
        return "det organet"
    return body.label
