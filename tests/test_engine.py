"""The conflict definitions of spec §4, clause by clause: a small corpus in, conflicts out."""

from __future__ import annotations

import json

import pytest

from claimcheck.analysis import analyze
from claimcheck.report.machine import render_json

from helpers import conflicts_of, side_members, write_corpus


# --- §4.1 contradiction -------------------------------------------------------------------


def test_direct_contradiction(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: talks
            text: Talks were held
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: denies}
    """)
    c = found["contradiction:talks"]
    assert (c["kind"], c["severity"], c["status"]) == ("contradiction", "error", "open")
    assert c["claims"] == ["talks"] and c["sources"] == ["a", "b"]
    assert side_members(c) == {"supports": {("talks", "a")}, "opposes": {("talks", "b")}}


def test_zero_and_minus_zero_are_one_number_but_read_differently(corpus_dir):
    """0.0 and -0.0 are one number (§4.3), but compared with text across classes they
    read as written: -0.0 agrees with the text "-0.0", 0.0 does not."""
    found = conflicts_of(corpus_dir, """
        claims:
          - id: z
            text: Zero
            assertions:
              - {source: a, stance: affirms, value: 0.0}
              - {source: b, stance: affirms, value: -0.0}
              - {source: c, stance: affirms, value: "-0.0"}
    """)
    assert side_members(found["value:z"]) == {"0.0": {("z", "a")}, "-0.0": {("z", "c")}}


def test_doubt_caps_at_warning_and_denial_wins(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: doubted
            text: x
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: doubts}
          - id: both
            text: y
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: doubts}
              - {source: c, stance: denies}
    """)
    assert found["contradiction:doubted"]["severity"] == "warning"
    assert found["contradiction:both"]["severity"] == "error"


@pytest.mark.parametrize(
    "first, second, overlap",
    [
        ("{end: 2025-10}", "{start: 2025-10-31}", True),  # a partial end covers its month
        ("{end: 2025-09}", "{start: 2025-10-01}", False),
        ("{start: 2025, end: 2025}", "{start: 2025-12-31}", True),
        ("{end: 2024}", "{start: 2025}", False),
        ("{}", "{start: 1999, end: 1999}", True),  # {} is unbounded
        ("{start: 2020-01-01, end: 2020-01-01}", "{start: 2020-01-01, end: 2020-01-01}", True),  # closed
    ],
)
def test_periods_must_overlap(corpus_dir, first, second, overlap):
    found = conflicts_of(corpus_dir, f"""
        claims:
          - id: c1
            text: x
            assertions:
              - {{source: a, stance: affirms, period: {first}}}
              - {{source: b, stance: denies, period: {second}}}
    """)
    assert ("contradiction:c1" in found) is overlap


def test_assertion_period_replaces_claim_period_whole_and_date_never_limits(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: c1
            text: x
            period: {start: 2020, end: 2021}
            assertions:
              - {source: a, stance: affirms, date: 2020-01-01}
              - {source: b, stance: denies, period: {start: 2022}}
          - id: c2
            text: y
            period: {start: 2020, end: 2021}
            assertions:
              - {source: a, stance: affirms, period: {end: 2019}}
              - {source: b, stance: denies, period: {start: 2020-06}}
          - id: c3
            text: z
            assertions:
              - {source: a, stance: affirms, date: 1990}
              - {source: b, stance: denies, date: 2025, period: {start: 2025}}
    """)
    # c1: b's own period (2022-) replaces the claim's 2020-2021 whole: no overlap
    assert "contradiction:c1" not in found
    # c2: a's own period has no start: it does not inherit the claim's start
    assert "contradiction:c2" not in found
    # c3: a's date 1990 does not limit its (unbounded) period
    assert "contradiction:c3" in found


def test_sides_hold_only_overlapping_assertions(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: c1
            text: x
            assertions:
              - {source: a, stance: affirms, period: {start: 2010, end: 2011}}
              - {source: b, stance: affirms, period: {start: 2025}}
              - {source: c, stance: denies, period: {start: 2024}}
              - {source: a, stance: denies, period: {end: 2000}}
    """)
    c = found["contradiction:c1"]
    assert side_members(c) == {"supports": {("c1", "b")}, "opposes": {("c1", "c")}}
    assert c["sources"] == ["b", "c"]


