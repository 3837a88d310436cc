"""Everyday words members use where minutes write another ("tjejer", "flickor"): each word of
a group stands for the others in a search. Only words of one meaning belong here; a word
with several meanings would find the wrong passages."""

from __future__ import annotations

from knowledge.language.text import normalize

_GROUPS = [
    ("totalt", "sammanlagt", "summa", "totalsumma"),
    ("tjejer", "flickor"),
    ("killar", "pojkar"),
    ("mejl", "mail", "e-post", "epost"),
    ("pengar", "medel"),
    ("gratis", "kostnadsfri", "kostnadsfria", "kostnadsfritt", "avgiftsfri", "avgiftsfria"),
]
_BY_WORD = {normalize(word): group for group in _GROUPS for word in group}


def synonyms(word: str) -> tuple[str, ...]:
    """The other words of ``word``'s group (folded match), or ()."""
    group = _BY_WORD.get(normalize(word), ())
    return tuple(w for w in group if normalize(w) != normalize(word))
