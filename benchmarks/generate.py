"""Generate protocols for benchmarks: variations of the real ones.

Each generated protocol takes the attendance, items, decisions and themes of the shipped
protocols, shuffled and recombined, under a header in one of the real documents' layouts, with a
meeting date of its own (so every protocol is a distinct meeting of its council).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from knowledge.bodies import COUNCIL_NAMES
from knowledge.ingest.load import SHIPPED_CORPUS
from knowledge.ingest.model import Item, Protocol
from knowledge.ingest.parse import parse_document
from knowledge.language.dates import format_date

COUNCILS = ["social", "folkhalsa", "chefsgrupp"]
FOOTER = (
    "POSTADRESS\tBESÖKSADRESS\tTELEFON\tTELEFAX\tORG.NR\tPLUSGIRO\n"
    "Region Örebro län Box 1613 701 16 Örebro\tEklundavägen 2 Örebro\t019-602 70 00\n"
    "E-POST regionen@regionorebrolan.se\t\tINTERNET www.regionorebrolan.se\n"
)


@lru_cache(maxsize=1)
def _real_protocols() -> tuple[Protocol, ...]:
    parsed = [
        parse_document(p.read_text(encoding="utf-8")) for p in sorted(SHIPPED_CORPUS.iterdir())
    ]
    return tuple(p for p in parsed if p.kind == "protocol")


def generate_protocols(n: int, seed: int = 0) -> Iterator[str]:
    """Yield ``n`` raw protocol texts, deterministic for a seed."""
    rng = random.Random(seed)
    real = _real_protocols()
    attendees = [a for p in real for a in p.attendees if a.organisation]
    items = [item for p in real for item in p.items if item.body]
    themes = [t.text for p in real for t in p.themes]
    start = date(1990, 1, 5)
    for i in range(n):
        council = COUNCILS[i % len(COUNCILS)]
        day = start + timedelta(days=i // len(COUNCILS))
        yield _protocol_text(rng, council, day, attendees, items, themes)


def _protocol_text(
    rng: random.Random,
    council: str,
    day: date,
    attendees: list,  # type: ignore[type-arg]
    items: list[Item],
    themes: list[str],
) -> str:
    chair, adjuster, secretary = (a.name for a in rng.sample(attendees, 3))
    layout = rng.randrange(3)
    hours = rng.choice([("9.00", "12.00"), ("13.00", "16.00"), ("09:00", "12:00")])
    lines = [f"Protokoll {COUNCIL_NAMES[council].lower()}", ""]
    if layout == 0:
        lines += [
            f"Tid: {format_date(day).capitalize()} kl {hours[0]}-{hours[1]}",
            f"Plats: {rng.choice(['Digitalt via Zoom', 'Lokal Eken, Eklundavägen 1'])}",
            "",
            "Vid protokollet",
            "",
            secretary,
            "Sekreterare",
            "",
            f"Justerat den: {(day + timedelta(days=10)).isoformat()}",
            "",
            f"{chair}   {adjuster}",
            "Ordförande  Justerare",
        ]
    elif layout == 1:
        lines += [
            f"{day.isoformat()}, kl. {hours[0]}-{hours[1]}. Gästmatsalen, Eklundavägen 1",
            "",
            f"Justerat den: {(day + timedelta(days=7)).isoformat()} via e-post.",
            "",
            "Ordförande:",
            f"{chair}, Region Örebro län",
            "",
            "Justerare:",
            f"{adjuster}, Örebro kommun",
        ]
    else:
        lines += [
            f"Tid: {day.isoformat()} klockan {hours[0]}-{hours[1]}",
            "",
            "Plats: Skebäcks vårdcentral, Örebro",
            "",
            f"Sekreterare: {secretary}",
            f"Ordförande: {chair}",
            f"Justerare: {adjuster}",
        ]
    lines += ["", "Närvarande ledamöter:", ""]
    for person in rng.sample(attendees, min(len(attendees), rng.randint(8, 20))):
        lines.append(f"{person.name}\t{person.organisation}")
    lines.append("")
    chosen = rng.sample(items, rng.randint(8, 16))
    for number, item in enumerate(chosen, start=1):
        presenters = (
            f" – {' och '.join(item.presenters)}" if item.presenters and layout == 2 else ""
        )
        lines += [f"{number}. {item.title}{presenters}", ""]
        body = item.body.split("\n")
        rng.shuffle(body)
        lines += body + [""]
        if rng.random() < 0.3:
            lines += [
                "Beslut:",
                f"Att anta förslaget med en budget på {rng.randint(1, 999)} tkr",
                "",
            ]
        if number % 5 == 0:
            lines.append(FOOTER)
    lines += [f"{len(chosen) + 1}. Teman till kommande möten", "", "Följande teman lyftes fram:"]
    lines += [f"- {theme}" for theme in rng.sample(themes, min(3, len(themes)))]
    nxt = day + timedelta(days=rng.choice([60, 90, 120]))
    lines += [
        "",
        f"{len(chosen) + 2}. Mötet avslutades",
        "",
        f"Nästa möte: {nxt.day} {format_date(nxt, weekday=False, year=True).split(' ', 1)[1]} "
        f"kl 9-12.",
    ]
    return "\n".join(lines) + "\n"
