"""/kalender as one .ics file, and meetings that keep their UID when they move or are
cancelled, driven through the fake Bot API and read back with ``icalendar``."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import sqlite_utils

from bot.fakeapi import Call
from knowledge.council.calendar import CalendarError, add_meeting, move_meeting
from knowledge.council.meetings import CANCELLED, list_meetings, superseded_plans
from knowledge.language import clock
from knowledge.language.dates import format_date
from knowledge.storage.database import connect
from tests.botkit import BotHarness, registered_people, texts

SECRETARY, MEMBER, STRANGER = 10, 20, 30
FIRST = clock.today() + timedelta(days=30)
LATER = clock.today() + timedelta(days=44)


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "ics.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path, [(SECRETARY, "Sara Sekreterare", "sekreterare"), (MEMBER, "Maja Ledamot", "ledamot")]
    )
    return path


def calendars(calls: list[Call], chat: int) -> list[icalendar.Calendar]:
    """The .ics files sent to ``chat``, parsed."""
    return [
        icalendar.Calendar.from_ical(content)
        for call in calls
        if call.method == "sendDocument" and call.params.get("chat_id") == chat
        for name, content in call.files.values()
        if name.endswith(".ics")
    ]


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    """The calendar's events by UID (each UID once)."""
    found = calendar.walk("VEVENT")
    uids = [str(e["uid"]) for e in found]
    assert len(uids) == len(set(uids)), uids
    return dict(zip(uids, found, strict=True))


def on(calendar: icalendar.Calendar, day: date) -> icalendar.Event:
    [event] = [e for e in calendar.walk("VEVENT") if _day(e) == day]
    return event


def _day(event: icalendar.Event) -> date:
    start = event.decoded("dtstart")
    return start.date() if isinstance(start, datetime) else start


async def test_kalender_file_keeps_uids_when_a_meeting_moves_and_is_cancelled(
    db_path: Path,
) -> None:
    async with BotHarness(db_path, secretary_chat=SECRETARY) as bot:
        await bot.send(f"/nyttmote {FIRST.isoformat()} 09:00-12:00 Lokal Eken", user_id=SECRETARY)
        [before] = calendars(await bot.send("/kalender", user_id=MEMBER), MEMBER)
        first = on(before, FIRST)
        uid, sequence = str(first["uid"]), int(first["sequence"])
        start = first.decoded("dtstart")
        assert (start.hour, str(start.tzinfo), start.utcoffset() is not None) == (
            9,
            "Europe/Stockholm",
            True,
        )
        assert first["dtstart"].params["TZID"] == "Europe/Stockholm"
        assert before.walk("VTIMEZONE"), "the zone's definition travels with the file"
        assert str(first["location"]) == "Lokal Eken" and str(first["status"]) == "CONFIRMED"
        [alarm] = first.walk("VALARM")
        assert alarm.decoded("trigger") == -timedelta(days=1)

        moved = await bot.send(
            f"/flytta {FIRST.isoformat()} {LATER.isoformat()} 13:00-16:00", user_id=SECRETARY
        )
        # The member is told with the updated event: the same UID, a higher sequence.
        [notice] = calendars(moved, MEMBER)
        [caption] = [str(c.params["caption"]) for c in moved if c.params.get("chat_id") == MEMBER]
        assert caption.startswith("<b>Flyttat möte</b>") and "Tidigare:" in caption
        [event] = notice.walk("VEVENT")
        assert str(event["uid"]) == uid and int(event["sequence"]) > sequence
        assert (_day(event), event.decoded("dtstart").hour) == (LATER, 13)

        listed = await bot.send("/kalender", user_id=MEMBER)
        # The day it left, in plain words: "(flyttat till fredag 11 december 2026)".
        assert f"(flyttat till {format_date(LATER)})" in "\n".join(texts(listed))
        [after] = calendars(listed, MEMBER)
        assert set(events(after)) == set(events(before))  # nothing new to duplicate
        assert _day(events(after)[uid]) == LATER
        assert not [e for e in after.walk("VEVENT") if _day(e) == FIRST]
        moved_sequence = int(events(after)[uid]["sequence"])
        assert moved_sequence > sequence

        cancelled = await bot.send(f"/stallin {LATER.isoformat()}", user_id=SECRETARY)
        [notice] = calendars(cancelled, MEMBER)
        [event] = notice.walk("VEVENT")
        assert (str(event["uid"]), str(event["status"])) == (uid, "CANCELLED")
        assert int(event["sequence"]) > moved_sequence and not event.walk("VALARM")
        listed = await bot.send("/kalender", user_id=MEMBER)
        [last] = calendars(listed, MEMBER)
        assert str(events(last)[uid]["status"]) == "CANCELLED"
        assert str(events(last)[uid]["summary"]).startswith("Inställt möte: ")
        assert "(inställt)" in "\n".join(texts(listed))


