"""People: who someone is and where they appear, and who represents a municipality."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.bodies import COUNCIL_SHORT, ERSATTARE, LEDAMOT
from knowledge.council.roster import list_members
from knowledge.language.dates import format_date
from knowledge.language.text import normalize
from knowledge.qa.answers.shared import default_council, not_found
from knowledge.qa.answers.topic import answer_topic
from knowledge.qa.citations import council_label, dedupe, document_source
from knowledge.qa.corpus import Corpus
from knowledge.qa.reading import years
from knowledge.qa.types import PERSON, Answer, Block, Query, Source
from knowledge.storage import corpus_queries

SHOWN = 10  # meetings and items listed for a person


# Words that ask who someone is or whom an organisation sends (folded): the profile answers
# them. Anything else ("vilket parti", "MAS") is a question about the person's subject.
_SEAT_WORDS = set(
    """
    ersattare ersattaren ledamot ledamoter ledamoten representant representanter representerar
    foretrader foretradare sitter med ordforande sekreterare jobbar gor arbetar titel roll
    kommun kommunen kommuns region regionen regionens for i hon han hen dom
    social valfard vard omsorg folkhalsa folkhalsoradet radet radets samverkansradet specifika
    valfardsradet chefsgruppen chefsgrupp vilken vilket
    deltagit deltog deltar delta varit narvarande foredragit foredrog foredrar presenterat
    presenterade moten motena
    """.split()
)


def answer_person(corpus: Corpus, query: Query, today: date) -> Answer:
    """A named person, or the representatives of a municipality; a question about something
    else of theirs is a topic question that must name them."""
    if query.aspect in ("council_members", "council_secretary"):
        return _council_seats(corpus, query, today)
    other = [w for w in query.topic_words if normalize(w) not in _SEAT_WORDS and not w.isdigit()]
    if other and query.person:
        names = query.person.split()
        return answer_topic(corpus, replace(query, topic_words=[*other, *names]), today)
    if query.person:
        return _named_person(corpus, query.person, query)
    titles = [w for w in other if w[:1].isupper()]
    if query.municipality and not titles:
        return _representatives(corpus, query.municipality, query)
    if query.municipality:
        # "vem är MAS i Laxå": someone of the town's, not its seat in the council.
        return answer_topic(corpus, replace(query, topic_words=[*other, query.municipality]), today)
    name = " ".join(w for w in query.topic_words if w[:1].isupper()) or "den personen"
    return not_found(query, f"Jag hittar ingen {name} i protokollen.")


def _named_person(corpus: Corpus, name: str, query: Query) -> Answer:
    db = corpus.db
    rows = corpus_queries.attendances(db, name, limit=SHOWN + 1)
    attended = corpus_queries.attendance_count(db, name)
    presented = corpus_queries.presentations(db, name, limit=SHOWN + 1)
    chaired = corpus_queries.meetings_chaired(db, name)
    title = next((r.title for r in rows if r.title), None)
    organisation = next((r.organisation for r in rows if r.organisation), None)
    role = rows[0].role if rows else None
    description = ", ".join(x for x in (title or role, organisation) if x)
    headline = f"{name}: {description}." if description else f"{name} nämns i protokollen."
    blocks = []
    sources: list[Source] = []
    if rows:
        blocks.append(
            Block(
                "Närvarande vid",
                [
                    f"- {_day(r.date)}, {_councils(corpus, r.document_id)} ({r.role})"
                    for r in rows[:SHOWN]
                ]
                + ([f"… och {attended - SHOWN} möten till"] if attended > SHOWN else []),
            )
        )
        sources.extend(document_source(db, r.document_id) for r in rows[:3])
    if presented:
        blocks.append(
            Block(
                "Föredrog",
                [f"- § {p.item_number} {p.item_title} ({_day(p.date)})" for p in presented[:SHOWN]],
            )
        )
        sources.extend(
            document_source(db, p.document_id, p.item_number, p.item_title) for p in presented[:3]
        )
    if chaired:
        blocks.append(Block("Ordförande vid", [f"- {_day(d)}" for d in chaired]))
    return Answer(query.text, PERSON, True, headline, blocks, dedupe(sources))


def _representatives(corpus: Corpus, organisation: str, query: Query) -> Answer:
    db = corpus.db
    council = query.council or default_council(query)
    council_name = COUNCIL_SHORT.get(council, council)
    rows = corpus_queries.representatives(db, council, organisation, [LEDAMOT, ERSATTARE])
    latest_id = rows[0].document_id if rows else None
    latest = [r for r in rows if r.document_id == latest_id]
    members = [r.name for r in latest if r.role == LEDAMOT]
    substitutes = [r.name for r in latest if r.role == ERSATTARE]
    wants_members = not (query.substitutes and not query.represent)
    if (wants_members and not members) or (query.substitutes and not substitutes):
        # The protocol's lists leave the seat out: the roster the secretary keeps names it.
        return _from_roster(corpus, organisation, council, query, wants_members)
    parts = []
    if members and wants_members:
        parts.append(f"ledamot {' och '.join(members)}")
    if substitutes:
        parts.append(f"ersättare {' och '.join(substitutes)}")
    headline = (
        f"{organisation} i {council_name}: {'; '.join(parts)} "
        f"(enligt protokollet från {_day(latest[0].date)})."
    )
    earlier = sorted({(r.name, r.role) for r in rows if r.document_id != latest_id})
    blocks = (
        [Block("Tidigare i protokollen", [f"- {n} ({role})" for n, role in earlier])]
        if earlier
        else []
    )
    sources = [document_source(db, latest_id)] if latest_id is not None else []
    return Answer(query.text, PERSON, True, headline, blocks, sources)


def _councils(corpus: Corpus, document_id: int) -> str:
    return council_label(corpus_queries.councils_of(corpus.db, document_id))


def _day(value: date | None) -> str:
    """ "6 maj 2022" ("okänt datum" for a protocol without a date)."""
    return format_date(value, weekday=False) if value else "okänt datum"


def _from_roster(
    corpus: Corpus, organisation: str, council: str, query: Query, wants_members: bool
) -> Answer:
    """The seat as the roster has it, when no protocol lists it."""
    council_name = COUNCIL_SHORT.get(council, council)
    seats = list_members(corpus.db, council, organisation)
    members = [m.name for m in seats if m.role == LEDAMOT]
    substitutes = [m.name for m in sorted(seats, key=lambda m: m.rank) if m.role == ERSATTARE]
    parts = []
    if members and wants_members:
        parts.append(f"ledamot {' och '.join(members)}")
    if substitutes and (query.substitutes or query.represent):
        parts.append(f"ersättare {' och '.join(substitutes)}")
    if not parts:
        asked = "ledamot" if wants_members else "ersättare"
        return not_found(
            query,
            f"Varken protokollen eller rostern anger någon {asked} för {organisation} "
            f"i {council_name}.",
        )
    return Answer(
        question=query.text,
        intent=PERSON,
        found=True,
        headline=f"{organisation} i {council_name}: {'; '.join(parts)} (enligt rostern).",
    )


def _council_seats(corpus: Corpus, query: Query, today: date) -> Answer:
    """Who sits in the council (organisations, ledamöter, ersättare) or who its secretary is,
    from the roster the secretary keeps."""
    council = query.council or default_council(query)
    council_name = COUNCIL_SHORT.get(council, council)
    seats = list_members(corpus.db, council)
    if query.aspect == "council_secretary":
        secretaries = [m.name for m in seats if m.role == "sekreterare"]
        if not secretaries:
            return _secretary_of_latest(corpus, query, today, council, council_name)
        return Answer(
            question=query.text,
            intent=PERSON,
            found=True,
            headline=(
                f"Sekreterare för {council_name}: {' och '.join(secretaries)} (enligt rostern)."
            ),
        )
    members = [m for m in seats if m.role == LEDAMOT]
    if not members:
        return not_found(query, f"Rostern anger inga ledamöter för {council_name}.")
    substitutes = {m.organisation: m.name for m in seats if m.role == ERSATTARE and m.rank == 1}
    lines = [
        f"- {m.organisation}: {m.name}"
        + (f" (ersättare {substitutes[m.organisation]})" if m.organisation in substitutes else "")
        for m in members
    ]
    return Answer(
        question=query.text,
        intent=PERSON,
        found=True,
        headline=(
            f"{council_name} har {len(members)} ledamöter, en för varje organisation "
            "(enligt rostern):"
        ),
        blocks=[Block(None, lines)],
    )


def _secretary_of_latest(
    corpus: Corpus, query: Query, today: date, council: str, council_name: str
) -> Answer:
    """Without a secretary in the roster, who kept the council's latest protocol that names
    one (of the year asked about, if any)."""
    named = years(query.text)
    year = query.year or (int(min(named)) if len(named) == 1 else None)
    for document_id, _ in corpus_queries.protocols(
        corpus.db, [council], latest_first=True, until=today, year=year
    ):
        doc = corpus_queries.document(corpus.db, document_id)
        if doc.secretary and doc.date:
            return Answer(
                question=query.text,
                intent=PERSON,
                found=True,
                headline=(
                    f"Sekreterare för {council_name}: {doc.secretary} (enligt protokollet från "
                    f"{format_date(doc.date, weekday=False)}; rostern anger ingen)."
                ),
                sources=[document_source(corpus.db, document_id)],
            )
    return not_found(
        query, f"Varken rostern eller protokollen anger en sekreterare för {council_name}."
    )
