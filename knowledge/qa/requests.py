"""Messages that ask samrad to do something rather than to answer: a member reporting their
own förhinder, proposing a theme for a coming meeting, asking for a document itself ("skicka
protokollet från 6 maj 2022"), following a subject ("meddela mig när barnfattigdom tas upp");
and questions of how to report or propose.

Matched on the message's words folded (no case, no å/ä/ö) with misspelt keywords corrected,
so "jag har forhindr" is a report too. A question about absence ("Vilka var frånvarande?",
"vem hade förhinder i maj") is not: a message that opens with a question word is never a
request. The proposed theme is cut from the message as written, lead-in and tail removed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz import fuzz, process

from knowledge.language.dates import WEEKDAYS, find_dates
from knowledge.language.text import normalize
from knowledge.qa.types import FOLLOW_TOPIC, HELP, PROPOSE_THEME, REPORT_ABSENCE, SEND_DOCUMENT

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[^\w\s]")
# Folded words a typo is corrected to ("forhindr" -> "forhinder") ...
_KEYWORDS = """
    forhinder forhindrad forhindrade franvaro franvarande anmala anmaler anmalan komma delta
    narvara medverka foresla foreslar forslag temaforslag tema temat kommande motet mote moten
    borta tyvarr imorgon overmorgon skicka protokollet rapporten
""".split()
# ... and words that look like one but are not a typo of it ("förhindra" is not "förhinder").
_LOOKALIKES = """
    forhindra forhindras forhindrar forhindrat kommer kommit kommun deltar deltog delar dela
    teman temana temat foreslog foreslagit foreslagits foreslagna forslagen forslaget bort
    motes narvarande protokoll protokollen rapport rapporter skickar skickat skickade
