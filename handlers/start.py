"""/start and /hjalp: what samrad can do, with example questions as buttons."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from handlers.common import PRIVATE_ONLY, effective_message, is_secretary_user, registered_person
from handlers.context import SamradContext
from handlers.keyboards import followups_keyboard
from handlers.registration import register_with_code
from handlers.replies import reply_html
from knowledge.council.roster import Person
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
    person = registered_person(update, context)
    await reply_html(
        message,
        context.renderer.template(
            "start",
            name=_first_name(update, person),
            registered=person is not None,
            secretary=_is_secretary(update, context),
        ),
        reply_markup=followups_keyboard(context.store, [Choice(q, q) for q in EXAMPLES[:4]]),
    )


def _first_name(update: Update, person: Person | None) -> str:
    """The name to greet: the roster's, else Telegram's; none when none is known."""
    if person is not None:
        return person.name.split()[0]
    user = update.effective_user
    return (user.first_name or "").strip() if user is not None else ""


def _is_secretary(update: Update, context: SamradContext) -> bool:
    user = update.effective_user
    return user is not None and is_secretary_user(context, user.id)


async def help_command(update: Update, context: SamradContext) -> None:
    """/hjalp: every command and example questions."""
    message = effective_message(update)
    if message is None:
        return
    await reply_html(
        message,
        context.renderer.template(
            "help", examples=EXAMPLES, secretary=_is_secretary(update, context)
        ),
    )


async def private_only(update: Update, context: SamradContext) -> None:
    """A secretary's command in a group: not answered there (an invite link is single-use,
    attendance is nobody else's business); it stops here, before the command's handler."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text(PRIVATE_ONLY)
    raise ApplicationHandlerStop


async def unknown_command(update: Update, context: SamradContext) -> None:
    """A command the bot does not have."""
    message = effective_message(update)
    if message is not None:
        await message.reply_text(
            "Det kommandot finns inte. Skriv /hjalp för att se vad jag kan, "
            "eller ställ din fråga med vanliga ord."
        )


async def unknown_button(update: Update, context: SamradContext) -> None:
    """A button whose data samrad cannot read (stale or forged): the press is answered."""
    if update.callback_query is not None:
        await update.callback_query.answer(
            "Den här knappen fungerar inte längre. Skriv /hjalp för att se vad jag kan.",
            show_alert=True,
        )
