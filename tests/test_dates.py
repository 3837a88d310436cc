"""The Swedish date and time parser."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.language.dates import (
    MONTHS,
    WEEKDAYS,
    find_dates,
    find_months,
    format_date,
    format_time_range,
    parse_date,
    parse_hours,
    parse_time,
    parse_time_range,
    parse_yymmdd,
)

REF = date(2021, 11, 30)
CORPUS = Path(__file__).resolve().parent.parent / "knowledge" / "corpus"


def _corpus(prefix: str) -> str:
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/9 2024 kl 9-12", (date(2024, 9, 20), time(9), time(12))),
        ("7.3.2025 kl. 13.00", (date(2025, 3, 7), time(13), None)),
        ("3 mars 2026 från kl 9 till 12", (date(2026, 3, 3), time(9), time(12))),
        ("3 mars 2026 mellan 9.30 och 12", (date(2026, 3, 3), time(9, 30), time(12))),
        ("3 mars 2026 kl. 9.00-ca 12.00", (date(2026, 3, 3), time(9), time(12))),
        ("lordagen den 5 mars", (date(2022, 3, 5), None, None)),
        ("Sondag 6 mars", (date(2022, 3, 6), None, None)),
        ("den 19 nov. kl 9", (date(2021, 11, 19), time(9), None)),
        ("16 september förmiddag", (date(2021, 9, 16), None, None)),
        ("den 6 maj 2022 13.30", (date(2022, 5, 6), time(13, 30), None)),
        ("2:a februari 2022 kl 24", (date(2022, 2, 2), time(0), None)),
    ],
)
def test_more_forms(text: str, expected: tuple[date, time | None, time | None]) -> None:
    [mention] = find_dates(text, reference=REF)
    assert (mention.date, mention.start, mention.end) == expected
    assert mention.text == text.removesuffix(" förmiddag")


@pytest.mark.parametrize(
    ("text", "mention_text"),
    [
        ("19 november 10-15 år", "19 november"),  # an age range after a date
        ("3 mars 2025 2 900 000 kr", "3 mars 2025"),
        ("6 maj 9 och 12", "6 maj"),  # "och" joins times only after "mellan"
        ("6 maj\n13-16 deltagare", "6 maj"),  # a bare range on the next line is not its time
        ("6 maj kl 9-25", "6 maj"),  # 25 is no hour
        ("6 maj 13.75", "6 maj"),
        ("6 maj 2025 10.000 kr", "6 maj 2025"),
        ("6 maj 2025 12", "6 maj 2025"),
    ],
)
def test_numbers_after_a_date_that_are_not_times(text: str, mention_text: str) -> None:
    [mention] = find_dates(text, reference=REF)
    assert (mention.text, mention.start, mention.end) == (mention_text, None, None)


def test_a_rejected_time_does_not_hide_the_next_date() -> None:
    found = find_dates("3 jan, 4 feb och 5/3", reference=REF)
    assert [m.date for m in found] == [date(2021, 1, 3), date(2021, 2, 4), date(2021, 3, 5)]


def test_day_ranges_give_each_day() -> None:
    found = find_dates("konferens 14–15 mars 2024 kl 9-16", reference=REF)
    assert [m.date for m in found] == [date(2024, 3, 14), date(2024, 3, 15)]
    assert {(m.text, m.start, m.end) for m in found} == {
        ("14–15 mars 2024 kl 9-16", time(9), time(16))
    }
    both = find_dates("den 1 och 2 juni", reference=REF)
    assert [m.date for m in both] == [date(2021, 6, 1), date(2021, 6, 2)]
    assert not both[0].explicit_year
    # A backwards range keeps only the day written with the month.
    assert [m.date for m in find_dates("31-1 juni 2025")] == [date(2025, 6, 1)]


def test_next_year_governs_only_its_own_passage() -> None:
    text = (
        "12. Datum nästa års möten\nFörslag:\n11 februari 9-12\n6 maj 13-16\n\n"
        "Rådet beslutade enligt förslaget. Mötet den 6 oktober var välbesökt."
    )
    found = find_dates(text, reference=REF)
    assert [m.date for m in found] == [date(2022, 2, 11), date(2022, 5, 6), date(2021, 10, 6)]


def test_weekday_chooses_the_closest_fitting_year() -> None:
    # 3 March is a Tuesday in 2020 and 2026; from late 2025 the nearer one is 2026.
    assert parse_date("tisdagen den 3:e mars", reference=date(2025, 11, 1)) == date(2026, 3, 3)
    assert parse_date("tisdag 3 mars", reference=date(2020, 1, 10)) == date(2020, 3, 3)
    # No nearby year fits: the reference year stands.
    assert parse_date("måndag 3 mars", reference=date(2021, 1, 1)) == date(2021, 3, 3)


def test_prefer_future_and_leap_days() -> None:
    assert parse_date("29 februari", reference=date(2024, 1, 5)) == date(2024, 2, 29)
    assert parse_date("29 februari", reference=date(2021, 6, 1)) is None
    assert parse_date("29 februari", reference=date(2021, 6, 1), prefer_future=True) == date(
        2024, 2, 29
    )
    assert parse_date("20/9", reference=date(2024, 10, 1), prefer_future=True) == date(2025, 9, 20)
    # A date on the reference day itself is not in the past.
    assert parse_date("1 oktober", reference=date(2024, 10, 1), prefer_future=True) == date(
        2024, 10, 1
    )
    assert parse_date("5 mars 2020", reference=date(2024, 10, 1), prefer_future=True) == date(
        2020, 3, 5
    )


def test_yymmdd_validation() -> None:
    assert parse_yymmdd("991231") == date(2099, 12, 31)
    assert parse_yymmdd("250230") is None
    assert parse_yymmdd("25033") is None
    assert parse_yymmdd("２５０３３１") is None  # full-width digits are not a token
    assert find_dates("dnr 1234567 och 123456", allow_yymmdd=True) == []


def test_months_more() -> None:
    assert find_months("mars/april 2025 och jan-mars 2024") == [
        (2025, 3),
        (2025, 4),
        (2024, 1),
        (2024, 3),
    ]
    assert find_months("i maj nästa år", reference=REF) == [(2022, 5)]
    assert find_months("i maj nästa år") == [(None, 5)]
    assert find_months("1 mars - 2 april, 3:e maj") == []
    assert find_months("Möte i jan. och i JUNI") == [(None, 1), (None, 6)]


def test_time_range_prefers_marked_times() -> None:
    assert parse_time_range("sidorna 10-15, start kl 9") == (time(9), None)
    assert parse_time_range("mellan 9.30 och 12") == (time(9, 30), time(12))
    assert parse_time_range("pris 10-15 kr") == (None, None)
    assert parse_time_range("24.30-25") == (None, None)
    assert parse_time("kl. 9.05") == time(9, 5)
    assert parse_time("9.5") is None


def test_spellings() -> None:
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert MONTHS["febr"] == 2
    assert WEEKDAYS["lordag"] == WEEKDAYS["lördag"] == 5
    assert WEEKDAYS["mandag"] == 0


def test_real_protocols() -> None:
    first = find_dates(_corpus("000"), reference=date(2021, 11, 19))
    assert (first[0].date, first[0].start, first[0].end) == (
        date(2021, 11, 19),
        time(13),
        time(16),
    )
    planned = [(m.date, m.start, m.end) for m in first if m.date.year == 2022 and m.start]
    assert planned[:4] == [
        (date(2022, 2, 11), time(9), time(12)),
        (date(2022, 5, 6), time(13), time(16)),
        (date(2022, 9, 9), time(9), time(12)),
        (date(2022, 11, 18), time(13), time(16)),
    ]
    period = find_dates(_corpus("003"), reference=date(2025, 3, 7), allow_yymmdd=True)
    dates = [m.date for m in period]
    assert dates[0] == date(2025, 3, 7)
    assert date(2025, 6, 1) in dates and date(2027, 5, 31) in dates
    assert date(2025, 3, 31) in dates
    folk = find_dates(_corpus("002"), reference=date(2024, 9, 20))
    assert (folk[0].date, folk[0].start, folk[0].end) == (date(2024, 9, 20), time(9), time(12))
    assert folk[0].text == "2024-09-20, kl. 09.00-12.00"


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0))),
)
def test_formatted_date_and_time_round_trip(day: date, start: time, end: time | None) -> None:
    text = f"Tid: {format_date(day)} {format_time_range(start, end)}. Plats: Eken"
    [mention] = find_dates(text)
    assert (mention.date, mention.start, mention.end) == (day, start, end)
    assert parse_time_range(format_time_range(start, end)) == (start, end)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_yearless_format_takes_the_reference_year(day: date) -> None:
    reference = date(day.year, 6, 15)
    assert parse_date(format_date(day, weekday=False, year=False), reference=reference) == day
    # With its weekday the year is still found when the reference is a year off.
    near = date(day.year + 1, 1, 1) if day.month > 6 else date(day.year - 1, 12, 31)
    assert parse_date(format_date(day, year=False), reference=near) == day


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_mentions_in_order(text: str) -> None:
    found = find_dates(text, reference=REF, allow_yymmdd=True)
    starts = [m.span[0] for m in found]
    assert starts == sorted(starts)
    for mention in found:
        assert mention.span[0] < mention.span[1] <= len(text)


def test_characters_that_match_letters_case_insensitively() -> None:
    # "ſ" matches "s", the Kelvin sign "k" and "İ" "i" under re.IGNORECASE.
    assert parse_date("3 ſept 2024") == date(2024, 9, 3)
    assert parse_date("3 o\u212at 2024") == date(2024, 10, 3)
    assert parse_date("1 JUNİ 2024") == date(2024, 6, 1)
    assert parse_date("tiſdag 3 mars", reference=date(2026, 1, 1)) == date(2026, 3, 3)
    assert find_months("ſept 2024 och marſ") == [(2024, 9), (None, 3)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("0123456789 -–/.:,\n")
            + ["ſ", "\u212a", "İ", "٣", "den ", "kl ", "och "]
            + [f"{name} " for name in list(MONTHS) + list(WEEKDAYS)]
        ),
        max_size=40,
    ).map("".join),
    st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
    st.booleans(),
)
def test_never_crashes_on_council_like_text(text: str, reference: date, future: bool) -> None:
    for mention in find_dates(text, reference=reference, prefer_future=future, allow_yymmdd=True):
        assert text[mention.span[0] : mention.span[1]] == mention.text
        assert mention.start is not None or mention.end is None
    find_months(text, reference=reference)
    parse_time_range(text)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("13-15", time(13), time(15)),
        ("14-15.30", time(14), time(15, 30)),
        ("från 14 till halv fyra", time(14), time(15, 30)),
        ("kl 10 till 11", time(10), time(11)),
        ("halv tio till elva", time(9, 30), time(11)),
        ("kvart över nio till tolv", time(9, 15), time(12)),
        ("kvart i tio - halv elva", time(9, 45), time(10, 30)),
        ("halv tolv till halv ett", time(11, 30), time(12, 30)),
        ("mellan ett och tre", time(13), time(15)),
        ("1-3", time(13), time(15)),
        ("någon gång", None, None),
    ],
)
def test_hours_as_people_type_them(typed: str, start: time | None, end: time | None) -> None:
    assert parse_hours(typed) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("att gälla fr o m 23-05-01.", date(2023, 5, 1)),
        ("Gäller från 1/5-23.", date(2023, 5, 1)),
    ],
)
def test_a_two_digit_year_date_ending_a_sentence(text: str, expected: date) -> None:
    assert [m.date for m in find_dates(text)] == [expected]


def test_a_two_digit_year_date_followed_by_more_digits_is_no_date() -> None:
    assert find_dates("version 23-05-01.2") == []


_FILLER = ["möte", "x", "kl", "13.00-16.00", "och", "till", "2025", "20/9", "1-2", "250331", ""]
_GAPS = [" ", "  ", "\n", ", ", "\t", " \n "]


@settings(max_examples=500)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_FILLER),
            st.sampled_from(["", "tisdagen", "Torsdagen,", "fredag", "lördagen", "onsdag,"]),
            st.sampled_from(["", "den", "Den"]),
            st.sampled_from(["3", "3:e", "12", "1-2", "2024-09-20", "7.3.2025", "14/3-23"]),
            st.sampled_from(["", "mars", "juni", "juni 2025"]),
            st.lists(st.sampled_from(_GAPS), min_size=4, max_size=4),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_the_scan_for_dates_starts_no_later_than_the_first_date(
    parts: list[tuple[str, str, str, str, str, list[str]]],
) -> None:
    """find_dates skips the text before its first digit and the words a date may start with
    ("tisdagen, den 3 mars"): it finds what a scan of the whole text finds."""
    from knowledge.language import dates

    text = "".join(
        f"{filler}{gaps[0]}{weekday}{gaps[1]}{den}{gaps[2]}{day}{gaps[3]}{month} "
        for filler, weekday, den, day, month, gaps in parts
    )
    start = dates._earliest_date_start(text)
    whole = [match.span() for match in dates._DATE_RE.finditer(text)]
    skipped = [] if start is None else [m.span() for m in dates._DATE_RE.finditer(text, start)]
    assert skipped == whole
