"""Two questions in one ("Hur länge pågår projektet och när startade det?"): each part is
answered on its own, the second with the first one's subject, and the answers are joined."""

from __future__ import annotations

import re

from knowledge.qa.types import Answer, Block

_QUESTION_WORD = r"(?:hur|när|nar|vem|vilka|vilken|vilket|vad|var|varför|varfor)"
# "… och när …", "…, o hur många …": a second question word after a conjunction
_SECOND = re.compile(rf"(?:\s*,\s*|\s+)(?:och|o|samt)\s+(?={_QUESTION_WORD}\b)", re.IGNORECASE)
_OPENING = re.compile(
    rf"^\s*{_QUESTION_WORD}\b(?:\s+(?:länge|lange|mycket|mkt|många|manga|ofta|stor|stora))?",
    re.IGNORECASE,
)
# "…? och vem …", "…? vill boka in den": what follows a question mark inside the text
_AFTER_QUESTION = re.compile(r"\?\s+(?:(?:och|o|samt)\s+)?(?=\S)", re.IGNORECASE)
# The second part must ask something of its own, not be a second question word ("när och var").
LEAST_WORDS = 3


def asked(text: str) -> str:
    """The question of ``text`` without what is said after it ("När är uppföljningsdagen?
    vill boka in den"); a second question after it stays."""
    match = _AFTER_QUESTION.search(text)
    if match is None or not _OPENING.match(text) or _OPENING.match(text[match.end() :]):
        return text
    return text[: match.start() + 1]


def split_question(text: str) -> tuple[str, str] | None:
    """The two questions of ``text`` when it asks two, the second carrying the first one's
    subject ("när drog det igång" + "pågår projekt regional testbädd"); otherwise None."""
    if not _OPENING.match(text):
        return None  # "jag kan inte komma och vem …": a request, not two questions
    match = _SECOND.search(text) or _AFTER_QUESTION.search(text)
    if match is None:
        return None
    first, second = text[: match.start()].strip(" ?"), text[match.end() :].strip(" ?")
    if not _OPENING.match(second):
        return None
    if len(second.split()) < LEAST_WORDS or len(first.split()) < LEAST_WORDS:
        return None
    subject = _OPENING.sub("", first).strip()
    return first, f"{second} {subject}"


def joined(first: Answer, second: Answer) -> Answer:
    """One answer to both parts: the first part's, with the second's headline when it adds
    something; a part that found nothing is left out, unless neither found anything."""
    if not second.found:
        return first
    if not first.found:
        return second
    said = "\n".join([first.headline, *(line for b in first.blocks for line in b.lines)])
    if second.headline in said:
        return first
    sources = first.sources + [s for s in second.sources if s not in first.sources]
    return Answer(
        question=first.question,
        intent=first.intent,
        found=True,
        headline=first.headline,
        blocks=[Block(None, [second.headline]), *first.blocks],
        sources=sources,
        choices=first.choices,
        documents=first.documents,
        kallelser=first.kallelser,
    )
