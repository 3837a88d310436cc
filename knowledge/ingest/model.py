"""What the parser extracts from a document: plain dataclasses, no database, no Telegram."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, time

from knowledge.bodies import LEDAMOT


@dataclass
class Attendee:
    name: str
    organisation: str | None = None  # "Askersund", "Region Örebro län", "RF-SISU", ...
    org_kind: str | None = None  # "kommun", "region", "annan"
    role: str = LEDAMOT
    title: str | None = None  # for tjänstepersoner: "områdeschef Psykiatri"
    note: str | None = None  # "del av mötet", "ersätter Eva Persson"
    council: str | None = None  # for joint meetings: which council's list
    function: str | None = None  # "ordförande", "vice ordförande", "tjänstgörande ersättare"
    party: str | None = None  # "S", "M", "KD"
    replaces: str | None = None  # the ledamot a tjänstgörande ersättare serves for


@dataclass
class Amount:
    text: str  # as written: "Totalt 2 900 000 kr", "400tkr"
    kronor: int


@dataclass
class Decision:
    text: str
    number: int | None = None  # numbered sub-decision "1.", "2."
    explicit: bool = True  # from a "Beslut:" block, rather than a deciding sentence
    amounts: list[Amount] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)
    period: str | None = None  # "2025–2027", "2024", as written
    formal: bool = False  # a formality: the agenda, the last minutes, the justerare


@dataclass
class Item:
    number: str  # as written: "6", "9a", "13b", "§ 12" -> "12"
    title: str
    presenters: list[str] = field(default_factory=list)
    body: str = ""
    kind: str | None = None  # "informationsärende" when marked so
    decisions: list[Decision] = field(default_factory=list)
    position: int = 0


@dataclass
class Theme:
    text: str
    raised_here: bool = False  # raised at this meeting, rather than carried over
    item_number: str | None = None


@dataclass
class ScheduledMeeting:
    date: date
    start: time | None = None
    end: time | None = None
    place: str | None = None
    note: str | None = None  # "fysiskt möte", "förmiddag"
    decided: bool = False
    councils: list[str] = field(default_factory=list)
    source_text: str = ""
    item_number: str | None = None


@dataclass
class Relation:
    """Who did what: "Jonas Lidén presented § 113", "Göran Tallbäck replaces Ingrid Malm"."""

    kind: str  # presented, replaces, leads, responsible, author, amount, period
    subject: str  # a person; for amount and period the item's title
    object: str
    sentence: str  # where the document says it
    item_position: int | None = None  # the item it was said in


@dataclass
class Section:
    number: str | None  # "3.1.2"; None for unnumbered headings
    title: str
    body: str = ""
    level: int = 1
    position: int = 0


@dataclass
class Protocol:
    kind: str = "protocol"  # "protocol" or "report"
    title: str = ""
    councils: list[str] = field(default_factory=list)
    body_type: str | None = None
    body: str | None = None  # the body as the document names it: "Socialnämnden", "Styrelsen"
    organisation: str | None = None  # whose body it is: "Kumla kommun", "Region Örebro län"
    paragraphs: str | None = None  # "112-121": the signature block's range of §
    date: date | None = None
    start: time | None = None
    end: time | None = None
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)  # justerare
    approved: dt.date | None = None  # justerat den
    attendees: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    scheduled: list[ScheduledMeeting] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # reports
    authors: list[str] = field(default_factory=list)  # reports
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    preamble: str = ""  # the prose before the first item
    text: str = ""  # the cleaned text

    @property
    def decisions(self) -> list[Decision]:
        return [d for item in self.items for d in item.decisions]
