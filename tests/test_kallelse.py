"""Kallelser end to end through the fake Bot API: the secretary uploads a kallelse (PDF, DOCX),
sees what was read and confirms; members get the agenda and the file; a corrected kallelse
says what changed; questions are answered from it; an ersättare's yes brings her handover."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.fakeapi import Call
from knowledge import open_store
from knowledge.council import kallelser
from knowledge.council.calendar import add_meeting
from knowledge.council.meetings import list_meetings
from knowledge.council.roster import add_member
from knowledge.ingest.extract import read_bytes
from knowledge.ingest.kallelse import parse_kallelse
from knowledge.language import clock
from knowledge.qa.engine import Engine
from tests.botkit import BotHarness, buttons, texts, valid_telegram_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kallelser"
PDF, REVISED, DOCX = (
    "k1_social_2026-12-04.pdf",
    "k1_social_2026-12-04_rev.pdf",
    "k2_folkhalsa_2026-12-11.docx",
)
MEETING = date(2026, 12, 4)
ANNA, EVA, PIA, OLLE, SARA, STRANGER = 101, 102, 103, 104, 105, 999
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=clock.STOCKHOLM)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kallelser are for December 2026: the tests run on 23 November 2026."""
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    """The shipped corpus and roster, and registered: in Nora a ledamot (Lena) and two
    ersättare (Eva, Pia) of the social council, Olle ledamot of the folkhälsa council, Sara
    the secretary. (The shipped Nora seats stay unregistered: nobody there is told.)"""
    path = tmp_path / "kallelse.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    for user, name, council, role, rank in [
        (ANNA, "Lena Testsson", "social", "ledamot", 1),
        (EVA, "Eva Testsson", "social", "ersättare", 1),
        (PIA, "Pia Testsson", "social", "ersättare", 2),
        (OLLE, "Olle Testsson", "folkhalsa", "ledamot", 1),
        (SARA, "Sara Sekreterare", "social", "sekreterare", 1),
    ]:
        person = add_member(db, name, council, "Nora", role, rank)
        db.execute(
            "UPDATE people SET telegram_user_id = ?, telegram_chat_id = ? WHERE id = ?",
            [user, user, person],
        )
    db.conn.close()
    return path


def sent_to(calls: list[Call], user: int, method: str = "sendMessage") -> list[Call]:
    return [c for c in calls if c.method == method and c.params.get("chat_id") == user]


def text_to(calls: list[Call], user: int) -> str:
    return "\n".join(str(c.params.get("text", "")) for c in sent_to(calls, user))


def files_to(calls: list[Call], user: int) -> list[tuple[str, bytes]]:
    return [next(iter(c.files.values())) for c in sent_to(calls, user, "sendDocument")]


async def upload_and_confirm(bot: BotHarness, name: str) -> tuple[list[Call], list[Call]]:
    """The secretary uploads ``name`` and presses "Skicka kallelsen": (upload, press) calls."""
    uploaded = await bot.upload((FIXTURES / name).read_bytes(), name, user_id=SARA)
    send = dict(buttons(uploaded))["Skicka kallelsen"]
    return uploaded, await bot.press(send, user_id=SARA)


async def substitute_asked(bot: BotHarness) -> str:
    """Lena reports förhinder for the whole meeting: the data of Eva's "Ja, jag kommer"."""
    report = await bot.send("/franvaro", user_id=ANNA)
    pick = next(data for _, data in buttons(report) if MEETING.isoformat() in data)
    whole = dict(buttons(await bot.press(pick, user_id=ANNA)))["Hela mötet"]
    asked = await bot.press(whole, user_id=ANNA)
    return dict(buttons(sent_to(asked, EVA)))["Ja, jag kommer"]


