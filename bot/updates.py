"""Updates handled concurrently, in order within a chat.

While the secretary's upload is being read in, everyone else gets answers; but two messages
from one chat are handled one after the other, as they were sent (a conversation's step, a
button pressed right after a message). A busy chat's further updates wait in its own queue
and take no slot from other chats, so a flood from one chat does not hold up the rest.

PTB warns that a ConversationHandler needs updates one by one: it does per conversation, and
ours is per chat and user, so serialising each chat keeps it so.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)
MAX_CONCURRENT = 64  # chats handled at the same time


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, one at a time within a chat (or user, for updates without one)."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT) -> None:
        super().__init__(max_concurrent_updates)
        self._waiting: dict[int, deque[Awaitable[Any]]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _key(update)
        if key is None:
            await coroutine
            return
        waiting = self._waiting.get(key)
        if waiting is not None:  # this chat is busy: its running update takes this one next
            waiting.append(coroutine)
            return
        waiting = self._waiting[key] = deque([coroutine])
        try:
            while waiting:
                try:
                    await waiting.popleft()
                except Exception:  # PTB's own error handling failed; the chat goes on
                    log.exception("An update of chat %s failed", key)
        finally:
            del self._waiting[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def _key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
