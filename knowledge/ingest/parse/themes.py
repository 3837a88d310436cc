"""Themes proposed for coming meetings: the bullets under an item about themes, or the themes
its sentences set ("temat vid mötet i juni blir psykisk hälsa bland äldre och vid mötet i
september fysisk aktivitet på recept")."""

from __future__ import annotations

import re

from knowledge.ingest.model import Item, Theme
from knowledge.language.text import normalize

THEME_TITLE = re.compile(r"\bteman?\b.*\b(kommande|framtida|nästa)\b|\bförslag på teman?\b", re.I)

# "temat vid mötet i juni blir X", "tema för nästa möte är X"
_MEETING = (
    r"(?:vid|på|för|till)\s+(?:mötet|nästa möte|\w+mötet)(?:\s+(?:i|den)\s+[\wåäö0-9]{1,12})?"
)
_THEME_SET = re.compile(
    rf"\btema(?:t|n)?\s+{_MEETING}\s+(?:blir|är|ska bli|ska vara)\s+(?P<themes>[^.;]+)",
    re.IGNORECASE,
)
_AND_AT = re.compile(rf"\s+(?:och|samt)\s+{_MEETING}\s+", re.IGNORECASE)


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
            else:
                for match in _THEME_SET.finditer(paragraph):
                    for text in _AND_AT.split(match.group("themes")):
                        themes.append(
                            Theme(text=text.strip(), raised_here=True, item_number=item.number)
                        )
    return themes
