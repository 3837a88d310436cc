"""Decisions: "Beslut:" blocks (numbered sub-decisions too), deciding sentences, amounts, dates."""

from __future__ import annotations

import re
from datetime import date

from knowledge.ingest.model import Amount, Decision
from knowledge.language.dates import find_dates
from knowledge.language.text import split_sentences

DECIDING = re.compile(
    # Factored by first letters: the engine tries few alternatives at each position.
    r"\b(?:beslut(?:ade|ades|ar|at|ats)|beslöt|beslutet blev|beslut har fattats|"
    r"fatta(?:des|t) beslut|st(?:ällt|äller|ällde) sig bakom|ant(?:ar|og|ogs)|godkän(?:de|des|ns)|"
    # "Informationen lades till handlingarna": a decision in the passive, as minutes write it
    r"(?:lades|läggs) till handlingarna|"
    r"fastställde|bevilja(?:s|des)|avsl(?:ås|ogs))\b"
    # The choice of justerare: "Till att jämte ordföranden justera protokollet utsågs X".
    r"|\bjustera (?:dagens |detta )?protokoll(?:et)? (?:utsågs|valdes)\b"
    r"|\b(?:utsågs|utses|valdes) att (?:jämte ordföranden )?justera\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(inga|inte|ej|innan|före)\b[^.]{0,20}\bbeslut", re.IGNORECASE)
# "Beslut:", "Beslut" alone, or "Beslut Nämnden beslutar ..." (a heading line reflowed into
# the paragraph under it).
# A body's proposal to its fullmäktige ("Kommunstyrelsens förslag till kommunfullmäktige") is
# the body's decision: to propose.
_BESLUT_LABEL = re.compile(
    r"^(?:[Bb]eslut|[Bb]eslutade|[A-ZÅÄÖ]\w+s beslut"
    r"|[A-ZÅÄÖ]\w+s förslag till (?:kommun|region)?fullmäktige)(?:\s*:\s*(?P<rest>.*)|\s*$"
    r"|\s+(?P<rest2>[A-ZÅÄÖ].*))",
)
_INLINE_BESLUT = re.compile(r"(?<=[.!?])\s+(?=Beslut:\s)")
# A proposal is not a decision: its block is read past, not kept.
_PROPOSAL_LABEL = re.compile(r"^(Förslag till beslut|Förvaltningens förslag)\b")
# The parts of an item after its decision: they end a "Beslut" block.
_ITEM_PART = re.compile(
    r"^(yrkanden?|reservation(er)?|propositionsordning|ärendebeskrivning|beslutsunderlag|"
    r"protokollsanteckning|särskilt yttrande|expedieras|skickas till)\s*:?\s*$",
    re.I,
)
_BESLUT_HEADING = re.compile(r"^beslut\s+om\b.*:$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"^\d+[.)]\s")  # "1. ...", "2) ...": a list of sub-decisions
_NUMBER_AND_TEXT = re.compile(r"^(\d+)[.)]\s*(.*)$")
_GOES_ON = re.compile(r"^(att|totalt|summa)\b", re.I)  # lines that continue a "Beslut" block
_TOTAL_BEFORE = re.compile(r"(totalt|summa|budget på)\s*:?\s*$", re.I)
_AMOUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>miljarder kronor|miljarder kr|miljoner kronor|miljoner kr|"
    r"mnkr|mkr|msek|tkr|kronor|kr|sek)\b",
    re.IGNORECASE,
)
_UNIT_FACTOR = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "tkr": 1_000,
    "mkr": 1_000_000,
    "mnkr": 1_000_000,
    "msek": 1_000_000,
    "miljoner kr": 1_000_000,
    "miljoner kronor": 1_000_000,
    "miljarder kr": 1_000_000_000,
    "miljarder kronor": 1_000_000_000,
}


