"""The secretary uploads protocols in the chat; members hear about new ones."""

from __future__ import annotations

import io
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from knowledge import open_store
from knowledge.language import clock
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, buttons, registered_people, texts, valid_telegram_html

SECRETARY, MEMBER, STRANGER = 10, 20, 30

# A recent meeting's protocol, so that it is news (older ones tell nobody).
HELD = clock.today() - timedelta(days=20)
NEXT = clock.today() + timedelta(days=30)
PROTOCOL = f"""\
Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg

Tid: {format_date(HELD)} kl 9.00-12.00
Plats: Lokal Eken, Eklundavägen 1

Ordförande: Eva Lind, Kumla kommun
Sekreterare: Per Ek

1. Mötet öppnas
Ordföranden hälsade välkommen.

2. Ekonomi för mobila team
Beslut: Rådet beslutade att anslå 300 tkr till mobila team i norra länsdelen.

3. Nästa möte
Nästa möte hålls den {format_date(NEXT, weekday=False)} kl 13-16.
"""


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "upload.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path,
        [
            (SECRETARY, "Sara Sekreterare", "sekreterare"),
            (MEMBER, "Maja Ledamot", "ledamot"),
        ],
    )
    return path


def generated_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.replace("–", "-").splitlines():
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def generated_docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_pdf_upload_is_ingested_members_told_and_answerable(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.upload(generated_pdf(PROTOCOL), "protokoll-okt.pdf", user_id=SECRETARY)
        summary = texts([c for c in calls if c.params.get("chat_id") == SECRETARY])
        assert any("är inläst" in t and "Punkter: 3" in t for t in summary), summary
        notices = [c for c in calls if c.params.get("chat_id") == MEMBER]
        assert len(notices) == 1 and "300 tkr" in str(notices[0].params["text"])
        assert [label for label, _ in buttons(notices)] == ["Visa mer"]
        [answer] = texts(await bot.send("Vad beslutades om mobila team?", user_id=MEMBER))
        assert "300 tkr" in answer and format_date(HELD, weekday=False) in answer
        [nxt] = texts(await bot.send("/nasta", user_id=MEMBER))
        assert format_date(NEXT, weekday=False) in nxt or "kommande möte" in nxt


async def test_docx_upload_and_duplicate(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        data = generated_docx(PROTOCOL)
        first = texts(await bot.upload(data, "protokoll.docx", user_id=SECRETARY))
        assert any("är inläst" in t for t in first)
        again = texts(await bot.upload(data, "protokoll.docx", user_id=SECRETARY))
        assert any("redan inläst" in t for t in again)


async def test_broken_unsupported_oversized_and_not_secretary(db_path: Path) -> None:
    db = open_store(db_path)
    before = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    async with BotHarness(db_path) as bot:
        broken = texts(await bot.upload(b"%PDF-1.4 trasig", "trasig.pdf", user_id=SECRETARY))
        assert any("skadad" in t and "Inget ändrades" in t for t in broken)
        odd = texts(await bot.upload(b"x", "bild.png", user_id=SECRETARY))
        assert any("stöds inte" in t for t in odd)
        big = texts(await bot.upload(b"x", "stor.pdf", user_id=SECRETARY, size=25 * 1024 * 1024))
        assert any("20 MB" in t for t in big)
        stranger = texts(await bot.upload(PROTOCOL.encode(), "p.txt", user_id=STRANGER))
        assert any("Bara sekreteraren" in t for t in stranger)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == before


async def test_settings_turn_notices_off(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        calls = await bot.send("/installningar", user_id=MEMBER)
        assert "på" in texts(calls)[0] and "bevakade ämnen" in texts(calls)[0]
        [(label, data)] = buttons(calls)
        assert label == "Stäng av"
        await bot.press(data, user_id=MEMBER)
        calls = await bot.upload(PROTOCOL.encode(), "p.txt", user_id=SECRETARY)
        assert not [c for c in calls if c.params.get("chat_id") == MEMBER]
        [text] = texts(await bot.send("/installningar", user_id=STRANGER))
        assert "inbjudningslänk" in text


async def test_members_are_told_even_when_the_upload_reply_fails(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        bot.api.refuse = lambda method, params: "inläst" in str(params.get("text", ""))
        calls = await bot.upload(PROTOCOL.encode(), "p.txt", user_id=SECRETARY)
        assert not any("inläst" in t for t in texts(calls))
        notices = [c for c in calls if c.params.get("chat_id") == MEMBER]
        assert len(notices) == 1 and "300 tkr" in str(notices[0].params["text"])
        bot.api.refuse = None
        again = await bot.upload(PROTOCOL.encode(), "p.txt", user_id=SECRETARY)
        assert any("redan inläst" in t for t in texts(again))
        assert not [c for c in again if c.params.get("chat_id") == MEMBER]


async def test_a_long_upload_report_arrives_whole(db_path: Path) -> None:
    meetings = "\n".join(
        f"Kommande möten: {day} {month} {year} kl 13-16."
        for day in range(1, 29)
        for month in ("mars", "juni", "december")
        for year in (2027, 2028)
    )
    items = "\n\n".join(
        f"{n}. Punkt {n} med ett långt namn om <samverkan> & stöd\n"
        f"Beslut: Rådet beslutade att notera informationen om punkt {n}."
        for n in range(1, 400)
    )
    document = (
        "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg\n\n"
        "Tid: Fredag den 2 oktober 2026 kl 9.00-12.00\n\n"
        f"{items}\n\n400. Nästa möte\n{meetings}\n"
    )
    async with BotHarness(db_path) as bot:
        calls = await bot.upload(document.encode(), "x" * 40 + ".txt", user_id=SECRETARY)
        mine = texts([c for c in calls if c.params.get("chat_id") == SECRETARY])
        assert all(len(t) <= 4096 and valid_telegram_html(t) for t in mine)
        report = "\n".join(mine)
        assert "är inläst" in report
        assert len(report) > 4096, len(report)


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "protocols"


async def test_two_new_bodies_uploaded_are_answered_each_from_its_own_protocols(
    db_path: Path,
) -> None:
    """Two bodies samrad did not know (Socialnämnden in Kumla, Äldrenämnden in Karlskoga)
    arrive as uploads; a question naming one is answered from that body's protocol only,
    though both deal with delegationsbeslut."""
    async with BotHarness(db_path) as bot:
        for name in ("02_sn_kumla.txt", "12_aldrenamnd_karlskoga.txt"):
            calls = await bot.upload((FIXTURES / name).read_bytes(), name, user_id=SECRETARY)
            reply = texts([c for c in calls if c.params.get("chat_id") == SECRETARY])
            assert any("är inläst" in t for t in reply), reply
        bodies = {
            "äldrenämnden i Karlskoga": ("Äldrenämnden", "14 mars 2023", "Socialnämnden"),
            "socialnämnden i Kumla": ("Socialnämnden", "20 april 2022", "Äldrenämnden"),
        }
        for named, (body, held, other) in bodies.items():
            question = f"Vad sades om delegationsbeslut i {named}?"
            [answer] = texts(await bot.send(question, user_id=MEMBER))
            assert "delegationsbeslut" in answer.lower() or "redovisningen" in answer
            assert body in answer and held in answer, answer
            assert other not in answer, answer


async def test_the_upload_reply_names_fields_not_found_or_unsure(db_path: Path) -> None:
    """A place that looks like a name and a time in the night are reported, not stored; so
    is every field the parser could not find."""
    text = (
        "Protokoll\nFolkhälsorådet, Nora kommun\n\nDatum: 2025-02-03 kl. 02.00\n"
        "Plats: Anna Berg, § 4\n\nNärvarande:\nAnna Berg, ordförande\nPer Ek, sekreterare\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    async with BotHarness(db_path) as bot:
        calls = await bot.upload(text.encode(), "folkhalsoradet.txt", user_id=SECRETARY)
        reply = "\n".join(texts([c for c in calls if c.params.get("chat_id") == SECRETARY]))
    assert "Osäker plats, inte sparad: Anna Berg, § 4" in reply, reply
    assert "Osäker mötestid, inte sparad: 02.00" in reply
    assert "Hittade inte: justerare" in reply
    assert "Hittade inte: justeringsdatum" in reply
    assert valid_telegram_html(reply)
