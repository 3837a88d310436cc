"""Documents themselves: the files an answer asks to send ("skicka protokollet från 6 maj
2022", "skicka kallelsen"), the button under an answer's sources that sends the document it
cites, and the button under a followed subject's notice that sends the kallelse."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from telegram import InputFile, Message, Update
from telegram.constants import MessageLimit, ParseMode

from handlers.common import pressed
from handlers.context import SamradContext
from knowledge.council.kallelser import in_force, original_file
from knowledge.ingest.originals import document_file
from knowledge.storage.corpus import document_header

# A file to send: its name, its content and its caption (Telegram HTML).
File = tuple[str, bytes, str]
NOT_ORIGINAL = " (texten som samrad läste ur dokumentet; originalfilen finns inte sparad)"


def _document(context: SamradContext, document_id: int) -> File | None:
    """A document's file: its original when kept."""
    found = document_file(context.store, document_id)
    if found is None:
        return None
    title = document_header(context.store, document_id).title
    room = MessageLimit.CAPTION_LENGTH - len(NOT_ORIGINAL) - 100  # room for escaping
    caption = html.escape(title[:room]) + ("" if found.original else NOT_ORIGINAL)
    return found.filename, found.content, caption


def _kallelse(context: SamradContext, kallelse_id: int) -> File | None:
    """The file of the kallelse in force for this one's meeting (a corrected one for one it
    replaced) as the secretary sent it; never a draft."""
    kallelse = in_force(context.store, kallelse_id)
    found = original_file(context.store, kallelse.id) if kallelse else None
    if kallelse is None or found is None:
        return None
    agenda = kallelse.agenda
    params = {"council": agenda.council, "meeting_date": str(agenda.meeting_date)}
    return found[0], found[1], context.renderer.notice("kallelse_file", params)


async def _send(message: Message, files: Sequence[File | None]) -> int:
    """Send the files there are; how many were sent."""
    sent = 0
    for found in files:
        if found is not None:
            filename, content, caption = found
            await message.reply_document(
                InputFile(content, filename=filename),
                caption=caption,
                parse_mode=ParseMode.HTML,
                do_quote=False,
            )
            sent += 1
    return sent


async def send_documents(message: Message, context: SamradContext, ids: Sequence[int]) -> int:
    """Send each document's file (its original when kept); how many were sent."""
    return await _send(message, [_document(context, i) for i in ids])


async def send_kallelser(message: Message, context: SamradContext, ids: Sequence[int]) -> int:
    """Send each kallelse in force as the file the secretary sent; how many were sent."""
    return await _send(message, [_kallelse(context, i) for i in ids])


async def _press(
    update: Update,
    context: SamradContext,
    find: Callable[[SamradContext, int], File | None],
    gone: str,
) -> None:
    found = pressed(update)
    if found is None:
        return
    query, press, message = found
    if not await _send(message, [find(context, press.args[0])]):
        await query.answer(gone, show_alert=True)
        return
    await query.answer()


async def send_button(update: Update, context: SamradContext) -> None:
    """The button under an answer's sources (or a notice): send that document."""
    await _press(update, context, _document, "Dokumentet finns inte längre i samrad.")


async def kallelse_button(update: Update, context: SamradContext) -> None:
    """ "Skicka kallelsen" under a followed subject's notice: send that kallelse."""
    await _press(update, context, _kallelse, "Kallelsen finns inte längre i samrad.")
