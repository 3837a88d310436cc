"""Subjects members follow: "/bevaka barnfattigdom", "meddela mig när placerade barn tas upp".

A subject is read as a question's topic is (``understand``: its content words), and a new
document mentions it when the search of questions finds its words there: Swedish stems,
compounds ("fattigdom" finds "barnfattigdom"), misspellings corrected against the corpus. Each
follower is told once per document (a corrected version of a protocol is the same document),
never the one who uploaded it, and not when they have turned notices about new documents off.
The notice is a template and parameters through the outbox, like every notice.

A kallelse is no document of the corpus: when the secretary publishes one, its agenda items
(title, note, underlag) are matched against the subjects with the same terms, and each follower
is told once per meeting and subject, so a corrected kallelse tells only what it newly brings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import sqlite_utils

from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.text import normalize, stem
from knowledge.qa.answers.shared import needed, topic_terms
from knowledge.qa.citations import hit_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import search
from knowledge.qa.sentences import best_sentence
from knowledge.qa.types import TOPIC, Hit, Source, Term
from knowledge.qa.understand import understand
from knowledge.storage import corpus as corpus_table
from knowledge.storage import topics as table
from knowledge.storage.database import transaction
from knowledge.storage.kallelser import AgendaItem, Kallelse
from knowledge.storage.topics import Followed

T = TypeVar("T")
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
    if not topic:
        raise FollowError("Skriv vad du vill bevaka, till exempel /bevaka barnfattigdom.")
    if not words(Corpus(db), topic):
        # "chefsgruppen", "rapport", "protokoll": in every document, so no subject to follow.
        raise FollowError(
            f"”{topic}” är för allmänt att bevaka – skriv ett ämne, till exempel "
            "/bevaka barnfattigdom."
        )
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
    terms = _terms(corpus, topic)
    return Mention(
        hit_source(corpus.db, hits[0]),
        _cut(best_sentence(corpus.sentences, terms, hits[0].text)[0]),
    )


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rsplit(" ", 1)[0] + " …"


def _told(
    db: sqlite_utils.Database, exclude: int | None, find: Callable[[str], T | None]
) -> Iterator[tuple[Followed, int, str, T]]:
    """Each subject followed by someone who wants notices about new documents (not the chat
    ``exclude``, the uploader) that ``find`` finds: the subject, its chat, its folded form and
    what was found (looked for once per subject, however many follow it)."""
    found: dict[str, T | None] = {}
    for subject in table.with_chats(db):
        if not subject.notify or subject.chat_id is None or subject.chat_id == exclude:
            continue
        key = normalize(subject.topic)
        if key not in found:
            found[key] = find(subject.topic)
        mention = found[key]
        if mention is not None:
            yield subject, subject.chat_id, key, mention


def _stop(subject: Followed) -> outbox.Action:
    return outbox.Action(f"Sluta bevaka {subject.topic}", "topic_stop", (subject.id,))


def notice_followers(db: sqlite_utils.Database, document_id: int, exclude: int | None) -> int:
    """Tell every follower of a subject that a new document (``document_id``, just stored)
    mentions it; the chat ``exclude`` (the uploader) is not told. How many notices were
    queued."""
    identity = corpus_table.identity_of(db, document_id)
    if identity is None:
        return 0
    corpus = Corpus(db)
    queued = 0
    with transaction(db):
        for subject, chat, key, mention in _told(
            db, exclude, lambda topic: mention_in(corpus, topic, document_id)
        ):
            queued += outbox.add(
                db,
                f"topic:{identity}:{subject.person_id}:{key}",
                chat,
                template="followed_topic",
                params=_params(subject.topic, mention),
                actions=[
                    outbox.Action("Skicka dokumentet", "send_document", (document_id,)),
                    _stop(subject),
                ],
                subject=outbox.about("document", document_id),
            )
    return queued


def _kallelse_terms(corpus: Corpus, topic: str) -> list[Term]:
    """The subject's search terms; when no protocol holds its words, the words themselves (a
    kallelse may bring up what the protocols never did)."""
    return _terms(corpus, topic) or [Term(w, stems=[stem(w)]) for w in words(corpus, topic)]


def item_mentioning(
    corpus: Corpus, topic: str, items: Sequence[AgendaItem]
) -> tuple[AgendaItem, str | None] | None:
    """The first agenda item whose title, note or underlag holds as many of the subject's words
    as a question's answer must, and the sentence that says it when that is not the title."""
    terms = _kallelse_terms(corpus, topic)
    for item in items:
        text = "\n".join([item.title, item.note, *item.underlag])
        sentence, held = best_sentence(corpus.sentences, terms, text)
        if terms and held >= needed(len(terms)):
            return item, None if sentence == corpus.sentences.of(text)[0] else _cut(sentence)
    return None


def notice_kallelse_followers(db: sqlite_utils.Database, kallelse: Kallelse) -> int:
    """Tell every follower of a subject that the kallelse just published puts it on the
    agenda (not its uploader); once per meeting, follower and subject, so a corrected kallelse
    tells only subjects it newly mentions. A ``knowledge.council.kallelser.Followers``.
    How many notices were queued."""
    agenda = kallelse.agenda
    if agenda.council is None or agenda.meeting_date is None:
        return 0
    corpus = Corpus(db)
    meeting = f"{agenda.council}:{agenda.meeting_date.isoformat()}"
    queued = 0
    with transaction(db):
        for subject, chat, key, (item, excerpt) in _told(
            db, kallelse.uploaded_by, lambda topic: item_mentioning(corpus, topic, agenda.items)
        ):
            queued += outbox.add(
                db,
                f"topic:kallelse:{meeting}:{subject.person_id}:{key}",
                chat,
                template="followed_kallelse",
                params={
                    "topic": subject.topic,
                    "council": agenda.council,
                    "meeting_date": agenda.meeting_date.isoformat(),
                    "number": item.number,
                    "title": item.title,
                    "kind": item.kind,
                    "excerpt": excerpt,
                },
                actions=[
                    outbox.Action("Skicka kallelsen", "send_kallelse", (kallelse.id,)),
                    _stop(subject),
                ],
                subject=outbox.about("kallelse", kallelse.id),
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
