"""Reading a kallelse (a meeting notice with its agenda, "föredragningslista", "dagordning").

Swedish kallelser follow a few conventions, which this reader knows rather than any one file:
the meeting in labelled fields ("Tid:", "Datum:", "Plats:", "Tid och plats:") or in running
text ("... kallas till möte fredag 4 december 2026 kl. 9.00–12.00 i Lokal Eken"); the items
numbered ("1.", "§ 1", "Punkt 1", a table row "1 | Ärende | Föredragande | Beslut"), each with
its presenter ("Föredragande: X", "(X)", "– X", a table cell), whether it is for decision or
information (a word of its own, a cell, "Förslag till beslut", a title "Information om ...")
and the underlag it names ("Underlag:", "Bilaga 2 ..."); after the agenda, the greeting and a
list of bilagor. Parsing reuses the protocol parser's pieces: cleaning, item headings, header
fields, dates, councils and bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date

from knowledge.bodies import COUNCIL_NAMES
from knowledge.ingest.clean import clean_document
from knowledge.ingest.parse.body import find_body
from knowledge.ingest.parse.lines import Line, reflow, to_line
from knowledge.ingest.parse.people import looks_like_name, person_name
from knowledge.ingest.parse.structure import (
    ItemHeading,
    find_councils,
    find_items,
    find_unnumbered_items,
)
from knowledge.language.dates import DateMention, find_dates, parse_time_range
from knowledge.language.text import normalize
from knowledge.storage.kallelser import DECISION, DISCUSSION, INFORMATION, Agenda, AgendaItem

# A line near the top that names the document: a kallelse, not minutes.
_KALLELSE_TITLE = re.compile(
    r"(^|\t)(kallelse|moteskallelse|foredragningslista|dagordning|agenda)\b"
    r"|\bkallas (harmed )?till\b|\bkallelse (till|och)\b"
)
_MINUTES_TITLE = re.compile(
    r"(^|\t)(protokoll|sammantradesprotokoll|minnesanteckningar|motesanteckningar|anteckningar)\b"
)

# Labels of the meeting's time (strongest first) and place; "Datum" alone may be the day the
# kallelse was written, so a "Tid" field or a time beside the date counts for more.
_WHEN_LABELS = {
    "tid": 3,
    "dag och tid": 3,
    "tid och plats": 3,
    "plats och tid": 3,
    "datum och tid": 3,
    "datum, tid och plats": 3,
    "sammantradesdag": 3,
    "sammantradesdatum": 3,
    "motesdatum": 3,
    "motestid": 3,
    "nar": 3,
    "datum": 2,
}
_PLACE_LABELS = {"plats", "lokal", "motesplats", "var", "moteslokal", "adress"}
_WITH_PLACE = {"tid och plats", "plats och tid", "datum, tid och plats"}
# A date written beside these is not the meeting's: when the kallelse was sent or registered.
_NOT_MEETING_DATE = re.compile(
    r"\b(utskick|skickad|skickat|upprattad|publicerad|diarie|dnr|senast|anmal|svara|osa|"
    r"handlingar|justering|foregaende|nasta mote)\w*"
)
_WEEKDAY = re.compile(
    r"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?( den)?\b", re.IGNORECASE
)
_MEETING_WORDS = re.compile(r"\b(mote|motet|sammantrade|sammantradet|kallas|valkommen|valkomna)\b")

# The kind of an item, as a word of its own, a cell, a bracket or a label's value (folded).
_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        DECISION,
        re.compile(
            r"^(for )?(beslut|beslutsarende|beslutspunkt|beslutas|att besluta|beslutsfattande)"
            r"( ?/ ?beredning)?$"
        ),
    ),
    (
        INFORMATION,
        re.compile(
            r"^(for )?(information|informationsarende|informationspunkt|info|kannedom|"
            r"for kannedom|rapport|lagesrapport|anmalan|anmalningsarende|meddelande)$"
        ),
    ),
    (
        DISCUSSION,
        re.compile(r"^(for )?(diskussion|dialog|samtal|avstamning|dialogpunkt|diskussionspunkt)$"),
    ),
]
# Phrases in an item's text that say it is for decision or for information.
_DECISION_PHRASE = re.compile(
    r"\b(forslag till beslut|beslutsforslag|foreslas (besluta|fatta beslut|godkanna|faststalla|"
    r"anta)|ska (besluta|fatta beslut|faststalla|godkanna)|beslut om att|for beslut)\b"
)
_INFORMATION_PHRASE = re.compile(r"\b(for (information|kannedom)|informationsarende)\b")
_LABELLED_KIND = re.compile(r"^(arendetyp|typ|arendets art|art|beslut ?/ ?information)\s*:\s*(.+)$")
_PRESENTER = re.compile(
    r"^(föredragande|föredras av|föredragare|presentatör|presenteras av|ansvarig|inledare|"
    r"medverkande|dragande|presentation av|föredrar)\s*[:.-]?\s*(?P<who>.+)$",
    re.IGNORECASE,
)
_PRESENTER_INLINE = re.compile(
    r"\s*[.,;–-]?\s*\(?(föredragande|föredras av|presentatör|ansvarig)\s*:?\s*"
    r"(?P<who>[^)]+)\)?\s*$",
    re.IGNORECASE,
)
_UNDERLAG = re.compile(
    r"^(underlag|bilaga|bilagor|handling|handlingar|bifogat|bifogas|bilagt|material)\b"
    r"(?P<number>\s*\d+[a-z]?)?(?P<separator>\s*[:.–-])?\s*(?P<what>.*)$",
    re.IGNORECASE,
)
# Lines after the agenda: greetings, how to report förhinder, the list of bilagor.
_TRAILER = re.compile(
    r"^(välkomna|välkommen|hjärtligt välkomna|med vänlig|vänliga hälsningar|hälsningar|"
    r"vid förhinder|förhinder anmäls|anmäl förhinder|anmäl eventuellt förhinder|om du inte kan|"
    r"kan du inte komma|bilagor|bifogade handlingar|handlingar till mötet|underlag till mötet|"
    r"sändlista|kallade|för kännedom till|kopia till|kontaktperson|frågor om mötet|"
    r"mötesplan|kommande möten)\b",
    re.IGNORECASE,
)
_LIST_HEADING = re.compile(r"^(bilagor|bifogade handlingar|handlingar till mötet|underlag)\s*:?$")
_ROLE_PRESENTER = re.compile(
    r"^(ordförande(n)?|vice ordförande|sekreterare(n)?|samtliga|alla|rådet|chefsgruppen|"
    r"presidiet|kansliet|mötets ordförande|[A-ZÅÄÖ][\wåäö-]+(chef|direktör|samordnare|"
    r"strateg|ledare|ansvarig))$",
    re.IGNORECASE,
)
_HEADER_CELL = re.compile(
    r"^(nr|punkt|§|ärende|ärenden|rubrik|ämne|föredragande|ansvarig|beslut|information|typ|"
    r"underlag|bilaga|tid|beslut ?/ ?information|ärendetyp)$",
    re.IGNORECASE,
)


def is_kallelse(raw: str, filename: str = "") -> bool:
    """Whether a document is a kallelse: its first lines call it one (and not minutes), or,
    with nothing in them either way, its file name does."""
    text, _ = clean_document(raw)
    head = [normalize(line.lstrip("# ")) for line in text.split("\n") if line.strip()][:20]
    for line in head:
        if _MINUTES_TITLE.search(line):
            return False
        if _KALLELSE_TITLE.search(line):
            return True
    return bool(re.search(r"kallelse|dagordning|foredragningslista", normalize(filename)))


def parse_kallelse(raw: str, *, today: date | None = None) -> Agenda:
    """What a kallelse says, with a warning for each thing a reader expects and it lacks."""
    text, top = clean_document(raw)
    lines = [to_line(i, line) for i, line in enumerate(text.split("\n"))]
    items_start, headings = find_items(lines)
    if len(headings) < 2:
        # Items as headings without numbers: numbered here by their order.
        headings = [
            heading._replace(number=str(index + 1))
            for index, heading in enumerate(_unnumbered_items(lines))
        ]
        items_start = headings[0].pos if headings else len(lines)
    head = lines[:items_start] if headings else lines[:60]
    agenda = Agenda(text=text)
    agenda.title = _title(head)
    agenda.council = _council(head)
    if agenda.council:
        agenda.body = COUNCIL_NAMES[agenda.council]
    else:
        body, organisation = find_body(top, [])
        agenda.body = ", ".join(part for part in (body, organisation) if part) or None
    _when_and_where(agenda, head, lines, today)
    end = _agenda_end(lines, headings)
    columns = _header_row(lines[: headings[0].pos] if headings else [])
    agenda.items = [
        _item(
            lines,
            heading,
            headings[index + 1].pos if index + 1 < len(headings) else end,
            columns,
        )
        for index, heading in enumerate(headings)
    ]
    agenda.underlag = _listed_underlag(lines[end:]) or list(
        dict.fromkeys(u for item in agenda.items for u in item.underlag)
    )
    agenda.warnings = _warnings(agenda, today)
    return agenda


def _unnumbered_items(lines: list[Line]) -> list[ItemHeading]:
    """Items written as headings without numbers ("## Övriga frågor"): the headings of the
    level most used, but the document's own title; else short lines standing alone."""
    marked = [
        line
        for line in lines
        if line.heading
        and not _KALLELSE_TITLE.search(normalize(line.text))
        and not _TRAILER.match(line.text)
    ]
    if not marked:
        return find_unnumbered_items(lines)
    levels = [line.heading for line in marked]
    level = max(set(levels), key=lambda lv: (levels.count(lv), lv))
    return [ItemHeading(line.index, "", line.text) for line in marked if line.heading == level]


