"""Theme proposals: /foresla with a similar-theme check, support buttons, the secretary's desk."""

from __future__ import annotations

import re
import warnings
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers.common import (
    effective_message,
    registered_person,
    secretary_message,
)
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge.council import proposals
from knowledge.language import clock

THEME, CHOICE, MOTIVATION = range(3)
SUPPORT_PREFIX = "stod:"
FILE, SKIP, CANCEL = "prop:file", "prop:skip", "prop:cancel"
TRIGGER = re.compile(r"^\s*jag vill (föreslå|foresla) (ett )?tema\s*:?\s*", re.IGNORECASE)


async def _not_registered(update: Update) -> int:
    message = effective_message(update)
    if message:
        await message.reply_text(
            "Bara registrerade ledamöter och ersättare kan föreslå och stödja teman. "
            "Be sekreteraren om en inbjudningslänk."
        )
    return ConversationHandler.END


async def start_proposal(update: Update, context: SamradContext) -> int:
    """/foresla [tema] or "jag vill föreslå ett tema: …": begin a proposal."""
    if registered_person(update, context) is None:
        return await _not_registered(update)
    message = update.message
    assert message is not None
    text = " ".join(context.args or []) if message.text and message.text.startswith("/") else ""
    if not text and message.text and TRIGGER.match(message.text):
        text = TRIGGER.sub("", message.text)
    if text.strip():
        return await _check_similar(update, context, text)
    await message.reply_text("Vilket tema vill du föreslå? Skriv det med några ord. (/avbryt)")
    return THEME


async def receive_theme(update: Update, context: SamradContext) -> int:
    """The theme, written."""
    assert update.message is not None and update.message.text is not None
    return await _check_similar(update, context, update.message.text)


async def _check_similar(update: Update, context: SamradContext, text: str) -> int:
    message = effective_message(update)
    assert message is not None
    text = " ".join(text.split())
    if len(text) < 3 or len(text) > proposals.MAX_THEME:
        await message.reply_text(
            f"Skriv temat med 3–{proposals.MAX_THEME} tecken. Försök igen, eller /avbryt."
        )
        return THEME
    context.user_data["theme"] = text  # type: ignore[index]
    matches = proposals.similar(context.store, text)
    rows = [
        [
            InlineKeyboardButton(
                f"Stöd {m.proposal.reference} i stället",
                callback_data=f"{SUPPORT_PREFIX}{m.proposal.id}",
            )
        ]
        for m in matches
        if m.kind == "proposal" and m.proposal
    ]
    rows.append([InlineKeyboardButton("Skicka in mitt förslag", callback_data=FILE)])
    rows.append([InlineKeyboardButton("Avbryt", callback_data=CANCEL)])
    await message.reply_text(
        context.renderer.template("similar_themes", theme=text, matches=matches),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(rows),
    )
    return CHOICE


