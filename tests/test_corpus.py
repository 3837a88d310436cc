"""The facts of the five shipped documents, written down by reading them, checked end to end:
parse -> store -> read back from SQLite."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.bodies import CHEFSGRUPP, ERSATTARE, FOLKHALSA, LEDAMOT, OVRIG, SOCIAL, TJANSTEPERSON
from knowledge.ingest.load import SHIPPED_CORPUS, ensure_shipped_corpus
from knowledge.ingest.parse import parse_document

DOCS = {path.name[:3]: path for path in sorted(SHIPPED_CORPUS.iterdir())}


def parsed(key: str):  # type: ignore[no-untyped-def]
    return parse_document(DOCS[key].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def p2021():  # type: ignore[no-untyped-def]
    return parsed("000")


@pytest.fixture(scope="module")
def p2022():  # type: ignore[no-untyped-def]
    return parsed("001")


@pytest.fixture(scope="module")
def p2024():  # type: ignore[no-untyped-def]
    return parsed("002")


@pytest.fixture(scope="module")
def p2025():  # type: ignore[no-untyped-def]
    return parsed("003")


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return parsed("004")


def items_of(protocol) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(item.number, item.title) for item in protocol.items]


def attendee(protocol, name):  # type: ignore[no-untyped-def]
    matches = [a for a in protocol.attendees if a.name == name]
    assert matches, f"{name} not among {[a.name for a in protocol.attendees]}"
    return matches[0]


# --- 2021-11-19, specifika rådet social välfärd --------------------------------------------


def test_2021_header(p2021) -> None:  # type: ignore[no-untyped-def]
    assert p2021.kind == "protocol"
    assert p2021.councils == [SOCIAL]
    assert p2021.body_type == "specifika samverkansrådet"
    assert p2021.date == date(2021, 11, 19)
    assert (p2021.start, p2021.end) == (time(13), time(16))
    assert p2021.place == "Digitalt via Zoom"
    assert p2021.chair == "Karin Sundin"
    assert p2021.secretary == "Linnea Hedkvist"
    assert p2021.adjusters == ["AnnaMaj Björk"]
    assert p2021.approved == date(2021, 11, 30)


def test_2021_attendance(p2021) -> None:  # type: ignore[no-untyped-def]
    members = [a for a in p2021.attendees if a.role == LEDAMOT]
    others = [a for a in p2021.attendees if a.role == OVRIG]
    assert len(members) == 13
    assert len(others) == 7
    wallgren = attendee(p2021, "Veronica Wallgren")
    assert (wallgren.organisation, wallgren.org_kind) == ("Hallsberg", "kommun")
    assert wallgren.note == "del av mötet"
    sundin = attendee(p2021, "Karin Sundin")
    assert (sundin.organisation, sundin.org_kind, sundin.role) == (
        "Region Örebro län",
        "region",
        LEDAMOT,
    )
    assert attendee(p2021, "Ulla Kalander Karlsson").organisation == "Ljusnarsberg"
    assert attendee(p2021, "Anna Mann").role == OVRIG


def test_2021_items(p2021) -> None:  # type: ignore[no-untyped-def]
    assert items_of(p2021) == [
        ("1", "Mötet öppnades"),
        ("2", "Val av justerare utöver ordförande"),
        ("3", "Godkännande av dagordning"),
        ("4", "Föregående möte och protokoll"),
        ("5", "Rapport från chefsgruppen social välfärd samt vård och omsorg"),
        ("6", "Tema: Digitalisering inom vård och omsorg"),
        ("7", "Liv och hälsa ung 2021 – uppföljning kring påverkan av Covid"),
        ("8", "Covid 19 - kort lägesrapport"),
        (
            "9",
            "Läget på länets korttidsplatser och SÄBO. I kölvattnet av Ivos tillsyn och en pandemi",
        ),
        ("10", "God och nära vård – Beslutsunderlag målbild"),
        ("11", "Medborgardialog med ungdomar om psykisk hälsa"),
        ("12", "Datum nästa års möten"),
        ("13", "Teman till kommande möten"),
        ("14", "Mötet avslutades"),
    ]
    by_number = {item.number: item for item in p2021.items}
    assert by_number["6"].presenters == ["Karin Brage", "Anna Mann"]
    assert by_number["7"].presenters == ["Carina Persson"]
    assert by_number["9"].presenters == ["Madelene Andersson", "Johanna Rosenberg"]
    assert "genomfördes eftersom mötet var digitalt" in by_number["1"].body
    assert "Nästa möte" not in by_number["14"].body


def test_2021_decisions_themes_schedule(p2021) -> None:  # type: ignore[no-untyped-def]
    assert [(d.text, d.explicit) for d in p2021.decisions if not d.formal] == [
        ("Specifika rådet beslutade i enlighet med förslaget.", False)
    ]
    # The agenda and the last minutes, approved: formalities
    assert [d.text for d in p2021.decisions if d.formal] == [
        "Dagordningen godkändes.",
        "Protokollet från föregående möte godkändes och lades till\thandlingarna.",
    ]
    assert [t.text for t in p2021.themes] == [
        "Integration och hederskultur – goda exempel",
        "Barnfattigdom – en förstudie om läget i länet",
        "Samverkan med civila samhället",
        "Inspirationsmöte med alternativa metoder för mötena den 11 februari med båda "
        "specifika samverkansråden. Studiebesök för båda råden?",
        "Finns det särskilda önskemål för laget runt-diskussionerna?",
    ]
    assert all(t.raised_here for t in p2021.themes)
    assert [(m.date, m.start, m.end, m.decided) for m in p2021.scheduled] == [
        (date(2022, 2, 11), time(9), time(12), True),
        (date(2022, 5, 6), time(13), time(16), True),
        (date(2022, 9, 9), time(9), time(12), True),
        (date(2022, 11, 18), time(13), time(16), True),
    ]
    assert p2021.scheduled[0].note == "fysiskt möte"


# --- 2022-05-06 ----------------------------------------------------------------------------


def test_2022_header(p2022) -> None:  # type: ignore[no-untyped-def]
    assert p2022.councils == [SOCIAL]
    assert p2022.date == date(2022, 5, 6)
    assert (p2022.start, p2022.end) == (time(13), time(16))
    assert p2022.place == "Gästmatsalen, Eklundavägen 1 Örebro"
    assert p2022.chair == "Karin Sundin"
    assert p2022.secretary == "Linnea Hedkvist"
    assert p2022.adjusters == ["Marie Brorson"]
    assert p2022.approved == date(2022, 8, 25)
    assert len([a for a in p2022.attendees if a.role == LEDAMOT]) == 13
    assert len([a for a in p2022.attendees if a.role == OVRIG]) == 9
    nyqvist = attendee(p2022, "Lisa Nyqvist")
    assert (nyqvist.organisation, nyqvist.org_kind) == ("Nora", "kommun")
    assert attendee(p2022, "Julia Olsson").organisation == "Sydnärkes folkhälsoteam"


def test_2022_items(p2022) -> None:  # type: ignore[no-untyped-def]
    assert [number for number, _ in items_of(p2022)] == [str(n) for n in range(1, 16)]
    titles = dict(items_of(p2022))
    assert titles["6"] == (
        "Nära vård, redovisning av arbete 2021 samt framtagande av färdplan Nära vård"
    )
    assert titles["8"] == "Hälsa och tandhälsundersökningar av placerade barn"
    assert titles["9"] == "Samarbete mellan civila samhället och offentliga aktörer"
    assert titles["12"] == "Kommande möten 2022"
    by_number = {item.number: item for item in p2022.items}
    assert by_number["6"].presenters == ["Malin Duckert Ek", "Kristin Gustafsson"]
    assert by_number["9"].presenters == [
        "Johanna Ek",
        "Lisa Nyqvist",
        "Lena Uvhagen",
        "Julia Olsson",
    ]
    assert "POSTADRESS" not in p2022.text
    assert "144 legitimerade arbetsterapeuter" in by_number["7"].body


def test_2022_decisions_themes_schedule(p2022) -> None:  # type: ignore[no-untyped-def]
    assert [d.text[:20] for d in p2022.decisions if d.formal] == [
        "Dagordningen godkänd",
        "Protokollet från för",
    ]
    decisions = [(d.text, d.explicit) for d in p2022.decisions if not d.formal]
    assert decisions == [
        (
            "Rådet beslutade att ta upp frågan första mötet efter nyår i den nya konstellationen.",
            False,
        ),
        (
            "Specifik rådet beslutade att kommande möten hålls den 16 september förmiddag samt "
            "den 18 november eftermiddag.",
            False,
        ),
        (
            "Beslutet blev att detta samordnas med det specifika samverkansrådet för folkhälsa "
            "som håller möte samma dag.",
            False,
        ),
    ]
    themes = [(t.text, t.raised_here) for t in p2022.themes]
    assert themes == [
        ("Integration och hederskultur – goda exempel", False),
        ("Inspirationsmöte med alternativa metoder. Studiebesök för båda råden?", False),
        ("Läkemedelsgenomgångar", False),
        ("Gemensamt möte med specifika samverkansrådet för folkhälsa?", False),
        ("Hälsoundersökningar placerade barn.", True),
        ("Kompetensförsörjningsplan", True),
    ]
    assert [(m.date, m.start, m.end, m.decided, m.note) for m in p2022.scheduled] == [
        (date(2022, 9, 16), time(9), time(12), True, "förmiddag"),
        (date(2022, 11, 18), None, None, True, "eftermiddag"),
    ]


# --- 2024-09-20, joint meeting of both specifika råden --------------------------------------


def test_2024_header(p2024) -> None:  # type: ignore[no-untyped-def]
    assert p2024.councils == [SOCIAL, FOLKHALSA]
    assert p2024.date == date(2024, 9, 20)
    assert (p2024.start, p2024.end) == (time(9), time(12))
    assert p2024.place == "Lokal Eken, Eklundavägen 1"
    assert p2024.chair == "Bechet Barsom"
    assert p2024.adjusters == ["Siw Lunader"]
    assert p2024.approved == date(2024, 10, 1)
    assert p2024.secretary is None
    assert any("sekreterare" in w for w in p2024.warnings)


def test_2024_attendance(p2024) -> None:  # type: ignore[no-untyped-def]
    social_members = [a for a in p2024.attendees if a.role == LEDAMOT and a.council == SOCIAL]
    folk_members = [a for a in p2024.attendees if a.role == LEDAMOT and a.council == FOLKHALSA]
    assert len(social_members) == 13
    assert len(folk_members) == 14
    assert social_members[0].name == "Jenny Steen"
    assert social_members[0].organisation == "Region Örebro län"
    assert folk_members[-1].name == "Cecilia Lönn-Elgstrand"
    assert folk_members[-1].organisation == "ÖLBF"
    substitute = [a for a in p2024.attendees if a.name == "Ann-Christine Appelqvist"]
    assert substitute and all(a.role == ERSATTARE for a in substitute)
    assert substitute[0].organisation == "Hallsberg"
    officials = [a for a in p2024.attendees if a.role == TJANSTEPERSON]
    assert [a.name for a in officials] == [
        "Ingmar Ångman",
        "Panagiota Lazarido",
        "Maria Lindborg",
        "Malin Duckert Ek",
        "Anna Swift Johannison",
    ]
    assert officials[0].title == "områdeschef Välfärd och Folkhälsa, Regional utveckling"
    assert officials[0].organisation == "Region Örebro län"
    assert all(a.name != "Vakant" for a in p2024.attendees)


def test_2024_items_and_decisions(p2024) -> None:  # type: ignore[no-untyped-def]
    assert items_of(p2024) == [
        ("1", "Mötet öppnas och justerare utses"),
        ("2", "Fastställande av dagordning"),
        ("3", "Val av justerare"),
        ("4", "Föregående möte och protokoll"),
        (
            "5",
            "Rapport från chefsgrupp social välfärd samt vård och omsorg och chefsgrupp folkhälsa",
        ),
        ("6", "Aktuellt inom områdena"),
        ("7", "Förändringar med stadsbidrag nära vård och psykisk hälsa"),
        ("8", "Ny socialtjänstlag"),
        ("9", "Introduktion dialog om arbetssätt för specifika samverkansråden"),
        ("10", "Gruppdialoger arbetssätt specifika samverkansråden"),
        ("11", "Kvalitativ rapport Liv och hälsa med fokus på äldre och jämställdhet"),
        ("12", "Övriga frågor"),
        ("13", "Beslut och implementering av ny överenskommelse för hälso-och sjukvård i hemmet"),
        ("14", "Avslut"),
    ]
    by_number = {item.number: item for item in p2024.items}
    assert by_number["7"].kind == by_number["8"].kind == "informationsärende"
    assert by_number["6"].presenters == ["Ingmar Ångman"]
    assert by_number["10"].presenters == ["Maria Lindborg", "Malin Duckert Ek"]
    assert by_number["11"].presenters == ["Maria Lindborg", "Anna Swift Johannison"]
    assert by_number["13"].presenters == ["Malin Duckert Ek"]
    texts = [d.text for d in p2024.decisions if not d.formal]
    assert len(texts) == 6
    assert [d.text[-30:] for d in p2024.decisions if d.formal] == [
        "ställdes och lades till handlingarna."[-30:]
    ]
    assert texts[0] == "Det har beslutats om ny samverkansstruktur för barn och unga."
    assert any("Maria Ungdom för 2025" in t for t in texts)
    assert "ställt sig bakom" in texts[-1]
    assert not any("fattades inga beslut" in t for t in texts)
    assert p2024.themes == []
    assert p2024.scheduled == []


# --- 2025-03-07, chefsgruppen --------------------------------------------------------------


def test_2025_header(p2025) -> None:  # type: ignore[no-untyped-def]
    assert p2025.councils == [CHEFSGRUPP]
    assert p2025.body_type == "chefsgrupp"
    assert p2025.date == date(2025, 3, 7)
    assert (p2025.start, p2025.end) == (time(13), time(16))
    assert p2025.place == "Skebäcks vårdcentral, Örebro"
    assert p2025.secretary == "Maria Lindborg"
    assert "Tjänsteställe" not in p2025.text
    assert len(p2025.attendees) == 25
    haster = attendee(p2025, "Karin Haster")
    assert haster.title == "områdeschef Psykiatri"
    hedaberg = attendee(p2025, "Anders Hedåberg")
    assert (hedaberg.organisation, hedaberg.note) == ("Karlskoga", "ersätter Eva Persson")
    assert attendee(p2025, "Anna-Karin Nysten").note == "ersätter Ulf Lilja"


def test_2025_items(p2025) -> None:  # type: ignore[no-untyped-def]
    assert [n for n, _ in items_of(p2025)] == [
        "1", "2", "3", "4", "5", "6", "7", "8", "9a", "9b", "9c", "9d",
        "10", "11", "12", "13a", "13b", "14", "15",
    ]  # fmt: skip
    by_number = {item.number: item for item in p2025.items}
    assert by_number["6"].title == "Vaccinationsprocess i samverkan"
    assert by_number["6"].presenters == ["Anna Mann", "Karin Brage"]
    assert by_number["9a"].title == "Psykisk hälsa, Språksatsningen"
    assert by_number["9a"].presenters == ["Maria Belik", "Johanna Bernström Höglund"]
    assert by_number["8"].presenters == ["Fredrik Svensson", "Jan Sundelius"]
    assert by_number["10"].title == "Dietist direkt"
    assert by_number["10"].presenters == ["Ingmar Ångman"]
    assert by_number["13b"].presenters == ["Malin Duckert-Ek"]
    assert by_number["14"].presenters == ["Tarja Nordling", "Jenny Jansson"]
    assert [n for n, item in by_number.items() if item.kind] == ["8", "9a", "12"]
    assert "förändras över tid." in by_number["13b"].body


def test_2025_decisions(p2025) -> None:  # type: ignore[no-untyped-def]
    by_number = {item.number: item for item in p2025.items}
    assert len(p2025.decisions) == 11
    assert all(d.explicit for d in p2025.decisions)
    vaccine = by_number["6"].decisions
    assert len(vaccine) == 1 and "superusers" in vaccine[0].text
    assert "Regionens förvaltning kommer att säkerställa" in vaccine[0].text
    assert [a.kronor for a in by_number["9a"].decisions[0].amounts] == [2_900_000]
    assert date(2025, 6, 1) in by_number["9a"].decisions[0].dates
    assert date(2027, 5, 31) in by_number["9a"].decisions[0].dates
    assert [a.kronor for a in by_number["9b"].decisions[0].amounts] == [454_000]
    assert [a.kronor for a in by_number["9d"].decisions[0].amounts] == [400_000]
    assert "Maria Engdahl" not in by_number["9d"].decisions[0].text
    dietist = by_number["10"].decisions
    assert [(d.number, d.dates) for d in dietist] == [(1, [date(2025, 3, 31)]), (2, [])]
    assert dietist[0].text == "Att Dietist direkt avslutas 250331."
    assert by_number["12"].decisions[0].text.startswith("Chefsgruppen antar förslaget")
    assert by_number["14"].decisions[0].text == (
        "Att anta förslaget till revidering av överenskommelse kring tillnyktring"
    )
    assert by_number["11"].decisions == []


# --- The report on God och nära vård 2021 -------------------------------------------------


def test_report(report) -> None:  # type: ignore[no-untyped-def]
    assert report.kind == "report"
    assert report.title.startswith("Redovisning av kommunernas arbeten")
    assert report.date == date(2022, 3, 22)
    assert report.authors == ["Margit Gehrke Flyckt", "Kristin Gustafsson"]
    numbers = [s.number for s in report.sections if s.number]
    assert numbers[:4] == ["1", "2", "3", "3.1"]
    assert "3.1.10" in numbers and "7.2" in numbers
    by_number = {s.number: s for s in report.sections if s.number}
    assert by_number["3.1.5"].title == "Nutrition"
    assert by_number["3.1.5"].level == 3
    assert "Innehåll" not in [s.title for s in report.sections]
    unnumbered = [s.title for s in report.sections if s.number is None]
    assert "Säker Digital Kommunikation - SDK" in unnumbered


# --- Through the store ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    from knowledge.storage.database import connect

    db = connect(tmp_path_factory.mktemp("corpus") / "samrad.db")
    ensure_shipped_corpus(db)
    return db


def test_store_holds_every_document(store: sqlite_utils.Database) -> None:
    rows = store.execute("SELECT kind, date FROM documents ORDER BY date").fetchall()
    assert rows == [
        ("protocol", "2021-11-19"),
        ("report", "2022-03-22"),
        ("protocol", "2022-05-06"),
        ("protocol", "2024-09-20"),
        ("protocol", "2025-03-07"),
    ]
    joint = store.execute(
        "SELECT council FROM document_councils JOIN documents d ON d.id = document_id"
        " WHERE d.date = '2024-09-20' ORDER BY council"
    ).fetchall()
    assert joint == [(FOLKHALSA,), (SOCIAL,)]
    amounts = store.execute(
        "SELECT amounts FROM decisions WHERE text LIKE '%Språksatsning%' OR amounts LIKE '%2 900%'"
    ).fetchall()
    assert any(json.loads(a[0])[0]["kronor"] == 2_900_000 for a in amounts)


def test_meetings_supersede_and_held(store: sqlite_utils.Database) -> None:
    from knowledge.council.meetings import list_meetings, next_meeting

    social = [(m.date, m.status) for m in list_meetings(store, SOCIAL)]
    assert (date(2022, 9, 9), "scheduled") not in social
    assert (date(2022, 9, 16), "scheduled") in social
    assert (date(2022, 5, 6), "held") in social
    assert (date(2024, 9, 20), "held") in social
    upcoming = next_meeting(store, SOCIAL, date(2022, 6, 1))
    assert upcoming is not None
    assert (upcoming.date, upcoming.start, upcoming.end) == (date(2022, 9, 16), time(9), time(12))
    assert next_meeting(store, SOCIAL, date(2026, 1, 1)) is None


def test_fts_diacritics_stems_and_trigrams(store: sqlite_utils.Database) -> None:
    def match(table: str, query: str) -> int:
        sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
        return int(store.execute(sql, [query]).fetchone()[0])

    # å, ä, ö are letters of their own: 'far' does not find 'får'.
    assert match("passages_fts", "text:får") > 0
    assert match("passages_fts", "text:far") < match("passages_fts", "text:får")
    # The stemmed column finds inflections; the trigram index finds compounds.
    from knowledge.language.text import stem

    # One stem finds every inflection: more than any single written form does.
    exact = [
        match("passages_fts", f"text:{form}") for form in ("överenskommelsen", "överenskommelser")
    ]
    stemmed = match("passages_fts", f"stemmed:{stem('överenskommelser')}")
    assert stemmed > max(exact) > 0
    from knowledge.storage.corpus import words_containing

    found = words_containing(store, "hälsoundersökning")
    assert "tandhälsoundersökningar" in found
    assert "hälsoundersökningar" in found
    assert words_containing(store, "xyzzyq") == []
    assert words_containing(store, 'a"b') == []


def test_same_content_is_a_noop_and_correction_replaces(tmp_path: Path) -> None:
    from knowledge.ingest.load import ingest_file
    from knowledge.storage.database import connect

    db = connect(tmp_path / "x.db")
    original = DOCS["001"]
    first = ingest_file(db, original)
    again = ingest_file(db, original)
    assert first.changed and not again.changed
    corrected = tmp_path / "rättad.txt"
    corrected.write_text(
        original.read_text(encoding="utf-8").replace(
            "Kriget i Ukraina", "Kriget i Ukraina (rättad)"
        ),
        encoding="utf-8",
    )
    third = ingest_file(db, corrected)
    assert third.changed and third.replaced
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    titles = [r[0] for r in db.execute("SELECT title FROM items")]
    assert "Kriget i Ukraina (rättad) och konsekvenser" in titles
    assert (
        db.execute("SELECT count(*) FROM passages_fts").fetchone()[0]
        == db.execute("SELECT count(*) FROM passages").fetchone()[0]
    )
