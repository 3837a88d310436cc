"""Full-text search over the passages: exact words, Swedish stems, compounds and misspellings.

Each query word becomes a group of FTS5 alternatives (the word as written, its folded stem,
corpus words that contain it, the closest corpus word if it is misspelt); groups are ANDed, and
if nothing matches them all, ORed and ranked by how many words a passage holds (then bm25).
Among very many matches, the most recent CANDIDATES passages are the ones ranked. User text
only ever reaches FTS5 inside double-quoted strings, so its syntax characters are inert.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import sqlite_utils
from rapidfuzz import fuzz, process

from knowledge.language.text import normalize, root, stem
from knowledge.storage.corpus import words_containing

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Passages ranked per query: the most recent ones that match. FTS5 walks its index backwards
# and scores only these, so a word found in thousands of protocols costs no more than a rare one.
CANDIDATES = 60


@dataclass
class Hit:
    passage_id: int
    document_id: int
    kind: str  # item, decision, theme, section
    ref_id: int
    item_number: str | None
    title: str
    text: str
    rank: float
    matched: int  # how many of the query words it holds
    date: date | None
    councils: list[str]
    doc_title: str
    doc_kind: str


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
    count = db.execute("SELECT max(id) FROM vocabulary").fetchone()[0] or 0
    key = (id(db), count)
    if key not in _VOCABULARY:
        words = {row[0] for row in db.execute("SELECT word FROM vocabulary")}
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
    if not term.exact:
        # The stem alone may still match an inflection the vocabulary holds.
        stems_found = db.execute(
            "SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1",
            [f'stemmed:"{term.stems[0]}"'],
        ).fetchone()
        if not stems_found:
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
    filters = []
    params: list[object] = []
    if kinds:
        filters.append(f"p.kind IN ({','.join('?' * len(kinds))})")
        params.extend(kinds)
    if document_ids is not None:
        if not document_ids:
            return []
        filters.append(f"p.document_id IN ({','.join('?' * len(document_ids))})")
        params.extend(document_ids)
    if councils:
        filters.append(
            "p.document_id IN (SELECT document_id FROM document_councils WHERE council IN "
            f"({','.join('?' * len(councils))})"
            " UNION SELECT id FROM documents WHERE kind = 'report')"
        )
        params.extend(councils)
    if document_kind:
        filters.append("d.kind = ?")
        params.append(document_kind)
    where = "".join(f" AND {f}" for f in filters)
    for joiner in (" AND ", " OR "):
        if joiner == " OR " and len(terms) == 1:
            break
        match = joiner.join(_group(t) for t in terms)
        rows = db.execute(
            "SELECT p.id, p.document_id, p.kind, p.ref_id, p.item_number, p.title, p.text,"
            " bm25(passages_fts, 4.0, 1.0, 1.0) AS rank, d.date, d.title, d.kind, p.stemmed,"
            " (SELECT json_group_array(council) FROM document_councils c"
            "  WHERE c.document_id = p.document_id)"
            " FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
            " JOIN documents d ON d.id = p.document_id"
            f" WHERE passages_fts MATCH ?{where} ORDER BY passages_fts.rowid DESC LIMIT ?",
            [match, *params, CANDIDATES],
        ).fetchall()
        if rows:
            hits = [_hit(row, terms) for row in rows]
            hits.sort(key=lambda h: (-h.matched, h.rank))
            return hits[:limit]
    return []


def _hit(row: tuple[object, ...], terms: list[Term]) -> Hit:
    title, text = str(row[5]), str(row[6])
    stems = set(str(row[11]).split())  # stored at ingestion: no stemming here
    matched = sum(1 for t in terms if not t.all_stems.isdisjoint(stems))
    return Hit(
        passage_id=int(row[0]),  # type: ignore[call-overload]
        document_id=int(row[1]),  # type: ignore[call-overload]
        kind=str(row[2]),
        ref_id=int(row[3]),  # type: ignore[call-overload]
        item_number=row[4] if row[4] is None else str(row[4]),
        title=title,
        text=text,
        rank=float(row[7]),  # type: ignore[arg-type]
        matched=matched,
        date=date.fromisoformat(str(row[8])) if row[8] else None,
        councils=json.loads(str(row[12])),
        doc_title=str(row[9]),
        doc_kind=str(row[10]),
    )
