"""The weighed leaning: independence, self-interest, grades, and what would flip it."""

from __future__ import annotations

import pytest

from claimcheck.analysis import analyze
from claimcheck.assess import DEFAULT_WEIGHTS, WeightsError, assess, weights_from

from helpers import write_corpus


def _conflict(root, text, cid):
    write_corpus(root, text)
    result = analyze([root])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    conflict = next(c for c in result.conflicts if c.id == cid)
    return conflict, result.corpus


def test_reliable_independent_source_beats_a_copied_majority(corpus_dir):
    conflict, corpus = _conflict(corpus_dir, """
        sources:
          - {id: wire, name: Wire agency, reliability: A}
          - {id: rumour, name: Anonymous rumour, kind: anonymous, reliability: E}
          - {id: p1, name: Paper 1, reliability: C}
          - {id: p2, name: Paper 2, reliability: C}
          - {id: p3, name: Paper 3, reliability: C}
        claims:
          - id: coup
            text: A coup is under way
            assertions:
              - {source: p1, stance: affirms, via: [rumour]}
              - {source: p2, stance: affirms, via: [p1, rumour]}
              - {source: p3, stance: affirms, via: [rumour]}
              - {source: wire, stance: denies, credibility: 3}
    """, "contradiction:coup")
    result = assess(conflict, corpus)
    # three papers, one origin (the rumour, E): 0.2 × 0.5; the wire: 1.0 × 0.6
    assert result.origins["supports"] == ["rumour"]
    assert result.scores["supports"] == pytest.approx(0.1)
    assert result.scores["opposes"] == pytest.approx(0.6)
    assert result.leaning == "opposes"
    assert result.explanation.startswith("Leans to 'opposes'")
    assert "1 independent origin" in result.explanation
    # regrading the rumour to A, or the wire to E, would leave no clear leaning (a tie
    # of four grades each: the first source id wins)
    assert result.sensitivity == {"source": "rumour", "from": "E", "to": "A", "leaning_then": None}


def test_self_interested_denial_is_discounted(corpus_dir):
    conflict, corpus = _conflict(corpus_dir, """
        sources:
          - {id: paper, name: Paper, reliability: B}
          - {id: gov, name: Government, kind: government, reliability: B, represents: [state]}
        entities:
          - {id: state, name: The State}
        claims:
          - id: talks
            text: The State negotiates
            subject: state
            assertions:
              - {source: paper, stance: affirms}
              - {source: gov, stance: denies}
    """, "contradiction:talks")
    result = assess(conflict, corpus)
    assert result.scores == {"supports": pytest.approx(0.4), "opposes": pytest.approx(0.2)}
    assert result.leaning == "supports" and result.margin == pytest.approx(0.2)
    assert "Self-interested, so discounted: gov" in result.explanation


def test_even_sides_have_no_leaning_and_value_conflicts_lean_to_a_value(corpus_dir):
    conflict, corpus = _conflict(corpus_dir, """
        sources:
          - {id: a, name: A, reliability: B}
          - {id: b, name: B, reliability: B}
          - {id: c, name: C, reliability: B}
        claims:
          - id: even
            text: even
            assertions:
              - {source: a, stance: affirms}
              - {source: b, stance: denies}
          - id: population
            text: population of a town
            assertions:
              - {source: a, stance: affirms, value: 1000}
              - {source: b, stance: affirms, value: 1000}
              - {source: c, stance: affirms, value: 5000, credibility: 5}
    """, "contradiction:even")
    result = assess(conflict, corpus)
    assert result.leaning is None and result.explanation.startswith("No clear leaning")
    population = next(c for c in analyze([corpus_dir]).conflicts if c.id == "value:population")
    assert assess(population, corpus).leaning == "1000"


def test_weights_are_overridable_and_checked():
    weights = weights_from({"reliability": {"F": 0.1}, "clear_ratio": 2})
    assert weights["reliability"]["F"] == 0.1 and weights["clear_ratio"] == 2.0
    assert DEFAULT_WEIGHTS["reliability"]["F"] == 0.5  # defaults untouched
    for bad in ({"reliabilty": {}}, {"reliability": {"G": 1}}, {"self_interest": -1}, {"chain": 3},
                {"clear_ratio": float("nan")}, {"clear_ratio": 0.5}, {"reliability": {"A": float("inf")}},
                {"chain": {"error": float("inf")}}):
        with pytest.raises(WeightsError):
            weights_from(bad)


