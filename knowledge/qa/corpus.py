"""The corpus as question answering reads it: the database and what is derived from it.

Names, the vocabulary and the themes are read from every protocol, so they are kept between
questions; they are dropped when the corpus version changes (an ingest, even through another
connection) or when the engine is told to forget them (``invalidate``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar, cast

import sqlite_utils

from knowledge.qa.sentences import Sentences
from knowledge.qa.types import Term
from knowledge.storage import corpus_queries, corpus_search, term_stats

T = TypeVar("T")
WORDS_KEPT = 8192
# Searches kept: ranking every match of common words costs tens of milliseconds at ten thousand
# protocols, and "Visa mer" or a question asked again runs the same search.
SEARCHES_KEPT = 64


class Corpus:
    """One database with the values derived from it; one per Engine, never shared."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.sentences = Sentences()
        self._derived: dict[Hashable, object] = {}
        # Per-word values (expanded terms, frequencies): many, small, bounded.
        self._words: OrderedDict[Hashable, object] = OrderedDict()
        self._searches: OrderedDict[Hashable, list[corpus_search.Passage]] = OrderedDict()
        self._version: tuple[int, ...] | None = None

    def refresh(self) -> None:
        """Drop what was derived if the corpus changed since it was read (one cheap query)."""
        version = corpus_queries.corpus_version(self.db)
        if version != self._version:
            self.invalidate()
            self._version = version

    def invalidate(self) -> None:
        """Drop everything derived from the corpus."""
        self._derived.clear()
        self._words.clear()
        self._searches.clear()
        self.sentences.clear()
        self._version = None

    def frequency(self, term: Term) -> int:
        """How many passages hold the word itself (its first form or its stem); cached."""
        forms = tuple(form.lower() for form in (*term.exact[:1], *term.stems))
        return self.per_word(
            ("df", forms),
            lambda: max(term_stats.document_frequencies(self.db, forms).values(), default=0),
        )

    def per_word(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value for one word, kept for this corpus version among the ``WORDS_KEPT`` most
        recently used (questions bring any number of words, misspelt ones too)."""
        if key in self._words:
            self._words.move_to_end(key)
        else:
            self._words[key] = compute()
            if len(self._words) > WORDS_KEPT:
                self._words.popitem(last=False)
        return cast(T, self._words[key])

    def fts_passages(
        self,
        match: str,
        *,
        kinds: Sequence[str] | None = None,
        document_ids: Sequence[int] | None = None,
        councils: Sequence[str] | None = None,
        document_kind: str | None = None,
        limit: int,
    ) -> list[corpus_search.Passage]:
        """``corpus_search.fts_passages``, kept for this corpus version among the
        ``SEARCHES_KEPT`` most recent searches."""
        key = (
            match,
            tuple(kinds or ()),
            None if document_ids is None else tuple(document_ids),
            tuple(councils or ()),
            document_kind,
            limit,
        )
        if key in self._searches:
            self._searches.move_to_end(key)
            return self._searches[key]
        found = corpus_search.fts_passages(
            self.db,
            match,
            kinds=kinds,
            document_ids=document_ids,
            councils=councils,
            document_kind=document_kind,
            limit=limit,
        )
        self._searches[key] = found
        if len(self._searches) > SEARCHES_KEPT:
            self._searches.popitem(last=False)
        return found

    def passage_count(self) -> int:
        """How many passages the corpus has (the N of document frequencies)."""
        return self.derived("passages", term_stats.passage_count)

    def derived(self, key: Hashable, load: Callable[[sqlite_utils.Database], T]) -> T:
        """The value ``load`` derives from the database, loaded once per corpus version."""
        if key not in self._derived:
            self._derived[key] = load(self.db)
        return cast(T, self._derived[key])
