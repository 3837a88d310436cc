"""Every förhinder message says what happened: the ersättare who says no hears whether another
was asked, the member whether anyone could be asked at all, and "sekreteraren är informerad"
only when a secretary (registered, or the secretary's chat of the settings) was told; an
ersättare whose time ran out is told so in place of the question, its buttons gone."""

from __future__ import annotations

import asyncio
import re
import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.fakeapi import Call
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge import open_store
from knowledge.council import absences, outbox, proposals
from knowledge.council.calendar import add_meeting
from knowledge.council.roster import create_invite, import_roster, redeem_invite
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, buttons

ANNA, EVA, PIA, ANNICA, SARA, OFFICE = 401, 402, 403, 404, 405, 909
MEETING = date.today() + timedelta(days=20)
ROSTER = (
    "council,organisation,role,rank,name\n"
    "social,Nora,ledamot,1,Anna Karlsson\n"
    "social,Nora,ersättare,1,Eva Karlsson\n"
    "social,Nora,ersättare,2,Pia-Maria Johansson\n"
    "social,Kumla,ledamot,1,Annica Sjöqvist\n"
    "social,Kumla,ersättare,1,Jan Engman\n"
    "social,Region Örebro län,sekreterare,1,Sara Sekreterare\n"
)


def _setup(tmp_path: Path, corpus_db_file: Path, people: list[tuple[str, int]]) -> Path:
    path = tmp_path / "truth.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    import_roster(db, ROSTER)
    add_meeting(db, "social", MEETING, time(9), time(12), "Lokal Eken")  # before anyone is told
    for name, user in people:
        redeem_invite(db, create_invite(db, name)[0], user, user)
    db.conn.close()
    return path


@pytest.fixture
def only_eva(tmp_path: Path, corpus_db_file: Path) -> Path:
    """Anna and one registered ersättare (Eva); Annica, whose ersättare never registered; no
    registered secretary."""
    return _setup(
        tmp_path,
        corpus_db_file,
        [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA), ("Annica Sjöqvist", ANNICA)],
    )


@pytest.fixture
def with_secretary(tmp_path: Path, corpus_db_file: Path) -> Path:
    """Anna with Eva, Annica (her ersättare unregistered) and Sara the secretary registered."""
    return _setup(
        tmp_path,
        corpus_db_file,
        [
            ("Anna Karlsson", ANNA),
            ("Eva Karlsson", EVA),
            ("Annica Sjöqvist", ANNICA),
            ("Sara Sekreterare", SARA),
        ],
    )


def to(calls: list[Call], chat: int) -> list[str]:
    """The messages sent to ``chat`` (a file's caption is its message)."""
    return [
        str(c.params.get("text") or c.params.get("caption"))
        for c in calls
        if c.method in ("sendMessage", "sendDocument") and c.params.get("chat_id") == chat
    ]


async def _report(bot: BotHarness, user: int, part: str = "-") -> list[Call]:
    return await bot.press(f"abs:ok:social:{MEETING.isoformat()}:{part}", user_id=user)


async def test_the_last_ersattare_saying_no_hears_that_no_one_else_is_asked(
    only_eva: Path,
) -> None:
    async with BotHarness(only_eva, secretary_chat=OFFICE) as bot:
        calls = await _report(bot, ANNA, "1000-1100")
        no = dict(buttons([c for c in calls if c.params.get("chat_id") == EVA]))
        declined = await bot.press(no["Nej, jag kan inte"], user_id=EVA)
        [reply] = to(declined, EVA)
        assert "Nästa ersättare" not in reply
        assert reply == (
            "Tack för beskedet. Det finns ingen annan ersättare att fråga; "
            "sekreteraren är informerad."
        )
        [member] = to(declined, ANNA)
        assert member.startswith("Ingen ersättare kunde komma i ditt ställe")
        assert member.endswith("Sekreteraren är informerad.")
        # The secretary of the settings is told, with the part of the meeting.
        [office] = to(declined, OFFICE)
        assert office == (
            f"Anna Karlsson (Nora) har förhinder till mötet {_day()} (del av mötet, "
            "kl. 10.00–11.00) och ingen ersättare kan komma."
        )


