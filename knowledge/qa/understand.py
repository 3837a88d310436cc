"""What a member asks: the intent and its slots, from plain Swedish with typos and without å/ä/ö.

No language model: keyword lexicons matched on folded text, rapidfuzz for misspelt keywords,
names, municipalities and councils, and the Swedish date parser for meeting references.
A message that asks to do something (report förhinder, propose a theme) is recognised by
``requests`` before it is read as a question.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz, process

from knowledge.bodies import REGION
from knowledge.language.dates import MONTH_PATTERN
from knowledge.language.text import normalize
from knowledge.qa import requests
from knowledge.qa.agenda_intent import about_coming_meeting, agenda_aspect
from knowledge.qa.bodies import named_body
from knowledge.qa.corpus import Corpus
from knowledge.qa.meeting_dates import meeting_reference
from knowledge.qa.people_names import find_person, named_organisation
from knowledge.qa.question_slots import (
    MEETING_ASPECTS,
    REPRESENT,
    SUBSTITUTE,
    council_named,
    municipality_named,
    topic_words,
)
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import (
    AGENDA,
    DECISIONS,
    FOLLOW_TOPIC,
    HELP,
    MEETING,
    NEXT_MEETING,
    PERSON,
    PROPOSE_THEME,
    REPORT_ABSENCE,
    SCHEDULE,
    SEND_DOCUMENT,
    THEMES,
    TIMELINE,
    TOPIC,
    UNKNOWN,
    Query,
)

MAX_QUESTION = 500  # longer input is cut: nobody asks a question of 5,000 characters


_HELP = re.compile(
    r"^(/?hjalp|help|/start|meny)\b|\bvad kan (du|jag)\b|\bhur (funkar|fungerar|anvander)\b"
    r"|\bexempel pa fragor\b|\bvad gor du\b|^hjalp\b"
)
# "§ 93", "paragraf 12", "punkt 4": one item of a meeting
# ("§ 9 a" is 9a; "punkt 4 i handlingsplanen" is a point of something else)
_ITEM = re.compile(
    r"(?:§|\bparagraf(?:en)?|\bpunkt(?:en)?)\s*(\d{1,3}(?:\s?[a-h](?![\w-]))?)\b"
    r"(?!\s+(?:i|av|på|pa)\s+(?!(?:mötet|motet|protokollet|dagordningen|sammanträdet)\b))",
    re.IGNORECASE,
)
_BOTH_COUNCILS = re.compile(r"\bspecifika (samverkans)?rad(en|s)?\b")
# A council of samrad's named as such, not a town's council of the same kind.
_OURS_SPELLED = re.compile(r"\bspecifika\b|\bsamverkans|\bchefsgrupp|\bregion")
# "efter 20 april", "efter oktober 2023", "efter majmötet 2022", "efter extramötet 6 april"
_AFTER = re.compile(
    r"\befter (den |det )?(\w*mote\w* (i |den )?|sammantradet (i |den )?)?"
    rf"(\d|({MONTH_PATTERN})(mote\w*)?\b|(man|tis|ons|tors|fre|lor|son)dag)"
)
_NEXT = re.compile(
    r"\b(nasta|nast|kommande|naste|nesta|nastkommande|narmaste)\s+(ordinarie |extra )?"
    r"(mote|moten|motet|sammantraden?|traff|rad|radsmote|gang|\w+mote|\w+motet|fullmaktige)\b"
    r"|\bnar\s+(ar|blir|har|ses|traffas|motes|hals)\s+(vi|nasta|mote|motet|radet|chefsgruppen)"
    r"|\bnar\s+(ses|traffas)\b|\bnasta gang\b|\bkommande moten\b"
)
_DECISION = re.compile(
    r"\bbeslut\w*|\bbestam\w*|\bbeslot\w*|\bantog\w*|\bantagit\b|\bklubba\w*|\bvad blev\b"
    r"|\bgodkand\w*"
)
# "Vilka möten är planerade 2022?", "mötesdatum för 2022", "mötesplan 2023".
_SCHEDULE = re.compile(
    r"\b(moten|motesdatum|motesdagar|motestider|motesplan\w*|sammantradesplan\w*|"
    r"sammantradesdagar|sammantradesdatum|sammantradestider)\b.*\b(19|20)\d\d\b"
    r"|\b(19|20)\d\d\b.*\b(motesdatum|motesplan\w*|sammantradesplan\w*|sammantradesdatum)\b"
    r"|\bvilka moten (ar|blir|finns) (planerade|inplanerade|bokade)\b"
)
_MEETING_COUNT = re.compile(
    r"\b(hur manga|antal|antalet) (moten|radsmoten|sammantraden|protokoll|motestillfallen)\b"
)
# "var är mötet", "när börjar mötet", "hur dags börjar mötet idag": the next meeting.
_NEXT_WHERE_WHEN = re.compile(
    r"^(var|vart|nar|hur dags|vilken tid|vilken lokal)\b.*\b(motet|mote|radsmotet|sammantradet)\b"
)
# When a council or body last met: a past meeting verb after "när".
_MET = re.compile(r"^nar\b.*\b(traffades|sammantradde|mottes|hade\b.*\bmote|motet senast)\b")
_MET_WORD = re.compile(r"traffades|sammantradde|mottes|hade|senast|mote")
_MEETING_VERBS = {
    "traffas",
    "ses",
    "motes",
    "borjar",
    "slutar",
    "idag",
    "halls",
    "ligger",
    "blir",
    "ar",
    "lokal",
    "tid",
    "dags",
}
# What a protocol may have said would happen at the next meeting: someone invited, something
# raised again or reported ("vilka ska bjudas in till nästa möte"); a question about the
# meeting itself ("vilken sal", "vem leder nästa möte") asks for the meeting.
_SAID_OF_NEXT = re.compile(
    r"(in)?bjud\w*|lyft\w*|aterkomm\w*|aterrapport\w*|redovis\w*|bjuds|underlag\w*|"
    r"forbered\w*|presenter\w*|diskuter\w*|behandl\w*"
)
_WHAT = re.compile(r"(vad|vilka|vilken|vilket|vem)\b")
# Who sits in a council, and who its secretary is (the roster, not one meeting's list).
_COUNCIL_MEMBERS = re.compile(
    r"\bvilka (kommuner|organisationer|parter)\b.*\b(med|ingar|deltar|sitter|representerade)\b"
    r"|\bvilka (ar|sitter) (med i|ledamoter|ledamot)|\bvilka ledamoter\b|\bvilka sitter i\b"
    r"|\bvem sitter i \w*(radet|chefsgruppen)\b|\bledamoterna i \w*(radet|chefsgruppen)\b"
)
_MEMBERSHIP_WORDS = {
    "kommuner",
    "organisationer",
    "parter",
    "deltar",
    "med",
    "ingar",
    "sitter",
    "representerade",
    "ledamoter",
    "ledamot",
    "ledamoterna",
}
_COUNCIL_SECRETARY = re.compile(
    r"\bvem (ar|blir) (sekreterare|sekreteraren)\b|\bsekreterare (for|i) (radet|chefsgruppen)\b"
)
_THEME = re.compile(r"\btema\w*\b|\bamne(n|na)? till kommande\b")
# How a subject developed: "hur har frågan om X utvecklats", "tidslinje för X", "X över tid".
_TIMELINE = re.compile(
    r"^hur har\b.*\b(utvecklats|utvecklat sig|forandrats|andrats|fortskridit|gatt|vuxit)\b"
    r"|\btidslinje\w*\b|\bover tid\b|\bhistorik\w*\b"
    r"|\butveckling\w* (av|for|kring|i) (fragan|amnet)"
)
_TIMELINE_WORDS = set(
    """
    fragan fragorna amnet arbetet diskussionen utvecklats utvecklat utveckling utvecklingen
    forandrats andrats fortskridit gatt vuxit tidslinje tidslinjen over historik historiken
    """.split()
)
# Keywords whose misspellings should still be recognised (token fuzzy match).
_KEYWORDS = {
    "beslut": DECISIONS,
    "beslutades": DECISIONS,
    "beslutade": DECISIONS,
    "bestämdes": DECISIONS,
    "teman": THEMES,
    "temat": THEMES,
    "nästa": NEXT_MEETING,
    "ordförande": MEETING,
    "sekreterare": MEETING,
    "justerare": MEETING,
    "närvarande": MEETING,
    "dagordningen": AGENDA,
    "kallelsen": AGENDA,
    "utvecklats": TIMELINE,
    "tidslinje": TIMELINE,
    "förändrats": TIMELINE,
}
_KEYWORD_FOLDED = {normalize(k): v for k, v in _KEYWORDS.items()}


_RECOGNISED = [_HELP, _NEXT, _DECISION, _THEME, _TIMELINE] + [p for _, p in MEETING_ASPECTS]


def understand(corpus: Corpus, question: str, *, today: date, intent: str | None = None) -> Query:
    """The intent and slots of ``question``; ``intent`` forces one (a bot command)."""
    text = " ".join(question.split())[:MAX_QUESTION]
    folded = _fix_keywords(normalize(text))
    query = Query(text=text, folded=folded, intent=UNKNOWN)
    query.council = council_named(folded)
    # "de specifika samverkansråden": both councils samrad serves, no other body
    ours = query.council or _BOTH_COUNCILS.search(folded)
    query.body = None if ours else named_body(corpus, text)
    if query.council and not _OURS_SPELLED.search(folded) and municipality_named(folded):
        # "folkhälsorådet i Lekeberg" is the town's own council when the archive has one
        query.body = named_body(corpus, text)
        query.council = None if query.body else query.council
    meeting_reference(query, text, today, corpus.db)
    query.aspect = next((name for name, p in MEETING_ASPECTS if p.search(folded)), None)
    query.municipality = None if query.body else municipality_named(folded)
    if query.municipality is None and not query.body and REPRESENT.search(folded):
        # "vem representerade RF-SISU": an organisation of the lists, as a town would be
        query.municipality = named_organisation(corpus, folded)
    query.person = find_person(corpus, folded)
    query.substitutes = bool(SUBSTITUTE.search(folded))
    query.represent = bool(REPRESENT.search(folded))
    if re.search(r"\brapport(en|er|erna)?\b|\bredovisning(en)?\b", folded):
        query.document_kind = "report"
    item = _ITEM.search(folded)
    query.item = item.group(1).replace(" ", "").lower() if item else None
    query.topic_words = topic_words(_ITEM.sub(" ", text), query, corpus)
    request = None if intent else requests.recognise(text)
    if request and request.intent == FOLLOW_TOPIC:
        # "meddela mig när nästa möte är": no subject to follow, a question after all.
        subject = Query(text=request.subject or "", folded="", intent=FOLLOW_TOPIC)
        if topic_words(request.subject or "", subject, corpus):
            query.subject = request.subject
        else:
            request = None
    query.intent = intent or (request.intent if request else _intent(query))
    query.how_to = request.how_to if request else None
    if not intent and not request:
        _agenda(query, today)
    if query.intent == TOPIC and query.municipality and query.municipality != REGION:
        # "hur mycket betalade Laxå för …": the town is what the answer must be about.
        query.topic_words.append(query.municipality)
    if query.intent in (DECISIONS, SEND_DOCUMENT) and not query.has_meeting_ref:
        # "beslut 2024": a year alone narrows the protocols, it is no topic.
        years = [w for w in query.topic_words if re.fullmatch(r"(19|20)\d\d", w)]
        if years:
            query.year = int(years[0])
            query.topic_words = [w for w in query.topic_words if w not in years]
    if query.intent == REPORT_ABSENCE:
        query.meeting_date, names_next = requests.coming_date(text, today)
        query.relative = "next" if names_next else None
    elif query.intent == PROPOSE_THEME:
        query.theme = request.theme if request else requests.proposed_theme(text)
    elif query.intent == SEND_DOCUMENT:
        query.document_kind = request.document if request else query.document_kind
    return query


def _intent(query: Query) -> str:
    folded = query.folded
    if not re.search(r"\w", folded):
        return UNKNOWN
    if _HELP.search(folded):
        return HELP
    if _TIMELINE.search(folded):
        query.topic_words = [w for w in query.topic_words if not _timeline_word(normalize(w))]
        return TIMELINE
    if _THEME.search(folded):
        return THEMES
    if _SCHEDULE.search(folded) and not query.meeting_date:
        return SCHEDULE
    if query.item and (query.has_meeting_ref or query.body):
        return MEETING  # "vad handlade § 93 om på mötet i juni"
    if _DECISION.search(folded) and not folded.startswith("nar "):
        return DECISIONS
    if (
        _NEXT.search(folded)
        and (query.meeting_date or query.month)
        and _AFTER.search(folded)
        # "i kulturnämnden": a body no one knows; "träffas" says how they meet, not of what
        and (query.body or not {normalize(w) for w in query.topic_words} - _MEETING_VERBS)
    ):
        # "nästa möte efter 20 april 2022": the meeting that followed that day
        query.relative = "after"
        return NEXT_MEETING
    if _MET.search(folded) and not (query.meeting_date or query.month):
        # "När träffades rådet senast?", "När sammanträdde kommunstyrelsen?": the latest
        query.relative = "latest"
        query.topic_words = [w for w in query.topic_words if not _MET_WORD.fullmatch(normalize(w))]
        return MEETING
    if _NEXT.search(folded) and not (query.meeting_date or query.month or query.relative):
        # "vilka ska bjudas in till nästa möte": what a protocol said of it, not its date
        said_of = any(_SAID_OF_NEXT.match(normalize(w)) for w in query.topic_words) or (
            " tas upp " in f" {folded} " and bool(query.topic_words)  # "vad ska tas upp med X"
        )
        return TOPIC if _WHAT.match(folded) and said_of else NEXT_MEETING
    if _MEETING_COUNT.search(folded):
        query.aspect = "count"
        return SCHEDULE
    if (
        _NEXT_WHERE_WHEN.search(folded)
        and query.aspect not in ("attendees", "absent")  # "Var X med på mötet?": was, not where
        and not ({normalize(w) for w in query.topic_words} - _MEETING_VERBS)
    ):
        query.aspect = query.aspect or ("place" if folded.startswith("var") else "time")
        if query.has_meeting_ref and not re.search(r"\bidag\b", folded):
            return MEETING  # "när börjar mötet 4 december": that meeting's time
        query.meeting_date = query.month = query.relative = None
        return NEXT_MEETING
    if not query.has_meeting_ref and not query.municipality and not query.person:
        if _COUNCIL_SECRETARY.search(folded):
            query.aspect = "council_secretary"
            return PERSON
        # "vilka kommuner är med i rådet", not "vilka kommuner deltar i testbädden"
        subject = {normalize(w) for w in query.topic_words} - _MEMBERSHIP_WORDS
        if _COUNCIL_MEMBERS.search(folded) and (query.council or not subject):
            query.aspect = "council_members"
            return PERSON
    if query.person and not (query.has_meeting_ref and query.aspect):
        return PERSON
    if query.municipality and (query.represent or query.substitutes):
        if not query.has_meeting_ref:
            return PERSON
        query.aspect = "municipality"  # who sat for it at that meeting
        return MEETING
    if query.has_meeting_ref and (query.aspect or not _beyond_the_meeting(query)):
        return MEETING
    if query.aspect in ("chair", "secretary", "adjusters", "approved") and not query.topic_words:
        return MEETING
    if re.match(r"vem (ar|var)\b", folded) and any(w[:1].isupper() for w in query.topic_words):
        return PERSON  # a name the protocols do not know
    if query.topic_words:
        return TOPIC
    if query.has_meeting_ref:
        return MEETING
    return UNKNOWN


# "sitt sammanträde i september 2024": the meeting itself, no subject of it
_MEETING_NOUNS = {"sammantrade", "sammantradet", "sammantraden"}


def _beyond_the_meeting(query: Query) -> bool:
    """Whether the question's words ask about a subject, not only the meeting it names."""
    return bool({normalize(w) for w in query.topic_words} - _MEETING_NOUNS)


