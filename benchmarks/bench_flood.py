"""Throughput under Telegram's flood limits: N questions from U users through the real
Application over HTTP, next to a plain PTB bot (an echo handler) in the same harness.

A local Bot API on 127.0.0.1 delivers every question at once through getUpdates and enforces
about 30 messages/s overall and 1 message/s per chat, answering 429 "retry after" otherwise,
as Telegram does. Both bots use PTB's HTTPXRequest and AIORateLimiter(max_retries=3), as
`samrad run` does. Printed per bot: the time until the last answer, messages/s, 429s, answers
lost (given up after the retries) and the time each user waited for all their answers.

    .venv/bin/python benchmarks/bench_flood.py [QUESTIONS] [USERS]   (default 300 100)
"""

from __future__ import annotations

import asyncio
import json
import math
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    AIORateLimiter,
    Application,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.app import build_application  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge import open_store  # noqa: E402

TOKEN = "123456:FLOOD"
OVERALL_PER_SECOND = 30
PER_CHAT_SECONDS = 1.0
SENDING = ("sendMessage", "sendDocument", "editMessageText", "sendPhoto")
QUESTIONS = [
    q["q"]
    for q in json.loads((ROOT / "tests" / "eval" / "questions.json").read_text("utf-8"))
    if q["q"].strip()
]


class FloodLimitedAPI:
    """The Bot API's state: the updates to deliver, the flood limits, what was accepted."""

    def __init__(self, updates: list[dict[str, Any]]) -> None:
        self.updates = updates
        self.lock = threading.Lock()
        self.recent: deque[float] = deque()  # accepted messages in the last second
        self.last_in_chat: dict[int, float] = {}
        self.accepted: dict[int, list[float]] = {}  # chat -> times of accepted messages
        self.refused = self.refused_overall = self.refused_in_chat = 0
        self.apologies = 0  # "Något gick fel": an answer lost after the retries
        self.started: float | None = None
        self.message_id = 0

    def limit(self, chat: int) -> float | None:
        """None to accept a message to ``chat`` now, else how long to wait."""
        now = time.monotonic()
        with self.lock:
            while self.recent and now - self.recent[0] >= 1.0:
                self.recent.popleft()
            waits = []
            if len(self.recent) >= OVERALL_PER_SECOND:
                waits.append(1.0 - (now - self.recent[0]))
                self.refused_overall += 1
            last = self.last_in_chat.get(chat)
            if last is not None and now - last < PER_CHAT_SECONDS:
                waits.append(PER_CHAT_SECONDS - (now - last))
                self.refused_in_chat += 1
            if waits:
                self.refused += 1
                return max(waits)
            self.recent.append(now)
            self.last_in_chat[chat] = now
            self.accepted.setdefault(chat, []).append(now)
            self.message_id += 1
            return None


