"""Members' proposals of themes for coming meetings: similar-theme check, support, status."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.dates import format_date
from knowledge.language.text import normalize, stem_text
from knowledge.storage.database import transaction

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
]

INKOMMEN, PLANERAD, BEHANDLAD, AVBOJD = "inkommen", "planerad", "behandlad", "avböjd"
STATUSES = [INKOMMEN, PLANERAD, BEHANDLAD, AVBOJD]
PENDING = (INKOMMEN, PLANERAD)
MAX_THEME = 300
MAX_MOTIVATION = 1000


class ProposalError(UserError):
    """Something the member or secretary should be told, in Swedish (``message``)."""


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


@dataclass
class Similar:
    kind: str  # "proposal", "theme" (listed in a protocol), "item" (already on an agenda)
    text: str
    score: float
    date: date | None = None
    item_number: str | None = None
    proposal: Proposal | None = None

    def describe(self) -> str:
        """One line in Swedish, e.g. "Punkt 9 den 6 maj 2022: Samarbete mellan …"."""
        when = format_date(self.date, weekday=False) if self.date else ""
        if self.kind == "proposal" and self.proposal:
            count = len(self.proposal.supporters)
            return f"Förslag {self.proposal.reference}: {self.text} ({count} stöder)"
        if self.kind == "item":
            return f"Behandlat {when}, § {self.item_number}: {self.text}"
        return f"Tema i protokollet {when}: {self.text}"


def _key(text: str) -> str:
    return stem_text(normalize(text))


def similar(db: sqlite_utils.Database, text: str, limit: int = 3) -> list[Similar]:
    """Up to ``limit`` themes, agenda items and pending proposals most like ``text``."""
    wanted = _key(text)
    if not wanted:
        return []
    found: list[Similar] = []
    for theme, day in db.execute(
        "SELECT t.text, max(d.date) FROM themes t JOIN documents d ON d.id = t.document_id"
        " GROUP BY t.text"
    ):
        found.append(Similar("theme", theme, 0, date.fromisoformat(day) if day else None))
    for title, number, day in db.execute(
        "SELECT i.title, i.number, max(d.date) FROM items i"
        " JOIN documents d ON d.id = i.document_id"
        " WHERE d.kind = 'protocol' GROUP BY i.title"
    ):
        found.append(Similar("item", title, 0, date.fromisoformat(day) if day else None, number))
    for proposal in pending(db):
        found.append(Similar("proposal", proposal.theme, 0, proposal=proposal))
    scored = []
    for candidate in found:
        score = fuzz.token_set_ratio(wanted, _key(candidate.text))
        if score >= 60:
            candidate.score = float(score)
            scored.append(candidate)
    scored.sort(key=lambda s: (-s.score, s.kind != "proposal"))
    seen: set[str] = set()
    out = []
    for candidate in scored:
        key = normalize(candidate.text)
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out[:limit]


def propose(
    db: sqlite_utils.Database,
    person_id: int,
    theme: str,
    motivation: str | None = None,
    council: str = "social",
) -> Proposal:
    """File a proposal; the secretaries are told through the outbox."""
    theme = " ".join(theme.split())
    motivation = " ".join((motivation or "").split()) or None
    if len(theme) < 3:
        raise ProposalError("Skriv temat med minst några ord.")
    if len(theme) > MAX_THEME:
        raise ProposalError(f"Temat får vara högst {MAX_THEME} tecken; motivera det i nästa steg.")
    if motivation and len(motivation) > MAX_MOTIVATION:
        raise ProposalError(f"Motiveringen får vara högst {MAX_MOTIVATION} tecken.")
    now = clock.stamp()
    with transaction(db):
        year = now[:4]
        count = db.execute(
            "SELECT count(*) FROM proposals WHERE reference LIKE ?", [f"T-{year}-%"]
        ).fetchone()[0]
        reference = f"T-{year}-{count + 1:04d}"
        proposal_id = db.execute(
            "INSERT INTO proposals (reference, person_id, council, theme, motivation, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?)",
            [reference, person_id, council, theme, motivation, now, now],
        ).lastrowid
        assert proposal_id is not None
        proposal = get(db, proposal_id)
        for chat in secretary_chats(db):
            outbox.add(
                db,
                f"proposal:{proposal_id}:new:{chat}",
                chat,
                template="proposal_new",
                params={
                    "reference": reference,
                    "proposer": proposal.proposer,
                    "theme": theme,
                    "motivation": motivation,
                },
                subject=outbox.about("person", person_id),  # it names the proposer
            )
    return proposal


def get(db: sqlite_utils.Database, ref: int | str) -> Proposal:
    """A proposal by id or reference ("T-2026-0001"); ProposalError if there is none."""
    column = "p.id" if isinstance(ref, int) else "upper(p.reference)"
    value: int | str = ref if isinstance(ref, int) else ref.strip().upper()
    row = db.execute(
        "SELECT p.id, p.reference, p.person_id, pe.name, p.council, p.theme, p.motivation,"
        " p.status, p.comment, p.meeting_date, p.created_at FROM proposals p"
        f" LEFT JOIN people pe ON pe.id = p.person_id WHERE {column} = ?",
        [value],
    ).fetchone()
    if row is None:
        raise ProposalError(f"Det finns inget förslag {ref}.")
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


def pending(db: sqlite_utils.Database) -> list[Proposal]:
    """Proposals not yet treated or declined, oldest first."""
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id FROM proposals WHERE status IN (?, ?) ORDER BY id", list(PENDING)
        )
    ]
    return [get(db, i) for i in ids]


def all_proposals(db: sqlite_utils.Database) -> list[Proposal]:
    return [get(db, r[0]) for r in db.execute("SELECT id FROM proposals ORDER BY id")]


def support(db: sqlite_utils.Database, proposal_id: int, person_id: int) -> bool:
    """Add the person's support; False if they support it already (nothing changes)."""
    proposal = get(db, proposal_id)
    if proposal.status not in PENDING:
        raise ProposalError(f"Förslaget {proposal.reference} är redan {proposal.status}.")
    if proposal.person_id == person_id:
        raise ProposalError("Du står redan bakom ditt eget förslag.")
    cursor = db.execute(
        "INSERT OR IGNORE INTO proposal_supporters (proposal_id, person_id, created_at)"
        " VALUES (?, ?, ?)",
        [proposal_id, person_id, clock.stamp()],
    )
    return cursor.rowcount == 1