async def test_with_no_secretary_at_all_nobody_claims_one_was_told(only_eva: Path) -> None:
    async with BotHarness(only_eva) as bot:
        calls = await _report(bot, ANNA)
        no = dict(buttons([c for c in calls if c.params.get("chat_id") == EVA]))
        declined = await bot.press(no["Nej, jag kan inte"], user_id=EVA)
        assert to(declined, EVA) == [
            "Tack för beskedet. Det finns ingen annan ersättare att fråga."
        ]
        [member] = to(declined, ANNA)
        assert "informerad" not in member and "meddela sekreteraren själv" in member


async def test_no_registered_ersattare_is_said_as_it_is(only_eva: Path) -> None:
    async with BotHarness(only_eva, secretary_chat=OFFICE) as bot:
        calls = await _report(bot, ANNICA)  # Jan, her ersättare, never registered
        [receipt, member] = to(calls, ANNICA)
        assert "Jag hör av mig när det är klart vem som ersätter dig" not in receipt
        assert "Ingen ersättare kunde komma" not in member
        assert member.startswith(
            "Du har ingen ersättare som är registrerad i samrad, så ingen har kunnat tillfrågas"
        )
        assert member.endswith("Sekreteraren är informerad.")
        [office] = to(calls, OFFICE)
        assert office.endswith("och ingen registrerad ersättare, så ingen har tillfrågats.")


async def test_a_registered_secretary_and_the_settings_chat_are_each_told_once(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = _setup(
        tmp_path,
        corpus_db_file,
        [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA), ("Sara Sekreterare", SARA)],
    )
    for chat in (OFFICE, SARA):  # the settings name another chat, or Sara's own
        db = open_store(path)
        db.execute("DELETE FROM outbox")
        db.execute("DELETE FROM absences")
        anna = int(db.execute("SELECT id FROM people WHERE name = 'Anna Karlsson'").fetchone()[0])
        absences.report(db, anna, "social", MEETING, secretary_chat=chat)
        eva = int(db.execute("SELECT id FROM people WHERE name = 'Eva Karlsson'").fetchone()[0])
        request = int(db.execute("SELECT max(id) FROM substitute_requests").fetchone()[0])
        absences.answer_request(db, request, eva, True, secretary_chat=chat)
        told = sorted(n.chat_id for n in outbox.pending(db) if n.template == "substitute_coming")
        assert told == sorted({ANNA, SARA, chat})
        db.conn.close()


def test_a_new_proposal_reaches_the_secretary_of_the_settings(only_eva: Path) -> None:
    db = open_store(only_eva)
    anna = int(db.execute("SELECT id FROM people WHERE name = 'Anna Karlsson'").fetchone()[0])
    assert proposals.secretaries(db) == []
    proposals.propose(db, anna, "Barnfattigdom i länet", secretary_chat=OFFICE)
    [notice] = outbox.pending(db)
    assert (notice.chat_id, notice.template) == (OFFICE, "proposal_new")


async def test_a_proposal_receipt_names_the_secretary_only_when_there_is_one(
    only_eva: Path,
) -> None:
    for office, expected in [(None, "sparat"), (OFFICE, "Sekreteraren har fått det")]:
        async with BotHarness(only_eva, secretary_chat=office) as bot:
            await bot.send("/foresla Psykisk hälsa bland äldre i glesbygd", user_id=ANNA)
            calls = await bot.press("prop:file", user_id=ANNA)
            calls += await bot.press("prop:skip", user_id=ANNA)
            receipt = [t for t in to(calls, ANNA) if "referensnummer" in t]
            assert receipt and expected in receipt[0], to(calls, ANNA)
            assert bool(to(calls, OFFICE)) == (office is not None)


def _day() -> str:
    return format_date(MEETING, weekday=False)


