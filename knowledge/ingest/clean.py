"""Text as it arrives from PDF and DOCX conversions, made regular.

``clean_text`` gives the parser one line per line of the document: hyphenated line breaks
joined, repeated page headers and footers removed, markdown emphasis and bullet glyphs
normalised (headings keep their ``#`` markers), table rows turned into tab-separated cells.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from knowledge.ingest.front_matter import front_matter_as_fields
from knowledge.ingest.mail import without_mail
from knowledge.language.dates import CLOCK_SPAN
from knowledge.language.text import PERSON_ENTRY

# A line without any of these needs no more than stripping: markup characters, bullet glyphs,
# a tab, a run of spaces, or a leading dash (a bullet or a rule).
_SPECIAL_CHARS = re.compile(r"[|#<>\\*_\t\uf0b7\uf0a7\uf076\uf0d8•▪◦●■○►▸‣⁃∙·\[]")


def _special(line: str) -> bool:
    """Whether a line needs more than stripping (three checks; one regex was five times slower)."""
    return line[:1] in ("-", "–") or "  " in line or _SPECIAL_CHARS.search(line) is not None


_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # odd spaces only
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\f\v]")
_BULLET = re.compile(r"^[\uf0b7\uf0a7\uf076\uf0d8•▪◦●■○►▸‣⁃∙·*–-]\s+")
_BULLET_ALONE = re.compile(r"^[\uf0b7\uf0a7\uf076\uf0d8•▪◦●■○►▸‣⁃∙·]\s*$")
_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")
_EMPHASIS = [
    re.compile(r"\*\*(.+?)\*\*"),
    re.compile(r"__(.+?)__"),
    re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"),
]
_LINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_TAG = re.compile(r"</?(sup|sub|span|br|u|b|i|em|strong)\b[^>]*>", re.IGNORECASE)
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_RULE = re.compile(r"^(-{3,}|\*{3,}|_{3,})$")
_PAGE_NUMBER = re.compile(
    r"^(sida\s+\d+(\s*(av|\(|/)\s*\d+\)?)?|\d+\s*\(\d+\)|-\s*\d+\s*-|page\s+\d+(\s+of\s+\d+)?)$",
    re.IGNORECASE,
)
# Words after "hälso-" that show the hyphen belongs to a shortened compound ("hälso- och sjukvård").
_CONJUNCTIONS = {"och", "eller", "samt", "respektive", "som", "till", "både", "resp", "&"}
_FOOTER_START = re.compile(r"^(postadress|besöksadress|box \d)", re.IGNORECASE)
_FOOTER_LINE = re.compile(
    r"(postadress|besöksadress|telefon|telefax|org\.?\s?nr|plusgiro|bankgiro|e-post|internet|"
    r"www\.|@|box \d+|\d{3} \d{2} [A-ZÅÄÖ])",
    re.IGNORECASE,
)


def clean_text(raw: str) -> str:
    """Regular lines from raw converted text (see the module docstring)."""
    return clean_document(raw)[0]


def clean_document(raw: str, top: int = 30) -> tuple[str, list[str]]:
    """The cleaned text, and its first ``top`` non-empty lines before page furniture is taken
    out: the letterhead, whose first occurrence names the organisation, body and date."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Odd spaces and invisible characters in one pass over the text, not one per line.
    text = front_matter_as_fields(_SPACES.sub(" ", _INVISIBLE.sub("", text)))
    if "☐" in text and any(mark in text for mark in "☒☑✔✅"):
        # A roll call of boxes, ticked for those present: an empty box is one not there.
        text = _EMPTY_BOX.sub("✘ ", text)
    cleaned = [_clean_line(line) for line in text.split("\n")]
    lines = [line for line in cleaned if line is not None]
    if "\n" in "".join(lines):
        lines = [part for line in lines for part in line.split("\n")]  # a row of fields
    if "meddelande" in text or "Från:" in text or "From:" in text:
        lines = without_mail(lines)
    letterhead = [line for line in lines[: top * 4] if line][:top]
    lines = _drop_furniture(lines)
    lines = _join_hyphenated(lines)
    return _squeeze_blank_lines(lines), letterhead


