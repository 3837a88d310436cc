"""Documents as they arrive, made into lines the parser reads: Word tables, markdown tables,
PDF columns and footers, minutes pasted into an e-mail (the conventions the test protocols in
tests/fixtures/protocols/ hold too, each here on a small document of its own)."""

from __future__ import annotations

import io
from datetime import date

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


def test_a_markdown_table_keeps_its_empty_cells() -> None:
    from knowledge.ingest.clean import clean_text

    text = clean_text("| Ledamot | Ja | Nej | Avstår |\n|---|---|---|---|\n| Anna Berg | | X | |\n")
    assert text.splitlines()[1] == "Anna Berg\t\tX"


def test_pdf_columns_with_text_run_over_the_edge_justified_lines_and_amounts() -> None:
    from knowledge.ingest.columns import page_text

    layout = "\n".join(
        [
            "Ledamöter                                   Ersättare",
            "Maria Holm (S), Region Örebro län           Ola Burman (KD)",
            "Stefan Ahl, vice ordförande, ArbetsförmedlingenKarin Ståhl, Försäkringskassan",
            "Anders Kihl (S), Askersunds kommun          Jessica Ljung, förbundschef",
            "                                            Per Lund, ekonom",
            "",
            "att   bevilja   Hallsbergs   kommun   180   000   kr   för   förstudien",
            "under 2025.",
            "",
            "Insats                       Insatsägare            Belopp (kr)",
            "Steg framåt                  Kumla kommun             1 450 000",
            "Hälsolots Laxå               Laxå kommun                380 000",
            "Summa                                                 1 830 000",
        ]
    )
    assert page_text(layout).split("\n") == [
        # the left column's text ran into the right one's: cut where the words meet
        "Ledamöter",
        "Maria Holm (S), Region Örebro län",
        "Stefan Ahl, vice ordförande, Arbetsförmedlingen",
        "Anders Kihl (S), Askersunds kommun",
        "Ersättare",
        "Ola Burman (KD)",
        "Karin Ståhl, Försäkringskassan",
        "Jessica Ljung, förbundschef",
        "Per Lund, ekonom",
        "",
        # a justified line is one text, not a row of cells
        "att bevilja Hallsbergs kommun 180 000 kr för förstudien",
        "under 2025.",
        "",
        # a column of amounts under its heading keeps the rows
        "Insats\tInsatsägare\tBelopp (kr)",
        "Steg framåt\tKumla kommun\t1 450 000",
        "Hälsolots Laxå\tLaxå kommun\t380 000",
        "Summa\t1 830 000",
    ]


def test_a_footer_line_ending_in_the_page_number_is_furniture() -> None:
    from knowledge.ingest.clean import clean_text

    letterhead = "Samordningsförbundet Sydnärke\tPROTOKOLL\nFörbundsstyrelsen\t2025-03-12\n\n"
    pages = ["Styrelsen beslutar\n", "att godkänna årsredovisningen,\n", "Mötet avslutas.\n"]
    raw = "".join(
        f"{letterhead}{page}\nJusterandes signatur ___\tSida {n} av 3\n\n"
        for n, page in enumerate(pages, 1)
    )
    text = clean_text(raw)
    assert "Sida" not in text and "signatur" not in text
    assert "Styrelsen beslutar att godkänna årsredovisningen," in text.splitlines()


MAIL = """\
Från: Annika Rydholm <annika.rydholm@hallefors.se>
Skickat: den 5 februari 2020 10:17
Till: KFR Hällefors; Kenneth Brolin
Ämne: Minnesanteckningar KFR

Hej alla! Här kommer anteckningarna.

Minnesanteckningar från rådets möte den 3 februari 2020 i Kommunhuset.

Närvarande
Kenneth Brolin (S), ordförande
Annika Rydholm, nämndsekreterare

1. Välkommen
Ordföranden hälsade välkommen.

2. Nästa möte
Nästa möte är måndag 30/3 kl. 13:30.

-----Ursprungligt meddelande-----
Från: Kenneth Brolin <kenneth.brolin@hallefors.se>
Skickat: den 4 februari 2020 16:02
Till: Annika Rydholm
Ämne: SV: Minnesanteckningar KFR

Ser bra ut.
"""


def test_minutes_in_an_e_mail_are_dated_by_the_meeting_not_the_message() -> None:
    protocol = parse_document(MAIL)
    assert protocol.date == date(2020, 2, 3)
    assert [m.date for m in protocol.scheduled] == [date(2020, 3, 30)]
    assert "Ser bra ut" not in protocol.text and "Skickat" not in protocol.text


def test_a_table_row_with_even_gaps_is_no_justified_line() -> None:
    from knowledge.ingest.columns import page_text

    layout = (
        "Nr    Ärende    Ansvarig\n1    Mötets öppnande    Ordföranden öppnade mötet och hälsade"
    )
    assert page_text(layout).split("\n") == [
        "Nr\tÄrende\tAnsvarig",  # short of the block's width
        "1\tMötets öppnande\tOrdföranden öppnade mötet och hälsade",  # cells of several words
    ]


