"""What a conflict is once found (spec §4.5): sides of assertions, and what they tell."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from ..model import Assertion, SEVERITY_NAMES


_rule_of = itemgetter(0)  # of a (rule id, claim reached) step


@dataclass(frozen=True, slots=True)
class Entry:
    """An assertion as it stands on a side: with the rule chain its support travelled."""

    assertion: Assertion
    route: object = None  # support.Route for travelled support, None when asserted directly
    #: self-serving, or (where its claim names no favours/harms) undirected self-interest
    self_interested: bool = False
    interest: str | None = None  # "self-serving", "against-interest" or None (§4.5)

    @property
    def steps(self) -> tuple[tuple[str, str], ...]:
        """(rule id, claim reached) pairs from the asserted claim to the one on the side."""
        return self.route.steps if self.route is not None else ()

    @property
    def chain(self) -> tuple[str, ...]:
        """The rule ids its support travelled along (empty when it asserts the claim itself)."""
        return tuple(map(_rule_of, self.steps))  # in C: a chain round a long cycle has thousands


@dataclass(frozen=True, slots=True)
class Side:
    label: str
    entries: tuple[Entry, ...]

    @property
    def independent_origins(self) -> int:
        return len({e.assertion.origin for e in self.entries})


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: str  # contradiction | exclusive | value | conflicts-with
    severity: int
    sides: tuple[Side, ...]
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    status: str = "open"
    #: the claim (contradiction), rule (exclusive) or subject/predicates it is about
    subject: dict | None = None

    @property
    def severity_name(self) -> str:
        return SEVERITY_NAMES[self.severity]

    @property
    def self_contradicting_sources(self) -> tuple[str, ...]:
        """Sources whose own-voice assertions stand on two sides (§4.5): relaying what
        others said is reporting, not a change of mind."""
        seen: dict[str, int] = {}
        both = set()
        for index, side in enumerate(self.sides):
            for entry in side.entries:
                a = entry.assertion
                if a.via and not a.own_voice:
                    continue
                if seen.setdefault(a.source, index) != index:
                    both.add(a.source)
        return tuple(sorted(both))

    @property
    def self_contradiction(self) -> bool:
        return bool(self.self_contradicting_sources)

    @property
    def reversing_sources(self) -> tuple[str, ...]:
        """Sources on two sides whose own-voice assertions there carry different dates (§4.5)."""
        return tuple(source for source in self.self_contradicting_sources if self._dates_differ(source))

    @property
    def reversal(self) -> bool:
        return bool(self.reversing_sources)

    def _dates_differ(self, source: str) -> bool:
        dates_by_side = [
            {
                e.assertion.date.text
                for e in side.entries
                if e.assertion.source == source and e.assertion.date and e.assertion.own_voice
            }
            for side in self.sides
        ]
        present = [d for d in dates_by_side if d]
        for i, left in enumerate(present):
            for right in present[i + 1:]:
                if left != right or len(left | right) > 1:
                    return True
        return False

    def with_status(self, status: str) -> "Conflict":
        return Conflict(self.id, self.kind, self.severity, self.sides, self.claims, self.sources, status, self.subject)


def build_conflict(cid: str, kind: str, severity: int, sides: list[Side], extra_claims=(), subject=None) -> Conflict:
    """Assemble a conflict, deriving its claims and sources from what its sides hold (§4.5)."""
    claims = set(extra_claims)
    sources = set()
    for side in sides:
        for entry in side.entries:
            claims.add(entry.assertion.claim)
            sources.add(entry.assertion.source)
    return Conflict(cid, kind, severity, tuple(sides), tuple(sorted(claims)), tuple(sorted(sources)), "open", subject)


def entry_order(entry: Entry) -> tuple:
    a = entry.assertion
    return (a.claim, a.index)  # one assertion stands once on a side
