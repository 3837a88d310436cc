"""The prose before the first item: what a document says of itself before its agenda
("Projektet E-arkiv Bergslagen är ett samarbete mellan …", "Rådet fattar inga formella
beslut"). Header fields, lists of people and page furniture are not prose."""

from __future__ import annotations

import re

from knowledge.ingest.parse.lines import LABELLED_FIELD, Line, paragraphs

# A paragraph reads as prose when it has this many words and ends a sentence.
PROSE_WORDS = 8
# Web pages and letterheads repeat these; a sentence about them says nothing of the meeting.
# The notice that the minutes were approved and posted ("Bevis om anslag") is furniture too.
_FURNITURE = re.compile(
    r"\b(kakor|cookies|webbplats\w*|javascript|personuppgift\w*|anslag\w*|justera\w*)\b", re.I
)
# A list of those present, reflowed into one paragraph, is no prose.
_PEOPLE = re.compile(
    r"^(deltagare|närvarande|ledamöter|ersättare|övriga|frånvarande|tjänstepersoner)\b", re.I
)


def preamble(head: list[Line]) -> str:
    """The prose paragraphs of ``head`` (the lines before the first item), one per line."""
    texts = [line.text if not line.heading else "" for line in head]
    kept = [p for p in paragraphs(texts) if _prose(p)]
    return "\n".join(kept)


def _prose(paragraph: str) -> bool:
    if paragraph.startswith(("- ", "* ", "|")) or LABELLED_FIELD.match(paragraph):
        return False
    if _FURNITURE.search(paragraph) or _PEOPLE.match(paragraph):
        return False
    return len(paragraph.split()) >= PROSE_WORDS and paragraph.rstrip().endswith((".", "!"))
