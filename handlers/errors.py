"""One error handler for everything: log, tell the user in Swedish, report to the secretary."""

from __future__ import annotations

import html
import logging
import traceback

from telegram import Update
from telegram.constants import ParseMode

from handlers.context import SamradContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: SamradContext) -> None:
    """Log the error, apologise to the user, send the details to the secretary's chat."""
    log.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await context.bot.send_message(
                update.effective_chat.id,
                "Något gick fel när jag skulle svara. Försök igen om en stund.",
            )
        except Exception:  # the chat may be the problem; polling must go on
            log.exception("Could not tell the user about the error")
    chat = context.settings.secretary_chat
    if chat is None or context.error is None:
        return
    details = "".join(traceback.format_exception(None, context.error, context.error.__traceback__))
    where = update.to_dict() if isinstance(update, Update) else str(update)
    text = (
        f"<b>Fel i samrad</b>\n<pre>{html.escape(str(where))[:1000]}</pre>\n"
        f"<pre>{html.escape(details)[-2500:]}</pre>"
    )
    try:
        await context.bot.send_message(chat, text, parse_mode=ParseMode.HTML)
    except Exception:
        log.exception("Could not send the error report")
