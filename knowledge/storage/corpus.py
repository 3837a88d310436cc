"""The corpus store: documents, their parsed parts, and full-text search over them.

Every statement on the corpus tables lives here. Writers take plain values (dates and times as
``datetime`` objects, lists as lists) and store them as the schema says: ISO dates, HH:MM
times, JSON lists. The caller holds the transaction, so a document is stored whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import sqlite_utils

from knowledge.storage import term_stats

# --- Writing a document --------------------------------------------------------------------


def find_document_by_hash(db: sqlite_utils.Database, sha256: str) -> int | None:
    """The id of the document stored from exactly this content, if any."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return int(row[0]) if row else None


class IdentityTaken(Exception):
    """A document read again would become another stored document."""


def delete_document(db: sqlite_utils.Database, document_id: int) -> None:
    """A document and everything read from it (its passages, which no key ties to it)."""
    through = term_stats.forget_document(db, document_id)
    db.execute("DELETE FROM passages WHERE document_id = ?", [document_id])
    term_stats.counts_kept(db, through)
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def replace_document(
    db: sqlite_utils.Database,
    *,
    identity: str,
    sha256: str,
    filename: str,
    kind: str,
    title: str,
    body_type: str | None,
    date: dt.date | None,
    start: dt.time | None,
    end: dt.time | None,
    place: str | None,
    chair: str | None,
    secretary: str | None,
    adjusters: list[str],
    approved: dt.date | None,
    authors: list[str],
    warnings: list[str],
    text: str,
    ingested_at: str,
    paragraphs: str | None = None,
    keep_id: int | None = None,
) -> tuple[int, bool]:
    """Insert a document, deleting an older version of it first; returns (id, replaced).
    With ``keep_id`` the document read again keeps its id (buttons and notices name it);
    IdentityTaken if another document has its new identity."""
    old = db.execute("SELECT id FROM documents WHERE identity = ?", [identity]).fetchone()
    if keep_id is not None:
        if old and old[0] != keep_id:
            raise IdentityTaken(f"document {old[0]} is already {identity}")
        delete_document(db, keep_id)
    elif old:
        delete_document(db, old[0])
    cursor = db.execute(
        "INSERT INTO documents (id, sha256, identity, filename, kind, title, body_type, date,"
        ' start, "end", place, chair, secretary, adjusters, approved, authors, warnings,'
        " text, ingested_at, paragraphs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            keep_id,
            sha256,
            identity,
            filename,
            kind,
            title,
            body_type,
            _iso(date),
            _hm(start),
            _hm(end),
            place,
            chair,
            secretary,
            _json_list(adjusters),
            _iso(approved),
            _json_list(authors),
            _json_list(warnings),
            text,
            ingested_at,
            paragraphs,
        ],
    )
    return int(cursor.lastrowid or 0), bool(old)


def insert_councils(db: sqlite_utils.Database, document_id: int, councils: Iterable[str]) -> None:
    """The councils a document belongs to (a joint meeting has two), each once."""
    db.conn.executemany(
        "INSERT INTO document_councils (document_id, council) VALUES (?, ?)",
        [(document_id, council) for council in dict.fromkeys(councils)],
    )


class AttendeeRow(NamedTuple):
    """One entry of a protocol's attendance lists."""

    name: str
    organisation: str | None
    org_kind: str | None
    role: str
    title: str | None
    note: str | None
    council: str | None
    function: str | None
    party: str | None
    replaces: str | None


def insert_attendees(
    db: sqlite_utils.Database,
    document_id: int,
    attendees: Sequence[AttendeeRow],
    meeting_date: dt.date | None,
) -> None:
    """A protocol's attendance lists in list order, in one statement."""
    db.conn.executemany(
        "INSERT INTO attendees (document_id, position, name, organisation, org_kind, role, title,"
        " note, council, date, function, party, replaces) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                document_id,
                position,
                row.name,
                row.organisation,
                row.org_kind,
                row.role,
                row.title,
                row.note,
                row.council,
                _iso(meeting_date),
                row.function,
                row.party,
                row.replaces,
            )
            for position, row in enumerate(attendees)
        ],
    )


# Rows in one INSERT: at 9 parameters a row, far below SQLite's limit on parameters.
ROWS_PER_INSERT = 500


class ItemRow(NamedTuple):
    """An agenda item of a document."""

    position: int
    number: str
    title: str
    presenters: list[str]
    body: str
    kind: str | None


