"""A protocol from its parts: header, attendance, items, themes and scheduled meetings."""

from __future__ import annotations

import re

from knowledge.bodies import BODY_TYPES, LEDAMOT, OVRIG, TJANSTEPERSON
from knowledge.ingest.model import Decision, Protocol
from knowledge.ingest.parse.attendance import parse_attendance
from knowledge.ingest.parse.attendance_text import add_stated_attendance
from knowledge.ingest.parse.body import (
    body_in_text,
    find_body,
    municipality_of,
    organisation_in_text,
    with_abbreviation,
)
from knowledge.ingest.parse.decisions import decision_dates, is_formality
from knowledge.ingest.parse.header import parse_header_fields, protocol_title
from knowledge.ingest.parse.items import cut_trailer, parse_items
from knowledge.ingest.parse.lines import Line
from knowledge.ingest.parse.people import (
    FRANVARANDE,
    adjusters_in_text,
    is_job_title,
    names_in,
    person_name,
)
from knowledge.ingest.parse.relations import decision_period, find_relations
from knowledge.ingest.parse.schedule import parse_schedule
from knowledge.ingest.parse.structure import ItemHeading
from knowledge.ingest.parse.themes import parse_themes
from knowledge.language.dates import parse_time_range
from knowledge.language.text import normalize


def parse_protocol(
    protocol: Protocol,
    lines: list[Line],
    head: list[Line],
    items: list[ItemHeading],
    raw: str,
    top: list[str],
) -> None:
    """Fill in a protocol from its head (header, attendance) and its item headings."""
    protocol.kind = "protocol"
    protocol.body_type = BODY_TYPES[protocol.councils[0]] if protocol.councils else None
    parse_header_fields(protocol, head, top)
    protocol.body, protocol.organisation = find_body(top, protocol.councils)
    opening = " ".join(line.text for line in head[:40])
    if protocol.body is None:
        protocol.body = body_in_text(opening)
    if protocol.body and not protocol.councils:
        protocol.body = with_abbreviation(protocol.body, opening)
    if protocol.organisation is None and protocol.body:
        protocol.organisation = organisation_in_text(opening) or municipality_of(protocol.body)
    whose = ", ".join(n for n in (protocol.body, protocol.organisation) if n) or None
    protocol.title = protocol_title(head, protocol.councils, whose)
    protocol.attendees = parse_attendance(head, protocol.councils)
    add_stated_attendance(protocol)
    _roles_from_attendance(protocol)
    _officers_in_running_text(protocol, head)
    if protocol.secretary is None:
        # Page headers that named the secretary were removed as furniture; the raw text has it.
        match = re.search(r"Sekreterare[ \t]*\n\s*([A-ZÅÄÖ][^\n]{3,40})", raw)
        if match:
            protocol.secretary = person_name(match.group(1))
    if not protocol.adjusters:
        protocol.adjusters = adjusters_in_text(protocol.text)
    known_names = {a.name for a in protocol.attendees}
    protocol.items = parse_items(lines, items, known_names)
    cut_trailer(protocol)
    if protocol.date:
        for item in protocol.items:
            for decision in item.decisions:
                decision.dates = decision_dates(decision.text, protocol.date)
    for decision in protocol.decisions:
        decision.period = decision_period(decision.text)
    for item in protocol.items:
        for decision in item.decisions:
            decision.formal = is_formality(item.title, decision.text)
    if protocol.adjusters == [] or protocol.adjusters == [protocol.chair]:
        for item in protocol.items:
            if re.search(r"\bjusterare\b", item.title, re.I):
                names = names_in(item.body, known_names)
                if names:
                    protocol.adjusters = names[:2]
                    break
    _functions_of_officers(protocol)
    _presenters_by_attendance(protocol)
    _decisions_kept_apart(protocol, head)
    protocol.themes = parse_themes(protocol.items)
    if protocol.start and protocol.end is None:
        closed = _CLOSED_AT.search(protocol.text)
        if closed:
            protocol.end = parse_time_range(closed.group(0))[0]
    protocol.scheduled = parse_schedule(protocol, lines, items)
    protocol.relations = find_relations(protocol)
    _warn_missing(protocol)


