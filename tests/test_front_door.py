"""One front door: the engine decides what a private message means; conversations survive a
restart, end after silence, and keep what is typed in them."""

from __future__ import annotations

import asyncio
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from knowledge import open_store
from knowledge.council import proposals
from knowledge.council.calendar import add_meeting
from knowledge.language import clock
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, buttons, registered_people, texts

ANNA, BERIT, STRANGER = 21, 22, 30


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "door.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path, [(ANNA, "Anna Ledamot", "ledamot"), (BERIT, "Berit Ersättare", "ersättare")]
    )
    return path


def _ask_cli(db_path: Path, question: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "ask", question])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka var frånvarande 6 maj 2022?", "6 maj 2022"),
        ("Vad sades om frånvaro i skolan?", None),
        ("vem hade förhinder på mötet i maj 2022", None),
    ],
)
async def test_questions_about_absence_are_answered_as_questions(
    db_path: Path, question: str, expected: str | None
) -> None:
    async with BotHarness(db_path) as bot:
        [*replies] = texts(await bot.send(question, user_id=ANNA))
    joined = "\n".join(replies)
    assert "anmäla förhinder" not in joined and "Vilket möte kan du inte" not in joined
    if expected:
        assert expected in joined
    # The same engine answers the console and `samrad ask`: the headline is the same.
    headline = _ask_cli(db_path, question).splitlines()[0]
    assert headline.replace("<b>", "").strip() in joined.replace("<b>", "").replace("</b>", "")


async def test_saying_you_cannot_come_starts_the_report_for_that_meeting(db_path: Path) -> None:
    day = clock.today() + timedelta(days=12)
    add_meeting(open_store(db_path), "social", day, place="Lokal Eken")
    async with BotHarness(db_path) as bot:
        said = f"jag kan inte komma på mötet {day.day} {format_date(day).split()[2]}"
        reply = await bot.send(said, user_id=ANNA)
        assert f"Mötet {format_date(day)}: hela mötet eller en del" in texts(reply)[0]
        assert {label for label, _ in buttons(reply)} >= {"Hela mötet", "Del av mötet"}
        stranger = texts(await bot.send("jag har förhinder nästa möte", user_id=STRANGER))
        assert "registrerad" in stranger[0]


async def test_wish_to_propose_starts_the_proposal_with_its_theme(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        shown = await bot.send("jag vill föreslå ett tema om ensamhet bland äldre", user_id=ANNA)
        assert "ensamhet bland äldre" in texts(shown)[0].lower()
        assert "Skicka in mitt förslag" in dict(buttons(shown))


async def test_a_theme_about_absence_is_filed_as_a_theme(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/foresla", user_id=ANNA)
        shown = await bot.send("Frånvaro i skolan och förhinder för unga", user_id=ANNA)
        await bot.press(dict(buttons(shown))["Skicka in mitt förslag"], user_id=ANNA)
        done = texts(await bot.send("Frånvaron ökar i länet.", user_id=ANNA))
    assert any("referensnummer" in t for t in done)
    filed = proposals.all_proposals(open_store(db_path))
    assert [(p.theme, p.motivation) for p in filed] == [
        ("Frånvaro i skolan och förhinder för unga", "Frånvaron ökar i länet.")
    ]


async def test_a_proposal_started_before_a_restart_is_completed_after_it(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        assert "Vilket tema" in texts(await bot.send("/foresla", user_id=ANNA))[0]
    async with BotHarness(db_path) as restarted:
        shown = await restarted.send("Digital inkludering för äldre", user_id=ANNA)
    async with BotHarness(db_path) as again:
        chosen = await again.press(dict(buttons(shown))["Skicka in mitt förslag"], user_id=ANNA)
    async with BotHarness(db_path) as last:
        done = texts(await last.press(dict(buttons(chosen))["Hoppa över"], user_id=ANNA))
    assert any("referensnummer" in t for t in done)
    filed = proposals.all_proposals(open_store(db_path))
    assert [(p.theme, p.motivation) for p in filed] == [("Digital inkludering för äldre", None)]
    # Nothing of the finished conversation is kept.
    assert open_store(db_path).execute("SELECT count(*) FROM user_data").fetchone()[0] == 0


async def test_silence_ends_the_conversation_with_a_note(db_path: Path) -> None:
    async with BotHarness(db_path, conversation_minutes=0.005, jobs=True) as bot:
        await bot.send("/foresla", user_id=ANNA)
        await asyncio.sleep(0.6)
        notes = texts(bot.api.calls[-1:])
        assert notes and "tyst en stund" in notes[0]
        answer = texts(await bot.send("vem var ordförande 6 maj 2022", user_id=ANNA))
    assert "Karin Sundin" in answer[0]
    assert proposals.all_proposals(open_store(db_path)) == []


async def test_silence_across_a_restart_ends_the_conversation_too(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/foresla", user_id=ANNA)
    # The timeout job died with the process; the step's time, stored with it, still counts.
    async with BotHarness(db_path, conversation_minutes=0.001) as restarted:
        await asyncio.sleep(0.1)
        answer = texts(await restarted.send("vem var ordförande 6 maj 2022", user_id=ANNA))
    assert "Karin Sundin" in answer[0]
    assert proposals.all_proposals(open_store(db_path)) == []


async def test_cancel_edits_and_unknown_buttons(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        nothing = texts(await bot.send("/avbryt", user_id=ANNA))
        assert nothing == ["Det finns inget att avbryta just nu."]
        edited = bot.api.message_update("/foresla Något nytt", user_id=ANNA)
        edited["edited_message"] = edited.pop("message")
        assert await bot.process(edited) == []
        for forged in ("abs:yes:notanumber", "stod:99999999999999999999999", "okänd"):
            pressed = await bot.press(forged, user_id=ANNA)
            assert [c.method for c in pressed] == ["answerCallbackQuery"]


async def test_a_step_and_what_it_remembers_are_written_at_once(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/foresla barnfattigdom i länet", user_id=ANNA)
        db = open_store(db_path)
        # Written by this update itself, not by the next one or PTB's timer: a crash now
        # loses neither the step nor the theme.
        assert db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
        [row] = db.execute("SELECT data FROM user_data WHERE user_id = ?", [ANNA]).fetchall()
        assert "barnfattigdom i länet" in row[0] and "step_at" in row[0]


async def test_a_question_typed_instead_of_a_choice_is_answered(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/foresla barnfattigdom i länet", user_id=ANNA)
        answer = texts(await bot.send("vem var ordförande 6 maj 2022", user_id=ANNA))
    assert answer and "Karin Sundin" in answer[0]
    assert proposals.all_proposals(open_store(db_path)) == []


async def test_flows_in_a_group_are_sent_to_the_private_chat(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for command in ("/foresla", "/franvaro"):
            reply = texts(await bot.send(command, user_id=ANNA, chat_id=-100))
            assert reply == ["Det här kommandot fungerar bara i en privat chatt med mig."]
        assert await bot.send("Ett tema i gruppen", user_id=ANNA, chat_id=-100) == []
