"""What the builders of answers share: examples, the honest "not found", the meetings and
the topic a question points at."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

from knowledge.bodies import SOCIAL
from knowledge.language.text import normalize
from knowledge.qa.bodies import names_body
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import Answer, Block, Query, Term
from knowledge.storage import corpus_bodies, corpus_queries

EXAMPLES = [
    "När är nästa möte?",
    "Vad beslutades om Dietist direkt?",
    "Vilka teman har föreslagits?",
    "Vem var ordförande 6 maj 2022?",
    "Vad sades om placerade barn?",
    "Vem representerar Nora?",
    "Hur har frågan om placerade barn utvecklats?",
    "Skicka protokollet från 6 maj 2022",
    "Meddela mig när barnfattigdom tas upp",
]


# A sentence that tells of a decision in prose.
TOLD_DECISION = re.compile(
    r"\b(beslut\w*|beslöt|fattade|antog|antagit|antogs|godkän\w*|beviljade\w*|avsatt\w*|"
    r"förläng\w*|avbr\w*|fastställ\w*|ställde sig bakom)\b",
    re.IGNORECASE,
)


def default_council(query: Query) -> str:
    """The council "next meeting" and "the latest meeting" are about unless the question names
    one (the engine's default, from the settings); searches cover every council."""
    return query.default_council or SOCIAL


def not_found(query: Query, headline: str, blocks: list[Block] | None = None) -> Answer:
    """An honest "not found": the headline says what is missing, examples say what works."""
    return Answer(
        question=query.text,
        intent=query.intent,
        found=False,
        headline=headline,
        blocks=blocks
        or [Block("Det här kan du fråga om", [f"- {example}" for example in EXAMPLES[:4]])],
    )


def resolve_meetings(corpus: Corpus, query: Query, today: date) -> list[int] | None:
    """Protocols the question points at; None when it names no meeting (nor another body)."""
    if query.body:
        return _body_documents(corpus, query, today)
    councils = [query.council] if query.council else None
    if query.meeting_date and not query.year_given:
        # "mötet 19 nov": the latest protocol of a 19 November up to today.
        day = query.meeting_date
        same_day = [
            (i, d)
            for i, d in corpus_queries.protocols(
                corpus.db, councils, month=day.month, until=today, latest_first=True
            )
            if d.day == day.day
        ]
        if same_day:
            query.meeting_date = same_day[0][1]
            return [i for i, d in same_day if d == same_day[0][1]]
    if query.meeting_date:
        return [i for i, _ in corpus_queries.protocols(corpus.db, councils, on=query.meeting_date)]
    if query.month:
        year, month = query.month
        matching = corpus_queries.protocols(
            corpus.db, councils, year=year, month=month, until=today, latest_first=True
        )
        if matching and not year and not query.municipality:
            # "i maj": the latest May; but "i Nora i maj", the town's May, whichever year
            matching = [(i, d) for i, d in matching if d.year == matching[0][1].year]
        return [i for i, _ in reversed(matching)]
    if query.season:
        year, months = query.season
        return [
            i
            for i, d in corpus_queries.protocols(corpus.db, councils, year=year, until=today)
            if d.month in months
        ]
    if query.year:
        return [i for i, _ in corpus_queries.protocols(corpus.db, councils, year=query.year)]
    if query.relative == "latest":
        home = councils or [default_council(query)]
        latest = corpus_queries.protocols(corpus.db, home, until=today, latest_first=True, limit=1)
        if not latest and not councils:
            latest = corpus_queries.protocols(
                corpus.db, None, until=today, latest_first=True, limit=1
            )
        return [latest[0][0]] if latest else []
    return None


def _body_documents(corpus: Corpus, query: Query, today: date) -> list[int]:
    """The named body's documents, of the meeting or month the question names, if it does."""
    documents = corpus_bodies.body_documents(corpus.db, query.body or "")
    if query.meeting_date:
        day = query.meeting_date
        same = [
            d for d in documents if d.date and (d.date.month, d.date.day) == (day.month, day.day)
        ]
        if query.year_given:
            same = [d for d in same if d.date == day]
        return [d.document_id for d in same[:1]]
    if query.month:
        year, month = query.month
        return [
            d.document_id
            for d in documents
            if d.date and d.date.month == month and (year is None or d.date.year == year)
        ]
    if query.relative == "latest":
        held = [d for d in documents if d.date and d.date <= today]
        return [held[0].document_id] if held else []
    return [d.document_id for d in documents]


def needed(terms: int) -> int:
    """How many of the query's words a passage must hold to count as an answer."""
    return max(2, math.ceil(terms / 2)) if terms > 2 else terms


def title_terms(title: str) -> list[str]:
    """The words of a title worth searching for: no question words, numbers or one-letter
    words ("Färdplan för nära vård 2027–2030" -> färdplan, nära, vård)."""
    return [
        word
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", title)
        if len(word) > 2 and normalize(word) not in STOPWORDS
    ]


MAX_PHRASE = 60


def subject_phrase(query: Query) -> str:
    """The question's subject as the member wrote it ("satsningen på lärplattor"), from its
    first topic word to its last, or the words alone when that span is long."""
    words = query.topic_words
    lower = query.text.lower()
    found = [(lower.find(w.lower()), len(w)) for w in words]
    if any(position < 0 for position, _ in found):
        return " ".join(words)
    start = min(position for position, _ in found)
    end = max(position + length for position, length in found)
    span = query.text[start:end].strip(" ,.?!")
    return span if len(span) <= MAX_PHRASE and "\n" not in span else " ".join(words)


# A question word, and after "vilken" its noun: the finite verb comes next (Swedish puts it
# second): "Vilken vecka stänger simhallen", "När startade …", "Vem leder …".
_BEFORE_VERB = re.compile(
    r"^(?:när|nar|varför|varfor|vem|vad|var|(?:vilken|vilket|vilka) (?P<noun>[\w-]+))"
    r"\s+(?P<verb>[\w-]+)",
    re.I,
)
# The endings of a finite verb: present ("stänger", "startar") and past ("startade", "tog" is
# a short verb of its own); a plural noun ("gatlampor", "riktlinjer") is told by its place.
_FINITE = re.compile(r"(?:ar|er|ir|de|te|dde|tte|des|tes|ades|as|ats|ts)$")
# Words that stand before the noun after "vilka": "vilka nya riktlinjer antogs".
_BEFORE_NOUN = frozenset(
    "nya stora små olika andra fler flera egna gamla viktigaste största senaste kommande "
    "nästa första sista samma två tre fyra".split()
)


def finite_verb(question: str) -> str | None:
    """The word in the verb's place of a question, lower case ("stänger"), if any: after
    "vilken" and its noun only when that noun is no adjective ("vilka nya riktlinjer")."""
    match = _BEFORE_VERB.match(question.strip())
    if not match:
        return None
    noun, verb = match.group("noun"), match.group("verb").lower()
    if noun and (noun.lower() in _BEFORE_NOUN or not _FINITE.search(normalize(verb))):
        return None  # "vilka nya …", "vilka stora …": the noun comes later
    return verb


# A modal verb ("ska", "måste", "kommer att") and the words up to the infinitive it governs.
_MODAL = re.compile(
    r"\b(?:ska|skall|skulle|måste|maste|bör|bor|kan|kunde|får|far|kommer att|behöver|"
    r"behover)\s+(?:(?:inte|ej|också|även|de|dom|vi|ni|[A-ZÅÄÖ]?\w+(?:erna|arna|orna|en|et|na))\s+)?"
    r"(?P<infinitive>[a-zåäö]{3,}a)\b"
)


def _after_modal(question: str) -> set[str]:
    """The infinitives that modal verbs govern in ``question``, lower case."""
    return {m.group("infinitive") for m in _MODAL.finditer(question)}


_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[-–/](?:19|20)\d\d")


def topic_terms(corpus: Corpus, query: Query) -> tuple[str, list[Term]] | None:
    """The topic words as search terms; None without a topic; an empty list when the corpus
    knows none of the significant words."""
    if not query.topic_words:
        return None
    phrase = subject_phrase(query)
    terms = []
    for word in query.topic_words:
        if _YEAR_RANGE.fullmatch(word):
            # "2024-2025": the documents write "2024–2025" or "2024 och 2025"; each year counts
            terms += [expand(corpus, year) for year in re.findall(r"\d{4}", word)]
            continue
        term = expand(corpus, word)
        if term.exact or "-" not in word:
            terms.append(term)
        else:
            # "KPR-möte", "hälsa-pengar": a compound the documents write apart or closed.
            terms += [expand(corpus, part) for part in word.split("-") if len(part) >= 2]
    verb = finite_verb(query.text)
    # "ska kommunerna betala", "kommer X att få": the infinitive after a modal is a verb too
    verbs = {verb} | _after_modal(query.text) if verb else _after_modal(query.text)
    terms = [replace(t, verb=True) if t.word.lower() in verbs else t for t in terms]
    known = [t for t in terms if t.known]
    unknown = [t for t in terms if not t.known and len(t.word) >= 4 and not t.verb]
    if not known or len(unknown) > len(known) or _unheard_subject(query.text, unknown):
        return phrase, []  # the corpus does not speak of this
    return phrase, known


def relation_subject(corpus: Corpus, query: Query, relation_word: re.Pattern[str]) -> list[Term]:
    """The search terms of the question's subject without the words that name the relation
    asked for ("föredrog", "reserverade sig"); empty when nothing else is asked of."""
    words = [w for w in query.topic_words if not relation_word.match(normalize(w))]
    topic = topic_terms(corpus, replace(query, topic_words=words)) if words else None
    return topic[1] if topic else []


# The words that introduce what a question is about: "beslutades om X", "satsningen på X",
# "planen för X".
_SUBJECT_PREPOSITIONS = {"om", "på", "pa", "för", "for", "kring", "angående", "angaende"}


# A word this long that no document holds, not even misspelt or in parts, names a subject.
LONG_WORD = 13


def _unheard_subject(text: str, unknown: list[Term]) -> bool:
    """Whether what the question is about is a word no document holds, not even in parts or
    misspelt ("satsningen på robotdammsugare", "planen för vindkraftverk"): then whatever
    else it shares with the documents, they do not speak of it."""
    tokens = [t.lower() for t in re.findall(r"[\w-]+", text)]
    for term in unknown:
        if len(term.word) < 6 or term.word[:1].isupper() or term.parts:
            continue  # short, a name, or made of words the documents hold: judged elsewhere
        if len(normalize(term.word)) >= LONG_WORD and "-" not in term.word:
            return True  # "svarsfrekvensen", "livsmedelskontroll": a subject of its own
        for i, token in enumerate(tokens):
            if token == term.word.lower() and i and tokens[i - 1] in _SUBJECT_PREPOSITIONS:
                return True
    return False


def unknown_names(corpus: Corpus, query: Query) -> list[str]:
    """Names in the question that no document holds, not even misspelt: "Kulturrådet",
    "Ukraina", "MAS". A name is written with a capital (or in capitals) inside the question;
    a question about it has no answer here, whatever else it shares."""
    person = normalize(query.person or "").split()
    names = []
    for word in query.topic_words:
        if query.body and names_body(corpus, query.body, word):
            continue
        if not word[:1].isupper():
            continue
        if normalize(word) in person or not word.isalpha() and "-" not in word:
            continue
        if expand(corpus, word).known:
            continue
        parts = [part for part in word.split("-") if part]
        if len(parts) > 1 and all(
            expand(corpus, p).known or (query.body and names_body(corpus, query.body, p))
            for p in parts
        ):
            continue  # "KPR-möte", "CROSS-projektet": a name and a word the documents hold
        names.append(word)
    return names
