"""OpenDocument, RTF and saved web pages read as a reader sees them: the letterhead, list
numbers, tables read once a cell, and none of a web site's menus, banners or footer."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from knowledge.ingest.extract import DocumentError, read_bytes
from knowledge.ingest.parse import parse_document

_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def _odt(body: str, styles: str = "", automatic: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        if styles:
            archive.writestr(
                "styles.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODF}>'
                f"{styles}</office:document-styles>",
            )
    return buffer.getvalue()


def test_odt_letterhead_numbered_lists_and_tables() -> None:
    styles = (
        "<office:master-styles><style:master-page><style:header>"
        "<text:p>LAXÅ KOMMUN<text:tab/>PROTOKOLL</text:p>"
        "</style:header></style:master-page></office:master-styles>"
    )
    numbered = (
        '<text:list-style style:name="L1">'
        '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
        '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
        "</text:list-style>"
    )
    body = (
        '<text:h text:outline-level="1">Vård- och omsorgsutskottet</text:h>'
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Beslutande</text:p></table:table-cell>"
        "<table:table-cell><text:p>Eva Lund (S), ordförande</text:p>"
        "<text:p>Per<text:s/>Ek<text:s text:c='2'/>(M)</text:p></table:table-cell>"
        "</table:table-row><table:table-row>"
        '<table:table-cell table:number-columns-spanned="2"><text:p>Justerare Per Ek</text:p>'
        "</table:table-cell><table:covered-table-cell/></table:table-row></table:table>"
        '<text:list text:style-name="L1">'
        "<text:list-item><text:p>Mötets öppnande</text:p></text:list-item>"
        "<text:list-item><text:p>Budget 2025</text:p>"
        "<text:list><text:list-item><text:p>drift</text:p></text:list-item>"
        "<text:list-item><text:p>investering</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        "<text:p>Text<office:annotation><text:p>en kommentar</text:p></office:annotation>"
        " utan kommentar.</text:p>"
        '<text:list text:style-name="L1" text:continue-numbering="true">'
        "<text:list-item><text:p>Övriga frågor</text:p></text:list-item></text:list>"
    )
    lines = read_bytes(_odt(body, styles, numbered), "p.odt").splitlines()
    assert lines[0] == "LAXÅ KOMMUN\tPROTOKOLL"
    assert "# Vård- och omsorgsutskottet" in lines
    assert lines[lines.index("Beslutande") + 1 : lines.index("Beslutande") + 3] == [
        "Eva Lund (S), ordförande",
        "Per Ek (M)",
    ]
    assert "Justerare Per Ek" in lines  # a merged cell read once
    numbered_lines = [line for line in lines if line[:2] in ("1.", "2.", "3.", "a)", "b)")]
    assert numbered_lines == [
        "1. Mötets öppnande",
        "2. Budget 2025",
        "a) drift",
        "b) investering",
        "3. Övriga frågor",
    ]
    assert "Text utan kommentar." in lines


def test_odt_that_is_not_a_document() -> None:
    for data in (b"PK\x03\x04 trasig", _odt("<text:p>ej avslutad")):
        with pytest.raises(DocumentError, match="ODT-filen är skadad"):
            read_bytes(data, "trasig.odt")


RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}
{\header\pard\qr DEGERFORS KOMMUN\tab SAMMANTR\'c4DESPROTOKOLL\par}
{\footer\pard Justerandes sign\par}
\pard\b Socialn\'e4mndens arbetsutskott\b0\par
Datum: 2025-03-04 kl. 13.00\par
\trowd\cellx2500\cellx7000
\pard\intbl Beslutande\cell Anna Berg (S), ordf\'f6rande\line Per Ek (M)\cell\row
\trowd\cellx2500\cellx7000
\pard\intbl Sekreterare\cell Lisa \u214?berg\cell\row
\pard\par
\'a7 12 Budget\par
Arbetsutskottet beslutar att bevilja 12 000 kr.\par
}"""


def test_rtf_letters_letterhead_and_tables() -> None:
    lines = read_bytes(RTF, "au.rtf").splitlines()
    assert lines[0].strip() == "DEGERFORS KOMMUN\tSAMMANTRÄDESPROTOKOLL"
    assert "Socialnämndens arbetsutskott" in lines
    assert lines[lines.index("Beslutande") + 1 : lines.index("Beslutande") + 3] == [
        "Anna Berg (S), ordförande",
        "Per Ek (M)",
    ]
    assert "Sekreterare\tLisa Öberg" in lines
    assert "§ 12 Budget" in lines
    assert not any("Justerandes sign" in line for line in lines)  # the footer is furniture