def _title(head: list[Line]) -> str:
    for line in head[:15]:
        if _KALLELSE_TITLE.search(normalize(line.text)):
            return line.text.replace("\t", " ").strip(" .:")
    return next((line.text for line in head if line.text), "Kallelse")


def _council(head: list[Line]) -> str | None:
    found = find_councils(head)
    if found:
        return found[0]
    # "Du kallas till möte med specifika samverkansrådet ...": a council named in running text.
    for line in head[:40]:
        found = find_councils([line])
        if found:
            return found[0]
    return None


def _fields(texts: list[str]) -> list[tuple[int, str, str]]:
    """(position, folded label, value) of the meeting's labelled lines: "Tid: ...",
    "Plats<tab>...", "**När:** ...", and "Datum Fredag 4 december" (a table whose columns a
    PDF ran together), the value taking the line below when the label stands alone."""
    labels = sorted(set(_WHEN_LABELS) | _PLACE_LABELS, key=len, reverse=True)
    found = []
    for index, text in enumerate(texts):
        folded = normalize(text.removeprefix("- "))
        for label in labels:
            if not folded.startswith(label):
                continue
            rest = text.removeprefix("- ")[len(label) :]
            separated = re.match(r"^\s*[:\t]\s*", rest)
            if separated:
                value = rest[separated.end() :]
            elif label not in ("var", "nar") and re.match(r"^ ([A-ZÅÄÖ0-9]|kl\b)", rest):
                value = rest.strip()  # "Tid Kl. 09.00–12.00", "Plats Lokal Eken"
            else:
                continue
            if not value.strip() and index + 1 < len(texts):
                value = texts[index + 1]
            found.append((index, label, value.replace("\t", " ").strip()))
            break
    return found