# Meeting pages (Teams, Loop, Notion) set the header out as fields behind symbols: "📅 tisdag
# 20 maj 2025 · 13:00–16:00", "📍 Kommunhuset", "✍️ Anteckningar: @Lisa Grönberg · Ordförande:
# @Magnus Ekholm". A symbol that names a field becomes its label; the rest are decoration.
_SYMBOL_LABELS = {
    "📅": "Datum",
    "🗓": "Datum",
    "📆": "Datum",
    "📍": "Plats",
    "🏢": "Plats",
    "⏰": "Tid",
    "🕐": "Tid",
    "🕒": "Tid",
    "⌚": "Tid",
}
_FIELD_SEPARATOR = re.compile(r"\s+[·•|]\s+")
_CLOCK_RANGE = re.compile(rf"^{CLOCK_SPAN}$")
_LABELLED = re.compile(r"^[^\W\d_][\wåäö ]{1,29}:")  # "Ordförande: …", a field that names itself
_MENTION = re.compile(r"(?<!\S)@(?=[A-ZÅÄÖ])")


def _symbol_fields(line: str) -> str:
    """A line of fields behind symbols as labelled fields, one a line ("Datum: ...\nTid: ...");
    each part of "🕐 13:00–15:00 · 📍 Sessionssalen" is labelled by its own symbol."""
    symbols, rest = _leading_symbols(line)
    if not symbols:
        return _MENTION.sub("", line.strip())
    if _NO_SHOW.search(symbols) and PERSON_ENTRY.match(rest):
        return f"{rest} (frånvarande)"  # a presence checklist's cross: not there
    fields: list[str] = []
    for n, part in enumerate(_FIELD_SEPARATOR.split(line)):
        symbols, part = _leading_symbols(part)
        part = _MENTION.sub("", part)
        label = next((name for mark, name in _SYMBOL_LABELS.items() if mark in symbols), None)
        if label and not _LABELLED.match(part):
            part = f"{label}: {part}".rstrip()  # a symbol alone labels nothing after it
        elif n and _CLOCK_RANGE.match(part):
            part = f"Tid: {part}"
        elif n and not _LABELLED.match(part):
            fields[-1] += f" {part}"
            continue
        fields.append(part)
    return "\n".join(fields)


def _leading_symbols(text: str) -> tuple[str, str]:
    symbols = ""
    text = text.strip()
    while text and (unicodedata.category(text[0]) in ("So", "Sk", "Mn") or text[0] in "\ufe0f"):
        symbols, text = symbols + text[0], text[1:].lstrip()
    return symbols, text


# A checklist of those called: a tick is present, a cross is not ("✘ Lisa Holm (V)").
# (☒ is a ticked box, not a cross.) Only an entry of a list: a name, its party, its cells.
_NO_SHOW = re.compile("[✘✗❌✖]")
_EMPTY_BOX = re.compile(r"^\s*☐\s*", re.M)


_QUOTE = re.compile(r"^(>\s?)+")
_ESCAPED = re.compile(r"\\([-*_#.()\[\]|])")
_TAB = re.compile(r"[ ]*\t[ \t]*")
_SPACE_RUN = re.compile(r" {2,}")
# A label, dot leaders and its value, as forms and meeting-app exports set a header out.
_LEADER = re.compile(r"^([A-ZÅÄÖ][\wåäö/-]*(?: [\wåäö/-]+){0,3}) ?\.{4,} ?:? *(\S.*)$")


