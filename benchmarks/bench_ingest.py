"""Ingestion benchmark: generated protocols per second, database size and peak memory (RSS).

Protocols are generated first, then parsed and stored one transaction each, as `samrad ingest`
does (reading a file from disk is left out). tracemalloc is not used: it halves the speed.

.venv/bin/python benchmarks/bench_ingest.py [N ...]     (default: 100 1000 10000)
"""

from __future__ import annotations

import hashlib
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_protocols  # noqa: E402
from knowledge.ingest.load import store_protocol  # noqa: E402
from knowledge.ingest.parse import parse_document  # noqa: E402
from knowledge.storage.database import connect  # noqa: E402


def run(n: int) -> None:
    texts = list(generate_protocols(n, seed=n))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = connect(path)
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
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        print(
            f"N={n:>6}: {n / elapsed:7.1f} protocols/s ({elapsed:6.1f} s), "
            f"stored {documents}, db {size / 1e6:6.1f} MB, "
            f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:6.1f} MB"
        )


if __name__ == "__main__":
    for count in [int(a) for a in sys.argv[1:]] or [100, 1000, 10000]:
        run(count)
