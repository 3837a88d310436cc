"""The meeting calendar in the chat: /kalender for everyone; /nyttmote and /stallin for the
secretary. /nasta attaches the next meeting as an .ics file."""

from __future__ import annotations

from datetime import date

from telegram import Update

from handlers.common import (
    effective_message,
    secretary_message,
)
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge.bodies import COUNCIL_NAMES, COUNCIL_SHORT
from knowledge.council.calendar import CHANGED, NEW, CalendarError, add_meeting, cancel_meeting
from knowledge.council.meetings import CANCELLED, list_meetings
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


async def calendar(update: Update, context: SamradContext) -> None:
    """/kalender: the coming meetings of every council."""
    message = effective_message(update)
    if message is None:
        return
    meetings = [m for m in list_meetings(context.store, since=clock.today())]
    if not meetings:
        await message.reply_text("Inga kommande möten finns i kalendern eller protokollen.")
        return
    lines = [
        f"• {format_date(m.date)} {format_time_range(m.start, m.end)} – "
        f"{COUNCIL_SHORT.get(m.council, m.council)}"
        + (f", {m.place}" if m.place else "")
        + (" (INSTÄLLT)" if m.status == CANCELLED else "")
        for m in meetings[:20]
    ]
    await message.reply_text("Kommande möten:\n" + "\n".join(lines))


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
    await message.reply_text(
        f"Inlagt: {COUNCIL_SHORT[council]} {format_date(day)} {format_time_range(start, end)}"
        + (f", {place}." if place else ".")
        + told
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
    cancel_meeting(context.store, council, day)
    await message.reply_text(
        f"Mötet {format_date(day)} ({COUNCIL_SHORT[council]}) är inställt. Ledamöterna och "
        "ersättarna får besked."
    )
    await flush_outbox(context)
