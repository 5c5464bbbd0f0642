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

The rest of §4.5, in the same dict:
    "assertions": (claim, index) -> what §4.5 says each held assertion carries that the
        corpus dict alone determines (`AssertionFacts`: source, stance, date, the value
        as given and as §4.3 reads it, via, origin, self-interest);
    "chains": (side label, (claim, index)) -> `ChainFacts` for every held assertion: the
        best chain severity and the rule-id chains that reach it (empty for direct
        affirmation and for opposition);
    "self_contradicting_sources", "reversal", "independent_origins": from `side_facts`
        over the oracle's sides; None for a value conflict, whose sides §4 leaves open
        (compute them with `side_facts` from the engine's sides instead);
    "differing_pairs": for a value conflict, every unordered pair of its assertions whose
        values differ by §4.3 (whether or not they overlap); no side may hold one.
`assertion_lines(text)` gives the line of each assertion in the YAML text.
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
NO_VALUE = _NO_VALUE  # an assertion that gives no value (§4.3), for the property test


@dataclass(frozen=True)
class Assertion:
    claim: str
    index: int  # 0-based position in its claim's `assertions`
    source: str
    stance: str
    period: Period
    value: Any  # §4.3: its `value`, else its claim's `object`, else _NO_VALUE
    given: Any  # its `value` field as written (None when left out)
    date: Any  # its `date` field as written (None when left out)
    via: tuple[str, ...]
    origin: str  # §3 `via`: "the last is the assertion's origin (default: the source itself)"

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
        via = tuple(raw.get("via") or ())
        origin = via[-1] if via else raw["source"]
        out.append(Assertion(claim["id"], index, raw["source"], raw["stance"], period, value,
                             raw.get("value"), raw.get("date"), via, origin))
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


# ---------------------------------------------------------------------------
# §4.5 what a conflict carries beyond its sides
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AssertionFacts:
    source: str
    stance: str
    date: tuple[datetime.date, datetime.date] | None  # the span of its `date` (§2)
    given: Any  # its `value` as written, None when left out or null
    value: Any  # §4.3: its `value`, else its claim's `object`; _NO_VALUE with neither
    via: tuple[str, ...]
    origin: str
    self_interested: bool


def is_self_interested(a: Assertion, claims: dict[str, dict], represents: dict[str, list]) -> bool:
    """§3 sources `represents`: "An assertion by a source about a claim whose `subject` or
    `object` it represents is *self-interested*" (README: "the claim the assertion is made
    on", so for travelled support the claim it affirms, not the one support reaches).
    Entities are ids, compared exactly; an `object` that is a literal (a number, a date,
    a text naming no represented id) is represented by nobody."""
    claim = claims[a.claim]
    spoken_for = set(represents.get(a.source) or [])
    return any(isinstance(end, str) and end in spoken_for
               for end in (claim.get("subject"), claim.get("object")))


def side_facts(sides: dict[str, Any], facts: dict[tuple[str, int], AssertionFacts]) -> tuple[list[str], bool, dict[str, int]]:
    """From sides (label -> the (claim, index) keys it holds), §4.5's
    "whether one source stands on two sides (*self-contradiction*; a *reversal* when its
    dates differ), the number of independent origins on each side (distinct origins,
    §3 `via`)":

    - the self-contradicting sources: those with an assertion on two or more sides (one
      assertion on two sides of an exclusive rule counts, §4.2);
    - reversal: some such source has an assertion on one side and an assertion on
      another side whose dates differ. Read as README puts it, "a self-contradiction
      where the source's assertions on the two sides carry different dates": both must
      carry a date (an assertion without one has no date to differ), and two dates are
      the same when they cover the same days (`2025-10` the text and a YAML date of
      2025-10-01 differ; 2020 and '2020' in a `date` field do not);
    - per side, the number of distinct origins of the assertions it holds.
    """
    # §4.5 (version 2) "Own voice": only assertions whose origin is their source count
    def own(key) -> bool:
        return facts[key].origin == facts[key].source

    labels_of: dict[str, set[str]] = {}
    for label, keys in sides.items():
        for key in keys:
            if own(key):
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
                    if (own(key) and own(other) and a.source == b.source and a.date is not None and b.date is not None
                            and a.date != b.date):
                        reversal = True
    origins = {label: len({facts[key].origin for key in keys}) for label, keys in sides.items()}
    return both, reversal, origins


def assertion_lines(text: str) -> dict[tuple[str, int], int]:
    """The 1-based line on which each assertion (claim id, index) starts in one YAML file:
    where its mapping starts (for a block mapping its first key, for a flow mapping its
    `{`). Read with PyYAML's composer, so without the engine's reader."""
    import yaml

    out = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
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
        self.predicate: dict | None = None  # a value conflict's predicate (§4.3 comparison)

    def add_pair(self, label_a: str, a: Assertion, label_b: str, b: Assertion, severity: str):
        self.sides.setdefault(label_a, set()).add(a)
        self.sides.setdefault(label_b, set()).add(b)
        self.pair_severities.append(severity)


def oracle_conflicts(corpus: dict) -> dict[str, dict]:
    def section(name: str) -> list[dict]:
        return corpus.get(name) or []

    claims = {claim["id"]: claim for claim in section("claims")}
    represents = {source["id"]: source.get("represents") for source in section("sources")}
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
                    c = conflict(group_id, "value")
                    c.add_pair("*", a, "*", b, "error")
                    c.predicate = group_predicate[group_id]

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
            a.given, a.value, a.via, a.origin, is_self_interested(a, claims, represents))

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
        if c.kind == "value":
            both = reversal = origins = None  # the sides are not §4's: see side_facts
            ordered = sorted(held, key=lambda a: a.key)
            differing = {frozenset((a.key, b.key))
                         for i, a in enumerate(ordered) for b in ordered[i + 1:]
                         if values_differ(a.value, b.value, c.predicate)}
        else:
            both, reversal, origins = side_facts(sides, facts)
            differing = None
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
            "differing_pairs": differing,
        }
    return out
