"""The shape of a document: its agenda item headings or report sections, and which it is.

A protocol has numbered item headings in sequence under a header naming its council; a report
has numbered (1.2, 1.2.3) or markdown section headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from knowledge.bodies import CHEFSGRUPP, FOLKHALSA, REGIONALA, SOCIAL
from knowledge.ingest.model import Section
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line
from knowledge.language.text import normalize


class ItemHeading(NamedTuple):
    """An agenda item's heading: where it is, its number and title, and text that shares it."""

    pos: int  # line position of the heading
    number: str  # as written with its letter ("9a"); "" for an unnumbered heading
    title: str
    rest: str = ""  # body text on the heading line ("§ 21. Title. Text ...", a table row)
    skip: int = 0  # lines after the heading that belong to it (a title on the next line)


_ITEM_HEADING = re.compile(
    r"^(?P<para>§\s*)?(?P<num>\d{1,3})(?P<letter>[a-zA-Z])?(?P<punct>\s*[.):]+)?\s+(?P<title>\S.*)$"
)
# "KS § 112", "SN § 45 Dnr ...", "§ 3" alone (the title on the next line), "12 §", "Punkt 4".
_PARA_ITEM = re.compile(
    r"^(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{0,7}\s*)?§\s*(?P<num>\d{1,3})(?P<letter>[a-z])?"
    r"(?P<punct>\s*[.:])?(?:\s+(?P<title>.*))?$"
)
_SIGN_AFTER = re.compile(r"^(?P<num>\d{1,3})(?P<letter>[a-z])?\s*§(?:\s+(?P<title>.*))?$")
_PUNKT_ITEM = re.compile(
    r"^(?:punkt|ärende)\s+(?P<num>\d{1,3})(?P<letter>[a-z])?(?P<punct>\s*[.:])?"
    r"(?:\s+(?P<title>.*))?$",
    re.IGNORECASE,
)
# A title broken after one of these words (or a hyphen) goes on on the next line; so does one
# whose next line starts with one of them ("… mellan Kopparberg" / "och Hällefors").
_GOES_ON_WORDS = ("och", "av", "för", "i", "om", "med", "till", "vid", "samt", "på")
_TITLE_GOES_ON = (*(f" {word}" for word in _GOES_ON_WORDS), "-")
_GOES_ON_LINE = re.compile(rf"^({'|'.join(_GOES_ON_WORDS)})\s+\S[^.:;]{{0,50}}$")


def _text_at(lines: list[Line], pos: int) -> str:
    return lines[pos].text if pos < len(lines) else ""


_DNR = re.compile(r"\s*\(?\b(dnr|diarienr|diarienummer)\b.*$", re.IGNORECASE)
_TITLE_LABEL = re.compile(r"^(?:rubrik|ärenderubrik|titel|ärende)\s*:\s*", re.IGNORECASE)
_PARAGRAPH_FIELD = re.compile(r"^paragraf\s*:\s*(?:[A-ZÅÄÖ]{1,5}\s*)?§\s*(\d{1,3})([a-z]?)\b", re.I)


def _paragraph_below(lines: list[Line], title_pos: int) -> tuple[int, str] | None:
    """The § an item's fields give under its title ("Paragraf: § 145"), if one does."""
    for line in lines[title_pos + 1 : title_pos + 4]:
        field = _PARAGRAPH_FIELD.match(line.text)
        if field:
            return int(field.group(1)), field.group(2)
    return None


# A sentence break inside a heading line: the title ends, the item's text begins.
_TITLE_END = re.compile(r"(?<=[a-zåäö0-9)])\. (?=[A-ZÅÄÖ])")
_MONTH_START = re.compile(
    r"^(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?\b", re.IGNORECASE
)
_SECTION_HEADING = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*)$")
_TABLE_ROW = re.compile(r"^\d{1,3}[a-z]?\t")
_ATTACHED = re.compile(r"\s(?:Bilaga|Bilagor|Underlag|Handlingar)\s*:")
_LEADING_PUNCT = re.compile(r"^[.):\s]+")
_TITLE_START = re.compile(r"[A-ZÅÄÖÉ0-9\"”]")
_LIST_NUMBER = re.compile(r"^\d{1,3}[a-z]?\s*[.)]")  # a line numbered like the one below


def looks_like_protocol(head: list[Line]) -> bool:
    """Whether the head names itself a protocol or has a protocol's labels and roles."""
    folded = normalize(" ".join(line.text for line in head[:60]))
    return bool(
        re.search(r"\b(protokoll|minnesanteckningar|motesanteckningar|anteckningar)\b", folded)
        or re.search(r"\b(justerat|justerare|narvarande|ordforande)\b", folded)
        or re.search(r"(^| )(tid|datum|plats) ?:", folded)
    )


def find_councils(head: list[Line]) -> list[str]:
    """Councils named in the title zone, in order of appearance; a joint meeting names two."""
    title_zone: list[str] = []
    for line in head[:25]:
        if re.match(r"^(tid|plats|datum|närvarande|ledamöter|justerat)\b", line.text, re.I):
            break
        title_zone.append(line.text)
    folded = normalize(" ".join(title_zone))
    found: list[tuple[int, str]] = []
    patterns = [
        (CHEFSGRUPP, r"\bchefsgrupp\w*( for samverkan)?"),
        (SOCIAL, r"\bspecifika (samverkans)?rad\w* (for )?social valfard"),
        (FOLKHALSA, r"\bspecifika (samverkans)?rad\w* (for )?folkhalsa"),
        (REGIONALA, r"\bregionala samverkansrad\w*"),
    ]
    for key, pattern in patterns:
        match = re.search(pattern, folded)
        if match:
            found.append((match.start(), key))
    return [key for _, key in sorted(found)]


@dataclass
class _Candidate:
    pos: int
    num: int
    letter: str
    title: str
    strong: bool  # a markdown heading or a "§" number
    score: int  # how much it looks like a heading rather than a line of a list
    rest: str = ""
    skip: int = 0


# "Utdrag ur protokoll", "Protokollsutdrag": an extract, holding only some of a meeting's §§.
_EXTRACT = re.compile(
    r"\butdrag ur (?:sammanträdes)?protokoll(?:et)?\b|\b(?:sammanträdes)?protokollsutdrag\b",
    re.IGNORECASE,
)


def is_extract(head: list[Line]) -> bool:
    """Whether the document names itself an extract of a protocol (in its first lines)."""
    texts = [line.text for line in head[:30]]
    return "tdrag" in " ".join(texts).lower() and any(_EXTRACT.search(text) for text in texts)


def find_items(lines: list[Line], extract: bool = False) -> tuple[int, list[ItemHeading]]:
    """Agenda item headings: the longest run of numbered lines in sequence (1, 2, 3, 3a, 3b, 4).

    Numbered lists inside an item also count 1, 2, 3; choosing the longest valid sequence, and
    among equally long ones the most heading-like, keeps them out. An ``extract`` of a protocol
    holds the §§ it was made for, in order but with gaps ("§ 92", "§ 95").
    """
    candidates = _item_candidates(lines)
    window = 60  # a predecessor further back than this is never the best one in practice
    best: list[tuple[int, int, int]] = []  # (chain length, chain score, predecessor index)
    for i, cand in enumerate(candidates):
        # A protocol's numbers may continue the year's count ("12)" after last meeting's 11).
        chain = (
            (1, cand.score, -1) if cand.num <= 3 or cand.strong or cand.score > 0 else (0, 0, -1)
        )
        for j in range(max(0, i - window), i):
            length, score, _ = best[j]
            if length and _follows(candidates[j], cand, extract):
                option = (length + 1, score + cand.score, j)
                if option[:2] > chain[:2]:
                    chain = option
        best.append(chain)
    if not best or max(b[0] for b in best) == 0:
        return len(lines), []
    index = max(range(len(best)), key=lambda k: best[k][:2])
    chosen: list[_Candidate] = []
    while index >= 0:
        chosen.append(candidates[index])
        index = best[index][2]
    chosen.reverse()
    items = [ItemHeading(c.pos, f"{c.num}{c.letter}", c.title, c.rest, c.skip) for c in chosen]
    return items[0].pos, items


# Lines that head a header block or a signature, never an agenda item.
_NOT_ITEM_TITLE = re.compile(
    r"^(närvarande|deltagare|frånvarande|förhinder|anmält förhinder|ledamöter|ersättare|"
    r"övriga( närvarande| deltagare)?|tjänstepersoner|vid (pennan|protokollet|anteckningarna)|"
    r"sekreterare|antecknare|ordförande|justerare|justeras|underskrifter|protokoll|"
    r"minnesanteckningar|dagordning|innehåll)\b",
    re.IGNORECASE,
)


