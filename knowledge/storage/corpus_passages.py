"""The search passages of a document: its items, decisions, themes, report sections and the
prose before its items, each with its Swedish stems (the full-text index is fed by a trigger);
their words go to the vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import sqlite_utils

from knowledge.language.text import stem, words
from knowledge.storage import term_stats, vocabulary
from knowledge.storage.corpus import ROWS_PER_INSERT


class Passage(NamedTuple):
    """A searchable text: an item, decision, theme, report section or the prose before the
    first item."""

    kind: str  # 'item', 'decision', 'theme', 'section', 'preamble'
    ref_id: int  # its id in items, decisions, themes or sections; a preamble's document id
    item_number: str | None  # the item or section number to cite
    title: str
    text: str


def insert_passages(
    db: sqlite_utils.Database, document_id: int, passages: Sequence[Passage], owner: str = ""
) -> None:
    """Index a document's passages for search, and add their words to the vocabulary.

    ``owner`` names whose document it is ("Kommunstyrelsen Askersunds kommun"): its stems are
    matched in every passage, as a question names the body whose minutes never repeat it
    ("Askersunds delårsrapport").
    """
    rows = []
    tokens: set[str] = set()
    owner_stems = [stem(word) for word in words(owner)]
    for kind, ref, number, title, text in passages:
        # Each stem once: the column serves matching; term frequency comes from `text`.
        # Tokens are made distinct before stemming: the same stems, in the same order.
        distinct = dict.fromkeys(words(f"{title} {text}"))
        tokens.update(distinct)
        stemmed = " ".join(dict.fromkeys([*map(stem, distinct), *owner_stems]))
        rows.append((document_id, kind, ref, number, title, text, stemmed))
    # A document's rows in as few statements as can be: FTS5 writes what it holds to a new
    # segment of its index at each statement that fires the passages_ai trigger (a savepoint),
    # so one statement per row made a segment per passage, and merging them was most of the
    # cost of an ingest.
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start : start + ROWS_PER_INSERT]
        db.conn.execute(
            "INSERT INTO passages (document_id, kind, ref_id, item_number, title, text, stemmed)"
            " VALUES " + ",".join(["(?,?,?,?,?,?,?)"] * len(chunk)),
            [value for row in chunk for value in row],
        )
    vocabulary.add_words(db, tokens)
    term_stats.passages_added(db)
