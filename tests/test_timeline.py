"""A subject's timeline across meetings: "Hur har frågan om X utvecklats?" answers with one
dated, cited line per document that mentions it, oldest first, what was said and decided."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.qa.engine import Engine
from knowledge.qa.types import TIMELINE
from tests.botkit import BotHarness, texts

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def engine(corpus_db: sqlite_utils.Database) -> Engine:
    return Engine(corpus_db)


@pytest.mark.parametrize(
    "question",
    [
        "Hur har frågan om psykisk hälsa utvecklats?",
        "tidslinje för psykisk hälsa",
        "vad har sagts om psykisk hälsa över tid",
        "hur har fragan om psykisk halsa utveklats",
    ],
)
def test_ways_of_asking(engine: Engine, question: str) -> None:
    query = engine.understand(question, today=TODAY)
    assert query.intent == TIMELINE
    assert [w.lower() for w in query.topic_words] in (["psykisk", "hälsa"], ["psykisk", "halsa"])


def test_a_subject_raised_in_three_protocols_has_three_dated_cited_entries(
    engine: Engine,
) -> None:
    answer = engine.answer("Hur har frågan om psykisk hälsa utvecklats?", today=TODAY)
    assert answer.found and answer.intent == TIMELINE
    dates = [source.date for source in answer.sources]
    assert len(dates) >= 3 and all(dates)
    assert dates == sorted(dates)  # type: ignore[type-var]
    assert {date(2021, 11, 19), date(2024, 9, 20), date(2025, 3, 7)} <= set(dates)
    assert len(answer.blocks) == len(answer.sources)
    for block, source in zip(answer.blocks, answer.sources, strict=True):
        assert block.title and source.council in block.title and source.item in block.title
        assert block.lines and all(re.match(r"(Sagt|Beslut): \S", line) for line in block.lines)
        said = " ".join(block.lines).lower()
        assert "psykisk" in said  # each line is about the subject
    decided = [line for block in answer.blocks for line in block.lines if line.startswith("Beslut")]
    assert any("psykisk hälsa medel" in line for line in decided)


def test_two_protocols_two_entries_and_an_unknown_subject_is_said_so(engine: Engine) -> None:
    placed = engine.answer("Hur har frågan om placerade barn utvecklats?", today=TODAY)
    assert [s.date for s in placed.sources] == [date(2022, 5, 6), date(2024, 9, 20)]
    assert "2 möten" in placed.headline
    alone = engine.answer("vad har sagts om barnfattigdom över tid", today=TODAY)
    assert alone.found and "bara i ett möte" in alone.headline
    nothing = engine.answer("Hur har frågan om rymdresor utvecklats?", today=TODAY)
    assert not nothing.found and "rymdresor" in nothing.headline and not nothing.sources


async def test_timeline_through_the_bot(tmp_path: Path, corpus_db_file: Path) -> None:
    path = tmp_path / "timeline.db"
    shutil.copy(corpus_db_file, path)
    async with BotHarness(path) as bot:
        reply = "\n".join(texts(await bot.send("Hur har frågan om psykisk hälsa utvecklats?")))
    assert reply.startswith("<b>Så har ”psykisk hälsa” behandlats i 3 möten")
    cited = re.findall(r"<i>[^<]*?(\d{1,2} \w+ 20\d\d), (?:§|avsnitt) [^<]*</i>", reply)
    assert cited == ["19 november 2021", "20 september 2024", "7 mars 2025"]
    assert reply.count("• ") >= 3  # the sources, one per entry
