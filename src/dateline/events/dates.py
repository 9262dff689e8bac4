"""An event's date: a date written in its sentence, else a relative one ("on Sunday", "yesterday",
"last week") counted back from the publication date, else the publication date; with how it was
decided."""

from __future__ import annotations

import datetime as dt
import re

from dateline.extract.dates import find_dates

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = [  # (words, days before publication)
    (re.compile(r"\bthe day before yesterday\b", re.I), 2),
    (re.compile(r"\byesterday\b", re.I), 1),
    (re.compile(r"\b(today|tonight|this morning|this afternoon|this evening)\b", re.I), 0),
    (re.compile(r"\blast week\b", re.I), 7),
]


def event_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    for mention in find_dates(sentence):
        if len(mention.readings) == 1:
            return mention.readings[0], f"written in the sentence: '{mention.text}'"
    if published is None:
        return None, "no date in the sentence and no publication date"
    for pattern, days in _RELATIVE:
        match = pattern.search(sentence)
        if match:
            return published - dt.timedelta(days=days), f"'{match.group(0)}' counted from publication {published}"
    match = _WEEKDAY.search(sentence)
    if match:
        wanted = _WEEKDAYS.index(match.group(1).lower())
        back = (published.weekday() - wanted) % 7
        if match.group(0).lower().startswith("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), f"'{match.group(0)}' counted from publication {published}"
    return published, "the publication date"
