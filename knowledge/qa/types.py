"""Answering members' questions from the store, always citing the protocol it comes from.

Every answer is assembled from rows of the store (no language model), so it can be traced:
a headline (the date, the name, the decision), blocks of details, and the sources.
When the protocols hold no answer, ``found`` is False and the headline says so plainly.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from knowledge.language import clock

# Intents the engine recognises; a caller may force one (the bot's /nasta, /beslut, ...).
NEXT_MEETING = "next_meeting"
MEETING = "meeting"
DECISIONS = "decisions"
THEMES = "themes"
PERSON = "person"
TOPIC = "topic"
HELP = "help"
UNKNOWN = "unknown"
INTENTS = [NEXT_MEETING, MEETING, DECISIONS, THEMES, PERSON, TOPIC, HELP, UNKNOWN]


@dataclass
class Source:
    council: str  # display name of the council(s), or the report's title for reports
    date: date | None
    item: str | None  # item number ("9a") or report section number ("3.1.2")
    title: str | None  # item or section title
    document: str  # document title

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


@dataclass
class Choice:
    """A follow-up the user can pick: a button in Telegram, a numbered choice in the console."""

    label: str  # short Swedish button text: "Visa mer", "Fler träffar", "6 maj 2022"
    query: str  # the question to ask when picked
    intent: str | None = None  # intent to force for that question
    page: int = 0  # which page of the results ("Visa mer" asks for the next)


@dataclass
class Block:
    """One unit of the answer body; long answers are split between blocks, never inside one."""

    title: str | None
    lines: list[str]


@dataclass
class Answer:
    question: str
    intent: str
    found: bool
    headline: str  # the direct first line: the date, the name, the decision
    blocks: list[Block] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)


def default_council() -> str:
    """The council "next meeting" and "the latest meeting" are about unless the question names
    one (``SAMRAD_COUNCIL``); searches cover every council."""
    return os.environ.get("SAMRAD_COUNCIL", "social")


def answer(
    db: sqlite_utils.Database,
    question: str,
    *,
    today: date | None = None,
    intent: str | None = None,
    council: str | None = None,
    page: int = 0,
) -> Answer:
    """Answer ``question`` from the store; ``intent`` forces an intent (text is then its slot);
    ``page`` > 0 asks for the next results of a long answer."""
    from knowledge.qa import answering
    from knowledge.qa.understand import understand

    today = today or _today()
    query = understand(db, question, today=today, intent=intent)
    query.default_council = council
    query.page = max(0, page)
    return answering.build(db, query, today)


def warm_up(db: sqlite_utils.Database) -> None:
    """Load what the first question would otherwise load: names, vocabulary, themes."""
    from knowledge.qa import answering, search, understand

    understand.known_people(db)
    search.warm_up(db)
    answering.warm_up(db)


def _today() -> date:
    return clock.today()
