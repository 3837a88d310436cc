"""Telegram's flood limits, kept on our side: PTB's AIORateLimiter (paced to 28 messages/s
overall, 20 a minute per group, RetryAfter waited out) plus at most one message a second in a
private chat, which Telegram asks for and answers with 429 beyond. Without it, a member's
quick questions got their answers within the same second, Telegram refused them, and PTB's
limiter, waiting out each refusal, held up every other chat too (benchmarks/bench_flood.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

PER_CHAT_SECONDS = 1.0  # between two messages in one private chat
# Overall: one message every 1/28 s. PTB's default (a bucket of 30 a second) lets 30 go at
# once and 30 more within the same second, which Telegram may refuse.
OVERALL_PER_SECOND = 28
MAX_RETRIES = 3
_KEEP_CHATS = 1024  # chats whose last message was long ago are forgotten beyond this many

Result = bool | dict[str, Any] | list[dict[str, Any]]


class FloodLimits(AIORateLimiter):
    """AIORateLimiter, and one message a second per private chat: a chat's next message waits
    until a second after the previous one was delivered (so Telegram, whatever the network
    did, sees them at least a second apart)."""

    def __init__(self) -> None:
        super().__init__(
            overall_max_rate=1,
            overall_time_period=1 / OVERALL_PER_SECOND,
            max_retries=MAX_RETRIES,
        )
        self._locks: dict[int, asyncio.Lock] = {}
        self._last: dict[int, float] = {}  # chat -> when its last message was delivered

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat = data.get("chat_id")
        if isinstance(chat, str) and chat.isdigit():
            chat = int(chat)
        message = endpoint.startswith(("send", "edit", "copy", "forward"))
        if endpoint == "sendChatAction" or not message:  # not a message: no per-chat limit
            chat = None
        if not isinstance(chat, int) or chat <= 0:  # no chat, or a group (PTB limits those)
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        loop = asyncio.get_running_loop()
        self._forget_old(loop.time())
        lock = self._locks.setdefault(chat, asyncio.Lock())
        async with lock:
            wait = self._last.get(chat, -PER_CHAT_SECONDS) + PER_CHAT_SECONDS - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            finally:
                self._last[chat] = loop.time()

    def _forget_old(self, now: float) -> None:
        if len(self._last) <= _KEEP_CHATS:
            return
        for chat, last in list(self._last.items()):
            lock = self._locks.get(chat)
            if now - last > PER_CHAT_SECONDS and (lock is None or not lock.locked()):
                self._last.pop(chat, None)
                self._locks.pop(chat, None)
