"""The validated corpus: read-only records the engine, lint and renderers read.

Dates are kept as `DateSpan`s (the text as written plus the first and last day it
covers, as proleptic ordinals) so partial dates compare by their whole span. Periods are
closed day intervals whose open bounds are the sentinels `OPEN_START`/`OPEN_END`.
Values are kept as given (a date-time stays its text); a range `{min, max}` is a `Range`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

OPEN_START = 0  # before 0001-01-01 (ordinal 1)
OPEN_END = 10**7  # after 9999-12-31 (ordinal 3,652,059)

#: severities, weakest first: a severity's rank is its place here (conflicts keep the rank)
SEVERITY_NAMES = ("info", "warning", "error")
INFO, WARNING, ERROR = 0, 1, 2
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITY_NAMES)}
#: strongest first, as reports list them and the format's words offer them
SEVERITY_ORDER = tuple(reversed(SEVERITY_NAMES))
#: `--fail-on`: the rank at and above which a run fails; `never` is above every severity
FAIL_ON_LEVEL = {**SEVERITY_RANK, "never": len(SEVERITY_NAMES)}
#: an assertion's credibility when it gives none: 6, "cannot be judged" (spec §3, claims)
DEFAULT_CREDIBILITY = 6

#: The records made once per claim, assertion or place (hundreds of thousands in a large
#: corpus) are not frozen: a frozen dataclass sets each field through object.__setattr__,
#: about five times slower to build (an Assertion: 1.2 µs against 0.2 µs). They compare
#: and hash by value all the same; nothing changes them after validation.
_many = dataclass(slots=True, unsafe_hash=True)


@_many
class Pos:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@_many
class DateSpan:
    text: str  # as written: "2025", "2025-10" or "2025-10-12"
    first: int  # ordinal of the first day covered
    last: int  # ordinal of the last day covered

    @property
    def first_date(self) -> _dt.date:
        return _dt.date.fromordinal(self.first)


@_many
class Period:
    start: DateSpan | None = None
    end: DateSpan | None = None

    @property
    def lo(self) -> int:
        return self.start.first if self.start else OPEN_START

    @property
    def hi(self) -> int:
        return self.end.last if self.end else OPEN_END

    def as_json(self) -> dict:
        out = {}
        if self.start:
            out["start"] = self.start.text
        if self.end:
            out["end"] = self.end.text
        return out

    def __str__(self) -> str:
        if not self.start and not self.end:
            return "always"
        return f"{self.start.text if self.start else '…'} – {self.end.text if self.end else '…'}"


UNBOUNDED = Period()


@_many
class Range:
    """A value given as `{min: X, max: Y}` (spec §2): some value from X through Y; an open
    bound is None. The bounds are kept as given (numbers, dates, date-time texts)."""

    min: object = None
    max: object = None


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    pos: Pos
    kind: str = "other"
    reliability: str = "F"
    represents: tuple[str, ...] = ()
    url: str | None = None
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    pos: Pos
    aliases: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Predicate:
    id: str
    pos: Pos
    description: str | None = None
    single_value: bool = False
    value_type: str | None = None
    tolerance: object = None  # decimal.Decimal, or None for 0
    conflicts_with: tuple[str, ...] = ()


@_many
class Assertion:
    claim: str
    index: int  # position in its claim's assertions list
    source: str
    stance: str
    pos: Pos
    period: Period = UNBOUNDED  # effective: its own, else its claim's, else unbounded
    date: DateSpan | None = None
    value: object = None  # the value given (str, int, float, bool, date, Range) or None
    credibility: int = DEFAULT_CREDIBILITY
    via: tuple[str, ...] = ()
    quote: str | None = None
    url: str | None = None
    note: str | None = None
    #: when the source withdrew, corrected or replaced it (spec §3): it then takes no
    #: part in conflicts, except as of an earlier date (§4)
    withdrawn: DateSpan | None = None

    @property
    def origin(self) -> str:
        """Where the information started: the last of `via`, else the source itself."""
        return self.via[-1] if self.via else self.source

    @property
    def own_voice(self) -> bool:
        """Said by its source on its own account, not relayed from another (§4.5)."""
        return not self.via or self.via[-1] == self.source


@_many
class Claim:
    id: str
    text: str
    pos: Pos
    subject: str | None = None
    predicate: str | None = None
    object: object = None
    period: Period = UNBOUNDED
    tags: tuple[str, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    #: entity ids whose interest the claim serves / hurts, if it is true (§4.5)
    favours: tuple[str, ...] = ()
    harms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str  # exclusive | implies | equivalent
    severity: int
    pos: Pos
    claims: tuple[str, ...] = ()  # exclusive, equivalent
    if_: str | None = None  # implies
    then: tuple[str, ...] = ()  # implies
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Rating:
    """The verdict a resolution gives one claim (`ratings`, spec §3)."""

    claim: str
    rating: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class Resolution:
    conflict: str
    status: str  # acknowledged | resolved
    pos: Pos
    verdict: str | None = None
    note: str | None = None
    by: str | None = None
    date: DateSpan | None = None
    #: the verdict on each claim, in the order given
    ratings: tuple[Rating, ...] = ()


@dataclass(slots=True)
class Corpus:
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    predicates: dict[str, Predicate] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    resolutions: list[Resolution] = field(default_factory=list)
    #: assertions that take no part, for their own errors or their claim's, as far as
    #: they could be read: the lint rules still check what they name (a source in its own
    #: via), so that one run reports everything, not one layer of errors at a time
    unusable_assertions: list[Assertion] = field(default_factory=list)
    #: source and entity ids named where the model keeps no record of them (a claim or
    #: field with errors): they are used, whatever else is wrong there
    mentioned: set[str] = field(default_factory=set)
    #: the claims that hold a withdrawn assertion: all a view of the corpus as of now
    #: needs to look at (`engine.asof`)
    with_withdrawals: set[str] = field(default_factory=set)

    def assertions(self):
        for claim in self.claims.values():
            yield from claim.assertions