def test_support_travels_along_implies_but_opposition_does_not(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: asked-exit
            text: Maduro asked to negotiate his exit
            assertions:
              - {source: a, stance: affirms}
              - {source: c, stance: denies}
          - id: middle
            text: Middle step
            assertions: []
          - id: negotiating
            text: The government is negotiating
            assertions:
              - {source: b, stance: denies}
              - {source: c, stance: affirms}
        rules:
          - {id: r1, kind: implies, if: asked-exit, then: middle}
          - {id: r2, kind: implies, if: middle, then: [negotiating]}
    """)
    c = found["contradiction:negotiating"]
    # the middle claim is passed through and takes no part
    assert c["claims"] == ["asked-exit", "negotiating"]
    supports = {(a["claim"], a["source"]): a["chain"] for a in c["sides"][0]["assertions"]}
    assert supports == {("asked-exit", "a"): ["r1", "r2"], ("negotiating", "c"): []}
    # c denies asked-exit, but a denial never travels to `negotiating`'s supporters
    assert side_members(found["contradiction:asked-exit"]) == {
        "supports": {("asked-exit", "a")},
        "opposes": {("asked-exit", "c")},
    }


def test_travelled_support_keeps_its_own_period(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: x
            text: x
            period: {start: 2020, end: 2020}
            assertions:
              - {source: a, stance: affirms}
          - id: y
            text: y
            period: {start: 2025}
            assertions:
              - {source: b, stance: denies}
              - {source: b, stance: denies, period: {start: 2020-06, end: 2020-06}}
        rules:
          - {id: r, kind: implies, if: x, then: y}
    """)
    c = found["contradiction:y"]
    # only the denial whose period meets x's 2020 overlaps; y's own period plays no part
    assert [a["index"] for a in c["sides"][1]["assertions"]] == [1]


def test_chain_severity_is_its_weakest_rule_and_the_best_chain_counts(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - {id: x, text: x, assertions: [{source: a, stance: affirms}]}
          - {id: m, text: m, assertions: []}
          - {id: y, text: y, assertions: [{source: b, stance: denies}]}
          - {id: z, text: z, assertions: [{source: b, stance: denies}]}
        rules:
          - {id: strong-1, kind: implies, if: x, then: m}
          - {id: weak, kind: implies, if: m, then: y, severity: info}
          - {id: direct, kind: implies, if: x, then: y, severity: warning}
          - {id: to-z, kind: implies, if: x, then: z, severity: info}
    """)
    assert found["contradiction:y"]["severity"] == "warning"
    chain = found["contradiction:y"]["sides"][0]["assertions"][0]["chain"]
    assert chain == ["direct"]
    assert found["contradiction:z"]["severity"] == "info"


def test_equivalent_rules_and_cycles(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - {id: p, text: p, assertions: [{source: a, stance: affirms}]}
          - {id: q, text: q, assertions: [{source: b, stance: denies}]}
          - {id: r, text: r, assertions: [{source: c, stance: doubts}]}
          - {id: s, text: s, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
        rules:
          - {id: same, kind: equivalent, claims: [p, q, r], severity: warning}
          - {id: loop-1, kind: implies, if: s, then: p}
          - {id: loop-2, kind: implies, if: p, then: s}
    """)
    assert found["contradiction:q"]["severity"] == "warning"
    assert found["contradiction:r"]["severity"] == "warning"
    # s is affirmed directly: a direct affirmation has no chain and no cap
    s = found["contradiction:s"]
    assert s["severity"] == "error"
    assert {(a["claim"], tuple(a["chain"])) for a in s["sides"][0]["assertions"]} == {
        ("s", ()),
        ("p", ("loop-2",)),
    }


# --- §4.2 exclusive -------------------------------------------------------------------------


