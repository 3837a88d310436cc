"""Answers about coming meetings and their kallelser, at the engine: whose agenda a question
asks for, the calendar's time and place over the kallelse's, cancelled and moved meetings, a
meeting's time asked with its date, and the background a handover gives per item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
import sqlite_utils

from knowledge import open_store
from knowledge.council import kallelser
from knowledge.council.calendar import add_meeting, cancel_meeting, move_meeting
from knowledge.ingest.extract import read_bytes
from knowledge.ingest.kallelse import parse_kallelse
from knowledge.language import clock
from knowledge.qa.briefing import prior_mentions
from knowledge.qa.corpus import Corpus
from knowledge.qa.engine import Engine
from knowledge.qa.types import MEETING as MEETING_INTENT
from knowledge.qa.types import SEND_DOCUMENT, Answer
from knowledge.storage.kallelser import AgendaItem
from tests.test_kallelse import DOCX, FIXTURES, MEETING, PDF, frozen_clock

__all__ = ["frozen_clock"]  # the kallelser's clock: 23 November 2026
MOVED = date(2026, 12, 11)


@pytest.fixture
def db(corpus_copy: Path) -> Iterator[sqlite_utils.Database]:
    store = open_store(corpus_copy)
    yield store
    store.conn.close()


def publish(db: sqlite_utils.Database, name: str) -> int:
    """The test kallelse ``name`` read and published; its id."""
    data = (FIXTURES / name).read_bytes()
    parsed = parse_kallelse(read_bytes(data, name), today=clock.today())
    received = kallelser.receive(db, parsed, filename=name, content=data)
    kallelser.publish(db, received.kallelse.id)
    return received.kallelse.id


def said(answer: Answer) -> str:
    return "\n".join([answer.headline, *(line for b in answer.blocks for line in b.lines)])


def test_a_council_named_gets_its_own_agenda(db: sqlite_utils.Database) -> None:
    social = publish(db, PDF)
    engine = Engine(db)
    for question in (
        "Vad står på dagordningen för folkhälsorådet?",
        "Vad står på chefsgruppens dagordning?",
    ):
        answer = engine.answer(question)
        assert "Färdplan" not in said(answer) and not answer.found, (question, said(answer))
    sent = engine.answer("skicka kallelsen till folkhälsorådet")
    assert sent.intent == SEND_DOCUMENT and sent.kallelser == [] and "folkhälsa" in sent.headline
    # A council named as an item's subject is no owner: the social council's item 5.
    assert (
        "Nej, punkt 5"
        in engine.answer("Är rapporten från chefsgruppen ett beslutsärende?").headline
    )
    folkhalsa = publish(db, DOCX)
    assert engine.answer("skicka kallelsen till folkhälsorådet").kallelser == [folkhalsa]
    assert engine.answer("skicka kallelsen").kallelser == [social]
    agenda = engine.answer("Vad står på dagordningen för folkhälsorådet?")
    assert "folkhälsa" in agenda.headline and "Färdplan" not in said(agenda)


def test_kan_du_skicka_dagordningen_sends_the_kallelse(db: sqlite_utils.Database) -> None:
    social = publish(db, PDF)
    answer = Engine(db).answer("kan du skicka dagordningen?")
    assert answer.intent == SEND_DOCUMENT and answer.kallelser == [social]


def test_the_calendar_time_and_place_win_over_the_kallelse(db: sqlite_utils.Database) -> None:
    publish(db, PDF)
    add_meeting(db, "social", MEETING, time(13), time(16), "Sal B")
    headline = Engine(db).answer("Vad står på dagordningen?").headline
    assert "kl. 13.00–16.00, Sal B" in headline and "9.00" not in headline


def test_a_cancelled_meeting_is_said_to_be_cancelled(db: sqlite_utils.Database) -> None:
    publish(db, PDF)
    cancel_meeting(db, "social", MEETING)
    answer = Engine(db).answer("Vad står på dagordningen för mötet 4 december?")
    assert "inställt" in answer.headline and "Färdplan" not in said(answer)


def test_a_moved_meeting_is_said_to_have_moved(db: sqlite_utils.Database) -> None:
    publish(db, PDF)
    move_meeting(db, "social", MEETING, MOVED)
    engine = Engine(db)
    where = engine.answer("Var är mötet 4 december?").headline
    assert "flyttat till fredag 11 december" in where and "inställt" not in where
    assert "Lokal Eken" in where
    agenda = engine.answer("Vad står på dagordningen för mötet 4 december?")
    assert "flyttat till fredag 11 december" in agenda.headline
    assert "Färdplan för omställningen" in said(agenda)
    sent = engine.answer("skicka kallelsen till mötet 4 december")
    assert sent.kallelser and "flyttat till fredag 11 december" in sent.headline


def test_a_moved_meeting_without_kallelse(db: sqlite_utils.Database) -> None:
    add_meeting(db, "social", MEETING)
    engine = Engine(db)
    where = engine.answer("Var är mötet 4 december?").headline
    assert "står i kallelsen" not in where and "inte meddelad" in where
    move_meeting(db, "social", MEETING, MOVED)
    answer = engine.answer("Vad står på dagordningen för mötet 4 december?")
    assert "flyttat till fredag 11 december" in answer.headline
    assert "inte skickad än" in answer.headline and "hittar inget möte" not in answer.headline


def test_a_coming_meeting_has_not_been_held(db: sqlite_utils.Database) -> None:
    add_meeting(db, "social", MEETING, time(9), time(12), "Lokal Eken")
    answer = Engine(db).answer("Vad hände på mötet 4 december?")
    assert "har inte hållits än" in answer.headline
    assert "kl. 9.00–12.00, Lokal Eken" in answer.headline


@pytest.mark.parametrize(
    "question",
    ["När börjar mötet 4 december?", "Hur dags börjar mötet 4/12?", "När slutar mötet 4/12?"],
)
def test_when_a_dated_meeting_starts(db: sqlite_utils.Database, question: str) -> None:
    add_meeting(db, "social", MEETING, time(9), time(12), "Lokal Eken")
    answer = Engine(db).answer(question)
    assert answer.intent == MEETING_INTENT and "kl. 9.00–12.00" in answer.headline, said(answer)


def test_background_is_the_sentence_about_the_item_or_nothing(db: sqlite_utils.Database) -> None:
    corpus = Corpus(db)
    # Only generic words of the title ("resultat") and one rare word far from them: nothing.
    unrelated = AgendaItem(
        "9", "Äldreomsorg: journalgranskning av den kommunala korttidsvården – resultat och förslag"
    )
    assert prior_mentions(corpus, "social", unrelated, MEETING) == []
    # The sentence that holds the subject, not the passage's opening ("… föredrog ärendet").
    item = AgendaItem("6", "Hälso- och tandhälsoundersökningar av placerade barn – uppföljning")
    [mention] = prior_mentions(corpus, "social", item, MEETING, limit=1)
    assert mention.date == "2022-05-06" and "barn placeras" in mention.text
    assert "föredrog" not in mention.text


def test_decisions_say_the_kind_once_and_answer_what_with_a_list(
    db: sqlite_utils.Database,
) -> None:
    publish(db, PDF)
    engine = Engine(db)
    one = engine.answer("Ska vi besluta om punkten om länsgemensamma medel?").headline
    assert one.startswith("Ja, punkt 8") and one.count("beslut") == 1, one
    listed = engine.answer("Vad ska vi besluta om på mötet?")
    assert not listed.headline.startswith("Ja") and "punkt 7" in said(listed)
    report = engine.answer("Är rapporten från chefsgruppen ett beslutsärende?").headline
    assert report.startswith("Nej, punkt 5") and "för information" in report
    # The kinds as the notices and the secretary's summary name them.
    agenda = said(engine.answer("Vad står på dagordningen?"))
    assert "Tarja Nordling; information" in agenda and "beslut" in agenda
    assert "informationsärende" not in agenda and "beslutsärende" not in agenda


def test_the_meetings_after_the_next_with_their_weekday(db: sqlite_utils.Database) -> None:
    add_meeting(db, "social", MEETING, time(9), time(12), "Lokal Eken")
    add_meeting(db, "social", date(2027, 2, 5), time(9), time(12), "Lokal Eken")
    assert "Därefter: fredag 5 februari 2027" in said(Engine(db).answer("När är nästa möte?"))