async def test_a_passed_deadline_is_told_and_takes_the_buttons_away_once(
    tmp_path: Path, corpus_db_file: Path
) -> None:
    path = _setup(
        tmp_path,
        corpus_db_file,
        [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA), ("Pia-Maria Johansson", PIA)],
    )
    async with BotHarness(path, secretary_chat=OFFICE, jobs=True) as bot:
        db = bot.application.bot_data["store"]
        context = SamradContext(bot.application)
        await _report(bot, ANNA)
        reported = len(bot.api.calls)
        eva_question = outbox.sent_message(db, "request:1:ask")
        assert eva_question is not None and eva_question[0] == EVA
        later = datetime.now(UTC) + timedelta(hours=49)
        assert absences.run_due(db, later, secretary_chat=OFFICE)["expired"] == 1
        before = len(bot.api.calls)
        await asyncio.gather(flush_outbox(context), flush_outbox(context))
        new = bot.api.calls[before:]
        [edit] = [c for c in new if c.method == "editMessageReplyMarkup"]
        assert (int(edit.params["chat_id"]), int(edit.params["message_id"])) == eva_question
        assert not edit.params.get("reply_markup")  # Ja/Nej are gone
        [told] = to(new, EVA)  # and she is told, in a message she will notice
        assert "tiden för att svara har gått ut" in told
        assert told.endswith("Nästa ersättare har tillfrågats.")
        assert any("Kan du ersätta" in t for t in to(new, PIA))
        # Pia does not answer either: she is the last one.
        even_later = later + timedelta(hours=49)
        assert absences.run_due(db, even_later, secretary_chat=OFFICE)["expired"] == 1
        before = len(bot.api.calls)
        await flush_outbox(context)
        new = bot.api.calls[before:]
        [edit] = [c for c in new if c.method == "editMessageReplyMarkup"]
        assert int(edit.params["chat_id"]) == PIA
        [told] = to(new, PIA)
        assert told.endswith(
            "Det finns ingen annan ersättare att fråga; sekreteraren är informerad."
        )
        assert await flush_outbox(context) == 0  # exactly once
        edits = [c for c in bot.api.calls[reported:] if c.method == "editMessageReplyMarkup"]
        assert len(edits) == 2


async def test_a_question_already_gone_is_still_told(tmp_path: Path, corpus_db_file: Path) -> None:
    path = _setup(tmp_path, corpus_db_file, [("Anna Karlsson", ANNA), ("Eva Karlsson", EVA)])
    async with BotHarness(path) as bot:
        db = bot.application.bot_data["store"]
        await _report(bot, ANNA)
        absences.run_due(db, datetime.now(UTC) + timedelta(hours=49))
        bot.api.fail("editMessageReplyMarkup", 400)  # Eva deleted the question
        before = len(bot.api.calls)
        assert await flush_outbox(SamradContext(bot.application)) >= 1
        [told] = to(bot.api.calls[before:], EVA)
        assert "tiden för att svara har gått ut" in told
        assert told.endswith("Det finns ingen annan ersättare att fråga.")


async def test_a_withdrawal_takes_the_question_away_too(only_eva: Path) -> None:
    async with BotHarness(only_eva) as bot:
        db = bot.application.bot_data["store"]
        await _report(bot, ANNA)
        question = outbox.sent_message(db, "request:1:ask")
        withdrawn = await bot.press("abs:wd:1", user_id=ANNA)
        edits = [
            (int(c.params["chat_id"]), int(c.params["message_id"]))
            for c in withdrawn
            if c.method == "editMessageReplyMarkup" and c.params["chat_id"] == EVA
        ]
        assert edits == [question]
        assert any("Du behöver inte ersätta" in t for t in to(withdrawn, EVA))


