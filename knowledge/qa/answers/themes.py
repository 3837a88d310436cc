"""Themes for coming meetings: all of them (open ones first), one meeting's, or one theme."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.language.dates import format_date
from knowledge.language.text import normalize, stem
from knowledge.qa.answers.shared import needed, not_found, resolve_meetings, topic_terms
from knowledge.qa.citations import cite, dedupe, document_source, hit_source, item_line
from knowledge.qa.corpus import Corpus
from knowledge.qa.search import later_items_titled, search
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import THEMES, Answer, Block, Query, Source
from knowledge.storage import corpus_queries

THEMES_ITEM = "Teman till kommande möten"  # how a theme's source is titled


@dataclass(frozen=True)
class Theme:
    """A proposed theme, its wordings merged, at its latest mention."""

    text: str
    key: str  # folded, for merging wordings
    item_number: str | None
    document_id: int
    date: date
    treated: str | None  # the later item that treated it, cited; None while open


_COMING = re.compile(r"\b(blir|ska|kommer|planeras|planerade)\b")


def answer_themes(corpus: Corpus, query: Query, today: date) -> Answer:
    """A meeting's themes, whether a theme was proposed or treated, or every theme."""
    db = corpus.db
    councils = [query.council] if query.council else None
    document_ids = resolve_meetings(corpus, query, today)
    if document_ids:
        return _meeting_themes(corpus, query, document_ids[0])
    if document_ids == [] and query.has_meeting_ref and not _COMING.search(query.folded):
        # "temat på mötet i december 2024": a meeting samrad has no minutes of (but "vilka
        # teman blir det i juni": the themes proposed for it)
        return not_found(query, "Jag hittar inget protokoll från den tiden.")
    themes = all_themes(corpus, councils)
    topic = topic_terms(corpus, query)
    if topic is not None:
        phrase, terms = topic
        wanted = normalize(phrase)
        matches = [t for t in themes if fuzz.partial_ratio(wanted, normalize(t.text)) >= 80]
        item_hits = search(corpus, terms, kinds=("item",), councils=councils) if terms else []
        item_hits = [
            h
            for h in item_hits
            if h.matched >= needed(len(terms)) and not re.search(r"\bteman?\b", h.title, re.I)
        ]
        if not matches and not item_hits:
            return not_found(query, f"Jag hittar inget tema om ”{phrase}” i protokollen.")
        lines = []
        sources = []
        for theme in matches[:3]:
            source = document_source(db, theme.document_id, theme.item_number, THEMES_ITEM)
            sources.append(source)
            lines.append(f"- Föreslaget tema: {theme.text} ({cite(source)})")
        for hit in item_hits[:3]:
            source = hit_source(db, hit)
            sources.append(source)
            lines.append(f"- Behandlat: {cite(source)}")
        headline = (
            f"Ja, ”{phrase}” har tagits upp."
            if item_hits
            else f"”{phrase}” finns bland de föreslagna temana men har inte behandlats "
            "som egen punkt."
        )
        # Proposed but never treated: "har X varit tema?" is answered, "vad kom fram när X var
        # tema?" is not, whatever else is told
        found = bool(item_hits) or not _ASKS_CONTENT.search(query.folded)
        return Answer(query.text, THEMES, found, headline, [Block(None, lines)], dedupe(sources))
    if not themes:
        return not_found(query, "Protokollen listar inga teman till kommande möten.")
    open_themes = [t for t in themes if not t.treated]
    treated = [t for t in themes if t.treated]
    blocks = []
    if open_themes:
        blocks.append(
            Block(
                "Ännu inte behandlade",
                [
                    f"- {t.text} (föreslaget {format_date(t.date, weekday=False)})"
                    for t in open_themes
                ],
            )
        )
    if treated:
        blocks.append(
            Block("Redan behandlade", [f"- {t.text} (behandlat: {t.treated})" for t in treated])
        )
    sources = dedupe(
        [document_source(db, t.document_id, t.item_number, THEMES_ITEM) for t in themes]
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


# "vad kom fram när X var tema", "hur gick det": what came of it, not whether it was proposed
_ASKS_CONTENT = re.compile(
    r"(vad (kom fram|framkom|sades|sa man|hande|blev|beslutades)|hur gick)\b"
)


def all_themes(corpus: Corpus, councils: list[str] | None) -> list[Theme]:
    """Themes from every protocol, one entry per theme, open ones first (kept until the corpus
    changes: finding whether each was treated reads every later agenda)."""
    key = ("themes", tuple(councils or ()))
    return corpus.derived(key, lambda db: _collect_themes(db, councils))


def _collect_themes(db: sqlite_utils.Database, councils: list[str] | None) -> list[Theme]:
    merged: list[Theme] = []
    for mention in corpus_queries.theme_mentions(db, councils):
        key = normalize(re.sub(r"[?.!]+$", "", mention.text))
        entry = Theme(
            text=mention.text.rstrip("."),
            key=key,
            item_number=mention.item_number,
            document_id=mention.document_id,
            date=mention.date,
            treated=None,
        )
        index = next(
            (i for i, t in enumerate(merged) if fuzz.token_set_ratio(t.key, key) >= 85), None
        )
        if index is None:
            merged.append(entry)
        elif entry.date > merged[index].date:
            merged[index] = dataclasses.replace(entry, text=merged[index].text)  # first wording
    merged = [dataclasses.replace(t, treated=_treated(db, t.text, t.date)) for t in merged]
    return [t for t in merged if not t.treated] + [t for t in merged if t.treated]


def _treated(db: sqlite_utils.Database, theme: str, since: date) -> str | None:
    """A later agenda item whose title is about ``theme``, cited; None if there is none."""
    core = re.split(r"[–?.]", theme)[0]
    words = [w for w in re.findall(r"\w{4,}", core.lower()) if normalize(w) not in STOPWORDS]
    if not words:
        return None
    folded = normalize(core)
    for item in sorted(later_items_titled(db, words, since), key=lambda item: item.date):
        if (
            fuzz.token_set_ratio(folded, normalize(item.title)) >= 75
            or _stem_overlap(folded, item.title) >= 0.6
        ):
            return f"{item_line(item.number, item.title)}, {format_date(item.date, weekday=False)}"
    return None


def _stem_overlap(a: str, b: str) -> float:
    stems_a = {stem(w) for w in re.findall(r"\w{4,}", a)}
    stems_b = {stem(w) for w in re.findall(r"\w{4,}", b)}
    shared = len(stems_a & stems_b)
    return shared / len(stems_a) if stems_a and shared >= 2 else 0.0


def _meeting_themes(corpus: Corpus, query: Query, document_id: int) -> Answer:
    db = corpus.db
    doc = corpus_queries.document(db, document_id)
    assert doc.date is not None  # resolved meetings are dated protocols
    day = format_date(doc.date, weekday=False)
    items = corpus_queries.items_of(db, document_id)
    theme_items = [item for item in items if re.match(r"tema\b", item.title, re.I)]
    raised = corpus_queries.themes_of(db, document_id)
    if not theme_items and not raised:
        return not_found(
            query,
            f"Protokollet från {day} nämner inget tema.",
            [Block("Dagordning", [item_line(item.number, item.title) for item in items])],
        )
    lines: list[str] = []
    sources: list[Source] = []
    headline = ""
    if theme_items:
        names = [re.sub(r"^tema:?\s*", "", item.title, flags=re.I) for item in theme_items]
        headline = (
            f"Temat vid mötet {day} var {names[0]}."
            if len(names) == 1
            else f"Teman vid mötet {day} var {', '.join(names[:-1])} och {names[-1]}."
        )
        sources.extend(
            document_source(db, document_id, item.number, item.title) for item in theme_items
        )
    if raised:
        lines.extend(f"- {t.text}" + ("" if t.raised_here else " (sedan tidigare)") for t in raised)
        sources.append(document_source(db, document_id, raised[0].item_number, THEMES_ITEM))
        if not headline:
            headline = f"Vid mötet {day} togs {len(raised)} teman upp för kommande möten."
    blocks = [Block(THEMES_ITEM, lines)] if lines else []
    return Answer(query.text, THEMES, True, headline, blocks, sources)
