"""A search's filters and a word's FTS5 alternatives change what it costs, never what it finds:
filtered searches rank exactly as every match ranked and then filtered, and the forms left out
of a word's group find no passage its stem does not."""

from __future__ import annotations

import pytest
import sqlite_utils

from knowledge.qa.corpus import Corpus
from knowledge.qa.search import _group, _quote, expand
from knowledge.storage import corpus_queries
from knowledge.storage.corpus_queries import Passage

COMMON = '({title text}:"och" OR stemmed:"att")'


def _ranked(db: sqlite_utils.Database) -> list[Passage]:
    everything = corpus_queries.fts_passages(db, COMMON, limit=100_000)
    assert len(everything) > 100
    return everything


def _ids(passages: list[Passage]) -> list[int]:
    return [p.id for p in passages]


def test_filtered_searches_rank_as_every_match_filtered(corpus_db: sqlite_utils.Database) -> None:
    everything = _ranked(corpus_db)
    documents = sorted({p.document_id for p in everything})
    apart = [documents[0], documents[-1]]  # not neighbours: their passages' ids are apart
    cases = [
        ({"kinds": ("decision",)}, lambda p: p.kind == "decision"),
        ({"kinds": ("item", "theme")}, lambda p: p.kind in ("item", "theme")),
        ({"document_ids": apart}, lambda p: p.document_id in apart),
        (
            {"councils": ["chefsgrupp"]},
            lambda p: "chefsgrupp" in p.councils or p.document_kind == "report",
        ),
        ({"document_kind": "report"}, lambda p: p.document_kind == "report"),
        (
            {"kinds": ("decision",), "councils": ["social"], "document_kind": "protocol"},
            lambda p: p.kind == "decision" and "social" in p.councils,
        ),
    ]
    for filters, keep in cases:
        expected = [p for p in everything if keep(p)][:20]
        assert expected, filters
        found = corpus_queries.fts_passages(corpus_db, COMMON, limit=20, **filters)  # type: ignore[arg-type]
        assert _ids(found) == _ids(expected), filters


def test_no_passage_of_unknown_documents(corpus_db: sqlite_utils.Database) -> None:
    assert corpus_queries.fts_passages(corpus_db, COMMON, document_ids=[10**9], limit=5) == []


@pytest.mark.parametrize("word", ["kommuner", "hälsa", "placerade", "barnen", "överenskommelsen"])
def test_a_words_group_finds_what_all_its_forms_find(
    corpus_db: sqlite_utils.Database, word: str
) -> None:
    corpus = Corpus(corpus_db)
    corpus.refresh()
    term = expand(corpus, word)
    every_form = [f'{{title text}}:"{_quote(w)}"' for w in term.exact]
    every_form += [f'stemmed:"{_quote(s)}"' for s in term.stems]
    full = "(" + " OR ".join(every_form) + ")"
    group = _group(term)
    assert len(group) <= len(full)

    def rows(match: str) -> set[int]:
        return {
            r[0]
            for r in corpus_db.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", [match]
            )
        }

    assert rows(group) == rows(full)
    assert rows(group)
