"""What the protocols said before about an agenda item's subject: the background an ersättare
gets with her handover (``knowledge.council.handover``), found by the question search.

The item's title, less question words and numbers, is the query; the passages (items and
decisions) of protocols before the meeting that hold enough of its words are the mentions,
the best one per protocol, the latest protocols first.
"""

from __future__ import annotations

from datetime import date

from knowledge.council.handover import Mention
from knowledge.language.text import split_sentences
from knowledge.qa.answers.shared import needed, title_terms
from knowledge.qa.citations import hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand, search
from knowledge.qa.types import Hit
from knowledge.storage.kallelser import AgendaItem

MAX_TEXT = 200  # characters of a mention: a sentence or two


def prior_mentions(
    corpus: Corpus, council: str, item: AgendaItem, before: date, limit: int = 2
) -> list[Mention]:
    """The latest ``limit`` protocols before ``before`` that speak of the item's subject, the
    best passage of each (a decision first). ``council`` is not a filter: the chefsgrupp's
    and the other council's protocols prepare the same subjects."""
    terms = [term for term in (expand(corpus, w) for w in title_terms(item.title)) if term.known]
    if not terms:
        return []
    hits = search(corpus, terms, kinds=("item", "decision"), document_kind="protocol", limit=60)
    enough = needed(len(terms))
    # A passage must hold one of the title's rarer words: "resultat och förslag" is no subject.
    rare = sorted(terms, key=corpus.frequency)[: max(1, len(terms) // 2)]
    chosen: dict[int, tuple[tuple[date, int, bool, float], Hit]] = {}
    for hit in hits:
        if hit.date is None or hit.date >= before or hit.matched < enough:
            continue
        if all(term.all_stems.isdisjoint(hit.stems) for term in rare):
            continue
        key = (hit.date, hit.matched, hit.kind == "decision", -hit.rank)
        if hit.document_id not in chosen or key > chosen[hit.document_id][0]:
            chosen[hit.document_id] = (key, hit)
    latest = sorted(chosen.values(), key=lambda pair: pair[0][0], reverse=True)[:limit]
    mentions = []
    for _, hit in latest:
        source = hit_source(corpus.db, hit)
        mentions.append(
            Mention(
                council=source.council,
                date=hit.date.isoformat() if hit.date else None,
                item=source.item,
                title=source.title,
                text=_short(hit.text),
            )
        )
    return mentions


def _short(text: str) -> str:
    """The first sentences of a passage, up to ``MAX_TEXT`` characters."""
    out = ""
    for sentence in split_sentences(" ".join(text.split())):
        if out and len(out) + len(sentence) > MAX_TEXT:
            break
        out = f"{out} {sentence}".strip()
    return out if len(out) <= MAX_TEXT else out[: MAX_TEXT - 1].rsplit(" ", 1)[0] + " …"
