"""First names in an answer ("Maria och Anna har genomfört intervjuer") made whole from the
people its protocol names: the item's presenters first, then the meeting's attendees."""

from __future__ import annotations

import re

from knowledge.language.dates import MONTHS
from knowledge.language.text import enumerated, normalize
from knowledge.qa.corpus import Corpus
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import Hit
from knowledge.storage import corpus_queries

# A capitalised word standing alone: not followed by another capitalised word (a surname),
# nor by "den" or a figure ("Per den 1 januari", "Per 2024").
_ALONE = re.compile(r"\b([A-ZÅÄÖ][a-zåäöé]{2,})\b(?!\s+[A-ZÅÄÖ])(?!\s+(?:den\b|\d))")


def with_full_names(corpus: Corpus, hit: Hit, sentence: str) -> str:
    """``sentence`` with the full names of the people it names by first name only, when the
    protocol names one person of that first name among the item's presenters or else among
    those present."""
    # "Maj och juni blir fullbokade": a word of the language before a first name
    alone = [
        m.group(1)
        for m in _ALONE.finditer(sentence)
        if m.group(1).lower() not in MONTHS and normalize(m.group(1)) not in STOPWORDS
    ]
    if not alone:
        return sentence
    items = corpus_queries.items_of(corpus.db, hit.document_id)
    presenters = [p for i in items if i.number == hit.item_number for p in i.presenters]
    present = [a.name for a in corpus_queries.attendees_of(corpus.db, hit.document_id)]
    whole: list[str] = []
    for first in dict.fromkeys(alone):
        for people in (presenters, present):
            named = {p for p in people if p.split()[0] == first and len(p.split()) > 1}
            if len(named) == 1:
                name = named.pop()
                if name not in sentence:
                    whole.append(name)
                break
    if not whole:
        return sentence
    listed = enumerated(whole)
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".!?" else (sentence, "")
    return f"{body} ({listed}){end}"
