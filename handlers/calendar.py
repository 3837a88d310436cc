"""The meeting calendar in the chat: /kalender for everyone (a list and one .ics file);
/nyttmote, /flytta and /stallin for the secretary. /nasta attaches the next meeting as an .ics
file."""

from __future__ import annotations

from datetime import date

from telegram import InputFile, Update

from handlers.common import (
    effective_message,
    is_secretary_user,
    registered_person,
    secretary_message,
)
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council.calendar import (
    CHANGED,
    NEW,
    UNCHANGED,
    CalendarError,
    add_meeting,
    cancel_meeting,
    move_meeting,
    reachable,
)
from knowledge.council.ics import calendar_file
from knowledge.council.meetings import CANCELLED, Meeting, list_meetings, meeting_on
from knowledge.council.roster import councils_of
from knowledge.language import clock
from knowledge.language.dates import format_date, format_time_range, parse_time_range

USAGE = (
    "Skriv: /nyttmote ÅÅÅÅ-MM-DD TT:MM-TT:MM Plats [råd], till exempel "
    "/nyttmote 2026-12-04 09:00-12:00 Lokal Eken. Råd: " + ", ".join(COUNCIL_NAMES)
)


def _council_and_args(context: SamradContext) -> tuple[list[str], str]:
    """The command's arguments, and the council named last (or the default one)."""
    args = list(context.args or [])
    council = args.pop() if args and args[-1] in COUNCIL_NAMES else context.settings.council
    return args, council


CALENDAR_CAPTION = (
    "Alla kommande möten i en kalenderfil. Öppna den i din kalender. Öppnar du en nyare fil "
    "efter en ändring uppdateras mötena i stället för att läggas in en gång till."
)


def _councils(update: Update, context: SamradContext) -> list[str]:
    """The councils whose meetings this person gets: their seats; everyone's for the
    secretary and for who is not registered (the meetings are public)."""
    person = registered_person(update, context)
    user = update.effective_user
    if person is None or (user is not None and is_secretary_user(context, user.id)):
        return list(COUNCIL_NAMES)
    return councils_of(context.store, person.id) or list(COUNCIL_NAMES)


def _line(meeting: Meeting) -> str:
    state = ""
    if meeting.moved_to:
        state = f" (flyttat till {format_date(meeting.moved_to)})"
    elif meeting.status == CANCELLED:
        state = " (inställt)"
    return (
        f"• {format_date(meeting.date)} {format_time_range(meeting.start, meeting.end)} – "
        f"{COUNCIL_SHORT.get(meeting.council, meeting.council)}"
        + (f", {meeting.place}" if meeting.place else "")
        + state
    )


async def calendar(update: Update, context: SamradContext) -> None:
    """/kalender: the coming meetings of the member's councils, listed and as one .ics file."""
    message = effective_message(update)
    if message is None:
        return
    councils = _councils(update, context)
    today = clock.today()
    meetings = [m for c in councils for m in list_meetings(context.store, c, since=today)]
    if not meetings:
        await message.reply_text("Inga kommande möten finns i kalendern eller protokollen.")
        return
    meetings.sort(key=lambda m: (m.date, m.council))
    await message.reply_text("Kommande möten:\n" + "\n".join(_line(m) for m in meetings[:20]))
    await message.reply_document(
        InputFile(calendar_file(context.store, councils, today), filename="samverkansraden.ics"),
        caption=CALENDAR_CAPTION,
    )


