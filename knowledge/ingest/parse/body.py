"""Which body met, and whose body it is: taken from the document's letterhead and title.

Swedish minutes name the organisation in the letterhead ("HALLSBERGS KOMMUN", "Region Örebro
län", "EDSBERGS HEMBYGDSFÖRENING") and the body on a line of its own ("Kommunstyrelsen",
"Socialchefsgruppen Sydnärke") or in the title ("Minnesanteckningar – Samverkansgrupp länsdel
Väster", "Revisorerna i Lekebergs kommun"). The three councils samrad knows keep their keys.
"""

from __future__ import annotations

import re

from knowledge.bodies import COUNCIL_NAMES, REGION
from knowledge.language.text import normalize

# Words that make a line a body's name: a nämnd, styrelse, fullmäktige, råd, grupp, ...
_BODY_WORD = re.compile(
    r"(nämnd(en)?|styrelse(n)?|fullmäktige|råd(et)?|grupp(en)?|revisorer(na)?|utskott(et)?|"
    r"beredning(en)?|kommitté(n)?|ledningsgrupp(en)?|presidium|presidiet|forum|nätverk(et)?)\b",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"^(?P<org>(?:[A-ZÅÄÖ][\wÅÄÖåäö-]*\s){0,3}(?:kommun|kommuner|förening|region|"
    r"hembygdsförening|förbund|kommunalförbund)|region örebro län(?: och länets kommuner)?)$",
    re.IGNORECASE,
)
_TITLE_PREFIX = re.compile(
    r"^(justerat\s+)?(sammanträdes)?(protokoll|minnesanteckningar|anteckningar)"
    r"(\s+(från|fört vid|vid))?\s*[-–:,]?\s*",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"^(datum|tid|plats|närvarande|deltagare|ledamöter|beslutande|ordförande|justera|§|\d)",
    re.IGNORECASE,
)


def find_body(top: list[str], councils: list[str]) -> tuple[str | None, str | None]:
    """(body, organisation) from the first lines of a document."""
    if councils:
        return COUNCIL_NAMES[councils[0]], REGION
    zone: list[str] = []
    for line in top:
        if _STOP.match(line):
            break
        zone.extend(cell.strip() for cell in line.split("\t") if cell.strip())
    organisation = None
    body = None
    for index, cell in enumerate(zone):
        text = _TITLE_PREFIX.sub("", cell.lstrip("# ")).strip(" .")
        host = re.match(r"^värdkommun\s*:\s*(?P<org>.+)$", text, re.IGNORECASE)
        if host:
            organisation = f"{host.group('org').strip()} (värdkommun)"
            continue
        if organisation is None and _ORGANISATION.match(text) and not _BODY_WORD.search(text):
            organisation = _proper_case(text)
            continue
        inside = re.match(r"^(?P<body>.+?)\s+i\s+(?P<org>[A-ZÅÄÖ]\w+s kommun)$", text)
        if body is None and inside and _BODY_WORD.search(inside.group("body")):
            body, organisation = inside.group("body"), organisation or inside.group("org")
            continue
        if body is None and _BODY_WORD.search(text) and len(text) <= 90:
            body = _proper_case(text)
            # "GEMENSAMMA FAMILJERÄTTSNÄMNDEN" / "för Hällefors, ... och Nora kommuner"
            following = zone[index + 1] if index + 1 < len(zone) else ""
            if re.match(r"^för\s", following):
                body += " " + re.sub(r"\s+kommuner$", "", following.strip(" ."))
    return body, organisation


def body_in_text(text: str) -> str | None:
    """A body named in running text: "Brottsförebyggande rådet i Degerfors (BRÅ) bjöd ...",
    "Protokoll fört vid styrelsemöte" (the board: "Styrelsen")."""
    match = re.search(
        r"\b(?P<body>[A-ZÅÄÖ][\wåäö-]*(?:\s[\wåäö-]+){0,3}?\s(?:rådet|nämnden|gruppen|styrelsen)"
        r"(?:\s(?:i|för)\s[A-ZÅÄÖ][\wåäö-]+)?(?:\s\([A-ZÅÄÖ]{2,6}\))?)",
        text,
    )
    if match:
        return match.group("body")
    if re.search(r"\bstyrelsemöte\b", text, re.IGNORECASE):
        return "Styrelsen"
    return None


def _proper_case(text: str) -> str:
    """An upper-case letterhead in the case Swedish writes it: "HALLSBERGS KOMMUN" ->
    "Hallsbergs kommun"; mixed case stays as written."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join([words[0].capitalize(), *words[1:]])


def body_key(body: str, organisation: str | None) -> str:
    """A stable key for a body not among the councils: its folded name and organisation."""
    key = normalize(f"{body} {organisation or ''}")
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")
