"""Members hear of a protocol when it is news: a recent meeting's, once; a correction as
"rättat"; an old meeting's protocol (the archive filled in) not at all."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.fakeapi import Call
from knowledge.council.protocol_notices import RECENT_DAYS, protocol_notice
from knowledge.language import clock
from knowledge.language.dates import format_date
from tests.botkit import BotHarness, registered_people, texts

SECRETARY, MEMBER = 11, 21
TODAY = date(2026, 11, 23)


def test_only_a_recent_protocol_is_news() -> None:
    recent = TODAY - timedelta(days=10)
    assert protocol_notice("protocol", recent.isoformat(), False, TODAY) is not None
    assert protocol_notice("protocol", TODAY - timedelta(days=RECENT_DAYS), False, TODAY)
    assert protocol_notice("protocol", date(2024, 11, 22), False, TODAY) is None  # two years
    assert protocol_notice("protocol", TODAY + timedelta(days=3), False, TODAY) is None
    assert protocol_notice("protocol", None, False, TODAY) is None
    assert protocol_notice("report", recent, False, TODAY) is None
    corrected = protocol_notice("protocol", recent, True, TODAY)
    assert corrected is not None and corrected.corrected
    new = protocol_notice("protocol", recent, False, TODAY)
    assert new is not None and not new.corrected
    # A correction never shares the key of the first notice (which would silence it), and
    # every correction is told.
    again = protocol_notice("protocol", recent, True, TODAY)
    assert again is not None
    assert len({new.key(5, 1), corrected.key(5, 1), again.key(5, 1)}) == 3


def protocol(day: date, amount: str) -> str:
    return f"""\
Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg

Tid: {format_date(day)} kl 9.00-12.00
Plats: Lokal Eken

1. Mötet öppnas
Ordföranden hälsade välkommen.

2. Ekonomi för mobila team
Beslut: Rådet beslutade att anslå {amount} till mobila team i norra länsdelen.
"""


@pytest.fixture
def db_path(tmp_path: Path, corpus_db_file: Path) -> Path:
    path = tmp_path / "protocols.db"
    shutil.copy(corpus_db_file, path)
    registered_people(
        path, [(SECRETARY, "Sara Sekreterare", "sekreterare"), (MEMBER, "Maja Ledamot", "ledamot")]
    )
    return path


def _to_member(calls: list[Call]) -> list[str]:
    return texts([c for c in calls if c.params.get("chat_id") == MEMBER])


async def test_old_protocols_are_quiet_and_corrections_say_rattat(db_path: Path) -> None:
    recent = clock.today() - timedelta(days=12)
    old = clock.today() - timedelta(days=2 * 365)
    async with BotHarness(db_path) as bot:
        archive = await bot.upload(
            protocol(old, "100 tkr").encode(), "gammalt.txt", user_id=SECRETARY
        )
        assert any("inläst" in t for t in texts(archive))
        assert _to_member(archive) == []  # two years ago is not news
        first = await bot.upload(
            protocol(recent, "300 tkr").encode(), "nytt.txt", user_id=SECRETARY
        )
        [news] = _to_member(first)
        assert news.startswith("<b>Nytt protokoll</b>")
        assert format_date(recent, weekday=False) in news and recent.isoformat() not in news
        fixed = await bot.upload(
            protocol(recent, "350 tkr").encode(), "rättat.txt", user_id=SECRETARY
        )
        assert any("ersatte en tidigare version" in t for t in texts(fixed))
        [correction] = _to_member(fixed)
        assert correction.startswith("<b>Rättat protokoll</b>") and "350 tkr" in correction
        assert "Nytt protokoll" not in correction
