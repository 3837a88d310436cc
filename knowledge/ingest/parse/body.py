"""Which body met, and whose body it is: taken from the document's letterhead and title.

Swedish minutes name the organisation in the letterhead ("HALLSBERGS KOMMUN", "Region Örebro
län", "EDSBERGS HEMBYGDSFÖRENING") and the body on a line of its own ("Kommunstyrelsen",
"Socialchefsgruppen Sydnärke") or in the title ("Minnesanteckningar – Samverkansgrupp länsdel
Väster", "Revisorerna i Lekebergs kommun"). The three councils samrad knows keep their keys.
"""

from __future__ import annotations

import re

from knowledge.bodies import COUNCIL_NAMES, MUNICIPALITIES, REGION
from knowledge.language.dates import find_dates
from knowledge.language.text import enumerated, normalize

# Words that make a line a body's name, in the definite form Swedish names a body by
# ("Socialnämnden", "Kommunstyrelsen", "Folkhälsorådet", "Revisorerna"), or a compound
# ("Samverkansgrupp länsdel Väster").
_BODY_WORD = re.compile(
    r"(nämnden|styrelsen|fullmäktige|rådet|gruppen|\w+grupp|\w+råd|revisorerna|utskottet|\w+utskott|"
    r"beredningen|kommittén|presidiet|nätverket|forumet|direktionen)\b",
    re.IGNORECASE,
)
# Letterhead words beside the body or the organisation in a flattened column.
_LETTERHEAD_WORDS = re.compile(
    r"\s+(sammanträdesprotokoll|protokoll|sammanträdesdatum|sammanträdesdag|datum|"
    r"sida\s*\d.*|blad\s*\d.*)$",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"^(?P<org>(?:[A-ZÅÄÖ][\wÅÄÖåäö-]*\s){0,3}(?:kommun|kommuner|förening|region|"
    r"hembygdsförening|förbund|kommunalförbund)|region örebro län(?: och länets kommuner)?"
    r"|(?:[A-ZÅÄÖ][\wÅÄÖåäö-]*\s){1,3}AB"  # a company: "Karlskogahem AB"
    # a förbund named by its area: "Samordningsförbundet Sydnärke", "Kommunalförbundet X"
    r"|[A-ZÅÄÖ]\w*förbundet(?:\s[A-ZÅÄÖ][\wÅÄÖåäö-]*){1,2})$",
    re.IGNORECASE,
)
_TITLE_PREFIX = re.compile(
    r"^(justerat\s+)?(sammanträdes)?(protokoll|minnesanteckningar|anteckningar)"
    r"(\s+(från|fört vid|vid))?\s*[-–:,]?\s*",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"^(-\s+)?(datum|tid|plats|närvarande|deltagare|ledamöter|beslutande|ordförande|justera|§)"
    r"\b|^\d{1,3}[.)]?\s+[A-ZÅÄÖ]",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d$")
_BODY_FIELD = re.compile(r"^(?:organ|beslutsorgan|instans)\s*:\s*(?P<body>\S.{1,60})$", re.I)
_FEDERATION = re.compile(
    r"^(?P<org>[A-ZÅÄÖ][^–:]{2,40}?)\s+[–-]\s+(?:ett\s+)?(?:kommunal|samordnings)?förbund\b", re.I
)
# The number of a meeting or a protocol after a body's name: "– möte 4/2025", "nr 5/2024".
_MEETING_NUMBER = re.compile(
    r"\s*[-–,:]?\s*(?:\b(?:möte|sammanträde|protokoll)\s+)?(?:nr\.?\s*)?\d{1,3}/\d{2,4}$", re.I
)
# A protocol named by its body in one word: "Styrelseprotokoll", "Direktionsprotokoll".
_BODY_PROTOCOL = re.compile(r"^(styrelse|direktions)(?:mötes|sammanträdes)?protokoll\b", re.I)
_BODY_PROTOCOL_NAMES = {"styrelse": "Styrelsen", "direktions": "Direktionen"}
_SEPARATED = re.compile(r"\s+[-–·|]\s+|,\s*|\s+och\s+|\s+samt\s+")


def find_body(top: list[str], councils: list[str]) -> tuple[str | None, str | None]:
    """(body, organisation) from the first lines of a document."""
    if councils:
        return COUNCIL_NAMES[councils[0]], REGION
    zone: list[str] = []
    owner: str | None = None  # the organisation named beside the body in a title
    for line in top:
        if _STOP.match(line):
            break
        for cell in re.split(r"\t| \| ", line):  # "Meetings+ | Askersunds kommun"
            # "Kumla kommun, Socialnämnden", "Folkhälsorådet, Nora kommun": body and owner.
            parts = [p.strip() for p in cell.split(", ")]
            if len(parts) == 2 and any(_ORGANISATION.match(p) for p in parts):
                zone.extend(parts)
            elif (
                len(parts) == 2
                and _BODY_WORD.search(parts[0])
                and not _BODY_WORD.search(parts[1])
                and parts[1][:1].isupper()
                and not find_dates(parts[1])
            ):
                # "Delregional styrgrupp, Närvårdssamverkan Södra länsdelen": whose body it is
                zone.append(parts[0])
                owner = owner or _TITLE_PREFIX.sub("", parts[1]).strip(" .")
            elif cell.strip():
                zone.append(cell.strip())
    organisation = None
    body = None
    for index, cell in enumerate(zone):
        text = _TITLE_PREFIX.sub("", cell.lstrip("# ")).strip(" .")
        for _ in range(2):
            text = _LETTERHEAD_WORDS.sub("", text)
        text = _YEAR_AFTER.sub("", text)  # "Folkhälsorådet 2023": the body of that year's file
        text = _MEETING_NUMBER.sub("", text)  # "Styrgrupp Trygg hemgång – möte 4/2025"
        compound = _BODY_PROTOCOL.match(text)
        if compound and body is None:
            body = _BODY_PROTOCOL_NAMES[compound.group(1).lower()]  # "STYRELSEPROTOKOLL NR 5"
            continue
        field = _BODY_FIELD.match(text)
        if field and body is None:
            body = _proper_case(field.group("body").strip())  # "Organ: Direktionen"
            continue
        federation = _FEDERATION.match(text)
        if federation and organisation is None:
            # "Nerikes Brandkår – kommunalförbund för Askersund, …": the förbund by its name
            organisation = federation.group("org").strip()
            continue
        members = _member_list(text)
        if members and organisation is None:
            organisation = members
            continue
        host = re.match(r"^värdkommun\s*:\s*(?P<org>.+)$", text, re.IGNORECASE)
        if host:
            organisation = f"{host.group('org').strip()} (värdkommun)"
            continue
        if organisation is None and _ORGANISATION.match(text) and not _BODY_WORD.search(text):
            organisation = _proper_case(text)
            continue
        inside = re.match(r"^(?P<body>.+?)\s+i\s+(?P<org>[A-ZÅÄÖ]\w+s kommun)$", text)
        if inside and _BODY_WORD.search(inside.group("body")):
            body, organisation = body or inside.group("body"), organisation or inside.group("org")
            continue
        if (
            body is None
            and _BODY_WORD.search(text)
            and len(text.split()) <= 10
            and not find_dates(text)
        ):
            body = _proper_case(text)
            # "GEMENSAMMA FAMILJERÄTTSNÄMNDEN" / "för Hällefors, ... och Nora kommuner"
            following = zone[index + 1] if index + 1 < len(zone) else ""
            if re.match(r"^för\s", following):
                body += " " + re.sub(r"\s+kommuner$", "", following.strip(" ."))
    return body, owner or organisation


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
    # "Styrgruppen för projekt E-arkiv Bergslagen leds av ...": a compound name and its remit.
    match = re.search(
        r"\b(?P<body>[A-ZÅÄÖ][\wåäö-]*(?:gruppen|rådet|nämnden|styrelsen)\sför\s[^.,]{3,60}?)"
        r"\s(?:leds|består|är|har|träffas|sammanträder)\b",
        text,
    )
    if match:
        return match.group("body")
    # "sammanfattning från gårdagens möte i arbetsgruppen för suicidprevention i norra
    # länsdelen": a group named in lower case, as running text does, after its meeting.
    match = re.search(
        r"\b(?:möte|mötet|träff|träffen)\s+(?:i|med)\s+(?P<body>(?:\w+)?gruppen\s+för\s+"
        r"[^.,;()]{3,60}?)(?=[.,;]|\s+(?:och|där|som|den|på|kl)\b|$)",
        text,
    )
    if match:
        return match.group("body")[:1].upper() + match.group("body")[1:]
    if re.search(r"\bstyrelsemöte\b", text, re.IGNORECASE):
        return "Styrelsen"
    return None


def with_abbreviation(body: str, text: str) -> str:
    """The body's name with the abbreviation the text gives it: "Kommunala pensionärsrådet
    (KPR) är ett organ ..." -> "Kommunala pensionärsrådet (KPR)"."""
    if "(" in body:
        return body
    match = re.search(re.escape(body) + r"\s*\((?P<abbr>[A-ZÅÄÖ]{2,6})\)", text, re.IGNORECASE)
    return f"{body} ({match.group('abbr')})" if match else body


def organisation_in_text(text: str) -> str | None:
    """ "ett samarbete mellan Hällefors, Lindesbergs, Ljusnarsbergs och Nora kommuner"."""
    match = re.search(r"\bsamarbete mellan (?P<org>[A-ZÅÄÖ][^.]{3,120}?\skommuner)\b", text)
    return match.group("org") if match else None


def municipality_of(body: str) -> str | None:
    """A body named for a municipality is that municipality's: "Brottsförebyggande rådet i
    Degerfors" -> "Degerfors kommun", "Revisorerna i Lekebergs kommun"."""
    match = re.search(r"\bi (?P<town>[A-ZÅÄÖ][\wåäö]+)\b", body)
    if not match:
        return None
    known = {normalize(m): m for m in MUNICIPALITIES}
    written = normalize(match.group("town"))
    town = known.get(written) or known.get(written.removesuffix("s"))
    if town is None:
        return None
    # Swedish writes "Askersunds kommun" but "Degerfors kommun", "Nora kommun", "Laxå kommun".
    return f"{town} kommun" if town[-1] in "saeiouyåäö" else f"{town}s kommun"


def _member_list(text: str) -> str | None:
    """ "Karlskoga · Degerfors · Laxå · Region Örebro län": the municipalities (and the region)
    that run a body together, written "Karlskoga, Degerfors och Laxå kommuner samt Region
    Örebro län"."""
    parts = [p.strip() for p in _SEPARATED.split(text) if p.strip()]
    known = {normalize(m): m for m in MUNICIPALITIES}
    towns = [known[normalize(p)] for p in parts if normalize(p) in known]
    region = any(normalize(p) == normalize(REGION) for p in parts)
    if len(towns) < 2 or len(towns) + region != len(parts):
        return None
    listed = f"{enumerated(towns)} kommuner"
    return listed + (f" samt {REGION}" if region else "")


def _proper_case(text: str) -> str:
    """An upper-case letterhead in the case Swedish writes it: "HALLSBERGS KOMMUN" ->
    "Hallsbergs kommun"; mixed case stays as written."""
    if not text.isupper():
        return text
    words = text.lower().split()
    # An abbreviation in parentheses stays in capitals: "Funktionshinderrådet (KFR)".
    words = [w.upper() if re.fullmatch(r"\(\w{2,6}\)|ab", w) else w for w in words]
    return " ".join([words[0].capitalize(), *words[1:]])


def body_key(body: str, organisation: str | None) -> str:
    """A stable key for a body not among the councils: its folded name and organisation."""
    key = normalize(f"{body} {organisation or ''}")
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")
