"""Notifications to send: written in the same transaction as the change that causes them, sent
afterwards, marked sent only when Telegram accepted them. A unique key makes a repeated update
or a double tap harmless; whatever a crash or an error left unsent goes out on the next flush.

A notice is what to say, not how: a template name (the bot's ``notices/<template>``), its
parameters (names, ISO dates, "HH:MM" times, council keys: plain JSON) and its actions (a
button's label, and the kind and arguments of what pressing it does). Each notice has a subject,
the thing it is about ("absence:17"), so that the notices about something can be cancelled or
forgotten together.

Sending is exactly once as far as the bot can make it: a flush first claims its rows (one
atomic statement), sends, marks each sent, and releases what failed for the next flush. A claim
left by a flush that died (between sending and marking, say) is taken over after
``CLAIM_MINUTES``: such a notice may go out twice, but it is never lost. A notice too long
for one message goes in parts, each counted as Telegram accepts it (``part_sent``): a retry
sends only the parts still missing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

import sqlite_utils

from knowledge.language import clock
from knowledge.storage import outbox as table
from knowledge.storage.outbox import Action, Notice

__all__ = [
    "Action",
    "Notice",
    "about",
    "add",
    "cancel",
    "cancel_keys",
    "claim",
    "forget",
    "forget_chat",
    "mark_failed",
    "mark_sent",
    "part_sent",
    "pending",
    "received",
    "release",
    "sent_message",
    "unsent_chats",
]

CLAIM_MINUTES = 5  # a flush that holds a notice longer than this has died


def about(kind: str, *parts: object) -> str:
    """A notice's subject: ``about("absence", 17)`` is "absence:17"."""
    return ":".join([kind, *(str(part) for part in parts)])


def add(
    db: sqlite_utils.Database,
    key: str,
    chat_id: int,
    *,
    template: str,
    params: Mapping[str, object] | None = None,
    actions: Sequence[Action] = (),
    subject: str | None = None,
    edits: str | None = None,
    document: Mapping[str, object] | None = None,
) -> bool:
    """Queue a notice; False when one with this key exists already (nothing is added). With
    ``edits`` (another notice's key) the message that notice became loses its buttons when
    this one is sent (a question that no longer holds). With ``document`` the notice is a
    file ({"kind": "kallelse", "id": 5}, {"kind": "ics", "council": ..., "date": ...}) and
    its text the caption: one row per file, so each is sent exactly once on its own."""
    return table.insert(
        db, key, chat_id, template, params or {}, actions, subject, clock.stamp(), edits, document
    )


def pending(db: sqlite_utils.Database, limit: int = 100) -> list[Notice]:
    """The notices still to send, oldest first."""
    return table.unsent(db, limit)


def claim(db: sqlite_utils.Database, limit: int = 100, now: datetime | None = None) -> list[Notice]:
    """Take the unsent notices nobody is sending (oldest first) for one flush; each carries the
    flush's token (``Notice.claim``). No other flush gets them until they are released or their
    claim is ``CLAIM_MINUTES`` old."""
    now = now or clock.now()
    stale = clock.stamp(now - timedelta(minutes=CLAIM_MINUTES))
    return table.claim(db, secrets.token_hex(8), clock.stamp(now), stale, limit)


def still_ours(db: sqlite_utils.Database, notice: Notice) -> bool:
    """Renew this flush's claim right before sending: a batch slower than ``CLAIM_MINUTES``
    never sends a notice that another flush has taken over."""
    return notice.claim is not None and table.renew(db, notice.id, notice.claim, clock.stamp())


def part_sent(db: sqlite_utils.Database, notice: Notice, parts: int) -> None:
    """Telegram accepted the first ``parts`` parts of a notice sent in parts: a retry (after
    an error on a later part, or a restart) sends only the rest."""
    notice.parts_sent = parts
    if notice.claim is not None:
        table.record_parts(db, notice.id, notice.claim, parts)


def release(db: sqlite_utils.Database, notice: Notice) -> None:
    """Sending the claimed notice failed: the next flush tries it again."""
    if notice.claim is not None:
        table.release(db, notice.id, notice.claim)


def mark_sent(db: sqlite_utils.Database, notice_id: int, message_id: int | None = None) -> None:
    """Telegram accepted the notice (as ``message_id``): it is not sent again."""
    table.mark_sent(db, notice_id, clock.stamp(), message_id)


def mark_failed(db: sqlite_utils.Database, notice_id: int) -> None:
    """Sending failed: the notice is tried again on the next flush."""
    table.count_attempt(db, notice_id)


def sent_message(db: sqlite_utils.Database, key: str) -> tuple[int, int] | None:
    """(chat, message id) of the message the notice with ``key`` became, once sent."""
    return table.sent_message(db, key)


def cancel(db: sqlite_utils.Database, subjects: Iterable[str]) -> int:
    """The unsent notices about these subjects will not go out; how many there were."""
    return table.delete_about(db, subjects, sent=False)


def cancel_keys(db: sqlite_utils.Database, keys: Iterable[str]) -> int:
    """The unsent notices with these keys will not go out; how many there were."""
    return table.delete_unsent(db, keys)


def received(db: sqlite_utils.Database, keys: Iterable[str]) -> bool:
    """Whether a notice with one of these keys went out (Telegram accepted it)."""
    return table.any_sent(db, keys)


def unsent_chats(db: sqlite_utils.Database, subject: str, template: str) -> set[int]:
    """Who has a notice about ``subject`` made from ``template`` still to come."""
    return table.unsent_chats(db, subject, template)


def forget(db: sqlite_utils.Database, subjects: Iterable[str], *, sent_only: bool = False) -> int:
    """Delete the notices about these subjects, sent and unsent (or only the sent ones:
    retention); how many."""
    return table.delete_about(db, subjects, sent=True if sent_only else None)


def forget_chat(db: sqlite_utils.Database, chat_id: int) -> int:
    """Delete every notice to this chat, sent or not; how many."""
    return table.delete_to_chat(db, chat_id)
