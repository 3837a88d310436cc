"""Agenda items: each heading's body, kind, presenters and decisions."""

from __future__ import annotations

import re

from knowledge.ingest.model import Item, Protocol
from knowledge.ingest.parse.decisions import parse_decisions
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line, reflow
from knowledge.ingest.parse.people import add_presenters_from_sentences, name_list, split_presenters
from knowledge.ingest.parse.schedule import SCHEDULE_TITLE
from knowledge.ingest.parse.structure import ItemHeading
from knowledge.language.dates import CLOCK_SPAN

_INFO_ITEM = re.compile(r"\binformations(ärende|punkt)\b", re.IGNORECASE)
_CLOSING = re.compile(
    r"\s*(nästa|kommande)\s+(möte|sammanträde|träff|styrelsemöte)|\s*(mötet|sammanträdet)\s+"
    r"(hålls|äger rum)",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(r"https?://|hittar du här")


def parse_items(lines: list[Line], items: list[ItemHeading], known: set[str]) -> list[Item]:
    """Each item heading with the lines up to the next heading as its body."""
    parsed: list[Item] = []
    pending_kind: str | None = None
    column = _presenter_column(lines, items)
    trailing: list[Line] = []
    for index, (pos, number, title, rest, skip) in enumerate(items):
        end = items[index + 1].pos if index + 1 < len(items) else len(lines)
        level = lines[pos].heading if pos < len(lines) else 0
        # A heading above the items' level ("## Beslut" after "### 8 Nästa möte") ends the
        # item: what follows is the document's, not the item's.
        above = next((k for k in range(pos + 1, end) if 0 < lines[k].heading < level), None)
        if above is not None:
            trailing, end = (lines[above:end] if index + 1 == len(items) else []), above
        body_lines = lines[pos + 1 + skip : end]
        cells = rest.split("\t")
        lead = _presenter_cell(cells[column]) if column is not None and len(cells) > column else ""
        if column is not None and name_list(lead, known):
            # The presenter's cell of an agenda table ("Hanna Lindgren, Jenny Oskarsson (Region
            # Örebro län) 13.30–14.00") leads the body, where a name line names the presenters.
            rest = "\t".join([f"{lead}.", *cells[:column], *cells[column + 1 :]])
        if rest:
            body_lines = [Line(rest.replace("\t", " "), 0, pos), *body_lines]
        # A lone "Informationsärende" heading announces the kind of the item after it.
        next_kind = None
        while body_lines and _INFO_ITEM.fullmatch(body_lines[-1].text.rstrip(":")):
            next_kind = "informationsärende"
            body_lines = body_lines[:-1]
        while body_lines and not body_lines[-1].text:
            body_lines = body_lines[:-1]
        if body_lines and _INFO_ITEM.fullmatch(body_lines[-1].text.rstrip(":")):
            next_kind = "informationsärende"
            body_lines = body_lines[:-1]
        item = _parse_item(number, title, body_lines, known, index)
        if pending_kind and not item.kind:
            item.kind = pending_kind
        pending_kind = next_kind
        parsed.append(item)
    if trailing:
        _read_trailing_sections(parsed, trailing, known)
    return parsed


# A closing list of the meeting's decisions, a row per item ("Punkt | Beslut").
_DECISION_LIST = re.compile(r"^(beslut|beslutslista|beslut i sammandrag|fattade beslut)$", re.I)


def _read_trailing_sections(parsed: list[Item], lines: list[Line], known: set[str]) -> None:
    """Sections after the items: a list of decisions gives each item its own; any other
    section ("Åtgärder") is an unnumbered item of its own, so its text is searched too."""
    starts = [k for k, line in enumerate(lines) if line.heading]
    for first, start in enumerate(starts):
        stop = starts[first + 1] if first + 1 < len(starts) else len(lines)
        title, body = lines[start].text.strip(), lines[start + 1 : stop]
        by_number = {item.number: item for item in parsed if item.number}
        if _DECISION_LIST.match(title):
            rows = [line.text.split("\t", 1) for line in body if "\t" in line.text]
            listed = [(by_number.get(row[0].strip()), row[1].strip()) for row in rows]
            if listed and all(item is not None for item, _ in listed[1:]):
                for item, text in listed:
                    if item is not None and text:
                        item.decisions.extend(parse_decisions([f"Beslut: {text}"]))
                continue
        if any(line.text for line in body):
            parsed.append(_parse_item("", title, body, known, len(parsed)))


# The presenter's column of an agenda table: "Föredragande", "Föredragande, tid", "Ansvarig".
_PRESENTER_HEADING = re.compile(r"^(föredragande|ansvarig|presenteras av)\b", re.IGNORECASE)
_PRESENTER_LINE = re.compile(
    r"^(?:föredragande|föredras av|presenteras av)\s*:?\s+(?P<who>\S.*)$", re.I
)
_CLOCK_CELL = re.compile(rf"\s*{CLOCK_SPAN}\s*$")


def _presenter_cell(cell: str) -> str:
    """A presenter's cell without its time and the organisations in parentheses."""
    return re.sub(r"\s*\([^)]*\)", "", _CLOCK_CELL.sub("", cell)).strip()


def _presenter_column(lines: list[Line], items: list[ItemHeading]) -> int | None:
    """Which cell after an item's number and title names its presenter, when the items are
    the rows of a table whose header row says so."""
    if not items or not items[0].rest:
        return None
    above = next((line.text for line in reversed(lines[: items[0].pos]) if line.text), "")
    cells = above.split("\t")
    for index, cell in enumerate(cells[2:]):
        if _PRESENTER_HEADING.match(cell.strip()):
            return index
    return None


def _parse_item(
    number: str, title: str, body_lines: list[Line], known: set[str], position: int
) -> Item:
    title = title.strip().rstrip(",")
    kind = None
    if _INFO_ITEM.search(title):
        kind = "informationsärende"
        title = re.sub(r"\s*[-–(]*\s*informations(ärende|punkt)\s*\)?\s*$", "", title, flags=re.I)
    title, presenters = split_presenters(title, known)
    texts = [line.text for line in body_lines]
    # A name line (or a "Names. Sentence" line) right under the heading names the presenters.
    while texts and not texts[0]:
        texts.pop(0)
    # The presenter's line heads the item, or stands among the fields that do ("Paragraf:
    # § 145" / "Ärendetyp: Beslutsärende" / "Föredragande: Pia Lövström, ekonomichef").
    at = next((n for n, text in enumerate(texts) if not LABELLED_FIELD.match(text)), len(texts))
    at = next((n for n in range(min(at + 1, len(texts))) if _PRESENTER_LINE.match(texts[n])), 0)
    labelled = _PRESENTER_LINE.match(texts[at]) if texts else None
    if labelled:
        # "Föredragande: Karin Öhman (via Teams)", "Föredragande: ekonomichef Anna Berg"
        named = name_list(_presenter_cell(labelled.group("who")), known, allow_titles=True)
        presenters += [name for name in named if name not in presenters]
        texts.pop(at)
    elif texts:
        lead = texts[0].split(". ")[0].rstrip(".")
        names = name_list(lead, known)
        if not any(len(name.split()) >= 2 for name in names):
            names = []
        if names and presenters and len(presenters[-1].split()) == 1 and len(lead.split()) <= 3:
            presenters[-1] = f"{presenters[-1]} {lead}"
            texts.pop(0)
        elif names and not presenters:
            presenters = names
            remainder = texts[0][len(lead) :].lstrip(". ").strip()
            texts[0] = remainder
    # The lines reflowed into paragraphs once: the body, presenters and decisions read them.
    body = reflow(texts)
    paras = [paragraph for paragraph in body.split("\n") if paragraph.strip()]
    add_presenters_from_sentences(presenters, paras, known)
    # "Ekonomichef Jonas Lidén föredrar ärendet": the attendee, without the title before.
    presenters = list(
        dict.fromkeys(next((k for k in known if p.endswith(" " + k)), p) for p in presenters)
    )
    item = Item(number=number, title=title, presenters=presenters, kind=kind, position=position)
    item.body = body
    item.decisions = parse_decisions(paras)
    return item


def cut_trailer(protocol: Protocol) -> None:
    """The closing item swallows the "Nästa möte ..." and link lines after it; keep its body."""
    if not protocol.items:
        return
    last = protocol.items[-1]
    if SCHEDULE_TITLE.search(last.title):
        return
    keep = []
    for paragraph in last.body.split("\n"):
        # "Nästa möte 12 mars kl. 13" ends the minutes; "… bjuda in Länstrafiken till nästa
        # möte den 12 oktober" is what the item said, and the text after it is the item's too
        if _CLOSING.match(paragraph) or _LINK_LINE.search(paragraph):
            break
        keep.append(paragraph)
    last.body = "\n".join(keep).strip()