def _clean_line(line: str) -> str | None:
    """One line made regular (its odd spaces already plain); None drops it (table separators,
    rules)."""
    stripped = line.strip()
    if stripped and ord(stripped[0]) >= 0x2190 and not _BULLET.match(stripped):
        stripped = _symbol_fields(stripped)
    if "..." in stripped:
        # "Organ ...............: Kommunstyrelsen": a form's label and its value
        stripped = _LEADER.sub(r"\1: \2", stripped)
    if not _special(stripped):
        return stripped  # most lines: plain prose
    if _TABLE_SEPARATOR.match(stripped) and "-" in stripped:
        return None
    if _RULE.match(stripped):
        return None
    if _BULLET_ALONE.match(stripped):
        return ""
    if stripped[:1] == ">":
        stripped = _QUOTE.sub("", stripped)  # a markdown blockquote's markers
    if "<" in stripped:
        stripped = _TAG.sub("", _LINK.sub(r"\1", stripped))
    if "](" in stripped:
        stripped = _MD_LINK.sub(r"\1 (\2)", stripped)
    if "\\" in stripped:
        stripped = _ESCAPED.sub(r"\1", stripped)
    piped = stripped.startswith("|") and stripped.count("|") >= 2
    if piped:
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        while cells and not cells[-1]:
            cells.pop()
        stripped = "\t".join(cells)
    heading = _HEADING.match(stripped)
    prefix = ""
    if heading and (heading.group(2) or "").strip():
        prefix = heading.group(1) + " "
        stripped = heading.group(2).strip()
    if "*" in stripped or "_" in stripped:
        for pattern in _EMPHASIS:
            stripped = pattern.sub(r"\1", stripped)
    stripped = stripped.replace("**", "").replace("~~", "").strip()
    if not prefix and _BULLET.match(stripped):
        stripped = "- " + _BULLET.sub("", stripped).strip()
    # Columns laid out with runs of spaces become tabs, as tab-separated ones already are. A
    # markdown table's empty cells are kept: a cell's column tells what it is ("X" under "Nej").
    if "\t" in stripped and not piped:
        stripped = _TAB.sub("\t", stripped)
    if "  " in stripped:
        stripped = _SPACE_RUN.sub("\t", stripped)
    stripped = stripped.rstrip(" ")
    return prefix + stripped if stripped else ""  # a heading of markup only is no heading


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _drop_furniture(lines: list[str]) -> list[str]:
    """Remove page headers, footers and page numbers; re-join text a page break split."""
    remove = [False] * len(lines)
    # Each line's comparison key once: the repeated-block search runs two or more times.
    keys = [_key(line).lstrip("# ") if line.strip() else None for line in lines]
    _mark_repeated_blocks(keys, remove)  # whole headers first, with their council line
    _mark_vocabulary_blocks(lines, remove)
    numbers = [
        i
        for i, line in enumerate(lines)
        if _PAGE_NUMBER.match(line.strip()) or ("\t" in line and _page_cell(line))
    ]
    if len(numbers) >= 2:
        for i in numbers:
            remove[i] = True
    # Removing a footer can bring a page's header next to its repetition: look again on what
    # remains until nothing more is found (so cleaning cleaned text changes nothing).
    for _ in range(5):
        before = sum(remove)
        _mark_repeated_blocks(keys, remove)
        if sum(remove) == before:
            break
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not remove[i]:
            out.append(lines[i])
            i += 1
            continue
        while i < len(lines) and (remove[i] or not lines[i].strip()):
            i += 1
        # A sentence cut by the page break continues in lower case after it.
        while out and not out[-1].strip():
            out.pop()
        if i < len(lines) and out and lines[i][:1].islower() and not out[-1].endswith((".", ":")):
            out[-1] = out[-1] + ("\n" if out[-1].endswith("-") else " ") + lines[i]
            i += 1
            if out[-1].count("\n"):
                head, tail = out[-1].rsplit("\n", 1)
                out[-1] = head
                out.append(tail)
        else:
            out.append("")
    return out


def _page_cell(line: str) -> bool:
    """Whether a line's last cell is the page number: a footer "Justerandes signatur ___
    <tab> Sida 1 av 3" (it differs from page to page, so it is no repeated block)."""
    last = line.rsplit("\t", 1)[1].strip()
    return last[:4].lower() in ("sida", "page") and _PAGE_NUMBER.match(last) is not None


def _mark_repeated_blocks(line_keys: list[str | None], remove: list[bool]) -> None:
    """Runs of >= 3 non-blank lines seen twice, or >= 2 lines seen three times, are furniture
    (``line_keys``: each line's key, None for a blank line)."""
    indices = [i for i, key in enumerate(line_keys) if key is not None and not remove[i]]
    keys = [str(line_keys[i]) for i in indices]
    counts = Counter(keys)
    for size, times in ((3, 2), (2, 3)):
        # Page furniture never overlaps itself: count only occurrences that do not overlap.
        starts: dict[tuple[str, ...], list[int]] = {}
        for k in range(len(keys) - size + 1):
            if counts[keys[k]] < times:
                continue  # a block seen `times` times starts with a line seen as often
            places = starts.setdefault(tuple(keys[k : k + size]), [])
            if not places or k - places[-1] >= size:
                places.append(k)
        for block, places in starts.items():
            if len(places) >= times and _plausible_furniture(block):
                for k in places:
                    for offset in range(size):
                        remove[indices[k + offset]] = True
    # A first occurrence glued differently ("Välfärd och folkhälsaSekreterare") still goes: a
    # line that is two removed lines run together.
    removed = {keys[k] for k in range(len(keys)) if remove[indices[k]]}
    if not removed:
        return
    for k, key in enumerate(keys):
        if not remove[indices[k]]:
            for head in removed:
                if key.startswith(head) and key[len(head) :].strip() in removed:
                    remove[indices[k]] = True
                    break


