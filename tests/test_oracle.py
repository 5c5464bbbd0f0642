"""Unit tests of the brute-force oracle (tests/oracle.py), clause by clause of spec §4.

They need no engine: a small corpus in, the conflicts the spec defines out. The oracle
must be right before it can judge the engine.
"""

from __future__ import annotations

import datetime
import textwrap

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from corpus_strategies import SPELLINGS, corpora, corpus_to_yaml
from oracle import (assertion_lines, canonical_text, chain_floor, date_span, datetime_span,
                    extent, normal_text, one_value, oracle_conflicts, rule_steps, side_facts,
                    takes_part, value_kind, values_differ)

SOURCES = """
sources:
  - {id: s1, name: One}
  - {id: s2, name: Two}
  - {id: s3, name: Three}
"""


def conflicts(text: str) -> dict[str, dict]:
    """The oracle's conflicts for a corpus given as YAML (three sources s1..s3 added)."""
    corpus = yaml.safe_load(SOURCES + textwrap.dedent(text))
    return oracle_conflicts(corpus)


def sides(conflict: dict) -> dict[str, set]:
    return {label: set(keys) for label, keys in conflict["sides"].items()}


# --- §2 dates and periods ---------------------------------------------------------


def test_partial_dates_cover_their_whole_span():
    assert date_span("2025-10", bare_year_number=False) == (
        datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
    assert date_span("2024-02", bare_year_number=False)[1] == datetime.date(2024, 2, 29)
    assert date_span("2025", bare_year_number=False) == (
        datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert date_span(2025, bare_year_number=True)[0] == datetime.date(2025, 1, 1)
    assert date_span(2025, bare_year_number=False) is None  # an unquoted year is a number
    assert date_span("2025-02-30", bare_year_number=False) is None
    assert date_span("2025-13", bare_year_number=False) is None
    assert date_span(" 2025", bare_year_number=False) is None
    assert date_span(True, bare_year_number=True) is None


@pytest.mark.parametrize(
    ("affirm_period", "deny_period", "overlap"),
    [
        ("{end: 2025-10}", "{start: 2025-10-31}", True),  # an end bound is the last day
        ("{end: 2025-10}", "{start: 2025-11}", False),
        ("{start: 2025-10}", "{end: 2025-10-01}", True),  # a start bound is the first day
        ("{start: 2025-10-12, end: 2025-10-12}", "{start: 2025-10-12}", True),  # closed
        ("{start: 2025-10-13}", "{end: 2025-10-12}", False),
        ("{end: 2020}", "{start: '2020'}", True),  # a bare year number or text
        ("{end: 2020}", "{start: 2021}", False),
        ("{}", "{start: 1900, end: 1900}", True),  # {} is unbounded
        ("{start: 2030}", "{}", True),
    ],
)
def test_periods_overlap_as_closed_intervals(affirm_period, deny_period, overlap):
    found = conflicts(f"""
    claims:
      - id: c
        text: C
        assertions:
          - {{source: s1, stance: affirms, period: {affirm_period}}}
          - {{source: s2, stance: denies, period: {deny_period}}}
    """)
    assert ("contradiction:c" in found) is overlap


def test_an_assertions_period_replaces_its_claims_period_whole():
    found = conflicts("""
    claims:
      - id: c
        text: C
        period: {start: 2020, end: 2020}
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: denies, period: {start: 2021}}
          - {source: s3, stance: denies, period: {end: 2019}}
    """)
    assert "contradiction:c" not in found
    found = conflicts("""
    claims:
      - id: c
        text: C
        period: {start: 2020, end: 2020}
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: denies, period: {}}
    """)
    assert "contradiction:c" in found  # {} on the assertion: unbounded, not the claim's


def test_the_date_field_never_limits_the_period():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020-01-01}
          - {source: s2, stance: denies, date: 2024}
    """)
    assert "contradiction:c" in found


# --- §4.1 contradiction ------------------------------------------------------------


def test_contradiction_of_a_claim_affirmed_and_denied():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: denies, via: [s3]}
          - {source: s3, stance: affirms, period: {end: 2019}}
          - {source: s2, stance: denies, period: {start: 2020}}
          - {source: s1, stance: affirms, period: {start: 2019-12-31, end: 2020-01-01}}
    """)
    assert set(found) == {"contradiction:c"}
    conflict = found["contradiction:c"]
    assert conflict["kind"] == "contradiction"
    assert conflict["severity"] == "error"
    assert conflict["status"] == "open"
    assert sides(conflict) == {
        "supports": {("c", 0), ("c", 2), ("c", 4)},
        "opposes": {("c", 1), ("c", 3)},
    }
    assert conflict["claims"] == ["c"]
    assert conflict["sources"] == ["s1", "s2", "s3"]  # the sources, not their via


def test_sides_hold_only_assertions_that_overlap_the_other_side():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, period: {end: 2019}}
          - {source: s2, stance: denies, period: {start: 2020}}
          - {source: s3, stance: affirms, period: {start: 2021}}
          - {source: s1, stance: doubts, period: {end: 2018}}
    """)
    assert sides(found["contradiction:c"]) == {
        "supports": {("c", 0), ("c", 2)},
        "opposes": {("c", 1), ("c", 3)},
    }
    assert found["contradiction:c"]["sources"] == ["s1", "s2", "s3"]


def test_a_doubt_caps_the_pair_at_warning_and_the_conflict_takes_its_highest_pair():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: doubts}
    """)
    assert found["contradiction:c"]["severity"] == "warning"
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: doubts}
          - {source: s3, stance: denies}
    """)
    assert found["contradiction:c"]["severity"] == "error"


def test_denials_and_doubts_alone_or_affirmations_alone_are_no_contradiction():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: denies}
          - {source: s2, stance: doubts}
      - id: d
        text: D
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: affirms}
    """)
    assert found == {}


IMPLIES_CHAIN = """
claims:
  - id: a
    text: A
    assertions:
      - {source: s1, stance: affirms, period: {start: 2020, end: 2020}}
  - id: b
    text: B
    assertions: []
  - id: c
    text: C
    period: {start: 1990, end: 1990}
    assertions:
      - {source: s2, stance: denies, period: {start: 2020-06}}
rules:
  - {id: r1, kind: implies, if: a, then: b, severity: %s}
  - {id: r2, kind: implies, if: b, then: [c], severity: %s}
"""


def test_support_travels_along_implies_chains_with_its_own_period():
    found = conflicts(IMPLIES_CHAIN % ("error", "error"))
    conflict = found["contradiction:c"]
    # C's own period (1990) plays no part: the support keeps a's assertion's period.
    assert sides(conflict) == {"supports": {("a", 0)}, "opposes": {("c", 0)}}
    # The claim passed through in the middle (b) does not take part.
    assert conflict["claims"] == ["a", "c"]
    assert conflict["sources"] == ["s1", "s2"]


