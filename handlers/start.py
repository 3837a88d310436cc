"""/start and /hjalp: what samrad can do, with example questions as buttons."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, MessageHandler, filters

from handlers.common import effective_message
from handlers.context import SamradContext
from handlers.keyboards import followups_keyboard
from handlers.registration import register_with_code
from knowledge.qa.engine import EXAMPLES
from knowledge.qa.types import Choice


async def start(update: Update, context: SamradContext) -> None:
    """Greet the person and show example questions; with a code, register them."""
    message = effective_message(update)
    if message is None:
        return
    if context.args:
        await register_with_code(update, context, context.args[0])
        return
    name = update.effective_user.first_name if update.effective_user else ""
    await message.reply_text(
        context.renderer.template("start", name=name),
        parse_mode=ParseMode.HTML,
        reply_markup=followups_keyboard(context.store, [Choice(q, q) for q in EXAMPLES[:4]]),
    )


async def help_command(update: Update, context: SamradContext) -> None:
    """/hjalp: every command and example questions."""
    message = effective_message(update)
    if message is None:
        return
    await message.reply_text(
        context.renderer.template("help", examples=EXAMPLES),
        parse_mode=ParseMode.HTML,
    )


async def unknown_command(update: Update, context: SamradContext) -> None:
    """A command the bot does not have."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text(
            "Det kommandot finns inte. Skriv /hjalp för att se vad jag kan, "
            "eller ställ din fråga med vanliga ord."
        )


def register_unknown(application: Application) -> None:
    """Registered last, after every feature's commands."""
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))


async def unknown_button(update: Update, context: SamradContext) -> None:
    """A button whose data samrad cannot read (stale or forged): the press is answered."""
    if update.callback_query is not None:
        await update.callback_query.answer(
            "Den här knappen fungerar inte längre. Skriv /hjalp för att se vad jag kan.",
            show_alert=True,
        )
