"""The agenda of a coming meeting, from its published kallelse: the items, who presents one,
what is for decision, an item's underlag, what a corrected kallelse changed. Honest when no
kallelse is out: it says so, and what is known of the meeting."""

from __future__ import annotations

import re
from datetime import date
from os.path import commonprefix

from rapidfuzz import fuzz, process

from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council.kallelse_changes import change_lines
from knowledge.council.meetings import CANCELLED, Meeting, meeting_for, next_meeting
from knowledge.language.dates import format_date, format_time_range
from knowledge.language.text import normalize, stem
from knowledge.qa.answers.shared import default_council
from knowledge.qa.corpus import Corpus
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import Answer, Block, Query, Source
from knowledge.storage import kallelser
from knowledge.storage.kallelser import DECISION, DISCUSSION, INFORMATION, AgendaItem, Kallelse

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
# An item's kind as every text names it (the notices' "(beslut)", the secretary's summary).
_KIND_WORD = {DECISION: "beslut", INFORMATION: "information", DISCUSSION: "diskussion"}
# A question that opens with a question word asks what, not whether: no "Ja"/"Nej".
_ASKS_WHAT = re.compile(r"^(vad|vilka|vilken|vilket|vem|nar|hur|var)\b")


def answer_agenda(corpus: Corpus, query: Query, today: date) -> Answer:
    """The published kallelse of the meeting asked about (the next one unless a date is
    named), read for the question's aspect; a cancelled meeting is said to be cancelled, a
    moved one to have moved (and its agenda given)."""
    meeting, kallelse = meeting_and_kallelse(corpus, query, today)
    if meeting is not None and meeting.status == CANCELLED:
        return _cancelled(query, meeting, kallelse)
    if kallelse is None:
        return no_kallelse(query, meeting, _council(query))
    answer = _read(query, meeting, kallelse)
    note = moved_note(query, meeting)
    if note:
        answer.headline = f"{note} {answer.headline}"
    return answer


def _read(query: Query, meeting: Meeting | None, kallelse: Kallelse) -> Answer:
    """The kallelse read for the question's aspect."""
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
    return _the_agenda(query, meeting, kallelse, source)


def moved_note(query: Query, meeting: Meeting | None) -> str:
    """ "Mötet 4 december 2026 är flyttat till fredag 11 december 2026." when the day the
    question named is one the meeting moved away from; else ""."""
    if query.meeting_date is None or meeting is None or meeting.date == query.meeting_date:
        return ""
    return (
        f"Mötet {format_date(query.meeting_date, weekday=False)} är flyttat till "
        f"{format_date(meeting.date)}."
    )


def _cancelled(query: Query, meeting: Meeting, kallelse: Kallelse | None) -> Answer:
    name = COUNCIL_SHORT.get(meeting.council, meeting.council)
    note = moved_note(query, meeting)
    lines = ["Kallelsen som skickades till det gäller inte längre."] if kallelse else []
    return Answer(
        query.text,
        query.intent,
        True,
        (f"{note} " if note else "") + f"Mötet med {name} {format_date(meeting.date)} är inställt.",
        [Block(None, lines)] if lines else [],
        [kallelse_source(kallelse)] if kallelse else [],
    )


def _council(query: Query) -> str:
    return query.council or default_council(query)


def meeting_and_kallelse(
    corpus: Corpus, query: Query, today: date
) -> tuple[Meeting | None, Kallelse | None]:
    """The meeting the question points at and its published kallelse: the day named (the
    meeting it moved to, if it moved), else the council's next meeting. The council named is
    the only one asked about, unless an item of another council's kallelse names it ("Är
    rapporten från chefsgruppen ett beslutsärende?"); with no council named, the default
    council's meeting first, then the others'."""
    db = corpus.db
    council = _council(query)
    councils = [council] + [c for c in COUNCIL_NAMES if c != council]
    words = subject_words(query)
    found: list[tuple[Meeting | None, Kallelse]] = []
    for key in councils:
        if query.meeting_date:
            meeting = meeting_for(db, key, query.meeting_date)
        else:
            meeting = next_meeting(db, key, today)
        day = meeting.date if meeting else query.meeting_date
        kallelse = kallelser.published(db, key, day) if day else None
        if kallelse is None:
            continue
        if query.council in (None, key) or _names_council(kallelse, words):
            found.append((meeting, kallelse))
    if words and found:
        # The kallelse with the item that fits the question best (the council named first).
        scores = [(scored_item(k.agenda.items, words) or (0,))[0] for _, k in found]
        return found[scores.index(max(scores))]
    if found:
        return found[0]
    if query.meeting_date:
        return meeting_for(db, council, query.meeting_date), None
    return next_meeting(db, council, today), None