def test_exclusive_members_and_rule_severity(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - {id: exit, text: seeks exit, assertions: [{source: a, stance: affirms, period: {start: 2025}}]}
          - {id: stay, text: seeks to stay, assertions: [{source: b, stance: affirms, period: {start: 2025}}]}
          - {id: third, text: third, assertions: [{source: c, stance: affirms, period: {end: 1990}}]}
          - {id: later, text: later, assertions: [{source: c, stance: affirms, period: {start: 2000}}]}
        rules:
          - {id: exit-or-stay, kind: exclusive, claims: [exit, stay, third], severity: warning}
          - {id: not-both, kind: exclusive, claims: [third, later]}
    """)
    c = found["exclusive:exit-or-stay"]
    assert c["severity"] == "warning"
    # `third` does not overlap the others in time, so its side holds nothing
    assert c["claims"] == ["exit", "stay"]
    assert [s["label"] for s in c["sides"]] == ["exit", "stay"]
    assert "exclusive:not-both" not in found


def test_exclusive_one_assertion_on_two_sides_clashes_with_itself(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - {id: x, text: x, assertions: [{source: a, stance: affirms}]}
          - {id: m1, text: m1, assertions: []}
          - {id: m2, text: m2, assertions: []}
        rules:
          - {id: to-both, kind: implies, if: x, then: [m1, m2]}
          - {id: only-one, kind: exclusive, claims: [m1, m2]}
    """)
    c = found["exclusive:only-one"]
    assert c["claims"] == ["m1", "m2", "x"]
    assert side_members(c) == {"m1": {("x", "a")}, "m2": {("x", "a")}}
    assert c["self_contradiction"] is True and c["reversal"] is False


