"""Hypothesis strategies for small, valid corpora (spec §2–§3), to compare the engine
with the oracle.

The id alphabets are small on purpose so that subjects, predicates, rules and periods
collide and every kind of conflict of §4 turns up often. Every corpus is valid: ids are
unique slugs, references resolve, periods start no later than they end, values fit a
declared `value_type`, rules never name an unknown claim or a claim twice, and no two
resolutions name one conflict.

`corpora(version=2)` also draws what format version 2 adds, each now and then so that
most corpora stay close to version 1: `withdrawn` dates (never before the assertion's
`date`), date-times (text with and without seconds and offsets, and YAML timestamps) and
ranges (open and closed; of numbers, dates and date-times) as values and objects,
`value_type: datetime` with tolerances in minutes, one value given again in another
spelling (`5` and `5.0`), `favours`/`harms` (never one entity in both), an assertion's
source relaying on the other side what it says itself, and `ratings` in resolutions. `corpora(version=1)` draws none of it. `as_of_dates(corpus)`
draws `--as-of` dates around the corpus's `date`s and `withdrawn`s.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

import yaml
from hypothesis import strategies as st

# Shared names across sections on purpose ("c1" is a source and a claim, §2 allows it),
# and ids whose code point order differs from a natural order ("c10" < "c2", "-" < "." < "_").
SOURCE_IDS = ["s1", "s2", "s.3", "c1"]
ENTITY_IDS = ["v", "w", "x_1"]
PREDICATE_IDS = ["p", "q", "p-2"]
UNDECLARED_PREDICATE = "u"  # claims may use it; §3 "A claim may use a predicate that is not declared"
CLAIM_IDS = ["c1", "c2", "c10", "c.3", "c-4", "c_5", "a", "z9"]
RULE_IDS = ["r1", "r2", "r10", "x", "c1"]

SEVERITIES = ["error", "warning", "info"]
RATINGS = ["False", "Likely", "True", "Misleading", "Unproven"]  # text, quoted where YAML would not read text
STANCES = ["affirms", "denies", "doubts"]
VALUE_TYPES = ["text", "number", "date", "entity", "boolean"]
VALUE_TYPES_2 = VALUE_TYPES + ["datetime"]

# --- dates (§2) ------------------------------------------------------------------------

YEARS = [2019, 2020, 2021]
MONTHS = [1, 2, 6, 12]
DAYS = [1, 15, 28, 29, 31]

FULL_DATES = [
    datetime.date(year, month, day)
    for year in YEARS for month in MONTHS for day in DAYS
    if day <= calendar.monthrange(year, month)[1]
]

date_objects = st.sampled_from(FULL_DATES)
date_texts = st.one_of(
    st.sampled_from(YEARS).map(str),
    st.sampled_from([f"{y}-{m:02d}" for y in YEARS for m in MONTHS]),
    date_objects.map(datetime.date.isoformat),
)


# The strategies below that take no draw are made once (functools.cache): hypothesis
# checks each new strategy object before its first draw, which adds up per example.


@functools.cache
def dates(*, year_numbers: bool) -> st.SearchStrategy:
    """A §2 date: a YAML date, quoted YYYY/YYYY-MM/YYYY-MM-DD, or (where allowed) a year number."""
    forms = [date_objects, date_texts]
    if year_numbers:
        forms.append(st.sampled_from(YEARS))
    return st.one_of(*forms)


# Assertion dates: one day or year in several spellings, so that one source often dates
# two assertions alike in different forms (2020 and '2020', a YAML date and its text),
# which §4.5 counts as the same date (no reversal), next to dates that differ.
SAME_DAY_FORMS = [2020, "2020", datetime.date(2020, 6, 1), "2020-06-01", "2020-06"]


@functools.cache
def assertion_dates() -> st.SearchStrategy:
    return st.one_of(dates(year_numbers=True), st.sampled_from(SAME_DAY_FORMS))


def _span(value) -> tuple[datetime.date, datetime.date]:
    if isinstance(value, datetime.date):
        return value, value
    parts = [int(part) for part in str(value).split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
    day = datetime.date(*parts)
    return day, day


_PERIOD_BOUNDS = st.fixed_dictionaries({}, optional={
    "start": dates(year_numbers=True),
    "end": dates(year_numbers=True),
})


@st.composite
def periods(draw) -> dict:
    """A period with partial dates and open bounds; never a start after its end (§2:
    the start bound's first day is no later than the end bound's last day)."""
    period = draw(_PERIOD_BOUNDS)
    if "start" in period and "end" in period:
        if _span(period["start"])[0] > _span(period["end"])[1]:
            # The end's span lies wholly before the start's: swapping makes it valid.
            period["start"], period["end"] = period["end"], period["start"]
    return period


# --- values (§4.3) ---------------------------------------------------------------------

# Families of values that sit close to one another: each corpus favours one family per
# type, so that values agree and differ by a hair (tolerance, exact decimal, spans,
# case, white space, normal forms) far more often than independent draws would.
NUMBER_FAMILIES = [
    [1.0, 1.1, 1.05, 1, 0.95],  # tolerance 0.1 / 0.05: exact only in decimal
    [0.3, 0.1 + 0.2, 0.2],
    [10, 12, 12.5, 10.0, 11],
    [2020, 2020.0, 2021, 2019],  # also years, compared with dates as text
    [-0.0, 0, 1e-07, -1],
    [1e16, 10000000000000000, 10000000000000001, 1e16 + 2],  # floats would say equal
]
DATE_FAMILIES = [
    ["2020-06", datetime.date(2020, 6, 1), datetime.date(2020, 6, 30), "2020-07-01", "2020-05",
     "2020-06-15", "2020"],
    [datetime.date(2020, 12, 31), "2021", "2021-01-01", "2020-12", "2021-02", "2020-02-29"],
    ["2022-06", "2022-09", datetime.date(2022, 8, 31), "2022-08-02", "2022-07"],  # 63 days apart
]
YEAR_NUMBERS = [2020, 2021, 2022]  # dates only where the type is declared `date`
TEXT_FAMILIES = [
    ["Caracas", "caracas", " CARACAS ", "Cara cas", "Cara  cas", "cara\tcas", "CARACAS\u00a0"],
    ["café", "cafe\u0301", "CAFÉ", "Café ", "cafe"],
    ["Straße", "STRASSE", "strasse", "Strasse\u3000"],
    ["A\u00a0B", "a b", "ab", "A  B"],
    # entity ids in other case: undeclared, they compare as text, never as entities
    ["V", "X_1", "v", "x_1"],
    # text that YAML 1.1 or 1.2 would read as something else when unquoted
    ["yes", "No", "on", "1:30", "null", "true", "TRUE", "False", "1.0", "1", "1e3", "0o17", ".inf"],
    # text that looks like a date, or nearly
    ["2020", "2020-06", "2020-06-15", " 2020-06 ", "2021-02-29", "2020-6"],
]



# --- version 2: date-times and ranges (§2) ----------------------------------------------


class PlainText(str):
    """Text that the YAML writer leaves unquoted: a date-time without seconds, which
    YAML readers hand over as text (PyYAML makes a timestamp only of one with seconds;
    a `datetime` value is written as a timestamp)."""


_UTC = datetime.timezone.utc
_PLUS_2 = datetime.timezone(datetime.timedelta(hours=2))

# Ranges beside the single values they contain, touch, equal or miss by a tolerance.
NUMBER_FAMILIES_2 = [
    # {min: 100, max: 300} and 310 are 10 apart, {min: 500} and 471 are 29 apart
    [100, 300, 310, 290.5, 471, 500, 500.0, {"min": 100, "max": 300}, {"min": 500}, {"max": 300},
     {"min": 300, "max": 310}, {"min": 471, "max": 471.0}],
    [1.0, 1.1, 1.05, {"min": 1.0, "max": 1.05}, {"min": 1.1}, {"max": 0.95}],
    [10, 12, {"min": 10, "max": 12}, {"min": 10.0, "max": 12.0}, {"max": 10}],  # one value twice
]
DATE_FAMILIES_2 = [
    ["2023-10", "2023-10-31", "2023-11-01", datetime.date(2023, 10, 1), "2023", {"max": "2023-10"},
     {"min": "2023-10-01", "max": "2023-10-31"}, {"min": datetime.date(2023, 11, 1)},  # 2023-10 again
     {"min": "2023-09", "max": "2023-10-15"}, {"min": "2023", "max": "2023"}],
    ["2020-06", datetime.date(2020, 6, 30), "2020-07-01", {"min": "2020-06-01", "max": datetime.date(2020, 6, 30)},
     {"min": "2020-05", "max": "2020-06"}, {"min": "2020-07"}],
]
DATETIME_FAMILIES = [
    # 18:59 and 19:00 are one second apart; 19:00 UTC written four ways; a minute and its
    # seconds; ranges that end a second before 19:00 or span exactly its minute
    [PlainText("2024-03-01T18:59"), "2024-03-01T19:00", "2024-03-01T19:00:00", "2024-03-01T19:00:59",
     PlainText("2024-03-01T19:00Z"), "2024-03-01T21:00+02:00", "2024-03-01T14:00-05:00", "2024-03-01T19:01",
     datetime.datetime(2024, 3, 1, 19, 0, 0, tzinfo=_UTC), datetime.datetime(2024, 3, 1, 18, 59, 30),
     datetime.datetime(2024, 3, 1, 21, 0, 30, tzinfo=_PLUS_2),
     {"min": "2024-03-01T18:00", "max": "2024-03-01T18:59"},
     {"min": "2024-03-01T19:00:00", "max": "2024-03-01T19:00:59"},
     {"min": PlainText("2024-03-01T19:01Z")}, {"max": datetime.datetime(2024, 3, 1, 18, 59, 59, tzinfo=_UTC)}],
    # one moment either side of midnight, in UTC and in other offsets
    ["2024-02-29T23:30", PlainText("2024-03-01T00:30+01:00"), "2024-03-01T05:00+05:30",
     "2024-03-01T00:00:00Z", datetime.datetime(2024, 2, 29, 23, 30, 0, tzinfo=_UTC),
     "2024-02-29T22:29:59-01:00", {"min": "2024-02-29T23:00", "max": "2024-03-01T00:30+01:00"},
     {"min": "2024-03-01T00:00Z"}],
]
# Text that meets date-times and ranges when compared as text (§4.3), or nearly reads as one.
TEXT_FAMILIES_2 = [
    ["2024-03-01t19:00z", "2024-03-01T19:00Z", "2024-03-01 19:00", "2024-03-01T24:00",
     "100..300", "500..", "..2023-10", "2023-10..2023-10-31"],
]


# One value spelled several ways (§4.3 Sides: "the same extent", "equal as compared"), by
# the value types whose values they all fit: an assertion often gives a value of its claim
# again in another spelling, so that one side holds several canonical texts (which one
# labels it?). No year numbers and no entity ids here: respelled, they would stop fitting
# a declared `date` or `entity`.
SPELLINGS = {
    "number": [
        [1.0, 1, {"min": 1, "max": 1.0}], [10, 10.0, {"min": 10.0, "max": 10}], [0, -0.0],
        [1e16, 10000000000000000], [500, 500.0, {"min": 500, "max": 500}], [300, 300.0],
        [471, {"min": 471, "max": 471.0}], [{"min": 10, "max": 12}, {"min": 10.0, "max": 12.0}],
        [{"min": 500}, {"min": 500.0}],
    ],
    "date": [
        ["2020-06", {"min": "2020-06-01", "max": datetime.date(2020, 6, 30)},
         {"min": datetime.date(2020, 6, 1), "max": "2020-06"}],
        [datetime.date(2020, 6, 1), "2020-06-01", {"min": "2020-06-01", "max": "2020-06-01"}],
        ["2023-10", {"min": "2023-10-01", "max": "2023-10-31"}],
        ["2021", {"min": "2021-01", "max": "2021-12-31"}, {"min": "2021", "max": "2021"}],
        [datetime.date(2020, 12, 31), "2020-12-31"], [{"max": "2023-10"}, {"max": "2023-10-31"}],
    ],
    "datetime": [
        ["2024-03-01T19:00", PlainText("2024-03-01T19:00Z"), "2024-03-01T21:00+02:00",
         "2024-03-01T14:00-05:00", {"min": "2024-03-01T19:00:00", "max": "2024-03-01T19:00:59"}],
        [datetime.datetime(2024, 3, 1, 19, 0, 0, tzinfo=_UTC), "2024-03-01T19:00:00Z",
         "2024-03-01T21:00:00+02:00", "2024-03-01T19:00:00",
         {"min": "2024-03-01T19:00:00", "max": datetime.datetime(2024, 3, 1, 19, 0, 0)}],
        ["2024-02-29T23:30", PlainText("2024-03-01T00:30+01:00"), "2024-03-01T05:00+05:30"],
        ["2024-03-01T18:59", PlainText("2024-03-01T18:59")],
    ],
    "text": [
        ["Caracas", "caracas", " CARACAS ", "CARACAS\u00a0", "Caracas\u3000"],
        ["café", "cafe\u0301", "CAFÉ", "Café "], ["Straße", "STRASSE", "strasse"],
        ["a b", "A\u00a0B", "A  B"], ["true", "TRUE"], ["100..300", " 100..300"],
    ],
}


def _spelled_alike(a, b) -> bool:
    return type(a) is type(b) and repr(a) == repr(b)


def respellings(value, value_type: str | None) -> list:
    """Other spellings of one value, fitting `value_type` (any, undeclared)."""
    return [other for kind, groups in SPELLINGS.items() if value_type in (None, kind)
            for group in groups if any(_spelled_alike(value, member) for member in group)
            for other in group if not _spelled_alike(value, other)]


def _all(families: list[list]) -> list:
    return [value for family in families for value in family]


def _fresh(value):
    """A range as a new mapping each time it is drawn (the YAML stays free of aliases)."""
    return dict(value) if isinstance(value, dict) else value


def _favouring(family: list, everything: list) -> st.SearchStrategy:
    return st.one_of(st.sampled_from(family), st.sampled_from(family),
                     st.sampled_from(everything)).map(_fresh)


@st.composite
def value_palettes(draw, version: int = 2) -> dict[str, st.SearchStrategy]:
    """The value strategies of one corpus, by type, each favouring one drawn family."""
    later = version >= 2
    number_families = NUMBER_FAMILIES + (NUMBER_FAMILIES_2 if later else [])
    date_families = DATE_FAMILIES + (DATE_FAMILIES_2 if later else [])
    text_families = TEXT_FAMILIES + (TEXT_FAMILIES_2 if later else [])
    date_family = draw(st.sampled_from(date_families))
    date_texts_and_objects = _favouring(date_family, _all(date_families))
    palette = {
        "number": _favouring(draw(st.sampled_from(number_families)), _all(number_families)),
        "date": st.one_of(date_texts_and_objects, date_texts_and_objects, st.sampled_from(YEAR_NUMBERS)),
        "inferred date": date_texts_and_objects,
        "text": _favouring(draw(st.sampled_from(text_families)), _all(text_families)),
        "boolean": st.booleans(),
    }
    if later:
        palette["datetime"] = _favouring(draw(st.sampled_from(DATETIME_FAMILIES)), _all(DATETIME_FAMILIES))
    return palette


@st.composite
def value_strategy(draw, value_type: str | None, entity_ids: list[str],
                   palette: dict[str, st.SearchStrategy]) -> st.SearchStrategy | None:
    """Values that fit a declared `value_type`; None when none can. Undeclared: any value,
    mostly of one kind drawn per claim (mixed kinds still come through)."""
    entities = st.sampled_from(entity_ids) if entity_ids else None
    if value_type == "entity":
        return entities
    if value_type is not None:
        return palette[value_type]
    forms = [palette["number"], palette["inferred date"], palette["text"], palette["boolean"]]
    if "datetime" in palette:
        forms.append(palette["datetime"])
    if entities is not None:
        forms.append(entities)
    usual = draw(st.sampled_from(forms))
    return st.one_of(usual, usual, usual, *forms)


TOLERANCES = {
    "number": [0, 0.1, 1, 2, 0.05],
    "date": [0, 1, 31, 62, 63],
    None: [0, 0.1, 1, 2, 0.05, 31, 63],
}
# version 2: the gaps of the range families, and minutes for date-times
TOLERANCES_2 = {
    "number": TOLERANCES["number"] + [10, 29],
    "date": TOLERANCES["date"],
    "datetime": [0, 1, 2, 60, 0.5],
    None: TOLERANCES[None] + [10, 29, 60],
}

# --- version 2: withdrawals (§3) and --as-of (§4) ---------------------------------------

WITHDRAWN_DATES = (
    [str(year) for year in YEARS]
    + [f"{year}-{month:02d}" for year in YEARS for month in MONTHS]
    + FULL_DATES + [date.isoformat() for date in FULL_DATES[::3]]
)


def withdrawn_dates(date) -> st.SearchStrategy:
    """A §2 date for `withdrawn`, never a year number (reading 6 of tests/oracle.py),
    never before the assertion's `date`: "one before the assertion's `date` (its span
    ends before the `date`'s starts) is an error"."""
    return _withdrawn_from(None if date is None else _span(date)[0])


@functools.cache
def _withdrawn_from(said: datetime.date | None) -> st.SearchStrategy:
    if said is None:
        return st.sampled_from(WITHDRAWN_DATES)
    return st.sampled_from([w for w in WITHDRAWN_DATES if _span(w)[1] >= said] or [str(said.year + 1)])


def as_of_dates(corpus: dict) -> st.SearchStrategy:
    """`--as-of` dates (YYYY, YYYY-MM or YYYY-MM-DD text) around the corpus's `date`s
    and `withdrawn`s: the day before one starts, its first and last day, the day after,
    as a day, its month or its year."""
    moments = [assertion[field] for claim in corpus.get("claims") or []
               for assertion in claim["assertions"] for field in ("date", "withdrawn")
               if assertion.get(field) is not None]
    if not moments:
        return st.sampled_from(["2019", "2020-06", "2021-12-31"])

    @st.composite
    def near(draw) -> str:
        first, last = _span(draw(st.sampled_from(moments)))
        one_day = datetime.timedelta(days=1)
        day = draw(st.sampled_from([first - one_day, first, last, last + one_day]))
        return draw(st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]]))

    return near()


