"""Score the engine on the blind evaluation questions (``tests/eval/blind``).

    python -m tests.eval.score [--half tune|holdout|all] [--show N] [--db PATH]

The questions were written by people who read only the documents. The set was split once at
random (``split.json``): tune on ``tune``; score ``holdout`` only at the end of a piece of work
and report what comes out. A question is right when the answer is found and every expected group
appears in the answer's text (headline and blocks, not the citations), or, for a question no
document answers, when the engine says it found nothing. Prints the score per failure class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from knowledge import open_store
from knowledge.ingest.extract import DocumentError
from knowledge.ingest.load import ingest_file
from knowledge.language.dates import MONTH_NAMES
from knowledge.qa.engine import Engine

HERE = Path(__file__).resolve().parent
BLIND = HERE / "blind"
PROTOCOLS = HERE.parent / "fixtures" / "protocols"
DOCUMENTS = BLIND / "documents"  # the blind evaluation's own documents (wave 5 on)
SETS = tuple(sorted(path.name for path in BLIND.glob("*.jsonl")))  # waves of questions


@dataclass
class Outcome:
    question: dict[str, object]
    found: bool
    text: str
    verdict: str  # "right", "wrong", "missed" (honest no to an answerable question), "dishonest"


def fold(text: str) -> str:
    """Lower case, å/ä/ö as a/a/o, one space: how expected strings are compared."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # "13.00–16.00" is "13.00-16.00"
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def forms(alternative: str) -> list[str]:
    """An expected string and, for an ISO date, the date as Swedish writes it ("11 april
    2023"): the same answer in the form the assistant uses."""
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", alternative.strip())
    if not iso:
        return [alternative]
    year, month, day = (int(part) for part in iso.groups())
    if not 1 <= month <= 12:
        return [alternative]
    return [alternative, f"{day} {MONTH_NAMES[month - 1]} {year}"]


def load_questions(half: str, sets: tuple[str, ...] = SETS) -> list[dict[str, object]]:
    split = json.loads((BLIND / "split.json").read_text("utf-8"))
    wanted = set(split["tune"] + split["holdout"]) if half == "all" else set(split[half])
    questions = []
    for name in sets:
        for line in (BLIND / name).read_text("utf-8").splitlines():
            if line.strip():
                question = json.loads(line)
                if question["id"] in wanted:
                    questions.append(question)
    return questions


def build_store(path: Path) -> tuple[sqlite_utils.Database, list[str]]:
    """The shipped corpus, every test protocol and the evaluation's own documents; the names
    of documents that were refused."""
    db = open_store(path)
    refused = []
    for document in [*sorted(PROTOCOLS.iterdir()), *sorted(DOCUMENTS.iterdir())]:
        if document.suffix in (".txt", ".md", ".pdf", ".docx") and document.name != "README.md":
            try:
                ingest_file(db, document)
            except DocumentError:
                refused.append(document.name)
    return db, refused


def _holds(text: str, expected: str) -> bool:
    """Whether the folded answer holds an expected string; one that begins with a figure
    begins a number ("1 april 2023" is not in "11 april 2023")."""
    folded = fold(expected)
    if not folded[:1].isdigit():
        return folded in text
    return re.search(rf"(?<!\d){re.escape(folded)}", text) is not None


def judge(engine: Engine, question: dict[str, object]) -> Outcome:
    today = date.fromisoformat(str(question["today"]))
    result = engine.answer(str(question["question"]), today=today)
    lines = [result.headline]
    for block in result.blocks:
        lines += [block.title or "", *block.lines]
    text = fold("\n".join(lines))
    if not question["answerable"]:
        verdict = "dishonest" if result.found else "right"
    elif not result.found:
        verdict = "missed"
    else:
        groups = question["expect"]
        assert isinstance(groups, list)
        hit = all(
            any(_holds(text, form) for alternative in group for form in forms(alternative))
            for group in groups
        )
        verdict = "right" if hit else "wrong"
    return Outcome(question, result.found, "\n".join(lines), verdict)


def report(outcomes: list[Outcome], show: int) -> None:
    total = Counter(o.verdict for o in outcomes)
    right = total["right"]
    print(f"{right}/{len(outcomes)} right ({100 * right / max(1, len(outcomes)):.1f}%)")
    print(
        f"  wrong {total['wrong']}, missed {total['missed']}, dishonest found {total['dishonest']}"
    )
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in outcomes:
        by_class[str(outcome.question["class"])][outcome.verdict] += 1
    for name, counts in sorted(by_class.items()):
        n = sum(counts.values())
        print(f"  {name:<10} {counts['right']:>3}/{n:<3} ({100 * counts['right'] / n:.0f}%)")
    failures = [o for o in outcomes if o.verdict != "right"]
    for outcome in failures[:show]:
        q = outcome.question
        print(f"\n[{outcome.verdict}] {q['id']} ({q['class']}) {q['question']}  today={q['today']}")
        print(f"  expected: {q['expect']}  source: {q['source']}")
        print("  got: " + outcome.text.replace("\n", "\n       ")[:600])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "holdout", "all"), default="tune")
    parser.add_argument("--show", type=int, default=0, help="print this many failures")
    parser.add_argument("--db", type=Path, default=None, help="reuse this database file")
    names = [name.removesuffix(".jsonl") for name in SETS]
    parser.add_argument("--set", choices=(*names, "all"), default="all")
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp(prefix="samrad-eval-")) / "eval.db"
    db, refused = build_store(path)
    if refused:
        print(f"refused at ingest: {', '.join(refused)}")
    engine = Engine(db)
    sets = SETS if args.set == "all" else (f"{args.set}.jsonl",)
    outcomes = [judge(engine, q) for q in load_questions(args.half, sets)]
    report(outcomes, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