def test_exclusive_pair_severity_takes_the_chain_into_account(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - {id: x, text: x, assertions: [{source: a, stance: affirms}]}
          - {id: m1, text: m1, assertions: []}
          - {id: m2, text: m2, assertions: [{source: b, stance: affirms}]}
        rules:
          - {id: weak, kind: implies, if: x, then: m1, severity: info}
          - {id: only-one, kind: exclusive, claims: [m1, m2]}
    """)
    assert found["exclusive:only-one"]["severity"] == "info"


# --- §4.3 value --------------------------------------------------------------------------


def _value_corpus(values: list[str], predicate: str = "", extra: str = "") -> str:
    assertions = "\n".join(f"              - {{source: {'abc'[i % 3]}, stance: affirms, value: {v}}}" for i, v in enumerate(values))
    return f"""
        predicates:
          - {{id: p{predicate}}}
        claims:
          - id: c1
            text: x
            predicate: p
{extra}            assertions:
{assertions}
    """


@pytest.mark.parametrize(
    "values, predicate, differ",
    [
        (["1.0", "1.1"], ", tolerance: 0.1", False),  # exact decimal: 1.1 - 1.0 is 0.1
        (["1.0", "1.2"], ", tolerance: 0.1", True),
        (["12", "12.0"], "", False),  # numbers compare as numbers
        (["5", "'5'"], "", False),  # a number and text compare as text: "5" = "5"
        (["5.0", "'5'"], "", True),  # "5.0" is not "5"
        (["2025", "'2025'"], "", False),  # an unquoted year is a number; compared as text
        (["true", "'true'"], "", False),
        (["true", "false"], "", True),
        (["'Caracas'", "'  CARACAS '"], "", False),
        (["'Bogota\u0301'", "'Bogot\u00e1'"], "", False),  # NFC
        (["'straße'", "'STRASSE'"], "", False),  # full case folding
        (["'a  b'", "'a b'"], "", False),  # inner white space collapsed
        (['"a\\x1cb"', "'a b'"], "", True),  # U+001C is no Unicode white space
        (['"a\\u3000b"', "'a b'"], "", False),  # U+3000 is
        (["2022-06", "2022-09"], ", tolerance: 63", False),  # dates: 63 days apart
        (["2022-06", "2022-09"], ", tolerance: 62", True),
        (["2025-10-12", "2025-10-13"], "", True),
        (["2025-10-12", "2025-10-13"], ", tolerance: 1", False),
        (["2025-10", "2025-10-12"], "", False),  # overlapping spans are 0 days apart
        (["2025", "'2025-06'"], ", value_type: date", False),  # a bare year is that year
        (["1", "'1'"], ", value_type: text", None),  # 1 does not fit text: an error, not a value
        # non-finite numbers compare as text, declared number or not (no decimal to subtract)
        ([".inf", "1"], ", value_type: number, tolerance: 1", True),
        ([".inf", ".Inf"], ", value_type: number, tolerance: 1", False),
        ([".nan", ".NaN"], ", value_type: number", False),
        ([".nan", "-.inf", "2"], ", value_type: number", True),
        ([".inf", "'inf'"], "", False),
    ],
)
def test_value_comparison(corpus_dir, values, predicate, differ):
    text = _value_corpus(values, predicate)
    write_corpus(corpus_dir, text)
    write_corpus(corpus_dir, "sources: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]", "sources.yaml")
    result = analyze([corpus_dir])
    ids = {c.id for c in result.conflicts}
    if differ is None:
        assert any(f.code == "S014" for f in result.findings)
        assert not ids
    else:
        assert not [f for f in result.findings if f.severity == "error"]
        assert ("value:c1" in ids) is differ


def test_value_defaults_to_object_and_only_direct_affirmations_count(corpus_dir):
    found = conflicts_of(corpus_dir, """
        claims:
          - id: pop
            text: Caracas has 2.1 million people
            object: 2100000
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: affirms, value: 3000000}
              - {source: c, stance: denies, value: 1}
              - {source: c, stance: affirms, value: null}
    """)
    c = found["value:pop"]
    assert c["severity"] == "error"
    labels = {s["label"]: {a["index"] for a in s["assertions"]} for s in c["sides"]}
    assert labels == {"2100000": {0, 3}, "3000000": {1}}


def test_value_needs_overlap_and_entities_compare_by_id(corpus_dir):
    found = conflicts_of(corpus_dir, """
        entities:
          - {id: maduro, name: Nicolás Maduro, aliases: [Maduro]}
          - {id: nicolas-maduro, name: Maduro}
        predicates:
          - {id: leader, value_type: entity}
        claims:
          - id: population
            text: population
            assertions:
              - {source: a, stance: affirms, value: 100, period: {start: 2010, end: 2010}}
              - {source: b, stance: affirms, value: 200, period: {start: 2020, end: 2020}}
          - id: leader-of-venezuela
            text: leader
            predicate: leader
            assertions:
              - {source: a, stance: affirms, value: maduro}
              - {source: b, stance: affirms, value: nicolas-maduro}
    """)
    assert "value:population" not in found
    assert "value:leader-of-venezuela" in found


def test_single_value_groups_claims_by_subject_and_predicate(corpus_dir):
    found = conflicts_of(corpus_dir, """
        entities:
          - {id: caracas, name: Caracas}
        predicates:
          - {id: population, single_value: true, value_type: number, tolerance: 1000}
          - {id: mayor}
        claims:
          - id: pop-a
            text: Caracas has 2.1M people
            subject: caracas
            predicate: population
            object: 2100000
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: affirms, value: 2200000}
          - id: pop-b
            text: Caracas has 2.1M people too
            subject: caracas
            predicate: population
            object: 2100500
            assertions:
              - {source: c, stance: affirms}
          - id: mayor-1
            text: mayor
            subject: caracas
            predicate: mayor
            object: x
            assertions: [{source: a, stance: affirms}]
          - id: mayor-2
            text: mayor
            subject: caracas
            predicate: mayor
            object: y
            assertions: [{source: b, stance: affirms}]
    """)
    assert set(found) == {"value:caracas/population"}  # never value:pop-a; mayor is not single_value
    c = found["value:caracas/population"]
    assert c["claims"] == ["pop-a", "pop-b"]
    assert c["sources"] == ["a", "b", "c"]


# --- §4.4 conflicts-with -------------------------------------------------------------------


def test_conflicts_with(corpus_dir):
    found = conflicts_of(corpus_dir, """
        entities:
          - {id: maduro, name: Maduro}
        predicates:
          - {id: president-of, conflicts_with: [in-exile-in]}
        claims:
          - id: president
            text: Maduro is president
            subject: maduro
            predicate: president-of
            assertions:
              - {source: a, stance: affirms, period: {start: 2013}}
          - id: exile
            text: Maduro lives in exile in Cuba
            subject: maduro
            predicate: in-exile-in
            assertions:
              - {source: b, stance: affirms, period: {start: 2025-11}}
              - {source: c, stance: affirms, period: {end: 2000}}
              - {source: c, stance: denies}
    """)
    c = found["conflicts-with:maduro/in-exile-in+president-of"]  # p < q by code point
    assert (c["kind"], c["severity"]) == ("conflicts-with", "error")
    assert side_members(c) == {"in-exile-in": {("exile", "b")}, "president-of": {("president", "a")}}


# --- §4.5 details ------------------------------------------------------------------------


def test_independent_origins_self_interest_and_reversal(corpus_dir):
    found = conflicts_of(corpus_dir, """
        sources:
          - {id: a, name: A}
          - {id: b, name: B}
          - {id: c, name: C}
          - {id: gov, name: Government, kind: government, represents: [venezuela]}
          - {id: insider, name: Insider, kind: anonymous}
        entities:
          - {id: venezuela, name: Venezuela}
        claims:
          - id: talks
            text: Venezuela negotiates
            subject: venezuela
            assertions:
              - {source: a, stance: affirms, via: [insider]}
              - {source: b, stance: affirms, via: [a, insider]}
              - {source: c, stance: affirms}
              - {source: gov, stance: denies, date: 2025-10-12}
              - {source: gov, stance: affirms, date: 2025-11-02}
    """, with_sources=False)
    c = found["contradiction:talks"]
    supports, opposes = c["sides"]
    assert supports["independent_origins"] == 3  # insider (twice), c, gov
    assert opposes["independent_origins"] == 1
    assert {a["source"]: a["self_interested"] for a in supports["assertions"]}["gov"] is True
    assert c["self_contradiction"] is True and c["reversal"] is True
    assert c["self_contradicting_sources"] == ["gov"]


# --- §4.6 identity and statuses -----------------------------------------------------------


def test_resolutions_set_status_and_stale_ones_warn(corpus_dir):
    write_corpus(corpus_dir, """
        sources: [{id: a, name: A}, {id: b, name: B}]
        claims:
          - {id: c1, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
          - {id: c2, text: y, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
          - {id: c3, text: z, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
        resolutions:
          - {conflict: "contradiction:c1", status: acknowledged}
          - {conflict: "contradiction:c2", status: acknowledged}
          - {conflict: "contradiction:c2", status: resolved, verdict: false}
          - {conflict: "contradiction:gone", status: resolved}
    """)
    result = analyze([corpus_dir])
    status = {c.id: c.status for c in result.conflicts}
    assert status == {"contradiction:c1": "acknowledged", "contradiction:c2": "resolved", "contradiction:c3": "open"}
    codes = sorted((f.code, f.line) for f in result.findings)
    assert ("C001", 11) in codes  # stale
    assert ("S015", 10) in codes  # resolved twice
    assert ("S009", 10) in codes  # `verdict: false` is a boolean: quote it


def test_output_does_not_depend_on_file_order_or_names(tmp_path):
    parts = {
        "sources": "sources: [{id: a, name: A}, {id: b, name: B}]\n",
        "claims": "claims:\n  - {id: x, text: x, assertions: [{source: a, stance: affirms}]}\n"
        "  - {id: y, text: y, assertions: [{source: b, stance: denies}]}\n",
        "rules": "rules:\n  - {id: r, kind: implies, if: x, then: y}\n",
    }
    outputs = []
    for order in (["a.yaml", "b.yaml", "c.yaml"], ["c.yaml", "b.yaml", "a.yaml"]):
        root = tmp_path / "-".join(order)
        root.mkdir()
        for name, text in zip(order, parts.values()):
            (root / name).write_text(text)
        result = analyze([root])
        doc = json.loads(render_json(result, result.conflicts))
        for conflict in doc["conflicts"]:
            for side in conflict["sides"]:
                for a in side["assertions"]:
                    a.pop("file"), a.pop("line")
        outputs.append(json.dumps(doc["conflicts"]))
    assert outputs[0] == outputs[1]
    assert '"contradiction:y"' in outputs[0]


def test_scale_chain_with_cycle_and_large_exclusive_rule(corpus_dir):
    """Long chains and wide rules are linear work (an implementation that enumerated
    paths or all pairs would not finish)."""
    n = 5000
    claims = "\n".join(
        f"  - {{id: c{i}, text: c{i}, assertions: [{{source: {'a' if i % 1000 == 0 else 'b'}, stance: {'affirms' if i % 1000 == 0 else 'denies'}}}]}}"
        for i in range(n)
    )
    rules = "\n".join(f"  - {{id: r{i}, kind: implies, if: c{i}, then: c{i + 1}}}" for i in range(n - 1))
    members = ", ".join(f"c{i}" for i in range(0, n, 2))
    write_corpus(corpus_dir, f"claims:\n{claims}\nrules:\n{rules}\n  - {{id: back, kind: implies, if: c{n - 1}, then: c0}}\n"
                 f"  - {{id: wide, kind: exclusive, claims: [{members}]}}\n")
    write_corpus(corpus_dir, "sources: [{id: a, name: A}, {id: b, name: B}]", "sources.yaml")
    result = analyze([corpus_dir])
    ids = {c.id for c in result.conflicts}
    assert "contradiction:c1" in ids and "exclusive:wide" in ids
    assert len([i for i in ids if i.startswith("contradiction:")]) == n - n // 1000


def test_one_pass_by_stance_finds_the_contradiction_targets(tmp_path, monkeypatch):
    """find_conflicts takes the opposed claims from `by_stance`'s single pass: they are
    exactly what contradiction.targets defines."""
    from claimcheck.engine import contradiction
    from claimcheck.engine.support import by_stance

    from helpers import REPO

    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from generate import generate

    generate(tmp_path / "c", 300)
    for corpus in (analyze([REPO / "corpus"]).corpus, analyze([tmp_path / "c"]).corpus):
        affirming, opposed = by_stance(corpus)
        assert opposed == contradiction.targets(corpus) and opposed
        assert all(a.stance == "affirms" for found in affirming.values() for a in found)
        assert sum(map(len, affirming.values())) == sum(
            a.stance == "affirms" for claim in corpus.claims.values() for a in claim.assertions
        )


def test_value_sides_join_values_that_agree_across_types(corpus_dir):
    # 5 and '5' agree (§4.3: compared as text), so one source giving both stands on one
    # side, not two sides both labelled "5"
    found = conflicts_of(corpus_dir, """
        claims:
          - id: count
            text: count
            assertions:
              - {source: a, stance: affirms, value: 5}
              - {source: a, stance: affirms, value: '5'}
              - {source: b, stance: affirms, value: 7}
    """)
    c = found["value:count"]
    assert [s["label"] for s in c["sides"]] == ["5", "7"]
    assert side_members(c) == {"5": {("count", "a")}, "7": {("count", "b")}}
    assert c["self_contradiction"] is False


def test_an_assertion_whose_value_does_not_fit_takes_no_part(corpus_dir):
    # a stands for no value at all, least of all the claim's object (2020), which it never gave
    write_corpus(corpus_dir, """
        predicates:
          - {id: founded, value_type: date}
        claims:
          - id: c
            text: founded
            predicate: founded
            object: 2020
            assertions:
              - {source: a, stance: affirms, value: 2025-13-01}
              - {source: b, stance: affirms, value: 2021}
              - {source: c, stance: denies}
    """)
    write_corpus(corpus_dir, "sources: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]", "sources.yaml")
    result = analyze([corpus_dir])
    assert [f.code for f in result.findings if f.severity == "error"] == ["S014"]
    assert [a.source for a in result.corpus.claims["c"].assertions] == ["b", "c"]
    assert {c.id: c.sources for c in result.conflicts} == {"contradiction:c": ("b", "c")}


@pytest.mark.parametrize("flaw", ["severity: Warning", "sevirity: info", "note: 12"])
def test_a_rule_with_an_error_in_any_field_takes_no_part(corpus_dir, flaw):
    write_corpus(corpus_dir, f"""
        sources: [{{id: a, name: A}}, {{id: b, name: B}}]
        claims:
          - {{id: x, text: x, assertions: [{{source: a, stance: affirms}}]}}
          - {{id: y, text: y, assertions: [{{source: b, stance: affirms}}]}}
        rules:
          - {{id: r1, kind: exclusive, claims: [x, y], {flaw}}}
          - {{id: r2, kind: exclusive, claims: [x, y]}}
    """)
    result = analyze([corpus_dir])
    assert len([f for f in result.findings if f.severity == "error"]) == 1
    assert sorted(result.corpus.rules) == ["r2"]
    assert [c.id for c in result.conflicts] == ["exclusive:r2"]


def test_a_stale_resolution_suggests_the_conflict_it_probably_meant(corpus_dir):
    write_corpus(corpus_dir, """
        sources: [{id: a, name: A}, {id: b, name: B}]
        claims:
          - {id: talks-held, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
        resolutions:
          - {conflict: "contradiction:talks-hled", status: acknowledged}
    """)
    [stale] = [f for f in analyze([corpus_dir]).findings if f.code == "C001"]
    assert "(did you mean 'contradiction:talks-held'?)" in stale.message
