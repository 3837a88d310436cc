"""Reading an answer out of a sentence: what kind of answer a question wants, whether a
sentence holds one, and which of the question's words an answer must contain.

A sentence answers only when it holds every distinctive word of the question (rare in the
corpus, a proper name, a year) and, when the question wants an amount, a count, a date, a
person or a duration, something of that kind. Otherwise the honest answer is "not found":
a sentence that shares the subject but not the figure asked for is another subject's answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.dates import MONTH_PATTERN, MONTHS, WEEKDAYS, find_dates
from knowledge.language.synonyms import synonyms
from knowledge.language.text import looks_like_verb, normalize, stem
from knowledge.qa.corpus import Corpus
from knowledge.qa.named_people import CAPITAL_INSIDE, ROLE_NOUNS, names_besides, names_someone
from knowledge.qa.sentences import Sentences
from knowledge.qa.types import Term

AMOUNT, COUNT, DATE, PERSON, DURATION = "amount", "count", "date", "person", "duration"
PLACE, TOWN, AGE = "place", "town", "age"
SHARE = "share"  # "hur stor andel", "svarsfrekvens": a per cent or a fraction
LIST = "list"  # "vilka kommuner …": no gate, but a listing is preferred
NAMES = "names"  # "vilka andra regioner …": things with names, named
# Things a list answers by their names ("två andra regioner" names none).
_NAMED_THINGS = (
    r"(regioner|foreningar|organisationer|foretag|leverantorer|skolor|lander|partier|aktorer)"
)
# How a missing kind is named in an honest answer ("Jag hittar inget belopp om …").
KIND_NAMES = {
    AMOUNT: "inget belopp",
    COUNT: "inget antal",
    SHARE: "ingen andel",
    DATE: "inget datum eller någon tidpunkt",
    PERSON: "inget namn",
    DURATION: "ingen tidsangivelse",
    AGE: "ingen ålder",
    PLACE: "ingen plats",
    TOWN: "ingen kommun",
    NAMES: "inga namn",
}

_SHARE = re.compile(
    r"\d[\d,.]*\s*(?:%|procent)|\b(?:hälften|halva|en (?:tredjedel|fjärdedel|femtedel)|"
    r"två tredjedelar|tre fjärdedelar|var (?:annan|tredje|fjärde|femte|tionde))\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    r"(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|"
    r"sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|hundra|tusen)"
)
_AMOUNT = re.compile(
    r"\d[\d\s.,]*\s*(?:kr\b|kronor|tkr|mkr|mnkr|msek|ksek|miljon|miljard|tusen kronor)"
    r"|\b(?:miljoner|miljarder) kronor",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(?<![\d-])\d+(?:[ ,.]\d+)*(?![\d-])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_UNTIL = r"(?:till och med|t\.?\s?o\.?\s?m\.?|fram till|till)\s+(?:den\s+)?"
_DURATION = re.compile(
    r"\b(?:varje|vartannat|var tredje|vart|per|en gång|två gånger|årligen|årlig|månatlig\w*|"
    r"veckovis|kvartal\w*|halvår\w*)\b"
    r"|\b\d+\s*(?:år|månader|månad|veckor|vecka|dagar|dag|timmar|timme|minuter|gånger)\b"
    r"|\b\w+ gånger\b"
    rf"|\b{_NUMBER_WORDS}\s+(?:år|månader|veckor|dagar|timmar)\b"
    # "hur länge": as long as until a day ("till och med den 31 december 2021")
    rf"|\b{_UNTIL}\d{{1,2}}\s+(?:{MONTH_PATTERN})|\b{_UNTIL}\d{{4}}-\d\d-\d\d",
    re.IGNORECASE,
)
# "mellan 13 och 25 år", "18-25 år", "75-åringar", "i åldern …"
_AGE = re.compile(r"\b\d{1,3}\s*(?:år\b|-?åring\w*)|\b(?:ålder|åldern|åldrar\w*)\b", re.I)
_WEEK = re.compile(r"\b(?:vecka|v\.)\s?\d{1,2}\b", re.IGNORECASE)  # "vecka 44": a time
_SEASONS = re.compile(r"\b(?:våren|hösten|sommaren|vintern|vår|höst|årsskiftet|halvår)\b", re.I)
# Where something is: a room or building word, an address, a town after "i", or online.
_PLACE = re.compile(
    r"\b\w*(lokal(en|er|erna)?|rum(met)?|salen|huset|gatan|vägen|torget|"
    r"kommunhus\w*|stadshus\w*)\b|\b(digitalt|teams|zoom|skype)\b",
    re.IGNORECASE,
)
_IN_TOWN = re.compile(r"\b(?:i|på) [A-ZÅÄÖ]\w+")
# Which kind of answer a question wants, from its folded text; the first that matches wins.
_WANTS: list[tuple[str, re.Pattern[str]]] = [
    (AGE, re.compile(r"\bhur (gamla|gammal)\b|\bvilken alder\b|\bvilka aldrar\b")),
    (DURATION, re.compile(r"\bhur (ofta|lange|manga ganger)\b|\bhur lang tid\b")),
    # "hur stor andel", "svarsfrekvens"; "hur mycket blir Noras andel" asks for an amount
    (
        SHARE,
        re.compile(
            r"^(?!.*\bhur mycket\b).*(\bhur stor (andel|procent)\b|\bhur manga "
            r"procent\b|\bsvarsfrekvens\w*)"
        ),
    ),
    (COUNT, re.compile(r"\bhur manga\b|\bantal(et)?\b")),
    (
        DATE,
        re.compile(
            r"^(nar|till nar|fran nar)\b|\b(nar|vilket datum|vilken dag|vilket ar|vilken manad|"
            r"vilken vecka|till nar|senast nar|datum)\b"
        ),
    ),
    (
        PLACE,
        re.compile(
            r"^var (halls|holls|hals|ar|ligger|lag|sker|skedde|ager|agde|blir|blev|traffas)\b"
            r"(?! ansvar)|\b(vilken lokal|vilken plats|var nagonstans)\b"
            # "vart startade projektet": where it began (spoken "vart" for "var")
            r"|^vart? (startade|startar|borjade|borjar|startades)\b"
        ),
    ),
    (PERSON, re.compile(r"^vem\b|\bvem (ar|var|ska|har|leder|ledde|fick|tog)\b|\bvilken person\b")),
    (
        AMOUNT,
        re.compile(
            r"\bhur mycket\b|\bkosta(r|de|t)?\b|\bhur stor (budget|kostnad|summa|del|andel)"
            # "vad kommer förskolan att gå på", not "vad går det ut på"
            r"|^(?!.*\but pa\W*$)vad (kommer .+ att |ska .+ )?ga(r)? .*\bpa\W*$"
            # compounds too: "totalbudgeten", "verksamhetsbidrag", "tilläggsbeloppet"
            r"|\b\w*(budget\w*|kostnad\w*|belopp\w*|pengar|summa\w*|finansier\w*|bidrag\w*|"
            r"anslag\w*|avgift\w*|ersattning\w*|(borgens|investerings|lane|kredit)ram\w*|"
            r"stimulansmedel|skattesats\w*|kronor|tkr|mkr|mnkr)\b"
        ),
    ),
    (TOWN, re.compile(r"\bvilken (kommun|ort)\b")),
    (NAMES, re.compile(rf"\bvilka (andra |fler |ovriga )?{_NAMED_THINGS}\b")),
    (LIST, re.compile(r"^(i )?vilka\b|\bvilka (kommuner|ar|var|delar|omraden|aktiviteter)\b")),
]


_DAY_ASKED = re.compile(r"\b(vilket datum|vilken dag|vilka datum|datumet)\b")


@dataclass(frozen=True)
class Wanted:
    """The kind of answer a question asks for, and for a count the thing counted."""

    kind: str | None
    focus: str | None = None  # "hur många elever": elever
    asked: frozenset[str] = frozenset()  # the question's words, folded: no answer to itself
    day: bool = False  # "vilket datum": a day is asked for, a year or a month is no answer
    # the figures the question states ("de 85 000 kronorna"), digits only: what it knows
    figures: frozenset[str] = frozenset()


def wanted(
    folded: str, stopwords: set[str], is_verb: Callable[[str], bool] = looks_like_verb
) -> Wanted:
    """What ``folded`` (a question, folded) asks for; kind None for descriptions and lists.
    ``is_verb`` tells a verb from the thing counted ("hur många deltar" counts no "deltar")."""
    for kind, pattern in _WANTS:
        if pattern.search(folded):
            focus = None
            if kind == COUNT:
                # "hur många nya medlemmar": the members are counted, the new ones asked for
                counted = re.search(
                    r"\b(?:hur manga|antal(?:et)?)\s+(?:(?:nya|fler|ytterligare)\s+)?(\w+)", folded
                )
                word = counted.group(1) if counted else ""
                # "hur många deltar": a verb says what they do, not what is counted
                noun = (
                    word not in stopwords
                    and word not in _MANNER
                    and len(word) > 2
                    and not is_verb(word)
                )
                focus = word if noun else None
            if kind == PERSON:
                # "vem är projektledare för X": the name stands beside the role
                role = ROLE_ASKED.match(folded)
                word = role.group(1) if role else ""
                split = (
                    re.match(
                        rf"{re.escape(word)}s? ({ROLE_NOUNS})\b", folded[role.end(1) - len(word) :]
                    )
                    if role
                    else None
                )
                if split:
                    word = word + split.group(1)  # "biblioteks chef": the bibliotekschef
                # a role is a noun: "invald", "anställd", "ansvarig" are no roles
                noun = not word.endswith(("d", "ig")) and not is_verb(word)
                if word not in stopwords and len(word) > 4 and noun:
                    focus = word
            if kind == AMOUNT:
                # "vilken skattesats": the amount is of that, said with it
                which = re.search(r"\bvilke[nt] (\w+)", folded)
                focus = which.group(1) if which and pattern.search(which.group(1)) else None
            day = kind == DATE and bool(_DAY_ASKED.search(folded))
            return Wanted(
                kind, focus, frozenset(re.findall(r"[\w-]+", folded)), day, figures_in(folded)
            )
    size = _SIZE_OF.search(folded)
    if size and any(fuzz.partial_ratio(noun, size.group(1)) >= 80 for noun in _MONEY_NOUNS):
        # "hur stort tilläggsanlag": an amount, however the word is misspelt
        return Wanted(
            AMOUNT, None, frozenset(re.findall(r"[\w-]+", folded)), False, figures_in(folded)
        )
    return Wanted(None, figures=figures_in(folded))


_SIZE_OF = re.compile(r"\bhur (?:stor|stort|stora) (\w{6,})")
_MONEY_NOUNS = ("anslag", "bidrag", "budget", "kostnad", "belopp", "summa", "avgift", "ersattning")


def known_figures(sentence: str, want: Wanted) -> bool:
    """Whether every figure ``sentence`` holds is one the question states."""
    if not want.figures:
        return False
    held = figures_in(sentence)
    return bool(held) and held <= want.figures


def figures_in(text: str) -> frozenset[str]:
    """The figures of ``text`` as digits ("85 000 kr" -> "85000"), years left out."""
    found = (re.sub(r"\D", "", m) for m in re.findall(r"\d{1,3}(?: \d{3})+|\d+(?:[.,]\d+)?", text))
    return frozenset(f for f in found if not re.fullmatch(r"(19|20)\d\d", f))


# The same sentence is read again for every passage that repeats it (a theme listed at every
# meeting, a standing decision) and for the next question of the same kind: tens of
# microseconds of patterns each time.
@lru_cache(maxsize=16384)
def holds(text: str, want: Wanted) -> bool:
    """Whether ``text`` holds an answer of the wanted kind."""
    if want.kind in (None, LIST):
        return True
    if want.kind == AMOUNT:
        if want.focus and want.focus[:8] not in normalize(text):
            return False  # "vilken skattesats": a sum said of something else is no answer
        # the sum the question states is what it knows, not what it asks
        return any(
            re.sub(r"\D", "", m.group(0).split(" k")[0]) not in want.figures
            for m in _AMOUNT.finditer(text)
        )
    if want.kind == COUNT:
        return _has_count(text, want.focus, want.asked)
    if want.kind == SHARE:
        return bool(_SHARE.search(text) or _AMOUNT.search(text))  # a share may be in kronor
    # "avslutas 250331": asked when, six digits that make a date are one
    if want.kind == DATE and want.day:
        return bool(find_dates(text, allow_yymmdd=True))
    if want.kind == DATE:
        lower = text.lower()
        # A year the question names is part of its subject ("konferensen E-hälsa 2025").
        return bool(
            find_dates(text, allow_yymmdd=True)
            or _WEEK.search(text)
            or set(_YEAR.findall(text)) - want.asked
            or _SEASONS.search(text)
            or any(
                re.search(rf"\b{re.escape(m)}\b", lower)
                for m in MONTHS
                if len(m) > 3 and normalize(m) not in want.asked  # "i december": not the date
            )
            or any(re.search(rf"\b{day}\b", lower) for day in WEEKDAYS)
        )
    if want.kind == NAMES:
        return names_besides(text, want.asked)
    if want.kind == PERSON:
        return names_someone(text, want.focus, want.asked)
    if want.kind == DURATION:
        return bool(_DURATION.search(text))
    if want.kind == TOWN:
        # "Vilken kommun blir värdkommun?": a town other than those the question names
        # "Region Örebro län" is the region, not the town
        text = re.sub(r"\bRegion Örebro län\b|\bÖrebro läns?\b", " ", text)
        return any(
            re.search(rf"\b{re.escape(town)}", text) and normalize(town) not in want.asked
            for town in MUNICIPALITIES
        )
    if want.kind == AGE:
        return bool(_AGE.search(text))
    if want.kind == PLACE:
        return bool(_PLACE.search(text) or _IN_TOWN.search(text))
    return True


# "vem är förbundschef", "vem var ny socialchef": the role asked who holds (folded)
ROLE_ASKED = re.compile(
    r"^(?:och )?vem (?:ar|var|e|blir|blev) (?:nu |numera |ny |nya |den nya |nuvarande )?([\w-]+)"
)
# "hur många totalt": how they are counted, not what
_MANNER = {"totalt", "sammanlagt", "ungefar", "cirka", "ca", "nu", "idag"}


def _root(word: str) -> str:
    """Enough of a word's stem to find its inflections ("elever", "elev"), and all of a
    short one."""
    stemmed = stem(word)
    return stemmed[:5] if len(stemmed) > 6 else stemmed


def _has_count(text: str, focus: str | None, asked: frozenset[str] = frozenset()) -> bool:
    """A figure that is not a year or an amount; next to the counted thing when one is named."""
    without = _NOT_COUNTS.sub(" ", _AMOUNT.sub(" ", text))
    figures = [f for f in _FIGURE.findall(without) if not _YEAR.fullmatch(f.strip())]
    words = re.findall(rf"\b{_NUMBER_WORDS}\b", without.lower())
    if not figures and not words:
        return False
    if focus is None:
        return True
    # "hur många tjejer": "31 flickor" counts them too
    roots = "|".join(re.escape(_root(w)) for w in (focus, *synonyms(focus)))
    folded = normalize(without)
    number = rf"(?:\d[\d ,.]*|{normalize(_NUMBER_WORDS)})"
    # "40 nya medlemmar" counts the new ones, not how many there are, unless asked so; asked
    # for new ones, a count of all is no answer
    wants_change = bool(_CHANGE & asked)
    return any(
        bool(set(match.group(1).split()) & _CHANGE) == wants_change
        for match in re.finditer(rf"{number}\s+((?:\w+\s+){{0,2}})(?:{roots})", folded)
    )


# Figures that count nothing: a time ("klockan 17 och 19", "kl. 13.00–16.00"), a day of a
# month ("den 7 juni"), a § number.
_NOT_COUNTS = re.compile(
    r"\b(?:klockan|kl\.?)\s*\d[\d.:]*(?:\s*(?:–|-|och|till)\s*\d[\d.:]*)?"
    r"|\b\d{1,2}[.:]\d\d\b"
    rf"|\b\d{{1,2}}\s+(?:{MONTH_PATTERN})\b"
    r"|§\s*\d+",
    re.IGNORECASE,
)
# Words that make a count one of a change: "nya", "fler", "ytterligare".
_CHANGE = {"nya", "fler", "ytterligare", "farre", "nytillkomna", "tillkommande"}


def years(text: str) -> set[str]:
    """The years a text names ("2024")."""
    return set(_YEAR.findall(text))


@dataclass(frozen=True)
class Weights:
    """How much each query term counts (rare words more), and which ones an answer needs."""

    weight: dict[str, float]  # term word -> idf
    required: list[Term]  # names: an answer without them is about something else
    rarest: list[Term]  # the question's rarest words: the passage must be about them

    def coverage(self, terms: list[Term], stems: Set[str]) -> float:
        """The share of the question's weight that ``stems`` hold."""
        total = sum(self.weight[t.word] for t in terms) or 1.0
        held = sum(self.weight[t.word] for t in terms if t.held(stems))
        return held / total