@pytest.mark.parametrize(
    ("r1", "r2", "severity"),
    [("error", "error", "error"), ("error", "warning", "warning"),
     ("info", "error", "info"), ("warning", "info", "info")],
)
def test_a_chain_caps_the_pair_at_its_lowest_rule(r1, r2, severity):
    assert conflicts(IMPLIES_CHAIN % (r1, r2))["contradiction:c"]["severity"] == severity


#: a to c three ways: directly (info), through b (warning, warning), through m (warning, info)
SEVERAL_CHAINS = """
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: b, text: B, assertions: []}
      - {id: m, text: M, assertions: []}
      - {id: c, text: C, assertions: [{source: s2, stance: denies}]}
    rules:
      - {id: r1, kind: implies, if: a, then: c, severity: info}
      - {id: r2, kind: implies, if: a, then: [b, m], severity: warning}
      - {id: r3, kind: implies, if: b, then: c, severity: warning}
      - {id: r4, kind: implies, if: m, then: c, severity: info}
    """


def test_the_best_of_several_chains_counts():
    found = conflicts(SEVERAL_CHAINS)
    assert found["contradiction:c"]["severity"] == "warning"


def test_the_cap_of_doubt_and_of_chain_combine_to_the_lowest():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: c, text: C, assertions: [{source: s2, stance: doubts}]}
    rules:
      - {id: r1, kind: equivalent, claims: [c, a], severity: info}
    """)
    assert found["contradiction:c"]["severity"] == "info"


def test_equivalent_supports_every_other_member_and_a_default_severity_is_error():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: denies}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms}]}
      - {id: c, text: C, assertions: [{source: s3, stance: denies}]}
    rules:
      - {id: r1, kind: equivalent, claims: [a, b, c]}
    """)
    assert set(found) == {"contradiction:a", "contradiction:c"}
    assert found["contradiction:a"]["severity"] == "error"
    assert found["contradiction:a"]["claims"] == ["a", "b"]


def test_direct_affirmation_has_no_chain_even_inside_a_cycle():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}, {source: s2, stance: denies}]}
      - {id: b, text: B, assertions: []}
    rules:
      - {id: r1, kind: implies, if: a, then: b, severity: info}
      - {id: r2, kind: implies, if: b, then: a, severity: info}
    """)
    assert found["contradiction:a"]["severity"] == "error"


def test_an_implies_cycle_makes_its_members_equivalent():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: []}
      - {id: b, text: B, assertions: [{source: s1, stance: affirms}]}
      - {id: c, text: C, assertions: [{source: s2, stance: denies}]}
    rules:
      - {id: r1, kind: implies, if: a, then: b, severity: warning}
      - {id: r2, kind: implies, if: b, then: c, severity: error}
      - {id: r3, kind: implies, if: c, then: a, severity: warning}
    """)
    assert set(found) == {"contradiction:c"}  # b ⇒ c directly
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: denies}]}
      - {id: b, text: B, assertions: [{source: s1, stance: affirms}]}
    rules:
      - {id: r1, kind: implies, if: a, then: b, severity: error}
      - {id: r2, kind: implies, if: b, then: a, severity: warning}
    """)
    assert found["contradiction:a"]["severity"] == "warning"


def test_support_does_not_travel_through_denials_and_opposition_does_not_travel():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: denies}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms}]}
      - {id: c, text: C, assertions: [{source: s3, stance: doubts}]}
    rules:
      - {id: r1, kind: implies, if: a, then: b}
      - {id: r2, kind: implies, if: c, then: a}
    """)
    # a's denial does not oppose b; c's doubt does not reach a.
    assert found == {}


def test_rules_point_one_way():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: denies}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms}]}
    rules:
      - {id: r1, kind: implies, if: a, then: b}
    """)
    assert found == {}


# --- §4.2 exclusive ----------------------------------------------------------------


def test_exclusive_members_affirmed_at_overlapping_times():
    found = conflicts("""
    claims:
      - id: a
        text: A
        assertions:
          - {source: s1, stance: affirms, period: {start: 2020, end: 2020}}
          - {source: s1, stance: affirms, period: {start: 2022}}
          - {source: s3, stance: denies}
      - id: b
        text: B
        assertions:
          - {source: s2, stance: affirms, period: {start: 2020-12-31, end: 2021}}
      - id: c
        text: C
        assertions:
          - {source: s3, stance: affirms, period: {end: 2019}}
    rules:
      - {id: x, kind: exclusive, claims: [a, b, c], severity: warning}
    """)
    conflict = found["exclusive:x"]
    assert conflict["kind"] == "exclusive"
    assert conflict["severity"] == "warning"  # the exclusive rule's severity
    assert sides(conflict) == {"a": {("a", 0)}, "b": {("b", 0)}}
    assert conflict["claims"] == ["a", "b"]  # c's side holds nothing
    assert conflict["sources"] == ["s1", "s2"]


def test_exclusive_without_overlap_is_no_conflict_and_denials_do_not_count():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms, period: {end: 2019}}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms, period: {start: 2020}},
                                      {source: s2, stance: denies}]}
    rules:
      - {id: x, kind: exclusive, claims: [a, b]}
    """)
    assert set(found) == {"contradiction:b"}


def test_exclusive_sides_are_filled_by_travelled_support_and_capped_by_its_chain():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: m1, text: M1, assertions: []}
      - {id: m2, text: M2, assertions: [{source: s2, stance: affirms}]}
      - {id: mid, text: Mid, assertions: []}
    rules:
      - {id: r1, kind: implies, if: a, then: mid, severity: error}
      - {id: r2, kind: implies, if: mid, then: m1, severity: warning}
      - {id: x, kind: exclusive, claims: [m1, m2]}
    """)
    conflict = found["exclusive:x"]
    assert conflict["severity"] == "warning"
    assert sides(conflict) == {"m1": {("a", 0)}, "m2": {("m2", 0)}}
    assert conflict["claims"] == ["a", "m1", "m2"]  # mid is passed through, not taking part


def test_one_assertion_on_two_sides_counts():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: b, text: B, assertions: []}
    rules:
      - {id: r1, kind: implies, if: a, then: b, severity: info}
      - {id: x, kind: exclusive, claims: [a, b]}
    """)
    conflict = found["exclusive:x"]
    assert sides(conflict) == {"a": {("a", 0)}, "b": {("a", 0)}}
    assert conflict["severity"] == "info"
    assert conflict["claims"] == ["a", "b"]
    assert conflict["sources"] == ["s1"]


