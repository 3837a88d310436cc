"""Every button's callback data, in one place: how it is written and how it is read back.

Callback data comes from the client, so anything may arrive: a stale button, a forged press,
a number too big for SQLite. ``decode`` checks the kind and every field and returns ``None``
for anything that does not parse; handlers then answer the press instead of raising. The
prefixes stay as they were written before this module existed, so buttons already sent work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from knowledge.bodies import COUNCIL_NAMES

MAX_ID = 2**53  # above any row id; bigger numbers would overflow SQLite's integers


def _id(text: str) -> int | None:
    # "²".isdigit() is True, yet int("²") raises: only ASCII digits are a number here.
    return int(text) if text.isascii() and text.isdigit() and 0 < int(text) < MAX_ID else None


def _council(text: str) -> str | None:
    return text if text in COUNCIL_NAMES else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def _part(text: str) -> tuple[time, time] | None | str:
    """ "0900-1200" → (09:00, 12:00); "-" → the whole meeting (an empty string)."""
    if text == "-":
        return ""
    match = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)-([01]\d|2[0-3])([0-5]\d)", text)
    if not match:
        return None
    start = time(int(match[1]), int(match[2]))
    end = time(int(match[3]), int(match[4]))
    return (start, end) if start < end else None


_READERS: dict[type | str, Callable[[str], Any]] = {
    int: _id,
    "council": _council,
    date: _day,
    "part": _part,
}


@dataclass(frozen=True)
class Kind:
    name: str
    prefix: str  # what the data starts with, ending in ":" when fields follow
    fields: tuple[type | str, ...] = ()


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("followup", "q:", (int,)),
        Kind("send_document", "doc:", (int,)),
        Kind("topic_stop", "bevaka:stopp:", (int,)),
        Kind("absence_pick", "abs:m:", ("council", date)),
        Kind("absence_reminder", "abs:new:", ("council", date)),
        Kind("absence_part", "abs:p:", ("council", date)),
        Kind("absence_confirm", "abs:ok:", ("council", date, "part")),
        Kind("absence_cancel", "abs:x"),
        Kind("absence_withdraw", "abs:wd:", (int,)),
        Kind("substitute_yes", "abs:yes:", (int,)),
        Kind("substitute_no", "abs:no:", (int,)),
        Kind("proposal_support", "stod:", (int,)),
        Kind("proposal_file", "prop:file"),
        Kind("proposal_skip", "prop:skip"),
        Kind("proposal_cancel", "prop:cancel"),
        Kind("settings_protocols", "settings:protocols"),
        Kind("kallelse_publish", "kal:ok:", (int,)),
        Kind("kallelse_discard", "kal:x:", (int,)),
        Kind("send_kallelse", "kal:fil:", (int,)),
    )
}
# Longest prefix first, so "abs:new:" is not read as another "abs:" kind.
_BY_PREFIX = sorted(KINDS.values(), key=lambda kind: len(kind.prefix), reverse=True)


@dataclass(frozen=True)
class Press:
    kind: str
    args: tuple[Any, ...]


def encode(kind: str, *args: object) -> str:
    """The callback data of a button of ``kind`` with these field values."""
    spec = KINDS[kind]
    if len(args) != len(spec.fields):
        raise ValueError(f"{kind} takes {len(spec.fields)} fields, not {len(args)}")
    return spec.prefix + ":".join(_write(value) for value in args)


def _write(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        start, end = value
        return f"{start:%H%M}-{end:%H%M}"
    if value is None or value == "":
        return "-"
    return str(value)


def decode(data: str | None) -> Press | None:
    """The press behind ``data``, or None when it is not a button samrad made."""
    if not data or len(data) > 64:  # Telegram's limit; longer is forged
        return None
    for spec in _BY_PREFIX:
        if not data.startswith(spec.prefix):
            continue
        rest = data[len(spec.prefix) :]
        parts = rest.split(":") if spec.fields else []
        if (not spec.fields and rest) or len(parts) != len(spec.fields):
            return None
        values = [_READERS[field](part) for field, part in zip(spec.fields, parts, strict=True)]
        if any(value is None for value in values):
            return None
        return Press(spec.name, tuple(values))
    return None


def matches(*kinds: str) -> Callable[[object], bool]:
    """A ``CallbackQueryHandler`` pattern: the data decodes to one of ``kinds``."""

    def check(data: object) -> bool:
        press = decode(data) if isinstance(data, str) else None
        return press is not None and press.kind in kinds

    return check
