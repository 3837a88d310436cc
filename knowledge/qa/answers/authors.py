"""Who wrote a report: the names on its title page ("Vem skrev redovisningen om nära vård?")."""

from __future__ import annotations

import re
from datetime import date

from knowledge.language.text import enumerated, normalize, stem
from knowledge.qa.answers.shared import topic_terms
from knowledge.qa.bodies import TOWN_WORDS
from knowledge.qa.citations import document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import Answer, Query
from knowledge.storage import corpus_queries

_WROTE = re.compile(
    r"\b(?:vem|vilka) (?:har |hade |som )?(?:skrev|skrivit|skrivt|skrivet|forfattade|forfattat|"
    r"sammanstallde|sammanstallt|tog fram)\b|\bskrevs av vem\b|\bforfattare\b"
)
_WROTE_WORD = re.compile(
    r"^(skrev|skrivit|skrivt|skrivet|forfattade|forfattat|sammanstallde|sammanstallt|tog|fram)$"
)
_SIGNED = re.compile(r"\bskriv\w* under\b|\bunderteckna\w*")
# Minutes are written by the meeting's secretary, not by a report's authors.
_MINUTES = re.compile(r"\b(protokoll\w*|\w*anteckning\w*)\b")
# Towns and the region stand in many titles: they name no report.
_PLACES = TOWN_WORDS | {"lans"}
# The share of the question's subject words a report's title must hold.
TITLE_SHARE = 0.66


def asks_author(query: Query) -> bool:
    """Whether the question asks who wrote a report (not minutes, not who signed something)."""
    wrote = _WROTE.search(query.folded) and not _SIGNED.search(query.folded)
    return bool(wrote) and query.document_kind == "report" and not _MINUTES.search(query.folded)


def answer_author(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """The authors of the report the question names by its title; None when no report with
    known authors is named."""
    topic = topic_terms(corpus, query)
    if not topic or not topic[1]:
        return None  # no subject, or one no document speaks of
    roots = [
        stem(normalize(t.word))[:6]
        for t in topic[1]
        if not _WROTE_WORD.match(normalize(t.word)) and normalize(t.word) not in _PLACES
    ]
    if not roots:
        return None
    best: tuple[float, int, str, list[str]] | None = None
    for document_id, title, authors in corpus_queries.authored(corpus.db):
        folded = normalize(title)
        share = sum(1 for r in roots if re.search(rf"\b{re.escape(r)}", folded)) / len(roots)
        if share >= TITLE_SHARE and (best is None or share > best[0]):
            best = (share, document_id, title, authors)
    if best is None:
        return None
    _, document_id, title, authors = best
    names = enumerated(authors)
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"”{title}” skrevs av {names}.",
        sources=[document_source(corpus.db, document_id)],
    )
