"""Per-template accuracy of the parser on the test protocols (not a benchmark of speed).

For each document in tests/fixtures/protocols/ it compares what the parser reads with what a
person reads (the document's facts.json) and prints the share read correctly: header fields
(body, organisation, date, time, place, chair, secretary, justerare), attendees (name and
role), items (number and title) and decisions (the items that decide something).

.venv/bin/python benchmarks/score_protocols.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.ingest.extract import read_bytes  # noqa: E402
from knowledge.ingest.model import Protocol  # noqa: E402
from knowledge.ingest.parse import parse_document  # noqa: E402
from knowledge.language.text import normalize  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "protocols"
HEADER_FIELDS = (
    "body",
    "organisation",
    "date",
    "time",
    "place",
    "chair",
    "secretary",
    "justerare",
)


def same(a: object, b: object) -> bool:
    """Equal after folding case, diacritics, dashes and spaces."""

    def fold(value: object) -> str:
        text = str(value or "").replace("–", "-").replace("—", "-")
        return " ".join(normalize(text).split())

    return fold(a) == fold(b)


def header_of(protocol: Protocol) -> dict[str, object]:
    """The header fields in the facts' shape."""
    time = None
    if protocol.start:
        time = f"{protocol.start:%H:%M}" + (f"-{protocol.end:%H:%M}" if protocol.end else "")
    return {
        "body": protocol.body,
        "organisation": protocol.organisation,
        "date": protocol.date.isoformat() if protocol.date else None,
        "time": time,
        "place": protocol.place,
        "chair": protocol.chair,
        "secretary": protocol.secretary,
        "justerare": protocol.adjusters,
    }


def score(protocol: Protocol, facts: dict) -> dict[str, tuple[int, int]]:  # type: ignore[type-arg]
    """(right, total) per part: header, attendees, roles, items, decisions."""
    header = header_of(protocol)
    right = 0
    for name in HEADER_FIELDS:
        expected = facts[name]
        got = header[name]
        if isinstance(expected, list):
            right += sorted(map(normalize, expected)) == sorted(map(normalize, got))  # type: ignore[arg-type]
        else:
            right += same(got, expected)
    people = {normalize(a.name): a for a in protocol.attendees}
    attendees = [a for a in facts["attendees"]]
    names_right = sum(normalize(a["name"]) in people for a in attendees)
    roles_right = sum(
        normalize(a["name"]) in people
        and any(
            same(value, a["role"])
            for value in (
                people[normalize(a["name"])].function or people[normalize(a["name"])].role,
                people[normalize(a["name"])].title,
            )
        )
        for a in attendees
    )
    items = [(i.number or None, normalize(i.title)) for i in protocol.items]
    items_right = sum(
        (item["number"], normalize(item["title"])) in items for item in facts["items"]
    )
    deciding = {i.number for i in protocol.items if i.decisions and i.number}
    wanted = {d["item"] for d in facts["decisions"] if d["item"] is not None}
    decisions_right = sum(number in deciding for number in wanted)
    # Unnumbered items: the facts do not say which heading decided; count the decisions.
    unplaced = sum(1 for d in facts["decisions"] if d["item"] is None)
    decisions_right += min(unplaced, len(protocol.decisions)) if unplaced else 0
    return {
        "header": (right, len(HEADER_FIELDS)),
        "attendees": (names_right, len(attendees)),
        "roles": (roles_right, len(attendees)),
        "items": (items_right, len(facts["items"])),
        "decisions": (decisions_right, len(wanted) + unplaced),
    }


def parse_fixture(path: Path) -> Protocol:
    return parse_document(read_bytes(path.read_bytes(), path.name))


def main() -> None:
    parts = ("header", "attendees", "roles", "items", "decisions")
    print(f"{'document':34} " + " ".join(f"{p:>10}" for p in parts))
    totals = {p: [0, 0] for p in parts}
    for facts_path in sorted(FIXTURES.glob("*.facts.json")):
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        path = FIXTURES / facts["file"]
        try:
            result = score(parse_fixture(path), facts)
        except Exception as error:  # noqa: BLE001 - a refused document scores nothing
            print(f"{path.name:34} refused: {error}")
            for p in parts:
                totals[p][1] += len(facts["items"]) if p == "items" else 0
            continue
        cells = []
        for p in parts:
            got, total = result[p]
            totals[p][0] += got
            totals[p][1] += total
            cells.append(f"{got:>4}/{total:<4}" if total else f"{'-':>9} ")
        print(f"{path.name:34} " + " ".join(f"{c:>10}" for c in cells))
    print(
        f"{'all':34} " + " ".join(f"{100 * g / t if t else 0:>9.0f}%" for g, t in totals.values())
    )


if __name__ == "__main__":
    main()
