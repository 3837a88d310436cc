"""The slots of a question read from its words: the council and the town it names, the aspect
of a meeting it asks about (chair, absent, agenda …), and the content words left when the
question words, slots and fillers are taken out.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from knowledge.bodies import CHEFSGRUPP, FOLKHALSA, MUNICIPALITIES, REGION, SOCIAL
from knowledge.language.text import normalize
from knowledge.qa.bodies import names_body, shared_town
from knowledge.qa.corpus import Corpus
from knowledge.qa.meeting_dates import MONTH_MEETING
from knowledge.qa.search import vocabulary
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import Query

MEETING_ASPECTS: list[tuple[str, re.Pattern[str]]] = [
    ("chair", re.compile(r"\bordforande\w*|\bledde\b|\bledde motet\b|\bordf\b")),
    (
        "secretary",
        re.compile(
            r"\bsekreterare\w*|\bprotokollet forde|\b(forde|skrev) (protokoll|anteckning)\w*"
            r"|\bantecknare\b|\bprotokollforare\b"
        ),
    ),
    ("approved", re.compile(r"\bjusterat\w*\b|\bjusterades\b|\bjusteringsdatum\b")),
    ("adjusters", re.compile(r"\bjusterare\w*|\bjusterade\b")),
    (
        "absent",
        re.compile(
            r"\bfranvar\w*|\bvilka saknades\b|\bvar borta\b|\b(hade|anmalt|anmalde) forhinder\b"
        ),
    ),
    # "närvårdsteamet" is no "närvarande"
    (
        "attendees",
        # "deltog i undersökningen" asks of something else than a meeting
        re.compile(
            r"\bnarvar(?!d)\w*|\bdeltagare\b|\bvar med?\b|\bvilka var\b|\btjg\b|\btjanstgorande\b"
            r"|\b(?:var|kom) (?:dar|dit|pa plats)\b"  # "hur många ledamöter var där"
            r"|^var\b[^?]{1,60}\bmed (?:pa|i|vid)\b"  # "Var Hallsbergs ledamot med på …"
            r"|\bdeltog\w*(?!\s+(?:i|pa)\s+(?!(?:det |den |dagens )?"
            r"(?:mote|motet|moten|sammantrade\w*|\w*radsmote\w*|\w*motet|\w*radet|\w*gruppen|"
            r"\w*namnden|\w*styrelsen|\w*utskottet|\w*fullmaktige)\b)\w)"
        ),
    ),
    (
        "agenda",
        re.compile(
            r"\bdagordning\w*|\bagenda\w*|\bpunkter\w*|\barenden\w*|\bvad togs upp\b"
            r"|\bvad handlade\b|\bvad hande\b|\bvad gick\b|\binnehall\w*"
        ),
    ),
    (
        "place",
        re.compile(
            r"\bvar (holls|hölls|holl|hols|var|ar|ligger|hade|traffades|mottes)\b|\bplats\w*"
            r"|\blokal\w*|\bvar hals\b"
        ),
    ),
    (
        "time",
        re.compile(
            r"\bnar (och var )?(holls|var|borjade|slutade|traffades|mottes|sammantradde)\b"
            r"|\bvilken tid\b|\bklockan\b"
        ),
    ),
    ("weekday", re.compile(r"\bveckodag\b|\bvilken dag\b")),
]
REPRESENT = re.compile(
    r"\brepresent\w*|\bforetrad\w*|\bsitter for\b|\bledamot(en)?\b|\bledamoter\b"
)
SUBSTITUTE = re.compile(r"\bersattare\w*|\bersatter\b|\bvikarie\w*|\bhoppa(r)? in\b")
COUNCILS: list[tuple[str, re.Pattern[str]]] = [
    # "chefsgrupen": a dropped double consonant still names it
    (CHEFSGRUPP, re.compile(r"\bchefsgrupp?\w*|\bchefs grupp?\w*|\btjanstepersons?grupp?\w*")),
    (
        FOLKHALSA,
        re.compile(
            r"\bfolkhalsoradet\b|\bfolkhalsorad\w*|\bradet (for )?folkhalsa\b"
            r"|\bsamverkansradet (for )?folkhalsa\b|\bspecifika radet folkhalsa\b"
        ),
    ),
    (
        SOCIAL,
        re.compile(
            r"\bsocial valfard\b|\bvard och omsorg\b|\bsocialradet\b|\bvalfardsradet\b"
            r"|\bspecifika radet\b|\bspecifika samverkansradet\b|\bradet\b"
        ),
    ),
]


def council_named(folded: str) -> str | None:
    for key, pattern in COUNCILS:
        if pattern.search(folded):
            return key
    return None


def municipality_named(folded: str) -> str | None:
    if re.search(r"\bregion(en|ens)?\b", folded) and not re.search(r"\bregionala\b", folded):
        return REGION
    tokens = re.findall(r"\w+", folded)
    for name in MUNICIPALITIES:
        key = normalize(name)
        for token in tokens:
            stem = re.sub(r"s$", "", token)
            if token == key or stem == key:
                return name
            if len(key) >= 6 and fuzz.ratio(token, key) >= 85:
                return name
    return None


# Phrases that only join a question's parts or say when at large: "och i så fall vad",
# "över huvud taget", "från början", "till slut".
_FILLER_PHRASES = re.compile(
    r"\b(i så fall|i sa fall|isåfall|över huvud taget|overhuvudtaget|överhuvudtaget|"
    r"i vilket fall|i alla fall|till exempel|från början|fran borjan|till slut|till sist|"
    r"någon gång|nagon gang|nån gång|nan gang)\b",
    re.IGNORECASE,
)


def topic_words(text: str, query: Query, corpus: Corpus | None = None) -> list[str]:
    """Content words: what is left after question words, slots and fillers."""
    words = re.findall(r"[^\W_]+(?:-[^\W_]+)*", _FILLER_PHRASES.sub(" ", text))
    skip = set()
    if query.person:
        skip.update(normalize(query.person).split())
    if query.municipality:
        skip.update(normalize(query.municipality).split())
    # "hur stort", "hur gamla", "hur länge": the measure asked for, not the subject.
    measure = {m.group(1) for m in re.finditer(r"\bhur (\w+)", query.folded)}
    # "samverkansrådet för folkhälsa": the council's name, not its subject
    naming = {
        word
        for _, pattern in COUNCILS
        for match in pattern.finditer(query.folded)
        if "rad" in match.group(0)
        for word in match.group(0).split()
    }
    out = []
    for word in words:
        folded = normalize(word)
        if folded in measure or folded in naming:
            continue
        if folded in STOPWORDS or folded in skip or len(folded) < 2:
            continue
        # "forslagits" is a misspelt question word, "kostnader" (close to "kostade") a word
        # the documents use
        written = corpus is not None and folded in vocabulary(corpus).by_folded
        if not written and _misspelt_stopword(folded):
            continue
        if folded.isdigit() and len(folded) != 4:
            continue
        if re.fullmatch(r"\d{4}", folded) and query.has_meeting_ref:
            continue
        if _is_date_word(folded) or MONTH_MEETING.fullmatch(folded):
            continue
        if any(p.search(folded) for _, p in MEETING_ASPECTS) or SUBSTITUTE.search(folded):
            continue
        if REPRESENT.search(folded) or _COUNCIL_WORDS.search(folded):
            continue
        if query.document_kind and re.fullmatch(r"rapport(en|er|erna)?|redovisning(en)?", folded):
            continue
        if (
            query.body
            and corpus is not None
            and names_body(corpus, query.body, word)
            and not shared_town(corpus, query.body, word)
        ):
            continue
        if query.municipality and word[:1].isupper() and municipality_named(folded):
            continue  # the town as written: "Karlskogas", "Ljusnarsbeg"
        out.append(word)
    return out


_LONG_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= 6)


def _misspelt_stopword(folded: str) -> bool:
    """ "forslagits", "beslutdes": a question word with a typo is still no topic."""
    if len(folded) < 6:
        return False
    return (
        process.extractOne(folded, _LONG_STOPWORDS, scorer=fuzz.ratio, score_cutoff=85) is not None
    )


_COUNCIL_WORDS = re.compile(
    # "SVO": social välfärd samt vård och omsorg, the area of the council and its chefsgrupp
    r"^(folkhalsoradet|socialradet|valfardsradet|region|regionen|kommun|kommunen|specifik|svo)$"
)
_DATE_WORDS = re.compile(
    r"^(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|mandag|tisdag|onsdag|torsdag|fredag|"
    r"lordag|sondag|idag|igar|imorgon|ar|aret|arets|\d{4}-\d{2}-\d{2}|\d{1,2}:?e|"
    r"tid|tiden|klockslag|dar|dit)$"  # "och vilken tid": when, not what about
)


def _is_date_word(folded: str) -> bool:
    return bool(_DATE_WORDS.match(folded))
