"""The agenda of a coming meeting, from its published kallelse: the items, who presents one,
what is for decision, an item's underlag, what a corrected kallelse changed. Honest when no
kallelse is out: it says so, and what is known of the meeting."""

from __future__ import annotations

import re
from datetime import date
from os.path import commonprefix

import sqlite_utils
from rapidfuzz import fuzz, process

from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council.kallelser import change_lines
from knowledge.council.meetings import CANCELLED, Meeting, list_meetings, next_meeting
from knowledge.language.dates import format_date, format_time_range
from knowledge.language.text import normalize, stem
from knowledge.qa.answers.shared import default_council
from knowledge.qa.corpus import Corpus
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import Answer, Block, Query, Source
from knowledge.storage import kallelser
from knowledge.storage.kallelser import DECISION, INFORMATION, AgendaItem, Kallelse

# Words of agenda questions that are not the subject asked about (folded).
_AGENDA_WORDS = set(
    """
    punkt punkten punkter punkterna arende arendet arenden arendena dagordning dagordningen
    agenda agendan kallelse kallelsen kallelser foredragningslista foredragningslistan
    foredrar presenterar drar pratar har tar haller informerar bilaga bilagan bilagor underlag
    underlagen underlaget handling handlingar handlingarna hor beslutsarende beslutsarenden
    beslutspunkt beslutspunkter besluta ska vi ni nytt nya reviderade nu kvar nummer vilket
    vilken vilka prata tala ta upp ingar finns andrats andrat andrades
    radet radets folkhalsoradet folkhalsoradets socialradet valfardsradet chefsgruppens
    samverkansradet specifika mote motet motets ar e pa om av
    """.split()
)
_DATE_WORD = re.compile(
    r"^(jan|feb|mars?|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*$|^\w+dag(en|s)?$|^(idag|imorgon)$"
)
_KIND_WORD = {DECISION: "beslutsärende", INFORMATION: "informationsärende"}


def answer_agenda(corpus: Corpus, query: Query, today: date) -> Answer:
    """The published kallelse of the meeting asked about (the next one unless a date is
    named), read for the question's aspect."""
    meeting, kallelse = meeting_and_kallelse(corpus, query, today)
    if kallelse is None:
        return no_kallelse(query, meeting, _council(query))
    agenda = kallelse.agenda
    source = kallelse_source(kallelse)
    words = subject_words(query)
    item = best_item(agenda.items, words) if words else None
    if query.aspect == "changes":
        return _changes(query, kallelse, source)
    if query.aspect == "presenter":
        return _presenter(query, kallelse, item, source)
    if query.aspect == "decisions":
        return _decisions(query, kallelse, item, source)
    if words and item is None:
        return _not_on_agenda(query, kallelse, source)
    if query.aspect == "underlag" and item is not None:
        return _underlag(query, item, source)
    if item is not None:
        return _one_item(query, kallelse, item, source)
    return _the_agenda(query, kallelse, source)


def _council(query: Query) -> str:
    return query.council or default_council(query)


def meeting_and_kallelse(
    corpus: Corpus, query: Query, today: date
) -> tuple[Meeting | None, Kallelse | None]:
    """The meeting the question points at and its published kallelse: the day named (any
    council's, the question's or the default one first), else the council's next meeting."""
    db = corpus.db
    council = _council(query)
    # The council named first; then the others, since a council's name may be a subject
    # ("Är rapporten från chefsgruppen ett beslutsärende?").
    councils = [council] + [c for c in COUNCIL_NAMES if c != council]
    words = subject_words(query)
    found: list[tuple[Meeting | None, Kallelse]] = []
    for key in councils:
        if query.meeting_date:
            meeting = _meeting(db, key, query.meeting_date)
        else:
            meeting = next_meeting(db, key, today)
        day = query.meeting_date or (meeting.date if meeting else None)
        kallelse = kallelser.published(db, key, day) if day else None
        if kallelse is not None:
            found.append((meeting, kallelse))
    if words and found:
        # The kallelse with the item that fits the question best (the council named first).
        scores = [(scored_item(k.agenda.items, words) or (0,))[0] for _, k in found]
        return found[scores.index(max(scores))]
    if found:
        return found[0]
    if query.meeting_date:
        return _meeting(db, council, query.meeting_date), None
    return next_meeting(db, council, today), None


