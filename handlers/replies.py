"""Long replies: every HTML reply longer than Telegram's 4,096 characters is split here, between
blocks (blank lines) if it can, else between lines, else between words; a tag open at a cut is
closed at the end of one message and opened again at the start of the next, and no cut falls
inside a tag or an entity ("&amp;"), so each message is valid HTML on its own."""

from __future__ import annotations

import re
from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import MessageLimit, ParseMode

LIMIT = MessageLimit.MAX_TEXT_LENGTH
_RESERVE = 200  # room for the tags closed at a cut and opened again after it
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>")


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    """``text`` (Telegram HTML) as messages of at most ``limit`` characters."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = _cut(text, max(limit - _RESERVE, limit // 2))
        opened = _open_tags(text[:cut])
        head = text[:cut].rstrip() + "".join(f"</{name}>" for name, _ in reversed(opened))
        text = "".join(tag for _, tag in opened) + text[cut:].lstrip("\n ")
        if head.strip():
            chunks.append(head)
    if text.strip() or not chunks:
        chunks.append(text)
    return chunks


def _cut(text: str, budget: int) -> int:
    """Where to cut: the last blank line, line break or space before ``budget`` (in the second
    half of it), else ``budget`` itself; never inside a tag or an entity."""
    for separator in ("\n\n", "\n", " "):
        position = text.rfind(separator, budget // 2, budget)
        while position > 0 and not _safe(text, position):
            position = text.rfind(separator, budget // 2, position)
        if position > 0:
            return position
    position = budget
    while position > 1 and not _safe(text, position):
        position -= 1
    return position


def _safe(text: str, position: int) -> bool:
    """Not inside a tag (``<a href=…>``) nor an entity (``&amp;``)."""
    if text.rfind("<", 0, position) > text.rfind(">", 0, position):
        return False
    amp = text.rfind("&", 0, position)
    return amp < 0 or text.rfind(";", 0, position) > amp or position - amp > 10


def _open_tags(text: str) -> list[tuple[str, str]]:
    """The tags still open at the end of ``text``: (name, the opening tag as written)."""
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if match.group(1):
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    del stack[index:]
                    break
        else:
            stack.append((name, match.group(0)))
    return stack


async def reply_html(
    message: Message,
    text: str,
    *,
    reply_markup: InlineKeyboardMarkup | None = None,
    markup_for: Callable[[str], InlineKeyboardMarkup | None] | None = None,
) -> list[Message]:
    """Reply with ``text`` in as many messages as it needs. The buttons go under the last
    message (``reply_markup``), or under each its own (``markup_for(chunk)``)."""
    chunks = split_html(text)
    sent = []
    for index, chunk in enumerate(chunks):
        if markup_for is not None:
            markup = markup_for(chunk)
        else:
            markup = reply_markup if index == len(chunks) - 1 else None
        sent.append(
            await message.reply_text(
                chunk, parse_mode=ParseMode.HTML, reply_markup=markup, do_quote=False
            )
        )
    return sent
