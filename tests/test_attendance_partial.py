"""Attendance the minutes qualify: absent or replaced for some items only, a presence mark
before a name, a notice's list of those called, and sentences that only look like a roll call.
Each case is a small document of its own; every claim of absence must be one the text makes."""

from __future__ import annotations

from datetime import time

from knowledge.ingest.model import Protocol
from knowledge.ingest.parse import parse_document

HEAD = "Protokoll\nSocialnämnden, Kumla kommun\nDatum: 2024-06-12\n\n"
ITEMS = "\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Avslutning\nMötet avslutades.\n"
MEMBERS = "Beslutande\nAnna Berg (S), ordförande\nPer Ek (M)\nLisa Holm (V)\n"


def _roles(protocol: Protocol) -> dict[str, str]:
    return {a.name: a.role for a in protocol.attendees}


def test_all_members_but_one_in_a_decision_is_no_roll_call() -> None:
    """ "Samtliga ledamöter utom X ställde sig bakom förslaget" is how X voted, not that X
    was away; the roll call's "alla kallade utom X (förhinder)" still is."""
    for sentence in (
        "Samtliga ledamöter utom Per Ek (M) ställde sig bakom förslaget.",
        "Alla ledamöter förutom Per Ek (M) röstade för förslaget.",
    ):
        protocol = parse_document(f"{HEAD}{MEMBERS}\n§ 1 Budget\n{sentence}\n\n§ 2 Slut\nKlart.\n")
        assert _roles(protocol)["Per Ek"] == "ledamot", sentence
    for roll_call_sentence in (
        "Närvarande: Samtliga ledamöter utom Per Ek var närvarande.",
        "Samtliga ledamöter utom Per Ek som meddelat förhinder deltog i mötet.",
        "Samtliga ledamöter utom Per Ek (M), vice ordförande.",
    ):
        said = parse_document(
            f"{HEAD}{MEMBERS}\n§ 1 Upprop\n{roll_call_sentence}\n\n§ 2 Slut\nKlart.\n"
        )
        assert _roles(said)["Per Ek"] == "frånvarande", roll_call_sentence
    roll_call = parse_document(
        f"{HEAD}Kallade\n- Anna Berg (S), ordförande\n- Per Ek (M)\n\n"
        "§ 1 Öppnande\nNärvarande: alla kallade utom Per Ek (förhinder).\n\n§ 2 Slut\nKlart.\n"
    )
    assert _roles(roll_call) == {"Anna Berg": "ledamot", "Per Ek": "frånvarande"}


def test_a_notice_lists_those_called_not_those_who_came() -> None:
    """A kallelse's "Kallade" are invited to a meeting not yet held: nobody attended it."""
    notice = parse_document(
        "KALLELSE\nFolkhälsorådet, Lekebergs kommun\nTid: tisdag 16 maj 2023 kl. 13.15–15.30\n"
        "Plats: Kommunhuset, Fjugesta\n\nKallade\n- Kerstin Sjöberg (C), ordförande\n"
        "- Anders Fröjd (S), vice ordförande\n- Roland Berg, skolchef\n\n"
        "Föredragningslista\n1. Mötets öppnande\n2. Folkhälsoplan\n3. Avslutning\n"
    )
    assert notice.attendees == []
    all_came = parse_document(
        f"{HEAD}Kallade\n- Anna Berg (S), ordförande\n- Lisa Holm (M), ersättare\n\n"
        "§ 1 Öppnande\nNärvarande: samtliga kallade.\n\n§ 2 Slut\nKlart.\n"
    )
    assert _roles(all_came) == {"Anna Berg": "ledamot", "Lisa Holm": "ersättare"}


def test_away_for_some_items_is_at_the_meeting() -> None:
    """ "(frånvarande § 2)", "(förhinder § 1)": they left or came late; the note keeps which."""
    protocol = parse_document(
        f"{HEAD}Närvarande ledamöter\nAnna Berg (S), ordförande\n"
        "Per Ek (M) (frånvarande § 2)\nLisa Holm (V) (förhinder § 1)\n" + ITEMS
    )
    assert _roles(protocol) == {"Anna Berg": "ledamot", "Per Ek": "ledamot", "Lisa Holm": "ledamot"}
    assert next(a.note for a in protocol.attendees if a.name == "Per Ek") == "frånvarande § 2"


def test_absence_marked_in_a_cell_after_the_name() -> None:
    """ "Per Ek (M), förhinder", "– frånvarande", a tab "Förhinder": away, whatever the cell;
    "ersätts i samtliga ärenden" is the whole meeting, not some items."""
    protocol = parse_document(
        f"{HEAD}Beslutande\nAnna Berg (S), ordförande\nPer Ek (M), förhinder\n"
        "Lisa Holm (V) – frånvarande\nKarin Sand (C), ej närvarande\nOlle Lund (KD)\tFörhinder\n"
        "Stig Borg (L) (förhinder, ersätts i samtliga ärenden av Eva Dahl)\n" + ITEMS
    )
    roles = _roles(protocol)
    assert roles.pop("Anna Berg") == "ledamot"
    assert set(roles.values()) == {"frånvarande"}