def withdraw_support(db: sqlite_utils.Database, proposal_id: int, person_id: int) -> bool:
    """Take the person's support back; False if they did not support it."""
    cursor = db.execute(
        "DELETE FROM proposal_supporters WHERE proposal_id = ? AND person_id = ?",
        [proposal_id, person_id],
    )
    return cursor.rowcount == 1


def set_status(
    db: sqlite_utils.Database,
    ref: int | str,
    status: str,
    comment: str | None = None,
    meeting_date: date | None = None,
) -> Proposal:
    """Move a proposal on; the proposer and every supporter are told."""
    status = status.strip().lower().replace("avbojd", AVBOJD)
    if status not in STATUSES:
        raise ProposalError(f"Okänd status {status}. Välj en av: {', '.join(STATUSES)}.")
    proposal = get(db, ref)
    with transaction(db):
        db.execute(
            "UPDATE proposals SET status = ?, comment = ?, meeting_date = ?, updated_at = ?"
            " WHERE id = ?",
            [
                status,
                comment,
                meeting_date.isoformat() if meeting_date else None,
                clock.stamp(),
                proposal.id,
            ],
        )
        updated = get(db, proposal.id)
        people = ([updated.person_id] if updated.person_id else []) + updated.supporter_ids
        for chat in _chats(db, people):
            outbox.add(
                db,
                f"proposal:{updated.id}:{status}:{updated.comment}:{chat}",
                chat,
                template="proposal_status",
                params={
                    "theme": updated.theme,
                    "reference": updated.reference,
                    "status": status,
                    "meeting_date": meeting_date.isoformat() if meeting_date else None,
                    "comment": comment,
                },
                subject=outbox.about("proposal", updated.id),
            )
    return updated


def to_csv(db: sqlite_utils.Database) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "referens",
            "tema",
            "motivering",
            "förslagsställare",
            "stöd",
            "status",
            "möte",
            "kommentar",
            "inkommen",
        ]
    )
    for p in all_proposals(db):
        writer.writerow(
            [
                p.reference,
                p.theme,
                p.motivation or "",
                p.proposer or "",
                "; ".join(p.supporters),
                p.status,
                p.meeting_date.isoformat() if p.meeting_date else "",
                p.comment or "",
                p.created_at,
            ]
        )
    return buffer.getvalue()


def secretary_chats(db: sqlite_utils.Database) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT DISTINCT p.telegram_chat_id FROM people p JOIN memberships m"
            " ON m.person_id = p.id WHERE m.role = 'sekreterare'"
            " AND p.telegram_chat_id IS NOT NULL"
        )
    ]


def _chats(db: sqlite_utils.Database, person_ids: list[int]) -> list[int]:
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    return [
        int(r[0])
        for r in db.execute(
            f"SELECT telegram_chat_id FROM people WHERE id IN ({marks})"
            " AND telegram_chat_id IS NOT NULL",
            person_ids,
        )
    ]
