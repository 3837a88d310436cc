"""Answer latency per intent (p50, p99), in one process, next to a bare FTS5 MATCH.

    .venv/bin/python benchmarks/bench_answer.py [N]     (N generated protocols, default 10000)

Runs over the shipped corpus, then over a database with N generated protocols added (variations
of the real ones, benchmarks/generate.py; built once and kept in data/bench-N.db).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate_protocols  # noqa: E402
from knowledge import open_store  # noqa: E402
from knowledge.ingest.load import store_protocol  # noqa: E402
from knowledge.ingest.parse import parse_document  # noqa: E402
from knowledge.qa.engine import Engine  # noqa: E402

QUESTIONS = json.loads((ROOT / "tests" / "eval" / "questions.json").read_text("utf-8"))
ROUNDS = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(db_path: Path, label: str) -> None:
    db = open_store(db_path)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    started = time.perf_counter()
    engine = Engine(db)
    engine.warm_up()  # as the bot does at start; a cold process is measured by cold_ask()
    print(f"\n{label}: warm-up {1000 * (time.perf_counter() - started):.0f} ms")
    by_intent: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for case in QUESTIONS:
            today = date.fromisoformat(case.get("today", "2026-11-23"))
            started = time.perf_counter()
            result = engine.answer(case["q"], today=today)
            by_intent.setdefault(result.intent, []).append(time.perf_counter() - started)
    bare: list[float] = []
    for case in QUESTIONS:
        words = [w for w in case["q"].replace('"', " ").split() if w.isalpha() and len(w) > 3]
        if not words:
            continue
        query = " OR ".join(f'"{w}"' for w in words)
        started = time.perf_counter()
        db.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10",
            [query],
        ).fetchall()
        bare.append(time.perf_counter() - started)
    print(f"{label}: {documents} documents")
    print(f"{'intent':<14}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}")
    everything = []
    for intent, values in sorted(by_intent.items()):
        everything += values
        p50, p99 = percentile(values, 0.5) * 1000, percentile(values, 0.99) * 1000
        print(f"{intent:<14}{len(values):>6}{p50:>10.2f}{p99:>10.2f}")
    p50, p99 = percentile(everything, 0.5) * 1000, percentile(everything, 0.99) * 1000
    print(f"{'all':<14}{len(everything):>6}{p50:>10.2f}{p99:>10.2f}")
    b50, b99 = percentile(bare, 0.5) * 1000, percentile(bare, 0.99) * 1000
    print(f"{'bare MATCH':<14}{len(bare):>6}{b50:>10.2f}{b99:>10.2f}")


def build(n: int) -> Path:
    path = ROOT / "data" / f"bench-{n}.db"
    if path.exists():
        return path
    db = open_store(path)
    started = time.perf_counter()
    for text in generate_protocols(n, seed=n):
        digest = hashlib.sha256(text.encode()).hexdigest()
        store_protocol(db, parse_document(text), filename="generated.txt", sha256=digest)
    print(f"built {path.name}: {n} protocols in {time.perf_counter() - started:.0f} s")
    return path


def cold_ask(db_path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from bot.cli import main; main()",
            "--db",
            str(db_path),
            "ask",
            "Vad beslutades om Dietist direkt?",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    shipped = ROOT / "data" / "bench-shipped.db"
    open_store(shipped)
    measure(shipped, "shipped corpus")
    large = build(n)
    measure(large, f"shipped corpus + {n} generated protocols")
    print(
        f"\ncold `samrad ask` (new process): shipped {cold_ask(shipped):.2f} s, "
        f"{n} protocols {cold_ask(large):.2f} s"
    )
