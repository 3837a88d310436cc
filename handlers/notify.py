"""Sending what the outbox holds: after every action, and every minute for what failed.

A notice is rendered when it is sent: its template with its parameters (``context.renderer``),
its actions as buttons whose callback data ``handlers.callbacks`` writes. Rows from before
notices had templates are sent with the text and buttons they hold. A notice of a changed
meeting goes as its updated .ics file, the notice its caption: one message, sent or not.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import Callable, Mapping
from datetime import date, timedelta

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, RetryAfter, TelegramError

from handlers.callbacks import encode
from handlers.context import Renderer, SamradContext
from handlers.replies import split_html
from knowledge.council import outbox
from knowledge.council.ics import changed_meeting_file
from knowledge.council.kallelser import original_file
from knowledge.council.meetings import CANCELLED, meeting_on

log = logging.getLogger(__name__)
RETRIES = 3  # Telegram's "retry after" is waited out this many times per notice ...
MAX_WAIT = 30  # ... when it is this many seconds or less


def _meeting_file(db: sqlite_utils.Database, params: Mapping[str, object]) -> tuple[str, bytes]:
    day = date.fromisoformat(str(params["meeting_date"]))
    data = changed_meeting_file(db, str(params["council"]), day)
    return (f"mote-{day.isoformat()}.ics", data) if data else ("", b"")


# Templates whose notice goes with a file: (file name, content), or no content for none.
FILES: dict[str, Callable[[sqlite_utils.Database, Mapping[str, object]], tuple[str, bytes]]] = {
    "meeting_changed": _meeting_file,
}


def message(
    notice: outbox.Notice, renderer: Renderer, *, with_file: bool = False
) -> tuple[str, list[tuple[str, str]]]:
    """The notice's text (Telegram HTML) and its buttons as (label, callback data);
    ``with_file``: the text is the caption of the notice's file."""
    if notice.template is None:
        return notice.text, [(label, data) for label, data in notice.buttons]
    params = {**notice.params, "calendar_file": True} if with_file else notice.params
    text = renderer.notice(notice.template, params)
    return text, [(action.label, encode(action.kind, *action.args)) for action in notice.actions]


async def flush_outbox(context: SamradContext) -> int:
    """Send the unsent notices nobody else is sending: claimed first, so two flushes (a handler
    and a job) never send one twice; each is marked sent only after Telegram accepted it, and
    released for the next flush when it could not be sent."""
    db = context.store
    claimed = outbox.claim(db)
    done: set[int] = set()
    sent = 0
    try:
        for notice in claimed:
            done.add(notice.id)
            if not outbox.still_ours(db, notice):
                continue  # taken over by another flush after this one ran slow
            try:
                message_id = await _deliver(context, notice)
                outbox.mark_sent(db, notice.id, message_id)
            except TelegramError as error:
                log.warning("Notice %s not sent (%s); it will be tried again", notice.id, error)
                outbox.release(db, notice)
                continue
            except Exception:  # not rendered, or sent and not marked: tried again, never lost
                log.exception("Notice %s failed; it will be tried again", notice.id)
                outbox.release(db, notice)
                continue
            sent += 1
    finally:  # cancelled half-way: what was not tried goes back at once
        for notice in claimed:
            if notice.id not in done:
                outbox.release(db, notice)
    return sent


async def _deliver(context: SamradContext, notice: outbox.Notice) -> int:
    """Send the notice (first taking away the buttons of the message it ``edits``); the new
    message's id."""
    make_file = FILES.get(notice.template or "")
    filename, data = make_file(context.store, notice.params) if make_file else ("", b"")
    attached = _file(context, notice.document) if notice.document and not data else None
    if attached is not None:
        filename, data = attached
    text, buttons = message(notice, context.renderer, with_file=bool(data))
    if len(text) > MessageLimit.CAPTION_LENGTH:
        data = b""  # too long for a caption: the notice alone says it
        text, buttons = message(notice, context.renderer)
    markup = (
        InlineKeyboardMarkup(
            [[InlineKeyboardButton(label, callback_data=data)] for label, data in buttons]
        )
        if buttons
        else None
    )
    earlier = outbox.sent_message(context.store, notice.edits) if notice.edits else None
    for attempt in range(1, RETRIES + 1):
        try:
            if earlier is not None:
                # The earlier message's buttons go (an edit alone would not be noticed); it
                # may be deleted, too old, or without buttons already.
                with contextlib.suppress(BadRequest):
                    await context.bot.edit_message_reply_markup(
                        chat_id=earlier[0], message_id=earlier[1], reply_markup=None
                    )
                earlier = None
            if data:
                sent = await context.bot.send_document(
                    notice.chat_id,
                    InputFile(data, filename=filename),
                    caption=text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                )
            else:
                # A long notice (a handover's background) goes in parts, the buttons last;
                # each part once: a retry goes on after the parts already accepted.
                *first, last = split_html(text)
                for number, part in enumerate(first, start=1):
                    if number <= notice.parts_sent:
                        continue
                    await context.bot.send_message(notice.chat_id, part, parse_mode=ParseMode.HTML)
                    outbox.part_sent(context.store, notice, number)
                sent = await context.bot.send_message(
                    notice.chat_id, last, parse_mode=ParseMode.HTML, reply_markup=markup
                )
            return sent.message_id
        except RetryAfter as error:
            with warnings.catch_warnings():  # PTB 22 warns that it will become a timedelta
                warnings.simplefilter("ignore")
                wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            if attempt == RETRIES or seconds > MAX_WAIT:
                raise  # released: a later flush tries, well within the claim's minutes
            await asyncio.sleep(seconds)
    raise AssertionError("unreachable")


def _file(context: SamradContext, document: dict[str, object]) -> tuple[str, bytes] | None:
    """The file a notice carries: a kallelse's original, or a meeting as an .ics; None when
    it is gone (the notice's text is sent alone)."""
    db = context.store
    if document.get("kind") == "kallelse":
        return original_file(db, int(str(document.get("id"))))
    if document.get("kind") == "ics":
        # The event /kalender gives (its UID and agenda), where the meeting is now: a meeting
        # moved before this notice went out is sent on its new day.
        council, day = str(document.get("council")), date.fromisoformat(str(document.get("date")))
        meeting = meeting_on(db, council, day)
        if meeting is None or (meeting.status == CANCELLED and meeting.moved_to is None):
            return None
        filename, data = _meeting_file(db, {"council": council, "meeting_date": day.isoformat()})
        return (filename, data) if data else None
    return None