def test_a_letter_quoted_inside_an_item_is_no_end_of_the_minutes() -> None:
    from knowledge.ingest.clean import clean_text

    text = clean_text(
        "1. Skrivelse\nEn skrivelse har kommit in.\n"
        "Från: Anna Berg\nSkickat: den 2 mars 2020\nTill: Rådet\nÄmne: Ledstråk\n"
        "Ledstråken saknas.\n\n2. Nästa möte\nNästa möte är 30 mars.\n"
    )
    assert "Skickat" not in text and "Ledstråken saknas." in text and "2. Nästa möte" in text


FORWARDED = """Ämne: VB: Kort sammanfattning från gårdagens möte
Från: Lotta Åberg <lotta.aberg@hallefors.se>
Till: Göran Lindh <goran.lindh@hallefors.se>
Datum: mån 17 nov. 2025 09:12

Hej Göran! Här är Malins sammanfattning.

---------- Vidarebefordrat meddelande ---------
Från: Malin Strömberg <malin.stromberg@lindesberg.se>
Date: ons 12 nov. 2025 kl. 16:47
Subject: Kort sammanfattning från gårdagens möte
To: <arbetsgrupp@lindesberg.se>

Hej alla, här kommer en kort sammanfattning från gårdagens möte i arbetsgruppen för
suicidprevention i norra länsdelen.
Sandra gick igenom personalenkäten: 214 har svarat.

Nästa möte blir tisdag den 9 december kl. 13–15 på Teams.

Vi som var med:
Malin (Lindesbergs kommun)
Sandra (Ljusnarsbergs kommun)
Peter (Nora kommun)
Förhinder: Eva (Region Örebro län, Vårdcentralen Nora)

Ha det fint!
Malin

--
Malin Strömberg
Folkhälsostrateg
"""


def test_a_forwarded_summary_is_kept_and_dated_by_the_day_it_was_written() -> None:
    """A forward passes the message on (a reply's quote is older and left out), and
    "gårdagens möte" in a message sent on 12 November was held on the 11th."""
    protocol = parse_document(FORWARDED)
    assert protocol.date == date(2025, 11, 11)
    assert "214 har svarat" in protocol.text
    assert [m.date for m in protocol.scheduled] == [date(2025, 12, 9)]
    # Minutes without headings, whose people are listed last, by first name and organisation;
    # the signature under the list is nobody's attendance.
    assert protocol.kind == "protocol"
    assert protocol.body == "Arbetsgruppen för suicidprevention i norra länsdelen"
    people = {a.name: (a.role, a.organisation) for a in protocol.attendees}
    assert people == {
        "Malin": ("ledamot", "Lindesberg"),
        "Sandra": ("ledamot", "Ljusnarsberg"),
        "Peter": ("ledamot", "Nora"),
        "Eva": ("frånvarande", "Region Örebro län"),
    }


def test_the_body_its_owner_and_the_meetings_number_in_a_title() -> None:
    """ "Delregional styrgrupp, Närvårdssamverkan Södra länsdelen": the body and whose it is;
    "STYRELSEPROTOKOLL NR 5/2024" under "KARLSKOGAHEM AB": the board of the company; a
    meeting's number is no part of the body's name."""
    items = "\n\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nKlart.\n"
    styrgrupp = parse_document(
        "# Minnesanteckningar – Delregional styrgrupp, Närvårdssamverkan Södra länsdelen\n"
        "Datum\tTid\tPlats\tOrdförande\tAnteckningar\n"
        "2025-10-09\t09.00–12.00\tKumla kommunhus\tUlrika Hammarström\tJosefin Ek" + items
    )
    assert (styrgrupp.body, styrgrupp.organisation) == (
        "Delregional styrgrupp",
        "Närvårdssamverkan Södra länsdelen",
    )
    # The labels above their values, a table's two rows.
    assert (styrgrupp.place, styrgrupp.chair, styrgrupp.secretary) == (
        "Kumla kommunhus",
        "Ulrika Hammarström",
        "Josefin Ek",
    )
    board = parse_document("KARLSKOGAHEM AB\nSTYRELSEPROTOKOLL NR 5/2024\n\nTid: 24-09-17" + items)
    assert (board.body, board.organisation) == ("Styrelsen", "Karlskogahem AB")
    numbered = parse_document("# Styrgrupp Trygg hemgång – möte 4/2025\nDatum: 2025-09-24" + items)
    assert numbered.body == "Styrgrupp Trygg hemgång"


def test_a_proposal_repeated_as_the_decision_is_no_page_furniture() -> None:
    """The att-clauses of "Förslag till beslut" come again under "Beslut": both are kept."""
    clauses = (
        "att notera informationen, och\natt uppdra åt socialchefen att redovisa en åtgärdsplan\n"
        "    för att minska placeringskostnaderna vid utskottets sammanträde den 13 maj 2025.\n"
    )
    protocol = parse_document(
        "Protokoll\nIndividutskottet\nDatum: 2025-04-08\n\n§ 72 Placeringskostnader\n"
        f"Förslag till beslut\n{clauses}\nYrkanden\nStefan Roos (M) yrkar bifall.\n\n"
        f"Beslut\nIndividutskottet beslutar\n{clauses}\n§ 73 Övrigt\nInget.\n"
    )
    decided = [d.text for d in protocol.items[0].decisions]
    assert len(decided) == 1 and "åtgärdsplan" in decided[0]
