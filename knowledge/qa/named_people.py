"""Who a sentence names: capitalised names other than the question's own words, the person
bound to a role ("Projektledaren Anna Ek"), and not whoever only reported the news ("Camilla
Östberg informerade om rekryteringen"), a town, or a heading run into its paragraph.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.text import normalize, stem

_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s+[A-ZÅÄÖ][\wåäöé-]+")
# A capital inside a sentence, or after a colon but for a verb that starts a sentence there
# ("Hällefors: Rekryterar ny enhetschef"; "Projektägare: Regional utveckling" is a name).
CAPITAL_INSIDE = re.compile(
    r"(?<=[\w,;] )[A-ZÅÄÖ][\wåäöé-]{2,}|(?<=: )(?![A-ZÅÄÖ][a-zåäö]{3,}(?:ar|er|ir)\s+[a-zåäö])"
    r"[A-ZÅÄÖ][\wåäöé-]{2,}"
)

# Someone who tells of something at a meeting ("Camilla Östberg informerade om …") is not
# who the news is about, unless the question asks who told.
_REPORTING = (
    r"(?:informera|berätta|redogj|redogör|föredr|presentera|rapportera|redovisa|sammanfatta|"
    r"gick igenom|går igenom)\w*"
)
_REPORTER = re.compile(
    rf"\b[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*(?:\s+\([^)]*\))?\s+{_REPORTING}"
)
_REPORTING_ASKED = re.compile(
    r"(informer|beratt|redogj|redogor|fored|presenter|rapporter|redovis|sammanfatt|talade|"
    r"pratade|holl|igenom|drog|snackade)"
)
# A capitalised role or thing ("… SBAR Projektledare anställdes"), not a name.
_COMMON_NOUN = re.compile(r"(?:are|ande|ende|ning|het|tion|skap|rna)$")  # "-rna": "Kostnaderna"


# A first name that starts a sentence and does something ("Peter kollar med ekonomen", "Ahmed
# frågar psykiatrin"), as informal minutes name people; not a noun in its definite form
# ("Projektet startar", "Arbetsgruppen träffas"), which ends like one.
_FIRST_NAME_ACTS = re.compile(
    r"(?:^|(?<=[.!?] ))([A-ZÅÄÖ][a-zåäöé]{2,9})(?<!en)(?<!et)(?<!na)(?<!an)"
    r"(?= [a-zåäö]+(?:ar|er|or|ade|de|te)\b)"
)


def names_besides(text: str, asked: frozenset[str]) -> bool:
    """Whether ``text`` names someone or something (a capitalised name, not a role) other than
    the question's own words."""
    names = [*_NAME.findall(text), *CAPITAL_INSIDE.findall(text), *_FIRST_NAME_ACTS.findall(text)]
    return any(
        not set(normalize(n).split()) <= asked
        for n in names
        if not _COMMON_NOUN.search(n) and not set(normalize(n).split()) & _NEVER_NAMES
    )


# Capitalised words that start a heading or a sentence of minutes, never a name ("Beslut
# Nämnden beslutar …": a heading run into its paragraph).
_NEVER_NAMES = set(
    "beslut namnden radet styrelsen forvaltningen kommunen regionen ordforanden sammanfattning "
    "yrkanden yrkande bakgrund utskottet arbetsutskottet protokollet reservation "
    "propositionsordning beslutsunderlag arendet arendebeskrivning".split()
)


# The county's towns and the region, which no person is called.
_PLACES = re.compile(
    r"\bRegion Örebro län\b|\b(?:" + "|".join(MUNICIPALITIES) + r")s?\b(?:\s+kommun)?"
)
# Roles only a person holds, folded; also the second half of a role written apart
# ("biblioteks chef", "verksamhets ansvarig").
ROLE_NOUNS = r"chef|ansvarig|samordnare|ledare|direktor|strateg|ordforande|sekreterare|handlaggare"
_PERSONAL_ROLE = re.compile(rf"({ROLE_NOUNS})$")
_ACRONYM = re.compile(r"\b\w+[A-ZÅÄÖ]\w*")  # "SBAR", "ViSam": capitals after the first
BESIDE = 50  # characters either side of a role that a name bound to it stands within


def _unless_titled(reporter: re.Match[str], role: str) -> str:
    """A reporter's name kept when the role stands with it ("Byggchef Lotta …"), else blanked."""
    before = normalize(reporter.string[max(0, reporter.start() - 25) : reporter.start()])
    return reporter.group(0) if stem(role) in f"{before} {normalize(reporter.group(0))}" else " "


def _beside(text: str, role: str) -> list[str]:
    """The stretches of ``text`` around each mention of ``role`` ("projektledare",
    "Projektledaren Anna Ek") within its sentence, where a name of who holds it stands."""
    pattern = re.compile(rf"\w*{re.escape(stem(role))}\w*")
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", unicodedata.normalize("NFKC", text)):
        folded = normalize(sentence)
        if len(folded) != len(sentence):
            continue  # no position in it can be trusted
        found += [
            sentence[max(0, m.start() - BESIDE) : m.end() + BESIDE]
            for m in pattern.finditer(folded)
        ]
    return found


def names_someone(text: str, role: str | None, asked: frozenset[str]) -> bool:
    """Whether ``text`` names who the question asks for, beside ``role`` when one is asked
    ("vem är projektledare"): "Vem efterträder Berit Sandell?" is not answered by a sentence
    naming Berit Sandell, "vem blev ny bibliotekschef" not by the one who told of the
    recruitment."""
    if not any(_REPORTING_ASKED.match(word) for word in asked):
        # "Byggchef Lotta Fjällström informerade …": a reporter holds the role named with
        # her; "Camilla Östberg informerade om rekryteringen av ny bibliotekschef" does not
        text = _REPORTER.sub(lambda m: _unless_titled(m, role) if role else " ", text)
    if any(_PERSONAL_ROLE.search(word) for word in asked):
        # "vem blev enhetschef": "Hällefors: Rekryterar ny enhetschef" names a town, no one
        # (a project's owner may well be the region)
        text = _PLACES.sub(" ", text)
    if role:
        # "ViSam och SBAR Projektledare": an acronym beside a role is not who holds it
        return any(names_besides(_ACRONYM.sub(" ", near), asked) for near in _beside(text, role))
    return names_besides(text, asked)
