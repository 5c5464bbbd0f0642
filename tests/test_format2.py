"""Corpus format version 2 through the command line, one boundary of issue #23 at a time.

Each case is a small YAML text in and what `claimcheck conflicts DIR --format json
[--as-of D]` must say out: the conflicts, their sides and flags, and the findings on the
new fields (code, line and column). The expectations come from the spec text
(../shared/spec/corpus-format.md §2–§4, cli.md), not from the engine.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app


SOURCES = """\
sources:
  - {id: s1, name: One}
  - {id: s2, name: Two}
  - {id: s3, name: Three}
"""


def conflicts(root: Path, text: str, *options: str) -> dict:
    """The JSON report of `claimcheck conflicts` on corpus.yaml (the three sources s1–s3
    in a file of their own)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "corpus.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    result = CliRunner().invoke(app, ["conflicts", str(root), "--format", "json", *options])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def by_id(report: dict) -> dict[str, dict]:
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert not errors, errors
    return {c["id"]: c for c in report["conflicts"]}


def sides(conflict: dict) -> dict[str, set[tuple[str, int]]]:
    """label -> {(claim, index)}"""
    return {s["label"]: {(a["claim"], a["index"]) for a in s["assertions"]} for s in conflict["sides"]}


def entry(conflict: dict, claim: str, index: int) -> dict:
    [found] = {id(a): a for s in conflict["sides"] for a in s["assertions"]
               if (a["claim"], a["index"]) == (claim, index)}.values()
    return found


# --- §4 as of a date -------------------------------------------------------------------------

WITHDRAWN_AND_LATE = """\
claims:
  - id: c
    text: C
    assertions:
      - {source: s1, stance: affirms}
      - {source: s2, stance: denies, withdrawn: 2023-10}
      - {source: s3, stance: doubts, date: 2023-11}
"""


@pytest.mark.parametrize(
    ("options", "opposing", "as_of"),
    [
        ((), {("c", 2)}, None),  # now: the withdrawn denial takes no part
        (("--as-of", "2023-10-15"), set(), "2023-10-15"),  # withdrawn: 2023-10 has happened, date: 2023-11 has not
        (("--as-of", "2023-09-30"), {("c", 1)}, "2023-09-30"),
        (("--as-of", "2023-10"), set(), "2023-10"),  # the last day of D: 2023-10-31
        (("--as-of", "2023-11-01"), {("c", 2)}, "2023-11-01"),  # date: 2023-11 starts on its first day
        (("--as-of", "2022"), {("c", 1)}, "2022"),
    ],
)
def test_a_partial_withdrawn_and_a_partial_date_against_as_of(tmp_path, options, opposing, as_of):
    report = conflicts(tmp_path, WITHDRAWN_AND_LATE, *options)
    assert report["as_of"] == as_of
    found = by_id(report)
    if not opposing:
        assert found == {}
        return
    conflict = found["contradiction:c"]
    assert sides(conflict) == {"supports": {("c", 0)}, "opposes": opposing}
    if opposing == {("c", 1)}:
        # only as of an earlier date can a withdrawn assertion stand on a side
        assert entry(conflict, "c", 1)["withdrawn"] == "2023-10"
    assert entry(conflict, "c", 0)["withdrawn"] is None


REVISED_FIGURE = """\
claims:
  - id: deaths
    text: Deaths in the strike
    assertions:
      - {source: s1, stance: affirms, value: 500, date: 2023-10-17, withdrawn: 2023-10-20}
      - {source: s1, stance: affirms, value: 471, date: 2023-10-19}
      - {source: s2, stance: affirms, value: 471}
"""


def test_a_revised_figure_is_no_conflict_now(tmp_path):
    assert by_id(conflicts(tmp_path, REVISED_FIGURE)) == {}
    assert by_id(conflicts(tmp_path, REVISED_FIGURE, "--as-of", "2023-10-20")) == {}  # withdrawn that day


