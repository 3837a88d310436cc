"""Sending what the outbox holds: after every action, and every minute for what failed."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import TelegramError

from handlers.context import SamradContext
from knowledge.council import outbox

log = logging.getLogger(__name__)


async def flush_outbox(context: SamradContext) -> int:
    """Send every unsent notice; each is marked sent only after Telegram accepted it."""
    db = context.store
    sent = 0
    for notice in outbox.pending(db):
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data)]
                    for label, data in notice.buttons
                ]
            )
            if notice.buttons
            else None
        )
        try:
            await context.bot.send_message(
                notice.chat_id, notice.text, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        except TelegramError:
            log.warning("Notice %s not sent; it will be tried again", notice.id)
            outbox.mark_failed(db, notice.id)
            continue
        outbox.mark_sent(db, notice.id)
        sent += 1
    return sent