def test_exclusive_severity_is_the_highest_pair():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms, period: {end: 2000}}]}
      - {id: c, text: C, assertions: [{source: s3, stance: affirms, period: {start: 2001}}]}
      - {id: d, text: D, assertions: []}
    rules:
      - {id: r1, kind: implies, if: b, then: d, severity: info}
      - {id: r2, kind: implies, if: c, then: d, severity: warning}
      - {id: x, kind: exclusive, claims: [a, d]}
    """)
    conflict = found["exclusive:x"]
    assert conflict["severity"] == "warning"
    assert sides(conflict) == {"a": {("a", 0)}, "d": {("b", 0), ("c", 0)}}


# --- §4.3 value --------------------------------------------------------------------


def test_a_claim_whose_affirmations_give_different_values():
    found = conflicts("""
    claims:
      - id: c
        text: C
        object: 5
        assertions:
          - {source: s1, stance: affirms, value: 7}
          - {source: s2, stance: affirms}
          - {source: s3, stance: affirms, value: null}
          - {source: s3, stance: doubts, value: 9}
          - {source: s1, stance: affirms, value: 7, period: {end: 1999}}
    """)
    assert set(found) == {"value:c", "contradiction:c"}
    conflict = found["value:c"]
    assert conflict["kind"] == "value" and conflict["severity"] == "error"
    # §4.3 "Sides: one per value", labelled with the value's canonical text.
    assert sides(conflict) == {"7": {("c", 0), ("c", 4)}, "5": {("c", 1), ("c", 2)}}
    assert conflict["sources"] == ["s1", "s2", "s3"]


def test_assertions_without_value_or_object_take_no_part():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, value: 7}
          - {source: s2, stance: affirms}
          - {source: s3, stance: affirms, value: 7.0}
    """)
    assert found == {}


def test_values_that_do_not_overlap_do_not_conflict():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, value: 7, period: {end: 2019-12-31}}
          - {source: s2, stance: affirms, value: 8, period: {start: 2020}}
    """)
    assert found == {}


def test_only_direct_affirmations_count_for_values():
    found = conflicts("""
    claims:
      - {id: a, text: A, object: 1, assertions: [{source: s1, stance: affirms}]}
      - {id: c, text: C, object: 2, assertions: [{source: s2, stance: affirms}]}
    rules:
      - {id: r1, kind: implies, if: a, then: c}
    """)
    assert found == {}


@pytest.mark.parametrize(
    ("a", "b", "predicate", "differ"),
    [
        # numbers, exactly in decimal from their canonical text
        (1.0, 1.1, {"tolerance": 0.1}, False),
        (1.0, 1.1, None, True),
        (1, 1.0, None, False),
        (0.1 + 0.2, 0.3, None, True),
        (0.1 + 0.2, 0.3, {"value_type": "number"}, True),
        (0.1 + 0.2, 0.3, {"value_type": "number", "tolerance": 0.1}, False),
        (10, 12, {"tolerance": 2}, False),
        (10, 12.5, {"tolerance": 2}, True),
        (-0.0, 0, None, False),
        # dates: the distance between their spans in days
        ("2022-06", "2022-09", {"tolerance": 63}, False),
        ("2022-06", "2022-09", {"tolerance": 62}, True),
        (datetime.date(2025, 10, 12), "2025-10-13", None, True),
        (datetime.date(2025, 10, 12), "2025-10-13", {"tolerance": 1}, False),
        ("2025", "2025-10-12", None, False),  # overlapping spans are 0 days apart
        ("2025-10", datetime.date(2025, 10, 31), None, False),
        ("2024-12", "2025-01-01", {"tolerance": 0.5}, True),
        ("2024-12", "2025-01-01", {"tolerance": 1}, False),
        # a bare year is a number unless the type is declared date
        (2025, "2025", None, False),  # as text: "2025" and "2025"
        (2025, datetime.date(2025, 1, 1), None, True),  # as text: "2025" and "2025-01-01"
        (2025, datetime.date(2025, 1, 1), {"value_type": "date"}, False),
        (2024, "2025-01", {"value_type": "date", "tolerance": 1}, False),
        (2024, "2025-01", {"value_type": "date"}, True),
        # declared text compares date-like and number-like text as text
        ("2025-10", "2025-10-01", {"value_type": "text"}, True),
        ("2025-10", "2025-10-01", None, False),
        ("1.0", "1", {"value_type": "text"}, True),
        # text: NFC, casefold, trim, collapse
        ("Caracas", " caracas\t", None, False),
        ("Ciudad  de\u00a0Panamá", "ciudad de panama\u0301", None, False),
        ("Straße", "STRASSE", None, False),
        ("a b", "ab", None, True),
        # canonical writing when compared as text
        (True, "TRUE", None, False),
        (1.5, "1.5", None, False),
        (1.0, "1", None, True),
        (datetime.date(2025, 1, 2), " 2025-01-02 ", None, False),
        # booleans and entities: identical or not
        (True, True, None, False),
        (True, False, None, True),
        (True, 1, None, True),
        (False, 0, None, True),
        ("maduro", "Maduro", {"value_type": "entity"}, True),
        ("maduro", "maduro", {"value_type": "entity"}, False),
        (False, False, {"value_type": "boolean"}, False),
        (False, True, {"value_type": "boolean"}, True),
        (float("inf"), float("inf"), {"value_type": "number"}, False),  # non-finite: as text
        (float("inf"), 1, {"value_type": "number", "tolerance": 1}, True),
        (float("nan"), float("nan"), None, False),
        (float("-inf"), "-inf", None, False),
    ],
)
def test_value_comparison(a, b, predicate, differ):
    assert values_differ(a, b, predicate) is differ
    assert values_differ(b, a, predicate) is differ


def test_normal_text_trims_unicode_white_space_only():
    assert normal_text("\u3000A\u2003 B\n") == "a b"
    assert normal_text("a\x1cb") == "a\x1cb"


def test_a_single_value_predicate_groups_claims_by_subject():
    found = conflicts("""
    entities:
      - {id: v, name: V}
      - {id: w, name: W}
    predicates:
      - {id: capital, single_value: true}
    claims:
      - id: c1
        text: V's capital is Caracas
        subject: v
        predicate: capital
        object: Caracas
        assertions:
          - {source: s1, stance: affirms}
          - {source: s2, stance: affirms, value: Maracaibo}
      - id: c2
        text: V's capital is caracas
        subject: v
        predicate: capital
        object: caracas
        assertions:
          - {source: s3, stance: affirms}
      - id: c3
        text: W's capital is Quito
        subject: w
        predicate: capital
        object: Quito
        assertions:
          - {source: s3, stance: affirms}
    """)
    assert set(found) == {"value:v/capital"}  # never value:c1, not across subjects
    conflict = found["value:v/capital"]
    # Caracas and caracas are one value, labelled with the smaller text (reading 1).
    assert sides(conflict) == {"Caracas": {("c1", 0), ("c2", 0)}, "Maracaibo": {("c1", 1)}}
    assert conflict["claims"] == ["c1", "c2"]


def test_without_single_value_claims_are_not_grouped():
    found = conflicts("""
    entities:
      - {id: v, name: V}
    predicates:
      - {id: capital, single_value: false}
    claims:
      - {id: c1, text: T, subject: v, predicate: capital, object: A,
         assertions: [{source: s1, stance: affirms}]}
      - {id: c2, text: T, subject: v, predicate: capital, object: B,
         assertions: [{source: s1, stance: affirms}, {source: s2, stance: affirms, value: C}]}
      - {id: c3, text: T, predicate: undeclared, object: A,
         assertions: [{source: s1, stance: affirms}, {source: s2, stance: affirms, value: B}]}
    """)
    assert set(found) == {"value:c2", "value:c3"}


def test_single_value_without_a_subject_stays_per_claim():
    found = conflicts("""
    predicates:
      - {id: capital, single_value: true, value_type: text}
    claims:
      - {id: c1, text: T, predicate: capital, object: A,
         assertions: [{source: s1, stance: affirms}, {source: s2, stance: affirms, value: B}]}
    """)
    assert set(found) == {"value:c1"}


def test_a_declared_tolerance_applies_to_inferred_numbers_and_dates_in_a_group():
    found = conflicts("""
    entities:
      - {id: v, name: V}
    predicates:
      - {id: pop, single_value: true, tolerance: 0.1}
    claims:
      - {id: c1, text: T, subject: v, predicate: pop,
         assertions: [{source: s1, stance: affirms, value: 1.0},
                      {source: s2, stance: affirms, value: 1.1}]}
      - {id: c2, text: T, subject: v, predicate: pop,
         assertions: [{source: s3, stance: affirms, value: 1.2}]}
    """)
    assert sides(found["value:v/pop"]) == {"1.0": {("c1", 0)}, "1.2": {("c2", 0)}}


# --- §4.4 conflicts-with -------------------------------------------------------------


def test_conflicts_with_one_subject_two_listed_predicates():
    found = conflicts("""
    entities:
      - {id: v, name: V}
      - {id: w, name: W}
    predicates:
      - {id: president, conflicts_with: [inmate]}
    claims:
      - {id: c1, text: T, subject: v, predicate: president,
         assertions: [{source: s1, stance: affirms, period: {start: 2020}},
                      {source: s3, stance: affirms, period: {end: 2010}}]}
      - {id: c2, text: T, subject: v, predicate: inmate,
         assertions: [{source: s2, stance: affirms, period: {start: 2025}}]}
      - {id: c3, text: T, subject: w, predicate: inmate,
         assertions: [{source: s2, stance: affirms}]}
    """)
    assert set(found) == {"conflicts-with:v/inmate+president"}  # p < q by code point
    conflict = found["conflicts-with:v/inmate+president"]
    assert conflict["kind"] == "conflicts-with" and conflict["severity"] == "error"
    assert sides(conflict) == {"president": {("c1", 0)}, "inmate": {("c2", 0)}}
    assert conflict["claims"] == ["c1", "c2"]
    assert conflict["sources"] == ["s1", "s2"]


def test_conflicts_with_needs_overlap_affirmation_and_the_same_subject():
    found = conflicts("""
    entities:
      - {id: v, name: V}
      - {id: w, name: W}
    predicates:
      - {id: b, conflicts_with: [a]}
    claims:
      - {id: c1, text: T, subject: v, predicate: a,
         assertions: [{source: s1, stance: affirms, period: {end: 2019}}, {source: s1, stance: doubts}]}
      - {id: c2, text: T, subject: v, predicate: b,
         assertions: [{source: s2, stance: affirms, period: {start: 2020}}, {source: s2, stance: denies}]}
      - {id: c3, text: T, subject: w, predicate: b,
         assertions: [{source: s2, stance: affirms}]}
      - {id: c4, text: T, predicate: a,
         assertions: [{source: s2, stance: affirms}]}
    """)
    assert set(found) == {"contradiction:c1", "contradiction:c2"}


def test_conflicts_with_listed_either_way_is_one_conflict():
    found = conflicts("""
    entities:
      - {id: v, name: V}
    predicates:
      - {id: a, conflicts_with: [b]}
      - {id: b, conflicts_with: [a]}
    claims:
      - {id: c1, text: T, subject: v, predicate: a, assertions: [{source: s1, stance: affirms}]}
      - {id: c2, text: T, subject: v, predicate: b, assertions: [{source: s2, stance: affirms}]}
      - {id: c3, text: T, subject: v, predicate: b, assertions: [{source: s3, stance: affirms}]}
    """)
    assert set(found) == {"conflicts-with:v/a+b"}
    assert sides(found["conflicts-with:v/a+b"]) == {"a": {("c1", 0)}, "b": {("c2", 0), ("c3", 0)}}


# --- statuses (§3 resolutions) and several kinds at once ------------------------------


def test_resolutions_set_status_and_resolved_wins():
    text = """
    claims:
      - {id: c, text: C, object: 1, assertions: [{source: s1, stance: affirms},
                                                  {source: s2, stance: denies},
                                                  {source: s3, stance: affirms, value: 2}]}
    resolutions:
      - {conflict: "contradiction:c", status: acknowledged}
      - {conflict: "value:c", status: resolved}
      - {conflict: "value:c", status: acknowledged}
      - {conflict: "exclusive:gone", status: resolved}
    """
    found = conflicts(text)
    assert set(found) == {"contradiction:c", "value:c"}
    assert found["contradiction:c"]["status"] == "acknowledged"
    assert found["value:c"]["status"] == "resolved"


# --- §4.5 what every conflict carries ---------------------------------------------


def test_one_source_on_two_sides_is_a_self_contradiction_and_a_reversal_when_dated_apart():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020}
          - {source: s1, stance: denies, date: '2021'}
          - {source: s2, stance: denies, date: 2019}
    """)
    conflict = found["contradiction:c"]
    assert conflict["self_contradicting_sources"] == ["s1"]  # s2 stands on one side only
    assert conflict["reversal"] is True


