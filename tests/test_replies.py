"""Long replies: split under Telegram's limit, each message valid HTML, nothing lost."""

from __future__ import annotations

import html
import random
import re

import pytest

from handlers.replies import split_html
from tests.botkit import valid_telegram_html


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


@pytest.mark.parametrize("seed", range(30))
def test_split_html_keeps_every_character_in_valid_messages(seed: int) -> None:
    rng = random.Random(seed)
    pieces = []
    for _ in range(rng.randint(50, 400)):
        word = html.escape(rng.choice(["å&ä", "<ö>", "ord", "x" * rng.randint(1, 300), "\"'"]))
        pieces.append(
            rng.choice(
                [
                    word,
                    f"<b>{word}</b>",
                    f'<a href="https://x.se/?a=1&amp;b">{word}',
                    "\n",
                    "\n\n",
                    " ",
                ]
            )
        )
        if "<a " in pieces[-1]:
            pieces.append("</a>")
    text = "<i>" + "".join(pieces) + "</i>"
    limit = rng.choice([300, 1000, 4096])
    chunks = split_html(text, limit)
    assert all(len(c) <= limit for c in chunks)
    assert all(valid_telegram_html(c) for c in chunks), chunks
    assert _visible("".join(chunks)) == _visible(text)


def test_split_html_prefers_blank_lines_then_lines() -> None:
    blocks = ["\n".join(f"rad {b}.{i}" for i in range(30)) for b in range(40)]
    chunks = split_html("\n\n".join(blocks), 1000)
    assert len(chunks) > 1
    assert all(c.startswith("rad ") and c.endswith(tuple("0123456789")) for c in chunks)
    assert all(c.split("\n")[0].endswith(".0") for c in chunks)
