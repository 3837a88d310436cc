"""The sentence of a passage that best answers a question, with the sentences cached."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.language.text import normalize, split_sentences, stem
from knowledge.qa.types import Term

_NUMBER_WORDS = re.compile(
    r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|hundra|tusen)\b"
)
_AMOUNT_WORDS = re.compile(r"\d\s*(kr|kronor|tkr|mkr|miljoner|miljarder)\b")


def _split_passage(text: str) -> tuple[str, ...]:
    return tuple(
        sentence
        for paragraph in text.split("\n")
        for sentence in split_sentences(paragraph.removeprefix("- "))
    )


def _sentence_stems(sentence: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"\w+", sentence.lower()))


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


def best_sentence(
    sentences: Sentences,
    title: str,
    text: str,
    terms: list[Term],
    wants_number: bool,
    focus: str | None = None,
    wants_list: bool = False,
) -> tuple[float, str]:
    """The sentence of a passage that best answers, with its score: most query words, a figure
    if asked for ("hur många elever" wants a number next to "elever"), a listing for "vilka"."""
    split = list(sentences.of(text)) or [title]
    best = (0.0, split[0])
    wanted = [t.all_stems for t in terms]
    for sentence in split:
        lower = sentence.lower()
        stems = sentences.stems(sentence)
        score = sum(1.0 for forms in wanted if not forms.isdisjoint(stems))
        if wants_number and _NUMBER_WORDS.search(lower) and not re.search(r"\d", sentence):
            score += 0.9
        if wants_number and re.search(r"\d", sentence):
            # A figure answers "hur många"; a year alone hardly does.
            figures = re.findall(r"\d+(?:[ ,.]\d+)*", sentence)
            years = [f for f in figures if re.fullmatch(r"(19|20)\d\d", f)]
            score += 0.25 if len(years) == len(figures) else 0.9
            if focus and stem(focus) in stems and len(years) < len(figures):
                score += 1.5
                # "2958 elever": the figure counts the very thing asked about.
                if re.search(rf"\d[\d ]*\s+(?:\w+\s+)?{re.escape(stem(focus))}", normalize(lower)):
                    score += 1.0
        if wants_list and (sentence.count(",") >= 3 or ";" in sentence):
            score += 0.5
        if wants_number and _AMOUNT_WORDS.search(lower):
            score += 1.0
        if len(sentence) > 400:
            score -= 0.5
        if score > best[0]:
            best = (score, sentence)
    title_bonus = sum(1 for t in terms if any(w in title.lower() for w in t.exact))
    sentence = best[1]
    index = split.index(sentence) if sentence in split else -1
    if index > 0 and len(sentence) < 40:
        # "Totalt 2 900 000 kr" says little alone: give it the sentence before.
        sentence = f"{split[index - 1]} {sentence}"
    elif 0 <= index < len(split) - 1 and len(sentence) + len(split[index + 1]) < 320:
        sentence = f"{sentence} {split[index + 1]}"  # what was said next, for context
    return best[0] + 0.5 * title_bonus, sentence
