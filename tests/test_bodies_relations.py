"""Bodies and relations in the store: any body a document names becomes a body, listed by
`samrad meetings`, found by name in a question; relations read at ingest, for the shipped
corpus too. Real files, a real SQLite file."""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from knowledge.ingest.load import SHIPPED_CORPUS, ingest_bytes, ingest_file, ingest_paths
from knowledge.ingest.parse import parse_document
from knowledge.language.dates import find_dates
from knowledge.storage import corpus_bodies
from knowledge.storage.database import connect

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "protocols"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    store = connect(tmp_path / "samrad.db")
    ingest_paths(
        store, sorted(p for p in FIXTURES.iterdir() if p.suffix != ".json" and p.stem[:2].isdigit())
    )
    return store


def test_every_body_once_with_its_organisation(db: sqlite_utils.Database) -> None:
    bodies = {(b.name, b.organisation) for b in corpus_bodies.bodies(db)}
    assert ("Kommunstyrelsen", "Hallsbergs kommun") in bodies
    assert ("Socialnämnden", "Kumla kommun") in bodies
    assert ("Styrelsen", "Edsbergs hembygdsförening") in bodies
    assert ("Revisorerna", "Lekebergs kommun") in bodies
    assert len(bodies) == len(corpus_bodies.bodies(db))


def test_find_a_body_named_in_a_question_and_its_documents(db: sqlite_utils.Database) -> None:
    [found] = corpus_bodies.find_bodies(db, "Vad beslutade socialnamnden i april?")
    assert (found.name, found.organisation) == ("Socialnämnden", "Kumla kommun")
    [document] = corpus_bodies.body_documents(db, found.key)
    assert (document.date, document.chair) == (date(2022, 4, 20), "Marita Åberg")
    assert corpus_bodies.body_of(db, document.document_id) == found
    # An abbreviation in the body's name finds it too.
    [bra] = corpus_bodies.find_bodies(db, "När träffas BRÅ nästa gång?")
    assert bra.name.startswith("Brottsförebyggande rådet i Degerfors")
    assert corpus_bodies.find_bodies(db, "Vad är klockan?") == []


def test_relations_for_the_question_engine(db: sqlite_utils.Database) -> None:
    lidens = corpus_bodies.relations(db, subject="Jonas Lidén", kind="presented")
    assert {r.item_title for r in lidens} == {
        "Delårsrapport januari–juli 2024",
        "Investeringsbudget 2025–2027",
    }
    assert {r.item_number for r in lidens} == {"113", "114"}
    [served] = corpus_bodies.relations(db, subject="Göran Tallbäck", kind="replaces")
    assert served.object == "Ingrid Malm" and served.date == date(2024, 9, 10)
    wall = corpus_bodies.relations_mentioning(db, "Kjell Dahlin")
    assert [(r.kind, r.subject) for r in wall] == [("replaces", "Therese Wall")]
    assert "har ersatt Kjell Dahlin" in wall[0].sentence
    [leads] = corpus_bodies.relations(db, subject="Sofia Rask", kind="leads")
    assert "handlingsplan" in leads.object
    periods = {r.object for r in corpus_bodies.relations(db, kind="period")}
    assert "2025–2027" in periods
    amounts = {r.object for r in corpus_bodies.relations(db, kind="amount")}
    assert "250 000 kr" in amounts


def test_meetings_lists_other_bodies_held_and_scheduled(db: sqlite_utils.Database) -> None:
    kumla = corpus_bodies.find_bodies(db, "socialnämnden")[0]
    meetings = corpus_bodies.body_meetings(db, kumla.key)
    assert [(m.date, m.held) for m in meetings] == [
        (date(2022, 4, 20), True),
        (date(2022, 5, 18), False),
    ]
    assert meetings[1].start == "13:00" and meetings[1].place == "Sessionssalen"


def test_cli_meetings_and_ingest_warnings(tmp_path: Path) -> None:
    env = {**os.environ, "SAMRAD_DB": str(tmp_path / "cli.db")}
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(FIXTURES / "07_bra_degerfors_dialog.txt")], env=env)
    assert result.exit_code == 0, result.output
    assert "Organ: Brottsförebyggande rådet i Degerfors (BRÅ)" in result.output
    assert "Varning: Hittade inte: justerare" in result.output
    listing = runner.invoke(cli, ["meetings"], env=env)
    assert "2022-06-07 17:00–19:00  Brottsförebyggande rådet" in listing.output
    assert "2022-09-20" in listing.output  # "Rådet träffas nästa gång den 20 september"
    councils_only = runner.invoke(cli, ["meetings", "--council", "social"], env=env)
    assert "Brottsförebyggande" not in councils_only.output


