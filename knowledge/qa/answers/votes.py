"""Who voted how: a roll-call vote lists the names under "Ja:", "Nej:" and "Avstår:". Asked
"vem avstod …", "vilka röstade nej till …", the item asked about answers with its list."""

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
    r"\b(?:vem|vilka)\b.*?\b(?:(?P<abstained>avstod|avstog|avstar|avstatt|lade ner sin rost)"
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
    side = next(name for name, value in asked.groupdict().items() if value)
    subject = relation_subject(corpus, query, _VOTE_WORD)
    scope = resolve_meetings(corpus, query, today)
    if not subject or scope == []:
        return None
    pattern = re.compile(_LIST_AFTER.format(label=_SIDES[side]))
    for hit in search(corpus, subject, kinds=("item",), document_ids=scope, limit=8):
        if hit.matched < needed(len(subject)):
            continue
        text = corpus_queries.item_text(corpus.db, hit.document_id, hit.item_number or "")
        listed = pattern.search(text or "")
        if listed:
            names = [n.strip() for n in " ".join(listed.group("names").split()).split(",")]
            named = enumerated(names)
            source = hit_source(corpus.db, hit)
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=f"{named.rstrip('.')} {_VERB[side]} ({cite(source)}).",
                sources=[source],
            )
    return None
