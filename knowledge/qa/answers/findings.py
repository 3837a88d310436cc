"""The sentences of a topic's passages that answer its question, scored and best first.

Every sentence of the best passages is a candidate. It scores by the rarity of the question's
words it holds (in itself, the next sentence, or its item's title), by holding the kind of
answer asked for, and by its words standing close together; it must pass the gates below (the
question's names, its years and period, what an amount is for) to count at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.dates import find_dates, find_months
from knowledge.language.text import normalize
from knowledge.qa.corpus import Corpus
from knowledge.qa.owners import another_party, parties
from knowledge.qa.reading import (
    AGE,
    AMOUNT,
    COVERAGE,
    DATE,
    LIST,
    PLACE,
    TOWN,
    AskedStems,
    Wanted,
    Weights,
    holds,
    known_figures,
    listing,
    years,
)
from knowledge.qa.sentences import introduces, with_context
from knowledge.qa.types import Hit, Query, Term
from knowledge.storage import corpus_bodies, corpus_queries

_THEME_LIST = re.compile(r"\bteman? (till|för) kommande|\bförslag (på|till) teman?\b", re.I)
# A sentence whose neighbour holds the figure asked for answers less well than one that does.
NEIGHBOUR_HOLDS = -3.0
NEIGHBOUR = 0.4  # the weight of a word held by the next sentence only
# A question about what was granted or decided, and the sentences that only propose or apply.
_RECEIVED = re.compile(r"\b(fick|far|beviljades|beviljats|blev|beslutade\w*|faststallde\w*)\b")
_PROPOSED = re.compile(r"\b(yrkar|yrkande\w*|ansökt|ansöker|ansökan|begär\w*)\b", re.I)
PROPOSED = 2.0
# "förlängdes", "avsattes", "beviljades": asked what was done, the decision tells it.
_PAST_PASSIVE = re.compile(r"\b\w{4,}(?:ades|ddes|des|tes)\b")
_DECIDING = re.compile(r"(beslut|bevilj|avsat|faststall|forlang|godkan|utsag|tillsat)")  # folded
_DECISION_CLAUSE = re.compile(r"\bbeslut(?:ar|ade|s)? att\b|^\s*att\b|\bbeslut\b", re.IGNORECASE)
DECIDED = 0.5
_FUTURE = re.compile(r"\b(nar|till nar) (ska|skall|kommer|blir|planeras|beraknas)\b")
_PERIOD_YEAR = re.compile(r"\b(?:för|for|under|inför|infor|år|ar)\s+((?:19|20)\d\d)\b", re.I)
# "Vad svarade/sa/tyckte X": what someone said is told with a verb of saying.
_ASKS_SPEECH = re.compile(
    r"(vad|hur) (svarade|svarar|sa|sade|sager|tyckte|tycker|ansag|anser|menade|lovade|kravde|"
    r"kritiserade|framforde|uppgav)\b"
)
# "Vad informerade X om": all X told, which may go on in later sentences.
_ASKS_TOLD = re.compile(
    r"vad (informerade|informerar|berattade|berattar|redogjorde|rapporterade)\b"
)
_TOLD_TOO = re.compile(
    r"^(Hon|Han|Hen|De|Vidare|Dessutom)\b.*\b(också|även|vidare)\b|^(Vidare|Dessutom)\b"
)
_SPEECH = re.compile(
    r"\b(svar\w*|sa|sade|sagt|säger|tyck\w*|ansåg|anse\w*|men(ar|ade)|lova\w*|kräv\w*|"
    r"föreslog|föreslår|förslag\w*|kritiser\w*|meddela\w*|uppg(av|er)|berätta\w*|"
    r"informera\w*|framför\w*|påpeka\w*|betona\w*|poängtera\w*|redogj\w*|redogör\w*|"
    r"beskr\w*|önska\w*|vill|framhöll|lyfte|efterfråga\w*)\b",
    re.IGNORECASE,
)
# A sentence that reports a question asked at the meeting ("Linda Kask frågade hur lång
# väntetiden är"): it holds the question's words and kind, and answers nothing.
_ASKED_HERE = re.compile(
    r"\b(frågade|undrade|ställde frågan|ställde en fråga)\s+(om\s+)?"
    r"(hur|vad|när|vem|vilk\w+|var)\b",
    re.IGNORECASE,
)
LEAST_SCORE = 0.3  # of the question's weight: the least score of an answering sentence
SENTENCE_COVERAGE = 0.3  # of the question's weight, in the sentence, its neighbour or title


@dataclass(frozen=True)
class Finding:
    """A sentence that answers, with its score and the passage it stands in."""

    score: float
    sentence: str
    hit: Hit


def answering_sentences(
    corpus: Corpus,
    query: Query,
    terms: list[Term],
    weights: Weights,
    want: Wanted,
    hits: list[Hit],
    *,
    themes: bool = False,
    period: date | None = None,
) -> list[Finding]:
    """Every sentence of the hits that passes the gate, best first; of the themes proposed
    for coming meetings only with ``themes``; with ``period``, only those naming its month
    (and day, when the question gave one)."""
    asked_years = years(query.text)
    period_years = set(_PERIOD_YEAR.findall(query.text))
    asks_speech = bool(_ASKS_SPEECH.match(query.folded))
    asks_told = bool(_ASKS_TOLD.match(query.folded))
    # unless the question is what was asked ("vad frågade Linda Kask om")
    asked_here_is_no_answer = "fraga" not in query.folded and "undra" not in query.folded
    total = sum(weights.weight[t.word] for t in terms)
    received = bool(want.kind) and bool(_RECEIVED.search(query.folded))
    decided = any(_DECIDING.match(verb) for verb in _PAST_PASSIVE.findall(query.folded))
    future = want.kind == DATE and bool(_FUTURE.search(query.folded))
    findings = []
    least = LEAST_SCORE * total
    needed_terms = (*weights.required, *weights.rarest)
    subject = [t for t in weights.rarest if not t.word.isdigit()]
    asked_parties = parties(query.text) if want.kind == AMOUNT else set()
    # A word the item's title holds says which item, not which of its sentences: it counts for
    # every sentence of the item, so the one that repeats the heading is no better than the one
    # that answers. A word only the next sentence holds counts less.
    asked = AskedStems(corpus.sentences, terms, weights, NEIGHBOUR)
    for hit in hits:
        if (hit.kind == "theme" or bool(_THEME_LIST.search(hit.title))) != themes:
            continue  # a theme proposed for a coming meeting names a subject, says nothing of it
        text = hit.text
        if hit.kind == "decision":
            # A decision alone lacks what was said around it: read it in its item.
            body = corpus_queries.decision_item_body(corpus.db, hit.ref_id)
            text = body if body is not None else text
        labelled = corpus.sentences.labelled(text)
        sentences = [sentence for sentence, _, _ in labelled]
        if not sentences:
            continue  # a title alone says nothing of its subject
        # The body that wrote the document names its town: "förskolan i Lindesberg" is read
        # in the Lindesberg board's protocol, whose sentences need not repeat the town.
        title_stems = asked.of(hit.title) | asked.cut(_body_stems(corpus, hit.document_id))
        passage_stems = asked.cut(hit.stems) | title_stems
        # The passage must be about what was asked: its names and most of its weight.
        if any(not term.held(passage_stems) for term in needed_terms):
            continue
        if weights.coverage(terms, passage_stems) < COVERAGE:
            continue
        held_year = {str(hit.date.year)} if hit.date else set()
        paragraph, in_paragraph = -1, frozenset[str]()  # the stems of the paragraph so far
        in_item = set[str]()  # and of the item so far
        item_years = years(hit.title)  # the years the item named so far, its title's first
        said_years = set[str]()  # the years a sentence speaks of, when a year is asked
        named_years, told_here = set[str](), False  # the sentence's own, and its figure
        for index, sentence in enumerate(sentences):
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            window = f"{sentence} {following}"
            # "… bidrag för 2024 enligt följande:" introduces the table row that answers
            introduced = (
                sentences[index - 1] if index and introduces(sentences[index - 1], sentence) else ""
            )
            stems = asked.of(sentence)
            if labelled[index][2] != paragraph:
                paragraph, in_paragraph = labelled[index][2], frozenset()
            earlier, in_paragraph = in_paragraph, in_paragraph | stems
            # "livsmedelskontroll omfattas inte av detta ärende": neither what follows is for
            # nor an answer itself
            excluded = bool(_EXCLUDED.search(sentence))
            if not excluded:
                in_item |= stems
            if asked_years:  # the years read only for a question that names one
                # "Under 2022 deltog 64 unga. Av dem gick 27 vidare …": the year told before in
                # the item holds for what follows
                # a sentence that names its own year speaks of that year ("Bokslutet för 2023 …")
                named_years = years(sentence)
                own = named_years
                # what was asked stands in the next one, with its year; but a figure asked
                # for stands in this one ("2021 gick ca 35 miljoner kronor till kommunerna")
                told_here = want.kind not in (None, LIST) and holds(sentence, want)
                if subject and not told_here and not any(t.held(stems) for t in subject):
                    own = years(following)
                said_years = own or item_years | years(f"{introduced} {window}")
                item_years |= named_years
            if excluded:
                continue
            # "Delprojekt CROSS Nora: …" names what the sentences under it are about
            heading = title_stems | asked.of(labelled[index][1])
            around = stems | asked.of(following) | heading
            if asked.coverage(around) < SENTENCE_COVERAGE:
                continue
            # A name asked about stands in the answer itself, or earlier in its paragraph, which
            # introduced it ("… en utbildning ”Leda omställning”. … Cirka 200 personer deltar.")
            named = stems | heading | earlier
            if any(not term.held(named) for term in weights.required):
                continue
            if want.kind in (AGE, PLACE, TOWN) and any(not t.held(around) for t in weights.rarest):
                continue  # an age, a place or a town said of something else in the item
            # "250 000 kr för åtgärder. Först ut är en ny ramp …": not what the ramp costs;
            # what an amount is for is told before it in its item, or in its heading
            if want.kind == AMOUNT and any(not t.held(heading | in_item) for t in weights.rarest):
                continue
            # "Hur mycket bidrar Tillväxtverket": not what Nora's part of it is
            if want.kind == AMOUNT and asked_parties:
                figure = sentence if holds(sentence, want) else following
                if another_party(figure, asked_parties):
                    continue
            if asks_speech and not _SPEECH.search(sentence):
                continue  # "vad svarade Länstrafiken": an invitation to it says nothing of that
            if (
                asked_here_is_no_answer
                and ("råga" in sentence or "ndrade" in sentence)  # cheap before the pattern
                and _ASKED_HERE.search(sentence)
            ):
                continue  # "X frågade hur lång väntetiden är": the question, not its answer
            # The meeting's year holds for what it says, unless the question asks of a period
            # ("för 2023") and the sentence names its own: "bidrag för 2024", decided in 2023;
            # nor for a figure told with its own year ("2021 gick 35 miljoner kronor till …").
            if asked_years:
                held = held_year - period_years if said_years else held_year
                if asked_years - said_years - (set() if told_here and named_years else held):
                    continue
            # the period may be the item's, in its title ("Ekonomisk uppföljning februari 2025")
            if period and not any(
                _names_period(text, period, bool(query.meeting_date))
                for text in (sentence, hit.title)
            ):
                continue
            if future and _only_past_years(window, hit.date):
                continue  # "när ska … vara klar": "sedan 2011" tells when it began
            # A sentence that holds too little of the question answers nothing, whatever kind of
            # answer it holds: told by its score before the kind is looked for (patterns).
            base = asked.weighed(stems | heading, around)
            if _score(base, sentence, want, True, received) < least:
                continue
            answers_kind = want.kind in (None, LIST) or holds(sentence, want)
            if not answers_kind:
                if _score(base, sentence, want, False, received) < least:
                    continue
                if not holds(window, want):
                    continue
            score = _score(base, sentence, want, answers_kind, received)
            if decided and _DECISION_CLAUSE.search(f"{labelled[index][1]} {sentence}"):
                score += DECIDED  # "hur länge förlängdes": the decision, not its background
            shown = with_context(sentences, index)
            if want.kind and not holds(shown, want):
                shown = window  # what was asked stands in the next sentence: show it
            if want.kind in (None, LIST) and following and known_figures(sentence, want):
                shown = window  # it restates the sum the question knows: what follows tells
            if introduced and introduced not in shown:
                shown = f"{introduced} {shown}"
            if asks_told:
                # "Hon informerar också om …": the rest of what they told, in the paragraph
                also = [
                    later
                    for later, (_, _, number) in zip(
                        sentences[index + 1 :], labelled[index + 1 :], strict=True
                    )
                    if number == labelled[index][2] and _TOLD_TOO.match(later)
                ]
                shown = " ".join([shown, *(a for a in also if a not in shown)])
            findings.append(Finding(score, shown, hit))
    findings.sort(key=lambda f: -f.score)
    return findings


# A sentence that puts something outside the item's scope ("… omfattas inte av detta ärende").
_EXCLUDED = re.compile(
    r"\b(?:omfattas|ingår|ingick|berörs|behandlas|inkluderas)\s+(?:inte|ej)\s+(?:av|i)\s+"
    r"(?:detta|det här|denna|ärendet|beslutet|förslaget|taxan)\b",
    re.IGNORECASE,
)


def _score(base: float, sentence: str, want: Wanted, answers_kind: bool, received: bool) -> float:
    """A sentence's score: what it holds of the question (``base``), whether it holds the kind
    of answer asked for or only its neighbour does, its length, and a proposal where what was
    granted is asked."""
    score = base
    if want.kind == LIST:
        score += listing(sentence)
    elif want.kind:
        score += 1.5 if answers_kind else NEIGHBOUR_HOLDS
    if len(sentence) > 400:
        score -= 0.5
    if received and _PROPOSED.search(sentence):
        score -= PROPOSED  # "fick … i bidrag": what was granted, not what was asked
    return score


def _body_stems(corpus: Corpus, document_id: int) -> set[str]:
    """Stems of the name and town of the body that wrote a document; a body of several towns
    ("Socialchefsgruppen Sydnärke, Askersund, …, Laxå") speaks for none of them alone."""

    def load() -> set[str]:
        named = corpus_bodies.name_of(corpus.db, document_id)
        if named is None:
            return set()
        # and the town it met in, the last part of its place ("Hembygdsgården, Fjugesta"):
        # "hembygdsföreningen i Fjugesta"
        place = corpus_queries.document(corpus.db, document_id).place or ""
        met_in = place.rsplit(",", 1)[-1].strip() if "," in place else ""
        text = f"{named[0]} {named[1] or ''} {met_in}"
        towns = {m for m in MUNICIPALITIES if normalize(m) in normalize(text)}
        stems = set(corpus.sentences.stems(text))
        if len(towns) > 1:
            stems -= {s for town in towns for s in corpus.sentences.stems(town)}
        return stems

    return corpus.per_word(("body_stems", document_id), load)


def _names_period(text: str, period: date, day: bool) -> bool:
    """Whether ``text`` names the period's month (its day too with ``day``), by name or in
    a date."""
    dated = find_dates(text)
    if any(d.date.month == period.month and (not day or d.date.day == period.day) for d in dated):
        return True
    return not day and any(month == period.month for _, month in find_months(text))


def _only_past_years(text: str, written: date | None) -> bool:
    """Whether the only time ``text`` names is years before the document was written."""
    if written is None or find_dates(text):
        return False
    named = years(text)
    return bool(named) and max(int(y) for y in named) < written.year
