"""The PTB Application: the same one for Telegram, the console chat and the tests."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

import handlers
from bot.commands import (
    DESCRIPTION,
    SHORT_DESCRIPTION,
    SWEDISH_SPELLINGS,
    Command,
    commands_for,
    secretary_only,
)
from bot.limits import FloodLimits
from bot.persistence import SqlitePersistence
from bot.render import Renderer
from bot.settings import Settings
from bot.updates import PerChatUpdateProcessor
from handlers.context import ENGINE, RENDERER, SETTINGS, STORE, SamradContext
from knowledge import open_store
from knowledge.qa.engine import Engine
from knowledge.storage.roster import secretary_chats

log = logging.getLogger(__name__)


def build_application(config: Settings, *, request: BaseRequest | None = None) -> Application:
    """The Application with every handler; ``request`` replaces the network (console, tests)."""
    builder: ApplicationBuilder = Application.builder().context_types(
        ContextTypes(context=SamradContext)
    )
    builder.token(config.token or "1:console")
    # An upload being read in must not hold up everyone else's answers (bot/updates.py).
    builder.concurrent_updates(PerChatUpdateProcessor())
    if request is not None:
        builder.request(request).get_updates_request(request)
    else:
        if config.api_url:
            builder.base_url(config.api_url)
        if config.file_url:
            builder.base_file_url(config.file_url)
        # Telegram's limits: ~30 messages/s overall, 20/min per group, 1/s per private chat;
        # RetryAfter waited out (bot/limits.py).
        builder.rate_limiter(FloodLimits())
    store = open_store(config.db_path)
    builder.persistence(SqlitePersistence(store))
    builder.post_init(_post_init)
    builder.post_shutdown(_post_shutdown)
    application = builder.build()
    application.bot_data.update(
        {
            SETTINGS: config,
            STORE: store,
            ENGINE: Engine(store, default_council=config.council),
            RENDERER: Renderer(),
        }
    )
    handlers.register(
        application,
        conversation_minutes=config.conversation_minutes,
        private_only=secretary_only(),
        spellings=SWEDISH_SPELLINGS,
    )
    return application


async def _post_init(application: Application) -> None:
    # So the first member's question is as quick as any.
    application.bot_data[ENGINE].warm_up()
    await present_the_bot(application)


async def present_the_bot(application: Application) -> None:
    """The command menus (members': the default; the secretaries' own chats: all commands)
    and the bot's descriptions in Telegram's profile and empty chat."""
    bot = application.bot
    await bot.set_my_commands(_menu(commands_for(secretary=False)), scope=BotCommandScopeDefault())
    config: Settings = application.bot_data[SETTINGS]
    chats = set(secretary_chats(application.bot_data[STORE]))
    if config.secretary_chat is not None:
        chats.add(config.secretary_chat)
    for chat in sorted(chats):
        try:
            await bot.set_my_commands(
                _menu(commands_for(secretary=True)), scope=BotCommandScopeChat(chat)
            )
        except TelegramError as error:  # a secretary who has not yet written to the bot
            log.warning("No command menu for the secretary's chat %s: %s", chat, error)
    await bot.set_my_description(DESCRIPTION)
    await bot.set_my_short_description(SHORT_DESCRIPTION)


def _menu(commands: list[Command]) -> list[BotCommand]:
    return [BotCommand(command.name, command.description) for command in commands]


def run_polling(config: Settings) -> None:
    """Long polling until SIGINT/SIGTERM (PTB stops cleanly on both)."""
    application = build_application(config)
    log.info("samrad is polling for updates")
    application.run_polling(drop_pending_updates=False)


async def _post_shutdown(application: Application) -> None:
    application.bot_data[STORE].conn.close()
