"""Errors: the user hears about them, a press never spins, and the secretary gets reports
that Telegram accepts and that nobody can flood."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers import errors
from knowledge.language import clock
from tests.botkit import BotHarness, valid_telegram_html

SECRETARY = -100


async def _boom(update: object, context: object) -> None:
    raise RuntimeError("trasig hanterare & <" + "&" * 5000)


def _reports(bot: BotHarness) -> list[str]:
    return [
        str(c.params["text"])
        for c in bot.api.calls
        if c.method == "sendMessage" and c.params.get("chat_id") == SECRETARY
    ]


async def test_reports_are_rate_limited_per_kind_and_count_what_was_left_out(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start)
    async with BotHarness(corpus_copy, secretary_chat=SECRETARY) as bot:
        bot.application.add_handler(CommandHandler("boom", _boom), group=-1)
        for user in range(5, 25):
            calls = await bot.send("/boom", user_id=user)
            assert any("gick fel" in str(c.params.get("text")) for c in calls)
        assert len(_reports(bot)) == 1
        monkeypatch.setattr(clock, "now", lambda: start + timedelta(seconds=61))
        await bot.send("/boom", user_id=5)
        first, second = _reports(bot)
        assert "19 likadana fel" in second and "likadana" not in first


async def test_a_long_report_is_valid_html_under_the_limit(corpus_copy: Path) -> None:
    async with BotHarness(corpus_copy, secretary_chat=SECRETARY) as bot:
        bot.application.add_handler(CommandHandler("boom", _boom), group=-1)
        await bot.send("/boom " + "&" * 3000, user_id=5)
        [report] = _reports(bot)
        assert len(report) < 4096
        assert valid_telegram_html(report)
        assert "RuntimeError" in report


def test_escaped_within_never_cuts_an_entity() -> None:
    for budget in range(2, 40):
        for keep_end in (False, True):
            cut = errors.escaped_within("a&b<c>" * 20, budget, keep_end=keep_end)
            assert len(cut) <= budget
            assert valid_telegram_html(cut)


async def test_a_press_that_fails_is_still_answered(corpus_copy: Path) -> None:
    async with BotHarness(corpus_copy, secretary_chat=SECRETARY) as bot:
        bot.application.add_handler(CallbackQueryHandler(_boom), group=-1)
        calls = await bot.press("abs:x", user_id=5)
        answers = [c for c in calls if c.method == "answerCallbackQuery"]
        assert any("gick fel" in str(a.params.get("text")) for a in answers)


@pytest.mark.parametrize(
    "data",
    [
        "q:999999",
        "abs:wd:999999",
        "abs:yes:999999",
        "abs:no:999999",
        "stod:999999",
        "abs:ok:social:2020-01-01:-",
        "abs:m:social:2020-01-01",
        "abs:p:social:2020-01-01",
        "prop:file",
        "prop:skip",
        "settings:protocols",
        "x" * 200,
    ],
)
async def test_forged_presses_are_answered(corpus_copy: Path, data: str) -> None:
    async with BotHarness(corpus_copy, secretary_chat=SECRETARY) as bot:
        calls = await bot.press(data, user_id=5)
        assert [c.method for c in calls].count("answerCallbackQuery") == 1, calls
