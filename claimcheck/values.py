"""Values as §2 and §4.3 read them: classes, extents, canonical text, and when two differ.

Shared by validation (is a range well made? does a value fit its type?) and the engine
(which values conflict, and which stand on one side). Numbers, dates and date-times are
kept as their extent, a closed interval (low, high): a single value is the interval from
itself to itself, a range `{min, max}` runs between its bounds, an open bound reaches
infinitely far. Two extents differ when the gap between them exceeds the tolerance.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import Decimal

from .dates import looks_like_datetime, parse_date, parse_datetime
from .model import DateSpan, Range

#: the classes whose keys are extents (low, high), compared with a tolerance
EXTENTS = ("number", "date", "datetime")
_BELOW, _ABOVE = Decimal("-Infinity"), Decimal("Infinity")  # open bounds of a number range
_EARLIEST, _LATEST = -math.inf, math.inf  # ... of a date or date-time range


def canonical_text(value) -> str:
    """How a value reads when compared as text (§4.3), and its side's label."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if type(value) is Range:
        low = "" if value.min is None else canonical_text(value.min)
        high = "" if value.max is None else canonical_text(value.max)
        return f"{low}..{high}"
    return str(value)


#: Unicode's White_Space property (Python's str.split also splits on U+001C–U+001F)
_WHITE_SPACE = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def normalize_text(text: str) -> str:
    """NFC, full case folding, trimmed, inner white space collapsed (§4.3)."""
    return _WHITE_SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip(" ")


def classify(value, value_type: str | None):
    """(class, key) for comparing within a class; None when the value cannot take part.
    Numbers, dates and date-times have their extent (low, high) as key."""
    if type(value) is Range:
        return _classify_range(value, value_type)
    if isinstance(value, float) and not math.isfinite(value):
        return "text", normalize_text(canonical_text(value))  # .inf, .nan: no decimal to compare
    if value_type is None:
        if isinstance(value, bool):
            return "boolean", value
        if isinstance(value, (int, float)):
            number = Decimal(canonical_text(value))
            return "number", (number, number)
        if isinstance(value, _dt.date) or (isinstance(value, str) and looks_like_date(value)):
            span = parse_date(value, allow_year_number=False)
            if isinstance(span, DateSpan):
                return "date", (span.first, span.last)
        elif isinstance(value, str) and looks_like_datetime(value):
            seconds = parse_datetime(value)
            if type(seconds) is tuple:
                return "datetime", seconds
        return "text", normalize_text(canonical_text(value))
    if value_type == "number":
        number = Decimal(canonical_text(value))
        return "number", (number, number)
    if value_type == "date":
        span = parse_date(value)
        return ("date", (span.first, span.last)) if isinstance(span, DateSpan) else None
    if value_type == "datetime":
        seconds = parse_datetime(value)
        return ("datetime", seconds) if type(seconds) is tuple else None
    if value_type == "boolean":
        return "boolean", value
    if value_type == "entity":
        return "entity", value
    return "text", normalize_text(canonical_text(value))


def range_bound(bound, value_type: str | None):
    """(class, (low, high)) of one bound of a range, or None where it is no number, date or
    date-time (of the predicate's type, where declared)."""
    if isinstance(bound, bool) or bound is None:
        return None
    if isinstance(bound, float) and not math.isfinite(bound):
        return None
    if isinstance(bound, (int, float)) and value_type in (None, "number"):
        number = Decimal(canonical_text(bound))
        return "number", (number, number)
    if value_type in (None, "date") and not isinstance(bound, float):
        span = parse_date(bound) if isinstance(bound, (int, _dt.date)) or looks_like_date(str(bound)) else None
        if isinstance(span, DateSpan):
            return "date", (span.first, span.last)
    if value_type in (None, "datetime") and isinstance(bound, str) and looks_like_datetime(bound):
        seconds = parse_datetime(bound)
        if type(seconds) is tuple:
            return "datetime", seconds
    return None


def _classify_range(value: Range, value_type: str | None):
    low = range_bound(value.min, value_type) if value.min is not None else None
    high = range_bound(value.max, value_type) if value.max is not None else None
    if (value.min is not None and low is None) or (value.max is not None and high is None):
        return None  # validation reports it; it takes no part
    kinds = {b[0] for b in (low, high) if b is not None}
    if len(kinds) != 1:
        return None
    (cls,) = kinds
    below, above = (_BELOW, _ABOVE) if cls == "number" else (_EARLIEST, _LATEST)
    return cls, (low[1][0] if low else below, high[1][1] if high else above)


def json_value(value):
    """A value as JSON gives it: dates as text, non-finite numbers as their text, a range
    as {"min": X, "max": Y} with an open bound null."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if type(value) is Range:
        return {"min": json_value(value.min), "max": json_value(value.max)}
    return value


def gap(a: tuple, b: tuple):
    """How far apart two extents (low, high) are: 0 where they meet, else from the high
    end of the lower one to the low end of the higher (§4.3)."""
    return max(b[0] - a[1], a[0] - b[1], 0)


def tolerance_in_units(cls: str, tolerance: Decimal) -> Decimal:
    """A predicate's tolerance in the unit its class's extents count: minutes are given
    for date-times, whose extents count seconds."""
    return tolerance * 60 if cls == "datetime" else tolerance


def value_key(value_type: str | None, value) -> tuple:
    """What tells values apart for classifying them once: by type (True == 1) and, for
    floats, as written (0.0 == -0.0, but reads "-0.0"); a range by its bounds' keys."""
    if type(value) is float:
        return (value_type, float, repr(value))
    if type(value) is Range:
        return (value_type, Range, value_key(None, value.min), value_key(None, value.max))
    return (value_type, type(value), value)


def looks_like_date(text: str) -> bool:
    return len(text) in (4, 7, 10) and text[:4].isdigit()
