"""Answer latency per intent (p50, p99), in one process, next to a bare FTS5 MATCH.

    .venv/bin/python benchmarks/bench_answer.py [N]     (N generated protocols, default 10000)

Runs over the shipped corpus, then over a database with N generated protocols added (variations
of the real ones, benchmarks/generate.py; built once and kept in data/bench-N.db). Wall time and
the process's CPU time are both shown: on a shared machine the CPU time is what one core spends.
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
    by_intent: dict[str, list[tuple[float, float]]] = {}
    first: list[tuple[float, float]] = []  # each question once, before anything is kept for it
    for round in range(ROUNDS):
        for case in QUESTIONS:
            today = date.fromisoformat(case.get("today", "2026-11-23"))
            started, cpu = time.perf_counter(), time.process_time()
            result = engine.answer(case["q"], today=today)
            took = (time.perf_counter() - started, time.process_time() - cpu)
            by_intent.setdefault(result.intent, []).append(took)
            if round == 0:
                first.append(took)
    bare: list[tuple[float, float]] = []
    for case in QUESTIONS:
        words = [w for w in case["q"].replace('"', " ").split() if w.isalpha() and len(w) > 3]
        if not words:
            continue
        query = " OR ".join(f'"{w}"' for w in words)
        started, cpu = time.perf_counter(), time.process_time()
        db.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10",
            [query],
        ).fetchall()
        bare.append((time.perf_counter() - started, time.process_time() - cpu))
    print(f"{label}: {documents} documents")
    print(f"{'intent':<16}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'cpu p50':>10}{'cpu p99':>10}")
    everything = []
    for intent, values in sorted(by_intent.items()):
        everything += values
        print(_row(intent, values))
    print(_row("all", everything))
    print(_row("all, 1st round", first))
    print(_row("bare MATCH", bare))


def _row(label: str, values: list[tuple[float, float]]) -> str:
    """p50 and p99 of wall and CPU time, in ms."""
    wall, cpu = [v[0] for v in values], [v[1] for v in values]
    figures = [1000 * percentile(xs, share) for xs in (wall, cpu) for share in (0.5, 0.99)]
    return f"{label:<16}{len(values):>6}" + "".join(f"{f:>10.2f}" for f in figures)


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
