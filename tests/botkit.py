"""Drive the real Application through the in-process Bot API: send text, press buttons,
upload documents, and read back what the bot sent. Reused by every bot feature's tests."""

from __future__ import annotations

import asyncio
import html.parser
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import build_application
from bot.fakeapi import Call, FakeBotAPI
from bot.settings import Settings
from knowledge.council.outbox import Notice


class BotHarness:
    def __init__(
        self,
        db_path: Path,
        *,
        secretary_chat: int | None = None,
        conversation_minutes: float = 30,
        jobs: bool = False,
    ) -> None:
        self.config = Settings(
            db_path=db_path,
            token="123456:TEST",
            secretary_chat=secretary_chat,
            council="social",
            conversation_minutes=conversation_minutes,
        )
        self.jobs = jobs  # start the JobQueue (timeouts, minute jobs) as `samrad run` does
        self.api = FakeBotAPI()
        self.application = build_application(self.config, request=self.api)

    async def __aenter__(self) -> BotHarness:
        await self.application.initialize()
        if self.application.post_init:
            await self.application.post_init(self.application)
        if self.jobs:
            await self.application.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.jobs:
            await self.application.stop()
        await self.application.shutdown()

    async def process(self, data: dict[str, Any]) -> list[Call]:
        before = len(self.api.calls)
        await self.application.process_update(Update.de_json(data, self.application.bot))
        return self.api.calls[before:]

    async def deliver(self, data: dict[str, Any]) -> None:
        """Put an update in the queue, as polling does (needs ``jobs=True``): it then goes
        through the Application's update processor, concurrently with others."""
        await self.application.update_queue.put(Update.de_json(data, self.application.bot))

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 20) -> None:
        """Let the bot work until ``condition`` holds (fails after ``timeout`` seconds)."""
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.01)

    def document_update(
        self, content: bytes, filename: str, *, user_id: int = 1, size: int | None = None
    ) -> dict[str, Any]:
        """A document sent by ``user_id``; its content is served by the fake API."""
        file_id = f"upload{len(self.api.files)}"
        self.api.files[file_id] = content
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": filename,
            "file_size": size if size is not None else len(content),
        }
        return self.api.message_update("", user_id=user_id, document=document)

    async def send(self, text: str, *, user_id: int = 1, **kwargs: Any) -> list[Call]:
        """A user sends a message; returns the calls the bot made in response."""
        return await self.process(self.api.message_update(text, user_id=user_id, **kwargs))

    async def press(self, data: str, *, user_id: int = 1, **kwargs: Any) -> list[Call]:
        return await self.process(self.api.callback_update(data, user_id=user_id, **kwargs))

    async def upload(
        self, content: bytes, filename: str, *, user_id: int = 1, size: int | None = None
    ) -> list[Call]:
        return await self.process(
            self.document_update(content, filename, user_id=user_id, size=size)
        )


def registered_people(db_path: Path, people: list[tuple[int, str, str]]) -> None:
    """Put (telegram id, name, role) in the roster of the social council, already registered
    (their private chat id is their user id), as the invite flow would leave them."""
    from knowledge import open_store
    from knowledge.council.roster import add_member

    db = open_store(db_path)
    for user, name, role in people:
        person = add_member(db, name, "social", "Nora", role)
        db.execute(
            "UPDATE people SET telegram_user_id = ?, telegram_chat_id = ? WHERE id = ?",
            [user, user, person],
        )
    db.conn.close()


def rendered(notice: Notice) -> tuple[str, list[tuple[str, str]]]:
    """A queued notice as the bot sends it: its text and its buttons (label, callback data)."""
    from bot.render import Renderer
    from handlers.notify import message

    return message(notice, Renderer())


def notice_text(notice: Notice) -> str:
    return rendered(notice)[0]


def texts(calls: list[Call]) -> list[str]:
    return [str(c.params.get("text", "")) for c in calls if c.method == "sendMessage"]


def buttons(calls: list[Call]) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button in the calls."""
    found = []
    for call in calls:
        markup = call.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                found.append((button["text"], button.get("callback_data", "")))
    return found


class _TagChecker(html.parser.HTMLParser):
    ALLOWED = {"b", "i", "u", "s", "code", "pre", "a", "blockquote"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in self.ALLOWED:
            self.errors.append(f"tag <{tag}> not allowed")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")


def valid_telegram_html(text: str) -> bool:
    """Only Telegram's tags, balanced, and no bare '<' or '&' that is not an entity."""
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    return not checker.errors and not checker.stack
