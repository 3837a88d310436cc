"""What the protocols say about a topic: the sentence that holds the answer, or an honest no.

The passages that hold enough of the question's words are searched for; their sentences are
scored in ``findings``. The best answers, if it passes the gate of ``knowledge.qa.reading``;
other findings are shown only when they score close to the first, two at most.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from knowledge.language.text import normalize
from knowledge.qa.answers.findings import Finding, answering_sentences
from knowledge.qa.answers.full_names import with_full_names
from knowledge.qa.answers.help import answer_unknown
from knowledge.qa.answers.shared import (
    TOLD_DECISION,
    needed,
    not_found,
    resolve_meetings,
    topic_terms,
)
from knowledge.qa.citations import cite, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.reading import (
    KIND_NAMES,
    PERSON,
    Wanted,
    wanted,
    weigh,
)
from knowledge.qa.search import expand, search
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import TOPIC, Answer, Block, Choice, Hit, Query, Term

HITS_PER_PAGE = 3
CANDIDATE_PASSAGES = 12
CLOSE = 0.8  # another finding is shown when it scores at least this share of the first
_OUTCOME = re.compile(
    r"\bvad (hande|blev det av)\b|\bhur gick det\b"
    r"|\bblev det (nagot|nat|nanting|nagonting) (med|av)\b"
)
_ASKS_PROPOSAL = re.compile(r"\bforsl\w*|\bforeslog\w*|\bforeslag\w*|\btema\w*")


def subject_terms(corpus: Corpus, query: Query, today: date) -> tuple[str, list[Term]] | Answer:
    """The question's subject and its search terms, or the answer when there is none to
    search for: "not understood" without a subject, an honest no when no document knows it."""
    topic = topic_terms(corpus, query)
    if topic is None:
        return answer_unknown(corpus, query, today)
    phrase, terms = topic
    if not terms:
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    return phrase, terms


def answer_topic(
    corpus: Corpus,
    query: Query,
    today: date,
    *,
    saying: re.Pattern[str] | None = None,
    prefer: re.Pattern[str] | None = None,
) -> Answer:
    """The sentence that answers as the headline, close seconds as blocks, each cited;
    with ``saying``, only a sentence that matches it answers; with ``prefer``, such sentences
    answer when there are any (a decision told in prose), else any that answers."""
    answer = _answer_topic(corpus, query, today, saying=saying, prefer=prefer)
    if not answer.found and query.council and query.month and _dated(query):
        # "huvudtemat på chefsgruppen i juni": what a council did in a month it did not meet
        # is told in others' protocols
        query = replace(query, council=None)
    if not answer.found and query.month and _dated(query):
        # "uppföljningen juni–september 2021": some body met that month, but what was asked
        # is the subject's own period, told in another document
        period = _answer_topic(corpus, query, today, saying=saying, prefer=prefer, period=True)
        answer = period if period.found else answer
    if not answer.found and query.document_kind:
        # "enligt rapporten om äldre": a report presented at a meeting is told in its protocol
        anywhere = replace(query, document_kind=None)
        fallback = _answer_topic(corpus, anywhere, today, saying=saying, prefer=prefer)
        answer = fallback if fallback.found else answer
    return answer


def _answer_topic(
    corpus: Corpus,
    query: Query,
    today: date,
    *,
    saying: re.Pattern[str] | None,
    prefer: re.Pattern[str] | None,
    period: bool = False,
) -> Answer:
    """The answer; with ``period``, the question's date is read as its subject's period."""
    topic = subject_terms(corpus, query, today)
    if isinstance(topic, Answer):
        return topic
    if prefer is None and _OUTCOME.search(query.folded):
        prefer = TOLD_DECISION  # "vad hände med planen": what was decided is what became of it
    phrase, terms = topic
    meetings = resolve_meetings(corpus, query, today)
    hits = _hits(corpus, query, terms, meetings)
    named_period: date | None = None
    if period or meetings == [] and _dated(query):
        # "uppföljningen juni–september 2021", "behållningen 31 januari 2024": when no meeting
        # was held that day or month, the date is the subject's; the answer must name it.
        named_period = _period(query)
        undated = replace(query, meeting_date=None, month=None, year=None)
        hits = _hits(corpus, query, terms, resolve_meetings(corpus, undated, today))
    if not hits:
        return not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    want = wanted(query.folded, STOPWORDS, lambda word: expand(corpus, word).verb)
    weights = weigh(corpus, terms, query.text, also_required=query.municipality)
    findings = answering_sentences(corpus, query, terms, weights, want, hits, period=named_period)
    if not findings and _ASKS_PROPOSAL.search(query.folded):
        # "vad var förslaget om …": nothing said of it but its proposal as a theme
        findings = answering_sentences(
            corpus, query, terms, weights, want, hits, themes=True, period=named_period
        )
    if saying is not None:
        findings = [f for f in findings if saying.search(f.sentence)]
    if prefer is not None:
        preferred = _one_per_item([f for f in findings if prefer.search(f.sentence)])
        findings = preferred or findings
    findings = _one_per_item(findings)
    if not findings:
        return _nothing_that_answers(query, phrase, want, hits[0], corpus)
    first = findings[0].score
    shown = [f for f in findings if f.score >= CLOSE * first]
    page = shown[query.page * HITS_PER_PAGE : (query.page + 1) * HITS_PER_PAGE]
    if not page:
        return not_found(query, f"Det finns inga fler träffar om ”{phrase}”.")
    sources = [hit_source(corpus.db, finding.hit) for finding in page]
    answer = Answer(
        question=query.text,
        intent=TOPIC,
        found=True,
        headline=_headline(query, page[0], corpus if want.kind == PERSON else None),
        blocks=[
            Block(f"Också: {cite(source)}", [finding.sentence])
            for finding, source in zip(page[1:], sources[1:], strict=True)
        ],
        sources=sources,
    )
    if len(shown) > (query.page + 1) * HITS_PER_PAGE:
        answer.choices.append(Choice("Fler träffar", query.text, TOPIC, query.page + 1))
    return answer


def _hits(
    corpus: Corpus, query: Query, terms: list[Term], document_ids: list[int] | None
) -> list[Hit]:
    """The passages that hold enough of the question's words, best first."""
    hits = search(
        corpus,
        terms,
        document_ids=document_ids,
        councils=[query.council] if query.council else None,
        limit=CANDIDATE_PASSAGES + HITS_PER_PAGE * query.page,
        document_kind=query.document_kind,
    )
    # A verb says what happened to the subject, in other words than the minutes' as often as
    # not ("tagit beslut om EP-larm"): the subject's words decide which passages count.
    subject = [t for t in terms if not t.verb] or terms
    hits = [h for h in hits if h.matched >= needed(len(subject))]
    town = normalize(query.municipality or "")
    core = [t for t in subject if not (town and normalize(t.word).startswith(town))]
    verbs = [t for t in terms if t.verb and normalize(t.word) not in _SAY_NOTHING]
    if verbs and len(core) <= 1 and len(subject) > len(core):
        # "vilken förskola i Kumla ska avvecklas": one word and the town (which every passage
        # of the town's minutes holds) are too little; what happened to it must be told too
        hits = [h for h in hits if any(verb.held(set(h.stems)) for verb in verbs)]
    return hits


