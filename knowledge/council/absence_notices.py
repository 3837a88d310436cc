"""Who is told what about a förhinder: the notices a notice causes, queued in the outbox.

Each names its template (the bot's ``notices/<template>``) and gives plain parameters; its
subject is the notice ("absence:17") or, for what concerns one ersättare's request, the request
("request:5"), so that forgetting a person or purging old notices finds every notice naming them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time

import sqlite_utils

from knowledge.council import outbox
from knowledge.council.absence_model import Absence
from knowledge.council.meetings import Meeting
from knowledge.council.roster import Member, chat_of, list_members
from knowledge.storage import absences as table
from knowledge.storage import kallelser as kallelse_table


@dataclass(frozen=True)
class Escalation:
    """What asking the next ersättare came to: who was asked, or (``asked`` None) nobody was
    left, and then whether a secretary was there to be told."""

    asked: str | None
    secretary_told: bool = False


def _hhmm(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


def about_absence(absence_id: int) -> str:
    return outbox.about("absence", absence_id)


def about_request(request_id: int) -> str:
    return outbox.about("request", request_id)


def about_meeting(council: str, day: date) -> str:
    return outbox.about("meeting", council, day.isoformat())


def naming(absence: Absence) -> dict[str, object]:
    """What every notice about a förhinder may name, the part of the meeting included."""
    return {
        "person": absence.person,
        "organisation": absence.organisation,
        "council": absence.council,
        "meeting_date": absence.meeting_date.isoformat(),
        "reference": absence.reference,
        "part_from": _hhmm(absence.part_from),
        "part_to": _hhmm(absence.part_to),
    }


def where(meeting: Meeting) -> dict[str, object]:
    """When and where the meeting is."""
    return {
        "council": meeting.council,
        "meeting_date": meeting.date.isoformat(),
        "start": _hhmm(meeting.start),
        "end": _hhmm(meeting.end),
        "place": meeting.place,
    }


def ask(
    db: sqlite_utils.Database,
    absence: Absence,
    meeting: Meeting,
    request_id: int,
    chat_id: int,
    answer_by: date,
) -> None:
    """Ask an ersättare to come, with a yes and a no button."""
    outbox.add(
        db,
        f"request:{request_id}:ask",
        chat_id,
        template="substitute_request",
        params={
            **naming(absence),
            **where(meeting),
            "answer_by": answer_by.isoformat(),
        },
        actions=[
            outbox.Action("Ja, jag kommer", "substitute_yes", (request_id,)),
            outbox.Action("Nej, jag kan inte", "substitute_no", (request_id,)),
        ],
        subject=about_request(request_id),
    )


def expired(
    db: sqlite_utils.Database,
    absence: Absence,
    request_id: int,
    escalation: Escalation | None,
) -> None:
    """Tell the ersättare whose time to answer ran out what came of it; the question's buttons
    go. ``escalation`` None: nobody was asked after her (the meeting was cancelled)."""
    request = table.request(db, request_id)
    chat = chat_of(db, request.person_id) if request else None
    if chat is None:
        return
    outcome = (
        "over"
        if escalation is None
        else "next"
        if escalation.asked
        else "secretary"
        if escalation.secretary_told
        else "nobody"
    )
    outbox.add(
        db,
        f"request:{request_id}:expired",
        chat,
        template="substitute_expired",
        params={**naming(absence), "outcome": outcome},
        subject=about_request(request_id),
        edits=f"request:{request_id}:ask",
    )


def tell_substitute(
    db: sqlite_utils.Database, absence: Absence, request_id: int, chat_id: int, why: str
) -> None:
    """Tell an ersättare asked or coming that they are not needed; ``why`` is "withdrawn" or
    "meeting-cancelled"."""
    outbox.add(
        db,
        f"request:{request_id}:{why}",
        chat_id,
        template={
            "withdrawn": "substitute_released",
            "meeting-cancelled": "meeting_cancelled_substitute",
        }[why],
        params=naming(absence),
        subject=about_request(request_id),
        edits=f"request:{request_id}:ask",  # the question's buttons go
    )


def remind(
    db: sqlite_utils.Database,
    member: Member,
    meeting: Meeting,
    days_before: int,
) -> None:
    """Remind a registered ledamot of a meeting, with a button to report a förhinder (and
    whether an ersättare of hers can be asked through samrad)."""
    assert member.chat_id is not None
    can_ask = any(
        substitute.chat_id
        for substitute in list_members(db, member.council, member.organisation, "ersättare")
    )
    outbox.add(
        db,
        f"reminder:{member.person_id}:{meeting.council}:{meeting.date}:{days_before}",
        member.chat_id,
        template="absence_reminder",
        params={**where(meeting), "substitute": can_ask, "agenda": agenda_in_short(db, meeting)},
        actions=[
            outbox.Action(
                "Anmäl förhinder", "absence_reminder", (meeting.council, meeting.date.isoformat())
            )
        ],
        subject=about_meeting(meeting.council, meeting.date),
    )


def agenda_in_short(db: sqlite_utils.Database, meeting: Meeting) -> list[dict[str, object]]:
    """The items of the meeting's published kallelse (number, title, kind); none without one."""
    kallelse = kallelse_table.published(db, meeting.council, meeting.date)
    if kallelse is None:
        return []
    return [
        {"number": item.number, "title": item.title, "kind": item.kind}
        for item in kallelse.agenda.items
    ]


MEMBER, SECRETARIES = "member", "secretaries"


def secretaries(
    db: sqlite_utils.Database, council: str, secretary_chat: int | None
) -> list[tuple[str, int]]:
    """Who the secretary is, as (key suffix, chat): the council's registered secretaries and
    the secretary's chat of the bot's settings (``secretary_chat``), each chat once."""
    chats = [
        (f"secretary:{secretary.person_id}", secretary.chat_id)
        for secretary in list_members(db, council, role="sekreterare")
        if secretary.chat_id
    ]
    if secretary_chat is not None and secretary_chat not in {chat for _, chat in chats}:
        chats.append((f"secretary-chat:{secretary_chat}", secretary_chat))
    return chats


def tell(
    db: sqlite_utils.Database,
    absence: Absence,
    key: str,
    template: str,
    *,
    to: Sequence[str],
    params: Mapping[str, object] | None = None,
    subject: str | None = None,
    secretary_chat: int | None = None,
) -> bool:
    """Tell the member who reported (``MEMBER``, when registered) and/or the secretaries
    (``SECRETARIES``: the council's registered ones and ``secretary_chat``); the subject is the
    notice unless given. Whether anyone was there to tell."""
    chats: list[tuple[str, int]] = []
    if MEMBER in to:
        chat = chat_of(db, absence.person_id)
        chats += [(f"{key}:member", chat)] if chat else []
    if SECRETARIES in to:
        chats += [
            (f"{key}:{suffix}", chat)
            for suffix, chat in secretaries(db, absence.council, secretary_chat)
        ]
    for chat_key, chat_id in chats:
        outbox.add(
            db,
            chat_key,
            chat_id,
            template=template,
            params={**naming(absence), **(params or {})},
            subject=subject or about_absence(absence.id),
        )
    return bool(chats)