# The title of the one item that holds the text of minutes without headings.
UNHEADED = "Anteckningar"
# The secretary of the meeting, not a title like "utredningssekreterare".
_SECRETARY_ROLE = re.compile(
    r"\b(sekreterare|namndsekreterare|kommunsekreterare|motessekreterare|sekr|antecknare)\b"
)
_CHAIR_ROLE = re.compile(r"\bordf(orande|\.|\b)")
_VICE_CHAIR = re.compile(r"\b(vice|v\.?|\d:e) ordf")


# "Ordföranden ... förklarade mötet avslutat kl. 20.50": the meeting's end.
_CLOSED_AT = re.compile(
    r"\b(avslutade|förklarade|förklarar)\s+(mötet|sammanträdet)\s+(avslutat\s+)?"
    r"(kl\.?|klockan)\s*\d{1,2}[.:]\d{2}",
    re.IGNORECASE,
)


def _functions_of_officers(protocol: Protocol) -> None:
    """The chair's and the secretary's function in the lists; people without a party in the
    lists of others present, or listed with a job title ("enhetschef", "socialchef"), are
    tjänstepersoner; the members of "Revisorerna" are revisorer."""
    auditors = bool(protocol.body and normalize(protocol.body).startswith("revisorerna"))
    for attendee in protocol.attendees:
        if attendee.name == protocol.secretary and attendee.function != "ordförande":
            attendee.function = "sekreterare"
        elif attendee.name == protocol.chair:
            attendee.function = "ordförande"
        elif (
            attendee.function is None
            and attendee.party is None
            and attendee.title
            and (attendee.role in (OVRIG, TJANSTEPERSON) or is_job_title(attendee.title))
        ):
            attendee.function = TJANSTEPERSON
        elif auditors and attendee.role == LEDAMOT and not (attendee.function or attendee.title):
            attendee.function = "revisor"


# "§§ 89–91", "§ 114", "punkt 3–4", "punkt 4 och 6", "ärende 5": the items a note names.
_ITEMS_NOTE = re.compile(r"^(?:§+|punkt(?:erna)?|p\.|ärenden?)\s*\d[\d\s,–\-]*(?:och\s*\d+)?", re.I)
_NUMBER_RANGE = re.compile(r"(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?")


def _numbers_in(text: str) -> set[str]:
    """The item numbers "§§ 89–91" or "punkt 4 och 6" names."""
    numbers: set[str] = set()
    for match in _NUMBER_RANGE.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2) or first)
        numbers.update(str(n) for n in range(first, min(last, first + 50) + 1))
    return numbers


def _presenters_by_attendance(protocol: Protocol) -> None:
    """An official listed as present for some items only ("Jens Wikander, handläggare,
    §§ 89–91") was there to present them."""
    for attendee in protocol.attendees:
        if attendee.function != TJANSTEPERSON or not attendee.note:
            continue
        listed = _ITEMS_NOTE.match(attendee.note)
        if not listed:
            continue
        numbers = _numbers_in(listed.group(0))
        for item in protocol.items:
            if item.number in numbers and attendee.name not in item.presenters:
                item.presenters.append(attendee.name)


# "§§ 89–91 innehåller uppgifter som omfattas av sekretess ... Besluten i dessa ärenden
# redovisas i sekretessbilaga": decisions made, but written in an annex kept apart.
_KEPT_APART = re.compile(
    r"[^.]*\bbeslut\w*[^.]*\b(?:sekretessbilag\w*|särskil(?:t|da?) (?:protokoll|bilag\w*)|"
    r"sekretessprotokoll\w*)[^.]*\.?",
    re.IGNORECASE,
)


