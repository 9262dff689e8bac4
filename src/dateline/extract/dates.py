"""Publication dates: find dates in page text and decide day-first versus month-first with evidence.

A numeric date such as 07/11/2021 has two readings. The order is decided, in turn, by the date
itself (a number over 12), a month-name date in the body that matches one reading, a reading that
lies in the future, the dateline's country, and the outlet's country (its web domain). When
nothing decides, the result says so: precision "ambiguous" with both candidates, and no guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.model import Published

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+|\|\s*|-\s*|–\s*)?(?P<h>[012]?\d)[:.h](?P<mi>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?"
    r"(?:\s*(?P<tz>(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T|ET|PT|CT|MT|[+-]\d{2}:?\d{2}))?)?"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
            r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
    ),
    (
        "named-mdy",
        re.compile(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME, re.I),
    ),
    (
        "named-dmy",
        re.compile(
            _WEEKDAY + r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
            + r",?\s+(?P<y>\d{4})\b" + _TIME,
            re.I,
        ),
    ),
    (
        "ymd",
        re.compile(r"\b(?P<y>\d{4})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b" + _TIME, re.I),
    ),
    (
        "numeric",
        re.compile(
            _WEEKDAY + r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b" + _TIME,
            re.I,
        ),
    ),
]
_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("?P<mon>", "?P<mon2>") + r"(?!,?\s*\d{4})",
    re.I,
)
_WEEKDAY_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)

# Countries that write dates month first (ISO 3166-1 alpha-3).
MONTH_FIRST_COUNTRIES = {"USA", "FSM", "MHL", "PLW", "PHL", "BLZ", "ASM", "GUM", "PRI", "VIR", "MNP"}
_US_TLDS = {"us", "gov", "mil"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in text, with its span and (for numeric dates) both readings."""

    start: int
    end: int
    text: str
    kind: str  # iso, ymd, named-mdy, named-dmy or numeric
    readings: tuple[dt.date, ...]  # one reading, or two for an ambiguous numeric date
    order: str | None  # the order a numeric date's own numbers force, if any
    weekday: int | None
    time: dt.time | None
    timezone: str | None