def test_rtf_that_is_not_rtf() -> None:
    with pytest.raises(DocumentError, match="RTF-filen är skadad"):
        read_bytes(b"Detta ar ingen RTF", "fel.rtf")


PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Protokoll</title><style>p {color: red}</style><script>var x = "<p>nej</p>";</script></head>
<body><div class="cookie-consent">Vi anv\xe4nder kakor</div>
<header><a href="/">Hallsbergs kommun</a><nav><ul><li>Bo och leva</li></ul></nav></header>
<main><nav class="breadcrumbs"><a>Start</a> / <a>Protokoll</a></nav>
<h1>Protokoll Socialn\xe4mnden&nbsp;2025-05-14</h1>
<table><tr><td>Datum och tid</td><td>Onsdag 14 maj 2025 kl. 13.00&ndash;15.30</td></tr>
<tr><th rowspan="2">Beslutande</th><td>Karin Ode (S), ordf\xf6rande</td></tr>
<tr><td>Lars Brink (M)</td></tr>
<tr><td>Sekreterare</td><td>Mona &Aring;s</td></tr></table>
<dl><dt>Plats</dt><dd>Samh\xe4llsbyggnadsf\xf6rvaltningen</dd></dl>
<h2>&sect; 41 Budget &amp; uppf\xf6ljning</h2>
<p>N\xe4mnden beslutar<br>att godk\xe4nna rapporten.</p>
<h2>&sect; 42 Anm\xe4lan av delegationsbeslut</h2>
<p>Anm\xe4lan l\xe4ggs till handlingarna.</p>
<ol start="3"><li>f\xf6rsta</li><li><p>andra</p></li></ol>
<ol type="a"><li>delpunkt</li></ol>
<div class="share">Dela sidan</div></main>
<footer>Senast uppdaterad 2026-02-01</footer></body></html>""".encode("cp1252")


def test_web_page_main_content_only() -> None:
    text = read_bytes(PAGE, "protokoll.html")
    lines = text.splitlines()
    assert lines[0] == "# Protokoll Socialnämnden 2025-05-14"
    assert "Datum och tid\tOnsdag 14 maj 2025 kl. 13.00–15.30" in lines
    assert "Beslutande\tKarin Ode (S), ordförande" in lines
    assert "Lars Brink (M)" in lines  # the row under a label merged down
    assert "Sekreterare\tMona Ås" in lines
    assert "Plats: Samhällsbyggnadsförvaltningen" in lines
    assert "## § 41 Budget & uppföljning" in lines
    assert lines[lines.index("Nämnden beslutar") + 1] == "att godkänna rapporten."
    assert "3. första" in lines and "4. andra" in lines and "a) delpunkt" in lines
    for furniture in ("kakor", "Bo och leva", "Start", "Dela sidan", "Senast uppdaterad", "nej"):
        assert furniture not in text


def test_web_page_without_main_drops_the_site_around() -> None:
    page = (
        b"<html><body><header>Kommunen</header><nav>Meny</nav>"
        b"<h1>Protokoll</h1><p>Datum: 2025-01-10</p><aside>Kontakt</aside>"
        b"<footer>Adress</footer></body></html>"
    )
    assert read_bytes(page, "p.htm").split() == ["#", "Protokoll", "Datum:", "2025-01-10"]


def test_a_protocol_as_a_web_page_parses() -> None:
    protocol = parse_document(read_bytes(PAGE, "protokoll.html"))
    assert protocol.date == date(2025, 5, 14)
    assert [item.number for item in protocol.items] == ["41", "42"]
    assert protocol.secretary == "Mona Ås"
    assert "Karin Ode" in {person.name for person in protocol.attendees}


def test_a_page_nested_past_reason_gets_a_swedish_message() -> None:
    page = b"<html><body>" + b"<div>" * 20000 + b"text" + b"</div>" * 20000 + b"</body></html>"
    with pytest.raises(DocumentError, match="Webbsidan"):
        read_bytes(page, "djup.html")
