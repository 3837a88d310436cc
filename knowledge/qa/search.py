"""Full-text search over the passages: exact words, Swedish stems, compounds and misspellings.

Each query word becomes a group of FTS5 alternatives (the word as written, its folded stem,
corpus words that contain it, the closest corpus word if it is misspelt); groups are ANDed, and
if nothing holds them all, the most common word is dropped until something does (the rare words
a question names are what an answer must hold).
Every match is ranked by bm25 and the best CANDIDATES passages are kept. User text
only ever reaches FTS5 inside double-quoted strings, so its syntax characters are inert.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

import sqlite_utils
from rapidfuzz import fuzz, process

from knowledge.language.abbreviations import expansion
from knowledge.language.dates import MONTH_NAMES, MONTHS
from knowledge.language.synonyms import synonyms
from knowledge.language.text import looks_like_verb, normalize, root, stem
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import Hit, Term
from knowledge.storage import corpus_queries, corpus_search
from knowledge.storage.corpus import words_containing
from knowledge.storage.corpus_search import ItemTitle, Passage

# A stem ending in a doubled consonant ("gemensamm" of "gemensamma") is the word's undoubled
# stem too; so is a neuter's definite form that doubles its m or n before "-et" ("utegymmet",
# "rummet"), which the stemmer keeps.
_UNDOUBLED = re.compile(r"([bdfgklmnprst])\1$|([mn])\2et$")
UNDOUBLED_LENGTH = 6

# A short unknown word stands for the compounds it heads: a root this long, at most this many.
COMPOUND_HEAD_LENGTH = 4
COMPOUND_HEADS = 6

# Passages kept per query, the best by bm25 over every match.
CANDIDATES = 60


@dataclass(frozen=True)
class Vocabulary:
    """Every word of the corpus, to correct and complete query words without a query each."""

    words: set[str]  # lower case
    by_folded: dict[str, str]  # folded -> the shortest word that folds so
    folded: list[str]  # the keys of by_folded, for fuzzy matching

    @classmethod
    def load(cls, db: sqlite_utils.Database) -> Vocabulary:
        """The vocabulary table, read once."""
        words = corpus_queries.vocabulary(db)
        by_folded: dict[str, str] = {}
        for word in sorted(words, key=len):
            by_folded.setdefault(normalize(word), word)
        return cls(words, by_folded, list(by_folded))


def vocabulary(corpus: Corpus) -> Vocabulary:
    """The corpus vocabulary, loaded once per corpus version."""
    return corpus.derived("vocabulary", Vocabulary.load)


def stem_vocabulary(corpus: Corpus) -> None:
    """Stem the corpus's words before the first question (at the bot's start): reading the
    sentences of a question's passages stems every word in them, some ten microseconds each
    the first time. As many words as the stem cache keeps."""
    kept = stem.cache_info().maxsize or 0
    for word in itertools.islice(vocabulary(corpus).words, kept):
        stem(word)


def expand(corpus: Corpus, word: str) -> Term:
    """The FTS terms for one query word; ``known`` is False when the corpus has nothing like it.
    Kept per corpus version: the honesty gate and the search of one question expand the same
    words, each with a vocabulary query."""
    return corpus.per_word(("term", word), lambda: _expand(corpus, word))


def _expand(corpus: Corpus, word: str) -> Term:
    lower = word.lower()
    known = vocabulary(corpus)
    words, folded_map = known.words, known.by_folded
    term = Term(word=word)
    folded = normalize(lower)
    term.verb = looks_like_verb(word) or _present_tense(known, folded)
    if lower in words:
        term.exact.append(lower)
    elif folded in folded_map:
        term.exact.append(folded_map[folded])  # typed without å/ä/ö
    term.stems.append(stem(lower))
    single = _UNDOUBLED.sub(lambda m: m.group(1) or m.group(2), term.stems[0])
    # only a long stem: "sommaren" is no "som", "norra" no "nor"
    long_enough = len(single) >= UNDOUBLED_LENGTH
    if single != term.stems[0] and long_enough and corpus_queries.stem_indexed(corpus.db, single):
        term.stems.append(single)  # "gemensamma" stems to "gemensamm", "gemensam" to itself
    # The stemmer takes a final "s" for a genitive: "prognos" stems to "progno" and
    # "prognosen" to "prognos"; the inflected forms are found by the word's own stem.
    genitive_like = folded.endswith("s") and term.stems[0] == folded[:-1] and len(folded) >= 5
    if genitive_like and corpus_queries.stem_indexed(corpus.db, folded):
        term.stems.append(folded)
    other_form = _syncope(term.stems[0])
    if other_form and corpus_queries.stem_indexed(corpus.db, other_form):
        term.stems.append(other_form)  # "stimulansmedlen": the minutes say "stimulansmedel"
    for other in synonyms(lower):
        if other in words and other not in term.exact:
            term.exact.append(other)  # "totalt": the table says "Summa"
    for other in _compound_synonyms(known, folded):
        if other not in term.exact:
            term.exact.append(other)  # "stimulanspengarna": the minutes say "stimulansmedel"
    month = MONTHS.get(folded)
    if month and MONTH_NAMES[month - 1] != folded:
        term.exact.append(MONTH_NAMES[month - 1])  # "jan-juli": the documents write "januari"
    if len(folded) >= 5:
        base = root(term.exact[0] if term.exact else lower)
        base = base if len(base) >= 5 else (term.exact[0] if term.exact else lower)
        for compound in words_containing(corpus.db, base, limit=12):
            if compound not in term.exact:
                term.exact.append(compound)
    if not term.exact and len(folded) >= 5:
        corrected = _corrected(known, folded, verb=term.verb)
        if corrected:
            term.exact.append(corrected)
            term.stems.append(stem(corrected))
        elif term.verb:
            term.stems += _verb_stem(corpus, folded)
    # The stem alone may still match an inflection the vocabulary holds.
    if not term.exact:
        term.stems = [s for s in term.stems if corpus_queries.stem_indexed(corpus.db, s)]
    definite = lower.endswith(("na", "en", "et"))  # a noun's definite form, no verb's
    if not term.known and definite and len(root(lower)) == COMPOUND_HEAD_LENGTH:
        # "bussarna" where the minutes write "busstrafiken": a short noun nowhere on its own
        # is the head of the compounds it begins, when they are few
        head = root(lower)
        heads = [w for w in words_containing(corpus.db, head, limit=40) if w.startswith(head)]
        if len(heads) <= COMPOUND_HEADS:
            term.exact += heads
    if len(folded) >= COMPOUND_LENGTH and corpus.frequency(term) <= RARE_COMPOUND:
        term.parts = _compound_parts(corpus, known, folded)
    if not term.exact and expansion(word):
        # "ÖK" where the documents write "överenskommelsen": held where its words are
        long_form = [stem(w) for w in expansion(word)]
        if all(corpus_queries.stem_indexed(corpus.db, s) for s in long_form):
            term.parts = long_form
            term.stems = term.stems or long_form[:1]
    return term


_SYNCOPE = re.compile(r"(?<=[^aeiouyåäö])(e?)([lnr])$")


def _syncope(stemmed: str) -> str | None:
    """The stem's other form where Swedish drops an "e" as it inflects ("medel", "medlen";
    "regel", "reglerna"): the stems differ, the word is the same. Long stems only."""
    if len(stemmed) < 6:
        return None
    match = _SYNCOPE.search(stemmed)
    if not match:
        return None
    head = stemmed[: match.start()]
    if head[-1:] in "aeiouyåäö" or not head:
        return None
    return head + ("" if match.group(1) else "e") + match.group(2)


# A misspelt verb is corrected only into another form of itself: long, closer, and a verb.
VERB_LENGTH = 7
VERB_CLOSENESS = 90


def _corrected(known: Vocabulary, folded: str, *, verb: bool) -> str | None:
    """The corpus word ``folded`` misspells, if one is close enough. A verb is corrected only
    into a verb with the same beginning ("reserverde": "reserverade"), never into the nearest
    noun ("hände" is no "handel")."""
    if not verb:
        match = process.extractOne(folded, known.folded, scorer=fuzz.ratio, score_cutoff=85)
        return known.by_folded[match[0]] if match else None
    if len(folded) < VERB_LENGTH:
        return None
    candidates = [w for w in known.folded if w[:4] == folded[:4]]
    match = process.extractOne(folded, candidates, scorer=fuzz.ratio, score_cutoff=VERB_CLOSENESS)
    if match and looks_like_verb(match[0]):
        return known.by_folded[match[0]]
    return None


def _verb_stem(corpus: Corpus, folded: str) -> list[str]:
    """The stem of the verb a misspelt inflection begins with ("reserverde": reserver, as in
    "reserverar"), at least VERB_LENGTH - 1 letters long."""
    for end in range(len(folded) - 1, VERB_LENGTH - 2, -1):
        if corpus_queries.stem_indexed(corpus.db, folded[:end]):
            return [folded[:end]]
    return []


def _compound_synonyms(known: Vocabulary, folded: str) -> list[str]:
    """Corpus words for a compound whose last part has an everyday synonym: "stimulanspengar"
    as "stimulansmedel", "vård-pengar" as "vård-medel"."""
    found = []
    for tail in sorted(_SYNONYM_TAILS, key=len, reverse=True):
        if folded.endswith(tail) and len(folded) > len(tail) + 2:
            head = folded[: -len(tail)]
            for other in _SYNONYM_TAILS[tail]:
                word = known.by_folded.get(head + other)
                if word:
                    found.append(word)
            break
    return found


_SYNONYM_TAILS = {
    "pengar": ("medel", "medlen"),
    "pengarna": ("medlen", "medel"),
    "pengarnas": ("medlens",),
}


def _a_word(corpus: Corpus, known: Vocabulary, folded: str) -> bool:
    return folded in known.by_folded or corpus_queries.stem_indexed(corpus.db, stem(folded))


def _present_tense(known: Vocabulary, folded: str) -> bool:
    """ "betalar", "deltar", "stänger": the present tense, told from a plural noun by the
    documents holding the same verb in another form ("betalade", "betalas", "stängt")."""
    if len(folded) < 5 or not folded.endswith(("ar", "er")):
        return False
    base = folded[:-2]
    forms: tuple[str, ...] = (
        ("a", "ade", "at", "as", "ades") if folded.endswith("ar") else ("de", "des", "t", "ts")
    )
    if folded.endswith("tar"):
        forms += ("og", "agit", "ogs")  # "deltar", "antar": the compounds of "ta" are strong
    return any(base + ending in known.by_folded for ending in forms)


# A compound this long and this rare may be written apart in the documents.
COMPOUND_LENGTH = 10
RARE_COMPOUND = 3


def _compound_parts(corpus: Corpus, known: Vocabulary, folded: str) -> list[str]:
    """The stems of two corpus words that make up ``folded``, the first part as long as can be
    ("totalbudgeten": total, budget; "tillaggsanslag": tillagg, anslag, over a linking s)."""
    for split in range(len(folded) - 5, 3, -1):
        head, tail = folded[:split], folded[split:]
        for first in (head, head[:-1] if head.endswith("s") else ""):
            if len(first) >= 4 and _a_word(corpus, known, first) and _a_word(corpus, known, tail):
                return [stem(first), stem(tail)]
    return []


def _group(term: Term) -> str:
    # A form whose stem the group holds finds no passage the stem does not ("kommunerna" and
    # "kommun"): it is left out, as every alternative is read for every match; the word as
    # written stays, for its count in the text and its weight in a title.
    stems = set(term.stems)
    exact = [w for i, w in enumerate(term.exact) if i == 0 or stem(w) not in stems]
    parts = [f'{{title text}}:"{_quote(w)}"' for w in exact]
    parts += [f'stemmed:"{_quote(s)}"' for s in dict.fromkeys(term.stems)]
    if term.parts:
        parts.append("(" + " AND ".join(f'stemmed:"{_quote(p)}"' for p in term.parts) + ")")
    return "(" + " OR ".join(parts) + ")"


def _quote(value: str) -> str:
    return value.replace('"', '""')


def search(
    corpus: Corpus,
    terms: list[Term],
    *,
    kinds: tuple[str, ...] | None = None,
    document_ids: list[int] | None = None,
    councils: list[str] | None = None,
    limit: int = 10,
    document_kind: str | None = None,
) -> list[Hit]:
    """Passages holding the terms' words, best first; all words if any passage has them all."""
    terms = [t for t in terms if t.known]
    if not terms:
        return []
    if document_ids is not None and not document_ids:
        return []
    # Every word first; then, while nothing holds them all, the rarer words are required and
    # the most common one is dropped: document frequency decides, not a stopword list.

    def passages_with(required: list[Term]) -> list[Passage]:
        return corpus.fts_passages(
            " AND ".join(_group(t) for t in required),
            kinds=kinds,
            document_ids=document_ids,
            councils=councils,
            document_kind=document_kind,
            limit=CANDIDATES,
        )

    # A verb says what happened to the subject: it goes before any noun, however rare.
    by_rarity = sorted(terms, key=lambda t: (t.verb, corpus.frequency(t)))
    found = passages_with(by_rarity)
    if not found and len(by_rarity) == 2 and by_rarity[-1].verb:
        found = passages_with(by_rarity[:1])  # "tagit beslut om EP-larm": in other words
    if not found and len(by_rarity) > 2:
        # One word the passage lacks may be any of them, the rarest too: a stray word of the
        # question ("antog") or a misspelt one. Every choice of the one word left out counts.
        seen: dict[int, Passage] = {}
        for left_out in range(len(by_rarity)):
            for passage in passages_with(by_rarity[:left_out] + by_rarity[left_out + 1 :]):
                seen.setdefault(passage.id, passage)
        found = list(seen.values())
    kept = len(by_rarity) - 2
    while not found and kept > 0:
        found = passages_with(by_rarity[:kept])
        kept -= 1
    hits = [_hit(passage, terms) for passage in found]
    hits.sort(key=lambda h: (-h.matched, h.rank))
    return hits[:limit]


def later_items_titled(db: sqlite_utils.Database, words: list[str], after: date) -> list[ItemTitle]:
    """Agenda items of protocols after ``after`` with any of ``words`` in their title."""
    match = " OR ".join(f'title:"{_quote(w)}"' for w in words)
    return corpus_search.fts_item_titles(db, match, after=after)


def _hit(passage: Passage, terms: list[Term]) -> Hit:
    matched = sum(1 for t in terms if t.held(passage.stems))
    return Hit(**vars(passage), matched=matched)
