"""The real Application end to end through the in-process Bot API."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from telegram.ext import CommandHandler

from bot.commands import COMMANDS, EVERYONE
from bot.fakeapi import Call
from tests.botkit import BotHarness, buttons, texts, valid_telegram_html

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "bot.db"
    shutil.copy(corpus_db_file, path)
    return path


async def test_set_my_commands_uses_the_command_list(db_path: Path) -> None:
    async with BotHarness(db_path, secretary_chat=77) as bot:
        menus = {
            str(c.params.get("scope")).lower(): c.params["commands"]
            for c in bot.api.calls
            if c.method == "setMyCommands"
        }
        [members] = [m for scope, m in menus.items() if "default" in scope]
        [secretary] = [m for scope, m in menus.items() if "77" in scope]
        assert [c["command"] for c in secretary] == [c.name for c in COMMANDS]
        assert [c["command"] for c in members] == [
            c.name for c in COMMANDS if c.audience == EVERYONE
        ]
        assert "inbjud" not in str(members)
        assert all(c["description"] for c in secretary)


def test_readme_lists_exactly_the_commands() -> None:
    import re

    listed = re.findall(r"^\| `/([a-z]+)`", README, flags=re.M)
    assert listed == [c.name for c in COMMANDS]


async def test_start_greets_and_example_buttons_answer(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.send("/start", first_name="Karin")
        assert "Hej Karin" in texts(calls)[0]
        examples = buttons(calls)
        assert len(examples) >= 3
        label, data = next(b for b in examples if "Dietist" in b[0])
        answer = await bot.press(data)
        assert any(c.method == "answerCallbackQuery" for c in answer)
        assert "avslutas 250331" in texts(answer)[0]


async def test_help_lists_every_command_for_whom_it_is(db_path: Path) -> None:
    async with BotHarness(db_path, secretary_chat=77) as bot:
        [member] = texts(await bot.send("/hjalp"))
        [secretary] = texts(await bot.send("/hjalp", user_id=77))
        for command in COMMANDS:
            assert f"/{command.name}" in secretary
            assert (f"/{command.name} " in member) == (command.audience == EVERYONE)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/nasta", "kommande möte"),
        ("/beslut Dietist direkt", "avslutas 250331"),
        ("/beslut", "beslut"),
        ("/teman", "Barnfattigdom"),
        ("/sok placerade barn", "placera"),
        ("/sok", "Skriv vad du söker efter"),
        ("/mote 6 maj 2022", "Karin Sundin"),
        ("/mote", "20 september 2024"),
    ],
)
async def test_commands(db_path: Path, command: str, expected: str) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.send(command)
        assert any(expected in t for t in texts(calls)), texts(calls)
        assert all(valid_telegram_html(t) for t in texts(calls))


async def test_free_text_question_cites_its_source(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [text] = texts(await bot.send("vem var ordforande 6 maj 2022"))
        assert "Karin Sundin" in text
        assert "Källa" in text and "6 maj 2022" in text


async def test_text_is_escaped(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [text] = texts(await bot.send("Vad sades om <script>&quantum > fotboll?"))
        assert "<script>" not in text
        assert valid_telegram_html(text)
        # Protocol text with "&" ("Liv & hälsa ung") reaches Telegram as an entity.
        [text] = texts(await bot.send("Vad sades om <b>Liv & hälsa ung</b>?"))
        assert "Liv &amp; hälsa" in text
        assert "<b>Liv" not in text
        assert valid_telegram_html(text)


async def test_bad_input_gets_an_answer(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for text in ["a " * 2500, "🙂", "???", 'NEAR( "x" AND *', "/okänt", "/foo bar"]:
            calls = await bot.send(text)
            sent = texts(calls)
            assert sent, text
            assert "gick fel" not in sent[0]
        [unknown] = texts(await bot.send("/foo"))
        assert "/hjalp" in unknown


def followup_buttons(calls: list[Call]) -> list[tuple[str, str]]:
    """The follow-up buttons (not those that send a cited document)."""
    return [b for b in buttons(calls) if b[1].startswith("q:")]


async def test_buttons_survive_a_restart(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.send("/mote 6 maj 2022")
        [(label, data)] = followup_buttons(calls)
        assert "Skicka protokollet 6 maj 2022" in [label for label, _ in buttons(calls)]
    async with BotHarness(db_path) as restarted:
        answer = await restarted.press(data)
        assert "3 beslut" in texts(answer)[0]
        stale = await restarted.press("q:999999")
        [alert] = [c for c in stale if c.method == "answerCallbackQuery"]
        assert alert.params.get("show_alert") is True
        assert "gammal" in alert.params["text"]


async def test_long_answers_are_split_into_valid_messages(db_path: Path) -> None:
    from knowledge import open_store
    from knowledge.ingest.load import ingest_bytes

    items = "\n\n".join(
        f"{n}. Punkt nummer {n} om ett mycket långt ämne <med> tecken & annat som måste escapas"
        f"\nText."
        for n in range(1, 150)
    )
    protocol = (
        "Protokoll chefsgrupp för samverkan social välfärd samt vård och omsorg\n"
        f"Tid: 2026-10-02 kl 9-12\nPlats: Digitalt\n\n{items}\n"
    )
    ingest_bytes(open_store(db_path), protocol.encode(), "lang.txt")
    async with BotHarness(db_path) as bot:
        sent = texts(await bot.send("/mote 2 oktober 2026"))
        assert len(sent) >= 2
        assert all(len(t) < 4096 for t in sent)
        assert all(valid_telegram_html(t) for t in sent)
        assert "Punkt nummer 149" in sent[-1]
        assert "&lt;med&gt;" in "".join(sent)


async def test_errors_are_reported_and_polling_goes_on(db_path: Path) -> None:
    async with BotHarness(db_path, secretary_chat=-100) as bot:

        async def boom(update: object, context: object) -> None:
            raise RuntimeError("trasig hanterare")

        bot.application.add_handler(CommandHandler("boom", boom), group=-1)
        calls = await bot.send("/boom", user_id=5)
        to_user = [c for c in calls if c.params.get("chat_id") == 5]
        to_secretary = [c for c in calls if c.params.get("chat_id") == -100]
        assert "gick fel" in str(to_user[0].params["text"])
        assert "trasig hanterare" in str(to_secretary[0].params["text"])
        [after] = texts(await bot.send("/nasta", user_id=5))
        assert "möte" in after


async def test_group_answers_only_commands_mentions_and_replies(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        group = -42
        assert texts(await bot.send("när är nästa möte", chat_id=group)) == []
        assert texts(await bot.send("@samrad_bot vem var ordförande 6 maj 2022", chat_id=group))
        assert texts(
            await bot.send("vem var ordförande 6 maj 2022", chat_id=group, reply_to_bot=True)
        )
        assert texts(await bot.send("/nasta@samrad_bot", chat_id=group))


async def test_more_buttons_page_through_results(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        first = await bot.send("Vad beslutade chefsgruppen i mars 2025?")
        assert "11 beslut" in texts(first)[0]
        [(label, data)] = followup_buttons(first)
        assert label == "Visa mer"
        second = await bot.press(data)
        assert "Beslut 7–11 av 11" in texts(second)[0]
        assert followup_buttons(second) == []
        topic = await bot.send("Vad sades om nära vård?")
        more = [b for b in buttons(topic) if b[0] == "Fler träffar"]
        assert more
        page_two = texts(await bot.press(more[0][1]))[0]
        assert page_two != texts(topic)[0]
