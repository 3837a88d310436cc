"""PTB persistence over samrad's own SQLite file: open conversations and what their steps
remember (``user_data``) survive a restart. Bot and chat data are not kept: the bot keeps its
services in ``bot_data``, and nothing else needs remembering."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import sqlite_utils
from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from knowledge.storage import conversations as rows

UserData = dict[Any, Any]


class SqlitePersistence(BasePersistence[UserData, dict[Any, Any], dict[Any, Any]]):
    """Conversations and user data in the ``conversations`` and ``user_data`` tables."""

    def __init__(self, db: sqlite_utils.Database, update_interval: float = 60) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.db = db

    async def get_conversations(self, name: str) -> ConversationDict:
        return dict(rows.conversations(self.db, name).items())

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        rows.save_conversation(self.db, name, tuple(int(part) for part in key), new_state)

    async def get_user_data(self) -> dict[int, UserData]:
        return rows.all_user_data(self.db)

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        rows.save_user_data(self.db, user_id, deepcopy(data))

    async def drop_user_data(self, user_id: int) -> None:
        rows.drop_user_data(self.db, user_id)

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        """Nothing to refresh: this process is the only writer."""

    # Bot data, chat data and callback data are not stored (see PersistenceInput above).
    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        """Not stored."""

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        """Not stored."""

    async def update_callback_data(self, data: Any) -> None:
        """Not stored."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Not stored."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        """Not stored."""

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        """Not stored."""

    async def flush(self) -> None:
        """Every write is committed at once; nothing is buffered."""