def _decisions_kept_apart(protocol: Protocol, head: list[Line]) -> None:
    """Items the header says were decided in a confidential annex have that decision."""
    if "ekretess" not in protocol.text and "ärskil" not in protocol.text:
        return
    # The header's blocks between blank lines: the §§ and the sentence on their decisions.
    blocks = " ".join(line.text or "\n" for line in head).split("\n")
    for paragraph in blocks:
        if "beslut" not in paragraph.lower():
            continue
        said = _KEPT_APART.search(paragraph)
        numbers = re.search(r"§+\s*\d[\d\s,–\-]*(?:och\s*\d+)?", paragraph)
        if not said or not numbers:
            continue
        kept = _numbers_in(numbers.group(0))
        for item in protocol.items:
            if item.number in kept and not item.decisions:
                item.decisions.append(Decision(text=said.group(0).strip()))


# "Per-Olof Grahn, kommunstyrelsens ordförande ..., ledde mötet": the chair in running text;
# "Amira Hadžić, folkhälsostrateg, förde anteckningar": the secretary.
_LED_THE_MEETING = re.compile(
    r"(?P<who>[A-ZÅÄÖ][^\W\d_]+(?:-[^\W\d_]+)?\s[A-ZÅÄÖ][^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?:,[^.]{0,80},)?\s+(?P<what>ledde mötet|förde (?:anteckningar|protokollet))"
)


def _officers_in_running_text(protocol: Protocol, head: list[Line]) -> None:
    text = " ".join(line.text for line in head[:30])
    if "ledde mötet" not in text and "förde " not in text:
        return  # the pattern cannot match: skip its scan of every capital letter
    for match in _LED_THE_MEETING.finditer(text):
        if match.group("what") == "ledde mötet":
            protocol.chair = protocol.chair or match.group("who")
        else:
            protocol.secretary = protocol.secretary or match.group("who")


def _roles_from_attendance(protocol: Protocol) -> None:
    """The chair and the secretary named by their roles in the attendance list."""
    for attendee in protocol.attendees:
        if attendee.role == FRANVARANDE:
            continue
        if protocol.chair is None and attendee.function == "ordförande":
            protocol.chair = attendee.name
        if protocol.secretary is None and attendee.function == "sekreterare":
            protocol.secretary = attendee.name
        role = normalize(f"{attendee.title or ''} {attendee.note or ''}")
        vice = _VICE_CHAIR.search(role)
        if protocol.chair is None and _CHAIR_ROLE.search(role) and not vice:
            protocol.chair = attendee.name
        if protocol.secretary is None and _SECRETARY_ROLE.search(role):
            protocol.secretary = attendee.name


def _check_uncertain(protocol: Protocol) -> None:
    """Values that are probably misread are reported and not stored."""
    names = {a.name for a in protocol.attendees}
    place = protocol.place
    if place and (
        "§" in place or len(place) > 100 or any(place.startswith(name) for name in names)
    ):
        protocol.warnings.append(f"Osäker plats, inte sparad: {place}")
        protocol.place = None
    if protocol.start and not 6 <= protocol.start.hour <= 23:
        protocol.warnings.append(f"Osäker mötestid, inte sparad: {protocol.start:%H.%M}")
        protocol.start = protocol.end = None


def _warn_missing(protocol: Protocol) -> None:
    _check_uncertain(protocol)
    checks = [
        (protocol.body, "organ (vilket råd, vilken nämnd eller grupp)"),
        (protocol.date, "mötesdatum"),
        (protocol.start, "mötestid"),
        (protocol.place, "plats"),
        (protocol.chair, "ordförande"),
        (protocol.secretary, "sekreterare"),
        (protocol.adjusters, "justerare"),
        (protocol.approved, "justeringsdatum (justerat den)"),
        (protocol.attendees, "närvarolista"),
        # minutes without headings hold their text as one unnumbered item, no heading found
        (
            [i for i in protocol.items if i.number or i.title != UNHEADED],
            "punkter (numrerade eller rubriker)",
        ),
    ]
    protocol.warnings.extend(f"Hittade inte: {label}" for value, label in checks if not value)