# The parts of an agenda item repeat in every item ("Beslut" / "Nämnden beslutar"): content.
_ITEM_PART = re.compile(
    r"^(beslut|förslag till beslut|ärendebeskrivning|beslutsunderlag|yrkanden?|reservation|"
    r"propositionsordning|ärendet|sammanfattning)\s*:?$|\b(beslutar|beslutade|föreslår)\s*:?$"
    # an item's fields in a meeting app's export ("Föredragande: Pia Lövström, ekonomichef"
    # over the three items she presents)
    r"|^(föredragande|föredras av|ärendetyp|handlingar|paragraf)\s*:"
)


_PROSE = re.compile(r"^(?:\S+\s+){7,}\S+[.!?]$")  # eight words or more and a full stop


def _plausible_furniture(block: tuple[str, ...]) -> bool:
    """Repeated lines that are content (a bullet list read twice) are not furniture."""
    if len(set(block)) == 1:
        return False  # one line over and over is content (or a list), not a page header
    if any(_ITEM_PART.search(line) for line in block):
        return False
    # A proposal's att-clauses repeated as the decision, a sentence told twice: prose, which
    # page headers and footers are not.
    if any(line.startswith("att ") or _PROSE.search(line) for line in block):
        return False
    return not any(line.startswith("- ") for line in block) and all(
        len(line) < 200 for line in block
    )


def _mark_vocabulary_blocks(lines: list[str], remove: list[bool]) -> None:
    """The address footer and the "Tjänsteställe ... Sekreterare NAME" header, even once."""
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if _FOOTER_START.match(stripped) and re.search(r"besöksadress|telefon", stripped, re.I):
            j = i
            while j < len(lines) and (
                not lines[j].strip() or _FOOTER_LINE.search(lines[j]) or j == i
            ):
                if lines[j].strip() and not _FOOTER_LINE.search(lines[j]) and j != i:
                    break
                remove[j] = True
                j += 1
                if j < len(lines) and not lines[j].strip():
                    break
            i = j
            continue
        # Only short lines are casefolded (casefolding never shortens a text).
        if len(stripped) <= len("tjänsteställe") and stripped.casefold() == "tjänsteställe":
            j = i
            while j < len(lines) and j - i < 8 and "sekreterare" not in lines[j].casefold():
                j += 1
            if j < len(lines) and j - i < 8:
                end = j + 1
                while end < len(lines) and not lines[end].strip():
                    end += 1
                if lines[j].strip().casefold().endswith("sekreterare") and end < len(lines):
                    end += 1  # the secretary's name on the line after
                for k in range(i, min(end, len(lines))):
                    remove[k] = True
                i = end
                continue
        i += 1


_LETTER_HYPHEN = re.compile(r"[^\W\d_]-$")


def _join_hyphenated(lines: list[str]) -> list[str]:
    """Join words split by a hyphen at a line break; keep the hyphens that are real."""
    out: list[str] = []
    # The last output line is kept as pieces plus its end: a long chain of joins must not copy
    # or search the whole growing line each time (that was cubic on "a-" lines).
    pieces: list[str] = []
    tail = ""
    for line in lines:
        if pieces and tail.endswith("-") and _LETTER_HYPHEN.search(tail) and line.strip():
            nxt = line.strip()
            fragment = re.search(r"([\w-]+)-$", tail)
            first_word = re.split(r"[\s,.;:]", nxt, maxsplit=1)[0]
            head = fragment.group(1) if fragment else ""
            if first_word.lower() in _CONJUNCTIONS or nxt.startswith(","):
                piece = " " + nxt  # "hälso- och sjukvård"
            elif (
                nxt[:1].isupper()
                or nxt[:1].isdigit()
                or len(head) == 1
                or (head.isupper() and len(head) <= 5)
                or re.search(r"[A-ZÅÄÖ].*[A-ZÅÄÖ]", head) is not None
                or nxt.startswith("- ")
                or tail.endswith(" -")
            ):
                if nxt.startswith("- ") or pieces[0].startswith("#"):
                    out.append("".join(pieces))
                    pieces, tail = [line], line[-64:]
                    continue
                piece = nxt  # "e-hälsa", "Ann-Christine", "SKoP-modellen"
            else:
                pieces[-1] = pieces[-1][:-1]  # "genom-" + "fördes"
                tail = tail[:-1]
                piece = nxt
            pieces.append(piece)
            tail = (tail + piece)[-64:]
            continue
        if pieces:
            out.append("".join(pieces))
        pieces, tail = [line], line[-64:]
    if pieces:
        out.append("".join(pieces))
    return out


def _squeeze_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if out else "")
