"""/start and /hjalp: what samrad can do, with example questions as buttons."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot.commands import COMMANDS
from bot.render import render_template
from handlers.common import choice_keyboard, effective_message
from knowledge.qa.engine import EXAMPLES
from knowledge.qa.types import Choice


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the person and show example questions; with a code, register them."""
    message = effective_message(update)
    if message is None:
        return
    if context.args:
        from handlers.registration import register_with_code

        await register_with_code(update, context, context.args[0])
        return
    name = update.effective_user.first_name if update.effective_user else ""
    await message.reply_text(
        render_template("start.html.j2", name=name, commands=COMMANDS),
        parse_mode=ParseMode.HTML,
        reply_markup=choice_keyboard(context, [Choice(q, q) for q in EXAMPLES[:4]]),
    )


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/hjalp: every command and example questions."""
    message = effective_message(update)
    if message is None:
        return
    await message.reply_text(
        render_template("help.html.j2", commands=COMMANDS, examples=EXAMPLES),
        parse_mode=ParseMode.HTML,
    )


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text(
            "Det kommandot finns inte. Skriv /hjalp för att se vad jag kan, "
            "eller ställ din fråga med vanliga ord."
        )


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler(["hjalp", "help"], help_command))


def register_unknown(application: Application) -> None:
    """Registered last, after every feature's commands."""
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))