def insert_items(
    db: sqlite_utils.Database,
    document_id: int,
    items: Sequence[ItemRow],
    meeting_date: dt.date | None,
) -> list[int]:
    """A document's agenda items and their presenters; the items' ids, in order."""
    ids = _insert_rows(
        db,
        "items (document_id, position, number, title, presenters, body, kind)",
        [
            (document_id, i.position, i.number, i.title, _json_list(i.presenters), i.body, i.kind)
            for i in items
        ],
    )
    db.conn.executemany(
        "INSERT INTO presenters (item_id, document_id, name, date) VALUES (?, ?, ?, ?)",
        [
            (item_id, document_id, name, _iso(meeting_date))
            for item_id, item in zip(ids, items, strict=True)
            for name in item.presenters
        ],
    )
    return ids


class DecisionRow(NamedTuple):
    """A decision of an item: amounts (as written, in kronor), dates, whether a formality."""

    item_id: int
    position: int
    number: int | None
    text: str
    explicit: bool
    amounts: Sequence[tuple[str, int]]
    dates: Sequence[dt.date]
    formal: bool = False


def insert_decisions(
    db: sqlite_utils.Database, document_id: int, decisions: Sequence[DecisionRow]
) -> list[int]:
    """A document's decisions; their ids, in order."""
    return _insert_rows(
        db,
        "decisions (document_id, position, item_id, number, text, explicit, amounts, dates,"
        " formal)",
        [
            (
                document_id,
                d.position,
                d.item_id,
                d.number,
                d.text,
                int(d.explicit),
                _json_list([{"text": written, "kronor": kronor} for written, kronor in d.amounts]),
                _json_list([day.isoformat() for day in d.dates]),
                int(d.formal),
            )
            for d in decisions
        ],
    )


class ThemeRow(NamedTuple):
    """A theme proposed for coming meetings."""

    position: int
    text: str
    raised_here: bool
    item_number: str | None


def insert_themes(
    db: sqlite_utils.Database, document_id: int, themes: Sequence[ThemeRow]
) -> list[int]:
    """A document's themes for coming meetings; their ids, in order."""
    return _insert_rows(
        db,
        "themes (document_id, position, text, raised_here, item_number)",
        [(document_id, t.position, t.text, int(t.raised_here), t.item_number) for t in themes],
    )


def _insert_rows(db: sqlite_utils.Database, into: str, rows: list[tuple[object, ...]]) -> list[int]:
    """Rows into ``into`` ("table (columns)"), 500 to a statement (a statement a row was most of
    what storing a document's parts took); their ids, in order. SQLite returns new ids in no set
    order: they are matched to the rows by their position, each row's second value."""
    ids: list[int] = []
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start : start + ROWS_PER_INSERT]
        marks = "(" + ",".join("?" * len(chunk[0])) + ")"
        returned = db.conn.execute(
            f"INSERT INTO {into} VALUES {','.join([marks] * len(chunk))} RETURNING position, id",
            [value for row in chunk for value in row],
        ).fetchall()
        by_position = {position: int(row_id) for position, row_id in returned}
        if len(by_position) != len(chunk):
            raise ValueError(f"two rows of one document at one position: {into}")
        ids.extend(by_position[row[1]] for row in chunk)
    return ids


def insert_section(
    db: sqlite_utils.Database,
    document_id: int,
    *,
    position: int,
    number: str | None,
    title: str,
    body: str,
    level: int,
) -> int:
    """A section of a report; returns its id."""
    section_id = db.conn.execute(
        "INSERT INTO sections (document_id, position, number, title, body, level)"
        " VALUES (?,?,?,?,?,?)",
        [document_id, position, number, title, body, level],
    ).lastrowid
    assert section_id is not None
    return int(section_id)


def insert_scheduled_meeting(
    db: sqlite_utils.Database,
    document_id: int,
    council: str,
    *,
    date: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    place: str | None,
    note: str | None,
    decided: bool,
    source_text: str,
    item_number: str | None,
) -> None:
    """A coming meeting of ``council`` that the document schedules."""
    db.conn.execute(
        'INSERT INTO scheduled_meetings (document_id, council, date, start, "end", place,'
        " note, decided, source_text, item_number) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            document_id,
            council,
            date.isoformat(),
            _hm(start),
            _hm(end),
            place,
            note,
            int(decided),
            source_text,
            item_number,
        ],
    )


