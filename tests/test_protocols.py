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
from tests.protocol_facts import (
    FIXTURES,
    Check,
    as_docx,
    as_html,
    as_odt,
    as_pdf,
    as_rtf,
    checks,
    documents,
)

DOCUMENTS = documents()
TEXT_DOCUMENTS = [facts for facts in DOCUMENTS if facts["file"].endswith(".txt")]

KNOWN_MISSES: dict[str, list[Check]] = {
    # the organisation is a list of towns ('Askersund – Hallsberg – ... – Lekeberg'), read
    # "Askersund, Hallsberg, Kumla, Laxå och Lekeberg kommuner"; the facts put the genitive
    # on the last name only ('Lekebergs kommuner'), where Swedish puts it on every one
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
    ],
    # 'representant' is the facts' word for people listed with their association only;
    # 'en trygghetsvandring genomförs den 13 september' is an event the facts count among
    # meetings, the parser not
    "07_bra_degerfors_dialog.txt": [
        ("role", "Kjell Norrman"),
        ("role", "Leila Ranjbar"),
        ("schedule", "2022-09-13"),
    ],
    # 'ersättare för Arne Lilja' among those present is an ersättare serving for him (as
    # 'ers. för' in 04, 12 and 13, whose facts agree); these facts say ledamot
    "09_kpr_askersund_webb.txt": [
        ("role", "Gunnel Ringström"),
    ],
    # a title with its area ('förvaltningschef vård och omsorg') stays whole, as the shipped
    # corpus' facts have it ('områdeschef Psykiatri'); 'MAS' is the abbreviation in
    # parentheses, the title is written out
    "16_lansdel_vaster.md": [
        ("role", "Martin Lövgren"),
        ("role", "Rasmus Öberg"),
    ],
}
# Generated PDF and DOCX: header fields and items only.
KNOWN_MISSES_PDF: dict[str, list[Check]] = {
    # the organisation is a list of towns ('Askersund – Hallsberg – ... – Lekeberg'), read
    # "Askersund, Hallsberg, Kumla, Laxå och Lekeberg kommuner"; the facts put the genitive
    # on the last name only ('Lekebergs kommuner'), where Swedish puts it on every one
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
    ],
}
KNOWN_MISSES_DOCX: dict[str, list[Check]] = {
    # the organisation is a list of towns ('Askersund – Hallsberg – ... – Lekeberg'), read
    # "Askersund, Hallsberg, Kumla, Laxå och Lekeberg kommuner"; the facts put the genitive
    # on the last name only ('Lekebergs kommuner'), where Swedish puts it on every one
    "05_socialchefer_sydnarke.txt": [
        ("header", "organisation"),
    ],
}


# The same text as each format writes it; a web page's whitespace and a PDF's layout lose the
# tabs and spaced columns a text keeps, the others keep them.
WRITERS = {"pdf": as_pdf, "docx": as_docx, "odt": as_odt, "rtf": as_rtf, "html": as_html}


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
@pytest.mark.parametrize("kind", list(WRITERS))
def test_fixture_in_every_format(
    facts: dict[str, Any], kind: str, db: sqlite_utils.Database
) -> None:
    text = (FIXTURES / facts["file"]).read_text(encoding="utf-8")
    data = WRITERS[kind](text)
    name = facts["file"].replace(".txt", f".{kind}")
    result = ingest_bytes(db, data, name)
    assert result.changed and result.date == facts["date"]
    protocol = parse_document(read_bytes(data, name))
    found = {k: ok for k, ok in checks(protocol, facts).items() if k[0] in ("header", "item")}
    known = (KNOWN_MISSES_PDF if kind == "pdf" else KNOWN_MISSES_DOCX).get(facts["file"], [])
    _assert_facts(found, known)
