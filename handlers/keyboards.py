"""Inline keyboards: every button samrad shows, built from a label and a callback kind."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.callbacks import encode
from knowledge.language.dates import format_date
from knowledge.qa.types import SEND_DOCUMENT, Answer, Choice, Source
from knowledge.storage import followups

MAX_LABEL = 60  # longer labels are cut on a phone anyway
MAX_FOLLOWUPS = 8
MAX_DOCUMENTS = 3  # buttons that send a cited document


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


def answer_keyboard(db: sqlite_utils.Database, answer: Answer) -> InlineKeyboardMarkup | None:
    """The follow-ups under an answer, then a button per document its sources cite that sends
    the document itself (not under an answer that sends them already)."""
    markup = followups_keyboard(db, answer.choices)
    rows = [list(row) for row in markup.inline_keyboard] if markup else []
    if answer.intent != SEND_DOCUMENT:
        rows += [[document_button(source)] for source in _cited_documents(answer.sources)]
    return InlineKeyboardMarkup(rows) if rows else None


def _cited_documents(sources: Sequence[Source]) -> list[Source]:
    seen: set[int] = set()
    cited = []
    for source in sources:
        if source.document_id is not None and source.document_id not in seen:
            seen.add(source.document_id)
            cited.append(source)
    return cited[:MAX_DOCUMENTS]


def document_button(source: Source) -> InlineKeyboardButton:
    """ "Skicka protokollet 6 maj 2022": sends the document a source cites."""
    noun = "rapporten" if source.council == source.document else "protokollet"
    when = f" {format_date(source.date, weekday=False)}" if source.date else ""
    return button(f"Skicka {noun}{when}", "send_document", source.document_id)
