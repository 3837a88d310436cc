"""The Swedish date and time parser."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.dates import (
    find_dates,
    find_months,
    format_date,
    format_time_range,
    parse_date,
    parse_time,
    parse_time_range,
    parse_yymmdd,
)

REF = date(2021, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tid: Fredag den 19 november kl 13.00-16.00", (date(2021, 11, 19), time(13), time(16))),
        ("11 februari 9-12 (fysiskt möte)", (date(2021, 2, 11), time(9), time(12))),
        ("2024-09-20, kl. 09.00-12.00. Lokal Eken", (date(2024, 9, 20), time(9), time(12))),
        ("Tid: 2025-03-07 klockan 13.00-16.00", (date(2025, 3, 7), time(13), time(16))),
        ("Nästa möte: 11 februari 2022 kl 9 – 12.", (date(2022, 2, 11), time(9), time(12))),
        ("den 3:e mars 2026 kl. 9.00–11.30", (date(2026, 3, 3), time(9), time(11, 30))),
        ("måndagen den 1:a juni 2026 klockan 9 till 12", (date(2026, 6, 1), time(9), time(12))),
        ("20 sept 2024", (date(2024, 9, 20), None, None)),
        ("6 maj 13-16", (date(2021, 5, 6), time(13), time(16))),
        ("20/9 2024", (date(2024, 9, 20), None, None)),
        ("16 SEPTEMBER kl 09:00", (date(2021, 9, 16), time(9), None)),
    ],
)
def test_dates_with_times(text: str, expected: tuple[date, time | None, time | None]) -> None:
    [mention] = find_dates(text, reference=REF)
    assert (mention.date, mention.start, mention.end) == expected


def test_year_from_context() -> None:
    # A weekday that fits only one nearby year decides it.
    assert parse_date("tisdagen den 3:e mars", reference=date(2026, 3, 10)) == date(2026, 3, 3)
    assert parse_date("Fredag den 6 maj", reference=date(2022, 8, 25)) == date(2022, 5, 6)
    # "nästa år" and prefer_future move a yearless date forward.
    assert parse_date("nästa års möte 11 februari", reference=REF) == date(2022, 2, 11)
    assert parse_date("16 september", reference=date(2022, 5, 6)) == date(2022, 9, 16)
    assert parse_date("4 mars", reference=date(2022, 5, 6), prefer_future=True) == date(2023, 3, 4)


def test_ranges_and_yymmdd() -> None:
    mentions = find_dates("perioden 1 juni 2025 – 31 maj 2027", reference=REF)
    assert [m.date for m in mentions] == [date(2025, 6, 1), date(2027, 5, 31)]
    assert [m.date for m in find_dates("avslutas 250331.", allow_yymmdd=True)] == [
        date(2025, 3, 31)
    ]
    assert find_dates("avslutas 250331.") == []
    assert parse_yymmdd("123456") is None
    assert parse_yymmdd("240229") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text", ["31 februari 2024", "2024-13-45", "ungdomar 18-25 år", "2 900 000 kr", "år 2025"]
)
def test_not_dates_or_times(text: str) -> None:
    assert find_dates(text, reference=REF) == []
    assert parse_time_range(text) == (None, None)


def test_times_and_months() -> None:
    assert parse_time("9") == time(9)
    assert parse_time("13.30") == time(13, 30)
    assert parse_time("25.00") is None
    assert parse_time_range("kl 9–12") == (time(9), time(12))
    assert parse_time_range("mellan 9 till 12") == (time(9), time(12))
    assert find_months("i mars 2025, mötet i november, april–december 2025") == [
        (2025, 3),
        (None, 11),
        (2025, 4),
        (2025, 12),
    ]
    assert find_months("till jul och 6 maj") == []


def test_formatting() -> None:
    assert format_date(date(2021, 11, 19)) == "fredag 19 november 2021"
    assert format_date(date(2021, 11, 19), weekday=False, year=False) == "19 november"
    assert format_time_range(time(13), time(16)) == "kl. 13.00–16.00"
    assert format_time_range(time(9), None) == "kl. 9.00"
    assert format_time_range(None, None) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_spans_slice_back(text: str) -> None:
    for mention in find_dates(text, reference=REF, allow_yymmdd=True):
        assert text[mention.span[0] : mention.span[1]] == mention.text
    parse_time_range(text)
    find_months(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789 -–.:/kldenmajunisptoktfebr", max_size=60),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
)
def test_never_crashes_on_date_like_text(text: str, reference: date) -> None:
    find_dates(text, reference=reference, prefer_future=True, allow_yymmdd=True)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_format_parse_round_trip(day: date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day
