"""What every handler gets through PTB's ``ContextTypes``: the store, the question engine,
the settings and the renderer, typed. ``bot/app.py`` puts them in ``bot_data``; handlers never
import ``bot``, so the two packages depend one way only (``bot`` → ``handlers`` → ``knowledge``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils
from telegram.ext import CallbackContext, ExtBot

from knowledge.council.absences import Timings
from knowledge.qa.engine import Engine
from knowledge.qa.types import Answer

STORE, ENGINE, SETTINGS, RENDERER = "store", "engine", "settings", "renderer"


class Settings(Protocol):
    """The settings handlers read (``bot.settings.Settings`` has them all)."""

    @property
    def db_path(self) -> Path: ...
    @property
    def secretary_chat(self) -> int | None: ...
    @property
    def council(self) -> str: ...
    @property
    def conversation_minutes(self) -> float: ...
    def absence_timings(self) -> Timings: ...


class Renderer(Protocol):
    """Turns answers, templates and notices into Telegram HTML (``bot.render.Renderer``)."""

    def answer(self, answer: Answer) -> list[str]:
        """The answer as messages under Telegram's limit, split between blocks."""
        ...

    def template(self, name: str, /, **values: object) -> str:
        """A message template (``bot/templates/<name>.html.j2``) as HTML."""
        ...

    def notice(self, template: str, params: Mapping[str, object]) -> str:
        """A notice from the outbox (``bot/templates/notices/<template>.html.j2``) as HTML."""
        ...


class SamradContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context of every handler and job."""

    @property
    def store(self) -> sqlite_utils.Database:
        store: sqlite_utils.Database = self.bot_data[STORE]
        return store

    @property
    def engine(self) -> Engine:
        engine: Engine = self.bot_data[ENGINE]
        return engine

    @property
    def settings(self) -> Settings:
        settings: Settings = self.bot_data[SETTINGS]
        return settings

    @property
    def renderer(self) -> Renderer:
        renderer: Renderer = self.bot_data[RENDERER]
        return renderer
