"""A deliberately simple, brute-force oracle of the conflict definitions (spec §4),
format version 2.

It shares no code with the engine and takes the corpus as the plain dict that YAML
hands over (the six sections, each a list of mappings). It enumerates every pair,
walks every rule path by plain breadth-first search and never tries to be fast, so
that it is easy to check line by line against §4 of the corpus-format spec. The
property test compares the engine with it on generated corpora. It assumes a valid
corpus (no error findings): it checks nothing §2–§3 forbid.

`oracle_conflicts(corpus, as_of=None)` returns, for every conflict id:
    {"id", "kind", "severity", "status", "claims", "sources", "sides"}
where `sides` maps a side label to a frozenset of (claim id, 0-based assertion index).
Side labels: contradiction "supports"/"opposes"; exclusive the member claim id;
conflicts-with the predicate id; value the canonical text of the side's value (§4.3
"Sides: one per value"). Only non-empty sides are present. `as_of` is the command
line's `--as-of` (a YYYY, YYYY-MM or YYYY-MM-DD text), None for now.

The rest of §4.5, in the same dict:
    "assertions": (claim, index) -> what §4.5 and cli.md say each held assertion carries
        that the corpus dict alone determines (`AssertionFacts`: source, stance, date,
        withdrawn, the value as given and as §4.3 reads it, via, origin, own voice,
        interest, self-interest);
    "chains": (side label, (claim, index)) -> `ChainFacts` for every held assertion: the
        best chain severity and the rule-id chains that reach it (empty for direct
        affirmation and for opposition);
    "self_contradicting_sources", "reversal", "independent_origins": `side_facts` over
        the sides (own voice alone).
`assertion_lines(text)` gives the line of each assertion in the YAML text.

Where the spec is silent or can be read two ways, the oracle reads it so (the engine
must agree or the spec be made plain; items marked [confirm] are guesses the lead must
confirm):
 1. [confirm] Value side labels: where one side holds values written differently (`5`,
    `5.0` and `{min: 5, max: 5}`; `Caracas` and ` CARACAS `), the smallest of their
    canonical texts in code-point order labels it (`5`, ` CARACAS `).
 2. Value sides are what "stand on one side" makes of the three clauses of §4.3 taken
    together, so joined transitively: a side may then hold two values that differ
    (undeclared texts `'1'` and `'1.0'` each agree as text with a number, 1 and 1.0,
    which are one value).
 3. "Dates, date-times and their ranges: the same span" is read within one kind: a date
    and a date-time range covering the same seconds are of different kinds, compare as
    text and so differ; they stand on separate sides.
 4. A timestamp that YAML hands over (PyYAML makes one of a date-time written with
    seconds and unquoted) no longer has the text it was written as, which §4.3 uses
    ("date-times as written"). The oracle writes it `YYYY-MM-DDTHH:MM:SS` followed by
    `Z` for offset zero, `+HH:MM`/`-HH:MM` for another offset, nothing without one; the
    generator writes timestamps in exactly that form, so it is their text as written.
    A timestamp covers one second (YAML makes one only of a date-time with seconds).
 5. A date-time's offset is `+HH:MM`/`-HH:MM` with HH 00–23 and MM 00–59.
 6. A bare year number in `withdrawn`: §2 allows one "in a `date` field or a period
    bound"; the oracle reads it as that year like `date` (the generator never writes
    one, so either reading passes).
 7. A range bound given as null is open, as a `value` given as null is "left out"
    (never generated).
 8. Under a declared `value_type` every value is compared as that type (a range of
    year numbers under `date` is a range of years); §4.3's pairwise inference applies
    only where no type is declared. Non-finite numbers always compare as text (README).
 9. `self_interested`: §3 `represents` calls self-interested every assertion about a
    claim whose subject or object its source represents; §4.5 (which cli.md's
    `self_interested` follows) makes it "self-serving or undirected self-interested",
    and undirected only "where the claim names neither" `favours` nor `harms`. §4.5 is
    followed: on a claim that names either, subject and object do not count.
10. Reversal: "dates compare as written" is read as the date's text, not its YAML
    spelling: `2020` and `'2020'`, a YAML date and its quoted text, are one date. Each
    written date names one span and each span one text, so spans are compared.
11. `--as-of` chooses assertions only: resolutions and their statuses apply whatever
    their date ("Resolutions apply whatever their own date"), and a claim all of whose
    assertions take no part stays a claim (rules through it still carry support).
12. Own voice: the oracle takes `via` as given (a valid corpus has no invalid `via` to
    leave out); the assertion is in its own voice when its origin is its source.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# §4.2 "Order: info < warning < error".
SEVERITIES = ("info", "warning", "error")


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def lowest(*severities: str) -> str:
    return min(severities, key=_rank)


def highest(*severities: str) -> str:
    return max(severities, key=_rank)


# ---------------------------------------------------------------------------
# §2 dates and periods
# ---------------------------------------------------------------------------

# ASCII digits only: `\d` would also accept other scripts' digits.
_DATE_TEXT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def date_span(value: Any, *, bare_year_number: bool) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a date covers (§2), or None when `value` is not a date.

    A YAML date is one day; `YYYY`, `YYYY-MM`, `YYYY-MM-DD` text covers its whole
    span. A bare year number is a date only where §2 allows it (a `date` field, a
    period bound, a value of declared type `date`): `bare_year_number`.
    """
    if isinstance(value, datetime.datetime):
        return None  # a timestamp is not one of §2's date forms
    if isinstance(value, datetime.date):
        return value, value
    if isinstance(value, bool):
        return None  # bool is an int subclass in Python; never a year
    if isinstance(value, int):
        if bare_year_number and datetime.MINYEAR <= value <= datetime.MAXYEAR:
            return datetime.date(value, 1, 1), datetime.date(value, 12, 31)
        return None
    if not isinstance(value, str):
        return None
    match = _DATE_TEXT.fullmatch(value)
    if match is None:
        return None
    year = int(match.group(1))
    if year < datetime.MINYEAR:
        return None
    if match.group(2) is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    if match.group(3) is None:
        last = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, 1), datetime.date(year, month, last)
    try:
        day = datetime.date(year, month, int(match.group(3)))
    except ValueError:
        return None  # not a valid calendar date, e.g. 2021-02-30
    return day, day


