"""One builder per intent: rows of the store turned into an Answer with its sources."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.bodies import COUNCIL_SHORT, ERSATTARE, LEDAMOT
from knowledge.council.meetings import CANCELLED, HELD, latest_meeting, list_meetings, next_meeting
from knowledge.language.dates import format_date, format_time_range
from knowledge.language.text import normalize, split_sentences, stem
from knowledge.qa.search import Hit, Term, expand, search
from knowledge.qa.types import (
    DECISIONS,
    HELP,
    MEETING,
    NEXT_MEETING,
    PERSON,
    THEMES,
    TOPIC,
    UNKNOWN,
    Answer,
    Block,
    Choice,
    Source,
    default_council,
)
from knowledge.qa.understand import STOPWORDS, Query
from knowledge.storage import corpus_queries

EXAMPLES = [
    "När är nästa möte?",
    "Vad beslutades om Dietist direkt?",
    "Vilka teman har föreslagits?",
    "Vem var ordförande 6 maj 2022?",
    "Vad sades om placerade barn?",
    "Vem representerar Nora?",
]
DECISIONS_PER_PAGE = 6
HITS_PER_PAGE = 3
_NUMBER_WORDS = re.compile(
    r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|hundra|tusen)\b"
)
_AMOUNT_WORDS = re.compile(r"\d\s*(kr|kronor|tkr|mkr|miljoner|miljarder)\b")
_NUMBER_QUESTION = re.compile(r"\b(hur manga|hur mycket|vad kostar|kostnad|antal|hur stor|belopp)")


def build(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    builders: dict[str, Callable[[sqlite_utils.Database, Query, date], Answer]] = {
        NEXT_MEETING: _next_meeting,
        MEETING: _meeting,
        DECISIONS: _decisions,
        THEMES: _themes,
        PERSON: _person,
        TOPIC: _topic,
        HELP: _help,
    }
    return builders.get(query.intent, _unknown)(db, query, today)


# --- Shared pieces -------------------------------------------------------------------------


def _councils_of(db: sqlite_utils.Database, document_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT council FROM document_councils WHERE document_id = ? ORDER BY rowid",
            [document_id],
        )
    ]


def _council_label(councils: list[str]) -> str:
    return " och ".join(COUNCIL_SHORT.get(c, c) for c in councils)


def _document(db: sqlite_utils.Database, document_id: int) -> dict[str, object]:
    row = db.execute(
        'SELECT id, kind, title, date, start, "end", place, chair, secretary, adjusters,'
        " approved FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    keys = ["id", "kind", "title", "date", "start", "end", "place", "chair", "secretary"]
    data: dict[str, object] = dict(zip(keys, row[:9], strict=True))
    data["adjusters"] = json.loads(row[9])
    data["approved"] = row[10]
    data["councils"] = _councils_of(db, document_id)
    return data


def _source(
    db: sqlite_utils.Database,
    document_id: int,
    item: str | None = None,
    title: str | None = None,
) -> Source:
    doc = _document(db, document_id)
    councils = doc["councils"]
    assert isinstance(councils, list)
    council = _council_label(councils) if councils else str(doc["title"])
    day = date.fromisoformat(str(doc["date"])) if doc["date"] else None
    return Source(council=council, date=day, item=item, title=title, document=str(doc["title"]))


def _cite(source: Source) -> str:
    """ "Chefsgruppen 7 mars 2025, § 10 Dietist direkt" (for use inside a line)."""
    when = format_date(source.date, weekday=False) if source.date else ""
    where = f"{source.council} {when}".strip()
    if source.item:
        label = "avsnitt" if source.council == source.document else "§"
        where += f", {label} {source.item}" + (f" {source.title}" if source.title else "")
    return where


def _hit_source(db: sqlite_utils.Database, hit: Hit) -> Source:
    title = hit.title
    if hit.kind == "theme":
        row = db.execute(
            "SELECT title FROM items WHERE document_id = ? AND number = ?",
            [hit.document_id, hit.item_number],
        ).fetchone()
        title = row[0] if row else title
    return _source(db, hit.document_id, hit.item_number, title)


def _dedupe(sources: list[Source]) -> list[Source]:
    seen = set()
    out = []
    for source in sources:
        key = (source.document, source.item)
        if key not in seen:
            seen.add(key)
            out.append(source)
    return out


def _when(day: date, start: str | None, end: str | None) -> str:
    from datetime import time

    text = format_date(day)
    clock = format_time_range(
        time.fromisoformat(start) if start else None, time.fromisoformat(end) if end else None
    )
    return f"{text} {clock}".strip()


def _protocols(
    db: sqlite_utils.Database,
    councils: list[str] | None = None,
    where: str = "",
    params: list[object] | None = None,
    *,
    latest_first: bool = False,
    limit: int | None = None,
) -> list[tuple[int, date]]:
    """Protocols (id, date) of the councils, filtered by ``where`` in SQL, by date."""
    sql = "SELECT DISTINCT d.id, d.date FROM documents d"
    args: list[object] = []
    if councils:
        sql += f" JOIN document_councils c ON c.document_id = d.id AND c.council IN ({_marks(councils)})"  # noqa: E501
        args.extend(councils)
    sql += " WHERE d.kind = 'protocol' AND d.date IS NOT NULL" + (f" AND {where}" if where else "")
    args.extend(params or [])
    sql += " ORDER BY d.date" + (" DESC" if latest_first else "")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [(r[0], date.fromisoformat(r[1])) for r in db.execute(sql, args)]


def _resolve_meetings(db: sqlite_utils.Database, query: Query, today: date) -> list[int] | None:
    """Protocols the question points at; None when it names no meeting."""
    councils = [query.council] if query.council else None
    if query.meeting_date:
        return [
            i for i, _ in _protocols(db, councils, "d.date = ?", [query.meeting_date.isoformat()])
        ]
    if query.month:
        year, month = query.month
        if year:
            where, params = "d.date LIKE ? AND d.date <= ?", [f"{year:04d}-{month:02d}-%"]
        else:
            where, params = "substr(d.date, 6, 2) = ? AND d.date <= ?", [f"{month:02d}"]
        matching = _protocols(db, councils, where, [*params, today.isoformat()], latest_first=True)
        if matching and not year:
            matching = [(i, d) for i, d in matching if d.year == matching[0][1].year]
        return [i for i, _ in reversed(matching)]
    if query.relative == "latest":
        home = councils or [query.default_council or default_council()]
        latest = _protocols(
            db, home, "d.date <= ?", [today.isoformat()], latest_first=True, limit=1
        )
        if not latest and not councils:
            latest = _protocols(
                db, None, "d.date <= ?", [today.isoformat()], latest_first=True, limit=1
            )
        return [latest[0][0]] if latest else []
    return None


def _meeting_choices(db: sqlite_utils.Database, document_ids: list[int]) -> list[Choice]:
    choices = []
    for document_id in document_ids[:6]:
        doc = _document(db, document_id)
        day = date.fromisoformat(str(doc["date"]))
        councils = doc["councils"]
        assert isinstance(councils, list)
        label = f"{format_date(day, weekday=False)} ({_council_label(councils)})"
        choices.append(Choice(label=label[:60], query=f"mötet {day.isoformat()}", intent=MEETING))
    return choices


def _not_found(query: Query, headline: str, blocks: list[Block] | None = None) -> Answer:
    return Answer(
        question=query.text,
        intent=query.intent,
        found=False,
        headline=headline,
        blocks=blocks
        or [Block("Det här kan du fråga om", [f"- {example}" for example in EXAMPLES[:4]])],
    )


def _first_sentence(text: str, limit: int = 240) -> str:
    sentences = split_sentences(text.replace("\n", " "))
    first = sentences[0] if sentences else text
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


# --- Intents -------------------------------------------------------------------------------


def _next_meeting(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    council = query.council or query.default_council or default_council()
    name = COUNCIL_SHORT.get(council, council)
    meeting = next_meeting(db, council, today)
    if meeting is None:
        latest = latest_meeting(db, council, today)
        blocks = []
        sources: list[Source] = []
        if latest and latest.document_id:
            blocks.append(Block(None, [f"Senaste kända möte: {format_date(latest.date)}."]))
            sources.append(_source(db, latest.document_id))
        blocks.append(
            Block(None, ["Sekreteraren kan lägga in nästa möte i kalendern när det är bestämt."])
        )
        return Answer(
            question=query.text,
            intent=query.intent,
            found=False,
            headline=f"Jag hittar inget kommande möte för {name} i protokollen eller kalendern.",
            blocks=blocks,
            sources=sources,
        )
    clock = format_time_range(meeting.start, meeting.end)
    headline = f"Nästa möte med {name}: {format_date(meeting.date)}"
    headline += f", {clock}" if clock else ""
    headline += f", {meeting.place}." if meeting.place else "."
    lines = []
    sources = []
    if not meeting.place:
        lines.append("Plats: anges i kallelsen (står inte i protokollen).")
    if meeting.note:
        lines.append(f"Obs: {meeting.note}.")
    if meeting.source == "calendar":
        lines.append("Mötet finns i sekreterarens kalender.")
    elif meeting.source_document_id:
        source = _source(db, meeting.source_document_id, meeting.source_item)
        if meeting.source_item:
            row = db.execute(
                "SELECT title FROM items WHERE document_id = ? AND number = ?",
                [meeting.source_document_id, meeting.source_item],
            ).fetchone()
            source.title = row[0] if row else None
        state = "Beslutat" if meeting.decided else "Planerat"
        lines.append(f"{state} i protokollet: {_cite(source)}.")
        sources.append(source)
    later = [
        m
        for m in list_meetings(db, council, since=meeting.date)
        if m.date > meeting.date and m.status not in (CANCELLED, HELD)
    ]
    if later:
        lines.append(
            "Därefter: " + ", ".join(format_date(m.date, weekday=False) for m in later[:3]) + "."
        )
    return Answer(
        question=query.text,
        intent=query.intent,
        found=True,
        headline=headline,
        blocks=[Block(None, lines)] if lines else [],
        sources=sources,
        choices=[Choice("Senaste mötet", "Vad togs upp på senaste mötet?", MEETING)],
    )


def _meeting(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    document_ids = _resolve_meetings(db, query, today)
    if document_ids is None:
        document_ids = _resolve_meetings(
            db, Query(query.text, query.folded, MEETING, query.council, relative="latest"), today
        )
    assert document_ids is not None
    if not document_ids:
        known = [
            i
            for i, _ in reversed(
                _protocols(
                    db, [query.council] if query.council else None, latest_first=True, limit=6
                )
            )
        ]
        wanted = (
            format_date(query.meeting_date)
            if query.meeting_date
            else "den tiden"
            if query.month
            else "det mötet"
        )
        answer = _not_found(
            query,
            f"Jag hittar inget protokoll från {wanted}.",
            [Block("Protokoll som finns", [_meeting_line(db, i) for i in reversed(known[-6:])])],
        )
        answer.choices = _meeting_choices(db, list(reversed(known)))
        return answer
    if len(document_ids) > 1:
        return Answer(
            question=query.text,
            intent=query.intent,
            found=True,
            headline="Det finns flera möten som passar. Vilket menar du?",
            blocks=[Block(None, [_meeting_line(db, i) for i in document_ids])],
            sources=[_source(db, i) for i in document_ids],
            choices=_meeting_choices(db, document_ids),
        )
    return _one_meeting(db, query, document_ids[0])


def _meeting_line(db: sqlite_utils.Database, document_id: int) -> str:
    doc = _document(db, document_id)
    councils = doc["councils"]
    assert isinstance(councils, list)
    day = date.fromisoformat(str(doc["date"]))
    return f"- {format_date(day)}: {_council_label(councils)}"


def _one_meeting(db: sqlite_utils.Database, query: Query, document_id: int) -> Answer:
    doc = _document(db, document_id)
    councils = doc["councils"]
    assert isinstance(councils, list)
    day = date.fromisoformat(str(doc["date"]))
    label = f"mötet {format_date(day, weekday=False)}"
    items = db.execute(
        "SELECT number, title, presenters, kind FROM items WHERE document_id = ? ORDER BY position",
        [document_id],
    ).fetchall()
    attendees = db.execute(
        "SELECT name, organisation, role, title, note, council FROM attendees"
        " WHERE document_id = ? ORDER BY position",
        [document_id],
    ).fetchall()
    source = _source(db, document_id)
    blocks: list[Block] = []
    aspect = query.aspect
    if query.municipality and not aspect:
        aspect = "municipality"
    adjusters = doc["adjusters"]
    assert isinstance(adjusters, list)
    if aspect == "chair":
        headline = (
            f"Ordförande vid {label} var {doc['chair']}."
            if doc["chair"]
            else f"Protokollet från {label} anger ingen ordförande."
        )
    elif aspect == "secretary":
        headline = (
            f"Sekreterare vid {label} var {doc['secretary']}."
            if doc["secretary"]
            else f"Protokollet från {label} anger ingen sekreterare."
        )
    elif aspect == "adjusters":
        headline = (
            f"Justerare vid {label} var {' och '.join(adjusters)}."
            if adjusters
            else f"Protokollet från {label} anger ingen justerare."
        )
    elif aspect == "approved":
        headline = (
            f"Protokollet från {label} justerades "
            f"{format_date(date.fromisoformat(str(doc['approved'])))}."
            if doc["approved"]
            else f"Protokollet från {label} anger inget justeringsdatum."
        )
    elif aspect == "attendees":
        members = [a for a in attendees if a[2] in (LEDAMOT, ERSATTARE)]
        headline = (
            f"Vid {label} listas {len(attendees)} personer, "
            f"varav {len(members)} ledamöter och ersättare."
        )
        blocks.extend(_attendance_blocks(attendees))
    elif aspect == "municipality" and query.municipality:
        present = [a for a in attendees if a[1] == query.municipality]
        if present:
            names = ", ".join(f"{a[0]} ({a[2]})" for a in present)
            headline = f"{query.municipality} representerades vid {label} av {names}."
        else:
            headline = f"Ingen från {query.municipality} står i närvarolistan för {label}."
    elif aspect in ("place", "time"):
        place = f", {doc['place']}" if doc["place"] else ""
        headline = f"Mötet hölls {_when(day, doc['start'], doc['end'])}{place}."  # type: ignore[arg-type]
    else:
        place = f", {doc['place']}" if doc["place"] else ""
        headline = (
            f"{_council_label(councils)} sammanträdde "
            f"{_when(day, doc['start'], doc['end'])}{place}."  # type: ignore[arg-type]
        )
        people = []
        if doc["chair"]:
            people.append(f"Ordförande: {doc['chair']}")
        if doc["secretary"]:
            people.append(f"Sekreterare: {doc['secretary']}")
        if adjusters:
            people.append(f"Justerare: {', '.join(adjusters)}")
        if doc["approved"]:
            people.append(f"Justerat: {doc['approved']}")
        if people:
            blocks.append(Block(None, people))
    if aspect in (None, "agenda", "place", "time", "municipality"):
        blocks.append(
            Block(
                "Dagordning",
                [
                    f"§ {n} {t}" + (f" ({', '.join(json.loads(p))})" if p != "[]" else "")
                    for n, t, p, _ in items
                ],
            )
        )
    themes = [i for i in items if re.match(r"tema\b", i[1], re.I)]
    if themes and aspect in (None, "agenda"):
        theme = re.sub(r"^tema:?\s*", "", themes[0][1], flags=re.I)
        blocks.insert(0, Block(None, [f"Tema: {theme}"]))
    return Answer(
        question=query.text,
        intent=MEETING,
        found=True,
        headline=headline,
        blocks=blocks,
        sources=[source],
        choices=[
            Choice("Beslut på mötet", f"Vad beslutades på mötet {day.isoformat()}?", DECISIONS)
        ],
    )


def _attendance_blocks(attendees: list[tuple[object, ...]]) -> list[Block]:
    roles: dict[str, list[str]] = {}
    for name, organisation, role, title, note, _council in attendees:
        extra = ", ".join(str(x) for x in (organisation or title, note) if x)
        roles.setdefault(str(role), []).append(f"{name}" + (f" ({extra})" if extra else ""))
    labels = {
        LEDAMOT: "Ledamöter",
        ERSATTARE: "Ersättare",
        "övrig närvarande": "Övriga närvarande",
        "tjänsteperson": "Tjänstepersoner",
        "frånvarande": "Frånvarande",
    }
    return [Block(labels.get(role, role), names) for role, names in roles.items()]


def _decisions(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    document_ids = _resolve_meetings(db, query, today)
    councils = [query.council] if query.council else None
    topic = _topic_terms(db, query)
    if topic is not None and not topic[1]:
        return _not_found(query, f"Jag hittar inget om ”{topic[0]}” i protokollen.")
    rows: list[tuple[object, ...]]
    if topic:
        hits = search(
            db,
            [],
            terms=topic[1],
            kinds=("decision",),
            document_ids=document_ids,
            councils=councils,
            limit=8,
        )
        needed = _needed(len(topic[1]))
        hits = [h for h in hits if h.matched >= needed]
        if not hits:
            items = search(
                db,
                [],
                terms=topic[1],
                kinds=("item",),
                document_ids=document_ids,
                councils=councils,
            )
            items = [h for h in items if h.matched >= needed]
            blocks: list[Block] = []
            item_sources: list[Source] = []
            if items:
                blocks.append(
                    Block(
                        "Ämnet togs upp här, utan beslut",
                        [f"- {_cite(_hit_source(db, h))}" for h in items[:3]],
                    )
                )
                item_sources = [_hit_source(db, h) for h in items[:3]]
            answer = _not_found(
                query, f"Jag hittar inget beslut om ”{topic[0]}” i protokollen.", blocks
            )
            answer.sources = item_sources
            return answer
        rows = [_decision_row(db, h.ref_id) for h in hits]
    else:
        if document_ids is None:
            document_ids = [
                i for i, _ in _protocols(db, councils or None, latest_first=True, limit=1)
            ]
        rows = (
            [
                _decision_row(db, r[0])
                for r in db.execute(
                    f"SELECT id FROM decisions WHERE document_id IN ({_marks(document_ids)})"
                    " ORDER BY document_id, position",
                    document_ids,
                )
            ]
            if document_ids
            else []
        )
        if not rows:
            if not document_ids:
                return _not_found(query, "Jag hittar inget protokoll från den tiden.")
            return _not_found(query, "Protokollet från det mötet innehåller inga beslut.")
    blocks = []
    sources: list[Source] = []
    shown = rows[query.page * DECISIONS_PER_PAGE : (query.page + 1) * DECISIONS_PER_PAGE]
    if not shown:
        return _not_found(query, "Det finns inga fler beslut att visa.")
    for _id, document_id, number, item_title, text, amounts in shown:
        source = _source(db, int(document_id), str(number), str(item_title))  # type: ignore[call-overload]
        lines = [str(text)]
        for amount in json.loads(str(amounts)):
            lines.append(f"Belopp: {amount['kronor']:,} kr".replace(",", " "))
        if sources and sources[-1] == source:
            blocks[-1].lines.extend(lines)  # sub-decisions of the same item stay together
            continue
        sources.append(source)
        blocks.append(Block(_cite(source), lines))
    first = shown[0]
    headline = _first_sentence(str(first[4]))
    if query.page:
        start = query.page * DECISIONS_PER_PAGE + 1
        headline = f"Beslut {start}–{start + len(shown) - 1} av {len(rows)}:"
    elif len(rows) > 1:
        headline = f"{len(rows)} beslut hittades. Det första: {headline}"
    answer = Answer(
        question=query.text,
        intent=DECISIONS,
        found=True,
        headline=headline,
        blocks=blocks,
        sources=_dedupe(sources),
    )
    if len(rows) > (query.page + 1) * DECISIONS_PER_PAGE:
        answer.choices.append(Choice("Visa mer", query.text, DECISIONS, query.page + 1))
    return answer


def _decision_row(db: sqlite_utils.Database, decision_id: int) -> tuple[object, ...]:
    return tuple(
        db.execute(
            "SELECT d.id, d.document_id, i.number, i.title, d.text, d.amounts FROM decisions d"
            " JOIN items i ON i.id = d.item_id WHERE d.id = ?",
            [decision_id],
        ).fetchone()
    )


def _day(value: str | None) -> str:
    """An ISO date as "6 maj 2022" ("okänt datum" for a protocol without one)."""
    return format_date(date.fromisoformat(value), weekday=False) if value else "okänt datum"


def _marks(values: list[int] | list[str]) -> str:
    return ",".join("?" * len(values))


def _needed(terms: int) -> int:
    """How many of the query's words a passage must hold to count as an answer."""
    return max(2, math.ceil(terms / 2)) if terms > 2 else terms