def _subset(draw, items: list, *, min_size: int = 0, max_size: int | None = None) -> list:
    """A list of distinct items in a drawn order."""
    return draw(_subsets(tuple(items), min_size, max_size)) if items else []


@functools.cache
def _subsets(items: tuple, min_size: int, max_size: int | None) -> st.SearchStrategy:
    return st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size, unique=True)


# --- the corpus ------------------------------------------------------------------------


@st.composite
def corpora(draw, version: int = 2) -> dict:
    later = version >= 2  # draw what format version 2 adds
    tolerances = TOLERANCES_2 if later else TOLERANCES
    source_ids = _subset(draw, SOURCE_IDS, min_size=2, max_size=4)
    entity_ids = _subset(draw, ENTITY_IDS, max_size=3)
    predicate_ids = _subset(draw, PREDICATE_IDS, max_size=3)
    claim_ids = draw(st.permutations(CLAIM_IDS))[:draw(st.integers(1, 8))]

    sources = []
    for source_id in source_ids:
        source = {"id": source_id, "name": f"Source {source_id.upper()}"}
        if draw(st.booleans()):
            source["kind"] = draw(st.sampled_from(["newspaper", "government", "agency", "other"]))
        if draw(st.booleans()):
            source["reliability"] = draw(st.sampled_from("ABCDEF"))
        if entity_ids and draw(st.booleans()):
            source["represents"] = _subset(draw, entity_ids, min_size=1)
        sources.append(source)

    entities = [{"id": entity_id, "name": entity_id.upper()} for entity_id in entity_ids]

    predicates = []
    for predicate_id in predicate_ids:
        predicate = {"id": predicate_id}
        if draw(st.integers(0, 2)) > 0:
            predicate["single_value"] = draw(st.sampled_from([True, True, False]))
        value_type = draw(st.one_of(st.none(), st.sampled_from(VALUE_TYPES_2 if later else VALUE_TYPES)))
        if value_type is not None:
            predicate["value_type"] = value_type
        if value_type in tolerances and draw(st.booleans()):
            predicate["tolerance"] = draw(st.sampled_from(tolerances[value_type]))
        others = [p for p in PREDICATE_IDS + [UNDECLARED_PREDICATE] if p != predicate_id]
        if draw(st.integers(0, 2)) > 0:
            predicate["conflicts_with"] = _subset(draw, others, min_size=1, max_size=2)
        predicates.append(predicate)
    value_type_of = {p["id"]: p.get("value_type") for p in predicates}
    palette = draw(value_palettes(version))

    claims = []
    for claim_id in claim_ids:
        claim = {"id": claim_id, "text": f"Claim {claim_id}"}
        # Favour the first entity and the declared predicates so that single_value
        # groups (§4.3) and conflicts-with pairs (§4.4) form often.
        if entity_ids and draw(st.integers(0, 3)) > 0:
            claim["subject"] = draw(st.sampled_from(entity_ids + [entity_ids[0]] * 2))
        if draw(st.integers(0, 3)) > 0:
            claim["predicate"] = draw(st.sampled_from(
                PREDICATE_IDS + [UNDECLARED_PREDICATE] + predicate_ids * 2))
        fitting = draw(value_strategy(value_type_of.get(claim.get("predicate")), entity_ids, palette))
        if fitting is not None and draw(st.booleans()):
            claim["object"] = draw(fitting)
        elif (entity_ids and value_type_of.get(claim.get("predicate")) in (None, "entity")
              and draw(st.integers(0, 2)) == 0):
            # An entity as object, which a source may represent (§3: self-interest).
            claim["object"] = draw(st.sampled_from(entity_ids))
        if draw(st.integers(0, 3)) == 0:
            claim["period"] = draw(periods())
        if draw(st.integers(0, 5)) == 0:
            claim["tags"] = ["t1"]
        if later and entity_ids and draw(st.integers(0, 2)) == 0:
            # §4.5 interest: parties the claim serves or hurts, never one in both lists
            # (an empty list names none).
            parties = draw(st.permutations(entity_ids))
            favoured = draw(st.integers(0, len(parties)))
            harmed = draw(st.integers(favoured, len(parties)))
            if draw(st.integers(0, 3)) > 0 or favoured > 0:
                claim["favours"] = parties[:favoured]
            if draw(st.integers(0, 3)) > 0 or harmed > favoured:
                claim["harms"] = parties[favoured:harmed]
        assertions = []
        for _ in range(draw(st.integers(0, 5))):
            source_id = draw(st.sampled_from(source_ids))
            # Affirmations weigh double: they alone feed §4.2–§4.4.
            assertion = {"source": source_id, "stance": draw(st.sampled_from(STANCES + ["affirms"]))}
            if draw(st.booleans()):
                assertion["date"] = draw(assertion_dates())
            if draw(st.booleans()):
                assertion["period"] = draw(periods())
            if fitting is not None and draw(st.integers(0, 2)) > 0:
                assertion["value"] = draw(fitting)
            elif draw(st.integers(0, 6)) == 0:
                assertion["value"] = None  # §4.3 "left out or null": falls back to the object
            if draw(st.integers(0, 3)) == 0:
                assertion["credibility"] = draw(st.integers(1, 6))
            others = [s for s in source_ids if s != source_id]
            if draw(st.integers(0, 3)) == 0:
                assertion["via"] = _subset(draw, others, min_size=1, max_size=2)
            if later and draw(st.integers(0, 4)) == 0:
                assertion["withdrawn"] = draw(withdrawn_dates(assertion.get("date")))
            assertions.append(assertion)
        respelt = [(assertion, other) for assertion in assertions if assertion["stance"] == "affirms"
                   for other in respellings(claim.get("object") if assertion.get("value") is None
                                            else assertion["value"],
                                            value_type_of.get(claim.get("predicate")))]
        if later and respelt and draw(st.booleans()):
            # The value of an affirmation again, spelled otherwise, over the same period:
            # one side holds both (which text labels it?).
            said, other = draw(st.sampled_from(respelt))
            again = {"source": draw(st.sampled_from(source_ids)), "stance": "affirms", "value": _fresh(other)}
            if "period" in said:
                again["period"] = dict(said["period"])
            assertions.insert(draw(st.integers(0, len(assertions))), again)
        if later and assertions and draw(st.integers(0, 3)) == 0:
            # A source that says one thing itself and relays the other side (or the other
            # way round): own voice against reporting (§4.5).
            twin = draw(st.sampled_from(assertions))
            relay = {"source": twin["source"],
                     "stance": "denies" if twin["stance"] == "affirms" else "affirms"}
            others = [s for s in source_ids if s != twin["source"]]
            if "via" not in twin:
                relay["via"] = _subset(draw, others, min_size=1, max_size=2)
            if draw(st.booleans()):
                relay["date"] = draw(assertion_dates())
            assertions.append(relay)
        claim["assertions"] = assertions
        claims.append(claim)

    rules = []
    if len(claim_ids) >= 2:
        for rule_id in _subset(draw, RULE_IDS, max_size=4):
            # implies weighs double: its chains tie less often than equivalent's, so the
            # chain of rule ids (§4.5) is more often fixed.
            kind = draw(st.sampled_from(["implies", "implies", "equivalent", "exclusive"]))
            rule = {"id": rule_id, "kind": kind}
            if kind == "implies":
                members = _subset(draw, claim_ids, min_size=2, max_size=4)
                rule["if"] = members[0]
                rule["then"] = members[1] if len(members) == 2 and draw(st.booleans()) else members[1:]
            else:
                rule["claims"] = _subset(draw, claim_ids, min_size=2, max_size=4)
            if draw(st.booleans()):
                rule["severity"] = draw(st.sampled_from(SEVERITIES))
            rules.append(rule)

    # Conflict ids that might exist (§4.6), so that statuses get exercised.
    candidates = [f"contradiction:{c}" for c in claim_ids] + [f"value:{c}" for c in claim_ids]
    candidates += [f"exclusive:{r['id']}" for r in rules if r["kind"] == "exclusive"]
    for claim in claims:
        if "subject" in claim and "predicate" in claim:
            candidates.append(f"value:{claim['subject']}/{claim['predicate']}")
            candidates += [f"conflicts-with:{claim['subject']}/{min(claim['predicate'], p)}"
                           f"+{max(claim['predicate'], p)}"
                           for p in PREDICATE_IDS + [UNDECLARED_PREDICATE] if p != claim["predicate"]]
    resolutions = [
        {"conflict": conflict_id, "status": draw(st.sampled_from(["acknowledged", "resolved"]))}
        for conflict_id in _subset(draw, sorted(set(candidates)), max_size=2)
    ]
    for resolution in resolutions:
        if later and draw(st.booleans()):
            # §3 ratings: known claims, in the conflict or not (a warning only)
            resolution["ratings"] = {claim_id: draw(st.sampled_from(RATINGS))
                                     for claim_id in _subset(draw, claim_ids, min_size=1, max_size=2)}

    corpus = {"sources": sources}
    for name, items in [("entities", entities), ("predicates", predicates), ("claims", claims),
                        ("rules", rules), ("resolutions", resolutions)]:
        if items or draw(st.booleans()):
            corpus[name] = items
    return corpus