def test_a_revised_figure_conflicts_as_of_a_date_before_its_withdrawal(tmp_path):
    conflict = by_id(conflicts(tmp_path, REVISED_FIGURE, "--as-of", "2023-10-19"))["value:deaths"]
    assert sides(conflict) == {"500": {("deaths", 0)}, "471": {("deaths", 1), ("deaths", 2)}}
    assert entry(conflict, "deaths", 0)["withdrawn"] == "2023-10-20"
    # s1 gave 500 and then 471 in its own voice: a self-contradiction dated apart
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is True
    conflict = by_id(conflicts(tmp_path, REVISED_FIGURE, "--as-of", "2023-10-18"))["value:deaths"]
    assert sides(conflict) == {"500": {("deaths", 0)}, "471": {("deaths", 2)}}  # 471 not yet revised
    assert conflict["self_contradicting_sources"] == []


@pytest.mark.parametrize("as_of", ["2023-13", "2023-1", "23-10", "2023-02-30", "yesterday", "2023-10-15T10:00", ""])
def test_a_malformed_as_of_is_a_usage_error(tmp_path, as_of):
    conflicts(tmp_path, WITHDRAWN_AND_LATE)
    result = CliRunner().invoke(app, ["conflicts", str(tmp_path), "--format", "json", "--as-of", as_of])
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
    assert result.stdout == ""


# --- §2, §4.3 ranges, date-times, tolerance --------------------------------------------------


def valued(values: list[str], predicate: str = "") -> str:
    """One claim whose assertions (by s1, s2, s3, s1, ...) affirm the given values."""
    assertions = "".join(f"\n      - {{source: s{i % 3 + 1}, stance: affirms, value: {v}}}"
                         for i, v in enumerate(values))
    head = f"predicates:\n  - {{id: p{predicate}}}\n" if predicate else ""
    return head + f"claims:\n  - id: c\n    text: C\n    predicate: p\n    assertions:{assertions}\n"


@pytest.mark.parametrize(
    ("values", "predicate", "conflict"),
    [
        # "{min: 100, max: 300} and 310 are 10 apart"
        (["{min: 100, max: 300}", "310"], ", tolerance: 10", False),
        (["{min: 100, max: 300}", "311"], ", tolerance: 10", True),
        (["{min: 100, max: 300}", "310"], ", value_type: number, tolerance: 9.99", True),
        # "{min: 500} and 471 are 29 apart"
        (["{min: 500}", "471"], ", tolerance: 29", False),
        (["{min: 500}", "470"], ", tolerance: 29", True),
        (["{max: 300}", "{min: 300}"], "", False),  # ranges that meet
        # date ranges: from the start of min's span to the end of max's, in days
        (["{max: 2023-10}", "2023-11-01"], ", value_type: date, tolerance: 1", False),
        (["{max: 2023-10}", "2023-11-02"], ", value_type: date, tolerance: 1", True),
        (["{min: 2023-09, max: 2023-10}", "'2023-10-31'"], "", False),
        # date-time ranges: seconds, tolerance in minutes
        (["{min: '2024-03-01T18:00', max: '2024-03-01T18:59'}", "'2024-03-01T19:00'"],
         ", value_type: datetime", True),
        (["{min: '2024-03-01T18:00', max: '2024-03-01T18:59'}", "'2024-03-01T19:00'"],
         ", value_type: datetime, tolerance: 1", False),
        (["{min: '2024-03-01T18:00', max: '2024-03-01T18:58'}", "'2024-03-01T19:00'"],
         ", value_type: datetime, tolerance: 1", True),  # 61 seconds
    ],
)
def test_range_gaps_at_the_tolerance_and_one_past_it(tmp_path, values, predicate, conflict):
    found = by_id(conflicts(tmp_path, valued(values, predicate)))
    assert ("value:c" in found) is conflict


@pytest.mark.parametrize(
    ("predicate", "conflict"),
    [
        (", value_type: datetime", True),  # 18:59:59 to 19:00:00 is 1 second: differ with tolerance 0
        (", value_type: datetime, tolerance: 0", True),
        (", value_type: datetime, tolerance: 1", False),
        ("", True),  # undeclared: both read as date-times
        (", tolerance: 1", False),
    ],
)
def test_18_59_and_19_00_with_tolerance_0_and_1(tmp_path, predicate, conflict):
    found = by_id(conflicts(tmp_path, valued(["'2024-03-01T18:59'", "2024-03-01T19:00"], predicate)))
    assert ("value:c" in found) is conflict


