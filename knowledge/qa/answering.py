"""From an understood question to its answer: one builder per intent."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from knowledge.language.dates import MONTH_NAMES
from knowledge.qa.answers.agenda import answer_agenda
from knowledge.qa.answers.agenda_outcome import answer_outcome
from knowledge.qa.answers.authors import answer_author, asks_author
from knowledge.qa.answers.decisions import answer_decisions
from knowledge.qa.answers.documents import answer_send_document
from knowledge.qa.answers.help import answer_help, answer_unknown
from knowledge.qa.answers.meeting import answer_meeting
from knowledge.qa.answers.next_meeting import answer_next_meeting
from knowledge.qa.answers.people import answer_person
from knowledge.qa.answers.relations import (
    answer_leads,
    answer_presenter,
    answer_substitute,
    led_subject,
    relation_question,
)
from knowledge.qa.answers.requests import (
    answer_follow_topic,
    answer_propose_theme,
    answer_report_absence,
)
from knowledge.qa.answers.reservations import answer_reservation, asks_reservation
from knowledge.qa.answers.schedule import answer_schedule
from knowledge.qa.answers.shared import not_found, unknown_names
from knowledge.qa.answers.themes import answer_themes
from knowledge.qa.answers.timeline import answer_timeline
from knowledge.qa.answers.titles import answer_title, asked_title
from knowledge.qa.answers.topic import answer_topic
from knowledge.qa.answers.votes import answer_vote, asks_vote
from knowledge.qa.corpus import Corpus
from knowledge.qa.types import (
    AGENDA,
    DECISIONS,
    FOLLOW_TOPIC,
    HELP,
    MEETING,
    NEXT_MEETING,
    PERSON,
    PROPOSE_THEME,
    REPORT_ABSENCE,
    SCHEDULE,
    SEND_DOCUMENT,
    THEMES,
    TIMELINE,
    TOPIC,
    UNKNOWN,
    Answer,
    Query,
)

Builder = Callable[[Corpus, Query, date], Answer]
BUILDERS: dict[str, Builder] = {
    NEXT_MEETING: answer_next_meeting,
    SCHEDULE: answer_schedule,
    MEETING: answer_meeting,
    DECISIONS: answer_decisions,
    THEMES: answer_themes,
    PERSON: answer_person,
    TOPIC: answer_topic,
    TIMELINE: answer_timeline,
    HELP: answer_help,
    REPORT_ABSENCE: answer_report_absence,
    PROPOSE_THEME: answer_propose_theme,
    AGENDA: lambda corpus, query, today: (
        answer_outcome if query.aspect == "outcome" else answer_agenda
    )(corpus, query, today),
    SEND_DOCUMENT: answer_send_document,
    FOLLOW_TOPIC: answer_follow_topic,
}


# Intents whose answer is about the question's subject: a subject no document mentions has none.
SUBJECT_INTENTS = (DECISIONS, PERSON, TOPIC, TIMELINE)


def build(corpus: Corpus, query: Query, today: date) -> Answer:
    """The answer to ``query`` from its intent's builder ("not understood" for others)."""
    # "vem är förbundschef": a title the attendance lists give someone, whatever else is read
    title = asked_title(corpus, query) if query.intent in (*SUBJECT_INTENTS, UNKNOWN) else None
    held = answer_title(corpus, query, today, title) if title is not None else None
    if held is not None:
        return held
    relation = (
        relation_question(query) if query.intent in (*SUBJECT_INTENTS, THEMES, MEETING) else None
    )
    if query.intent == MEETING and relation != "substitute":
        relation = None  # of a meeting only "vem var med när X hade förhinder" is a relation
    # A name no document holds ("Kulturrådet") is a subject they never speak of.
    unheard = unknown_names(corpus, query) if query.intent in SUBJECT_INTENTS else []
    if query.intent in SUBJECT_INTENTS and asks_author(query):
        authored = answer_author(corpus, query, today)
        if authored is not None:
            return authored
    if query.intent in SUBJECT_INTENTS and asks_reservation(query):
        # A sentence naming someone beside the subject is no reservation against it
        reserved = answer_reservation(corpus, query, today)
        if reserved is not None:
            return reserved
    if query.intent in SUBJECT_INTENTS and asks_vote(query):
        voted = answer_vote(corpus, query, today)
        if voted is not None:
            return voted
    if relation == "substitute":
        return answer_substitute(corpus, query, today)
    if relation == "leads":
        # Who leads or answers for something is stated as a relation read at ingest, or in a
        # sentence that names someone beside the question's words; a sentence that merely
        # shares the word "leder" is no answer.
        return (
            answer_leads(corpus, query, today)
            or (
                _found(answer_topic(corpus, query, today))
                if led_subject(query) and not unheard
                else None
            )
            or not_found(query, "Jag hittar ingen i protokollen som leder eller ansvarar för det.")
        )
    if relation == "presenter":
        presented = answer_presenter(corpus, query, today)
        if presented is not None:
            return presented
    if unheard:
        return not_found(query, f"Jag hittar inget om ”{' '.join(unheard)}” i protokollen.")
    answer = BUILDERS.get(query.intent, answer_unknown)(corpus, query, today)
    if not answer.found and query.intent in (DECISIONS, TOPIC) and _month_alone(query):
        return _in_the_text(corpus, query, today) or answer
    return answer


def _found(answer: Answer) -> Answer | None:
    return answer if answer.found else None


def _month_alone(query: Query) -> bool:
    return bool(query.month and query.month[0] is None and query.topic_words)


def _in_the_text(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """ "Vad beslutades i december om Maria ungdom?": no December protocol speaks of it, but a
    report may tell what was decided in December; its answer must name the month."""
    assert query.month is not None
    month = re.compile(rf"\b{MONTH_NAMES[query.month[1] - 1]}\b", re.IGNORECASE)
    answer = answer_topic(corpus, replace(query, month=None), today, saying=month)
    return answer if answer.found else None
