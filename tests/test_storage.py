"""The SQLite file: migrations recorded per component, also for files written before the rooms."""

from __future__ import annotations

from pathlib import Path

from knowledge.storage.database import _LEGACY_NAMES, COMPONENTS, connect


def _versions(path: Path) -> dict[str, int]:
    db = connect(path)
    versions = {row[0]: row[1] for row in db.execute("SELECT * FROM schema_version")}
    db.conn.close()
    return versions


def test_file_from_before_the_rooms_is_not_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "gammal.db"
    current = _versions(path)
    assert set(current) == set(COMPONENTS)
    db = connect(path)
    db.execute("INSERT INTO followups (question, intent, page, created_at) VALUES ('x', '', 0, '')")
    for legacy, name in _LEGACY_NAMES.items():
        db.execute("UPDATE schema_version SET component = ? WHERE component = ?", [legacy, name])
    db.conn.close()
    assert _versions(path) == current  # no CREATE TABLE ran twice, nothing was lost
    assert connect(path).execute("SELECT count(*) FROM followups").fetchone()[0] == 1