def parse_decisions(item_paragraphs: list[str]) -> list[Decision]:
    """Decisions in an item's paragraphs (``lines.paragraphs``): "Beslut:" blocks first, then
    sentences that decide."""
    decisions: list[Decision] = []
    # "... analysen. Beslut: Revisionsplanen fastställs." starts a block inside a paragraph.
    paras = [
        part
        for paragraph in item_paragraphs
        for part in (_INLINE_BESLUT.split(paragraph) if "Beslut:" in paragraph[1:] else [paragraph])
    ]
    consumed: set[int] = set()
    i = 0
    while i < len(paras):
        para = paras[i]
        if _PROPOSAL_LABEL.match(para):
            consumed.add(i)
            j = i + 1
            while j < len(paras) and not (
                _BESLUT_LABEL.match(paras[j]) or _ITEM_PART.match(paras[j])
            ):
                consumed.add(j)
                j += 1
            i = j
            continue
        label = _BESLUT_LABEL.match(para)
        if label or _BESLUT_HEADING.match(para):
            block: list[str] = []
            rest = (label.group("rest") or label.group("rest2") or "") if label else ""
            if rest.strip():
                block.append(rest.strip())
            elif not label:
                block.append(para)
            consumed.add(i)
            open_ended = bool(block) and block[0].endswith(":")
            j = i + 1
            while j < len(paras):
                nxt = paras[j]
                if _BESLUT_LABEL.match(nxt) or _BESLUT_HEADING.match(nxt) or _ITEM_PART.match(nxt):
                    break
                follows_colon = bool(block) and block[-1].endswith(":")
                if (
                    not block
                    or open_ended
                    or follows_colon
                    or _NUMBERED.match(nxt)
                    or _GOES_ON.match(nxt)
                    or (len(nxt) < 60 and _AMOUNT.search(nxt))
                    or (nxt.startswith("- ") and block and block[-1].endswith(":"))
                ):
                    block.append(nxt)
                    consumed.add(j)
                    j += 1
                    continue
                break
            decisions.extend(_decisions_from_block(block))
            i = j
            continue
        i += 1
    for index, para in enumerate(paras):
        if index in consumed or not _might_decide(para) or not DECIDING.search(para):
            continue
        sentences = split_sentences(para)
        for at, sentence in enumerate(sentences):
            if DECIDING.search(sentence) and not _NEGATED.search(sentence):
                text = sentence.strip()
                for following in sentences[at + 1 : at + 3]:
                    if not _continues(text, following) or DECIDING.search(following):
                        break
                    text = f"{text} {following.strip()}"
                decisions.append(Decision(text=text, explicit=False, amounts=_amounts(text)))
    return decisions


_POINTING_BACK = {"den", "det", "detta", "dessa", "beslutet", "uppdraget", "arbetet"}


def _continues(decision: str, sentence: str) -> bool:
    """Whether ``sentence`` goes on with what ``decision`` decided: it names it first, by its
    definite form ("… skriver en skrivelse … Skrivelsen ska skickas senast den 10 juni")."""
    first = sentence.split(maxsplit=1)[0].lower() if sentence.split() else ""
    if first in _POINTING_BACK:
        return True
    named = {word.lower() for word in re.findall(r"[^\W\d_]{5,}", decision)}
    return any(first.startswith(word) and len(first) - len(word) <= 3 for word in named)


# Every deciding phrase holds one of these; most paragraphs hold none and skip the regex.
def decides(text: str) -> bool:
    """Whether a text holds a deciding phrase."""
    return _might_decide(text) and DECIDING.search(text) is not None


def _might_decide(text: str) -> bool:
    """Whether a text holds a word every deciding phrase holds; most paragraphs hold none and
    skip the regex (an explicit chain: a generator over the words was the slower part)."""
    lower = text.lower()
    return (
        "besl" in lower
        or "antar" in lower
        or "antog" in lower
        or "godkän" in lower
        or "handlingarna" in lower
        or "faststäl" in lower
        or "ställ" in lower
        or "bevilja" in lower
        or "avsl" in lower
        or "justera" in lower
    )


