"""The README documents every command of the CLI, and the CLI has every command the README names."""

from __future__ import annotations

import re
from pathlib import Path

import click

from bot.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "samrad") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
        else:
            paths.append(path)
    return paths


def test_every_cli_command_is_in_the_readme() -> None:
    missing = [path for path in command_paths(cli) if f"`{path}" not in README]
    assert missing == [], f"README.md does not document: {missing}"


def test_every_command_the_readme_names_exists() -> None:
    known = set(command_paths(cli))
    named = set(re.findall(r"`(samrad [a-z][a-z-]*(?: [a-z][a-z-]*)?)", README))
    unknown = [n for n in named if n not in known and not any(k.startswith(n) for k in known)]
    assert unknown == [], f"README.md names commands that do not exist: {unknown}"


def test_every_command_has_help_text() -> None:
    for path in command_paths(cli):
        command: click.Command = cli
        for part in path.split()[1:]:
            assert isinstance(command, click.Group)
            command = command.commands[part]
        assert command.help and command.help.strip(), f"{path} has no help text"
