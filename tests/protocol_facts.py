"""What the parser reads from the test protocols, checked against what a person reads.

Each document in ``tests/fixtures/protocols/`` has a ``facts.json`` (see that folder's
README). ``checks`` turns the facts into named checks (("date",), ("attendee", name),
("item", "112"), ("relation", "leads", subject), ...) and says which hold for a parsed
protocol. ``tests/test_protocols.py`` asserts them; run this file to print, per template, the
share of header fields, attendees, roles, items, decisions, schedules and relations read right:

    .venv/bin/python tests/protocol_facts.py [FOLDER]
"""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.ingest.extract import read_bytes  # noqa: E402
from knowledge.ingest.model import Protocol  # noqa: E402
from knowledge.ingest.parse import parse_document  # noqa: E402
from knowledge.language.text import normalize  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "protocols"
HEADER_FIELDS = ("body", "organisation", "date", "time", "place", "chair", "secretary", "justerare")
PARTS = ("header", "attendee", "role", "item", "decision", "schedule", "relation")
Check = tuple[str, ...]


def fold(value: object) -> str:
    """Equal after folding case, diacritics, dashes and spaces."""
    text = str(value or "").replace("–", "-").replace("—", "-")
    return " ".join(normalize(text).split())


def documents(folder: Path = FIXTURES) -> list[dict[str, Any]]:
    """Every document's facts, in file order."""
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.facts.json"))
    ]


def parse_file(name: str, folder: Path = FIXTURES) -> Protocol:
    path = folder / name
    return parse_document(read_bytes(path.read_bytes(), path.name))


def header_of(protocol: Protocol) -> dict[str, object]:
    """The header fields in the facts' shape."""
    time = None
    if protocol.start:
        time = f"{protocol.start:%H:%M}" + (f"-{protocol.end:%H:%M}" if protocol.end else "")
    return {
        "body": protocol.body,
        "organisation": protocol.organisation,
        "date": protocol.date.isoformat() if protocol.date else None,
        "time": time,
        "place": protocol.place,
        "chair": protocol.chair,
        "secretary": protocol.secretary,
        "justerare": sorted(fold(name) for name in protocol.adjusters),
    }


def checks(protocol: Protocol, facts: dict[str, Any]) -> dict[Check, bool]:
    """Every fact of the document as a named check, and whether the protocol meets it."""
    result: dict[Check, bool] = {}
    header = header_of(protocol)
    for name in HEADER_FIELDS:
        expected = facts[name]
        if isinstance(expected, list):
            result[("header", name)] = header[name] == sorted(fold(n) for n in expected)
        else:
            result[("header", name)] = fold(header[name]) == fold(expected)
    people = {fold(a.name): a for a in protocol.attendees if a.role != "frånvarande"}
    for attendee in facts["attendees"]:
        found = people.get(fold(attendee["name"]))
        result[("attendee", attendee["name"])] = found is not None
        # A person's office and what they did at the meeting are both their role: an ersättare
        # serving for an absent member is "ersättare" and "tjänstgörande ersättare". A role
        # of a title and a function ("socialchef, ordförande") needs both; "1:e vice
        # ordförande" is a "vice ordförande".
        values = (
            {fold(v) for v in (found.function, found.role, found.title) if v} if found else set()
        )
        values |= {re.sub(r"^\d:e ", "", v) for v in values}
        wanted = fold(attendee["role"])
        parts = [fold(part) for part in str(attendee["role"] or "").split(", ")]
        result[("role", attendee["name"])] = (
            found is not None  # the facts give no role: being listed is all
            if attendee["role"] is None
            else bool(values) and (wanted in values or all(part in values for part in parts))
        )
    items = {(item.number or None, fold(item.title)) for item in protocol.items}
    for item in facts["items"]:
        key = item["number"] or item["title"]
        result[("item", key)] = (item["number"], fold(item["title"])) in items
    deciding = {item.number for item in protocol.items if item.decisions and item.number}
    unplaced = 0
    for decision in facts["decisions"]:
        if decision["item"] is None:
            unplaced += 1
            result[("decision", f"unnumbered {unplaced}")] = len(protocol.decisions) >= unplaced
        else:
            result[("decision", decision["item"])] = decision["item"] in deciding
    scheduled = {meeting.date.isoformat(): meeting for meeting in protocol.scheduled}
    for meeting in facts["schedules"]:
        found_meeting = scheduled.get(meeting["date"])
        start = meeting["time"].split("-")[0] if meeting["time"] else None
        result[("schedule", meeting["date"])] = found_meeting is not None and (
            start is None
            or (found_meeting.start is not None and f"{found_meeting.start:%H:%M}" == start)
        )
    relations = {(r.kind, fold(r.subject), fold(r.object)) for r in protocol.relations}
    subjects = {(kind, subject) for kind, subject, _ in relations}
    for relation in facts["relations"]:
        kind, subject = relation["type"], fold(relation["subject"])
        if kind in ("presented", "replaces"):
            ok = (kind, subject, fold(relation["object"])) in relations
            result[("relation", kind, relation["subject"], relation["object"])] = ok
        else:
            result[("relation", kind, relation["subject"])] = (kind, subject) in subjects
    return result


