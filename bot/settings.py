"""Every setting samrad reads from the environment, in one place.

``VARIABLES`` documents each one; the README's "Configuration" table is checked against it by
``tests/test_settings.py``, so the two cannot drift apart. Nothing else reads ``os.environ``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council.absences import Timings

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    meaning: str  # for the README's table


VARIABLES: list[Variable] = [
    Variable(
        "TELEGRAM_BOT_TOKEN",
        "",
        "the bot's token from @BotFather; without it `make run` starts the console chat",
    ),
    Variable(
        "TELEGRAM_API_URL",
        "",
        "base URL of a self-hosted Bot API server (PTB `base_url`), "
        "e.g. `http://127.0.0.1:8081/bot`",
    ),
    Variable(
        "TELEGRAM_FILE_URL",
        "",
        "its file URL (PTB `base_file_url`), e.g. `http://127.0.0.1:8081/file/bot`",
    ),
    Variable(
        "SAMRAD_SECRETARY_CHAT",
        "",
        "the secretary's chat id (their Telegram user id): error reports go there, and that "
        "account may upload protocols and use the secretary's commands, as may registered "
        "secretaries in the roster",
    ),
    Variable("SAMRAD_DB", "", "the SQLite file (default `data/samrad.db` in the project)"),
    Variable("SAMRAD_BOT_USERNAME", "", "the bot's username, for the links `samrad invite` prints"),
    Variable(
        "SAMRAD_ANSWER_HOURS",
        "48",
        "how long an ersättare has to answer before the next is asked (never later than two "
        "days before the meeting)",
    ),
    Variable("SAMRAD_REMINDER_DAYS", "7,1", "days before a meeting that reminders go out"),
    Variable("SAMRAD_KEEP_DAYS", "365", "absences are deleted this many days after their meeting"),
    Variable(
        "SAMRAD_COUNCIL",
        "social",
        "the council questions are about unless they name one: `social`, `folkhalsa` or "
        "`chefsgrupp`",
    ),
    Variable(
        "SAMRAD_CONVERSATION_MINUTES",
        "30",
        "a started conversation (/foresla, /franvaro) ends after this many minutes of silence",
    ),
]
_DEFAULTS = {variable.name: variable.default for variable in VARIABLES}


class SettingsError(ValueError):
    """A setting in the environment that cannot be used; the message names it."""


@dataclass(frozen=True)
class Settings:
    db_path: Path
    token: str | None = None
    api_url: str | None = None
    file_url: str | None = None
    secretary_chat: int | None = None
    bot_username: str | None = None
    council: str = "social"
    answer_hours: int = 48
    reminder_days: tuple[int, ...] = (7, 1)
    keep_days: int = 365
    conversation_minutes: float = 30

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, db_path: Path | None = None
    ) -> Settings:
        """Settings from the environment (``environ`` for tests); bad values raise
        ``SettingsError`` naming the variable."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            return env.get(name, "").strip() or _DEFAULTS[name]

        council = get("SAMRAD_COUNCIL")
        if council not in COUNCIL_NAMES:
            raise SettingsError(f"SAMRAD_COUNCIL: {council!r} is not one of {list(COUNCIL_NAMES)}")
        chat = get("SAMRAD_SECRETARY_CHAT")
        if chat and not chat.lstrip("-").isdigit():
            raise SettingsError(f"SAMRAD_SECRETARY_CHAT: {chat!r} is not a chat id")
        path = db_path or Path(get("SAMRAD_DB") or PROJECT_ROOT / "data" / "samrad.db")
        return cls(
            db_path=path,
            token=get("TELEGRAM_BOT_TOKEN") or None,
            api_url=get("TELEGRAM_API_URL") or None,
            file_url=get("TELEGRAM_FILE_URL") or None,
            secretary_chat=int(chat) if chat else None,
            bot_username=get("SAMRAD_BOT_USERNAME").lstrip("@") or None,
            council=council,
            answer_hours=_positive(get, "SAMRAD_ANSWER_HOURS"),
            reminder_days=tuple(
                int(day) for day in get("SAMRAD_REMINDER_DAYS").split(",") if day.strip().isdigit()
            ),
            keep_days=_positive(get, "SAMRAD_KEEP_DAYS"),
            conversation_minutes=_positive(get, "SAMRAD_CONVERSATION_MINUTES"),
        )

    def absence_timings(self) -> Timings:
        """The förhinder flow's clockwork from these settings."""
        return Timings(
            answer_hours=self.answer_hours,
            reminder_days=self.reminder_days,
            keep_days=self.keep_days,
        )


def _positive(get: Callable[[str], str], name: str) -> int:
    value = get(name)
    if not value.isdigit() or int(value) <= 0:
        raise SettingsError(f"{name}: {value!r} is not a positive whole number")
    return int(value)