""".split()
_VOCABULARY = set(_KEYWORDS) | set(_LOOKALIKES)
_MATCHABLE = sorted(_VOCABULARY)  # sorted: ties resolve the same way in every run

# A question, not a request: "vem hade förhinder", "har någon anmält frånvaro?".
# A question word after a comma ("temaförslaget om X, vad exakt?") asks about something.
_ASKS = re.compile(r"[,;:] ?(?:vem|vilka|vilken|vilket|vad|hur|nar|varfor)\b")
_QUESTION = re.compile(
    r"^(?:(?:hej|hejsan|hallo|tja) (?:[,!.] )?)?"
    r"(?:vem|vilka|vilken|vilket|vad|hur|varfor|nar|var|vart|finns|fanns|hade|stammer|galler"
    r"|har (?:nagon|ni|alla|det|han|hon|de))\b"
)
# Asks how to do it: "hur anmäler jag förhinder?", "hur föreslår man ett tema?".
_HOW = re.compile(r"^(?:hur|var|vart|vilket kommando)\b(?! (?:manga|mycket|ofta|lange|stor)\b)")
_HOW_ABSENCE = re.compile(
    r"\b(?:anmala|anmaler|anmals|meddela|meddelar|rapportera|rapporterar|lamna|lamnar"
    r"|registrera|registrerar)\b.*\b(?:forhinder|franvaro)\b"
    r"|\b(?:forhinder|franvaro)\b.*\b(?:anmala|anmaler|anmals|meddela|meddelar|rapportera)\b"
)
_HOW_PROPOSE = re.compile(
    r"\b(?:foresla|foreslar|lamna|lamnar|skicka|skickar)\b.*\b(?:tema|temat|amne|forslag"
    r"|temaforslag)\b"
)

# Who speaks before "kan inte komma" / "har förhinder": the member (or nobody), not "Anna".
_SELF = r"(?:^|(?:jag|jg|tyvarr|dessvarre|hej|hejsan|men|och|sa|[,.!:;]) )"
_ABSENCE = re.compile(
    rf"{_SELF}(?:kan|kommer|hinner|lyckas)(?: tyvarr| nog| dessvarre| troligen| antagligen)?"
    r" (?:inte|ej|int)(?: att)?(?: kunna)?(?: tyvarr)?"
    r" (?:komma|delta|deltaga|narvara|vara med|medverka|hinna|na)\b"
    rf"|{_SELF}(?:har|fatt)(?: tyvarr| dessvarre| ett| nagot)* forhinder\b"
    r"|\bjag (?:ar|blir|kommer att vara|kommer vara)(?: tyvarr| dessvarre)?"
    r" (?:forhindrad|forhindrade|franvarande|borta|bortrest|ledig|upptagen)\b"
    r"|\bjag kommer(?: tyvarr)? (?:inte|ej)(?= (?:pa|till|idag|imorgon|den|nasta)\b| [.!]|$)"
    r"|\banmal\w*(?: harmed)?(?: mitt| min| ett| om)? (?:forhinder|franvaro)\b"
    r"|\b(?:franvaroanmalan|forhinderanmalan)\b"
    r"|\bjag missar (?:motet|nasta mote|mote|radsmotet)\b"
    r"|^forhinder\b(?!.*\?)"
)

_ON_THEME = r"(?:pa|till|om) (?:ett )?(?:nytt )?(?:tema|amne)"  # "på (ett nytt) tema"
_SUBJECT = rf"(?:ett |en |som )?(?:nytt |eget )?(?:tema|temat|amne|temaforslag|forslag {_ON_THEME})"
_LET_US = r" att vi (?:tar upp|pratar om|diskuterar|lyfter)"
_WE_COULD = r"(?:kan|kunde|skulle|borde|bor) (?:vi|ni|radet)"
_SEPARATOR = r"(?: (?:om|kring|pa|:|-|–|—|,|namligen))*"
_AT = r"(?:pa|vid|under|till|infor)"
_MEETING = (
    r"(?:ett |en |nasta |kommande |ett kommande |nagot |nagot kommande |ett framtida )?"
    r"(?:mote|motet|moten|radsmote|radsmotet|traff|traffen|sammantrade)\b"
)
_END = r"(?: [?.!])*$"
# What may follow the theme: "som tema", "på ett kommande möte", "?".
_TAIL = rf"(?: (?:som|for|{_AT}) (?:ett |nytt )?(?:tema|amne)| {_AT} {_MEETING})*{_END}"
_THEME = rf"(?:{_SEPARATOR} (?P<theme>.+?))?{_TAIL}"
_PROPOSALS = [
    # "jag vill föreslå ett tema om barnfattigdom", "vi vill lämna ett förslag på tema: …"
    re.compile(
        r"\b(?:jag|vi) (?:vill|skulle vilja|onskar|vill garna|skulle garna vilja|hade tankt)"
        rf" (?:foresla(?: {_SUBJECT})?(?:{_LET_US})?"
        rf"|(?:lamna|skicka in|komma med|ge) (?:ett )?(?:forslag|temaforslag)(?: {_ON_THEME})?)"
        rf"{_THEME}"
    ),
    # "jag föreslår temat barnfattigdom", "föreslår att vi tar upp …"
    re.compile(rf"^(?:jag )?foreslar(?:{_LET_US}| att)?(?: {_SUBJECT})?{_THEME}"),
    # "förslag på tema: psykisk ohälsa bland unga", "temaförslag: …", "nytt tema: …"
    re.compile(
        rf"^(?:mitt |ett )?(?:nytt )?(?:forslag {_ON_THEME}|temaforslag|tema forslag|nytt tema)"
        rf"(?: (?:till|for|infor|pa) {_MEETING})?{_THEME}"
    ),
    # "kan vi ta upp äldres ensamhet på ett kommande möte?", "vi borde lyfta …"
    re.compile(
        rf"\b(?:{_WE_COULD}|(?:vi|radet) (?:kan|kunde|skulle kunna|borde|bor))"
        r" (?:inte )?(?:kunna )?(?:ta upp|lyfta|belysa|ha (?:ett )?tema om|ha temat)"
        rf"{_SEPARATOR} (?P<theme>.+?){_TAIL}"
    ),
    # "kan vi prata om … på nästa möte?": talking about it only proposes it for a meeting
    re.compile(
        rf"\b{_WE_COULD} (?:inte )?(?:kunna )?(?:diskutera|prata om|tala om)"
        rf" (?P<theme>.+?) {_AT} {_MEETING}{_END}"
    ),
]

# "skicka protokollet från 6 maj 2022", "kan du mejla mig rapporten?", "jag vill ha protokollet".
_POLITE = (
    r"(?:(?:hej|hejsan|snalla|tack|kan du|kan ni|kunde du|skulle du kunna|vill du|jag vill"
    r"|jag skulle vilja|far jag|kan jag fa|jag behover)(?: [,!.])? )*"
)
_SEND = re.compile(
    rf"^{_POLITE}(?:skicka|skick|mejla|maila|dela|ge|hamta|ladda (?:ner|ned)|ha|fa)"
    r"(?: (?:mig|hit|over|garna|ut|du|ni))*"
    r" (?:hela |sjalva |en kopia (?:av|pa) |originalet (?:av|till) |filen (?:med|till) )?"
    r"(?P<noun>protokoll(?:et|en)?|rapport(?:en|erna)?|dokument(?:et)?|original(?:et|filen)?"
    r"|pdf(?:en)?|kallelse(?:n)?|dagordning(?:en)?|agenda(?:n)?)\b"
)
# The agenda of a coming meeting comes with its kallelse: the kallelse is its file.
_DOCUMENT_KINDS = {
    "rapport": "report",
    "kallelse": "kallelse",
    "dagordning": "kallelse",
    "agenda": "kallelse",
}
# "meddela mig när barnfattigdom tas upp", "bevaka placerade barn", "håll mig uppdaterad om …".
_MENTIONED = (
    r"(?: (?:tas upp|tags upp|namns|nams|kommer upp|dyker upp|diskuteras|behandlas|lyfts"
    r"|star|finns med|ar med|kommer pa tal)\b.*)?"
)
_FOLLOW = [
    re.compile(
        rf"^{_POLITE}(?:meddela|medela|beratta for|sag till|saga till|hor av dig till|tipsa"
        r"|pinga|notifiera)(?: mig| oss)?(?: garna)?"
        r" (?:nar|om|ifall|sa fort|nasta gang|sa snart)(?: att)?(?: nagot om| det kommer nagot om)?"
        rf" (?P<subject>.+?){_MENTIONED}{_END}"
    ),
    re.compile(
        rf"^{_POLITE}(?:bevaka|bevakar|folj|folja|foljer)(?: amnet| fragan om| fragan)?"
        rf" (?P<subject>.+?){_END}"
    ),
    re.compile(
        rf"^{_POLITE}hall mig (?:uppdaterad|informerad|underrattad) (?:om|kring|nar det galler)"
        rf" (?P<subject>.+?){_END}"
    ),
]

_RELATIVE_DAYS = [
    (re.compile(r"\bi ?overmorgon\b"), 2),
    (re.compile(r"\bi ?(?:morgon|morn|morrn)\b"), 1),
    (re.compile(r"\bi ?dag\b"), 0),
]
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(name for name in WEEKDAYS if name.isascii())})\b")
_NEXT_MEETING = re.compile(r"\b(?:nasta|kommande) (?:mote|motet|radsmote|radsmotet|traff|gang)\b")


@dataclass(frozen=True)
class Request:
    """What a message asks samrad to do: REPORT_ABSENCE, PROPOSE_THEME, or HELP on how to."""

    intent: str
    how_to: str | None = None  # with HELP: REPORT_ABSENCE or PROPOSE_THEME
    theme: str | None = None  # with PROPOSE_THEME: the theme as written, if the message has one
    document: str | None = None  # with SEND_DOCUMENT: "protocol", "report" or "kallelse"
    subject: str | None = None  # with FOLLOW_TOPIC: the subject as written


@dataclass(frozen=True)
class _Message:
    """The message's tokens folded, keywords corrected, joined by spaces, each token's place
    in the text kept so a stretch of the folded form gives back the words as written."""

    text: str
    folded: str
    starts: list[int]  # where each token starts in ``folded``
    spans: list[tuple[int, int]]  # where each token stands in ``text``

    @classmethod
    def read(cls, text: str) -> _Message:
        """The message ``text`` tokenised and folded."""
        tokens = [(m.span(), _corrected(normalize(m.group()))) for m in _TOKEN.finditer(text)]
        tokens = [(span, token) for span, token in tokens if token]
        starts, offset = [], 0
        for _, token in tokens:
            starts.append(offset)
            offset += len(token) + 1
        return cls(text, " ".join(t for _, t in tokens), starts, [s for s, _ in tokens])

    def written(self, start: int, end: int) -> str:
        """The text behind ``folded[start:end]``, a stretch of whole tokens."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_left(self.starts, end) - 1
        return self.text[self.spans[first][0] : self.spans[last][1]]