# Verbs that ask what there is about the subject without saying what happened to it ("vad
# hände med simhallen i Degerfors"): the minutes write what did, never these.
_SAY_NOTHING = frozenset(
    "hande hander hant handa sker skett ske galler gallde sades sags sagts blev blir blivit".split()
)


# A question that names a meeting means that meeting's date, whatever it is about.
_NAMES_MEETING = re.compile(r"\b(mote\w*|protokoll\w*|sammantrade\w*|radsmote\w*)\b")


def _dated(query: Query) -> bool:
    """Whether the question's only reference to a meeting is a date, which may as well be
    the date of what it asks about."""
    named = bool(query.meeting_date or query.month or query.year)
    return named and not query.relative and not _NAMES_MEETING.search(query.folded)


# "Vilken fråga ville chefsgruppen återkomma till?": the item's subject is the answer.
_WHICH_SUBJECT = re.compile(r"\b(vilken|vilket|vilka) (fraga|fragor|arende|arenden|punkt|amne)\b")


def _headline(query: Query, finding: Finding, people: Corpus | None = None) -> str:
    """The answering sentence; asked which question or item, with the item's title first;
    with ``people``, the full names of those it names by first name."""
    title = finding.hit.title.strip()
    if title and _WHICH_SUBJECT.search(query.folded) and title not in finding.sentence:
        return f"{title}: {finding.sentence}"
    if people is not None:
        return with_full_names(people, finding.hit, finding.sentence)
    return finding.sentence


def _period(query: Query) -> date | None:
    """The day or month a question names, as a date (the 1st for a month; year 1 if none)."""
    if query.meeting_date:
        return query.meeting_date
    if query.month:
        year, month = query.month
        return date(year or 1, month, 1)
    return None


def _one_per_item(findings: list[Finding]) -> list[Finding]:
    """The best finding of each item."""
    seen: set[tuple[int, str | None]] = set()
    out = []
    for finding in findings:
        key = (finding.hit.document_id, finding.hit.item_number)
        if key not in seen and finding.score > 0:
            seen.add(key)
            out.append(finding)
    return out


def _nothing_that_answers(
    query: Query, phrase: str, want: Wanted, nearest: Hit, corpus: Corpus
) -> Answer:
    """The subject is there but no sentence holds what was asked: say so, and where it is."""
    missing = KIND_NAMES.get(want.kind or "")
    headline = (
        f"Jag hittar {missing} om ”{phrase}” i protokollen."
        if missing
        else f"Jag hittar inget om ”{phrase}” i protokollen."
    )
    near = cite(hit_source(corpus.db, nearest))
    return not_found(query, headline, [Block("Närmast i protokollen", [near])])