def test_leaning_is_the_heaviest_side_then_the_first_label():
    """`leaning_of` reads the two heaviest sides in one pass; the definition sorts."""
    import random

    from claimcheck.assess import leaning_of

    def by_sorting(scores, clear_ratio):
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        top_label, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        margin = top - second
        if top > 0 and top >= clear_ratio * second and margin > 0:
            return top_label, margin
        return None, margin

    rng = random.Random(3)
    for _ in range(5000):
        labels = rng.sample("abcdefgh", rng.randint(1, 6))
        scores = {label: rng.choice([0.0, 0.5, 1.0, 1.5, 2.0, rng.uniform(0, 3)]) for label in labels}
        ratio = rng.choice([1.0, 1.5, 2.0])
        assert leaning_of(scores, ratio) == by_sorting(scores, ratio), scores


def _sensitivity_by_weighing_everything(corpus, weights, scores, best, leaning):
    """What `_sensitivity` computes, the plain way: every side weighed again for every
    re-grading of every origin."""
    from claimcheck.assess import leaning_of

    candidates = []
    for source_id in sorted({o for by_origin in best.values() for o in by_origin}):
        source = corpus.sources.get(source_id)
        current = source.reliability if source else "F"
        for target in ("A", "E"):
            if target == current or not weights["reliability"][current]:
                continue
            ratio = weights["reliability"][target] / weights["reliability"][current]
            then_scores = {label: score + best[label].get(source_id, 0.0) * (ratio - 1) for label, score in scores.items()}
            then, _ = leaning_of(then_scores, weights["clear_ratio"])
            if then != leaning:
                distance = abs("ABCDE".index(target) - "ABCDE".index(current)) if current in "ABCDE" else 3
                candidates.append((distance, source_id, current, target, then))
    if not candidates:
        return None
    _, source_id, current, target, then = min(candidates)
    return {"source": source_id, "from": current, "to": target, "leaning_then": then}


def test_what_would_flip_the_leaning_weighs_only_the_sides_that_can_change():
    """`_sensitivity` weighs again only the sides an origin is on and the two heaviest
    others; on many generated conflicts it names what weighing every side would."""
    import random

    from hypothesis import given, settings, strategies as st

    from claimcheck.assess import _sensitivity, leaning_of
    from claimcheck.model import Corpus, Pos, Source

    @settings(max_examples=400, deadline=None)
    @given(st.integers(0, 2**32 - 1))
    def check(seed):
        rng = random.Random(seed)
        corpus = Corpus()
        origins = [f"s{i}" for i in range(rng.randint(1, 8))]
        for origin in origins:
            if rng.random() < 0.9:  # some origins are not declared sources: F
                corpus.sources[origin] = Source(origin, origin, Pos("f", 1, 1), reliability=rng.choice("ABCDEF"))
        best = {}
        for label in [f"v{i}" for i in range(rng.randint(2, 7))]:
            chosen = rng.sample(origins, rng.randint(0, len(origins)))
            best[label] = {o: rng.choice((0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 1.0)) for o in chosen}
        scores = {label: sum(by.values()) for label, by in best.items()}
        leaning, _ = leaning_of(scores, DEFAULT_WEIGHTS["clear_ratio"])
        expected = _sensitivity_by_weighing_everything(corpus, DEFAULT_WEIGHTS, scores, best, leaning)
        assert _sensitivity(corpus, DEFAULT_WEIGHTS, scores, best, leaning) == expected

    check()


# --- format 2: the direction of interest, agreeing values, withdrawn assertions ---------

_PARTIES = """
    sources:
      - {id: ministry, name: Ministry, kind: government, reliability: C, represents: [state]}
      - {id: paper, name: Paper, kind: newspaper, reliability: C}
    entities:
      - {id: state, name: The State}
      - {id: hospital, name: The hospital, kind: place}
"""


def test_against_interest_is_weighed_up_and_self_serving_discounted(corpus_dir):
    conflict, corpus = _conflict(corpus_dir, _PARTIES + """
    claims:
      - id: state-strike
        text: The State's strike hit the hospital
        subject: hospital
        harms: [state]
        assertions:
          - {source: ministry, stance: affirms}
          - {source: paper, stance: denies}
      - id: state-cleared
        text: The State had no part in it
        subject: hospital
        favours: [state]
        assertions:
          - {source: ministry, stance: affirms}
          - {source: paper, stance: denies}
    """, "contradiction:state-strike")
    (admits,) = conflict.sides[0].entries
    assert (admits.interest, admits.self_interested) == ("against-interest", False)
    result = assess(conflict, corpus)
    # C (0.6) × 6 (0.5) × against interest (1.5) against the paper's 0.6 × 0.5
    assert result.scores == {"supports": pytest.approx(0.45), "opposes": pytest.approx(0.3)}
    assert "Against their own side's interest, so weighed up: ministry." in result.explanation
    assert "Self-interested" not in result.explanation

    write_corpus(corpus_dir, _PARTIES + """
    claims:
      - id: state-cleared
        text: The State had no part in it
        subject: hospital
        favours: [state]
        assertions:
          - {source: ministry, stance: affirms}
          - {source: paper, stance: denies}
    """)
    result = analyze([corpus_dir])
    (serving,) = result.conflicts[0].sides[0].entries
    assert (serving.interest, serving.self_interested) == ("self-serving", True)
    assessed = result.assessments["contradiction:state-cleared"]
    assert assessed.scores == {"supports": pytest.approx(0.15), "opposes": pytest.approx(0.3)}
    assert "Self-interested, so discounted: ministry." in assessed.explanation


