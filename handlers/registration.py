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
    seats = [m for m in list_members(db) if m.person_id == person.id]
    roles = [
        f"{m.role} för {m.organisation} i {COUNCIL_SHORT.get(m.council, m.council)}" for m in seats
    ]
    held = {m.role for m in seats}
    what = []
    if "ledamot" in held:
        what.append(
            "Kan du inte komma på ett möte anmäler du förhinder med /franvaro; din ersättare "
            "tillfrågas då."
        )
    if "ersättare" in held:
        what.append(
            "När din ledamot inte kan komma får du en fråga här om du kan ersätta, och svarar "
            "med Ja eller Nej."
        )
    if "ledamot" in held or "ersättare" in held:
        what.append("Teman till kommande möten föreslår du med /foresla.")
    if "sekreterare" in held:
        what.append(
            "Som sekreterare får du besked när ingen ersättare kan komma och när någon föreslår "
            "ett tema. Närvaron till nästa möte ser du med /narvaro, kalendern ändrar du med "
            "/nyttmote och /stallin, förslagen hanterar du med /forslag och /status, och "
            "protokoll laddar du upp genom att skicka filen hit. Nya personer bjuder du in med "
            "/inbjud."
        )
    what.append("Frågor om mötena och protokollen kan du skriva som vanlig text.")
    await message.reply_text(
        f"Välkommen, {person.name}! Du är registrerad"
        + (f" som {'; '.join(roles)}" if roles else "")
        + ".\n\n"
        + "\n".join(what)
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
