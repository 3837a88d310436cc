"""Layouts that looked like the wave-6 templates and are not: a roll call typed as a Word
numbered list, a covering e-mail that says "idag", a notice that mentions all members, a
member who came late, services listed like people, labels inside a roll call, a front matter
list on one line, and a clause after a meeting's date. Every case is a small document."""

from __future__ import annotations

import io
from datetime import date

from knowledge.ingest.extract import read_bytes
from knowledge.ingest.front_matter import front_matter_as_fields
from knowledge.ingest.model import Protocol
from knowledge.ingest.parse import parse_document

HEAD = "PROTOKOLL\nSocialnämnden, Kumla kommun\nDatum: 4 mars 2026\nPlats: Kumla stadshus\n\n"
ITEMS = "\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Budget\nNämnden beslutar att godkänna förslaget.\n"


def _people(protocol: Protocol) -> dict[str, str]:
    return {a.name: a.role for a in protocol.attendees}


def test_a_roll_call_typed_as_a_numbered_word_list_stays_a_roll_call() -> None:
    from docx import Document

    document = Document()
    for text in ("PROTOKOLL", "Kommunstyrelsen, Hällefors kommun", "Datum: 3 november 2026"):
        document.add_paragraph(text)
    document.add_paragraph("Närvarande")
    for name in ("Anna Berg (S), ordförande", "Per Ek (M)", "Lisa Holm (V)"):
        document.add_paragraph(name, style="List Number")
    document.add_paragraph("§ 12 Budget 2027")
    document.add_paragraph("Kommunstyrelsen beslutar att godkänna budgeten.")
    document.add_paragraph("§ 13 Detaljplan för Sävsjön")
    document.add_paragraph("Kommunstyrelsen beslutar att anta detaljplanen.")
    buffer = io.BytesIO()
    document.save(buffer)
    protocol = parse_document(read_bytes(buffer.getvalue(), "ks.docx"))
    assert list(_people(protocol)) == ["Anna Berg", "Per Ek", "Lisa Holm"]
    assert [(i.number, i.title) for i in protocol.items] == [
        ("12", "Budget 2027"),
        ("13", "Detaljplan för Sävsjön"),
    ]


def test_an_e_mail_saying_idag_keeps_the_minutes_own_date() -> None:
    protocol = parse_document(
        "Från: Eva Sundin <eva@lindesberg.se>\nSkickat: den 20 november 2026 09:14\n"
        "Till: Socialnämnden\nÄmne: Protokoll\n\nHär kommer protokollet som justerades idag.\n\n"
        "PROTOKOLL\nSocialnämnden, Lindesbergs kommun\nDatum: 12 november 2026\n\nNärvarande\n"
        "Anna Berg (S), ordförande\nPer Ek (M)\n" + ITEMS
    )
    assert protocol.date == date(2026, 11, 12)
    assert (protocol.body, protocol.organisation) == ("Socialnämnden", "Lindesbergs kommun")


def test_a_notice_that_mentions_all_members_names_no_one_present() -> None:
    notice = parse_document(
        "KALLELSE\nKultur- och fritidsnämnden, Nora kommun\nTid: Tisdag 8 december 2026 kl. 13.00\n"
        "\nKallade\nAnna Berg (S), ordförande\nPer Ek (M)\nKarin Lind (S), ersättare\n\n"
        "Föredragningslista\n1. Mötets öppnande\n2. Budget 2027\nHandlingar skickas till "
        "samtliga ledamöter.\n3. Övriga frågor\n"
    )
    assert notice.attendees == []


def test_a_late_arrival_and_the_substitute_until_then() -> None:
    """ "från kl. 14.30" is a note of when he came, for part of the meeting only."""
    from knowledge.bodies import for_part_of_meeting

    protocol = parse_document(
        f"{HEAD}Beslutande\nAnna Berg (S), ordförande\nPer Ek (M), från kl. 14.30\n\n"
        "Tjänstgörande ersättare\nKarin Lind (M), för Per Ek till kl. 14.30\n" + ITEMS
    )
    per = next(a for a in protocol.attendees if a.name == "Per Ek")
    assert (per.role, per.note) == ("ledamot", "från kl. 14.30")
    assert for_part_of_meeting(per.note)
    assert not for_part_of_meeting("förhinder, ersätts i samtliga ärenden")


