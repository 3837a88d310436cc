"""Bodies and relations in the corpus: which body met, and who did what.

A body is one of the councils samrad serves or any other that a document names (a nämnd, a
styrelse, a råd, a group); each document links to its body. Relations are what a reader takes
from the minutes about people: who presented an item, who served for whom, who leads or is
responsible for what, who wrote the minutes; and each decision's amounts and periods.

Writes are for ingestion (``knowledge.ingest.load``); the reads are for the question engine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import sqlite_utils

from knowledge.language.text import normalize

# --- Writing --------------------------------------------------------------------------------


def upsert_body(
    db: sqlite_utils.Database, key: str, name: str, organisation: str | None, *, council: bool
) -> None:
    """A body, created the first time a document names it; a later name or organisation wins."""
    db.execute(
        "INSERT INTO bodies (key, name, organisation, council) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(key) DO UPDATE SET name = excluded.name,"
        " organisation = coalesce(excluded.organisation, bodies.organisation)",
        [key, name, organisation, int(council)],
    )


def link_document(db: sqlite_utils.Database, document_id: int, body_key: str) -> None:
    """The document is a protocol (or minutes) of this body."""
    db.execute(
        "INSERT OR IGNORE INTO document_bodies (document_id, body_key) VALUES (?, ?)",
        [document_id, body_key],
    )


def insert_relations(
    db: sqlite_utils.Database,
    document_id: int,
    relations: list[tuple[int | None, str, str, str, str]],
) -> None:
    """Relations as (item id or None, kind, subject, object, sentence)."""
    db.conn.executemany(
        "INSERT INTO relations (document_id, item_id, kind, subject, object, sentence)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(document_id, *relation) for relation in relations],
    )


def insert_scheduled(
    db: sqlite_utils.Database,
    document_id: int,
    body_key: str,
    *,
    date: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    place: str | None,
    source_text: str,
    item_number: str | None,
) -> None:
    """A coming meeting of a body other than the councils."""
    db.execute(
        'INSERT INTO body_scheduled_meetings (document_id, body_key, date, start, "end",'
        " place, source_text, item_number) VALUES (?,?,?,?,?,?,?,?)",
        [
            document_id,
            body_key,
            date.isoformat(),
            start.strftime("%H:%M") if start else None,
            end.strftime("%H:%M") if end else None,
            place,
            source_text,
            item_number,
        ],
    )


# --- Reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    organisation: str | None
    council: bool  # one of the councils samrad serves
    documents: int

    @property
    def label(self) -> str:
        """ "Socialnämnden, Kumla kommun": the body as the protocols name it."""
        return label(self.name, self.organisation)


def label(name: str, organisation: str | None) -> str:
    """ "Socialnämnden, Kumla kommun": a body's name with its organisation, if it has one."""
    return f"{name}, {organisation}" if organisation else name


@dataclass(frozen=True)
class BodyDocument:
    document_id: int
    kind: str  # "protocol" (minutes of a meeting) or "report" (a document without a meeting)
    title: str
    date: dt.date | None
    start: str | None
    end: str | None
    place: str | None
    chair: str | None


@dataclass(frozen=True)
class BodyMeeting:
    body_key: str
    date: dt.date
    start: str | None
    end: str | None
    place: str | None
    held: bool  # False: a coming meeting a protocol scheduled
    document_id: int
    item_number: str | None  # the item that scheduled it


@dataclass(frozen=True)
class Relation:
    kind: str  # presented, replaces, leads, responsible, author, amount, period
    subject: str
    object: str
    sentence: str
    document_id: int
    date: dt.date | None  # the meeting's
    item_number: str | None
    item_title: str | None


# The count reads document_bodies' index only: a council has a document per meeting, and
# touching each of its documents' rows (for their latest date, say) costs milliseconds per body.
_BODY_SELECT = (
    "SELECT b.key, b.name, b.organisation, b.council,"
    " (SELECT count(*) FROM document_bodies db WHERE db.body_key = b.key) FROM bodies b"
)


