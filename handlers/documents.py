"""Documents themselves: the files an answer asks to send ("skicka protokollet från 6 maj
2022"), and the button under an answer's sources that sends the document it cites."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InputFile, Message, Update
from telegram.constants import MessageLimit

from handlers.common import pressed
from handlers.context import SamradContext
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
