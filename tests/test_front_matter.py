"""A markdown page's metadata block in the tool's English keys reads as a header in Swedish."""

from __future__ import annotations

from datetime import date, time

from knowledge.ingest.front_matter import front_matter_as_fields
from knowledge.ingest.parse import parse_document

PAGE = """---
title: "Styrgrupp Trygg hemgång – möte 4/2025"
date: 2025-09-24
lastmod: 2025-10-02
time: "13:00–15:00"
location: "Regionhuset, rum Kilsbergen, Örebro"
chair: "Carina Höög"
notes_by: "Emma Lindgren"
participants:
  - "Carina Höög, Örebro kommun – förvaltningschef, ordförande"
  - "Niklas Fors, Karlskoga kommun – socialchef"
absent:
  - "Tove Lind, Kumla kommun"
tags: [styrgrupp, nära vård]
draft: false
---

## Anteckningar

### 1 Inledning

*Föredragande: Niklas Fors (via Teams)*

Mötet öppnades.

### 2 Avslut

Klart.
"""


def test_english_keys_become_the_swedish_labels_and_bookkeeping_goes() -> None:
    text = front_matter_as_fields(PAGE)
    assert "Plats: Regionhuset, rum Kilsbergen, Örebro" in text
    assert "Sekreterare: Emma Lindgren" in text
    assert "2025-10-02" not in text and "styrgrupp, nära vård" not in text


def test_a_page_with_english_front_matter_parses_as_minutes() -> None:
    protocol = parse_document(PAGE)
    assert protocol.date == date(2025, 9, 24)
    assert (protocol.start, protocol.end) == (time(13), time(15))
    assert protocol.chair == "Carina Höög" and protocol.secretary == "Emma Lindgren"
    people = {a.name: (a.role, a.organisation, a.title) for a in protocol.attendees}
    assert people["Niklas Fors"] == ("ledamot", "Karlskoga", "socialchef")
    assert people["Tove Lind"][0] == "frånvarande"
    assert protocol.items[0].presenters == ["Niklas Fors"]


def test_a_text_without_front_matter_is_left_alone() -> None:
    text = "---\nNo closing rule\ndate: 2025-01-01\n"
    assert front_matter_as_fields(text) == text
