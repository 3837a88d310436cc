"""Who reserved themselves against a decision ("Vem reserverade sig mot taxan?"): the
reservation told in the item whose subject the question names."""

from __future__ import annotations

import re
from datetime import date

from knowledge.qa.answers.shared import needed, not_found, relation_subject, resolve_meetings
from knowledge.qa.citations import cite, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand, search
from knowledge.qa.types import Answer, Query
from knowledge.storage import corpus_queries

_ASKS = re.compile(r"\b(vem|vilka)\b.*\breserver\w* sig\b|\breserverade sig\b.*\bnagon\b")
_RESERVING_WORD = re.compile(r"^(reserver\w*|sig|mot|beslutet|nagon|någon)$")
# "X (SD) reserverar sig mot beslutet …": found by its verb, then read to its sentence's ends
# (a pattern that starts anywhere would try every position of a long text without full stops)
_RESERVING = re.compile(r"\breserver(ar|ade|at)\s+sig\b", re.I)
_LABEL = re.compile(r"^\s*Reservation(er)?:?\s*(?=\S)", re.I)


def asks_reservation(query: Query) -> bool:
    """Whether the question asks who reserved themselves against something."""
    return bool(_ASKS.search(query.folded))


def reservations_in(text: str) -> list[str]:
    """The sentences of ``text`` that tell of a reservation."""
    told = []
    for match in _RESERVING.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        ends = [i for i in (text.find(".", match.end()), text.find("\n", match.end())) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        sentence = _LABEL.sub("", text[start:end]).strip()
        if sentence and sentence not in told:
            told.append(sentence)
    return told


def answer_reservation(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """The reservations in the item the question names, or at the meeting or body it names;
    an honest no when that item or meeting has none; None when nothing is named."""
    subject = relation_subject(corpus, query, _RESERVING_WORD)
    scope = resolve_meetings(corpus, query, today)
    if scope == []:
        return None
    reserving = expand(corpus, "reserverar")
    if not subject:
        if scope is None:
            return None  # "vem reserverade sig?": no item, meeting or body named
        terms = [reserving]  # "vilka reserverade sig i kommunstyrelsen i Hallsberg?"
    else:
        # The reservation is one of the words searched: an item that holds it and the
        # subject's rarer words is the one, whatever other words the question used
        terms = [*subject, reserving]
    hits = search(corpus, terms, kinds=("item",), document_ids=scope, limit=8)
    for hit in hits:
        if hit.matched < needed(len(terms) - 1) or not reserving.held(set(hit.stems)):
            continue
        text = corpus_queries.item_text(corpus.db, hit.document_id, hit.item_number or "")
        told = reservations_in(text or "")
        if told:
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=" ".join(told[:3]),
                sources=[hit_source(corpus.db, hit)],
            )
    named = search(corpus, subject, kinds=("item",), document_ids=scope, limit=1) if subject else []
    if named and named[0].matched >= needed(len(subject)):
        # the item asked about is there, and tells of no reservation
        source = hit_source(corpus.db, named[0])
        return not_found(query, f"Ingen reservation står i protokollet om {cite(source)}.")
    return None
