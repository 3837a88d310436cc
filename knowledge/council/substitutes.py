"""Calling in ersättare: the next one in calling order is asked, with a deadline; a no, or no
answer in time, asks the next; with none left the member and the secretary are told."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import sqlite_utils

from knowledge.council import absence_notices as notices
from knowledge.council import handover
from knowledge.council.absence_model import (
    COVERED,
    DEFAULT_TIMINGS,
    UNCOVERED,
    Absence,
    AbsenceError,
    Timings,
    get,
)
from knowledge.council.absence_notices import Escalation
from knowledge.council.handover import Briefer
from knowledge.council.meetings import CANCELLED, Meeting, meeting_on
from knowledge.council.roster import chat_of, list_members
from knowledge.language import clock
from knowledge.storage import absences as table
from knowledge.storage.database import transaction


def deadline(meeting: Meeting, now: datetime, timings: Timings) -> datetime:
    """When an ersättare asked ``now`` must have answered."""
    latest = datetime.combine(
        meeting.date - timedelta(days=timings.last_days), time(12), tzinfo=clock.STOCKHOLM
    ).astimezone(UTC)
    answer_by = min(now + timedelta(hours=timings.answer_hours), latest)
    # Reported at short notice: the ersättare still gets a couple of hours.
    return max(answer_by, now + timedelta(hours=2))


def ask_next(
    db: sqlite_utils.Database,
    absence_id: int,
    meeting: Meeting,
    now: datetime,
    timings: Timings,
    secretary_chat: int | None = None,
) -> Escalation:
    """Ask the next ersättare in calling order; with none left, tell the secretary (the
    council's registered ones and ``secretary_chat``) and the member what happened."""
    absence = get(db, absence_id)
    round_, created = table.round_of(db, absence_id)
    asked = table.asked_in_round(db, absence_id, round_)
    for substitute in list_members(db, absence.council, absence.organisation, "ersättare"):
        if substitute.person_id in asked or substitute.person_id == absence.person_id:
            continue
        if substitute.chat_id is None:
            continue  # not registered: cannot be asked through samrad
        answer_by = deadline(meeting, now, timings)
        request_id = table.add_request(
            db, absence_id, round_, substitute.person_id, clock.stamp(now), clock.stamp(answer_by)
        )
        notices.ask(
            db, absence, meeting, request_id, substitute.chat_id, clock.local_day(answer_by)
        )
        notices.tell(
            db,
            absence,
            f"request:{request_id}:member",
            "substitute_asked",
            to=[notices.MEMBER],
            params={"substitute": substitute.name},
            subject=notices.about_request(request_id),
        )
        return Escalation(substitute.name)
    table.set_status(db, absence_id, UNCOVERED, clock.stamp(now))
    key = f"{round_key(absence_id, created, round_)}:uncovered"
    told = {"asked": bool(asked)}  # False: no ersättare registered, nobody could be asked
    told["secretary_told"] = notices.tell(
        db,
        absence,
        key,
        "uncovered_secretary",
        to=[notices.SECRETARIES],
        params=told,
        secretary_chat=secretary_chat,
    )
    notices.tell(db, absence, key, "uncovered_member", to=[notices.MEMBER], params=told)
    return Escalation(None, told["secretary_told"])


def secretary_reachable(
    db: sqlite_utils.Database, council: str, secretary_chat: int | None = None
) -> bool:
    """Whether a secretary of the council gets förhinder notices: a registered one, or the
    secretary's chat of the bot's settings."""
    return bool(notices.secretaries(db, council, secretary_chat))


def round_key(absence_id: int, created: str, round_: int) -> str:
    """The outbox key prefix of a round's notices (the creation time is in it because a purged
    notice's id can come back)."""
    return f"absence:{absence_id}:{created}:{round_}"


def current_round_key(db: sqlite_utils.Database, absence_id: int) -> str:
    """The outbox key prefix of the notice's current round."""
    round_, created = table.round_of(db, absence_id)
    return round_key(absence_id, created, round_)


def answer_request(
    db: sqlite_utils.Database,
    request_id: int,
    person_id: int,
    accept: bool,
    now: datetime | None = None,
    timings: Timings = DEFAULT_TIMINGS,
    secretary_chat: int | None = None,
    brief: Briefer | None = None,
) -> Absence:
    """The ersättare's answer. Only the person asked can answer, once. After a yes she gets
    her handover (``handover``; ``brief`` finds what the protocols said about each item);
    after a no the notice is still searching (the next one was asked) or uncovered
    (``secretary_reachable`` says whether the secretary was told)."""
    now = now or clock.now()
    with transaction(db):
        request = table.request(db, request_id)
        if request is None:
            raise AbsenceError("Den frågan finns inte längre.")
        if request.person_id != person_id:
            raise AbsenceError("Den här frågan gällde inte dig.")
        absence = get(db, request.absence_id)
        if request.status != table.ASKED:
            word = {table.YES: "ja", table.NO: "nej"}.get(request.status)
            raise AbsenceError(
                f"Du har redan svarat {word} på den här frågan."
                if word
                else "Frågan gäller inte längre; tack ändå."
            )
        if absence.meeting_date < clock.local_day(now):
            raise AbsenceError("Det mötet har redan varit.")
        meeting = meeting_on(db, absence.council, absence.meeting_date)
        if meeting is None or meeting.status == CANCELLED:
            raise AbsenceError("Mötet är inställt. Du behöver inte ersätta.")
        table.answer(db, request_id, table.YES if accept else table.NO, clock.stamp(now))
        if accept:
            table.set_substitute(db, absence.id, person_id, COVERED, clock.stamp(now))
            absence = get(db, absence.id)
            chat = chat_of(db, person_id)
            published = chat is not None and handover.on_yes(
                db, absence, meeting, request_id, chat, brief
            )
            notices.tell(
                db,
                absence,
                f"request:{request_id}:yes",
                "substitute_coming",
                to=[notices.MEMBER, notices.SECRETARIES],
                params={
                    "substitute": absence.substitute,
                    "handover": chat is not None,
                    "published": published,
                },
                subject=notices.about_request(request_id),
                secretary_chat=secretary_chat,
            )
        else:
            ask_next(db, absence.id, meeting, now, timings, secretary_chat)
    return get(db, absence.id)


def release(db: sqlite_utils.Database, absence: Absence, why: str) -> None:
    """Cancel the notice's open and accepted requests and tell those ersättare they are not
    needed (``why``: "withdrawn" or "meeting-cancelled")."""
    for request_id, chat in table.open_requests(db, absence.id):
        table.cancel_request(db, request_id)
        if chat:
            notices.tell_substitute(db, absence, request_id, chat, why)
