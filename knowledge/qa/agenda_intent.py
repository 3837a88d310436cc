"""Questions about a coming meeting's agenda, read from its kallelse: which aspect a question
asks about, on folded text (no case, no å/ä/ö; misspelt keywords are corrected before).

"Vad står på dagordningen?" (the list), "Vem föredrar punkten om …?" (present tense: the
kallelse; "föredrog" asks the protocols), "Ska vi fatta beslut om något …?", "Vilken bilaga
hör till punkten om …?", "Vad har ändrats i kallelsen?", and, after the meeting, "Vad blev det
av punkten om …?", which compares the kallelse with the protocol.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.language.dates import find_dates

_ASPECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "outcome",
        re.compile(r"\bvad (blev|hande|har hant) (det )?(av|med) (punkten|arendet|fragan)\b"),
    ),
    (
        "changes",
        re.compile(
            r"\b(andrat|andrats|andrades|andringar|andring|nytt)\b.*\b(kallelse\w*|dagordning\w*)"
            r"|\b(kallelse\w*|dagordning\w*)\b.*\b(andrat|andrats|andrades|andringar)\b"
        ),
    ),
    (
        "presenter",
        re.compile(
            r"\bvem (foredrar|presenterar|drar|pratar om|informerar om|berattar om|redovisar)\b"
            r"|\bvem (har|tar|haller i) (hand om )?(punkt\w*|arendet)\b"
        ),
    ),
    (
        "decisions",
        re.compile(
            r"\bska (vi|radet|chefsgruppen|ni|de|man|\w+radet) (\w+ )?(nagot )?"
            r"(beslut|besluta)\w*"
            r"|\bbeslutsarende\w*|\bbeslutspunkt\w*|\bvilka beslut ska\b"
        ),
    ),
    (
        "underlag",
        re.compile(
            r"\b(bilaga|bilagan|bilagor|underlag\w*|handlingar|handlingarna)\b.*\bpunkt\w*"
            r"|\bvilken bilaga\b|\bvilka (handlingar|bilagor|underlag)\b"
        ),
    ),
    (
        "list",
        re.compile(
            r"\b(dagordning\w*|agenda\w*|foredragningslist\w*|kallelse\w*)\b"
            r"|\bvad ska (vi|radet|chefsgruppen) (prata|tala|diskutera|ta upp|ga igenom)\b"
            r"|\bvad (star|tas|kommer) (pa|upp)\b|\bvilka punkter\b|\bvad ingar i\b"
            r"|\bpunkten (om|med)\b"
        ),
    ),
]


# Asked in the past tense, a question is about a meeting held: the protocols answer it.
_PAST = re.compile(
    r"\b(hade|foredrog|drog|presenterade|informerade|beslutades|beslutade|togs|holls|stod)\b"
)


def agenda_aspect(folded: str) -> str | None:
    """The aspect of a question about an agenda (see the module docstring), or None."""
    for name, pattern in _ASPECTS:
        if pattern.search(folded):
            return name if name == "outcome" or not _PAST.search(folded) else None
    return None


def about_coming_meeting(text: str, today: date) -> tuple[bool, date | None]:
    """Whether the question is about a meeting to come (a date named from today on, read
    forward: "4 december", "på fredag" is not parsed here), and that date."""
    mentions = find_dates(text, reference=today, prefer_future=True)
    if not mentions:
        return True, None
    day = mentions[0].date
    return day >= today, day
