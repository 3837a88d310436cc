"""What became of an agenda item: the kallelse said it would be treated; the protocol of that
meeting says what was decided ("Vad blev det av punkten om färdplanen?")."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from knowledge.language.dates import format_date
from knowledge.language.text import normalize
from knowledge.qa.answers.agenda import best_item, describe, kallelse_source, subject_words
from knowledge.qa.answers.shared import title_terms
from knowledge.qa.citations import document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import Answer, Block, Query
from knowledge.storage import corpus_queries, kallelser, schedule
from knowledge.storage.kallelser import AgendaItem


def answer_outcome(corpus: Corpus, query: Query, today: date) -> Answer:
    """The latest kallelse (of a meeting held by today) with an item on the subject, and what
    that meeting's protocol decided under it; honest when the protocol is not in yet."""
    db = corpus.db
    words = subject_words(query)
    if not words:
        return Answer(
            query.text, query.intent, False, "Vilken punkt menar du? Skriv vad den handlar om."
        )
    for kallelse in kallelser.published_all(db, query.council, until=today):
        item = best_item(kallelse.agenda.items, words)
        agenda = kallelse.agenda
        if item is None or agenda.council is None or agenda.meeting_date is None:
            continue
        when = format_date(agenda.meeting_date, weekday=False)
        held = [
            h
            for h in schedule.held(db, agenda.council, agenda.meeting_date)
            if h.date == agenda.meeting_date
        ]
        sources = [kallelse_source(kallelse)]
        if not held:
            return Answer(
                query.text,
                query.intent,
                False,
                f"{describe(item)[:1].upper()}{describe(item)[1:]} stod på dagordningen "
                f"{when}, men protokollet från mötet är inte inläst än.",
                [],
                sources,
            )
        document_id = held[0].document_id
        treated = _treated(db, document_id, item)
        if treated is None:
            source = document_source(db, document_id)
            return Answer(
                query.text,
                query.intent,
                False,
                f"{describe(item)[:1].upper()}{describe(item)[1:]} stod på dagordningen {when}, "
                "men jag hittar den inte i protokollet från mötet.",
                [],
                [*sources, source],
            )
        number, title = treated
        decisions = [
            d.text
            for d in corpus_queries.decisions_of(db, [document_id])
            if d.item_number == number
        ]
        source = document_source(db, document_id, number, title)
        planned = "för beslut" if item.kind == "beslut" else "för information" if item.kind else ""
        lines = [f"I kallelsen: {describe(item)}{', ' + planned if planned else ''}."]
        if decisions:
            headline = f"Mötet {when} beslutade under § {number} {title}:"
            lines = [f"- {text}" for text in decisions] + lines
        else:
            headline = (
                f"Punkten behandlades {when} (§ {number} {title}) utan något beslut i protokollet."
            )
        return Answer(
            query.text, query.intent, True, headline, [Block(None, lines)], [*sources, source]
        )
    return Answer(
        query.text,
        query.intent,
        False,
        "Jag hittar ingen sådan punkt i kallelserna till möten som har varit.",
    )


def _treated(
    db: sqlite_utils.Database, document_id: int, item: AgendaItem
) -> tuple[str, str] | None:
    """The protocol's item (number, title) on the same subject as the kallelse's."""
    items = [AgendaItem(i.number, i.title) for i in corpus_queries.items_of(db, document_id)]
    found = best_item(items, [normalize(w) for w in title_terms(item.title)])
    return (found.number, found.title) if found else None
