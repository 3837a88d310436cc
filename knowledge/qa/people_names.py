"""The person a question names, among everyone the protocols list: a full name, or a surname
alone when no other first name stands before it; organisations in attendance lists are nobody."""

from __future__ import annotations

import re

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.text import normalize
from knowledge.qa.corpus import Corpus
from knowledge.qa.stopwords import STOPWORDS
from knowledge.storage import corpus_queries, term_stats


def known_people(corpus: Corpus) -> list[tuple[str, list[str]]]:
    """Every person named in the store, with the folded tokens of the name."""
    return corpus.derived("people", _load_people)


def _load_people(db: sqlite_utils.Database) -> list[tuple[str, list[str]]]:
    return [
        (n, normalize(n).split())
        for n in sorted(corpus_queries.person_names(db))
        if not _ORGANISATION.search(normalize(n))
    ]


# An attendance list also names organisations ("Brottsofferjouren Sydnärke"): they are nobody.
_ORGANISATION = re.compile(
    r"^\S{13,}|\b\w*(jouren|foreningen|forbundet|kommun|region|namnden|styrelsen|radet|"
    r"forvaltningen|gruppen|enheten|bolaget|ab)\b"
)


_TOWNS = {normalize(m) for m in MUNICIPALITIES}


def find_person(corpus: Corpus, folded: str) -> str | None:
    # A town is no surname, however close ("Hallsberg", "Hallberg").
    tokens = [
        t
        for t in re.findall(r"[a-z0-9-]+", folded)
        if len(t) >= 2 and t not in _TOWNS and t.rstrip("s") not in _TOWNS
    ]
    if not tokens:
        return None
    best: tuple[float, str] | None = None
    for name, parts in known_people(corpus):
        matched = 0.0
        for part in parts:
            score = max((fuzz.ratio(part, t) for t in tokens), default=0)
            if score >= 85:
                matched += score
        if not matched:
            continue
        full = all(max((fuzz.ratio(p, t) for t in tokens), default=0) >= 85 for p in parts)
        surname_only = (
            not full
            and len(parts) >= 2
            and len(parts[-1]) >= 5
            and _surname_alone(parts[-1], tokens)
            and not _a_word_of_its_own(corpus, parts[-1], tokens)
        )
        if full or surname_only:
            score = matched + (100 if full else 0)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


def _a_word_of_its_own(corpus: Corpus, surname: str, tokens: list[str]) -> bool:
    """Whether the word that is close to ``surname`` but not it is one the documents use
    themselves: "Hagaberg" (a place in Askersund) is no misspelt "Hagberg"."""
    near = [t for t in tokens if t != surname and fuzz.ratio(surname, t) >= 90]
    return any(_used(corpus, token) for token in near)


def _used(corpus: Corpus, word: str) -> bool:
    def count() -> int:
        return term_stats.document_frequencies(corpus.db, [word])[word]

    return corpus.per_word(("df-word", word), count) > 0


def _surname_alone(surname: str, tokens: list[str]) -> bool:
    """Whether the question names ``surname`` without another first name before it: "Lilja"
    may be Margareta Lilja, "Arne Lilja" is someone else."""
    for i, token in enumerate(tokens):
        if fuzz.ratio(surname, token) >= 90:
            before = tokens[i - 1] if i else ""
            return not before or before in STOPWORDS or len(before) <= 2
    return False


def named_organisation(corpus: Corpus, folded: str) -> str | None:
    """The organisation of an attendance list the question names as written ("RF-SISU"), the
    longest when several fit; None for none."""
    named = [
        organisation
        for organisation, pattern in corpus.derived("organisations", _load_organisations)
        if pattern.search(folded)
    ]
    return max(named, key=len) if named else None


def _load_organisations(db: sqlite_utils.Database) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (o, re.compile(rf"(?<![\w-]){re.escape(normalize(o))}(?![\w-])"))
        for o in sorted(corpus_queries.attendee_organisations(db))
        if len(normalize(o)) >= 3
    ]
