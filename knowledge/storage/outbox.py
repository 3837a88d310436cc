"""The outbox table: notices waiting to be sent, and those sent (kept for idempotency).

A notice is a template name, its parameters and its actions (buttons), all plain JSON; the bot
renders it when it sends it. Rows written before notices had templates hold rendered text and
buttons instead, and are sent as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

MIGRATIONS: list[str] = [
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- what this notice is about, for idempotency
        chat_id INTEGER NOT NULL,
        text TEXT NOT NULL,                -- Telegram HTML, already rendered
        buttons TEXT NOT NULL DEFAULT '[]',-- JSON [[label, callback_data], ...]
        created_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL;
    """,
    # Notices as a template, its parameters and its actions, rendered when sent (rows from
    # before keep their text, '' in new rows), and the subject each is about ("absence:17"),
    # to cancel or forget them by. Older rows get their subject from their key.
    """
    ALTER TABLE outbox ADD COLUMN template TEXT;
    ALTER TABLE outbox ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE outbox ADD COLUMN actions TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE outbox ADD COLUMN subject TEXT;
    CREATE INDEX outbox_subject ON outbox(subject);
    UPDATE outbox SET subject = 'request:' || substr(key, 9, instr(substr(key, 9), ':') - 1)
        WHERE key LIKE 'request:%';
    UPDATE outbox SET subject = 'absence:' || substr(key, 9, instr(substr(key, 9), ':') - 1)
        WHERE key LIKE 'absence:%';
    UPDATE outbox SET subject = 'meeting:' || substr(
            substr(key, 10 + instr(substr(key, 10), ':')), 1,
            instr(substr(key, 10 + instr(substr(key, 10), ':')), ':') + 10)
        WHERE key LIKE 'reminder:%';
    UPDATE outbox SET subject = 'proposal:' || substr(key, 10, instr(substr(key, 10), ':') - 1)
        WHERE key LIKE 'proposal:%';
    UPDATE outbox SET subject = 'document:' || substr(key, 10, instr(substr(key, 10), ':') - 1)
        WHERE key LIKE 'protocol:%';
    """,
    # Exactly once: a flush claims its rows (a random token and when) before sending, so two
    # overlapping flushes never send the same row; a claim older than a few minutes is a
    # flush that died and may be taken over. The message a notice became (its id in the
    # chat) is kept, so a later notice can edit it (``edits``: that notice's key).
    """
    ALTER TABLE outbox ADD COLUMN claim TEXT;
    ALTER TABLE outbox ADD COLUMN claimed_at TEXT;
    ALTER TABLE outbox ADD COLUMN message_id INTEGER;
    ALTER TABLE outbox ADD COLUMN edits TEXT;
    """,
    # A notice may carry a file (its rendered text is the caption): which one, as JSON
    # ({"kind": "kallelse", "id": 5}, {"kind": "ics", ...}), read when it is sent.
    """
    ALTER TABLE outbox ADD COLUMN document TEXT;
    """,
    # A long notice goes in parts: how many of them Telegram accepted, so that a retry after
    # an error on a later part (or a restart) goes on from there and sends none twice.
    """
    ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
    """,
]

Arg = str | int


@dataclass(frozen=True)
class Action:
    """A button under a notice: its label, and the kind and arguments of what it does."""

    label: str
    kind: str
    args: tuple[Arg, ...] = ()


@dataclass
class Notice:
    """One unsent notice. ``template`` is None for a row from before templates: then ``text``
    and ``buttons`` ([label, callback data] pairs) are what is sent."""

    id: int
    chat_id: int
    template: str | None
    params: dict[str, Any] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    subject: str | None = None
    text: str = ""
    buttons: list[list[str]] = field(default_factory=list)
    edits: str | None = None  # the key of the notice whose message this one replaces
    claim: str | None = None  # the flush that holds it
    document: dict[str, Any] | None = None  # a file to send, the text as its caption
    parts_sent: int = 0  # of a notice sent in parts, those Telegram accepted already


