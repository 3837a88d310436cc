"""Förhinder in Telegram: the report, the ersättare's answer, /mina, /narvaro, the minute job.

Choosing the meeting and confirming are buttons that carry what was chosen; only the hours of a
part-meeting absence are typed, as a step of the member's conversation (``handlers.conversation``).
"""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ChatType, ParseMode

from handlers import conversation
from handlers.callbacks import decode
from handlers.common import effective_message, registered_person, secretary_message
from handlers.context import SamradContext
from handlers.keyboards import button, column
from handlers.notify import flush_outbox
from knowledge.bodies import COUNCIL_SHORT
from knowledge.council import absences
from knowledge.council.meetings import CANCELLED, Meeting
from knowledge.council.roster import list_members
from knowledge.language import clock
from knowledge.language.dates import find_dates, format_date, format_time_range, parse_hours

NOT_REGISTERED = "Bara registrerade ledamöter kan anmäla förhinder."


async def report_command(update: Update, context: SamradContext) -> object:
    """/franvaro: pick the meeting from the upcoming ones."""
    return await start(update, context)


async def start(
    update: Update, context: SamradContext, day: date | None = None, next_one: bool = False
) -> object:
    """Begin a report; with ``day`` ("jag kan inte komma den 4 december") or ``next_one`` ("…
    på nästa möte") go straight to that meeting when the member has one then."""
    message = effective_message(update)
    if message is None:
        return conversation.END
    person = registered_person(update, context)
    if person is None:
        await message.reply_text(
            "För att anmäla förhinder behöver du vara registrerad. Be sekreteraren om en "
            "inbjudningslänk."
        )
        return conversation.END
    db = context.store
    seats = [m for m in list_members(db) if m.person_id == person.id]
    councils = [m.council for m in seats if m.role == "ledamot"]
    meetings = [
        m for council in councils for m in absences.upcoming(db, council, clock.today())[:4]
    ]
    if not councils:
        await message.reply_text(
            "Som ersättare anmäler du inte förhinder här: du får en fråga när din ledamot inte "
            "kan komma, och kan svara nej. Kontakta sekreteraren om du borde stå som ledamot."
            if any(m.role == "ersättare" for m in seats)
            else "Du står inte som ledamot i rostern, så det finns ingen ersättare att kalla in. "
            "Kontakta sekreteraren om det är fel."
        )
        return conversation.END
    if not meetings:
        await message.reply_text("Det finns inga kommande möten i kalendern just nu.")
        return conversation.END
    if next_one and day is None:
        day = min(m.date for m in meetings)
    that_day = [m for m in meetings if m.date == day]
    if len(that_day) == 1:
        await _whole_or_part(update, that_day[0].council, that_day[0].date)
        return conversation.END
    lead = (
        f"Jag hittar inget möte {format_date(day, weekday=False)} för dig. "
        if day is not None and not that_day
        else ""
    )
    await message.reply_text(
        lead + "Vilket möte kan du inte komma till? (Du behöver inte ange något skäl.)",
        reply_markup=column(
            [button(_meeting_label(m), "absence_pick", m.council, m.date) for m in meetings]
        ),
    )
    return conversation.END


def _meeting_label(meeting: Meeting) -> str:
    council = COUNCIL_SHORT.get(meeting.council, meeting.council)
    return f"{format_date(meeting.date, weekday=False)} – {council}"


async def _whole_or_part(update: Update, council: str, day: date) -> None:
    message = effective_message(update)
    if message is not None:
        await message.reply_text(
            f"Mötet {format_date(day)}: hela mötet eller en del av det?",
            reply_markup=column(
                [
                    button("Hela mötet", "absence_confirm", council, day, None),
                    button("Del av mötet", "absence_part", council, day),
                    button("Avbryt", "absence_cancel"),
                ]
            ),
        )


async def pick_meeting(update: Update, context: SamradContext) -> None:
    """A meeting is picked (or a reminder's button): whole meeting or part of it?"""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return
    if registered_person(update, context) is None:
        await query.answer(NOT_REGISTERED, show_alert=True)
        return
    await query.answer()
    council, day = press.args
    await _whole_or_part(update, council, day)


