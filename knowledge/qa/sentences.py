"""Passages split into sentences, and sentences into stems, cached for the next question."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from knowledge.language.text import (
    looks_like_verb,
    normalize,
    root,
    split_sentences,
    stem,
    words,
)
from knowledge.qa.types import Term

# "Delprojekt CROSS Nora: Ett politiskt mål …": a short lead-in names what the paragraph, and
# those after it up to the next lead-in, are about.
_LEAD_IN = re.compile(r"^([A-ZÅÄÖ][\w&/()–-]*(?: [\w&/()–-]+){0,4}):\s+\S")
# "Beslut:", "Bakgrund:" alone on a line: a label for the paragraphs under it.
_LABEL_ALONE = re.compile(r"^[A-ZÅÄÖ][\wåäö]*(?: [\wåäö]+){0,2}:$")
# A short line without a full stop between paragraphs: a sub-heading ("Projektet CROSS").
_SUB_HEADING = re.compile(r"^[A-ZÅÄÖ][^.:;!?]{2,60}$")


def _sub_heading(line: str) -> bool:
    # Not a table row ("Förening\tBelopp", "Summa 301 500 kr"), nor a clause cut short
    # ("Tarja Nordling föredrog ärendet", "Karin Ström informerar om", "Se ppt").
    tokens = line.split()
    if not _SUB_HEADING.match(line) or len(tokens) > 8 or re.search(r"[\t\d]", line):
        return False
    if tokens[0] == "Se" or tokens[-1].lower() in _TRAILING:
        return False
    if _NAME_THEN_WORD.match(line):
        return False  # a person's name and what they did
    return not any(looks_like_verb(token) for token in tokens[1:])


_TRAILING = {"om", "för", "av", "med", "till", "att", "och", "i", "på"}
_NAME_THEN_WORD = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+ [a-zåäö]"
)


# What a paragraph (a line) says, read once: generated and real protocols repeat the same
# paragraphs in other passages, and other orders (a shuffled item, a standing text).
class _Paragraph(NamedTuple):
    label_alone: bool  # "Beslut:" alone: names what follows, says nothing itself
    lead_in: str | None  # "Delprojekt CROSS Nora" of "Delprojekt CROSS Nora: …"
    sub_heading: bool  # a sub-heading, if a line follows it
    sentences: tuple[str, ...]


@lru_cache(maxsize=16384)
def _paragraph(paragraph: str) -> _Paragraph:
    line = paragraph.strip()
    if _LABEL_ALONE.match(line):
        return _Paragraph(True, None, False, ())
    lead_in = _LEAD_IN.match(line)
    return _Paragraph(
        False,
        lead_in.group(1) if lead_in else None,
        not lead_in and _sub_heading(line),
        tuple(split_sentences(paragraph.removeprefix("- "))),
    )


def _labelled_passage(text: str) -> tuple[tuple[str, str, int], ...]:
    """Each sentence with the sub-heading or lead-in in force where it stands ("" if none)
    and the number of its paragraph."""
    out: list[tuple[str, str, int]] = []
    label = ""
    lines = text.split("\n")
    for index, paragraph in enumerate(lines):
        read = _paragraph(paragraph)
        if read.label_alone:
            label = paragraph.strip().rstrip(":")
            continue
        if read.lead_in is not None:
            label = read.lead_in
        elif read.sub_heading and index + 1 < len(lines):
            label = paragraph.strip()
        out += [(sentence, label, index) for sentence in read.sentences]
    return tuple(out)


def _sentence_stems(sentence: str) -> frozenset[str]:
    # "ViSam-appen" stands as itself and as its parts, as query words may be either.
    tokens = words(sentence.lower())
    parts = [part for token in tokens if "-" in token for part in token.split("-")]
    return frozenset(stem(w) for w in (*tokens, *parts) if w)


class Sentences:
    """Passages split into sentences and sentences into stems, each kept for the next question
    (the same passages are hits again and again); bounded, least recently used out first."""

    def __init__(self, passages: int = 2048, sentences: int = 16384) -> None:
        self.labelled = lru_cache(maxsize=passages)(_labelled_passage)
        # The sentences alone, read from the labelled split (a passage is split once).
        self.of = lru_cache(maxsize=passages)(
            lambda text: tuple(sentence for sentence, _, _ in self.labelled(text))
        )
        self.stems = lru_cache(maxsize=sentences)(_sentence_stems)

    def clear(self) -> None:
        """Forget every split and stemmed sentence."""
        self.of.cache_clear()
        self.labelled.cache_clear()
        self.stems.cache_clear()


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of ``text``, cut at ``limit`` characters."""
    sentences = split_sentences(text.replace("\n", " "))
    first = sentences[0] if sentences else text
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def holds(term: Term, sentence: str, stems: frozenset[str]) -> bool:
    """Whether the sentence holds the word: a form of it, all its parts, or (as the search
    widens a word to the corpus's compounds) a compound of its root: "e-hälsoarbetet"."""
    if term.held(stems):
        return True
    first = term.exact[0] if term.exact else term.word.lower()
    base = root(first) if len(root(first)) >= 5 else first
    return len(normalize(term.word)) >= 5 and any(base in t for t in words(sentence.lower()))