def test_an_offset_is_compared_in_utc(tmp_path):
    # 19:00+02:00 is 17:00Z; a YAML timestamp (with seconds) and text alike
    values = ["'2024-03-01T19:00+02:00'", "2024-03-01T17:00Z", "2024-03-01T17:00:30Z"]
    assert by_id(conflicts(tmp_path, valued(values))) == {}
    values = ["'2024-03-01T19:00+02:00'", "'2024-03-01T19:00Z'"]
    conflict = by_id(conflicts(tmp_path, valued(values)))["value:c"]
    # one side per value, each labelled as its date-time was written
    assert sides(conflict) == {"2024-03-01T19:00+02:00": {("c", 0)}, "2024-03-01T19:00Z": {("c", 1)}}


def test_canonical_side_labels_and_range_values(tmp_path):
    values = ["{min: 100, max: 300}", "{min: 500}", "{max: 90}", "{min: 100.0, max: 300}"]
    conflict = by_id(conflicts(tmp_path, valued(values)))["value:c"]
    assert set(sides(conflict)) == {"100..300", "500..", "..90"}
    assert sides(conflict)["100..300"] == {("c", 0), ("c", 3)}  # the same bounds as decimals
    assert entry(conflict, "c", 0)["value"] == {"min": 100, "max": 300}
    assert entry(conflict, "c", 1)["value"] == {"min": 500, "max": None}
    assert entry(conflict, "c", 2)["value"] == {"min": None, "max": 90}
    values = ["{max: 2023-10}", "2023-12"]
    conflict = by_id(conflicts(tmp_path, valued(values)))["value:c"]
    assert set(sides(conflict)) == {"..2023-10", "2023-12"}
    assert entry(conflict, "c", 0)["value"] == {"min": None, "max": "2023-10"}


def test_a_side_of_one_value_spelled_twice_keeps_its_label_when_assertions_are_swapped(tmp_path):
    """Reading 1 of tests/oracle.py (confirmed, README): the smallest canonical text labels
    the side, so that reordering a corpus never changes a side (`claimcheck diff`
    compares sides by label)."""
    for order in (["5", "5.0", "7"], ["5.0", "5", "7"]):
        conflict = by_id(conflicts(tmp_path, valued(order)))["value:c"]
        assert set(sides(conflict)) == {"5", "7"}, order


# --- §4.5 own voice and interest -------------------------------------------------------------


def test_a_relay_on_two_sides_is_no_self_contradiction(tmp_path):
    conflict = by_id(conflicts(tmp_path, """\
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2023-10-01}
          - {source: s1, stance: denies, via: [s2], date: 2023-10-05}
    """))["contradiction:c"]
    assert sides(conflict) == {"supports": {("c", 0)}, "opposes": {("c", 1)}}
    assert conflict["self_contradiction"] is False
    assert conflict["self_contradicting_sources"] == []
    assert conflict["reversal"] is False
    assert entry(conflict, "c", 1)["origin"] == "s2"
    assert conflict["sources"] == ["s1"]  # the sources, not their via


def test_own_voice_on_two_sides_is_a_self_contradiction_and_a_reversal(tmp_path):
    conflict = by_id(conflicts(tmp_path, """\
    claims:
      - id: c
        text: C
        assertions:
          - {source: s1, stance: affirms, date: 2023-10-01}
          - {source: s1, stance: denies, via: [s2], date: 2023-10-05}
          - {source: s1, stance: doubts, date: 2023-10}
    """))["contradiction:c"]
    assert conflict["self_contradicting_sources"] == ["s1"]
    assert conflict["reversal"] is True  # 2023-10-01 and 2023-10: dates compare as written


INTEREST = """\
sources:
  - {id: gov, name: Government, represents: [v]}
  - {id: paper, name: Paper}
entities:
  - {id: v, name: V}
  - {id: w, name: W}
claims:
  - id: favours-v
    text: Good for V
    favours: [v]
    assertions:
      - {source: gov, stance: affirms}
      - {source: gov, stance: denies}
      - {source: paper, stance: affirms}
  - id: harms-v
    text: Bad for V
    harms: [v]
    assertions:
      - {source: gov, stance: doubts}
      - {source: gov, stance: affirms}
  - id: about-v
    text: About V
    subject: v
    assertions:
      - {source: gov, stance: affirms}
      - {source: paper, stance: denies}
  - id: favours-w
    text: About V, good for W
    subject: v
    favours: [w]
    assertions:
      - {source: gov, stance: affirms}
      - {source: paper, stance: denies}
"""


