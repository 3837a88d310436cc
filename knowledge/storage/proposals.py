"""The proposals tables (members' theme proposals and who supports them), and what the
protocols already hold that a new proposal is compared with (themes, items: read only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,          -- "T-2026-0007", for receipts and the CLI
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        council TEXT NOT NULL,
        theme TEXT NOT NULL,
        motivation TEXT,
        status TEXT NOT NULL DEFAULT 'inkommen',
        comment TEXT,
        meeting_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE proposal_supporters (
        proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (proposal_id, person_id)
    );
    """,
    # Notices from before subjects named the proposer of a new proposal: their subject is the
    # proposer (as for new notices), so forgetting the person forgets them. The outbox's own
    # migration, which runs first, gave them the proposal as subject.
    """
    UPDATE outbox SET subject = 'person:' || (
            SELECT person_id FROM proposals WHERE proposals.id =
                CAST(substr(outbox.key, 10, instr(substr(outbox.key, 10), ':') - 1) AS INTEGER))
        WHERE template IS NULL AND key LIKE 'proposal:%'
        AND substr(key, 9 + instr(substr(key, 10), ':'), 5) = ':new:';
    """,
    # Each status change is an event of its own (planerad → inkommen → planerad tells people
    # twice): its number names the notices it causes.
    """
    ALTER TABLE proposals ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;
    """,
]


@dataclass
class Proposal:
    id: int
    reference: str
    person_id: int | None
    proposer: str | None
    council: str
    theme: str
    motivation: str | None
    status: str
    comment: str | None
    meeting_date: date | None
    created_at: str
    supporters: list[str] = field(default_factory=list)
    supporter_ids: list[int] = field(default_factory=list)


def count_references(db: sqlite_utils.Database, prefix: str) -> int:
    """How many proposals have a reference starting with ``prefix`` ("T-2026-")."""
    return int(
        db.execute(
            "SELECT count(*) FROM proposals WHERE reference LIKE ?", [f"{prefix}%"]
        ).fetchone()[0]
    )


def insert(
    db: sqlite_utils.Database,
    reference: str,
    person_id: int,
    council: str,
    theme: str,
    motivation: str | None,
    at: str,
) -> int:
    """A new proposal; its id."""
    cursor = db.execute(
        "INSERT INTO proposals (reference, person_id, council, theme, motivation, created_at,"
        " updated_at) VALUES (?,?,?,?,?,?,?)",
        [reference, person_id, council, theme, motivation, at, at],
    )
    return int(cursor.lastrowid or 0)


def get(db: sqlite_utils.Database, ref: int | str) -> Proposal | None:
    """A proposal by id or reference (any case), with its supporters; or None."""
    column = "p.id" if isinstance(ref, int) else "upper(p.reference)"
    value: int | str = ref if isinstance(ref, int) else ref.strip().upper()
    row = db.execute(
        "SELECT p.id, p.reference, p.person_id, pe.name, p.council, p.theme, p.motivation,"
        " p.status, p.comment, p.meeting_date, p.created_at FROM proposals p"
        f" LEFT JOIN people pe ON pe.id = p.person_id WHERE {column} = ?",
        [value],
    ).fetchone()
    if row is None:
        return None
    proposal = Proposal(
        id=row[0],
        reference=row[1],
        person_id=row[2],
        proposer=row[3],
        council=row[4],
        theme=row[5],
        motivation=row[6],
        status=row[7],
        comment=row[8],
        meeting_date=date.fromisoformat(row[9]) if row[9] else None,
        created_at=row[10],
    )
    for person_id, name in db.execute(
        "SELECT s.person_id, pe.name FROM proposal_supporters s JOIN people pe"
        " ON pe.id = s.person_id WHERE s.proposal_id = ? ORDER BY s.created_at",
        [proposal.id],
    ):
        proposal.supporter_ids.append(person_id)
        proposal.supporters.append(name)
    return proposal


def ids(db: sqlite_utils.Database, statuses: Sequence[str] | None = None) -> list[int]:
    """The proposals (in these statuses), oldest first."""
    if statuses is None:
        return [int(r[0]) for r in db.execute("SELECT id FROM proposals ORDER BY id")]
    marks = ",".join("?" * len(statuses))
    return [
        int(r[0])
        for r in db.execute(
            f"SELECT id FROM proposals WHERE status IN ({marks}) ORDER BY id", list(statuses)
        )
    ]


def set_status(
    db: sqlite_utils.Database,
    proposal_id: int,
    status: str,
    comment: str | None,
    meeting_date: date | None,
    at: str,
) -> int:
    """Move the proposal to ``status`` with the secretary's comment and meeting; the change's
    number (1 for the proposal's first change, 2 for the next ...)."""
    row = db.execute(
        "UPDATE proposals SET status = ?, comment = ?, meeting_date = ?, updated_at = ?,"
        " changes = changes + 1 WHERE id = ? RETURNING changes",
        [status, comment, meeting_date.isoformat() if meeting_date else None, at, proposal_id],
    ).fetchone()
    return int(row[0])


def add_supporter(db: sqlite_utils.Database, proposal_id: int, person_id: int, at: str) -> bool:
    """The person supports the proposal; False if they did already."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO proposal_supporters (proposal_id, person_id, created_at)"
        " VALUES (?, ?, ?)",
        [proposal_id, person_id, at],
    )
    return cursor.rowcount == 1


def remove_supporter(db: sqlite_utils.Database, proposal_id: int, person_id: int) -> bool:
    """The person no longer supports the proposal; False if they did not."""
    cursor = db.execute(
        "DELETE FROM proposal_supporters WHERE proposal_id = ? AND person_id = ?",
        [proposal_id, person_id],
    )
    return cursor.rowcount == 1


# --- What the protocols already hold (corpus tables, read only) ----------------------------


def protocol_themes(db: sqlite_utils.Database) -> list[tuple[str, date | None]]:
    """Every theme listed in a document, with the latest date it was listed."""
    return [
        (str(text), date.fromisoformat(day) if day else None)
        for text, day in db.execute(
            "SELECT t.text, max(d.date) FROM themes t JOIN documents d ON d.id = t.document_id"
            " GROUP BY t.text"
        )
    ]


def protocol_items(db: sqlite_utils.Database) -> list[tuple[str, str, date | None]]:
    """Every agenda item title in a protocol: (title, its number, the latest date)."""
    return [
        (str(title), str(number), date.fromisoformat(day) if day else None)
        for title, number, day in db.execute(
            "SELECT i.title, i.number, max(d.date) FROM items i"
            " JOIN documents d ON d.id = i.document_id"
            " WHERE d.kind = 'protocol' GROUP BY i.title"
        )
    ]