async def choose_file(update: Update, context: SamradContext) -> int:
    """File it: ask for an optional motivation."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_reply_markup(None)
    message = effective_message(update)
    assert message is not None
    await message.reply_text(
        "Vill du lägga till en kort motivering? Skriv den, eller tryck Hoppa över.",
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("Hoppa över", callback_data=SKIP)]]
        ),
    )
    return MOTIVATION


async def receive_motivation(update: Update, context: SamradContext) -> int:
    """The motivation (or none): file the proposal and give a receipt."""
    motivation = update.message.text if update.message and update.message.text else None
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    person = registered_person(update, context)
    theme = (context.user_data or {}).pop("theme", None)
    message = effective_message(update)
    assert message is not None
    if person is None or theme is None:
        await message.reply_text("Förslaget kom bort. Börja om med /foresla.")
        return ConversationHandler.END
    try:
        proposal = proposals.propose(
            context.store,
            person.id,
            theme,
            motivation,
            context.settings.council,
        )
    except proposals.ProposalError as error:
        await message.reply_text(f"{error.message} Börja om med /foresla.")
        return ConversationHandler.END
    await message.reply_text(
        f"Tack! Ditt förslag ”{proposal.theme}” har referensnummer {proposal.reference}. "
        "Sekreteraren har fått det, och du får besked när det planeras eller behandlas."
    )
    await flush_outbox(context)
    return ConversationHandler.END


async def cancel(update: Update, context: SamradContext) -> int:
    """/avbryt or the Avbryt button."""
    (context.user_data or {}).pop("theme", None)
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    message = effective_message(update)
    if message:
        await message.reply_text("Avbrutet. Inget förslag skickades.")
    return ConversationHandler.END


async def toggle_support(update: Update, context: SamradContext) -> int:
    """A "Stöd" button: support the proposal, or take the support back."""
    query = update.callback_query
    assert query is not None and query.data is not None
    person = registered_person(update, context)
    if person is None:
        await query.answer("Bara registrerade personer kan stödja förslag.", show_alert=True)
        return ConversationHandler.END
    db = context.store
    proposal_id = int(query.data[len(SUPPORT_PREFIX) :])
    person_id = person.id
    try:
        if proposals.withdraw_support(db, proposal_id, person_id):
            note = "Ditt stöd är borttaget."
        else:
            proposals.support(db, proposal_id, person_id)
            note = "Tack, ditt stöd är registrerat."
    except proposals.ProposalError as error:
        await query.answer(error.message, show_alert=True)
        return ConversationHandler.END
    await query.answer(note)
    message = effective_message(update)
    if message is not None:
        proposal = proposals.get(db, proposal_id)
        await message.reply_text(
            f"{note} {proposal.reference}: {proposal.theme} ({len(proposal.supporters)} stöder)."
        )
    (context.user_data or {}).pop("theme", None)
    return ConversationHandler.END


async def pending_with_buttons(update: Update, context: SamradContext) -> None:
    """After /teman's answer: the members' pending proposals, each with a "Stöd" button."""
    message = effective_message(update)
    if message is None:
        return
    db = context.store
    items = proposals.pending(db)
    if not items:
        await message.reply_text(
            "Inga temaförslag från ledamöterna väntar just nu. Föreslå ett med /foresla."
        )
        return
    person = registered_person(update, context)
    me = person.id if person else None
    rows = [
        [
            InlineKeyboardButton(
                ("Ta tillbaka stöd " if me in p.supporter_ids else "Stöd ") + p.reference,
                callback_data=f"{SUPPORT_PREFIX}{p.id}",
            )
        ]
        for p in items
        if p.person_id != me
    ]
    await message.reply_text(
        context.renderer.template("pending_proposals", proposals=items),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(rows) if rows else None,
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


def register(application: Application) -> None:
    # The buttons belong to the member's own conversation, so tracking per chat and user (not
    # per message) is what we want; PTB warns about that choice regardless.
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    application.add_handler(
        ConversationHandler(
            entry_points=[
                CommandHandler("foresla", start_proposal),
                MessageHandler(filters.ChatType.PRIVATE & filters.Regex(TRIGGER), start_proposal),
            ],
            states={
                THEME: [MessageHandler(filters.TEXT & ~filters.COMMAND, receive_theme)],
                CHOICE: [
                    CallbackQueryHandler(choose_file, pattern=f"^{FILE}$"),
                    CallbackQueryHandler(toggle_support, pattern=f"^{SUPPORT_PREFIX}"),
                ],
                MOTIVATION: [
                    MessageHandler(filters.TEXT & ~filters.COMMAND, receive_motivation),
                    CallbackQueryHandler(receive_motivation, pattern=f"^{SKIP}$"),
                ],
            },
            fallbacks=[
                CommandHandler("avbryt", cancel),
                CallbackQueryHandler(cancel, pattern=f"^{CANCEL}$"),
            ],
            name="proposal",
        )
    )
    application.add_handler(CallbackQueryHandler(toggle_support, pattern=f"^{SUPPORT_PREFIX}"))
    application.add_handler(CommandHandler("forslag", secretary_list))
    application.add_handler(CommandHandler("status", secretary_status))
    # Runs after the /teman answer (another handler group), adding the pending proposals.
    application.add_handler(CommandHandler("teman", pending_with_buttons), group=1)
