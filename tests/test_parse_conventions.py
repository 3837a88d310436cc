"""Conventions of Swedish minutes the parser reads, each on a small document of its own
(the test protocols in tests/fixtures/protocols/ hold them too, among much else)."""

from __future__ import annotations

import io

from knowledge.ingest.extract import read_bytes
from knowledge.ingest.parse import parse_document


def _docx_with_table(rows: list[list[str]], merge_down: tuple[int, int] | None = None) -> bytes:
    from docx import Document

    document = Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    if merge_down:
        row, column = merge_down
        merged = table.cell(row, column).merge(table.cell(row + 1, column))
        merged.text = rows[row][column]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_table_cells_of_several_lines_are_read_as_a_person_reads_them() -> None:
    data = _docx_with_table(
        [
            ["Beslutande", "Kjell Hultman (S), ordförande\nRoger Bäck (M)"],
            ["", "Tjänstgörande ersättare:\nTomas Nyberg (S) för Gunilla West (S)"],
            ["Anna Berg\nSekreterare", "Per Ek\nOrdförande"],
            ["Plats", "Kommunhuset"],
        ],
        merge_down=(0, 0),
    )
    lines = [line for line in read_bytes(data, "p.docx").splitlines() if line]
    assert lines == [
        # a label beside a list: the label, then the list one a line; the label merged down
        # over the next row is read once
        "Beslutande",
        "Kjell Hultman (S), ordförande",
        "Roger Bäck (M)",
        "Tjänstgörande ersättare:",
        "Tomas Nyberg (S) för Gunilla West (S)",
        # names above their roles stay in rows, as a signature block is laid out
        "Anna Berg\tPer Ek",
        "Sekreterare\tOrdförande",
        "Plats\tKommunhuset",
    ]


def test_a_substitute_serves_for_the_member_named_after_for() -> None:
    protocol = parse_document(
        "Protokoll\nSocialnämnden\nDatum: 2024-05-06\n\n"
        "Tjänstgörande ersättare\nTomas Nyberg (S) för Gunilla Westerlund (S)\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    [nyberg] = protocol.attendees
    assert (nyberg.function, nyberg.replaces, nyberg.title) == (
        "tjänstgörande ersättare",
        "Gunilla Westerlund",
        None,
    )
