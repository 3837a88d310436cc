"""Sending documents themselves: "skicka protokollet från 6 maj 2022", the button under an
answer's sources, the original upload kept byte for byte, and the fallbacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.fakeapi import Call
from knowledge import open_store
from knowledge.ingest.load import SHIPPED_CORPUS
from knowledge.ingest.originals import document_file
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, buttons, registered_people, texts
from tests.test_upload import HELD, PROTOCOL, generated_pdf

SECRETARY, MEMBER = 10, 20
MAY_2022 = next(SHIPPED_CORPUS.glob("001_*.txt"))  # the 6 May 2022 protocol


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "documents.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path, [(SECRETARY, "Sara Sekreterare", "sekreterare"), (MEMBER, "Maja Ledamot", "ledamot")]
    )
    return path


def files(calls: list[Call]) -> list[tuple[str, bytes, str]]:
    """(file name, content, caption) of every document the bot sent."""
    return [
        (name, content, str(call.params.get("caption", "")))
        for call in calls
        if call.method == "sendDocument"
        for name, content in call.files.values()
    ]


async def test_asking_for_a_protocol_sends_it_typos_and_all(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        for question in ("skicka protokollet från 6 maj 2022", "kan du skika protokolet 6/5 2022"):
            calls = await bot.send(question, user_id=MEMBER)
            [reply] = texts(calls)
            assert "Här är protokollet från fredag 6 maj 2022" in reply
            [(name, content, caption)] = files(calls)
            assert (name, content) == (MAY_2022.name, MAY_2022.read_bytes())
            assert "social välfärd" in caption
        missing = await bot.send("skicka protokollet från 3 mars 2020", user_id=MEMBER)
        assert "Jag hittar inget protokoll från 3 mars 2020" in texts(missing)[0]
        assert files(missing) == []
        [(name, _, _)] = files(await bot.send("skicka rapporten", user_id=MEMBER))
        assert name.startswith("004_")


async def test_an_uploaded_protocol_is_sent_as_the_file_uploaded(db_path: Path) -> None:
    pdf = generated_pdf(PROTOCOL)
    async with BotHarness(db_path) as bot:
        await bot.upload(pdf, "protokoll-okt.pdf", user_id=SECRETARY)
        asked = f"skicka protokollet från {format_date(HELD, weekday=False)}"
        [(name, content, _)] = files(await bot.send(asked, user_id=MEMBER))
        assert (name, content) == ("protokoll-okt.pdf", pdf)
        corrected = (PROTOCOL + "\n4. Övrigt\nInget övrigt.\n").encode()
        await bot.upload(corrected, "protokoll-okt-rattat.txt", user_id=SECRETARY)
        [(name, content, _)] = files(await bot.send(asked, user_id=MEMBER))
        assert (name, content) == ("protokoll-okt-rattat.txt", corrected)
    db = open_store(db_path)
    kept = db.execute("SELECT count(*) FROM originals").fetchone()[0]
    assert kept == db.execute("SELECT count(*) FROM documents").fetchone()[0]  # none left over


async def test_the_button_under_sources_sends_the_cited_document(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        answer = await bot.send("Vad sades om placerade barn?", user_id=MEMBER)
        offered = dict(buttons(answer))
        assert "Skicka protokollet 6 maj 2022" in offered
        sent = await bot.press(offered["Skicka protokollet 6 maj 2022"], user_id=MEMBER)
        [(name, _, _)] = files(sent)
        assert name == MAY_2022.name
        # Forged or stale data sends nothing and is answered.
        for forged in ("doc:999999", "doc:abc", "doc:1:2", "doc:-1", "doc:" + "9" * 40):
            calls = await bot.press(forged, user_id=MEMBER)
            assert files(calls) == []
            [alert] = [c for c in calls if c.method == "answerCallbackQuery"]
            assert alert.params.get("show_alert") is True


def test_without_a_kept_original_the_shipped_file_or_the_text_is_sent(db_path: Path) -> None:
    db = open_store(db_path)
    [(may,)] = db.execute("SELECT id FROM documents WHERE date = '2022-05-06'").fetchall()
    db.execute("DELETE FROM originals")  # read in before originals were kept
    shipped = document_file(db, may)
    assert shipped is not None and shipped.content == MAY_2022.read_bytes() and shipped.original
    db.execute("UPDATE documents SET filename = 'borta/protokoll maj.pdf' WHERE id = ?", [may])
    text = document_file(db, may)
    assert text is not None and not text.original
    assert text.filename == "protokoll_maj.txt"
    assert "Gästmatsalen" in text.content.decode("utf-8")
    assert document_file(db, 999_999) is None


async def test_help_describes_documents_calendar_following_and_timelines(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [help_text] = texts(await bot.send("/hjalp", user_id=MEMBER))
    for described in (
        "Skicka protokollet",
        "/kalender",
        "kalenderfil",
        "/bevaka",
        "Hur har frågan om placerade barn utvecklats?",
        "Meddela mig när barnfattigdom tas upp",
        "skicka kallelsen",
        "ett nytt protokoll eller en kallelse nämner ditt ämne",
    ):
        assert described in help_text, described
