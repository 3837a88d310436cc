"""Speed of the Swedish date parser: find_dates / find_months over the shipped corpus, one big
document made of it (scaling must stay linear), and hostile inputs (digit runs, repeated words).

    .venv/bin/python benchmarks/bench_dates.py [ROUNDS]     (default 20 passes over the corpus)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.language.dates import find_dates, find_months, parse_time_range  # noqa: E402

REFERENCE = date(2022, 1, 1)


def _timed(label: str, chars: int, run: Callable[[], int]) -> None:
    began = time.perf_counter()
    found = run()
    seconds = time.perf_counter() - began
    print(
        f"{label:<42} {chars / 1e6:7.2f} M chars {seconds * 1000:9.1f} ms "
        f"{chars / seconds / 1e6:7.2f} M chars/s {found:8d} found"
    )


def main(rounds: int) -> None:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "knowledge/corpus").glob("*.txt"))
    ]
    size = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} documents, {size} chars; {rounds} rounds")

    def all_dates() -> int:
        return sum(
            len(find_dates(t, reference=REFERENCE, prefer_future=True, allow_yymmdd=True))
            for _ in range(rounds)
            for t in texts
        )

    _timed("find_dates per document", size * rounds, all_dates)
    _timed(
        "find_months per document",
        size * rounds,
        lambda: sum(len(find_months(t, reference=REFERENCE)) for _ in range(rounds) for t in texts),
    )
    _timed(
        "parse_time_range per line",
        size * rounds,
        lambda: sum(
            parse_time_range(line)[0] is not None
            for _ in range(rounds)
            for t in texts
            for line in t.splitlines()
        ),
    )
    big = "\n\n".join(texts) * rounds
    _timed(
        "find_dates one big document", len(big), lambda: len(find_dates(big, reference=REFERENCE))
    )
    hostile = {
        "digits and spaces": "1 2 3 4 5 6 7 8 9 " * 20_000,
        "dashes between numbers": "12-13-14-15-16 " * 20_000,
        "den den den": "den " * 50_000 + "3 mars",
        "day range chains": "1 och 2 och 3 och " * 20_000 + "4 maj",
        "dates with kl kl kl": "3 mars kl kl kl 9 " * 20_000,
        "one long number": "9" * 200_000,
        "nästa år everywhere": "nästa år 3 mars " * 20_000,
    }
    for label, text in hostile.items():
        _timed(label, len(text), _both(text))


def _both(text: str) -> Callable[[], int]:
    def run() -> int:
        return len(find_dates(text, reference=REFERENCE, allow_yymmdd=True)) + len(
            find_months(text)
        )

    return run


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