def insert(
    db: sqlite_utils.Database,
    key: str,
    chat_id: int,
    template: str,
    params: Mapping[str, object],
    actions: Sequence[Action],
    subject: str | None,
    created_at: str,
    edits: str | None = None,
    document: Mapping[str, object] | None = None,
) -> bool:
    """Add a notice unless one with ``key`` exists; whether it was added."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (key, chat_id, text, template, params, actions, subject,"
        " created_at, edits, document) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?)",
        [
            key,
            chat_id,
            template,
            json.dumps(dict(params), ensure_ascii=False),
            json.dumps([[a.label, a.kind, list(a.args)] for a in actions], ensure_ascii=False),
            subject,
            created_at,
            edits,
            json.dumps(dict(document), ensure_ascii=False) if document else None,
        ],
    )
    return cursor.rowcount == 1


_COLUMNS = (
    "id, chat_id, template, params, actions, subject, text, buttons, edits, claim, document,"
    " parts_sent"
)


def _notice(row: Any) -> Notice:
    return Notice(
        id=row[0],
        chat_id=row[1],
        template=row[2],
        params=json.loads(row[3]),
        actions=[Action(label, kind, tuple(args)) for label, kind, args in json.loads(row[4])],
        subject=row[5],
        text=row[6],
        buttons=json.loads(row[7]),
        edits=row[8],
        claim=row[9],
        document=json.loads(row[10]) if row[10] else None,
        parts_sent=int(row[11] or 0),
    )


def unsent(db: sqlite_utils.Database, limit: int) -> list[Notice]:
    """Up to ``limit`` unsent notices, oldest first (claimed or not)."""
    return [
        _notice(row)
        for row in db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?", [limit]
        )
    ]


def claim(
    db: sqlite_utils.Database, token: str, now: str, stale_before: str, limit: int
) -> list[Notice]:
    """Claim up to ``limit`` unsent notices for the flush ``token``, oldest first: those nobody
    holds and those whose claim is older than ``stale_before``. One statement, so two flushes
    (on any connections) never claim the same row."""
    rows = db.execute(
        "UPDATE outbox SET claim = ?, claimed_at = ? WHERE id IN (SELECT id FROM outbox"
        " WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY id LIMIT ?)"
        f" RETURNING {_COLUMNS}",
        [token, now, stale_before, limit],
    ).fetchall()
    return sorted((_notice(row) for row in rows), key=lambda notice: notice.id)


def renew(db: sqlite_utils.Database, notice_id: int, token: str, now: str) -> bool:
    """Renew the claim on an unsent notice just before sending it; False when another flush
    has taken it over (the claim had gone stale) or it was sent meanwhile."""
    cursor = db.execute(
        "UPDATE outbox SET claimed_at = ? WHERE id = ? AND claim = ? AND sent_at IS NULL",
        [now, notice_id, token],
    )
    return cursor.rowcount == 1


def record_parts(db: sqlite_utils.Database, notice_id: int, token: str, parts: int) -> None:
    """The flush ``token`` has sent the first ``parts`` parts of the notice."""
    db.execute(
        "UPDATE outbox SET parts_sent = ? WHERE id = ? AND claim = ? AND sent_at IS NULL",
        [parts, notice_id, token],
    )


def release(db: sqlite_utils.Database, notice_id: int, token: str) -> None:
    """The flush ``token`` could not send the notice: count the attempt, let the next try."""
    db.execute(
        "UPDATE outbox SET claim = NULL, claimed_at = NULL, attempts = attempts + 1"
        " WHERE id = ? AND claim = ? AND sent_at IS NULL",
        [notice_id, token],
    )


def sent_message(db: sqlite_utils.Database, key: str) -> tuple[int, int] | None:
    """The chat and message id the notice with ``key`` became, once sent."""
    row = db.execute(
        "SELECT chat_id, message_id FROM outbox WHERE key = ? AND message_id IS NOT NULL", [key]
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def mark_sent(
    db: sqlite_utils.Database, notice_id: int, sent_at: str, message_id: int | None = None
) -> None:
    """Record that Telegram accepted the notice (as message ``message_id`` in its chat)."""
    db.execute(
        "UPDATE outbox SET sent_at = ?, message_id = ?, claim = NULL WHERE id = ?",
        [sent_at, message_id, notice_id],
    )


def count_attempt(db: sqlite_utils.Database, notice_id: int) -> None:
    """Record a failed attempt to send the notice."""
    db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", [notice_id])


def delete_about(db: sqlite_utils.Database, subjects: Iterable[str], sent: bool | None) -> int:
    """Delete the notices about these subjects: only sent ones (``sent=True``), only unsent
    ones (``False``) or both (``None``); how many."""
    condition = {True: " AND sent_at IS NOT NULL", False: " AND sent_at IS NULL", None: ""}[sent]
    deleted = 0
    for subject in set(subjects):
        deleted += db.execute(
            "DELETE FROM outbox WHERE subject = ?" + condition, [subject]
        ).rowcount
    return deleted


def delete_to_chat(db: sqlite_utils.Database, chat_id: int) -> int:
    """Delete every notice to this chat, sent or not; how many."""
    return int(db.execute("DELETE FROM outbox WHERE chat_id = ?", [chat_id]).rowcount)


def any_sent(db: sqlite_utils.Database, keys: Iterable[str]) -> bool:
    """Whether Telegram accepted a notice with one of these keys."""
    wanted = list(keys)
    if not wanted:
        return False
    marks = ", ".join("?" for _ in wanted)
    row = db.execute(
        f"SELECT 1 FROM outbox WHERE key IN ({marks}) AND sent_at IS NOT NULL LIMIT 1", wanted
    ).fetchone()
    return row is not None


def unsent_chats(db: sqlite_utils.Database, subject: str, template: str) -> set[int]:
    """The chats with an unsent notice about ``subject`` made from ``template``."""
    return {
        int(row[0])
        for row in db.execute(
            "SELECT chat_id FROM outbox WHERE subject = ? AND template = ? AND sent_at IS NULL",
            [subject, template],
        )
    }


def delete_unsent(db: sqlite_utils.Database, keys: Iterable[str]) -> int:
    """Delete the unsent notices with these keys; how many."""
    return sum(
        db.execute("DELETE FROM outbox WHERE key = ? AND sent_at IS NULL", [key]).rowcount
        for key in set(keys)
    )