@pytest.mark.parametrize(
    ("claim", "index", "interest", "self_interested"),
    [
        ("favours-v", 0, "self-serving", True),  # affirms a claim that favours its party
        ("favours-v", 1, "against-interest", False),  # denies one that favours its party
        ("favours-v", 2, None, False),  # a source that represents nobody
        ("harms-v", 0, "self-serving", True),  # doubts one that harms its party
        ("harms-v", 1, "against-interest", False),  # affirms one that harms its party
        ("about-v", 0, None, True),  # undirected: no favours or harms, its party the subject
        ("about-v", 1, None, False),
        ("favours-w", 0, None, False),  # names favours: the subject no longer counts
    ],
)
def test_against_interest_self_serving_and_undirected(tmp_path, claim, index, interest, self_interested):
    found = by_id(conflicts(tmp_path, INTEREST))
    held = entry(found[f"contradiction:{claim}"], claim, index)
    assert (held["interest"], held["self_interested"]) == (interest, self_interested)


# --- validation of the new fields --------------------------------------------------------------


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of the nth occurrence of needle in text."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def findings(tmp_path: Path, text: str, *options: str) -> list[tuple[str, str, int, int]]:
    """(code, severity, line, column) of every finding on corpus.yaml but lint rules'."""
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)
    (root / "corpus.yaml").write_text(text, encoding="utf-8")
    (root / "sources.yaml").write_text(SOURCES + "entities:\n  - {id: v, name: V}\n  - {id: w, name: W}\n",
                                       encoding="utf-8")
    result = CliRunner().invoke(app, ["conflicts", str(root), "--format", "json", *options])
    report = json.loads(result.stdout)
    return [(f["code"], f["severity"], f["line"], f["column"]) for f in report["findings"]
            if f["code"][0] in "LSRC" and Path(f["file"]).name == "corpus.yaml"]


def one_value(value: str, predicate: str = "") -> str:
    head = f"predicates:\n  - {{id: p{predicate}}}\n" if predicate else ""
    return head + ("claims:\n  - id: c\n    text: C\n    predicate: p\n    assertions:\n"
                   f"      - {{source: s1, stance: affirms, value: {value}}}\n")


@pytest.mark.parametrize(
    ("value", "predicate", "code", "needle"),
    [
        ("[100, 300]", "", "S002", "[100"),  # a list is no value (a range is a mapping)
        ("{}", "", "S016", "{}"),  # both bounds open
        ("{min: 300, max: 100}", "", "S016", "{min"),  # min after max
        ("{min: 2023-11, max: 2023-10-31}", "", "S016", "{min"),  # min's span starts after max's ends
        ("{min: '2024-03-01T19:01', max: '2024-03-01T19:00:59'}", "", "S016", "{min"),
        ("{min: 5, max: 2024-03}", "", "S016", "{min"),  # bounds of two kinds
        ("{min: '2024-03-01', max: '2024-03-01T19:00'}", "", "S016", "{min"),
        ("{min: 1, max: 2, mid: 1.5}", "", "S004", "mid"),  # a range has min and max only
        ("'2024-03-01T25:00'", ", value_type: datetime", "S014", "'2024"),  # no hour 25
        ("'2024-02-30T10:00'", ", value_type: datetime", "S014", "'2024"),
        ("'2024-03-01T19:00+0200'", ", value_type: datetime", "S014", "'2024"),
        ("'2024-03-01'", ", value_type: datetime", "S014", "'2024"),  # a date is no date-time
        ("{min: 1, max: 2}", ", value_type: text", "S014", "{min"),  # a range fits number, date, datetime
        # a well made range whose kind is not the declared one: S014, as under `text`
        ("{min: 1, max: 2}", ", value_type: datetime", "S014", "{min"),
        ("{min: '2024-03-01T19:00', max: '2024-03-01T20:00'}", ", value_type: date", "S014", "{min"),
    ],
)
def test_malformed_ranges_and_date_times(tmp_path, value, predicate, code, needle):
    text = one_value(value, predicate)
    assert findings(tmp_path, text) == [(code, "error", *at(text, needle, text.count(needle)))]


