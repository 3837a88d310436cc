"""Swedish word forms: folding diacritics, words, stems and sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "é": "e",
        "è": "e",
        "ü": "u",
        "æ": "a",
        "ø": "o",
        "á": "a",
        "à": "a",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "ñ": "n",
        "ç": "c",
    }
)
# The same folds on Latin-1 bytes: bytes.translate is a table lookup per character, where
# str.translate looks each one up in a dict (most of what normalize took).
_FOLD_LATIN1 = "".join(map(chr, range(256))).translate(_FOLD).encode("latin-1")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# The same tokens in a text without "_", found faster (a plain class, not one with a hole).
_WORD_NO_UNDERSCORE = re.compile(r"\w+(?:-\w+)*")
_STEMMER = snowballstemmer.stemmer("swedish")


def normalize(text: str) -> str:
    """Casefolded, diacritics folded, whitespace collapsed: a key for fuzzy comparison."""
    folded = text.casefold()
    if folded.isascii():
        return " ".join(folded.split())
    try:
        folded = folded.encode("latin-1").translate(_FOLD_LATIN1).decode("latin-1")
    except UnicodeEncodeError:
        folded = folded.translate(_FOLD)
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        )
    return " ".join(folded.split())


def enumerated(items: list[str]) -> str:
    """Items as Swedish lists them: "A", "A och B", "A, B och C"."""
    return " och ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


# A person's name as minutes write it: two or three capitalised words ("Per-Olof Svahn").
PERSON_NAME = r"[A-ZÅÄÖ][\wåäöéüć-]+(?: [A-ZÅÄÖ][\wåäöéüć-]+){1,2}"
# A list's entry for a person: the name, perhaps a party, then nothing or cells after a comma
# ("Anna Berg (S), ordförande"); no agenda item or sentence reads so.
PERSON_ENTRY = re.compile(rf"^{PERSON_NAME}(?:\s*\([A-ZÅÄÖ]{{1,3}}\))?\s*(?:,.*)?$")


def words(text: str) -> list[str]:
    """Word tokens: letters and digits, keeping inner hyphens ("e-hälsa")."""
    return (_WORD if "_" in text else _WORD_NO_UNDERSCORE).findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Swedish snowball stem of ``word``, computed with diacritics, then folded."""
    return normalize(_STEMMER.stemWord(word.lower()))


# Inflections only a verb takes: the past ("beslutade", "fastställdes", "hände"), the supine
# ("tagit", "fått"), the passive ("redovisas", "avvecklats"). Nouns that end so are few and
# named: "-nde" (ärende, boende), "område", "plats".
_VERB_ENDING = re.compile(r"(?:[^n]de|ades?|des|tes|dde|ddes|[^l]it|ats|[^aeiouy]as|ogs)$")
_NOUN_LOOKALIKE = re.compile(r"(?:omrade|plats|kredit|budget)$")
# The short verbs, which no ending tells: "tar emot", "ger", "gör", "sköt upp", "tog".
# Compared as written: folded, "stöd" would be "stod" and "bör" "bor".
# The supines in "-tt" are of short verbs too ("fått", "gått"); a noun may end so ("brott").
_SHORT_VERBS = frozenset(
    "tar ger gör får går står ser tror ber sköt tog gav gick slog strök "
    "fått gått sett stått nått mött lett trott bott skett gett satt satts getts".split()
)


def looks_like_verb(word: str) -> bool:
    """Whether ``word`` reads as an inflected verb: in a question it says what happened to the
    subject ("vad hände", "fastställde", "tagit"), not what the subject is."""
    if word.lower() in _SHORT_VERBS:
        return True
    folded = normalize(word)
    if len(folded) < 4 or not folded.isalpha():
        return False
    if word.lower().endswith("ände"):
        return True  # "hände", "kände": "-ande" nouns are written with a
    return bool(_VERB_ENDING.search(folded)) and not _NOUN_LOOKALIKE.search(folded)


@lru_cache(maxsize=65536)
def root(word: str) -> str:
    """The Swedish stem of ``word`` with its diacritics kept ("enkäten" -> "enkät")."""
    return str(_STEMMER.stemWord(word.lower()))


def stem_text(text: str) -> str:
    """Space-joined stems of every word (the FTS ``stemmed`` column, and stemmed queries)."""
    return " ".join(stem(w) for w in words(text))


_ABBREVIATIONS = re.compile(
    r"\b(bl\.a|t\.ex|t\.o\.m|fr\.o\.m|m\.m|o\.s\.v|dvs|ca|kl|nr|s\.k|sk|resp|jmf|utb|ang|"
    r"tf|ev|mfl|m\.fl|d\.v\.s|p\.g\.a|pga|osv|st|tel|etc|f\.d|inkl|exkl|bla|tex|obs|ppt)\.$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ORDINAL_END = re.compile(r"(?<!\d)\d{1,2}\.$")  # "den 3." goes on: a date, not an end


def split_sentences(text: str) -> list[str]:
    """Swedish sentences; abbreviations ("bl.a.", "kl.") and numbers do not end one."""
    sentences: list[str] = []
    current = ""
    for part in _SENTENCE_END.split(text.strip()):
        current = f"{current} {part}" if current else part
        if not part:
            continue
        tail = current[-16:]  # only the end decides; searching all of it is quadratic
        if _ABBREVIATIONS.search(tail) or _ORDINAL_END.search(tail):
            continue
        sentences.append(current.strip())
        current = ""
    if current.strip():
        sentences.append(current.strip())
    # A sentence must start a new thought: merge pieces that start in lower case.
    merged: list[str] = []
    for sentence in sentences:
        if merged and sentence[:1].islower():
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged
