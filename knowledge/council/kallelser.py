"""Kallelser: the secretary's file read, shown to her, and on her confirmation attached to the
meeting in the calendar and sent to every registered ledamot and ersättare of the council.

A kallelse is a draft until confirmed; one dated for a day the meeting moved away from cannot
be published. Publishing it, in one transaction, enters the meeting in the calendar (or
corrects its time and place) as ``calendar.add_meeting`` does, under the event's lasting UID,
marks an earlier kallelse to the same meeting replaced and calls back its notices not sent yet,
and queues one notice per person (the agenda in short and a "report förhinder" button for a
ledamot who has not), one with the file and, when the time or place changed, the updated .ics.
A corrected kallelse says what changed since the version each person received: time, place,
items added, dropped, renumbered or given another presenter or kind. The ersättare already
coming to that meeting get their handover (``handover``) instead of the plain notice.
Members who follow a subject an item mentions are told in the same transaction, by the
``Followers`` the caller passes in (the matching is the question engine's, which this room may
not import).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council import calendar as meeting_calendar
from knowledge.council import handover, outbox
from knowledge.council.absence_model import OPEN
from knowledge.council.handover import Briefer
from knowledge.council.kallelse_changes import change_lines, changes
from knowledge.council.meetings import CANCELLED, Meeting, meeting_on
from knowledge.council.roster import list_members
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.language.dates import format_date, format_time_range
from knowledge.storage import absences as absence_table
from knowledge.storage import calendar
from knowledge.storage import kallelser as table
from knowledge.storage.database import transaction
from knowledge.storage.kallelser import Agenda, AgendaItem, Kallelse

__all__ = ["Agenda", "AgendaItem", "Briefer", "Followers", "Kallelse", "KallelseError"]

# Queues the notices to members following a subject the published kallelse mentions; how many.
Followers = Callable[[sqlite_utils.Database, Kallelse], int]


class KallelseError(UserError):
    """A kallelse that cannot be published (or is no longer a draft); ``message`` says why."""


@dataclass
class Received:
    """A kallelse read and kept as a draft, with what publishing it would change."""

    kallelse: Kallelse
    replaces: Kallelse | None  # the published kallelse to the same meeting
    changes: dict[str, Any]
    duplicate: bool = False  # the same file again: nothing new was stored
    blocked: str | None = None  # why it cannot be published, for the secretary

    def summary(self) -> list[str]:
        """What was read, in Swedish, one line per fact (the CLI and the secretary's reply)."""
        return summary(self)


@dataclass
class Published:
    kallelse: Kallelse
    told: int  # people sent the kallelse
    changes: dict[str, Any] = field(default_factory=dict)
    corrected: bool = False
    followers: int = 0  # notices to members following a subject it mentions


def receive(
    db: sqlite_utils.Database,
    agenda: Agenda,
    *,
    filename: str,
    content: bytes,
    uploaded_by: int | None = None,
    default_council: str | None = None,
) -> Received:
    """Keep the kallelse read from ``content`` as a draft (the same file again is not kept
    twice). A kallelse naming no body at all is taken to be ``default_council``'s, with a
    warning; one naming another body cannot be published."""
    sha256 = hashlib.sha256(content).hexdigest()
    existing = table.draft_with_hash(db, sha256)
    if existing is not None:
        return _received(db, existing, duplicate=True)
    if agenda.council is None and agenda.body is None and default_council in COUNCIL_NAMES:
        agenda.council = default_council
        agenda.body = COUNCIL_NAMES[default_council]
        agenda.warnings = [w for w in agenda.warnings if not w.startswith("Kallelsen nämner")]
        agenda.warnings.append(
            f"Kallelsen nämner inget råd; jag antar {COUNCIL_SHORT[default_council]}."
        )
    with transaction(db):
        kallelse_id = table.insert(
            db,
            agenda,
            filename=filename,
            sha256=sha256,
            content=content,
            uploaded_by=uploaded_by,
            at=clock.stamp(),
        )
    kallelse = table.get(db, kallelse_id)
    assert kallelse is not None
    return _received(db, kallelse)


def _received(db: sqlite_utils.Database, kallelse: Kallelse, duplicate: bool = False) -> Received:
    agenda = kallelse.agenda
    replaces = None
    meeting = None
    if agenda.council and agenda.meeting_date:
        replaces = table.published(db, agenda.council, agenda.meeting_date)
        meeting = meeting_on(db, agenda.council, agenda.meeting_date)
    if replaces is not None and replaces.id == kallelse.id:
        replaces = None
    return Received(
        kallelse,
        replaces,
        changes(replaces.agenda if replaces else None, agenda, meeting),
        duplicate,
        _blocked(db, kallelse),
    )


def _blocked(db: sqlite_utils.Database, kallelse: Kallelse) -> str | None:
    agenda = kallelse.agenda
    if kallelse.status == table.PUBLISHED:
        return "Kallelsen är redan skickad."
    if kallelse.status in (table.REPLACED, table.DISCARDED):
        return "Kallelsen är ersatt eller struken."
    if agenda.council is None:
        body = f" ({agenda.body})" if agenda.body else ""
        return f"Jag vet inte vilket råd kallelsen gäller{body}, så den kan inte skickas."
    if agenda.meeting_date is None:
        return "Jag hittar inget mötesdatum i kallelsen, så den kan inte skickas."
    if agenda.meeting_date < clock.today():
        return "Mötet har redan varit, så kallelsen skickas inte."
    moved_to = _moved_to(db, agenda.council, agenda.meeting_date)
    if moved_to is not None:
        # Published, it would bring the day back as a second event of the moved meeting.
        day = format_date(moved_to, year=moved_to.year != clock.today().year)
        return (
            f"Mötet är flyttat till {day}. Rätta datumet i kallelsen eller flytta tillbaka mötet."
        )
    return None


def _moved_to(db: sqlite_utils.Database, council: str, day: date) -> date | None:
    """Where the meeting of ``day`` went when it was moved away (moved on, too); None when it
    was not moved."""
    seen = {day}
    entry = calendar.entry_on(db, council, day)
    while entry is not None and entry.cancelled and entry.moved_to is not None:
        day = entry.moved_to
        if day in seen:  # moved back and forth, and off again: no day to name
            return None
        seen.add(day)
        entry = calendar.entry_on(db, council, day)
    return day if len(seen) > 1 else None


def discard(db: sqlite_utils.Database, kallelse_id: int) -> None:
    """Strike a draft; a KallelseError says why not when it is no draft any more."""
    with transaction(db):
        kallelse = table.get(db, kallelse_id)
        if kallelse is None:
            raise KallelseError("Den kallelsen finns inte längre.")
        if kallelse.status != table.DRAFT:
            raise KallelseError(
                {
                    table.PUBLISHED: "Kallelsen är redan skickad.",
                    table.REPLACED: "Kallelsen är redan skickad, och ersatt av en rättad.",
                    table.DISCARDED: "Kallelsen är redan struken; den skickas inte.",
                }.get(kallelse.status, "Kallelsen är inget utkast längre.")
            )
        table.set_status(db, kallelse_id, table.DISCARDED)


def publish(
    db: sqlite_utils.Database,
    kallelse_id: int,
    *,
    brief: Briefer | None = None,
    followers: Followers | None = None,
) -> Published:
    """Attach the draft to its meeting and send it: see the module docstring. ``brief`` finds
    what the protocols said before about each item, for the ersättare coming; ``followers``
    tells who follows a subject an item mentions."""
    with transaction(db):
        kallelse = table.get(db, kallelse_id)
        if kallelse is None:
            raise KallelseError("Den kallelsen finns inte längre.")
        why_not = _blocked(db, kallelse)
        if why_not:
            raise KallelseError(why_not)
        agenda = kallelse.agenda
        assert agenda.council is not None and agenda.meeting_date is not None
        council, day = agenda.council, agenda.meeting_date
        before = meeting_on(db, council, day)
        if before is not None and before.status == CANCELLED:
            before = None
        earlier = table.published(db, council, day)
        changed = changes(earlier.agenda if earlier else None, agenda, before)
        # The meeting's lasting event, one higher in sequence when its time or place changed.
        entered, _, meeting = meeting_calendar.enter(
            db,
            council,
            day,
            agenda.start or (before.start if before else None),
            (agenda.end if agenda.start else None) or (before.end if before else None),
            agenda.place or (before.place if before else None),
        )
        stale_calendars: set[int] = set()
        if earlier is not None:
            table.set_status(db, earlier.id, table.REPLACED)
            stale_calendars = _call_back(db, earlier, meeting)
        table.set_status(db, kallelse.id, table.PUBLISHED, at=clock.stamp(), changes=changed)
        published = table.get(db, kallelse.id)
        assert published is not None
        # A new meeting is in no calendar to update; /kalender gives it to whoever wants it.
        calendars = None if entered == meeting_calendar.CHANGED else stale_calendars
        told = _tell(db, published, meeting, before, brief, calendars)
        following = followers(db, published) if followers else 0
    return Published(published, told, changed, earlier is not None, following)


def _call_back(db: sqlite_utils.Database, replaced: Kallelse, meeting: Meeting) -> set[int]:
    """The replaced kallelse's notices not sent yet will not go (its corrected version
    does); who was still to get its calendar file."""
    subject = outbox.about("kallelse", replaced.id)
    waiting = outbox.unsent_chats(db, subject, "meeting_ics")
    outbox.cancel(db, [subject])  # its notices, its file, and the file to the handovers
    outbox.cancel_keys(
        db,
        [
            handover.handover_key(request_id, replaced.id)
            for request_id, _, _ in absence_table.accepted_at_meeting(
                db, meeting.council, meeting.date, OPEN
            )
        ],
    )
    return waiting


def _tell(
    db: sqlite_utils.Database,
    kallelse: Kallelse,
    meeting: Meeting,
    before: Meeting | None,
    brief: Briefer | None,
    calendars: set[int] | None,
) -> int:
    """The kallelse to every registered ledamot and ersättare of the council; the ersättare
    coming in someone's place get it as their handover. Each is told what changed since the
    version they got (none: nothing). The meeting's calendar file goes too, to everyone when
    the kallelse changed the meeting (``calendars`` None), else to the chats in
    ``calendars``. How many were told."""
    council, day = meeting.council, meeting.date
    earlier = [k for k in table.sent_versions(db, council, day) if k.id != kallelse.id]

    def since_received(chat: int, request_id: int | None = None) -> tuple[bool, dict[str, Any]]:
        """(corrected, changes) for one reader: against the latest version she received."""
        for version in earlier:
            keys = [f"kallelse:{version.id}:{chat}"]
            if request_id is not None:
                keys.append(handover.handover_key(request_id, version.id))
            if outbox.received(db, keys):
                return True, changes(version.agenda, kallelse.agenda, None)
        # The first she gets: what it changes in the calendar, unless an earlier version
        # already did that (called back before it reached her: she never saw the calendar).
        return False, {} if earlier else changes(None, kallelse.agenda, before)

    coming = {
        chat: (request_id, absence_id)
        for request_id, absence_id, chat in absence_table.accepted_at_meeting(
            db, council, day, OPEN
        )
        if chat
    }
    told: set[int] = set()
    for chat, (request_id, absence_id) in coming.items():
        absence = absence_table.get(db, absence_id)
        if absence is not None:
            corrected, changed = since_received(chat, request_id)
            handover.send(
                db, absence, meeting, request_id, chat, kallelse, brief, changed, corrected
            )
            told.add(chat)
    params = {
        **handover.where(meeting),
        "items": handover.items_in_short(kallelse.agenda),
        "underlag": len(kallelse.agenda.underlag),
    }
    reported = {absence.person_id for absence in absence_table.at_meeting(db, council, day, OPEN)}
    for member in list_members(db, council):
        reader = member.chat_id
        if member.role not in ("ledamot", "ersättare") or not reader or reader in told:
            continue
        told.add(reader)
        corrected, changed = since_received(reader)
        ledamot = member.role == "ledamot"
        can_report = ledamot and member.person_id not in reported
        outbox.add(
            db,
            f"kallelse:{kallelse.id}:{reader}",
            reader,
            template="kallelse",
            params={
                **params,
                "corrected": corrected,
                "changes": changed,
                "role": member.role,
                "reported": ledamot and not can_report,
                "substitute": ledamot
                and any(
                    other.chat_id
                    for other in list_members(db, council, member.organisation, "ersättare")
                ),
            },
            actions=[
                outbox.Action("Anmäl förhinder", "absence_reminder", (council, day.isoformat()))
            ]
            if can_report
            else [],
            subject=outbox.about("kallelse", kallelse.id),
        )
        handover.attach_file(db, f"kallelse:{kallelse.id}:{reader}:file", reader, kallelse)
    for chat in sorted(told if calendars is None else told & calendars):
        outbox.add(
            db,
            f"kallelse:{kallelse.id}:{chat}:ics",
            chat,
            template="meeting_ics",
            params={**handover.where(meeting), "kallelse": True},
            subject=outbox.about("kallelse", kallelse.id),
            document={"kind": "ics", "council": council, "date": day.isoformat()},
        )
    return len(told)


def original_file(db: sqlite_utils.Database, kallelse_id: int) -> tuple[str, bytes] | None:
    """The file the secretary sent: its name and content."""
    return table.file(db, kallelse_id)


def published(db: sqlite_utils.Database, council: str, day: date) -> Kallelse | None:
    """The kallelse published for the council's meeting that day."""
    return table.published(db, council, day)


def in_force(db: sqlite_utils.Database, kallelse_id: int) -> Kallelse | None:
    """The kallelse in force for the meeting of this one: itself, or the corrected one that
    replaced it; None for a draft or a struck one (never sent to anybody)."""
    kallelse = table.get(db, kallelse_id)
    if kallelse is None or kallelse.status not in (table.PUBLISHED, table.REPLACED):
        return None
    agenda = kallelse.agenda
    if agenda.council is None or agenda.meeting_date is None:
        return None
    return table.published(db, agenda.council, agenda.meeting_date)


def summary(received: Received) -> list[str]:
    """What was read from a kallelse, and what is missing, in Swedish."""
    kallelse = received.kallelse
    agenda = kallelse.agenda
    lines = [
        f"{kallelse.filename}: "
        + ("redan mottagen, inget nytt sparat" if received.duplicate else "kallelse inläst")
    ]
    organ = COUNCIL_SHORT.get(agenda.council or "", agenda.body or "?")
    when = format_date(agenda.meeting_date) if agenda.meeting_date else "?"
    hours = format_time_range(agenda.start, agenda.end)
    lines.append(f"  Organ: {organ}")
    lines.append(f"  Möte: {when}{', ' + hours if hours else ''}; plats: {agenda.place or '?'}")
    lines.append(f"  Punkter: {len(agenda.items)}")
    for item in agenda.items:
        extra = [", ".join(item.presenters)] if item.presenters else []
        extra += [item.kind] if item.kind else []
        extra += [f"underlag: {'; '.join(item.underlag)}"] if item.underlag else []
        lines.append(
            f"    {item.number}. {item.title}" + (f" ({'; '.join(extra)})" if extra else "")
        )
    if agenda.underlag:
        lines.append(f"  Underlag: {len(agenda.underlag)}")
    if received.replaces is not None:
        lines.append("  Ersätter den kallelse som redan är skickad.")
        lines.extend(f"  Ändring: {line}" for line in change_lines(received.changes))
    lines.extend(f"  Varning: {warning}" for warning in agenda.warnings)
    if received.blocked:
        lines.append(f"  Kan inte skickas: {received.blocked}")
    return lines