def bodies(db: sqlite_utils.Database) -> list[Body]:
    """Every body in the store, the councils first, then by name."""
    rows = db.execute(_BODY_SELECT + " ORDER BY b.council DESC, b.name, b.organisation").fetchall()
    return [_body(row) for row in rows]


def body(db: sqlite_utils.Database, key: str) -> Body | None:
    """One body by its key."""
    row = db.execute(_BODY_SELECT + " WHERE b.key = ?", [key]).fetchone()
    return _body(row) if row else None


def find_bodies(db: sqlite_utils.Database, text: str) -> list[Body]:
    """The bodies a question names, best match first.

    A body is named by its name ("socialnämnden", "Styrelsen" only with its organisation),
    its abbreviation ("BRÅ", "KPR"), or its name without the organisation's words ("rådet i
    Degerfors"); å, ä and ö may be written a, a and o. Names shared by many bodies
    ("Styrelsen", "Socialnämnden") need the organisation too when several are stored.
    """
    folded = f" {_words(text)} "
    found: list[tuple[int, Body]] = []
    all_bodies = bodies(db)
    name_counts: dict[str, int] = {}
    for candidate in all_bodies:
        key = _words(_without_parentheses(candidate.name))
        name_counts[key] = name_counts.get(key, 0) + 1
    for candidate in all_bodies:
        name = _words(_without_parentheses(candidate.name))
        organisation = _words(candidate.organisation or "")
        town = organisation.split(" ")[0].rstrip("s") if organisation else ""
        score = 0
        if name and f" {name} " in folded:
            score = len(name)
            if name_counts[name] > 1:
                score = len(name) + len(town) if town and town in folded else 0
        for abbreviation in re.findall(r"\(([A-ZÅÄÖ]{2,6})\)", candidate.name):
            if f" {_words(abbreviation)} " in folded:
                score = max(score, 100 + len(abbreviation))
        if score:
            found.append((score, candidate))
    return [candidate for _, candidate in sorted(found, key=lambda pair: -pair[0])]


def body_documents(db: sqlite_utils.Database, key: str) -> list[BodyDocument]:
    """A body's documents, latest meeting first."""
    rows = db.execute(
        'SELECT d.id, d.kind, d.title, d.date, d.start, d."end", d.place, d.chair'
        " FROM document_bodies db JOIN documents d ON d.id = db.document_id"
        " WHERE db.body_key = ? ORDER BY d.date DESC, d.id DESC",
        [key],
    ).fetchall()
    return [
        BodyDocument(row[0], row[1], row[2], _date(row[3]), row[4], row[5], row[6], row[7])
        for row in rows
    ]


def body_of(db: sqlite_utils.Database, document_id: int) -> Body | None:
    """The body whose document this is."""
    row = db.execute(
        "SELECT body_key FROM document_bodies WHERE document_id = ? LIMIT 1", [document_id]
    ).fetchone()
    return body(db, row[0]) if row else None


def name_of(db: sqlite_utils.Database, document_id: int) -> tuple[str, str | None] | None:
    """The name and organisation of the body whose document this is (``body_of`` without the
    count of its documents, which a council's thousands of meetings make cost)."""
    row = db.execute(
        "SELECT b.name, b.organisation FROM document_bodies db JOIN bodies b ON b.key = db.body_key"
        " WHERE db.document_id = ? LIMIT 1",
        [document_id],
    ).fetchone()
    return (str(row[0]), row[1]) if row else None


def meeting_towns(db: sqlite_utils.Database) -> dict[str, set[str]]:
    """Each body's towns it met in: the last part of its protocols' places ("Hembygdsgården,
    Fjugesta"), when that part is one name."""
    towns: dict[str, set[str]] = {}
    rows = db.execute(
        "SELECT db.body_key, d.place FROM document_bodies db JOIN documents d"
        " ON d.id = db.document_id WHERE d.place LIKE '%,%'"
    )
    for key, place in rows:
        last = str(place).rsplit(",", 1)[-1].strip()
        if last[:1].isupper() and last.isalpha():
            towns.setdefault(key, set()).add(last)
    return towns


