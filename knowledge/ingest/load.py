"""Put documents into the store: one transaction per file, idempotent by content hash.

A new version of a protocol (same councils and meeting date) or report (same title) replaces
the old one; the same content again changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT, REGION
from knowledge.ingest.extract import DocumentError, read_bytes
from knowledge.ingest.model import Protocol, ScheduledMeeting
from knowledge.ingest.parse import parse_document
from knowledge.ingest.parse.body import body_key
from knowledge.language import clock
from knowledge.language.text import normalize
from knowledge.storage import corpus, corpus_bodies, originals, untold
from knowledge.storage.corpus_passages import Passage, insert_passages
from knowledge.storage.database import transaction

SHIPPED_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@dataclass
class IngestResult:
    """What storing one file did, and what was extracted from it."""

    filename: str
    document_id: int
    changed: bool  # False: this exact content was already in the store
    replaced: bool  # True: an earlier version of the same protocol or report was replaced
    kind: str
    title: str
    councils: list[str]
    body: str | None  # the body's name: "Socialnämnden, Kumla kommun"
    date: str | None
    start: str | None
    end: str | None
    place: str | None
    items: int
    decisions: int
    themes: int
    sections: int
    scheduled: list[ScheduledMeeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """What was extracted, in Swedish, one line per fact (for the CLI and the bot)."""
        if not self.changed:
            return [f"{self.filename}: redan inläst, inget ändrat."]
        lines = [f"{self.filename}: {'ersatte tidigare version' if self.replaced else 'inläst'}"]
        if self.kind == "report":
            lines.append(f"  Rapport: {self.title}")
            lines.append(f"  Datum: {self.date or '?'}; avsnitt: {self.sections}")
        else:
            councils = " + ".join(COUNCIL_SHORT.get(c, c) for c in self.councils)
            councils = councils or self.body or "?"
            when = self.date or "?"
            if self.start:
                when += f" kl. {self.start}" + (f"–{self.end}" if self.end else "")
            lines.append(f"  Organ: {councils}")
            lines.append(f"  Möte: {when}; plats: {self.place or '?'}")
            lines.append(f"  Punkter: {self.items}; beslut: {self.decisions}; teman: {self.themes}")
            for meeting in self.scheduled:
                time = f" kl. {meeting.start:%H.%M}" if meeting.start else ""
                state = "beslutat" if meeting.decided else "planerat"
                lines.append(f"  Kommande möte: {meeting.date.isoformat()}{time} ({state})")
        lines.extend(f"  Varning: {warning}" for warning in self.warnings)
        return lines


def ingest_file(db: sqlite_utils.Database, path: Path) -> IngestResult:
    """Read, parse and store one file; DocumentError (Swedish message) leaves the DB as it was."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"Kunde inte läsa filen {path.name}.") from error
    return ingest_bytes(db, data, path.name)


def ingest_bytes(
    db: sqlite_utils.Database, data: bytes, filename: str, *, uploader: int | None = None
) -> IngestResult:
    """Like ingest_file, for content in memory (a Telegram upload by the chat ``uploader``:
    a new document is stored as one its members are still to be told of, ``storage.untold``)."""
    sha256 = hashlib.sha256(data).hexdigest()
    existing = corpus.find_document_by_hash(db, sha256)
    if existing is not None:
        # Read in before originals were kept: the same file again gives it one.
        originals.put(db, existing, filename, data, clock.stamp())
        return _result_for(db, existing, filename, changed=False, replaced=False)
    raw = read_bytes(data, filename)
    protocol = parse_document(raw)
    return store_protocol(
        db, protocol, filename=filename, sha256=sha256, original=data, uploader=uploader
    )


