"""Callback data: every kind written and read back; anything else is refused, never raised."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.callbacks import KINDS, decode, encode, matches

DAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("kind", "args"),
    [
        ("followup", (12,)),
        ("absence_pick", ("social", DAY)),
        ("absence_reminder", ("folkhalsa", DAY)),
        ("absence_confirm", ("social", DAY, (time(9), time(10, 30)))),
        ("absence_confirm", ("social", DAY, "")),
        ("absence_cancel", ()),
        ("substitute_yes", (7,)),
        ("proposal_support", (3,)),
        ("settings_protocols", ()),
    ],
)
def test_written_and_read_back(kind: str, args: tuple[object, ...]) -> None:
    press = decode(encode(kind, *args))
    assert press is not None and press.kind == kind and press.args == args


def test_prefixes_of_buttons_already_sent_still_read() -> None:
    assert decode("abs:yes:41") == decode(encode("substitute_yes", 41))
    assert decode("abs:new:social:2026-12-04") is not None
    assert decode("abs:ok:social:2026-12-04:-") is not None


@pytest.mark.parametrize(
    "data",
    [
        "",
        "abs:yes:",
        "abs:yes:abc",
        "abs:yes:99999999999999999999999999",
        "abs:yes:0",
        "abs:m:social",
        "abs:m:kulturradet:2026-12-04",
        "abs:m:social:2026-02-30",
        "abs:ok:social:2026-12-04:2500-2600",
        "abs:ok:social:2026-12-04:1500-1300",
        "abs:x:extra",
        "stod:1:2",
        "okänd:1",
        "q:" + "1" * 70,
    ],
)
def test_forged_or_stale_data_is_refused(data: str) -> None:
    assert decode(data) is None


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    press = decode(data)
    assert press is None or press.kind in KINDS


def test_pattern_matches_only_its_kinds() -> None:
    yes_or_no = matches("substitute_yes", "substitute_no")
    assert yes_or_no("abs:no:5") and not yes_or_no("abs:wd:5") and not yes_or_no(None)


def test_digits_that_are_not_ascii_are_refused() -> None:
    assert decode("q:²") is None and decode("abs:yes:٣") is None
