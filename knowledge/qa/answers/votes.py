"""Who voted how: a roll-call vote lists the names under "Ja:", "Nej:" and "Avstår:", and its
result in a sentence ("Med 8 ja-röster mot 6 nej-röster, 1 ledamot avstår"). Asked "vem
avstod …", "vilka röstade nej till …", the item asked about answers with its list; asked "hur
många röstade nej", with its count."""

from __future__ import annotations

import re
from datetime import date

from knowledge.language.text import enumerated
from knowledge.qa.answers.shared import needed, relation_subject, resolve_meetings
from knowledge.qa.citations import cite, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.types import Answer, Query
from knowledge.storage import corpus_queries

# The side a question asks for, from its folded text; "avstod" abstained.
_ASKS = re.compile(
    r"\b(?P<how_many>hur manga\b)?(?:vem|vilka|(?<=hur manga))\b.*?"
    r"\b(?:(?P<abstained>avstod|avstog|avstar|avstatt|lade ner sin rost)"
    r"|rostade (?:(?P<no>nej|emot|mot)|(?P<yes>ja|for)))\b"
)
_VOTE_WORD = re.compile(r"^(avst\w*|rost\w*|nej|ja|emot|mot|lade|ner|sin)$")
_SIDES = {"abstained": "Avstår", "no": "Nej", "yes": "Ja"}
_VERB = {"abstained": "avstod från att rösta", "no": "röstade nej", "yes": "röstade ja"}
# The names after a side's label, up to the next label or the end of the paragraph.
_LIST_AFTER = r"\b{label}\s*:\s*(?P<names>[^:\n]+?)(?=\s*\b(?:Ja|Nej|Avstår|Frånvarande)\s*:|\n|$)"


def asks_vote(query: Query) -> bool:
    """Whether the question asks who voted a certain way."""
    return bool(_ASKS.search(query.folded))


def answer_vote(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """The names a roll call gives for the side asked, in the item the question names; None
    when no item of its subject records a roll call."""
    asked = _ASKS.search(query.folded)
    assert asked is not None
    side = next(name for name, value in asked.groupdict().items() if value and name != "how_many")
    counted = bool(asked.group("how_many"))
    subject = relation_subject(corpus, query, _VOTE_WORD)
    scope = resolve_meetings(corpus, query, today)
    if not subject or scope == []:
        return None
    pattern = re.compile(_LIST_AFTER.format(label=_SIDES[side]))
    for hit in search(corpus, subject, kinds=("item",), document_ids=scope, limit=8):
        if hit.matched < needed(len(subject)):
            continue
        text = corpus_queries.item_text(corpus.db, hit.document_id, hit.item_number or "") or ""
        listed = _listed(pattern, text)
        if not counted:
            told = _told_names(listed, side) if listed else None
        elif _count(text, side) is not None:
            told = _told_count(text, side)
        elif listed:
            # the item asked about lists the names: count them, not another item's figures
            told = f"{len(listed)} {_VERB[side]} " + "({source})."
        elif _COUNTED[side].search(text) is not None:
            return None  # two votes in the item asked about: which one is not known
        else:
            told = None
        if told is not None:
            source = hit_source(corpus.db, hit)
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=told.replace("{source}", cite(source)),
                sources=[source],
            )
    return None


def _listed(pattern: re.Pattern[str], text: str) -> list[str]:
    """The names a roll call lists after a side's label, or none."""
    found = pattern.search(text)
    if found is None:
        return []
    return [n.strip() for n in " ".join(found.group("names").split()).split(",") if n.strip()]


def _told_names(names: list[str], side: str) -> str:
    """ "Roland Kjellin (SD) och Marita Öst (SD) röstade nej ({source})." from the list."""
    return f"{enumerated(names).rstrip('.')} {_VERB[side]} " + "({source})."


def _told_count(text: str, side: str) -> str | None:
    """ "6 röstade nej (8 ja, 6 nej, 1 avstår; {source})." from the result."""
    counts = {other: _count(text, other) for other in ("yes", "no", "abstained")}
    if counts[side] is None:
        return None
    whole = ", ".join(f"{n} {_SIDES[o].lower()}" for o, n in counts.items() if n is not None)
    return f"{counts[side]} {_VERB[side]} ({whole}; " + "{source})."


# A vote's result as minutes state it: "Med 8 ja-röster mot 6 nej-röster, 1 ledamot avstår",
# "Omröstningsresultat: 8 ja, 6 nej och 1 avstår", "Ja 8 / Nej 2 / Avstår 1".
_COUNTED = {
    "yes": re.compile(r"\b(\d{1,3})\s+ja(?:-röster|röster)?\b|\bJa\s*:?\s+(\d{1,3})\b", re.I),
    "no": re.compile(r"\b(\d{1,3})\s+nej(?:-röster|röster)?\b|\bNej\s*:?\s+(\d{1,3})\b", re.I),
    "abstained": re.compile(
        r"\b(\d{1,3})\s+(?:ledamöter\s+|ledamot\s+)?avst(?:år|od)\b|\bAvstår\s*:?\s+(\d{1,3})\b",
        re.I,
    ),
}


def _count(text: str, side: str) -> int | None:
    """How many voted on ``side``, as the item's text states it; None when it states none, or
    several votes with other figures (a vote on återremiss, then one on the matter)."""
    counts = {
        int(next(group for group in m.groups() if group)) for m in _COUNTED[side].finditer(text)
    }
    return counts.pop() if len(counts) == 1 else None