async def add(update: Update, context: SamradContext) -> None:
    """/nyttmote: the secretary enters a meeting."""
    message = await secretary_message(update, context, "Bara sekreteraren kan ändra kalendern.")
    if message is None:
        return
    args, council = _council_and_args(context)
    try:
        day = date.fromisoformat(args[0])
        start, end = parse_time_range(f"kl {args[1]}")
        place = " ".join(args[2:]) or None
        change = add_meeting(context.store, council, day, start, end, place)
    except (IndexError, ValueError):
        await message.reply_text(USAGE)
        return
    except CalendarError as error:
        await message.reply_text(error.message)
        return
    told = {
        NEW: " Ledamöterna och ersättarna får besked.",
        CHANGED: " Ledamöterna och ersättarna får besked om ändringen.",
    }.get(change, " Mötet var redan inlagt så; ingen behöver få besked.")
    if change != UNCHANGED and not reachable(context.store, council):
        told = NOBODY
    await message.reply_text(
        f"Inlagt: {COUNCIL_SHORT[council]} {format_date(day)} {format_time_range(start, end)}"
        + (f", {place}." if place else ".")
        + told
    )
    await flush_outbox(context)


NOBODY = " Ingen ledamot eller ersättare är registrerad i samrad än, så ingen får besked härifrån."

MOVE_USAGE = (
    "Skriv: /flytta ÅÅÅÅ-MM-DD NYTT-DATUM [TT:MM-TT:MM] [Plats] [råd], till exempel "
    "/flytta 2026-12-04 2026-12-11 eller /flytta 2026-12-04 2026-12-11 13:00-16:00 Lokal Eken."
)


async def move(update: Update, context: SamradContext) -> None:
    """/flytta: the secretary moves a meeting to another day (the same event in calendars)."""
    message = await secretary_message(update, context, "Bara sekreteraren kan ändra kalendern.")
    if message is None:
        return
    args, council = _council_and_args(context)
    try:
        day, to_day = date.fromisoformat(args[0]), date.fromisoformat(args[1])
        start = end = None
        rest = args[2:]
        if rest and rest[0][:1].isdigit():
            start, end = parse_time_range(f"kl {rest.pop(0)}")
            if start is None:
                raise ValueError(rest)
        place = " ".join(rest) or None
        moved = move_meeting(context.store, council, day, to_day, start, end, place)
    except (IndexError, ValueError):
        await message.reply_text(MOVE_USAGE)
        return
    except CalendarError as error:
        await message.reply_text(error.message)
        return
    await message.reply_text(
        f"Flyttat: {COUNCIL_SHORT[council]} från {format_date(day)} till {format_date(moved.date)}"
        f" {format_time_range(moved.start, moved.end)}"
        + (f", {moved.place}." if moved.place else ".")
        + (
            " Ledamöterna och ersättarna får besked och en uppdaterad kalenderfil."
            if reachable(context.store, council)
            else NOBODY
        )
    )
    await flush_outbox(context)


async def cancel(update: Update, context: SamradContext) -> None:
    """/stallin ÅÅÅÅ-MM-DD [råd]: the secretary cancels a meeting."""
    message = await secretary_message(update, context, "Bara sekreteraren kan ändra kalendern.")
    if message is None:
        return
    args, council = _council_and_args(context)
    try:
        day = date.fromisoformat(args[0])
    except (IndexError, ValueError):
        await message.reply_text("Skriv: /stallin ÅÅÅÅ-MM-DD [råd]")
        return
    known = meeting_on(context.store, council, day)
    if known is not None and known.status == CANCELLED:
        await message.reply_text(
            f"Mötet {format_date(day)} ({COUNCIL_SHORT[council]}) är redan inställt eller "
            "flyttat; inget ändrades."
        )
        return
    if not cancel_meeting(context.store, council, day):
        await message.reply_text(
            f"Jag känner inte till något möte {format_date(day)} ({COUNCIL_SHORT[council]}), "
            "så ingen behöver få besked. Dagen är markerad som inställd, om ett protokoll "
            "skulle planera ett möte då."
        )
        return
    told = (
        " Ledamöterna och ersättarna får besked." if reachable(context.store, council) else NOBODY
    )
    await message.reply_text(
        f"Mötet {format_date(day)} ({COUNCIL_SHORT[council]}) är inställt.{told}"
    )
    await flush_outbox(context)
