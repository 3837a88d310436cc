"""What every handler needs: the database, the engine, the configuration, sending an answer."""

from __future__ import annotations

from datetime import date

import sqlite_utils
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.config import Config
from bot.render import render_html
from knowledge.council.roster import Person, person_by_telegram
from knowledge.language import clock
from knowledge.qa.engine import Engine
from knowledge.qa.types import Answer, Choice
from knowledge.storage import followups

FOLLOWUP_PREFIX = "q:"


def db_of(context: ContextTypes.DEFAULT_TYPE) -> sqlite_utils.Database:
    db: sqlite_utils.Database = context.bot_data["db"]
    return db


def engine_of(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    engine: Engine = context.bot_data["engine"]
    return engine


def config_of(context: ContextTypes.DEFAULT_TYPE) -> Config:
    config: Config = context.bot_data["config"]
    return config


def is_secretary_user(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> bool:
    """The configured secretary chat, or a secretary in the roster."""
    from knowledge.council.roster import is_secretary

    return user_id == config_of(context).secretary_chat or is_secretary(db_of(context), user_id)


def registered_person(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Person | None:
    """The roster person behind this Telegram account, if they have registered."""
    if update.effective_user is None:
        return None
    return person_by_telegram(db_of(context), update.effective_user.id)


async def secretary_message(
    update: Update, context: ContextTypes.DEFAULT_TYPE, refusal: str
) -> Message | None:
    """The message to answer when the secretary sent it; anyone else gets ``refusal``."""
    message = effective_message(update)
    if message is None or update.effective_user is None:
        return None
    if not is_secretary_user(context, update.effective_user.id):
        await message.reply_text(refusal)
        return None
    return message


def today() -> date:
    """Today in Europe/Stockholm, where the council meets."""
    return clock.today()


def choice_keyboard(
    context: ContextTypes.DEFAULT_TYPE, choices: list[Choice]
) -> InlineKeyboardMarkup | None:
    """Buttons for follow-ups; each carries only the id of its stored question."""
    if not choices:
        return None
    db = db_of(context)
    rows = [
        [
            InlineKeyboardButton(
                choice.label[:60],
                callback_data=FOLLOWUP_PREFIX
                + str(followups.save(db, choice.query, choice.intent, choice.page)),
            )
        ]
        for choice in choices[:8]
    ]
    return InlineKeyboardMarkup(rows)


async def send_answer(message: Message, context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
    """Send an answer as one or more HTML messages; its buttons go on the last one."""
    chunks = render_html(answer)
    keyboard = choice_keyboard(context, answer.choices)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard if last else None,
            do_quote=False,
        )


def effective_message(update: Update) -> Message | None:
    if update.callback_query and isinstance(update.callback_query.message, Message):
        return update.callback_query.message
    return update.effective_message
