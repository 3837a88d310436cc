"""Who comes to a meeting, for the secretary: per organisation's seat, the ledamot, an
ersättare in her place, an ersättare asked, nobody, or nobody knows; and the totals."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from knowledge.council.absence_model import COVERED, OPEN, SEARCHING
from knowledge.council.roster import list_members
from knowledge.language.dates import format_time_range
from knowledge.storage import absences as table

# What a seat comes to at the meeting.
COMES = "comes"  # the ledamot, registered, has reported no förhinder
SUBSTITUTE = "substitute"  # an ersättare has said yes
WAITING = "waiting"  # förhinder; an ersättare has been asked and not answered yet
ABSENT = "absent"  # förhinder and no ersättare comes
UNKNOWN = "unknown"  # the ledamot has not registered in samrad: nobody knows


@dataclass
class Seat:
    """One organisation's seat at a meeting, for the secretary."""

    organisation: str
    member: str
    state: str  # Swedish, for the secretary
    kind: str = COMES  # COMES, SUBSTITUTE, WAITING, ABSENT or UNKNOWN
    attendee: str | None = None  # who sits in the seat, when someone does


@dataclass(frozen=True)
class Totals:
    """The seats counted: who comes (ledamot or ersättare), who does not, who is unknown."""

    seats: int
    comes: int  # the ledamot or an ersättare
    substitutes: int  # of which ersättare
    waiting: int
    absent: int
    unknown: int


def attendance(db: sqlite_utils.Database, council: str, meeting_date: date) -> list[Seat]:
    """Per organisation: the ledamot comes, an ersättare comes in her place, an ersättare has
    been asked, nobody comes, or nobody knows (the ledamot has not registered)."""
    notices = {a.person_id: a for a in table.at_meeting(db, council, meeting_date, OPEN)}
    seats = []
    for member in list_members(db, council, role="ledamot"):
        notice = notices.get(member.person_id)
        organisation = member.organisation or ""
        if notice is None:
            if member.registered:
                seat = Seat(organisation, member.name, "kommer", COMES, member.name)
            else:
                seat = Seat(organisation, member.name, "inte registrerad i samrad, okänt", UNKNOWN)
            seats.append(seat)
            continue
        part = (
            " " + format_time_range(notice.part_from, notice.part_to)
            if notice.part_from and notice.part_to
            else ""
        )
        if notice.status == COVERED:
            seat = Seat(
                organisation,
                member.name,
                f"förhinder{part}, ersättare {notice.substitute} kommer",
                SUBSTITUTE,
                notice.substitute,
            )
        elif notice.status == SEARCHING:
            seat = Seat(
                organisation, member.name, f"förhinder{part}, ersättare tillfrågad", WAITING
            )
        else:
            seat = Seat(organisation, member.name, f"förhinder{part}, ingen ersättare", ABSENT)
        seats.append(seat)
    return seats


def totals(seats: list[Seat]) -> Totals:
    """The seats counted by what they come to."""
    kinds = [seat.kind for seat in seats]
    return Totals(
        seats=len(seats),
        comes=kinds.count(COMES) + kinds.count(SUBSTITUTE),
        substitutes=kinds.count(SUBSTITUTE),
        waiting=kinds.count(WAITING),
        absent=kinds.count(ABSENT),
        unknown=kinds.count(UNKNOWN),
    )


def attendance_csv(seats: list[Seat]) -> str:
    """The attendance as CSV (organisation, ledamot, läge)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["organisation", "ledamot", "läge"])
    for seat in seats:
        writer.writerow([seat.organisation, seat.member, seat.state])
    return buffer.getvalue()
