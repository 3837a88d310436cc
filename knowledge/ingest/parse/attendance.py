"""Attendance lists: who was there, in what role, for which organisation.

An attendance entry is a name followed by cells (tab or comma) naming a party, an
organisation, a title and notes; entries stand one a line, in columns, or inline
("Närvarande: A, ordförande, B v. ordf. och C"), under the Swedish list headings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.bodies import ERSATTARE, LEDAMOT, OVRIG, REGION, TJANSTEPERSON, TJANSTGORANDE
from knowledge.ingest.model import Attendee
from knowledge.ingest.parse.attendance_rows import (
    COLUMN_WORDS,
    column_header,
    names_a_role,
    role_first,
    row_entry,
)
from knowledge.ingest.parse.lines import LABELLED_FIELD, Line
from knowledge.ingest.parse.people import (
    FRANVARANDE,
    MUNICIPALITY_KEYS,
    NAME_TOKEN,
    NOT_NAME_WORDS,
    fold,
    is_job_title,
    starts_with_name,
)
from knowledge.language.text import normalize

# Attendance list headings, folded, mapped to the role their entries have.
_ATTENDANCE_HEADINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(narvarande )?tjanste(personer|man)( narvarande)?$"), TJANSTEPERSON),
    (re.compile(r"^(ovriga|dessutom) (narvarande|deltagare|deltagande|medverkande)$"), OVRIG),
    (re.compile(r"^(medverkande|adjungerade?)$"), OVRIG),
    (re.compile(r"^(narvarande |tjanstgorande )?ersattare( narvarande)?$"), ERSATTARE),
    (re.compile(r"^(narvarande )?ledamoter( narvarande)?$"), LEDAMOT),
    # "Kallade": a notice's list of those called, in minutes written into it; who of them
    # did not come the minutes say ("alla kallade utom ...", ``attendance_text``).
    (re.compile(r"^(narvarande|deltagare|narvarolista|narvaro|kallade|deltagande)$"), LEDAMOT),
    (re.compile(r"^(franvarande|anmalt forhinder|forhinder)( ledamoter)?$"), FRANVARANDE),
]
# Parenthesised attendance notes ("del av mötet", "ersätter Eva Persson"), not "(primärvård)".
_NOTE = re.compile(
    r"§|\b(del av|ersätter|ersättare|tjänstgör|från|till|punkt|digital|distans|deltog|närvar|"
    r"ej |inte |hela |förhinder|frånvar|teams|zoom|på plats)",
    re.IGNORECASE,
)


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
        if heading and _heading_role(fold(text)) is None:
            role, label, group = None, "", None  # a document's section heading ends a list
            continue
        if role is not None and _subheading(joined, index):
            group = _group_organisation(text)
            continue
        if role is not None and text.startswith("- ") and ":" in text:
            text = _labelled_entry(text) or text
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
        for entry in _entries(text):
            parsed = _attendee_of(entry, role)
            if parsed is None:
                continue
            parsed.function = _function_under(function, parsed.function)
            if group and parsed.organisation is None:
                parsed.organisation, parsed.org_kind = group, _kind_of(group)
            if role in (LEDAMOT, ERSATTARE) and len(councils) > 1:
                parsed.council = councils[council_index]
            attendees.append(parsed)
            since_label += 1
    return _once_each(attendees)


def attendees_in_line(text: str, role: str) -> list[Attendee]:
    """The attendees a line of a list holds, read as entries under ``role``."""
    return [a for a in map(lambda entry: _attendee_of(entry, role), _entries(text)) if a]


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
    if re.match(r"^tjanstgorande( ersattare)?$", label):
        return ERSATTARE, TJANSTGORANDE
    if re.match(r"^(ersattare,? ej( tjanstgorande)?|ej tjanstgorande ersattare)$", label):
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
                last.endswith((",", " för", " och", " samt"))
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
    following = next((t for t, _ in joined[index + 1 :] if t), "")
    return following.startswith("- ")


def _group_organisation(text: str) -> str | None:
    """The organisation a sub-heading names: the region or a municipality, else none."""
    folded = normalize(text)
    if folded.startswith("region"):
        return REGION
    municipality = _municipality_in(folded)
    return municipality if municipality and len(folded.split()) <= 2 else None


def _kind_of(organisation: str) -> str:
    return "region" if organisation == REGION else "kommun"


# "- Hällefors: Anneli Rask, socialchef", "- Adjungerad p. 3: Jenny Oskarsson, ...": an
# entry behind the organisation or the capacity it is listed under.
_LABELLED_ENTRY = re.compile(r"^-\s+(?P<label>[^:]{2,40}):\s*(?P<rest>\S.*)$")


def _labelled_entry(text: str) -> str | None:
    """A labelled bullet as a plain entry: "Anneli Rask, socialchef, Hällefors"."""
    match = _LABELLED_ENTRY.match(text)
    if match is None:
        return None
    label, rest = match.group("label").strip(), match.group("rest")
    key = fold(label)
    if _heading_role(key) or key in _HEADER_LABELS or not starts_with_name(rest):
        return None
    if _group_organisation(label) is None:
        label = label[:1].lower() + label[1:]  # a capacity, read as a title
    return f"- {rest}, {label}"


# Between entries: a comma, a tab, "och" (not "kultur- och fritidschef"), "samt", or a space
# after a party ("(S) Erik Hägg (V)", a table cell's lines run together).
_SEPARATOR = re.compile(r"\s*(?:,|\t|\bsamt\b|(?<!-)\s\boch\b)\s*|(?<=\))\s+(?=[A-ZÅÄÖ])")
_NOT_TITLE = {"for", "ersatter", "ers", "ers.", "tjg", "tjg.", "och", "samt"}
# Functions after a comma belong to the person before: "A (S), ordförande B (V)".
_FUNCTION_LEAD = re.compile(
    r"^((?:\d:e\s+)?(?:vice\s+)?ordförande|v\.?\s?ordf\.?|ordf\.?|sekr\.|sekreterare|ledamot|"
    r"ersättare|kassör|suppleant)\s+(?=[A-ZÅÄÖ])"
)


def _attendee_of(entry: str, role: str) -> Attendee | None:
    """A fresh attendee for an entry; the same entries recur in every protocol of a body."""
    cached = _parse_attendee_cached(entry, role)
    # A copy by its fields (all of them init fields): dataclasses.replace took five times as long.
    return Attendee(**vars(cached)) if cached else None


@lru_cache(maxsize=8192)
def _parse_attendee_cached(entry: str, role: str) -> Attendee | None:
    return _parse_attendee(entry, role)


@lru_cache(maxsize=8192)
def _entries(text: str) -> tuple[str, ...]:
    """A line's entries: one person with their cells, or several in columns or inline."""
    cuts = [0]
    depth_free = re.sub(r"\([^)]*\)", lambda m: "(" + "x" * (len(m.group(0)) - 2) + ")", text)
    for match in _SEPARATOR.finditer(depth_free):
        rest = text[match.end() :]
        lead = fold(rest.split(" ")[0]) if rest else ""
        function = _FUNCTION_LEAD.match(rest)
        if function and starts_with_name(rest[function.end() :]):
            cuts.append(match.end() + function.end())
        elif lead not in _NOT_TITLE and starts_with_name(rest) and match.start() > 0:
            cuts.append(match.start())
    # A name after a title within a cell: "..., kultur- och fritidschef Niklas Fagerlund, ...".
    for match in re.finditer(r"(?<=[a-zåäö0-9])\s+(?=[A-ZÅÄÖ][^\W\d_]+\s[A-ZÅÄÖ][^\W\d_]+,)", text):
        if match.start() not in cuts and starts_with_name(text[match.end() :]):
            before = text[: match.start()].rsplit(",", 1)[-1]
            last_word = fold(before.split()[-1]) if before.split() else ""
            if (
                "," in text[: match.start()]
                and not starts_with_name(before.strip())
                and last_word not in _NOT_TITLE
            ):
                cuts.append(match.start())
    cuts = sorted(set(cuts))
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    return tuple(re.sub(r"^\s*(,|\t|samt\b|och\b)?\s*", "", p).strip() for p in pieces if p.strip())


_FUNCTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(tjg\.?|tjanstgorande) (ers\.?|ersattare)"), TJANSTGORANDE),
    (re.compile(r"\b(\d:e )?(vice ordf\w*|v\.? ?ordf\w*)"), "vice ordförande"),
    (re.compile(r"\bordf(orande\b|\.|\b)"), "ordförande"),
    (re.compile(r"\b(sekr\.?|sekreterare|antecknare)(\b|$)"), "sekreterare"),
    (re.compile(r"\b(ers\.? for|ersattare for|ersatter)\b"), "ersättare"),
    (re.compile(r"\bkassor\b"), "kassör"),
    (re.compile(r"\bsuppleant\b"), "suppleant"),
    (re.compile(r"\bersattare\b"), "ersättare"),
    (re.compile(r"\bledamot\b"), "ledamot"),
]
_REPLACES = re.compile(
    r"(?:ersätter|ers\.? för|ersättare för|tjg\.? ers\.? för|tjänstgörande ersättare för|"
    r"tjänstgör (?:i stället )?för|i stället för)\s+"
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+){1,2})",
    re.IGNORECASE,
)
_AWAY = re.compile(r"\b(förhinder|frånvarande|ej närvarande|inte närvarande)\b", re.I)
_PRESENT = re.compile(r"^närvarande\b[,;]?\s*", re.I)
_PARTY = re.compile(r"^\s*\((?P<party>[A-ZÅÄÖ]{1,3}|MP|KD|SD)\)")
_FOR_NAME = re.compile(
    r"^\s*(?:\([A-ZÅÄÖ]{1,3}\))?\s*,?\s*för\s+"
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+){1,2})"
)


