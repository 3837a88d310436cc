"""Förhinder in Telegram: report, the ersättare's answer, /mina, /narvaro, and the minute job."""

from __future__ import annotations

import re
import warnings
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers.callbacks import decode, matches
from handlers.common import effective_message, registered_person, secretary_message, today
from handlers.context import SamradContext
from handlers.notify import flush_outbox
from knowledge.bodies import COUNCIL_SHORT
from knowledge.council import absences
from knowledge.council.roster import list_members
from knowledge.language import clock
from knowledge.language.dates import find_dates, format_date, format_time_range, parse_time_range

PART = 0
PICK, WHOLE, ASK_PART, CONFIRM, CANCEL, WITHDRAW = (
    "abs:m:",
    "abs:w:",
    "abs:p:",
    "abs:ok:",
    "abs:x",
    "abs:wd:",
)
TRIGGER = re.compile(r"\bkan inte (komma|delta|närvara)\b|\bförhinder\b|\bfrånvar", re.IGNORECASE)


def _keyboard(rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in rows]
    )


def _split(data: str, prefix: str) -> list[str]:
    return data[len(prefix) :].split(":")


async def report_start(update: Update, context: SamradContext) -> None:
    """/franvaro (or "jag kan inte komma"): pick the meeting from the upcoming ones."""
    message = effective_message(update)
    if message is None:
        return
    person = registered_person(update, context)
    if person is None:
        await message.reply_text(
            "För att anmäla förhinder behöver du vara registrerad. Be sekreteraren om en "
            "inbjudningslänk."
        )
        return
    db = context.store
    councils = [m.council for m in list_members(db, role="ledamot") if m.person_id == person.id]
    choices = [
        (
            f"{format_date(m.date, weekday=False)} – {COUNCIL_SHORT.get(m.council, m.council)}"[
                :60
            ],
            f"{PICK}{m.council}:{m.date.isoformat()}",
        )
        for council in councils
        for m in absences.upcoming(db, council, today())[:4]
    ]
    if not councils:
        await message.reply_text(
            "Du står inte som ledamot i rostern, så det finns ingen ersättare att kalla in. "
            "Kontakta sekreteraren om det är fel."
        )
    elif not choices:
        await message.reply_text("Det finns inga kommande möten i kalendern just nu.")
    else:
        await message.reply_text(
            "Vilket möte kan du inte komma till? (Du behöver inte ange något skäl.)",
            reply_markup=_keyboard(choices),
        )


async def pick_meeting(update: Update, context: SamradContext) -> None:
    """A meeting is picked (or the reminder's button): whole meeting or part of it?"""
    query = update.callback_query
    assert query is not None and query.data is not None
    press = decode(query.data)
    assert press is not None  # the handler's pattern decoded it
    council, day = press.args
    await query.answer()
    if registered_person(update, context) is None:
        await query.answer("Bara registrerade ledamöter kan anmäla förhinder.", show_alert=True)
        return
    message = effective_message(update)
    assert message is not None
    await message.reply_text(
        f"Mötet {format_date(day)}: hela mötet eller en del av det?",
        reply_markup=_keyboard(
            [
                ("Hela mötet", f"{CONFIRM}{council}:{day}:-"),
                ("Del av mötet", f"{ASK_PART}{council}:{day}"),
                ("Avbryt", CANCEL),
            ]
        ),
    )


