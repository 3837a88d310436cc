"""Old code and new, in turns: a benchmark's worker run with a git commit's code and with the
working tree's, each in a fresh process, round after round. On a machine whose CPU others
share, only figures measured side by side in the same run compare."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORKING_TREE = "working tree"


@contextmanager
def checkout(baseline: str) -> Iterator[Path]:
    """The code of ``baseline`` in a temporary directory, for as long as the block runs."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "baseline"
        root.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", baseline], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
        yield root


def rounds(
    script: str, baseline: str, base_root: Path, count: int, *args: str
) -> Iterator[tuple[int, str, Any]]:
    """(round, label, the worker's result) for each run of ``script --worker ROOT *args``, the
    baseline first in every round; the worker prints its result as JSON on its last line."""
    for round_ in range(1, count + 1):
        for label, root in ((baseline, base_root), (WORKING_TREE, ROOT)):
            out = subprocess.run(
                [sys.executable, script, "--worker", str(root), *args],
                check=True,
                capture_output=True,
                text=True,
                cwd=root,
            ).stdout
            yield round_, label, json.loads(out.strip().splitlines()[-1])
