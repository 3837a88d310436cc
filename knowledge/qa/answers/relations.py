"""Relations the protocols state: who stood in for whom, and who presented an item asked for
by its subject ("vem föredrog om TNE"). Asked in these words, these questions are answered from
the attendance notes and the items' presenters before any sentence is read."""

from __future__ import annotations

import re
from datetime import date

from knowledge.language.dates import format_date
from knowledge.language.text import normalize, stem
from knowledge.qa.answers.shared import (
    needed,
    not_found,
    relation_subject,
    resolve_meetings,
    title_terms,
)
from knowledge.qa.citations import cite, document_source, hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import expand, search
from knowledge.qa.types import Answer, Query
from knowledge.storage import corpus_bodies, corpus_queries

_SUBSTITUTE_WORDS = (
    r"\b(?:ersatte|ersätter|ersattes|ersättare (?:för|till)|ersattare (?:for|till)|vikarierade för|"
    r"hoppade in för|i stället för|istället för|istälet för|i stallet for|istallet for|"
    # a successor: "vem efterträder X", "vem tar över som ordförande i KPR efter X"
    r"efterträd(?:de|er|a)|efterträdare (?:till|för)|"
    r"(?:tar|tog|tagit) över(?: [^?.,]{0,60}?)? efter)\s+"
)
_SUBSTITUTE_FOR = re.compile(_SUBSTITUTE_WORDS + r"([A-ZÅÄÖ][\wåäöé]+(?:[ -][A-ZÅÄÖ][\wåäöé]+)+)")
# Typed in lower case, a name is its first two words: "vem ersatte arne lilja på rådet".
_SUBSTITUTE_FOR_LOWER = re.compile(
    _SUBSTITUTE_WORDS + r"([a-zåäöé]{2,}(?:-[a-zåäöé]+)? [a-zåäöé]{2,}(?:-[a-zåäöé]+)?)\b"
)
_NAME = r"[A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+)+"
# "vem var med för Lekeberg när Roger Kvist hade förhinder": whoever came in the absent's place
_WHILE_ABSENT = re.compile(
    r"\b(?:vem|vilka) (?:som )?(?:var med|deltog|kom|satt med|tjänstgjorde|tjanstgjorde)\b.*?"
    r"\b(?:när|nar|då|da) ([A-ZÅÄÖa-zåäö][\wåäöé-]+ [A-ZÅÄÖa-zåäö][\wåäöé-]+) "
    r"(?:hade (?:förhinder|forhinder)|var (?:frånvarande|franvarande|borta|sjuk)|inte kunde)",
    re.IGNORECASE,
)
_PRESENTING = re.compile(
    r"\b(?:vem|vilka) (?:som )?(?:foredr\w*|present\w*|informerade|drog|redogjorde|berattade|"
    r"rapporterade|holl i|snackade|pratade|hade punkten|hade)\b|\b(?:foredrogs|presenterades) "
    r"av vem\b|\bforedragande\b"
)
_PRESENTING_WORD = re.compile(
    r"^(foredr\w*|present\w*|informerade|drog|redogjorde|berattade|rapporterade|snackade|"
    r"pratade|punkten|temat|hade)$"
)


_LEADS = re.compile(
    r"\bvem (?:ar det |var det )?(?:som )?(?:leder|ledde|ska leda|kommer att leda|leds|ansvarar"
    r"|ansvarade|har ansvar"
    r"|ska ansvara|ar ansvarig|var ansvarig|ar projektledare|samordnar|haller i"
    r"|(?:ar|var|blir) sammankallande)\b"
)
_LEADS_WORD = re.compile(
    r"^(leder|ledde|leda|leds|ansvar\w*|projektledare|samordnar|sammankallande|haller)$"
)


def relation_question(query: Query) -> str | None:
    """Which relation the question asks for: "substitute", "presenter", "leads" or None."""
    if _substituted_name(query.text):
        return "substitute"
    if _LEADS.search(query.folded):
        return "leads"
    if _PRESENTING.search(query.folded):
        return "presenter"
    return None


def answer_substitute(corpus: Corpus, query: Query, today: date) -> Answer:
    """Who stood in for the person named, from the attendance lists' notes."""
    name = _substituted_name(query.text)
    assert name is not None
    rows = corpus_queries.substituted_for(corpus.db, name)
    if not rows:
        return (
            _replaced_by_relation(corpus, query, name)
            or _replaced_in_text(corpus, query, name)
            or not_found(query, f"Jag hittar ingen som ersatte {name} i protokollen.")
        )
    first = rows[0]
    where = f" ({first.organisation})" if first.organisation else ""
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=(
            f"{first.name}{where} ersatte {name} vid mötet "
            f"{format_date(first.date, weekday=False) if first.date else ''}."
        ).replace(" .", "."),
        sources=[document_source(corpus.db, r.document_id) for r in rows[:3]],
    )


