"""Flood limits on our side: one message a second per private chat, none held for groups or
for other chats (the throughput is measured in benchmarks/bench_flood.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import limits


async def test_a_private_chat_gets_one_message_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(delay: float, *args: Any) -> None:
        if delay >= 0.5:  # the per-chat wait (the overall pacing sleeps far shorter)
            waits.append(delay)
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    limiter = limits.FloodLimits()
    await limiter.initialize()
    sent: list[object] = []

    async def send(chat: object) -> bool:
        sent.append(chat)
        return True

    async def request(chat: object, endpoint: str = "sendMessage") -> None:
        await limiter.process_request(send, (chat,), {}, endpoint, {"chat_id": chat}, None)

    await request(5)
    await request(6)  # another chat: no wait
    await request(-42)  # a group: PTB's group limiter, not ours
    await request(5, "sendChatAction")  # not a message
    assert waits == []
    await request(5)  # the same chat again at once: waits about a second
    await request("5")
    assert len(waits) == 2 and all(w <= limits.PER_CHAT_SECONDS for w in waits)
    assert sent == [5, 6, -42, 5, 5, "5"]
