"""Who holds a title: "vem är förbundschef i Samordningsförbundet Sydnärke?" is read from the
attendance lists, where officials stand with their titles ("Jessica Ljung, förbundschef").

A list tells who held the title on the day of its meeting, so the answer says which meeting;
of several people with the title (each municipality has a socialchef) it names each, with
where and when.
"""

from __future__ import annotations

import re
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
_SEATS = {
    "ordforande", "sekreterare", "ledamot", "ersattare", "justerare", "representant",
    "tjanstgorande ersattare", "tjansteperson",
}  # fmt: skip
SAME_TITLE = 88  # rapidfuzz ratio: "förbundchef" is "förbundschef"
LONGEST = 3  # words of a title asked ("1:e vice ordförande")
# Where the title asked ends: "vem var vice ordförande i nämnden", "... för projektet".
_ORDINAL = re.compile(r"^\d:e ")
_AFTER_TITLE = {"i", "for", "pa", "vid", "hos", "inom", "under", "nar", "den", "som", "at", "och"}


def asked_title(corpus: Corpus, query: Query) -> str | None:
    """The title or function, as the lists write it, that the question asks the holder of."""
    asked = ROLE_ASKED.match(query.folded)
    if asked is None or query.person:
        return None  # "vem är Ingmar Ångman": a person, whatever title they hold
    words: list[str] = []
    for word in query.folded[asked.start(1) :].split():
        if word in _AFTER_TITLE or word[:1].isdigit() and ":" not in word:
            break
        words.append(word.strip("?.,!"))
    phrases = [" ".join(words[:n]) for n in range(min(LONGEST, len(words)), 0, -1)]
    phrases = [p for p in phrases if p not in _SEATS]
    if not phrases:
        return None  # the seats are answered elsewhere: no need to gather every title
    listed = corpus.derived("titles", corpus_queries.titles)
    # "vice ordförande" is asked of the 1:e and the 2:e alike (``titled`` finds both)
    known = [
        t for t in {*listed, *(_ORDINAL.sub("", t) for t in listed)} if normalize(t) not in _SEATS
    ]
    for phrase in phrases:
        if len(phrase) < 5:  # "VD", "MAS": too short to be misspelt and still told apart
            exact = [t for t in known if normalize(t) == phrase]
            if exact:
                return exact[0]
            continue
        best = max(((fuzz.ratio(phrase, normalize(t)), t) for t in known), default=None)
        if best and best[0] >= SAME_TITLE:
            return best[1]
    return None


def _whose(query: Query, title: str) -> list[str]:
    """The question's words beyond the title and the town: whose lists it asks about ("vem
    var VD på Karlskogahem"), or the subject someone leads ("projektledare för InnoMera")."""
    said = normalize(title).split()
    town = normalize(query.municipality or "")
    return [
        normalize(word)
        for word in query.topic_words
        if normalize(word) != town
        and not any(fuzz.ratio(normalize(word), part) >= SAME_TITLE for part in said)
    ]


def answer_title(corpus: Corpus, query: Query, today: date, title: str) -> Answer | None:
    """Who the lists name with ``title``, in the body or meetings the question names; None
    when no list there does (the text may still tell it)."""
    documents = resolve_meetings(corpus, query, today)
    rows = [
        r
        for r in corpus_queries.titled(corpus.db, title)
        if (documents is None or r.document_id in documents) and (r.date is None or r.date <= today)
    ]
    whose = _whose(query, title)
    town = normalize(query.municipality or "")
    latest: dict[str, corpus_queries.Attendance] = {}
    for row in rows:  # latest first: each person's latest list
        if row.name in latest:
            continue
        # the town's people (by their organisation, else by the body's name: "Karlskogahem
        # AB"); the organisation's lists ("Sydnärke"); a subject the lists' bodies do not
        # name is one the text may tell of. The body's name is looked up only when needed:
        # a title may stand in thousands of lists.
        needs_body = bool(whose) or (bool(town) and not row.organisation)
        body = _body_name(corpus, row.document_id) if needs_body else ""
        named = normalize(f"{body} {row.organisation or ''}")
        home = normalize(row.organisation) if row.organisation else named
        if town in home and all(word in named for word in whose):
            latest[row.name] = row
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
        f"- {_with_town(r.name, r.organisation)}{_as_what(r, title)}: {cite(source)}"
        for r, source in zip(people, sources, strict=True)
    ]
    more = f" (de {SHOWN} senaste)" if len(latest) > SHOWN else ""
    headline = f"Som {title} står {len(latest)} personer i närvarolistorna{more}."
    return Answer(query.text, PERSON, True, headline, [Block("Senast", lines)], dedupe(sources))


def _body_name(corpus: Corpus, document_id: int) -> str:
    return document_source(corpus.db, document_id).council


def _as_what(row: corpus_queries.Attendance, title: str) -> str:
    """ " (1:e vice ordförande)" when the list says more than the title asked."""
    said = row.function if row.function and normalize(row.function) != normalize(title) else None
    said = said if said and normalize(title) in normalize(said) else None
    return f" ({said})" if said else ""


def _with_town(name: str, organisation: str | None) -> str:
    return f"{name} ({organisation})" if organisation else name
