"""Subjects members follow: "/bevaka barnfattigdom", "meddela mig när placerade barn tas upp".

A subject is read as a question's topic is (``understand``: its content words), and a new
document mentions it when the search of questions finds its words there: Swedish stems,
compounds ("fattigdom" finds "barnfattigdom"), misspellings corrected against the corpus. Each
follower is told once per document (a corrected version of a protocol is the same document),
never the one who uploaded it, and not when they have turned notices about new documents off.
The notice is a template and parameters through the outbox, like every notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.text import normalize
from knowledge.qa.answers.shared import needed, topic_terms
from knowledge.qa.citations import hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.types import TOPIC, Hit, Source, Term
from knowledge.qa.understand import understand
from knowledge.storage import corpus as corpus_table
from knowledge.storage import topics as table
from knowledge.storage.database import transaction
from knowledge.storage.topics import Followed

MAX_TOPIC = 100  # characters: a subject, not a paragraph
MAX_FOLLOWED = 20  # per person
EXCERPT = 300


class FollowError(UserError):
    """A subject that cannot be followed; ``message`` says why, in Swedish."""


@dataclass(frozen=True)
class Mention:
    """Where a document mentions a subject: the passage's source and a sentence from it."""

    source: Source
    excerpt: str


def follow(db: sqlite_utils.Database, person_id: int, topic: str) -> tuple[Followed, bool]:
    """Follow ``topic``; the subject and whether it is new (False: followed already)."""
    topic = " ".join(topic.split()).strip(" .,!?:;”\"'")
    if len(topic) > MAX_TOPIC:
        raise FollowError(f"Skriv ämnet kortare, högst {MAX_TOPIC} tecken.")
    if not words(Corpus(db), topic):
        raise FollowError("Skriv vad du vill bevaka, till exempel /bevaka barnfattigdom.")
    with transaction(db):
        if len(table.of_person(db, person_id)) >= MAX_FOLLOWED:
            raise FollowError(
                f"Du bevakar redan {MAX_FOLLOWED} ämnen. Sluta bevaka något först (/bevaka)."
            )
        topic_id, new = table.follow(db, person_id, topic, normalize(topic), clock.stamp())
    return Followed(topic_id, person_id, topic), new


def followed(db: sqlite_utils.Database, person_id: int) -> list[Followed]:
    """The person's subjects."""
    return table.of_person(db, person_id)


def stop(db: sqlite_utils.Database, person_id: int, topic_id: int) -> Followed | None:
    """Stop following one of the person's own subjects; None when it is not theirs (any more)."""
    return table.stop(db, topic_id, person_id)


def stop_named(db: sqlite_utils.Database, person_id: int, topic: str) -> Followed | None:
    """Stop following the person's subject written so (any case, with or without å/ä/ö)."""
    folded = normalize(" ".join(topic.split()).strip(" .,!?:;"))
    match = next((f for f in table.of_person(db, person_id) if normalize(f.topic) == folded), None)
    return table.stop(db, match.id, person_id) if match else None


def words(corpus: Corpus, topic: str) -> list[str]:
    """The subject's content words, as a question's topic is read."""
    return understand(corpus, topic, today=clock.today(), intent=TOPIC).topic_words


def _terms(corpus: Corpus, topic: str) -> list[Term]:
    """The subject's words as search terms (none that the corpus knows: empty)."""
    found = topic_terms(corpus, understand(corpus, topic, today=clock.today(), intent=TOPIC))
    return found[1] if found else []


def mentions(corpus: Corpus, topic: str, document_ids: list[int] | None = None) -> list[Hit]:
    """The passages (of ``document_ids``, or of every document) that mention the subject:
    as many of its words as a question's answer must hold."""
    terms = _terms(corpus, topic)
    if not terms:
        return []
    hits = search(corpus, terms, document_ids=document_ids, limit=20)
    return [hit for hit in hits if hit.matched >= needed(len(terms))]


def mention_in(corpus: Corpus, topic: str, document_id: int) -> Mention | None:
    """Where the document mentions the subject, or None."""
    hits = mentions(corpus, topic, [document_id])
    if not hits:
        return None
    return Mention(hit_source(corpus.db, hits[0]), _excerpt(corpus, _terms(corpus, topic), hits[0]))


def _excerpt(corpus: Corpus, terms: list[Term], hit: Hit) -> str:
    """The sentence of the passage that holds most words of the subject (the first of those)."""
    best, held = hit.text, 0
    for sentence in corpus.sentences.of(hit.text):
        stems = corpus.sentences.stems(sentence)
        count = sum(1 for term in terms if not term.all_stems.isdisjoint(stems))
        if count > held:
            best, held = sentence, count
    return _cut(best)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rsplit(" ", 1)[0] + " …"


def notice_followers(db: sqlite_utils.Database, document_id: int, exclude: int | None) -> int:
    """Tell every follower of a subject that a new document (``document_id``, just stored)
    mentions it; the chat ``exclude`` (the uploader) is not told. HOOK for the kallelse (issue
    12, part A): call it after storing a kallelse as a document, as the protocol upload does.
    How many notices were queued."""
    identity = corpus_table.identity_of(db, document_id)
    if identity is None:
        return 0
    corpus = Corpus(db)
    found: dict[str, Mention | None] = {}
    queued = 0
    with transaction(db):
        for subject in table.with_chats(db):
            if not subject.notify or subject.chat_id is None or subject.chat_id == exclude:
                continue
            key = normalize(subject.topic)
            if key not in found:
                found[key] = mention_in(corpus, subject.topic, document_id)
            mention = found[key]
            if mention is None:
                continue
            queued += outbox.add(
                db,
                f"topic:{identity}:{subject.person_id}:{key}",
                subject.chat_id,
                template="followed_topic",
                params=_params(subject.topic, mention),
                actions=[
                    outbox.Action("Skicka dokumentet", "send_document", (document_id,)),
                    outbox.Action(f"Sluta bevaka {subject.topic}", "topic_stop", (subject.id,)),
                ],
                subject=outbox.about("document", document_id),
            )
    return queued


def _params(topic: str, mention: Mention) -> dict[str, object]:
    source = mention.source
    return {
        "topic": topic,
        "council": source.council,
        "date": source.date.isoformat() if isinstance(source.date, date) else None,
        "item": source.item,
        "item_title": source.title,
        "document": source.document,
        "report": source.council == source.document,
        "excerpt": mention.excerpt,
    }