def _meeting(db: sqlite_utils.Database, council: str, day: date) -> Meeting | None:
    return next((m for m in list_meetings(db, council, since=day) if m.date == day), None)


def kallelse_source(kallelse: Kallelse) -> Source:
    """How an answer cites a kallelse: "Kallelse, <council>, <meeting date>"."""
    agenda = kallelse.agenda
    name = COUNCIL_SHORT.get(agenda.council or "", agenda.body or "")
    return Source(
        council=f"Kallelse, {name}",
        date=agenda.meeting_date,
        item=None,
        title=None,
        document=kallelse.filename,
    )


def _where(meeting: Meeting | None, kallelse: Kallelse | None = None) -> str:
    """ "fredag 4 december 2026, kl. 9.00–12.00, Lokal Eken"."""
    if kallelse is not None:
        agenda = kallelse.agenda
        assert agenda.meeting_date is not None
        day, start, end, place = agenda.meeting_date, agenda.start, agenda.end, agenda.place
    elif meeting is not None:
        day, start, end, place = meeting.date, meeting.start, meeting.end, meeting.place
    else:
        return ""
    parts = [format_date(day), format_time_range(start, end), place or ""]
    return ", ".join(part for part in parts if part)


def no_kallelse(query: Query, meeting: Meeting | None, council: str) -> Answer:
    name = COUNCIL_SHORT.get(council, council)
    if meeting is None or meeting.status == CANCELLED:
        headline = (
            f"Jag hittar inget möte med {name} "
            + (f"{format_date(query.meeting_date)}" if query.meeting_date else "framöver")
            + ", och ingen kallelse."
        )
        return Answer(query.text, query.intent, False, headline)
    blocks = [
        Block(
            None,
            [
                f"Det jag vet om mötet: {_where(meeting)}"
                + (" (från sekreterarens kalender)." if meeting.source == "calendar" else ".")
                if meeting.start or meeting.place
                else f"Mötet är {format_date(meeting.date)}; tid och plats kommer med kallelsen.",
                "Dagordningen kommer med kallelsen; jag säger till när sekreteraren skickar den.",
            ],
        )
    ]
    return Answer(
        query.text,
        query.intent,
        False,
        f"Kallelsen till mötet med {name} {format_date(meeting.date, weekday=False)} "
        "är inte skickad än.",
        blocks,
    )


_COUNCIL_WORD = re.compile(r"^(chefsgrupp\w*|\w*radet\w*|\w*radets)$")


_LONG_AGENDA_WORDS = sorted(w for w in _AGENDA_WORDS if len(w) >= 6)


def _misspelt_agenda_word(folded: str) -> bool:
    """ "dagordnigen", "kalelsen": a word of the question, misspelt, is no subject."""
    return len(folded) >= 6 and bool(
        process.extractOne(folded, _LONG_AGENDA_WORDS, scorer=fuzz.ratio, score_cutoff=85)
    )


def subject_words(query: Query) -> list[str]:
    """The question's words that name an item's subject ("placerade barn", "e-hälso")."""
    words = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", query.text):
        # "e-hälsopunkten": the compound whole ("e-halso") and its parts.
        parts = [word, *word.split("-")] if "-" in word else [word]
        for part in parts:
            folded = re.sub(r"(punkten|punkt|arendet|fragan)$", "", normalize(part))
            if (
                len(folded) >= 2
                and folded not in _AGENDA_WORDS
                and folded not in STOPWORDS
                and not _DATE_WORD.match(folded)
                and not _misspelt_agenda_word(folded)
            ):
                words.append(folded)
    if words:
        # A council's name refines a subject ("rapporten från chefsgruppen"); alone it only
        # says whose meeting it is.
        words += [
            w for w in map(normalize, query.text.split()) if _COUNCIL_WORD.match(w.strip("?.,!"))
        ]
    return words


