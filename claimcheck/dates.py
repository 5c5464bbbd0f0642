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


_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(Z|([+-])([0-9]{2}):([0-9]{2}))?\Z"
)
_SECONDS_A_DAY = 86400


def looks_like_datetime(text: str) -> bool:
    """Shaped as a date-time (`YYYY-MM-DDTHH:MM...`), valid or not: cheap, before parsing."""
    return len(text) >= 16 and text[10:11] == "T" and text[:4].isdigit()


def parse_datetime(value) -> tuple[int, int] | str:
    """The seconds a date-time covers, in UTC (§2): (first, last), counted from
    0001-01-01T00:00:00Z; or a message saying what is wrong. `18:59` covers 18:59:00
    through 18:59:59, `18:59:30` one second; without an offset the time is read as UTC."""
    if isinstance(value, _dt.datetime):  # from a tabular source, not from YAML
        value = value.isoformat(timespec="seconds").replace("+00:00", "Z")
    if not isinstance(value, str):
        return "expected a date-time (YYYY-MM-DDTHH:MM, with optional :SS and Z or +HH:MM)"
    match = _DATETIME.match(value.strip())
    if not match:
        return f"'{value}' is not a date-time; write YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM"
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6]) if match[6] else None
    try:
        if year < 1:
            raise ValueError
        ordinal = _dt.date(year, month, day).toordinal()
    except ValueError:
        return f"'{value}' is not on the calendar"
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return f"'{value}' is not a time of day (hours 00–23, minutes and seconds 00–59)"
    offset = 0
    if match[8]:
        offset_hours, offset_minutes = int(match[9]), int(match[10])
        if offset_hours > 23 or offset_minutes > 59:
            return f"'{value}' has an offset out of range (+HH:MM or -HH:MM, hours 00–23, minutes 00–59)"
        offset = (offset_hours * 3600 + offset_minutes * 60) * (1 if match[8] == "+" else -1)
    first = ordinal * _SECONDS_A_DAY + hour * 3600 + minute * 60 + (second or 0) - offset
    return first, first + (59 if second is None else 0)
