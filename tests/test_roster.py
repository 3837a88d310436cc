"""The roster: the shipped file, import and export, registration codes, and forgetting a person."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli import cli
from knowledge.council import absences, outbox
from knowledge.council.calendar import add_meeting
from knowledge.council.roster import (
    SHIPPED_ROSTER,
    RosterError,
    add_member,
    create_invite,
    ensure_shipped_roster,
    export_roster,
    forget,
    import_roster,
    is_secretary,
    list_members,
    person_by_telegram,
    protocol_subscribers,
    redeem_invite,
)
from tests.botkit import notice_text

CORPUS = Path(__file__).resolve().parents[1] / "knowledge" / "corpus"
MUNICIPALITIES = {
    "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå",
    "Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro",
}  # fmt: skip
SMALL = (
    "council,organisation,role,rank,name\n"
    "social,Nora,ledamot,1,Anna Karlsson\n"
    "social,Nora,ersättare,2,Pia-Maria Johansson\n"
    "social,Nora,ersättare,1,Eva Karlsson\n"
    "social,Region Örebro län,sekreterare,1,Sara Sekreterare\n"
)


def _registered(db: sqlite_utils.Database, name: str, user: int) -> int:
    code, person = create_invite(db, name)
    redeem_invite(db, code, user, user)
    return person


# --- The shipped roster --------------------------------------------------------------------


def test_shipped_roster_has_both_councils_from_the_latest_protocol(
    fresh_db: sqlite_utils.Database,
) -> None:
    ensure_shipped_roster(fresh_db)
    social = list_members(fresh_db, "social")
    folkhalsa = list_members(fresh_db, "folkhalsa")
    # Social: every municipality and the region have one ledamot and one ersättare.
    for role in ("ledamot", "ersättare"):
        organisations = Counter(m.organisation for m in social if m.role == role)
        assert set(organisations) == MUNICIPALITIES | {"Region Örebro län"}
        assert set(organisations.values()) == {1}
    # The interleaved second column of the ersättare list belongs to the social council.
    seats = {(m.organisation, m.name) for m in social if m.role == "ersättare"}
    assert {("Askersund", "Erik König"), ("Nora", "Eva Karlsson")} <= seats
    assert ("Laxå", "Tina Johansson") in seats and ("Degerfors", "Torbjörn Holm") in seats
    # Folkhälsa: the municipalities, RF-SISU (ersättare vacant) and ÖLBF.
    ledamot = {m.organisation for m in folkhalsa if m.role == "ledamot"}
    assert ledamot == MUNICIPALITIES | {"RF-SISU", "ÖLBF"}
    substitutes = {m.organisation: m.name for m in folkhalsa if m.role == "ersättare"}
    assert "RF-SISU" not in substitutes and substitutes["ÖLBF"] == "Emma Lado"
    assert substitutes["Nora"] == "Pia-Maria Johansson"
    assert [m.name for m in list_members(fresh_db, role="sekreterare")] == ["Linnea Hedkvist"] * 2
    # One person on both councils is one person.
    both = [m.person_id for m in list_members(fresh_db) if m.name == "Annica Sjöqvist"]
    assert len(both) == 2 and len(set(both)) == 1


def test_every_shipped_name_is_in_the_protocols() -> None:
    corpus = unicodedata.normalize(
        "NFC", " ".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    )
    names = {line.rsplit(",", 1)[1] for line in SHIPPED_ROSTER.read_text().splitlines()[1:]}
    assert len(names) > 40
    assert sorted(n for n in names if n not in corpus) == []


def test_shipped_roster_only_fills_an_empty_roster(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    ensure_shipped_roster(fresh_db)
    assert len(list_members(fresh_db)) == 4


# --- Import and export ---------------------------------------------------------------------


def test_import_orders_ersattare_and_export_round_trips(fresh_db: sqlite_utils.Database) -> None:
    assert import_roster(fresh_db, "\ufeff" + SMALL) == 4  # Excel's byte order mark is fine
    calling = [m.name for m in list_members(fresh_db, "social", "Nora", "ersättare")]
    assert calling == ["Eva Karlsson", "Pia-Maria Johansson"]
    exported = export_roster(fresh_db)
    import_roster(fresh_db, exported)
    assert export_roster(fresh_db) == exported
    assert sorted(exported.splitlines()[1:]) == sorted(
        line.replace("\n", "") for line in SMALL.splitlines()[1:]
    )


def test_import_replaces_memberships_but_keeps_registration(
    fresh_db: sqlite_utils.Database,
) -> None:
    import_roster(fresh_db, SMALL)
    anna = _registered(fresh_db, "Anna Karlsson", 501)
    changed = SMALL.replace(
        "social,Nora,ledamot,1,Anna Karlsson", "social,Kumla,ledamot,1,Anna Karlsson"
    )
    import_roster(fresh_db, changed)  # takes effect at once: nothing is cached
    [member] = list_members(fresh_db, role="ledamot")
    assert (member.person_id, member.organisation, member.registered) == (anna, "Kumla", True)
    assert not list_members(fresh_db, "social", "Nora", "ledamot")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("namn\nAnna\n", "kolumnerna"),
        ("", "kolumnerna"),
        (SMALL + "social,Nora,ersättare,tre,Ny Person\n", "Rad 6"),
        (SMALL + "social,Nora,ordförande,1,Ny Person\n", "Okänd roll"),
        (SMALL + "social,Nora,ledamot,1,\n", "Namnet saknas"),
        (SMALL + "kommunfullmaktige,Nora,ledamot,1,Ny Person\n", "Okänt råd"),
    ],
)
def test_a_bad_file_changes_nothing(
    fresh_db: sqlite_utils.Database, text: str, message: str
) -> None:
    import_roster(fresh_db, SMALL)
    before = export_roster(fresh_db)
    with pytest.raises(RosterError, match=message):
        import_roster(fresh_db, text)
    assert export_roster(fresh_db) == before


def test_cli_roster_commands(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    source = tmp_path / "roster.csv"
    source.write_text(SMALL, encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(cli, ["--db", str(path), "roster", "import", str(source)])
    assert imported.exit_code == 0, imported.output
    listing = runner.invoke(cli, ["--db", str(path), "roster", "list"]).output
    assert "Pia-Maria Johansson" in listing and "Sara Sekreterare" in listing
    exported = runner.invoke(cli, ["--db", str(path), "roster", "export"]).output
    assert exported.splitlines()[0] == "council,organisation,role,rank,name"
    assert len(exported.splitlines()) == 5


# --- Registration codes --------------------------------------------------------------------


def test_codes_are_random_hashed_and_single_use(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    first, anna = create_invite(fresh_db, "anna karlsson")  # any case
    second, _ = create_invite(fresh_db, "Anna Karlsson")
    assert first != second and len(first) >= 16
    stored = [r[0] for r in fresh_db.execute("SELECT code_hash FROM invites")]
    assert hashlib.sha256(first.encode()).hexdigest() in stored
    assert first not in stored and second not in stored
    person = redeem_invite(fresh_db, first, 601, 7601)
    assert (person.id, person.name) == (anna, "Anna Karlsson")
    assert person_by_telegram(fresh_db, 601) == person
    assert protocol_subscribers(fresh_db) == [7601]
    with pytest.raises(RosterError, match="redan använd"):
        redeem_invite(fresh_db, first, 602, 602)
    assert person_by_telegram(fresh_db, 602) is None


def test_unknown_and_expired_codes_change_nothing(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    with pytest.raises(RosterError, match="känner jag inte igen") as error:
        redeem_invite(fresh_db, "gissad-kod", 601, 601)
    assert "sekreteraren" in error.value.message
    expired, _ = create_invite(fresh_db, "Eva Karlsson", days=-1)
    with pytest.raises(RosterError, match="gått ut"):
        redeem_invite(fresh_db, expired, 601, 601)
    assert person_by_telegram(fresh_db, 601) is None
    assert (
        fresh_db.execute("SELECT count(*) FROM invites WHERE used_at IS NOT NULL").fetchone()[0]
        == 0
    )


def test_one_account_is_one_person(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    _registered(fresh_db, "Anna Karlsson", 601)
    code, _ = create_invite(fresh_db, "Eva Karlsson")
    with pytest.raises(RosterError, match="redan kopplat"):
        redeem_invite(fresh_db, code, 601, 601)
    # The code is still good for Eva herself.
    assert redeem_invite(fresh_db, code, 602, 602).name == "Eva Karlsson"


def test_invite_someone_new_needs_role_and_organisation(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    with pytest.raises(RosterError, match="roll och organisation"):
        create_invite(fresh_db, "Ny Person")
    assert not [m for m in list_members(fresh_db) if m.name == "Ny Person"]
    create_invite(fresh_db, "Ny Person", role="ersättare", council="folkhalsa", organisation="Nora")
    [member] = [m for m in list_members(fresh_db) if m.name == "Ny Person"]
    assert (member.council, member.organisation, member.role) == ("folkhalsa", "Nora", "ersättare")
    # Someone known needs neither; with both they get another seat.
    _, eva = create_invite(fresh_db, "Eva Karlsson", role="ersättare")
    assert [m.organisation for m in list_members(fresh_db) if m.person_id == eva] == ["Nora"]
    create_invite(
        fresh_db, "Eva Karlsson", role="ledamot", organisation="Nora", council="folkhalsa"
    )
    seats = {(m.council, m.role) for m in list_members(fresh_db) if m.person_id == eva}
    assert seats == {("social", "ersättare"), ("folkhalsa", "ledamot")}


def test_secretaries_are_known_by_account(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    _registered(fresh_db, "Sara Sekreterare", 700)
    _registered(fresh_db, "Anna Karlsson", 701)
    assert is_secretary(fresh_db, 700) and not is_secretary(fresh_db, 701)
    assert not is_secretary(fresh_db, 999)


def test_cli_invite_prints_a_deep_link(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(path), "roster", "list"])  # the shipped roster loads
    invite = ["--db", str(path), "invite", "Eva Karlsson"]
    result = runner.invoke(cli, invite, env={"SAMRAD_BOT_USERNAME": "radets_bot"})
    assert result.exit_code == 0, result.output
    assert "?start=" in result.output


# --- Forgetting a person -------------------------------------------------------------------


def test_forget_removes_everything_about_the_person(fresh_db: sqlite_utils.Database) -> None:
    import_roster(fresh_db, SMALL)
    anna = _registered(fresh_db, "Anna Karlsson", 801)
    _registered(fresh_db, "Eva Karlsson", 802)
    create_invite(fresh_db, "Anna Karlsson")
    day = date.today() + timedelta(days=20)
    add_meeting(fresh_db, "social", day, place="Eken")
    absences.report(fresh_db, anna, "social", day)
    assert any("Anna Karlsson" in notice_text(n) for n in outbox.pending(fresh_db))  # to Eva
    assert forget(fresh_db, "Anna Karlsson") is True
    for table in ("absences", "substitute_requests"):
        assert fresh_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert not fresh_db.execute("SELECT 1 FROM invites WHERE person_id = ?", [anna]).fetchall()
    assert not [m for m in list_members(fresh_db) if m.name == "Anna Karlsson"]
    texts = [r[0] for r in fresh_db.execute("SELECT text || params FROM outbox")]
    assert not [t for t in texts if "Anna Karlsson" in t]
    assert not fresh_db.execute("SELECT 1 FROM outbox WHERE chat_id = 801").fetchall()
    assert person_by_telegram(fresh_db, 802) is not None  # nobody else
    assert forget(fresh_db, "Anna Karlsson") is False
    add_member(fresh_db, "Anna Karlsson", "social", "Nora", "ledamot")  # can be added back


def test_cli_forget(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(path), "forget", "Jenny Steen"]).exit_code == 0
    listing = runner.invoke(cli, ["--db", str(path), "roster", "list"]).output
    assert "Jenny Steen" not in listing and "Bechet Barsom" in listing
    missing = runner.invoke(cli, ["--db", str(path), "forget", "Ingen Alls"])
    assert missing.exit_code != 0 and "Ingen person" in missing.output
