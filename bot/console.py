"""The console chat: the real Application and handlers over the in-process Bot API.

What you type becomes an update; the bot's messages are printed as plain text, inline buttons
as numbered choices you pick by typing the number; documents are saved to a folder.
"""

from __future__ import annotations

import asyncio
import html
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import build_application
from bot.fakeapi import Call, FakeBotAPI
from bot.settings import Settings

USER_ID = 1


class Console:
    """Feeds lines to the Application and prints what it sends back."""

    def __init__(self, config: Settings, write: Callable[[str], None] = print) -> None:
        self.api = FakeBotAPI()
        self.application = build_application(config, request=self.api)
        self.write = write
        self.buttons: list[str] = []
        self.downloads = Path(tempfile.mkdtemp(prefix="samrad-"))

    async def __aenter__(self) -> Console:
        await self.application.initialize()
        if self.application.post_init:
            await self.application.post_init(self.application)
        await self.application.start()  # the JobQueue: notices, deadlines, conversation timeouts
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.application.stop()
        await self.application.shutdown()

    async def send(self, line: str) -> None:
        """One line typed by the user: a number picks a button, anything else is a message."""
        line = line.strip()
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            data = self.api.callback_update(self.buttons[int(line) - 1], user_id=USER_ID)
        else:
            data = self.api.message_update(line, user_id=USER_ID, first_name="Du")
        before = len(self.api.calls)
        await self.application.process_update(Update.de_json(data, self.application.bot))
        self._show(self.api.calls[before:])

    def _show(self, calls: list[Call]) -> None:
        shown_buttons: list[str] = []
        for call in calls:
            if call.method in ("sendMessage", "editMessageText"):
                self.write(plain(str(call.params.get("text", ""))))
                shown_buttons = self._buttons(call.params.get("reply_markup")) or shown_buttons
            elif call.method == "sendDocument":
                for filename, content in call.files.values():
                    path = self.downloads / Path(filename).name
                    path.write_bytes(content)
                    self.write(f"[fil: {filename} → {path}]")
                caption = call.params.get("caption")
                if caption:
                    self.write(plain(str(caption)))
        if shown_buttons:
            self.buttons = shown_buttons
        self.write("")

    def _buttons(self, markup: Any) -> list[str]:
        if not markup:
            return []
        if isinstance(markup, str):
            import json

            markup = json.loads(markup)
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        data = []
        for row in rows:
            for button in row:
                data.append(button.get("callback_data", ""))
                self.write(f"  [{len(data)}] {button.get('text', '')}")
        return data


def plain(text: str) -> str:
    """Telegram HTML as terminal text."""
    return html.unescape(re.sub(r"</?(b|i|u|s|code|pre|a)( [^>]*)?>", "", text))


async def chat(config: Settings, lines: Any = None) -> None:
    """Run the console conversation until EOF or an empty line (interactive)."""
    interactive = lines is None and sys.stdin.isatty()
    async with Console(config) as console:
        console.write(
            "samrad i terminalen. Skriv en fråga eller ett kommando (/hjalp); "
            "en siffra väljer en knapp. Tom rad eller Ctrl-D avslutar.\n"
        )
        await console.send("/start")
        source = iter(lines) if lines is not None else None
        while True:
            if source is not None:
                line = next(source, None)
            else:
                try:
                    line = await asyncio.to_thread(input, "> " if interactive else "")
                except EOFError:
                    line = None
            if line is None or (interactive and not line.strip()):
                break
            if not line.strip():
                continue
            if not interactive:
                console.write(f"> {line}")
            await console.send(line)
