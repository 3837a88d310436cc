"""Conventions of templates beyond the test protocols: a presence column, lists grouped under
sub-headings, attendance stated in the text, fields behind symbols, an agenda table holding
the minutes, and meetings listed under "Nästa möten:" (each on a small document of its own)."""

from __future__ import annotations

from datetime import date, time

from knowledge.ingest.model import Protocol
from knowledge.ingest.parse import parse_document

ITEMS = "\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"


def _person(protocol: Protocol, name: str) -> tuple[str, str | None, str | None, str | None]:
    found = next(a for a in protocol.attendees if a.name == name)
    return found.role, found.function, found.replaces, found.organisation


def test_a_table_with_a_presence_column() -> None:
    """ "Förhinder" in the presence column is an absence; "Tjänstgör för X" serves for X;
    "Ersättare" in the office column is an ersättare; "Närvarande" is no note."""
    protocol = parse_document(
        "Protokoll\nDirektionen\nDatum: 2024-06-12\n\nNärvaro\n"
        "Namn\tUppdrag\tParti\tMedlemskommun\tNärvaro\n"
        "Jan Hedman\tOrdförande\tS\tÖrebro\tNärvarande\n"
        "Olle Viberg\tLedamot\tM\tAskersund\tFörhinder\n"
        "Britt Ahlin\tErsättare\tS\tAskersund\tTjänstgör för Olle Viberg\n"
        "Sven Dahlgren\tErsättare\tSD\tÖrebro\tEj tjänstgörande\n" + ITEMS
    )
    assert _person(protocol, "Jan Hedman") == ("ledamot", "ordförande", None, "Örebro")
    assert _person(protocol, "Olle Viberg")[0] == "frånvarande"
    assert _person(protocol, "Britt Ahlin") == (
        "ersättare",
        "tjänstgörande ersättare",
        "Olle Viberg",
        "Askersund",
    )
    assert _person(protocol, "Sven Dahlgren")[:2] == ("ersättare", "ersättare")
    assert next(a for a in protocol.attendees if a.name == "Jan Hedman").note is None


def test_a_list_grouped_under_sub_headings_with_towns_as_labels() -> None:
    """ "Länsdel Norr" heads entries and is nobody; "- Nora: Malin Öhman, socialchef" is
    Malin Öhman of Nora; "Region Örebro län" gives its entries their organisation; a struck
    entry marked "(förhinder)" was away; a document heading ends the list."""
    protocol = parse_document(
        "# Chefsgruppen – möte 2025-05-20\n\n## Deltagare\n\n**Länsdel Norr**\n"
        "- Nora: Malin Öhman, socialchef\n"
        "- Ljusnarsberg: ~~Kent Hedin, socialchef~~ (förhinder)\n\n"
        "**Region Örebro län**\n- Karin Lövgren, områdeschef Nära vård\n\n"
        "## Agenda\n\n| Tid | Punkt | Ansvarig |\n|---|---|---|\n"
        "| 13.00 | 1. Inledning | Magnus Ekholm |\n\n"
        "## Anteckningar\n\n### 1. Inledning\nMötet öppnades.\n\n### 2. Avslut\nKlart.\n"
    )
    names = [a.name for a in protocol.attendees]
    assert names == ["Malin Öhman", "Kent Hedin", "Karin Lövgren"]
    assert _person(protocol, "Malin Öhman")[3] == "Nora"
    assert _person(protocol, "Kent Hedin")[0] == "frånvarande"
    assert _person(protocol, "Karin Lövgren")[3] == "Region Örebro län"


def test_other_participants_under_ovriga_deltagande() -> None:
    protocol = parse_document(
        "Protokoll\nSocialnämndens individutskott\nDatum: 2025-04-08\n\n"
        "Övriga deltagande:\tPetra Lundin, socialchef, §§ 71–72\nKarin Rehn, nämndsekreterare\n"
        + ITEMS
    )
    assert [(a.name, a.title) for a in protocol.attendees] == [
        ("Petra Lundin", "socialchef"),
        ("Karin Rehn", "nämndsekreterare"),
    ]


