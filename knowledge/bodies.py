"""The bodies samrad knows and the words for their seats: council keys, their Swedish names,
the county's municipalities and the roles of people in a protocol or the roster."""

from __future__ import annotations

import re

# Canonical council keys; their Swedish display names live in COUNCIL_NAMES.
SOCIAL = "social"  # specifika samverkansrådet för social välfärd samt vård och omsorg
FOLKHALSA = "folkhalsa"  # specifika samverkansrådet för folkhälsa
CHEFSGRUPP = "chefsgrupp"  # chefsgrupp för samverkan social välfärd samt vård och omsorg
REGIONALA = "regionala"  # regionala samverkansrådet

COUNCIL_NAMES: dict[str, str] = {
    SOCIAL: "Specifika samverkansrådet för social välfärd samt vård och omsorg",
    FOLKHALSA: "Specifika samverkansrådet för folkhälsa",
    CHEFSGRUPP: "Chefsgrupp för samverkan social välfärd samt vård och omsorg",
    REGIONALA: "Regionala samverkansrådet",
}
COUNCIL_SHORT: dict[str, str] = {
    SOCIAL: "Specifika rådet social välfärd, vård och omsorg",
    FOLKHALSA: "Specifika rådet folkhälsa",
    CHEFSGRUPP: "Chefsgruppen",
    REGIONALA: "Regionala samverkansrådet",
}
# Body type of each council key.
BODY_TYPES: dict[str, str] = {
    SOCIAL: "specifika samverkansrådet",
    FOLKHALSA: "specifika samverkansrådet",
    CHEFSGRUPP: "chefsgrupp",
    REGIONALA: "regionala samverkansrådet",
}

# Role values used in attendance and roster.
LEDAMOT = "ledamot"
ERSATTARE = "ersättare"
TJANSTGORANDE = "tjänstgörande ersättare"  # the function of a substitute serving for a member
OVRIG = "övrig närvarande"
# An attendance note naming items ("§§ 119–121", "punkt 3", "under paragrafen", a jäv) or a
# time ("från kl. 14.30"): the presence, absence or service it notes held for part of the
# meeting only; not "i samtliga ärenden", which is all of it.
_PART_OF_MEETING = re.compile(
    r"§|\b(punkt(erna)?|ärenden?|paragraf(en|erna)?|jäv|del av mötet|delvis)\b"
    r"|\b(från|till|efter|före|fr\.?\s?o\.?\s?m\.?|t\.?\s?o\.?\s?m\.?)\s+(kl\.?|klockan)\s*\d",
    re.I,
)
_ALL_OF_IT = re.compile(r"\b(samtliga|alla|hela)\b", re.I)
# A note or cell that says someone was away: "förhinder", "frånvarande", "ej närvarande".
AWAY = re.compile(r"\b(förhinder|frånvarande|ej närvarande|inte närvarande)\b", re.I)


def for_part_of_meeting(note: str | None) -> bool:
    """Whether an attendance note holds for some items only ("frånvarande § 5–7")."""
    return (
        bool(note)
        and bool(_PART_OF_MEETING.search(note or ""))
        and not _ALL_OF_IT.search(note or "")
    )


TJANSTEPERSON = "tjänsteperson"

MUNICIPALITIES = [
    "Askersund",
    "Degerfors",
    "Hallsberg",
    "Hällefors",
    "Karlskoga",
    "Kumla",
    "Laxå",
    "Lekeberg",
    "Lindesberg",
    "Ljusnarsberg",
    "Nora",
    "Örebro",
]
REGION = "Region Örebro län"
