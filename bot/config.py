"""Configuration from the environment (documented in README.md, "Configuration")."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from knowledge.storage.database import default_db_path


@dataclass(frozen=True)
class Config:
    token: str | None
    api_url: str | None  # PTB base_url, e.g. http://127.0.0.1:8081/bot (self-hosted Bot API)
    file_url: str | None  # PTB base_file_url
    db_path: Path
    secretary_chat: int | None  # where error reports go
    council: str  # the default council of questions

    @classmethod
    def from_env(cls, db_path: Path | None = None) -> Config:
        chat = os.environ.get("SAMRAD_SECRETARY_CHAT", "").strip()
        return cls(
            token=os.environ.get("TELEGRAM_BOT_TOKEN") or None,
            api_url=os.environ.get("TELEGRAM_API_URL") or None,
            file_url=os.environ.get("TELEGRAM_FILE_URL") or None,
            db_path=db_path or default_db_path(),
            secretary_chat=int(chat) if chat.lstrip("-").isdigit() else None,
            council=os.environ.get("SAMRAD_COUNCIL", "social"),
        )
