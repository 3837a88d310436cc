"""What a free-text message means: the bot's front door asks the engine, so requests to report
förhinder or propose a theme must be told apart from questions about absence and themes."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from bot.commands import COMMANDS
from knowledge.qa.answers.requests import MINE_COMMAND, PROPOSE_COMMAND, REPORT_COMMAND
from knowledge.qa.engine import Engine
from knowledge.qa.types import (
    HELP,
    MEETING,
    PROPOSE_THEME,
    REPORT_ABSENCE,
    THEMES,
    TOPIC,
)

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture(scope="module")
def engine(corpus_db: sqlite_utils.Database) -> Engine:
    return Engine(corpus_db)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("jag kan inte komma på mötet 4 december", date(2026, 12, 4)),
        ("kan inte komma imorgon", date(2026, 11, 24)),
        ("jag har förhinder den 4/12", date(2026, 12, 4)),
        ("anmäla förhinder", None),
        ("jag vill anmäla frånvaro", None),
        ("jag blir borta på nästa möte", None),
        ("jag är förhindrad", None),
        # without å/ä/ö, with typos
        ("jag ar forhindrad", None),
        ("Jag har forhindr den 4 december", date(2026, 12, 4)),
        ("jag kan inte kmma på mötet 4/12", date(2026, 12, 4)),
        ("jag vill anmala franvaro", None),
        # other ways of saying it
        ("Hej! Jag kan tyvärr inte närvara i övermorgon.", date(2026, 11, 25)),
        ("jag kan inte delta på fredag", date(2026, 11, 27)),
        ("kan inte komma på måndag", date(2026, 11, 30)),  # a weekday named is not today
        ("förhinder 4/12", date(2026, 12, 4)),
        ("jag kommer inte på mötet 4 dec", date(2026, 12, 4)),
        ("jag missar mötet", None),
        ("Jag har tyvärr förhinder i dag", TODAY),
    ],
)
def test_reporting_ones_own_absence(engine: Engine, text: str, day: date | None) -> None:
    query = engine.understand(text, today=TODAY)
    assert query.intent == REPORT_ABSENCE, text
    assert query.meeting_date == day, text


def test_the_date_of_an_absence_is_a_coming_one(engine: Engine) -> None:
    # As a question "4/12" is the past meeting; as a report it is the coming one.
    later = date(2026, 12, 10)
    assert engine.understand("jag har förhinder den 4/12", today=later).meeting_date == date(
        2027, 12, 4
    )
    assert engine.understand("kan inte komma imorgon", today=later).meeting_date == date(
        2026, 12, 11
    )


def test_the_next_meeting_named_instead_of_a_date(engine: Engine) -> None:
    query = engine.understand("jag blir borta på nästa möte", today=TODAY)
    assert (query.meeting_date, query.relative) == (None, "next")
    assert engine.understand("jag är förhindrad", today=TODAY).relative is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Vilka var frånvarande 6 maj 2022?", MEETING),
        ("Vad sades om frånvaro i skolan?", TOPIC),
        ("vem hade förhinder på mötet i maj", MEETING),  # who was absent then
        ("har någon anmält förhinder?", TOPIC),
        ("hur många anmälde förhinder?", TOPIC),
        ("Anna kan inte komma imorgon", TOPIC),  # not the member themselves
        ("Vad sades om att förhindra ohälsa?", TOPIC),  # "förhindra" is no typo of "förhinder"
    ],
)
def test_questions_about_absence_stay_questions(engine: Engine, text: str, intent: str) -> None:
    assert engine.understand(text, today=TODAY).intent == intent


@pytest.mark.parametrize(
    ("text", "how_to"),
    [
        ("hur anmäler jag förhinder?", REPORT_ABSENCE),
        ("Hur anmaler man franvaro", REPORT_ABSENCE),
        ("hur föreslår jag ett tema?", PROPOSE_THEME),
        ("hur lämnar man ett förslag på tema?", PROPOSE_THEME),
    ],
)
def test_how_to_questions_are_help_on_the_command(engine: Engine, text: str, how_to: str) -> None:
    query = engine.understand(text, today=TODAY)
    assert (query.intent, query.how_to) == (HELP, how_to)
    answer = engine.answer(text, today=TODAY)
    assert answer.intent == HELP and answer.found
    command = REPORT_COMMAND if how_to == REPORT_ABSENCE else PROPOSE_COMMAND
    assert command in answer.headline


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("jag vill föreslå ett tema om barnfattigdom", "barnfattigdom"),
        ("förslag på tema: psykisk ohälsa bland unga", "psykisk ohälsa bland unga"),
        ("kan vi ta upp äldres ensamhet på ett kommande möte?", "äldres ensamhet"),
        ("Jag vill foresla ett tema: Ensamhet bland äldre.", "Ensamhet bland äldre"),
        ("jag vill foreslaa ett tema om hemlöshet", "hemlöshet"),
        ("jag föreslår temat Barnfattigdom i länet", "Barnfattigdom i länet"),
        ("temaförslag: digital vård på landsbygden", "digital vård på landsbygden"),
        ("jag skulle vilja föreslå barnfattigdom som tema", "barnfattigdom"),
        ("vi borde lyfta våld i nära relationer", "våld i nära relationer"),
        ("kan vi prata om psykisk hälsa på nästa möte?", "psykisk hälsa"),
        (
            "jag vill föreslå att vi tar upp skolnärvaro på ett kommande möte",
            "skolnärvaro",
        ),
        ("Förslag till nytt tema – Unga vuxnas boende", "Unga vuxnas boende"),
        ("jag vill föreslå ett tema", None),  # the theme is asked for next
    ],
)
def test_proposing_a_theme(engine: Engine, text: str, theme: str | None) -> None:
    query = engine.understand(text, today=TODAY)
    assert query.intent == PROPOSE_THEME, text
    assert query.theme == theme


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("vilka teman har föreslagits?", THEMES),
        ("Vem föreslog temat om barnfattigdom?", THEMES),
        ("tema barnfattigdom", THEMES),
        ("hur många teman har föreslagits?", THEMES),
        ("kan vi prata om budgeten?", TOPIC),  # no meeting named: not a proposal
    ],
)
def test_questions_about_themes_stay_questions(engine: Engine, text: str, intent: str) -> None:
    assert engine.understand(text, today=TODAY).intent == intent


def test_a_forced_intent_reads_the_text_as_its_slot(engine: Engine) -> None:
    proposal = engine.understand("Barnfattigdom i länet", today=TODAY, intent=PROPOSE_THEME)
    assert (proposal.intent, proposal.theme) == (PROPOSE_THEME, "Barnfattigdom i länet")
    absence = engine.understand("4 december", today=TODAY, intent=REPORT_ABSENCE)
    assert (absence.intent, absence.meeting_date) == (REPORT_ABSENCE, date(2026, 12, 4))
    # A bot command that forces a question is never taken for a request.
    assert engine.understand("jag vill föreslå", today=TODAY, intent=THEMES).intent == THEMES


def test_requests_are_answered_with_the_command_never_a_search(engine: Engine) -> None:
    absence = engine.answer("jag kan inte komma på mötet 4 december", today=TODAY)
    assert (absence.intent, absence.found, absence.sources) == (REPORT_ABSENCE, True, [])
    assert absence.headline.startswith(f"Anmäl förhinder med {REPORT_COMMAND}")
    assert any("4 december 2026" in line for block in absence.blocks for line in block.lines)
    proposal = engine.answer("jag vill föreslå ett tema om barnfattigdom", today=TODAY)
    assert (proposal.intent, proposal.found, proposal.sources) == (PROPOSE_THEME, True, [])
    assert proposal.headline.startswith(f"Föreslå temat med {PROPOSE_COMMAND}")
    assert f"{PROPOSE_COMMAND} barnfattigdom" in proposal.headline


def test_the_commands_named_exist() -> None:
    names = {f"/{command.name}" for command in COMMANDS}
    assert {REPORT_COMMAND, MINE_COMMAND, PROPOSE_COMMAND} <= names
