"""Full-text search over the passages (FTS5, ranked by bm25 over every match) and over item
titles: the rows the question engine reads its answers from."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from knowledge.storage.corpus_queries import _date, _marks


@dataclass(frozen=True)
class Passage:
    """A full-text match: the passage and the document it belongs to."""

    id: int
    document_id: int
    kind: str  # item, decision, theme, section
    ref_id: int
    item_number: str | None
    title: str
    text: str
    stems: set[str]  # stored at ingestion
    rank: float  # bm25, lower is better
    date: dt.date | None
    document_title: str
    document_kind: str
    councils: list[str]


@dataclass(frozen=True)
class ItemTitle:
    """An agenda item found by its title."""

    title: str
    number: str | None
    date: dt.date


def fts_passages(
    db: sqlite_utils.Database,
    match: str,
    *,
    kinds: Sequence[str] | None = None,
    document_ids: Sequence[int] | None = None,
    councils: Sequence[str] | None = None,
    document_kind: str | None = None,
    limit: int,
) -> list[Passage]:
    """The best ``limit`` passages matching the FTS5 expression ``match`` by bm25 (titles weigh
    4) over every match, the latest first among equals; a report belongs to every council."""
    # Every match is ranked inside the index; a filter reads the passages' covering index
    # (passages_filter), not their rows, one probe per match: "+" keeps a list of documents from
    # becoming probes of its own. Only the best ``limit`` rows are then joined to their text.
    joins = ""
    filters = []
    params: list[object] = []
    if kinds or document_ids is not None or councils or document_kind:
        joins = " JOIN passages p INDEXED BY passages_filter ON p.id = passages_fts.rowid"
    if document_kind:
        filters.append("+p.document_id IN (SELECT id FROM documents WHERE kind = ?)")
        params.append(document_kind)
    if kinds:
        filters.append(f"p.kind IN ({_marks(kinds)})")
        params.extend(kinds)
    if document_ids is not None:
        # A document's passages have neighbouring ids: the index reads only rows in their span.
        low, high = db.execute(
            f"SELECT min(id), max(id) FROM passages WHERE document_id IN ({_marks(document_ids)})",
            list(document_ids),
        ).fetchone()
        if low is None:
            return []
        filters.append(
            f"passages_fts.rowid BETWEEN ? AND ? AND +p.document_id IN ({_marks(document_ids)})"
        )
        params.extend([low, high, *document_ids])
    if councils:
        filters.append(
            "+p.document_id IN (SELECT document_id FROM document_councils WHERE council IN "
            f"({_marks(councils)}) UNION SELECT id FROM documents WHERE kind = 'report')"
        )
        params.extend(councils)
    where = "".join(f" AND {f}" for f in filters)
    rows = db.execute(
        "WITH best AS MATERIALIZED (SELECT passages_fts.rowid AS id,"
        " bm25(passages_fts, 4.0, 1.0, 1.0) AS score"
        f" FROM passages_fts{joins} WHERE passages_fts MATCH ?{where}"
        " ORDER BY score, passages_fts.rowid DESC LIMIT ?)"
        " SELECT p.id, p.document_id, p.kind, p.ref_id, p.item_number, p.title, p.text,"
        " best.score, d.date, d.title, d.kind, p.stemmed,"
        " (SELECT json_group_array(council) FROM document_councils c"
        "  WHERE c.document_id = p.document_id)"
        " FROM best JOIN passages p ON p.id = best.id JOIN documents d ON d.id = p.document_id"
        " ORDER BY best.score, best.id DESC",
        [match, *params, limit],
    ).fetchall()
    return [
        Passage(
            id=row[0],
            document_id=row[1],
            kind=row[2],
            ref_id=row[3],
            item_number=row[4],
            title=row[5],
            text=row[6],
            stems=set(row[11].split()),
            rank=float(row[7]),
            date=_date(row[8]),
            document_title=row[9],
            document_kind=row[10],
            councils=json.loads(row[12]),
        )
        for row in rows
    ]


def fts_item_titles(
    db: sqlite_utils.Database, match: str, *, after: dt.date, limit: int = 200
) -> list[ItemTitle]:
    """Agenda items of protocols held after ``after`` whose title matches ``match`` (FTS5)."""
    rows = db.execute(
        "SELECT p.title, p.item_number, d.date FROM passages_fts"
        " JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.document_id"
        " WHERE passages_fts MATCH ? AND p.kind = 'item' AND d.kind = 'protocol' AND d.date > ?"
        " LIMIT ?",
        [match, after.isoformat(), limit],
    ).fetchall()
    return [ItemTitle(row[0], row[1], dt.date.fromisoformat(row[2])) for row in rows]