class AskedStems:
    """A question's terms as the sentences of its passages are read. Whether a term is held
    reads only the term's own stems and parts, so the stems of every text are cut to those
    (each text once): the sets joined for each sentence are then of a few stems, few of them
    differ, and what each holds of the question is weighed once."""

    def __init__(
        self, sentences: Sentences, terms: list[Term], weights: Weights, neighbour: float
    ) -> None:
        self._sentences = sentences
        self._terms = terms
        self._weights = weights
        self._neighbour = neighbour
        self._asked = frozenset().union(*(t.all_stems | set(t.parts) for t in terms))
        self._cut: dict[str, frozenset[str]] = {}
        self._covered: dict[frozenset[str], float] = {}
        self._weighed: dict[tuple[frozenset[str], frozenset[str]], float] = {}

    def cut(self, stems: Set[str]) -> frozenset[str]:
        """Those of ``stems`` that the question's terms have."""
        return self._asked.intersection(stems)

    def of(self, text: str) -> frozenset[str]:
        """The stems of a sentence, title or label that the question's terms have."""
        found = self._cut.get(text)
        if found is None:
            found = self._cut[text] = self._asked.intersection(self._sentences.stems(text))
        return found

    def coverage(self, stems: frozenset[str]) -> float:
        """``Weights.coverage`` of the terms."""
        found = self._covered.get(stems)
        if found is None:
            found = self._covered[stems] = self._weights.coverage(self._terms, stems)
        return found

    def weighed(self, own: frozenset[str], around: frozenset[str]) -> float:
        """The weight of the terms ``around`` holds, of those ``own`` does not hold only the
        ``neighbour`` share."""
        found = self._weighed.get((own, around))
        if found is None:
            found = self._weighed[own, around] = sum(
                self._weights.weight[t.word] * (1.0 if t.held(own) else self._neighbour)
                for t in self._terms
                if t.held(around)
            )
        return found


