"""Abbreviations of Swedish welfare administration, as members type them ("ÖK", "SÄBO"), with
the words the documents write instead. Used only for an abbreviation the documents lack."""

from __future__ import annotations

from knowledge.language.text import normalize

# folded abbreviation -> the words it stands for
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "ok": ("överenskommelse",),
    "saboende": ("särskilt", "boende"),
    "sabo": ("särskilt", "boende"),
    "ifo": ("individ", "familjeomsorg"),
    "hsl": ("hälso", "sjukvårdslagen"),
    "sol": ("socialtjänstlagen",),
    "sip": ("samordnad", "individuell", "plan"),
    "mas": ("medicinskt", "ansvarig", "sjuksköterska"),
    "skr": ("sveriges", "kommuner", "regioner"),
    "ivo": ("inspektionen", "vård", "omsorg"),
    "hvb": ("hem", "vård", "boende"),
    "lss": ("funktionsnedsättning",),
    "vc": ("vårdcentral",),
    "ao": ("äldreomsorg",),
}


def expansion(word: str) -> tuple[str, ...]:
    """The words an abbreviation written in capitals stands for; () for any other word."""
    if not (2 <= len(word) <= 6 and word.isupper()):
        return ()
    return ABBREVIATIONS.get(normalize(word), ())
