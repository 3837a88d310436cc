"""Ingestion benchmark: generated protocols per second, database size and peak memory (RSS).

Protocols are generated first, then parsed and stored one transaction each, as `samrad ingest`
does (reading a file from disk is left out). tracemalloc is not used: it halves the speed.

.venv/bin/python benchmarks/bench_ingest.py [N ...]     (default: 100 1000 10000)

With ``--baseline REF`` (a git commit or branch) the same generated protocols are ingested by
the code of REF and by the working tree, in turns, each in a fresh process, ``--rounds`` times
(default 3): on a machine whose CPU others share, only figures measured side by side in the
same run compare.

.venv/bin/python benchmarks/bench_ingest.py --baseline main --rounds 3 1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ingest(texts: list[str], directory: Path) -> tuple[float, int, int]:
    """Parse and store ``texts`` into a new database in ``directory``, one transaction each,
    with the code importable as ``knowledge``: (seconds, documents stored, bytes on disk)."""
    from knowledge.ingest.load import store_protocol
    from knowledge.ingest.parse import parse_document
    from knowledge.storage.database import connect

    db = connect(directory / "bench.db")
    started = time.perf_counter()
    for text in texts:
        data = text.encode()
        store_protocol(
            db,
            parse_document(text),
            filename="gen.txt",
            sha256=hashlib.sha256(data).hexdigest(),
        )
    elapsed = time.perf_counter() - started
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in directory.iterdir())
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return elapsed, documents, size


def run(n: int) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate_protocols

    texts = list(generate_protocols(n, seed=n))
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, documents, size = ingest(texts, Path(tmp))
    print(
        f"N={n:>6}: {n / elapsed:7.1f} protocols/s ({elapsed:6.1f} s), "
        f"stored {documents}, db {size / 1e6:6.1f} MB, "
        f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:6.1f} MB"
    )


def worker(root: Path, texts_file: Path) -> None:
    """Ingest the texts in ``texts_file`` with the code under ``root``; print seconds as JSON."""
    sys.path.insert(0, str(root))
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, documents, _ = ingest(texts, Path(tmp))
    print(json.dumps({"seconds": elapsed, "documents": documents}))


def compare(n: int, baseline: str, rounds: int) -> None:
    """Baseline and working tree in turns on the same protocols, figures side by side."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import interleave
    from benchmarks.generate import generate_protocols
    from benchmarks.interleave import WORKING_TREE, checkout

    with checkout(baseline) as base_root, tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(
            json.dumps(list(generate_protocols(n, seed=n)), ensure_ascii=False), encoding="utf-8"
        )
        rates: dict[str, list[float]] = {baseline: [], WORKING_TREE: []}
        print(f"N={n}: protocols/s, {baseline} | working tree")
        for round_, label, result in interleave.rounds(
            __file__, baseline, base_root, rounds, str(texts_file)
        ):
            assert result["documents"] == n, result
            rates[label].append(n / result["seconds"])
            if label == WORKING_TREE:
                base, work = rates[baseline][-1], rates[WORKING_TREE][-1]
                print(f"  round {round_}: {base:7.1f} | {work:7.1f}")
        low_base, high_base = min(rates[baseline]), max(rates[baseline])
        low, high = min(rates[WORKING_TREE]), max(rates[WORKING_TREE])
        ratios = [w / b for b, w in zip(rates[baseline], rates[WORKING_TREE], strict=True)]
        print(
            f"  range:   {low_base:.1f}–{high_base:.1f} | {low:.1f}–{high:.1f}; "
            f"working tree / baseline per round {min(ratios):.2f}–{max(ratios):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int)
    parser.add_argument("--baseline", help="a git commit or branch to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", nargs=2, metavar=("ROOT", "TEXTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]))
        return
    for count in args.counts or [100, 1000, 10000]:
        if args.baseline:
            compare(count, args.baseline, args.rounds)
        else:
            run(count)


if __name__ == "__main__":
    main()
