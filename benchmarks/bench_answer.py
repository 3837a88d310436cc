"""Answer latency per intent (p50, p99), in one process, next to a bare FTS5 MATCH.

    .venv/bin/python benchmarks/bench_answer.py [N]     (N generated protocols, default 10000)

Runs over the shipped corpus, then over a database with N generated protocols added (variations
of the real ones, benchmarks/generate.py; built once and kept in data/bench-N.db). Wall time and
the process's CPU time are both shown: on a shared machine the CPU time is what one core spends.

With ``--baseline REF`` (a git commit or branch) the code of REF and the working tree answer
the same questions over the same database of N protocols, in turns, each in a fresh process,
``--rounds`` times (default 3); the figures of all rounds are pooled, side by side:

    .venv/bin/python benchmarks/bench_answer.py --baseline main --rounds 3 10000

Both read one database file, built by the working tree's code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5  # each question asked this many times per measurement (a process in a comparison)
Timings = dict[str, list[tuple[float, float]]]  # label -> (wall, cpu) seconds, one per answer


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(db_path: Path, label: str, *, quiet: bool = False) -> Timings:
    """Every question of the eval set, ``ROUNDS`` times, by intent; the first round again as
    "all, 1st round"; a bare ranked FTS5 MATCH of each question's words as "bare MATCH"."""
    from knowledge import open_store
    from knowledge.qa.engine import Engine

    questions = json.loads((ROOT / "tests" / "eval" / "questions.json").read_text("utf-8"))
    db = open_store(db_path)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    started = time.perf_counter()
    engine = Engine(db)
    engine.warm_up()  # as the bot does at start; a cold process is measured by cold_ask()
    if not quiet:
        print(f"\n{label}: warm-up {1000 * (time.perf_counter() - started):.0f} ms")
    timings: Timings = {}
    first: list[tuple[float, float]] = []  # each question once, before anything is kept for it
    for round in range(ROUNDS):
        for case in questions:
            today = date.fromisoformat(case.get("today", "2026-11-23"))
            started, cpu = time.perf_counter(), time.process_time()
            result = engine.answer(case["q"], today=today)
            took = (time.perf_counter() - started, time.process_time() - cpu)
            timings.setdefault(result.intent, []).append(took)
            if round == 0:
                first.append(took)
    bare: list[tuple[float, float]] = []
    for case in questions:
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
    timings = {intent: timings[intent] for intent in sorted(timings)}
    timings["all"] = [took for values in timings.values() for took in values]
    timings["all, 1st round"] = first
    timings["bare MATCH"] = bare
    if not quiet:
        print(f"{label}: {documents} documents")
        print(f"{'intent':<16}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'cpu p50':>10}{'cpu p99':>10}")
        for intent, values in timings.items():
            print(_row(intent, values))
    return timings


def _figures(values: list[tuple[float, float]]) -> list[float]:
    """p50 and p99 of wall, then of CPU time, in ms."""
    wall, cpu = [v[0] for v in values], [v[1] for v in values]
    return [1000 * percentile(xs, share) for xs in (wall, cpu) for share in (0.5, 0.99)]


def _row(label: str, values: list[tuple[float, float]]) -> str:
    return f"{label:<16}{len(values):>6}" + "".join(f"{f:>10.2f}" for f in _figures(values))


def build(n: int) -> Path:
    from benchmarks.generate import generate_protocols
    from knowledge import open_store
    from knowledge.ingest.load import store_protocol
    from knowledge.ingest.parse import parse_document

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


def worker(root: Path, db_path: Path) -> None:
    """Measure with the code under ``root``; print the timings as JSON (last line)."""
    sys.path.insert(0, str(root))
    import knowledge

    assert Path(knowledge.__file__).resolve().is_relative_to(root.resolve()), knowledge.__file__
    print(json.dumps(measure(db_path, str(root), quiet=True)))


def compare(n: int, baseline: str, rounds: int) -> None:
    """Baseline and working tree in turns over the same database, figures side by side."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import interleave
    from benchmarks.interleave import WORKING_TREE, checkout

    db_path = build(n)
    pooled: dict[str, Timings] = {baseline: {}, WORKING_TREE: {}}
    with checkout(baseline) as base_root:
        for round_, label, result in interleave.rounds(
            __file__, baseline, base_root, rounds, str(db_path)
        ):
            for intent, values in result.items():
                pooled[label].setdefault(intent, []).extend(map(tuple, values))
            if label == WORKING_TREE:
                print(f"round {round_} of {rounds} done", flush=True)
    base, work = pooled[baseline], pooled[WORKING_TREE]
    print(f"\n{n} generated protocols, {rounds} rounds: {baseline} | working tree (ms)")
    heads = ["p50", "p99", "cpu p50", "cpu p99"]
    print(f"{'intent':<16}{'n':>6}" + "".join(f"{h:>18}" for h in heads))
    for intent in [*sorted(i for i in work if i not in _POOLED), *_POOLED]:
        ours = _figures(work[intent])
        theirs = _figures(base[intent]) if intent in base else [float("nan")] * 4
        cells = "".join(f"{f'{b:.1f} | {w:.1f}':>18}" for b, w in zip(theirs, ours, strict=True))
        print(f"{intent:<16}{len(work[intent]):>6}{cells}")


_POOLED = ("all", "all, 1st round", "bare MATCH")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10000)
    parser.add_argument("--baseline", help="a git commit or branch to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", nargs=2, metavar=("ROOT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.remove(str(ROOT))
        worker(Path(args.worker[0]), Path(args.worker[1]))
        return
    if args.baseline:
        compare(args.n, args.baseline, args.rounds)
        return
    from knowledge import open_store

    shipped = ROOT / "data" / "bench-shipped.db"
    open_store(shipped)
    measure(shipped, "shipped corpus")
    large = build(args.n)
    measure(large, f"shipped corpus + {args.n} generated protocols")
    print(
        f"\ncold `samrad ask` (new process): shipped {cold_ask(shipped):.2f} s, "
        f"{args.n} protocols {cold_ask(large):.2f} s"
    )


if __name__ == "__main__":
    main()