def _topic_terms(db: sqlite_utils.Database, query: Query) -> tuple[str, list[Term]] | None:
    """The topic words as search terms; None without a topic; an empty list when the corpus
    knows none of the significant words."""
    if not query.topic_words:
        return None
    phrase = " ".join(query.topic_words)
    terms = [expand(db, w) for w in query.topic_words]
    known = [t for t in terms if t.known]
    unknown = [t for t in terms if not t.known and len(t.word) >= 4]
    if not known or len(unknown) > len(known):
        return phrase, []  # the corpus does not speak of this
    return phrase, known


def _themes(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    councils = [query.council] if query.council else None
    document_ids = _resolve_meetings(db, query, today)
    if document_ids:
        return _meeting_themes(db, query, document_ids[0])
    themes = _all_themes(db, councils)
    topic = _topic_terms(db, query)
    if topic is not None:
        phrase = topic[0]
        wanted = normalize(phrase)
        matches = [t for t in themes if fuzz.partial_ratio(wanted, normalize(t["text"])) >= 80]
        item_hits = (
            [h for h in search(db, [], terms=topic[1], kinds=("item",), councils=councils)]
            if topic[1]
            else []
        )
        item_hits = [
            h
            for h in item_hits
            if h.matched >= _needed(len(topic[1])) and not re.search(r"\bteman?\b", h.title, re.I)
        ]
        if not matches and not item_hits:
            return _not_found(query, f"Jag hittar inget tema om ”{phrase}” i protokollen.")
        lines = []
        sources = []
        for theme in matches[:3]:
            source = _source(
                db, theme["document_id"], theme["item_number"], "Teman till kommande möten"
            )
            sources.append(source)
            lines.append(f"- Föreslaget tema: {theme['text']} ({_cite(source)})")
        for hit in item_hits[:3]:
            source = _hit_source(db, hit)
            sources.append(source)
            lines.append(f"- Behandlat: {_cite(source)}")
        headline = (
            f"Ja, ”{phrase}” har tagits upp."
            if item_hits
            else f"”{phrase}” finns bland de föreslagna temana men har inte behandlats "
            "som egen punkt."
        )
        return Answer(query.text, THEMES, True, headline, [Block(None, lines)], _dedupe(sources))
    if not themes:
        return _not_found(query, "Protokollen listar inga teman till kommande möten.")
    open_themes = [t for t in themes if not t["treated"]]
    treated = [t for t in themes if t["treated"]]
    blocks = []
    if open_themes:
        blocks.append(
            Block(
                "Ännu inte behandlade",
                [
                    f"- {t['text']} (föreslaget {format_date(t['date'], weekday=False)})"
                    for t in open_themes
                ],
            )
        )
    if treated:
        blocks.append(
            Block(
                "Redan behandlade",
                [f"- {t['text']} (behandlat: {t['treated']})" for t in treated],
            )
        )
    sources = _dedupe(
        [
            _source(db, t["document_id"], t["item_number"], "Teman till kommande möten")
            for t in themes
        ]
    )
    return Answer(
        question=query.text,
        intent=THEMES,
        found=True,
        headline=f"{len(themes)} teman har föreslagits till kommande möten, "
        f"{len(open_themes)} av dem är ännu inte behandlade.",
        blocks=blocks,
        sources=sources,
    )


def warm_up(db: sqlite_utils.Database) -> None:
    _all_themes(db, None)


_THEMES_CACHE: dict[tuple[int, int, int, tuple[str, ...]], list[dict[str, Any]]] = {}


def _all_themes(db: sqlite_utils.Database, councils: list[str] | None) -> list[dict[str, Any]]:
    """Themes from every protocol, one entry per theme, open ones first (cached until the
    corpus changes: finding whether each was treated reads every later agenda)."""
    state = db.execute("SELECT count(*), coalesce(max(id), 0) FROM documents").fetchone()
    key = (id(db), int(state[0]), int(state[1]), tuple(councils or ()))
    if key not in _THEMES_CACHE:
        if len(_THEMES_CACHE) > 16:
            _THEMES_CACHE.clear()
        _THEMES_CACHE[key] = _collect_themes(db, councils)
    return [dict(t) for t in _THEMES_CACHE[key]]


def _collect_themes(db: sqlite_utils.Database, councils: list[str] | None) -> list[dict[str, Any]]:
    join = ""
    params: list[object] = []
    if councils:
        join = f" JOIN document_councils c ON c.document_id = d.id AND c.council IN ({_marks(councils)})"  # noqa: E501
        params = list(councils)
    # One row per distinct wording, with its latest mention (SQLite takes the other columns
    # from the row that holds max()).
    rows = db.execute(
        "SELECT t.text, max(d.date), t.item_number, t.document_id FROM themes t"
        f" JOIN documents d ON d.id = t.document_id{join} GROUP BY t.text ORDER BY min(d.date)",
        params,
    ).fetchall()
    merged: list[dict[str, Any]] = []
    for text, day, number, document_id in rows:
        key = normalize(re.sub(r"[?.!]+$", "", text))
        existing = next((t for t in merged if fuzz.token_set_ratio(t["key"], key) >= 85), None)
        entry = {
            "text": text.rstrip("."),
            "key": key,
            "item_number": number,
            "document_id": document_id,
            "date": date.fromisoformat(day),
            "treated": None,
        }
        if existing is None:
            merged.append(entry)
        elif entry["date"] > existing["date"]:
            existing.update({k: v for k, v in entry.items() if k != "text"})
    for theme in merged:
        theme["treated"] = _treated(db, theme["text"], theme["date"])
    return [t for t in merged if not t["treated"]] + [t for t in merged if t["treated"]]


def _treated(db: sqlite_utils.Database, theme: str, since: date) -> str | None:
    """A later agenda item whose title is about ``theme``, cited; None if there is none."""
    core = re.split(r"[–?.]", theme)[0]
    words = [w for w in re.findall(r"\w{4,}", core.lower()) if normalize(w) not in STOPWORDS]
    if not words:
        return None
    match = " OR ".join(f'title:"{w}"' for w in words)
    candidates = db.execute(
        "SELECT p.title, p.item_number, d.date FROM passages_fts"
        " JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.document_id"
        " WHERE passages_fts MATCH ? AND p.kind = 'item' AND d.kind = 'protocol' AND d.date > ?"
        " LIMIT 200",
        [match, since.isoformat()],
    ).fetchall()
    folded = normalize(core)
    for title, number, day in sorted(candidates, key=lambda c: c[2]):
        if (
            fuzz.token_set_ratio(folded, normalize(title)) >= 75
            or _stem_overlap(folded, title) >= 0.6
        ):
            return f"§ {number} {title}, {format_date(date.fromisoformat(day), weekday=False)}"
    return None


def _stem_overlap(a: str, b: str) -> float:
    stems_a = {stem(w) for w in re.findall(r"\w{4,}", a)}
    stems_b = {stem(w) for w in re.findall(r"\w{4,}", b)}
    shared = len(stems_a & stems_b)
    return shared / len(stems_a) if stems_a and shared >= 2 else 0.0


def _meeting_themes(db: sqlite_utils.Database, query: Query, document_id: int) -> Answer:
    doc = _document(db, document_id)
    day = date.fromisoformat(str(doc["date"]))
    items = db.execute(
        "SELECT number, title FROM items WHERE document_id = ? ORDER BY position", [document_id]
    ).fetchall()
    theme_items = [(n, t) for n, t in items if re.match(r"tema\b", t, re.I)]
    raised = db.execute(
        "SELECT text, raised_here, item_number FROM themes WHERE document_id = ? ORDER BY position",
        [document_id],
    ).fetchall()
    if not theme_items and not raised:
        return _not_found(
            query,
            f"Protokollet från {format_date(day, weekday=False)} nämner inget tema.",
            [Block("Dagordning", [f"§ {n} {t}" for n, t in items])],
        )
    lines: list[str] = []
    sources: list[Source] = []
    headline = ""
    if theme_items:
        number, title = theme_items[0]
        name = re.sub(r"^tema:?\s*", "", title, flags=re.I)
        headline = f"Temat vid mötet {format_date(day, weekday=False)} var {name}."
        sources.append(_source(db, document_id, number, title))
    if raised:
        lines.extend(f"- {t}" + ("" if here else " (sedan tidigare)") for t, here, _ in raised)
        sources.append(_source(db, document_id, raised[0][2], "Teman till kommande möten"))
        if not headline:
            headline = (
                f"Vid mötet {format_date(day, weekday=False)} togs {len(raised)} teman upp "
                "för kommande möten."
            )
    blocks = [Block("Teman till kommande möten", lines)] if lines else []
    return Answer(query.text, THEMES, True, headline, blocks, sources)


def _person(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    if query.person:
        return _named_person(db, query)
    if query.municipality:
        return _representatives(db, query)
    name = " ".join(w for w in query.topic_words if w[:1].isupper()) or "den personen"
    return _not_found(query, f"Jag hittar ingen {name} i protokollen.")


def _named_person(db: sqlite_utils.Database, query: Query) -> Answer:
    name = query.person
    assert name
    rows = db.execute(
        "SELECT a.organisation, a.role, a.title, a.council, a.document_id, a.date FROM attendees a"
        " WHERE a.name = ? ORDER BY a.date DESC LIMIT 11",
        [name],
    ).fetchall()
    attended = db.execute("SELECT count(*) FROM attendees WHERE name = ?", [name]).fetchone()[0]
    presented = db.execute(
        "SELECT i.number, i.title, p.document_id, p.date FROM presenters p"
        " JOIN items i ON i.id = p.item_id WHERE p.name = ? ORDER BY p.date DESC LIMIT 11",
        [name],
    ).fetchall()
    chaired = db.execute(
        "SELECT id, date FROM documents WHERE chair = ? ORDER BY date DESC", [name]
    ).fetchall()
    title = next((r[2] for r in rows if r[2]), None)
    organisation = next((r[0] for r in rows if r[0]), None)
    role = rows[0][1] if rows else None
    description = ", ".join(str(x) for x in (title or role, organisation) if x)
    headline = f"{name}: {description}." if description else f"{name} nämns i protokollen."
    blocks = []
    sources: list[Source] = []
    if rows:
        blocks.append(
            Block(
                "Närvarande vid",
                [
                    f"- {_day(r[5])}, {_council_label(_councils_of(db, r[4]))} ({r[1]})"
                    for r in rows[:10]
                ]
                + ([f"… och {attended - 10} möten till"] if attended > 10 else []),
            )
        )
        sources.extend(_source(db, r[4]) for r in rows[:3])
    if presented:
        blocks.append(
            Block(
                "Föredrog",
                [f"- § {n} {t} ({_day(d)})" for n, t, _, d in presented[:10]],
            )
        )
        sources.extend(_source(db, i, n, t) for n, t, i, _ in presented[:3])
    if chaired:
        blocks.append(
            Block(
                "Ordförande vid",
                [f"- {_day(d)}" for _, d in chaired],
            )
        )
    return Answer(query.text, PERSON, True, headline, blocks, _dedupe(sources))


def _representatives(db: sqlite_utils.Database, query: Query) -> Answer:
    organisation = query.municipality
    council = query.council or query.default_council or default_council()
    rows = db.execute(
        "SELECT a.name, a.role, a.council, a.document_id, a.date FROM attendees a"
        " JOIN document_councils c ON c.document_id = a.document_id AND c.council = ?"
        " WHERE a.organisation = ? AND a.role IN (?, ?) AND (a.council IS NULL OR a.council = ?)"
        " ORDER BY a.date DESC LIMIT 200",
        [council, organisation, LEDAMOT, ERSATTARE, council],
    ).fetchall()
    if not rows:
        return _not_found(
            query,
            f"Jag hittar ingen från {organisation} i närvarolistorna för "
            f"{COUNCIL_SHORT.get(council, council)}.",
        )
    latest_id = rows[0][3]
    latest = [r for r in rows if r[3] == latest_id]
    members = [r[0] for r in latest if r[1] == LEDAMOT]
    substitutes = [r[0] for r in latest if r[1] == ERSATTARE]
    day = date.fromisoformat(latest[0][4])
    parts = []
    if members and not (query.substitutes and not query.represent):
        parts.append(f"ledamot {' och '.join(members)}")
    if substitutes:
        parts.append(f"ersättare {' och '.join(substitutes)}")
    if not parts:
        return _not_found(
            query,
            f"Protokollen anger ingen ersättare för {organisation} i "
            f"{COUNCIL_SHORT.get(council, council)}.",
        )
    headline = (
        f"{organisation} i {COUNCIL_SHORT.get(council, council)}: {'; '.join(parts)} "
        f"(enligt protokollet från {format_date(day, weekday=False)})."
    )
    earlier = sorted({(r[0], r[1]) for r in rows if r[3] != latest_id})
    blocks = (
        [Block("Tidigare i protokollen", [f"- {n} ({role})" for n, role in earlier])]
        if earlier
        else []
    )
    return Answer(query.text, PERSON, True, headline, blocks, [_source(db, latest_id)])


def _topic(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    topic = _topic_terms(db, query)
    if topic is None:
        return _unknown(db, query, today)
    phrase, terms = topic
    if not terms:
        return _not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    document_ids = _resolve_meetings(db, query, today)
    councils = [query.council] if query.council else None
    hits = search(
        db,
        [],
        terms=terms,
        document_ids=document_ids,
        councils=councils,
        limit=8 + HITS_PER_PAGE * (query.page + 1),
        document_kind=query.document_kind,
    )
    needed = _needed(len(terms))
    hits = [h for h in hits if h.matched >= needed]
    if not hits:
        return _not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    wants_number = bool(_NUMBER_QUESTION.search(query.folded))
    counted = re.search(r"\bhur (?:manga|mycket) (\w+)", query.folded)
    focus = counted.group(1) if counted and counted.group(1) not in STOPWORDS else None
    wants_list = query.folded.startswith(("vilka ", "vilken ", "vilket "))
    best: list[tuple[float, str, Hit]] = []
    scored: dict[tuple[str, str], tuple[float, str]] = {}
    for hit in hits[: 8 + HITS_PER_PAGE * query.page]:
        text = hit.text
        if hit.kind == "decision":
            # A decision alone lacks what was said around it: read it in its item.
            text = corpus_queries.decision_item_body(db, hit.ref_id) or text
        text_key = (hit.title, text)
        if text_key not in scored:  # the same text in many protocols is scored once
            scored[text_key] = _best_sentence(
                hit.title, text, terms, wants_number, focus, wants_list
            )
        score, sentence = scored[text_key]
        best.append((score, sentence, hit))
    best.sort(key=lambda b: -b[0])
    seen: set[tuple[int, str | None]] = set()
    blocks = []
    sources = []
    for score, sentence, hit in best:
        key = (hit.document_id, hit.item_number)
        if key in seen or score <= 0:
            continue
        seen.add(key)
        blocks.append(Block(None, [sentence, hit]))  # type: ignore[list-item]
    has_more = len(blocks) > (query.page + 1) * HITS_PER_PAGE
    blocks = blocks[query.page * HITS_PER_PAGE : (query.page + 1) * HITS_PER_PAGE]
    if not blocks:
        if query.page:
            return _not_found(query, f"Det finns inga fler träffar om ”{phrase}”.")
        return _not_found(query, f"Jag hittar inget om ”{phrase}” i protokollen.")
    for block in blocks:
        source = _hit_source(db, block.lines.pop())  # type: ignore[arg-type]
        sources.append(source)
        block.title = _cite(source)
    headline = blocks[0].lines[0]
    more = [Block(f"Också: {b.title}", b.lines) for b in blocks[1:]]
    answer = Answer(
        question=query.text,
        intent=TOPIC,
        found=True,
        headline=headline,
        blocks=more,
        sources=sources,
    )
    if has_more:
        answer.choices.append(Choice("Fler träffar", query.text, TOPIC, query.page + 1))
    return answer


@lru_cache(maxsize=2048)
def _sentences(text: str) -> tuple[str, ...]:
    """A passage's sentences, paragraph by paragraph (cached: hits repeat across questions)."""
    return tuple(
        sentence
        for paragraph in text.split("\n")
        for sentence in split_sentences(paragraph.removeprefix("- "))
    )


@lru_cache(maxsize=16384)
def _sentence_stems(sentence: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"\w+", sentence.lower()))


def _best_sentence(
    title: str,
    text: str,
    terms: list[Term],
    wants_number: bool,
    focus: str | None = None,
    wants_list: bool = False,
) -> tuple[float, str]:
    """The sentence of a passage that best answers: most query words, a figure if asked for
    ("hur många elever" wants a number next to "elever"), a listing for "vilka"."""
    sentences = list(_sentences(text)) or [title]
    best = (0.0, sentences[0])
    wanted = [t.all_stems for t in terms]
    for sentence in sentences:
        lower = sentence.lower()
        stems = _sentence_stems(sentence)
        score = sum(1.0 for forms in wanted if not forms.isdisjoint(stems))
        if wants_number and _NUMBER_WORDS.search(lower) and not re.search(r"\d", sentence):
            score += 0.9
        if wants_number and re.search(r"\d", sentence):
            # A figure answers "hur många"; a year alone hardly does.
            figures = re.findall(r"\d+(?:[ ,.]\d+)*", sentence)
            years = [f for f in figures if re.fullmatch(r"(19|20)\d\d", f)]
            score += 0.25 if len(years) == len(figures) else 0.9
            if focus and stem(focus) in stems and len(years) < len(figures):
                score += 1.5
                # "2958 elever": the figure counts the very thing asked about.
                if re.search(rf"\d[\d ]*\s+(?:\w+\s+)?{re.escape(stem(focus))}", normalize(lower)):
                    score += 1.0
        if wants_list and (sentence.count(",") >= 3 or ";" in sentence):
            score += 0.5
        if wants_number and _AMOUNT_WORDS.search(lower):
            score += 1.0
        if len(sentence) > 400:
            score -= 0.5
        if score > best[0]:
            best = (score, sentence)
    title_bonus = sum(1 for t in terms if any(w in title.lower() for w in t.exact))
    sentence = best[1]
    index = sentences.index(sentence) if sentence in sentences else -1
    if index > 0 and len(sentence) < 40:
        # "Totalt 2 900 000 kr" says little alone: give it the sentence before.
        sentence = f"{sentences[index - 1]} {sentence}"
    elif 0 <= index < len(sentences) - 1 and len(sentence) + len(sentences[index + 1]) < 320:
        sentence = f"{sentence} {sentences[index + 1]}"  # what was said next, for context
    return best[0] + 0.5 * title_bonus, sentence


def _help(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    return Answer(
        question=query.text,
        intent=HELP,
        found=True,
        headline="Jag svarar på frågor om rådens protokoll och hänvisar alltid till källan.",
        blocks=[
            Block(
                "Du kan till exempel fråga",
                [f"- {example}" for example in EXAMPLES],
            ),
            Block(
                None,
                [
                    "Skriv som du pratar; stavfel och saknade å, ä och ö går bra.",
                ],
            ),
        ],
        choices=[Choice(example, example) for example in EXAMPLES[:3]],
    )


def _unknown(db: sqlite_utils.Database, query: Query, today: date) -> Answer:
    if not re.search(r"\w", query.text):
        headline = "Skriv en fråga med ord, till exempel ”När är nästa möte?”."
    else:
        headline = "Jag förstod inte riktigt frågan."
    answer = _not_found(query, headline)
    answer.intent = UNKNOWN
    answer.choices = [Choice(example, example) for example in EXAMPLES[:3]]
    return answer
