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
    for bad in ({"reliabilty": {}}, {"reliability": {"G": 1}}, {"self_interest": -1}, {"chain": 3}):
        with pytest.raises(WeightsError):
            weights_from(bad)
