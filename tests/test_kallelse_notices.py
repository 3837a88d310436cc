"""A kallelse and the meeting's lasting event, end to end through the fake Bot API: publishing
keeps the event's UID and raises its sequence, sends the updated .ics when the time or place
changed, refuses a day the meeting moved away from, and a corrected kallelse calls back what
of the first was not sent yet; a notice in parts reaches her each part once."""

from __future__ import annotations

import threading
from datetime import date, time
from pathlib import Path
from typing import Any

import icalendar
import pytest

from handlers import notify
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from handlers.replies import split_html
from knowledge.council import kallelser
from knowledge.council.calendar import add_meeting, move_meeting
from knowledge.council.ics import calendar_file
from knowledge.council.roster import add_member
from knowledge.language import clock
from tests import test_kallelse
from tests.botkit import BotHarness, buttons, texts
from tests.test_calendar_ics import calendars, events
from tests.test_kallelse import (
    ANNA,
    EVA,
    FIXTURES,
    MEETING,
    PDF,
    PIA,
    REVISED,
    SARA,
    files_to,
    sent_to,
    substitute_asked,
    text_to,
    upload_and_confirm,
)

db_path = test_kallelse.db_path
frozen_clock = test_kallelse.frozen_clock
EARLIER = date(2026, 11, 27)


def social_events(bot: BotHarness) -> dict[str, icalendar.Event]:
    """The social council's events in /kalender's file, by UID."""
    store = bot.application.bot_data["store"]
    return events(icalendar.Calendar.from_ical(calendar_file(store, ["social"], clock.today())))


