"""The secretary's calendar over the `calendar` table: it overrides and cancels what protocols
planned, feeds the meeting list, and gives .ics files."""

from __future__ import annotations

import shutil
from datetime import date, time, timedelta
from pathlib import Path

import icalendar
import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from knowledge.council.absences import upcoming
from knowledge.council.calendar import CalendarError, add_meeting, cancel_meeting
from knowledge.council.ics import meeting_ics
from knowledge.council.meetings import CANCELLED, SCHEDULED, Meeting, list_meetings, next_meeting
from knowledge.storage.database import connect

# The 6 May 2022 protocol plans 18 November 2022, 13-16, with no place.
PLANNED = date(2022, 11, 18)


@pytest.fixture
def db(tmp_path: Path, corpus_db_file: Path) -> sqlite_utils.Database:
    path = tmp_path / "calendar.db"
    shutil.copy(corpus_db_file, path)
    return connect(path)


def _on(db: sqlite_utils.Database, council: str, day: date) -> Meeting:
    return next(m for m in list_meetings(db, council) if m.date == day)


def test_added_meeting_is_listed_and_next(db: sqlite_utils.Database) -> None:
    day = date.today() + timedelta(days=30)
    add_meeting(db, "folkhalsa", day, time(9), time(12), "Lokal Eken")
    meeting = _on(db, "folkhalsa", day)
    assert (meeting.status, meeting.start, meeting.end, meeting.place) == (
        SCHEDULED,
        time(9),
        time(12),
        "Lokal Eken",
    )
    assert meeting.source == "calendar"
    found = next_meeting(db, "folkhalsa", date.today())
    assert found is not None and found.date == day
    assert not [m for m in list_meetings(db, "social") if m.date == day]  # the other council


def test_calendar_overrides_and_cancels_a_protocol_plan(db: sqlite_utils.Database) -> None:
    planned = _on(db, "social", PLANNED)
    assert planned.status == SCHEDULED and planned.place is None
    add_meeting(db, "social", PLANNED, time(13), time(15), "Eklundavägen 1")
    corrected = _on(db, "social", PLANNED)
    assert (corrected.end, corrected.place) == (time(15), "Eklundavägen 1")
    assert cancel_meeting(db, "social", PLANNED) is True
    assert _on(db, "social", PLANNED).status == CANCELLED
    # One row per council and day: cancelling and entering again reuse it.
    add_meeting(db, "social", PLANNED, time(13), time(16), "Digitalt")
    assert _on(db, "social", PLANNED).status == SCHEDULED
    count = db.execute(
        "SELECT count(*) FROM calendar WHERE council = 'social' AND date = ?",
        [PLANNED.isoformat()],
    ).fetchone()[0]
    assert count == 1


def test_cancelled_meetings_are_not_upcoming(db: sqlite_utils.Database) -> None:
    first, second = date.today() + timedelta(days=10), date.today() + timedelta(days=40)
    add_meeting(db, "social", first, time(9), time(12), "A")
    add_meeting(db, "social", second, time(9), time(12), "B")
    assert cancel_meeting(db, "social", first) is True
    assert [m.date for m in upcoming(db, "social", date.today())] == [second]
    coming = next_meeting(db, "social", date.today())
    assert coming is not None and coming.date in (first, second)


def test_cancelling_an_unknown_day_says_so(db: sqlite_utils.Database) -> None:
    day = date.today() + timedelta(days=99)
    assert cancel_meeting(db, "social", day) is False
    assert _on(db, "social", day).status == CANCELLED


def test_bad_input_changes_nothing(db: sqlite_utils.Database) -> None:
    before = db.execute("SELECT count(*) FROM calendar").fetchone()[0]
    day = date.today() + timedelta(days=5)
    with pytest.raises(CalendarError, match="Okänt råd") as error:
        add_meeting(db, "kommunfullmäktige", day, time(9), time(12))
    assert "social" in error.value.message
    with pytest.raises(CalendarError, match="Sluttiden"):
        add_meeting(db, "social", day, time(12), time(9))
    with pytest.raises(CalendarError, match="Okänt råd"):
        cancel_meeting(db, "kommunfullmäktige", day)
    assert db.execute("SELECT count(*) FROM calendar").fetchone()[0] == before


def test_ics_with_times_in_stockholm(db: sqlite_utils.Database) -> None:
    day = date(2030, 6, 14)  # summer time: 09:00 in Stockholm is 07:00 UTC
    add_meeting(db, "social", day, time(9), time(12), "Lokal Eken, Eklundavägen 1")
    calendar = icalendar.Calendar.from_ical(meeting_ics(_on(db, "social", day)))
    [event] = calendar.walk("VEVENT")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, end.hour, str(start.tzinfo)) == (9, 12, "Europe/Stockholm")
    assert start.utcoffset() == timedelta(hours=2)
    assert str(event["location"]) == "Lokal Eken, Eklundavägen 1"
    assert "social välfärd" in str(event["summary"])
    assert str(event["uid"]) == "social-2030-06-14@samrad"


def test_ics_without_a_time_is_a_whole_day(db: sqlite_utils.Database) -> None:
    day = date(2030, 1, 10)
    add_meeting(db, "social", day)
    [event] = icalendar.Calendar.from_ical(meeting_ics(_on(db, "social", day))).walk("VEVENT")
    assert event.decoded("dtstart") == day
    assert "location" not in event


def test_cli_meeting_commands(tmp_path: Path, corpus_db_file: Path) -> None:
    path = tmp_path / "cli.db"
    shutil.copy(corpus_db_file, path)
    runner = CliRunner()
    base = ["--db", str(path), "meeting"]
    day = (date.today() + timedelta(days=12)).isoformat()
    added = runner.invoke(
        cli,
        [*base, "add", "--date", day, "--time", "09:00-12:00", "--place", "Eken"]
        + ["--council", "folkhalsa"],
    )
    assert added.exit_code == 0, added.output
    [line] = [x for x in runner.invoke(cli, [*base, "list"]).output.splitlines() if day in x]
    assert "09:00-12:00" in line and "folkhalsa" in line and "scheduled" in line
    assert "Eken" in line
    bad_time = runner.invoke(cli, [*base, "add", "--date", day, "--time", "nio"])
    assert bad_time.exit_code != 0 and "TT:MM" in bad_time.output
    bad_date = runner.invoke(cli, [*base, "add", "--date", "14/6"])
    assert bad_date.exit_code != 0 and "ÅÅÅÅ-MM-DD" in bad_date.output
    bad_council = runner.invoke(cli, [*base, "cancel", "--date", day, "--council", "x"])
    assert bad_council.exit_code != 0 and "Okänt råd" in bad_council.output
    cancelled = runner.invoke(cli, [*base, "cancel", "--date", day, "--council", "folkhalsa"])
    assert cancelled.exit_code == 0 and "Inget möte" not in cancelled.output
    [line] = [x for x in runner.invoke(cli, [*base, "list"]).output.splitlines() if day in x]
    assert "cancelled" in line
    unknown = runner.invoke(cli, [*base, "cancel", "--date", "2031-02-03"])
    assert unknown.exit_code == 0 and "Inget möte var känt" in unknown.output
