"""A markdown page's metadata block (YAML front matter) as the labelled header lines of minutes.

Wikis and static-site tools (Hugo, Jekyll, Obsidian) put a meeting's facts between two "---"
lines at the top, in Swedish keys ("datum:", "plats:", "deltagare:") or in the tool's English
ones ("date:", "location:", "participants:", "notes_by:"). The English keys become their Swedish
labels, so that one reading of header fields and attendance lists serves both; the tool's own
bookkeeping ("lastmod:", "draft:", "tags:") is dropped, as its dates are no meeting's.
"""

from __future__ import annotations

import re

_LABELS = {
    "title": "",
    "date": "Datum",
    "time": "Tid",
    "location": "Plats",
    "place": "Plats",
    "venue": "Plats",
    "chair": "Ordförande",
    "chairperson": "Ordförande",
    "notes_by": "Sekreterare",
    "minutes_by": "Sekreterare",
    "secretary": "Sekreterare",
    "participants": "Deltagare",
    "attendees": "Deltagare",
    "present": "Närvarande",
    "absent": "Frånvarande",
    "apologies": "Förhinder",
    "next_meeting": "Nästa möte",
    "titel": "",
}
_BOOKKEEPING = {
    "lastmod",
    "last_modified",
    "updated",
    "modified",
    "publishdate",
    "expirydate",
    "draft",
    "tags",
    "categories",
    "weight",
    "slug",
    "layout",
    "aliases",
    "toc",
    "url",
    "type",
}
_KEY = re.compile(r"^(?P<key>[A-Za-zÅÄÖåäö_]+)\s*:\s*(?P<value>.*)$")
_ITEM = re.compile(r"^\s+-\s+(?P<value>.*)$")


def front_matter_as_fields(text: str) -> str:
    """``text`` with a leading front matter block rewritten as labelled lines, else as it is."""
    if not text.startswith("---"):
        return text
    lines = text.split("\n")
    end = next((n for n in range(1, min(len(lines), 80)) if lines[n].strip() == "---"), None)
    if end is None or lines[0].strip() != "---":
        return text
    out: list[str] = []
    dropping = False  # inside a dropped key's list
    for line in lines[1:end]:
        item = _ITEM.match(line)
        if item:
            if not dropping:
                out.append(f"- {_unquoted(item.group('value'))}")
            continue
        key = _KEY.match(line)
        if key is None:
            dropping = False
            out.append(line)
            continue
        name = key.group("key").lower()
        dropping = name in _BOOKKEEPING
        if dropping:
            continue
        value = _unquoted(key.group("value"))
        label = _LABELS.get(name, key.group("key"))
        flow = _FLOW_LIST.fullmatch(value)
        if flow and label:
            # "attendees: [Anna Berg (Region Örebro län), Per Ek]": a list written on one line
            out.append(f"{label}:")
            out.extend(f"- {_unquoted(item)}" for item in _flow_items(flow.group(1)))
            continue
        out.append(f"{label}: {value}".strip() if label else value)
    return "\n".join([*out, "", *lines[end + 1 :]])


_FLOW_LIST = re.compile(r"\[(.*)\]")


def _flow_items(text: str) -> list[str]:
    """The items of a YAML flow list, split at commas outside quotes and parentheses."""
    items, depth, quote, current = [], 0, "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            items.append(current.strip())
            current = ""
            continue
        current += char
    items.append(current.strip())
    return [item for item in items if item]


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
