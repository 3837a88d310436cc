"""Questions answered per second by the real Application through the in-process Bot API,
on one core, and peak memory.

    .venv/bin/python benchmarks/bench_bot.py [N]     (default 1000 questions)
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.fakeapi import FakeBotAPI  # noqa: E402
from bot.settings import Settings  # noqa: E402

QUESTIONS = [
    q["q"]
    for q in json.loads((ROOT / "tests" / "eval" / "questions.json").read_text("utf-8"))
    if q["q"].strip()
]


async def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Settings(db_path=Path(tmp) / "bench.db", token="1:bench")
        api = FakeBotAPI()
        application = build_application(config, request=api)
        await application.initialize()
        updates = [
            Update.de_json(
                api.message_update(QUESTIONS[i % len(QUESTIONS)], user_id=1 + i % 50),
                application.bot,
            )
            for i in range(n)
        ]
        started = time.perf_counter()
        for update in updates:
            await application.process_update(update)
        elapsed = time.perf_counter() - started
        sent = sum(1 for c in api.calls if c.method == "sendMessage")
        await application.shutdown()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n} questions in {elapsed:.2f} s: {n / elapsed:.0f} questions/s "
        f"({sent} messages sent), peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