def store_protocol(
    db: sqlite_utils.Database,
    protocol: Protocol,
    *,
    filename: str,
    sha256: str,
    original: bytes | None = None,
    uploader: int | None = None,
    keep_id: int | None = None,
) -> IngestResult:
    """Write a parsed document (and its search passages, and the ``original`` file's bytes)
    in one transaction; uploaded (by the chat ``uploader``), with its members still to tell."""
    identity = _identity(protocol, sha256)
    now = clock.stamp()
    with transaction(db):
        document_id, replaced = corpus.replace_document(
            db,
            identity=identity,
            sha256=sha256,
            filename=filename,
            kind=protocol.kind,
            title=protocol.title,
            body_type=protocol.body_type,
            date=protocol.date,
            start=protocol.start,
            end=protocol.end,
            place=protocol.place,
            chair=protocol.chair,
            secretary=protocol.secretary,
            adjusters=protocol.adjusters,
            approved=protocol.approved,
            authors=protocol.authors,
            warnings=protocol.warnings,
            text=protocol.text,
            ingested_at=now,
            paragraphs=protocol.paragraphs,
            keep_id=keep_id,
        )
        _insert_parts(db, document_id, protocol)
        _insert_body_and_relations(db, document_id, protocol)
        if original is not None:
            originals.put(db, document_id, filename, original, now)
        if uploader is not None:
            untold.add(db, document_id, replaced, uploader, now)
    return _result_for(
        db, document_id, filename, changed=True, replaced=replaced, protocol=protocol
    )


def _insert_parts(db: sqlite_utils.Database, document_id: int, protocol: Protocol) -> None:
    corpus.insert_councils(db, document_id, protocol.councils)
    corpus.insert_attendees(
        db,
        document_id,
        [
            corpus.AttendeeRow(
                a.name,
                a.organisation,
                a.org_kind,
                a.role,
                a.title,
                a.note,
                a.council,
                a.function,
                a.party,
                a.replaces,
            )
            for a in protocol.attendees
        ],
        protocol.date,
    )
    passages: list[Passage] = []
    if protocol.preamble:
        # What the document says of itself before its items: the project, who leads it.
        passages.append(Passage("preamble", document_id, None, protocol.title, protocol.preamble))
    item_ids = corpus.insert_items(
        db,
        document_id,
        [
            corpus.ItemRow(
                item.position, item.number, item.title, item.presenters, item.body, item.kind
            )
            for item in protocol.items
        ],
        protocol.date,
    )
    # Decisions are numbered through the document, in the order of its items.
    decisions = [
        (item_id, decision)
        for item, item_id in zip(protocol.items, item_ids, strict=True)
        for decision in item.decisions
    ]
    decision_ids = iter(
        corpus.insert_decisions(
            db,
            document_id,
            [
                corpus.DecisionRow(
                    item_id,
                    position,
                    decision.number,
                    decision.text,
                    decision.explicit,
                    [(amount.text, amount.kronor) for amount in decision.amounts],
                    decision.dates,
                    decision.formal,
                )
                for position, (item_id, decision) in enumerate(decisions)
            ],
        )
    )
    for item, item_id in zip(protocol.items, item_ids, strict=True):
        passages.append(Passage("item", item_id, item.number, item.title, item.body))
        for decision in item.decisions:
            passages.append(
                Passage("decision", next(decision_ids), item.number, item.title, decision.text)
            )
    theme_ids = corpus.insert_themes(
        db,
        document_id,
        [
            corpus.ThemeRow(position, theme.text, theme.raised_here, theme.item_number)
            for position, theme in enumerate(protocol.themes)
        ],
    )
    for theme, theme_id in zip(protocol.themes, theme_ids, strict=True):
        passages.append(
            Passage("theme", theme_id, theme.item_number, "Teman till kommande möten", theme.text)
        )
    for section in protocol.sections:
        section_id = corpus.insert_section(
            db,
            document_id,
            position=section.position,
            number=section.number,
            title=section.title,
            body=section.body,
            level=section.level,
        )
        passages.append(Passage("section", section_id, section.number, section.title, section.body))
    for meeting in protocol.scheduled:
        for council in meeting.councils or protocol.councils:
            corpus.insert_scheduled_meeting(
                db,
                document_id,
                council,
                note=meeting.note,
                decided=meeting.decided,
                **_where_and_when(meeting),
            )
    # The councils' own minutes are samrad's whole archive: naming them tells no passage apart.
    owner = "" if protocol.councils else f"{protocol.body or ''} {protocol.organisation or ''}"
    insert_passages(db, document_id, passages, owner)


