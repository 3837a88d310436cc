"""Whose an amount is: "Hur mycket bidrar Tillväxtverket med?" is not answered by "För Nora
kommuns del innebär det 150 000 kr per år", nor "Hur mycket betalar Örebro kommun?" by a
sentence of what Region Örebro län pays. An amount's sentence that names another party (a
town, the region, an authority) and not the one asked about tells that party's figure.
"""

from __future__ import annotations

import re

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.text import normalize

# "Region Örebro län", "regionen" (folded): the region, which is not the town of Örebro.
_REGION = re.compile(r"\bregion orebro lan\b|\borebro lans?\b|\bregionens?\b")
# Authorities and agencies by the endings of their names: "Tillväxtverket", "Försäkringskassan".
# Written with a capital: "nätverket", "regelverket" are no authorities.
_AUTHORITY = re.compile(r"\b[A-ZÅÄÖ]\w+(?:verket|kassan|förmedlingen|myndigheten|inspektionen)\b")
# Nouns that end like an authority's name: "Nätverket" at the start of a sentence.
_COMMON_NOUNS = {"natverket", "regelverket", "ramverket", "hantverket", "kraftverket"}
_TOWNS = [normalize(town) for town in MUNICIPALITIES]


def parties(text: str) -> set[str]:
    """The parties ``text`` names, folded: its towns, "region" and authorities."""
    folded = normalize(text)
    found = {"region"} if _REGION.search(folded) else set()
    rest = _REGION.sub(" ", folded)
    found |= {normalize(n) for n in _AUTHORITY.findall(text)} - _COMMON_NOUNS
    found |= {town for town in _TOWNS if re.search(rf"\b{town}", rest)}
    return found


def another_party(sentence: str, asked: set[str]) -> bool:
    """Whether ``sentence`` names a party and none of the ``asked`` ones (folded names): its
    figure is someone else's."""
    named = parties(sentence)
    return bool(named) and not named & asked
