"""Updates are handled concurrently across chats and in order within one: an upload being read
in does not hold up anyone else's answer."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from handlers import upload
from tests.botkit import BotHarness, registered_people, texts
from tests.test_upload import PROTOCOL

SECRETARY, MEMBER = 10, 20


@pytest.fixture
def db_path(corpus_copy: Path) -> Path:
    registered_people(corpus_copy, [(SECRETARY, "Sara Sekreterare", "sekreterare")])
    return corpus_copy


@pytest.fixture
def held_ingest(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The upload's ingest (the real one) starts only when the returned event is set."""
    go = threading.Event()
    real = upload._ingest

    def held(*args: Any) -> Any:
        assert go.wait(20)
        return real(*args)

    monkeypatch.setattr(upload, "_ingest", held)
    return go


async def test_others_are_answered_while_an_upload_is_read_in(
    db_path: Path, held_ingest: threading.Event
) -> None:
    async with BotHarness(db_path, jobs=True) as bot:
        api = bot.api

        def to(chat: int) -> list[str]:
            return texts(api.sent(chat))

        await bot.deliver(bot.document_update(PROTOCOL.encode(), "p.txt", user_id=SECRETARY))
        await bot.wait_until(lambda: any("Tar emot" in t for t in to(SECRETARY)))
        await bot.deliver(api.message_update("vem var ordförande 6 maj 2022", user_id=MEMBER))
        # the secretary's next message waits for her upload: her chat keeps its order
        await bot.deliver(api.message_update("/nasta", user_id=SECRETARY))
        await bot.wait_until(lambda: bool(to(MEMBER)))
        assert not any("inläst" in t for t in to(SECRETARY))
        assert len(to(SECRETARY)) == 1
        held_ingest.set()
        await bot.wait_until(lambda: len(to(SECRETARY)) >= 3)
        after = to(SECRETARY)
        assert "inläst" in after[1] and "möte" in after[2], after