def test_denying_a_claim_that_harms_ones_party_is_self_serving(corpus_dir):
    conflict, _ = _conflict(corpus_dir, _PARTIES + """
    claims:
      - id: state-strike
        text: The State's strike hit the hospital
        harms: [state]
        assertions:
          - {source: paper, stance: affirms}
          - {source: ministry, stance: doubts}
    """, "contradiction:state-strike")
    (denial,) = conflict.sides[1].entries
    assert (denial.interest, denial.self_interested) == ("self-serving", True)


def test_a_party_named_neither_way_keeps_the_undirected_reading(corpus_dir):
    conflict, _ = _conflict(corpus_dir, _PARTIES + """
    claims:
      - id: state-talks
        text: The State negotiates
        subject: state
        assertions:
          - {source: paper, stance: affirms}
          - {source: ministry, stance: denies}
    """, "contradiction:state-talks")
    (denial,) = conflict.sides[1].entries
    assert (denial.interest, denial.self_interested) == (None, True)


def test_a_value_counts_the_origins_whose_values_agree_with_it(corpus_dir):
    # the ministry revised 500 to 471 (withdrawn), an outlet still gives 500, intelligence
    # says 100 to 300: '471' stands with the outlet's 500 (29 apart, within 30)
    conflict, corpus = _conflict(corpus_dir, """
    sources:
      - {id: ministry, name: Ministry, reliability: C}
      - {id: outlet, name: Outlet, reliability: C}
      - {id: intel, name: Intelligence, reliability: C}
    entities:
      - {id: hospital, name: The hospital}
    predicates:
      - {id: toll, single_value: true, value_type: number, tolerance: 30}
    claims:
      - id: toll
        text: The death toll
        subject: hospital
        predicate: toll
        assertions:
          - {source: ministry, stance: affirms, date: 2023-10-17, value: 500, withdrawn: 2023-10-18}
          - {source: ministry, stance: affirms, date: 2023-10-18, value: 471}
          - {source: outlet, stance: affirms, date: 2023-10-17, value: 500}
          - {source: intel, stance: affirms, date: 2023-10-18, value: {min: 100, max: 300}}
    """, "value:hospital/toll")
    assert [side.label for side in conflict.sides] == ["100..300", "471", "500"]
    assert all(e.assertion.withdrawn is None for side in conflict.sides for e in side.entries)
    result = assess(conflict, corpus)
    assert result.origins == {"100..300": ["intel"], "471": ["ministry", "outlet"], "500": ["ministry", "outlet"]}
    assert result.scores["471"] == pytest.approx(0.6)
    assert result.scores["100..300"] == pytest.approx(0.3)
    assert ("Values that agree within the tolerance of 30 count for each other: '471' also counts Outlet (500); "
            "'500' also counts Ministry (471).") in result.explanation


def test_a_withdrawn_assertion_weighs_nothing_and_counts_again_as_of_before(corpus_dir):
    write_corpus(corpus_dir, """
    sources:
      - {id: paper, name: Paper, reliability: A}
      - {id: wire, name: Wire, reliability: C}
    claims:
      - id: talks
        text: Talks were held
        assertions:
          - {source: paper, stance: affirms, date: 2025-10-12, withdrawn: 2025-10-14}
          - {source: wire, stance: affirms, date: 2025-10-12}
          - {source: wire, stance: doubts, date: 2025-10-13, via: [paper]}
    """)
    now = analyze([corpus_dir])
    assert now.assessments["contradiction:talks"].origins == {"supports": ["wire"], "opposes": ["paper"]}
    from claimcheck.dates import parse_date

    then = analyze([corpus_dir], as_of=parse_date("2025-10-13"))
    assert then.assessments["contradiction:talks"].origins == {"supports": ["paper", "wire"], "opposes": ["paper"]}
