"""The question-answering engine: one per database, holding everything it keeps between
questions, so two engines never share an answer and a changed corpus is read again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import sqlite_utils

from knowledge.bodies import SOCIAL
from knowledge.council.handover import Mention
from knowledge.language import clock
from knowledge.qa.answering import build
from knowledge.qa.answers.shared import EXAMPLES
from knowledge.qa.answers.themes import all_themes
from knowledge.qa.briefing import prior_mentions
from knowledge.qa.compound import asked, joined, split_question, subject_of, with_context
from knowledge.qa.corpus import Corpus
from knowledge.qa.people_names import known_people
from knowledge.qa.search import stem_vocabulary, vocabulary
from knowledge.qa.types import (
    FOLLOW_TOPIC,
    HELP,
    PROPOSE_THEME,
    REPORT_ABSENCE,
    SEND_DOCUMENT,
    UNKNOWN,
    Answer,
    Query,
)
from knowledge.qa.understand import understand
from knowledge.storage.kallelser import AgendaItem

__all__ = ["EXAMPLES", "Engine"]

# Requests are made once, as written; a part of a question in two parts is no request either.
_REQUESTS = (REPORT_ABSENCE, PROPOSE_THEME, SEND_DOCUMENT, FOLLOW_TOPIC)
_NOT_QUESTIONS = (*_REQUESTS, HELP, UNKNOWN)


class Engine:
    """Answers members' questions from one database, always citing the protocol."""

    def __init__(self, db: sqlite_utils.Database, *, default_council: str = SOCIAL) -> None:
        self.db = db
        self.default_council = default_council  # of "nästa möte" when no council is named
        self._corpus = Corpus(db)

    def understand(
        self, question: str, *, today: date | None = None, intent: str | None = None
    ) -> Query:
        """The intent and slots of ``question``; ``intent`` forces one (a bot command)."""
        self._corpus.refresh()
        return understand(self._corpus, question, today=today or clock.today(), intent=intent)

    def answer(
        self,
        question: str,
        *,
        today: date | None = None,
        intent: str | None = None,
        council: str | None = None,
        page: int = 0,
    ) -> Answer:
        """Answer ``question``; ``intent`` forces an intent (the text is then its slot),
        ``council`` replaces the engine's default council, ``page`` > 0 asks for more of a
        long answer."""
        today = today or clock.today()
        if intent is not None or page > 0:
            return self._answer(question, today, intent, council, page)
        whole = self._query(question, today, None, council, 0)
        if whole.intent in _REQUESTS:
            return build(self._corpus, whole, today)  # a request is made once, as written
        parts = split_question(question)
        if parts is not None:
            first = with_context(self._query(parts[0], today, None, council, 0), whole)
            borrowed = f"{parts[1]} {subject_of(self._corpus, first)}"
            second = with_context(self._query(borrowed, today, None, council, 0), whole)
            if first.intent not in _NOT_QUESTIONS and second.intent not in _NOT_QUESTIONS:
                answers = build(self._corpus, first, today), build(self._corpus, second, today)
                return replace(joined(*answers), question=question)
        answer = build(self._corpus, whole, today)
        if not answer.found and asked(question) != question:
            # "När är uppföljningsdagen? vill boka in den": what follows the question may
            # only be in the way
            short = self._answer(asked(question), today, None, council, 0)
            answer = replace(short, question=question) if short.found else answer
        return answer

    def _answer(
        self, question: str, today: date, intent: str | None, council: str | None, page: int
    ) -> Answer:
        return build(self._corpus, self._query(question, today, intent, council, page), today)

    def _query(
        self, question: str, today: date, intent: str | None, council: str | None, page: int
    ) -> Query:
        query = self.understand(question, today=today, intent=intent)
        query.default_council = council or self.default_council
        query.page = max(0, page)
        return query

    def brief(self, council: str, item: AgendaItem, before: date) -> list[Mention]:
        """What the protocols before ``before`` said about the agenda item's subject (the
        ersättare's handover; a ``knowledge.council.handover.Briefer``)."""
        self._corpus.refresh()
        return prior_mentions(self._corpus, council, item, before)

    def warm_up(self) -> None:
        """Load what the first question would otherwise load: names, vocabulary and its stems,
        themes, and the number of passages (every search weighs its words by it)."""
        self._corpus.refresh()
        self._corpus.passage_count()
        known_people(self._corpus)
        vocabulary(self._corpus)
        stem_vocabulary(self._corpus)
        all_themes(self._corpus, None)

    def invalidate(self) -> None:
        """Forget everything read from the corpus (after an ingest through this database;
        an ingest is also noticed by itself, as the corpus version changes)."""
        self._corpus.invalidate()
