"""Every notice exactly once: flushes claim their rows before sending, so overlapping flushes
(a handler's and the jobs') never send one twice; a failure is retried, a 429 waited out, and a
flush that died between sending and marking leaves its notice to be sent again, not lost."""

from __future__ import annotations

import asyncio
import shutil
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge import open_store
from knowledge.council import outbox, proposals
from knowledge.council.roster import create_invite, import_roster, redeem_invite
from knowledge.language import clock
from tests.botkit import BotHarness

ANNA, EVA, SARA = 301, 302, 303
ROSTER = (
    "council,organisation,role,rank,name\n"
    "social,Nora,ledamot,1,Anna Karlsson\n"
    "social,Nora,ersättare,1,Eva Karlsson\n"
    "social,Region Örebro län,sekreterare,1,Sara Sekreterare\n"
)


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "once.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    import_roster(db, ROSTER)
    for name, user in [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA), ("Sara Sekreterare", SARA)]:
        redeem_invite(db, create_invite(db, name)[0], user, user)
    db.conn.close()
    return path


def _queue(db: sqlite_utils.Database, count: int) -> list[str]:
    """``count`` distinct notices to Eva; their texts."""
    for number in range(count):
        outbox.add(
            db,
            f"test:{number}",
            EVA,
            template="proposal_new",
            params={"reference": f"T-{number}", "proposer": "Anna", "theme": f"Tema {number}"},
        )
    return [f"Tema {number}" for number in range(count)]


def _delivered(bot: BotHarness) -> Counter[str]:
    """How often each queued theme reached Eva (only calls Telegram accepted are recorded)."""
    found: Counter[str] = Counter()
    for call in bot.api.calls:
        if call.method == "sendMessage" and call.params.get("chat_id") == EVA:
            text = str(call.params["text"])
            found.update(line for line in text.split("\n") if line.startswith("<b>Tema"))
    return Counter({line.removeprefix("<b>").removesuffix("</b>"): n for line, n in found.items()})


async def test_overlapping_flushes_send_each_notice_once(db_path: Path) -> None:
    async with BotHarness(db_path, jobs=True) as bot:
        db = bot.application.bot_data["store"]
        themes = _queue(db, 12)
        context = SamradContext(bot.application)
        bot.api.latency = 0.01  # sending takes a moment, as on the network
        assert bot.application.job_queue is not None
        [job] = bot.application.job_queue.get_jobs_by_name("outbox")  # the minute job
        first, _, second = await asyncio.gather(
            flush_outbox(context), job.run(bot.application), flush_outbox(context)
        )
        assert first + second <= len(themes)  # the job took its share
        assert _delivered(bot) == Counter(themes)  # each exactly once
        assert outbox.pending(db) == []


async def test_a_crash_between_sending_and_marking_is_retried_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with BotHarness(db_path, jobs=True) as bot:
        db = bot.application.bot_data["store"]
        [theme] = _queue(db, 1)
        real = outbox.mark_sent
        crashes = iter([True])

        def crash_once(store: sqlite_utils.Database, notice_id: int, *args: object) -> None:
            if next(crashes, False):
                raise RuntimeError("the process died after Telegram accepted the message")
            real(store, notice_id, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(outbox, "mark_sent", crash_once)
        context = SamradContext(bot.application)
        assert await flush_outbox(context) == 0  # sent, but not marked
        assert [n.params["theme"] for n in outbox.pending(db)] == [theme]  # not lost
        assert await flush_outbox(context) == 1  # retried ...
        assert await flush_outbox(context) == 0  # ... once
        assert _delivered(bot) == Counter({theme: 2})
        assert outbox.pending(db) == []


async def test_a_claim_left_by_a_dead_flush_is_taken_over_when_stale(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        db = bot.application.bot_data["store"]
        [theme] = _queue(db, 1)
        # A flush claimed it and died (no release); a moment later nobody else may take it ...
        [held] = outbox.claim(db)
        assert held.claim and outbox.claim(db) == []
        context = SamradContext(bot.application)
        assert await flush_outbox(context) == 0 and _delivered(bot) == Counter()
        # ... but once the claim is stale it is sent.
        later = clock.now() + timedelta(minutes=outbox.CLAIM_MINUTES + 1)
        [taken] = outbox.claim(db, now=later)
        assert taken.id == held.id and taken.claim != held.claim
        outbox.release(db, taken)
        assert await flush_outbox(context) == 1 and _delivered(bot) == Counter({theme: 1})


async def test_429_and_502_for_a_while_still_deliver_every_notice_exactly_once(
    db_path: Path,
) -> None:
    async with BotHarness(db_path, jobs=True) as bot:
        db = bot.application.bot_data["store"]
        themes = _queue(db, 6)
        bot.api.fail("sendMessage", 429, 502, 502, 429, 502, retry_after=1)
        context = SamradContext(bot.application)
        rounds = 0
        while outbox.pending(db) and rounds < 10:
            await asyncio.gather(flush_outbox(context), flush_outbox(context))
            rounds += 1
        assert outbox.pending(db) == []
        assert _delivered(bot) == Counter(themes)
        assert bot.api.faults["sendMessage"] == []  # every error was met
        attempts = db.execute("SELECT sum(attempts) FROM outbox").fetchone()[0]
        assert attempts == 3  # the three 502s; the 429s were waited out in place


async def test_a_status_that_comes_back_is_told_again(db_path: Path) -> None:
    db = open_store(db_path)
    anna = int(db.execute("SELECT id FROM people WHERE name = 'Anna Karlsson'").fetchone()[0])
    filed = proposals.propose(db, anna, "Barnfattigdom i länet")
    day = date.today() + timedelta(days=30)
    for status in ["planerad", "inkommen", "planerad"]:
        proposals.set_status(db, filed.reference, status, meeting_date=day)
    proposals.set_status(db, filed.reference, "planerad", meeting_date=day)  # no change
    told = [n.params["status"] for n in outbox.pending(db) if n.template == "proposal_status"]
    assert told == ["planerad", "inkommen", "planerad"]


async def test_a_long_retry_after_is_left_to_a_later_flush(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        db = bot.application.bot_data["store"]
        [theme] = _queue(db, 1)
        bot.api.fail("sendMessage", 429, retry_after=3600)
        context = SamradContext(bot.application)
        assert await asyncio.wait_for(flush_outbox(context), timeout=5) == 0  # not waited out
        assert [n.claim for n in outbox.pending(db)] == [None]  # released, not held
        assert await flush_outbox(context) == 1 and _delivered(bot) == Counter({theme: 1})


def test_a_slow_flush_does_not_send_what_another_took_over(tmp_path: Path) -> None:
    from knowledge.council import outbox as notices
    from knowledge.language import clock
    from knowledge.storage.database import connect

    db = connect(tmp_path / "slow.db")
    notices.add(db, "k1", 5, template="substitute_request", params={})
    slow = notices.claim(db, now=clock.now() - timedelta(minutes=notices.CLAIM_MINUTES + 1))
    taken = notices.claim(db)  # the first claim went stale: another flush takes the row over
    assert [n.id for n in taken] == [n.id for n in slow]
    assert not notices.still_ours(db, slow[0]) and notices.still_ours(db, taken[0])
