"""Attendance the minutes state in their text rather than in a list.

Three conventions: the substitutes serving, listed in the roll-call item ("Följande ersättare
tjänstgör:" and a line each, "Kerstin Holm (S) för Bo Hedlund (S)"); those called who did not
come, when a notice's list of those called is the attendance ("Närvarande: alla kallade utom
Per-Olof Svahn och Roland Berg (förhinder)"); and who came in someone's place ("Maria Tell,
rektor Lekebergsskolan, deltog i stället för Roland Berg").
"""

from __future__ import annotations

import re

from knowledge.bodies import ERSATTARE, TJANSTGORANDE
from knowledge.ingest.model import Attendee, Protocol
from knowledge.ingest.parse.attendance_entries import attendees_in_line
from knowledge.ingest.parse.people import FRANVARANDE, NAME_IN_LINE

_SERVING = re.compile(
    r"^(?:följande|dessa|som) (?:ersättare )?tjänstgör\w*(?: ersättare)?\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_EXCEPT = re.compile(
    r"\b(?:alla|samtliga) (?:kallade|ledamöter|inbjudna)(?: var närvarande| deltog)?"
    r",? (?:utom|förutom) (?P<names>[^.;:]{3,200})",
    re.IGNORECASE,
)
# "X, rektor Lekebergsskolan, deltog i stället för Y", "X deltar för Lekeberg i stället för Y".
_IN_PLACE = re.compile(
    rf"(?P<entry>(?P<who>{NAME_IN_LINE})(?:,[^,.;\n]{{2,60}}){{0,2}}),?\s+"
    rf"(?:deltog|deltar|närvarade|var med|tjänstgjorde|tjänstgör)\b[^.;\n]{{0,30}}?"
    rf"\bi stället för (?P<whom>{NAME_IN_LINE})"
)


def add_stated_attendance(protocol: Protocol) -> None:
    """Add to (and correct) ``protocol.attendees`` from what its text states."""
    text = protocol.text
    if "tjänstgör" in text.lower():
        _serving_lists(protocol, text)
    if "utom" in text:
        for match in _EXCEPT.finditer(text):
            for attendee in _named(protocol.attendees, match.group("names")):
                if not attendee.replaces:
                    attendee.role = FRANVARANDE
    if "i stället för" in text:
        for match in _IN_PLACE.finditer(text):
            _came_instead(protocol, match.group("entry"), match.group("who"), match.group("whom"))


def _serving_lists(protocol: Protocol, text: str) -> None:
    """The substitutes a roll call lists, one a line under its introduction."""
    present = {a.name for a in protocol.attendees if a.role != FRANVARANDE}
    for match in _SERVING.finditer(text):
        lines = [match.group("rest")]
        for line in text[match.end() :].lstrip("\n").split("\n"):
            if not line.strip():
                break
            lines.append(line)
        for line in lines:
            for attendee in attendees_in_line(line, ERSATTARE):
                if attendee.name in present or not attendee.replaces:
                    continue
                attendee.function = TJANSTGORANDE
                protocol.attendees.append(attendee)
                present.add(attendee.name)


def _named(attendees: list[Attendee], names: str) -> list[Attendee]:
    """The attendees a list of names ("Per-Olof Svahn och Roland Berg (förhinder)") names."""
    parts = (re.match(NAME_IN_LINE, part.strip()) for part in re.split(r",|\boch\b|\(", names))
    wanted = {match.group(0) for match in parts if match}
    return [a for a in attendees if a.name in wanted]


def _came_instead(protocol: Protocol, entry: str, who: str, whom: str) -> None:
    """One who came in another's place attended, serving for them; the other did not."""
    absent = next((a for a in protocol.attendees if a.name == whom), None)
    if absent is None:
        return  # someone the minutes do not list: no attendance of this meeting
    present = next((a for a in protocol.attendees if a.name == who), None)
    if present is None:
        parsed = attendees_in_line(entry, absent.role if absent.role != FRANVARANDE else ERSATTARE)
        if not parsed:
            return
        present = parsed[0]
        present.organisation = present.organisation or absent.organisation
        present.org_kind = present.org_kind or absent.org_kind
        protocol.attendees.append(present)
    present.replaces = present.replaces or whom
    absent.role = FRANVARANDE