# The formalities of a meeting: its agenda, the last minutes, the justerare, reports and
# delegation lists taken note of. They are decisions all the same, but a member asking what
# was decided means the others. Titles are matched as whole words.
_FORMAL_ITEM = re.compile(
    r"\b(dagordning(en)?|föredragningslista(n)?|val av justerare(?: och justering)?|justering|"
    r"mötets öppnande|sammanträdets öppnande|delegationsbeslut|anmälningsärenden)\b"
    r"|^(meddelanden|anmälningar)$"
    r"|^(godkännande av |genomgång av )?föregående "
    r"(möte|protokoll|minnesanteckningar|anteckningar)",
    re.IGNORECASE,
)
# Under a formality's title a decision may still be on a matter: "beslutar att skicka …".
# These verbs are the formalities' own.
_FORMAL_VERB = re.compile(
    r"\bbeslutar att (?!(?:godkänna|fastställa|lägga|utse|notera|ta emot)\b)", re.IGNORECASE
)
_FORMAL_DECISION = re.compile(
    r"^((?:dagordningen|föredragningslistan|(?:föregående )?protokollet från föregående \w+|"
    r"(?:minnes)?anteckningarna från [^.]{0,30})\b[^.]*\b(?:godkän\w*|fastställ\w*|lades till)"
    # what is taken note of: information, a report, the delegation list, the letters received
    r"|(?:informationen|rapporten|redovisningen|redovisade delegationsbeslut|delegationsbesluten|"
    r"meddelandena|anteckningarna)[^.]{0,60}\b(?:lades|läggs) till handlingarna\.?$"
    r"|[^.]{0,80}\blägga (?:\w+ )?(?:informationen|rapporten|redovisningen|meddelandena|"
    r"delegationsbesluten|delegationsbeslut|anteckningarna)\b[^.]{0,60}\btill handlingarna"
    r"|[^.]{0,80}\b(?:utsågs|utses|valdes) att (?:jämte ordföranden )?justera)",
    re.IGNORECASE,
)
# A decision on a matter, whatever its item is called: a motion rejected, a budget adopted.
_ON_A_MATTER = re.compile(
    r"\b(avslå\w*|avslogs|bifall\w*|bifölls|anta\w*|antogs|besvara\w*|avskriv\w*|bevilja\w*|"
    r"fastställa (?!dagordning)\w+|tilldela\w*|uppdra\w*|\d[\d ]* ?(kr|tkr|mkr)\b)",
    re.IGNORECASE,
)


def is_formality(item_title: str, text: str) -> bool:
    """Whether a decision is one of the meeting's formalities rather than on a matter."""
    text = text.strip()
    if _ON_A_MATTER.search(text):
        return False
    if _FORMAL_DECISION.match(text):
        return True
    return bool(_FORMAL_ITEM.search(item_title.strip())) and not _FORMAL_VERB.search(text)


def _decisions_from_block(block: list[str]) -> list[Decision]:
    numbered = [p for p in block if _NUMBERED.match(p)]
    if len(numbered) >= 2:
        decisions = []
        extra = [p for p in block if p not in numbered]
        for para in numbered:
            match = _NUMBER_AND_TEXT.match(para)
            assert match
            text = match.group(2).strip()
            decisions.append(
                Decision(text=text, number=int(match.group(1)), amounts=_amounts(text))
            )
        if extra:
            decisions[-1].text += "\n" + "\n".join(extra)
            decisions[-1].amounts = _amounts(decisions[-1].text)
        return decisions
    if not block:
        return []
    text = "\n".join(block)
    return [Decision(text=text, amounts=_amounts(text))]


def _amounts(text: str) -> list[Amount]:
    amounts: list[Amount] = []
    digit = _DIGIT.search(text)
    if digit is None:
        return amounts
    # An amount starts with its number: the scan starts at the first digit.
    for match in _AMOUNT.finditer(text, digit.start()):
        number = match.group("num").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            value = float(number)
        except ValueError:
            continue
        factor = _UNIT_FACTOR[match.group("unit").lower()]
        start = match.start()
        prefix = _TOTAL_BEFORE.search(text[:start])
        written = (prefix.group(0) if prefix else "") + match.group(0)
        amounts.append(Amount(text=written.strip(), kronor=round(value * factor)))
    return amounts


def decision_dates(text: str, reference: date) -> list[date]:
    """Dates a decision names, yearless ones placed near the meeting date."""
    return [m.date for m in find_dates(text, reference=reference, allow_yymmdd=True)]