def _when_and_where(
    agenda: Agenda, head: list[Line], lines: list[Line], today: date | None
) -> None:
    """The meeting's date, time and place: labelled fields of the head first, then the
    running text; a date with a time, or under a "Tid" label, before a bare "Datum"."""
    texts = [line.text for line in head]
    reference = today
    candidates: list[tuple[int, int, DateMention, str]] = []  # (score, -position, date, text)
    time_only: tuple[str, str] | None = None
    fields = _fields(texts)
    if not any(label in _WHEN_LABELS for _, label, _ in fields):
        fields = _fields([line.text for line in lines])  # a "Tid:" block below the agenda
    for index, label, whole in fields:
        if label in _WHEN_LABELS:
            mentions = find_dates(whole, reference=reference, prefer_future=True)
            if not mentions:
                if parse_time_range(f"kl {whole}")[0] and time_only is None:
                    time_only = (label, whole)
                continue
            score = _WHEN_LABELS[label] + (1 if mentions[0].start else 0)
            if _NOT_MEETING_DATE.search(normalize(whole)):
                score -= 3
            candidates.append((score, -index, mentions[0], whole))
            if label in _WITH_PLACE and agenda.place is None:
                agenda.place = _place_beside(whole, mentions[0])
        elif label in _PLACE_LABELS and agenda.place is None:
            agenda.place = _clean_place(whole)
    for index, line in enumerate(head[:60]):
        folded = normalize(line.text)
        mentions = [m for m in find_dates(line.text, reference=reference, prefer_future=True)]
        if not mentions or _NOT_MEETING_DATE.search(folded):
            continue
        mention = mentions[0]
        score = (2 if _MEETING_WORDS.search(folded) else 0) + (1 if mention.start else 0)
        if score:
            candidates.append((score, -index, mention, line.text))
    if not candidates:
        return
    _, _, mention, source = max(candidates, key=lambda c: (c[0], c[1]))
    agenda.meeting_date = mention.date
    agenda.start, agenda.end = mention.start, mention.end
    if agenda.start is None:
        start, end = parse_time_range(source[mention.span[1] :])
        if start is None and time_only is not None:
            start, end = parse_time_range(f"kl {time_only[1]}")
            if time_only[0] in _WITH_PLACE and agenda.place is None:
                agenda.place = _place_beside(time_only[1], None)
        agenda.start, agenda.end = start, end
    if agenda.place is None:
        after = re.match(r"^\s*,?\s*(i|på)\s+(?P<place>[^.]{3,80})", source[mention.span[1] :])
        if after:
            agenda.place = _clean_place(after.group("place"))


