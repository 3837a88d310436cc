"""Attendance the minutes state in their text rather than in a list.

Three conventions: the substitutes serving, listed in the roll-call item ("Följande ersättare
tjänstgör:" and a line each, "Kerstin Holm (S) för Bo Hedlund (S)"); those called who did not
come, when a notice's list of those called is the attendance ("Närvarande: alla kallade utom
Per-Olof Svahn och Roland Berg (förhinder)"); and who came in someone's place ("Maria Tell,
rektor Lekebergsskolan, deltog i stället för Roland Berg").
"""

from __future__ import annotations

import re

from knowledge.bodies import ERSATTARE, LEDAMOT, TJANSTGORANDE, for_part_of_meeting
from knowledge.ingest.model import Attendee, Protocol
from knowledge.ingest.parse.attendance_entries import attendees_in_line
from knowledge.ingest.parse.people import FRANVARANDE, KALLAD, NAME_IN_LINE

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
    stated = False
    if "utom" in text:
        for match in _EXCEPT.finditer(text):
            names = _only_names(match.group("names"))
            stated = stated or names is not None
            for attendee in _named(protocol.attendees, names or []):
                if not attendee.replaces:
                    attendee.role = FRANVARANDE
    if "i stället för" in text:
        for match in _IN_PLACE.finditer(text):
            rest = text[match.end() :].split("\n", 1)[0].split(".", 1)[0]
            partial = for_part_of_meeting(rest)
            _came_instead(
                protocol, match.group("entry"), match.group("who"), match.group("whom"), partial
            )
            stated = True
    if any(a.role == KALLAD for a in protocol.attendees):
        stated = stated or any(a.role == FRANVARANDE for a in protocol.attendees)
        _those_called(protocol, stated or bool(_ALL_CAME.search(text)))


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


def _only_names(text: str) -> list[str] | None:
    """The names of "Per-Olof Svahn och Roland Berg (förhinder)", "Per Ek var närvarande", or
    None when what follows them tells how they voted ("Per Ek (M) ställde sig bakom
    förslaget"): a roll call by exception names those away, a decision those against."""
    text = re.sub(r"\([^)]*\)", " ", text.split("\n\n")[0])
    if _VOTING.search(text):
        return None
    names = []
    for part in re.split(r",|\b(?:och|samt)\b", text):
        named = re.match(NAME_IN_LINE, re.sub(r"\s+", " ", part).strip())
        if named:
            names.append(named.group(0))
    return names


# What members do in a decision, not at a roll call.
_VOTING = re.compile(
    r"\b(ställ(de|er) sig|röst(ade|ar)|bif(öll|aller)|yrk(ade|ar)|reserver(ade|ar)|avst(od|år)|"
    r"stödde|stöder|tillstyrk\w*|instämde|instämmer|beslutade|godkände|antog)\b",
    re.I,
)
# "Närvarande: samtliga kallade", "Alla kallade deltog": the list of those called is the roll
# ("Handlingar skickas till samtliga ledamöter" says nothing of who came).
_ALL_CAME = re.compile(
    r"\bnärvarande\s*:?\s*(?:alla|samtliga) (?:kallade|ledamöter|inbjudna)\b"
    r"|\b(?:alla|samtliga) (?:kallade|ledamöter|inbjudna)\s+(?:var närvarande|deltog|närvarade|"
    r"är närvarande)\b",
    re.I,
)


def _those_called(protocol: Protocol, stated: bool) -> None:
    """A notice's list of those called is the attendance only when the minutes written into
    it say who of them came or stayed away; else they were invited to a meeting, no more."""
    if stated:
        for attendee in protocol.attendees:
            if attendee.role == KALLAD:
                # an ersättare by office is called as one ("Lisa Holm (M), ersättare")
                by_office = attendee.function in (ERSATTARE, TJANSTGORANDE)
                attendee.role = ERSATTARE if by_office else LEDAMOT
    else:
        protocol.attendees = [a for a in protocol.attendees if a.role != KALLAD]


def _named(attendees: list[Attendee], names: list[str]) -> list[Attendee]:
    """The attendees ``names`` names."""
    return [a for a in attendees if a.name in names]


def _came_instead(protocol: Protocol, entry: str, who: str, whom: str, partial: bool) -> None:
    """One who came in another's place attended, serving for them; the other did not, unless
    it was for some items only ("under paragrafen", "§ 4", a jäv): then both were there."""
    absent = next((a for a in protocol.attendees if a.name == whom), None)
    if absent is None or partial:
        return  # someone the minutes do not list, or both were there
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
