"""Documents themselves: the files an answer asks to send ("skicka protokollet från 6 maj
2022", "skicka kallelsen"), the button under an answer's sources that sends the document it
cites, and the button under a followed subject's notice that sends the kallelse."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InputFile, Message, Update
from telegram.constants import MessageLimit, ParseMode

from handlers.common import pressed
from handlers.context import SamradContext
from knowledge.council.kallelser import in_force, original_file
from knowledge.ingest.originals import document_file
from knowledge.storage.corpus import document_header


async def send_documents(message: Message, context: SamradContext, ids: Sequence[int]) -> int:
    """Send each document's file (its original when kept); how many were sent."""
    sent = 0
    for document_id in ids:
        found = document_file(context.store, document_id)
        if found is None:
            continue
        caption = document_header(context.store, document_id).title
        if not found.original:
            caption += " (texten som samrad läste ur dokumentet; originalfilen finns inte sparad)"
        await message.reply_document(
            InputFile(found.content, filename=found.filename),
            caption=caption[: MessageLimit.CAPTION_LENGTH],
            do_quote=False,
        )
        sent += 1
    return sent


async def send_button(update: Update, context: SamradContext) -> None:
    """The button under an answer's sources (or a notice): send that document."""
    found = pressed(update)
    if found is None:
        return
    query, press, message = found
    if not await send_documents(message, context, [press.args[0]]):
        await query.answer("Dokumentet finns inte längre i samrad.", show_alert=True)
        return
    await query.answer()


async def send_kallelser(message: Message, context: SamradContext, ids: Sequence[int]) -> int:
    """Send each kallelse in force (a corrected one for one it replaced) as the file the
    secretary sent; how many were sent."""
    sent = 0
    for kallelse_id in ids:
        kallelse = in_force(context.store, kallelse_id)
        found = original_file(context.store, kallelse.id) if kallelse else None
        if kallelse is None or found is None:
            continue
        agenda = kallelse.agenda
        caption = context.renderer.notice(
            "kallelse_file",
            {"council": agenda.council, "meeting_date": str(agenda.meeting_date)},
        )
        await message.reply_document(
            InputFile(found[1], filename=found[0]),
            caption=caption,
            parse_mode=ParseMode.HTML,
            do_quote=False,
        )
        sent += 1
    return sent


async def kallelse_button(update: Update, context: SamradContext) -> None:
    """ "Skicka kallelsen" under a followed subject's notice: send that kallelse."""
    found = pressed(update)
    if found is None:
        return
    query, press, message = found
    if not await send_kallelser(message, context, [press.args[0]]):
        await query.answer("Kallelsen finns inte längre i samrad.", show_alert=True)
        return
    await query.answer()