def _substituted_name(text: str) -> str | None:
    """The person the question asks a substitute for, as a name is written."""
    match = _SUBSTITUTE_FOR.search(text)
    if match:
        return match.group(1)
    lower = _SUBSTITUTE_FOR_LOWER.search(text)
    if lower and lower.group(1).split()[0] not in _NOT_A_NAME:
        return " ".join(part.title() for part in lower.group(1).split())
    absent = _WHILE_ABSENT.search(text)
    if absent and absent.group(1).split()[0].lower() not in _NOT_A_NAME:
        return " ".join(part[:1].upper() + part[1:] for part in absent.group(1).split())
    return None


# Words that follow "i stället för" without being a name: "i stället för mötet i maj".
_NOT_A_NAME = {
    "mötet",
    "motet",
    "den",
    "det",
    "en",
    "ett",
    "ordföranden",
    "ordforanden",
    "honom",
    "henne",
}


def answer_presenter(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """Who presented the item the question names; None when no matching item lists anyone."""
    terms = relation_subject(corpus, query, _PRESENTING_WORD)
    if not terms:
        return None
    scope = resolve_meetings(corpus, query, today)
    if scope == []:
        return None  # "på mötet 19 nov 2021": no such meeting, no presenter of it
    hits = search(corpus, terms, kinds=("item",), document_ids=scope, limit=8)
    for hit in hits:
        if hit.matched < needed(len(terms)):
            continue
        items = corpus_queries.items_of(corpus.db, hit.document_id)
        presenters = next((i.presenters for i in items if i.number == hit.item_number), [])
        if presenters:
            source = hit_source(corpus.db, hit)
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=f"{' och '.join(presenters)} föredrog {cite(source)}.",
                sources=[source],
            )
    return None


def _replaced_by_relation(corpus: Corpus, query: Query, name: str) -> Answer | None:
    """ "Gunnel Ringström, …, ersättare för Arne Lilja": the substitutions read at ingest from
    attendance lists written in any template."""
    stood_in = [
        r
        for r in corpus_bodies.relations_mentioning(corpus.db, name)
        if r.kind == "replaces" and r.object == name
    ]
    if not stood_in:
        return None
    first = stood_in[0]
    when = f" vid mötet {format_date(first.date, weekday=False)}" if first.date else ""
    # Told in running text, the protocol's own sentence says it best (and says as what).
    told = first.sentence.strip().endswith(".")
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=first.sentence.strip() if told else f"{first.subject} ersatte {name}{when}.",
        sources=[
            document_source(corpus.db, r.document_id, r.item_number, r.item_title)
            for r in stood_in[:3]
        ],
    )


def _replaced_in_text(corpus: Corpus, query: Query, name: str) -> Answer | None:
    """ "Maria Engdahl har ersatt Malin Bäcklund som representant i …", in running text."""
    terms = [expand(corpus, part) for part in name.split()]
    pattern = re.compile(
        rf"([A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+)+) har ersatt {re.escape(name)}[^.]*\."
    )
    for hit in search(corpus, terms, limit=8):
        match = pattern.search(hit.text)
        if match:
            return Answer(
                question=query.text,
                intent=query.intent,
                found=True,
                headline=match.group(0),
                sources=[hit_source(corpus.db, hit)],
            )
    return None


def led_subject(query: Query) -> list[str]:
    """The words of what the question asks who leads ("vem leder SKoP": SKoP)."""
    return [w for w in query.topic_words if not _LEADS_WORD.match(normalize(w))]


def answer_leads(corpus: Corpus, query: Query, today: date) -> Answer | None:
    """Who leads or answers for what the question names ("… leds av X", "X ansvarar för …");
    None when no such relation is stated about it."""
    words = led_subject(query)
    named = corpus_bodies.body(corpus.db, query.body) if query.body else None
    if not words and named is not None:
        words = title_terms(named.name)  # "vem leder styrgruppen för E-arkiv Bergslagen"
    if not words:
        return None
    wanted = [(w, stem(normalize(w))[:6]) for w in words]
    scope = resolve_meetings(corpus, query, today)
    if scope == []:
        return None  # the body or meeting named has no such document
    documents = set(scope or [])
    best: tuple[int, corpus_bodies.Relation] | None = None
    for kind in ("leads", "responsible"):
        for relation in corpus_bodies.relations(corpus.db, kind=kind):
            if documents and relation.document_id not in documents:
                continue
            # the item's title names the matter the sentence speaks of ("Remiss:
            # Tillgänglighetsplan 2025–2028" for "sammanställer rådets yttrande")
            title = corpus_queries.item_title(corpus.db, relation.document_id, relation.item_number)
            text = normalize(f"{relation.object} {relation.sentence} {title or ''}")
            held = sum(1 for _, root in wanted if root and re.search(rf"\b{re.escape(root)}", text))
            if held * 2 >= len(wanted) + 1 and (best is None or held > best[0]):
                best = (held, relation)
    if best is None:
        return None
    relation = best[1]
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=relation.sentence,
        sources=[document_source(corpus.db, relation.document_id, relation.item_number)],
    )