def best_sentence(sentences: Sentences, terms: list[Term], text: str) -> tuple[str, int]:
    """The sentence of ``text`` that holds most of ``terms`` (the first of those), and how
    many of them the whole text holds."""
    best, most, held = text, 0, set()
    for sentence in sentences.of(text):
        stems = sentences.stems(sentence)
        found = {i for i, term in enumerate(terms) if holds(term, sentence, stems)}
        held |= found
        if len(found) > most:
            best, most = sentence, len(found)
    return best, len(held)


# How much of a passage is shown around an answering sentence.
MAX_CONTEXT = 320  # a sentence and its neighbour, shown together when short enough


# A sentence that names its subject by pointing back ("Frågan lyfts till nästa möte"): what it
# points to is in the sentence before.
_REFERS_BACK = re.compile(
    r"^(Frågan|Detta|Dessa|Denna|Ärendet|Förslaget|Uppdraget|Han|Hon|Hen|De|Den)\s"
)


def with_context(sentences: list[str], index: int) -> str:
    """A short sentence with its neighbour: "Totalt 2 900 000 kr" says little alone; a
    sentence that introduces a list ("… är:") with the list."""
    sentence = sentences[index]
    following = sentences[index + 1] if index + 1 < len(sentences) else ""
    if introduces(sentence, following):
        return _with_list(sentences, index)
    if index > 0 and (len(sentence) < 40 or _REFERS_BACK.match(sentence)):
        return f"{sentences[index - 1]} {sentence}"
    if following and len(sentence) + len(following) < MAX_CONTEXT:
        if introduces(following, sentences[index + 2] if index + 2 < len(sentences) else ""):
            return f"{sentence} {_with_list(sentences, index + 1)}"  # "… är:" and its list
        return f"{sentence} {following}"
    return sentence


def introduces(sentence: str, following: str) -> bool:
    """Whether ``sentence`` introduces a list: "… är:", or "… informerar om" with the list's
    items, in lower case, after it (an item of such a list introduces nothing)."""
    end = sentence.rstrip()
    return end.endswith(":") or (
        sentence[:1].isupper()
        and bool(following)
        and not end.endswith((".", "!", "?", ","))
        and following[:1].islower()
    )


def _with_list(sentences: list[str], index: int) -> str:
    """The sentence at ``index``, which introduces a list, with as much of the list as fits."""
    listed = [sentences[index]]
    in_lower_case = not sentences[index].rstrip().endswith(":")
    for following in sentences[index + 1 :]:
        if sum(len(s) for s in listed) + len(following) > 2 * MAX_CONTEXT:
            break
        if in_lower_case and not following[:1].islower():
            break  # "… informerar om" and its items: the list ends where they do
        listed.append(following)
    return " ".join(listed)