def test_substitutes_serving_listed_in_the_roll_call_item() -> None:
    protocol = parse_document(
        "Protokoll\nRegionfullmäktige\nDatum: 2024-11-26\n\n"
        "Presidium\tIngela Borgström (S), ordförande\n\n"
        "§ 1 Upprop\nFöljande ersättare tjänstgör:\nKerstin Holm (S) för Bo Hedlund (S)\n"
        "Anton Ehn (M) för Cecilia Ström (M)\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert _person(protocol, "Kerstin Holm")[:3] == (
        "ersättare",
        "tjänstgörande ersättare",
        "Bo Hedlund",
    )
    assert _person(protocol, "Anton Ehn")[2] == "Cecilia Ström"


def test_attendance_by_exception_and_a_stand_in_from_the_text() -> None:
    """Those called are the attendance; "alla kallade utom A och B" were away, and one who
    "deltog i stället för B" came, with the title written beside them."""
    protocol = parse_document(
        "Minnesanteckningar\nFolkhälsorådet\nDatum: 2023-03-14\n\nKallade\n"
        "- Kerstin Sjöberg (C), ordförande\n- Per-Olof Svahn (SD)\n- Roland Berg, skolchef\n"
        "- Åsa Kvarnström, socialchef\n\n"
        "1. Mötets öppnande\nNärvarande: alla kallade utom Per-Olof Svahn och Roland Berg "
        "(förhinder). Maria Tell, rektor Lekebergsskolan, deltog i stället för Roland Berg.\n\n"
        "2. Avslutning\nMötet avslutades.\n"
    )
    assert _person(protocol, "Per-Olof Svahn")[0] == "frånvarande"
    assert _person(protocol, "Roland Berg")[0] == "frånvarande"
    assert _person(protocol, "Åsa Kvarnström")[0] == "ledamot"
    tell = next(a for a in protocol.attendees if a.name == "Maria Tell")
    assert (tell.replaces, tell.title) == ("Roland Berg", "rektor Lekebergsskolan")


def test_header_fields_behind_symbols_and_mentions() -> None:
    protocol = parse_document(
        "# Chefsgruppen – möte 2025-05-20\n\n📅 tisdag 20 maj 2025 · 13:00–16:00\n"
        "📍 Kommunhuset, Hallsberg\n✍️ Anteckningar: @Lisa Grönberg · Ordförande: @Magnus Ekholm\n\n"
        "### 1. Inledning\nMötet öppnades.\n\n### 2. Avslut\nKlart.\n"
    )
    assert (protocol.date, protocol.start, protocol.end) == (
        date(2025, 5, 20),
        time(13, 0),
        time(16, 0),
    )
    assert (protocol.place, protocol.chair, protocol.secretary) == (
        "Kommunhuset, Hallsberg",
        "Magnus Ekholm",
        "Lisa Grönberg",
    )


def test_an_agenda_table_that_holds_the_minutes() -> None:
    """A row's long minutes cell keeps it an item; the presenter's column names the presenters
    without their times; an attachment in the title cell is no part of the title; "X valdes
    att justera" names the justerare."""
    minutes = "Ordföranden öppnade mötet. Mona Eriksson valdes att justera anteckningarna. " * 6
    protocol = parse_document(
        "Minnesanteckningar\nFolkhälsorådet\nTid: 2023-03-14 kl 13.15\n\nKallade\n"
        "- Kerstin Sjöberg (C), ordförande\n- Mona Eriksson (M)\n- Hanna Lindgren, strateg\n\n"
        "Nr\tÄrende\tFöredragande, tid\tAnteckning\n"
        f"1\tMötets öppnande\tKerstin Sjöberg 13.15\t{minutes}\n"
        "2\tFolkhälsoplan 2023–2026 Bilaga: remissversion\tHanna Lindgren, Mona Eriksson "
        "(M) 13.30–14.00\tPlanen gicks igenom.\n"
    )
    assert len(minutes) > 400
    assert [(i.number, i.title, i.presenters) for i in protocol.items] == [
        ("1", "Mötets öppnande", ["Kerstin Sjöberg"]),
        ("2", "Folkhälsoplan 2023–2026", ["Hanna Lindgren", "Mona Eriksson"]),
    ]
    assert protocol.adjusters == ["Mona Eriksson"]


