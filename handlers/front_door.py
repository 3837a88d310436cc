"""The front door: every private text that is neither a command nor the answer to an open step.

The engine decides what it means: a question is answered; a wish to report förhinder ("jag
kan inte komma på mötet 4 december") or to propose a theme ("jag vill föreslå ett tema om …")
starts that flow with what the message already says; "meddela mig när barnfattigdom tas upp"
follows the subject. No regex here decides before the engine.
"""

from __future__ import annotations

from telegram import Update

from handlers import absence, conversation, proposals, questions, topics
from handlers.context import SamradContext
from knowledge.language import clock
from knowledge.qa.types import FOLLOW_TOPIC, PROPOSE_THEME, REPORT_ABSENCE


async def route(update: Update, context: SamradContext) -> object:
    """What the engine understands the message to be, done."""
    message = update.message
    if message is None or not message.text:
        return conversation.END
    text = message.text[: questions.MAX_LENGTH]
    meaning = context.engine.understand(text, today=clock.today())
    if meaning.intent == REPORT_ABSENCE:
        return await absence.start(
            update, context, day=meaning.meeting_date, next_one=meaning.relative == "next"
        )
    if meaning.intent == PROPOSE_THEME:
        return await proposals.start(update, context, theme=meaning.theme)
    if meaning.intent == FOLLOW_TOPIC and meaning.subject:
        await topics.follow_text(update, context, meaning.subject)
        return conversation.END
    await questions.ask(update, context, text)
    return conversation.END
