"""What samrad can answer (or how to do what the chat does), and the reply to a message it
does not understand."""

from __future__ import annotations

import re
from datetime import date

from knowledge.qa.answers.requests import answer_propose_theme, answer_report_absence
from knowledge.qa.answers.shared import EXAMPLES, not_found
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import (
    HELP,
    PROPOSE_THEME,
    REPORT_ABSENCE,
    UNKNOWN,
    Answer,
    Block,
    Choice,
    Query,
)


def answer_help(corpus: Corpus, query: Query, today: date) -> Answer:
    """What to ask, with examples to pick; or how to do what the question asks about."""
    if query.how_to == REPORT_ABSENCE:
        return answer_report_absence(corpus, query, today)
    if query.how_to == PROPOSE_THEME:
        return answer_propose_theme(corpus, query, today)
    return Answer(
        question=query.text,
        intent=HELP,
        found=True,
        headline="Jag svarar på frågor om rådens protokoll och hänvisar alltid till källan.",
        blocks=[
            Block("Du kan till exempel fråga", [f"- {example}" for example in EXAMPLES]),
            Block(None, ["Skriv som du pratar; stavfel och saknade å, ä och ö går bra."]),
        ],
        choices=[Choice(example, example) for example in EXAMPLES[:3]],
    )


def answer_unknown(corpus: Corpus, query: Query, today: date) -> Answer:
    """Not understood: say so, and offer examples."""
    if not re.search(r"\w", query.text):
        headline = "Skriv en fråga med ord, till exempel ”När är nästa möte?”."
    else:
        headline = "Jag förstod inte riktigt frågan."
    answer = not_found(query, headline)
    answer.intent = UNKNOWN
    answer.choices = [Choice(example, example) for example in EXAMPLES[:3]]
    return answer
