"""Kallelser (meeting notices with their agenda): what the secretary sent, as read, with the
original file; a draft until she confirms it, then published; a corrected one replaces it.

The records here are plain data: ``ingest`` fills an ``Agenda`` from a file, ``council`` stores
and publishes it, ``qa`` answers from the published ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

import sqlite_utils

from knowledge.storage.schedule import parse_time

MIGRATIONS: list[str] = [
    """
    CREATE TABLE kallelser (
        id INTEGER PRIMARY KEY,
        council TEXT,                  -- the council's key; NULL when the kallelse names none
        body TEXT,                     -- the body as the kallelse names it
        meeting_date TEXT,             -- NULL when no date could be read (never published)
        start TEXT,
        "end" TEXT,
        place TEXT,
        title TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,          -- draft, published, replaced, discarded
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,         -- the original file, sent with the notice
        text TEXT NOT NULL,
        underlag TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]',
        changes TEXT,                  -- JSON: what a corrected kallelse changed
        uploaded_by INTEGER,
        created_at TEXT NOT NULL,
        published_at TEXT
    );
    CREATE INDEX kallelser_meeting ON kallelser(council, meeting_date, status);
    CREATE TABLE kallelse_items (
        kallelse_id INTEGER NOT NULL REFERENCES kallelser(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        presenters TEXT NOT NULL DEFAULT '[]',
        kind TEXT,                     -- beslut, information, diskussion, or NULL
        underlag TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kallelse_id, position)
    );
    """,
]

DRAFT, PUBLISHED, REPLACED, DISCARDED = "draft", "published", "replaced", "discarded"
DECISION, INFORMATION, DISCUSSION = "beslut", "information", "diskussion"


@dataclass
class AgendaItem:
    """An item of the agenda as the kallelse writes it."""

    number: str
    title: str
    presenters: list[str] = field(default_factory=list)
    kind: str | None = None  # DECISION, INFORMATION, DISCUSSION or None (not said)
    underlag: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Agenda:
    """What a kallelse says: the meeting, its items, the underlag it names."""

    council: str | None = None
    body: str | None = None
    meeting_date: date | None = None
    start: time | None = None
    end: time | None = None
    place: str | None = None
    title: str = ""
    items: list[AgendaItem] = field(default_factory=list)
    underlag: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class Kallelse:
    """A stored kallelse: its agenda, and what became of it."""

    id: int
    status: str
    filename: str
    agenda: Agenda
    created_at: str
    published_at: str | None = None
    changes: dict[str, Any] | None = None
    uploaded_by: int | None = None


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def insert(
    db: sqlite_utils.Database,
    agenda: Agenda,
    *,
    filename: str,
    sha256: str,
    content: bytes,
    uploaded_by: int | None,
    at: str,
    changes: dict[str, Any] | None = None,
) -> int:
    """Store a kallelse as a draft with its items; its id."""
    cursor = db.execute(
        'INSERT INTO kallelser (council, body, meeting_date, start, "end", place, title,'
        " status, filename, sha256, content, text, underlag, warnings, changes, uploaded_by,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            agenda.council,
            agenda.body,
            agenda.meeting_date.isoformat() if agenda.meeting_date else None,
            _hhmm(agenda.start),
            _hhmm(agenda.end),
            agenda.place,
            agenda.title,
            DRAFT,
            filename,
            sha256,
            content,
            agenda.text,
            json.dumps(agenda.underlag, ensure_ascii=False),
            json.dumps(agenda.warnings, ensure_ascii=False),
            json.dumps(changes, ensure_ascii=False) if changes is not None else None,
            uploaded_by,
            at,
        ],
    )
    kallelse_id = int(cursor.lastrowid or 0)
    for position, item in enumerate(agenda.items):
        db.execute(
            "INSERT INTO kallelse_items (kallelse_id, position, number, title, presenters, kind,"
            " underlag, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                kallelse_id,
                position,
                item.number,
                item.title,
                json.dumps(item.presenters, ensure_ascii=False),
                item.kind,
                json.dumps(item.underlag, ensure_ascii=False),
                item.note,
            ],
        )
    return kallelse_id


_COLUMNS = (
    'id, council, body, meeting_date, start, "end", place, title, status, filename, text,'
    " underlag, warnings, changes, uploaded_by, created_at, published_at"
)


def _kallelse(db: sqlite_utils.Database, row: Any) -> Kallelse:
    items = [
        AgendaItem(
            number=item[0],
            title=item[1],
            presenters=json.loads(item[2]),
            kind=item[3],
            underlag=json.loads(item[4]),
            note=item[5],
        )
        for item in db.execute(
            "SELECT number, title, presenters, kind, underlag, note FROM kallelse_items"
            " WHERE kallelse_id = ? ORDER BY position",
            [row[0]],
        )
    ]
    agenda = Agenda(
        council=row[1],
        body=row[2],
        meeting_date=date.fromisoformat(row[3]) if row[3] else None,
        start=parse_time(row[4]),
        end=parse_time(row[5]),
        place=row[6],
        title=row[7],
        items=items,
        underlag=json.loads(row[11]),
        warnings=json.loads(row[12]),
        text=row[10],
    )
    return Kallelse(
        id=row[0],
        status=row[8],
        filename=row[9],
        agenda=agenda,
        created_at=row[15],
        published_at=row[16],
        changes=json.loads(row[13]) if row[13] else None,
        uploaded_by=row[14],
    )


def get(db: sqlite_utils.Database, kallelse_id: int) -> Kallelse | None:
    """The kallelse with this id."""
    row = db.execute(f"SELECT {_COLUMNS} FROM kallelser WHERE id = ?", [kallelse_id]).fetchone()
    return _kallelse(db, row) if row else None


def published(db: sqlite_utils.Database, council: str, day: date) -> Kallelse | None:
    """The published kallelse to the council's meeting that day."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM kallelser WHERE council = ? AND meeting_date = ?"
        " AND status = ? ORDER BY id DESC LIMIT 1",
        [council, day.isoformat(), PUBLISHED],
    ).fetchone()
    return _kallelse(db, row) if row else None