def find_unnumbered_items(lines: list[Line]) -> list[ItemHeading]:
    """Agenda items without numbers: markdown headings, else short lines standing alone.

    A document's own title (the first heading, alone at its level) is not an item; nor is a
    line that heads an attendance list or a signature.
    """
    marked = [(pos, line) for pos, line in enumerate(lines) if line.heading]
    if marked:
        levels = [line.heading for _, line in marked]
        level = max(set(levels), key=lambda lv: (levels.count(lv), lv))
        chosen = [(pos, line.text) for pos, line in marked if line.heading == level]
    else:
        chosen = [(pos, line.text) for pos, line in enumerate(lines) if _standalone(lines, pos)]
    return [
        ItemHeading(pos, "", title.rstrip(":"))
        for pos, title in chosen
        if not _NOT_ITEM_TITLE.match(title) and not LABELLED_FIELD.match(title)
    ]


def _standalone(lines: list[Line], pos: int) -> bool:
    """A short capitalised line between a blank line and text: a heading of its own."""
    text = lines[pos].text
    return (
        0 < pos < len(lines) - 1
        and not lines[pos - 1].text
        and bool(lines[pos + 1].text)
        and 3 <= len(text) <= 70
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", "!", "?"))
        and "\t" not in text
        and not text.startswith("- ")
        and not lines[pos + 1].text.startswith("- ")
        and not re.search(r"\d{4}-\d{2}-\d{2}|\(", text)
    )


def _split_heading(line: str) -> tuple[int, str, str, bool, bool] | None:
    """(number, letter, title, strong, punctuated) of an item heading line, or None."""
    if "§" in line[:14]:
        patterns: tuple[re.Pattern[str], ...] = (_PARA_ITEM, _SIGN_AFTER)
    elif line[:1] in "PpÄä":
        patterns = (_PUNKT_ITEM,)
    else:
        patterns = ()
    for pattern in patterns:
        match = pattern.match(line)
        if match:
            title = match.group("title") or ""
            punct = bool(match.groupdict().get("punct"))
            return int(match.group("num")), match.group("letter") or "", title, True, punct
    match = _ITEM_HEADING.match(line) if line[:1].isdigit() or line[:1] == "§" else None
    if not match:
        return None
    letter = match.group("letter") or ""
    if letter.isupper() and not match.group("punct"):
        return None  # "5 A-lag" style text, not "5a)"
    return (
        int(match.group("num")),
        letter,
        match.group("title"),
        bool(match.group("para")),
        bool(match.group("punct")),
    )


