"""Two questions in one ("Hur länge pågår projektet och när startade det?"): each part is
answered on its own, the second with the first one's subject, and the answers are joined."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand
from knowledge.qa.types import Answer, Block, Query

_ASKING = r"(?:hur|när|nar|vem|vilka|vilken|vilket|vad|varför|varfor)"
_QUESTION_WORD = rf"(?:{_ASKING}|var)"
# "… och i hur många …", "… och från när …": a question word after its preposition
_PREPOSITION = r"(?:i|på|pa|för|for|från|fran|till|med|av|om)"
# "… och när …", "…, o hur många …": a second question word after a conjunction ("… och var
# det enhälligt" asks nothing of its own)
_SECOND = re.compile(
    rf"(?:\s*,\s*|\s+)(?:och|o|samt)\s+(?=(?:{_PREPOSITION}\s+)?{_ASKING}\b"
    rf"|var\b(?!\s+(?:det|den|de|han|hon)\b))",
    re.IGNORECASE,
)
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
    """The two questions of ``text`` when it asks two ("Hur länge pågår projektet och när
    startade det?"); otherwise None. The second part's subject is added by the caller."""
    if not _OPENING.match(text):
        return None  # "jag kan inte komma och vem …": a request, not two questions
    match = _SECOND.search(text) or _AFTER_QUESTION.search(text)
    if match is None:
        return None
    first, second = text[: match.start()].strip(" ?"), text[match.end() :].strip(" ?")
    if not _OPENING.match(re.sub(rf"^{_PREPOSITION}\s+", "", second, flags=re.IGNORECASE)):
        return None
    if len(second.split()) < LEAST_WORDS or len(first.split()) < LEAST_WORDS:
        return None
    return first, second


def joined(first: Answer, second: Answer) -> Answer:
    """One answer to both parts: the first part's (or the one that found something), the
    other's headline under it, or what it did not find."""
    if not first.found and second.found:
        first, second = second, first
    if not second.found and not first.found:
        return first
    said = "\n".join([first.headline, *(line for b in first.blocks for line in b.lines)])
    if second.found and second.headline in said:
        return first
    sources = first.sources + [s for s in second.sources if s not in first.sources]
    return Answer(
        question=first.question,
        intent=first.intent,
        found=True,
        headline=first.headline,
        blocks=[
            Block(None, [second.headline]),
            *first.blocks,
            *(second.blocks if second.found else []),
        ],
        sources=sources,
        choices=first.choices,
        documents=first.documents,
        kallelser=first.kallelser,
    )


def with_context(part: Query, whole: Query) -> Query:
    """A part of a question with what the whole question names and the part does not: "Vem var
    ordförande och vem var sekreterare på mötet 6 maj 2022?" asks both of that meeting."""
    if not part.has_meeting_ref and whole.has_meeting_ref:
        part = replace(
            part,
            meeting_date=whole.meeting_date,
            month=whole.month,
            year=whole.year,
            year_given=whole.year_given,
            relative=whole.relative,
        )
    if not (part.body or part.council) and (whole.body or whole.council):
        part = replace(part, body=whole.body, council=whole.council)
    if not part.municipality and whole.municipality:
        part = replace(part, municipality=whole.municipality)
    return part


def subject_of(corpus: Corpus, query: Query) -> str:
    """The words a second part borrows from the first: its subject, not its verbs."""
    return " ".join(w for w in query.topic_words if not expand(corpus, w).verb)