def _place_beside(text: str, mention: DateMention | None) -> str | None:
    """What is left of a "Tid och plats" value once its date and time are taken out."""
    rest = text.replace(mention.text, " ") if mention else text
    rest = re.sub(
        r"\b(kl\.?|klockan)?\s*\d{1,2}([.:]\d{2})?\s*(-|–|till)\s*\d{1,2}([.:]\d{2})?", " ", rest
    )
    rest = re.sub(r"\b(kl\.?|klockan)\s*\d{1,2}([.:]\d{2})?", " ", rest)
    rest = re.sub(_WEEKDAY, " ", rest)
    return _clean_place(rest)


def _clean_place(value: str) -> str | None:
    value = re.split(r"(?<=[a-zåäö0-9])\.\s+(?=[A-ZÅÄÖ])", value, maxsplit=1)[0]  # one sentence
    value = re.sub(r"^\s*(i|på)\s+", "", " ".join(value.replace("\t", " ").split()))
    value = value.strip(" ,.;:–-")
    return value if len(value) >= 3 and re.search(r"[A-Za-zÅÄÖåäö]{3}", value) else None


def _agenda_end(lines: list[Line], headings: list[ItemHeading]) -> int:
    """Where the agenda ends: the first greeting or bilagor line after the last item."""
    if not headings:
        return len(lines)
    last = headings[-1]
    for pos in range(last.pos + 1 + last.skip, len(lines)):
        text = lines[pos].text.removeprefix("- ")
        if _TRAILER.match(text) or (lines[pos].heading and pos > last.pos + 1):
            return pos
    return len(lines)


def _header_row(lines: list[Line]) -> set[str]:
    """The columns a table of items names in its header row ("Nr | Ärende | Föredragande |
    Beslut/Information | Handling"): PRESENTER, KIND, UNDERLAG among them."""
    for line in reversed(lines):
        cells = [normalize(cell) for cell in line.text.split("\t") if cell.strip()]
        if (
            len(cells) < 3
            or sum(
                bool(_HEADER_CELL.match(line_cell))
                for line_cell in [c for c in line.text.split("\t") if c.strip()]
            )
            < 2
        ):
            continue
        columns = set()
        for cell in cells:
            if re.match(r"(foredragande|ansvarig|presentator)", cell):
                columns.add(_PRESENTER_COLUMN)
            elif re.match(r"(beslut|information|typ|arendetyp)", cell):
                columns.add(_KIND_COLUMN)
            elif re.match(r"(underlag|bilaga|handling)", cell):
                columns.add(_UNDERLAG_COLUMN)
        return columns
    return set()


_PRESENTER_COLUMN, _KIND_COLUMN, _UNDERLAG_COLUMN = "presenter", "kind", "underlag"


