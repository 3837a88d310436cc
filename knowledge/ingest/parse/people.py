"""People in a protocol: names, who presented an item, who was chosen to adjust the minutes.

A name is a few capitalised words that are not council vocabulary. Attendance lists are
read in ``attendance``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.bodies import MUNICIPALITIES
from knowledge.language.text import PERSON_NAME, normalize, split_sentences

# Names and words repeat across every list and document; fold each once.
fold = lru_cache(maxsize=8192)(normalize)

FRANVARANDE = "frånvarande"
# Called to the meeting (a notice's "Kallade"); whether they came the minutes must say.
KALLAD = "kallad"

MUNICIPALITY_KEYS = {normalize(m): m for m in MUNICIPALITIES}

# A capitalised word of letters, any Latin ones ("Hadžić", "Mäkelä"), hyphens inside.
NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉÜÆØČŠŽĆ][^\W\d_]*(?:-[^\W\d_]+)*$")
# A person's name written out (two or three capitalised words) on one line, in a pattern.
NAME_IN_LINE = PERSON_NAME
_NAME_END = re.compile(r",|\t|\(")
_LIST_SEPARATOR = re.compile(r",|\boch\b|&")
_SPACED_HYPHEN = re.compile(r"\s+-\s+")  # "Ann - Christine": the name's own hyphen
# Capitalised words that start or make up phrases but are not names.
NOT_NAME_WORDS = {
    normalize(w)
    for w in (
        "Region",
        "Regionen",
        "Regionens",
        "Örebro",
        "Län",
        "Kommun",
        "Kommunen",
        "Rådet",
        "Råden",
        "Ordförande",
        "Sekreterare",
        "Justerare",
        "Ledamöter",
        "Ersättare",
        "Beslut",
        "Se",
        "Tack",
        "Mötet",
        "Protokoll",
        "Chefsgruppen",
        "Chefsgrupp",
        "Specifika",
        "Regionala",
        "Nära",
        "Vård",
        "Psykisk",
        "Hälsa",
        "Projekt",
        "Projektet",
        "Tema",
        "Rapport",
        "Övriga",
        "Frågor",
        "Frågeställningen",
        "Dagordning",
        "Inledning",
        "Avslut",
        "Föregående",
        "Det",
        "Den",
        "De",
        "Vi",
        "Man",
        "En",
        "Ett",
        "Från",
        "Om",
        "Med",
        "Och",
        "Att",
        "Till",
        "För",
        "Kort",
        "Ny",
        "Nya",
        "Vakant",
        "Staben",
        "Socialstyrelsen",
        "SKR",
        "Norr",
        "Söder",
        "Väster",
        "Laget",
        "Runt",
        "Informationsärende",
        "Informationspunkt",
        "Presentationen",
        "Förslag",
    )
}
_PRESENTED = re.compile(
    r"^(?P<who>.+?),?\s+(föredrog|föredrar|presenterade|presenterar|informerade|informerar|"
    r"redogjorde|redogör|rapporterade|redovisade|redovisar|berättade|berättar|gick igenom|visade)\b"
    r"(?P<rest>.*)$"
)


def _presenting_verb(text: str) -> bool:
    """Whether a text holds a verb of presenting (a chain of substring tests: twice as fast as
    one regex of the alternatives)."""
    return (
        "föredr" in text
        or "presenter" in text
        or "informer" in text
        or "redogj" in text
        or "redogör" in text
        or "rapporter" in text
        or "redovis" in text
        or "berätta" in text
        or "gick igenom" in text
        or "visade" in text
    )


def looks_like_name(text: str) -> bool:
    """One to five capitalised words, not all of them (nor the first) council vocabulary."""
    tokens = text.split()
    return (
        "\t" not in text  # table cells ("Åtgärd | Ansvarig | Klart") are no name
        and 1 <= len(tokens) <= 5
        and all(NAME_TOKEN.match(t) for t in tokens)
        and not all(fold(t) in NOT_NAME_WORDS for t in tokens)
        and fold(tokens[0]) not in NOT_NAME_WORDS
    )


def person_name(value: str) -> str | None:
    """The name that starts a field value ("Anna Berg, Lekeberg"), if two words or more."""
    value = _NAME_END.split(value)[0].strip(" .")
    tokens = []
    for token in value.split():
        if not NAME_TOKEN.match(token) or fold(token) in MUNICIPALITY_KEYS:
            break
        tokens.append(token)
    return " ".join(tokens) if len(tokens) >= 2 else None


def name_list(text: str, known: set[str], allow_titles: bool = False) -> list[str]:
    """Names in "A, B och C"; with allow_titles, parts like ", epidemiolog X," are skipped."""
    text = text.strip().rstrip(".")
    if not text:
        return []
    parts = [p.strip() for p in _LIST_SEPARATOR.split(text) if p.strip()]
    names: list[str] = []
    for part in parts:
        if looks_like_name(part) and (len(part.split()) >= 2 or part in known):
            names.append(part)
        elif looks_like_name(part) and len(part.split()) == 1 and not allow_titles:
            names.append(part)  # a first name; may continue on the next line
        elif allow_titles and part[:1].islower():
            continue
        else:
            return []
    return names


def names_in(text: str, known: set[str]) -> list[str]:
    """Known names in ``text`` in order, else a name starting its first sentence."""
    found = [name for name in known if name in text]
    if found:
        return sorted(found, key=text.index)
    first = text.split(".")[0]
    name = person_name(first)
    return [name] if name else []


def _definite_noun(word: str) -> bool:
    """A long word in the definite form ("Brottsofferjouren", "Kommunstyrelsen",
    "Fritidsgårdarna"): a thing or an organisation, never a first name."""
    return len(word) >= 10 and word.lower().endswith(("en", "et", "na"))


def _not_a_person(name: str) -> bool:
    """An organisation ("Brottsofferjouren Sydnärke") or a project in a town ("Bryggan
    Hallsberg"): a definite noun first, or a municipality last."""
    words = name.split()
    return _definite_noun(words[0]) or fold(words[-1]) in MUNICIPALITY_KEYS


def split_presenters(title: str, known: set[str]) -> tuple[str, list[str]]:
    """ "Vaccinationsprocess i samverkan – Anna Mann, Karin Brage" -> title and presenters."""
    for separator in (" – ", " - ", ", ", " — "):
        if separator not in title:
            continue
        left, right = title.rsplit(separator, 1) if separator == ", " else title.split(separator, 1)
        right_clean = _SPACED_HYPHEN.sub("-", right)
        names = name_list(right_clean, known)
        if any(_not_a_person(name) for name in names if name not in known):
            continue  # "– Brottsofferjouren Sydnärke", "– Bryggan Hallsberg": no person
        if names and left.strip() and any(len(name.split()) >= 2 for name in names):
            return left.strip().rstrip(",."), names
    # "Dietist direkt Ingmar Ångman": a known attendee's name at the end of the title.
    ending = [n for n in known if title.endswith(" " + n) and len(title) > len(n) + 3]
    if ending:
        name = max(ending, key=len)
        return title[: -len(name)].strip(" ,–-"), [name]
    return title.rstrip("."), []


def add_presenters_from_sentences(
    presenters: list[str], item_paragraphs: list[str], known: set[str]
) -> None:
    """Add to ``presenters`` the people a sentence of an item's paragraphs
    (``lines.paragraphs``) says presented ("X föredrog ...")."""
    sentences = [
        sentence
        for paragraph in item_paragraphs
        if _presenting_verb(paragraph)
        for sentence in split_sentences(paragraph)
    ]
    for text in sentences:
        match = _PRESENTED.match(text)
        if match and len(match.group("who")) < 160:
            who = match.group("who")
            # "Kultur- och fritidschef Camilla Östberg": an attendee's name ends the phrase.
            named = [name for name in known if who == name or who.endswith(" " + name)]
            for name in name_list(who, known, allow_titles=True) or named:
                if name not in presenters:
                    presenters.append(name)


_TWO_NAMES = r"(?-i:[A-ZÅÄÖ][\wåäö-]+ [A-ZÅÄÖ][\wåäö-]+)"  # case-sensitive in an /i pattern
_ADJUSTERS_CHOSEN = re.compile(
    r"(?:till\s+)?att\s+(?:jämte|tillsammans med)\s+ordföranden\s+justera\s+"
    r"(?:dagens\s+|detta\s+)?protokoll(?:et)?\s+(?:utsågs|valdes|utses|väljs)\s+"
    r"(?P<names>[^.\n]+?)(?:\.|\n|$)"
    r"|\butse\s+(?P<names2>[^.\n]+?)\s+att\s+(?:jämte|tillsammans med)\s+ordföranden\s+justera"
    # "Mona Eriksson valdes att justera anteckningarna", "Justerat av Mona Eriksson 2023-03-21"
    rf"|(?P<names3>\b{_TWO_NAMES}(?:\s*\([A-ZÅÄÖ]{{1,3}}\))?"
    rf"(?:\s+och\s+{_TWO_NAMES})?)(?:\s*\([A-ZÅÄÖ]{{1,3}}\))?"
    r"\s+(?:valdes|utsågs|utses|väljs)\s+(?:till\s+)?(?:att\s+)?justera\b"
    # Only the minutes are justerade by people: not "Hyran justeras av Hyresgästföreningen".
    # ("Protokollet ska justeras av", "Minnesanteckningarna kommer att justeras av")
    r"|(?:^|\n|\bprotokoll(?:et)?\s+(?:\w+\s+){0,3}|anteckningar(?:na)?\s+(?:\w+\s+){0,3})"
    rf"justera(?:t|s|des)\s+av\s+(?P<names4>{_TWO_NAMES}(?:\s+och\s+{_TWO_NAMES})?)",
    re.IGNORECASE,
)


def adjusters_in_text(text: str) -> list[str]:
    """ "Till att jämte ordföranden justera protokollet utsågs X (och Y)": X and Y."""
    match = _ADJUSTERS_CHOSEN.search(text)
    if not match:
        return []
    names = next((n for n in match.groups() if n), "").replace("\n", " ")
    found = []
    for part in re.split(r"\s+och\s+|,\s*", names):
        name = person_name(re.sub(r"\s*\([^)]*\)", "", part))
        if name:
            found.append(name)
    return found


def starts_with_name(text: str) -> bool:
    """Whether ``text`` starts with a person's name (after at most one title word); an
    organisation in capitals ("SPF Seniorerna") or a company ("... AB") is no name."""
    text = re.sub(r"^[a-zåäöé][\wåäöé-]*\s+(?=[A-ZÅÄÖ])", "", text.strip())
    if re.match(r"^[^,(\t]*\bAB\b", text):
        return False
    tokens = []
    for raw in text.split("\t", 1)[0].split():  # a name does not run on into the next cell
        token = raw.rstrip(".,;:")
        if not NAME_TOKEN.match(token) or fold(token) in MUNICIPALITY_KEYS:
            break
        tokens.append(token)
        if token != raw:
            break  # a name does not run past a comma or a full stop
    return (
        len(tokens) >= 2
        and fold(tokens[0]) not in NOT_NAME_WORDS
        and not tokens[0].isupper()
        and not tokens[1].isupper()
    )


# Words that end a job title ("socialchef", "IT-chef", "nämndsekreterare", "miljöinspektör").
_JOB_TITLE = re.compile(
    r"(chef|direktör|handläggare|sekreterare|strateg|samordnare|controller|ekonom|inspektör|"
    r"ledare|utvecklare|assistent|kurator|läkare|polis|biträde|specialist|"
    r"koordinator|rådgivare|utredare|jurist|registrator|arkivarie|pedagog|planerare|"
    r"analytiker|kommunikatör|ingenjör|administratör|tekniker|arkitekt|rektor|revisor|"
    r"psykolog|terapeut|dietist|sköterska|barnmorska|lärare|kanslist|förvaltare|konsult)$"
    # the titles written as their abbreviations: verkställande direktör, medicinskt ansvarig
    # sjuksköterska / för rehabilitering
    r"|^(vd|mas|mar)$",
    re.IGNORECASE,
)


def is_job_title(text: str) -> bool:
    """Whether a title's first word names a job ("socialchef", "IT-chef", "ekonom")."""
    first = text.split(" ", 1)[0].split(",", 1)[0]
    return _JOB_TITLE.search(first) is not None
