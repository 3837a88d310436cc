"""Settings: read from the environment in one place, checked, and documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import VARIABLES, Settings, SettingsError

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_exactly_the_settings() -> None:
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == [variable.name for variable in VARIABLES]


def test_defaults_and_values_from_the_environment(tmp_path: Path) -> None:
    default = Settings.from_env({})
    assert default.db_path.name == "samrad.db" and default.token is None
    assert (default.council, default.answer_hours, default.reminder_days) == ("social", 48, (7, 1))
    custom = Settings.from_env(
        {
            "SAMRAD_DB": str(tmp_path / "x.db"),
            "SAMRAD_SECRETARY_CHAT": "-100123",
            "SAMRAD_COUNCIL": "folkhalsa",
            "SAMRAD_REMINDER_DAYS": "3",
            "SAMRAD_BOT_USERNAME": "@radets_bot",
        }
    )
    assert custom.db_path == tmp_path / "x.db" and custom.secretary_chat == -100123
    assert (custom.council, custom.reminder_days, custom.bot_username) == (
        "folkhalsa",
        (3,),
        "radets_bot",
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SAMRAD_COUNCIL", "kulturradet"),
        ("SAMRAD_SECRETARY_CHAT", "sekreteraren"),
        ("SAMRAD_ANSWER_HOURS", "-4"),
        ("SAMRAD_CONVERSATION_MINUTES", "en halvtimme"),
    ],
)
def test_a_bad_value_names_its_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def test_nothing_else_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for package in ("bot", "handlers", "knowledge")
        for path in sorted((ROOT / package).rglob("*.py"))
        if re.search(r"os\.environ|getenv\(", path.read_text("utf-8"))
    ]
    assert readers == ["bot/settings.py"]
