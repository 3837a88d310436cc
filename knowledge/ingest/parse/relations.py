"""Relations a reader takes from minutes: who presented an item, who served for whom, who leads
or is responsible for what, who wrote the minutes, and each decision's amounts and period.

They are read from the conventions of Swedish minutes: the attendance lists ("Anna Berg (S)
ersätter Per Ek", "tjg ers. för"), and sentences ("X föredrog ärendet", "X har ersatt Y som
representant", "... kommer att ledas av X", "X ansvarar för ...", "Kommundirektören får i
uppdrag att ...", "Ansvarig: X"). A title in place of a name ("kommundirektören",
"ordföranden") is the attendee who holds it.
"""

from __future__ import annotations

import bisect
import csv
import io
import re

from knowledge.ingest.model import Attendee, Decision, Item, Protocol, Relation
from knowledge.ingest.parse.people import MUNICIPALITY_KEYS, NAME_IN_LINE
from knowledge.language.text import normalize, split_sentences

_NAME = r"[A-ZÅÄÖ][\wåäöéüć-]+(?:\s+[A-ZÅÄÖ][\wåäöéüć-]+){1,2}"
_PARTY = r"(?:\s*\([A-ZÅÄÖ]{1,3}\))?"
# A title in the definite form, a shortened compound before it too: "hälso- och
# sjukvårdsdirektören", "kultur- och fritidschefen".
_TITLE_WORD = (
    r"(?:[a-zåäö]+-\s(?:och|eller)\s)?"
    r"(?:[A-ZÅÄÖa-zåäö][\wåäö-]*)?(?:chefen|direktören|ordföranden|sekreteraren|ledaren|kassören)"
)
# Who: a name, a title and a name ("samhällsbyggnadschef Malin Hedqvist", "Sekreteraren
# Jessica Bohman"), a title alone ("kommundirektören", "ordföranden"), or a first name
# ("Mats tar fram ..."), which only counts when one attendee has it.
_FIRST_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
_WHO_TEXT = rf"(?:{_TITLE_WORD}\s+|[a-zåäö][\wåäö-]*\s+)?{_NAME}|{_TITLE_WORD}|{_FIRST_NAME}"
_WHO = rf"(?P<who>{_WHO_TEXT})"
# What someone is to do runs to the end of its clause: a sentence's end, the next att-clause
# of a decision (", att ...", ", samt att ..."), or "och" and the next person.
_TASK_TEXT = r"(?:(?!,\s*(?:samt\s+)?att\b|\soch\s+[A-ZÅÄÖ])[^.;]){3,120}"
_TASK = rf"(?P<what>{_TASK_TEXT})"
# What people are given to do, said in the present tense of minutes' action points.
_ACTION = (
    r"(?:tar fram|skickar(?: ut)?|sköter|bokar|kallar till|återkommer med|sammanställer|"
    r"kontaktar|bjuder in|beställer|ordnar|bereder|undersöker|utreder|följer upp|"
    # "tar med sig frågan", "lovade att kontakta", "planerar dagen", "samordnar annonseringen"
    r"tar med sig|lovade att|lovar att|planerar|samordnar)"
)
# Each pattern with a word it cannot match without: most sentences hold none and skip them.
_SENTENCE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("replaces", re.compile(rf"(?P<who>{_NAME}){_PARTY} har ersatt (?P<what>{_NAME})")),
    # "Åsa Lindkvist är ny representant för ... och ersätter Thomas Bäck": the nearest name,
    # in the same clause ("X föreslår att Y ersätter Z" is Y's).
    (
        "replaces",
        re.compile(
            rf"(?P<who>{NAME_IN_LINE}){_PARTY}(?: (?:(?!\batt\b)[^.,;:\t]){{0,100}}?)? ersätter "
            rf"(?P<what>{_NAME})"
        ),
    ),
    (
        "replaced_by",
        re.compile(rf"(?P<what>{_NAME}){_PARTY}[^.]{{0,40}}?\bersattes av (?P<who>{_NAME})"),
    ),
    # "Ylva Nordin (S) utses till ordförande i KPR från och med 2024-11-01 efter Bertil Hamrén"
    (
        "replaces",
        re.compile(
            rf"(?P<who>{_NAME}){_PARTY} (?:utses|utsågs|väljs|valdes) till [^.]{{3,100}}? "
            rf"efter (?P<what>{_NAME})"
        ),
    ),
    (
        "leads",
        re.compile(
            rf"(?P<what>[^.;:]{{2,90}}?)\s+(?:leds|ledas|leddes|ska ledas|kommer att "
            # "… förlängs och leds även fortsatt av Maria Nygren"
            rf"ledas)(?:\s+(?:även|också|fortsatt|fortsättningsvis|gemensamt)){{0,2}}\s+av\s+{_WHO}"
        ),
    ),
    (
        "leads",
        re.compile(rf"(?P<who>{_NAME})(?:,[^,.]{{0,40}})?,? som leder (?P<what>[^.,;]{{3,80}})"),
    ),
    # "en arbetsgrupp under ledning av Cecilia Borg tar fram en uppföljningsmodell", "en
    # arbetsgrupp med Olof Berglund som sammankallande samt … sammanställer rådets yttrande":
    # who leads the group leads what it is to do.
    (
        "leads",
        re.compile(
            rf"\b(?:arbets|styr|referens|projekt)?grupp\w* (?:under ledning av|ledd av) {_WHO}"
            rf"{_PARTY},? (?P<what>[^.;]{{3,100}})"
        ),
    ),
    (
        "leads",
        re.compile(
            rf"\b(?:arbets|styr|referens|projekt)?grupp\w* med {_WHO}{_PARTY} som "
            rf"(?:sammankallande|ordförande|samordnare)(?: samt [^.;]{{0,80}}?(?= [a-zåäö]+r\b))?"
            rf" (?P<what>[a-zåäö]+r\b[^.;]{{3,100}})"
        ),
    ),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} ansvarar för {_TASK}")),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} får i uppdrag att {_TASK}")),
    ("responsible", re.compile(rf"\buppdra(?:r|s)? åt {_WHO} att {_TASK}")),
    ("responsible", re.compile(rf"\b(?:ge|ger|gav|ges) {_WHO} i uppdrag att {_TASK}")),
    (
        "responsible",
        re.compile(rf"(?<![\w-]){_WHO}{_PARTY} (?P<what>(?={_ACTION}\b){_TASK_TEXT})"),
    ),
    # A fyllnadsval: "att som ny ersättare ... efter Siv Blomqvist välja Lars Ekberg (S)".
    (
        "replaced_by",
        re.compile(
            rf"\befter (?P<what>{_NAME}){_PARTY},? (?:välja|väljs|valdes|utse|utses|utsågs) "
            rf"(?:till \w+ )?(?P<who>{_NAME})"
        ),
    ),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} (?:utses|utsågs) till (?P<what>[^.;]{{3,80}})")),
    # "Projektledare Amira Selimi redovisar resultaten från insatsen Steg framåt": the leader
    # of a project, reporting on the project the sentence names, leads it.
    (
        "leads",
        re.compile(
            rf"\b[Pp]rojektledare (?P<who>{_NAME}) [^.;]{{0,60}}?\b"
            rf"(?P<what>(?:projektet|insatsen) [A-ZÅÄÖ][^.,;]{{2,60}})"
        ),
    ),
]
_ACTION_HINTS = (
    # the new verbs as words ("Länsdelssamordnarna" holds no " samordnar")
    " tar med sig",
    " lovade att",
    " lovar att",
    " planerar",
    " samordnar",
    "tar fram",
    "skickar",
    "sköter",
    "bokar",
    "kallar till",
    "återkommer med",
    "sammanställer",
    "kontaktar",
    "bjuder in",
    "beställer",
    "ordnar",
    "bereder",
    "undersöker",
    "utreder",
    "följer upp",
)
_ELECTED = ("välj", "vald", "utse", "utsåg")
_PATTERN_HINTS: list[tuple[str, ...]] = [
    ("har ersatt",),
    ("ersätter ",),
    ("ersattes av",),
    ("utses till", "utsågs till", "väljs till", "valdes till"),
    ("leds ", "ledas ", "leddes "),
    ("som leder",),
    ("under ledning av", "ledd av"),
    ("som sammankallande", "som samordnare", "som ordförande"),
    ("ansvarar för",),
    ("i uppdrag",),
    ("uppdra åt", "uppdrar åt", "uppdras åt"),
    ("i uppdrag",),
    _ACTION_HINTS,
    _ELECTED,
    ("utses till", "utsågs till"),
    ("projektledare ",),
]
# A paragraph is read for relations when it holds one of these: a pattern's word, an
# "Ansvarig:" line, or a sentence saying who kept the minutes.
_HINTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(word for words in _PATTERN_HINTS for word in words),
            "ansvarig",
            "s ställe",
            "förde anteckningar",
            "förde protokoll",
            "förde minnesanteckningar",
        ]
    )
)


