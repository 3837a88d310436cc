"""The PTB Application: the same one for Telegram, the console chat and the tests."""

from __future__ import annotations

import logging

from telegram import BotCommand
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder
from telegram.request import BaseRequest

from bot.commands import COMMANDS
from bot.config import Config
from knowledge import open_store
from knowledge.qa.engine import Engine

log = logging.getLogger(__name__)


def build_application(config: Config, *, request: BaseRequest | None = None) -> Application:
    """The Application with every handler; ``request`` replaces the network (console, tests)."""
    builder: ApplicationBuilder = Application.builder()
    builder.token(config.token or "1:console")
    if request is not None:
        builder.request(request).get_updates_request(request)
    else:
        if config.api_url:
            builder.base_url(config.api_url)
        if config.file_url:
            builder.base_file_url(config.file_url)
        # Telegram's limits: ~30 messages/s overall, 20/min per group; RetryAfter waited out.
        builder.rate_limiter(AIORateLimiter(max_retries=3))
    builder.post_init(_post_init)
    application = builder.build()
    application.bot_data["config"] = config
    application.bot_data["db"] = open_store(config.db_path)
    application.bot_data["engine"] = Engine(application.bot_data["db"])
    _register_handlers(application)
    return application


def _register_handlers(application: Application) -> None:
    # One module per feature, in order; free text and unknown commands go last.
    from handlers import (
        absence,
        calendar,
        errors,
        notify,
        proposals,
        questions,
        registration,
        settings,
        start,
        upload,
    )

    modules = (start, registration, absence, proposals, questions, calendar, upload, settings)
    for module in (*modules, notify):
        module.register(application)
    questions.register_catch_all(application)
    start.register_unknown(application)
    errors.register(application)


async def _post_init(application: Application) -> None:
    # So the first member's question is as quick as any.
    application.bot_data["engine"].warm_up()
    await application.bot.set_my_commands(
        [BotCommand(command.name, command.description) for command in COMMANDS]
    )


def run_polling(config: Config) -> None:
    """Long polling until SIGINT/SIGTERM (PTB stops cleanly on both)."""
    application = build_application(config)
    log.info("samrad is polling for updates")
    application.run_polling(drop_pending_updates=False)