def recognise(text: str) -> Request | None:
    """The request in ``text``, or None when it is a question (or nothing samrad does)."""
    message = _Message.read(text)
    folded = message.folded
    if _HOW.search(folded):
        if _HOW_ABSENCE.search(folded):
            return Request(HELP, how_to=REPORT_ABSENCE)
        if _HOW_PROPOSE.search(folded):
            return Request(HELP, how_to=PROPOSE_THEME)
        return None
    if _QUESTION.search(folded) or _ASKS.search(folded):
        return None
    send = _SEND.search(folded)
    if send:
        noun = send.group("noun")
        kind = next((k for prefix, k in _DOCUMENT_KINDS.items() if noun.startswith(prefix)), None)
        return Request(SEND_DOCUMENT, document=kind or "protocol")
    for pattern in _FOLLOW:
        follow = pattern.search(folded)
        if follow:
            return Request(FOLLOW_TOPIC, subject=message.written(*follow.span("subject")))
    if _ABSENCE.search(folded):
        return Request(REPORT_ABSENCE)
    for pattern in _PROPOSALS:
        match = pattern.search(folded)
        if match:
            theme = match.group("theme")
            return Request(
                PROPOSE_THEME, theme=message.written(*match.span("theme")) if theme else None
            )
    return None


def proposed_theme(text: str) -> str | None:
    """The theme a proposal names, without its lead-in; the whole text when it has none."""
    request = recognise(text)
    if request and request.intent == PROPOSE_THEME:
        return request.theme
    return " ".join(text.split()).strip(" ?.!:") or None


def coming_date(text: str, today: date) -> tuple[date | None, bool]:
    """The day a report of förhinder names (dates resolved forward from ``today``: "4/12",
    "imorgon", "på fredag"), and whether it names the next meeting instead."""
    mentions = find_dates(text, reference=today, prefer_future=True)
    if mentions:
        return mentions[0].date, False
    folded = _Message.read(text).folded
    for pattern, days in _RELATIVE_DAYS:
        if pattern.search(folded):
            return today + timedelta(days=days), False
    weekday = _WEEKDAY.search(folded)
    if weekday:
        days = (WEEKDAYS[weekday.group("day")] - today.weekday()) % 7
        return today + timedelta(days=days or 7), False  # a weekday named is not today
    return None, bool(_NEXT_MEETING.search(folded))


def _corrected(token: str) -> str:
    """A misspelt keyword corrected ("forhindr" -> "forhinder"); any other token as it is."""
    if len(token) < 4 or token in _VOCABULARY or not token.isalpha():
        return token
    match = process.extractOne(token, _MATCHABLE, scorer=fuzz.ratio, score_cutoff=80)
    return match[0] if match and match[0] in _KEYWORDS else token
