"""Who comes to a meeting, for the secretary: per seat, the ledamot, an ersättare, or open."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from knowledge.council.absence_model import COVERED, OPEN, SEARCHING, UNCOVERED
from knowledge.council.roster import list_members
from knowledge.language.dates import format_time_range
from knowledge.storage import absences as table


@dataclass
class Seat:
    """One ledamot's seat at a meeting, for the secretary."""

    organisation: str
    member: str
    state: str  # Swedish, for the secretary


def attendance(db: sqlite_utils.Database, council: str, meeting_date: date) -> list[Seat]:
    """Per organisation: the ledamot attends, is absent with an ersättare, or is open."""
    notices = {a.person_id: a for a in table.at_meeting(db, council, meeting_date, OPEN)}
    seats = []
    for member in list_members(db, council, role="ledamot"):
        notice = notices.get(member.person_id)
        if notice is None:
            state = "kommer (ingen anmälan)"
        else:
            part = (
                " " + format_time_range(notice.part_from, notice.part_to)
                if notice.part_from and notice.part_to
                else ""
            )
            state = {
                COVERED: f"förhinder{part}, ersättare {notice.substitute} kommer",
                SEARCHING: f"förhinder{part}, ersättare tillfrågad (öppet)",
                UNCOVERED: f"förhinder{part}, ingen ersättare",
            }.get(notice.status, notice.status)
        seats.append(Seat(member.organisation or "", member.name, state))
    return seats


def attendance_csv(seats: list[Seat]) -> str:
    """The attendance as CSV (organisation, ledamot, läge)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["organisation", "ledamot", "läge"])
    for seat in seats:
        writer.writerow([seat.organisation, seat.member, seat.state])
    return buffer.getvalue()