@dataclass(frozen=True)
class Period:
    """A closed interval of days; None is an open (infinite) bound."""

    start: datetime.date | None
    end: datetime.date | None

    def overlaps(self, other: Period) -> bool:
        # §4 "Two assertions overlap when their periods intersect (closed intervals;
        # an open bound is infinite)."
        starts_before_other_ends = self.start is None or other.end is None or self.start <= other.end
        other_starts_before_end = other.start is None or self.end is None or other.start <= self.end
        return starts_before_other_ends and other_starts_before_end


UNBOUNDED = Period(None, None)


def parse_period(raw: dict | None) -> Period:
    """§2: "A start bound means the first day of its span, an end bound the last day"."""
    if not raw:
        return UNBOUNDED  # `{}` is unbounded
    start = raw.get("start")
    end = raw.get("end")
    start_day = None if start is None else date_span(start, bare_year_number=True)[0]
    end_day = None if end is None else date_span(end, bare_year_number=True)[1]
    return Period(start_day, end_day)


# ---------------------------------------------------------------------------
# §2 date-times and ranges
# ---------------------------------------------------------------------------

# "`YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, optionally followed by `Z` or an offset
# `+HH:MM` / `-HH:MM`"
_DATETIME_TEXT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?")
_EPOCH = datetime.datetime(1, 1, 1)


def _seconds(moment: datetime.datetime) -> int:
    """A naive UTC moment as a count of seconds, so that spans are plain numbers."""
    return round((moment - _EPOCH).total_seconds())


def datetime_span(value: Any) -> tuple[int, int] | None:
    """The first and last second, in UTC, that a date-time covers (§2), or None when
    `value` is not one. "With an offset it is compared in UTC; without one it is read
    as UTC. Like a partial date it covers its whole last unit: `18:59` is 18:59:00
    through 18:59:59." Seconds count from 0001-01-01T00:00:00 UTC."""
    if isinstance(value, datetime.datetime):
        # A YAML timestamp (reading 4 at the top): written with seconds, one second.
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return _seconds(value), _seconds(value)
    if not isinstance(value, str):
        return None
    match = _DATETIME_TEXT.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = 0 if match.group(6) is None else int(match.group(6))
    try:
        local = datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None  # not on the calendar, or no such hour, minute or second
    offset = match.group(7)
    minutes_east = 0
    if offset not in (None, "Z"):
        hours, mins = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or mins > 59:
            return None  # reading 5
        minutes_east = (hours * 60 + mins) * (1 if offset[0] == "+" else -1)
    first = _seconds(local) - minutes_east * 60
    last = first + (59 if match.group(6) is None else 0)  # "covers its whole last unit"
    return first, last


def is_range(value: Any) -> bool:
    """§2 "A *range* is a mapping `{min: X, max: Y}` given where a value is expected"."""
    return isinstance(value, dict)


def range_bounds(value: Any) -> tuple[Any, Any]:
    """(min, max) of a range, None for an open bound ("Either bound may be left out");
    a single value x is "the range from x through x" (§4.3)."""
    if is_range(value):
        return value.get("min"), value.get("max")
    return value, value


# ---------------------------------------------------------------------------
# The corpus, flattened
# ---------------------------------------------------------------------------

