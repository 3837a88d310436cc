"""How a subject developed across meetings: "Hur har frågan om placerade barn utvecklats?",
"tidslinje för nära vård", "vad har sagts om psykisk hälsa över tid".

The subject is found as a question's topic is (stems, compounds, misspellings); each dated
document that mentions it is one line of the timeline, oldest first: what was said (the
sentence that holds most of the subject's words) and what was decided (the decisions of the
items that mention it), each cited. A subject no document mentions gets an honest no.
"""

from __future__ import annotations

from datetime import date

from knowledge.language.dates import format_date
from knowledge.qa.answers.shared import needed, not_found
from knowledge.qa.answers.topic import subject_terms
from knowledge.qa.citations import cite, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.types import TIMELINE, Answer, Block, Hit, Query, Term
from knowledge.storage import corpus_queries

MAX_PASSAGES = 60  # the search's candidates: every mention in a corpus of this size
MAX_SAID = 320  # characters of what was said, per meeting
MAX_DECISIONS = 2  # per meeting


def answer_timeline(corpus: Corpus, query: Query, today: date) -> Answer:
    """One dated, cited line per document that mentions the subject, oldest first."""
    topic = subject_terms(corpus, query, today)
    if isinstance(topic, Answer):
        return topic
    phrase, terms = topic
    hits = search(
        corpus,
        terms,
        councils=[query.council] if query.council else None,
        limit=MAX_PASSAGES,
        document_kind=query.document_kind,
    )
    by_document: dict[int, list[Hit]] = {}
    for hit in hits:
        if hit.matched >= needed(len(terms)) and hit.date is not None:
            by_document.setdefault(hit.document_id, []).append(hit)
    if not by_document:
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    documents = sorted(by_document.values(), key=lambda found: (found[0].date, found[0].id))
    blocks, sources = [], []
    for found in documents:
        best = max(found, key=lambda h: (h.matched, -h.rank))
        source = hit_source(corpus.db, best)
        sources.append(source)
        said, decided = _said(corpus, terms, found), _decided(corpus, terms, found)
        # A decision told in the item's prose is a decision, not also a saying.
        lines = [] if said in decided else [f"Sagt: {said}"]
        lines += [f"Beslut: {text}" for text in decided]
        blocks.append(Block(cite(source), lines))
    first, last = documents[0][0].date, documents[-1][0].date
    assert first is not None and last is not None
    meetings = all(found[0].document_kind == "protocol" for found in documents)
    count = len(documents)
    if count == 1:
        where = "ett möte" if meetings else "ett dokument"
        headline = f"”{phrase}” finns bara i {where}, {format_date(first, weekday=False)}:"
    else:
        noun = "möten" if meetings else "dokument"
        headline = (
            f"Så har ”{phrase}” behandlats i {count} {noun}, äldst först "
            f"({format_date(first, weekday=False)} – {format_date(last, weekday=False)}):"
        )
    return Answer(
        question=query.text,
        intent=TIMELINE,
        found=True,
        headline=headline,
        blocks=blocks,
        sources=sources,
    )


def _said(corpus: Corpus, terms: list[Term], found: list[Hit]) -> str:
    """The sentence of the document's mentions that holds most of the subject's words (the
    first of those, in its item's order): a decision's own text is no saying."""
    best, held = "", 0
    for hit in sorted(found, key=lambda h: h.rank):
        if hit.kind == "decision":
            continue
        for sentence in corpus.sentences.of(hit.text):
            stems = corpus.sentences.stems(sentence)
            count = sum(1 for term in terms if term.held(stems))
            if count > held:
                best, held = sentence, count
    if not best:
        best = found[0].title
    best = " ".join(best.split())
    return best if len(best) <= MAX_SAID else best[: MAX_SAID - 1].rsplit(" ", 1)[0] + " …"


def _decided(corpus: Corpus, terms: list[Term], found: list[Hit]) -> list[str]:
    """The decisions that mention the subject, then those of items about it (its words in
    the item's title): a decision under another item of a long report is another subject's."""
    direct = [hit.ref_id for hit in found if hit.kind == "decision"]
    about = {
        hit.item_number
        for hit in found
        if hit.item_number
        and sum(1 for term in terms if term.held(corpus.sentences.stems(hit.title)))
        >= needed(len(terms))
    }
    decisions = [
        d
        for d in corpus_queries.decisions_of(corpus.db, [found[0].document_id])
        if d.id in direct or d.item_number in about
    ]
    decisions.sort(key=lambda d: d.id not in direct)
    return [" ".join(d.text.split())[:MAX_SAID] for d in decisions[:MAX_DECISIONS]]