# An answer must hold at least this share of the question's weight (rare words weigh most),
# and every word nearly as rare as the rarest.
COVERAGE = 0.6
RAREST = 0.8
VERB_WEIGHT = 0.5  # a verb in a question ("fastställde") weighs half its rarity


def weigh(
    corpus: Corpus, terms: list[Term], question: str, also_required: str | None = None
) -> Weights:
    """Inverse document frequencies of the terms, and the names among them: written with a
    capital inside the question and not common in the corpus (a project, a place, a person)."""
    total = max(1, corpus.passage_count())
    capitalised = {normalize(w) for w in CAPITAL_INSIDE.findall(question)}
    capitalised |= {normalize(w) for w in re.findall(r"\b\w*[a-zåäö][A-ZÅÄÖ]\w*", question)}
    weight: dict[str, float] = {}
    required: list[Term] = []
    for term in terms:
        # The word itself and its stem: compounds that contain it say little of its rarity.
        df = corpus.frequency(term)
        weight[term.word] = math.log(1 + total / (1 + df))
        if term.verb:
            weight[term.word] *= VERB_WEIGHT
        if normalize(term.word) in capitalised and df <= 0.25 * total:
            required.append(term)
        elif also_required and term.word == also_required:
            required.append(term)  # the town asked about, however often the corpus names it
    nouns = [t for t in terms if not t.verb] or terms
    top = max((weight[t.word] for t in nouns), default=0.0)
    rarest = [t for t in nouns if weight[t.word] >= RAREST * top]
    return Weights(weight, required, rarest)


def listing(text: str) -> float:
    """How much ``text`` looks like a listing: separators and names, capped."""
    separators = text.count(",") + text.count(";") + text.count("\t")
    return min(2.0, 0.3 * separators)