def _match(word: str, tokens: list[str]) -> int:
    """How well ``word`` is among ``tokens``: 3 the same word or stem, 2 a misspelling, 1 a
    part of a compound ("placerade" in "placeringar" no, "vaccin" in "mittvaccin" yes)."""
    best = 0
    for token in tokens:
        a, b = stem(word), stem(token)
        if word == token or a == b:
            return 3
        # A misspelling, or a compound's form ("hälso-" of "hälsa").
        same_start = abs(len(a) - len(b)) <= 1 and len(commonprefix([a, b])) >= max(
            4, min(len(a), len(b)) - 1
        )
        if len(word) >= 5 and (fuzz.ratio(word, token) >= 85 or same_start):
            best = max(best, 2)
        elif min(len(a), len(b)) >= 5 and "-" not in word and (a in b or b in a):
            best = max(best, 1)
    return best


def _tokens(text: str) -> list[str]:
    """Words of a title, hyphenated compounds also whole ("e-halsa", "e", "halsa")."""
    folded = normalize(text)
    return re.findall(r"\w+(?:-\w+)+", folded) + re.findall(r"\w+", folded)


def scored_item(items: list[AgendaItem], words: list[str]) -> tuple[int, AgendaItem] | None:
    """The item whose title (then note and underlag) holds ``words`` best, with its score;
    None when none holds any."""
    best: tuple[int, int, AgendaItem] | None = None
    for position, item in enumerate(items):
        title = _tokens(item.title)
        rest = _tokens(" ".join([item.note, *item.underlag]))
        # A hyphenated compound matched whole ("e-hälso") says more than its parts.
        score = sum(
            (2 * _match(w, title) or _match(w, rest)) * (2 if "-" in w else 1) for w in words
        )
        if score and (best is None or (score, -position) > best[:2]):
            best = (score, -position, item)
    return (best[0], best[2]) if best else None


def best_item(items: list[AgendaItem], words: list[str]) -> AgendaItem | None:
    """The item whose title (then note and underlag) holds ``words`` best."""
    found = scored_item(items, words)
    return found[1] if found else None


def describe(item: AgendaItem) -> str:
    """ "punkt 6 Hälso- och tandhälsoundersökningar … (informationsärende)"."""
    kind = _KIND_WORD.get(item.kind or "", item.kind or "")
    return f"punkt {item.number} {item.title}" + (f" ({kind})" if kind else "")


def _the_agenda(query: Query, kallelse: Kallelse, source: Source) -> Answer:
    agenda = kallelse.agenda
    lines = []
    for item in agenda.items:
        extra = [", ".join(item.presenters)] if item.presenters else []
        extra += [_KIND_WORD[item.kind]] if item.kind in _KIND_WORD else []
        lines.append(f"{item.number}. {item.title}" + (f" – {'; '.join(extra)}" if extra else ""))
    name = COUNCIL_SHORT.get(agenda.council or "", agenda.body or "")
    return Answer(
        query.text,
        query.intent,
        True,
        f"Dagordningen för mötet med {name} {_where(None, kallelse)}:",
        [Block(None, lines)] + _changed_block(kallelse),
        [source],
    )


def _changed_block(kallelse: Kallelse) -> list[Block]:
    lines = change_lines(kallelse.changes or {})
    return (
        [Block("Ändrat i den rättade kallelsen", [f"- {line}" for line in lines])] if lines else []
    )


