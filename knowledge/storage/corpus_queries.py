"""Reading the corpus tables: every query question answering makes, with typed rows.

The tables are defined in ``corpus.py``; this module only reads them. Dates come back as
``date``, clock times as ``time`` and JSON columns decoded, so callers hold no SQL and no
column positions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass(frozen=True)
class Document:
    """A protocol's or report's header fields, with its councils (in the order stored)."""

    id: int
    kind: str  # "protocol" or "report"
    title: str
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    place: str | None
    chair: str | None
    secretary: str | None
    adjusters: list[str]
    approved: dt.date | None
    councils: list[str]


@dataclass(frozen=True)
class Item:
    """An agenda item of a protocol."""

    number: str
    title: str
    presenters: list[str]
    kind: str | None


@dataclass(frozen=True)
class Attendance:
    """One person in one protocol's list of attendees."""

    name: str
    organisation: str | None
    role: str
    title: str | None
    note: str | None
    council: str | None
    document_id: int
    date: dt.date | None
    function: str | None = None  # "ordförande", "tjänstgörande ersättare", ...
    replaces: str | None = None  # whom a substitute served for


@dataclass(frozen=True)
class Presentation:
    """An item a person presented."""

    item_number: str
    item_title: str
    document_id: int
    date: dt.date | None


@dataclass(frozen=True)
class Decision:
    """A decision with the item it was taken under."""

    id: int
    document_id: int
    item_number: str
    item_title: str
    text: str
    amounts: list[dict[str, Any]]  # [{"text": ..., "kronor": ...}]
    formal: bool = False  # the agenda, the last minutes, the justerare


@dataclass(frozen=True)
class ThemeMention:
    """One wording of a theme for coming meetings, at its latest mention."""

    text: str
    date: dt.date
    item_number: str | None
    document_id: int


@dataclass(frozen=True)
class RaisedTheme:
    """A theme listed in one protocol; ``raised_here`` is False when it stood there before."""

    text: str
    raised_here: bool
    item_number: str | None


def corpus_version(db: sqlite_utils.Database) -> tuple[int, int, int, int]:
    """(documents, highest document id, highest vocabulary id, commits by other connections):
    changes with every ingest, also one that replaces the latest document (same id)."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM documents),"
        " (SELECT coalesce(max(id), 0) FROM vocabulary)"
    ).fetchone()
    # data_version moves when another connection commits: the bot's uploads and `samrad ingest`.
    changes = db.execute("PRAGMA data_version").fetchone()[0]
    return int(row[0]), int(row[1]), int(row[2]), int(changes)


def vocabulary(db: sqlite_utils.Database) -> set[str]:
    """Every word of the corpus, in lower case."""
    return {row[0] for row in db.execute("SELECT word FROM vocabulary")}


def stem_indexed(db: sqlite_utils.Database, stem: str) -> bool:
    """Whether any passage holds a word with this stem."""
    row = db.execute(
        "SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1",
        [f'stemmed:"{_quote(stem)}"'],
    ).fetchone()
    return row is not None


def person_names(db: sqlite_utils.Database) -> set[str]:
    """Everyone the protocols name: attendees, presenters, chairs and secretaries."""
    names: set[str] = set()
    names.update(row[0] for row in db.execute("SELECT DISTINCT name FROM attendees"))
    names.update(row[0] for row in db.execute("SELECT DISTINCT name FROM presenters"))
    for row in db.execute("SELECT chair, secretary FROM documents"):
        names.update(name for name in row if name)
    return names


def document(db: sqlite_utils.Database, document_id: int) -> Document:
    """The header fields of one document."""
    row = db.execute(
        'SELECT id, kind, title, date, start, "end", place, chair, secretary, adjusters,'
        " approved FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    return Document(
        id=row[0],
        kind=row[1],
        title=row[2],
        date=_date(row[3]),
        start=dt.time.fromisoformat(row[4]) if row[4] else None,
        end=dt.time.fromisoformat(row[5]) if row[5] else None,
        place=row[6],
        chair=row[7],
        secretary=row[8],
        adjusters=json.loads(row[9]),
        approved=_date(row[10]),
        councils=councils_of(db, document_id),
    )


def authored(db: sqlite_utils.Database) -> list[tuple[int, str, list[str]]]:
    """Every document whose authors are known (reports): its id, title and authors."""
    rows = db.execute("SELECT id, title, authors FROM documents WHERE authors != '[]'")
    return [(row[0], row[1], json.loads(row[2])) for row in rows]


def councils_of(db: sqlite_utils.Database, document_id: int) -> list[str]:
    """The councils a document belongs to (a joint meeting has several)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT council FROM document_councils WHERE document_id = ? ORDER BY rowid",
            [document_id],
        )
    ]


