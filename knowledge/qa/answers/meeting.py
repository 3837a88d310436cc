"""One meeting: who chaired, who attended, where, the agenda; or which meetings to choose from."""

from __future__ import annotations

import re
from datetime import date, time

import sqlite_utils

from knowledge.bodies import (
    AWAY,
    COUNCIL_SHORT,
    ERSATTARE,
    LEDAMOT,
    TJANSTGORANDE,
    for_part_of_meeting,
)
from knowledge.council.meetings import CANCELLED, Meeting, meeting_for, meeting_on
from knowledge.language.dates import format_date, format_time_range
from knowledge.qa.answers.next_meeting import planned_body_meeting
from knowledge.qa.answers.shared import not_found, resolve_meetings
from knowledge.qa.citations import council_label, document_source, item_line
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import DECISIONS, MEETING, Answer, Block, Choice, Query
from knowledge.storage import corpus_bodies, corpus_queries, kallelser
from knowledge.storage.corpus_queries import Attendance, Document, Item

OFFICERS = {"chair": "ordförande", "secretary": "sekreterare", "adjusters": "justerare"}
ROLE_LABELS = {
    LEDAMOT: "Ledamöter",
    ERSATTARE: "Ersättare",
    "övrig närvarande": "Övriga närvarande",
    "tjänsteperson": "Tjänstepersoner",
    "frånvarande": "Frånvarande",
}


# "rådsmötet", "rådets möte": the councils' word for their own meeting
# "rådsmötet", "rådens gemensamma möte", "gemensamma mötet": the councils' own meetings
_COUNCIL_MEETING = re.compile(r"\b(radsmote\w*|rad(ets|ens) mote\w*|gemensamma (rads)?mote\w*)\b")


def answer_meeting(corpus: Corpus, query: Query, today: date) -> Answer:
    """The meeting the question names (the latest when it names none), or a choice of several."""
    db = corpus.db
    document_ids = resolve_meetings(corpus, query, today)
    if document_ids is None:
        latest = Query(query.text, query.folded, MEETING, query.council, relative="latest")
        document_ids = resolve_meetings(corpus, latest, today)
    assert document_ids is not None
    if not document_ids and query.meeting_date and query.meeting_date >= today:
        planned = _planned_meeting(corpus, query, query.meeting_date)
        if planned is not None:
            return planned
    if not document_ids:
        planned_by_body = planned_body_meeting(corpus, query)
        if planned_by_body is not None:
            return planned_by_body
        councils = [query.council] if query.council else None
        known = [
            i
            for i, _ in reversed(corpus_queries.protocols(db, councils, latest_first=True, limit=6))
        ]
        wanted = (
            format_date(query.meeting_date)
            if query.meeting_date
            else "den tiden"
            if query.month
            else "det mötet"
        )
        answer = not_found(
            query,
            f"Jag hittar inget protokoll från {wanted}.",
            [
                Block(
                    "Protokoll som finns", [_meeting_line(corpus, i) for i in reversed(known[-6:])]
                )
            ],
        )
        answer.choices = _meeting_choices(corpus, list(reversed(known)))
        return answer
    if len(document_ids) > 1 and not query.body and _COUNCIL_MEETING.search(query.folded):
        # "rådsmötet i september": the councils', not another body's meeting that month
        of_councils = [i for i in document_ids if corpus_queries.document(db, i).councils]
        document_ids = of_councils or document_ids
    if query.item and len(document_ids) > 1:
        # "§ 93 i arbetsutskottet": the protocols that have that item
        holding = [i for i in document_ids if _item_of(db, i, query.item)]
        document_ids = holding or document_ids
    if len(document_ids) > 1:
        return Answer(
            question=query.text,
            intent=query.intent,
            found=True,
            headline="Det finns flera möten som passar. Vilket menar du?",
            blocks=[Block(None, [_meeting_line(corpus, i) for i in document_ids])],
            sources=[document_source(db, i) for i in document_ids],
            choices=_meeting_choices(corpus, document_ids),
        )
    if query.item:
        return _one_item(corpus, query, document_ids[0], query.item)
    return _one_meeting(corpus, query, document_ids[0])


