"""Inline keyboards: every button samrad shows, built from a label and a callback kind."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.callbacks import encode
from knowledge.qa.types import Choice
from knowledge.storage import followups

MAX_LABEL = 60  # longer labels are cut on a phone anyway
MAX_FOLLOWUPS = 8


def button(label: str, kind: str, *args: object) -> InlineKeyboardButton:
    """One button whose press is read back by ``handlers.callbacks.decode``."""
    return InlineKeyboardButton(label[:MAX_LABEL], callback_data=encode(kind, *args))


def column(buttons: Sequence[InlineKeyboardButton]) -> InlineKeyboardMarkup | None:
    """Buttons one under the other (none: no keyboard)."""
    return InlineKeyboardMarkup.from_column(list(buttons)) if buttons else None


def followups_keyboard(
    db: sqlite_utils.Database, choices: Sequence[Choice]
) -> InlineKeyboardMarkup | None:
    """Follow-up buttons under an answer; each carries only the id of its stored question."""
    return column(
        [
            button(
                choice.label,
                "followup",
                followups.save(db, choice.query, choice.intent, choice.page),
            )
            for choice in choices[:MAX_FOLLOWUPS]
        ]
    )
