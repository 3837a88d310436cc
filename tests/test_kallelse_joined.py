"""Where kallelser meet the rest of issue 12, end to end through the fake Bot API: a followed
subject on a published kallelse, "skicka kallelsen", the agenda in the calendar file of
/kalender and /nasta, and the handover's .ics with the same UID as /kalender's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar

from bot.fakeapi import Call
from handlers.callbacks import encode
from knowledge import open_store
from knowledge.council.calendar import add_meeting
from tests import test_kallelse
from tests.botkit import BotHarness, buttons, texts
from tests.test_calendar_ics import calendars, on
from tests.test_kallelse import (
    ANNA,
    DOCX,
    EVA,
    FIXTURES,
    MEETING,
    OLLE,
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

# The kallelser's fixtures: their database (registered members) and their clock (23 November).
db_path = test_kallelse.db_path
frozen_clock = test_kallelse.frozen_clock


def topic_notices(calls: list[Call], chat: int) -> list[str]:
    return [
        str(c.params["text"])
        for c in sent_to(calls, chat)
        if "Bevakat ämne" in str(c.params.get("text", ""))
    ]


async def test_a_followed_subject_is_noticed_on_a_published_kallelse_once(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/bevaka placerade barn", user_id=ANNA)
        await bot.send("/bevaka journalgranskning", user_id=ANNA)  # in no protocol
        await bot.send("meddela mig när e-hälsa tas upp", user_id=EVA)
        await bot.send("/bevaka tandhälsa", user_id=OLLE)  # a part of an item's compound
        await bot.send("/bevaka barnfattigdom", user_id=OLLE)  # on no agenda
        await bot.send("/bevaka placerade barn", user_id=SARA)  # she sends the kallelse
        await bot.send("/bevaka placerade barn", user_id=PIA)
        await bot.press("settings:protocols", user_id=PIA)  # notices about documents off

        _, unrelated = await upload_and_confirm(bot, DOCX)  # folkhälsa: none of them
        assert all(topic_notices(unrelated, chat) == [] for chat in (ANNA, EVA, OLLE, SARA))
        assert "Kallelse" in text_to(unrelated, OLLE)  # the kallelse itself went out

        _, published = await upload_and_confirm(bot, PDF)
        assert "Dessutom 3 besked om bevakade ämnen på dagordningen" in text_to(published, SARA)
        placed, checked = topic_notices(published, ANNA)
        assert "<b>Bevakat ämne: placerade barn</b>" in placed
        assert "fredag 4 december 2026: punkt 6 Hälso- och tandhälsoundersökningar" in placed
        assert "punkt 9 Äldreomsorg: journalgranskning" in checked
        [tooth] = topic_notices(published, OLLE)
        assert "punkt 6 Hälso- och tandhälsoundersökningar av placerade barn" in tooth
        assert all(topic_notices(published, chat) == [] for chat in (EVA, SARA, PIA))
        [notice] = [c for c in sent_to(published, ANNA) if "placerade barn</b>" in c.params["text"]]
        labels = dict(buttons([notice]))
        assert set(labels) == {"Skicka kallelsen", "Sluta bevaka placerade barn"}
        sent = await bot.press(labels["Skicka kallelsen"], user_id=ANNA)
        assert files_to(sent, ANNA) == [(PDF, (FIXTURES / PDF).read_bytes())]

        # The corrected kallelse: placerade barn again is no news; e-hälsa is new on it.
        _, corrected = await upload_and_confirm(bot, REVISED)
        assert topic_notices(corrected, ANNA) == [] and topic_notices(corrected, OLLE) == []
        [health] = topic_notices(corrected, EVA)
        assert "punkt 7 Handlingsplan för e-hälsa i samverkan" in health
        # The first notice's button now sends the kallelse in force.
        again = await bot.press(labels["Skicka kallelsen"], user_id=ANNA)
        assert files_to(again, ANNA) == [(REVISED, (FIXTURES / REVISED).read_bytes())]

        # A draft was never sent: a forged press for it gets no file.
        draft = await bot.upload((FIXTURES / PDF).read_bytes() + b"\n", PDF, user_id=SARA)
        draft_id = int(dict(buttons(draft))["Skicka kallelsen"].rsplit(":", 1)[1])
        forged = await bot.press(encode("send_kallelse", draft_id), user_id=ANNA)
        assert not files_to(forged, ANNA) and any(c.params.get("show_alert") for c in forged)
    # Queued once per meeting, follower and subject: Anna twice, Olle and Eva once.
    store = open_store(db_path)
    keys = [r[0] for r in store.execute("SELECT key FROM outbox WHERE key LIKE 'topic:kallelse:%'")]
    assert len(keys) == 4
    store.conn.close()


async def test_skicka_kallelsen_sends_the_published_file(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        add_meeting(bot.application.bot_data["store"], "social", MEETING, None, None, "Eken")
        before = await bot.send("skicka kallelsen", user_id=ANNA)
        assert "inte skickad än" in "\n".join(texts(before)) and not files_to(before, ANNA)

        await upload_and_confirm(bot, PDF)
        await upload_and_confirm(bot, DOCX)
        sent = await bot.send("Kan du skicka kallelsen?", user_id=ANNA)
        assert "Här är kallelsen till mötet med" in text_to(sent, ANNA)
        assert "fredag 4 december 2026" in text_to(sent, ANNA)
        assert files_to(sent, ANNA) == [(PDF, (FIXTURES / PDF).read_bytes())]
        # A meeting named without a year is the coming one; another council's too.
        named = await bot.send("skicka kallelsen till mötet 11 december", user_id=ANNA)
        assert files_to(named, ANNA) == [(DOCX, (FIXTURES / DOCX).read_bytes())]
        await upload_and_confirm(bot, REVISED)
        fourth = await bot.send("skicka kallelsen till mötet 4 december", user_id=ANNA)
        assert files_to(fourth, ANNA) == [(REVISED, (FIXTURES / REVISED).read_bytes())]
        none = await bot.send("skicka kallelsen till mötet 18 december", user_id=ANNA)
        assert not files_to(none, ANNA) and "ingen kallelse" in text_to(none, ANNA)


def _event_on(calls: list[Call], user: int, day: date) -> icalendar.Event:
    [calendar] = calendars(calls, user)
    return on(calendar, day)


async def test_the_calendar_files_carry_the_agenda_and_the_handover_the_same_uid(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        add_meeting(bot.application.bot_data["store"], "social", MEETING, None, None, "Eken")
        empty = _event_on(await bot.send("/kalender", user_id=ANNA), ANNA, MEETING)
        assert "Dagordning" not in str(empty.get("description", ""))
        uid = str(empty["uid"])

        await upload_and_confirm(bot, PDF)
        listed = _event_on(await bot.send("/kalender", user_id=ANNA), ANNA, MEETING)
        nasta = _event_on(await bot.send("/nasta", user_id=ANNA), ANNA, MEETING)
        for event in (listed, nasta):
            assert str(event["uid"]) == uid
            description = str(event["description"])
            assert description.startswith("Dagordning:\n1. Mötets öppnande\n")
            assert "7. Färdplan för omställningen till nära vård i Örebro län" in description
            assert "11. Nästa möte och mötesplan 2027" in description
            assert str(event["location"]) == "Lokal Eken, Eklundavägen 1, Örebro"

        # Lena reports förhinder; Eva says yes and gets the meeting as an .ics: the same event.
        accepted = await bot.press(await substitute_asked(bot), user_id=EVA)
        handover = _event_on(accepted, EVA, MEETING)
        kalender = _event_on(await bot.send("/kalender", user_id=EVA), EVA, MEETING)
        assert str(handover["uid"]) == str(kalender["uid"]) == uid
        assert int(handover["sequence"]) == int(kalender["sequence"])
        assert "4. Föregående möte och protokoll" in str(handover["description"])

        # The corrected kallelse moves the start: the same UID, the new agenda.
        await upload_and_confirm(bot, REVISED)
        revised = _event_on(await bot.send("/kalender", user_id=ANNA), ANNA, MEETING)
        assert str(revised["uid"]) == uid
        assert revised.decoded("dtstart").strftime("%H:%M") == "09:30"
        assert "7. Handlingsplan för e-hälsa" in str(revised["description"])


async def test_a_handover_calendar_file_sent_late_follows_the_meeting_it_moved(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        await upload_and_confirm(bot, PDF)
        uid = str(_event_on(await bot.send("/kalender", user_id=EVA), EVA, MEETING)["uid"])
        yes = await substitute_asked(bot)
        bot.api.fail("sendDocument", 502, 502)  # the kallelse's file and the .ics
        accepted = await bot.press(yes, user_id=EVA)
        assert "Inför mötet" in text_to(accepted, EVA) and not calendars(accepted, EVA)
        later = date(2026, 12, 18)
        moved = await bot.send(f"/flytta {MEETING} {later} 13:00-16:00", user_id=SARA)
        # Sent now, with the notice of the move: the meeting where it is, as /kalender has it.
        events = [e for c in calendars(moved, EVA) for e in c.walk("VEVENT")]
        assert len(events) == 2  # the handover's file and the move's
        assert all(str(e["uid"]) == uid for e in events)
        assert all(e.decoded("dtstart").date() == later for e in events)
        assert (PDF, (FIXTURES / PDF).read_bytes()) in files_to(moved, EVA)


async def test_the_agenda_moves_with_its_meeting(db_path: Path) -> None:
    """A kallelse is to a meeting, not to a day: moved with /flytta, the meeting keeps its
    agenda in /kalender and in the agenda questions."""
    async with BotHarness(db_path) as bot:
        await upload_and_confirm(bot, PDF)
        later = date(2026, 12, 18)
        await bot.send(f"/flytta {MEETING} {later} 13:00-16:00", user_id=SARA)
        moved = _event_on(await bot.send("/kalender", user_id=ANNA), ANNA, later)
        assert "7. Färdplan för omställningen till nära vård i Örebro län" in str(
            moved["description"]
        )
        agenda = text_to(await bot.send("Vad står på dagordningen?", user_id=ANNA), ANNA)
        assert "Färdplan för omställningen" in agenda