@pytest.mark.parametrize(
    ("first", "second", "reversal"),
    [
        ("date: 2020", "date: '2020'", False),  # one year, as a number and as text
        ("date: 2020-06-01", "date: '2020-06-01'", False),  # a YAML date and its text
        ("date: 2020-06", "date: 2020-06-01", True),  # a month is not its first day
        ("date: 2020", "note: undated", False),  # no date to differ from
        ("note: undated", "note: undated", False),
    ],
)
def test_a_reversal_needs_two_dates_that_differ(first, second, reversal):
    found = conflicts(f"""
    claims:
      - id: c
        text: C
        assertions:
          - {{source: s1, stance: affirms, {first}}}
          - {{source: s1, stance: doubts, {second}}}
    """)
    conflict = found["contradiction:c"]
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is reversal


def test_a_reversal_pairs_assertions_on_different_sides_only():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020}
          - {source: s1, stance: affirms, date: 2021}
          - {source: s1, stance: denies, date: 2020}
          - {source: s2, stance: denies, date: 2022}
          - {source: s2, stance: denies, date: 2023}
    """)
    conflict = found["contradiction:c"]
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is True  # 2021 (supports) against 2020 (opposes)
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020}
          - {source: s2, stance: denies, date: 2022}
          - {source: s2, stance: denies, date: 2023}
    """)
    assert found["contradiction:c"]["self_contradicting_sources"] == []
    assert found["contradiction:c"]["reversal"] is False  # s2's dates differ on one side


