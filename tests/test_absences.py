"""Förhinder end to end through the fake Bot API, with a ledamot, two ersättare and a secretary."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from bot.fakeapi import Call
from knowledge import open_store
from knowledge.council import absences, outbox
from knowledge.council.calendar import add_meeting, cancel_meeting
from knowledge.council.ics import meeting_ics
from knowledge.council.meetings import next_meeting
from knowledge.council.roster import create_invite, export_roster, list_members
from knowledge.language import clock
from tests.botkit import BotHarness, buttons, notice_text, rendered, texts

ANNA, EVA, PIA, SARA, STRANGER = 101, 102, 103, 104, 999  # ledamot, ersättare 1 and 2, secretary
MEETING = date.today() + timedelta(days=20)


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "absence.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    csv = (
        "council,organisation,role,rank,name\n"
        "social,Nora,ledamot,1,Anna Karlsson\n"
        "social,Nora,ersättare,1,Eva Karlsson\n"
        "social,Nora,ersättare,2,Pia-Maria Johansson\n"
        "social,Region Örebro län,sekreterare,1,Sara Sekreterare\n"
        "social,Kumla,ledamot,1,Annica Sjöqvist\n"
    )
    from knowledge.council.roster import import_roster

    import_roster(db, csv)
    add_meeting(db, "social", MEETING, None, None, "Lokal Eken")
    db.conn.close()
    return path


async def register(bot: BotHarness, name: str, user: int) -> None:
    code, _ = create_invite(bot.application.bot_data["store"], name)
    [text] = texts(await bot.send(f"/start {code}", user_id=user))
    assert "Välkommen" in text


async def report_whole_meeting(bot: BotHarness, user: int = ANNA) -> list[Call]:
    calls = await bot.send("/franvaro", user_id=user)
    [(label, pick)] = [b for b in buttons(calls) if MEETING.isoformat() in b[1]]
    whole = dict(buttons(await bot.press(pick, user_id=user)))["Hela mötet"]
    return await bot.press(whole, user_id=user)


def to(calls: list[Call], user: int) -> list[str]:
    return [str(c.params.get("text", "")) for c in calls if c.params.get("chat_id") == user]


def answer_buttons(calls: list[Call], user: int) -> dict[str, str]:
    return dict(buttons([c for c in calls if c.params.get("chat_id") == user]))


async def test_registration_codes(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        db = bot.application.bot_data["store"]
        code, _ = create_invite(db, "Anna Karlsson")
        assert (
            db.execute("SELECT count(*) FROM invites WHERE code_hash = ?", [code]).fetchone()[0]
            == 0
        )
        assert (
            "Välkommen, Anna Karlsson" in texts(await bot.send(f"/start {code}", user_id=ANNA))[0]
        )
        assert "redan använd" in texts(await bot.send(f"/start {code}", user_id=STRANGER))[0]
        assert "känner jag inte" in texts(await bot.send("/start fel-kod", user_id=STRANGER))[0]
        expired, _ = create_invite(db, "Eva Karlsson", days=-1)
        assert "gått ut" in texts(await bot.send(f"/start {expired}", user_id=EVA))[0]
        refused = texts(await bot.send("/franvaro", user_id=STRANGER))[0]
        assert "registrerad" in refused


async def test_notice_yes_and_secretary_sees_who_serves(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [
            ("Anna Karlsson", ANNA),
            ("Eva Karlsson", EVA),
            ("Pia-Maria Johansson", PIA),
            ("Sara Sekreterare", SARA),
        ]:
            await register(bot, name, user)
        calls = await report_whole_meeting(bot)
        assert any("referens F-" in t for t in to(calls, ANNA))
        assert any("Kan du ersätta Anna Karlsson" in t for t in to(calls, EVA))
        assert not to(calls, PIA)
        # The wrong person pressing Eva's button changes nothing.
        yes = answer_buttons(calls, EVA)["Ja, jag kommer"]
        wrong = await bot.press(yes, user_id=PIA)
        assert any(c.params.get("show_alert") for c in wrong if c.method == "answerCallbackQuery")
        accepted = await bot.press(yes, user_id=EVA)
        assert any(
            "Eva Karlsson kommer i stället för Anna Karlsson" in t for t in to(accepted, ANNA)
        )
        assert any("Eva Karlsson kommer" in t for t in to(accepted, SARA))
        twice = await bot.press(yes, user_id=EVA)  # a double tap
        assert any(
            "redan svarat" in str(c.params.get("text"))
            for c in twice
            if c.method == "answerCallbackQuery"
        )
        assert not to(twice, ANNA)
        [board] = texts(await bot.send(f"/narvaro {MEETING.isoformat()}", user_id=SARA))
        assert "Anna Karlsson – förhinder, ersättare Eva Karlsson kommer" in board
        assert "Annica Sjöqvist – inte registrerad i samrad, okänt" in board  # nobody knows
        assert "Kommer: 1 av 2 (varav 1 ersättare). Okänt (inte registrerade i samrad): 1." in board
        assert "Bara sekreteraren" in texts(await bot.send("/narvaro", user_id=ANNA))[0]


async def test_no_escalates_to_next_then_secretary(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [
            ("Anna Karlsson", ANNA),
            ("Eva Karlsson", EVA),
            ("Pia-Maria Johansson", PIA),
            ("Sara Sekreterare", SARA),
        ]:
            await register(bot, name, user)
        calls = await report_whole_meeting(bot)
        declined = await bot.press(answer_buttons(calls, EVA)["Nej, jag kan inte"], user_id=EVA)
        assert any("Kan du ersätta" in t for t in to(declined, PIA))
        again = await bot.press(answer_buttons(declined, PIA)["Nej, jag kan inte"], user_id=PIA)
        assert any("Ingen ersättare kunde komma" in t for t in to(again, ANNA))
        assert any("ingen ersättare kan komma" in t for t in to(again, SARA))


async def test_deadline_passing_asks_the_next(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [
            ("Anna Karlsson", ANNA),
            ("Eva Karlsson", EVA),
            ("Pia-Maria Johansson", PIA),
        ]:
            await register(bot, name, user)
        await report_whole_meeting(bot)
        db = bot.application.bot_data["store"]
        assert absences.expire_due(db, datetime.now(UTC) + timedelta(hours=1)) == 0
        later = datetime.now(UTC) + timedelta(hours=49)
        assert absences.expire_due(db, later) == 1
        asked = [n.chat_id for n in outbox.pending(db) if "Kan du ersätta" in notice_text(n)]
        assert asked == [PIA]
        deadline = db.execute(
            "SELECT deadline FROM substitute_requests WHERE status = 'asked'"
        ).fetchone()[0]
        assert datetime.fromisoformat(deadline).date() <= MEETING - timedelta(days=2)


async def test_withdrawal_tells_the_ersattare(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA)]:
            await register(bot, name, user)
        calls = await report_whole_meeting(bot)
        await bot.press(answer_buttons(calls, EVA)["Ja, jag kommer"], user_id=EVA)
        mine = await bot.send("/mina", user_id=ANNA)
        assert "Eva Karlsson kommer" in texts(mine)[0]
        [(label, data)] = buttons(mine)
        stolen = await bot.press(data, user_id=EVA)
        assert any(
            "egna" in str(c.params.get("text")) for c in stolen if c.method == "answerCallbackQuery"
        )
        withdrawn = await bot.press(data, user_id=ANNA)
        assert any("behöver inte ersätta" in t for t in to(withdrawn, EVA))
        assert "inga anmälda" in texts(await bot.send("/mina", user_id=ANNA))[0]


async def test_part_of_meeting_and_past_or_cancelled_meetings(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA)]:
            await register(bot, name, user)
        calls = await bot.send("/franvaro", user_id=ANNA)
        [(_, pick)] = [b for b in buttons(calls) if MEETING.isoformat() in b[1]]
        part = dict(buttons(await bot.press(pick, user_id=ANNA)))["Del av mötet"]
        await bot.press(part, user_id=ANNA)
        assert "13-15" in texts(await bot.send("någon gång", user_id=ANNA))[0]
        confirm = await bot.send("13-15", user_id=ANNA)
        [(label, data)] = [b for b in buttons(confirm) if b[0] == "Bekräfta"]
        done = await bot.press(data, user_id=ANNA)
        assert any("del av mötet, kl. 13.00–15.00" in t for t in to(done, EVA))
        db = bot.application.bot_data["store"]
        anna = list_members(db, "social", "Nora", "ledamot")[0].person_id
        with pytest.raises(absences.AbsenceError, match="redan varit"):
            absences.report(
                db,
                anna,
                "social",
                MEETING,
                None,
                datetime.combine(MEETING + timedelta(days=1), datetime.min.time(), UTC),
            )
        cancel_meeting(db, "social", MEETING)
        with pytest.raises(absences.AbsenceError, match="finns inte"):
            absences.report(db, anna, "social", MEETING)


async def test_restart_in_the_middle_loses_nothing_and_sends_nothing_twice(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for name, user in [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA)]:
            await register(bot, name, user)
        calls = await bot.send("/franvaro", user_id=ANNA)
        [(_, pick)] = [b for b in buttons(calls) if MEETING.isoformat() in b[1]]
        whole = dict(buttons(await bot.press(pick, user_id=ANNA)))["Hela mötet"]
        bot.api.fail_next["sendMessage"] = 10  # Telegram is down while the notice is filed
        await bot.press(whole, user_id=ANNA)
        db = bot.application.bot_data["store"]
        waiting = outbox.pending(db)
        assert {n.chat_id for n in waiting} == {EVA, ANNA}  # filed, not lost, not yet sent
    async with BotHarness(db_path) as restarted:  # a new Application over the same file
        from handlers.context import SamradContext
        from handlers.notify import flush_outbox

        context = SamradContext(restarted.application)
        assert await flush_outbox(context) >= 1
        sent = [c for c in restarted.api.calls if c.method == "sendMessage"]
        assert any("Kan du ersätta" in str(c.params["text"]) for c in sent)
        assert await flush_outbox(context) == 0  # nothing twice
        yes = dict(buttons(sent))["Ja, jag kommer"]
        accepted = await restarted.press(yes, user_id=EVA)  # a button from before the restart
        assert any("kommer i stället" in t for t in to(accepted, ANNA))


async def test_reminders_are_due_once(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await register(bot, "Anna Karlsson", ANNA)
        db = bot.application.bot_data["store"]
        week_before = datetime.combine(MEETING - timedelta(days=7), datetime.min.time(), UTC)
        assert absences.send_reminders(db, week_before - timedelta(days=3)) == 0
        assert absences.send_reminders(db, week_before) == 1
        assert absences.send_reminders(db, week_before + timedelta(hours=1)) == 0
        day_before = week_before + timedelta(days=6)
        assert absences.send_reminders(db, day_before) == 1
        [reminder, last] = [n for n in outbox.pending(db) if "Påminnelse" in notice_text(n)]
        [(label, data)] = rendered(reminder)[1]
        assert label == "Anmäl förhinder"
        # The reminder's button starts the notice flow.
        picked = await bot.press(data, user_id=ANNA)
        assert "Hela mötet" in dict(buttons(picked))
        del last


def test_retention_forget_calendar_and_cli(db_path: Path) -> None:
    db = open_store(db_path)
    anna = list_members(db, "social", "Nora", "ledamot")[0].person_id
    absences.report(db, anna, "social", MEETING)
    assert absences.purge(db, MEETING + timedelta(days=300)) == 0
    assert absences.purge(db, MEETING + timedelta(days=400)) == 1
    meeting = next_meeting(db, "social", date.today())
    assert meeting is not None and meeting.date == MEETING and meeting.place == "Lokal Eken"
    assert b"BEGIN:VEVENT" in meeting_ics(meeting) and b"Lokal Eken" in meeting_ics(meeting)
    runner = CliRunner()
    env = ["--db", str(db_path)]
    listing = runner.invoke(cli, [*env, "roster", "list", "--council", "social"])
    assert "Anna Karlsson" in listing.output
    assert export_roster(db).startswith("council,organisation,role,rank,name")
    invite = [*env, "invite", "Ny Person", "--role", "ersattare", "--org", "Nora"]
    link = runner.invoke(cli, invite, env={"SAMRAD_BOT_USERNAME": "@radets_bot"})
    assert link.exit_code == 0 and "https://t.me/radets_bot?start=" in link.output
    unnamed = runner.invoke(cli, invite, env={"SAMRAD_BOT_USERNAME": ""})
    assert unnamed.exit_code == 0 and "t.me" not in unnamed.output
    assert "SAMRAD_BOT_USERNAME" in unnamed.output and "/start " in unnamed.output
    missing = runner.invoke(cli, [*env, "invite", "Okänd Person"])
    assert missing.exit_code != 0 and "roll och organisation" in missing.output
    added = runner.invoke(
        cli,
        [
            *env,
            "meeting",
            "add",
            "--date",
            "2030-01-10",
            "--time",
            "09:00-12:00",
            "--place",
            "Digitalt",
        ],
    )
    assert added.exit_code == 0, added.output
    assert "2030-01-10" in runner.invoke(cli, [*env, "meeting", "list"]).output
    runner.invoke(cli, [*env, "meeting", "cancel", "--date", "2030-01-10"])
    assert "cancelled" in runner.invoke(cli, [*env, "meeting", "list"]).output
    board = runner.invoke(cli, [*env, "absences", "--meeting", MEETING.isoformat(), "--csv"])
    assert board.output.startswith("organisation,ledamot,läge")
    listed = runner.invoke(cli, [*env, "absences", "--meeting", MEETING.isoformat()])
    assert "okänt (inte registrerade) 2" in listed.output
    assert runner.invoke(cli, [*env, "forget", "Anna Karlsson"]).exit_code == 0
    assert not [m for m in list_members(db) if m.name == "Anna Karlsson"]
    bad = Path(db_path.parent / "trasig.csv")
    bad.write_text("namn\nX\n", encoding="utf-8")
    before = len(list_members(db))
    assert runner.invoke(cli, [*env, "roster", "import", str(bad)]).exit_code != 0
    assert len(list_members(db)) == before


# --- The state machine without Telegram: a real database file, the outbox read directly ------

SMALL_ROSTER = (
    "council,organisation,role,rank,name\n"
    "social,Nora,ledamot,1,Anna Karlsson\n"
    "social,Nora,ersättare,1,Eva Karlsson\n"
    "social,Nora,ersättare,2,Pia-Maria Johansson\n"
    "social,Region Örebro län,sekreterare,1,Sara Sekreterare\n"
    "social,Kumla,ledamot,1,Annica Sjöqvist\n"
    "social,Kumla,ersättare,1,Jan Engman\n"
)


@pytest.fixture
def flow(fresh_db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Anna (ledamot), Eva and Pia (her ersättare), Sara (secretary), all registered; Annica
    (another ledamot) registered; Jan (Annica's ersättare) not; a meeting in 20 days."""
    from knowledge.council.roster import import_roster, redeem_invite

    import_roster(fresh_db, SMALL_ROSTER)
    add_meeting(fresh_db, "social", MEETING, time(9), time(12), "Lokal Eken")
    for name, user in [
        ("Anna Karlsson", ANNA),
        ("Eva Karlsson", EVA),
        ("Pia-Maria Johansson", PIA),
        ("Sara Sekreterare", SARA),
        ("Annica Sjöqvist", 105),
    ]:
        redeem_invite(fresh_db, create_invite(fresh_db, name)[0], user, user)
    return fresh_db