def test_a_stand_in_on_a_line_of_its_own_before_the_items() -> None:
    """The text after "i stället för Roland Berg" ends with its line: the next item's "§" says
    nothing of how long Maria Tell stood in."""
    protocol = parse_document(
        f"{HEAD}Kallade\n- Anna Berg\n- Roland Berg, skolchef\n\nMaria Tell, rektor, deltog i "
        "stället för Roland Berg\n\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Slut\nKlart.\n"
    )
    assert _roles(protocol)["Roland Berg"] == "frånvarande"


def test_serving_for_one_item_leaves_the_member_at_the_meeting() -> None:
    """A substitute serving for a member during one § (jäv) says nothing of the rest."""
    in_the_text = parse_document(
        f"{HEAD}{MEMBERS}\nErsättare\nKarl Strand (M)\n\n§ 1 Bygglov\nPer Ek anmäler jäv. "
        "Karl Strand tjänstgör i stället för Per Ek under paragrafen.\n\n§ 2 Slut\nKlart.\n"
    )
    assert _roles(in_the_text)["Per Ek"] == "ledamot"
    in_the_list = parse_document(
        f"{HEAD}{MEMBERS}Karl Strand (S), tjänstgör för Per Ek § 2 (jäv)\n" + ITEMS
    )
    assert _roles(in_the_list)["Per Ek"] == "ledamot"
    strand = next(a for a in in_the_list.attendees if a.name == "Karl Strand")
    assert strand.replaces == "Per Ek"
    assert strand.note is not None and "§ 2" in strand.note


def test_presence_marks_before_names() -> None:
    """A checklist's ✔ is present, ✘ and ❌ are not: the marks are no decoration; of Word's
    boxes ☒ is ticked (present) and ☐ empty."""
    protocol = parse_document(
        f"{HEAD}Närvaro\n✔ Anna Berg (S), ordförande\n✔ Per Ek (M)\n✘ Lisa Holm (V)\n"
        "❌ Karl Strand (S)\n" + ITEMS
    )
    assert _roles(protocol) == {
        "Anna Berg": "ledamot",
        "Per Ek": "ledamot",
        "Lisa Holm": "frånvarande",
        "Karl Strand": "frånvarande",
    }
    boxes = parse_document(
        f"{HEAD}Närvaro\n☒ Anna Berg, Kumla kommun\n☒ Per Ek, Hallsbergs kommun\n"
        "☐ Lisa Holm, Region Örebro län\n" + ITEMS
    )
    assert _roles(boxes) == {
        "Anna Berg": "ledamot",
        "Per Ek": "ledamot",
        "Lisa Holm": "frånvarande",
    }


def test_a_list_whose_first_entry_has_no_bullet() -> None:
    """ "Anna Berg (S) ordförande" above bulleted entries is a person, not a sub-heading."""
    protocol = parse_document(
        f"{HEAD}Närvarande ledamöter\nAnna Berg (S) ordförande\n- Per Ek (M)\n- Lisa Holm (V)\n"
        + ITEMS
    )
    assert list(_roles(protocol)) == ["Anna Berg", "Per Ek", "Lisa Holm"]
    assert protocol.chair == "Anna Berg"


def test_symbols_within_a_header_line_each_label_their_part() -> None:
    """ "🕐 13:00–15:00 · 📍 Sessionssalen, Kumla": the time and the place."""
    protocol = parse_document(
        "# Styrgruppsmöte\n🕐 13:00–15:00 · 📍 Sessionssalen, Kumla\n📅 2025-05-20\n\n"
        "## 1. Inledning\nMötet öppnades.\n\n## 2. Avslut\nKlart.\n"
    )
    assert (protocol.start, protocol.end) == (time(13), time(15))
    assert protocol.place == "Sessionssalen, Kumla"


def test_adjusting_something_else_names_no_justerare() -> None:
    """Only the protocol is justerat by people: "Hyran justeras av Hyresgästföreningen" is
    no justerare, and two named together are both."""
    rent = parse_document(
        f"{HEAD}{MEMBERS}\n§ 1 Hyror\nHyran justeras av Hyresgästföreningen "
        "Region varje år.\n\n§ 2 Slut\nKlart.\n"
    )
    assert rent.adjusters == []
    both = parse_document(
        f"{HEAD}{MEMBERS}\n§ 1 Justering\nProtokollet justeras av Anna Berg "
        "och Per Ek.\n\n§ 2 Slut\nKlart.\n"
    )
    assert both.adjusters == ["Anna Berg", "Per Ek"]
    for sentence in (
        "Protokollet ska justeras av Lisa Holm.",
        "Minnesanteckningarna justeras av Lisa Holm.",
    ):
        later = parse_document(f"{HEAD}{MEMBERS}\n§ 1 Justering\n{sentence}\n\n§ 2 Slut\nKlart.\n")
        assert later.adjusters == ["Lisa Holm"], sentence