def handler_for(api: FloodLimitedAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            method = self.path.rsplit("/", 1)[-1]
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                params = json.loads(body or "{}")
            else:
                params = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
            status, payload = self.answer(method, params)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def answer(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
            if method == "getMe":
                me = {"id": 99, "is_bot": True, "first_name": "samrad", "username": "samrad_bot"}
                return 200, {"ok": True, "result": me}
            if method == "getUpdates":
                offset = int(params.get("offset") or 0)
                pending = [u for u in api.updates if u["update_id"] >= offset]
                if pending and api.started is None:
                    api.started = time.monotonic()
                if not pending:
                    time.sleep(min(float(params.get("timeout") or 0), 0.2))
                return 200, {"ok": True, "result": pending}
            if method in SENDING:
                chat = int(params.get("chat_id") or 0)
                apology = "gick fel" in str(params.get("text", ""))
                api.apologies += apology
                wait = None if apology else api.limit(chat)
                if wait is not None:
                    retry = max(1, math.ceil(wait))
                    return 429, {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {retry}",
                        "parameters": {"retry_after": retry},
                    }
                message = {
                    "message_id": api.message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat, "type": "private"},
                    "text": params.get("text", ""),
                }
                return 200, {"ok": True, "result": message}
            return 200, {"ok": True, "result": True}

    return Handler


def questions(n: int, users: int) -> list[dict[str, Any]]:
    updates = []
    for i in range(n):
        user = 1000 + i % users
        updates.append(
            {
                "update_id": i + 1,
                "message": {
                    "message_id": i + 1,
                    "date": int(time.time()),
                    "chat": {"id": user, "type": "private"},
                    "from": {"id": user, "is_bot": False, "first_name": "Anna"},
                    "text": QUESTIONS[i % len(QUESTIONS)],
                },
            }
        )
    return updates


async def measure(
    name: str, make: Callable[[str], Application], n: int, users: int
) -> dict[str, float]:
    api = FloodLimitedAPI(questions(n, users))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(api))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    application = make(base)
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    setup_messages = sum(len(times) for times in api.accepted.values())
    api.accepted.clear()
    api.last_in_chat.clear()
    api.recent.clear()
    api.refused = api.refused_overall = api.refused_in_chat = 0
    api.apologies = 0
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    asked = {1000 + u: sum(1 for i in range(n) if i % users == u) for u in range(users)}
    # Done when every user has as many answers as questions and nothing more comes for 3 s.
    quiet_since = time.monotonic()
    seen = 0
    while True:
        await asyncio.sleep(0.1)
        total = sum(len(times) for times in api.accepted.values())
        if total != seen:
            seen, quiet_since = total, time.monotonic()
        answered = all(len(api.accepted.get(chat, [])) >= k for chat, k in asked.items())
        if time.monotonic() - quiet_since > (3 if answered else 30):
            break
    await application.updater.stop()
    await application.stop()
    await application.shutdown()
    server.shutdown()
    assert api.started is not None
    last = max(t for times in api.accepted.values() for t in times)
    elapsed = last - api.started
    waited = [
        (times[k - 1] if len(times) >= k else math.inf) - api.started
        for chat, k in asked.items()
        for times in [api.accepted.get(chat, [])]
    ]
    # an answer refused more often than it was retried is missing
    unanswered = sum(max(0, k - len(api.accepted.get(chat, []))) for chat, k in asked.items())
    finite = [w for w in waited if w != math.inf]
    result = {
        "elapsed": elapsed,
        "messages": seen,
        "refused": api.refused,
        "unanswered": unanswered,
        "p50": statistics.median(finite) if finite else math.nan,
        "max": max(finite) if finite else math.nan,
    }
    print(
        f"{name:<28} {n} questions, {users} users: last answer after {elapsed:5.1f} s, "
        f"{seen / elapsed:4.1f} messages/s ({seen} sent, {api.refused} refused with 429: "
        f"{api.refused_overall} overall, {api.refused_in_chat} in a chat; "
        f"{unanswered} answers missing, {api.apologies} apologies); "
        f"a user's answers complete after p50 {result['p50']:.1f} s, max {result['max']:.1f} s"
        + (f" [{setup_messages} set-up calls]" if setup_messages else "")
    )
    return result


def plain_bot(concurrent: bool) -> Callable[[str], Application]:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.message is not None:
            await update.message.reply_text(update.message.text or "")

    def make(base: str) -> Application:
        application = (
            Application.builder()
            .token(TOKEN)
            .base_url(f"{base}/bot")
            .base_file_url(f"{base}/file/bot")
            .rate_limiter(AIORateLimiter(max_retries=3))
            .concurrent_updates(concurrent)
            .build()
        )
        application.add_handler(MessageHandler(filters.TEXT, echo))
        return application

    return make


def samrad_bot(db: Path) -> Callable[[str], Application]:
    def make(base: str) -> Application:
        config = Settings(
            db_path=db, token=TOKEN, api_url=f"{base}/bot", file_url=f"{base}/file/bot"
        )
        return build_application(config)

    return make


async def main(n: int, users: int) -> None:
    print(
        f"Local Bot API on 127.0.0.1: {OVERALL_PER_SECOND} messages/s overall, one per "
        f"{PER_CHAT_SECONDS:.0f} s per chat; bound: {n / OVERALL_PER_SECOND:.1f} s for {n} "
        "one-message answers"
    )
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "corpus.db"
        open_store(template).conn.close()  # the shipped corpus, read in once
        await measure("plain PTB echo (sequential)", plain_bot(False), n, users)
        await measure("plain PTB echo (concurrent)", plain_bot(True), n, users)
        db = Path(tmp) / "samrad.db"
        shutil.copy(template, db)
        await measure("samrad", samrad_bot(db), n, users)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    asyncio.run(main(*(args + [300, 100][len(args) :])))