def protocols(
    db: sqlite_utils.Database,
    councils: Sequence[str] | None = None,
    *,
    on: dt.date | None = None,
    year: int | None = None,
    month: int | None = None,
    until: dt.date | None = None,
    latest_first: bool = False,
    limit: int | None = None,
    kind: str = "protocol",
) -> list[tuple[int, dt.date]]:
    """Dated protocols (id, date) of the councils, by date: held ``on`` a day, in a month (of a
    year, or of any year), up to ``until``; documents of another ``kind`` alike."""
    sql = "SELECT DISTINCT d.id, d.date FROM documents d"
    args: list[object] = []
    if councils:
        sql += f" JOIN document_councils c ON c.document_id = d.id AND c.council IN ({_marks(councils)})"  # noqa: E501
        args.extend(councils)
    sql += " WHERE d.kind = ? AND d.date IS NOT NULL"
    args.append(kind)
    if on is not None:
        sql += " AND d.date = ?"
        args.append(on.isoformat())
    # A month or a year is a range of ISO dates, which the (kind, date) index reads alone.
    if month is not None and year is not None:
        sql += " AND d.date BETWEEN ? AND ?"
        args.extend([f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-31"])
    elif month is not None:
        sql += " AND substr(d.date, 6, 2) = ?"
        args.append(f"{month:02d}")
    elif year is not None:
        sql += " AND d.date BETWEEN ? AND ?"
        args.extend([f"{year:04d}-01-01", f"{year:04d}-12-31"])
    if until is not None:
        sql += " AND d.date <= ?"
        args.append(until.isoformat())
    sql += " ORDER BY d.date" + (" DESC" if latest_first else "")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [(row[0], dt.date.fromisoformat(row[1])) for row in db.execute(sql, args)]


def item_title(db: sqlite_utils.Database, document_id: int, number: str | None) -> str | None:
    """The title of item ``number`` of a document, or None."""
    row = db.execute(
        "SELECT title FROM items WHERE document_id = ? AND number = ?", [document_id, number]
    ).fetchone()
    return row[0] if row else None


def items_of(db: sqlite_utils.Database, document_id: int) -> list[Item]:
    """A protocol's agenda, in order."""
    return [
        Item(number=row[0], title=row[1], presenters=json.loads(row[2]), kind=row[3])
        for row in db.execute(
            "SELECT number, title, presenters, kind FROM items WHERE document_id = ?"
            " ORDER BY position",
            [document_id],
        )
    ]


def item_text(db: sqlite_utils.Database, document_id: int, number: str) -> str | None:
    """The text of one item of a protocol, as its passages hold it."""
    rows = db.execute(
        "SELECT text FROM passages WHERE document_id = ? AND item_number = ? AND kind = 'item'"
        " ORDER BY id",
        [document_id, number],
    ).fetchall()
    return "\n\n".join(row[0] for row in rows) or None


_ATTENDANCE = (
    "SELECT a.name, a.organisation, a.role, a.title, a.note, a.council, a.document_id, a.date,"
    " a.function, a.replaces FROM attendees a"
)


def attendees_of(db: sqlite_utils.Database, document_id: int) -> list[Attendance]:
    """A protocol's list of attendees, in order."""
    rows = db.execute(f"{_ATTENDANCE} WHERE a.document_id = ? ORDER BY a.position", [document_id])
    return [_attendance(row) for row in rows]


def attendances(db: sqlite_utils.Database, name: str, limit: int) -> list[Attendance]:
    """The meetings a person is listed at, latest first."""
    rows = db.execute(f"{_ATTENDANCE} WHERE a.name = ? ORDER BY a.date DESC LIMIT ?", [name, limit])
    return [_attendance(row) for row in rows]


def substituted_for(db: sqlite_utils.Database, name: str) -> list[Attendance]:
    """Attendees who stood in for ``name`` (by the list's "ersätter Eva Persson", in a note or
    read as whom they replace), latest first; the match ignores case."""
    rows = db.execute(
        f"{_ATTENDANCE} WHERE a.note LIKE ? OR a.replaces = ? COLLATE NOCASE ORDER BY a.date DESC",
        [f"%ersätter {name}%", name],
    )
    return [_attendance(row) for row in rows]


def titles(db: sqlite_utils.Database) -> set[str]:
    """Every title an attendance list gives someone ("förbundschef", "ekonom"), and every
    function beside a name ("vice ordförande", "kassör")."""
    rows = db.execute(
        "SELECT DISTINCT title FROM attendees WHERE title IS NOT NULL AND title != ''"
        " UNION SELECT DISTINCT function FROM attendees"
        " WHERE function IS NOT NULL AND function != ''"
    )
    return {row[0] for row in rows}


def titled(db: sqlite_utils.Database, title: str) -> list[Attendance]:
    """Attendees listed with ``title`` or in that function, latest first; "vice ordförande"
    is also the "1:e vice ordförande"."""
    rows = db.execute(
        f"{_ATTENDANCE} WHERE lower(a.title) = lower(?) OR lower(a.function) = lower(?)"
        " OR lower(a.function) LIKE '_:e ' || lower(?) ORDER BY a.date DESC",
        [title, title, title],
    )
    return [_attendance(row) for row in rows]


def attendance_count(db: sqlite_utils.Database, name: str) -> int:
    """How many meetings a person is listed at."""
    return int(db.execute("SELECT count(*) FROM attendees WHERE name = ?", [name]).fetchone()[0])


def representatives(
    db: sqlite_utils.Database,
    council: str,
    organisation: str,
    roles: Sequence[str],
    limit: int = 200,
) -> list[Attendance]:
    """An organisation's people in these roles at the council's meetings, latest first."""
    rows = db.execute(
        f"{_ATTENDANCE} JOIN document_councils c ON c.document_id = a.document_id AND c.council = ?"
        f" WHERE a.organisation = ? AND a.role IN ({_marks(roles)})"
        " AND (a.council IS NULL OR a.council = ?) ORDER BY a.date DESC LIMIT ?",
        [council, organisation, *roles, council, limit],
    )
    return [_attendance(row) for row in rows]


def attendee_organisations(db: sqlite_utils.Database) -> set[str]:
    """Every organisation an attendance list names ("RF-SISU", "Örebro kommun")."""
    rows = db.execute("SELECT DISTINCT organisation FROM attendees WHERE organisation != ''")
    return {row[0] for row in rows if row[0]}


def presentations(db: sqlite_utils.Database, name: str, limit: int) -> list[Presentation]:
    """The items a person presented, latest first."""
    rows = db.execute(
        "SELECT i.number, i.title, p.document_id, p.date FROM presenters p"
        " JOIN items i ON i.id = p.item_id WHERE p.name = ? ORDER BY p.date DESC LIMIT ?",
        [name, limit],
    )
    return [Presentation(row[0], row[1], row[2], _date(row[3])) for row in rows]


def meetings_chaired(db: sqlite_utils.Database, name: str) -> list[dt.date | None]:
    """The dates of the documents a person chaired, latest first."""
    rows = db.execute("SELECT date FROM documents WHERE chair = ? ORDER BY date DESC", [name])
    return [_date(row[0]) for row in rows]


_DECISION = (
    "SELECT d.id, d.document_id, i.number, i.title, d.text, d.amounts, d.formal FROM decisions d"
    " JOIN items i ON i.id = d.item_id"
)


def decision(db: sqlite_utils.Database, decision_id: int) -> Decision:
    """One decision with its item."""
    return _decision(db.execute(f"{_DECISION} WHERE d.id = ?", [decision_id]).fetchone())


def decisions_of(db: sqlite_utils.Database, document_ids: Sequence[int]) -> list[Decision]:
    """Every decision of these documents, document by document, in order."""
    if not document_ids:
        return []
    rows = db.execute(
        f"{_DECISION} WHERE d.document_id IN ({_marks(document_ids)})"
        " ORDER BY d.document_id, d.position",
        list(document_ids),
    )
    return [_decision(row) for row in rows]


def decision_item_body(db: sqlite_utils.Database, decision_id: int) -> str | None:
    """The text of the item a decision was taken under."""
    row = db.execute(
        "SELECT i.body FROM decisions d JOIN items i ON i.id = d.item_id WHERE d.id = ?",
        [decision_id],
    ).fetchone()
    return row[0] if row else None


def theme_mentions(db: sqlite_utils.Database, councils: Sequence[str] | None) -> list[ThemeMention]:
    """Each distinct wording of a theme with its latest mention, first proposed first."""
    join = ""
    params: list[object] = []
    if councils:
        join = f" JOIN document_councils c ON c.document_id = d.id AND c.council IN ({_marks(councils)})"  # noqa: E501
        params = list(councils)
    # SQLite takes the other columns from the row that holds max().
    rows = db.execute(
        "SELECT t.text, max(d.date), t.item_number, t.document_id FROM themes t"
        f" JOIN documents d ON d.id = t.document_id{join} GROUP BY t.text ORDER BY min(d.date)",
        params,
    )
    return [ThemeMention(row[0], dt.date.fromisoformat(row[1]), row[2], row[3]) for row in rows]


def themes_of(db: sqlite_utils.Database, document_id: int) -> list[RaisedTheme]:
    """The themes for coming meetings one protocol lists, in order."""
    rows = db.execute(
        "SELECT text, raised_here, item_number FROM themes WHERE document_id = ? ORDER BY position",
        [document_id],
    )
    return [RaisedTheme(row[0], bool(row[1]), row[2]) for row in rows]


def _attendance(row: tuple[Any, ...]) -> Attendance:
    return Attendance(
        name=row[0],
        organisation=row[1],
        role=row[2],
        title=row[3],
        note=row[4],
        council=row[5],
        document_id=row[6],
        date=_date(row[7]),
        function=row[8],
        replaces=row[9],
    )


def _decision(row: tuple[Any, ...]) -> Decision:
    return Decision(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), bool(row[6]))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _quote(value: str) -> str:
    """A string inside an FTS5 double-quoted term: its own quotes doubled."""
    return value.replace('"', '""')
