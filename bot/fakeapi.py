"""An in-process Telegram Bot API: a ``BaseRequest`` that answers valid Bot API JSON.

The console chat and the tests run the real PTB ``Application`` over it: every call the bot
makes is recorded (``calls``), messages it sends get ids and dates like Telegram's, and
``getFile`` serves documents that a test or the console put in ``files``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7000001
BOT_USERNAME = "samrad_bot"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


class FakeBotAPI(BaseRequest):
    """Answers Bot API methods in memory and records them."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: asyncio.Queue[dict[str, Any]] | None = None
        self.files: dict[str, bytes] = {}  # file_id -> content, for getFile + download
        self.fail_next: dict[str, int] = {}  # method -> how many calls to fail (network error)
        self.faults: dict[str, list[tuple[int, int]]] = {}  # method -> (HTTP status, retry after)
        self.latency = (
            0.0  # seconds each call takes; even 0 lets other tasks run, as a network does
        )
        # Calls Telegram refuses (400 Bad Request): (method, params) -> True to refuse.
        self.refuse: Callable[[str, dict[str, Any]], bool] | None = None
        self._message_ids = itertools.count(1000)
        self._update_ids = itertools.count(1)

    # --- BaseRequest -------------------------------------------------------------------------

    async def initialize(self) -> None:
        if self.updates is None:
            self.updates = asyncio.Queue()

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:  # a file download
            file_path = url.rsplit("/", 1)[-1]
            return 200, self.files.get(file_path, b"")
        name = url.rsplit("/", 1)[-1]
        if name != "getUpdates":
            await asyncio.sleep(self.latency)
        params = dict(request_data.parameters) if request_data else {}
        files: dict[str, tuple[str, bytes]] = {}
        if request_data and request_data.contains_files:
            for key, value in request_data.multipart_data.items():
                filename, content = value[0], value[1]
                files[key] = (str(filename), content if isinstance(content, bytes) else b"")
        if self.faults.get(name):
            status, retry_after = self.faults[name].pop(0)
            return status, self._error(status, retry_after)
        if self.fail_next.get(name):
            self.fail_next[name] -= 1
            return 502, b'{"ok": false, "error_code": 502, "description": "Bad Gateway"}'
        if self.refuse is not None and self.refuse(name, params):
            return 400, b'{"ok": false, "error_code": 400, "description": "Bad Request"}'
        if name != "getUpdates":
            self.calls.append(Call(name, params, files))
        result = await self._answer(name, params, files)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def fail(self, method: str, *statuses: int, retry_after: int = 1) -> None:
        """The next calls of ``method`` answer these errors in turn, as Telegram does: 429 Too
        Many Requests (retry after ``retry_after`` seconds), 502 Bad Gateway, 400, ... A failed
        call is not recorded in ``calls``."""
        self.faults.setdefault(method, []).extend((status, retry_after) for status in statuses)

    @staticmethod
    def _error(status: int, retry_after: int) -> bytes:
        answer: dict[str, Any] = {"ok": False, "error_code": status}
        if status == 429:
            answer["description"] = f"Too Many Requests: retry after {retry_after}"
            answer["parameters"] = {"retry_after": retry_after}
        elif status == 400:
            answer["description"] = "Bad Request: message to edit not found"
        else:
            answer["description"] = "Bad Gateway"
        return json.dumps(answer).encode()

    # --- Methods -------------------------------------------------------------------------------

    async def _answer(
        self, name: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> Any:
        if name == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "samrad",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if name == "getUpdates":
            return await self._get_updates(float(params.get("timeout") or 0))
        if name in ("sendMessage", "sendDocument"):
            message = self._message(params)
            if name == "sendDocument":
                filename, content = next(iter(files.values()), ("fil", b""))
                file_id = f"doc{message['message_id']}"
                self.files[file_id] = content
                message["document"] = {
                    "file_id": file_id,
                    "file_unique_id": file_id,
                    "file_name": filename,
                    "file_size": len(content),
                }
                message.pop("text", None)
                if params.get("caption"):
                    message["caption"] = params["caption"]
            return message
        if name in ("editMessageText", "editMessageReplyMarkup"):
            message = self._message(params)
            message["message_id"] = int(params.get("message_id") or message["message_id"])
            return message
        if name == "getFile":
            file_id = str(params["file_id"])
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": file_id,
            }
        return True  # setMyCommands, answerCallbackQuery, deleteWebhook, sendChatAction, ...

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id") or 0)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "samrad"},
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            markup = params["reply_markup"]
            message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
        return message

    async def _get_updates(self, timeout: float) -> list[dict[str, Any]]:
        assert self.updates is not None
        batch: list[dict[str, Any]] = []
        try:
            batch.append(await asyncio.wait_for(self.updates.get(), timeout=max(timeout, 0.01)))
        except TimeoutError:
            return []
        while not self.updates.empty():
            batch.append(self.updates.get_nowait())
        return batch

    # --- Building updates ----------------------------------------------------------------------

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def message_update(
        self,
        text: str,
        *,
        user_id: int = 1,
        chat_id: int | None = None,
        first_name: str = "Anna",
        reply_to_bot: bool = False,
        document: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A user's message (text, command or document) as Telegram would deliver it."""
        chat = chat_id if chat_id is not None else user_id
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private" if chat > 0 else "group", "title": "Rådet"},
            "from": {"id": user_id, "is_bot": False, "first_name": first_name},
        }
        if document is not None:
            message["document"] = document
        else:
            message["text"] = text
            command = re.match(r"/[A-Za-z0-9_]+(@\w+)?(?=\s|$)", text)
            if command:  # as Telegram: "/nästa" (not ASCII) is text, not a command
                length = command.end()
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
            elif f"@{BOT_USERNAME}" in text:
                offset = text.index(f"@{BOT_USERNAME}")
                message["entities"] = [
                    {"type": "mention", "offset": offset, "length": len(BOT_USERNAME) + 1}
                ]
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": message["chat"],
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "samrad"},
                "text": "…",
            }
        return {"update_id": self.next_update_id(), "message": message}

    def callback_update(
        self,
        data: str,
        *,
        user_id: int = 1,
        chat_id: int | None = None,
        message_id: int = 1,
    ) -> dict[str, Any]:
        """A tap on an inline button."""
        chat = chat_id if chat_id is not None else user_id
        return {
            "update_id": self.next_update_id(),
            "callback_query": {
                "id": str(self.next_update_id()),
                "chat_instance": str(chat),
                "from": {"id": user_id, "is_bot": False, "first_name": "Anna"},
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat, "type": "private" if chat > 0 else "group"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "samrad"},
                    "text": "…",
                },
            },
        }

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Messages and documents the bot sent (to one chat, if given)."""
        return [
            c
            for c in self.calls
            if c.method in ("sendMessage", "sendDocument", "editMessageText")
            and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]
