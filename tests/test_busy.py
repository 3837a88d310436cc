"""A large document read in (as `samrad ingest` or an upload does, on a connection of its own)
while the bot writes: nobody gets "database is locked"."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

import pytest

from knowledge.ingest.extract import MAX_TEXT, DocumentError, read_bytes
from knowledge.ingest.load import IngestResult, ingest_bytes
from knowledge.storage.database import connect
from tests.botkit import BotHarness, texts

SECRETARY = -100


def large_protocol(characters: int) -> str:
    """A protocol of about ``characters`` characters: many items with decisions."""
    text = (
        "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg\n\n"
        "Tid: Fredag den 2 oktober 2026 kl 9.00-12.00\nPlats: Lokal Eken\n\n"
    )
    para = (
        "Ärendet föredrogs av Anna Karlsson, Kumla kommun, som berättade om mobila team, "
        "placerade barn, tandhälsoundersökningar och samverkan i länsdelarna. "
    ) * 4
    parts = [text]
    size, number = len(text), 0
    while size < characters - 1000:
        number += 1
        part = (
            f"{number}. Punkt {number} om samverkan\n{para}\n"
            f"Beslut: Rådet beslutade att notera informationen om punkt {number}.\n\n"
        )
        parts.append(part)
        size += len(part)
    return "".join(parts)


def test_a_text_longer_than_any_protocol_is_refused() -> None:
    with pytest.raises(DocumentError, match="för lång"):
        read_bytes(large_protocol(MAX_TEXT + 5000).encode(), "jätte.txt")


async def test_the_largest_document_read_in_beside_the_bots_writes(
    corpus_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = large_protocol(MAX_TEXT).encode()
    results: list[IngestResult | BaseException] = []

    def ingest() -> None:
        db = connect(corpus_copy)
        try:
            results.append(ingest_bytes(db, data, "stor.txt"))
        except BaseException as error:  # reported by the assertion below
            results.append(error)
        finally:
            db.conn.close()

    caplog.set_level(logging.ERROR)
    async with BotHarness(corpus_copy, secretary_chat=SECRETARY) as bot:
        worker = threading.Thread(target=ingest)
        worker.start()
        answered = 0
        while worker.is_alive():  # every /start writes its example buttons and the step
            sent = texts(await bot.send("/start", user_id=5))
            assert sent and "samrad" in sent[0], sent
            answered += 1
            await asyncio.sleep(0.01)
        worker.join()
        assert not bot.api.sent(SECRETARY), "an error was reported"
    [result] = results
    assert isinstance(result, IngestResult) and result.changed, result
    assert answered >= 2  # the bot wrote while the document was read in
    assert "database is locked" not in caplog.text