def test_services_in_a_list_are_no_people() -> None:
    protocol = parse_document(
        f"{HEAD}Närvarande\nAnna Berg (Nora kommun)\nElevhälsan (Nora kommun)\n"
        "Socialtjänsten (Region Örebro län)\nSandra (Ljusnarsbergs kommun)\n" + ITEMS
    )
    assert list(_people(protocol)) == ["Anna Berg", "Sandra"]


def test_labels_inside_a_roll_call() -> None:
    """A header's field is no entry; "Föredragande:", "Från förvaltningen:" and "Tjänstgör för
    X:" give their entries a role of their own."""
    protocol = parse_document(
        f"{HEAD}Närvarande\nAnna Berg (S), ordförande\nLisa Holm (V)\nProtokollförare: Kim Lund\n"
        "Föredragande: Sara Ström, ekonomichef\nFrån förvaltningen: Olle Berg, teknisk chef\n"
        "Tjänstgör för Per Ek: Karin Lind (M)\n" + ITEMS
    )
    people = {a.name: (a.role, a.replaces) for a in protocol.attendees}
    assert "Kim Lund" not in people
    assert people["Sara Ström"] == ("övrig närvarande", None)
    assert people["Olle Berg"] == ("tjänsteperson", None)
    assert people["Karin Lind"] == ("ersättare", "Per Ek")


def test_a_front_matter_list_on_one_line() -> None:
    text = front_matter_as_fields(
        "---\ndate: 2026-10-14\nattendees: [Anna Berg (Region Örebro län), Per Ek (Kumla kommun)]"
        '\nabsent: ["Johan Nyström, Laxå kommun"]\n---\n\nText.\n'
    )
    assert "Deltagare:\n- Anna Berg (Region Örebro län)\n- Per Ek (Kumla kommun)" in text
    assert "Frånvarande:\n- Johan Nyström, Laxå kommun" in text


def test_a_clause_after_a_meetings_date_is_no_place() -> None:
    protocol = parse_document(
        f"{HEAD}§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Nästa möte\nNästa möte hålls torsdag 10 "
        "december 2026 kl. 13.00–15.00, Anna Berg skickar kallelse.\n"
    )
    assert [(m.date, m.place) for m in protocol.scheduled] == [(date(2026, 12, 10), None)]


def test_first_names_that_end_like_nouns_and_a_labelled_chair() -> None:
    """ "Anna", "Kristina", "Jörgen" are names (only a service's words tell a service), and
    "Ordförande: Anna Berg" inside a roll call is the chair, at the meeting."""
    protocol = parse_document(
        f"{HEAD}Närvarande\nOrdförande:\tAnna Berg (S)\nLisa Holm (V)\n\nVi som var med:\n"
        "Kristina (Nora kommun)\nJörgen (Laxå kommun)\nElevhälsan (Nora kommun)\n" + ITEMS
    )
    assert list(_people(protocol)) == ["Anna Berg", "Lisa Holm", "Kristina", "Jörgen"]


def test_an_e_mail_naming_its_next_meeting_is_still_dated_by_gardagens_mote() -> None:
    protocol = parse_document(
        "Från: Malin <m@lindesberg.se>\nDatum: ons 19 nov. 2026 kl. 16:47\nTill: gruppen\n"
        "Ämne: Sammanfattning\n\nHär kommer en sammanfattning från gårdagens möte i "
        "arbetsgruppen för suicidprevention.\n\nNästa möte: 18 december 2026.\n\n"
        "Vi som var med:\nMalin (Lindesbergs kommun)\nPeter (Nora kommun)\n"
    )
    assert protocol.date == date(2026, 11, 18)
