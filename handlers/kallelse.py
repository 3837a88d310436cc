"""Kallelser in the chat: the secretary's file shown as read, with a button to send it to the
council's ledamöter and ersättare (or not); the upload itself arrives in ``handlers.upload``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from telegram import CallbackQuery, Message, Update

from handlers.callbacks import decode
from handlers.common import effective_message, is_secretary_user
from handlers.context import SamradContext
from handlers.keyboards import button, column
from handlers.notify import flush_outbox
from handlers.replies import reply_html
from knowledge.council import kallelser
from knowledge.ingest.extract import read_bytes
from knowledge.ingest.kallelse import is_kallelse, parse_kallelse
from knowledge.language import clock
from knowledge.qa.engine import Engine
from knowledge.qa.followed import notice_kallelse_followers
from knowledge.storage.database import connect


def read_if_kallelse(
    db_path: Path, data: bytes, name: str, uploader: int, council: str
) -> kallelser.Received | None:
    """Read the file as a kallelse and keep it as a draft; None when it is no kallelse (a
    protocol). Runs off the event loop, on a connection of its own."""
    raw = read_bytes(data, name)
    if not is_kallelse(raw, name):
        return None
    db = connect(db_path)
    try:
        agenda = parse_kallelse(raw, today=clock.today())
        return kallelser.receive(
            db, agenda, filename=name, content=data, uploaded_by=uploader, default_council=council
        )
    finally:
        db.conn.close()


async def show_draft(
    message: Message, context: SamradContext, received: kallelser.Received
) -> None:
    """What was read, with the warnings, and the buttons to send it or not."""
    kallelse = received.kallelse
    sendable = received.blocked is None
    await reply_html(
        message,
        context.renderer.template("kallelse_draft", received=received, lines=received.summary()),
        reply_markup=column(
            [
                button("Skicka kallelsen", "kallelse_publish", kallelse.id),
                button("Skicka inte", "kallelse_discard", kallelse.id),
            ]
        )
        if sendable
        else None,
    )


async def _secretary_press(
    update: Update, context: SamradContext
) -> tuple[CallbackQuery, int] | None:
    """The press and its kallelse's id when the secretary pressed; anyone else is told."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None or update.effective_user is None:
        return None
    if not is_secretary_user(context, update.effective_user.id):
        await query.answer("Bara sekreteraren kan skicka kallelser.", show_alert=True)
        return None
    return query, int(press.args[0])


async def publish_button(update: Update, context: SamradContext) -> None:
    """ "Skicka kallelsen": publish it, and say to how many it went."""
    pressed = await _secretary_press(update, context)
    if pressed is None:
        return
    query, kallelse_id = pressed
    try:
        # Off the event loop (the handover's briefs and the followers' searches take a
        # while), in one transaction on a connection of its own: the bot answers others.
        published = await asyncio.to_thread(_publish, context.settings.db_path, kallelse_id)
    except kallelser.KallelseError as error:
        await query.answer(error.message, show_alert=True)
        return
    await query.answer("Skickad.")
    await query.edit_message_reply_markup(None)
    message = effective_message(update)
    if message is not None:
        await reply_html(
            message, context.renderer.template("kallelse_published", published=published)
        )
    await flush_outbox(context)


def _publish(db_path: Path, kallelse_id: int) -> kallelser.Published:
    """Publish on a connection of this thread's own; the engine's briefs read through it."""
    db = connect(db_path)
    try:
        return kallelser.publish(
            db, kallelse_id, brief=Engine(db).brief, followers=notice_kallelse_followers
        )
    finally:
        db.conn.close()


async def discard_button(update: Update, context: SamradContext) -> None:
    """ "Skicka inte": the draft is struck; nobody is told."""
    pressed = await _secretary_press(update, context)
    if pressed is None:
        return
    query, kallelse_id = pressed
    try:
        kallelser.discard(context.store, kallelse_id)
    except kallelser.KallelseError as error:
        await query.answer(error.message, show_alert=True)
    else:
        await query.answer("Kallelsen skickas inte.")
    await query.edit_message_reply_markup(None)