def _item_candidates(lines: list[Line]) -> list[_Candidate]:
    candidates = []
    for pos, line in enumerate(lines):
        first = line.text[:1]
        if not (first.isdigit() or first in "PpÄä" or "§" in line.text[:14]):
            continue
        split = _split_heading(line.text)
        if split is None:
            continue
        num, letter, title, strong, punct = split
        punct = punct or bool(_TABLE_ROW.match(line.text))  # a table's row
        cells = title.split("\t")
        title, rest = _DNR.sub("", cells[0]).strip(), "\t".join(cells[1:]).strip()
        attached = _ATTACHED.search(title)
        if attached and attached.start() > 0:
            # "Folkhälsoplan 2023–2026 Bilaga: remissversion ...": a cell's second paragraph
            title, rest = (
                title[: attached.start()].strip(),
                "\t".join(cell for cell in (rest, title[attached.start() :].strip()) if cell),
            )
        if title[:1] in ".):" or title[:1].isspace():
            title = _LEADING_PUNCT.sub("", title).strip()
        skip = 0
        if strong and not title:
            # "§ 3   Dnr BUN 2023/45" with the title on the next line.
            following = next(
                (i for i in range(pos + 1, min(pos + 3, len(lines))) if lines[i].text), None
            )
            if following is None:
                continue
            title, skip = _DNR.sub("", lines[following].text).strip(), following - pos
            # a meeting app's export: "Ärende 4 (Dnr 2024/201)" / "Rubrik: Delårsrapport …" /
            # "Paragraf: § 145"; the item is cited by its §
            labelled = _TITLE_LABEL.match(title)
            title = _TITLE_LABEL.sub("", title)
            for wrapped in lines[following + 1 : following + 3] if labelled else ():
                if not wrapped.text or LABELLED_FIELD.match(wrapped.text):
                    break
                title, skip = f"{title} {wrapped.text.strip()}", skip + 1  # a wrapped "Rubrik"
            paragraph = _paragraph_below(lines, following)
            if paragraph is not None:
                num, letter = paragraph
        if punct and strong:
            end = _TITLE_END.search(title)
            if end:
                title, rest = title[: end.start()], (title[end.end() :] + " " + rest).strip()
        following_pos = pos + 1 + skip
        if (
            not rest
            and (
                title.endswith(_TITLE_GOES_ON)
                or _GOES_ON_LINE.match(_text_at(lines, following_pos))
            )
            and following_pos < len(lines)
            and lines[following_pos].text[:1].islower()
        ):
            # "Omställning av korttidsplatser vid Tallbackens vård- och" / "omsorgsboende"
            more = _DNR.sub("", lines[following_pos].text.split("\t")[0]).strip()
            title, skip = f"{title} {more}", skip + 1
        if "ekretess" in title and _GENERIC_TITLE.match(title):
            title, skip = _with_subject(lines, title, pos + 1 + skip, skip)
        # A long line is a paragraph that starts with a number, unless it is a table's row,
        # whose last cells may hold the item's minutes.
        if len(title) > 160 or (len(line.text) > 400 and not _TABLE_ROW.match(line.text)):
            continue
        if not title or _MONTH_START.match(title) or not _TITLE_START.match(title):
            continue
        strong = strong or bool(line.heading)
        blank_before = pos == 0 or not lines[pos - 1].text
        if not (punct or strong or blank_before):
            continue
        previous = lines[pos - 1].text if pos else ""
        score = 2 * strong + blank_before
        score -= 2 * bool(previous and _LIST_NUMBER.match(previous))
        score -= title.endswith("?") + (len(title) > 100)
        candidates.append(_Candidate(pos, num, letter.lower(), title, strong, score, rest, skip))
    return candidates


# A confidential item's title says only that it is one; its subject is on the line(s) under
# it: "§ 89 Ärende enligt sekretess" / "Byte av förvaltare, akt nr 1880-2016-0231".
_GENERIC_TITLE = re.compile(
    r"^(ärenden? enligt sekretess|sekretessärenden?|sekretessbelagda? ärenden?|"
    r"ärenden? som omfattas av sekretess)$",
    re.IGNORECASE,
)


def _with_subject(lines: list[Line], title: str, start: int, skip: int) -> tuple[str, int]:
    """A generic title with the subject on the lines right under it (a line that ends in a
    comma goes on on the next), and the lines used."""
    subject: list[str] = []
    at = start
    while at < len(lines) and len(subject) < 3:
        text = lines[at].text
        if not text or lines[at].heading or _split_heading(text) or LABELLED_FIELD.match(text):
            break
        subject.append(text)
        at += 1
        if not text.endswith(","):
            break
    if not subject:
        return title, skip
    return f"{title} – {' '.join(subject)}", skip + len(subject)


def _follows(prev: _Candidate, cand: _Candidate, extract: bool = False) -> bool:
    """Whether ``cand`` can be the next item heading after ``prev``."""
    if extract and prev.strong and cand.strong and cand.num > prev.num:
        return True
    if cand.num == prev.num:
        return bool(cand.letter) and cand.letter > prev.letter
    if cand.num == prev.num + 1:
        return cand.letter in ("", "a")
    return cand.num == prev.num + 2 and cand.strong


def find_sections(lines: list[Line]) -> list[tuple[int, Section]]:
    """Report section headings (markdown or "1.2 Title"), with their line positions."""
    sections: list[tuple[int, Section]] = []
    for pos, line in enumerate(lines):
        if not line.text or "...." in line.text or "\t" in line.text:
            continue
        match = _SECTION_HEADING.match(line.text)
        if line.heading:
            if match and not _MONTH_START.match(match.group("title")):
                number = match.group("num")
                title = match.group("title").strip()
                level = number.count(".") + 1
            else:
                number, title, level = None, line.text, line.heading
            sections.append((pos, Section(number=number, title=title, level=level)))
        elif match and len(line.text) < 120 and "." in match.group("num"):
            title = match.group("title").strip()
            if title[:1].isupper() and not title.endswith("."):
                number = match.group("num")
                sections.append((pos, Section(number, title, level=number.count(".") + 1)))
    return sections
