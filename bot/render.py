"""Answers as text: plain for the console and ``--json``, Telegram HTML split under 4,096."""

from __future__ import annotations

from pathlib import Path

import jinja2

from knowledge.language.dates import format_date
from knowledge.qa.types import Answer, Block, Source

TELEGRAM_LIMIT = 4096
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
    return env


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
    """Telegram HTML messages, each under ``limit`` and valid on its own: split between blocks."""
    template = HTML.get_template("answer.html.j2")

    def chunk(blocks: list[Block], first: bool, last: bool) -> str:
        return _tidy(template.render(answer=answer, blocks=blocks, first=first, last=last))

    chunks: list[list[Block]] = [[]]
    for block in _fit(answer.blocks, limit):
        candidate = chunks[-1] + [block]
        if chunks[-1] and len(chunk(candidate, len(chunks) == 1, True)) > limit:
            chunks.append([block])
        else:
            chunks[-1] = candidate
    return [
        chunk(blocks, index == 0, index == len(chunks) - 1) for index, blocks in enumerate(chunks)
    ]


def _fit(blocks: list[Block], limit: int) -> list[Block]:
    """A block too long for one message is cut between its lines (a line, at the limit)."""
    budget = limit - 600  # room for the headline and the sources
    out: list[Block] = []
    for block in blocks:
        current = Block(block.title, [])
        size = 0
        for line in block.lines:
            line = line if len(line) < budget else line[: budget - 1] + "…"
            if current.lines and size + len(line) > budget:
                out.append(current)
                current = Block(block.title, [])
                size = 0
            current.lines.append(line)
            size += len(line) + 1
        out.append(current)
    return out


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out)
