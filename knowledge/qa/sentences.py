"""Passages split into sentences, and sentences into stems, cached for the next question."""

from __future__ import annotations

from functools import lru_cache

from knowledge.language.text import normalize, root, split_sentences, stem, words
from knowledge.qa.types import Term


def _split_passage(text: str) -> tuple[str, ...]:
    return tuple(
        sentence
        for paragraph in text.split("\n")
        for sentence in split_sentences(paragraph.removeprefix("- "))
    )


def _sentence_stems(sentence: str) -> frozenset[str]:
    # "ViSam-appen" stands as itself and as its parts, as query words may be either.
    tokens = words(sentence.lower())
    parts = [part for token in tokens if "-" in token for part in token.split("-")]
    return frozenset(stem(w) for w in (*tokens, *parts) if w)


class Sentences:
    """Passages split into sentences and sentences into stems, each kept for the next question
    (the same passages are hits again and again); bounded, least recently used out first."""

    def __init__(self, passages: int = 2048, sentences: int = 16384) -> None:
        self.of = lru_cache(maxsize=passages)(_split_passage)
        self.stems = lru_cache(maxsize=sentences)(_sentence_stems)

    def clear(self) -> None:
        """Forget every split and stemmed sentence."""
        self.of.cache_clear()
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