async def test_pdf_kallelse_read_confirmed_noticed_and_corrected(db_path: Path) -> None:
    pdf = (FIXTURES / PDF).read_bytes()
    async with BotHarness(db_path) as bot:
        uploaded = await bot.upload(pdf, PDF, user_id=SARA)
        shown = "\n".join(texts(uploaded))
        assert "kallelse inläst" in shown and "Punkter: 11" in shown
        assert "fredag 4 december 2026, kl. 9.00–12.00" in shown and "Lokal Eken" in shown
        assert "Tarja Nordling" in shown and "Bilaga 4" in shown
        assert all(valid_telegram_html(t) for t in texts(uploaded))
        # Nothing goes out before the secretary confirms.
        assert not sent_to(uploaded, ANNA) and not sent_to(uploaded, EVA)
        refused = await bot.press(dict(buttons(uploaded))["Skicka kallelsen"], user_id=ANNA)
        assert any(c.params.get("show_alert") for c in refused)
        assert not sent_to(refused, ANNA)

        pressed = await bot.press(dict(buttons(uploaded))["Skicka kallelsen"], user_id=SARA)
        assert "skickad till 3 personer" in text_to(pressed, SARA)
        for member in (ANNA, EVA, PIA):
            notice = text_to(pressed, member)
            assert "Kallelse" in notice and "fredag 4 december 2026" in notice
            assert "7. Färdplan för omställningen till nära vård" in notice
            assert "(beslut)" in notice and valid_telegram_html(notice)
            assert files_to(pressed, member) == [(PDF, pdf)]
        # The ledamot can report förhinder from the notice; an ersättare cannot.
        assert ("Anmäl förhinder", f"abs:new:social:{MEETING}") in buttons(sent_to(pressed, ANNA))
        assert not buttons(sent_to(pressed, EVA))
        assert not sent_to(pressed, OLLE)  # another council's ledamot
        db = bot.application.bot_data["store"]
        [meeting] = [m for m in list_meetings(db, "social", since=MEETING) if m.date == MEETING]
        assert (meeting.start.isoformat(), meeting.place) == (
            "09:00:00",
            "Lokal Eken, Eklundavägen 1, Örebro",
        )

        # A double tap sends nothing twice.
        again = await bot.press(dict(buttons(uploaded))["Skicka kallelsen"], user_id=SARA)
        assert any(c.params.get("show_alert") for c in again)
        assert not sent_to(again, ANNA, "sendDocument")

        # The corrected kallelse: shown with its changes, then sent saying what changed.
        revised, sent = await upload_and_confirm(bot, REVISED)
        preview = "\n".join(texts(revised))
        assert "Ersätter den kallelse som redan är skickad" in preview
        assert "ny tid kl. 9.30–12.00 (förut kl. 9.00–12.00)" in preview
        notice = text_to(sent, ANNA)
        assert "Rättad kallelse" in notice
        assert "ny plats Gästmatsalen" in notice and "utgår" in notice
        assert "ny punkt 7: Handlingsplan för e-hälsa" in notice
        # The new time goes to her calendar too: the meeting's event, updated.
        [(name, revised_file), (ics_name, ics)] = files_to(sent, ANNA)
        assert (name, revised_file) == (REVISED, (FIXTURES / REVISED).read_bytes())
        assert ics_name == f"mote-{MEETING}.ics" and b"T093000" in ics
        [meeting] = [m for m in list_meetings(db, "social", since=MEETING) if m.date == MEETING]
        assert meeting.start is not None and meeting.start.isoformat() == "09:30:00"
        assert meeting.place == "Gästmatsalen, Eklundavägen 1, Örebro"
        assert kallelser.published(db, "social", MEETING).filename == REVISED


async def test_docx_kallelse_goes_to_its_council(db_path: Path) -> None:
    docx = (FIXTURES / DOCX).read_bytes()
    async with BotHarness(db_path) as bot:
        uploaded, sent = await upload_and_confirm(bot, DOCX)
        shown = "\n".join(texts(uploaded))
        assert "Specifika rådet folkhälsa" in shown and "Punkter: 12" in shown
        assert "Carina Persson" in shown
        notice = text_to(sent, OLLE)
        assert "fredag 11 december 2026" in notice and "Konferensrum Boken" in notice
        assert "8. Länsgemensam strategi för föräldraskapsstöd – remissvar (beslut)" in notice
        assert files_to(sent, OLLE) == [(DOCX, docx)]
        assert not sent_to(sent, ANNA)  # the social council's ledamot


async def test_a_protocol_is_still_a_protocol_and_strangers_cannot_upload(db_path: Path) -> None:
    protocol = next((Path(__file__).parent / "fixtures" / "protocols").glob("*.txt"))
    async with BotHarness(db_path) as bot:
        calls = await bot.upload(protocol.read_bytes(), protocol.name, user_id=SARA)
        assert not any(label == "Skicka kallelsen" for label, _ in buttons(calls))
        refused = texts(await bot.upload((FIXTURES / PDF).read_bytes(), PDF, user_id=STRANGER))
        assert any("Bara sekreteraren" in t for t in refused)


