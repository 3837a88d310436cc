"""The ersättare's handover: when she says yes she gets, at once, the meeting's time and place
with an .ics file, the kallelse and its file if it is published (and later, when it is), and
for each agenda item what the protocols said about that subject before (the last two
mentions, with their sources). The member she replaces hears that the handover went out.

What the protocols said is found by the question engine's search (``knowledge.qa``), which
this room may not import: the caller passes it in as a ``Briefer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import sqlite_utils

from knowledge.council import outbox
from knowledge.council.absence_notices import about_request, naming, where
from knowledge.council.meetings import Meeting
from knowledge.language.text import normalize
from knowledge.storage import kallelser as table
from knowledge.storage.absences import Absence
from knowledge.storage.kallelser import Agenda, AgendaItem, Kallelse

__all__ = ["Briefer", "Mention", "where"]

# Items every meeting has: their history is no background worth reading.
_FORMALITY = re.compile(
    r"^(motets? (oppnande|oppnas)|oppnande|upprop|inledning|val av justerare|"
    r"justering|(godkannande|faststallande) av dagordning|dagordning(en)?|foregaende "
    r"(mote|motes|protokoll|minnesanteckningar)|ovriga fragor|nasta mote|avslutning|"
    r"motets avslutande|motet avslutas|laget runt)"
)
MENTIONS = 2  # the last mentions shown per item


@dataclass(frozen=True)
class Mention:
    """A protocol's earlier word on an item's subject, with its source."""

    council: str  # the body's name as answers cite it
    date: str | None  # ISO date of the protocol
    item: str | None  # the § or item number
    title: str | None  # the item's title there
    text: str  # what it said (a sentence or two)


# (council key, the agenda item, the meeting's date) -> the latest mentions before that date.
Briefer = Callable[[str, AgendaItem, date], list[Mention]]


def formality(item: AgendaItem) -> bool:
    """Whether the item is one every meeting has (opening, justerare, övriga frågor)."""
    return bool(_FORMALITY.match(normalize(item.title)))


def in_short(item: AgendaItem) -> dict[str, Any]:
    """An item as notices show it: number, title, presenters and kind."""
    return {
        "number": item.number,
        "title": item.title,
        "presenters": item.presenters,
        "kind": item.kind,
    }


def items_in_short(agenda: Agenda) -> list[dict[str, Any]]:
    """The agenda as notices show it."""
    return [in_short(item) for item in agenda.items]


def attach_file(db: sqlite_utils.Database, key: str, chat: int, kallelse: Kallelse) -> None:
    """Queue the kallelse's original file to ``chat``."""
    agenda = kallelse.agenda
    outbox.add(
        db,
        key,
        chat,
        template="kallelse_file",
        params={"council": agenda.council, "meeting_date": _iso(agenda.meeting_date)},
        subject=outbox.about("kallelse", kallelse.id),
        document={"kind": "kallelse", "id": kallelse.id},
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def on_yes(
    db: sqlite_utils.Database,
    absence: Absence,
    meeting: Meeting,
    request_id: int,
    chat: int,
    brief: Briefer | None,
) -> bool:
    """The handover to an ersättare who just said yes, with the kallelse if published;
    whether it was."""
    kallelse = table.published(db, meeting.council, meeting.date)
    send(db, absence, meeting, request_id, chat, kallelse, brief)
    outbox.add(
        db,
        f"request:{request_id}:ics",
        chat,
        template="meeting_ics",
        params=where(meeting),
        subject=about_request(request_id),
        document={"kind": "ics", "council": meeting.council, "date": meeting.date.isoformat()},
    )
    return kallelse is not None


def send(
    db: sqlite_utils.Database,
    absence: Absence,
    meeting: Meeting,
    request_id: int,
    chat: int,
    kallelse: Kallelse | None,
    brief: Briefer | None,
    changes: dict[str, Any] | None = None,
    corrected: bool = False,
) -> None:
    """The handover's text (and the kallelse's file): once per request and kallelse, so a
    kallelse published (``changes`` not None) or corrected later reaches her too."""
    items = []
    if kallelse is not None:
        for item in kallelse.agenda.items:
            mentions = []
            if brief is not None and not formality(item):
                mentions = [
                    asdict(m) for m in brief(meeting.council, item, meeting.date)[:MENTIONS]
                ]
            items.append({**in_short(item), "mentions": mentions})
    key = handover_key(request_id, kallelse.id if kallelse else None)
    outbox.add(
        db,
        key,
        chat,
        template="handover",
        params={
            **naming(absence),
            **where(meeting),
            "published": kallelse is not None,
            "later": changes is not None,
            "corrected": corrected,
            "changes": changes or {},
            "items": items,
        },
        subject=about_request(request_id),
    )
    if kallelse is not None:
        attach_file(db, f"{key}:file", chat, kallelse)


def handover_key(request_id: int, kallelse_id: int | None) -> str:
    """The key of the handover for a request with that kallelse (or none yet); its file's
    key adds ":file"."""
    version = f"kallelse:{kallelse_id}" if kallelse_id is not None else "utan-kallelse"
    return f"request:{request_id}:handover:{version}"
