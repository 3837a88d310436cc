"""The member's conversation: the steps that wait for typed text or a choice (a theme, its
motivation, the hours of a part-meeting absence).

There is one conversation per chat and person, so a message belongs to the step that is open
and otherwise goes to the front door. It is persisted (``bot/persistence.py``), so a restart in
the middle of a step loses nothing; it ends after a while of silence, and ``/avbryt`` ends it at
any step. What a step remembers lives in ``user_data`` and is cleared when the conversation ends.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from handlers.common import PRIVATE_ONLY, effective_message
from handlers.context import SamradContext
from knowledge.language import clock

NAME = "member"
END = ConversationHandler.END
# Steps are strings because they are stored in the database.
PROPOSAL_THEME = "proposal_theme"
PROPOSAL_CHOICE = "proposal_choice"
PROPOSAL_MOTIVATION = "proposal_motivation"
ABSENCE_PART = "absence_part"
STEPS = (PROPOSAL_THEME, PROPOSAL_CHOICE, PROPOSAL_MOTIVATION, ABSENCE_PART)

_STEP_AT = "step_at"  # when the open step began, to end it after silence even across restarts

Callback = Callable[[Update, SamradContext], Coroutine[Any, Any, object]]


def _mark(context: SamradContext, state: object) -> object:
    """Remember when a step opened; a finished conversation keeps nothing."""
    if context.user_data is not None:
        if state in STEPS:
            context.user_data[_STEP_AT] = clock.stamp()
        elif state == END or state is None:
            context.user_data.clear()
    return state


def _stale(context: SamradContext) -> bool:
    opened = (context.user_data or {}).get(_STEP_AT)
    if not opened:
        return True  # a step whose time was never stored cannot be trusted to be recent
    silence = timedelta(minutes=context.settings.conversation_minutes)
    return clock.now() - datetime.fromisoformat(opened) > silence


def entry(callback: Callback) -> Callback:
    """An entry point: whatever step it opens is remembered with its time."""

    async def run(update: Update, context: SamradContext) -> object:
        return _mark(context, await callback(update, context))

    run.__doc__ = callback.__doc__
    return run


def step(callback: Callback, *, when_stale: Callback) -> Callback:
    """A step: if it has been silent too long (a restart loses PTB's timeout job), the
    conversation ends and the update goes to ``when_stale`` instead."""

    async def run(update: Update, context: SamradContext) -> object:
        if _stale(context):
            _mark(context, END)
            return _mark(context, await when_stale(update, context))
        return _mark(context, await callback(update, context))

    run.__doc__ = callback.__doc__
    return run


def leave_for(callback: Callback) -> Callback:
    """End the open step and hand the update to ``callback`` (the front door)."""

    async def run(update: Update, context: SamradContext) -> object:
        _mark(context, END)
        return await callback(update, context)

    run.__doc__ = callback.__doc__
    return run


async def in_private_only(update: Update, context: SamradContext) -> None:
    """/franvaro or /foresla in a group: those are done in a private chat."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text(PRIVATE_ONLY)


async def expired_press(update: Update, context: SamradContext) -> object:
    """A button of a step that ended in silence."""
    if update.callback_query:
        await update.callback_query.answer(
            "Det här har avbrutits eftersom det var tyst en stund. Börja om.", show_alert=True
        )
        await update.callback_query.edit_message_reply_markup(None)
    return END


async def timed_out(update: Update, context: SamradContext) -> object:
    """Silence ended the conversation: say so, so the next message is not taken as an answer."""
    message = effective_message(update)
    if context.user_data is not None:
        context.user_data.clear()
    if message is not None:
        await context.bot.send_message(
            message.chat_id,
            "Det blev tyst en stund, så jag avbröt. Börja om med /foresla eller /franvaro "
            "när du vill; allt annat du skriver är frågor till mig.",
        )
    return END


async def cancel(update: Update, context: SamradContext) -> object:
    """/avbryt (or an Avbryt button) at any step: nothing is filed."""
    if context.user_data is not None:
        context.user_data.clear()
    if update.callback_query:
        await update.callback_query.answer("Avbrutet.")
        await update.callback_query.edit_message_reply_markup(None)
    message = effective_message(update)
    if message is not None:
        await message.reply_text("Avbrutet. Inget skickades in.")
    return END


async def nothing_to_cancel(update: Update, context: SamradContext) -> None:
    """/avbryt outside a conversation."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text("Det finns inget att avbryta just nu.")