def _parse_attendee(text: str, role: str) -> Attendee | None:
    text = re.sub(r"^[-–•]\s*", "", text).strip()
    text = re.sub(r"(\b[A-ZÅÄÖ][^\W\d_]+)\.$", r"\1", text)  # a list's last name, its full stop
    if not text or len(text) > 200:
        return None
    # "Malin Jäderberg (kommunpolis, lokalpolisområde Karlskoga)": the cells in parentheses.
    wrapped = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<cells>[^)]*[a-zåäö][^)]*)\)", text)
    if wrapped and not _NOTE.search(wrapped.group("cells")):
        text = f"{wrapped.group('name')}, {wrapped.group('cells')}"
    title_before = re.match(r"^(?P<title>[a-zåäöé][\wåäöé-]+)\s+(?=[A-ZÅÄÖ])", text)
    if title_before and fold(title_before.group("title")) not in _NOT_TITLE:
        text = f"{text[title_before.end() :]}, {title_before.group('title')}"
    attendee = _parse_entry(text, role)
    if attendee is None:
        return None
    after = text[len(attendee.name) :]
    party = _PARTY.match(after)
    attendee.party = party.group("party") if party else None
    replaces = _REPLACES.search(after)
    attendee.replaces = replaces.group("who") if replaces else None
    folded = fold(re.sub(r"\([A-ZÅÄÖ]{1,3}\)", "", after))
    attendee.function = next((f for pattern, f in _FUNCTIONS if pattern.search(folded)), None)
    if attendee.replaces is None and (role == ERSATTARE or attendee.function == TJANSTGORANDE):
        # A substitute's "Tomas Nyberg (S) för Gunilla Westerlund (S)": whom they serve for.
        serves = _FOR_NAME.match(after)
        attendee.replaces = serves.group("who") if serves else None
    if (
        attendee.replaces
        and attendee.function in (None, "ersättare")
        and role
        in (
            LEDAMOT,
            ERSATTARE,
        )
    ):
        # "Yvonne Stål (KD) ers. för Anders Wiberg (KD)" among those present: an ersättare
        # by office, serving at this meeting
        attendee.function = TJANSTGORANDE
        if replaces and attendee.role == LEDAMOT:
            attendee.role = ERSATTARE
    if attendee.note:
        # A table's presence column: "Närvarande" says nothing, "Förhinder" that they were
        # away (unless it is the absent member's, beside whom one serves for).
        if _AWAY.search(attendee.note) and not attendee.replaces:
            attendee.role = FRANVARANDE
        attendee.note = _PRESENT.sub("", attendee.note) or None
    if attendee.role == LEDAMOT and attendee.function in ("ersättare", TJANSTGORANDE):
        attendee.role = ERSATTARE  # an ersättare by office in a list of all present
    if attendee.title:
        attendee.title = re.sub(r"\s*\([A-ZÅÄÖ]{1,3}\)", "", attendee.title).strip(" ,") or None
    if attendee.title and attendee.function:
        # "ordförande" and "v. ordf." are functions, not titles.
        rest = re.sub(
            r"(,\s*)?\b((\d:e )?(vice |v\.? ?)?ordf(örande|\.)?|sekr\.|kassör|ledamot|suppleant|"
            r"sekreterare\b|antecknare\b)",
            "",
            attendee.title,
        )
        attendee.title = rest.strip(" ,") or None
    return attendee


def _parse_entry(text: str, role: str) -> Attendee | None:
    # "(antecknare)", "(sammankallande)": a function, read from the entry's text by the caller.
    text = re.sub(r"\s*\((antecknare|sekreterare|sammankallande|ordförande)\)", "", text)
    notes = [n.strip() for n in re.findall(r"\(([^)]*)\)", text) if _NOTE.search(n)]
    text = re.sub(r"\s*\(([^)]*)\)", lambda m: "" if _NOTE.search(m.group(1)) else m.group(0), text)
    text = text.strip(" ,")
    cells = [c.strip(" ,") for c in re.split(r"\t|,", text) if c.strip(" ,")]
    if not cells:
        return None
    name_tokens: list[str] = []
    first = cells[0].split()
    rest_of_first: list[str] = []
    for n, token in enumerate(first):
        if (
            NAME_TOKEN.match(token)
            and fold(token) not in MUNICIPALITY_KEYS
            and fold(token) not in ("region", "kommun")
        ):
            name_tokens.append(token)
        else:
            rest_of_first = first[n:]
            break
    if len(name_tokens) < 2 or fold(name_tokens[0]) in NOT_NAME_WORDS:
        return None
    name = " ".join(name_tokens)
    others = ([" ".join(rest_of_first)] if rest_of_first else []) + cells[1:]
    organisation, org_kind, title, more_notes = _organisation(others)
    attendee = Attendee(
        name=name,
        organisation=organisation,
        org_kind=org_kind,
        role=role,
        title=title,
        note="; ".join(notes + more_notes) or None,
    )
    if title and role in (LEDAMOT, OVRIG) and org_kind != "kommun":
        attendee.title = title
    return attendee


