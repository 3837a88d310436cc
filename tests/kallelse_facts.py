"""What the reader takes from the test kallelser, checked against what a person reads.

Each file in ``tests/fixtures/kallelser/`` has a ``<file>.facts.json`` written by someone who
read only the document: the meeting (council, date, start, end, place) and every agenda item
(number, title, presenter, kind, underlag). ``checks`` names every fact and says whether the
reader got it; ``tests/test_kallelse_read.py`` asserts a floor per file. Run this file to print
the share of fields read right per file:

    .venv/bin/python tests/kallelse_facts.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.bodies import COUNCIL_NAMES  # noqa: E402
from knowledge.ingest.extract import read_bytes  # noqa: E402
from knowledge.ingest.kallelse import is_kallelse, parse_kallelse  # noqa: E402
from knowledge.language.text import normalize  # noqa: E402
from knowledge.storage.kallelser import Agenda, AgendaItem  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kallelser"
TODAY = date(2026, 11, 20)  # before every test meeting: the kallelser are fresh
Check = tuple[str, str, bool]  # (field, what, read right)


def fold(value: object) -> str:
    """Equal after folding case, diacritics, dashes, quotes and spaces."""
    text = str(value or "").replace("–", "-").replace("—", "-").replace("”", '"')
    return " ".join(normalize(text).split()).strip(" .")


def facts() -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FIXTURES.glob("*.facts.json"))
    ]


def read(name: str) -> Agenda:
    path = FIXTURES / name
    return parse_kallelse(read_bytes(path.read_bytes(), path.name), today=TODAY)


def _same_text(expected: object, got: object) -> bool:
    return fold(expected) == fold(got)


def _near_text(expected: object, got: object) -> bool:
    """A title or place read right: equal, or one holds the other and most of its words."""
    a, b = fold(expected), fold(got)
    if not a or not b:
        return a == b
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and len(shorter) >= 0.7 * len(longer)


def _item_checks(number: str, want: dict[str, Any], got: AgendaItem | None) -> list[Check]:
    label = f"item {number}"
    if got is None:
        return [(field, label, False) for field in ("title", "presenter", "kind", "underlag")]
    presenters = [fold(p) for p in got.presenters]
    wanted_presenter = want.get("presenter")
    if wanted_presenter:
        wanted = [fold(p) for p in str(wanted_presenter).replace(" och ", ", ").split(", ")]
        presenter_ok = all(any(w in p or p in w for p in presenters if p) for w in wanted)
    else:
        presenter_ok = not presenters
    underlag_ok = len(want.get("underlag") or []) == len(got.underlag) and all(
        any(fold(w) in fold(g) or fold(g) in fold(w) for g in got.underlag)
        for w in want.get("underlag") or []
    )
    return [
        ("title", label, _near_text(want.get("title"), got.title)),
        ("presenter", label, presenter_ok),
        ("kind", label, (want.get("kind") or None) == got.kind),
        ("underlag", label, underlag_ok),
    ]


def checks(fact: dict[str, Any], agenda: Agenda) -> list[Check]:
    """Every fact of one file, and whether the reader got it."""
    start = agenda.start.strftime("%H:%M") if agenda.start else None
    end = agenda.end.strftime("%H:%M") if agenda.end else None
    body = fact.get("body") or ""
    council_ok = (
        agenda.council is not None and fold(COUNCIL_NAMES[agenda.council]) == fold(body)
    ) or (agenda.council is None and bool(agenda.body) and fold(body) in fold(agenda.body))
    found: list[Check] = [
        ("body", "meeting", council_ok),
        (
            "date",
            "meeting",
            agenda.meeting_date is not None and agenda.meeting_date.isoformat() == fact.get("date"),
        ),
        ("start", "meeting", start == fact.get("start")),
        ("end", "meeting", end == fact.get("end")),
        ("place", "meeting", _near_text(fact.get("place"), agenda.place)),
        ("items", "count", len(agenda.items) == len(fact.get("items") or [])),
    ]
    by_number = {item.number: item for item in agenda.items}
    for position, want in enumerate(fact.get("items") or []):
        # Items without numbers are numbered by their order.
        number = str(want.get("number") or position + 1)
        found += _item_checks(number, want, by_number.get(number))
    return found


def score(fact: dict[str, Any]) -> tuple[int, int, list[Check]]:
    """(right, all, the checks) for one file."""
    path = FIXTURES / fact["file"]
    raw = read_bytes(path.read_bytes(), path.name)
    if not is_kallelse(raw, path.name):
        return 0, 1, [("kind", "is a kallelse", False)]
    found = checks(fact, read(fact["file"]))
    return sum(ok for *_, ok in found), len(found), found


def main() -> None:
    total_right = total = 0
    for fact in facts():
        right, count, found = score(fact)
        total_right, total = total_right + right, total + count
        print(f"{fact['file']:<40} {right:>3}/{count:<3} {right / count:6.1%}")
        for field, what, ok in found:
            if not ok:
                print(f"    missed {field} of {what}")
    if total:
        print(f"{'all':<40} {total_right:>3}/{total:<3} {total_right / total:6.1%}")


if __name__ == "__main__":
    main()