async def ask_part(update: Update, context: SamradContext) -> object:
    """Part of the meeting: ask from when to when."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None or context.user_data is None:
        return conversation.END
    await query.answer()
    council, day = press.args
    context.user_data["absence"] = [council, day.isoformat()]
    message = effective_message(update)
    meeting = absences.meeting_on(context.store, council, day)
    if meeting is None or meeting.status == CANCELLED:
        if message is not None:
            await message.reply_text("Det mötet finns inte i kalendern längre.")
        return conversation.END
    if message is not None:
        hours = (
            format_time_range(meeting.start, meeting.end) if meeting.start and meeting.end else ""
        )
        await message.reply_text(
            (f"Mötet är {hours}. " if hours else "")
            + "Vilken tid är du borta? Skriv till exempel "
            + f"{absences.part_example(meeting)}. (/avbryt)"
        )
    return conversation.ABSENCE_PART


async def receive_part(update: Update, context: SamradContext) -> object:
    """The time away, written: confirm it."""
    message = update.message
    if message is None or message.text is None:
        return conversation.ABSENCE_PART
    council, day_text = (context.user_data or {}).get("absence", [None, None])
    meeting = (
        absences.meeting_on(context.store, council, date.fromisoformat(day_text))
        if council
        else None
    )
    if meeting is None:
        await message.reply_text("Anmälan kom bort. Börja om med /franvaro.")
        return conversation.END
    day = meeting.date
    start_time, end_time = parse_hours(message.text)
    if start_time is None or end_time is None:
        await message.reply_text(
            f"Skriv tiden som från–till, till exempel {absences.part_example(meeting)}."
        )
        return conversation.ABSENCE_PART
    try:
        absences.check_part(meeting, start_time, end_time)
    except absences.AbsenceError as error:
        await message.reply_text(error.message)
        return conversation.ABSENCE_PART
    await message.reply_text(
        f"Förhinder {format_time_range(start_time, end_time)} på mötet {format_date(day)}?",
        reply_markup=column(
            [
                button("Bekräfta", "absence_confirm", council, day, (start_time, end_time)),
                button("Avbryt", "absence_cancel"),
            ]
        ),
    )
    return conversation.END


async def confirm(update: Update, context: SamradContext) -> None:
    """Confirmed: file the notice; the ersättare is asked; a receipt with a reference."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return
    person = registered_person(update, context)
    if person is None:
        await query.answer(NOT_REGISTERED, show_alert=True)
        return
    council, day, part = press.args
    try:
        absence = absences.report(
            context.store,
            person.id,
            council,
            day,
            part or None,
            clock.now(),
            context.settings.absence_timings(),
            context.settings.secretary_chat,
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await _settled(
        update,
        context,
        "Anmält.",
        f"Ditt förhinder är anmält (referens {absence.reference}) till mötet "
        f"{format_date(absence.meeting_date)}. "
        + (
            "Jag hör av mig när det är klart vem som ersätter dig. "
            if absence.status == absences.SEARCHING
            else ""
        )
        + "Ändrar du dig: /mina.",
    )


async def _settled(update: Update, context: SamradContext, ack: str, receipt: str) -> None:
    """A press that changed something: acknowledge it, take the buttons away (they are used),
    say what happened, and send the notices the change queued."""
    if update.callback_query is not None:
        await update.callback_query.answer(ack)
        await update.callback_query.edit_message_reply_markup(None)
    message = effective_message(update)
    if message is not None:
        await message.reply_text(receipt)
    await flush_outbox(context)


async def cancel_button(update: Update, context: SamradContext) -> None:
    """The Avbryt button under a meeting choice: nothing is reported."""
    if update.callback_query:
        await update.callback_query.answer("Avbrutet.")
        await update.callback_query.edit_message_reply_markup(None)


async def substitute_answer(update: Update, context: SamradContext) -> None:
    """The ersättare's "Ja, jag kommer" or "Nej, jag kan inte"."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return
    person = registered_person(update, context)
    if person is None:
        await query.answer("Den här frågan gällde inte dig.", show_alert=True)
        return
    accept = press.kind == "substitute_yes"
    try:
        absence = absences.answer_request(
            context.store,
            press.args[0],
            person.id,
            accept,
            clock.now(),
            context.settings.absence_timings(),
            context.settings.secretary_chat,
            brief=context.engine.brief,
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await _settled(
        update,
        context,
        "Tack för svaret!",
        f"Tack! Du kommer till mötet {format_date(absence.meeting_date)} i stället för "
        f"{absence.person}. Här kommer det du behöver inför mötet."
        if accept
        else f"Tack för beskedet. {_after_no(context, absence)}",
    )


def _after_no(context: SamradContext, absence: absences.Absence) -> str:
    """What came of an ersättare's no, as it is."""
    if absence.status == absences.SEARCHING:
        return "Nästa ersättare har tillfrågats."
    if absences.secretary_reachable(
        context.store, absence.council, context.settings.secretary_chat
    ):
        return "Det finns ingen annan ersättare att fråga; sekreteraren är informerad."
    return "Det finns ingen annan ersättare att fråga."


async def my_notices(update: Update, context: SamradContext) -> None:
    """/mina: the member's notices, each with a button to withdraw it."""
    message = effective_message(update)
    person = registered_person(update, context)
    if message is None:
        return
    if person is None:
        await message.reply_text("Du är inte registrerad ännu. Be sekreteraren om en länk.")
        return
    notices = absences.mine(context.store, person.id, clock.today())
    if not notices:
        await message.reply_text("Du har inga anmälda förhinder till kommande möten.")
        return
    told = "; sekreteraren vet"
    states = {
        absences.SEARCHING: "ersättare tillfrågad",
        absences.COVERED: "ersättare kommer",
        absences.UNCOVERED: "ingen ersättare",
    }
    lines = [
        f"• {a.reference}: {format_date(a.meeting_date, weekday=False)} – "
        + (f"{a.substitute} kommer" if a.substitute else states.get(a.status, a.status))
        + (
            told
            if a.status == absences.UNCOVERED
            and absences.secretary_reachable(
                context.store, a.council, context.settings.secretary_chat
            )
            else ""
        )
        for a in notices
    ]
    await message.reply_text(
        "Dina förhinder:\n" + "\n".join(lines),
        reply_markup=column(
            [button(f"Återkalla {a.reference}", "absence_withdraw", a.id) for a in notices]
        ),
    )


async def withdraw(update: Update, context: SamradContext) -> None:
    """Withdraw a notice: the ersättare is told they are not needed."""
    query = update.callback_query
    press = decode(query.data if query else None)
    if query is None or press is None:
        return
    person = registered_person(update, context)
    if person is None:
        await query.answer("Du kan bara återkalla dina egna anmälningar.", show_alert=True)
        return
    try:
        absence = absences.withdraw(
            context.store,
            press.args[0],
            person.id,
            clock.now(),
            context.settings.secretary_chat,
        )
    except absences.AbsenceError as error:
        await query.answer(error.message, show_alert=True)
        return
    await _settled(
        update,
        context,
        "Återkallad.",
        f"{absence.reference} är återkallad: du kommer till mötet "
        f"{format_date(absence.meeting_date, weekday=False)}.",
    )


async def attendance(update: Update, context: SamradContext) -> None:
    """/narvaro [datum]: for the secretary, in a private chat only, who comes to the next (or
    that) meeting of each council: per organisation, and counted."""
    message = effective_message(update)
    if message is not None and message.chat.type != ChatType.PRIVATE:
        await message.reply_text("Närvaron visar jag bara i ett privat samtal med sekreteraren.")
        return
    message = await secretary_message(update, context, "Bara sekreteraren kan se närvaron.")
    if message is None:
        return
    db = context.store
    wanted = find_dates(" ".join(context.args or []), reference=clock.today())
    boards = []
    for council in ("social", "folkhalsa"):
        meetings = absences.upcoming(db, council, wanted[0].date if wanted else clock.today())
        if wanted:
            meetings = [m for m in meetings if m.date == wanted[0].date]
        if not meetings:
            continue
        seats = absences.attendance(db, council, meetings[0].date)
        boards.append(
            {
                "council": council,
                "date": meetings[0].date,
                "seats": seats,
                "totals": absences.totals(seats),
            }
        )
    await message.reply_text(
        context.renderer.template("attendance", boards=boards)
        if boards
        else "Inget kommande möte hittades.",
        parse_mode=ParseMode.HTML,
    )


async def minute_job(context: SamradContext) -> None:
    """Deadlines, reminders and retention, then send what they queued."""
    absences.run_due(
        context.store,
        clock.now(),
        context.settings.absence_timings(),
        context.settings.secretary_chat,
    )
    await flush_outbox(context)