def test_one_assertion_on_two_exclusive_sides_is_a_self_contradiction_but_no_reversal():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms, date: 2020}]}
      - {id: b, text: B, assertions: []}
    rules:
      - {id: r1, kind: implies, if: a, then: b}
      - {id: x, kind: exclusive, claims: [a, b]}
    """)
    conflict = found["exclusive:x"]
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is False


def test_independent_origins_are_the_distinct_last_links_of_via():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, via: [s2, s3]}
          - {source: s2, stance: affirms, via: [s3]}
          - {source: s3, stance: affirms}
          - {source: s1, stance: denies, via: [s3, s2]}
          - {source: s2, stance: denies}
    """)
    conflict = found["contradiction:c"]
    assert conflict["independent_origins"] == {"supports": 1, "opposes": 1}
    assert conflict["assertions"][("c", 0)].origin == "s3"
    assert conflict["assertions"][("c", 3)].origin == "s2"
    assert conflict["assertions"][("c", 4)].origin == "s2"  # default: the source itself


def test_self_interest_is_about_the_claim_the_assertion_is_made_on():
    corpus = yaml.safe_load(textwrap.dedent("""
    sources:
      - {id: gov, name: Gov, represents: [v]}
      - {id: s2, name: Two}
    entities:
      - {id: v, name: V}
      - {id: w, name: W}
    claims:
      - {id: a, text: A, subject: w, object: v, assertions: [{source: gov, stance: affirms}]}
      - {id: b, text: B, subject: v, assertions: [{source: gov, stance: denies}, {source: s2, stance: affirms}]}
      - {id: c, text: C, subject: w, object: 'V', assertions: [{source: gov, stance: affirms}]}
      - {id: d, text: D, subject: v, assertions: [{source: s2, stance: denies}]}
    rules:
      - {id: r1, kind: implies, if: c, then: b}
      - {id: r2, kind: implies, if: b, then: d}
    """))
    found = oracle_conflicts(corpus)
    facts = found["contradiction:b"]["assertions"]
    assert facts[("c", 0)].self_interested is False  # c's object is the text 'V', not v
    assert facts[("b", 0)].self_interested is True  # b's subject
    facts = found["contradiction:d"]["assertions"]
    assert facts[("b", 1)].self_interested is False  # s2 represents nobody
    assert facts[("d", 0)].self_interested is False
    corpus["rules"].append({"id": "r3", "kind": "implies", "if": "a", "then": "d"})
    facts = oracle_conflicts(corpus)["contradiction:d"]["assertions"]
    assert facts[("a", 0)].self_interested is True  # a's object, though it supports d


def test_the_chain_is_the_best_one_and_ties_are_left_open():
    found = conflicts(SEVERAL_CHAINS)
    chains = found["contradiction:c"]["chains"]
    assert chains[("supports", ("a", 0))].chains == {("r2", "r3")}  # the one at warning
    assert chains[("supports", ("a", 0))].best == "warning"
    assert chains[("opposes", ("c", 0))].chains == {()}
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}]}
      - {id: b, text: B, assertions: []}
      - {id: c, text: C, assertions: [{source: s2, stance: denies}]}
    rules:
      - {id: r1, kind: equivalent, claims: [a, b, c]}
    """)
    # a -> c and a -> b -> c both at error: a tie.
    assert found["contradiction:c"]["chains"][("supports", ("a", 0))].chains == {("r1",), ("r1", "r1")}


def test_direct_affirmation_carries_the_empty_chain_even_inside_a_cycle():
    found = conflicts("""
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms}, {source: s2, stance: denies}]}
      - {id: b, text: B, assertions: []}
    rules:
      - {id: r1, kind: equivalent, claims: [a, b]}
    """)
    assert found["contradiction:a"]["chains"][("supports", ("a", 0))].chains == {()}


def test_chain_floor_follows_rule_ids_from_claim_to_claim():
    steps = rule_steps([
        {"id": "r1", "kind": "implies", "if": "a", "then": ["b", "m"], "severity": "warning"},
        {"id": "r2", "kind": "equivalent", "claims": ["b", "c"], "severity": "info"},
        {"id": "x", "kind": "exclusive", "claims": ["a", "c"]},
    ])
    assert chain_floor(["r1", "r2"], "a", "c", steps) == "info"
    assert chain_floor(["r1"], "a", "b", steps) == "warning"
    assert chain_floor(["r1", "r2"], "a", "b", steps) is None
    assert chain_floor(["r2", "r1"], "a", "c", steps) is None
    assert chain_floor(["x"], "a", "c", steps) is None  # exclusive is no step
    assert chain_floor([], "a", "a", steps) == "error"
    assert chain_floor([], "a", "b", steps) is None


def test_values_within_tolerance_that_are_not_one_value_stand_on_separate_sides():
    found = conflicts("""
    predicates:
      - {id: n, value_type: number, tolerance: 0.1}
    claims:
      - id: c
        text: C
        predicate: n
        object: 1.0
        assertions:
          - {source: s1, stance: affirms}
          - {source: s1, stance: affirms, value: 1.05}
          - {source: s2, stance: affirms, value: 1.2, period: {start: 2020}}
          - {source: s3, stance: affirms, value: 2, period: {end: 2019}}
    """)
    conflict = found["value:c"]
    # 1.0 and 1.05 agree within 0.1 but are not one value: "agreement within a
    # tolerance is not transitive", so s1 stands on two sides.
    assert sides(conflict) == {"1.0": {("c", 0)}, "1.05": {("c", 1)}, "1.2": {("c", 2)}, "2": {("c", 3)}}
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["independent_origins"] == {"1.0": 1, "1.05": 1, "1.2": 1, "2": 1}
    assert conflict["assertions"][("c", 0)].value == 1.0  # the claim's object
    assert conflict["assertions"][("c", 0)].given is None


def test_assertion_lines_are_where_each_assertion_starts():
    text = textwrap.dedent("""\
    sources:
      - {id: s1, name: One}
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms}
          -   source: s1
              stance: denies
      - {id: d, text: D, assertions: [{source: s1, stance: affirms}]}
    """)
    assert assertion_lines(text) == {("c", 0): 7, ("c", 1): 8, ("d", 0): 10}


# --- format version 2: §4 as of a date ------------------------------------------------


def conflicts_as_of(text: str, as_of: str | None) -> dict[str, dict]:
    return oracle_conflicts(yaml.safe_load(SOURCES + textwrap.dedent(text)), as_of)


WITHDRAWN_AND_LATE = """
claims:
  - id: c
    text: C
    assertions:
      - {source: s1, stance: affirms}
      - {source: s2, stance: denies, withdrawn: 2023-10}
      - {source: s3, stance: doubts, date: 2023-11}
