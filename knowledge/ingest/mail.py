"""Minutes sent as an e-mail: the message's own lines, and the meeting day it names by the day
it was sent.

Header lines ("Från:", "Skickat:", "Till:", "Ämne:") date the e-mail, not the meeting. A reply's
quoted earlier message (after "-----Ursprungligt meddelande-----" or a header whose subject is
"SV:") is older and left out; a forwarded message ("---------- Vidarebefordrat meddelande
---------", "VB:") is what the e-mail passes on, so it is kept. A summary that speaks of
"gårdagens möte" was written the day after the meeting: the day it was sent dates it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.language.dates import find_dates

_MAIL_FIELD = re.compile(
    r"^(från|skickat|till|kopia|ämne|bifogade filer|datum|date|from|sent|to|cc|subject|"
    r"attachments)\s*:",
    re.IGNORECASE,
)
_REPLY = re.compile(r"^(sv|re)\s*:", re.IGNORECASE)
_QUOTED = re.compile(r"^-{2,}\s*(ursprungligt meddelande|original message)\s*-{2,}$", re.IGNORECASE)
_FORWARDED = re.compile(
    r"^-{2,}\s*(vidarebefordrat meddelande|forwarded message)\s*-{2,}$", re.IGNORECASE
)
# How a summary names the meeting it sums up, by the days since: "gårdagens möte" is one
# ("igår" alone may be said of anything: "jag skickade det igår").
_MEETING_DAYS_AGO = [
    (re.compile(r"\b(gårdagens (möte|träff|sammanträde)|(mötet|träffen) (i går|igår))\b", re.I), 1),
    (re.compile(r"\b(dagens (möte|träff|sammanträde)|(mötet|träffen) (i dag|idag))\b", re.I), 0),
]


def without_mail(lines: list[str]) -> list[str]:
    """The lines without e-mail headers (three or more header lines in a row, "Från:" and
    "Ämne:" among them) and without a reply's quoted message; with a "Datum:" line first when
    the message names its meeting by the day it was sent ("gårdagens möte")."""
    out: list[str] = []
    sent: date | None = None  # the day the message whose text is kept was sent
    i = 0
    while i < len(lines):
        if _QUOTED.match(lines[i].strip()) and out:
            break  # what follows is the earlier message the e-mail quotes
        if lines[i].rstrip() == "--" and out:
            # the sender's signature: no part of the minutes, and a name under a list's
            # last heading is nobody's attendance
            while i < len(lines) and lines[i].strip() and not _FORWARDED.match(lines[i].strip()):
                i += 1
            continue
        if _FORWARDED.match(lines[i].strip()):
            i += 1
            continue
        labels: dict[str, str] = {}
        j = i
        while j < len(lines) and (field := _MAIL_FIELD.match(lines[j])) is not None:
            labels[field.group(1).lower()] = lines[j][field.end() :].strip()
            j += 1
        subject = labels.get("ämne", labels.get("subject"))
        if j - i >= 3 and labels.keys() & {"från", "from"} and subject is not None:
            if any(line.strip() for line in out) and _REPLY.match(subject):
                break  # an earlier message the e-mail quotes
            when = next(
                (labels[key] for key in ("datum", "date", "skickat", "sent") if key in labels), ""
            )
            days = find_dates(when)
            sent = days[0].date if days else sent
            i = j  # the message's header: it dates the e-mail, not the meeting
            continue
        out.append(lines[i])
        i += 1
    held = _meeting_day(out, sent) if sent else None
    return [f"Datum: {held.isoformat()}", "", *out] if held else out


# A date field of the minutes themselves ("Datum: 12 november 2026"), not one a sentence names
# ("Nästa möte: 18 december", "beslutet den 15 juni").
_OWN_DATE = re.compile(r"^\s*(datum|sammanträdesdatum|mötesdatum|tid och plats|tid)\s*:", re.I)


def _meeting_day(lines: list[str], sent: date) -> date | None:
    """The meeting's day by the day the message was sent, when the text gives none itself."""
    text = " ".join(lines[:60])
    if any(_OWN_DATE.match(line) and find_dates(line) for line in lines[:60]):
        return None  # minutes with their own date: "Datum: 12 november 2026"
    for pattern, days_ago in _MEETING_DAYS_AGO:
        if pattern.search(text):
            return sent - timedelta(days=days_ago)
    return None
