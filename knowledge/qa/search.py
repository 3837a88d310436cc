"""Full-text search over the passages: exact words, Swedish stems, compounds and misspellings.

Each query word becomes a group of FTS5 alternatives (the word as written, its folded stem,
corpus words that contain it, the closest corpus word if it is misspelt); groups are ANDed, and
if nothing matches them all, ORed and ranked by how many words a passage holds (then bm25).
Among very many matches, the most recent CANDIDATES passages are the ones ranked. User text
only ever reaches FTS5 inside double-quoted strings, so its syntax characters are inert.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import sqlite_utils
from rapidfuzz import fuzz, process

from knowledge.language.text import normalize, root, stem
from knowledge.storage import corpus_queries
from knowledge.storage.corpus import words_containing
from knowledge.storage.corpus_queries import ItemTitle, Passage

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Passages ranked per query: the most recent ones that match. FTS5 walks its index backwards
# and scores only these, so a word found in thousands of protocols costs no more than a rare one.
CANDIDATES = 60


@dataclass(frozen=True)
class Hit(Passage):
    """A passage found for a query, with how many of the query's words it holds."""

    matched: int = 0


@dataclass
class Term:
    """One query word and the FTS terms that stand for it."""

    word: str
    exact: list[str] = field(default_factory=list)  # for the text/title columns
    stems: list[str] = field(default_factory=list)  # for the stemmed column

    @property
    def known(self) -> bool:
        return bool(self.exact or self.stems)

    @cached_property
    def all_stems(self) -> set[str]:
        """Stems of every form that stands for the word: matching is set membership."""
        return set(self.stems) | {stem(w) for w in self.exact}


_VOCABULARY: dict[tuple[int, int], tuple[set[str], dict[str, str], list[str]]] = {}


def _vocabulary(db: sqlite_utils.Database) -> tuple[set[str], dict[str, str], list[str]]:
    """The corpus words (lower case), folded -> word, and the folded list (cached per state)."""
    key = (id(db), corpus_queries.corpus_version(db)[2])
    if key not in _VOCABULARY:
        words = corpus_queries.vocabulary(db)
        folded: dict[str, str] = {}
        for word in sorted(words, key=len):
            folded.setdefault(normalize(word), word)
        _VOCABULARY.clear()
        _VOCABULARY[key] = (words, folded, list(folded))
    return _VOCABULARY[key]


def warm_up(db: sqlite_utils.Database) -> None:
    _vocabulary(db)


def expand(db: sqlite_utils.Database, word: str) -> Term:
    """The FTS terms for one query word; ``known`` is False when the corpus has nothing like it."""
    lower = word.lower()
    words, folded_map, folded_list = _vocabulary(db)
    term = Term(word=word)
    folded = normalize(lower)
    if lower in words:
        term.exact.append(lower)
    elif folded in folded_map:
        term.exact.append(folded_map[folded])  # typed without å/ä/ö
    term.stems.append(stem(lower))
    if len(folded) >= 5:
        base = root(term.exact[0] if term.exact else lower)
        base = base if len(base) >= 5 else (term.exact[0] if term.exact else lower)
        for compound in words_containing(db, base, limit=12):
            if compound not in term.exact:
                term.exact.append(compound)
    if not term.exact and len(folded) >= 5:
        match = process.extractOne(folded, folded_list, scorer=fuzz.ratio, score_cutoff=85)
        if match:
            corrected = folded_map[match[0]]
            term.exact.append(corrected)
            term.stems.append(stem(corrected))
    # The stem alone may still match an inflection the vocabulary holds.
    if not term.exact and not corpus_queries.stem_indexed(db, term.stems[0]):
        term.stems = []
    return term


def _group(term: Term) -> str:
    parts = [f'{{title text}}:"{_quote(w)}"' for w in term.exact]
    parts += [f'stemmed:"{_quote(s)}"' for s in dict.fromkeys(term.stems)]
    return "(" + " OR ".join(parts) + ")"


def _quote(value: str) -> str:
    return value.replace('"', '""')


def search(
    db: sqlite_utils.Database,
    words: list[str],
    *,
    kinds: tuple[str, ...] | None = None,
    document_ids: list[int] | None = None,
    councils: list[str] | None = None,
    limit: int = 10,
    terms: list[Term] | None = None,
    document_kind: str | None = None,
) -> list[Hit]:
    """Passages holding the words, best first; all words if any passage has them all."""
    terms = terms if terms is not None else [expand(db, w) for w in words if _WORD.search(w)]
    terms = [t for t in terms if t.known]
    if not terms:
        return []
    if document_ids is not None and not document_ids:
        return []
    for joiner in (" AND ", " OR "):
        if joiner == " OR " and len(terms) == 1:
            break
        passages = corpus_queries.fts_passages(
            db,
            joiner.join(_group(t) for t in terms),
            kinds=kinds,
            document_ids=document_ids,
            councils=councils,
            document_kind=document_kind,
            limit=CANDIDATES,
        )
        if passages:
            hits = [_hit(passage, terms) for passage in passages]
            hits.sort(key=lambda h: (-h.matched, h.rank))
            return hits[:limit]
    return []


def later_items_titled(db: sqlite_utils.Database, words: list[str], after: date) -> list[ItemTitle]:
    """Agenda items of protocols after ``after`` with any of ``words`` in their title."""
    match = " OR ".join(f'title:"{_quote(w)}"' for w in words)
    return corpus_queries.fts_item_titles(db, match, after=after)


def _hit(passage: Passage, terms: list[Term]) -> Hit:
    matched = sum(1 for t in terms if not t.all_stems.isdisjoint(passage.stems))
    return Hit(**vars(passage), matched=matched)
