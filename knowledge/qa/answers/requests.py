"""Requests the chat fulfils with a command: how to report förhinder or propose a theme.

The commands are defined in bot/commands.py (knowledge cannot import the bot); a test keeps
the names here among them.
"""

from __future__ import annotations

from datetime import date

from knowledge.language.dates import format_date
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import Answer, Block, Query

REPORT_COMMAND = "/franvaro"
MINE_COMMAND = "/mina"
PROPOSE_COMMAND = "/foresla"
PROPOSE_EXAMPLE = "Barnfattigdom i länet"
REGISTERED = "Du behöver vara registrerad; be sekreteraren om en inbjudningslänk om du inte är det."


def answer_report_absence(corpus: Corpus, query: Query, today: date) -> Answer:
    """How to report förhinder in the chat, with the day the message names."""
    lines = []
    if query.meeting_date:
        lines.append(f"Dagen du nämner: {format_date(query.meeting_date)}.")
    elif query.relative == "next":
        lines.append("Nästa möte står först i listan.")
    lines += [f"Dina anmälda förhinder ser du med {MINE_COMMAND}.", REGISTERED]
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"Anmäl förhinder med {REPORT_COMMAND} här i chatten: välj mötet i listan, "
        "så tillfrågas din ersättare.",
        blocks=[Block(None, lines)],
    )


def answer_propose_theme(corpus: Corpus, query: Query, today: date) -> Answer:
    """How to propose a theme in the chat, with the command for the theme the message names."""
    example = f"{PROPOSE_COMMAND} {query.theme or PROPOSE_EXAMPLE}"
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"Föreslå temat med {PROPOSE_COMMAND} här i chatten, till exempel: {example}",
        blocks=[
            Block(
                None,
                [
                    "Jag visar först liknande teman, så att du kan stödja ett av dem i stället.",
                    "Sekreteraren får förslaget, och du får besked när det planeras "
                    "eller behandlas.",
                    REGISTERED,
                ],
            )
        ],
    )


FOLLOW_COMMAND = "/bevaka"


def answer_follow_topic(corpus: Corpus, query: Query, today: date) -> Answer:
    """How to follow the subject the message names (the chat's front door follows it at once)."""
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=f"Bevaka ämnet med {FOLLOW_COMMAND} här i chatten: {FOLLOW_COMMAND} "
        f"{query.subject or 'barnfattigdom'}",
        blocks=[
            Block(
                None,
                [
                    "När ett nytt protokoll eller en kallelse nämner ämnet får du stycket och "
                    f"dokumentet. {FOLLOW_COMMAND} utan ämne visar vad du bevakar.",
                    REGISTERED,
                ],
            )
        ],
    )