def _insert_body_and_relations(
    db: sqlite_utils.Database, document_id: int, protocol: Protocol
) -> None:
    """The document's body (created when new), its relations, and the body's coming meetings."""
    key = _body_key(protocol)
    if key is not None:
        if protocol.councils:
            for council in dict.fromkeys(protocol.councils):
                corpus_bodies.upsert_body(db, council, COUNCIL_NAMES[council], REGION, council=True)
                corpus_bodies.link_document(db, document_id, council)
        else:
            name = protocol.body or ""
            corpus_bodies.upsert_body(db, key, name, protocol.organisation, council=False)
            corpus_bodies.link_document(db, document_id, key)
            for meeting in protocol.scheduled:
                corpus_bodies.insert_scheduled(db, document_id, key, **_where_and_when(meeting))
    item_ids = corpus.item_ids(db, document_id)
    corpus_bodies.insert_relations(
        db,
        document_id,
        [
            (
                item_ids.get(-1 if r.item_position is None else r.item_position),
                r.kind,
                r.subject,
                r.object,
                r.sentence,
            )
            for r in protocol.relations
        ],
    )


def _where_and_when(meeting: ScheduledMeeting) -> dict[str, Any]:
    """A scheduled meeting's fields that both the councils' and other bodies' tables keep."""
    return {
        "date": meeting.date,
        "start": meeting.start,
        "end": meeting.end,
        "place": meeting.place,
        "source_text": meeting.source_text,
        "item_number": meeting.item_number,
    }


def _body_key(protocol: Protocol) -> str | None:
    if protocol.councils:
        return protocol.councils[0]
    if protocol.body:
        return body_key(protocol.body, protocol.organisation)
    return None


def _identity(protocol: Protocol, sha256: str) -> str:
    if protocol.kind == "protocol" and protocol.date and protocol.councils:
        councils = ",".join(sorted(set(protocol.councils)))
        return f"protocol:{councils}:{protocol.date.isoformat()}"
    key = _body_key(protocol)
    if protocol.kind == "protocol" and protocol.date and key:
        return f"protocol:{key}:{protocol.date.isoformat()}"
    if protocol.kind == "report" and protocol.title:
        return f"report:{normalize(protocol.title)}"
    return f"sha256:{sha256}"


def _result_for(
    db: sqlite_utils.Database,
    document_id: int,
    filename: str,
    *,
    changed: bool,
    replaced: bool,
    protocol: Protocol | None = None,
) -> IngestResult:
    stored = corpus.document_summary(db, document_id)
    header = stored.header
    return IngestResult(
        filename=filename,
        document_id=document_id,
        changed=changed,
        replaced=replaced,
        kind=header.kind,
        title=header.title,
        councils=protocol.councils if protocol else stored.councils,
        body=_body_name(db, document_id),
        date=header.date,
        start=header.start,
        end=header.end,
        place=header.place,
        items=stored.items,
        decisions=stored.decisions,
        themes=stored.themes,
        sections=stored.sections,
        scheduled=protocol.scheduled if protocol else [],
        warnings=header.warnings,
    )


def _body_name(db: sqlite_utils.Database, document_id: int) -> str | None:
    body = corpus_bodies.name_of(db, document_id)
    if body is None:
        return None
    return corpus_bodies.label(*body)


def ensure_shipped_corpus(db: sqlite_utils.Database) -> list[IngestResult]:
    """Ingest the shipped corpus into an empty store, so a new user gets answers at once."""
    if corpus.document_count(db):
        return []
    return ingest_paths(db, sorted(SHIPPED_CORPUS.iterdir()))


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[Path]) -> list[IngestResult]:
    """Ingest each file among ``paths``, in order (folders are skipped)."""
    return [ingest_file(db, path) for path in paths if path.is_file()]
