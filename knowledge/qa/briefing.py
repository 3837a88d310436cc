"""What the protocols said before about an agenda item's subject: the background an ersättare
gets with her handover (``knowledge.council.handover``), found by the question search.

The item's title, less question words and numbers, is the query; the passages (items and
decisions) of protocols before the meeting whose title or one sentence holds enough of its
words, a rare one among them, are the mentions, the best one per protocol, the latest
protocols first; each is told by its sentence that holds most of the words.
"""

from __future__ import annotations

from datetime import date

from knowledge.council.handover import Mention
from knowledge.qa.answers.shared import needed, title_terms
from knowledge.qa.citations import hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand, search
from knowledge.qa.sentences import best_sentence, holds
from knowledge.qa.types import Hit, Term
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
    chosen: dict[int, tuple[tuple[date, int, bool, float], Hit, str]] = {}
    for hit in hits:
        if hit.date is None or hit.date >= before or hit.matched < enough:
            continue
        sentence = _about(corpus, hit, terms, rare, enough)
        if sentence is None:
            continue
        key = (hit.date, hit.matched, hit.kind == "decision", -hit.rank)
        if hit.document_id not in chosen or key > chosen[hit.document_id][0]:
            chosen[hit.document_id] = (key, hit, sentence)
    latest = sorted(chosen.values(), key=lambda found: found[0][0], reverse=True)[:limit]
    mentions = []
    for _, hit, sentence in latest:
        source = hit_source(corpus.db, hit)
        mentions.append(
            Mention(
                council=source.council,
                date=hit.date.isoformat() if hit.date else None,
                item=source.item,
                title=source.title,
                text=_short(sentence),
            )
        )
    return mentions


def _about(
    corpus: Corpus, hit: Hit, terms: list[Term], rare: list[Term], enough: int
) -> str | None:
    """What the passage says of the item's subject: its sentence that holds enough of the
    title's words, a rare one among them; else, when the passage's own title holds them, its
    opening; else None (words spread over a long passage are no mention: rather nothing than
    something beside the point)."""

    def speaks(text: str) -> bool:
        stems = corpus.sentences.stems(text)
        held = [term for term in terms if holds(term, text, stems)]
        return len(held) >= enough and any(term in held for term in rare)

    sentence, _ = best_sentence(corpus.sentences, terms, hit.text)
    if speaks(sentence):
        return sentence
    if speaks(hit.title):
        return next(iter(corpus.sentences.of(hit.text)), hit.text)
    return None


def _short(text: str) -> str:
    """The sentence, up to ``MAX_TEXT`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rsplit(" ", 1)[0] + " …"
