"""A deliberately simple, brute-force oracle of the conflict definitions (spec §4).

It shares no code with the engine and takes the corpus as the plain dict that YAML
hands over (the six sections, each a list of mappings). It enumerates every pair,
walks every rule path by plain breadth-first search and never tries to be fast, so
that it is easy to check line by line against §4 of the corpus-format spec. The
property test compares the engine with it on generated corpora.

`oracle_conflicts(corpus)` returns, for every conflict id:
    {"id", "kind", "severity", "status", "claims", "sources", "sides"}
where `sides` maps a side label to a frozenset of (claim id, 0-based assertion index).
Side labels: contradiction "supports"/"opposes"; exclusive the member claim id;
conflicts-with the predicate id; value a single "*" side holding every assertion that
takes part (how a value conflict splits into sides is not part of §4). Only non-empty
sides are present.
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
# The corpus, flattened
# ---------------------------------------------------------------------------

_NO_VALUE = object()


@dataclass(frozen=True)
class Assertion:
    claim: str
    index: int  # 0-based position in its claim's `assertions`
    source: str
    stance: str
    period: Period
    value: Any  # §4.3: its `value`, else its claim's `object`, else _NO_VALUE

    @property
    def key(self) -> tuple[str, int]:
        return self.claim, self.index


def _assertions_of(claim: dict) -> list[Assertion]:
    claim_period = parse_period(claim.get("period"))
    claim_object = claim.get("object")
    out = []
    for index, raw in enumerate(claim.get("assertions") or []):
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
        out.append(Assertion(claim["id"], index, raw["source"], raw["stance"], period, value))
    return out


# ---------------------------------------------------------------------------
# Rules: support along chains (§3 rules, §4 "supports")
# ---------------------------------------------------------------------------


def rule_steps(rules: list[dict]) -> list[tuple[str, str, str]]:
    """Every single step (from claim, to claim, rule severity) the rules allow.

    `implies`: from `if` to each `then`. `equivalent`: "every listed claim implies
    every other". `exclusive` gives no step.
    """
    steps = []
    for rule in rules:
        severity = rule.get("severity") or "error"
        if rule["kind"] == "implies":
            then = rule["then"]
            for target in [then] if isinstance(then, str) else then:
                steps.append((rule["if"], target, severity))
        elif rule["kind"] == "equivalent":
            for member in rule["claims"]:
                for other in rule["claims"]:
                    if other != member:
                        steps.append((member, other, severity))
    return steps


def reachable(start: str, steps: list[tuple[str, str, str]], floor: str) -> set[str]:
    """Claims reached from `start` by one or more steps whose rule severity >= floor."""
    seen: set[str] = set()
    frontier = [start]
    while frontier:
        here = frontier.pop()
        for src, dst, severity in steps:
            if src == here and _rank(severity) >= _rank(floor) and dst not in seen:
                seen.add(dst)
                frontier.append(dst)
    return seen


def chain_severity(affirmed: str, claim: str, steps: list[tuple[str, str, str]]) -> str | None:
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


# ---------------------------------------------------------------------------
# §4.3 value comparison
# ---------------------------------------------------------------------------

# Unicode White_Space (the property), spelled out: Python's str.split() would also
# split on U+001C..U+001F, which are not white space.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WHITE_RUN = re.compile("[" + re.escape(_WHITE_SPACE) + "]+")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def canonical_text(value: Any) -> str:
    """§4.3: "integers in decimal, other numbers as the shortest text that reads back
    the same (Python's `repr`), booleans as `true`/`false`, dates as `YYYY-MM-DD`".
    Text stays as written (a quoted "2025-10" is text, not a YAML date)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def normal_text(value: Any) -> str:
    """§4.3 texts: NFC, full case folding, trim, collapse inner white space."""
    text = unicodedata.normalize("NFC", canonical_text(value)).casefold()
    return _WHITE_RUN.sub(" ", text).strip(_WHITE_SPACE)


def _tolerance(predicate: dict | None) -> Decimal:
    if predicate is None or predicate.get("tolerance") is None:
        return Decimal(0)
    return Decimal(canonical_text(predicate["tolerance"]))


def _numbers_differ(a: Any, b: Any, tolerance: Decimal) -> bool:
    # "computed exactly in decimal from each number's canonical text"
    return abs(Decimal(canonical_text(a)) - Decimal(canonical_text(b))) > tolerance


def _dates_differ(a: Any, b: Any, tolerance: Decimal, *, bare_year_number: bool) -> bool:
    first = date_span(a, bare_year_number=bare_year_number)
    second = date_span(b, bare_year_number=bare_year_number)
    earlier, later = sorted([first, second])
    if later[0] <= earlier[1]:
        distance = 0  # "Overlapping spans are 0 days apart"
    else:
        # "from the end of the earlier to the start of the later"
        distance = (later[0] - earlier[1]).days
    return Decimal(distance) > tolerance


def values_differ(a: Any, b: Any, predicate: dict | None) -> bool:
    value_type = None if predicate is None else predicate.get("value_type")
    tolerance = _tolerance(predicate)
    if any(isinstance(v, float) and not math.isfinite(v) for v in (a, b)):
        return normal_text(a) != normal_text(b)  # README: non-finite numbers compare as text
    if value_type == "number":
        return _numbers_differ(a, b, tolerance)
    if value_type == "date":
        # "for `date`, a bare year number is that year"
        return _dates_differ(a, b, tolerance, bare_year_number=True)
    if value_type == "text":
        return normal_text(a) != normal_text(b)
    if value_type in ("entity", "boolean"):
        # "they are not identical"; an entity compares by its exact id
        return type(a) is not type(b) or a != b
    # Not declared: typed pairwise.
    if is_number(a) and is_number(b):
        return _numbers_differ(a, b, tolerance)
    if (date_span(a, bare_year_number=False) is not None
            and date_span(b, bare_year_number=False) is not None):
        # "an unquoted year is a number", so never a date here
        return _dates_differ(a, b, tolerance, bare_year_number=False)
    if isinstance(a, bool) and isinstance(b, bool):
        return a is not b
    return normal_text(a) != normal_text(b)


# ---------------------------------------------------------------------------
# The conflicts
# ---------------------------------------------------------------------------


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


def oracle_conflicts(corpus: dict) -> dict[str, dict]:
    def section(name: str) -> list[dict]:
        return corpus.get(name) or []

    claims = {claim["id"]: claim for claim in section("claims")}
    predicates = {predicate["id"]: predicate for predicate in section("predicates")}
    rules = section("rules")
    steps = rule_steps(rules)
    assertions = [a for claim in section("claims") for a in _assertions_of(claim)]
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

    out = {}
    for conflict_id, c in found.items():
        held = set().union(*c.sides.values())
        out[conflict_id] = {
            "id": conflict_id,
            "kind": c.kind,
            "severity": highest(*c.pair_severities),  # the highest over its pairs
            "status": statuses.get(conflict_id, "open"),
            # §4.5: the claims the held assertions are made on, plus the extras above;
            # claims passed through in the middle of a chain do not take part.
            "claims": sorted({a.claim for a in held} | c.extra_claims),
            "sources": sorted({a.source for a in held}),  # not their `via`
            "sides": {label: frozenset(a.key for a in side) for label, side in c.sides.items() if side},
        }
    return out