async def ask_part(update: Update, context: SamradContext) -> int:
    """Part of the meeting: ask from when to when."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    context.user_data["absence"] = _split(query.data, ASK_PART)  # type: ignore[index]
    message = effective_message(update)
    assert message is not None
    await message.reply_text("Vilken tid är du borta? Skriv till exempel 13-15. (/avbryt)")
    return PART


async def receive_part(update: Update, context: SamradContext) -> int:
    """The time away, written: confirm it."""
    assert update.message is not None and update.message.text is not None
    start, end = parse_time_range(update.message.text)
    if start is None or end is None or end <= start:
        await update.message.reply_text("Skriv tiden som från–till, till exempel 13-15.")
        return PART
    council, day = (context.user_data or {}).pop("absence", [None, None])
    if council is None:
        await update.message.reply_text("Anmälan kom bort. Börja om med /franvaro.")
        return ConversationHandler.END
    await update.message.reply_text(
        f"Förhinder {format_time_range(start, end)} på mötet "
        f"{format_date(date.fromisoformat(day))}?",
        reply_markup=_keyboard(
            [
                ("Bekräfta", f"{CONFIRM}{council}:{day}:{start:%H%M}-{end:%H%M}"),
                ("Avbryt", CANCEL),
            ]
        ),
    )
    return ConversationHandler.END


async def confirm(update: Update, context: SamradContext) -> None:
    """Confirmed: file the notice; the ersättare is asked; a receipt with a reference."""
    query = update.callback_query
    assert query is not None and query.data is not None
    person = registered_person(update, context)
    if person is None:
        await query.answer("Bara registrerade ledamöter kan anmäla förhinder.", show_alert=True)
        return
    council, day, part_text = _split(query.data, CONFIRM)
    part = None
    if part_text != "-":
        start, end = part_text.split("-")
        part = (time(int(start[:2]), int(start[2:])), time(int(end[:2]), int(end[2:])))
    try:
        absence = absences.report(
            context.store,
            person.id,
            council,
            date.fromisoformat(day),
            part,
            clock.now(),
            context.settings.absence_timings(),
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await query.answer("Anmält.")
    await query.edit_message_reply_markup(None)
    message = effective_message(update)
    assert message is not None
    await message.reply_text(
        f"Ditt förhinder är anmält (referens {absence.reference}) till mötet "
        f"{format_date(absence.meeting_date)}. Jag hör av mig när det är klart vem som ersätter "
        "dig. Ändrar du dig: /mina."
    )
    await flush_outbox(context)


async def cancel(update: Update, context: SamradContext) -> int:
    """Avbryt: nothing is reported."""
    (context.user_data or {}).pop("absence", None)
    if update.callback_query:
        await update.callback_query.answer("Avbrutet.")
        await update.callback_query.edit_message_reply_markup(None)
    elif update.message:
        await update.message.reply_text("Avbrutet. Inget anmäldes.")
    return ConversationHandler.END


async def substitute_answer(update: Update, context: SamradContext) -> None:
    """The ersättare's "Ja, jag kommer" or "Nej, jag kan inte"."""
    query = update.callback_query
    assert query is not None and query.data is not None
    person = registered_person(update, context)
    press = decode(query.data)
    assert press is not None  # the handler's pattern decoded it
    accept = press.kind == "substitute_yes"
    (request_id,) = press.args
    if person is None:
        await query.answer("Den här frågan gällde inte dig.", show_alert=True)
        return
    try:
        absence = absences.answer_request(
            context.store,
            request_id,
            person.id,
            accept,
            clock.now(),
            context.settings.absence_timings(),
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await query.answer("Tack för svaret!")
    await query.edit_message_reply_markup(None)
    message = effective_message(update)
    assert message is not None
    await message.reply_text(
        f"Tack! Du kommer till mötet {format_date(absence.meeting_date)} i stället för "
        f"{absence.person}."
        if accept
        else "Tack för beskedet. Nästa ersättare tillfrågas."
    )
    await flush_outbox(context)


async def my_notices(update: Update, context: SamradContext) -> None:
    """/mina: the member's notices, each with a button to withdraw it."""
    message = effective_message(update)
    person = registered_person(update, context)
    if message is None:
        return
    if person is None:
        await message.reply_text("Du är inte registrerad ännu. Be sekreteraren om en länk.")
        return
    notices = absences.mine(context.store, person.id, today())
    if not notices:
        await message.reply_text("Du har inga anmälda förhinder till kommande möten.")
        return
    states = {
        absences.SEARCHING: "ersättare tillfrågad",
        absences.COVERED: "ersättare kommer",
        absences.UNCOVERED: "ingen ersättare; sekreteraren vet",
    }
    lines = [
        f"• {a.reference}: {format_date(a.meeting_date, weekday=False)} – "
        + (f"{a.substitute} kommer" if a.substitute else states.get(a.status, a.status))
        for a in notices
    ]
    await message.reply_text(
        "Dina förhinder:\n" + "\n".join(lines),
        reply_markup=_keyboard(
            [(f"Återkalla {a.reference}", f"{WITHDRAW}{a.id}") for a in notices]
        ),
    )


async def withdraw(update: Update, context: SamradContext) -> None:
    """Withdraw a notice: the ersättare is told they are not needed."""
    query = update.callback_query
    assert query is not None and query.data is not None
    person = registered_person(update, context)
    if person is None:
        await query.answer("Du kan bara återkalla dina egna anmälningar.", show_alert=True)
        return
    try:
        absence = absences.withdraw(
            context.store, int(query.data[len(WITHDRAW) :]), person.id, clock.now()
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await query.answer("Återkallad.")
    message = effective_message(update)
    assert message is not None
    await message.reply_text(
        f"{absence.reference} är återkallad: du kommer till mötet "
        f"{format_date(absence.meeting_date, weekday=False)}."
    )
    await flush_outbox(context)


async def attendance(update: Update, context: SamradContext) -> None:
    """/narvaro [datum]: for the secretary, who attends the next (or that) meeting."""
    message = await secretary_message(update, context, "Bara sekreteraren kan se närvaron.")
    if message is None:
        return
    db = context.store
    wanted = find_dates(" ".join(context.args or []), reference=today())
    lines = []
    for council in ("social", "folkhalsa"):
        meetings = absences.upcoming(db, council, wanted[0].date if wanted else today())
        if wanted:
            meetings = [m for m in meetings if m.date == wanted[0].date]
        if not meetings:
            continue
        meeting = meetings[0]
        lines.append(f"<b>{COUNCIL_SHORT[council]} {format_date(meeting.date, weekday=False)}</b>")
        lines += [
            f"{seat.organisation}: {seat.member} – {seat.state}"
            for seat in absences.attendance(db, council, meeting.date)
        ]
    await message.reply_text(
        "\n".join(lines) if lines else "Inget kommande möte hittades.", parse_mode="HTML"
    )


async def minute_job(context: SamradContext) -> None:
    """Deadlines, reminders and retention, then send what they queued."""
    absences.run_due(context.store, clock.now(), context.settings.absence_timings())
    await flush_outbox(context)


def register(application: Application) -> None:
    # The part-time question belongs to the member's own conversation (per chat and user).
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    application.add_handler(CommandHandler("franvaro", report_start))
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.Regex(TRIGGER), report_start)
    )
    application.add_handler(
        CallbackQueryHandler(pick_meeting, pattern=matches("absence_reminder", "absence_pick"))
    )
    application.add_handler(
        ConversationHandler(
            entry_points=[CallbackQueryHandler(ask_part, pattern=f"^{ASK_PART}")],
            states={PART: [MessageHandler(filters.TEXT & ~filters.COMMAND, receive_part)]},
            fallbacks=[CommandHandler("avbryt", cancel)],
            name="absence_part",
        )
    )
    application.add_handler(CallbackQueryHandler(confirm, pattern=f"^{CONFIRM}"))
    application.add_handler(CallbackQueryHandler(cancel, pattern=f"^{CANCEL}$"))
    application.add_handler(
        CallbackQueryHandler(substitute_answer, pattern=matches("substitute_yes", "substitute_no"))
    )
    application.add_handler(CommandHandler("mina", my_notices))
    application.add_handler(CallbackQueryHandler(withdraw, pattern=f"^{WITHDRAW}"))
    application.add_handler(CommandHandler("narvaro", attendance))
    if application.job_queue is not None:
        application.job_queue.run_repeating(minute_job, interval=60, first=10, name="absences")