def _person(db: sqlite_utils.Database, user: int) -> int:
    return int(db.execute("SELECT id FROM people WHERE telegram_user_id = ?", [user]).fetchone()[0])


def _drain(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """What the bot would send now, marked sent as the bot does after Telegram accepts it."""
    sent = []
    for notice in outbox.pending(db):
        sent.append((notice.chat_id, notice_text(notice)))
        outbox.mark_sent(db, notice.id)
    return sent


def _open_request(db: sqlite_utils.Database, user: int) -> int:
    return int(
        db.execute(
            "SELECT r.id FROM substitute_requests r JOIN people p ON p.id = r.person_id"
            " WHERE p.telegram_user_id = ? AND r.status = 'asked'",
            [user],
        ).fetchone()[0]
    )


def test_report_is_idempotent_and_asks_the_first_ersattare(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    notice = absences.report(flow, anna, "social", MEETING)
    assert notice.status == absences.SEARCHING and notice.reference == f"F-{notice.id:05d}"
    sent = _drain(flow)
    assert [chat for chat, _ in sent] == [EVA, ANNA]
    assert "Lokal Eken" in sent[0][1] and "9.00–12.00" in sent[0][1]
    again = absences.report(flow, anna, "social", MEETING)  # a repeated update
    assert again.id == notice.id and _drain(flow) == []
    assert flow.execute("SELECT count(*) FROM substitute_requests").fetchone()[0] == 1
    # No reason is stored anywhere.
    columns = {c.name for c in flow["absences"].columns}
    assert not {"reason", "comment", "note"} & columns


def test_only_a_ledamot_can_report_and_only_sensible_parts(flow: sqlite_utils.Database) -> None:
    with pytest.raises(absences.AbsenceError, match="inte som ledamot"):
        absences.report(flow, _person(flow, EVA), "social", MEETING)
    with pytest.raises(absences.AbsenceError, match="sluta efter"):
        absences.report(flow, _person(flow, ANNA), "social", MEETING, (time(15), time(13)))
    with pytest.raises(absences.AbsenceError, match="finns inte i kalendern"):
        absences.report(flow, _person(flow, ANNA), "social", MEETING + timedelta(days=1))
    assert flow.execute("SELECT count(*) FROM absences").fetchone()[0] == 0
    assert outbox.pending(flow) == []


def test_yes_no_and_escalation_to_the_secretary(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    notice = absences.report(flow, anna, "social", MEETING)
    _drain(flow)
    with pytest.raises(absences.AbsenceError, match="gällde inte dig"):
        absences.answer_request(flow, _open_request(flow, EVA), _person(flow, PIA), True)
    assert _drain(flow) == []
    absences.answer_request(flow, _open_request(flow, EVA), _person(flow, EVA), False)
    sent = _drain(flow)
    assert [c for c, t in sent if "Kan du ersätta" in t] == [PIA]
    last = _open_request(flow, PIA)
    state = absences.answer_request(flow, last, _person(flow, PIA), False)
    assert state.status == absences.UNCOVERED
    sent = _drain(flow)
    assert {c for c, _ in sent} == {ANNA, SARA}
    with pytest.raises(absences.AbsenceError, match="redan svarat nej"):
        absences.answer_request(flow, last, _person(flow, PIA), True)
    [seat] = [s for s in absences.attendance(flow, "social", MEETING) if s.member == notice.person]
    assert seat.state == "förhinder, ingen ersättare"


def test_unregistered_ersattare_is_skipped(flow: sqlite_utils.Database) -> None:
    annica = _person(flow, 105)
    state = absences.report(flow, annica, "social", MEETING)  # Jan has not registered
    assert state.status == absences.UNCOVERED
    assert {c for c, _ in _drain(flow)} == {105, SARA}


def test_deadline_is_48_hours_then_the_next_is_asked(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    now = datetime.combine(MEETING - timedelta(days=10), time(8), UTC)
    absences.report(flow, anna, "social", MEETING, now=now)
    first = datetime.fromisoformat(
        flow.execute("SELECT deadline FROM substitute_requests").fetchone()[0]
    )
    assert first == now + timedelta(hours=48)
    assert absences.run_due(flow, first - timedelta(minutes=1))["expired"] == 0
    assert absences.run_due(flow, first)["expired"] == 1
    second = datetime.fromisoformat(
        flow.execute("SELECT deadline FROM substitute_requests WHERE status = 'asked'").fetchone()[
            0
        ]
    )
    assert second == first + timedelta(hours=48)
    assert absences.run_due(flow, second)["expired"] == 1  # Pia did not answer either
    assert absences.get(flow, 1).status == absences.UNCOVERED
    assert absences.run_due(flow, second + timedelta(days=1))["expired"] == 0


def test_no_one_is_called_in_after_the_meeting(flow: sqlite_utils.Database) -> None:
    absences.report(flow, _person(flow, ANNA), "social", MEETING)
    _drain(flow)
    # The bot was down from before the deadline until after the meeting.
    assert (
        absences.run_due(flow, datetime.combine(MEETING + timedelta(days=1), time(8), UTC))[
            "expired"
        ]
        == 1
    )
    assert _drain(flow) == []


def test_short_notice_deadline(flow: sqlite_utils.Database) -> None:
    now = datetime.combine(MEETING - timedelta(days=3), time(8), UTC)
    absences.report(flow, _person(flow, ANNA), "social", MEETING, now=now)
    deadline = datetime.fromisoformat(
        flow.execute("SELECT deadline FROM substitute_requests").fetchone()[0]
    )
    noon = datetime.combine(MEETING - timedelta(days=2), time(12), clock.STOCKHOLM)
    assert deadline == noon


def test_withdraw_then_report_again_asks_again(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    notice = absences.report(flow, anna, "social", MEETING)
    absences.answer_request(flow, _open_request(flow, EVA), _person(flow, EVA), True)
    _drain(flow)
    with pytest.raises(absences.AbsenceError, match="egna"):
        absences.withdraw(flow, notice.id, _person(flow, EVA))
    withdrawn = absences.withdraw(flow, notice.id, anna)
    assert withdrawn.status == absences.WITHDRAWN
    sent = _drain(flow)
    assert {c for c, _ in sent} == {EVA, SARA}  # she was coming: both are told
    assert absences.withdraw(flow, notice.id, anna).status == absences.WITHDRAWN
    assert _drain(flow) == []  # a double tap
    assert absences.mine(flow, anna, date.today()) == []
    again = absences.report(flow, anna, "social", MEETING)
    assert again.id == notice.id and again.status == absences.SEARCHING
    assert [c for c, t in _drain(flow) if "Kan du ersätta" in t] == [EVA]
    new_request = _open_request(flow, EVA)
    old = flow.execute("SELECT min(id) FROM substitute_requests").fetchone()[0]
    assert new_request != old  # an old button cannot answer the new question
    with pytest.raises(absences.AbsenceError, match="inte längre"):
        absences.answer_request(flow, old, _person(flow, EVA), True)
    assert absences.answer_request(flow, new_request, _person(flow, EVA), True).status == (
        absences.COVERED
    )


def test_cancelled_meeting_closes_notices(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    notice = absences.report(flow, anna, "social", MEETING)
    _drain(flow)
    cancel_meeting(flow, "social", MEETING)
    request = _open_request(flow, EVA)
    with pytest.raises(absences.AbsenceError, match="inställt"):
        absences.answer_request(flow, request, _person(flow, EVA), True)
    assert absences.run_due(flow)["closed"] == 1
    assert absences.get(flow, notice.id).status == absences.MEETING_CANCELLED
    sent = _drain(flow)
    # Everyone hears it once: Anna and Eva about the notice, the others that it is cancelled.
    assert sorted(c for c, _ in sent) == [ANNA, EVA, PIA, 105]
    assert all("inställt" in t for _, t in sent)
    assert {c for c, t in sent if t.startswith("<b>Inställt möte</b>")} == {PIA, 105}
    assert absences.run_due(flow)["closed"] == 0 and _drain(flow) == []
    assert absences.mine(flow, anna, date.today()) == []
    # Back in the calendar: a new notice can be filed.
    add_meeting(flow, "social", MEETING, time(9), time(12), "Lokal Eken")
    assert absences.report(flow, anna, "social", MEETING).status == absences.SEARCHING


def test_reminders_skip_who_has_reported(flow: sqlite_utils.Database) -> None:
    absences.report(flow, _person(flow, ANNA), "social", MEETING)
    _drain(flow)
    week_before = datetime.combine(MEETING - timedelta(days=7), time(7), UTC)
    assert absences.send_reminders(flow, week_before) == 1  # Annica only
    [(chat, text)] = _drain(flow)
    assert chat == 105 and "Lokal Eken" in text
    # Jan, her ersättare, never registered: the reminder does not promise he will be asked.
    assert "tillfrågas din ersättare" not in text and "ingen kan tillfrågas" in text
    assert absences.send_reminders(flow, week_before + timedelta(minutes=1)) == 0


def test_retention_also_clears_sent_notifications(flow: sqlite_utils.Database) -> None:
    absences.report(flow, _person(flow, ANNA), "social", MEETING)
    _drain(flow)
    flow.execute("UPDATE outbox SET created_at = ?", [MEETING.isoformat()])
    counts = absences.run_due(flow, datetime.combine(MEETING + timedelta(days=366), time(8), UTC))
    assert counts["purged"] == 1
    assert flow.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert flow.execute("SELECT count(*) FROM substitute_requests").fetchone()[0] == 0


def test_attendance_per_organisation(flow: sqlite_utils.Database) -> None:
    absences.report(flow, _person(flow, ANNA), "social", MEETING, (time(10), time(11)))
    absences.answer_request(flow, _open_request(flow, EVA), _person(flow, EVA), True)
    seats = {s.organisation: s.state for s in absences.attendance(flow, "social", MEETING)}
    assert seats == {
        "Nora": "förhinder kl. 10.00–11.00, ersättare Eva Karlsson kommer",
        "Kumla": "kommer",
    }
    csv_text = absences.attendance_csv(absences.attendance(flow, "social", MEETING))
    assert csv_text.splitlines()[0] == "organisation,ledamot,läge"


def test_migration_keeps_requests_filed_before_rounds(tmp_path: Path) -> None:
    from knowledge.storage import absences as absence_tables
    from knowledge.storage import database as store_db

    path = tmp_path / "old.db"
    original = absence_tables.MIGRATIONS
    try:
        absence_tables.MIGRATIONS = original[:1]
        old = store_db.connect(path)
        from knowledge.council.roster import import_roster

        import_roster(old, SMALL_ROSTER)
        add_meeting(old, "social", MEETING)
        anna = list_members(old, "social", "Nora", "ledamot")[0].person_id
        eva = list_members(old, "social", "Nora", "ersättare")[0].person_id
        old.execute(
            "INSERT INTO absences (id, person_id, council, organisation, meeting_date, status,"
            " created_at, updated_at) VALUES (1, ?, 'social', 'Nora', ?, 'searching', 'x', 'x')",
            [anna, MEETING.isoformat()],
        )
        old.execute(
            "INSERT INTO substitute_requests (id, absence_id, person_id, status, asked_at,"
            " deadline) VALUES (7, 1, ?, 'asked', 'x', '2999-01-01')",
            [eva],
        )
        old.conn.close()
    finally:
        absence_tables.MIGRATIONS = original
    db = store_db.connect(path)
    assert db.execute("SELECT id, round, status FROM substitute_requests").fetchall() == [
        (7, 0, "asked")
    ]
    assert absences.answer_request(db, 7, eva, True).status == absences.COVERED


def test_a_meeting_is_past_at_midnight_in_orebro(flow: sqlite_utils.Database) -> None:
    late = datetime.combine(MEETING, time(23, 30), UTC)  # after midnight in Örebro
    with pytest.raises(absences.AbsenceError, match="redan varit"):
        absences.report(flow, _person(flow, ANNA), "social", MEETING, now=late)
    before = datetime.combine(MEETING, time(21), UTC)  # 22.00 or 23.00 in Örebro
    assert absences.report(flow, _person(flow, ANNA), "social", MEETING, now=before).id


def test_references_are_never_reused(flow: sqlite_utils.Database) -> None:
    anna = _person(flow, ANNA)
    first = absences.report(flow, anna, "social", MEETING)
    absences.withdraw(flow, first.id, anna)
    again = absences.report(flow, anna, "social", MEETING)
    assert again.id == first.id and again.reference != first.reference
    assert absences.get(flow, first.id).reference == again.reference  # the notice's current one
    # A purged notice's number does not come back either.
    annica = _person(flow, 105)
    other = absences.report(flow, annica, "social", MEETING)
    absences.purge(flow, MEETING + timedelta(days=400))
    newest = absences.report(flow, anna, "social", MEETING)
    assert newest.reference not in {first.reference, again.reference, other.reference}
    assert newest.reference > other.reference