"""


@pytest.mark.parametrize(
    ("as_of", "opposing"),
    [
        (None, {("c", 2)}),  # now: the withdrawn denial takes no part, the late doubt does
        ("2023-10-15", set()),  # withdrawn: 2023-10 has happened, date: 2023-11 has not
        ("2023-09-30", {("c", 1)}),  # not yet withdrawn, the doubt not yet made
        ("2023-09", {("c", 1)}),
        ("2023-10", set()),  # the last day of D is 2023-10-31
        ("2023-11-01", {("c", 2)}),  # date: 2023-11 starts on its first day
        ("2023", {("c", 2)}),  # the last day of 2023
        ("2022", {("c", 1)}),
    ],
)
def test_as_of_a_date_assertions_take_part_once_made_and_until_withdrawn(as_of, opposing):
    found = conflicts_as_of(WITHDRAWN_AND_LATE, as_of)
    if not opposing:
        assert found == {}
        return
    conflict = found["contradiction:c"]
    # The assertions keep their index: one that takes no part is as if it were absent.
    assert sides(conflict) == {"supports": {("c", 0)}, "opposes": opposing}
    # The doubt alone caps the pair at warning.
    assert conflict["severity"] == ("warning" if opposing == {("c", 2)} else "error")


def test_takes_part_reads_partial_dates_from_their_first_day():
    assert takes_part({"withdrawn": "2023-10"}, "2023-10-01") is False
    assert takes_part({"withdrawn": datetime.date(2023, 10, 2)}, "2023-10-01") is True
    assert takes_part({"date": 2024}, "2023-12-31") is False  # a bare year in `date`
    assert takes_part({"date": "2023-12-31", "withdrawn": "2024"}, "2023") is True
    assert takes_part({"date": "2023-12-31"}, None) is True
    assert takes_part({"date": "2099"}, None) is True  # now is not a date: nothing is late
    assert takes_part({"withdrawn": "2099"}, None) is False
    with pytest.raises(ValueError):
        takes_part({}, "2023-13")
    with pytest.raises(ValueError):
        takes_part({}, "23-10")


REVISED_FIGURE = """
claims:
  - id: deaths
    text: Deaths in the strike
    assertions:
      - {source: s1, stance: affirms, value: 500, date: 2023-10-17, withdrawn: 2023-10-20}
      - {source: s1, stance: affirms, value: 471, date: 2023-10-18}
      - {source: s2, stance: affirms, value: 471}
