"""Attendance a protocol states in its text answers who was away and who came instead, and a
town's own council of a kind samrad also has ("folkhälsorådet i Lekeberg") is that town's."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.qa.engine import Engine
from tests.written import engine_over

TODAY = date(2026, 11, 23)
LEKEBERG = """Lekebergs kommun\tKommunstyrelseförvaltningen

Folkhälsorådet 2023
Minnesanteckningar
Folkhälsorådet i Lekebergs kommun
Tid: tisdag 14 mars 2023 kl 13.15–15.30
Plats: Kommunhuset, Fjugesta, rum Lanna

Kallade
- Kerstin Sjöberg (C), ordförande, kommunstyrelsen
- Per-Olof Svahn (SD), kommunstyrelsen
- Roland Berg, skolchef
- Hanna Lindgren, folkhälsostrateg (sekreterare)

1. Mötets öppnande
Ordföranden öppnade mötet. Närvarande: alla kallade utom Per-Olof Svahn och Roland Berg
(förhinder). Maria Tell, rektor Lekebergsskolan, deltog i stället för Roland Berg.

2. Trygghetsvandring
Vandringen genomförs i april.
"""


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("attendance")
    shutil.copy(corpus_db_file, folder / "samrad.db")
    db = open_store(folder / "samrad.db")
    path = folder / "folkhalsoradet_lekeberg.txt"
    path.write_text(LEKEBERG, "utf-8")
    ingest_file(db, path)
    return Engine(db)


def test_who_came_while_someone_was_away(engine: Engine) -> None:
    answer = engine.answer(
        "vem var med för skolan när Roland Berg hade förhinder på folkhälsorådet i Lekeberg?",
        today=TODAY,
    )
    assert answer.found and answer.headline.startswith("Maria Tell")
    assert "Roland Berg" in answer.headline


def test_the_absent_include_those_a_stand_in_served_for(engine: Engine) -> None:
    answer = engine.answer(
        "vilka hade förhinder på folkhälsorådet i Lekeberg i mars 2023?", today=TODAY
    )
    assert "Per-Olof Svahn" in answer.headline and "Roland Berg" in answer.headline


def test_a_towns_council_is_not_samrads_council_of_that_kind(engine: Engine) -> None:
    answer = engine.answer("vem är ordförande i folkhälsorådet i Lekeberg?", today=TODAY)
    assert answer.found and "Kerstin Sjöberg" in answer.headline
    assert all("Lekeberg" in source.council for source in answer.sources)


def test_when_and_where_a_body_met(engine: Engine) -> None:
    answer = engine.answer(
        "När och var träffades folkhälsorådet i Lekeberg i mars 2023?", today=TODAY
    )
    assert answer.found
    assert "14 mars 2023" in answer.headline and "Lanna" in answer.headline


JAV = """Protokoll
Socialnämnden, Laxå kommun
Datum: 2024-06-12

Beslutande
Anna Berg (S), ordförande
Per Ek (M)
Lisa Holm (V)
Karl Strand (S), tjänstgör för Per Ek § 2 (jäv)
Karin Sand (C) (frånvarande § 2)
Eva Lund (S), tjänstgörande ersättare för Olle Viberg (S)

§ 1 Öppnande
Mötet öppnades.

§ 2 Bygglov
Per Ek anmäler jäv och deltar inte i handläggningen.
"""


@pytest.fixture(scope="module")
def jav_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("jav"), ("sn_laxa.txt", JAV))


def test_one_served_for_during_an_item_was_not_absent(jav_engine: Engine) -> None:
    """Per Ek had a jäv in § 2 and is listed as present: only Olle Viberg, served for all
    meeting and listed nowhere else, was away."""
    answer = jav_engine.answer(
        "vilka var frånvarande på socialnämnden i Laxå 12 juni 2024?", today=TODAY
    )
    assert "Olle Viberg" in answer.headline
    assert "Per Ek" not in answer.headline
    assert "Karin Sand (frånvarande § 2)" in answer.headline  # away for some items: which


def test_the_serving_are_listed_where_they_are_counted(jav_engine: Engine) -> None:
    """The headline counts serving substitutes with the members; the list shows them there."""
    answer = jav_engine.answer("vilka deltog på socialnämnden i Laxå 12 juni 2024?", today=TODAY)
    members = next(block for block in answer.blocks if block.title == "Ledamöter")
    assert any(line.startswith("Eva Lund") for line in members.lines)
    assert "6 ledamöter (varav 2 tjänstgörande ersättare), 0 ersättare" in answer.headline


def test_who_was_there_asks_who_attended(jav_engine: Engine) -> None:
    """ "hur många ledamöter var där": the attendance, as "var med" asks it."""
    answer = jav_engine.answer(
        "hur många ledamöter var där på socialnämnden i Laxå i juni 2024?", today=TODAY
    )
    assert answer.found and "6 ledamöter" in answer.headline


def test_was_a_towns_member_there_all_of_the_meeting(corpus_db: sqlite_utils.Database) -> None:
    """ "Var Hallsbergs ledamot med på …" asks who was there, not where the meeting was; the
    answer says what the list notes of them ("del av mötet")."""
    engine = Engine(corpus_db)
    answer = engine.answer(
        "Var Hallsbergs ledamot med på hela rådsmötet i november 2021?", today=TODAY
    )
    assert "Veronica Wallgren (ledamot, del av mötet)" in answer.headline
    where = engine.answer("Var hölls rådsmötet i november 2021?", today=TODAY)
    assert where.headline.startswith("Mötet hölls fredag 19 november 2021")


def test_a_season_names_the_meetings_of_its_months(corpus_db: sqlite_utils.Database) -> None:
    engine = Engine(corpus_db)
    answer = engine.answer("när och var var gemensamma rådsmötet hösten 2024?", today=TODAY)
    assert answer.found and "20 september 2024" in answer.headline
    query = engine.understand("vad beslutades på mötet i höstas?", today=date(2025, 3, 1))
    assert query.season == (2024, (8, 9, 10, 11, 12))
    spring = engine.understand("vad togs upp på rådsmötet i våras?", today=TODAY)
    assert spring.season == (2026, (1, 2, 3, 4, 5, 6))
    assert not engine.answer("vad togs upp på rådsmötet i våras?", today=TODAY).found
    # a season the subject is of is no meeting's: "anmälningar hösten 2022"
    assert (
        engine.understand("hur många anmälningar kom in hösten 2022?", today=TODAY).season is None
    )