def find_dates(text: str) -> list[DateMention]:
    """All dates written in ``text``, left to right, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _mention(kind, match)
            if mention:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _mention(kind: str, match: re.Match[str]) -> DateMention | None:
    g = match.groupdict()
    order: str | None = None
    if kind == "numeric":
        a, b, year = int(g["a"]), int(g["b"]), _year(g["y"])
        readings = []
        if _valid(year, b, a):
            readings.append(("day-first", dt.date(year, b, a)))
        if _valid(year, a, b) and a != b:
            readings.append(("month-first", dt.date(year, a, b)))
        if not readings:
            return None
        if len(readings) == 1:
            order = readings[0][0]
        dates = tuple(r[1] for r in readings)
    else:
        month = int(g["m"]) if kind in ("iso", "ymd") else MONTHS[g["mon"].lower().rstrip(".")]
        year, day = int(g["y"]), int(g["d"])
        if not _valid(year, month, day):
            return None
        dates = (dt.date(year, month, day),)
    weekday = _WEEKDAYS.index(g["wd"][:3].lower()) if g.get("wd") else None
    return DateMention(
        start=match.start(),
        end=match.end(),
        text=match.group(0).strip(),
        kind=kind,
        readings=dates,
        order=order,
        weekday=weekday,
        time=_time(g),
        timezone=_tz(g.get("tz")),
    )


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 70 else year + 1900 if year < 100 else year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _time(g: dict[str, str | None]) -> dt.time | None:
    if g.get("h") is None or g.get("mi") is None:
        return None
    hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
    ampm = (g.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return dt.time(hour, minute)


def _tz(text: str | None) -> str | None:
    if not text:
        return None
    text = text.replace(" ", "")
    return "UTC" if text == "Z" else text


def parse_given(value: str | dt.date | dt.datetime) -> Published:
    """A date the caller or the container states (ISO 8601, RFC 822 feed dates)."""
    evidence = "given with the input"
    if isinstance(value, dt.datetime):
        return _from_datetime(value, evidence)
    if isinstance(value, dt.date):
        if not 1900 <= value.year <= 2100:
            raise ValueError(f"implausible year in {value.isoformat()}")
        return Published(date=value, precision="day", evidence=evidence)
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return parse_given(parsed.date())
        return _from_datetime(parsed, evidence)
    from email.utils import parsedate_to_datetime

    try:
        return _from_datetime(parsedate_to_datetime(text), evidence)
    except (TypeError, ValueError):
        pass
    mentions = find_dates(text)
    if mentions and len(mentions[0].readings) == 1:
        m = mentions[0]
        return Published(
            date=m.readings[0],
            time=m.time,
            timezone=m.timezone,
            precision="minute" if m.time else "day",
            evidence=f"{evidence}: '{text}'",
        )
    raise ValueError(f"cannot read the date {value!r}")


def _from_datetime(value: dt.datetime, evidence: str) -> Published:
    if not 1900 <= value.year <= 2100:
        raise ValueError(f"implausible year in {value.isoformat()}")
    tz = None
    if value.tzinfo is not None:
        offset = value.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes > 0 else "-"
        tz = "UTC" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return Published(
        date=value.date(),
        time=value.time().replace(second=0, microsecond=0),
        timezone=tz,
        precision="minute",
        evidence=evidence,
    )


def resolve_published(
    header: DateMention,
    header_line: str,
    body: str,
    *,
    dateline_country: str | None = None,
    url: str | None = None,
    today: dt.date | None = None,
) -> Published:
    """Turn the page's own date into a Published record, deciding a numeric date's order."""
    precision = "minute" if header.time else "day"
    base = {"time": header.time, "timezone": header.timezone}
    quoted = f"'{header_line.strip()}'"
    if len(header.readings) == 1:
        evidence = f"page date {quoted}"
        if header.kind == "numeric":
            evidence += f" read {header.order}: only that reading is a valid date"
        return Published(date=header.readings[0], precision=precision, evidence=evidence,
                         order=header.order, **base)
    day_first, month_first = header.readings
    readings = {"day-first": day_first, "month-first": month_first}

    def decided(order: str, why: str) -> Published:
        return Published(date=readings[order], precision=precision, order=order,
                         evidence=f"page date {quoted} read {order}: {why}", **base)

    for mention in find_dates(body):
        if mention.kind == "numeric" or mention.readings[0] not in readings.values():
            continue
        order = "day-first" if mention.readings[0] == day_first else "month-first"
        return decided(order, f"the body names the date '{mention.text}'")
    for match in _MONTH_DAY.finditer(body):
        g = match.groupdict()
        day = int(g["d"] or g["d2"])
        month = MONTHS[(g["mon"] or g["mon2"]).lower().rstrip(".")]
        hits = [order for order, date in readings.items() if (date.month, date.day) == (month, day)]
        if len(hits) == 1:
            return decided(hits[0], f"the body names the day '{match.group(0).strip()}'")
    today = today or dt.date.today()
    future = [order for order, date in readings.items() if date > today + dt.timedelta(days=1)]
    if len(future) == 1:
        order = "month-first" if future[0] == "day-first" else "day-first"
        return decided(order, f"the {future[0]} reading {readings[future[0]]} is in the future")
    if "." in header.text and "/" not in header.text:
        return decided("day-first", "dates written with dots are day first wherever they are used")
    named_days = {_WEEKDAYS.index(m.group(1)[:3].lower()) for m in _WEEKDAY_WORD.finditer(body)}
    hits = [order for order, date in readings.items() if date.weekday() in named_days]
    if len(hits) == 1:
        weekday = readings[hits[0]].strftime("%A")
        return decided(hits[0], f"the body speaks of {weekday}, the weekday of that reading only")
    if dateline_country:
        order = "month-first" if dateline_country in MONTH_FIRST_COUNTRIES else "day-first"
        return decided(order, f"the dateline is in {dateline_country}, which writes dates {order}")
    tld_order = _order_from_url(url)
    if tld_order:
        return decided(tld_order[0], tld_order[1])
    return Published(
        date=None,
        precision="ambiguous",
        evidence=f"page date {quoted} can be read day-first ({day_first}) or month-first "
        f"({month_first}) and nothing on the page decides",
        candidates=tuple(sorted((day_first, month_first))),
        **base,
    )


def _order_from_url(url: str | None) -> tuple[str, str] | None:
    if not url:
        return None
    match = re.match(r"^[a-z]+://([^/:?#]+)", url.strip(), re.I)
    if not match:
        return None
    tld = match.group(1).lower().rsplit(".", 1)[-1]
    if tld in _US_TLDS:
        return "month-first", f"the outlet's domain .{tld} is American, where dates go month first"
    if len(tld) == 2 and tld.isalpha():
        return "day-first", f"the outlet's country domain .{tld} writes dates day first"
    return None


_LONE_TIME = re.compile(
    r"(?<![\d:.])(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?"
    r"(?:\s*(?P<tz>(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T|ET|PT|CT|MT|[+-]\d{2}:?\d{2}))?(?![\d.:/])",
    re.I,
)


def find_time(line: str) -> tuple[dt.time | None, str | None]:
    """A clock time written anywhere on a line ("14:05 GMT"), with its time zone if given."""
    match = _LONE_TIME.search(line)
    if not match:
        return None, None
    g = match.groupdict()
    return _time(g), _tz(g.get("tz"))
