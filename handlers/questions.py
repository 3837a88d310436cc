"""Questions: the question commands, follow-up buttons, and mentions in a group. Free text in a
private chat reaches ``ask`` through the front door (``handlers.front_door``)."""

from __future__ import annotations

import re

from telegram import InputFile, Update

from handlers.callbacks import decode
from handlers.common import effective_message, send_answer
from handlers.context import SamradContext
from handlers.documents import send_documents, send_kallelser
from handlers.proposals import pending_with_buttons
from knowledge.council.ics import meeting_agenda, meeting_ics
from knowledge.council.meetings import next_meeting as next_meeting_of
from knowledge.language import clock
from knowledge.qa.types import DECISIONS, MEETING, NEXT_MEETING, THEMES, TOPIC
from knowledge.storage import followups

MAX_LENGTH = 2000  # longer text is cut before it reaches the engine


async def ask(
    update: Update,
    context: SamradContext,
    text: str,
    intent: str | None = None,
    page: int = 0,
) -> None:
    """Answer ``text`` (with ``intent`` forced, for commands) in the chat it came from."""
    message = effective_message(update)
    if message is None:
        return
    result = context.engine.answer(
        text[:MAX_LENGTH],
        today=clock.today(),
        intent=intent,
        page=page,
    )
    await send_answer(message, context, result)
    if result.documents:
        await send_documents(message, context, result.documents)
    if result.kallelser:
        await send_kallelser(message, context, result.kallelser)


async def next_meeting(update: Update, context: SamradContext) -> None:
    """/nasta: the next meeting, and the meeting as a calendar file."""
    await ask(update, context, " ".join(context.args or []) or "nästa möte", NEXT_MEETING)
    message = effective_message(update)
    meeting = next_meeting_of(context.store, context.settings.council, clock.today())
    if message is None or meeting is None:
        return
    await message.reply_document(
        InputFile(
            meeting_ics(meeting, meeting_agenda(context.store, meeting)),
            filename=f"mote-{meeting.date.isoformat()}.ics",
        ),
        caption="Lägg in mötet i din kalender.",
    )


async def decisions(update: Update, context: SamradContext) -> None:
    """/beslut <ämne>: decisions on a topic (without a topic: the latest meeting's)."""
    topic = " ".join(context.args or [])
    await ask(update, context, f"beslut om {topic}" if topic else "beslut", DECISIONS)


async def themes(update: Update, context: SamradContext) -> None:
    """/teman: themes proposed in the protocols, then the members' pending proposals."""
    topic = " ".join(context.args or [])
    await ask(update, context, f"tema {topic}" if topic else "teman", THEMES)
    await pending_with_buttons(update, context)


async def search(update: Update, context: SamradContext) -> None:
    """/sok <ämne>: what the protocols say about a topic."""
    topic = " ".join(context.args or [])
    if not topic:
        message = effective_message(update)
        if message:
            await message.reply_text("Skriv vad du söker efter, till exempel: /sok placerade barn")
        return
    await ask(update, context, topic, TOPIC)


async def meeting(update: Update, context: SamradContext) -> None:
    """/mote <datum>: one meeting (without a date: the latest)."""
    when = " ".join(context.args or [])
    await ask(update, context, f"mötet {when}" if when else "senaste mötet", MEETING)


async def group_text(update: Update, context: SamradContext) -> None:
    """In a group, only a message that mentions the bot or replies to it is a question."""
    message = update.message
    if message is None or not message.text:
        return
    mention = f"@{context.bot.username}"
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
    if mention.lower() not in message.text.lower() and not to_bot:
        return
    text = re.sub(re.escape(mention), " ", message.text, flags=re.IGNORECASE).strip()
    await ask(update, context, text)


async def followup_button(update: Update, context: SamradContext) -> None:
    """A follow-up button ("Visa mer", a meeting to choose): ask its stored question."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return
    stored = followups.load(context.store, press.args[0])
    if stored is None:
        await query.answer("Knappen är för gammal. Ställ frågan igen.", show_alert=True)
        return
    await query.answer()
    question, intent, page = stored
    await ask(update, context, question, intent, page)
