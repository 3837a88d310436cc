"""Who sees what: members and the secretary, private chats and groups, and the little things
every answer costs (a typing indicator) or says (a greeting)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import open_store
from tests.botkit import BotHarness, registered_people, texts
from tests.test_upload import PROTOCOL

SECRETARY, MEMBER, STRANGER, GROUP = 10, 20, 30, -42
PRIVATE_ONLY = "Det här kommandot fungerar bara i en privat chatt med mig."


@pytest.fixture
def db_path(corpus_copy: Path) -> Path:
    registered_people(
        corpus_copy,
        [(SECRETARY, "Sara Sekreterare", "sekreterare"), (MEMBER, "Maja Ledamot", "ledamot")],
    )
    return corpus_copy


@pytest.mark.parametrize(
    "command",
    [
        "/inbjud Maja Ledamot",
        "/narvaro",
        "/forslag",
        "/status T-2026-0001 behandlad",
        "/nyttmote 2030-12-04",
        "/stallin 2030-12-04",
        "/inbjud@samrad_bot Maja Ledamot",
    ],
)
async def test_secretary_commands_answer_in_private_only(db_path: Path, command: str) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.send(command, user_id=SECRETARY, chat_id=GROUP)
        assert texts(calls) == [PRIVATE_ONLY]
        assert "t.me" not in str([c.params for c in bot.api.calls])
    db = open_store(db_path)
    assert db.execute("SELECT count(*) FROM invites").fetchone()[0] == 0


async def test_invite_link_in_the_secretarys_private_chat(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [text] = texts(await bot.send("/inbjud Maja Ledamot", user_id=SECRETARY))
        assert "https://t.me/samrad_bot?start=" in text
        code = text.rsplit("start=", 1)[1].strip()
        welcome = texts(await bot.send(f"/start {code}", user_id=STRANGER))
        assert "Välkommen" in welcome[0]


async def test_start_and_help_know_who_is_asking(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        secretary = "".join(texts(await bot.send("/start", user_id=SECRETARY, first_name="S")))
        member = "".join(texts(await bot.send("/start", user_id=MEMBER, first_name="M")))
        stranger = "".join(texts(await bot.send("/start", user_id=STRANGER, first_name="Olle")))
        assert "/inbjud" in secretary and "Hej Sara!" in secretary
        assert "/inbjud" not in member and "/franvaro" in member and "Hej Maja!" in member
        assert "inbjudningslänk" in stranger and "Hej Olle!" in stranger
        help_member = "".join(texts(await bot.send("/hjalp", user_id=MEMBER)))
        assert "/inbjud" not in help_member and "/franvaro" in help_member


async def test_no_name_when_none_is_known(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [greeting] = texts(await bot.send("/start", user_id=STRANGER, first_name=""))
        assert greeting.startswith("Hej! ")


async def test_descriptions_are_set_at_start(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        methods = [c.method for c in bot.api.calls]
        assert "setMyDescription" in methods and "setMyShortDescription" in methods
        [short] = [c for c in bot.api.calls if c.method == "setMyShortDescription"]
        assert len(str(short.params["short_description"])) <= 120


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/hjälp", "Det här kan jag"),
        ("/nästa", "möte"),
        ("/HJÄLP", "Det här kan jag"),
        ("/nästa@samrad_bot", "möte"),
    ],
)
async def test_commands_spelled_with_a_ring_and_dots(
    db_path: Path, text: str, expected: str
) -> None:
    async with BotHarness(db_path) as bot:
        sent = texts(await bot.send(text, user_id=MEMBER))
        assert sent and expected in sent[0], sent
        group = texts(await bot.send(text, user_id=MEMBER, chat_id=GROUP))
        assert group and expected in group[0]


async def test_typing_only_for_uploads(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for question in ("/nasta", "vem var ordförande 6 maj 2022", "/teman", "/start"):
            calls = await bot.send(question, user_id=MEMBER)
            assert "sendChatAction" not in [c.method for c in calls]
        calls = await bot.upload(PROTOCOL.encode(), "p.txt", user_id=SECRETARY)
        assert [c.method for c in calls].count("sendChatAction") == 1


async def test_registered_secretaries_get_their_menu_at_start(db_path: Path) -> None:
    async with BotHarness(db_path, secretary_chat=77) as bot:
        scopes = [str(c.params.get("scope")) for c in bot.api.calls if c.method == "setMyCommands"]
        assert sum("default" in s.lower() for s in scopes) == 1
        chats = sorted(s for s in scopes if "chat_id" in s)
        assert len(chats) == 2 and any(f"{SECRETARY}," in s for s in chats), chats
        assert not any(f"{MEMBER}," in s for s in chats)
