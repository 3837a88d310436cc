"""Registration: /start <code> links a Telegram account to the roster; the secretary invites."""

from __future__ import annotations

from telegram import Update, helpers
from telegram.constants import ChatType

from handlers.common import PRIVATE_ONLY, effective_message, secretary_message
from handlers.context import SamradContext
from knowledge.bodies import COUNCIL_SHORT
from knowledge.council.roster import RosterError, create_invite, list_members, redeem_invite


async def register_with_code(update: Update, context: SamradContext, code: str) -> None:
    """The deep link's code: link this account to the invited person."""
    message = effective_message(update)
    if message is None or update.effective_user is None:
        return
    db = context.store
    try:
        person = redeem_invite(db, code, update.effective_user.id, message.chat_id)
    except RosterError as error:
        await message.reply_text(error.message)
        return
    roles = [
        f"{m.role} för {m.organisation} i {COUNCIL_SHORT.get(m.council, m.council)}"
        for m in list_members(db)
        if m.person_id == person.id
    ]
    await message.reply_text(
        f"Välkommen, {person.name}! Du är registrerad"
        + (f" som {'; '.join(roles)}" if roles else "")
        + ". Nu kan du anmäla förhinder med /franvaro och föreslå teman med /foresla."
    )


async def invite(update: Update, context: SamradContext) -> None:
    """/inbjud Namn: the secretary gets a registration link for a person in the roster, in her
    private chat only (the link is single-use: whoever opens it first is registered)."""
    message = await secretary_message(update, context, "Bara sekreteraren kan bjuda in.")
    if message is None:
        return
    if message.chat.type != ChatType.PRIVATE:
        await message.reply_text(PRIVATE_ONLY)
        return
    name = " ".join(context.args or [])
    if not name:
        await message.reply_text("Skriv namnet, till exempel: /inbjud Anna Karlsson")
        return
    try:
        code, _ = create_invite(context.store, name)
    except RosterError as error:
        await message.reply_text(
            f"{error.message} Lägg till personen med `samrad invite` på servern."
        )
        return
    link = helpers.create_deep_linked_url(context.bot.username, code)
    await message.reply_text(
        f"Skicka den här länken till {name}; den gäller i 14 dagar och kan användas en gång:\n"
        f"{link}"
    )