def _item_of(db: sqlite_utils.Database, document_id: int, number: str) -> Item | None:
    return next((i for i in corpus_queries.items_of(db, document_id) if i.number == number), None)


def _sub_item(number: str, asked: str) -> bool:
    return number.startswith(asked) and number[len(asked) :].isalpha()


# The most of an item's text an answer shows; the protocol is cited for the rest.
ITEM_TEXT = 700


def _one_item(corpus: Corpus, query: Query, document_id: int, number: str) -> Answer:
    """One item of a protocol, by its number; a number the protocol does not have is said so,
    with the numbers it has."""
    db = corpus.db
    item = _item_of(db, document_id, number)
    source = document_source(db, document_id)
    when = format_date(source.date, weekday=False) if source.date else "mötet"
    parts = [i for i in corpus_queries.items_of(db, document_id) if _sub_item(i.number, number)]
    if item is None and parts:
        # "punkt 9" where the protocol has 9a–9d: its parts
        return Answer(
            question=query.text,
            intent=query.intent,
            found=True,
            headline=f"§ {number} har {len(parts)} delar ({source.council} {when}):",
            blocks=[Block(None, [item_line(i.number, i.title) for i in parts])],
            sources=[document_source(db, document_id, i.number, i.title) for i in parts],
        )
    if item is None:
        items = corpus_queries.items_of(db, document_id)
        listed = [item_line(i.number, i.title) for i in items]
        answer = not_found(
            query,
            f"Protokollet från mötet {when} ({source.council}) har ingen § {number}.",
            [Block("Punkter i protokollet", listed)] if listed else [],
        )
        answer.sources = [source]
        return answer
    text = corpus_queries.item_text(db, document_id, number) or ""
    if len(text) > ITEM_TEXT:
        text = text[:ITEM_TEXT].rsplit(" ", 1)[0] + " …"
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"{item_line(item.number, item.title)} ({source.council} {when})",
        blocks=[Block(None, [text])] if text else [],
        sources=[document_source(db, document_id, item.number, item.title)],
    )


def _planned_meeting(corpus: Corpus, query: Query, day: date) -> Answer | None:
    """ "Var är mötet 4/12?": a meeting to come has no protocol; its time and place are in
    the calendar or the protocol that planned it. Asked what happened at it, or who chaired:
    it has not been held yet. A moved meeting is said to have moved, and where to."""
    meeting = meeting_on(corpus.db, query.council, day)
    if meeting is None:
        return None
    name = COUNCIL_SHORT.get(meeting.council, meeting.council)
    moved = meeting_for(corpus.db, meeting.council, day) if meeting.moved_to else None
    if moved is not None and moved.date != day and moved.status != CANCELLED:
        headline = (
            f"Mötet med {name} {format_date(day, weekday=False)} är flyttat till "
            f"{_when(moved.date, moved.start, moved.end)}{_place(corpus, moved)}"
        )
        meeting = moved
    elif meeting.status == CANCELLED:
        headline = f"Mötet med {name} {format_date(day)} är inställt."
    elif query.aspect in ("place", "time", "weekday"):
        headline = f"Mötet med {name}: {_when(day, meeting.start, meeting.end)}"
        headline += _place(corpus, meeting)
    else:
        headline = f"Mötet med {name} {format_date(day)} har inte hållits än."
        hours = format_time_range(meeting.start, meeting.end)
        headline += f" Det är {hours}" + _place(corpus, meeting) if hours else ""
        headline += "" if hours or not meeting.place else f" Det hålls i {meeting.place}."
    source_id = meeting.source_document_id or meeting.document_id
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=headline,
        sources=[document_source(corpus.db, source_id)] if source_id else [],
    )


