"""What the protocols say about a topic: the best sentence of each of the best passages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.qa.answers.help import answer_unknown
from knowledge.qa.answers.shared import needed, not_found, resolve_meetings, topic_terms
from knowledge.qa.citations import cite, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.sentences import best_sentence
from knowledge.qa.types import TOPIC, Answer, Block, Choice, Hit, Query, Term
from knowledge.qa.understand import STOPWORDS
from knowledge.storage import corpus_queries

HITS_PER_PAGE = 3
_NUMBER_QUESTION = re.compile(r"\b(hur manga|hur mycket|vad kostar|kostnad|antal|hur stor|belopp)")


@dataclass(frozen=True)
class Finding:
    """The sentence that answers best in one hit, with its score."""

    score: float
    sentence: str
    hit: Hit


def answer_topic(corpus: Corpus, query: Query, today: date) -> Answer:
    """The best sentence on the topic as the headline, the next best as blocks, each cited."""
    topic = topic_terms(corpus, query)
    if topic is None:
        return answer_unknown(corpus, query, today)
    phrase, terms = topic
    if not terms:
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    hits = search(
        corpus.db,
        terms,
        document_ids=resolve_meetings(corpus, query, today),
        councils=[query.council] if query.council else None,
        limit=8 + HITS_PER_PAGE * (query.page + 1),
        document_kind=query.document_kind,
    )
    hits = [h for h in hits if h.matched >= needed(len(terms))]
    if not hits:
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    findings = _findings(corpus, query, terms, hits[: 8 + HITS_PER_PAGE * query.page])
    findings = _one_per_item(findings)
    has_more = len(findings) > (query.page + 1) * HITS_PER_PAGE
    findings = findings[query.page * HITS_PER_PAGE : (query.page + 1) * HITS_PER_PAGE]
    if not findings:
        if query.page:
            return not_found(query, f"Det finns inga fler träffar om ”{phrase}”.")
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    sources = [hit_source(corpus.db, finding.hit) for finding in findings]
    answer = Answer(
        question=query.text,
        intent=TOPIC,
        found=True,
        headline=findings[0].sentence,
        blocks=[
            Block(f"Också: {cite(source)}", [finding.sentence])
            for finding, source in zip(findings[1:], sources[1:], strict=True)
        ],
        sources=sources,
    )
    if has_more:
        answer.choices.append(Choice("Fler träffar", query.text, TOPIC, query.page + 1))
    return answer


def _findings(corpus: Corpus, query: Query, terms: list[Term], hits: list[Hit]) -> list[Finding]:
    """The best sentence of every hit, best first."""
    wants_number = bool(_NUMBER_QUESTION.search(query.folded))
    counted = re.search(r"\bhur (?:manga|mycket) (\w+)", query.folded)
    focus = counted.group(1) if counted and counted.group(1) not in STOPWORDS else None
    wants_list = query.folded.startswith(("vilka ", "vilken ", "vilket "))
    scored: dict[tuple[str, str], tuple[float, str]] = {}
    findings = []
    for hit in hits:
        text = hit.text
        if hit.kind == "decision":
            # A decision alone lacks what was said around it: read it in its item.
            body = corpus_queries.decision_item_body(corpus.db, hit.ref_id)
            text = body if body is not None else text
        key = (hit.title, text)
        if key not in scored:  # the same text in many protocols is scored once
            scored[key] = best_sentence(
                corpus.sentences, hit.title, text, terms, wants_number, focus, wants_list
            )
        score, sentence = scored[key]
        findings.append(Finding(score, sentence, hit))
    findings.sort(key=lambda f: -f.score)
    return findings


def _one_per_item(findings: list[Finding]) -> list[Finding]:
    """The best finding of each item that answers at all."""
    seen: set[tuple[int, str | None]] = set()
    out = []
    for finding in findings:
        key = (finding.hit.document_id, finding.hit.item_number)
        if key in seen or finding.score <= 0:
            continue
        seen.add(key)
        out.append(finding)
    return out
