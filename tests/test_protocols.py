"""Every test protocol (tests/fixtures/protocols/) ingested into a real SQLite file, and the
facts a person reads from it asserted (``tests/protocol_facts.py``), as the file is and, for the
.txt ones, set as a generated PDF and DOCX.

Facts the parser does not read yet are listed in KNOWN_MISSES with the reason; a listed fact
that starts to pass fails the test too, so the list stays true. Print the per-template table
with ``.venv/bin/python tests/protocol_facts.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from knowledge.ingest.extract import read_bytes
from knowledge.ingest.load import ingest_bytes
from knowledge.ingest.parse import parse_document
from knowledge.storage.database import connect
from tests.protocol_facts import FIXTURES, Check, as_docx, as_pdf, checks, documents

DOCUMENTS = documents()
TEXT_DOCUMENTS = [facts for facts in DOCUMENTS if facts["file"].endswith(".txt")]

KNOWN_MISSES: dict[str, list[Check]] = {
    # 'Utredningen leds av Malin Hedqvist' after a semicolon; 'kommundirektören' is not a
    # subject our patterns read
    "01_ks_hallsberg.txt": [
        ("relation", "leads", "Malin Hedqvist"),
        ("relation", "responsible", "Karin Ström"),
    ],
    # the title's tail '– Brottsofferjouren Sydnärke' is read as presenters (two capitalised
    # words)
    "02_sn_kumla.txt": [
        ("item", "47"),
    ],
    # 'förvaltningschefen får i uppdrag' in a decision's att-clause
    "03_bun_lindesberg.txt": [
        ("relation", "responsible", "Maria Sundqvist"),
    ],
    # 'enhetschef Tove Ahrnberg' after 'sekr. och' is read into the secretary's entry;
    # 'ersättare för' makes Sune Östlund a tjänstgörande ersättare
    "04_familjerattsnamnd.txt": [
        ("role", "Sune Östlund"),
        ("attendee", "Tove Ahrnberg"),
        ("role", "Tove Ahrnberg"),
        ("relation", "replaces", "Sune Östlund", "Kerstin Lejon"),
        ("relation", "presented", "Tove Ahrnberg", "Verksamhetsrapport januari–september 2021"),
        ("relation", "leads", "Tove Ahrnberg"),
        ("relation", "responsible", "Gunilla Strand"),
    ],
    # the organisation is a list of municipalities with a genitive ('Lekebergs kommuner');
    # 'sammankallande' (leads) and 'Mats tar fram' (a first name) are not read
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
        ("role", "Ulrika Thorén"),
        ("relation", "leads", "Jenny Olofsson"),
        ("relation", "responsible", "Mats Grahn"),
    ],
    # 'Dagordningen godkändes' is no decision in the shipped corpus' facts
    # (tests/test_corpus.py), so it is none here either
    "06_hembygdsforening_styrelse.txt": [
        ("decision", "3"),
        ("decision", "4"),
        ("relation", "responsible", "Lars-Åke Fors"),
        ("relation", "responsible", "Stig Hammar"),
    ],
    # the organisation is not written; the place is in a sentence ('Mötet hölls i lilla
    # salen på Folkets hus'); roles are titles in parentheses; presenters named by first
    # name only
    "07_bra_degerfors_dialog.txt": [
        ("header", "organisation"),
        ("header", "place"),
        ("role", "Malin Jäderberg"),
        ("role", "Tomas Wikström"),
        ("role", "Sanna Eriksson"),
        ("role", "Kjell Norrman"),
        ("role", "Leila Ranjbar"),
        ("schedule", "2022-09-13"),
        (
            "relation",
            "presented",
            "Johan Bergdahl",
            "Belysning vid Stora torget och gångtunneln vid stationen",
        ),
        ("relation", "leads", "Per-Olof Grahn"),
    ],
    # 'Anna-Lena Rydberg tar fram' and the author in the YAML 'antecknare' are not read
    "08_styrgrupp_earkiv.md": [
        ("role", "Mikko Salminen"),
        ("relation", "responsible", "Anna-Lena Rydberg"),
        ("relation", "author", "Sara Engström"),
    ],
    # 'ersättare för' makes Gunnel Ringström a tjänstgörande ersättare; 'Sekreteraren Jessica
    # Bohman skickar inbjudan' and the author are not read
    "09_kpr_askersund_webb.txt": [
        ("role", "Gunnel Ringström"),
        ("role", "Helena Wahlund"),
        ("relation", "responsible", "Jessica Bohman"),
        ("relation", "author", "Jessica Bohman"),
    ],
    # the organisation is only in the page footer, which is dropped
    "11_kfn_degerfors.docx": [
        ("header", "organisation"),
        ("relation", "leads", "Niklas Fagerlund"),
    ],
    # 'godkändes' / 'lades till handlingarna' are no decisions in the shipped corpus' facts
    "12_aldrenamnd_karlskoga.txt": [
        ("decision", "13"),
        ("decision", "19"),
    ],
    # 'Dagordningen godkändes' (see 06); 'Maria Sund (ersätter Jonas Eklöf)' in the members'
    # list is read as tjänstgörande ersättare
    "13_samverkansrad_barn_unga.txt": [
        ("role", "Maria Sund"),
        ("decision", "3"),
        ("relation", "responsible", "Ida Hallberg"),
    ],
    # 'Ej tjänstgörande ersättare' in two columns; 'kommunchefen' as subject
    "14_kf_ljusnarsberg_extra.txt": [
        ("relation", "replaces", "Lars Ekberg", "Siv Blomqvist"),
        ("relation", "responsible", "Thomas Granqvist"),
    ],
    # members' roles are 'revisor' in the facts (no label says so); the 'Ansvarig' column of
    # the table is not read
    "15_revisorerna_lekeberg.txt": [
        ("role", "Rolf Häll"),
        ("role", "Åsa Carlberg"),
        ("role", "Emma Karlén"),
        ("role", "Per Alm"),
        ("relation", "responsible", "Emma Karlén"),
        ("relation", "responsible", "Åsa Carlberg"),
    ],
    # roles are titles with an organisation inside ('vårdcentralschef Karlskoga');
    # 'ordförandeskapet innehas av regionen'
    "16_lansdel_vaster.md": [
        ("role", "Katja Nyström"),
        ("role", "Martin Lövgren"),
        ("role", "Rasmus Öberg"),
        ("relation", "leads", "Johan Sköld"),
    ],
}
# Generated PDF and DOCX: header fields and items only.
KNOWN_MISSES_PDF: dict[str, list[Check]] = {
    # the title's tail '– Brottsofferjouren Sydnärke' is read as presenters (two capitalised
    # words)
    "02_sn_kumla.txt": [
        ("item", "47"),
    ],
    # the organisation is a list of municipalities with a genitive ('Lekebergs kommuner');
    # 'sammankallande' (leads) and 'Mats tar fram' (a first name) are not read
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
    ],
    # the organisation is not written; the place is in a sentence ('Mötet hölls i lilla
    # salen på Folkets hus')
    "07_bra_degerfors_dialog.txt": [
        ("header", "organisation"),
        ("header", "place"),
    ],
}
KNOWN_MISSES_DOCX: dict[str, list[Check]] = {
    # the title's tail '– Brottsofferjouren Sydnärke' is read as presenters (two capitalised
    # words)
    "02_sn_kumla.txt": [
        ("item", "47"),
    ],
    # the organisation is a list of municipalities with a genitive ('Lekebergs kommuner');
    # 'sammankallande' (leads) and 'Mats tar fram' (a first name) are not read
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
    ],
    # the organisation is not written; the place is in a sentence ('Mötet hölls i lilla
    # salen på Folkets hus'); roles are titles in parentheses; presenters named by first
    # name only
    "07_bra_degerfors_dialog.txt": [
        ("header", "organisation"),
        ("header", "place"),
    ],
}


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return connect(tmp_path / "samrad.db")


def _assert_facts(result: dict[Check, bool], known: list[Check]) -> None:
    failing = sorted(key for key, ok in result.items() if not ok)
    assert failing == sorted(known), (
        "facts read wrong (or known misses now right: remove them from the table)"
    )


@pytest.mark.parametrize("facts", DOCUMENTS, ids=[f["file"] for f in DOCUMENTS])
def test_fixture_facts(facts: dict[str, Any], db: sqlite_utils.Database) -> None:
    path = FIXTURES / facts["file"]
    data = path.read_bytes()
    result = ingest_bytes(db, data, path.name)  # never refused
    assert result.changed and result.kind == "protocol"
    assert result.date == facts["date"]
    assert result.items == len(facts["items"])
    protocol = parse_document(read_bytes(data, path.name))
    _assert_facts(checks(protocol, facts), KNOWN_MISSES.get(facts["file"], []))


@pytest.mark.parametrize("facts", TEXT_DOCUMENTS, ids=[f["file"] for f in TEXT_DOCUMENTS])
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_fixture_as_generated_pdf_and_docx(
    facts: dict[str, Any], kind: str, db: sqlite_utils.Database
) -> None:
    text = (FIXTURES / facts["file"]).read_text(encoding="utf-8")
    data = as_pdf(text) if kind == "pdf" else as_docx(text)
    name = facts["file"].replace(".txt", f".{kind}")
    result = ingest_bytes(db, data, name)
    assert result.changed and result.date == facts["date"]
    protocol = parse_document(read_bytes(data, name))
    found = {k: ok for k, ok in checks(protocol, facts).items() if k[0] in ("header", "item")}
    known = (KNOWN_MISSES_PDF if kind == "pdf" else KNOWN_MISSES_DOCX).get(facts["file"], [])
    _assert_facts(found, known)