def _organisation(cells: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """Organisation, its kind, a title and notes from the cells after a name.

    Swedish lists write "Namn, titel, organisation": a municipality or the region is the
    organisation wherever it stands; else a capitalised cell that is no job title
    ("Degerforsbyggen", "Bergslagens Revision AB", "SPF Seniorerna Askersund") is, or a last
    cell naming a place ("kommunpolis, lokalpolisområde Karlskoga"). Cells saying which items
    a person attended ("punkt 3–4", "§ 88") are notes.
    """
    organisation: str | None = None
    kind: str | None = None
    parts: list[tuple[str, bool]] = []  # (cell, whether it could be an organisation)
    notes: list[str] = []
    for raw in cells:
        raw = re.sub(r"^\([A-ZÅÄÖ]{1,3}\)\s*", "", raw)  # a party after the name
        wrapped = re.fullmatch(r"\(([^()]*)\)", raw)
        cell = wrapped.group(1).strip() if wrapped else raw
        folded = normalize(cell)
        municipality = _municipality_in(folded)
        if _ITEMS_ATTENDED.match(cell):
            notes.append(cell)
        elif _SERVES_FOR.match(cell):
            continue  # "ersättare för Arne Lilja": the function and whom, read by the caller
        elif re.search(r"\bregion( orebro lan)?\b|\bregionen\b", folded) and (
            folded.startswith("region") or folded.endswith(("region orebro lan", "regionen"))
        ):
            organisation, kind = REGION, "region"
            before = re.split(r"\bRegion\b", cell)[0].strip(" ,")
            if before:
                parts.append((before, False))
        elif municipality and (
            folded == normalize(municipality)
            or re.fullmatch(
                rf"{normalize(municipality)}s? kommun|{normalize(municipality)}\w*", folded
            )
        ):
            organisation, kind = municipality, "kommun"
        else:
            parts.append((cell, cell[:1].isupper() and not is_job_title(cell)))
    if organisation is None:
        named = next((cell for cell, could in parts if could), None)
        last = parts[-1][0] if len(parts) >= 2 else ""
        if named is None and re.search(r"\s[A-ZÅÄÖ]", last) and last[:1].islower():
            named = last
        if named is not None:
            organisation, kind = named, "annan"
            parts = [(cell, could) for cell, could in parts if cell != named]
    title_parts = [cell for cell, _ in parts]
    if title_parts:
        # "vårdcentralschef Karlskoga": the town a title is held in is no part of the title.
        *words, last_word = title_parts[0].split(" ")
        if words and normalize(last_word) in MUNICIPALITY_KEYS and last_word[:1].isupper():
            title_parts[0] = " ".join(words)
            notes.append(last_word)
    title = ", ".join(title_parts) or None
    return organisation, kind, title, notes


# "ersättare för Arne Lilja", and "för Gunilla Westerlund" after a substitute's name.
_SERVES_FOR = re.compile(
    r"^(tjg\.?\s+|tjänstgörande\s+)?(ers\.?|ersättare|ersätter)\b|^(tjänstgör\s+)?för\s+[A-ZÅÄÖ]|"
    r"^(tjänstgör\s+)?i stället för\b",
    re.I,
)
# Cells that say which items a person attended: "punkt 3–4", "punkterna 4 och 6", "§ 88",
# "ärende 5", "ej § 91", "tjänstgör § 91", "från § 13".
_ITEMS_ATTENDED = re.compile(
    r"^((ej|inte|tjänstgör|tjg|från|till|fr\.?\s?o\.?\s?m\.?|t\.?\s?o\.?\s?m\.?)\s+)?"
    r"(punkt(erna)?|p\.|§+|ärenden?)\s*\d",
    re.IGNORECASE,
)


def _municipality_in(folded: str) -> str | None:
    for token in re.findall(r"[a-z]+", folded):
        for key, name in MUNICIPALITY_KEYS.items():
            if token in (key, key + "s"):
                return name
    return None
