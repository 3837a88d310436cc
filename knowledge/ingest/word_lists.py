"""Word's automatic list numbers, which a reader sees and the paragraph's text does not hold.

Minutes typed in Word number their items with its list numbering ("1. Mötets öppnande", its
sub-points "a)", "b)"): the numbers live in the package's numbering part, applied by a
paragraph's own numbering properties or by its style's ("List Number"). This module counts
them the way Word shows them, so that the text reads as the printed page does.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET = "-"


class ListNumbers:
    """The labels of one document's numbered paragraphs, counted in document order."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._styles: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no list in the document is numbered
        abstract = {
            node.get(f"{_W}abstractNumId"): _levels_of(node)
            for node in numbering.iter(f"{_W}abstractNum")
        }
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val"), {})) if ref is not None else {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and level in levels:
                    kind, text, _ = levels[level]
                    levels[level] = (kind, text, int(start.get(f"{_W}val", "1")))
            self._levels[num.get(f"{_W}numId")] = levels
        self._styles = _numbered_styles(document)

    def label(self, paragraph: Any) -> str | None:
        """The number Word shows before ``paragraph`` ("3.", "b)"), "-" for a bullet, or None
        for a paragraph that is not in a list. Counts the paragraph."""
        numbered = _numbering_of(paragraph)
        if numbered is None:
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            numbered = self._styles.get(style.get(f"{_W}val")) if style is not None else None
        if numbered is None or numbered[0] == "0":
            return None
        num_id, level = numbered
        levels = self._levels.get(num_id)
        if not levels or level not in levels:
            return _BULLET  # numbered by a list the package does not define: a list still
        counters = self._counters.setdefault(num_id, {})
        kind, text, start = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]  # a new item restarts its sub-points at a)
        if kind == "bullet":
            return _BULLET
        for shown in range(level + 1):
            kind_at, _, start_at = levels.get(shown, ("decimal", "", 1))
            value = counters.get(shown, start_at)
            text = text.replace(f"%{shown + 1}", _formatted(kind_at, value))
        return text.strip() or None


def _levels_of(abstract_num: Any) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for lvl in abstract_num.iter(f"{_W}lvl"):
        kind = lvl.find(f"{_W}numFmt")
        text = lvl.find(f"{_W}lvlText")
        start = lvl.find(f"{_W}start")
        levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
            kind.get(f"{_W}val", "decimal") if kind is not None else "decimal",
            text.get(f"{_W}val", "") if text is not None else "",
            int(start.get(f"{_W}val", "1")) if start is not None else 1,
        )
    return levels


def _numbering_of(element: Any) -> tuple[str, int] | None:
    props = element.find(f"{_W}pPr/{_W}numPr")
    if props is None:
        return None
    num_id = props.find(f"{_W}numId")
    level = props.find(f"{_W}ilvl")
    if num_id is None:
        return None
    return num_id.get(f"{_W}val", "0"), int(level.get(f"{_W}val", "0")) if level is not None else 0


def _numbered_styles(document: Any) -> dict[str, tuple[str, int]]:
    """Styles that number their paragraphs ("List Number"), directly or by the style they
    are based on."""
    own: dict[str, tuple[str, int] | None] = {}
    based: dict[str, str] = {}
    for style in document.styles.element.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        own[style_id] = _numbering_of(style)
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[style_id] = parent.get(f"{_W}val")
    numbered = {}
    for style_id in own:
        current: str | None = style_id
        for _ in range(10):  # a chain of styles, never a loop
            if current is None or own.get(current) is not None:
                break
            current = based.get(current)
        found = own.get(current) if current is not None else None
        if found is not None:
            numbered[style_id] = found
    return numbered


def _formatted(kind: str, value: int) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if kind == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while value >= amount:
            out, value = out + letters, value - amount
    return out