def _agenda(query: Query, today: date) -> None:
    """A question about a coming meeting's agenda (or what became of an item) is AGENDA."""
    aspect = agenda_aspect(query.folded)
    if aspect is None or query.relative == "latest":
        return
    coming, day = about_coming_meeting(query.text, today)
    if aspect == "outcome" or (coming and not (query.month and day is None)):
        query.intent = AGENDA
        query.aspect = aspect
        query.meeting_date = day if aspect != "outcome" else None


def _timeline_word(folded: str) -> bool:
    """ "utvecklats", "utveklats", "tidslinjen": how the question asks, not what about."""
    if folded in _TIMELINE_WORDS:
        return True
    return len(folded) >= 6 and bool(
        process.extractOne(folded, _TIMELINE_WORDS, scorer=fuzz.ratio, score_cutoff=85)
    )


def _fix_keywords(folded: str) -> str:
    """Replace misspelt keywords ("beslutdes", "ordforanne") by their right spelling."""
    tokens = folded.split()
    for i, token in enumerate(tokens):
        if len(token) < 5 or token in _KEYWORD_FOLDED or token in STOPWORDS:
            continue
        if any(p.search(token) for p in _RECOGNISED):
            continue  # already a word we understand ("justerades" is not "justerare")
        match = process.extractOne(token, list(_KEYWORD_FOLDED), scorer=fuzz.ratio, score_cutoff=80)
        if match:
            tokens[i] = match[0]
    return " ".join(tokens)
