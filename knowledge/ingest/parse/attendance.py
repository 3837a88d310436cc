"""Attendance lists: who was there, in what role, for which organisation.

Entries stand one a line, in columns, or inline ("Närvarande: A, ordförande, B v. ordf. och
C") under the Swedish list headings, in tables (``attendance_rows``), grouped under
sub-headings; each entry is read by ``attendance_entries``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.bodies import ERSATTARE, LEDAMOT, OVRIG, REGION, TJANSTEPERSON, TJANSTGORANDE
from knowledge.ingest.model import Attendee
from knowledge.ingest.parse.attendance_entries import attendee_of, entries, municipality_in
from knowledge.ingest.parse.attendance_rows import (
    COLUMN_WORDS,
    column_header,
    names_a_role,
    role_first,
    row_entry,
)
from knowledge.ingest.parse.header import LABELS as HEADER_LABELS
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line
from knowledge.ingest.parse.people import (
    FRANVARANDE,
    KALLAD,
    fold,
    starts_with_name,
)
from knowledge.language.text import normalize

# Attendance list headings, folded, mapped to the role their entries have.
_ATTENDANCE_HEADINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(narvarande )?tjanste(personer|man)( narvarande)?$"), TJANSTEPERSON),
    (re.compile(r"^(ovriga|dessutom) (narvarande|deltagare|deltagande|medverkande)$"), OVRIG),
    (re.compile(r"^(medverkande|adjungerade?)$"), OVRIG),
    (
        # "Suppleanter" (not a lone "suppleant", the end of a wrapped "Ronny Pettersson
        # suppleant")
        re.compile(r"^(narvarande |tjanstgorande )?(ersattare|suppleanter)( narvarande)?$"),
        ERSATTARE,
    ),
    (re.compile(r"^(narvarande )?ledamoter( narvarande)?$"), LEDAMOT),
    (
        re.compile(r"^(narvarande|deltagare|narvarolista|narvaro|deltagande|vi som var med)$"),
        LEDAMOT,
    ),
    # A notice's list of those called: attendance only in minutes written into it that say
    # who of them did not come ("alla kallade utom ...", ``attendance_text``).
    (re.compile(r"^kallade$"), KALLAD),
    (re.compile(r"^(franvarande|anmalt forhinder|forhinder)( ledamoter)?$"), FRANVARANDE),
]


def parse_attendance(head: list[Line], councils: list[str]) -> list[Attendee]:
    """Attendees under attendance headings; a joint meeting repeats the lists per council.

    A heading stands alone ("Närvarande:"), beside its first entry after a colon or a tab
    ("Ledamöter:\tMarita Åberg (S), ordförande"), or broken over two lines ("Tjänstgörande" /
    "ersättare:"). Entries are one a line, in columns, or inline ("Närvarande: A, ordförande,
    B v. ordf. och C").
    """
    attendees: list[Attendee] = []
    role: str | None = None
    function: str | None = None
    label = ""
    since_label = 0  # attendees added under the current label
    council_index = 0
    seen_roles: set[str] = set()
    columns: tuple[str, ...] | None = None  # what each cell holds, under a table's header row
    group: str | None = None  # the organisation a list's sub-heading names ("Region Örebro län")
    joined = _joined(head)
    for index, (text, heading) in enumerate(joined):
        listed_under: str | None = None  # the organisation or capacity an entry's label names
        entry_role: str | None = None  # the role a label gives its entry ("Föredragande: X")
        serves_for: str | None = None  # whom "Tjänstgör för Per Ek: Karin Lind" serves for
        if heading and _heading_role(fold(text)) is None or _CLOSING_WORDS.match(text):
            # a document's section heading ends a list, and so does a letter's closing
            role, label, group = None, "", None
            continue
        if role is not None and _subheading(joined, index):
            group = _group_organisation(text)
            continue
        if role is not None and ":" in text:
            if _GROUP_LABEL.match(fold(text)):
                group = None  # "Politiker:", "Organisationer:": the list goes on in groups
                continue
            label_text = text.removeprefix("- ").split(":", 1)[0]
            kind = _label_kind(label_text)
            if kind == _NOT_AN_ENTRY:
                continue  # "Protokollförare: Kim Lund", "Jäv § 5: …": the header's, a note
            labelled = _labelled_entry(text)
            if labelled is not None:
                text, listed_under = labelled
                serves = _SERVES_FOR_LABEL.match(label_text)
                serves_for = serves.group("who") if serves else None
                if kind is not None:
                    entry_role, listed_under = kind, None
        if "\t" in text:
            first_cell = text.split("\t", 1)[0]
            first = fold(first_cell).rstrip(":").strip()
            header = column_header(text) if first in COLUMN_WORDS else None
            if header is not None:
                columns = header
                role, function = (role, function) if role else (LEDAMOT, None)
                continue
            # A table's row, or a row with the role before the name, as a list's entry
            # ("Ersättare<tab>Gösta Nyman (S)" heads a list of its own).
            entry = row_entry(text, columns) if columns else None
            if (
                entry is None
                and role not in (None, FRANVARANDE)
                and names_a_role(first, first_cell)
                and not _heading_role(first)
            ):
                entry = role_first(text)
            text = entry or text
        elif not text:
            columns = None
        cell, value = _label_cell(text)
        if cell is not None:
            fragment = cell[:1].islower() and bool(label)
            label = f"{label} {fold(cell)}" if fragment else fold(cell)
            matched = _heading_role(label)
            if matched is None and not fragment:
                role = None  # "Justerare:", "Plats och tid" and other labels end a list
                label = ""
            elif matched is not None:
                role, function = matched
                if fragment:
                    # The second line of a label names the list its first line began.
                    for attendee in attendees[len(attendees) - since_label :]:
                        attendee.role = role
                        attendee.function = _function_under(function, attendee.function)
                else:
                    since_label = 0
                    if role in seen_roles and role in (LEDAMOT, ERSATTARE) and len(councils) > 1:
                        council_index = min(council_index + 1, len(councils) - 1)
                        seen_roles = set()
                    seen_roles.add(role)
            text = value
        elif LABELLED_FIELD.match(text) and not text.startswith("-"):
            role = None
            label = ""
            continue
        if role is None or not text:
            continue
        for entry in entries(text):
            parsed = attendee_of(entry, entry_role or role)
            if parsed is None:
                continue
            if serves_for:
                parsed.function, parsed.replaces = TJANSTGORANDE, serves_for
            parsed.function = _function_under(None if entry_role else function, parsed.function)
            if listed_under and listed_under[:1].islower():
                parsed.title = parsed.title or listed_under
            elif listed_under and parsed.organisation is None:
                # "HRF Nora" is the association, "Nora" the municipality
                named = _ORGANISATION_LABEL.search(listed_under)
                town = None if named else _group_organisation(listed_under)
                parsed.organisation = town or listed_under
                parsed.org_kind = _kind_of(town) if town else "annan"
            if group and parsed.organisation is None:
                parsed.organisation, parsed.org_kind = group, _kind_of(group)
            if role in (LEDAMOT, ERSATTARE) and len(councils) > 1:
                parsed.council = councils[council_index]
            attendees.append(parsed)
            since_label += 1
    return _once_each(attendees)


def _once_each(attendees: list[Attendee]) -> list[Attendee]:
    """A person in two lists is one attendee: a substitute who served from a § on is also
    listed among those not serving ("Ingela Bohm, §§ 112–118"). The entry where they serve
    (a member's, or one who serves for someone) is kept, with the other's note."""
    first: dict[tuple[str, str | None], int] = {}
    out: list[Attendee] = []
    for attendee in attendees:
        key = (attendee.name, attendee.council)
        if attendee.role == FRANVARANDE or key not in first:
            if attendee.role != FRANVARANDE:
                first[key] = len(out)
            out.append(attendee)
            continue
        kept = out[first[key]]
        if _serves(attendee) and not _serves(kept):
            kept, attendee = attendee, kept
            out[first[key]] = kept
        if attendee.note and attendee.note != kept.note:
            # "ersättare §§ 112–118": the other entry's note says when they were that.
            other = attendee.note
            if attendee.function and attendee.function != kept.function:
                other = f"{attendee.function} {other}"
            kept.note = "; ".join(n for n in (kept.note, other) if n)
    return out


def _serves(attendee: Attendee) -> bool:
    return attendee.role == LEDAMOT or bool(attendee.replaces) or attendee.function == TJANSTGORANDE


def _function_under(heading: str | None, written: str | None) -> str | None:
    """An entry's function: as written beside the name, but a heading of serving substitutes
    ("Tjänstgörande ersättare") makes "ersätter X" a serving one."""
    if heading == TJANSTGORANDE and written in (None, "ersättare"):
        return heading
    return written or heading


@lru_cache(maxsize=4096)
def _heading_role(label: str) -> tuple[str, str | None] | None:
    """The role (and function) of the entries under a folded attendance heading."""
    label = label.rstrip(":").strip()
    if re.match(r"^tjanstgorande( ersattare| suppleant(er)?)?$", label):
        return ERSATTARE, TJANSTGORANDE
    deputies = r"(ersattare|suppleant(er)?)"  # "suppleant" in companies' and associations'
    if re.match(rf"^({deputies},? ej( tjanstgorande)?|ej tjanstgorande {deputies})$", label):
        return ERSATTARE, "ersättare"
    if re.match(r"^beslutande( ledamoter)?$", label):
        return LEDAMOT, None
    matched = next((r for pattern, r in _ATTENDANCE_HEADINGS if pattern.match(label)), None)
    if matched is None and label in ("ovriga", "narvarande ledamoter", "narvarande ersattare"):
        matched = {"ovriga": OVRIG, "narvarande ledamoter": LEDAMOT}.get(label, ERSATTARE)
    if matched is None:
        return None
    return matched, "ersättare" if matched == ERSATTARE else None


@lru_cache(maxsize=8192)
def _label_cell(text: str) -> tuple[str | None, str]:
    """(label, the value beside it) when a line starts with a label cell, else (None, text)."""
    text = text.removeprefix("- ")
    first, tab, rest = text.partition("\t")
    key = fold(first).rstrip(":").strip()
    labelled = first.endswith(":") or _heading_role(key) or first[:1].islower()
    if tab and labelled and len(first.split()) <= 4 and not starts_with_name(first):
        return first.rstrip(":").strip(), rest.strip()
    if _heading_role(key) and not tab:
        return first.rstrip(":").strip(), ""
    field = LABELLED_FIELD.match(text)
    if field and _heading_role(fold(field.group("label"))):
        return field.group("label").strip(), field.group("value").strip()
    if field or (key in _HEADER_LABELS and len(first.split()) <= 4):
        return first.split(":")[0].strip(), ""
    return None, text


_HEADER_LABELS = {
    "justerare",
    "utses att justera",
    "underskrifter",
    "sekreterare",
    "ordforande",
    "paragrafer",
    "justeringens",
    "plats och tid",
    "tid och plats",
}


def _joined(head: list[Line]) -> list[tuple[str, bool]]:
    """Lines with an entry broken over two joined ("X (KD) tjg. ersättare för" / "Y (KD)"),
    each with whether it is a markdown heading."""
    out: list[tuple[str, bool]] = []
    for line in head:
        text = line.text
        last = out[-1][0] if out else ""
        if (
            last
            and text
            and not line.heading
            and (
                last.endswith((",", " för", " och", " samt", " ej"))
                or (text[:1].islower() and "\t" not in text and _label_cell(text)[0] is None)
            )
        ):
            out[-1] = (f"{last} {text}", out[-1][1])
            continue
        out.append((text, bool(line.heading)))
    return out


def _subheading(joined: list[tuple[str, bool]], index: int) -> bool:
    """A short line heading the bulleted entries under it within a list ("Länsdel Norr",
    "Region Örebro län")."""
    text = joined[index][0]
    if not text or text.startswith("- ") or "\t" in text or "," in text or ":" in text:
        return False
    if len(text.split()) > 5 or _label_cell(text)[0] is not None:
        return False
    person = attendee_of(text, LEDAMOT)
    if person is not None and (person.party or person.function):
        return False  # the list's first entry, unbulleted: "Anna Berg (S) ordförande"
    following = next((t for t, _ in joined[index + 1 :] if t), "")
    return following.startswith("- ")


def _group_organisation(text: str) -> str | None:
    """The organisation a sub-heading names: the region or a municipality, else none."""
    folded = normalize(text)
    if folded.startswith("region"):
        return REGION
    municipality = municipality_in(folded)
    return municipality if municipality and len(folded.split()) <= 2 else None


def _kind_of(organisation: str) -> str:
    return "region" if organisation == REGION else "kommun"


# "- Hällefors: Anneli Rask, socialchef", "- Adjungerad p. 3: Jenny Oskarsson, ...": an
# entry behind the organisation or the capacity it is listed under.
_LABELLED_ENTRY = re.compile(r"^(?:-\s+)?(?P<label>[^:\t]{2,60}):\s*(?P<rest>\S.*)$")
# A letter's closing: whatever follows is no one's attendance.
_CLOSING_WORDS = re.compile(
    r"^(ha det (fint|bra|gott)|(med )?vänliga hälsningar|hälsningar|mvh|bästa hälsningar)\b",
    re.I,
)
_NOT_AN_ENTRY = "-"


def _label_kind(label: str) -> str | None:
    """What a label inside a list makes of its entry: no entry (a header field, "Jäv § 5"), a
    role of its own ("Föredragande", "Från förvaltningen", "Tjänstgör för X"), or None (an
    organisation or capacity, read by the caller)."""
    key = fold(label)
    chair = key.startswith(("ordf", "vice ordf"))  # the chair is at the meeting, listed so
    if (key in HEADER_LABELS and _heading_role(key) is None and not chair) or key.startswith("jav"):
        return _NOT_AN_ENTRY  # ("Övriga:", "Beslutande:" head lists of their own)
    if _SERVES_FOR_LABEL.match(label):
        return ERSATTARE
    if re.match(r"(föredragande|gäst|gäster|inbjudna?|adjungerad)\b", label, re.I):
        return OVRIG
    if re.match(r"från (förvaltningen|kansliet|\w+förvaltningen|\w+kontoret)\b", label, re.I):
        return TJANSTEPERSON
    return None


_SERVES_FOR_LABEL = re.compile(
    r"^(?:tjänstgör(?:ande)?(?: ersättare)?|ersätter) för "
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+ [A-ZÅÄÖ][\wåäöé-]+)",
    re.I,
)
# An organisation's name: an acronym ("DHR", "SRF Örebro län"), an association or a company.
_ORGANISATION_LABEL = re.compile(
    r"\b[A-ZÅÄÖ]{2,}\b|förening|förbund|organisation|\bAB\b|råd\b|rådet\b"
)
# Groups of those present, each a label of its own above its entries.
_GROUP_LABEL = re.compile(
    r"^(politiker|fortroendevalda|organisationer|foreningar|brukarorganisationer|"
    r"intresseorganisationer|representanter|myndigheter|ovriga organisationer|"
    r"kommunerna|kommuner)\s*:$"
)


def _labelled_entry(text: str) -> tuple[str, str] | None:
    """A labelled entry, bulleted or not, and its label: the organisation it is listed under
    ("DHR: Marita Lund", "- Hällefors: Anneli Rask, socialchef") or, written in lower case,
    the capacity ("- Adjungerad p. 3: Jenny Oskarsson": "adjungerad p. 3")."""
    match = _LABELLED_ENTRY.match(text)
    if match is None:
        return None
    label, rest = match.group("label").strip(), match.group("rest")
    key = fold(label)
    if _heading_role(key) or key in _HEADER_LABELS or not starts_with_name(rest):
        return None
    if not _ORGANISATION_LABEL.search(label) and _group_organisation(label) is None:
        label = label[:1].lower() + label[1:]
    return f"- {rest}", label
