"""Relations a reader takes from minutes: who presented an item, who served for whom, who leads
or is responsible for what, who wrote the minutes, and each decision's amounts and period.

They are read from the conventions of Swedish minutes: the attendance lists ("Anna Berg (S)
ersätter Per Ek", "tjg ers. för"), and sentences ("X föredrog ärendet", "X har ersatt Y som
representant", "... kommer att ledas av X", "X ansvarar för ...", "Kommundirektören får i
uppdrag att ...", "Ansvarig: X"). A title in place of a name ("kommundirektören",
"ordföranden") is the attendee who holds it.
"""

from __future__ import annotations

import re

from knowledge.ingest.model import Attendee, Decision, Item, Protocol, Relation
from knowledge.language.text import normalize, split_sentences

_NAME = r"[A-ZÅÄÖ][\wåäöéüć-]+(?:\s+[A-ZÅÄÖ][\wåäöéüć-]+){1,2}"
_PARTY = r"(?:\s*\([A-ZÅÄÖ]{1,3}\))?"
_TITLE_WORD = r"[A-ZÅÄÖa-zåäö][\wåäö-]*(?:chefen|direktören|ordföranden|sekreteraren|ledaren)"
_WHO = rf"(?P<who>{_NAME}|{_TITLE_WORD})"
# Each pattern with a word it cannot match without: most sentences hold none and skip them.
_SENTENCE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("replaces", re.compile(rf"(?P<who>{_NAME}){_PARTY} har ersatt (?P<what>{_NAME})")),
    (
        "replaced_by",
        re.compile(rf"(?P<what>{_NAME}){_PARTY}[^.]{{0,40}}?\bersattes av (?P<who>{_NAME})"),
    ),
    (
        "leads",
        re.compile(
            rf"(?P<what>[A-ZÅÄÖ][^.;:]{{2,90}}?)\s+(?:leds|ledas|leddes|ska ledas|kommer att "
            rf"ledas)\s+av\s+(?P<who>{_NAME})"
        ),
    ),
    (
        "leads",
        re.compile(rf"(?P<who>{_NAME})(?:,[^,.]{{0,40}})?,? som leder (?P<what>[^.,;]{{3,80}})"),
    ),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} ansvarar för (?P<what>[^.;]{{3,120}})")),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} får i uppdrag att (?P<what>[^.;]{{3,120}})")),
    ("responsible", re.compile(rf"\buppdra(?:r|s)? åt {_WHO} att (?P<what>[^.;]{{3,120}})")),
    ("responsible", re.compile(rf"{_WHO}{_PARTY} (?:utses|utsågs) till (?P<what>[^.;]{{3,80}})")),
]
_PATTERN_HINTS: list[tuple[str, ...]] = [
    ("har ersatt",),
    ("ersattes av",),
    ("leds av", "ledas av", "leddes av"),
    ("som leder",),
    ("ansvarar för",),
    ("i uppdrag",),
    ("uppdra åt", "uppdrar åt", "uppdras åt"),
    ("utses till", "utsågs till"),
]
_HINTS: tuple[str, ...] = (
    "ersatt",
    "leds av",
    "ledas av",
    "leddes av",
    "som leder",
    "ansvarar",
    "ansvarig",
    "i uppdrag att",
    "uppdra åt",
    "uppdrar åt",
    "uppdras åt",
    "utses till",
    "utsågs till",
    "förde anteckningar",
    "förde protokoll",
    "förde minnesanteckningar",
)
_RESPONSIBLE_LINE = re.compile(r"^ansvarig[a]?\s*[:\t]\s*(?P<who>.+)$", re.IGNORECASE)
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
    if protocol.secretary and re.search(r"anteckningar", protocol.title, re.IGNORECASE):
        found.append(Relation("author", protocol.secretary, "minnesanteckningarna", protocol.title))
    return _unique(found)


def _in_text(text: str, people: _People, item: Item | None) -> list[Relation]:
    position = item.position if item else None
    found: list[Relation] = []
    lower_text = text.lower()
    if not any(hint in lower_text for hint in _HINTS):
        return found
    for paragraph, lower_paragraph in zip(text.split("\n"), lower_text.split("\n"), strict=True):
        line = _RESPONSIBLE_LINE.match(paragraph.strip())
        if line and item is not None:
            for part in re.split(r",\s*|\s+och\s+", line.group("who")):
                who = people.resolve(part.strip())
                if who:
                    found.append(Relation("responsible", who, item.title, paragraph, position))
            continue
        if not any(hint in lower_paragraph for hint in _HINTS):
            continue
        for sentence in split_sentences(paragraph):
            lower = sentence.lower()
            for (kind, pattern), hint in zip(_SENTENCE_PATTERNS, _PATTERN_HINTS, strict=True):
                if not any(word in lower for word in hint):
                    continue
                for match in pattern.finditer(sentence):
                    who = people.resolve(match.group("who"))
                    if who is None:
                        continue
                    what = match.group("what").strip(" ,")
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
    what = re.sub(r"^(och|samt|men|att)\s+", "", what.strip(), flags=re.IGNORECASE)
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


class _People:
    """The attendees by name and by title, to read "Jonas Lidén" in "Ekonomichef Jonas Lidén"
    and "kommundirektören" as the attendee whose title is kommundirektör."""

    def __init__(self, protocol: Protocol) -> None:
        self.attendees: list[Attendee] = protocol.attendees
        self.names = sorted({a.name for a in protocol.attendees}, key=len, reverse=True)
        self.chair = protocol.chair
        self.first_names: dict[str, list[str]] = {}
        for name in self.names:
            self.first_names.setdefault(name.split()[0], []).append(name)

    def resolve(self, text: str) -> str | None:
        text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,.")
        for name in self.names:
            if text == name or text.endswith(" " + name) or text.startswith(name + " "):
                return name
        folded = normalize(text)
        if folded in ("ordforanden", "ordforande") and self.chair:
            return self.chair
        if re.fullmatch(r"[a-z-]+(en|n)", folded) and " " not in folded:
            title = re.sub(r"(en|n)$", "", folded)
            for attendee in self.attendees:
                if attendee.title and normalize(attendee.title).split(",")[0].endswith(title):
                    return attendee.name
            return None
        if re.fullmatch(_NAME, text) and len(text.split()) >= 2:
            return text
        if len(self.first_names.get(text, [])) == 1:
            return self.first_names[text][0]
        return None
