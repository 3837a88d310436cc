"""Theme proposals: /foresla with a similar-theme check, support buttons, the secretary's desk.

The theme and its motivation are typed as steps of the member's conversation
(``handlers.conversation``), so a theme that mentions "frånvaro" is still a theme.
"""

from __future__ import annotations

import re
from datetime import date

from telegram import InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ParseMode

from handlers import conversation
from handlers.callbacks import decode
from handlers.common import effective_message, registered_person, secretary_message
from handlers.context import SamradContext
from handlers.keyboards import button, column
from handlers.notify import flush_outbox
from handlers.replies import reply_html
from knowledge.council import proposals
from knowledge.language import clock

NOT_REGISTERED = (
    "Bara registrerade ledamöter och ersättare kan föreslå och stödja teman. "
    "Be sekreteraren om en inbjudningslänk."
)


async def propose_command(update: Update, context: SamradContext) -> object:
    """/foresla [tema]: begin a proposal."""
    return await start(update, context, " ".join(context.args or []))


async def start(update: Update, context: SamradContext, theme: str | None = None) -> object:
    """Begin a proposal; with ``theme`` (from the command or the front door) check it at once."""
    message = effective_message(update)
    if message is None:
        return conversation.END
    if registered_person(update, context) is None:
        await message.reply_text(NOT_REGISTERED)
        return conversation.END
    if theme and theme.strip():
        return await _check_similar(message, context, theme)
    await message.reply_text("Vilket tema vill du föreslå? Skriv det med några ord. (/avbryt)")
    return conversation.PROPOSAL_THEME


async def receive_theme(update: Update, context: SamradContext) -> object:
    """The theme, written."""
    message = update.message
    if message is None or not message.text:
        return conversation.PROPOSAL_THEME
    return await _check_similar(message, context, message.text)


async def _check_similar(message: Message, context: SamradContext, text: str) -> object:
    text = " ".join(text.split())
    if len(text) < 3 or len(text) > proposals.MAX_THEME:
        await message.reply_text(
            f"Skriv temat med 3–{proposals.MAX_THEME} tecken. Försök igen, eller /avbryt."
        )
        return conversation.PROPOSAL_THEME
    if context.user_data is not None:
        context.user_data["theme"] = text
    matches = proposals.similar(context.store, text)
    supports = [
        button(f"Stöd {m.proposal.reference} i stället", "proposal_support", m.proposal.id)
        for m in matches
        if m.kind == "proposal" and m.proposal
    ]
    await message.reply_text(
        context.renderer.template("similar_themes", theme=text, matches=matches),
        parse_mode=ParseMode.HTML,
        reply_markup=column(
            [
                *supports,
                button("Skicka in mitt förslag", "proposal_file"),
                button("Avbryt", "proposal_cancel"),
            ]
        ),
    )
    return conversation.PROPOSAL_CHOICE


async def choose_file(update: Update, context: SamradContext) -> object:
    """File it: ask for an optional motivation."""
    query = update.callback_query
    if query is None:
        return conversation.END
    await query.answer()
    await query.edit_message_reply_markup(None)
    message = effective_message(update)
    if message is not None:
        await message.reply_text(
            "Vill du lägga till en kort motivering? Skriv den, eller tryck Hoppa över.",
            reply_markup=column([button("Hoppa över", "proposal_skip")]),
        )
    return conversation.PROPOSAL_MOTIVATION


async def receive_motivation(update: Update, context: SamradContext) -> object:
    """The motivation (or none): file the proposal and give a receipt."""
    motivation = update.message.text if update.message and update.message.text else None
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    person = registered_person(update, context)
    theme = (context.user_data or {}).get("theme")
    message = effective_message(update)
    if message is None:
        return conversation.END
    if person is None or theme is None:
        await message.reply_text("Förslaget kom bort. Börja om med /foresla.")
        return conversation.END
    try:
        proposal = proposals.propose(
            context.store,
            person.id,
            theme,
            motivation,
            context.settings.council,
            context.settings.secretary_chat,
        )
    except proposals.ProposalError as error:
        await message.reply_text(f"{error.message} Börja om med /foresla.")
        return conversation.END
    told = proposals.secretaries(context.store, context.settings.secretary_chat)
    await message.reply_text(
        f"Tack! Ditt förslag ”{proposal.theme}” har referensnummer {proposal.reference}. "
        + (
            "Sekreteraren har fått det, och du får besked när det planeras eller behandlas."
            if told
            else "Det är sparat och sekreteraren ser det i listan över förslag; du får besked "
            "när det planeras eller behandlas."
        )
    )
    await flush_outbox(context)
    return conversation.END