def test_meetings_listed_under_nasta_moten_and_both_at_one_time() -> None:
    protocol = parse_document(
        "Protokoll\nSocialnämnden\nDatum: 2025-04-08\n\n"
        "§ 1 Information från AU\nNästa AU-möte är tisdag 2025-06-03 kl. 08.30–10.00.\n\n"
        "§ 2 Övriga frågor och nästa möte\nInga frågor.\n\nNästa möten:\n"
        "- tisdag 2025-06-17 kl. 09.00–12.00 via Teams\n- tisdag 2025-08-26 i Regionhuset\n\n"
        "§ 3 Kommande sammanträden\nNästa sammanträden är tisdagen den 29 april 2025 och "
        "tisdagen den 13 maj 2025, båda kl. 08.30 i sammanträdesrum Alfred.\n"
    )
    scheduled = {m.date: m for m in protocol.scheduled}
    # the AU's meeting is the arbetsutskott's, not the nämnd's next
    assert date(2025, 6, 3) not in scheduled
    assert set(scheduled) >= {
        date(2025, 6, 17),
        date(2025, 8, 26),
        date(2025, 4, 29),
        date(2025, 5, 13),
    }
    assert scheduled[date(2025, 6, 17)].start == time(9, 0)
    assert (scheduled[date(2025, 5, 13)].start, scheduled[date(2025, 5, 13)].place) == (
        time(8, 30),
        "sammanträdesrum Alfred",
    )


def test_a_schedule_of_yearless_weekdays_with_a_common_time() -> None:
    protocol = parse_document(
        "Protokoll\nRegionfullmäktige\nDatum: 2024-11-26\n\n§ 1 Öppnande\nMötet öppnades.\n\n"
        "§ 2 Sammanträdesplan 2025\nSammanträdena börjar kl. 09.30 i sessionssalen.\n\n"
        "   tisdag 11 februari\n   tisdag–onsdag 25–26 november (budget)\n\n"
        "Sammanträdesplanen fastställs.\n"
    )
    scheduled = {m.date: m.start for m in protocol.scheduled}
    assert scheduled == {
        date(2025, 2, 11): time(9, 30),
        date(2025, 11, 25): time(9, 30),
        date(2025, 11, 26): time(9, 30),
    }


def test_a_title_broken_before_a_conjunction_goes_on_on_the_next_line() -> None:
    protocol = parse_document(
        "Protokoll\nRegionfullmäktige\nDatum: 2024-11-26\n\nRF § 207\nVal av justerare\n\n"
        "RF § 208\nInterpellation från Robert Lund (SD) om busstrafiken mellan Kopparberg\n"
        "och Hällefors\n\nMarie Falk (M) besvarar interpellationen.\n"
    )
    assert protocol.items[-1].title == (
        "Interpellation från Robert Lund (SD) om busstrafiken mellan Kopparberg och Hällefors"
    )
    assert protocol.items[-1].body.startswith("Marie Falk")


def test_a_list_in_groups_and_entries_behind_their_organisation() -> None:
    """ "Politiker:" and "Organisationer:" group one list; "DHR: Marita Lund" is Marita Lund
    of DHR, and "HRF Nora" is the association, not the town. A place in the running line
    ends with it."""
    protocol = parse_document(
        "Minnesanteckningar\nKommunala rådet för funktionshinderfrågor\n"
        "Måndagen den 27 maj 2024 kl. 14.00–16.10 i sammanträdesrum Gyttorp, Nora\n"
        "Närvarande\nPolitiker:\nBirgitta Nordin (S), ordförande\n\nOrganisationer:\n"
        "DHR: Marita Lund\nHRF Nora: Inger Sahlin\n\nFörhinder:\nUlf Sand (SD)\n" + ITEMS
    )
    assert protocol.place == "sammanträdesrum Gyttorp, Nora"
    people = {a.name: (a.role, a.organisation) for a in protocol.attendees}
    assert people == {
        "Birgitta Nordin": ("ledamot", None),
        "Marita Lund": ("ledamot", "DHR"),
        "Inger Sahlin": ("ledamot", "HRF Nora"),
        "Ulf Sand": ("frånvarande", None),
    }