async def test_agenda_questions_and_next_meeting(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        # Before any kallelse: honest, with what is known of the meeting.
        db = bot.application.bot_data["store"]
        add_meeting(db, "social", MEETING, None, None, "Lokal Eken")
        before = "\n".join(texts(await bot.send("Vad står på dagordningen?", user_id=ANNA)))
        assert "inte skickad än" in before and "4 december" in before
        await upload_and_confirm(bot, PDF)
        asked = {
            "Vad står på dagordningen?": ["6. Hälso- och tandhälsoundersökningar", "11. Nästa"],
            "Vad ska vi prata om på nästa möte?": ["Färdplan för omställningen"],
            "Vem föredrar punkten om placerade barn?": ["Tarja Nordling föredrar punkt 6"],
            "vem foredrar punkten om placerade barn": ["Tarja Nordling"],
            "Ska vi fatta beslut om något på mötet 4 december?": ["punkt 7", "punkt 8", "punkt 11"],
            "ska vi fata beslut om nagot pa motet 4 december": ["punkt 7", "punkt 8"],
            "Är rapporten från chefsgruppen ett beslutsärende?": ["Nej, punkt 5"],
            "Vilken bilaga hör till punkten om färdplanen?": ["Bilaga 4"],
            "Vad står på dagordnigen?": ["1. Mötets öppnande"],
        }
        for question, expected in asked.items():
            answer = "\n".join(texts(await bot.send(question, user_id=ANNA)))
            for part in expected:
                assert part in answer, (question, answer)
            assert "Kallelse" in answer, (question, answer)  # the source
        nasta = texts(await bot.send("/nasta", user_id=ANNA))
        assert any("Dagordning (kallelsen)" in t and "7. Färdplan" in t for t in nasta)


async def test_what_became_of_an_item(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the meeting, its protocol answers what became of an item of its kallelse."""
    db = open_store(db_path)
    engine = Engine(db)
    data = (FIXTURES / PDF).read_bytes()
    received = kallelser.receive(
        db, parse_kallelse(read_bytes(data, PDF), today=clock.today()), filename=PDF, content=data
    )
    kallelser.publish(db, received.kallelse.id)
    later = datetime(2026, 12, 10, 10, 0, tzinfo=clock.STOCKHOLM)
    monkeypatch.setattr(clock, "now", lambda: later)
    waiting = engine.answer("Vad blev det av punkten om färdplanen?")
    assert "inte inläst" in waiting.headline and not waiting.found
    protocol = (
        "Protokoll\nSpecifika samverkansrådet för social välfärd samt vård och omsorg\n"
        "Datum: 2026-12-04\nTid: 09.30–12.00\nPlats: Gästmatsalen\n\n"
        "Närvarande\nJenny Steen, ordförande\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
        "§ 2 Färdplan för omställningen till nära vård 2027–2030\n"
        "Malin Duckert Ek föredrog ärendet.\n"
        "Beslut: Rådet ställer sig bakom färdplanen och rekommenderar kommunerna att anta den.\n\n"
        "§ 3 Övriga frågor\nInga övriga frågor.\n"
    )
    from knowledge.ingest.load import ingest_bytes

    ingest_bytes(db, protocol.encode(), "protokoll-2026-12-04.txt")
    answer = engine.answer("Vad blev det av punkten om färdplanen?")
    assert answer.found and "§ 2" in answer.headline
    assert any("ställer sig bakom färdplanen" in line for b in answer.blocks for line in b.lines)
    assert {s.council.split(",")[0] for s in answer.sources} >= {"Kallelse"}
    db.conn.close()


async def test_ersattare_yes_brings_the_handover(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await upload_and_confirm(bot, PDF)
        accepted = await bot.press(await substitute_asked(bot), user_id=EVA)
        handover = text_to(accepted, EVA)
        assert "Inför mötet" in handover and "där du ersätter Lena Testsson" in handover
        assert "fredag 4 december 2026" in handover and "Lokal Eken" in handover
        assert "6. Hälso- och tandhälsoundersökningar" in handover
        # What the protocols said before about the item, with its source.
        assert "6 maj 2022, § 8:" in handover
        assert all(valid_telegram_html(c.params["text"]) for c in sent_to(accepted, EVA))
        files = dict(files_to(accepted, EVA))
        assert files[PDF] == (FIXTURES / PDF).read_bytes()
        ics = files[f"mote-{MEETING.isoformat()}.ics"]
        assert b"BEGIN:VEVENT" in ics and b"20261204T090000" in ics
        told = text_to(accepted, ANNA)
        assert "får mötets tid och plats, kallelsen och bakgrunden till punkterna" in told
        assert "har fått" not in told  # said as she says yes, before anything reached her
        # A corrected kallelse reaches her as her handover, not as a plain notice.
        _, sent = await upload_and_confirm(bot, REVISED)
        later = text_to(sent, EVA)
        assert "där du ersätter Lena Testsson" in later and "Kallelsen är rättad" in later
        assert "Rättad kallelse" not in later
        assert dict(files_to(sent, EVA))[REVISED] == (FIXTURES / REVISED).read_bytes()


async def test_handover_before_the_kallelse_then_with_it(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        add_meeting(bot.application.bot_data["store"], "social", MEETING, None, None, "Lokal Eken")
        accepted = await bot.press(await substitute_asked(bot), user_id=EVA)
        assert "Kallelsen är inte skickad än" in text_to(accepted, EVA)
        told = text_to(accepted, ANNA)
        assert "får mötets tid och plats nu, och kallelsen med bakgrunden" in told
        assert [name for name, _ in files_to(accepted, EVA)] == [f"mote-{MEETING}.ics"]
        _, sent = await upload_and_confirm(bot, PDF)
        now = text_to(sent, EVA)
        assert "Nu har kallelsen kommit" in now and "Tarja Nordling" in now
        # The kallelse gave the meeting its time: her calendar's event is updated.
        assert [name for name, _ in files_to(sent, EVA)] == [PDF, f"mote-{MEETING}.ics"]
        assert "Kallelse</b> till möte" in text_to(sent, PIA)  # the other ersättare: the notice


async def test_reminder_carries_the_agenda(db_path: Path) -> None:
    db = open_store(db_path)
    data = (FIXTURES / PDF).read_bytes()
    received = kallelser.receive(
        db, parse_kallelse(read_bytes(data, PDF), today=clock.today()), filename=PDF, content=data
    )
    kallelser.publish(db, received.kallelse.id)
    from knowledge.council.absence_notices import agenda_in_short
    from knowledge.council.meetings import meeting_on

    meeting = meeting_on(db, "social", MEETING)
    assert meeting is not None
    items = agenda_in_short(db, meeting)
    assert [i["number"] for i in items] == [str(n) for n in range(1, 12)]
    from knowledge.council import outbox
    from knowledge.council.absence_notices import remind
    from knowledge.council.roster import list_members
    from tests.botkit import notice_text

    [lena] = [m for m in list_members(db, "social", "Nora", "ledamot") if m.chat_id == ANNA]
    remind(db, lena, meeting, 7)
    [notice] = [n for n in outbox.pending(db) if n.template == "absence_reminder"]
    text = notice_text(notice)
    assert "Dagordning" in text and "8. Länsgemensamma medel" in text
    db.conn.close()


def test_cli_reads_and_publishes_a_kallelse(db_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(db_path), "ingest", "--kallelse", str(FIXTURES / DOCX)])
    assert shown.exit_code == 0, shown.output
    assert "Specifika rådet folkhälsa" in shown.output and "Punkter: 12" in shown.output
    assert "Utkast sparat" in shown.output
    sent = runner.invoke(
        cli, ["--db", str(db_path), "ingest", "--kallelse", str(FIXTURES / DOCX), "--publish"]
    )
    assert sent.exit_code == 0, sent.output
    assert "redan mottagen" in sent.output and "Skickad till 1" in sent.output
    db = open_store(db_path)
    assert (
        db.execute(
            "SELECT count(*) FROM outbox WHERE key LIKE 'kallelse:%' AND chat_id = ?", [OLLE]
        ).fetchone()[0]
        == 2
    )  # the notice and the file
    db.conn.close()
    broken = runner.invoke(cli, ["--db", str(db_path), "ingest", "--kallelse", str(db_path)])
    assert broken.exit_code != 0