def item_ids(db: sqlite_utils.Database, document_id: int) -> dict[int, int]:
    """A document's item ids by the items' positions."""
    rows = db.execute("SELECT position, id FROM items WHERE document_id = ?", [document_id])
    return {int(position): int(item_id) for position, item_id in rows.fetchall()}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _hm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _json_list(values: Sequence[object]) -> str:
    # Most lists (presenters, amounts, dates) are empty: json.dumps would take microseconds.
    return json.dumps(values, ensure_ascii=False) if values else "[]"


# --- Reading a document --------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHeader:
    """A stored document without its text: what it is, when and where, who signed it."""

    kind: str
    title: str
    date: str | None  # ISO date
    start: str | None  # HH:MM
    end: str | None
    place: str | None
    chair: str | None
    secretary: str | None
    adjusters: list[str]
    approved: str | None  # ISO date
    warnings: list[str]


@dataclass(frozen=True)
class DocumentSummary:
    """A stored document's header, its councils and how many parts of each kind it has."""

    header: DocumentHeader
    councils: list[str]
    items: int
    decisions: int
    themes: int
    sections: int


def document_count(db: sqlite_utils.Database) -> int:
    """How many documents the store holds."""
    return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])


def document_header(db: sqlite_utils.Database, document_id: int) -> DocumentHeader:
    """The header of a stored document (KeyError for an unknown id)."""
    row = db.execute(
        'SELECT kind, title, date, start, "end", place, chair, secretary, adjusters, approved,'
        " warnings FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        raise KeyError(document_id)
    return DocumentHeader(
        kind=row[0],
        title=row[1],
        date=row[2],
        start=row[3],
        end=row[4],
        place=row[5],
        chair=row[6],
        secretary=row[7],
        adjusters=json.loads(row[8]),
        approved=row[9],
        warnings=json.loads(row[10]),
    )


def document_councils(db: sqlite_utils.Database, document_id: int) -> list[str]:
    """The councils a stored document belongs to."""
    return [
        row[0]
        for row in db.execute(
            "SELECT council FROM document_councils WHERE document_id = ?", [document_id]
        )
    ]


def document_summary(db: sqlite_utils.Database, document_id: int) -> DocumentSummary:
    """What was stored of a document: its header, councils and the number of each part."""

    # The four counts in one statement: an ingest reads them back for every file.
    counts = db.execute(
        "SELECT (SELECT count(*) FROM items WHERE document_id = :id),"
        " (SELECT count(*) FROM decisions WHERE document_id = :id),"
        " (SELECT count(*) FROM themes WHERE document_id = :id),"
        " (SELECT count(*) FROM sections WHERE document_id = :id)",
        {"id": document_id},
    ).fetchone()
    return DocumentSummary(
        header=document_header(db, document_id),
        councils=document_councils(db, document_id),
        items=int(counts[0]),
        decisions=int(counts[1]),
        themes=int(counts[2]),
        sections=int(counts[3]),
    )


def filename_and_text(db: sqlite_utils.Database, document_id: int) -> tuple[str, str] | None:
    """The name of the file a document was read from, and its cleaned text (None: no such
    document)."""
    row = db.execute("SELECT filename, text FROM documents WHERE id = ?", [document_id]).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def identity_of(db: sqlite_utils.Database, document_id: int) -> str | None:
    """What stays the same across the versions of a document (its meeting, or its title)."""
    row = db.execute("SELECT identity FROM documents WHERE id = ?", [document_id]).fetchone()
    return str(row[0]) if row else None


def decision_texts(db: sqlite_utils.Database, document_id: int) -> list[str]:
    """The texts of a document's decisions, in the order of the document."""
    return [
        row[0]
        for row in db.execute(
            "SELECT text FROM decisions WHERE document_id = ? ORDER BY position", [document_id]
        )
    ]


# --- Searching -----------------------------------------------------------------------------


def words_containing(db: sqlite_utils.Database, fragment: str, limit: int = 50) -> list[str]:
    """Corpus words that contain ``fragment`` (at least 3 characters), most common form first."""
    fragment = fragment.lower().replace('"', "")
    if len(fragment) < 3:
        return []
    rows = db.execute(
        "SELECT word FROM vocabulary_trigram WHERE vocabulary_trigram MATCH ? LIMIT ?",
        [f'"{fragment}"', limit],
    ).fetchall()
    return [row[0] for row in rows]
