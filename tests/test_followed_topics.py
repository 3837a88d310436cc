"""Subjects members follow: /bevaka and "meddela mig när …"; a new document that mentions
one (stems, compounds, typos: the search's matching) is told once to each follower."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot.fakeapi import Call
from knowledge import open_store
from knowledge.language import clock
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, buttons, registered_people, texts

SECRETARY, ANNA, EVA, STRANGER = 10, 20, 21, 30
HELD = clock.today() - timedelta(days=10)


def protocol(day_offset: int, item: str, body: str) -> bytes:
    day = HELD - timedelta(days=day_offset)
    return f"""\
Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg

Tid: {format_date(day)} kl 9.00-12.00
Plats: Lokal Eken, Eklundavägen 1

1. Mötet öppnas
Ordföranden hälsade välkommen.

2. {item}
{body}
""".encode()


MENTIONS = protocol(
    0,
    "Barn i ekonomiskt utsatta familjer",
    "Länsstyrelsen presenterade en kartläggning. Barnfattigdomen i länet har ökat sedan 2022 "
    "och rådet vill följa arbetet.",
)
UNRELATED = protocol(3, "Mobila team", "Rådet beslutade att anslå 300 tkr till mobila team.")


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "topics.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path,
        [
            (SECRETARY, "Sara Sekreterare", "sekreterare"),
            (ANNA, "Anna Ledamot", "ledamot"),
            (EVA, "Eva Ersättare", "ersättare"),
        ],
    )
    return path


def topic_notices(calls: list[Call], chat: int) -> list[Call]:
    return [
        c
        for c in calls
        if c.params.get("chat_id") == chat and "Bevakat ämne" in str(c.params.get("text", ""))
    ]


async def test_a_followed_subject_is_noticed_on_a_new_upload_and_not_an_unrelated_one(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        [reply] = texts(await bot.send("/bevaka barnfattigdom", user_id=ANNA))
        assert reply.startswith("Jag bevakar nu ”barnfattigdom”")
        assert "från 1 möte, senast 19 november 2021" in reply  # the shipped corpus has it
        # Eva misspells it and follows a part of the word: the corpus corrects and completes.
        await bot.send("meddela mig när barnfatigdom tas upp", user_id=EVA)
        await bot.send("/bevaka fattigdom", user_id=EVA)
        await bot.send("/bevaka barnfattigdom", user_id=SECRETARY)  # the uploader

        unrelated = await bot.upload(UNRELATED, "mobila.txt", user_id=SECRETARY)
        assert all(topic_notices(unrelated, chat) == [] for chat in (ANNA, EVA, SECRETARY))
        assert any("Nytt protokoll" in t for t in texts(unrelated))  # the upload did notify

        calls = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        [notice] = topic_notices(calls, ANNA)
        text = str(notice.params["text"])
        assert "<b>Bevakat ämne: barnfattigdom</b>" in text
        assert f"{format_date(HELD, weekday=False)}, § 2 Barn i ekonomiskt utsatta" in text
        assert "Barnfattigdomen i länet har ökat" in text
        labels = dict(buttons([notice]))
        assert set(labels) == {"Skicka dokumentet", "Sluta bevaka barnfattigdom"}
        assert len(topic_notices(calls, EVA)) == 2  # one per subject she follows
        assert topic_notices(calls, SECRETARY) == []  # she uploaded it

        # The link: the button sends the document itself.
        sent = await bot.press(labels["Skicka dokumentet"], user_id=ANNA)
        [document] = [c for c in sent if c.method == "sendDocument"]
        assert next(iter(document.files.values())) == ("barn.txt", MENTIONS)

        # Once per document: the same file again, or a corrected version, tells nobody again.
        again = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        version = MENTIONS + "\n3. Avslut\nMötet avslutas.\n".encode()
        corrected = await bot.upload(version, "b2.txt", user_id=SECRETARY)
        assert topic_notices(again + corrected, ANNA) == []


async def test_listing_and_stopping(db_path: Path) -> None:
    async with BotHarness(db_path) as bot:
        [empty] = texts(await bot.send("/bevaka", user_id=ANNA))
        assert "Du bevakar inga ämnen" in empty
        await bot.send("/bevaka placerade barn", user_id=ANNA)
        [same] = texts(await bot.send("/bevaka Placerade  barn", user_id=ANNA))
        assert "Du bevakar redan" in same
        await bot.send("Säg till när Dietist direkt nämns", user_id=ANNA)
        listed = await bot.send("/bevaka", user_id=ANNA)
        assert "• placerade barn\n• Dietist direkt" in texts(listed)[0]
        stop = dict(buttons(listed))["Sluta bevaka placerade barn"]
        # Someone else's press of her button stops nothing.
        pressed = await bot.press(stop, user_id=EVA)
        [alert] = [c for c in pressed if c.method == "answerCallbackQuery"]
        assert alert.params.get("show_alert") is True
        [stopped] = texts(await bot.press(stop, user_id=ANNA))
        assert "Du bevakar inte längre ”placerade barn”" in stopped
        [gone] = texts(await bot.send("/bevaka sluta dietist direkt", user_id=ANNA))
        assert "Du bevakar inte längre ”Dietist direkt”" in gone
        assert "inga ämnen" in texts(await bot.send("/bevaka", user_id=ANNA))[0]
        [nothing] = texts(await bot.send("/bevaka och", user_id=ANNA))
        assert "”och” är för allmänt att bevaka" in nothing
        for general in ("chefsgruppen", "rapport", "protokoll"):
            [said] = texts(await bot.send(f"/bevaka {general}", user_id=ANNA))
            assert f"”{general}” är för allmänt att bevaka – skriv ett ämne" in said
        [stranger] = texts(await bot.send("/bevaka barnfattigdom", user_id=STRANGER))
        assert "registrerade" in stranger


async def test_notices_off_means_no_topic_notices_and_forget_removes_subjects(
    db_path: Path,
) -> None:
    async with BotHarness(db_path) as bot:
        await bot.press("settings:protocols", user_id=ANNA)  # notices about new documents off
        [reply] = texts(await bot.send("/bevaka barnfattigdom", user_id=ANNA))
        assert "/installningar" in reply
        calls = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        assert topic_notices(calls, ANNA) == []
    from knowledge.council.roster import forget

    db = open_store(db_path)
    assert db.execute("SELECT count(*) FROM followed_topics").fetchone()[0] == 1
    forget(db, "Anna Ledamot")
    assert db.execute("SELECT count(*) FROM followed_topics").fetchone()[0] == 0


async def test_notices_a_crash_kept_back_go_out_with_the_next_upload(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handlers import upload

    real = upload.notice_followers

    def dies(*args: object, **kwargs: object) -> int:
        raise RuntimeError("the process dies after the document was stored")

    async with BotHarness(db_path) as bot:
        await bot.send("/bevaka barnfattigdom", user_id=ANNA)
        monkeypatch.setattr(upload, "notice_followers", dies)
        crashed = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        assert topic_notices(crashed, ANNA) == []
        assert not any("Nytt protokoll" in t for t in texts(crashed))
    monkeypatch.setattr(upload, "notice_followers", real)
    async with BotHarness(db_path) as bot:  # restarted; she sends the file again
        again = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        assert "redan" in "\n".join(texts(again))  # nothing new stored
        assert len(topic_notices(again, ANNA)) == 1
        assert sum("Nytt protokoll" in t for t in texts(again)) == 2  # Anna and Eva
        twice = await bot.upload(MENTIONS, "barn.txt", user_id=SECRETARY)
        assert topic_notices(twice, ANNA) == [] and not any(
            "Nytt protokoll" in t for t in texts(twice)
        )