def test_shipped_corpus_has_bodies_and_relations(tmp_path: Path) -> None:
    store = connect(tmp_path / "shipped.db")
    ingest_paths(store, sorted(SHIPPED_CORPUS.iterdir()))
    keys = {b.key for b in corpus_bodies.bodies(store) if b.documents}
    assert keys == {"social", "folkhalsa", "chefsgrupp"}
    presented = corpus_bodies.relations(store, subject="Ingmar Ångman", kind="presented")
    assert "Dietist direkt" in {r.item_title for r in presented}
    replaced = corpus_bodies.relations(store, subject="Anna-Karin Nysten", kind="replaces")
    assert [r.object for r in replaced] == ["Ulf Lilja"]
    leads = {(r.subject, r.object) for r in corpus_bodies.relations(store, kind="leads")}
    # From "... implementering som kommer att ledas av Ann-Mari Gustafsson", and the chair of
    # the council's own meetings (not of the joint one, which two councils held).
    assert leads == {
        ("Ann-Mari Gustafsson", "implementering"),
        ("Karin Sundin", "Specifika samverkansrådet för social välfärd samt vård och omsorg"),
    }
    authors = {r.subject for r in corpus_bodies.relations(store, kind="author")}
    assert authors == {"Linnea Hedkvist", "Maria Lindborg"}


def test_unsure_place_and_time_are_reported_not_stored(tmp_path: Path) -> None:
    text = (
        "Protokoll\nFolkhälsorådet, Nora kommun\n\nDatum: 2025-02-03 kl. 02.00\n"
        "Plats: Anna Berg, § 4\n\nNärvarande:\nAnna Berg, ordförande\nPer Ek, sekreterare\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    protocol = parse_document(text)
    assert (protocol.body, protocol.organisation) == ("Folkhälsorådet", "Nora kommun")
    assert protocol.place is None and protocol.start is None
    assert any(w.startswith("Osäker plats") for w in protocol.warnings)
    assert any(w.startswith("Osäker mötestid") for w in protocol.warnings)
    store = connect(tmp_path / "unsure.db")
    result = ingest_bytes(store, text.encode(), "folkhalsoradet.txt")
    assert any("Osäker plats" in line for line in result.summary())


def test_minutes_without_numbers_or_dates_are_documents(tmp_path: Path) -> None:
    store = connect(tmp_path / "doc.db")
    path = tmp_path / "anteckning.md"
    path.write_text("# Anteckning\n\nVi pratade om fika och om vädret i Nora.\n", "utf-8")
    result = ingest_file(store, path)
    assert result.kind == "report" and result.items == 0
    assert any("lagrat som dokument" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tisdagen 14/3-23 kl 08.30-11.45", (date(2023, 3, 14), time(8, 30), time(11, 45))),
        ("Sammanträdesdag 23-03-14", (date(2023, 3, 14), None, None)),
        ("fr o m 23-05-01", (date(2023, 5, 1), None, None)),
        ("den 7 juni 2022 mellan klockan 17 och 19.", (date(2022, 6, 7), time(17), time(19))),
    ],
)
def test_two_digit_years(text: str, expected: tuple[date, time | None, time | None]) -> None:
    [mention] = find_dates(text)
    assert (mention.date, mention.start, mention.end) == expected


def test_digit_runs_are_not_two_digit_dates() -> None:
    assert find_dates("tel 019-21-10, kl 9-12-13, 1 180 kr") == []


def test_minutes_with_date_and_people_but_no_headings_are_a_meeting() -> None:
    text = (
        "Minnesanteckningar från Folkhälsorådet i Nora\n\n"
        "Datum: 2025-02-03 kl. 13.00–15.00\nPlats: Nora kommunhus\n\n"
        "Närvarande:\nAnna Berg, ordförande\nPer Ek, sekreterare\n\n"
        "Vi gick igenom läget och bestämde att träffas igen i april.\n"
    )
    protocol = parse_document(text)
    assert protocol.kind == "protocol"
    # the text, with no heading, is one unnumbered item: searched like any item's
    assert [(i.number, i.body) for i in protocol.items] == [
        ("", "Vi gick igenom läget och bestämde att träffas igen i april.")
    ]
    assert (protocol.date, protocol.chair, protocol.secretary) == (
        date(2025, 2, 3),
        "Anna Berg",
        "Per Ek",
    )
    assert "Hittade inte: punkter (numrerade eller rubriker)" in protocol.warnings