async def test_moving_refuses_what_cannot_be_moved(db_path: Path) -> None:
    async with BotHarness(db_path, secretary_chat=SECRETARY) as bot:
        await bot.send(f"/nyttmote {FIRST.isoformat()} 09:00-12:00 Eken", user_id=SECRETARY)
        await bot.send(f"/nyttmote {LATER.isoformat()} 09:00-12:00 Eken", user_id=SECRETARY)
        past = clock.today() - timedelta(days=2)
        cases = {
            f"/flytta {FIRST.isoformat()} {past.isoformat()}": "har redan varit",
            f"/flytta {FIRST.isoformat()} {LATER.isoformat()}": "Det finns redan ett möte",
            f"/flytta {(FIRST + timedelta(days=1)).isoformat()} {LATER.isoformat()}": "inget möte",
            f"/flytta {FIRST.isoformat()}": "Skriv: /flytta",
            f"/flytta {FIRST.isoformat()} 2026-13-40": "Skriv: /flytta",
        }
        for command, expected in cases.items():
            [reply] = [c for c in await bot.send(command, user_id=SECRETARY)]
            assert expected in str(reply.params["text"]), (command, reply.params["text"])
        refused = await bot.send(f"/flytta {FIRST.isoformat()} {LATER.isoformat()}", user_id=MEMBER)
        assert "Bara sekreteraren" in str(refused[0].params["text"])
    db = connect(db_path)
    assert [m.date for m in list_meetings(db, "social", since=FIRST) if m.date in (FIRST, LATER)]
    assert all(m.status != CANCELLED for m in list_meetings(db, "social", since=FIRST))


async def test_kalender_is_of_the_members_councils(db_path: Path) -> None:
    db = connect(db_path)
    add_meeting(db, "folkhalsa", FIRST, None, None, "Eken")
    add_meeting(db, "social", LATER, None, None, "Eken")
    db.conn.close()
    async with BotHarness(db_path, secretary_chat=SECRETARY) as bot:
        [mine] = calendars(await bot.send("/kalender", user_id=MEMBER), MEMBER)
        assert [_day(e) for e in mine.walk("VEVENT")] == [LATER]  # she sits in the social one
        [public] = calendars(await bot.send("/kalender", user_id=STRANGER), STRANGER)
        assert {FIRST, LATER} <= {_day(e) for e in public.walk("VEVENT")}
        whole_day = on(public, FIRST)
        assert whole_day.decoded("dtstart") == FIRST  # no time known: a whole-day event


def test_a_protocol_plan_keeps_its_uid_when_the_secretary_moves_it(
    tmp_path: Path, corpus_db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.db"
    shutil.copy(corpus_db_file, path)
    db: sqlite_utils.Database = connect(path)
    # The 6 May 2022 protocol plans 18 November 2022; pretend it is still to come.
    planned = date(2022, 11, 18)
    [plan] = [m for m in list_meetings(db, "social", since=planned) if m.date == planned]
    assert plan.uid == "social-2022-11-18@samrad"
    monkeypatch.setattr(clock, "today", lambda: date(2022, 10, 1))
    moved = move_meeting(db, "social", planned, date(2022, 11, 25))
    with pytest.raises(CalendarError):
        move_meeting(db, "social", planned, date(2022, 12, 2))  # nothing left there
    assert (moved.uid, moved.start, moved.sequence) == (plan.uid, plan.start, plan.sequence + 1)
    [old] = [m for m in list_meetings(db, "social", since=planned) if m.date == planned]
    assert (old.status, old.moved_to) == (CANCELLED, date(2022, 11, 25))  # the plan stays gone


def test_a_plan_a_later_protocol_dropped_is_cancelled_under_its_uid(
    corpus_db: sqlite_utils.Database,
) -> None:
    # The 6 May 2022 protocol moved 9 September 2022 to 16 September.
    dropped = superseded_plans(corpus_db, "social", since=date(2022, 5, 7))
    assert [(m.date, m.status, m.uid) for m in dropped] == [
        (date(2022, 9, 9), CANCELLED, "social-2022-09-09@samrad")
    ]
    assert dropped[0].sequence >= 1


def test_a_forhinder_for_a_moved_meeting_is_closed_in_words_of_the_move(db_path: Path) -> None:
    from knowledge.council import absences, outbox
    from knowledge.council.roster import person_by_telegram
    from tests.botkit import notice_text

    db = connect(db_path)
    add_meeting(db, "social", FIRST, None, None, "Eken")
    person = person_by_telegram(db, MEMBER)
    assert person is not None
    absences.report(db, person.id, "social", FIRST)
    move_meeting(db, "social", FIRST, LATER)
    assert absences.run_due(db)["closed"] == 1
    told = [notice_text(n) for n in outbox.pending(db) if n.chat_id == MEMBER]
    closed = [t for t in told if "förhinder" in t and "avslutad" in t]
    assert len(closed) == 1 and "är flyttat till" in closed[0] and "inställt" not in closed[0]


async def test_the_secretary_is_told_only_who_really_hears_of_it(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = tmp_path / "alone.db"
    shutil.copy(corpus_db_file, path)
    registered_people(path, [(SECRETARY, "Sara Sekreterare", "sekreterare")])  # nobody else
    async with BotHarness(path, secretary_chat=SECRETARY) as bot:

        async def reply(command: str) -> str:
            return "\n".join(
                str(c.params["text"]) for c in await bot.send(command, user_id=SECRETARY)
            )

        added = await reply(f"/nyttmote {FIRST.isoformat()} 09:00-12:00 Lokal Eken")
        moved = await reply(f"/flytta {FIRST.isoformat()} {LATER.isoformat()}")
        cancelled = await reply(f"/stallin {LATER.isoformat()}")
        for answer in (added, moved, cancelled):
            assert "Ledamöterna och ersättarna får" not in answer
            assert "Ingen ledamot eller ersättare är registrerad" in answer
        again = await reply(f"/stallin {LATER.isoformat()}")
        assert "redan inställt" in again and "Ledamöterna" not in again
        nothing = await reply(f"/stallin {(FIRST + timedelta(days=2)).isoformat()}")
        assert "Jag känner inte till något möte" in nothing and "Ledamöterna" not in nothing
