"""Put documents into the store: one transaction per file, idempotent by content hash.

A new version of a protocol (same councils and meeting date) or report (same title) replaces
the old one; the same content again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from knowledge.bodies import COUNCIL_SHORT
from knowledge.ingest.extract import DocumentError, read_bytes
from knowledge.ingest.model import Protocol, ScheduledMeeting
from knowledge.ingest.parse import parse_document
from knowledge.language import clock
from knowledge.language.text import normalize, stem, words
from knowledge.storage.database import transaction

SHIPPED_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@dataclass
class IngestResult:
    filename: str
    document_id: int
    changed: bool  # False: this exact content was already in the store
    replaced: bool  # True: an earlier version of the same protocol or report was replaced
    kind: str
    title: str
    councils: list[str]
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
            councils = " + ".join(COUNCIL_SHORT.get(c, c) for c in self.councils) or "?"
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


def ingest_bytes(db: sqlite_utils.Database, data: bytes, filename: str) -> IngestResult:
    """Like ingest_file, for content in memory (a Telegram upload)."""
    sha256 = hashlib.sha256(data).hexdigest()
    existing = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    if existing:
        return _result_for(db, existing[0], filename, changed=False, replaced=False)
    raw = read_bytes(data, filename)
    protocol = parse_document(raw)
    return store_protocol(db, protocol, filename=filename, sha256=sha256)


def store_protocol(
    db: sqlite_utils.Database, protocol: Protocol, *, filename: str, sha256: str
) -> IngestResult:
    """Write a parsed document (and its search passages) in one transaction."""
    identity = _identity(protocol, sha256)
    now = clock.stamp()
    with transaction(db):
        old = db.execute("SELECT id FROM documents WHERE identity = ?", [identity]).fetchone()
        if old:
            db.execute("DELETE FROM passages WHERE document_id = ?", [old[0]])
            db.execute("DELETE FROM documents WHERE id = ?", [old[0]])
        cursor = db.execute(
            "INSERT INTO documents (sha256, identity, filename, kind, title, body_type, date,"
            ' start, "end", place, chair, secretary, adjusters, approved, authors, warnings,'
            " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                sha256,
                identity,
                filename,
                protocol.kind,
                protocol.title,
                protocol.body_type,
                _iso(protocol.date),
                _hm(protocol.start),
                _hm(protocol.end),
                protocol.place,
                protocol.chair,
                protocol.secretary,
                json.dumps(protocol.adjusters, ensure_ascii=False),
                _iso(protocol.approved),
                json.dumps(protocol.authors, ensure_ascii=False),
                json.dumps(protocol.warnings, ensure_ascii=False),
                protocol.text,
                now,
            ],
        )
        document_id = int(cursor.lastrowid or 0)
        _insert_parts(db, document_id, protocol)
    return _result_for(
        db, document_id, filename, changed=True, replaced=bool(old), protocol=protocol
    )


def _insert_parts(db: sqlite_utils.Database, document_id: int, protocol: Protocol) -> None:
    db.conn.executemany(
        "INSERT INTO document_councils (document_id, council) VALUES (?, ?)",
        [(document_id, council) for council in dict.fromkeys(protocol.councils)],
    )
    db.conn.executemany(
        "INSERT INTO attendees (document_id, position, name, organisation, org_kind, role, title,"
        " note, council, date) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (
                document_id,
                i,
                a.name,
                a.organisation,
                a.org_kind,
                a.role,
                a.title,
                a.note,
                a.council,
                _iso(protocol.date),
            )
            for i, a in enumerate(protocol.attendees)
        ],
    )
    passages: list[tuple[str, int, str | None, str, str]] = []
    decision_position = 0
    for item in protocol.items:
        item_id = db.execute(
            "INSERT INTO items (document_id, position, number, title, presenters, body, kind)"
            " VALUES (?,?,?,?,?,?,?)",
            [
                document_id,
                item.position,
                item.number,
                item.title,
                json.dumps(item.presenters, ensure_ascii=False),
                item.body,
                item.kind,
            ],
        ).lastrowid
        assert item_id is not None
        db.conn.executemany(
            "INSERT INTO presenters (item_id, document_id, name, date) VALUES (?, ?, ?, ?)",
            [(item_id, document_id, name, _iso(protocol.date)) for name in item.presenters],
        )
        passages.append(("item", item_id, item.number, item.title, item.body))
        for decision in item.decisions:
            decision_id = db.execute(
                "INSERT INTO decisions (document_id, item_id, position, number, text, explicit,"
                " amounts, dates) VALUES (?,?,?,?,?,?,?,?)",
                [
                    document_id,
                    item_id,
                    decision_position,
                    decision.number,
                    decision.text,
                    int(decision.explicit),
                    json.dumps(
                        [{"text": a.text, "kronor": a.kronor} for a in decision.amounts],
                        ensure_ascii=False,
                    ),
                    json.dumps([d.isoformat() for d in decision.dates]),
                ],
            ).lastrowid
            assert decision_id is not None
            decision_position += 1
            passages.append(("decision", decision_id, item.number, item.title, decision.text))
    for position, theme in enumerate(protocol.themes):
        theme_id = db.execute(
            "INSERT INTO themes (document_id, position, text, raised_here, item_number)"
            " VALUES (?,?,?,?,?)",
            [document_id, position, theme.text, int(theme.raised_here), theme.item_number],
        ).lastrowid
        assert theme_id is not None
        passages.append(
            ("theme", theme_id, theme.item_number, "Teman till kommande möten", theme.text)
        )
    for section in protocol.sections:
        section_id = db.execute(
            "INSERT INTO sections (document_id, position, number, title, body, level)"
            " VALUES (?,?,?,?,?,?)",
            [
                document_id,
                section.position,
                section.number,
                section.title,
                section.body,
                section.level,
            ],
        ).lastrowid
        assert section_id is not None
        passages.append(("section", section_id, section.number, section.title, section.body))
    for meeting in protocol.scheduled:
        for council in meeting.councils or protocol.councils:
            db.execute(
                'INSERT INTO scheduled_meetings (document_id, council, date, start, "end", place,'
                " note, decided, source_text, item_number) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    document_id,
                    council,
                    meeting.date.isoformat(),
                    _hm(meeting.start),
                    _hm(meeting.end),
                    meeting.place,
                    meeting.note,
                    int(meeting.decided),
                    meeting.source_text,
                    meeting.item_number,
                ],
            )
    tokenized = [words(f"{title} {text}") for _, _, _, title, text in passages]
    db.conn.executemany(
        "INSERT INTO passages (document_id, kind, ref_id, item_number, title, text, stemmed)"
        " VALUES (?,?,?,?,?,?,?)",
        [
            # Each stem once: the column serves matching; term frequency comes from `text`.
            (
                document_id,
                kind,
                ref,
                number,
                title,
                text,
                " ".join(dict.fromkeys(map(stem, tokens))),
            )
            for (kind, ref, number, title, text), tokens in zip(passages, tokenized, strict=True)
        ],
    )
    vocabulary = {w.lower() for tokens in tokenized for w in tokens if len(w) >= 3}
    db.conn.executemany(
        "INSERT OR IGNORE INTO vocabulary (word) VALUES (?)", [(w,) for w in vocabulary]
    )


def _identity(protocol: Protocol, sha256: str) -> str:
    if protocol.kind == "protocol" and protocol.date and protocol.councils:
        councils = ",".join(sorted(set(protocol.councils)))
        return f"protocol:{councils}:{protocol.date.isoformat()}"
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
    row = db.execute(
        'SELECT kind, title, date, start, "end", place, warnings FROM documents WHERE id = ?',
        [document_id],
    ).fetchone()

    def count(table: str) -> int:
        query = f"SELECT count(*) FROM {table} WHERE document_id = ?"
        return int(db.execute(query, [document_id]).fetchone()[0])

    councils = [
        r[0]
        for r in db.execute(
            "SELECT council FROM document_councils WHERE document_id = ?", [document_id]
        )
    ]
    return IngestResult(
        filename=filename,
        document_id=document_id,
        changed=changed,
        replaced=replaced,
        kind=row[0],
        title=row[1],
        councils=protocol.councils if protocol else councils,
        date=row[2],
        start=row[3],
        end=row[4],
        place=row[5],
        items=count("items"),
        decisions=count("decisions"),
        themes=count("themes"),
        sections=count("sections"),
        scheduled=protocol.scheduled if protocol else [],
        warnings=json.loads(row[6]),
    )


def ensure_shipped_corpus(db: sqlite_utils.Database) -> list[IngestResult]:
    """Ingest the shipped corpus into an empty store, so a new user gets answers at once."""
    if db.execute("SELECT count(*) FROM documents").fetchone()[0]:
        return []
    return ingest_paths(db, sorted(SHIPPED_CORPUS.iterdir()))


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[Path]) -> list[IngestResult]:
    return [ingest_file(db, path) for path in paths if path.is_file()]


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def _hm(value: object) -> str | None:
    return value.strftime("%H:%M") if value is not None else None  # type: ignore[attr-defined]
