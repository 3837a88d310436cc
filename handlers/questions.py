"""Questions: free text in a private chat (or a mention in a group) and the question commands."""

from __future__ import annotations

import re

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from handlers.common import (
    FOLLOWUP_PREFIX,
    config_of,
    db_of,
    effective_message,
    engine_of,
    send_answer,
    today,
)
from knowledge.qa.types import DECISIONS, MEETING, NEXT_MEETING, THEMES, TOPIC
from knowledge.storage import followups

MAX_LENGTH = 2000  # longer text is cut before it reaches the engine


async def ask(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    intent: str | None = None,
    page: int = 0,
) -> None:
    """Answer ``text`` (with ``intent`` forced, for commands) in the chat it came from."""
    message = effective_message(update)
    if message is None:
        return
    await message.chat.send_action(ChatAction.TYPING)
    result = engine_of(context).answer(
        text[:MAX_LENGTH],
        today=today(),
        intent=intent,
        council=config_of(context).council,
        page=page,
    )
    await send_answer(message, context, result)


async def next_meeting(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/nasta: the next meeting."""
    await ask(update, context, " ".join(context.args or []) or "nästa möte", NEXT_MEETING)


async def decisions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/beslut <ämne>: decisions on a topic (without a topic: the latest meeting's)."""
    topic = " ".join(context.args or [])
    await ask(update, context, f"beslut om {topic}" if topic else "beslut", DECISIONS)


async def themes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/teman: themes proposed for coming meetings."""
    topic = " ".join(context.args or [])
    await ask(update, context, f"tema {topic}" if topic else "teman", THEMES)


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sok <ämne>: what the protocols say about a topic."""
    topic = " ".join(context.args or [])
    if not topic:
        message = effective_message(update)
        if message:
            await message.reply_text("Skriv vad du söker efter, till exempel: /sok placerade barn")
        return
    await ask(update, context, topic, TOPIC)


async def meeting(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/mote <datum>: one meeting (without a date: the latest)."""
    when = " ".join(context.args or [])
    await ask(update, context, f"mötet {when}" if when else "senaste mötet", MEETING)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text in a private chat is a question."""
    if update.message and update.message.text:
        await ask(update, context, update.message.text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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


async def followup_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A follow-up button ("Visa mer", a meeting to choose): ask its stored question."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    stored = None
    if query.data[len(FOLLOWUP_PREFIX) :].isdigit():
        stored = followups.load(db_of(context), int(query.data[len(FOLLOWUP_PREFIX) :]))
    if stored is None:
        await query.answer("Knappen är för gammal. Ställ frågan igen.", show_alert=True)
        return
    await query.answer()
    question, intent, page = stored
    await ask(update, context, question, intent, page)


def register(application: Application) -> None:
    application.add_handler(CommandHandler("nasta", next_meeting))
    application.add_handler(CommandHandler("beslut", decisions))
    application.add_handler(CommandHandler("teman", themes))
    application.add_handler(CommandHandler("sok", search))
    application.add_handler(CommandHandler("mote", meeting))
    application.add_handler(
        CallbackQueryHandler(followup_button, pattern=f"^{re.escape(FOLLOWUP_PREFIX)}")
    )


def register_catch_all(application: Application) -> None:
    """Free text: registered after every other feature's handlers."""
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, private_text)
    )
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, group_text)
    )
