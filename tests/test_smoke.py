"""`samrad run` as a subprocess, long polling a local Bot API endpoint on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TOKEN = "123456:SMOKE"
CHAT = 42


class FakeTelegram(BaseHTTPRequestHandler):
    """Just enough of the Bot API for one question and its answer."""

    sent: list[dict[str, Any]] = []
    delivered = False

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        method = self.path.rsplit("/", 1)[-1]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        if "json" in (self.headers.get("Content-Type") or ""):
            params = json.loads(body or "{}")
        else:
            params = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
        result: Any = True
        if method == "getMe":
            result = {"id": 99, "is_bot": True, "first_name": "samrad", "username": "samrad_bot"}
        elif method == "getUpdates":
            result = []
            if not FakeTelegram.delivered:
                FakeTelegram.delivered = True
                result = [
                    {
                        "update_id": 1,
                        "message": {
                            "message_id": 1,
                            "date": int(time.time()),
                            "chat": {"id": CHAT, "type": "private"},
                            "from": {"id": CHAT, "is_bot": False, "first_name": "Test"},
                            "text": "Vem var ordförande 6 maj 2022?",
                        },
                    }
                ]
            else:
                time.sleep(0.2)
        elif method == "sendMessage":
            FakeTelegram.sent.append(params)
            result = {
                "message_id": 100 + len(FakeTelegram.sent),
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "text": params.get("text", ""),
            }
        payload = json.dumps({"ok": True, "result": result}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def test_run_polls_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTelegram)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": f"http://127.0.0.1:{port}/bot",
        "TELEGRAM_FILE_URL": f"http://127.0.0.1:{port}/file/bot",
        "SAMRAD_DB": str(tmp_path / "smoke.db"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not FakeTelegram.sent:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            time.sleep(0.1)
        assert FakeTelegram.sent, "the bot did not answer within 60 s"
        answer = FakeTelegram.sent[0]
        assert int(answer["chat_id"]) == CHAT
        assert "Karin Sundin" in answer["text"]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        server.shutdown()
