"""Telegram adapters: read the update, call ``knowledge``, render, reply.

``register`` is the one place where every handler, group and job is added. Order matters
within a group (the first handler that matches an update takes it), so it is spelled out here:

group -1  edited messages are dropped: an edit is not a new message, whatever it now says;
          the secretary's commands in a group get "only in a private chat" and stop there.
group 0   1. /start (with a registration code) and /hjalp; /hjälp and /nästa spelled with å
             and ä (text to Telegram, not commands).
          2. the member's conversation: /franvaro, /foresla, the "Del av mötet" button and the
             front door (private free text) open it; while a step is open, its handlers take the
             typed text first (a question typed instead of a choice ends it); /avbryt ends it;
             in a group, /franvaro and /foresla are sent to the private chat.
          3. every other command.
          4. buttons, each kind read by ``handlers.callbacks``.
          5. documents (the secretary's uploads: protocols and kallelser).
          6. mentions of the bot in a group.
          7. last: /avbryt outside a conversation, unknown commands, buttons nobody knows.
group 1   the conversation's step is written to the database at once, not on PTB's timer, so
          a crash right after an update loses nothing.
Errors go to one handler; two jobs send the outbox and run förhinder deadlines every minute.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from datetime import timedelta

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers import (
    absence,
    calendar,
    conversation,
    documents,
    errors,
    front_door,
    kallelse,
    notify,
    proposals,
    questions,
    registration,
    settings,
    start,
    topics,
    upload,
)
from handlers.callbacks import matches
from handlers.context import SamradContext
from handlers.conversation import Callback

PRIVATE_TEXT = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
GROUP_TEXT = filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND
EVERY_MINUTE = 60


def register(
    application: Application,
    *,
    conversation_minutes: float,
    private_only: Sequence[str] = (),
    spellings: Mapping[str, str] | None = None,
) -> None:
    """Add every handler, in the order explained in the module docstring, and the jobs.
    ``private_only``: commands answered in a private chat only (the secretary's);
    ``spellings``: commands also accepted written so (``{"hjälp": "hjalp"}``)."""
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, _drop_edit), group=-1)
    if private_only:
        application.add_handler(
            CommandHandler(list(private_only), start.private_only, filters.ChatType.GROUPS),
            group=-1,
        )

    application.add_handler(CommandHandler("start", start.start))
    application.add_handler(CommandHandler(["hjalp", "help"], start.help_command))
    if spellings:
        application.add_handler(_spelled_commands(spellings))
    application.add_handler(_member_conversation(conversation_minutes))
    application.add_handler(
        CommandHandler(
            ["franvaro", "foresla"], conversation.in_private_only, filters.ChatType.GROUPS
        )
    )
    for name, callback in COMMANDS.items():
        application.add_handler(CommandHandler(name, callback))
    for kinds, callback in BUTTONS:
        application.add_handler(CallbackQueryHandler(callback, pattern=matches(*kinds)))
    application.add_handler(MessageHandler(filters.Document.ALL, upload.document))
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, questions.group_text
        )
    )
    application.add_handler(CommandHandler("avbryt", conversation.nothing_to_cancel))
    application.add_handler(MessageHandler(filters.COMMAND, start.unknown_command))
    application.add_handler(CallbackQueryHandler(start.unknown_button))

    application.add_handler(TypeHandler(Update, _persist_now), group=1)

    application.add_error_handler(errors.on_error)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            notify.flush_outbox, interval=60, first=5, name="outbox"
        )
        application.job_queue.run_repeating(
            absence.minute_job, interval=60, first=10, name="absences"
        )


# Commands that are not part of the member's conversation (it has /franvaro and /foresla).
COMMANDS: dict[str, Callback] = {
    "nasta": questions.next_meeting,
    "beslut": questions.decisions,
    "teman": questions.themes,
    "sok": questions.search,
    "mote": questions.meeting,
    "mina": absence.my_notices,
    "narvaro": absence.attendance,
    "kalender": calendar.calendar,
    "bevaka": topics.follow_command,
    "nyttmote": calendar.add,
    "flytta": calendar.move,
    "stallin": calendar.cancel,
    "inbjud": registration.invite,
    "installningar": settings.settings,
    "forslag": proposals.secretary_list,
    "status": proposals.secretary_status,
}
# Buttons outside the conversation: the kinds of ``handlers.callbacks`` each callback reads.
BUTTONS: list[tuple[tuple[str, ...], Callback]] = [
    (("followup",), questions.followup_button),
    (("send_document",), documents.send_button),
    (("send_kallelse",), documents.kallelse_button),
    (("topic_stop",), topics.stop_button),
    (("absence_pick", "absence_reminder"), absence.pick_meeting),
    (("absence_confirm",), absence.confirm),
    (("absence_cancel",), absence.cancel_button),
    (("substitute_yes", "substitute_no"), absence.substitute_answer),
    (("absence_withdraw",), absence.withdraw),
    (("proposal_support",), proposals.toggle_support),
    (("settings_protocols",), settings.toggle),
    (("kallelse_publish",), kallelse.publish_button),
    (("kallelse_discard",), kallelse.discard_button),
]


def _spelled_commands(spellings: Mapping[str, str]) -> MessageHandler:
    """ "/hjälp", "/nästa Kumla": text to Telegram (not ASCII, so not a command), answered as
    the command they spell."""
    callbacks: dict[str, Callback] = {"hjalp": start.help_command, **COMMANDS}
    pattern = re.compile(
        rf"^/({'|'.join(map(re.escape, spellings))})(@\w+)?(?:\s+(.*))?$", re.I | re.S
    )

    async def spelled(update: Update, context: SamradContext) -> object:
        message = update.effective_message
        match = pattern.match(message.text or "") if message is not None else None
        if match is None:
            return None
        if match.group(2) and match.group(2)[1:].lower() != (context.bot.username or "").lower():
            return None  # meant for another bot in the group
        context.args = (match.group(3) or "").split()
        return await callbacks[spellings[match.group(1).lower()]](update, context)

    return MessageHandler(filters.TEXT & filters.Regex(pattern), spelled)


def _member_conversation(minutes: float) -> ConversationHandler:
    """The steps that wait for a member's typed text (see ``handlers.conversation``)."""
    # The buttons belong to the member's own conversation, so tracking per chat and user (not
    # per message) is what we want; PTB warns about that choice regardless.
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    entry, step = conversation.entry, conversation.step
    text_step = {"when_stale": front_door.route}
    press_step = {"when_stale": conversation.expired_press}
    private = filters.ChatType.PRIVATE
    restart = [
        CommandHandler("franvaro", entry(absence.report_command), filters=private),
        CommandHandler("foresla", entry(proposals.propose_command), filters=private),
    ]
    return ConversationHandler(
        name=conversation.NAME,
        persistent=True,
        conversation_timeout=timedelta(minutes=minutes),
        entry_points=[
            *restart,
            CallbackQueryHandler(entry(absence.ask_part), pattern=matches("absence_part")),
            MessageHandler(PRIVATE_TEXT, entry(front_door.route)),
        ],
        states={
            conversation.PROPOSAL_THEME: [
                MessageHandler(PRIVATE_TEXT, step(proposals.receive_theme, **text_step))
            ],
            conversation.PROPOSAL_CHOICE: [
                # A question typed instead of a button press ends the step and is answered.
                MessageHandler(PRIVATE_TEXT, entry(conversation.leave_for(front_door.route))),
                CallbackQueryHandler(
                    step(proposals.choose_file, **press_step), pattern=matches("proposal_file")
                ),
                CallbackQueryHandler(
                    step(proposals.toggle_support, **press_step),
                    pattern=matches("proposal_support"),
                ),
            ],
            conversation.PROPOSAL_MOTIVATION: [
                MessageHandler(PRIVATE_TEXT, step(proposals.receive_motivation, **text_step)),
                CallbackQueryHandler(
                    step(proposals.receive_motivation, **press_step),
                    pattern=matches("proposal_skip"),
                ),
            ],
            conversation.ABSENCE_PART: [
                MessageHandler(PRIVATE_TEXT, step(absence.receive_part, **text_step))
            ],
            ConversationHandler.TIMEOUT: [TypeHandler(Update, conversation.timed_out)],
        },
        fallbacks=[
            *restart,
            CommandHandler("avbryt", entry(conversation.cancel)),
            CallbackQueryHandler(
                entry(conversation.cancel), pattern=matches("proposal_cancel", "absence_cancel")
            ),
            CallbackQueryHandler(entry(absence.ask_part), pattern=matches("absence_part")),
        ],
    )


async def _persist_now(update: Update, context: SamradContext) -> None:
    """Write what this update changed in conversations and user data."""
    application = context.application
    if application.persistence is not None:
        if update.effective_user is not None:
            # PTB marks the user only after every group has run: mark now, write now.
            application.mark_data_for_update_persistence(user_ids=update.effective_user.id)
        await application.update_persistence()


async def _drop_edit(update: Update, context: SamradContext) -> None:
    """An edited message changes nothing: samrad answered the message as it was sent."""
    raise ApplicationHandlerStop
