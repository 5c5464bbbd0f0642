"""Dates as the format writes them: YYYY, YYYY-MM or YYYY-MM-DD, each covering a span."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from .model import DateSpan

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def parse_date(value, allow_year_number: bool = True) -> DateSpan | str:
    """A DateSpan, or a message saying what is wrong with the value.

    Accepts a YAML date, a string in one of the three forms, and (where allowed) a bare
    year that YAML typed as a number.
    """
    if isinstance(value, bool):
        return "expected a date (YYYY, YYYY-MM or YYYY-MM-DD), not a boolean"
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        ordinal = value.toordinal()
        return DateSpan(value.isoformat(), ordinal, ordinal)
    if isinstance(value, int) and allow_year_number:
        value = f"{value:04d}" if 0 < value < 10000 else str(value)
    if not isinstance(value, str):
        return "expected a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    text = value.strip()
    match = _PARTIAL.match(text)
    if not match:
        return f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    year = int(match[1])
    if year < 1:
        return f"'{value}' is not a date: there is no year 0"
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        if month is None:
            first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        elif day is None:
            first = _dt.date(year, month, 1)
            last = _dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first = last = _dt.date(year, month, day)
    except ValueError:
        return f"'{value}' is not on the calendar"
    return DateSpan(text, first.toordinal(), last.toordinal())
