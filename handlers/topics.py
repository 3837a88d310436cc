"""/bevaka: the subjects a member follows. "/bevaka barnfattigdom" (or "meddela mig när
barnfattigdom tas upp") follows one, "/bevaka" lists them with a button to stop each,
"/bevaka sluta barnfattigdom" stops one. The notices come from ``knowledge.qa.followed``."""

from __future__ import annotations

import re

from telegram import Message, Update

from handlers.common import effective_message, pressed, registered_person
from handlers.context import SamradContext
from handlers.keyboards import button, column
from knowledge.council.roster import Person
from knowledge.language.dates import format_date
from knowledge.qa import followed
from knowledge.qa.corpus import Corpus

NOT_REGISTERED = (
    "Bevakning av ämnen gäller registrerade ledamöter och ersättare. "
    "Be sekreteraren om en inbjudningslänk."
)
_STOP = re.compile(r"^(?:sluta|stopp|stoppa|avsluta|ta bort)\s+(?:bevaka\s+)?(?P<topic>.+)$", re.I)


async def _member(update: Update, context: SamradContext) -> tuple[Message, Person] | None:
    """The message and the registered person who sent it; anyone else is told who may."""
    message = effective_message(update)
    if message is None:
        return None
    person = registered_person(update, context)
    if person is None:
        await message.reply_text(NOT_REGISTERED)
        return None
    return message, person


async def follow_command(update: Update, context: SamradContext) -> None:
    """/bevaka [ämne | sluta ämne]: follow a subject, stop one, or list them."""
    member = await _member(update, context)
    if member is None:
        return
    message, person = member
    text = " ".join(context.args or [])
    stop = _STOP.match(text)
    if stop:
        gone = followed.stop_named(context.store, person.id, stop.group("topic"))
        await message.reply_text(
            f"Du bevakar inte längre ”{gone.topic}”."
            if gone
            else f"Du bevakar inget ämne som heter ”{stop.group('topic')}”. Se dina med /bevaka."
        )
    elif text:
        await follow_subject(message, context, person, text)
    else:
        await _list(message, context, person)


async def follow_text(update: Update, context: SamradContext, subject: str) -> None:
    """ "meddela mig när barnfattigdom tas upp": follow it, as /bevaka does."""
    member = await _member(update, context)
    if member is not None:
        await follow_subject(member[0], context, member[1], subject)


async def follow_subject(
    message: Message, context: SamradContext, person: Person, topic: str
) -> None:
    """Follow ``topic`` for the person, and say what that means and what is known already."""
    try:
        subject, new = followed.follow(context.store, person.id, topic)
    except followed.FollowError as error:
        await message.reply_text(error.message)
        return
    if not new:
        await message.reply_text(f"Du bevakar redan ”{subject.topic}”. Se alla med /bevaka.")
        return
    lines = [
        f"Jag bevakar nu ”{subject.topic}”. När ett nytt protokoll eller en kallelse nämner "
        "det får du stycket och dokumentet."
    ]
    dates = sorted(
        {h.date for h in followed.mentions(Corpus(context.store), subject.topic) if h.date}
    )
    if dates:
        lines.append(
            f"Det nämns redan i protokollen från {len(dates)} "
            + ("möte" if len(dates) == 1 else "möten")
            + f", senast {format_date(dates[-1], weekday=False)}. Fråga ”Hur har frågan om "
            f"{subject.topic} utvecklats?” för en tidslinje."
        )
    if not person.notify_protocols:
        lines.append(
            "Meddelanden om nya protokoll är avstängda för dig, så du får inga besked förrän "
            "du slår på dem med /installningar."
        )
    await message.reply_text("\n".join(lines))


async def _list(message: Message, context: SamradContext, person: Person) -> None:
    subjects = followed.followed(context.store, person.id)
    if not subjects:
        await message.reply_text(
            "Du bevakar inga ämnen. Skriv till exempel /bevaka barnfattigdom, så säger jag till "
            "när ett nytt protokoll eller en kallelse nämner det."
        )
        return
    await message.reply_text(
        "Du bevakar:\n"
        + "\n".join(f"• {s.topic}" for s in subjects)
        + "\nTryck på ett ämne för att sluta bevaka det.",
        reply_markup=column(
            [button(f"Sluta bevaka {s.topic}", "topic_stop", s.id) for s in subjects]
        ),
    )


async def stop_button(update: Update, context: SamradContext) -> None:
    """ "Sluta bevaka …" under the list or a notice: stop following that subject."""
    found = pressed(update)
    if found is None:
        return
    query, press, message = found
    person = registered_person(update, context)
    gone = followed.stop(context.store, person.id, press.args[0]) if person else None
    if gone is None:
        await query.answer("Det ämnet bevakar du inte.", show_alert=True)
        return
    await query.answer("Bevakningen är borttagen.")
    await message.reply_text(f"Du bevakar inte längre ”{gone.topic}”.", do_quote=False)
