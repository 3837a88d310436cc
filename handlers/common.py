"""What many handlers need: who is writing, the secretary's guard, and sending an answer."""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode

from handlers.callbacks import Press, decode
from handlers.context import SamradContext
from handlers.keyboards import answer_keyboard
from knowledge.council.roster import Person, is_secretary, person_by_telegram
from knowledge.qa.types import Answer

PRIVATE_ONLY = "Det här kommandot fungerar bara i en privat chatt med mig."


def effective_message(update: Update) -> Message | None:
    """The message to reply to: the one a pressed button sits under, or the one sent."""
    if update.callback_query and isinstance(update.callback_query.message, Message):
        return update.callback_query.message
    return update.effective_message


def pressed(update: Update) -> tuple[CallbackQuery, Press, Message] | None:
    """The button press, its data read back (``handlers.callbacks``) and the message it sits
    under; None when any is missing (data that does not parse is answered elsewhere)."""
    query = update.callback_query
    press = decode(query.data if query else None)
    message = effective_message(update)
    if query is None or press is None or message is None:
        return None
    return query, press, message


def is_secretary_user(context: SamradContext, user_id: int) -> bool:
    """The configured secretary chat, or a secretary in the roster."""
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


async def send_answer(message: Message, context: SamradContext, answer: Answer) -> None:
    """Send an answer as one or more HTML messages; its buttons go on the last one."""
    chunks = context.renderer.answer(answer)
    keyboard = answer_keyboard(context.store, answer)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard if last else None,
            do_quote=False,
        )
