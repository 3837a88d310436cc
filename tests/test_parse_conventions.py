"""Conventions of Swedish minutes the parser reads, each on a small document of its own
(the test protocols in tests/fixtures/protocols/ hold them too, among much else)."""

from __future__ import annotations

from datetime import date, time

from knowledge.ingest.parse import parse_document


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


def test_an_ersattare_for_a_member_among_those_present_serves_for_them() -> None:
    protocol = parse_document(
        "Protokoll\nÄldrenämnden\nDatum: 2023-03-14\n\n"
        "Närvarande ledamöter\nMarianne Fock (S), ordf\n"
        "Yvonne Stål (KD) ers. för Anders Wiberg (KD)\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    stal = next(a for a in protocol.attendees if a.name == "Yvonne Stål")
    assert (stal.role, stal.function, stal.replaces) == (
        "ersättare",
        "tjänstgörande ersättare",
        "Anders Wiberg",
    )


def test_a_line_that_ends_before_a_date_runs_on_into_it() -> None:
    protocol = parse_document(
        "Protokoll\nÖverförmyndarnämnden\nDatum: 2019-11-14\n\n"
        "§ 1 Rekrytering\nEn rekryteringskväll hålls tisdag den\n3 december kl. 18.00 på "
        "stadsbiblioteket.\n\n§ 2 Sammanträdesdagar\nNämnden sammanträder\n"
        "5 februari 2020\n11 mars 2020\n"
    )
    first, second = protocol.items
    assert "hålls tisdag den 3 december kl. 18.00" in first.body
    assert "\n5 februari 2020\n11 mars 2020" in second.body  # a list of dates stays one a line


EXTRACT = """\
NORA KOMMUN
Utdrag ur protokoll
Kommunstyrelsens arbetsutskott
Sammanträdesdatum 2021-06-08
Paragrafer i utdraget: § 92, § 95

§ 92 Medfinansiering av projektet Besöksnäring Bergslagen
Arbetsutskottet beslutar att medfinansiera projektet.

§ 95 Förlängd avgiftsbefrielse för uteserveringar
Arbetsutskottet beslutar att förlänga avgiftsbefrielsen.
"""


def test_an_extract_holds_the_paragraphs_it_was_made_for_with_gaps() -> None:
    protocol = parse_document(EXTRACT)
    assert [item.number for item in protocol.items] == ["92", "95"]
    assert all(item.decisions for item in protocol.items)
    assert protocol.paragraphs == "92, 95"
    assert (protocol.body, protocol.organisation) == (
        "Kommunstyrelsens arbetsutskott",
        "Nora kommun",
    )


def test_an_extract_of_one_paragraph_has_one_item() -> None:
    one = EXTRACT.replace("§ 92, § 95", "§ 95").replace(
        "§ 92 Medfinansiering av projektet Besöksnäring Bergslagen\n"
        "Arbetsutskottet beslutar att medfinansiera projektet.\n\n",
        "",
    )
    assert [item.number for item in parse_document(one).items] == ["95"]
    # a protocol that is no extract keeps to numbers in sequence: 92 and 95 are no agenda
    assert parse_document(EXTRACT.replace("Utdrag ur protokoll", "")).items == []


HEADED_TABLE = """\
Protokoll
Hälso- och sjukvårdsnämnden
Sammanträdesdatum: 2024-10-22

## Beslutande

| Funktion | Namn | Parti | Kommentar |
|---|---|---|---|
| Ordförande | Helena Gyllenbäck | S | |
| 1:e vice ordförande | Jonas Ekvall | C | |
| Ledamot | Per-Anders Öhrn | | §§ 112–118 |
| Tjänstgörande ersättare | Ingela Bohm | S | ersätter Per-Anders Öhrn (S) §§ 119–121 |

## Ersättare, ej tjänstgörande

| Namn | Parti | Kommentar |
|---|---|---|
| Ingela Bohm | S | §§ 112–118 |

## Övriga deltagare

| Namn | Titel | Närvarande vid |
|---|---|---|
| Karin Lundmark | hälso- och sjukvårdsdirektör | hela sammanträdet |

§ 1 Öppnande
Mötet öppnades.

§ 2 Avslutning
Mötet avslutades.
"""


def test_an_attendance_table_is_read_by_its_header_row() -> None:
    protocol = parse_document(HEADED_TABLE)
    people = {a.name: a for a in protocol.attendees}
    assert len(protocol.attendees) == len(people) == 5  # Ingela Bohm once
    assert (people["Helena Gyllenbäck"].function, people["Helena Gyllenbäck"].party) == (
        "ordförande",
        "S",
    )
    assert people["Jonas Ekvall"].function == "1:e vice ordförande"
    # an empty party cell leaves the comment in its column
    assert (people["Per-Anders Öhrn"].party, people["Per-Anders Öhrn"].note) == (None, "§§ 112–118")
    bohm = people["Ingela Bohm"]
    # listed twice, serving from § 119: the serving entry, the other's note qualified
    assert (bohm.function, bohm.replaces) == ("tjänstgörande ersättare", "Per-Anders Öhrn")
    assert bohm.note == "§§ 119–121; ersättare §§ 112–118"
    lundmark = people["Karin Lundmark"]
    assert (lundmark.title, lundmark.note, lundmark.function) == (
        "hälso- och sjukvårdsdirektör",
        "hela sammanträdet",
        "tjänsteperson",
    )
    assert protocol.chair == "Helena Gyllenbäck"


def test_the_role_before_the_name_in_a_list() -> None:
    protocol = parse_document(
        "ÖREBRO KOMMUN\nÖverförmyndarnämnden\nSammanträdesdatum 2019-11-14\n\n"
        "Närvarande ledamöter\n"
        "Ordförande\tGunnel Ahrén (S)\n"
        "Ledamot\tAhmad Noori (S), ej § 91\n"
        "Tjg ersättare\tPer-Erik Sand (KD) för Linnéa Åhs (C)\n\n"
        "Tjänstepersoner\nÖverförmyndarchef\tCamilla Forsberg\n\n"
        "Frånvarande\tLinnéa Åhs (C), ledamot\n\n"
        "Justerare\tPer-Erik Sand (KD)\n\n"
        "§ 84\tVal av justerare\nNämnden utser Per-Erik Sand.\n\n"
        "§ 85\tGodkännande av dagordning\nDagordningen godkänns.\n"
    )
    people = {a.name: a for a in protocol.attendees}
    assert protocol.chair == "Gunnel Ahrén"
    assert (people["Ahmad Noori"].function, people["Ahmad Noori"].note) == ("ledamot", "ej § 91")
    assert (people["Per-Erik Sand"].function, people["Per-Erik Sand"].replaces) == (
        "tjänstgörande ersättare",
        "Linnéa Åhs",
    )
    assert people["Camilla Forsberg"].title == "överförmyndarchef"
    # "Justerare" after the lists is the header's field: no one listed twice, none absent more
    assert people["Per-Erik Sand"].role != "frånvarande"
    assert [a.name for a in protocol.attendees if a.role == "frånvarande"] == ["Linnéa Åhs"]


def test_a_field_of_several_people_lists_them_by_commas() -> None:
    protocol = parse_document(
        "Protokoll\nSocialnämnden\nDatum: 2024-10-22\n"
        "Ordförande: Eva Lind, Kumla kommun\n"
        "Justerande: Mirja Koskinen, Thomas Wallén\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert protocol.chair == "Eva Lind"
    assert protocol.adjusters == ["Mirja Koskinen", "Thomas Wallén"]


def test_a_header_value_wrapped_onto_a_line_in_lower_case_goes_on_there() -> None:
    protocol = parse_document(
        "Protokoll\nHälso- och sjukvårdsnämnden\n\n"
        "Plats och tid: Regionens hus, sal Tiveden, Örebro, tisdagen den 22 oktober 2024\n"
        "kl. 09.00–15.40 (ajournering kl. 12.00–13.00)\n\n"
        "Justering\t241029, Regionens hus\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert (protocol.date, protocol.start, protocol.end) == (
        date(2024, 10, 22),
        time(9),
        time(15, 40),
    )
    assert protocol.place == "Regionens hus, sal Tiveden, Örebro"
    assert protocol.approved == date(2024, 10, 29)


def test_a_forbund_named_by_its_area_owns_the_body() -> None:
    protocol = parse_document(
        "Samordningsförbundet Sydnärke\tPROTOKOLL 2/2025\n"
        "Förbundsstyrelsen\tSammanträdesdatum 2025-03-12\n\n"
        "Ärende 1 Mötets öppnande\nOrdföranden öppnar mötet.\n\n"
        "Ärende 2 Val av justerare\nStyrelsen beslutar att utse Sandra Öhman.\n"
    )
    assert (protocol.body, protocol.organisation) == (
        "Förbundsstyrelsen",
        "Samordningsförbundet Sydnärke",
    )
    shouted = parse_document(
        "KOMMUNALA FUNKTIONSHINDERRÅDET (KFR), HÄLLEFORS KOMMUN\nMinnesanteckningar\n"
        "Datum: 2020-02-03\n\n1. Välkommen\nOrdföranden hälsade välkommen.\n\n"
        "2. Nästa möte\nNästa möte är 30 mars.\n"
    )
    assert (shouted.body, shouted.organisation) == (
        "Kommunala funktionshinderrådet (KFR)",
        "Hällefors kommun",
    )


def test_a_project_in_a_town_after_a_dash_is_part_of_the_title() -> None:
    from knowledge.ingest.parse.people import split_presenters

    title = "Ansökan om medel för förstudie – Bryggan Hallsberg"
    assert split_presenters(title, set()) == (title, [])
    assert split_presenters("Budget 2025 – Anna Berg", set()) == ("Budget 2025", ["Anna Berg"])


RELATIONS = """\
Minnesanteckningar
Kommunala funktionshinderrådet
Datum: 2020-02-03

Närvarande
Kenneth Brolin (S), ordförande
Ingrid Wahlberg, Reumatikerföreningen
Åsa Lindkvist, Autismföreningen
Lena Dahl (M)
Ahmad Noori (S)
Ronny Holm (S)
Karin Lund, hälso- och sjukvårdsdirektör
Amira Selimi, projektledare
Per Ek (V)

1. Välkommen
Åsa Lindkvist är ny representant för Autismföreningen och ersätter Thomas Bäck, som har
avsagt sig uppdraget.

2. Färdtjänst
Rådet vill att frågan lyfts. Kenneth Brolin tar med sig frågan. Lena Dahl lovade att
kontakta tekniska enheten. Ingrid Wahlberg och Åsa Lindkvist planerar temadagen.

3. Jäv
Ahmad Noori (S) anmäler jäv och deltar inte. Ronny Holm (S) tjänstgör i hans ställe.
Lena Dahl (M) föreslår att Per Ek ersätter Lisa Holm i arbetsgruppen.

4. Mobil läkarorganisation
Projektledare Amira Selimi redovisar resultaten från insatsen Steg framåt. Rådet beslutar
att ge hälso- och sjukvårdsdirektören i uppdrag att inrätta en mobil läkarorganisation.
"""


def test_who_replaces_leads_and_is_responsible_in_running_text() -> None:
    relations = {(r.kind, r.subject, r.object) for r in parse_document(RELATIONS).relations}
    assert ("replaces", "Åsa Lindkvist", "Thomas Bäck") in relations
    assert ("replaces", "Ronny Holm", "Ahmad Noori") in relations
    assert ("replaces", "Per Ek", "Lisa Holm") in relations  # the clause's own subject
    assert not any(kind == "replaces" and who == "Lena Dahl" for kind, who, _ in relations)
    assert ("leads", "Amira Selimi", "insatsen Steg framåt") in relations
    responsible = {subject for kind, subject, _ in relations if kind == "responsible"}
    assert responsible == {
        "Kenneth Brolin",
        "Lena Dahl",
        "Ingrid Wahlberg",
        "Åsa Lindkvist",
        "Karin Lund",  # "hälso- och sjukvårdsdirektören": the attendee with that title
    }


CONFIDENTIAL = """\
ÖREBRO KOMMUN\tSAMMANTRÄDESPROTOKOLL
Överförmyndarnämnden\tSammanträdesdatum 2019-11-14

Närvarande ledamöter
Ordförande\tGunnel Ahrén (S)

Tjänstepersoner
Handläggare\tJens Wikander, §§ 89–90
Överförmyndarchef\tCamilla Forsberg

Sekretess\t§§ 89–90 innehåller uppgifter som omfattas av sekretess
enligt 32 kap. 4 § offentlighets- och sekretesslagen.
Besluten i dessa ärenden redovisas i sekretessbilaga.

§ 88\tInternkontrollplan 2020

Nämnden beslutar att anta planen.

§ 89\tÄrende enligt sekretess
Byte av förvaltare, akt nr 1880-2016-0231

§ 90\tÄrende enligt sekretess
Ansökan om samtycke till försäljning av fast egendom,
akt nr 1880-2011-0987

§ 91\tAnmälan av delegationsbeslut

Nämnden beslutar att lägga anmälan till handlingarna.
"""


def test_confidential_items_their_subject_presenter_and_decision_in_an_annex() -> None:
    items = {item.number: item for item in parse_document(CONFIDENTIAL).items}
    assert (
        items["89"].title == "Ärende enligt sekretess – Byte av förvaltare, akt nr 1880-2016-0231"
    )
    assert items["90"].title == (
        "Ärende enligt sekretess – Ansökan om samtycke till försäljning av fast egendom, "
        "akt nr 1880-2011-0987"
    )
    # the official listed for §§ 89–90 only was there to present them
    assert [items[n].presenters for n in ("88", "89", "90", "91")] == [
        [],
        ["Jens Wikander"],
        ["Jens Wikander"],
        [],
    ]
    # the header says their decisions are in the annex
    assert [d.text for d in items["89"].decisions] == [
        "Besluten i dessa ärenden redovisas i sekretessbilaga."
    ]
    assert items["90"].decisions and items["91"].decisions[0].text.startswith("Nämnden beslutar")


SCHEDULE = """\
Protokoll
Hälso- och sjukvårdsnämnden
Sammanträdesdatum: 2024-10-22

§ 1 Uppföljning av uteserveringar
Frågan om avgifter återkommer till nämnden den 17 december. Ärendet återkommer till
regionstyrelsen den 3 december.

§ 2 Sammanträdesplan 2025
Nämnden beslutar att sammanträda följande tisdagar 2025, samtliga kl. 09.00:

- 4 februari
- 9 december

Protokollet är justerat 2024-10-29. Anslaget 2024-10-30 – 2024-11-21.
"""


def test_meetings_a_list_of_a_named_year_and_a_matter_returning_to_the_body_set() -> None:
    meetings = [m.date for m in parse_document(SCHEDULE).scheduled]
    # "återkommer till nämnden" is this body's meeting, not the regionstyrelse's; the list's
    # dates are in the year its introduction names; the closing notice's dates are none
    assert meetings == [date(2024, 12, 17), date(2025, 2, 4), date(2025, 12, 9)]


def test_a_numbered_point_after_och_keeps_its_own_line() -> None:
    protocol = parse_document(
        "Protokoll\nIdrottsnämnden\nDatum: 2024-05-06\n\n"
        "§ 1 Avgifter\nNämnden beslutar att\n1. höja avgiften för ishallen till 900 kr per timme "
        "och\n2. sänka avgiften för sporthallen till 300 kr per timme.\n\n"
        "§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert "\n2. sänka avgiften" in protocol.items[0].body


def test_an_absent_member_with_an_ersattare_note_does_not_serve() -> None:
    protocol = parse_document(
        "Protokoll\nSocialnämnden\nDatum: 2024-05-06\n\n"
        "Närvarande ledamöter\nUlla Sten (S), ordförande\n\n"
        "Frånvarande\nLars Ström (S), ersättare för Ulla Sten (S)\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    strom = next(a for a in protocol.attendees if a.name == "Lars Ström")
    assert strom.function != "tjänstgörande ersättare"


EXPORT = """\
Meetings+ | Testby kommun
Export: Protokoll (text) | Skapad 2024-10-09 08:14

SAMMANTRÄDE
  Organ ...............: Kommunstyrelsen
  Datum ...............: 2024-10-01
  Starttid ............: 08:30
  Plats ...............: Kommunhuset, sammanträdesrum Vättern
  Ordförande ..........: Gunnar Ek (S)
  Sekreterare .........: Ulla Berg

Ärende 1
  Rubrik ..............: Val av justerare
  Paragraf ............: § 142

  Kommunstyrelsens beslut
    Malin Ås (M) utses att justera protokollet.

Ärende 2 (Dnr 2024/201)
  Rubrik ..............: Delårsrapport januari–augusti 2024
  Paragraf ............: § 143

  Kommunstyrelsens beslut
    Delårsrapporten godkänns. Se bilaga... för detaljer.
"""


def test_a_meeting_apps_export_with_dot_leaders_and_item_fields() -> None:
    # "Label ....: value" is a header field; "Ärende N" items take their title from "Rubrik:"
    # and are cited by their "Paragraf: § N"; three dots in prose stay as they are
    protocol = parse_document(EXPORT)
    assert protocol.date == date(2024, 10, 1)
    assert protocol.start == time(8, 30)
    assert protocol.chair == "Gunnar Ek"
    assert [(i.number, i.title) for i in protocol.items] == [
        ("142", "Val av justerare"),
        ("143", "Delårsrapport januari–augusti 2024"),
    ]
    assert "Se bilaga... för detaljer" in protocol.items[1].body


def test_a_body_field_and_a_federation_named_before_its_kind() -> None:
    protocol = parse_document(
        "PROTOKOLL\nNerikes Brandkår – kommunalförbund för Askersund, Kumla och Örebro\n"
        "Organ: Direktionen\nDatum: onsdag 12 juni 2024\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert (protocol.body, protocol.organisation) == ("Direktionen", "Nerikes Brandkår")


def test_a_year_after_the_body_is_the_files_and_its_town_follows() -> None:
    protocol = parse_document(
        "Folkhälsorådet 2023\nKALLELSE\nFolkhälsorådet i Lekebergs kommun\n"
        "Tid: tisdag 14 mars 2023 kl 13.15–15.30\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
    )
    assert (protocol.body, protocol.organisation) == ("Folkhälsorådet", "Lekebergs kommun")


def test_a_letterhead_of_cells_split_by_a_bar() -> None:
    protocol = parse_document(EXPORT)
    assert (protocol.body, protocol.organisation) == ("Kommunstyrelsen", "Testby kommun")


def test_suppleants_vice_chairs_and_titles_in_a_company_board() -> None:
    # a company's or an association's "suppleant" is an ersättare; a label wrapped over two
    # lines ("Suppleant, ej" / "tjänstgörande:") heads its list; "1:e vice ordförande" keeps
    # which vice chair; "VD" is a title; a name ends at its cell
    protocol = parse_document(
        "KARLSKOGAHEM AB\nSTYRELSEPROTOKOLL NR 5/2024\n\n"
        "Tid:            24-09-17 kl 13.00-15.45\n"
        "Plats:          Bolagets kontor, Karlskoga\n\n"
        "Beslutande:     Lars Berg (S), ordförande\n"
        "                Eva Åhlund (M), 1:e vice ordförande\n"
        "                Göran Tell (S)\n"
        "                Nils Holm (C), suppleant, tjänstgör för Anita Back (C)\n\n"
        "Suppleant, ej\n"
        "tjänstgörande:  Ingrid Sjö (S)\n\n"
        "Övriga:         Fredrik Ström, VD\n"
        "                Pia Lind\tEkonomichef\tÄrende 4–6\n\n"
        "Frånvarande:    Anita Back (C)\n\n"
        "§ 1 MÖTETS ÖPPNANDE\nOrdföranden öppnade mötet.\n\n"
        "§ 2 VAL AV JUSTERARE\nStyrelsen beslutade att utse Eva Åhlund.\n"
    )
    people = {a.name: a for a in protocol.attendees}
    assert people["Eva Åhlund"].function == "1:e vice ordförande"
    assert (people["Nils Holm"].role, people["Nils Holm"].replaces) == ("ersättare", "Anita Back")
    assert people["Nils Holm"].function == "tjänstgörande ersättare"
    assert (people["Ingrid Sjö"].role, people["Ingrid Sjö"].function) == ("ersättare", "ersättare")
    assert (people["Fredrik Ström"].title, people["Fredrik Ström"].organisation) == ("VD", None)
    assert people["Pia Lind"].title == "Ekonomichef"


def _export_item(number: int, paragraph: int, title: str, presenter: str, decision: str) -> str:
    return (
        f"Ärende {number} (Dnr 2024/{200 + number})\n"
        f"  Rubrik ..............: {title}\n"
        f"  Paragraf ............: § {paragraph}\n"
        "  Ärendetyp ...........: Beslutsärende\n"
        f"  Föredragande ........: {presenter}\n"
        "  Handlingar ..........:\n"
        "    - Tjänsteskrivelse 2024-09-16\n\n"
        "  Sammanfattning\n"
        f"    Kommundirektören redogör för {title.split()[0].lower()} och bedömningen.\n\n"
        f"  {decision}\n"
        f"    {title.split()[0]} godkänns.\n\n"
        "------------------------------------------------------------\n"
    )


def test_a_meeting_apps_item_fields() -> None:
    # The fields repeated in item after item are no page furniture; the presenter stands
    # among them; a "Rubrik" wraps onto the next line; a sub-heading is no presenter's name;
    # the board's proposal to the council is its decision.
    protocol = parse_document(
        "PROTOKOLL\nKommunstyrelsen, Testby kommun\nSammanträdesdatum 2024-10-01\n\n"
        + _export_item(
            1,
            145,
            "Delårsrapport januari–augusti\n                         2024",
            "Pia Ström, ekonomichef",
            "Kommunstyrelsens förslag till kommunfullmäktige",
        )
        + _export_item(2, 146, "Budget 2025", "Pia Ström, ekonomichef", "Kommunstyrelsens beslut")
        + _export_item(3, 147, "Taxor 2025", "Pia Ström, ekonomichef", "Kommunstyrelsens beslut")
    )
    assert [(i.number, i.title) for i in protocol.items] == [
        ("145", "Delårsrapport januari–augusti 2024"),
        ("146", "Budget 2025"),
        ("147", "Taxor 2025"),
    ]
    assert [i.presenters for i in protocol.items] == [["Pia Ström"]] * 3
    assert all(i.decisions for i in protocol.items)


def test_a_time_under_the_place_stands_beside_a_letterhead_date() -> None:
    # the date is the letterhead's, the time the "Plats och tid" field's wrapped line
    protocol = parse_document(
        "KARLSKOGA KOMMUN                       SAMMANTRÄDESPROTOKOLL            1 (7)\n"
        "Socialnämndens individutskott          Sammanträdesdatum 2025-04-08\n\n\n"
        "Plats och tid:        Stadshuset, Karlskoga, sammanträdesrum Alfred,\n"
        "                      kl. 08.30–11.45\n\n"
        "Beslutande:           Margareta Hjelm (S), ordförande\n\n"
        "IU § 61\nVal av justerare\nStefan Roos utses.\n\n"
        "IU § 62\nAnmälan av delegationsbeslut\nAnmälan läggs till handlingarna.\n"
    )
    assert protocol.date == date(2025, 4, 8)
    assert (protocol.start, protocol.end) == (time(8, 30), time(11, 45))
    assert protocol.place == "Stadshuset, Karlskoga, sammanträdesrum Alfred"


def test_themes_set_in_a_sentence_of_the_themes_item() -> None:
    protocol = parse_document(
        "Minnesanteckningar\nSpecifika samverkansrådet för folkhälsa\nDatum: 2025-03-07\n"
        "Närvarande: Anna Berg, ordförande\n\n1. Mötets öppnande\nMötet öppnades.\n\n"
        "2. Teman till kommande möten\nRådet beslutade att temat vid mötet i juni blir psykisk "
        "hälsa bland äldre\noch vid mötet i september fysisk aktivitet på recept (FaR).\n\n"
        "3. Övrigt\nTemat är spel om pengar och unga på länets konferens.\n"
    )
    assert [t.text for t in protocol.themes] == [
        "psykisk hälsa bland äldre",
        "fysisk aktivitet på recept (FaR)",
    ]