"""


def test_a_revised_figure_conflicts_only_as_of_a_date_before_its_withdrawal():
    assert conflicts_as_of(REVISED_FIGURE, None) == {}  # 500 is withdrawn now
    assert conflicts_as_of(REVISED_FIGURE, "2023-10-20") == {}  # withdrawn that day
    assert conflicts_as_of(REVISED_FIGURE, "2023-10-16") == {}  # 500 not yet given
    found = conflicts_as_of(REVISED_FIGURE, "2023-10-17")
    conflict = found["value:deaths"]
    assert sides(conflict) == {"500": {("deaths", 0)}, "471": {("deaths", 2)}}
    assert conflict["assertions"][("deaths", 0)].withdrawn == (
        datetime.date(2023, 10, 20), datetime.date(2023, 10, 20))
    assert conflict["self_contradicting_sources"] == []
    conflict = conflicts_as_of(REVISED_FIGURE, "2023-10-19")["value:deaths"]
    assert sides(conflict) == {"500": {("deaths", 0)}, "471": {("deaths", 1), ("deaths", 2)}}
    # s1 said 500 and then 471, in its own voice: a self-contradiction, dated apart.
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is True


def test_as_of_leaves_claims_rules_and_resolutions_as_they_are():
    text = """
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms, withdrawn: 2020}]}
      - {id: b, text: B, assertions: [{source: s2, stance: affirms, date: 2021}]}
      - {id: c, text: C, assertions: [{source: s3, stance: denies}]}
    rules:
      - {id: r1, kind: implies, if: b, then: a}
      - {id: r2, kind: implies, if: a, then: c}
    resolutions:
      - {conflict: "contradiction:c", status: resolved, date: 2030}
    """
    # b's support runs through a, whose own assertion takes no part; the resolution
    # applies whatever its date.
    conflict = conflicts_as_of(text, "2021")["contradiction:c"]
    assert sides(conflict) == {"supports": {("b", 0)}, "opposes": {("c", 0)}}
    assert conflict["claims"] == ["b", "c"]
    assert conflict["status"] == "resolved"
    assert conflicts_as_of(text, "2020") == {}  # b not yet said, a withdrawn


# --- format version 2: §2 date-times and ranges, §4.3 --------------------------------

UTC = datetime.timezone.utc


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2024-03-01T18:59", ("2024-03-01T18:59:00", "2024-03-01T18:59:59")),
        ("2024-03-01T18:59:30", ("2024-03-01T18:59:30", "2024-03-01T18:59:30")),
        ("2024-03-01T19:00+02:00", ("2024-03-01T17:00:00", "2024-03-01T17:00:59")),
        ("2024-03-01T12:00-05:30", ("2024-03-01T17:30:00", "2024-03-01T17:30:59")),
        ("2024-03-01T00:30:05+01:00", ("2024-02-29T23:30:05", "2024-02-29T23:30:05")),
        ("2024-03-01T17:00Z", ("2024-03-01T17:00:00", "2024-03-01T17:00:59")),
        ("2024-03-01T17:00", ("2024-03-01T17:00:00", "2024-03-01T17:00:59")),  # read as UTC
        # YAML timestamps (written with seconds): one second, in UTC
        (datetime.datetime(2024, 3, 1, 19, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
         ("2024-03-01T17:00:00", "2024-03-01T17:00:00")),
        (datetime.datetime(2024, 3, 1, 19, 0, 0), ("2024-03-01T19:00:00", "2024-03-01T19:00:00")),
        # not date-times
        ("2024-02-30T10:00", None), ("2024-03-01T24:00", None), ("2024-03-01T19:60", None),
        ("2024-03-01T19:00:60", None), ("2024-03-01 19:00", None), ("2024-03-01T19", None),
        ("2024-03-01t19:00", None), ("2024-03-01T19:00z", None), ("2024-03-01T19:00+0200", None),
        ("2024-03-01T19:00+24:00", None), ("2024-03-01T19:00:00.5", None), ("2024-03-01", None),
        (datetime.date(2024, 3, 1), None), (20240301, None),
    ],
)
def test_date_times_cover_their_last_unit_in_utc(value, span):
    def second(text):
        return (datetime.datetime.fromisoformat(text) - datetime.datetime(1, 1, 1)) // datetime.timedelta(seconds=1)

    expected = None if span is None else (second(span[0]), second(span[1]))
    assert datetime_span(value) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"min": 100, "max": 300}, "100..300"),
        ({"min": 500}, "500.."),
        ({"max": "2023-10"}, "..2023-10"),
        ({"min": 1.5, "max": 2.0}, "1.5..2.0"),
        ({"min": datetime.date(2020, 6, 1), "max": "2020-06-30"}, "2020-06-01..2020-06-30"),
        ({"min": "2024-03-01T18:00", "max": "2024-03-01T19:00+01:00"}, "2024-03-01T18:00..2024-03-01T19:00+01:00"),
        ("2024-03-01T19:00+02:00", "2024-03-01T19:00+02:00"),  # as written
        (datetime.datetime(2024, 3, 1, 19, 0, 0, tzinfo=UTC), "2024-03-01T19:00:00Z"),
        (datetime.datetime(2024, 3, 1, 19, 0, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=-5, minutes=-30))),
         "2024-03-01T19:00:05-05:30"),
        (datetime.datetime(2024, 3, 1, 19, 0, 0), "2024-03-01T19:00:00"),
    ],
)
def test_canonical_texts_of_ranges_and_date_times(value, text):
    assert canonical_text(value) == text
    if isinstance(value, datetime.datetime):
        # reading 4: the text a timestamp is written as reads back as that timestamp
        assert yaml.safe_load(f"v: {text}")["v"] == value
        assert corpus_to_yaml({"v": value}) == f"v: {text}\n"


@pytest.mark.parametrize(
    ("a", "b", "predicate", "differ"),
    [
        # date-times: seconds in UTC, tolerance in minutes
        ("2024-03-01T18:59", "2024-03-01T19:00", None, True),  # 1 second apart
        ("2024-03-01T18:59", "2024-03-01T19:00", {"tolerance": 1}, False),
        ("2024-03-01T18:59", "2024-03-01T19:00", {"value_type": "datetime"}, True),
        ("2024-03-01T18:59", "2024-03-01T19:00", {"value_type": "datetime", "tolerance": 0.5}, False),
        ("2024-03-01T19:00+02:00", "2024-03-01T17:00Z", None, False),
        ("2024-03-01T19:00+02:00", "2024-03-01T19:00Z", None, True),
        ("2024-03-01T19:00", "2024-03-01T19:00:30", None, False),  # within the minute
        ("2024-03-01T19:00:00", "2024-03-01T19:00:59", None, True),
        ("2024-03-01T19:00:00", "2024-03-01T19:01:00", {"tolerance": 1}, False),  # 60 s
        ("2024-03-01T19:00:00", "2024-03-01T19:01:01", {"tolerance": 1}, True),  # 61 s
        (datetime.datetime(2024, 3, 1, 17, 0, 0, tzinfo=UTC), "2024-03-01T19:00+02:00", None, False),
        (datetime.datetime(2024, 3, 1, 17, 0, 0), "2024-03-01T17:00:00Z", None, False),
        # a date and a date-time are two kinds: compared as text
        ("2024-03-01", "2024-03-01T00:00", None, True),
        ("2024-03-01t19:00z", "2024-03-01T19:00Z", None, False),  # text, case folded
        # ranges of numbers: the gap between them
        ({"min": 100, "max": 300}, 310, {"tolerance": 10}, False),
        ({"min": 100, "max": 300}, 310, {"tolerance": 9.99}, True),
        ({"min": 500}, 471, {"tolerance": 29}, False),
        ({"min": 500}, 471, {"value_type": "number", "tolerance": 28}, True),
        ({"min": 100, "max": 300}, 200, None, False),
        ({"max": 300}, {"min": 300}, None, False),  # they meet
        ({"max": 300}, {"min": 300.5}, None, True),
        ({"min": 0.1}, 0.1 + 0.2, None, False),  # an open bound reaches infinitely far
        ({"min": 5, "max": 5}, 5.0, None, False),
        # ranges of dates and date-times: their spans
        ({"max": "2023-10"}, "2023-10-31", None, False),
        ({"max": "2023-10"}, "2023-11-01", None, True),
        ({"max": "2023-10"}, "2023-11-01", {"tolerance": 1}, False),
        ({"min": "2022-06", "max": "2022-06"}, "2022-09", {"tolerance": 63}, False),
        ({"min": datetime.date(2022, 6, 1), "max": "2022-06"}, "2022-09", {"value_type": "date", "tolerance": 62}, True),
        ({"min": 2020, "max": 2020}, "2020-06", {"value_type": "date"}, False),  # reading 8
        ({"min": "2024-03-01T18:00", "max": "2024-03-01T18:59"}, "2024-03-01T19:00", None, True),
        ({"min": "2024-03-01T18:00", "max": "2024-03-01T18:59"}, "2024-03-01T19:00", {"tolerance": 1}, False),
        ({"min": "2024-03-01T18:00"}, "2024-03-02T19:00+05:00", {"value_type": "datetime"}, False),
        # a range against another kind: as text, written X..Y
        ({"min": 100, "max": 300}, "100..300", None, False),
        ({"min": 2020, "max": 2021}, "2020-06", None, True),  # numbers against a date
        ({"min": "2020", "max": "2021"}, "2020-06", None, False),  # dates
    ],
)
def test_value_comparison_of_date_times_and_ranges(a, b, predicate, differ):
    assert values_differ(a, b, predicate) is differ
    assert values_differ(b, a, predicate) is differ


def value_sides_of(values: list, predicate: str = "") -> dict[str, set]:
    """The sides of the value conflict of one claim whose assertions give `values`."""
    assertions = ", ".join(f"{{source: s{i % 3 + 1}, stance: affirms, value: {v}}}"
                           for i, v in enumerate(values))
    found = conflicts(f"""
    predicates:
      - {{id: p{predicate}}}
    claims:
      - {{id: c, text: C, predicate: p, assertions: [{assertions}]}}
    """)
    return {label: {values[index] for _claim, index in keys}
            for label, keys in found["value:c"]["sides"].items()}


@pytest.mark.parametrize(
    ("values", "predicate", "expected"),
    [
        # "numbers and ranges of numbers: the same bounds as decimals"; the smallest
        # canonical text labels the side (reading 1)
        (["5.0", "{min: 5, max: 5}", "5", "7"], "",
         {"5": {"5.0", "{min: 5, max: 5}", "5"}, "7": {"7"}}),
        # "dates ... and their ranges: the same span"
        (["2024-03", "{min: 2024-03-01, max: 2024-03-31}", "2024-04"], "",
         {"2024-03": {"2024-03", "{min: 2024-03-01, max: 2024-03-31}"}, "2024-04": {"2024-04"}}),
        # "while `19:00` and `19:00:00` are not" one value, though they agree
        (["2024-03-01T19:00", "2024-03-01T19:00:00", "2024-03-01T20:00"], "",
         {"2024-03-01T19:00": {"2024-03-01T19:00"}, "2024-03-01T19:00:00": {"2024-03-01T19:00:00"},
          "2024-03-01T20:00": {"2024-03-01T20:00"}}),
        # one instant written in two offsets is one value
        (["'2024-03-01T19:00+02:00'", "2024-03-01T17:00Z", "2024-03-01T18:00Z"], "",
         {"2024-03-01T17:00Z": {"'2024-03-01T19:00+02:00'", "2024-03-01T17:00Z"},
          "2024-03-01T18:00Z": {"2024-03-01T18:00Z"}}),
        # canonical labels of ranges
        (["{min: 100, max: 300}", "310", "{min: 500}", "{max: 90}"], "",
         {"100..300": {"{min: 100, max: 300}"}, "310": {"310"}, "500..": {"{min: 500}"},
          "..90": {"{max: 90}"}}),
        # other values stand together when equal as compared; kinds that agree as text too
        (["Caracas", "' caracas '", "Quito", "true", "'TRUE'", "false"], "",
         {" caracas ": {"Caracas", "' caracas '"}, "Quito": {"Quito"},
          "TRUE": {"true", "'TRUE'"}, "false": {"false"}}),
        # joined step by step (reading 2): '1' and '1.0' differ as texts but share a side
        (["'1'", "1", "1.0", "'1.0'", "2"], "",
         {"1": {"'1'", "1", "1.0", "'1.0'"}, "2": {"2"}}),
        # a declared text type: 5 and 5.0 are different texts
        (["'5'", "'5.0'"], ", value_type: text", {"5": {"'5'"}, "5.0": {"'5.0'"}}),
        # within tolerance but not one value: separate sides
        (["{min: 100, max: 300}", "310", "311"], ", tolerance: 10",
         {"100..300": {"{min: 100, max: 300}"}, "311": {"311"}}),
    ],
)
def test_value_sides_are_one_per_value(values, predicate, expected):
    assert value_sides_of(values, predicate) == expected


def test_undeclared_text_that_reads_as_a_date_time_compares_as_an_instant():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, value: '2024-03-01T20:00+01:00'}
          - {source: s2, stance: affirms, value: '2024-03-01T19:00Z'}
    """)
    assert found == {}


