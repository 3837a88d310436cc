"""Cost of förhinder on the shipped corpus and roster, everyone registered: notices filed and
answered per second, and the minute job (`absences.run_due`) with many open notices.

    .venv/bin/python benchmarks/bench_absences.py [MEETINGS]     (default 50 future meetings)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.council import absences, outbox  # noqa: E402
from knowledge.council.calendar import add_meeting  # noqa: E402
from knowledge.council.roster import ensure_shipped_roster, list_members  # noqa: E402
from knowledge.ingest.load import ensure_shipped_corpus  # noqa: E402
from knowledge.storage.database import connect  # noqa: E402


def main(meetings: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "bench.db")
        ensure_shipped_corpus(db)
        ensure_shipped_roster(db)
        for number, member in enumerate({m.person_id: m for m in list_members(db)}.values()):
            db.execute(
                "UPDATE people SET telegram_user_id = ?, telegram_chat_id = ? WHERE id = ?",
                [1000 + number, 1000 + number, member.person_id],
            )
        days = [date.today() + timedelta(days=3 + 7 * i) for i in range(meetings)]
        for day in days:
            for council in ("social", "folkhalsa"):
                add_meeting(db, council, day, clock(9), clock(12), "Lokal Eken")
        ledamot = list_members(db, role="ledamot")

        started = time.perf_counter()
        filed = 0
        for day in days:
            for member in ledamot[::3]:  # a third of the seats report each meeting
                absences.report(db, member.person_id, member.council, day)
                filed += 1
        report_s = time.perf_counter() - started

        requests = db.execute(
            "SELECT r.id, r.person_id FROM substitute_requests r WHERE r.status = 'asked'"
        ).fetchall()
        started = time.perf_counter()
        for number, (request_id, person_id) in enumerate(requests):
            if number % 2:  # every other one declines; escalation goes on to the secretary
                absences.answer_request(db, request_id, person_id, number % 4 == 1)
        answer_s = time.perf_counter() - started

        now = datetime.now(UTC)
        times = []
        for minute in range(20):
            tick = time.perf_counter()
            absences.run_due(db, now + timedelta(minutes=minute))
            times.append(time.perf_counter() - tick)
        due = absences.run_due(db, now + timedelta(days=3))
        queued = len(outbox.pending(db, limit=1_000_000))
    answered = len(requests) // 2
    print(f"{meetings} meetings x 2 councils, {len(ledamot)} ledamot seats, all registered")
    print(f"report: {filed} notices in {report_s:.2f} s ({filed / report_s:.0f}/s)")
    print(f"answer: {answered} answers in {answer_s:.2f} s ({answered / answer_s:.0f}/s)")
    print(
        f"run_due (minute job, nothing due): median {statistics.median(times) * 1000:.1f} ms,"
        f" max {max(times) * 1000:.1f} ms"
    )
    print(f"run_due three days on: {due}; {queued} notifications queued in the outbox")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