def test_relations_by_the_conventions_of_minutes() -> None:
    """Action points in the present tense, a title or a first name as the subject, a
    fyllnadsval, an "Ansvarig" column, the secretary as author and the chair as leader."""
    text = (
        "Protokoll\nKulturnämnden, Nora kommun\n\nDatum: 2025-02-03 kl. 18.00\n"
        "Plats: Kulturhuset, Nora\n\n"
        "Närvarande:\nAnna Berg (S), ordförande\nPer Ek (M)\nLisa Holm, kassör\n"
        "Olle Sand, kulturchef\nKarin Ström, nämndsekreterare\n\n"
        "§ 1 Fyllnadsval\nNämnden beslutar att till ny ledamot i arbetsutskottet efter Per Ek "
        "(M) välja Lisa Holm.\n\n"
        "§ 2 Bidrag\nNämnden beslutar att bevilja bidraget, samt att ge kulturchefen i uppdrag "
        "att följa upp det. Kassören ansvarar för utbetalningen. Lisa tar fram en rutin och "
        "Per Ek bokar lokalen.\n\n"
        "§ 3 Åtgärdslista\nÅtgärd\tAnsvarig\tKlart\nInbjudan till föreningarna\tKarin Ström"
        "\t2025-03-01\n\n§ 4 Avslutning\nMötet avslutades.\n"
    )
    protocol = parse_document(text)
    found = {(r.kind, r.subject, r.object) for r in protocol.relations}
    assert ("replaces", "Lisa Holm", "Per Ek") in found
    assert ("responsible", "Olle Sand", "följa upp det") in found
    assert ("responsible", "Lisa Holm", "utbetalningen") in found
    assert ("responsible", "Lisa Holm", "tar fram en rutin") in found
    assert ("responsible", "Per Ek", "bokar lokalen") in found
    assert ("responsible", "Karin Ström", "inbjudan till föreningarna") in found
    assert ("author", "Karin Ström", "protokollet") in found
    assert ("leads", "Anna Berg", "Kulturnämnden") in found
    # "Nämnden" is no person, nor is a first name two attendees share.
    assert not any(r.subject == "Nämnden" for r in protocol.relations)


def test_who_leads_a_working_group_leads_its_task() -> None:
    """ "en arbetsgrupp under ledning av X tar fram …", "en arbetsgrupp med X som
    sammankallande samt Y sammanställer …": X leads what the group is to do."""
    protocol = parse_document(
        "Protokoll\nRådet\nDatum: 2024-05-27\nNärvarande: Anna Berg, ordförande\n\n§ 1 Remiss\n"
        "Rådet beslutade att en arbetsgrupp med Olof Berglund som sammankallande samt Gunnar "
        "Ekdahl och Kerstin Wall sammanställer rådets gemensamma yttrande.\n\n§ 2 Plan\nRådet "
        "beslutade att en arbetsgrupp under ledning av Cecilia Borg tar fram en "
        "uppföljningsmodell.\n"
    )
    leads = {(r.subject, r.object) for r in protocol.relations if r.kind == "leads"}
    assert ("Olof Berglund", "sammanställer rådets gemensamma yttrande") in leads
    assert ("Cecilia Borg", "tar fram en uppföljningsmodell") in leads


def test_leaders_and_those_responsible_as_decisions_name_them() -> None:
    """ "leds även fortsatt av X", "leds av X och Y", and "Ansvariga: X (Hallsberg) och Y
    (Laxå)." as a sentence of a decision."""
    protocol = parse_document(
        "Minnesanteckningar\nStyrgruppen\nDatum: 2025-10-09\n"
        "Närvarande: Anna Berg, ordförande\nPetra Nyqvist\nAnneli Kron\nMaria Nygren\n"
        "Sofie Dahl\nHans Brink\n\n"
        "1. Utskrivning\nBeslut: Kommunerna tar fram handlingsplaner. Ansvariga: Petra Nyqvist "
        "(Hallsberg) och Anneli Kron (Laxå).\n\n"
        "2. Mobil närvård\nBeslut: Mobil närvård Söder förlängs till 2026-12-31 och leds även "
        "fortsatt av Maria Nygren.\n\n"
        "3. Workshop\nPlaneringsgruppen leds av Sofie Dahl och Hans Brink.\n"
    )
    relations = {(r.kind, r.subject) for r in protocol.relations}
    assert {("responsible", "Petra Nyqvist"), ("responsible", "Anneli Kron")} <= relations
    assert {("leads", "Maria Nygren"), ("leads", "Sofie Dahl"), ("leads", "Hans Brink")} <= (
        relations
    )


def test_a_successor_elected_after_someone() -> None:
    """ "X utses till ordförande … efter Y": X succeeds Y, asked as "vem tar över efter Y"."""
    from knowledge.qa.answers.relations import relation_question
    from knowledge.qa.types import Query

    protocol = parse_document(
        "Protokoll\nKommunstyrelsen, Askersunds kommun\nDatum: 2024-10-01\n"
        "Närvarande: Gunnar Ekvall (S), ordförande\nYlva Nordin (S)\nBertil Hamrén (S)\n\n"
        "§ 150 Budget\nBudgeten antogs.\n\n§ 151 Ny ordförande i kommunala pensionärsrådet\n"
        "Kommunstyrelsens beslut\nYlva Nordin (S) utses till ordförande i kommunala "
        "pensionärsrådet från och med 2024-11-01 efter Bertil Hamrén (S).\n"
    )
    replaces = {(r.subject, r.object) for r in protocol.relations if r.kind == "replaces"}
    assert ("Ylva Nordin", "Bertil Hamrén") in replaces
    for question in (
        "vem tar över som ordförande i pensionärsrådet efter Bertil Hamrén?",
        "vem efterträder Bertil Hamrén?",
    ):
        assert relation_question(Query(question, question.lower(), "person")) == "substitute"
