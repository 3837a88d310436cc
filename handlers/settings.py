"""/installningar: a registered member turns the notices about new protocols on or off, and
with them the notices about followed subjects (``knowledge.qa.followed``)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from handlers.common import effective_message
from handlers.context import SamradContext
from handlers.keyboards import button, column
from knowledge.council.roster import person_by_telegram, set_protocol_notices


def _text_and_keyboard(on: bool) -> tuple[str, InlineKeyboardMarkup | None]:
    state = "på" if on else "av"
    label = "Stäng av" if on else "Slå på"
    return (
        f"Meddelanden om nya protokoll och om bevakade ämnen är {state}.",
        column([button(label, "settings_protocols")]),
    )


async def settings(update: Update, context: SamradContext) -> None:
    """Show the member's settings with a button to change them."""
    message = effective_message(update)
    if message is None or update.effective_user is None:
        return
    person = person_by_telegram(context.store, update.effective_user.id)
    if person is None:
        await message.reply_text(
            "Inställningarna gäller registrerade ledamöter och ersättare. "
            "Be sekreteraren om en inbjudningslänk."
        )
        return
    text, keyboard = _text_and_keyboard(person.notify_protocols)
    await message.reply_text(text, reply_markup=keyboard)


async def toggle(update: Update, context: SamradContext) -> None:
    """The button: flip the setting for the person who pressed it."""
    query = update.callback_query
    if query is None or update.effective_user is None:
        return
    db = context.store
    person = person_by_telegram(db, update.effective_user.id)
    if person is None:
        await query.answer("Bara registrerade personer har inställningar.", show_alert=True)
        return
    on = not person.notify_protocols
    set_protocol_notices(db, person.id, on)
    await query.answer("Sparat.")
    text, keyboard = _text_and_keyboard(on)
    await query.edit_message_text(text, reply_markup=keyboard)
