"""The secretary sends a protocol or a kallelse (PDF, Word, ODT, RTF, HTML, text): a protocol
is read in and members are told; a kallelse is shown as read, to be sent on her confirmation
(``handlers.kallelse``)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import sqlite_utils
from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError

from handlers.common import is_secretary_user
from handlers.context import SamradContext
from handlers.kallelse import read_if_kallelse, show_draft
from handlers.notify import flush_outbox
from handlers.replies import reply_html
from knowledge.council import outbox
from knowledge.council.protocol_notices import protocol_notice
from knowledge.council.roster import protocol_subscribers
from knowledge.ingest.extract import FORMAT_NAMES, SUPPORTED_SUFFIXES, DocumentError
from knowledge.ingest.load import IngestResult, ingest_bytes
from knowledge.language import clock
from knowledge.qa.followed import notice_followers
from knowledge.qa.types import MEETING
from knowledge.storage import followups, untold
from knowledge.storage.corpus import DocumentHeader, decision_texts, document_header
from knowledge.storage.database import connect, transaction

log = logging.getLogger(__name__)
MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's limit for bots downloading files


async def document(update: Update, context: SamradContext) -> None:
    """A document: the secretary's is ingested; anyone else is told who may upload."""
    message = update.message
    if message is None or message.document is None or update.effective_user is None:
        return
    sent = message.document
    if not is_secretary_user(context, update.effective_user.id):
        await message.reply_text(
            "Bara sekreteraren kan ladda upp protokoll och kallelser. Frågor om protokollen "
            "kan du skriva som vanlig text."
        )
        return
    name = sent.file_name or "dokument"
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        await message.reply_text(
            f"Filtypen i {name} stöds inte. Skicka protokollet eller kallelsen som {FORMAT_NAMES}."
        )
        return
    if (sent.file_size or 0) > MAX_DOWNLOAD:
        await message.reply_text(
            "Filen är större än 20 MB, som är gränsen för vad Telegram låter botar hämta. "
            "Spara protokollet som en mindre PDF (utan bilder), eller läs in det med "
            "`samrad ingest` på servern."
        )
        return
    await message.reply_text(f"Tar emot {name} …")
    try:
        data = bytes(await (await sent.get_file()).download_as_bytearray())
    except TelegramError:
        log.exception("Download failed")
        await message.reply_text("Jag kunde inte hämta filen från Telegram. Försök igen.")
        return
    db_path = context.settings.db_path
    # Reading a protocol takes a while: the one answer worth a typing indicator.
    await message.chat.send_action(ChatAction.TYPING)
    try:
        # Off the event loop, on a connection of its own: the bot answers others meanwhile.
        draft = await asyncio.to_thread(
            read_if_kallelse, db_path, data, name, message.chat_id, context.settings.council
        )
        if draft is not None:
            await show_draft(message, context, draft)
            return
        result = await asyncio.to_thread(_ingest, db_path, data, name, message.chat_id)
    except DocumentError as error:
        await message.reply_text(f"{error.message} Inget ändrades.")
        return
    try:
        await reply_html(message, context.renderer.template("upload_result", result=result))
    finally:  # the members' notices are queued already: a failed reply does not stop them
        await flush_outbox(context)


def _ingest(db_path: Path, data: bytes, name: str, uploader: int) -> IngestResult:
    db = connect(db_path)
    try:
        result = ingest_bytes(db, data, name, uploader=uploader)
        # Queued before any reply: whatever happens to the reply, the members hear of it. A
        # document whose notices a crash kept back is told now (a re-upload is "redan inläst").
        tell_untold(db)
        return result
    finally:
        db.conn.close()


def tell_untold(db: sqlite_utils.Database) -> int:
    """Queue the notices of every document stored whose members were not told yet: the
    protocol notice and the followed subjects', each document in one transaction with the
    mark that it was told. How many documents."""
    told = 0
    for document in untold.pending(db):
        with transaction(db):
            if not untold.take(db, document.document_id):
                continue  # another upload told them meanwhile
            header = document_header(db, document.document_id)
            if header.kind == "protocol":
                _notify_members(db, document, header, document.uploader)
            notice_followers(db, document.document_id, exclude=document.uploader)
        told += 1
    return told


def _notify_members(
    db: sqlite_utils.Database, document: untold.Untold, header: DocumentHeader, exclude: int | None
) -> None:
    notice = protocol_notice(header.kind, header.date, document.replaced, clock.today())
    if notice is None:  # an old meeting's protocol is not news
        return
    document_id = document.document_id
    decisions = decision_texts(db, document_id)
    params = {
        "title": header.title,
        "date": header.date,
        "decisions": decisions,
        "corrected": notice.corrected,
    }
    actions = []
    with transaction(db):
        if header.date:
            followup = followups.save(db, f"mötet {header.date}", MEETING)
            actions = [outbox.Action("Visa mer", "followup", (followup,))]
        # Through the outbox, like every notice: a Telegram error only delays it.
        for chat_id in protocol_subscribers(db):
            if chat_id != exclude:
                outbox.add(
                    db,
                    notice.key(document_id, chat_id),
                    chat_id,
                    template=notice.template,
                    params=params,
                    actions=actions,
                    subject=outbox.about("document", document_id),
                )
