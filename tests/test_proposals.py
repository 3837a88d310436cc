"""Theme proposals: similar themes, filing, support, status changes reaching people, export."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from knowledge import open_store
from knowledge.council import outbox, proposals
from knowledge.council.roster import person_by_telegram
from tests.botkit import (
    BotHarness,
    buttons,
    notice_text,
    registered_people,
    texts,
    valid_telegram_html,
)

SECRETARY, ANNA, BERIT, STRANGER = 10, 21, 22, 30


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "proposals.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path,
        [
            (SECRETARY, "Sara Sekreterare", "sekreterare"),
            (ANNA, "Anna Ledamot", "ledamot"),
            (BERIT, "Berit Ersättare", "ersättare"),
        ],
    )
    return path


def person_id(db: sqlite_utils.Database, user: int) -> int:
    return int(db.execute("SELECT id FROM people WHERE telegram_user_id = ?", [user]).fetchone()[0])


def test_similar_finds_protocol_themes_and_items(db_path: Path) -> None:
    db = open_store(db_path)
    matches = proposals.similar(db, "Barnfattigdom i länet")
    assert matches and matches[0].kind == "theme"
    assert "Barnfattigdom" in matches[0].text
    assert matches[0].date == date(2021, 11, 19)
    items = proposals.similar(db, "samarbete med civila samhället")
    assert any(m.kind == "item" and m.item_number == "9" for m in items)
    assert proposals.similar(db, "kvantdatorer och rymdfart") == []


def test_file_support_status_and_export(db_path: Path) -> None:
    db = open_store(db_path)
    anna, berit = person_id(db, ANNA), person_id(db, BERIT)
    filed = proposals.propose(db, anna, "Psykisk hälsa bland äldre", "Många är ensamma.")
    assert filed.reference.startswith("T-") and filed.status == "inkommen"
    assert [n.chat_id for n in outbox.pending(db)] == [SECRETARY]
    assert [m.kind for m in proposals.similar(db, "psykisk hälsa hos äldre")][:1] == ["proposal"]
    assert proposals.support(db, filed.id, berit) is True
    assert proposals.support(db, filed.id, berit) is False  # a double tap changes nothing
    with pytest.raises(proposals.ProposalError):
        proposals.support(db, filed.id, anna)
    assert proposals.get(db, filed.id).supporters == ["Berit Ersättare"]
    assert proposals.withdraw_support(db, filed.id, berit) is True
    proposals.support(db, filed.id, berit)
    for notice in outbox.pending(db):
        outbox.mark_sent(db, notice.id)
    planned = proposals.set_status(
        db, filed.reference, "planerad", "Tas upp i december", date(2026, 12, 4)
    )
    assert (planned.status, planned.meeting_date) == ("planerad", date(2026, 12, 4))
    told = outbox.pending(db)
    assert sorted(n.chat_id for n in told) == [ANNA, BERIT]
    assert all(
        "planerad" in notice_text(n) and "Tas upp i december" in notice_text(n) for n in told
    )
    with pytest.raises(proposals.ProposalError):
        proposals.set_status(db, filed.reference, "glömd")
    rows = list(csv.DictReader(io.StringIO(proposals.to_csv(db))))
    assert rows[0]["referens"] == filed.reference and rows[0]["stöd"] == "Berit Ersättare"


def test_cli_lists_and_sets_status(db_path: Path) -> None:
    db = open_store(db_path)
    filed = proposals.propose(db, person_id(db, ANNA), "Läkemedelsgenomgångar i hemtjänsten")
    runner = CliRunner()
    listing = runner.invoke(cli, ["--db", str(db_path), "proposals"])
    assert filed.reference in listing.output and "inkommen" in listing.output
    done = runner.invoke(
        cli,
        [
            "--db",
            str(db_path),
            "proposals",
            "set-status",
            filed.reference,
            "avböjd",
            "--comment",
            "Finns redan",
        ],
    )
    assert done.exit_code == 0, done.output
    assert proposals.get(db, filed.id).status == "avböjd"
    missing = runner.invoke(
        cli, ["--db", str(db_path), "proposals", "set-status", "T-1", "behandlad"]
    )
    assert missing.exit_code != 0 and "inget förslag" in missing.output
    exported = runner.invoke(cli, ["--db", str(db_path), "proposals", "--csv"])
    assert exported.output.startswith("referens,tema")


async def test_proposal_flow_in_telegram(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        refused = texts(await bot.send("/foresla Något", user_id=STRANGER))
        assert "registrerade" in refused[0]
        # A theme like one in the protocols: the bot shows it before filing.
        asked = await bot.send("/foresla", user_id=ANNA)
        assert "Vilket tema" in texts(asked)[0]
        shown = await bot.send("Barnfattigdom i länet", user_id=ANNA)
        assert "Barnfattigdom – en förstudie" in texts(shown)[0]
        file_button = dict((label, data) for label, data in buttons(shown))[
            "Skicka in mitt förslag"
        ]
        await bot.press(file_button, user_id=ANNA)
        done = await bot.send("Fler barn lever i fattigdom.", user_id=ANNA)
        receipt = [t for t in texts(done) if "referensnummer" in t]
        assert receipt and "T-" in receipt[0]
        to_secretary = [c for c in done if c.params.get("chat_id") == SECRETARY]
        assert to_secretary and "Barnfattigdom i länet" in str(to_secretary[0].params["text"])
        # Berit supports it from /teman, then takes the support back.
        listing = await bot.send("/teman", user_id=BERIT)
        assert any("Barnfattigdom i länet" in t for t in texts(listing))
        [(label, data)] = [b for b in buttons(listing) if b[0].startswith("Stöd")]
        supported = await bot.press(data, user_id=BERIT)
        assert "1 stöder" in texts(supported)[0]
        again = await bot.send("/teman", user_id=BERIT)
        assert any(b[0].startswith("Ta tillbaka stöd") for b in buttons(again))
        withdrawn = await bot.press(data, user_id=BERIT)
        assert "borttaget" in texts(withdrawn)[0]
        await bot.press(data, user_id=BERIT)
        # A new theme with nothing like it is filed without a similar list.
        await bot.send("/foresla Kvantdatorer i äldreomsorgen", user_id=BERIT)
        # The secretary sets the status in the chat: proposer and supporter are told.
        reference = receipt[0].split("referensnummer ")[1].split(".")[0]
        status = await bot.send(
            f"/status {reference} planerad 2026-12-04 Vi tar det i december", user_id=SECRETARY
        )
        told = {c.params.get("chat_id") for c in status if c.method == "sendMessage"}
        assert {ANNA, BERIT, SECRETARY} <= told
        denied = texts(await bot.send(f"/status {reference} behandlad", user_id=ANNA))
        assert "Bara sekreteraren" in denied[0]
        export = await bot.send("/forslag", user_id=SECRETARY)
        [document] = [c for c in export if c.method == "sendDocument"]
        content = next(iter(document.files.values()))[1].decode("utf-8-sig")
        assert reference in content and "planerad" in content


async def test_cancel_and_bad_theme(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        await bot.send("/foresla", user_id=ANNA)
        short = texts(await bot.send("x", user_id=ANNA))
        assert "3–" in short[0]
        cancelled = texts(await bot.send("/avbryt", user_id=ANNA))
        assert "Avbrutet" in cancelled[0]
        # Free text is a question again after the conversation ended.
        [answer] = texts(await bot.send("vem var ordförande 6 maj 2022", user_id=ANNA))
        assert "Karin Sundin" in answer


async def test_teman_with_many_pending_proposals(db_path: Path) -> None:
    db = open_store(db_path)
    anna = person_by_telegram(db, ANNA)
    assert anna is not None
    for number in range(150):
        proposals.propose(db, anna.id, f"Tema nummer {number} om <barn> & unga i länet " * 3)
    db.conn.close()
    async with BotHarness(db_path) as bot:
        calls = await bot.send("/teman", user_id=BERIT)
        sent = texts(calls)
        assert all(len(t) <= 4096 and valid_telegram_html(t) for t in sent)
        joined = "".join(sent)
        support = [label for label, _ in buttons(calls) if label.startswith("Stöd ")]
        assert len(support) == 150
        assert all(label.split()[-1] in joined for label in support)
        for call in calls:
            markup = call.params.get("reply_markup")
            assert markup is None or str(markup).count("callback_data") <= 100