def _item(lines: list[Line], heading: ItemHeading, end: int, columns: set[str]) -> AgendaItem:
    """One agenda item: its heading line (or table row), then the lines up to ``end``."""
    item = AgendaItem(number=heading.number, title=heading.title)
    cells = [cell.strip() for cell in heading.rest.split("\t") if cell.strip()]
    body = [line.text for line in lines[heading.pos + 1 + heading.skip : end]]
    if cells:  # a table's row: what follows the table is not the item's
        body = body[: body.index("")] if "" in body else body
    elif body and body[0][:1].islower() and not item.title.endswith((".", ")")):
        item.title = f"{item.title} {body.pop(0)}"  # a title wrapped onto the next line
    _title_parts(item)
    for cell in cells:
        _cell(item, cell, columns)
    notes: list[str] = []
    for text in body:
        if not text:
            notes.append("")
            continue
        if "\t" in text and _HEADER_CELL.match(text.split("\t")[0]):
            continue  # a table's header row
        if not _body_line(item, text.removeprefix("- ").strip()):
            notes.append(text)
    item.note = reflow(notes)
    if item.kind is None:
        item.kind = _kind_in_text(normalize(item.title + " " + item.note))
    item.presenters = list(dict.fromkeys(item.presenters))
    item.underlag = list(dict.fromkeys(item.underlag))
    return item


def _title_parts(item: AgendaItem) -> None:
    """Take the presenter and kind out of a title: "Budget 2027 (beslut) – Anna Berg"."""
    title = " ".join(item.title.split())
    inline = _PRESENTER_INLINE.search(title)
    if inline:
        item.presenters += _people(inline.group("who"))
        title = title[: inline.start()]
    # Brackets at the end: a kind, a presenter, or part of the title ("(TNE)", "(2026-11-13)").
    title = _take_tails(item, title, _BRACKET_TAIL, _presenter_like)
    # A dash before a kind or a person: "Färdplan nära vård – beslut", "Rapport - Anna Berg".
    title = _take_tails(item, title, _DASH_TAIL, _names_only)
    item.title = title.strip(" .:,;–-")


_BRACKET_TAIL = re.compile(r"\s*[(\[](?P<tail>[^()\[\]]+)[)\]]\s*$")
_DASH_TAIL = re.compile(r"\s+[–—-]\s+(?P<tail>[^–—]+)$")


def _take_tails(
    item: AgendaItem, title: str, tail: re.Pattern[str], is_person: Callable[[str], bool]
) -> str:
    """Take kinds and presenters off the end of a title while ``tail`` finds one there; the
    title left."""
    for _ in range(3):
        found = tail.search(title)
        if not found:
            break
        text = found.group("tail").strip()
        kind = _kind_word(text)
        if kind:
            item.kind = item.kind or kind
        elif is_person(text):
            item.presenters += _people(text)
        else:
            break
        title = title[: found.start()]
    return title


def _cell(item: AgendaItem, cell: str, columns: Collection[str] = ()) -> None:
    """A table cell beside the title: a kind, underlag, a presenter or a note (underlag when
    the table has a column for it)."""
    kind = _kind_word(cell)
    if kind:
        item.kind = item.kind or kind
        return
    underlag = _UNDERLAG.match(cell)
    if underlag:
        item.underlag += _underlag_values(underlag, cell)
        return
    if re.fullmatch(r"(kl\.?\s*)?\d{1,2}[.:]\d{2}(\s*[-–]\s*\d{1,2}[.:]\d{2})?|[-–]", cell):
        return  # a time column, or an empty cell's dash
    if re.match(r"(samtliga|alla)\b", cell, re.IGNORECASE):
        item.note = (item.note + " " + cell).strip()  # a round of everyone: nobody presents
        return
    if _presenter_like(cell) and not item.presenters:
        item.presenters += _people(cell)
        return
    if _UNDERLAG_COLUMN in columns:
        item.underlag.append(cell.strip(" ."))
        return
    item.note = (item.note + " " + cell).strip()


def _body_line(item: AgendaItem, text: str) -> bool:
    """Read a line under an item's heading; False when it is plain text (a note)."""
    presenter = _PRESENTER.match(text)
    if presenter:
        who = presenter.group("who")
        rest = ""
        # "Föredragande: Anna Berg. Beslutsärende." — more on the same line.
        parts = re.split(r"(?<=[a-zåäö)])\.\s+", who, maxsplit=1)
        if len(parts) == 2:
            who, rest = parts
        item.presenters += _people(who)
        if rest:
            _body_line(item, rest)
        return True
    folded = normalize(text)
    labelled = _LABELLED_KIND.match(folded)
    kind = _kind_word(text) or (_kind_word(_first_words(labelled.group(2))) if labelled else None)
    if kind is None and len(text) <= 40:
        # "-> fastställs (beslut)": a short line whose bracket says it.
        bracket = re.search(r"\((?P<inside>[^()]+)\)", text)
        kind = _kind_word(bracket.group("inside")) if bracket else None
    if kind:
        item.kind = item.kind or kind
        return True
    underlag = _UNDERLAG.match(text)
    if underlag and (underlag.group("number") or underlag.group("separator")):
        item.underlag += _underlag_values(underlag, text)
        return True
    if "\t" in text:
        cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
        if cells and all(_kind_word(c) or _presenter_like(c) for c in cells):
            for cell in cells:
                _cell(item, cell)
            return True
    return False


