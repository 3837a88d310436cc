"""Decisions: on a topic (searched), or of a meeting (the latest when none is named)."""

from __future__ import annotations

import re
from datetime import date

import sqlite_utils

from knowledge.qa.answers.next_meeting import planned_body_meeting
from knowledge.qa.answers.shared import (
    TOLD_DECISION,
    needed,
    not_found,
    resolve_meetings,
    topic_terms,
)
from knowledge.qa.answers.topic import answer_topic
from knowledge.qa.citations import cite, dedupe, document_source, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.sentences import first_sentence
from knowledge.qa.types import DECISIONS, Answer, Block, Choice, Query, Source
from knowledge.storage import corpus_queries
from knowledge.storage.corpus_queries import Decision

DECISIONS_PER_PAGE = 6


# "beslutade i enlighet med förslaget": the decision is the proposal, which the item states.
_AS_PROPOSED = re.compile(
    r"\b(i enlighet med|enligt) (\w+ )?(förslag\w*)|\bbifaller förslag\w*|\bförslaget godkän\w*",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(r"^\s*(förslag\w*( till beslut)?|beslutsförslag)\s*:?\s*$", re.I | re.M)
PROPOSAL_LINES = 6


def _proposal_decided(db: sqlite_utils.Database, decision: Decision) -> list[str]:
    """What a decision "i enlighet med förslaget" decided: the proposal its item states."""
    if len(decision.text) > 200 or not _AS_PROPOSED.search(decision.text):
        return []
    body = corpus_queries.decision_item_body(db, decision.id) or ""
    heading = _PROPOSAL.search(body)
    if heading is None:
        return []
    lines = [line.strip() for line in body[heading.end() :].splitlines() if line.strip()]
    proposal = [line for line in lines[:PROPOSAL_LINES] if line not in decision.text]
    return [f"Förslaget: {'; '.join(proposal)}"] if proposal else []


def _formality(decision: Decision) -> str:
    """ "§ 3 Godkännande av dagordning": a formality by its item, short."""
    number = f"§ {decision.item_number} " if decision.item_number else ""
    return f"{number}{decision.item_title}".strip() or first_sentence(decision.text)


def _no_decisions(formalities: list[Decision]) -> str:
    """There were no decisions on matters; there may have been formalities."""
    if not formalities:
        return "Protokollet från det mötet innehåller inga beslut."
    listed = "; ".join(_formality(d) for d in formalities)
    return f"Protokollet från det mötet innehåller inga beslut i sak, bara formalia: {listed}."


def answer_decisions(corpus: Corpus, query: Query, today: date) -> Answer:
    """The decisions the question asks for, a page at a time, each cited by its item."""
    db = corpus.db
    document_ids = resolve_meetings(corpus, query, today)
    councils = [query.council] if query.council else None
    topic = topic_terms(corpus, query)
    if topic is not None and not topic[1]:
        return not_found(query, f"Jag hittar inget om ”{topic[0]}” i protokollen.")
    rows: list[Decision]
    formalities: list[Decision] = []
    if topic:
        phrase, terms = topic
        hits = search(
            corpus,
            terms,
            kinds=("decision",),
            document_ids=document_ids,
            councils=councils,
            limit=8,
        )
        hits = [h for h in hits if h.matched >= needed(len(terms))]
        if not hits:
            # No decision recorded as such: a report or an item may tell one in prose, or say
            # what was decided in its own words ("Vilken budget fastställde nämnden?").
            told = answer_topic(corpus, query, today, prefer=TOLD_DECISION)
            if told.found:
                return told
            items = search(
                corpus, terms, kinds=("item",), document_ids=document_ids, councils=councils
            )
            items = [h for h in items if h.matched >= needed(len(terms))]
            item_sources = [hit_source(db, h) for h in items[:3]]
            blocks = (
                [Block("Ämnet togs upp här, utan beslut", [f"- {cite(s)}" for s in item_sources])]
                if items
                else []
            )
            answer = not_found(
                query, f"Jag hittar inget beslut om ”{phrase}” i protokollen.", blocks
            )
            answer.sources = item_sources
            return answer
        rows = [corpus_queries.decision(db, h.ref_id) for h in hits]
    else:
        if document_ids is None:
            latest = corpus_queries.protocols(db, councils or None, latest_first=True, limit=1)
            document_ids = [i for i, _ in latest]
        every = corpus_queries.decisions_of(db, document_ids)
        rows = [d for d in every if not d.formal]
        formalities = [d for d in every if d.formal]
        if not rows:
            if not document_ids:
                # a body's meeting that its earlier protocol planned: its minutes are not here
                return planned_body_meeting(corpus, query) or not_found(
                    query, "Jag hittar inget protokoll från den tiden."
                )
            return not_found(query, _no_decisions(formalities))
    blocks = []
    sources: list[Source] = []
    shown = rows[query.page * DECISIONS_PER_PAGE : (query.page + 1) * DECISIONS_PER_PAGE]
    if not shown:
        return not_found(query, "Det finns inga fler beslut att visa.")
    for decision in shown:
        source = document_source(
            db, decision.document_id, decision.item_number, decision.item_title
        )
        lines = [decision.text, *_proposal_decided(db, decision)]
        for amount in decision.amounts:
            lines.append(f"Belopp: {amount['kronor']:,} kr".replace(",", " "))
        if sources and sources[-1] == source:
            blocks[-1].lines.extend(lines)  # sub-decisions of the same item stay together
            continue
        sources.append(source)
        blocks.append(Block(cite(source), lines))
    headline = first_sentence(shown[0].text)
    if query.page:
        start = query.page * DECISIONS_PER_PAGE + 1
        headline = f"Beslut {start}–{start + len(shown) - 1} av {len(rows)}:"
    elif len(rows) > 1:
        headline = f"{len(rows)} beslut hittades. Det första: {headline}"
    if formalities and len(rows) <= (query.page + 1) * DECISIONS_PER_PAGE:
        blocks.append(Block("Formalia", [f"- {_formality(d)}" for d in formalities]))
    answer = Answer(
        question=query.text,
        intent=DECISIONS,
        found=True,
        headline=headline,
        blocks=blocks,
        sources=dedupe(sources),
    )
    if len(rows) > (query.page + 1) * DECISIONS_PER_PAGE:
        answer.choices.append(Choice("Visa mer", query.text, DECISIONS, query.page + 1))
    return answer
