"""Who reserved themselves against a decision ("Vem reserverade sig mot taxan?"): the
reservation told in the item whose subject the question names."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from knowledge.qa.answers.shared import needed, resolve_meetings, topic_terms
from knowledge.qa.citations import hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand, search
from knowledge.qa.types import Answer, Query
from knowledge.storage import corpus_queries

_ASKS = re.compile(r"\b(vem|vilka)\b.*\breserver\w*")
_RESERVING_WORD = re.compile(r"^(reserver\w*|sig|mot|beslutet)$")
# "X (SD) reserverar sig mot beslutet …", "Reservation: X och Y", "X reserverade sig"
_RESERVATION = re.compile(
    r"[^.\n]*\breserver(ar|ade|at)\s+sig\b[^.\n]*\.?|\bReservation\w*:?\s+[^.\n]+", re.I
)


_LABEL = re.compile(r"^\s*Reservation(er)?:?\s*(?=\S)", re.I)


def asks_reservation(query: Query) -> bool:
    """Whether the question asks who reserved themselves against something."""
    return bool(_ASKS.search(query.folded))


def answer_reservation(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """The reservations in the item the question names; None when no item with one is named."""
    words = [w for w in query.topic_words if not _RESERVING_WORD.match(w.lower())]
    topic = topic_terms(corpus, replace(query, topic_words=words))
    if topic is None or not topic[1]:
        return None
    _, terms = topic
    scope = resolve_meetings(corpus, query, today)
    if scope == []:
        return None
    # The reservation is one of the words searched: an item that holds it and the subject's
    # rarer words is the one, whatever other words the question used ("höjningen")
    reserving = expand(corpus, "reserverar")
    hits = search(corpus, [*terms, reserving], kinds=("item",), document_ids=scope, limit=8)
    for hit in hits:
        if hit.matched < needed(len(terms)) or not reserving.held(set(hit.stems)):
            continue
        text = corpus_queries.item_text(corpus.db, hit.document_id, hit.item_number or "")
        told = [_LABEL.sub("", m.group(0)).strip() for m in _RESERVATION.finditer(text or "")]
        told = [t for t in told if t]
        if told:
            source = hit_source(corpus.db, hit)
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=" ".join(told[:3]),
                sources=[source],
            )
    return None
