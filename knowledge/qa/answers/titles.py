"""Who holds a title: "vem är förbundschef i Samordningsförbundet Sydnärke?" is read from the
attendance lists, where officials stand with their titles ("Jessica Ljung, förbundschef").

A list tells who held the title on the day of its meeting, so the answer says which meeting;
of several people with the title (each municipality has a socialchef) it names each, with
where and when.
"""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz

from knowledge.language.dates import format_date
from knowledge.language.text import normalize
from knowledge.qa.answers.shared import resolve_meetings
from knowledge.qa.citations import cite, dedupe, document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.reading import ROLE_ASKED
from knowledge.qa.types import PERSON, Answer, Block, Query
from knowledge.storage import corpus_queries

SHOWN = 5  # people with the same title named in one answer
# Seats of a council or a meeting are answered from the roster and the protocol's head.
_SEATS = {"ordforande", "sekreterare", "ledamot", "ersattare", "justerare", "representant"}
SAME_TITLE = 88  # rapidfuzz ratio: "förbundchef" is "förbundschef"


def asked_title(corpus: Corpus, query: Query) -> str | None:
    """The title, as the lists write it, that the question asks the holder of."""
    asked = ROLE_ASKED.match(query.folded)
    if asked is None or asked.group(1) in _SEATS or len(asked.group(1)) < 5:
        return None
    word = asked.group(1)
    # "vem är projektledare för InnoMera": the leader of a subject, not whoever has the title
    town = normalize(query.municipality or "")
    if any(normalize(w) not in (word, town) for w in query.topic_words):
        return None
    known = corpus.derived("titles", corpus_queries.titles)
    best = max(((fuzz.ratio(word, normalize(t)), t) for t in known), default=None)
    return best[1] if best and best[0] >= SAME_TITLE else None


def answer_title(corpus: Corpus, query: Query, today: date, title: str) -> Answer | None:
    """Who the lists name with ``title``, in the body or meetings the question names; None
    when no list there does (the text may still tell it)."""
    documents = resolve_meetings(corpus, query, today)
    rows = [
        r
        for r in corpus_queries.titled(corpus.db, title)
        if (documents is None or r.document_id in documents)
        and (r.date is None or r.date <= today)
        and (not query.municipality or _of_town(r.organisation, query.municipality))
    ]
    latest: dict[str, corpus_queries.Attendance] = {}
    for row in rows:  # latest first: each person's latest list
        latest.setdefault(row.name, row)
    if not latest:
        return None
    people = list(latest.values())[:SHOWN]
    sources = [document_source(corpus.db, r.document_id) for r in people]
    first = people[0]
    when = f" vid mötet {format_date(first.date, weekday=False)}" if first.date else ""
    if len(people) == 1:
        headline = f"{first.name} står som {title} i närvarolistan{when}."
        return Answer(query.text, PERSON, True, headline, [], dedupe(sources))
    lines = [
        f"- {_with_town(r.name, r.organisation)}: {cite(source)}"
        for r, source in zip(people, sources, strict=True)
    ]
    more = f" (de {SHOWN} senaste)" if len(latest) > SHOWN else ""
    headline = f"Som {title} står {len(latest)} personer i närvarolistorna{more}."
    return Answer(query.text, PERSON, True, headline, [Block("Senast", lines)], dedupe(sources))


def _of_town(organisation: str | None, town: str) -> bool:
    return bool(organisation) and normalize(town) in normalize(organisation or "")


def _with_town(name: str, organisation: str | None) -> str:
    return f"{name} ({organisation})" if organisation else name