def _presenter(query: Query, kallelse: Kallelse, item: AgendaItem | None, source: Source) -> Answer:
    if item is None:
        return _not_on_agenda(query, kallelse, source)
    if not item.presenters:
        headline = f"Kallelsen anger ingen föredragande för {describe(item)}."
    else:
        headline = f"{' och '.join(item.presenters)} föredrar {describe(item)}."
    return Answer(query.text, query.intent, bool(item.presenters), headline, [], [source])


def _decisions(query: Query, kallelse: Kallelse, item: AgendaItem | None, source: Source) -> Answer:
    if item is not None:
        if item.kind == DECISION:
            headline = f"Ja, {describe(item)} är ett beslutsärende."
        elif item.kind:
            headline = f"Nej, {describe(item)} är inget beslutsärende."
        else:
            headline = f"Kallelsen säger inte om {describe(item)} är för beslut."
        lines = [f"{' och '.join(item.presenters)} föredrar."] if item.presenters else []
        return Answer(query.text, query.intent, True, headline, [Block(None, lines)], [source])
    decided = [i for i in kallelse.agenda.items if i.kind == DECISION]
    when = format_date(kallelse.agenda.meeting_date or date.min, weekday=False)
    if not decided:
        return Answer(
            query.text,
            query.intent,
            True,
            f"Nej, inga punkter är markerade som beslutsärenden i kallelsen till mötet {when}.",
            [],
            [source],
        )
    lines = [
        f"- punkt {i.number} {i.title}" + (f" ({', '.join(i.presenters)})" if i.presenters else "")
        for i in decided
    ]
    return Answer(
        query.text,
        query.intent,
        True,
        f"Ja, {len(decided)} {'punkt är' if len(decided) == 1 else 'punkter är'} för beslut "
        f"på mötet {when}:",
        [Block(None, lines)],
        [source],
    )


def _underlag(query: Query, item: AgendaItem, source: Source) -> Answer:
    if not item.underlag:
        headline = f"Kallelsen nämner inget underlag till {describe(item)}."
        return Answer(query.text, query.intent, False, headline, [], [source])
    return Answer(
        query.text,
        query.intent,
        True,
        f"Till {describe(item)} hör: {'; '.join(item.underlag)}.",
        [],
        [source],
    )


def _one_item(query: Query, kallelse: Kallelse, item: AgendaItem, source: Source) -> Answer:
    lines = [
        f"Förut punkt {moved['before']} (kallelsen är rättad)."
        for moved in (kallelse.changes or {}).get("renumbered", [])
        if moved["title"] == item.title
    ]
    if item.presenters:
        lines.append(f"Föredragande: {', '.join(item.presenters)}.")
    if item.underlag:
        lines.append(f"Underlag: {'; '.join(item.underlag)}.")
    if item.note:
        lines.append(item.note)
    headline = describe(item)
    return Answer(
        query.text,
        query.intent,
        True,
        headline[:1].upper() + headline[1:] + ".",
        [Block(None, lines)] if lines else [],
        [source],
    )


def _changes(query: Query, kallelse: Kallelse, source: Source) -> Answer:
    lines = change_lines(kallelse.changes or {})
    if not lines:
        return Answer(
            query.text,
            query.intent,
            True,
            "Kallelsen är inte rättad; den gäller som den skickades.",
            [],
            [source],
        )
    return Answer(
        query.text,
        query.intent,
        True,
        "Det här ändrades i den rättade kallelsen:",
        [Block(None, [f"- {line[:1].upper()}{line[1:]}." for line in lines])],
        [source],
    )


def _not_on_agenda(query: Query, kallelse: Kallelse, source: Source) -> Answer:
    dropped = [
        item["title"]
        for item in (kallelse.changes or {}).get("dropped", [])
        if best_item([AgendaItem("", item["title"])], subject_words(query))
    ]
    headline = (
        f"Punkten ”{dropped[0]}” utgår i den rättade kallelsen."
        if dropped
        else "Jag hittar ingen sådan punkt på dagordningen."
    )
    return Answer(query.text, query.intent, bool(dropped), headline, [], [source])