def sent_versions(db: sqlite_utils.Database, council: str, day: date) -> list[Kallelse]:
    """The kallelser published to the council's meeting that day, the one in force and those
    it replaced, latest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM kallelser WHERE council = ? AND meeting_date = ?"
        " AND status IN (?, ?) ORDER BY id DESC",
        [council, day.isoformat(), PUBLISHED, REPLACED],
    ).fetchall()
    return [_kallelse(db, row) for row in rows]


def move(db: sqlite_utils.Database, council: str, day: date, to_day: date) -> int:
    """The kallelser to the council's meeting of ``day`` now belong to it on ``to_day`` (the
    meeting moved); how many."""
    cursor = db.execute(
        "UPDATE kallelser SET meeting_date = ? WHERE council = ? AND meeting_date = ?",
        [to_day.isoformat(), council, day.isoformat()],
    )
    return int(cursor.rowcount)


def published_all(
    db: sqlite_utils.Database, council: str | None = None, until: date | None = None
) -> list[Kallelse]:
    """Every published kallelse (of ``council``, to meetings up to ``until``), latest first."""
    sql = f"SELECT {_COLUMNS} FROM kallelser WHERE status = ?"
    params: list[object] = [PUBLISHED]
    if council:
        sql += " AND council = ?"
        params.append(council)
    if until:
        sql += " AND meeting_date <= ?"
        params.append(until.isoformat())
    rows = db.execute(sql + " ORDER BY meeting_date DESC, id DESC", params).fetchall()
    return [_kallelse(db, row) for row in rows]


def draft_with_hash(db: sqlite_utils.Database, sha256: str) -> Kallelse | None:
    """The latest kallelse with this content, draft or published (a file sent twice)."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM kallelser WHERE sha256 = ? AND status IN (?, ?)"
        " ORDER BY id DESC LIMIT 1",
        [sha256, DRAFT, PUBLISHED],
    ).fetchone()
    return _kallelse(db, row) if row else None


def set_status(
    db: sqlite_utils.Database,
    kallelse_id: int,
    status: str,
    *,
    at: str | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    """Move a kallelse to ``status`` (published: when, and what it changed)."""
    if status == PUBLISHED:
        db.execute(
            "UPDATE kallelser SET status = ?, published_at = ?, changes = ? WHERE id = ?",
            [
                status,
                at,
                json.dumps(changes, ensure_ascii=False) if changes is not None else None,
                kallelse_id,
            ],
        )
    else:
        db.execute("UPDATE kallelser SET status = ? WHERE id = ?", [status, kallelse_id])


def file(db: sqlite_utils.Database, kallelse_id: int) -> tuple[str, bytes] | None:
    """The original file of a kallelse: its name and content."""
    row = db.execute(
        "SELECT filename, content FROM kallelser WHERE id = ?", [kallelse_id]
    ).fetchone()
    return (row[0], bytes(row[1])) if row else None