async def toggle_support(update: Update, context: SamradContext) -> object:
    """A "Stöd" button: support the proposal, or take the support back."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return conversation.END
    person = registered_person(update, context)
    if person is None:
        await query.answer("Bara registrerade personer kan stödja förslag.", show_alert=True)
        return conversation.END
    db = context.store
    proposal_id = press.args[0]
    try:
        if proposals.withdraw_support(db, proposal_id, person.id):
            note = "Ditt stöd är borttaget."
        else:
            proposals.support(db, proposal_id, person.id)
            note = "Tack, ditt stöd är registrerat."
    except proposals.ProposalError as error:
        await query.answer(error.message, show_alert=True)
        return conversation.END
    await query.answer(note)
    message = effective_message(update)
    if message is not None:
        proposal = proposals.get(db, proposal_id)
        await message.reply_text(
            f"{note} {proposal.reference}: {proposal.theme} ({len(proposal.supporters)} stöder)."
        )
    return conversation.END


async def pending_with_buttons(update: Update, context: SamradContext) -> None:
    """The members' pending proposals, each with a "Stöd" button (after /teman's answer)."""
    message = effective_message(update)
    if message is None:
        return
    items = proposals.pending(context.store)
    if not items:
        await message.reply_text(
            "Inga temaförslag från ledamöterna väntar just nu. Föreslå ett med /foresla."
        )
        return
    person = registered_person(update, context)
    me = person.id if person else None

    def support_buttons(chunk: str) -> InlineKeyboardMarkup | None:
        # A long list comes in several messages: each carries the buttons of its proposals.
        return column(
            [
                button(
                    ("Ta tillbaka stöd " if me in p.supporter_ids else "Stöd ") + p.reference,
                    "proposal_support",
                    p.id,
                )
                for p in items
                if p.person_id != me and f"{p.reference}:" in chunk
            ]
        )

    await reply_html(
        message,
        context.renderer.template("pending_proposals", proposals=items),
        markup_for=support_buttons,
    )


async def secretary_list(update: Update, context: SamradContext) -> None:
    """/forslag: every proposal as a CSV file, for the secretary."""
    message = await secretary_message(update, context, "Bara sekreteraren kan hämta alla förslag.")
    if message is None:
        return
    data = proposals.to_csv(context.store).encode("utf-8-sig")
    count = len(proposals.all_proposals(context.store))
    await message.reply_document(
        InputFile(data, filename=f"temaforslag-{clock.today().isoformat()}.csv"),
        caption=f"{count} temaförslag. Ändra status med "
        "/status REFERENS STATUS [ÅÅÅÅ-MM-DD] [kommentar].",
    )


async def secretary_status(update: Update, context: SamradContext) -> None:
    """/status T-2026-0001 planerad 2026-12-04 Kommentar: the secretary moves a proposal on."""
    message = await secretary_message(
        update, context, "Bara sekreteraren kan ändra status på förslag."
    )
    if message is None:
        return
    args = list(context.args or [])
    if len(args) < 2:
        await message.reply_text(
            "Skriv: /status REFERENS STATUS [ÅÅÅÅ-MM-DD] [kommentar], till exempel "
            "/status T-2026-0001 planerad 2026-12-04. Status: " + ", ".join(proposals.STATUSES)
        )
        return
    reference, status, rest = args[0], args[1], args[2:]
    meeting = None
    if rest and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rest[0]):
        try:
            meeting = date.fromisoformat(rest.pop(0))
        except ValueError:
            await message.reply_text("Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.")
            return
    try:
        proposal = proposals.set_status(
            context.store, reference, status, " ".join(rest) or None, meeting
        )
    except proposals.ProposalError as error:
        await message.reply_text(error.message)
        return
    told = await flush_outbox(context)
    await message.reply_text(
        f"{proposal.reference} är nu {proposal.status}. {told} personer fick besked."
    )
