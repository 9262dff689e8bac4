"""Day-first versus month-first: each kind of evidence decides, and nothing decides gives 'ambiguous'."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.dates import find_dates, parse_given, resolve_published

TODAY = dt.date(2026, 11, 29)


def _resolve(line: str, body: str = "", **kwargs) -> object:
    [mention] = find_dates(line)
    return resolve_published(mention, line, body, today=TODAY, **kwargs)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Nov. 7, 2021, 8:15 p.m. ET", [dt.date(2021, 11, 7)]),
        ("Updated 14:05 GMT, 3 March 2023", [dt.date(2023, 3, 3)]),
        ("2021-11-07T08:15:00+03:00", [dt.date(2021, 11, 7)]),
        ("2018.04.27 19:40 KST", [dt.date(2018, 4, 27)]),
        ("12th June 2023 | 9:45 am", [dt.date(2023, 6, 12)]),
        ("07/11/2021", [dt.date(2021, 11, 7), dt.date(2021, 7, 11)]),
        ("31/02/2021", []),
    ],
)
def test_find_dates(text: str, dates: list[dt.date]):
    found = find_dates(text)
    assert [d for m in found for d in m.readings] == dates


def test_times_and_zones_are_kept_as_written():
    [m] = find_dates("Nov. 7, 2021, 8:15 p.m. ET")
    assert (m.time, m.timezone) == (dt.time(20, 15), "ET")


def test_a_number_over_12_decides():
    p = _resolve("25/11/2021")
    assert (p.date, p.order) == (dt.date(2021, 11, 25), "day-first")
    p = _resolve("11/25/2021")
    assert (p.date, p.order) == (dt.date(2021, 11, 25), "month-first")


def test_a_body_date_decides():
    p = _resolve("07/11/2021 19:28", "On Sunday, November 7, 2021, the ministers met.")
    assert (p.date, p.order, p.time) == (dt.date(2021, 11, 7), "day-first", dt.time(19, 28))
    assert "November 7, 2021" in p.evidence


def test_a_body_day_without_year_decides():
    p = _resolve("06/04/2019", "The leaders met on Tuesday, June 4, at Downing Street.")
    assert (p.date, p.order) == (dt.date(2019, 6, 4), "month-first")


def test_a_future_reading_is_impossible():
    p = _resolve("11/12/2026")  # read day first it is 11 Dec 2026, after 'today'
    assert (p.date, p.order) == (dt.date(2026, 11, 12), "month-first")
    assert "future" in p.evidence


def test_dotted_dates_are_day_first():
    assert _resolve("08.12.2021").date == dt.date(2021, 12, 8)


def test_weekday_in_the_body_decides():
    p = _resolve("06/04/2019", "Protesters marched on Tuesday as the leaders met.")
    assert p.date == dt.date(2019, 6, 4) and "Tuesday" in p.evidence


def test_dateline_country_decides():
    assert _resolve("03/04/2022", dateline_country="USA").order == "month-first"
    assert _resolve("03/04/2022", dateline_country="IRQ").order == "day-first"


def test_outlet_country_domain_decides():
    assert _resolve("03/04/2022", url="https://news.example.co.uk/a").order == "day-first"
    assert _resolve("03/04/2022", url="https://city.example.us/a").order == "month-first"
    assert _resolve("03/04/2022", url="https://example.com/a").precision == "ambiguous"


def test_nothing_decides():
    p = _resolve("03/04/2022")
    assert p.date is None and p.precision == "ambiguous"
    assert p.candidates == (dt.date(2022, 3, 4), dt.date(2022, 4, 3))


@pytest.mark.parametrize(
    ("value", "iso", "tz"),
    [
        ("2021-11-07", "2021-11-07", None),
        ("2021-11-07T19:28:00+03:00", "2021-11-07T19:28", "+03:00"),
        ("Tue, 07 Nov 2023 10:30:00 GMT", "2023-11-07T10:30", "UTC"),
        ("November 7, 2021", "2021-11-07", None),
    ],
)
def test_given_dates(value: str, iso: str, tz: str | None):
    p = parse_given(value)
    assert (p.isoformat(), p.timezone) == (iso, tz)


def test_given_dates_reject_nonsense():
    with pytest.raises(ValueError):
        parse_given("not a date")
    with pytest.raises(ValueError):
        parse_given("0001-01-01T00:00:00Z")