def _names_council(kallelse: Kallelse, words: list[str]) -> bool:
    """Whether an item's title names a council the question names ("Rapport från
    chefsgruppen"): then the council is the subject, not whose meeting it is."""
    named = [w for w in words if _COUNCIL_WORD.match(w)]
    return any(_match(w, _tokens(i.title)) >= 2 for i in kallelse.agenda.items for w in named)


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
    """ "fredag 4 december 2026, kl. 9.00–12.00, Lokal Eken": the calendar's time and place
    (the secretary may have changed them after the kallelse), else the kallelse's."""
    agenda = kallelse.agenda if kallelse is not None else None
    if meeting is not None:
        day, start, end, place = meeting.date, meeting.start, meeting.end, meeting.place
    elif agenda is not None and agenda.meeting_date is not None:
        day, start, end, place = agenda.meeting_date, None, None, None
    else:
        return ""
    if start is None and agenda is not None:
        start, end = agenda.start, agenda.end
    place = place or (agenda.place if agenda is not None else None)
    parts = [format_date(day), format_time_range(start, end), place or ""]
    return ", ".join(part for part in parts if part)


def no_kallelse(query: Query, meeting: Meeting | None, council: str) -> Answer:
    name = COUNCIL_SHORT.get(council, council)
    if meeting is not None and meeting.status == CANCELLED:
        return _cancelled(query, meeting, None)
    if meeting is None:
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
    note = moved_note(query, meeting)
    return Answer(
        query.text,
        query.intent,
        False,
        (f"{note} " if note else "")
        + f"Kallelsen till mötet med {name} {format_date(meeting.date, weekday=False)} "
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


def describe(item: AgendaItem, *, kind: bool = True) -> str:
    """ "punkt 6 Hälso- och tandhälsoundersökningar … (information)"."""
    word = _KIND_WORD.get(item.kind or "", item.kind or "") if kind else ""
    return f"punkt {item.number} {item.title}" + (f" ({word})" if word else "")


def _the_agenda(
    query: Query, meeting: Meeting | None, kallelse: Kallelse, source: Source
) -> Answer:
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
        f"Dagordningen för mötet med {name} {_where(meeting, kallelse)}:",
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
    whether = not _ASKS_WHAT.match(query.folded)  # "Ska vi besluta om …?", not "Vad ska vi …?"
    if item is not None:
        named = describe(item, kind=False)
        if item.kind == DECISION:
            said = f"{named} är för beslut."
            headline = f"Ja, {said}" if whether else said[:1].upper() + said[1:]
        elif item.kind:
            said = f"{named} är för {_KIND_WORD.get(item.kind, item.kind)}, inte för beslut."
            headline = f"Nej, {said}" if whether else said[:1].upper() + said[1:]
        else:
            headline = f"Kallelsen säger inte om {named} är för beslut."
        lines = [f"{' och '.join(item.presenters)} föredrar."] if item.presenters else []
        return Answer(query.text, query.intent, True, headline, [Block(None, lines)], [source])
    decided = [i for i in kallelse.agenda.items if i.kind == DECISION]
    when = format_date(kallelse.agenda.meeting_date or date.min, weekday=False)
    if not decided:
        return Answer(
            query.text,
            query.intent,
            True,
            ("Nej, inga" if whether else "Inga")
            + f" punkter är markerade för beslut i kallelsen till mötet {when}.",
            [],
            [source],
        )
    lines = [
        f"- punkt {i.number} {i.title}" + (f" ({', '.join(i.presenters)})" if i.presenters else "")
        for i in decided
    ]
    count = f"{len(decided)} {'punkt är' if len(decided) == 1 else 'punkter är'} för beslut"
    return Answer(
        query.text,
        query.intent,
        True,
        (f"Ja, {count}" if whether else count[:1].upper() + count[1:]) + f" på mötet {when}:",
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
