"""The evaluation set: questions written by reading the documents, with the facts each answer
must hold and the source it must cite. Run in `make test`; the score is printed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from bot.render import render_text
from knowledge.language.text import normalize
from knowledge.qa.engine import Engine

QUESTIONS = json.loads((Path(__file__).parent / "eval" / "questions.json").read_text("utf-8"))
THRESHOLD = 0.95
DEFAULT_TODAY = date(2026, 11, 23)


def check(engine: Engine, case: dict) -> list[str]:  # type: ignore[type-arg]
    """What is wrong with the answer to one case (empty when it passes)."""
    today = date.fromisoformat(case["today"]) if "today" in case else DEFAULT_TODAY
    result = engine.answer(case["q"], today=today)
    text = normalize(render_text(result))
    problems = []
    if "intent" in case and result.intent != case["intent"]:
        problems.append(f"intent {result.intent} != {case['intent']}")
    if result.found != case["found"]:
        problems.append(f"found {result.found} != {case['found']}")
    problems += [f"missing {f!r}" for f in case["facts"] if normalize(f) not in text]
    problems += [f"should not say {f!r}" for f in case.get("absent", []) if normalize(f) in text]
    if "source" in case:
        wanted = case["source"]
        cited = [(s.date.isoformat() if s.date else None, s.item) for s in result.sources]
        if not any(
            d == wanted["date"] and ("item" not in wanted or i == wanted["item"]) for d, i in cited
        ):
            problems.append(f"source {wanted} not in {cited}")
    if problems:
        problems.append(f"answer: {render_text(result)[:300]!r}")
    return problems


def test_evaluation_set_score(corpus_db: sqlite_utils.Database) -> None:
    assert len(QUESTIONS) >= 80
    failures = {}
    engine = Engine(corpus_db)
    for case in QUESTIONS:
        problems = check(engine, case)
        if problems:
            failures[case["q"][:80]] = problems
    score = 1 - len(failures) / len(QUESTIONS)
    print(f"\nevaluation: {len(QUESTIONS) - len(failures)}/{len(QUESTIONS)} = {score:.1%}")
    for question, problems in failures.items():
        print(f"FAIL {question!r}: {'; '.join(problems)}")
    assert score >= THRESHOLD, f"evaluation score {score:.1%} below {THRESHOLD:.0%}"


@pytest.mark.parametrize("intent", sorted({c.get("intent") for c in QUESTIONS if c.get("intent")}))
def test_every_intent_is_covered(intent: str) -> None:
    assert sum(1 for c in QUESTIONS if c.get("intent") == intent) >= 2