@pytest.mark.parametrize(
    ("name", "user", "says", "never"),
    [
        ("Anna Karlsson", ANNA, ["/franvaro", "/foresla"], ["får du en fråga"]),
        ("Eva Karlsson", EVA, ["får du en fråga", "/foresla"], ["/franvaro", "/narvaro"]),
        ("Sara Sekreterare", SARA, ["/narvaro", "/nyttmote", "/stallin"], ["/franvaro"]),
    ],
)
async def test_the_welcome_names_what_this_person_can_do(
    tmp_path: Path,
    corpus_db_file: Path,
    name: str,
    user: int,
    says: list[str],
    never: list[str],
) -> None:
    path = _setup(tmp_path, corpus_db_file, [])
    refusals = ("inte som ledamot", "Bara sekreteraren", "Bara registrerade", "behöver du vara")
    async with BotHarness(path) as bot:
        code, _ = create_invite(bot.application.bot_data["store"], name)
        [welcome] = to(await bot.send(f"/start {code}", user_id=user), user)
        assert all(part in welcome for part in says), welcome
        assert not any(part in welcome for part in never), welcome
        # Every command the welcome names works for this person.
        for command in sorted(set(re.findall(r"/[a-z]+", welcome))):
            replies = [
                str(c.params.get("text") or c.params.get("caption") or c.method)
                for c in await bot.send(command, user_id=user)
                if c.method in ("sendMessage", "sendDocument") and c.params["chat_id"] == user
            ]
            assert replies and not any(r in t for r in refusals for t in replies), (
                command,
                replies,
            )
            await bot.send("/avbryt", user_id=user)


async def test_part_of_the_meeting_must_lie_within_its_hours(only_eva: Path) -> None:
    async with BotHarness(only_eva) as bot:
        asked = await bot.press(f"abs:p:social:{MEETING.isoformat()}", user_id=ANNA)
        assert to(asked, ANNA) == [
            "Mötet är kl. 9.00–12.00. Vilken tid är du borta? Skriv till exempel 10-11. (/avbryt)"
        ]
        outside = await bot.send("13-15", user_id=ANNA)
        assert to(outside, ANNA) == [
            "Mötet är kl. 9.00–12.00. Skriv en tid inom den, till exempel 10-11."
        ]
        assert not buttons(outside)
        # A correction in words is taken.
        confirm = await bot.send("halv tio till elva", user_id=ANNA)
        [question] = to(confirm, ANNA)
        assert question.startswith("Förhinder kl. 9.30–11.00 på mötet")
        data = dict(buttons(confirm))["Bekräfta"]
        done = await bot.press(data, user_id=ANNA)
        [ask] = [t for t in to(done, EVA) if "Kan du ersätta" in t]
        assert "(del av mötet, kl. 9.30–11.00):" in ask and "kl. 9.00–12.00" in ask
        # A forged button with hours outside the meeting is refused too.
        forged = await bot.press(f"abs:ok:social:{MEETING.isoformat()}:1300-1500", user_id=ANNICA)
        [alert] = [c for c in forged if c.method == "answerCallbackQuery"]
        assert "Mötet är kl. 9.00–12.00" in str(alert.params["text"])


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("kl 10 till 11", "kl. 10.00–11.00"), ("10.15-11.45", "kl. 10.15–11.45")],
)
async def test_part_hours_as_people_type_them(only_eva: Path, typed: str, hours: str) -> None:
    async with BotHarness(only_eva) as bot:
        await bot.press(f"abs:p:social:{MEETING.isoformat()}", user_id=ANNA)
        [question] = to(await bot.send(typed, user_id=ANNA), ANNA)
        assert question.startswith(f"Förhinder {hours} på mötet")


async def test_attendance_counts_who_comes_who_does_not_and_who_is_unknown(
    with_secretary: Path,
) -> None:
    path = with_secretary
    db = open_store(path)
    import_roster(db, ROSTER + "social,Örebro,ledamot,1,Olle Okänd\n")
    db.conn.close()
    async with BotHarness(path) as bot:
        calls = await _report(bot, ANNA)
        yes = dict(buttons([c for c in calls if c.params.get("chat_id") == EVA]))
        await bot.press(yes["Ja, jag kommer"], user_id=EVA)
        await _report(bot, ANNICA)  # her ersättare never registered: nobody comes
        [board] = to(await bot.send(f"/narvaro {MEETING.isoformat()}", user_id=SARA), SARA)
        assert "Nora: Anna Karlsson – förhinder, ersättare Eva Karlsson kommer" in board
        assert "Kumla: Annica Sjöqvist – förhinder, ingen ersättare" in board
        assert "Örebro: Olle Okänd – inte registrerad i samrad, okänt" in board
        assert (
            "Kommer: 1 av 3 (varav 1 ersättare). Förhinder utan ersättare: 1."
            " Okänt (inte registrerade i samrad): 1." in board
        )
        assert "ingen anmälan" not in board
        # In a group nothing is shown, not even to the secretary.
        group = await bot.send("/narvaro", user_id=SARA, chat_id=-1001)
        [refusal] = [str(c.params["text"]) for c in group if c.method == "sendMessage"]
        assert "privat" in refusal and "Anna" not in refusal and "Kommer" not in refusal
        assert "Bara sekreteraren" in to(await bot.send("/narvaro", user_id=ANNA), ANNA)[0]


