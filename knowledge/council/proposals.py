"""Members' proposals of themes for coming meetings: similar-theme check, support, status."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.dates import format_date
from knowledge.language.text import normalize, stem_text
from knowledge.storage import proposals as table
from knowledge.storage.database import transaction
from knowledge.storage.proposals import Proposal
from knowledge.storage.roster import chats_of, secretary_chats

INKOMMEN, PLANERAD, BEHANDLAD, AVBOJD = "inkommen", "planerad", "behandlad", "avböjd"
STATUSES = [INKOMMEN, PLANERAD, BEHANDLAD, AVBOJD]
PENDING = (INKOMMEN, PLANERAD)
MAX_THEME = 300
MAX_MOTIVATION = 1000


class ProposalError(UserError):
    """Something the member or secretary should be told, in Swedish (``message``)."""


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
    found = [Similar("theme", theme, 0, day) for theme, day in table.protocol_themes(db)]
    found += [
        Similar("item", title, 0, day, number) for title, number, day in table.protocol_items(db)
    ]
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
    secretary_chat: int | None = None,
) -> Proposal:
    """File a proposal; the secretaries (``secretaries``) are told through the outbox."""
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
        prefix = f"T-{now[:4]}-"
        reference = f"{prefix}{table.count_references(db, prefix) + 1:04d}"
        proposal_id = table.insert(db, reference, person_id, council, theme, motivation, now)
        proposal = get(db, proposal_id)
        for chat in secretaries(db, secretary_chat):
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


def secretaries(db: sqlite_utils.Database, secretary_chat: int | None = None) -> list[int]:
    """The chats told of a new proposal: every registered secretary and the secretary's chat of
    the bot's settings (``secretary_chat``), each once."""
    chats = secretary_chats(db)
    return chats + [secretary_chat] if secretary_chat and secretary_chat not in chats else chats


def get(db: sqlite_utils.Database, ref: int | str) -> Proposal:
    """A proposal by id or reference ("T-2026-0001"); ProposalError if there is none."""
    proposal = table.get(db, ref)
    if proposal is None:
        raise ProposalError(f"Det finns inget förslag {ref}.")
    return proposal


def pending(db: sqlite_utils.Database) -> list[Proposal]:
    """Proposals not yet treated or declined, oldest first."""
    return [get(db, i) for i in table.ids(db, PENDING)]


def all_proposals(db: sqlite_utils.Database) -> list[Proposal]:
    """Every proposal, oldest first."""
    return [get(db, i) for i in table.ids(db)]


def support(db: sqlite_utils.Database, proposal_id: int, person_id: int) -> bool:
    """Add the person's support; False if they support it already (nothing changes)."""
    proposal = get(db, proposal_id)
    if proposal.status not in PENDING:
        raise ProposalError(f"Förslaget {proposal.reference} är redan {proposal.status}.")
    if proposal.person_id == person_id:
        raise ProposalError("Du står redan bakom ditt eget förslag.")
    return table.add_supporter(db, proposal_id, person_id, clock.stamp())


def withdraw_support(db: sqlite_utils.Database, proposal_id: int, person_id: int) -> bool:
    """Take the person's support back; False if they did not support it."""
    return table.remove_supporter(db, proposal_id, person_id)


def set_status(
    db: sqlite_utils.Database,
    ref: int | str,
    status: str,
    comment: str | None = None,
    meeting_date: date | None = None,
) -> Proposal:
    """Move a proposal on; the proposer and every supporter are told, once per change (the same
    status, comment and meeting again is no change and tells nobody)."""
    status = status.strip().lower().replace("avbojd", AVBOJD)
    if status not in STATUSES:
        raise ProposalError(f"Okänd status {status}. Välj en av: {', '.join(STATUSES)}.")
    proposal = get(db, ref)
    if (proposal.status, proposal.comment, proposal.meeting_date) == (
        status,
        comment,
        meeting_date,
    ):
        return proposal
    with transaction(db):
        change = table.set_status(db, proposal.id, status, comment, meeting_date, clock.stamp())
        updated = get(db, proposal.id)
        people = ([updated.person_id] if updated.person_id else []) + updated.supporter_ids
        for chat in chats_of(db, people):
            outbox.add(
                db,
                f"proposal:{updated.id}:status:{change}:{chat}",
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
    """Every proposal as CSV, for the secretary."""
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