_NO_VALUE = object()
NO_VALUE = _NO_VALUE  # an assertion that gives no value (§4.3), for the property test


def takes_part(raw: dict, as_of: str | None) -> bool:
    """§4: does the assertion (its mapping as YAML gives it) take part, as of `as_of`?

    "By default that is now: an assertion with `withdrawn` takes no part, and every
    other assertion does. As of a date D (the command line's `--as-of D`), an assertion
    takes part when it had been made by then (it has no `date`, or its `date` starts on
    or before the last day of D) and had not yet been withdrawn (it has no `withdrawn`,
    or its `withdrawn` starts after the last day of D)." Both fields are §2 dates, whose
    spans start on their first day ("A partial date starts on its first day").
    """
    date, withdrawn = raw.get("date"), raw.get("withdrawn")
    if as_of is None:
        return withdrawn is None
    span = date_span(as_of, bare_year_number=False)
    if span is None:
        raise ValueError(f"--as-of {as_of!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    last_day_of_d = span[1]
    made = date is None or date_span(date, bare_year_number=True)[0] <= last_day_of_d
    not_yet_withdrawn = (withdrawn is None
                         or date_span(withdrawn, bare_year_number=True)[0] > last_day_of_d)
    return made and not_yet_withdrawn


# eq=False: an assertion is itself (its value may be a range, a dict, unhashable).
@dataclass(frozen=True, eq=False)
class Assertion:
    claim: str
    index: int  # 0-based position in its claim's `assertions` (withdrawn ones counted)
    source: str
    stance: str
    period: Period
    value: Any  # §4.3: its `value`, else its claim's `object`, else _NO_VALUE
    given: Any  # its `value` field as written (None when left out)
    date: Any  # its `date` field as written (None when left out)
    withdrawn: Any  # its `withdrawn` field as written (None when left out)
    via: tuple[str, ...]
    origin: str  # §3 `via`: "the last is the assertion's origin (default: the source itself)"

    @property
    def key(self) -> tuple[str, int]:
        return self.claim, self.index

    @property
    def own_voice(self) -> bool:
        # §4.5 "An assertion is in its source's own voice when its origin is its source"
        return self.origin == self.source


def _assertions_of(claim: dict, as_of: str | None) -> list[Assertion]:
    """The claim's assertions that take part (§4): "An assertion that takes no part is,
    for this section, as if it were not in the corpus" (the others keep their index)."""
    claim_period = parse_period(claim.get("period"))
    claim_object = claim.get("object")
    out = []
    for index, raw in enumerate(claim.get("assertions") or []):
        if not takes_part(raw, as_of):
            continue
        # §3 assertion `period`: "An assertion's own period replaces its claim's whole
        # (bounds are not merged); `date` never limits it".
        if raw.get("period") is not None:
            period = parse_period(raw["period"])
        else:
            period = claim_period
        # §4.3 "The value of such an assertion is its `value`; where that is left out or
        # null, its claim's `object`; with neither it gives no value".
        if raw.get("value") is not None:
            value = raw["value"]
        elif claim_object is not None:
            value = claim_object
        else:
            value = _NO_VALUE
        via = tuple(raw.get("via") or ())
        origin = via[-1] if via else raw["source"]
        out.append(Assertion(claim["id"], index, raw["source"], raw["stance"], period, value,
                             raw.get("value"), raw.get("date"), raw.get("withdrawn"), via, origin))
    return out


# ---------------------------------------------------------------------------
# Rules: support along chains (§3 rules, §4 "supports")
# ---------------------------------------------------------------------------


def rule_steps(rules: list[dict]) -> list[tuple[str, str, str, str]]:
    """Every single step (from claim, to claim, rule severity, rule id) the rules allow.

    `implies`: from `if` to each `then`. `equivalent`: "every listed claim implies
    every other". `exclusive` gives no step.
    """
    steps = []
    for rule in rules:
        severity = rule.get("severity") or "error"
        if rule["kind"] == "implies":
            then = rule["then"]
            for target in [then] if isinstance(then, str) else then:
                steps.append((rule["if"], target, severity, rule["id"]))
        elif rule["kind"] == "equivalent":
            for member in rule["claims"]:
                for other in rule["claims"]:
                    if other != member:
                        steps.append((member, other, severity, rule["id"]))
    return steps


def reachable(start: str, steps: list[tuple[str, str, str, str]], floor: str) -> set[str]:
    """Claims reached from `start` by one or more steps whose rule severity >= floor."""
    seen: set[str] = set()
    frontier = [start]
    while frontier:
        here = frontier.pop()
        for src, dst, severity, _rule in steps:
            if src == here and _rank(severity) >= _rank(floor) and dst not in seen:
                seen.add(dst)
                frontier.append(dst)
    return seen


def chain_severity(affirmed: str, claim: str, steps: list[tuple[str, str, str, str]]) -> str | None:
    """How strongly affirming `affirmed` supports `claim`; None when it does not.

    §4: an assertion supports C when it affirms C, or affirms X with X ⇒⁺ C.
    §4.2: the chain counts with its lowest rule severity and, "where several chains
    lead there, the one whose lowest rule severity is highest". That best bottleneck
    is the highest threshold s at which `claim` is still reachable using only rules of
    severity >= s. Direct affirmation has no chain and so no rule cap: "error".
    """
    if affirmed == claim:
        return "error"
    for floor in reversed(SEVERITIES):
        if claim in reachable(affirmed, steps, floor):
            return floor
    return None


def simple_chains(affirmed: str, claim: str, steps: list[tuple[str, str, str, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """Every chain from `affirmed` to `claim` that passes no claim twice, as (its lowest
    rule severity, its rule ids in order). Two steps between the same claims by two
    rules are two chains; one rule taken twice (an `equivalent` with three members, a
    -> c -> b) is a chain of two steps. Direct affirmation (`affirmed == claim`) has the
    one empty chain: "for travelled support the chain of rule ids" (§4.5)."""
    if affirmed == claim:
        return [("error", ())]
    out = []

    def walk(here: str, visited: frozenset, rule_ids: tuple, floor: str) -> None:
        for src, dst, severity, rule_id in steps:
            if src != here or dst in visited:
                continue
            step_floor = lowest(floor, severity)
            if dst == claim:
                out.append((step_floor, rule_ids + (rule_id,)))
            else:
                walk(dst, visited | {dst}, rule_ids + (rule_id,), step_floor)

    walk(affirmed, frozenset({affirmed}), (), "error")
    return out


def chain_floor(rule_ids: list[str] | tuple[str, ...], affirmed: str, claim: str,
                steps: list[tuple[str, str, str, str]]) -> str | None:
    """The lowest rule severity of a chain given as rule ids, when some walk from
    `affirmed` to `claim` takes exactly those rules in that order (claims may repeat);
    None when no walk does. The empty chain fits direct affirmation only."""
    if not rule_ids:
        return "error" if affirmed == claim else None
    here = {affirmed}
    for rule_id in rule_ids:
        here = {dst for src, dst, _severity, rid in steps if rid == rule_id and src in here}
    if claim not in here:
        return None
    severity_of = {rid: severity for _src, _dst, severity, rid in steps}
    return lowest(*(severity_of[rid] for rid in rule_ids))


@dataclass(frozen=True)
class ChainFacts:
    """What §4.5's "for travelled support the chain of rule ids" allows for one held
    assertion on one side. §4.2 counts, "where several chains lead there, the one whose
    lowest rule severity is highest"; the chain an assertion carries is taken to be that
    one (`best`, the severity it gives). `chains` holds every rule-id chain, without a
    repeated claim, that reaches `best`: when it holds exactly one, the spec fixes the
    chain; when several tie, any of them (or a walk with a repeated claim that reaches
    `best`) will do."""

    best: str
    chains: frozenset


def chain_facts(affirmed: str, claim: str, steps) -> ChainFacts:
    found = simple_chains(affirmed, claim, steps)
    best = highest(*(floor for floor, _ in found))
    assert best == chain_severity(affirmed, claim, steps)  # two readings of one rule
    return ChainFacts(best, frozenset(ids for floor, ids in found if floor == best))


NO_CHAIN = ChainFacts("error", frozenset({()}))  # opposition and direct affirmation


# ---------------------------------------------------------------------------
# §4.3 value comparison
# ---------------------------------------------------------------------------

# Unicode White_Space (the property), spelled out: Python's str.split() would also
# split on U+001C..U+001F, which are not white space.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WHITE_RUN = re.compile("[" + re.escape(_WHITE_SPACE) + "]+")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _timestamp_text(value: datetime.datetime) -> str:
    """A YAML timestamp written out (reading 4 at the top)."""
    text = (f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
            f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}")
    offset = value.utcoffset()
    if offset is None:
        return text
    if offset == datetime.timedelta(0):
        return text + "Z"
    minutes = abs(offset) // datetime.timedelta(minutes=1)
    return f"{text}{'+' if offset > datetime.timedelta(0) else '-'}{minutes // 60:02d}:{minutes % 60:02d}"


def canonical_text(value: Any) -> str:
    """§4.3: "integers in decimal, other numbers as the shortest text that reads back
    the same (Python's `repr`), booleans as `true`/`false`, dates as `YYYY-MM-DD` (a
    date given as text stays as written), date-times as written, ranges as `X..Y`";
    §2: "`X..Y` with an open bound left empty (`100..300`, `500..`, `..2023-10`), each
    bound written canonically". Text stays as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.datetime):  # before date: a datetime is a date in Python
        return _timestamp_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if is_range(value):
        low, high = range_bounds(value)
        return (f"{'' if low is None else canonical_text(low)}"
                f"..{'' if high is None else canonical_text(high)}")
    return str(value)


def normal_text(value: Any) -> str:
    """§4.3 texts: NFC, full case folding, trim, collapse inner white space."""
    text = unicodedata.normalize("NFC", canonical_text(value)).casefold()
    return _WHITE_RUN.sub(" ", text).strip(_WHITE_SPACE)


def _tolerance(predicate: dict | None) -> Decimal:
    if predicate is None or predicate.get("tolerance") is None:
        return Decimal(0)
    return Decimal(canonical_text(predicate["tolerance"]))


def _inferred_kind(value: Any) -> str:
    """Where no `value_type` is declared: "as numbers if YAML typed both as numbers
    (booleans are not numbers), as dates if both are valid dates (a YAML date, or a
    quoted `YYYY`/`YYYY-MM`/`YYYY-MM-DD`; an unquoted year is a number), as date-times
    if both are valid date-times, as booleans if both are booleans, else as text";
    "A range counts as the kind of its bounds"."""
    if is_range(value):
        kinds = {_inferred_kind(bound) for bound in range_bounds(value) if bound is not None}
        [kind] = kinds  # §2 "both bounds are numbers, or both dates, or both date-times"
        return kind
    if isinstance(value, bool):
        return "boolean"
    if is_number(value):
        # README: non-finite numbers compare as text
        return "number" if math.isfinite(value) else "text"
    if date_span(value, bare_year_number=False) is not None:
        return "date"
    if datetime_span(value) is not None:
        return "datetime"
    return "text"


def value_kind(value: Any, value_type: str | None) -> str:
    """What §4.3 compares the value as: `number`, `date`, `datetime`, `boolean`,
    `entity` or `text`. "By the predicate's `value_type` where declared" (reading 8
    at the top), else as inferred."""
    if value_type is None:
        return _inferred_kind(value)
    if is_number(value) and not math.isfinite(value):
        return "text"  # README: `.inf` fits `number` but compares as text
    return value_type


def _point(bound: Any, kind: str, end: int, bare_year_number: bool) -> Any:
    """The first (`end` 0) or last (`end` 1) point of a bound: numbers as exact decimals
    "from each number's canonical text", dates as day numbers, date-times as second
    numbers in UTC."""
    if kind == "number":
        return Decimal(canonical_text(bound))
    if kind == "date":
        return date_span(bound, bare_year_number=bare_year_number)[end].toordinal()
    return datetime_span(bound)[end]


def extent(value: Any, kind: str, *, bare_year_number: bool) -> tuple[Any, Any]:
    """The lowest and highest point of a value compared as a number, date or date-time,
    None for an open bound ("an open bound reaches infinitely far"); for dates and
    date-times "A range's span runs from the start of its min's span to the end of its
    max's"."""
    low, high = range_bounds(value)
    return (None if low is None else _point(low, kind, 0, bare_year_number),
            None if high is None else _point(high, kind, 1, bare_year_number))


def gap(first: tuple[Any, Any], second: tuple[Any, Any]) -> Any:
    """§4.3 "The gap is 0 where the two ranges meet, else the distance from the higher
    end of the lower one to the lower end of the higher one"; for dates "from the end of
    the earlier to the start of the later" (`2025-10-12` and `2025-10-13`: one day),
    for date-times "from the last second of the earlier span to the first second of the
    later" (`18:59` and `19:00`: one second)."""
    (low_1, high_1), (low_2, high_2) = first, second
    if high_1 is not None and low_2 is not None and high_1 < low_2:
        return low_2 - high_1
    if high_2 is not None and low_1 is not None and high_2 < low_1:
        return low_1 - high_2
    return 0  # they meet (an open bound reaches every point beyond it)


def values_differ(a: Any, b: Any, predicate: dict | None) -> bool:
    value_type = None if predicate is None else predicate.get("value_type")
    tolerance = _tolerance(predicate)  # "whenever values are compared as numbers, dates or date-times"
    kind = value_kind(a, value_type)
    if value_kind(b, value_type) != kind:
        # Two kinds: as text, each "first written canonically".
        return normal_text(a) != normal_text(b)
    if kind in ("number", "date", "datetime"):
        bare = value_type == "date"  # "for `date`, a bare year number is that year"
        distance = gap(extent(a, kind, bare_year_number=bare), extent(b, kind, bare_year_number=bare))
        if kind == "datetime":
            # "they differ when it exceeds `tolerance` minutes"
            return Decimal(distance) > tolerance * 60
        return Decimal(distance) > tolerance
    if kind in ("entity", "boolean"):
        # "they are not identical"; an entity compares by its exact id
        return type(a) is not type(b) or a != b
    return normal_text(a) != normal_text(b)


def one_value(a: Any, b: Any, value_type: str | None) -> bool:
    """§4.3 Sides: do two values stand together directly? "Assertions whose values have
    the same extent stand on one side (numbers and ranges of numbers: the same bounds as
    decimals ...; dates, date-times and their ranges: the same span ...); other values
    stand together when they are equal as compared above; values of different kinds
    that agree as text stand on one side too." (Reading 3 at the top.)"""
    kind = value_kind(a, value_type)
    if value_kind(b, value_type) != kind:
        return normal_text(a) == normal_text(b)
    if kind in ("number", "date", "datetime"):
        bare = value_type == "date"
        return extent(a, kind, bare_year_number=bare) == extent(b, kind, bare_year_number=bare)
    if kind in ("entity", "boolean"):
        return type(a) is type(b) and a == b
    return normal_text(a) == normal_text(b)


def value_sides(held: list, predicate: dict | None) -> dict[str, list]:
    """The sides of a value conflict: label -> the held assertions on it. A side is all
    that stands together, step by step (reading 2); its label is the canonical text of
    its value, the smallest where it was written several ways (reading 1)."""
    value_type = None if predicate is None else predicate.get("value_type")
    sides: dict[str, list] = {}
    placed: set[int] = set()
    for first in held:
        if id(first) in placed:
            continue
        side, frontier = [first], [first]
        placed.add(id(first))
        while frontier:
            here = frontier.pop()
            for other in held:
                if id(other) not in placed and one_value(here.value, other.value, value_type):
                    placed.add(id(other))
                    side.append(other)
                    frontier.append(other)
        label = min(canonical_text(a.value) for a in side)
        assert label not in sides, f"two value sides are labelled {label!r}"
        sides[label] = side
    return sides


# ---------------------------------------------------------------------------
# §4.5 what a conflict carries beyond its sides
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AssertionFacts:
    source: str
    stance: str
    date: tuple[datetime.date, datetime.date] | None  # the span of its `date` (§2)
    withdrawn: tuple[datetime.date, datetime.date] | None  # the span of its `withdrawn`
    given: Any  # its `value` as written, None when left out or null
    value: Any  # §4.3: its `value`, else its claim's `object`; _NO_VALUE with neither
    via: tuple[str, ...]
    origin: str
    own_voice: bool
    interest: str | None  # "self-serving", "against-interest" or None
    self_interested: bool


def interest_of(a: Assertion, claims: dict[str, dict], represents: dict[str, list]) -> tuple[str | None, bool]:
    """(interest, self_interested) of an assertion, §4.5 *Interest*: "from the claim it
    is made on (not one its support reaches) and the parties its source `represents`".
    Entities are ids, compared exactly; an `object` that is a literal (a number, a date,
    a text naming no represented id) is represented by nobody."""
    claim = claims[a.claim]
    parties = set(represents.get(a.source) or [])
    favours = set(claim.get("favours") or [])
    harms = set(claim.get("harms") or [])
    affirms = a.stance == "affirms"  # else it "denies or doubts"
    if favours or harms:
        # "Where the claim names a non-empty `favours` or `harms`: the assertion is
        # *self-serving* when it affirms a claim that favours a party of its source, or
        # denies or doubts one that harms such a party; otherwise it is *against
        # interest* when it affirms a claim that harms a party of its source, or denies
        # or doubts one that favours such a party."
        if (affirms and favours & parties) or (not affirms and harms & parties):
            interest = "self-serving"
        elif (affirms and harms & parties) or (not affirms and favours & parties):
            interest = "against-interest"
        else:
            interest = None
        # "An assertion is `self_interested` when it is self-serving or undirected
        # self-interested" (reading 9 at the top).
        return interest, interest == "self-serving"
    # "Where the claim names neither: it is *self-interested* when its source represents
    # the claim's subject or object (no direction)."
    undirected = any(isinstance(end, str) and end in parties
                     for end in (claim.get("subject"), claim.get("object")))
    return None, undirected


def side_facts(sides: dict[str, Any], facts: dict[tuple[str, int], AssertionFacts], *,
               own_voice_only: bool = True) -> tuple[list[str], bool, dict[str, int]]:
    """From sides (label -> the (claim, index) keys it holds), what §4.5 says a conflict
    carries about them:

    - the self-contradicting sources: "a source is *self-contradicting* when two
      different sides hold own-voice assertions of it (one assertion on two sides of an
      exclusive conflict counts)";
    - reversal: "when two own-voice assertions of one source stand on different sides
      and carry different dates (assertions without a `date` are left out; dates compare
      as written, so `2023-05` and `2023-05-01` differ)" (reading 10 at the top);
    - per side, "the number of independent origins on each side (distinct origins, §3
      `via`)", own voice or not.

    `own_voice_only=False` reads format version 1, where every assertion of a source
    counted, relayed or not (the differential uses it against a version 1 engine).
    """
    def counts(key) -> bool:
        return facts[key].own_voice or not own_voice_only

    labels_of: dict[str, set[str]] = {}
    for label, keys in sides.items():
        for key in keys:
            if counts(key):
                labels_of.setdefault(facts[key].source, set()).add(label)
    both = sorted(source for source, labels in labels_of.items() if len(labels) >= 2)
    reversal = False
    for label, keys in sides.items():
        for other_label, other_keys in sides.items():
            if other_label == label:
                continue
            for key in keys:
                for other in other_keys:
                    a, b = facts[key], facts[other]
                    if (counts(key) and counts(other) and a.source == b.source
                            and a.date is not None and b.date is not None and a.date != b.date):
                        reversal = True
    origins = {label: len({facts[key].origin for key in keys}) for label, keys in sides.items()}
    return both, reversal, origins


def assertion_lines(text: str) -> dict[tuple[str, int], int]:
    """The 1-based line on which each assertion (claim id, index) starts in one YAML file:
    where its mapping starts (for a block mapping its first key, for a flow mapping its
    `{`). Read with PyYAML's composer, so without the engine's reader."""
    import yaml

    out = {}
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: faster
    if root is None:
        return out
    for key, section in root.value:
        if key.value != "claims":
            continue
        for claim in section.value:
            fields = {k.value: v for k, v in claim.value}
            claim_id = fields["id"].value
            if "assertions" in fields:
                for index, node in enumerate(fields["assertions"].value):
                    out[(claim_id, index)] = node.start_mark.line + 1
    return out


class _Conflict:
    """A conflict being gathered: its sides and the severity of every pair."""

    def __init__(self, conflict_id: str, kind: str):
        self.id = conflict_id
        self.kind = kind
        self.sides: dict[str, set[Assertion]] = {}
        self.pair_severities: list[str] = []
        self.extra_claims: set[str] = set()

    def add_pair(self, label_a: str, a: Assertion, label_b: str, b: Assertion, severity: str):
        self.sides.setdefault(label_a, set()).add(a)
        self.sides.setdefault(label_b, set()).add(b)
        self.pair_severities.append(severity)


def oracle_conflicts(corpus: dict, as_of: str | None = None) -> dict[str, dict]:
    def section(name: str) -> list[dict]:
        return corpus.get(name) or []

    claims = {claim["id"]: claim for claim in section("claims")}
    represents = {source["id"]: source.get("represents") for source in section("sources")}
    predicates = {predicate["id"]: predicate for predicate in section("predicates")}
    rules = section("rules")
    steps = rule_steps(rules)
    # §4: only the assertions that take part, as of `as_of`.
    assertions = [a for claim in section("claims") for a in _assertions_of(claim, as_of)]
    affirming = [a for a in assertions if a.stance == "affirms"]
    found: dict[str, _Conflict] = {}

    def conflict(conflict_id: str, kind: str) -> _Conflict:
        return found.setdefault(conflict_id, _Conflict(conflict_id, kind))

    def supporters(claim_id: str) -> list[tuple[Assertion, str]]:
        """Every assertion that supports the claim, with its best chain severity.
        Only affirmations carry support: "opposition does not travel along rules",
        and a denial of X says nothing for X's consequences."""
        out = []
        for a in affirming:
            severity = chain_severity(a.claim, claim_id, steps)
            if severity is not None:
                out.append((a, severity))
        return out

    # §4.1 contradiction: a supporting and an opposing assertion of C that overlap.
    for claim_id in claims:
        opposing = [a for a in assertions
                    if a.claim == claim_id and a.stance in ("denies", "doubts")]
        for supporter, chain in supporters(claim_id):
            for opposer in opposing:
                if not supporter.period.overlaps(opposer.period):
                    continue
                # Pair cap: error, or warning when the opposing assertion only doubts;
                # the opposer's own stance never travels, so only the supporter's chain.
                cap = "warning" if opposer.stance == "doubts" else "error"
                c = conflict(f"contradiction:{claim_id}", "contradiction")
                c.add_pair("supports", supporter, "opposes", opposer, lowest(cap, chain))
                c.extra_claims.add(claim_id)  # §4.5 "plus the claim of a contradiction"

    # §4.2 exclusive: two assertions on different sides overlap; the same assertion on
    # two sides counts (it overlaps itself).
    for rule in rules:
        if rule["kind"] != "exclusive":
            continue
        members = rule["claims"]
        side_of = {member: supporters(member) for member in members}
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                for a, chain_a in side_of[first]:
                    for b, chain_b in side_of[second]:
                        if not a.period.overlaps(b.period):
                            continue
                        severity = lowest(rule.get("severity") or "error", chain_a, chain_b)
                        c = conflict(f"exclusive:{rule['id']}", "exclusive")
                        c.add_pair(first, a, second, b, severity)
                        # §4.5 "each member whose side holds an assertion"
                        c.extra_claims.update((first, second))

    # §4.3 value: only direct affirmations that give a value.
    groups: dict[str, list[Assertion]] = {}
    group_predicate: dict[str, dict | None] = {}
    for claim_id, claim in claims.items():
        predicate = predicates.get(claim.get("predicate"))
        if claim.get("subject") is not None and predicate is not None and predicate.get("single_value") is True:
            group_id = f"value:{claim['subject']}/{claim['predicate']}"
        else:
            group_id = f"value:{claim_id}"
        group_predicate[group_id] = predicate
        groups.setdefault(group_id, [])
        groups[group_id].extend(a for a in affirming
                                if a.claim == claim_id and a.value is not _NO_VALUE)
    for group_id, members in groups.items():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.period.overlaps(b.period) and values_differ(a.value, b.value, group_predicate[group_id]):
                    conflict(group_id, "value").add_pair("*", a, "*", b, "error")
    # "The assertions that take part are those in at least one overlapping pair that
    # differs" (gathered on "*" above); "Sides: one per value."
    for group_id, members in groups.items():
        if group_id in found:
            held = [a for a in members if a in found[group_id].sides["*"]]
            found[group_id].sides = {label: set(side) for label, side
                                     in value_sides(held, group_predicate[group_id]).items()}

    # §4.4 conflicts-with: one subject affirmed with p in one claim and q in another,
    # overlapping, where p lists q or q lists p.
    listed = {frozenset((p_id, q_id))
              for p_id, predicate in predicates.items()
              for q_id in predicate.get("conflicts_with") or []
              if q_id != p_id}
    for a in affirming:
        for b in affirming:
            claim_a, claim_b = claims[a.claim], claims[b.claim]
            subject = claim_a.get("subject")
            p, q = claim_a.get("predicate"), claim_b.get("predicate")
            if (subject is None or claim_b.get("subject") != subject
                    or p is None or q is None or not p < q  # each unordered pair once
                    or frozenset((p, q)) not in listed
                    or not a.period.overlaps(b.period)):
                continue
            conflict(f"conflicts-with:{subject}/{p}+{q}", "conflicts-with").add_pair(p, a, q, b, "error")

    # §3 resolutions: "the conflict then takes `resolved` if either says so".
    statuses: dict[str, str] = {}
    for resolution in section("resolutions"):
        if statuses.get(resolution["conflict"]) != "resolved":
            statuses[resolution["conflict"]] = resolution["status"]

    def facts_of(a: Assertion) -> AssertionFacts:
        return AssertionFacts(
            a.source, a.stance,
            None if a.date is None else date_span(a.date, bare_year_number=True),
            None if a.withdrawn is None else date_span(a.withdrawn, bare_year_number=True),
            a.given, a.value, a.via, a.origin, a.own_voice, *interest_of(a, claims, represents))

    def chain_of(c: _Conflict, label: str, a: Assertion) -> ChainFacts:
        # Support travels to the side's claim: a contradiction's claim on "supports", the
        # member on an exclusive side. Opposition does not travel, and value and
        # conflicts-with take direct affirmations only.
        if c.kind == "contradiction" and label == "supports":
            return chain_facts(a.claim, c.id.split(":", 1)[1], steps)
        if c.kind == "exclusive":
            return chain_facts(a.claim, label, steps)
        return NO_CHAIN

    out = {}
    for conflict_id, c in found.items():
        held = set().union(*c.sides.values())
        facts = {a.key: facts_of(a) for a in held}
        sides = {label: frozenset(a.key for a in side) for label, side in c.sides.items() if side}
        both, reversal, origins = side_facts(sides, facts)
        out[conflict_id] = {
            "id": conflict_id,
            "kind": c.kind,
            "severity": highest(*c.pair_severities),  # the highest over its pairs
            "status": statuses.get(conflict_id, "open"),
            # §4.5: the claims the held assertions are made on, plus the extras above;
            # claims passed through in the middle of a chain do not take part.
            "claims": sorted({a.claim for a in held} | c.extra_claims),
            "sources": sorted({a.source for a in held}),  # not their `via`
            "sides": sides,
            "assertions": facts,
            "chains": {(label, a.key): chain_of(c, label, a)
                       for label, side in c.sides.items() for a in side},
            "self_contradicting_sources": both,
            "reversal": reversal,
            "independent_origins": origins,
        }
    return out