# --- The same document as a generated PDF, DOCX, ODT, RTF and web page ---------------------


def as_pdf(text: str) -> bytes:
    """The text set line by line in a PDF (Helvetica: characters outside Latin-1 folded)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for line in text.replace("\f", "\n").splitlines():
        line = line.replace("\t", "    ").replace("–", "-").replace("—", "-")
        line = "".join(
            c if ord(c) < 256 else unicodedata.normalize("NFKD", c)[0] for c in line
        ).replace("…", "...")
        pdf.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def as_docx(text: str) -> bytes:
    """The text as a Word document, one paragraph a line."""
    from docx import Document

    document = Document()
    for line in text.replace("\f", "\n").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_odt(text: str) -> bytes:
    """The text as an OpenDocument text, one paragraph a line, tabs and spaced columns kept as
    LibreOffice writes them (``text:tab``, ``text:s``)."""
    from xml.sax.saxutils import escape

    def paragraph(line: str) -> str:
        body = re.sub(
            r" {2,}",
            lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>',
            escape(line).replace("\t", "<text:tab/>"),
        )
        return f"<text:p>{body}</text:p>"

    lines = text.replace("\f", "\n").splitlines()
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text>" + "".join(paragraph(line) for line in lines) + "</office:text>"
        "</office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def as_rtf(text: str) -> bytes:
    """The text as RTF, one paragraph a line, letters beyond ASCII as ``\\uN?`` escapes."""

    def escaped(line: str) -> str:
        out = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        out = out.replace("\t", "\\tab ")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in out)

    lines = text.replace("\f", "\n").splitlines()
    body = "".join(escaped(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "}").encode(
        "ascii"
    )


def as_html(text: str) -> bytes:
    """The text as a saved web page inside a site's menu and footer: its paragraphs (between
    blank lines) as ``<p>`` with ``<br>`` between their lines, and the lines a text lays out
    in columns (by tabs or runs of spaces) as the rows of a table."""
    from html import escape

    parts: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\f", "\n\n")):
        lines: list[str] = []
        rows: list[str] = []
        for line in block.splitlines() + [""]:
            if line.strip() and re.search(r"\t| {2,}", line.rstrip()):
                cells = "".join(
                    f"<td>{escape(c)}</td>" for c in re.split(r"\t| {2,}", line.rstrip())
                )
                rows.append(f"<tr>{cells}</tr>")
                continue
            if rows:
                if lines:
                    parts.append("<p>" + "<br>".join(lines) + "</p>")
                    lines = []
                parts.append("<table>" + "".join(rows) + "</table>")
                rows = []
            if line.strip():
                lines.append(escape(line.strip()))
        if lines:
            parts.append("<p>" + "<br>\n".join(lines) + "</p>")
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Protokoll</title>'
        "<script>var menu = 1;</script></head><body>"
        '<div id="cookie-banner">Vi använder kakor. <button>Godkänn</button></div>'
        '<header><nav><ul><li><a href="/">Start</a></li><li>Kommun och politik</li></ul></nav>'
        "</header><main>" + "\n".join(parts) + "</main>"
        "<footer><p>Senast uppdaterad 2026-01-05</p></footer></body></html>"
    ).encode("utf-8")


def main(argv: list[str]) -> None:
    """The table for the test protocols, or for the documents of the folder given (the blind
    evaluation's own, ``tests/eval/blind/documents``, which no test asserts)."""
    folder = Path(argv[0]) if argv else FIXTURES
    print(f"{'document':40} " + " ".join(f"{p:>9}" for p in PARTS))
    totals = {part: [0, 0] for part in PARTS}
    for facts in documents(folder):
        result = checks(parse_file(facts["file"], folder), facts)
        cells = []
        for part in PARTS:
            values = [ok for key, ok in result.items() if key[0] == part]
            totals[part][0] += sum(values)
            totals[part][1] += len(values)
            cells.append(f"{sum(values)}/{len(values)}" if values else "-")
        print(f"{facts['file']:40} " + " ".join(f"{c:>9}" for c in cells))
    shares = [f"{100 * right / total:.0f}%" if total else "-" for right, total in totals.values()]
    print(f"{'all':40} " + " ".join(f"{s:>9}" for s in shares))


if __name__ == "__main__":
    main(sys.argv[1:])
