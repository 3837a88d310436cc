"""Whether members hear of a protocol the secretary stored, and how.

A protocol is news for a while after its meeting: a notice goes out for a meeting in the last
``RECENT_DAYS`` days (the protocol of a meeting two years ago is archive, not news). A corrected
version of a protocol (same council and meeting) is told as "rättat", never as new; nothing is
told for a report or a document without a meeting date.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

RECENT_DAYS = 60


@dataclass(frozen=True)
class ProtocolNotice:
    """The notice a stored protocol gets: its template, and whether it tells of a correction."""

    corrected: bool
    template: str = "new_protocol"
    version: str = field(default_factory=lambda: secrets.token_hex(4))

    def key(self, document_id: int, chat_id: int) -> str:
        """The outbox key: once per protocol and chat, and once more per correction."""
        if self.corrected:
            return f"protocol:{document_id}:rattat:{self.version}:{chat_id}"
        return f"protocol:{document_id}:{chat_id}"


def protocol_notice(
    kind: str, meeting_date: str | date | None, replaced: bool, today: date
) -> ProtocolNotice | None:
    """The notice for a document just stored (``replaced``: it replaced an earlier version of
    the same protocol), or None when members are not told."""
    if kind != "protocol" or not meeting_date:
        return None
    try:
        day = meeting_date if isinstance(meeting_date, date) else date.fromisoformat(meeting_date)
    except ValueError:
        return None
    if not today - timedelta(days=RECENT_DAYS) <= day <= today:
        return None
    return ProtocolNotice(corrected=replaced)
