"""The types of question answering: what a member asks (Query) and what they get (Answer).

Every answer is assembled from rows of the store (no language model), so it can be traced:
a headline (the date, the name, the decision), blocks of details, and the sources.
When the protocols hold no answer, ``found`` is False and the headline says so plainly.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from knowledge.language.text import stem
from knowledge.storage.corpus_search import Passage

# Intents the engine recognises; a caller may force one (the bot's /nasta, /beslut, ...).
NEXT_MEETING = "next_meeting"
SCHEDULE = "schedule"  # the meetings of a year, or how many there have been
MEETING = "meeting"
DECISIONS = "decisions"
THEMES = "themes"
PERSON = "person"
TOPIC = "topic"
TIMELINE = "timeline"  # how a subject developed across meetings
HELP = "help"
AGENDA = "agenda"  # a coming meeting's agenda, from its kallelse
UNKNOWN = "unknown"
# Not questions: the member wants to do something the chat does with a command.
REPORT_ABSENCE = "report_absence"  # "jag kan inte komma på mötet 4 december"
PROPOSE_THEME = "propose_theme"  # "jag vill föreslå ett tema om barnfattigdom"
SEND_DOCUMENT = "send_document"  # "skicka protokollet från 6 maj 2022"
FOLLOW_TOPIC = "follow_topic"  # "meddela mig när barnfattigdom tas upp"
INTENTS = [
    NEXT_MEETING,
    SCHEDULE,
    MEETING,
    DECISIONS,
    THEMES,
    PERSON,
    TOPIC,
    TIMELINE,
    HELP,
    AGENDA,
    UNKNOWN,
    REPORT_ABSENCE,
    PROPOSE_THEME,
    SEND_DOCUMENT,
    FOLLOW_TOPIC,
]


@dataclass
class Query:
    """A question understood: its intent and the slots it fills."""

    text: str
    folded: str
    intent: str
    council: str | None = None
    body: str | None = None  # another body's key ("socialnamnden-kumla-kommun"), not a council
    meeting_date: date | None = None  # a past meeting; for REPORT_ABSENCE a coming one
    year_given: bool = True  # False for "mötet 19 nov": the latest meeting on that day counts
    year: int | None = None  # "beslut 2024": the protocols of that year
    month: tuple[int | None, int] | None = None
    # "hösten 2024", "i våras": the months of a season of a year
    season: tuple[int, tuple[int, ...]] | None = None
    relative: str | None = None  # "latest"; for REPORT_ABSENCE "next"
    aspect: str | None = None  # chair, secretary, adjusters, approved, attendees, agenda, ...
    # (for AGENDA: list, presenter, decisions, underlag, changes, outcome)
    municipality: str | None = None
    person: str | None = None
    document_kind: str | None = None  # "report" when the question asks about the report
    # (SEND_DOCUMENT: the kind of document asked for, "protocol", "report" or "kallelse")
    substitutes: bool = False  # asks about ersättare
    represent: bool = False  # asks who represents an organisation
    topic_words: list[str] = field(default_factory=list)
    theme: str | None = None  # PROPOSE_THEME: the proposed theme, without its lead-in
    subject: str | None = None  # FOLLOW_TOPIC: the subject to follow, as written
    how_to: str | None = None  # HELP about doing something: REPORT_ABSENCE or PROPOSE_THEME
    default_council: str | None = None  # the caller's default, for "next" and "latest"
    page: int = 0
    item: str | None = None  # "§ 93", "punkt 4": one item of the meeting named

    @property
    def has_meeting_ref(self) -> bool:
        """Whether the question names a meeting: a date, a month, a season or "the latest"."""
        return bool(self.meeting_date or self.month or self.season or self.relative)


@dataclass
class Term:
    """One query word and the FTS terms that stand for it."""

    word: str
    exact: list[str] = field(default_factory=list)  # for the text/title columns
    stems: list[str] = field(default_factory=list)  # for the stemmed column
    # A compound's parts, when the documents may write it apart ("totalbudgeten": the total
    # budget): the stems of each part; the word is held where every part is.
    parts: list[str] = field(default_factory=list)
    # An inflected verb ("fastställde", "betalar"): it says what happened to the subject.
    verb: bool = False

    @property
    def known(self) -> bool:
        """Whether the corpus has anything that stands for the word."""
        return bool(self.exact or self.stems)

    @cached_property
    def all_stems(self) -> set[str]:
        """Stems of every form that stands for the word: matching is set membership."""
        return set(self.stems) | {stem(w) for w in self.exact}

    def held(self, stems: Set[str]) -> bool:
        """Whether a text with these stems holds the word: a form of it, or all its parts."""
        if not self.all_stems.isdisjoint(stems):
            return True
        return bool(self.parts) and all(part in stems for part in self.parts)


@dataclass(frozen=True)
class Hit(Passage):
    """A passage found for a query, with how many of the query's words it holds."""

    matched: int = 0


@dataclass
class Source:
    """Where an answer comes from: a protocol (and item) or a report (and section)."""

    council: str  # display name of the council(s), or the report's title for reports
    date: date | None
    item: str | None  # item number ("9a") or report section number ("3.1.2")
    title: str | None  # item or section title
    document: str  # document title
    document_id: int | None = None  # to send the document itself

    def as_json(self) -> dict[str, Any]:
        """The source for ``samrad ask --json`` (ISO date)."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        del data["document_id"]  # a row id of this database, no part of the contract
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
    """An answer as samrad gives it, before rendering (plain text or Telegram HTML)."""

    question: str
    intent: str
    found: bool
    headline: str  # the direct first line: the date, the name, the decision
    blocks: list[Block] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)  # documents to send with the answer
    kallelser: list[int] = field(default_factory=list)  # kallelser (their files) to send
