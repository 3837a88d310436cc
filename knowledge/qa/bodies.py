"""Which body a question names, when it is not one of the councils samrad serves:
"pensionärsrådet i Askersund", "KS i Hallsberg", "styrelsemötet i Edsbergs hembygdsförening".

A body is named by a long word of its name in any form ("styrelsen", "styrelsemötet") or a
usual abbreviation; when several bodies fit as well, its town decides, else none is chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils
from rapidfuzz import fuzz

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.text import normalize, stem
from knowledge.qa.corpus import Corpus
from knowledge.storage import corpus_bodies

# Abbreviations Swedish minutes and members use for common bodies (folded).
_ABBREVIATIONS = {
    "ks": "kommunstyrelsen",
    "kf": "kommunfullmaktige",
    "sn": "socialnamnden",
    "bun": "barn- och utbildningsnamnden",
    "kpr": "kommunala pensionarsradet",
    "bra": "brottsforebyggande radet",
    "mbn": "miljo- och byggnadsnamnden",
    "kfn": "kultur- och fritidsnamnden",
    "hsn": "halso- och sjukvardsnamnden",
    "ksau": "kommunstyrelsens arbetsutskott",
    "au": "arbetsutskott",
    "ofn": "overformyndarnamnden",
    "kfr": "kommunala funktionshinderradet",
    "von": "vard- och omsorgsnamnden",
    "sbn": "samhallsbyggnadsnamnden",
    "tn": "tekniska namnden",
}
# The towns and the region, folded: they name where a body is, not which body it is.
TOWN_WORDS = {normalize(m) for m in MUNICIPALITIES} | {"region", "orebro", "lan"}
# Words many bodies share: they name none of them alone.
_GENERIC = {"gemensamma", "gemensam", "kommunala", "regionala", "specifika", "projekt"}
# A body is named by a word that says what kind of body it is ("socialnämnden", "styrelsen",
# "pensionärsrådet", "hembygdsförening"), never by a subject word ("familjerätt", "barn").
# A double consonant dropped ("chefsgrupen", "nämden") still names the kind of body.
_BODY_NOUN = re.compile(r"(namn?d|rad|styrelse|grupp?|full?makt?ige|forening|revisor|utskott?)")
_BARE = {"radet", "radets", "namnden", "namndens", "gruppen", "gruppens", "styrelsens"}
# Kinds of group many bodies are ("arbetsgruppen för …", "styrgruppen för …"): what they are
# for names them, not the kind.
_GROUP_KINDS = {
    f"{kind}grupp{ending}"
    for kind in ("arbets", "referens", "projekt")
    for ending in ("", "en", "er", "erna", "ens")
}
_FILLER = {"for", "och", "i", "samt", "av", "med", "den", "det", "kommun", "kommuner", "lans"}


@dataclass(frozen=True)
class NamedBody:
    key: str
    cores: frozenset[str]  # the name's long words, stemmed and cut: "styrels", "pensiona"
    words: frozenset[str]  # stems of all its words
    towns: frozenset[str]  # folded towns and organisations it belongs to
    abbreviations: frozenset[str]  # "(BRÅ)" in its name, folded
    # The proper words of its name, folded: "e-arkiv", "bergslagen" of "Styrgruppen för projekt
    # E-arkiv Bergslagen"; named together, they name the body ("budgeten för E-arkiv Bergslagen").
    proper: frozenset[str] = frozenset()
    # A proper word with its neighbour in the name: "länsdel väster" of "Samverkansgrupp länsdel
    # Väster" names it, though one proper word alone may be a region many bodies share.
    pairs: frozenset[tuple[str, str]] = frozenset()


def _load(db: sqlite_utils.Database) -> list[NamedBody]:
    named = []
    met_in = corpus_bodies.meeting_towns(db)
    for body in corpus_bodies.bodies(db):
        if body.council:
            continue
        name_words = [w for w in re.findall(r"\w+", normalize(body.name)) if w not in _FILLER]
        if not name_words:
            continue
        organisation = [
            w for w in re.findall(r"\w+", normalize(body.organisation or "")) if w not in _FILLER
        ]
        towns = {w.rstrip("s") for w in organisation if len(w) > 3}
        towns |= {w.rstrip("s") for w in name_words if w.rstrip("s") in TOWN_WORDS}
        # "hembygdsföreningen i Fjugesta": where it meets names it too
        towns |= {normalize(t).rstrip("s") for t in met_in.get(body.key, ())}
        # An organisation that is not a town names the body too ("hembygdsförening").
        name_words += [w for w in organisation if len(w) >= 8 and w.rstrip("s") not in TOWN_WORDS]
        cores = {
            _core(w)
            for w in name_words
            if len(w) >= 6 and _BODY_NOUN.search(w) and w not in _GENERIC | _BARE | _GROUP_KINDS
        }
        # "fullmäktige" names "kommunfullmäktige", "styrelsen" "kommunstyrelsen": the kind of
        # body without its prefix, when long enough to say something
        cores |= {
            _core(w[m.start() :])
            for w in name_words
            for m in _BODY_NOUN.finditer(w)
            if m.start() > 0 and len(w) - m.start() >= 8 and w[m.start() :] not in _BARE
        }
        named.append(
            NamedBody(
                body.key,
                frozenset(cores) or frozenset([_core(_naming_word(name_words))]),
                frozenset(stem(w) for w in name_words),
                frozenset(towns),
                frozenset(normalize(a) for a in re.findall(r"\(([A-ZÅÄÖ]{2,6})\)", body.name)),
                # "Samordningsförbundet Sydnärke", "Nerikes Brandkår": an organisation that is
                # no town is named by its own words
                _proper_words(body.name) | _proper_words(f"- {body.organisation or ''}"),
                _proper_pairs(body.name),
            )
        )
    return named


def _naming_word(name_words: list[str]) -> str:
    """The word that names a body with no word of its own kind: "suicidprevention" of
    "Arbetsgruppen för suicidprevention i norra länsdelen", else its first."""
    kinds = _GENERIC | _BARE | _GROUP_KINDS | TOWN_WORDS
    named = [w for w in name_words if w not in kinds and len(w) >= 6]
    return max(named, key=len) if named and name_words[0] in _GROUP_KINDS else name_words[0]


def _proper_words(name: str) -> frozenset[str]:
    """The capitalised words of a name after its first, neither towns nor abbreviations."""
    words = re.findall(r"[\w-]+", name)[1:]
    return frozenset(
        normalize(w)
        for w in words
        if w[:1].isupper()
        and not w.isupper()
        and not {normalize(w), normalize(w).rstrip("s")} & TOWN_WORDS  # "Degerfors", "Nora kommuns"
    )


def _proper_pairs(name: str) -> frozenset[tuple[str, str]]:
    """Each proper word of a name with the word before it, folded."""
    words = re.findall(r"[\w-]+", name)
    proper = _proper_words(name)
    return frozenset(
        (normalize(before), normalize(word))
        for before, word in zip(words, words[1:], strict=False)
        if normalize(word) in proper and normalize(before) not in _FILLER
    )


def _core(word: str) -> str:
    return stem(word)[:7]


def named_body(corpus: Corpus, text: str) -> str | None:
    """The key of the body the question ``text`` names, or None."""
    expanded = []
    for token in re.findall(r"[\w-]+", text):
        folded = normalize(token)
        # "KS", "BRÅ": an abbreviation only when written in capitals ("bra" is "good").
        spelled = _ABBREVIATIONS.get(folded, folded) if token.isupper() else folded
        expanded += re.findall(r"\w+", spelled)
    stems = [stem(t) for t in expanded]
    present = {t.rstrip("s") for t in expanded}
    # "Region Örebro län" names the region, "i Örebro" the town.
    named_towns = present & TOWN_WORDS - {"region", "lan"} - (
        {"orebro"} if "region" in present else set()
    )
    # Only a word that says what kind of body it is can name one ("familjerätt" does not).
    naming = [t for t in expanded if _BODY_NOUN.search(t)]
    capitals = {normalize(t) for t in re.findall(r"\b[A-ZÅÄÖ]{2,6}\b", text)}
    sequence = [normalize(t) for t in re.findall(r"[\w-]+", text)]
    tokens, pairs = set(sequence), set(zip(sequence, sequence[1:], strict=False))
    candidates = []
    for body in corpus.derived("named_bodies", _load):
        named = any(t.startswith(core) for t in naming for core in body.cores)
        # One proper word may be a region many bodies share ("Sydnärke"): two or more name it.
        named = named or len(body.proper) > 1 and body.proper <= tokens or bool(body.pairs & pairs)
        if not named and not capitals & body.abbreviations:
            continue
        # "socialnämnden i Örebro" is not Kumla's; but "Edsbergs hembygdsförening", named by
        # its organisation, has no town of its own that another could contradict
        if named_towns - body.towns and (body.towns & TOWN_WORDS or not body.towns & present):
            continue
        score = 1 + len(body.words & set(stems)) + 2 * len(body.towns & present)
        candidates.append((score, bool(body.towns & present), body.key))
    if not candidates:
        return None
    candidates.sort(reverse=True)
    best = candidates[0]
    shared = [c for c in candidates if c[0] == best[0]]
    return best[2] if len(shared) == 1 else None


def names_body(corpus: Corpus, key: str, word: str) -> bool:
    """Whether ``word`` (as written in a question) is part of how the body is named: a word of
    its name, its town, an abbreviation ("Edsbergs", "styrelsemötet", "KS")."""
    folded = normalize(word)
    if word.isupper() and folded in _ABBREVIATIONS:
        return True
    if word.isupper() and any(
        folded in b.abbreviations for b in corpus.derived("named_bodies", _load) if b.key == key
    ):
        return True
    for body in corpus.derived("named_bodies", _load):
        if body.key == key:
            return (
                folded.rstrip("s") in body.towns
                or folded in body.proper
                or stem(folded) in body.words
                or any(folded.startswith(core) for core in body.cores)
                # misspelt ("gemensama", "Askesund"): the body is named, not a subject
                or len(folded) >= 6
                and any(fuzz.ratio(stem(folded), w) >= 85 for w in body.words | body.towns)
            )
    return False


def shared_town(corpus: Corpus, key: str, word: str) -> bool:
    """Whether ``word`` is one of the several towns a joint body serves ("Nora" of the
    familjerättsnämnd for four towns): named in a question, the town is a subject."""
    for body in corpus.derived("named_bodies", _load):
        if body.key == key:
            towns = body.towns & TOWN_WORDS
            return len(towns) > 1 and normalize(word).rstrip("s") in towns
    return False