def _place(corpus: Corpus, meeting: Meeting) -> str:
    """ ", Lokal Eken.", or what is known of the place when the calendar has none."""
    if meeting.place:
        return f", {meeting.place}."
    if kallelser.published(corpus.db, meeting.council, meeting.date) is not None:
        return ". Kallelsen anger ingen plats."
    return ". Platsen är inte meddelad än; den kommer med kallelsen."


def _meeting_line(corpus: Corpus, document_id: int) -> str:
    doc = corpus_queries.document(corpus.db, document_id)
    return f"- {format_date(_held(doc))}: {_held_by(corpus, document_id)}"


def _held_by(corpus: Corpus, document_id: int) -> str:
    """Who met: the councils, or the body that wrote the protocol."""
    return document_source(corpus.db, document_id).council


def _meeting_choices(corpus: Corpus, document_ids: list[int]) -> list[Choice]:
    choices = []
    for document_id in document_ids[:6]:
        doc = corpus_queries.document(corpus.db, document_id)
        day = _held(doc)
        held_by = _held_by(corpus, document_id)
        if len(held_by) > 36:  # a button: the body's name cut at a word, not inside one
            held_by = held_by[:36].rsplit(" ", 1)[0].rstrip(",") + " …"
        label = f"{format_date(day, weekday=False)} ({held_by})"
        choices.append(Choice(label=label[:60], query=f"mötet {day.isoformat()}", intent=MEETING))
    return choices


def _held(doc: Document) -> date:
    assert doc.date is not None  # the meetings to choose from are dated protocols
    return doc.date


def _who_met(corpus: Corpus, councils: list[str], document_id: int) -> str:
    """The council, or the other body and its organisation ("Kommunstyrelsen, Hallsbergs
    kommun"); "Organet" when the document does not say."""
    if councils:
        return council_label(councils)
    body = corpus_bodies.body_of(corpus.db, document_id)
    if body is None:
        return "Organet"
    return body.label