# --- format version 2: §4.5 own voice and interest -----------------------------------


def test_a_relay_on_two_sides_is_no_self_contradiction():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020}
          - {source: s1, stance: denies, via: [s2], date: 2021}
          - {source: s3, stance: denies}
    """)
    conflict = found["contradiction:c"]
    assert sides(conflict) == {"supports": {("c", 0)}, "opposes": {("c", 1), ("c", 2)}}
    assert conflict["self_contradicting_sources"] == []
    assert conflict["reversal"] is False
    assert conflict["assertions"][("c", 1)].own_voice is False
    assert conflict["assertions"][("c", 0)].own_voice is True
    assert conflict["independent_origins"] == {"supports": 1, "opposes": 2}
    # the version 1 reading counted the relayed denial too
    assert side_facts(conflict["sides"], conflict["assertions"], own_voice_only=False)[:2] == (["s1"], True)


def test_a_reversal_pairs_own_voice_assertions_only():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2020}
          - {source: s1, stance: denies, via: [s2], date: 2021}
          - {source: s1, stance: doubts}
    """)
    conflict = found["contradiction:c"]
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is False  # the own-voice doubt has no date


def test_own_voice_on_two_exclusive_sides_counts_a_relay_does_not():
    text = """
    claims:
      - {id: a, text: A, assertions: [{source: s1, stance: affirms%s}]}
      - {id: b, text: B, assertions: []}
    rules:
      - {id: r1, kind: implies, if: a, then: b}
      - {id: x, kind: exclusive, claims: [a, b]}
    """
    assert conflicts(text % "")["exclusive:x"]["self_contradicting_sources"] == ["s1"]
    assert conflicts(text % ", via: [s2]")["exclusive:x"]["self_contradicting_sources"] == []


def test_a_source_that_relays_a_differing_value_is_no_self_contradiction():
    found = conflicts("""
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, value: 5}
          - {source: s1, stance: affirms, value: 7, via: [s2, s3]}
    """)
    conflict = found["value:c"]
    assert conflict["self_contradicting_sources"] == []
    assert conflict["assertions"][("c", 1)].origin == "s3"


INTEREST = """
sources:
  - {id: gov, name: Gov, represents: [v]}
  - {id: both, name: Both, represents: [v, w]}
  - {id: other, name: Other}
entities:
  - {id: v, name: V}
  - {id: w, name: W}
claims:
  - {id: fav, text: F, favours: [v], assertions: %s}
  - {id: harm, text: H, harms: [v], assertions: %s}
  - {id: fav-w, text: FW, subject: v, favours: [w], harms: [], assertions: %s}
  - {id: plain, text: P, subject: w, object: v, favours: [], assertions: %s}
  - {id: mixed, text: M, favours: [v], harms: [w], assertions: %s}
"""


@pytest.mark.parametrize(
    ("claim", "source", "stance", "interest", "self_interested"),
    [
        ("fav", "gov", "affirms", "self-serving", True),
        ("fav", "gov", "denies", "against-interest", False),
        ("fav", "gov", "doubts", "against-interest", False),
        ("fav", "other", "affirms", None, False),
        ("harm", "gov", "affirms", "against-interest", False),
        ("harm", "gov", "denies", "self-serving", True),
        ("harm", "gov", "doubts", "self-serving", True),
        # the claim names favours: its subject v no longer makes gov self-interested (reading 9)
        ("fav-w", "gov", "affirms", None, False),
        ("fav-w", "both", "denies", "against-interest", False),
        # the claim names neither (an empty list names none): undirected
        ("plain", "gov", "affirms", None, True),
        ("plain", "gov", "denies", None, True),
        ("plain", "other", "affirms", None, False),
        # self-serving is tried first: "otherwise it is against interest"
        ("mixed", "both", "affirms", "self-serving", True),
        ("mixed", "both", "denies", "self-serving", True),
    ],
)
def test_interest_from_the_claim_and_the_parties_a_source_represents(claim, source, stance,
                                                                      interest, self_interested):
    claims = ["fav", "harm", "fav-w", "plain", "mixed"]
    mine = f"[{{source: {source}, stance: {stance}}}, {{source: other, stance: "
    mine += "denies}]" if stance == "affirms" else "affirms}]"
    corpus = yaml.safe_load(textwrap.dedent(INTEREST) % tuple(
        mine if c == claim else "[]" for c in claims))
    facts = oracle_conflicts(corpus)[f"contradiction:{claim}"]["assertions"][(claim, 0)]
    assert (facts.interest, facts.self_interested) == (interest, self_interested)


def test_interest_is_of_the_claim_made_on_not_the_one_support_reaches():
    corpus = yaml.safe_load(textwrap.dedent("""
    sources:
      - {id: gov, name: Gov, represents: [v]}
      - {id: s2, name: Two}
    entities:
      - {id: v, name: V}
    claims:
      - {id: a, text: A, assertions: [{source: gov, stance: affirms}]}
      - {id: b, text: B, favours: [v], assertions: [{source: s2, stance: denies}]}
    rules:
      - {id: r1, kind: implies, if: a, then: b}
    """))
    facts = oracle_conflicts(corpus)["contradiction:b"]["assertions"]
    assert (facts[("a", 0)].interest, facts[("a", 0)].self_interested) == (None, False)


# --- the generator ---------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_generated_corpora_round_trip_through_yaml_and_the_oracle_runs(corpus):
    text = corpus_to_yaml(corpus)
    assert yaml.safe_load(text) == corpus
    found = oracle_conflicts(corpus)
    for conflict_id, conflict in found.items():
        assert conflict["id"] == conflict_id
        assert all(conflict["sides"].values())


@pytest.mark.parametrize(("kind", "group"), [(kind, group) for kind, groups in SPELLINGS.items()
                                             for group in groups])
def test_the_generators_respellings_are_one_value(kind, group):
    for value_type in (kind, None):
        for value in group:
            if isinstance(value, dict):  # a valid range: min no later than max
                low, high = extent(value, value_kind(value, value_type), bare_year_number=False)
                assert low is None or high is None or low <= high
            assert all(one_value(value, other, value_type) for other in group), (value, value_type)
