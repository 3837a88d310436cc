"""Sending what the outbox holds: after every action, and every minute for what failed.

A notice is rendered when it is sent: its template with its parameters (``context.renderer``),
its actions as buttons whose callback data ``handlers.callbacks`` writes. Rows from before
notices had templates are sent with the text and buttons they hold.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import TelegramError

from handlers.callbacks import encode
from handlers.context import Renderer, SamradContext
from knowledge.council import outbox

log = logging.getLogger(__name__)


def message(notice: outbox.Notice, renderer: Renderer) -> tuple[str, list[tuple[str, str]]]:
    """The notice's text (Telegram HTML) and its buttons as (label, callback data)."""
    if notice.template is None:
        return notice.text, [(label, data) for label, data in notice.buttons]
    text = renderer.notice(notice.template, notice.params)
    return text, [(action.label, encode(action.kind, *action.args)) for action in notice.actions]


async def flush_outbox(context: SamradContext) -> int:
    """Send every unsent notice; each is marked sent only after Telegram accepted it."""
    db = context.store
    sent = 0
    for notice in outbox.pending(db):
        try:
            text, buttons = message(notice, context.renderer)
        except Exception:  # a notice that cannot be rendered must not hold up the others
            log.exception("Notice %s cannot be rendered", notice.id)
            outbox.mark_failed(db, notice.id)
            continue
        markup = (
            InlineKeyboardMarkup(
                [[InlineKeyboardButton(label, callback_data=data)] for label, data in buttons]
            )
            if buttons
            else None
        )
        try:
            await context.bot.send_message(
                notice.chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        except TelegramError:
            log.warning("Notice %s not sent; it will be tried again", notice.id)
            outbox.mark_failed(db, notice.id)
            continue
        outbox.mark_sent(db, notice.id)
        sent += 1
    return sent