@pytest.mark.parametrize(
    "value",
    ["{min: 100, max: 300}", "{min: 500}", "{max: 2023-10}", "{min: 2023-10-01, max: 2023-10}",
     "{min: '2024-03-01T19:00', max: 2024-03-01T19:00:59Z}", "'2024-03-01T19:00-05:00'",
     "2024-03-01T19:00:00Z", "{min: 5, max: 5}"],
)
def test_well_made_ranges_and_date_times(tmp_path, value):
    assert findings(tmp_path, one_value(value)) == []


def assertion(fields: str) -> str:
    return f"claims:\n  - id: c\n    text: C\n    assertions:\n      - {{source: s1, stance: affirms, {fields}}}\n"


@pytest.mark.parametrize(
    ("fields", "code", "needle", "nth"),
    [
        ("date: 2023-11, withdrawn: 2023-10", "S018", "2023-10", 1),  # withdrawn before its date
        ("date: 2023-11-02, withdrawn: 2023-11-01", "S018", "2023-11-01", 1),
        ("withdrawn: 2023-10-32", "S007", "2023-10-32", 1),
        ("withdrawn: '2024-03-01T19:00'", "S007", "'2024", 1),  # withdrawn is a date, not a date-time
        ("withdrawn: soon", "S007", "soon", 1),
        ("date: '2024-03-01T19:00'", "S007", "'2024", 1),
    ],
)
def test_withdrawn_findings(tmp_path, fields, code, needle, nth):
    text = assertion(fields)
    assert findings(tmp_path, text) == [(code, "error", *at(text, needle, nth))]


@pytest.mark.parametrize(
    "fields",
    ["date: 2023-10-15, withdrawn: 2023-10",  # the withdrawal's span does not end before the date's starts
     "date: 2023-10, withdrawn: 2023-10-01", "date: 2023, withdrawn: 2023-12-31", "withdrawn: '2023'"],
)
def test_withdrawn_on_or_after_its_date(tmp_path, fields):
    assert findings(tmp_path, assertion(fields)) == []


@pytest.mark.parametrize(
    ("fields", "code", "needle", "nth"),
    [
        ("favours: [v, w], harms: [w]", "S017", "w]", 2),  # an entity in both lists
        ("favours: [v], harms: [v, w]", "S017", "v, w", 1),
        ("favours: [v, x]", "R002", "x]", 1),  # unknown entity ids
        ("harms: [vv]", "R002", "vv", 1),
        ("favours: v", "S002", "v,", 1),  # a list
    ],
)
def test_favours_and_harms_findings(tmp_path, fields, code, needle, nth):
    text = f"claims:\n  - {{id: c, text: C, {fields}, assertions: [{{source: s1, stance: affirms}}]}}\n"
    assert findings(tmp_path, text) == [(code, "error", *at(text, needle, nth))]


RATED = """\
claims:
  - {id: c, text: C, assertions: [{source: s1, stance: affirms}, {source: s2, stance: denies}]}
  - {id: d, text: D, assertions: [{source: s1, stance: affirms}]}
resolutions:
  - conflict: "contradiction:c"
    status: resolved
    ratings: {%s}
"""


@pytest.mark.parametrize(
    ("ratings", "code", "severity", "needle"),
    [
        ("c: 'False', e: Likely", "R003", "error", "e: Likely"),  # an unknown claim
        ("c: 'False', d: Likely", "C002", "warning", "d: Likely"),  # a claim outside the conflict
    ],
)
def test_ratings_findings(tmp_path, ratings, code, severity, needle):
    text = RATED % ratings
    assert findings(tmp_path, text) == [(code, severity, *at(text, needle))]


def test_ratings_of_the_conflicts_claims_are_fine(tmp_path):
    assert findings(tmp_path, RATED % "c: Mostly false") == []
