"""What a corrected kallelse changes: its time and place against the earlier one (or the
calendar's meeting), and its items matched by title (added, dropped, renumbered, another
presenter or kind); and those changes as lines for the notice and the answers."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from knowledge.council import handover
from knowledge.council.meetings import Meeting
from knowledge.language.dates import format_time_range
from knowledge.storage.kallelser import Agenda, AgendaItem
from knowledge.storage.schedule import parse_time


def _hhmm(value: object) -> str | None:
    return value.strftime("%H:%M") if hasattr(value, "strftime") else None


def changes(before: Agenda | None, after: Agenda, meeting: Meeting | None) -> dict[str, Any]:
    """What ``after`` changes: against the earlier kallelse (``before``) its items, and
    against it or the calendar's meeting its time and place. Empty when nothing changed."""
    found: dict[str, Any] = {}
    if before is not None:
        old_start, old_end, old_place = before.start, before.end, before.place
    elif meeting is not None:
        old_start, old_end, old_place = meeting.start, meeting.end, meeting.place
    else:
        return found
    if after.start and (old_start, old_end) != (after.start, after.end) and old_start:
        found["time"] = {
            "before": [_hhmm(old_start), _hhmm(old_end)],
            "after": [_hhmm(after.start), _hhmm(after.end)],
        }
    # "Lokal Eken" then "Lokal Eken, Eklundavägen 1": the same place, written out.
    if after.place and old_place and _fold(old_place) not in _fold(after.place):
        found["place"] = {"before": old_place, "after": after.place}
    if before is None:
        return found
    matched = _match_items(before.items, after.items)
    added = [item for item in after.items if id(item) not in {id(b) for _, b in matched}]
    dropped = [item for item in before.items if id(item) not in {id(a) for a, _ in matched}]
    if added:
        found["added"] = [handover.in_short(item) for item in added]
    if dropped:
        found["dropped"] = [handover.in_short(item) for item in dropped]
    renumbered = [
        {"title": new.title, "before": old.number, "after": new.number}
        for old, new in matched
        if old.number != new.number
    ]
    if renumbered:
        found["renumbered"] = renumbered
    altered = []
    for old, new in matched:
        what = []
        if [_fold(p) for p in old.presenters] != [_fold(p) for p in new.presenters]:
            what.append("föredragande: " + (", ".join(new.presenters) or "ingen angiven"))
        if old.kind != new.kind and new.kind:
            what.append(f"nu {new.kind}särende" if new.kind != "diskussion" else "nu diskussion")
        if _fold(old.title) != _fold(new.title):
            what.append(f"ny rubrik (förut ”{old.title}”)")
        if what:
            altered.append({"number": new.number, "title": new.title, "what": what})
    if altered:
        found["altered"] = altered
    return found


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _match_items(
    before: list[AgendaItem], after: list[AgendaItem]
) -> list[tuple[AgendaItem, AgendaItem]]:
    """Pairs (old, new) of the same item in two versions of an agenda, by title: equal, or
    close enough (a title reworded a little is the same item)."""
    pairs: list[tuple[AgendaItem, AgendaItem]] = []
    free = list(after)
    for old in before:
        scored = [(fuzz.token_set_ratio(_fold(old.title), _fold(new.title)), new) for new in free]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= 85:
            pairs.append((old, best[1]))
            free.remove(best[1])
    return pairs


def change_lines(changed: dict[str, Any]) -> list[str]:
    """What a corrected kallelse changed, one Swedish line per change."""

    def hours(pair: list[str | None]) -> str:
        return format_time_range(parse_time(pair[0]), parse_time(pair[1])) or "ingen tid"

    lines = []
    if "time" in changed:
        lines.append(
            f"ny tid {hours(changed['time']['after'])} (förut {hours(changed['time']['before'])})"
        )
    if "place" in changed:
        lines.append(f"ny plats {changed['place']['after']} (förut {changed['place']['before']})")
    lines += [f"ny punkt {i['number']}: {i['title']}" for i in changed.get("added", [])]
    lines += [f"punkten ”{i['title']}” utgår" for i in changed.get("dropped", [])]
    lines += [
        f"”{i['title']}” är nu punkt {i['after']} (förut {i['before']})"
        for i in changed.get("renumbered", [])
    ]
    lines += [
        f"punkt {i['number']} {i['title']}: {', '.join(i['what'])}"
        for i in changed.get("altered", [])
    ]
    return lines