# --- YAML ------------------------------------------------------------------------------

# Plain scalars that the YAML 1.2 core schema (the engine's reader, §2) types as other
# than text, plus anything shaped like a date. PyYAML quotes only what YAML 1.1 would
# misread, which misses e.g. `1e3` and `0o17`; quoting these too keeps every text a text.
_NOT_PLAIN_TEXT = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
    r"|[0-9]{4}(-[0-9]{1,2}){0,2}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ].*"  # date-times: a reader may make timestamps of them
)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml where there: faster, same text
    pass


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    if _NOT_PLAIN_TEXT.fullmatch(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'")
    return dumper.represent_str(text)


def _represent_plain_text(dumper: yaml.SafeDumper, text: PlainText) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="")


def _represent_timestamp(dumper: yaml.SafeDumper, moment: datetime.datetime) -> yaml.Node:
    """A §2 date-time, as the oracle writes a timestamp (reading 4 of tests/oracle.py):
    `YYYY-MM-DDTHH:MM:SS`, then `Z`, `+HH:MM`/`-HH:MM` or nothing (PyYAML would put a
    space for the `T` and write `+00:00`)."""
    text = moment.replace(tzinfo=None).isoformat(timespec="seconds")
    offset = moment.utcoffset()
    if offset == datetime.timedelta(0):
        text += "Z"
    elif offset is not None:
        minutes = abs(offset) // datetime.timedelta(minutes=1)
        text += f"{'+' if offset > datetime.timedelta(0) else '-'}{minutes // 60:02d}:{minutes % 60:02d}"
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(PlainText, _represent_plain_text)
_Dumper.add_representer(datetime.datetime, _represent_timestamp)


def corpus_to_yaml(corpus: dict) -> str:
    """The corpus as one YAML file (what yaml.safe_dump writes, with the quoting above)."""
    return yaml.dump(corpus, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