def body_meetings(db: sqlite_utils.Database, key: str | None = None) -> list[BodyMeeting]:
    """Held and scheduled meetings of the bodies that are not councils (or of one), by date.

    A scheduled meeting that a protocol of the same body and date shows held is left out.
    """
    where = " AND b.key = ?" if key else ""
    params = [key] if key else []
    held = db.execute(
        'SELECT b.key, d.date, d.start, d."end", d.place, d.id FROM bodies b'
        " JOIN document_bodies db ON db.body_key = b.key JOIN documents d ON d.id = db.document_id"
        " WHERE b.council = 0 AND d.kind = 'protocol' AND d.date IS NOT NULL" + where,
        params,
    ).fetchall()
    planned = db.execute(
        'SELECT s.body_key, s.date, s.start, s."end", s.place, s.document_id, s.item_number'
        " FROM body_scheduled_meetings s JOIN bodies b ON b.key = s.body_key"
        " WHERE b.council = 0" + where + " ORDER BY s.id",
        params,
    ).fetchall()
    meetings: dict[tuple[str, str], BodyMeeting] = {}
    for row in held:
        meetings[(row[0], row[1])] = BodyMeeting(
            row[0], dt.date.fromisoformat(row[1]), row[2], row[3], row[4], True, row[5], None
        )
    for row in planned:
        if (row[0], row[1]) not in meetings:
            meetings[(row[0], row[1])] = BodyMeeting(
                row[0], dt.date.fromisoformat(row[1]), row[2], row[3], row[4], False, row[5], row[6]
            )
    return sorted(meetings.values(), key=lambda m: (m.date, m.body_key))


_RELATION_SELECT = (
    "SELECT r.kind, r.subject, r.object, r.sentence, r.document_id, d.date, i.number, i.title"
    " FROM relations r JOIN documents d ON d.id = r.document_id"
    " LEFT JOIN items i ON i.id = r.item_id"
)


def relations(
    db: sqlite_utils.Database,
    *,
    subject: str | None = None,
    kind: str | None = None,
    document_id: int | None = None,
    limit: int = 200,
) -> list[Relation]:
    """Relations filtered by person (the subject, exactly as written), kind and document,
    latest meeting first."""
    conditions, params = [], []
    for column, value in (("r.subject", subject), ("r.kind", kind), ("r.document_id", document_id)):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    rows = db.execute(
        _RELATION_SELECT + where + " ORDER BY d.date DESC, r.id LIMIT ?", [*params, limit]
    ).fetchall()
    return [_relation(row) for row in rows]


def relations_mentioning(db: sqlite_utils.Database, name: str, limit: int = 200) -> list[Relation]:
    """Relations where a person is the subject or the object (whom someone replaced)."""
    rows = db.execute(
        _RELATION_SELECT + " WHERE r.subject = ? OR r.object = ? ORDER BY d.date DESC, r.id"
        " LIMIT ?",
        [name, name, limit],
    ).fetchall()
    return [_relation(row) for row in rows]


def _relation(row: tuple[object, ...]) -> Relation:
    return Relation(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        int(str(row[4])),
        _date(row[5] if isinstance(row[5], str) else None),
        row[6] if isinstance(row[6], str) else None,
        row[7] if isinstance(row[7], str) else None,
    )


def _body(row: tuple[object, ...]) -> Body:
    return Body(
        key=str(row[0]),
        name=str(row[1]),
        organisation=row[2] if isinstance(row[2], str) else None,
        council=bool(row[3]),
        documents=int(str(row[4] or 0)),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", normalize(text)))


def _without_parentheses(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text)