# The hints by a word several of them hold: a text without it holds none of them, and one
# look for that word spares one for each of them (most texts hold none).
def _hint_groups(shared: tuple[str, ...]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for hint in _HINTS:
        groups.setdefault(next((w for w in shared if w in hint), hint), []).append(hint)
    return groups


_HINT_GROUPS = _hint_groups(("led", "ansvar", "uppdra", "ersatt", "uts", "förde "))
_AND_AFTER = re.compile(rf"{_PARTY}\s+(?:och|samt)\s+(?P<who>{_NAME})")
_AND_BEFORE = re.compile(rf"(?P<who>{_NAME}){_PARTY} och $")
# "Ahmad Noori (S) anmäler jäv ... . Ronny Holm (S) tjänstgör i hans ställe": the substitute
# serves for the one the sentence before names.
_IN_THEIR_PLACE = re.compile(
    rf"(?P<what>{_NAME}){_PARTY} [^.]*\.\s+(?P<who>{_NAME}){_PARTY} tjänstgör(?: \w+)? i "
    r"(?:hans|hennes|dennes) ställe"
)
_RESPONSIBLE_LINE = re.compile(r"^ansvarig[a]?\s*[:\t]\s*(?P<who>.+)$", re.IGNORECASE)
_WHO_SEPARATOR = re.compile(r",\s*|\s+och\s+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# "kommundirektören", "hälso- och sjukvårdsdirektören", folded
_DEFINITE_TITLE = re.compile(r"(?:[a-z]+- (?:och|eller) )?[a-z-]+(en|n)")
_DEFINITE_ENDING = re.compile(r"(en|n)$")
_NAME_RE = re.compile(_NAME)
_AUTHOR = re.compile(
    rf"(?P<who>{_NAME})(?:,[^,.]{{0,40}},)? förde (?:anteckningar|protokollet|minnesanteckningarna)"
)
_PERIOD = re.compile(
    r"(?:under\s+|för\s+)?perioden\s+(?P<p>\d{4}(?:-\d{2}-\d{2})?\s*[–-]\s*\d{4}(?:-\d{2}-\d{2})?)"
    r"|(?P<range>\b20\d\d\s*[–-]\s*20\d\d\b)"
    r"|\b(?:för|under|budgetår|verksamhetsåret)\s+(?P<year>20\d\d)\b(?![-–/]\d)"
)


def decision_period(text: str) -> str | None:
    """The period a decision covers as written: "2025–2027", "2024-01-01–2024-12-31", "2025"."""
    match = _PERIOD.search(text) if "20" in text else None
    if not match:
        return None
    return (match.group("p") or match.group("range") or match.group("year")).strip()


def find_relations(protocol: Protocol) -> list[Relation]:
    """Every relation in a parsed protocol (attendance, items, decisions, running text)."""
    people = _People(protocol)
    found: list[Relation] = []
    for attendee in protocol.attendees:
        if attendee.replaces:
            sentence = f"{attendee.name} ersätter {attendee.replaces}"
            found.append(Relation("replaces", attendee.name, attendee.replaces, sentence))
    for item in protocol.items:
        for presenter in item.presenters:
            name = people.resolve(presenter) or presenter
            found.append(
                Relation("presented", name, item.title, f"{name}: {item.title}", item.position)
            )
        found.extend(_in_text(item.body, people, item))
        for decision in item.decisions:
            found.extend(_of_decision(decision, item))
    head = protocol.text[: protocol.text.find(protocol.items[0].title)] if protocol.items else ""
    found.extend(_in_text(head, people, None))
    found.extend(_table_owners(protocol.text, people))
    # The minutes are the secretary's ("Vid protokollet", "Antecknare"); the body is led by
    # its ordförande (or sammankallande), unless two councils met together.
    if protocol.secretary:
        minutes = "minnesanteckningarna" if _MINUTES.search(protocol.title) else "protokollet"
        found.append(Relation("author", protocol.secretary, minutes, protocol.title))
    if protocol.chair and protocol.body and len(protocol.councils) <= 1:
        said = f"{protocol.chair}, ordförande"
        found.append(Relation("leads", protocol.chair, protocol.body, said))
    return _unique(found)


_MINUTES = re.compile(r"anteckningar|minnes", re.IGNORECASE)
_OWNER_HEADING = re.compile(r"^ansvariga?$", re.IGNORECASE)
_TASK_HEADING = re.compile(r"^(ärende|åtgärd|aktivitet|uppgift|vad)$", re.IGNORECASE)


def _table_owners(text: str, people: _People) -> list[Relation]:
    """Who is responsible for what in a table with an "Ansvarig" column (an action list, a
    minutes table "Nr | Ärende | Anteckning | Ansvarig"); quoted cells may span lines."""
    if "nsvarig" not in text:
        return []
    found: list[Relation] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        cells = [cell.strip() for cell in line.split("\t")]
        owner = next((n for n, cell in enumerate(cells) if _OWNER_HEADING.match(cell)), None)
        if owner is None or len(cells) < 2:
            continue
        task = next((n for n, cell in enumerate(cells) if _TASK_HEADING.match(cell)), None)
        rows: list[str] = []
        for row_line in lines[index + 1 :]:
            if not row_line.strip():
                break
            rows.append(row_line)
        for row in csv.reader(io.StringIO("\n".join(rows)), delimiter="\t"):
            if len(row) <= owner or not row[owner].strip():
                continue
            what = row[task] if task is not None and task < len(row) else ""
            what = what or next((c for c in row if c.strip() and not c.strip().isdigit()), "")
            for part in _WHO_SEPARATOR.split(row[owner].strip()):
                who = people.resolve(part)
                if who:
                    found.append(Relation("responsible", who, _short(what), "\t".join(row)))
    return found


def _hinted(lower_text: str, paragraphs: list[str]) -> list[int]:
    """The paragraphs that hold a hint word, in order: each hint is looked for once in the
    whole text (most texts hold none, a few hold one or two)."""
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    hit: set[int] = set()
    for shared, hints in _HINT_GROUPS.items():
        if shared not in lower_text:
            continue
        for hint in hints:
            at = lower_text.find(hint)
            while at != -1:
                hit.add(bisect.bisect_right(starts, at) - 1)
                at = lower_text.find(hint, at + 1)
    return sorted(hit)


def _in_text(text: str, people: _People, item: Item | None) -> list[Relation]:
    position = item.position if item else None
    found: list[Relation] = []
    paragraphs = text.split("\n")
    for index in _hinted(text.lower(), paragraphs):
        paragraph = paragraphs[index]
        # "Ansvarig: Anna Berg" on its line, or as a sentence of a decision ("Beslut: … .
        # Ansvariga: Petra Nyqvist (Hallsberg) och Anneli Kron (Laxå).")
        labelled = [
            (line, sentence)
            for sentence in (split_sentences(paragraph) if item is not None else [])
            if (line := _RESPONSIBLE_LINE.match(sentence.strip().rstrip(".")))
        ]
        for line, sentence in labelled:
            for part in _WHO_SEPARATOR.split(_PARENTHESES.sub("", line.group("who"))):
                who = people.resolve(part.strip())
                if who and item is not None:
                    found.append(Relation("responsible", who, item.title, sentence, position))
        if labelled and _RESPONSIBLE_LINE.match(paragraph.strip()):
            continue
        paragraph_lower = paragraph.lower()
        if "s ställe" in paragraph_lower:
            for match in _IN_THEIR_PLACE.finditer(paragraph):
                who, what = people.resolve(match.group("who")), people.resolve(match.group("what"))
                if who and what:
                    found.append(Relation("replaces", who, what, match.group(0), position))
        # The patterns whose words the paragraph holds: a sentence of it holds no others.
        patterns = [
            (kind, pattern, hint)
            for (kind, pattern), hint in zip(_SENTENCE_PATTERNS, _PATTERN_HINTS, strict=True)
            if any(word in paragraph_lower for word in hint)
        ]
        if not patterns and "förde " not in paragraph_lower:
            continue  # a hint of the lines above only ("s ställe", "ansvarig" mid-text)
        for sentence in split_sentences(paragraph):
            lower = sentence.lower()
            for kind, pattern, hint in patterns:
                if not any(word in lower for word in hint):
                    continue
                for match in pattern.finditer(sentence):
                    what = match.group("what").strip(" ,")
                    whom = [match.group("who")]
                    before = sentence[: match.start()]
                    if whom[0].startswith("och "):  # read as a word before the name
                        before, whom = before + "och ", [whom[0][4:]]
                    if kind == "responsible" and before.endswith(" och "):
                        # "Ingrid Wahlberg och Åsa Lindkvist planerar ...": both of them
                        also = _AND_BEFORE.search(before)
                        whom += [also.group("who")] if also else []
                    if kind == "leads":
                        # "Planeringsgruppen leds av Sofie Dahl och Hans Brink": both of them
                        also = _AND_AFTER.match(sentence[match.end() :])
                        whom += [also.group("who")] if also else []
                    for part in whom:
                        who = people.resolve(part)
                        if who is None:
                            continue
                        if kind == "replaced_by" or kind == "replaces":
                            found.append(Relation("replaces", who, what, sentence, position))
                        else:
                            found.append(Relation(kind, who, _short(what), sentence, position))
            author = _AUTHOR.search(sentence) if "förde " in lower else None
            if author and people.resolve(author.group("who")):
                who = people.resolve(author.group("who")) or author.group("who")
                found.append(Relation("author", who, "minnesanteckningarna", sentence, position))
    return found


def _of_decision(decision: Decision, item: Item) -> list[Relation]:
    found = [
        Relation("amount", item.title, amount.text, decision.text, item.position)
        for amount in decision.amounts
    ]
    if decision.period:
        found.append(Relation("period", item.title, decision.period, decision.text, item.position))
    return found


def _short(what: str) -> str:
    """What is led or owed: the last clause before the verb ("..., implementering som
    kommer att ledas av X" -> "implementering"), without a leading conjunction."""
    what = re.sub(r"\s+som$", "", what.strip()).split(", ")[-1]
    what = re.sub(r"^((och|samt|men|att)\s+)+", "", what.strip(), flags=re.IGNORECASE)
    return what[:1].lower() + what[1:] if what[:2].istitle() and " " in what else what


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for relation in relations:
        key = (relation.kind, relation.subject, normalize(relation.object))
        if key not in seen:
            seen.add(key)
            out.append(relation)
    return out


def _person_like(words: list[str]) -> bool:
    """Two or three capitalised words that could be a person's name: no abbreviation in
    capitals, no town last ("SPF Seniorerna Askersund" is an association)."""
    return (
        len(words) >= 2
        and not any(word.isupper() for word in words)
        and normalize(words[-1]) not in MUNICIPALITY_KEYS
    )


class _People:
    """The attendees by name and by title, to read "Jonas Lidén" in "Ekonomichef Jonas Lidén"
    and "kommundirektören" as the attendee whose title is kommundirektör."""

    def __init__(self, protocol: Protocol) -> None:
        self.attendees: list[Attendee] = protocol.attendees
        self.names = sorted({a.name for a in protocol.attendees}, key=len, reverse=True)
        self.chair = protocol.chair
        self.secretary = protocol.secretary
        self.first_names: dict[str, list[str]] = {}
        for name in self.names:
            self.first_names.setdefault(name.split()[0], []).append(name)

    def resolve(self, text: str) -> str | None:
        text = " ".join(_PARENTHESES.sub("", text).split()).strip(" ,.")
        for name in self.names:
            if text == name or text.endswith(" " + name) or text.startswith(name + " "):
                return name
        folded = normalize(text)
        if folded in ("ordforanden", "ordforande") and self.chair:
            return self.chair
        if folded in ("sekreteraren", "antecknaren") and self.secretary:
            return self.secretary
        if _DEFINITE_TITLE.fullmatch(folded):
            return self._by_title(_DEFINITE_ENDING.sub("", folded))
        # "samhällsbyggnadschef Malin Hedqvist", "Sekreteraren Jessica Bohman": the name.
        words = text.split()
        if len(words) >= 3 and not _NAME_RE.fullmatch(text):
            text = " ".join(words[1:])
        if _NAME_RE.fullmatch(text) and _person_like(text.split()):
            return text
        if len(self.first_names.get(text, [])) == 1:
            return self.first_names[text][0]
        return None

    def _by_title(self, title: str) -> str | None:
        """The attendee whose title or function is ``title`` ("kommundirektör", "kassör"),
        else the one whose title ends with it ("fritidschef" in "kultur- och fritidschef")
        when only one does."""
        exact = []
        ending = []
        for attendee in self.attendees:
            held = [
                normalize(attendee.title or "").split(",")[0],
                normalize(attendee.function or ""),
            ]
            if title in held:
                exact.append(attendee.name)
            elif any(h.endswith(title) for h in held if h):
                ending.append(attendee.name)
        if exact:
            return exact[0]
        return ending[0] if len(set(ending)) == 1 else None