CALENDAR_FILE = "Öppna kalenderfilen så uppdateras mötet i din kalender."


async def test_new_changed_and_cancelled_meetings_reach_every_member_once(
    with_secretary: Path,
) -> None:
    path = with_secretary
    day = MEETING + timedelta(days=14)
    told = (ANNA, EVA, ANNICA)  # registered ledamöter and ersättare; Jan never registered

    def notices(calls: list[Call]) -> dict[int, list[str]]:
        return {chat: to(calls, chat) for chat in told}

    async with BotHarness(path) as bot:
        added = await bot.send(f"/nyttmote {day.isoformat()} 09:00-12:00 Lokal Eken", user_id=SARA)
        assert "får besked" in to(added, SARA)[0]
        when = format_date(day)
        assert notices(added) == {
            chat: [
                "<b>Nytt möte</b> med Specifika rådet social välfärd, vård och omsorg: "
                f"{when}, kl. 9.00–12.00, Lokal Eken.\n{CALENDAR_FILE}"
            ]
            for chat in told
        }
        again = await bot.send(f"/nyttmote {day.isoformat()} 09:00-12:00 Lokal Eken", user_id=SARA)
        assert "redan inlagt" in to(again, SARA)[0]
        assert notices(again) == {chat: [] for chat in told}
        moved = await bot.send(f"/nyttmote {day.isoformat()} 13:00-16:00 Lokal Eken", user_id=SARA)
        for chat in told:
            [changed] = to(moved, chat)
            assert changed.startswith("<b>Ändrat möte</b>") and "kl. 13.00–16.00" in changed
            assert changed.endswith(f"Tidigare: kl. 9.00–12.00, Lokal Eken.\n{CALENDAR_FILE}")
        cancelled = await bot.send(f"/stallin {day.isoformat()}", user_id=SARA)
        for chat in told:
            [text] = to(cancelled, chat)
            assert text.startswith("<b>Inställt möte</b>") and when in text
        back = await bot.send(f"/nyttmote {day.isoformat()} 13:00-16:00 Lokal Eken", user_id=SARA)
        assert all(len(to(back, chat)) == 1 for chat in told)  # told again: a new event
        assert not to(back, SARA)[1:]  # the secretary only gets her receipt
        past = date.today() - timedelta(days=3)
        quiet = await bot.send(f"/nyttmote {past.isoformat()} 09:00-12:00", user_id=SARA)
        assert notices(quiet) == {chat: [] for chat in told}  # a meeting gone by is news to nobody


async def test_an_ersattare_asking_to_report_hears_how_she_is_asked(only_eva: Path) -> None:
    async with BotHarness(only_eva) as bot:
        [reply] = to(await bot.send("/franvaro", user_id=EVA), EVA)
        assert reply.startswith("Som ersättare anmäler du inte förhinder här")
        assert "inte som ledamot" not in reply


async def test_mina_says_the_secretary_knows_only_when_one_was_told(only_eva: Path) -> None:
    for office, expected in [
        (None, "ingen ersättare\n"),
        (OFFICE, "ingen ersättare; sekreteraren vet"),
    ]:
        async with BotHarness(only_eva, secretary_chat=office) as bot:
            await _report(bot, ANNICA)  # nobody to ask: uncovered at once
            [mine] = to(await bot.send("/mina", user_id=ANNICA), ANNICA)
            assert (mine + "\n").count(expected) == 1, mine
            await bot.press("abs:wd:1", user_id=ANNICA)