async def test_a_kallelse_to_a_moved_meeting_updates_its_one_event(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        store = bot.application.bot_data["store"]
        add_meeting(store, "social", EARLIER, time(13), time(15), "Gamla salen")
        move_meeting(store, "social", EARLIER, MEETING)
        await flush_outbox(SamradContext(bot.application))
        [(uid, moved)] = social_events(bot).items()
        assert uid == f"social-{EARLIER}@samrad"

        _, sent = await upload_and_confirm(bot, PDF)  # 4 December, 9–12, Lokal Eken
        [(uid_after, event)] = social_events(bot).items()
        assert uid_after == uid and event["sequence"] > moved["sequence"]
        assert event["dtstart"].dt.time() == time(9)
        for member in (ANNA, EVA, PIA):
            # One notice (the kallelse, with what changed), its file and the updated event.
            [notice] = [str(c.params["text"]) for c in sent_to(sent, member)]
            assert "<b>Kallelse</b>" in notice and "ny tid kl. 9.00–12.00" in notice
            [ics] = calendars(sent, member)
            [(sent_uid, sent_event)] = events(ics).items()
            assert sent_uid == uid and sent_event["sequence"] == event["sequence"]
            assert "Lokal Eken" in str(sent_event["location"])


async def test_a_kallelse_that_only_writes_out_the_place_raises_the_sequence(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        store = bot.application.bot_data["store"]
        add_meeting(store, "social", MEETING, time(9), time(11), "Lokal Eken")
        add_meeting(store, "social", MEETING, time(9), time(12), "Lokal Eken")
        [(uid, before)] = social_events(bot).items()
        await upload_and_confirm(bot, PDF)
        [(uid_after, after)] = social_events(bot).items()
        assert uid_after == uid and after["sequence"] == before["sequence"] + 1
        assert str(after["location"]).startswith("Lokal Eken, Eklundavägen 1")
        add_meeting(store, "social", MEETING, time(13), time(16), "Sal B")
        [(_, later)] = social_events(bot).items()
        assert later["sequence"] == after["sequence"] + 1  # members' calendars take it


async def test_a_kallelse_dated_for_a_day_the_meeting_left_is_refused(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        store = bot.application.bot_data["store"]
        add_meeting(store, "social", MEETING, time(9), time(12), "Lokal Eken")
        move_meeting(store, "social", MEETING, date(2026, 12, 11))
        await flush_outbox(SamradContext(bot.application))
        uploaded = await bot.upload((FIXTURES / PDF).read_bytes(), PDF, user_id=SARA)
        shown = "\n".join(texts(uploaded))
        assert (
            "Mötet är flyttat till fredag 11 december. Rätta datumet i kallelsen eller flytta "
            "tillbaka mötet." in shown
        )
        assert "Skicka kallelsen" not in dict(buttons(uploaded))
        [event] = social_events(bot).values()
        assert event["dtstart"].dt.date() == date(2026, 12, 11)


async def test_a_correction_before_any_flush_calls_the_first_kallelse_back(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        members = {ANNA, EVA, PIA}
        # Telegram unreachable for the members: nothing reaches them.
        bot.api.refuse = lambda method, params: params.get("chat_id") in members
        await upload_and_confirm(bot, PDF)
        await upload_and_confirm(bot, REVISED)
        bot.api.refuse = None
        before = len(bot.api.calls)
        await flush_outbox(SamradContext(bot.application))
        sent = bot.api.calls[before:]
        for member in (ANNA, EVA, PIA):
            [notice] = [c.params["text"] for c in sent_to(sent, member)]
            # Only the corrected one, as a plain kallelse: she never saw the first.
            assert "Kallelse</b>" in notice and "Rättad" not in notice and "Ändrat" not in notice
            assert "Handlingsplan för e-hälsa" in notice
            # Its file once, and the meeting's event at the corrected time.
            assert [name for name, _ in files_to(sent, member)] == [REVISED, f"mote-{MEETING}.ics"]


async def test_a_correction_says_what_changed_to_whoever_got_the_first(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        bot.api.refuse = lambda method, params: params.get("chat_id") == EVA  # not reached
        await upload_and_confirm(bot, PDF)
        bot.api.refuse = None
        _, sent = await upload_and_confirm(bot, REVISED)
        assert "Rättad kallelse" in text_to(sent, ANNA) and "ny punkt 7" in text_to(sent, ANNA)
        [notice] = [str(c.params["text"]) for c in sent_to(sent, EVA)]
        assert "Rättad" not in notice and "Handlingsplan för e-hälsa" in notice


async def test_the_kallelse_offers_only_what_a_ledamot_can_do(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        store = bot.application.bot_data["store"]
        add_member(store, "Ulla Ensam", "social", "Lekeberg", "ledamot")
        store.execute(
            "UPDATE people SET telegram_user_id = 106, telegram_chat_id = 106"
            " WHERE name = 'Ulla Ensam'"
        )
        add_meeting(store, "social", MEETING, time(9), time(12), "Lokal Eken")
        report = await bot.send("/franvaro", user_id=ANNA)
        pick = next(data for _, data in buttons(report) if MEETING.isoformat() in data)
        await bot.press(
            dict(buttons(await bot.press(pick, user_id=ANNA)))["Hela mötet"], user_id=ANNA
        )
        _, sent = await upload_and_confirm(bot, PDF)
        # Lena has reported her förhinder: no button, no question.
        assert "Du har anmält förhinder" in text_to(sent, ANNA)
        assert "Anmäl förhinder" not in dict(buttons(sent_to(sent, ANNA)))
        # Ulla has no ersättare in samrad: nobody is said to be asked.
        alone = text_to(sent, 106)
        assert "tillfrågas din ersättare" not in alone and "Ingen ersättare" in alone
        assert "Anmäl förhinder" in dict(buttons(sent_to(sent, 106)))


async def test_a_correction_calls_back_the_handover_of_the_first(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        add_meeting(bot.application.bot_data["store"], "social", MEETING, time(9), time(12))
        await bot.press(await substitute_asked(bot), user_id=EVA)
        bot.api.refuse = lambda method, params: params.get("chat_id") == EVA  # not reached
        await upload_and_confirm(bot, PDF)
        bot.api.refuse = None
        _, sent = await upload_and_confirm(bot, REVISED)
        # One handover, the corrected kallelse's, with its file: the first's never goes.
        [handover] = [str(c.params["text"]) for c in sent_to(sent, EVA)]
        assert "Handlingsplan för e-hälsa" in handover and "rättad" not in handover
        assert [name for name, _ in files_to(sent, EVA)][0] == REVISED
        assert PDF not in [name for name, _ in files_to(sent, EVA)]


async def test_a_handover_in_parts_reaches_her_each_part_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This handover (2,300 characters) would fit Telegram's 4,096: parts of 800 here.
    monkeypatch.setattr(notify, "split_html", lambda text: split_html(text, 800))
    async with BotHarness(db_path) as bot:
        add_meeting(bot.application.bot_data["store"], "social", MEETING, time(9), time(12))
        await bot.press(await substitute_asked(bot), user_id=EVA)
        to_eva = 0

        def second_refused(method: str, params: dict[str, object]) -> bool:
            """Telegram refuses the second part to Eva, once."""
            nonlocal to_eva
            if method == "sendMessage" and params.get("chat_id") == EVA:
                to_eva += 1
                return to_eva == 2
            return False

        bot.api.refuse = second_refused
        _, sent = await upload_and_confirm(bot, PDF)  # 11 items, each with its background
        bot.api.refuse = None
    async with BotHarness(db_path) as bot:  # restarted: the next flush sends the rest
        await flush_outbox(SamradContext(bot.application))
        parts = [str(c.params["text"]) for c in sent_to(sent + bot.api.calls, EVA)]
    assert len(parts) >= 3 and len(parts) == len(set(parts))  # in parts, none twice
    handover = "\n".join(parts)
    assert handover.count("<b>Inför mötet</b>") == 1
    for number in range(1, 12):
        assert handover.count(f"<b>{number}. ") == 1


async def test_skicka_inte_twice_says_the_draft_is_struck(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        uploaded = await bot.upload((FIXTURES / PDF).read_bytes(), PDF, user_id=SARA)
        discard = dict(buttons(uploaded))["Skicka inte"]
        first = await bot.press(discard, user_id=SARA)
        assert [c.params.get("text") for c in first if c.method == "answerCallbackQuery"] == [
            "Kallelsen skickas inte."
        ]
        again = await bot.press(discard, user_id=SARA)
        [answer] = [str(c.params.get("text")) for c in again if c.method == "answerCallbackQuery"]
        assert "struken" in answer and "skickad" not in answer


async def test_publishing_runs_off_the_event_loop(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    publish = kallelser.publish

    def recorded(*args: Any, **kwargs: Any) -> kallelser.Published:
        threads.append(threading.current_thread().name)
        return publish(*args, **kwargs)

    monkeypatch.setattr(kallelser, "publish", recorded)
    async with BotHarness(db_path) as bot:
        _, sent = await upload_and_confirm(bot, PDF)
        assert "Kallelse</b>" in text_to(sent, ANNA)
    assert threads and threading.main_thread().name not in threads