def test_a_deadline_is_no_meeting_and_nasta_moten_lists_them() -> None:
    """ "Nomineringar lämnas senast den 15 september" is a deadline; the dates under an item
    titled "Nästa möten" are meetings."""
    protocol = parse_document(
        "Protokoll\nRådet\nDatum: 2024-05-27\n\n§ 1 Övriga frågor\nNomineringar lämnas senast "
        "den 15 september 2024 inför nästa möte.\n\n§ 2 Nästa möten\n"
        "Datum\tTid\tPlats\nOnsdag 28 augusti\t10.00–11.30\tKommunhuset\n"
    )
    assert [m.date for m in protocol.scheduled] == [date(2024, 8, 28)]


def test_sections_after_the_items_are_no_part_of_the_last() -> None:
    """ "## Beslut" after "### 2 Nästa möte" ends the item; its rows give each item its
    decision, and "## Åtgärder" (a deadline a row) is a section of its own, no meetings."""
    protocol = parse_document(
        "# Styrgrupp\nDatum: 2025-09-24\n\n## Anteckningar\n\n"
        "### 1 Ekonomi\nBudgeten redovisades.\n\n"
        "### 2 Nästa möte\n- onsdag 19 november 2025 kl. 13.00–15.00, Teams\n\n## Beslut\n\n"
        "| Punkt | Beslut |\n|---|---|\n| 1 | 300 tkr förs över till 2026. |\n\n## Åtgärder\n\n"
        "| Vad | Vem | När |\n|---|---|---|\n| Ta fram underlag | Sara Jafari | 2025-11-01 |\n"
    )
    assert [(i.number, i.title) for i in protocol.items] == [
        ("1", "Ekonomi"),
        ("2", "Nästa möte"),
        ("", "Åtgärder"),
    ]
    assert [d.text for d in protocol.items[0].decisions] == ["300 tkr förs över till 2026."]
    assert [(m.date, m.place) for m in protocol.scheduled] == [(date(2025, 11, 19), "Teams")]


def test_lettered_sub_points_are_paragraphs_of_their_own() -> None:
    """ "a) …", "b) …" under an item are points of a list, not one wrapped sentence."""
    from knowledge.ingest.parse.lines import reflow

    assert reflow(
        [
            "Information från organisationerna:",
            "a) SRF: Vita käppens dag den 15 oktober.",
            "b) HRF: Hörslingan i Nora kyrka",
            "fungerar inte.",
        ]
    ).split("\n") == [
        "Information från organisationerna:",
        "a) SRF: Vita käppens dag den 15 oktober.",
        "b) HRF: Hörslingan i Nora kyrka fungerar inte.",
    ]


def test_coming_meetings_named_in_an_information_item() -> None:
    """ "Nämndens kommande sammanträden är onsdag 23 april och onsdag 21 maj 2025, båda kl.
    13.00 i sammanträdesrum Vättern": both, with their time and place."""
    protocol = parse_document(
        "Protokoll\nBarn- och utbildningsnämnden\nDatum: 2025-03-19\n\n§ 55 Meddelanden\nInga.\n\n"
        "§ 56 Förvaltningschefen informerar\nFörvaltningschefen informerar om följande:\n"
        "– Nämndens kommande sammanträden är onsdag 23 april och onsdag 21 maj 2025, båda\n"
        "kl. 13.00 i sammanträdesrum Vättern.\n"
    )
    assert [(m.date, m.start, m.place) for m in protocol.scheduled] == [
        (date(2025, 4, 23), time(13), "sammanträdesrum Vättern"),
        (date(2025, 5, 21), time(13), "sammanträdesrum Vättern"),
    ]