def _underlag_values(match: re.Match[str], text: str) -> list[str]:
    """The documents an "Underlag:" or "Bilaga 2 ..." line names."""
    what = match.group("what").strip(" .")
    if match.group("number"):  # "Bilaga 2 Förslag till ...": the attachment by its number
        return [text.strip(" .")]
    if normalize(what) in ("", "saknas", "inget", "inga", "-", "finns ej"):
        return []
    return [part.strip(" .") for part in re.split(r";|\s+\+\s+", what) if part.strip(" .")]


def _listed_underlag(lines: list[Line]) -> list[str]:
    """The list under a "Bilagor:" heading after the agenda."""
    found: list[str] = []
    listing = False
    for line in lines:
        text = line.text.removeprefix("- ").strip()
        folded = normalize(text)
        if _LIST_HEADING.match(folded.rstrip(":")) or _LIST_HEADING.match(folded):
            listing = True
            continue
        if not listing:
            continue
        if not text:
            if found:
                break
            continue
        if _TRAILER.match(text) and not _UNDERLAG.match(text):
            break
        found.append(re.sub(r"^\d+[.)]\s*", "", text).strip(" ."))
    return found


def _kind_word(text: str) -> str | None:
    """A kind written on its own: "Beslut", "-> info", "För kännedom", "(beslutsärende)"."""
    folded = normalize(text)
    folded = re.sub(r"^[^a-z]+|[^a-z]+$", "", folded)
    for kind, pattern in _KIND_WORDS:
        if pattern.match(folded):
            return kind
    return None


def _first_words(value: str) -> str:
    """ "beslut – rådet föreslås ...", "beslut (förslag: ...)": the value before its comment."""
    return re.split(r"\s+[–—-]\s+|\s*\(|,|\.\s", value, maxsplit=1)[0]


def _kind_in_text(folded: str) -> str | None:
    if _DECISION_PHRASE.search(folded):
        return DECISION
    if _INFORMATION_PHRASE.search(folded) or re.match(r"(information|info|rapport)\b", folded):
        return INFORMATION
    return None


def _presenter_like(text: str) -> bool:
    return _names_only(text) or bool(_ROLE_PRESENTER.match(text.strip(" .")))


def _names_only(text: str) -> bool:
    """ "Anna Berg", "Anna Berg och Olle Ek", "Anna Berg, projektledare"."""
    first, _, titles = text.partition(",")
    names = [p.strip() for p in re.split(r"\boch\b|&|/", first) if p.strip()]
    if not names or not all(looks_like_name(n) and len(n.split()) >= 2 for n in names):
        return False
    return not titles or titles.strip()[:1].islower()


def _people(text: str) -> list[str]:
    """The people a presenter field names; a role ("Ordförande") as written."""
    text = " ".join(text.split()).strip(" .()")
    names = [
        name
        for part in re.split(r"\s+och\s+|\s*&\s*|\s*/\s*|;\s*", text)
        for name in [person_name(part)]
        if name
    ]
    if names:
        return names
    return [text.split(",")[0].strip()] if text else []


def _warnings(agenda: Agenda, today: date | None) -> list[str]:
    warnings = []
    if agenda.meeting_date is None:
        warnings.append("Inget mötesdatum hittades.")
    elif today is not None and agenda.meeting_date < today:
        warnings.append(f"Mötesdatumet {agenda.meeting_date.isoformat()} har redan varit.")
    if agenda.start is None:
        warnings.append("Ingen tid för mötet hittades.")
    if agenda.place is None:
        warnings.append("Ingen plats hittades.")
    if agenda.council is None:
        named = f" ({agenda.body})" if agenda.body else ""
        warnings.append(f"Kallelsen nämner inget av råden{named}.")
    if not agenda.items:
        warnings.append("Inga numrerade punkter hittades på dagordningen.")
    return warnings
