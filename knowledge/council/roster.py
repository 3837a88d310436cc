"""Who is who: the council's members, their ersättare, the secretaries, and their Telegram link.

Store the minimum: a name, the roster role, the Telegram ids once a person registers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from knowledge.bodies import COUNCIL_NAMES
from knowledge.council import outbox
from knowledge.errors import UserError
from knowledge.language import clock
from knowledge.storage import absences as absence_table
from knowledge.storage import roster as table
from knowledge.storage.database import transaction
from knowledge.storage.roster import (
    Member,
    Person,
    chat_of,
    councils_of,
    is_secretary,
    person_by_telegram,
    protocol_subscribers,
    set_protocol_notices,
)

__all__ = [
    "Member",
    "Person",
    "RosterError",
    "add_member",
    "chat_of",
    "councils_of",
    "create_invite",
    "ensure_shipped_roster",
    "export_roster",
    "forget",
    "import_roster",
    "is_secretary",
    "list_members",
    "person_by_telegram",
    "protocol_subscribers",
    "redeem_invite",
    "set_protocol_notices",
]

SHIPPED_ROSTER = Path(__file__).resolve().parents[1] / "data" / "roster.csv"
ROLES = ("ledamot", "ersättare", "sekreterare")
CSV_COLUMNS = ["council", "organisation", "role", "rank", "name"]
INVITE_DAYS = 14


class RosterError(UserError):
    """A roster problem to tell the user, in Swedish (``message``)."""


# --- The roster file -----------------------------------------------------------------------


def add_member(
    db: sqlite_utils.Database,
    name: str,
    council: str,
    organisation: str | None,
    role: str,
    rank: int = 1,
) -> int:
    """Put a person in the roster (the same name is the same person); their person id."""
    if role not in ROLES:
        raise RosterError(f"Okänd roll {role}. Välj ledamot, ersättare eller sekreterare.")
    if not name.strip():
        raise RosterError("Namnet saknas.")
    if council not in COUNCIL_NAMES:
        raise RosterError(f"Okänt råd {council}. Välj: {', '.join(COUNCIL_NAMES)}.")
    person_id = table.person_named(db, name)
    if person_id is None:
        person_id = table.add_person(db, " ".join(name.split()), clock.stamp())
    table.put_membership(db, person_id, council, organisation, role, rank)
    return person_id


def import_roster(db: sqlite_utils.Database, text: str) -> int:
    """Replace the roster's memberships with a CSV file's rows (people and their Telegram link
    are kept); the number of rows. A bad file changes nothing."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or set(CSV_COLUMNS) - set(rows[0]):
        raise RosterError(f"Rosterfilen behöver kolumnerna {', '.join(CSV_COLUMNS)}.")
    with transaction(db):
        table.clear_memberships(db)
        for number, row in enumerate(rows, start=2):
            try:
                rank = int(row["rank"] or 1)
            except ValueError as error:
                raise RosterError(f"Rad {number}: ordningen måste vara ett heltal.") from error
            add_member(
                db,
                row["name"],
                row["council"].strip(),
                row["organisation"].strip() or None,
                row["role"].strip(),
                rank,
            )
    return len(rows)


def export_roster(db: sqlite_utils.Database) -> str:
    """The roster as CSV, in the format ``import_roster`` reads."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for member in list_members(db):
        writer.writerow(
            [member.council, member.organisation or "", member.role, member.rank, member.name]
        )
    return buffer.getvalue()


def ensure_shipped_roster(db: sqlite_utils.Database) -> None:
    """The shipped roster, the first time (an empty roster)."""
    if table.membership_count(db) == 0:
        import_roster(db, SHIPPED_ROSTER.read_text(encoding="utf-8"))


def list_members(
    db: sqlite_utils.Database,
    council: str | None = None,
    organisation: str | None = None,
    role: str | None = None,
) -> list[Member]:
    """Seats in the roster, filtered; ersättare in calling order."""
    return table.members(db, council, organisation, role)


# --- Registration --------------------------------------------------------------------------


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def create_invite(
    db: sqlite_utils.Database,
    name: str,
    *,
    role: str | None = None,
    council: str | None = None,
    organisation: str | None = None,
    days: int = INVITE_DAYS,
) -> tuple[str, int]:
    """A single-use registration code for ``name`` (and their person id). A name not in the
    roster needs role and organisation, and is added. Only the code's hash is stored."""
    person_id = table.person_named(db, name)
    if person_id is None and (not role or not organisation):
        raise RosterError(
            f"{name} finns inte i rostern. Ange roll och organisation för att lägga till."
        )
    if role and organisation:  # someone new, or a new seat for someone known
        person_id = add_member(db, name, council or "social", organisation, role)
    assert person_id is not None
    code = secrets.token_urlsafe(12)
    now = clock.now()
    table.add_invite(
        db, _hash(code), person_id, clock.stamp(now), clock.stamp(now + timedelta(days=days))
    )
    return code, person_id


def redeem_invite(
    db: sqlite_utils.Database, code: str, telegram_user_id: int, chat_id: int
) -> Person:
    """Link the Telegram account to the invited person; RosterError for a bad code."""
    now = clock.now()
    with transaction(db):
        invite = table.invite(db, _hash(code))
        if invite is None:
            raise RosterError("Den koden känner jag inte igen. Be sekreteraren om en ny länk.")
        if invite.used_at is not None:
            raise RosterError("Den här länken är redan använd. Be sekreteraren om en ny.")
        if datetime.fromisoformat(invite.expires_at) < now:
            raise RosterError("Länken har gått ut. Be sekreteraren om en ny.")
        owner = table.telegram_owner(db, telegram_user_id)
        if owner is not None and owner != invite.person_id:
            raise RosterError("Ditt Telegramkonto är redan kopplat till en annan person.")
        table.link_telegram(db, invite.person_id, telegram_user_id, chat_id)
        table.use_invite(db, invite.id, clock.stamp(now))
    person = person_by_telegram(db, telegram_user_id)
    assert person is not None
    return person


def forget(db: sqlite_utils.Database, name: str) -> bool:
    """Remove a person and everything stored about them (memberships, notices, answers)."""
    person_id = table.person_named(db, name)
    if person_id is None:
        return False
    # Notifications to them, and those naming them (to ersättare, the secretary), go too.
    subjects = [outbox.about("person", person_id)]
    subjects += [outbox.about("absence", i) for i in absence_table.ids_of_person(db, person_id)]
    subjects += [
        outbox.about("request", i) for i in absence_table.request_ids_involving(db, person_id)
    ]
    with transaction(db):
        chat = chat_of(db, person_id)
        if chat:
            outbox.forget_chat(db, chat)
        outbox.forget(db, subjects)
        table.delete_person(db, person_id)
    return True
