"""What every handler needs: the database, the configuration, and sending an answer."""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode

from handlers.context import SamradContext
from knowledge.council.roster import Person, person_by_telegram
from knowledge.language import clock
from knowledge.qa.types import Answer, Choice
from knowledge.storage import followups

FOLLOWUP_PREFIX = "q:"


def is_secretary_user(context: SamradContext, user_id: int) -> bool:
    """The configured secretary chat, or a secretary in the roster."""
    from knowledge.council.roster import is_secretary

    return user_id == context.settings.secretary_chat or is_secretary(context.store, user_id)


def registered_person(update: Update, context: SamradContext) -> Person | None:
    """The roster person behind this Telegram account, if they have registered."""
    if update.effective_user is None:
        return None
    return person_by_telegram(context.store, update.effective_user.id)


async def secretary_message(update: Update, context: SamradContext, refusal: str) -> Message | None:
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


def choice_keyboard(context: SamradContext, choices: list[Choice]) -> InlineKeyboardMarkup | None:
    """Buttons for follow-ups; each carries only the id of its stored question."""
    if not choices:
        return None
    db = context.store
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


async def send_answer(message: Message, context: SamradContext, answer: Answer) -> None:
    """Send an answer as one or more HTML messages; its buttons go on the last one."""
    chunks = context.renderer.answer(answer)
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