def _one_meeting(corpus: Corpus, query: Query, document_id: int) -> Answer:
    db = corpus.db
    doc = corpus_queries.document(db, document_id)
    day = _held(doc)
    label = f"mötet {format_date(day, weekday=False)}"
    items = corpus_queries.items_of(db, document_id)
    attendees = corpus_queries.attendees_of(db, document_id)
    blocks: list[Block] = []
    aspect = query.aspect
    if query.municipality and not aspect:
        aspect = "municipality"
    officers = {"chair": doc.chair, "secretary": doc.secretary}
    officers["adjusters"] = " och ".join(doc.adjusters)
    found = True  # False when the protocol does not say what was asked
    if aspect in OFFICERS:
        found = bool(officers[aspect])
        role = OFFICERS[aspect]
        headline = (
            f"{role.capitalize()} vid {label} var {officers[aspect]}."
            if officers[aspect]
            else f"Protokollet från {label} anger ingen {role}."
        )
    elif aspect == "approved":
        found = doc.approved is not None
        headline = (
            f"Protokollet från {label} justerades {format_date(doc.approved)}."
            if doc.approved
            else f"Protokollet från {label} anger inget justeringsdatum."
        )
    elif aspect == "absent":
        absent = [a.name for a in attendees if a.role == "frånvarande"]
        # One a substitute served for all meeting was away, listed among the absent or not;
        # not one served for during some items ("tjänstgör för Per Ek § 2 (jäv)").
        partly = {a.name for a in attendees if for_part_of_meeting(a.note)}
        absent += [
            a.replaces
            for a in attendees
            if a.replaces
            and not for_part_of_meeting(a.note)
            and a.replaces not in partly
            and a.replaces not in absent
        ]
        # Away for some items: said with the items ("Karin Sand (frånvarande § 5–7)").
        absent += [
            f"{a.name} ({a.note})"
            for a in attendees
            if a.role != "frånvarande" and a.name in partly and AWAY.search(a.note or "")
        ]
        found = bool(absent)
        headline = (
            f"Frånvarande vid {label}: {', '.join(absent)}."
            if absent
            else f"Protokollet från {label} anger inga frånvarande."
        )
    elif aspect == "attendees":
        # Substitutes serving for a member sit as members: they are counted with them.
        serving = sum(1 for a in attendees if a.role == ERSATTARE and a.function == TJANSTGORANDE)
        members = sum(1 for a in attendees if a.role == LEDAMOT) + serving
        substitutes = sum(1 for a in attendees if a.role == ERSATTARE) - serving
        of_whom = f" (varav {serving} tjänstgörande ersättare)" if serving else ""
        headline = (
            f"Vid {label} listas {len(attendees)} personer: {members} ledamöter{of_whom}, "
            f"{substitutes} ersättare och {len(attendees) - members - substitutes} övriga."
        )
        blocks.extend(_attendance_blocks(attendees))
    elif aspect == "municipality" and query.municipality:
        present = [a for a in attendees if a.organisation == query.municipality]
        if present:
            # "(ledamot, del av mötet)": whether they were there all of it
            names = ", ".join(
                f"{a.name} ({a.role}{', ' + a.note if a.note else ''})" for a in present
            )
            headline = f"{query.municipality} representerades vid {label} av {names}."
        else:
            headline = f"Ingen från {query.municipality} står i närvarolistan för {label}."
    elif aspect in ("place", "time", "weekday"):
        place = f", {doc.place}" if doc.place else ""
        headline = f"Mötet hölls {_when(day, doc.start, doc.end)}{place}."
    else:
        place = f", {doc.place}" if doc.place else ""
        headline = (
            f"{_who_met(corpus, doc.councils, document_id)} sammanträdde"
            f" {_when(day, doc.start, doc.end)}{place}."
        )
        people = []
        if doc.chair:
            people.append(f"Ordförande: {doc.chair}")
        if doc.secretary:
            people.append(f"Sekreterare: {doc.secretary}")
        if doc.adjusters:
            people.append(f"Justerare: {', '.join(doc.adjusters)}")
        if doc.approved:
            people.append(f"Justerat: {doc.approved.isoformat()}")
        if people:
            blocks.append(Block(None, people))
    if aspect in (None, "agenda", "place", "time", "municipality"):
        agenda = [
            item_line(item.number, item.title)
            + (f" ({', '.join(item.presenters)})" if item.presenters else "")
            for item in items
        ]
        blocks.append(Block("Dagordning", agenda))
    themes = [item for item in items if re.match(r"tema\b", item.title, re.I)]
    if themes and aspect in (None, "agenda"):
        theme = re.sub(r"^tema:?\s*", "", themes[0].title, flags=re.I)
        blocks.insert(0, Block(None, [f"Tema: {theme}"]))
    return Answer(
        question=query.text,
        intent=MEETING,
        found=found,
        headline=headline,
        blocks=blocks,
        sources=[document_source(db, document_id)],
        choices=[
            Choice("Beslut på mötet", f"Vad beslutades på mötet {day.isoformat()}?", DECISIONS)
        ],
    )


def _when(day: date, start: time | None, end: time | None) -> str:
    return f"{format_date(day)} {format_time_range(start, end)}".strip()


def _attendance_blocks(attendees: list[Attendance]) -> list[Block]:
    roles: dict[str, list[str]] = {}
    for person in attendees:
        role, serving = person.role, ""
        if role == ERSATTARE and person.function == TJANSTGORANDE:
            # Counted with the members in the headline, so listed with them.
            role = LEDAMOT
            named = person.replaces and person.replaces not in (person.note or "")
            serving = "tjänstgörande ersättare" + (f" för {person.replaces}" if named else "")
        extra = ", ".join(
            x for x in (person.organisation or person.title, serving, person.note) if x
        )
        roles.setdefault(role, []).append(person.name + (f" ({extra})" if extra else ""))
    return [Block(ROLE_LABELS.get(role, role), names) for role, names in roles.items()]
