"""The console chat: the real Application and handlers over the in-process Bot API.

What you type becomes an update; the bot's messages are printed as plain text, inline buttons
as numbered choices you pick by typing the number; documents are saved to a folder.

A newcomer can try everything alone: play a person of the roster (``--som NAMN`` or ``/som
NAMN``, registered on the spot through a real invite link, each with a Telegram account of
their own), the secretary (``--sekreterare``, ``/som sekreterare``), upload a protocol
(``/ladda FIL``), and report förhinder on a demo meeting added when the calendar has none.
Messages the bot sends to someone else (the ersättare asked to come) are shown with whom
they are for; switch to that person to answer.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import build_application
from bot.fakeapi import Call, FakeBotAPI
from bot.settings import Settings
from knowledge.council.calendar import add_meeting
from knowledge.council.meetings import next_meeting
from knowledge.council.roster import RosterError, create_invite, list_members
from knowledge.language import clock
from knowledge.language.dates import format_date, format_time_range
from knowledge.storage.roster import chat_of, person_named

USER_ID = 1  # the console's own account, before it plays anyone
SECRETARY_ID = 900  # the secretary's account when SAMRAD_SECRETARY_CHAT is not set
PERSONA_BASE = 100_000  # a roster person's console account: this plus their person id
DEMO_PLACE = "Demomöte i samrad chat"
DEMO_WEEKS = 3
SECRETARY = "sekreterare"
GREETING = (
    "samrad i terminalen. Skriv en fråga eller ett kommando (/hjalp); en siffra väljer en "
    "knapp. /som NAMN spelar en person i rostern (/som sekreterare: sekreteraren), "
    "/ladda FIL skickar ett protokoll som sekreteraren. /sluta eller Ctrl-D avslutar."
)


@dataclasses.dataclass
class Persona:
    user_id: int
    name: str  # "" for the console's own account: no name is known


class Console:
    """Feeds lines to the Application and prints what it sends back."""

    def __init__(self, config: Settings, write: Callable[[str], None] = print) -> None:
        if config.secretary_chat is None:
            config = dataclasses.replace(config, secretary_chat=SECRETARY_ID)
        self.config = config
        self.api = FakeBotAPI()
        self.application = build_application(config, request=self.api)
        self.write = write
        self.persona = Persona(USER_ID, "")
        self.names: dict[int, str] = {}  # chat id -> whom the console played there
        self.buttons: dict[int, list[str]] = {}  # chat id -> the last buttons sent there
        self.unseen: set[int] = set()  # chats sent buttons while the console played another
        self.shown = 0  # calls printed so far
        self.downloads = Path(tempfile.mkdtemp(prefix="samrad-"))

    async def __aenter__(self) -> Console:
        await self.application.initialize()
        if self.application.post_init:
            await self.application.post_init(self.application)
        await self.application.start()  # the JobQueue: notices, deadlines, conversation timeouts
        self.shown = len(self.api.calls)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.application.stop()
        await self.application.shutdown()

    @property
    def store(self) -> Any:
        return self.application.bot_data["store"]

    # --- What the user types --------------------------------------------------------------

    async def send(self, line: str) -> None:
        """One line typed by the user: a number picks a button, /som and /ladda are the
        console's own, anything else is a message from the persona played."""
        line = line.strip()
        if not line:
            return
        command, _, rest = line.partition(" ")
        if command == "/som":
            await self.play(rest)
        elif command == "/ladda":
            await self.upload(Path(rest.strip()).expanduser())
        else:
            await self._deliver(self._update(line))
        self.show()

    def _update(self, line: str) -> dict[str, Any]:
        me = self.persona.user_id
        buttons = self.buttons.get(me, [])
        if line.isdigit() and 1 <= int(line) <= len(buttons):
            return self.api.callback_update(buttons[int(line) - 1], user_id=me)
        first_name = self.persona.name.split()[0] if self.persona.name else ""
        return self.api.message_update(line, user_id=me, first_name=first_name)

    async def _deliver(self, data: dict[str, Any]) -> None:
        await self.application.process_update(Update.de_json(data, self.application.bot))

    async def play(self, name: str) -> None:
        """Become ``name``: a person of the roster (registered on the spot) or the secretary."""
        name = " ".join(name.split())
        if not name:
            self.write("Skriv vem du vill vara, till exempel: /som Siw Lunander")
            return
        if name.lower() in (SECRETARY, "sekreteraren"):
            secretary = self.config.secretary_chat or SECRETARY_ID
            self._become(Persona(secretary, "Sekreteraren"))
            return
        person_id = self._find(name)
        if person_id is None:
            self.write(f"{name} finns inte i rostern. `samrad roster list` visar vilka som finns.")
            return
        name = self._name_of(person_id)
        account = chat_of(self.store, person_id)
        if account is None:  # registered on the spot, through a real invite link
            account = PERSONA_BASE + person_id
            self._become(Persona(account, name))
            try:
                code, _ = create_invite(self.store, name)
            except RosterError as error:
                self.write(error.message)
                return
            await self._deliver(self._update(f"/start {code}"))
        else:
            self._become(Persona(account, name))

    def _become(self, persona: Persona) -> None:
        self.persona = persona
        self.names[persona.user_id] = persona.name
        self.write(f"[Du är nu {persona.name}.]")
        if persona.user_id in self.unseen:
            self.unseen.discard(persona.user_id)
            self.write("[Knapparna ovan till dig väntar: skriv en siffra.]")

    def _find(self, name: str) -> int | None:
        found = person_named(self.store, name)
        if found is not None:
            return found
        wanted = name.lower()
        matches = {m.person_id for m in list_members(self.store) if wanted in m.name.lower()}
        return matches.pop() if len(matches) == 1 else None

    def _name_of(self, person_id: int) -> str:
        return next(m.name for m in list_members(self.store) if m.person_id == person_id)

    async def upload(self, path: Path) -> None:
        """Send a file as the secretary sends a protocol (from the secretary's account)."""
        try:
            content = path.read_bytes()
        except OSError:
            self.write(f"Kunde inte läsa {path}. Skriv sökvägen till en fil: /ladda protokoll.pdf")
            return
        secretary = self.config.secretary_chat or SECRETARY_ID
        self.names.setdefault(secretary, "Sekreteraren")
        file_id = f"console{len(self.api.files)}"
        self.api.files[file_id] = content
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": path.name,
            "file_size": len(content),
        }
        await self._deliver(self.api.message_update("", user_id=secretary, document=document))

    # --- What the bot sends -------------------------------------------------------------------

    def show(self) -> None:
        """Print every call since the last time (the jobs' notices too), then a blank line."""
        calls = self.api.calls[self.shown :]
        self.shown = len(self.api.calls)
        for call in calls:
            self._show(call)
        self.write("")

    def _show(self, call: Call) -> None:
        chat = int(call.params.get("chat_id") or 0)
        to = "" if chat == self.persona.user_id else f"[till {self._whom(chat)}] "
        if call.method in ("sendMessage", "editMessageText"):
            self.write(to + plain(str(call.params.get("text", ""))))
            buttons = self._buttons(call.params.get("reply_markup"))
            if buttons:
                self.buttons[chat] = buttons
                if chat != self.persona.user_id:
                    self.unseen.add(chat)
        elif call.method == "sendDocument":
            for filename, content in call.files.values():
                path = self.downloads / Path(filename).name
                path.write_bytes(content)
                self.write(f"{to}[fil: {filename} → {path}]")
            caption = call.params.get("caption")
            if caption:
                self.write(plain(str(caption)))

    def _whom(self, chat: int) -> str:
        if chat in self.names:
            return self.names[chat] or "dig"
        person = next((m.name for m in list_members(self.store) if m.chat_id == chat), None)
        return person or f"chatt {chat}"

    def _buttons(self, markup: Any) -> list[str]:
        if not markup:
            return []
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        data = []
        for row in rows:
            for button in row:
                data.append(button.get("callback_data", ""))
                self.write(f"  [{len(data)}] {button.get('text', '')}")
        return data

    # --- The demo meeting -----------------------------------------------------------------

    def ensure_demo_meeting(self) -> str | None:
        """A meeting in the coming weeks, so förhinder has something to report on; what was
        added, or None when the calendar has a meeting already."""
        today = clock.today()
        council = self.config.council
        if next_meeting(self.store, council, today) is not None:
            return None
        day = today + timedelta(weeks=DEMO_WEEKS)
        day += timedelta(days=(4 - day.weekday()) % 7)  # the council meets on Fridays
        add_meeting(self.store, council, day, time(9), time(12), DEMO_PLACE)
        return f"{format_date(day)} {format_time_range(time(9), time(12))}"


def plain(text: str) -> str:
    """Telegram HTML as terminal text."""
    return html.unescape(re.sub(r"</?(b|i|u|s|code|pre|a)( [^>]*)?>", "", text))


async def chat(
    config: Settings,
    lines: Iterable[str] | None = None,
    *,
    persona: str | None = None,
    secretary: bool = False,
) -> None:
    """Run the console conversation until Ctrl-D (end of input) or /sluta."""
    interactive = lines is None and sys.stdin.isatty()
    async with Console(config) as console:
        console.write(GREETING)
        demo = console.ensure_demo_meeting()
        if demo:
            console.write(
                f"Kalendern hade inget kommande möte, så jag lade in ett demomöte {demo} "
                "att anmäla förhinder till (/franvaro)."
            )
        console.write("")
        if secretary:
            await console.play(SECRETARY)
        elif persona:
            await console.play(persona)
        console.show()
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
            if line is None or line.strip() in ("/sluta", "/avsluta"):
                break
            if not line.strip():
                continue
            if not interactive:
                console.write(f"> {line}")
            await console.send(line)
