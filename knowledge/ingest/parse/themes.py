"""Themes proposed for coming meetings: the bullets under an item about themes."""

from __future__ import annotations

import re

from knowledge.ingest.model import Item, Theme
from knowledge.language.text import normalize

THEME_TITLE = re.compile(r"\bteman?\b.*\b(kommande|framtida|nästa)\b|\bförslag på teman?\b", re.I)


def parse_themes(items: list[Item]) -> list[Theme]:
    """Bullets under theme items; a "tidigare" lead-in marks the ones carried over."""
    themes: list[Theme] = []
    for item in items:
        if not THEME_TITLE.search(item.title):
            continue
        raised_here = True
        for paragraph in item.body.split("\n"):
            if not paragraph.strip():
                continue
            if paragraph.startswith("- "):
                text = paragraph[2:].strip()
                if text:
                    themes.append(
                        Theme(text=text, raised_here=raised_here, item_number=item.number)
                    )
            elif paragraph.rstrip().endswith(":"):
                folded = normalize(paragraph)
                raised_here = not re.search(
                    r"\b(tidigare|utover|sedan tidigare|kvarstaende)\b", folded
                )
    return themes
