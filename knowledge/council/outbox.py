"""Notifications to send: written in the same transaction as the change that causes them, sent
afterwards, marked sent only when Telegram accepted them. A unique key makes a repeated update
or a double tap harmless; whatever a crash or an error left unsent goes out on the next flush.

A notice is what to say, not how: a template name (the bot's ``notices/<template>``), its
parameters (names, ISO dates, "HH:MM" times, council keys: plain JSON) and its actions (a
button's label, and the kind and arguments of what pressing it does). Each notice has a subject,
the thing it is about ("absence:17"), so that the notices about something can be cancelled or
forgotten together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

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
    "forget",
    "forget_chat",
    "mark_failed",
    "mark_sent",
    "pending",
]


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
) -> bool:
    """Queue a notice; False when one with this key exists already (nothing is added)."""
    return table.insert(db, key, chat_id, template, params or {}, actions, subject, clock.stamp())


def pending(db: sqlite_utils.Database, limit: int = 100) -> list[Notice]:
    """The notices still to send, oldest first."""
    return table.unsent(db, limit)


def mark_sent(db: sqlite_utils.Database, notice_id: int) -> None:
    """Telegram accepted the notice: it is not sent again."""
    table.mark_sent(db, notice_id, clock.stamp())


def mark_failed(db: sqlite_utils.Database, notice_id: int) -> None:
    """Sending failed: the notice is tried again on the next flush."""
    table.count_attempt(db, notice_id)


def cancel(db: sqlite_utils.Database, subjects: Iterable[str]) -> int:
    """The unsent notices about these subjects will not go out; how many there were."""
    return table.delete_about(db, subjects, sent=False)


def forget(db: sqlite_utils.Database, subjects: Iterable[str], *, sent_only: bool = False) -> int:
    """Delete the notices about these subjects, sent and unsent (or only the sent ones:
    retention); how many."""
    return table.delete_about(db, subjects, sent=True if sent_only else None)


def forget_chat(db: sqlite_utils.Database, chat_id: int) -> int:
    """Delete every notice to this chat, sent or not; how many."""
    return table.delete_to_chat(db, chat_id)
