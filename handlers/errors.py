"""One error handler for everything: log, tell the user in Swedish, report to the secretary.

Reports are rate-limited per kind of error (its type and where it was raised): at most one a
minute, the next one saying how many were left out, so nobody can flood the secretary's chat.
"""

from __future__ import annotations

import html
import logging
import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import Update
from telegram.constants import ParseMode

from handlers.context import SamradContext
from knowledge.language import clock

log = logging.getLogger(__name__)
REPORT_EVERY = timedelta(minutes=1)  # per kind of error
REPORTS = "error_reports"  # bot_data key of the reports' bookkeeping
WHERE_BUDGET, DETAILS_BUDGET = 1000, 2500  # characters of escaped HTML per part of a report
SORRY = "Något gick fel när jag skulle svara. Försök igen om en stund."


@dataclass
class _Kind:
    last: datetime
    suppressed: int = 0


async def on_error(update: object, context: SamradContext) -> None:
    """Log the error, apologise to the user, send the details to the secretary's chat."""
    log.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update):
        await _apologise(update, context)
    chat = context.settings.secretary_chat
    if chat is None or context.error is None:
        return
    suppressed = _admit(context, context.error)
    if suppressed is None:
        return
    try:
        await context.bot.send_message(
            chat, report(update, context.error, suppressed), parse_mode=ParseMode.HTML
        )
    except Exception:
        log.exception("Could not send the error report")


async def _apologise(update: Update, context: SamradContext) -> None:
    """A press is always answered (the button stops spinning); the chat hears we failed."""
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(SORRY, show_alert=True)
        elif update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, SORRY)
    except Exception:  # the chat may be the problem; polling must go on
        log.exception("Could not tell the user about the error")


def _admit(context: SamradContext, error: BaseException) -> int | None:
    """How many reports of this kind were left out since the last one, or None to leave this
    one out too."""
    kinds: dict[str, _Kind] = context.bot_data.setdefault(REPORTS, {})
    key = kind_of(error)
    now = clock.now()
    seen = kinds.get(key)
    if seen is not None and now - seen.last < REPORT_EVERY:
        seen.suppressed += 1
        return None
    kinds[key] = _Kind(now)
    return seen.suppressed if seen is not None else 0


def kind_of(error: BaseException) -> str:
    """The error's type and the place it was raised: one kind, however often it happens."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}@{where}"


def report(update: object, error: BaseException, suppressed: int = 0) -> str:
    """The secretary's report as Telegram HTML: cut first, escaped after, so no entity is cut."""
    details = "".join(traceback.format_exception(None, error, error.__traceback__))
    where = update.to_dict() if isinstance(update, Update) else str(update)
    text = (
        f"<b>Fel i samrad: {html.escape(type(error).__name__)}</b>\n"
        f"<pre>{escaped_within(str(where), WHERE_BUDGET)}</pre>\n"
        f"<pre>{escaped_within(details, DETAILS_BUDGET, keep_end=True)}</pre>"
    )
    if suppressed:
        text += f"\n{suppressed} likadana fel under den senaste minuten skickades inte."
    return text


def escaped_within(text: str, budget: int, *, keep_end: bool = False) -> str:
    """``text`` HTML-escaped in at most ``budget`` characters: whole characters are dropped
    (from the end, or from the start with ``keep_end``) before escaping, never half an entity."""
    pieces = [html.escape(c) for c in (reversed(text) if keep_end else text)]
    kept: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) > budget - 1:
            kept.append("…")
            break
        kept.append(piece)
        used += len(piece)
    return "".join(reversed(kept) if keep_end else kept)
