"""Lines of cleaned text: markdown heading levels, labelled fields, reflowing into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s")
_DATE_LINE = re.compile(
    r"^\d{1,2}(:e|:a)? (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)", re.IGNORECASE
)
# A line that ends mid-clause, before a date or a figure: what follows continues it.
_LEADS_ON = re.compile(
    r"\b(den|från|till|senast|före|efter|med|om|per|på|i|under|mellan|sedan)$"
    r"|(?<!\w)(t\.o\.m\.|fr\.o\.m\.)$"
)
# "Label: value" (a header field); a label this short is not a sentence with a colon.
LABELLED_FIELD = re.compile(r"^(?P<label>[A-Za-zÅÄÖåäö ]{2,30}?)\s*:\s*(?P<value>.*)$")


@dataclass
class Line:
    """A line of the cleaned text, its markdown heading level taken off."""

    text: str  # without heading markers
    heading: int  # markdown heading level, 0 for body lines
    index: int


def to_line(index: int, line: str) -> Line:
    """The line at ``index``, with a leading "#" run read as its heading level."""
    match = _MD_HEADING.match(line) if line.startswith("#") else None
    if match:
        return Line(match.group(2).strip(), len(match.group(1)), index)
    return Line(line.strip(), 0, index)


# The parts of an item under their own headings ("Sammanfattning", "Beslutsunderlag",
# "Kommunstyrelsens beslut"): never the start of the sentence below them. (A heading of the
# item's subject, "Projekt regional testbädd", is read with what it heads.)
_SUBHEADING = re.compile(
    r"^(sammanfattning(?: av ärendet)?|ärendebeskrivning|ärendet|bakgrund|beslutsunderlag|"
    r"yrkanden?|propositionsordning|beslutsgång|reservationer?|protokollsanteckningar?|jäv|"
    r"förslag till beslut|[a-zåäö]+s (?:beslut|förslag(?: till [a-zåäö]+)?))$",
    re.IGNORECASE,
)


def reflow(texts: list[str]) -> str:
    """Join wrapped lines into paragraphs; bullets and sentence starts keep their own lines."""
    out: list[str] = []
    blank = False
    heading = False  # the last line stood alone after a break, short: a sub-heading
    for text in texts:
        if not text:
            blank = True
            continue
        starts_new = (
            not out
            or (heading and text[:1].isupper())  # "Sammanfattning" / "Kommundirektören …"
            or text.startswith("- ")
            or (text[:1].isdigit() and _NUMBERED.match(text))
            or (text[1:3] == ") " and text[:1].islower())  # a sub-point "b) …" of a list
            or (
                text[:1].isdigit()
                and _DATE_LINE.match(text)
                and not _LEADS_ON.search(out[-1])  # "… hålls tisdag den" / "3 december kl. 18"
            )
            or (out[-1].endswith((".", ":", "!", "?")) and text[:1].isupper())
            or (blank and not text[:1].islower())
            or out[-1].endswith(":")
        )
        if starts_new:
            heading = (blank or not out) and _SUBHEADING.match(text) is not None
            if blank and out:
                out.append("")
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
            heading = False
        blank = False
    return "\n".join(out).strip()


def paragraphs(texts: list[str]) -> list[str]:
    """The non-empty paragraphs of the reflowed lines."""
    return [p for p in reflow(texts).split("\n") if p.strip()]
