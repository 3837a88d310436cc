"""Rendering: answers as plain text (console, ``--json``) or Telegram HTML split under the
message limit, message templates and outbox notices, all from ``bot/templates``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from pathlib import Path

import jinja2
from telegram.constants import MessageLimit

from bot.commands import COMMANDS
from handlers.replies import split_html
from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council.kallelse_changes import change_lines
from knowledge.ingest.extract import FORMAT_NAMES
from knowledge.language.dates import format_date, format_time_range
from knowledge.qa.types import Answer, Source

TELEGRAM_LIMIT = MessageLimit.MAX_TEXT_LENGTH
TEMPLATES = Path(__file__).resolve().parent / "templates"


def cite(source: Source) -> str:
    """ "Chefsgruppen, 7 mars 2025, § 10 Dietist direkt" — how every answer names its source."""
    parts = [source.council]
    if source.date:
        parts.append(format_date(source.date, weekday=False))
    if source.item:
        label = "avsnitt" if source.council == source.document else "§"
        parts.append(f"{label} {source.item}" + (f" {source.title}" if source.title else ""))
    return ", ".join(parts)


def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
    )
    env.filters["cite"] = cite
    env.filters["date"] = swedish_date
    env.filters["time_range"] = swedish_time_range
    env.filters["council"] = council_name
    env.filters["change_lines"] = change_lines
    env.globals["commands"] = COMMANDS
    env.globals["file_formats"] = FORMAT_NAMES
    return env


def swedish_date(value: date | str | None, weekday: bool = True, year: bool = True) -> str:
    """A date (or an ISO date, as notices store it) in Swedish: "fredag 4 december 2026"."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(day, weekday=weekday, year=year)


def swedish_time_range(start: time | str | None, end: time | str | None = None) -> str:
    """ "kl. 9.00–12.00" from times or "HH:MM" strings."""

    def parse(value: time | str | None) -> time | None:
        return time.fromisoformat(value) if isinstance(value, str) and value else value or None

    return format_time_range(parse(start), parse(end))


def council_name(key: str, short: bool = False) -> str:
    """A council's one Swedish name, as its protocols write it (``short``: as notices do)."""
    return (COUNCIL_SHORT if short else COUNCIL_NAMES).get(key, key)


TEXT = _environment(autoescape=False)
HTML = _environment(autoescape=True)


def render_template(template: str, **values: object) -> str:
    """Any other message template, as Telegram HTML (autoescaped)."""
    return _tidy(HTML.get_template(template).render(**values))


def render_text(answer: Answer) -> str:
    """The whole answer as plain text (no HTML)."""
    text = TEXT.get_template("answer.txt.j2").render(answer=answer)
    return _tidy(text)


def render_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Telegram HTML messages, each under ``limit`` and valid on its own: split by the one
    splitter of every long reply (``handlers.replies``), between blocks, else lines."""
    template = HTML.get_template("answer.html.j2")
    html = _tidy(template.render(answer=answer, blocks=answer.blocks, first=True, last=True))
    return split_html(html, limit)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out)


class Renderer:
    """The one renderer of the bot (``handlers.context.Renderer``)."""

    def answer(self, answer: Answer) -> list[str]:
        """The answer as Telegram HTML messages, split between blocks."""
        return render_html(answer)

    def template(self, name: str, /, **values: object) -> str:
        """``bot/templates/<name>.html.j2`` as Telegram HTML (autoescaped)."""
        return render_template(f"{name}.html.j2", **values)

    def notice(self, template: str, params: Mapping[str, object]) -> str:
        """An outbox notice: ``bot/templates/notices/<template>.html.j2`` with its parameters."""
        return render_template(f"notices/{template}.html.j2", **params)
