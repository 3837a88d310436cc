"""Long replies: split under Telegram's limit, each message valid HTML, nothing lost."""

from __future__ import annotations

import html
import random
import re
import shutil
from pathlib import Path

import pytest

from handlers.replies import split_html
from knowledge import open_store
from knowledge.council import proposals
from knowledge.council.roster import person_by_telegram
from tests.botkit import BotHarness, buttons, registered_people, texts, valid_telegram_html

SECRETARY, MEMBER, OTHER = 10, 20, 21


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


@pytest.mark.parametrize("seed", range(30))
def test_split_html_keeps_every_character_in_valid_messages(seed: int) -> None:
    rng = random.Random(seed)
    pieces = []
    for _ in range(rng.randint(50, 400)):
        word = html.escape(rng.choice(["å&ä", "<ö>", "ord", "x" * rng.randint(1, 300), "\"'"]))
        pieces.append(
            rng.choice(
                [
                    word,
                    f"<b>{word}</b>",
                    f'<a href="https://x.se/?a=1&amp;b">{word}',
                    "\n",
                    "\n\n",
                    " ",
                ]
            )
        )
        if "<a " in pieces[-1]:
            pieces.append("</a>")
    text = "<i>" + "".join(pieces) + "</i>"
    limit = rng.choice([300, 1000, 4096])
    chunks = split_html(text, limit)
    assert all(len(c) <= limit for c in chunks)
    assert all(valid_telegram_html(c) for c in chunks), chunks
    assert _visible("".join(chunks)) == _visible(text)


def test_split_html_prefers_blank_lines_then_lines() -> None:
    blocks = ["\n".join(f"rad {b}.{i}" for i in range(30)) for b in range(40)]
    chunks = split_html("\n\n".join(blocks), 1000)
    assert len(chunks) > 1
    assert all(c.startswith("rad ") and c.endswith(tuple("0123456789")) for c in chunks)
    assert all(c.split("\n")[0].endswith(".0") for c in chunks)


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "long.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path,
        [
            (SECRETARY, "Sara Sekreterare", "sekreterare"),
            (MEMBER, "Maja Ledamot", "ledamot"),
            (OTHER, "Olle Ledamot", "ledamot"),
        ],
    )
    return path


async def test_teman_with_many_pending_proposals(db_path: Path) -> None:
    db = open_store(db_path)
    maja = person_by_telegram(db, MEMBER)
    assert maja is not None
    for number in range(150):
        proposals.propose(db, maja.id, f"Tema nummer {number} om <barn> & unga i länet " * 3)
    db.conn.close()
    async with BotHarness(db_path) as bot:
        calls = await bot.send("/teman", user_id=OTHER)
        sent = texts(calls)
        assert all(len(t) <= 4096 and valid_telegram_html(t) for t in sent)
        joined = "".join(sent)
        support = [label for label, _ in buttons(calls) if label.startswith("Stöd ")]
        assert len(support) == 150
        assert all(label.split()[-1] in joined for label in support)
        for call in calls:
            markup = call.params.get("reply_markup")
            assert markup is None or str(markup).count("callback_data") <= 100


async def test_a_long_upload_report_arrives_whole(db_path: Path) -> None:
    meetings = "\n".join(
        f"Kommande möten: {day} {month} {year} kl 13-16."
        for day in range(1, 29)
        for month in ("mars", "juni", "december")
        for year in (2027, 2028)
    )
    items = "\n\n".join(
        f"{n}. Punkt {n} med ett långt namn om <samverkan> & stöd\n"
        f"Beslut: Rådet beslutade att notera informationen om punkt {n}."
        for n in range(1, 400)
    )
    document = (
        "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg\n\n"
        "Tid: Fredag den 2 oktober 2026 kl 9.00-12.00\n\n"
        f"{items}\n\n400. Nästa möte\n{meetings}\n"
    )
    async with BotHarness(db_path) as bot:
        calls = await bot.upload(document.encode(), "x" * 40 + ".txt", user_id=SECRETARY)
        mine = texts([c for c in calls if c.params.get("chat_id") == SECRETARY])
        assert all(len(t) <= 4096 and valid_telegram_html(t) for t in mine)
        report = "\n".join(mine)
        assert "är inläst" in report
        assert len(report) > 4096, len(report)
