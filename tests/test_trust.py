"""Learned trust: copies count once, agreement earns trust, tolerance joins values, and the
same corpus always gives the same numbers."""

from __future__ import annotations

import pytest

from claimcheck.analysis import analyze
from claimcheck.assess import Assessment
from claimcheck.trust import PRIOR_TRUST, TrustAssessment, assess_trust, learn_trust

from helpers import write_corpus


def _analyzed(root, text, name="corpus.yaml"):
    write_corpus(root, text, name)
    result = analyze([root])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    return result


def _conflict(result, cid):
    return next(c for c in result.conflicts if c.id == cid)


COPIED = """
    sources:
      - {id: origin, name: Press release}
      - {id: c1, name: Copier 1}
      - {id: c2, name: Copier 2}
      - {id: c3, name: Copier 3}
      - {id: ind1, name: Independent 1}
      - {id: ind2, name: Independent 2}
    predicates:
      - {id: population, single_value: true, value_type: number}
    entities:
      - {id: town, name: Town}
    claims:
      - id: town-population
        text: Population of Town
        subject: town
        predicate: population
        assertions:
          - {source: c1, stance: affirms, value: 5000, via: [origin]}
          - {source: c2, stance: affirms, value: 5000, via: [c1, origin]}
          - {source: c3, stance: affirms, value: 5000, via: [origin]}
          - {source: ind1, stance: affirms, value: 4200}
          - {source: ind2, stance: affirms, value: 4200}
"""


def test_two_independent_sources_beat_three_copies_of_one_origin(corpus_dir):
    result = _analyzed(corpus_dir, COPIED)
    model = learn_trust(result.corpus)
    conflict = _conflict(result, "value:town/population")
    assessed = assess_trust(conflict, result.corpus, model)
    assert assessed.leaning == assessed.value == "4200"
    assert assessed.origins == {"4200": ["ind1", "ind2"], "5000": ["origin"]}
    assert assessed.scores["4200"] > 0.9 > 0.1 > assessed.scores["5000"]
    conf = model.value_confidence("value:town/population")
    assert conf["4200"] == pytest.approx(assessed.scores["4200"])
    assert model.value_confidence("value:town/population", 4200) == conf["4200"]
    assert model.value_confidence("value:town/population", 4200.0) == conf["4200"]  # compared as numbers
    assert model.value_confidence("value:town/population", 1) == 0.0
    # the copiers repeated what lost: their trust falls with the origin's
    assert model.trust["origin"] < PRIOR_TRUST["C"] - 0.1
    assert model.trust["c1"] == pytest.approx(model.trust["origin"])
    assert model.trust["ind1"] > model.trust["origin"]


def test_without_copying_the_three_win(corpus_dir):
    result = _analyzed(corpus_dir, COPIED.replace(", via: [origin]", "").replace(", via: [c1, origin]", ""))
    model = learn_trust(result.corpus)
    assessed = assess_trust(_conflict(result, "value:town/population"), result.corpus, model)
    assert assessed.value == "5000"


def test_a_reliable_source_beats_a_copied_majority_of_an_ungraded_origin(corpus_dir):
    text = COPIED.replace("{id: ind1, name: Independent 1}", "{id: ind1, name: Independent 1, reliability: A}")
    text = text.replace("          - {source: ind2, stance: affirms, value: 4200}\n", "")
    result = _analyzed(corpus_dir, text)
    model = learn_trust(result.corpus)
    assessed = assess_trust(_conflict(result, "value:town/population"), result.corpus, model)
    assert assessed.value == "4200"
    assert "Independent 1" in assessed.explanation and "learned trust" in assessed.explanation


AGREEING = """
    sources:
      - {id: a, name: Source A}
      - {id: b, name: Source B}
      - {id: c, name: Source C, reliability: B}
    claims:
""" + "".join(f"""
      - id: fact-{i}
        text: Fact number {i} in a long series of facts
        object: {i * 7}
        assertions:
          - {{source: a, stance: affirms}}
          - {{source: b, stance: affirms, value: {i * 7}}}
          - {{source: c, stance: affirms}}
""" for i in range(6))


def test_when_everyone_agrees_trust_stays_high_and_nothing_leans(corpus_dir):
    result = _analyzed(corpus_dir, AGREEING)
    assert result.conflicts == []
    model = learn_trust(result.corpus)
    assert model.converged
    for source, trust in model.trust.items():
        assert trust > model.prior[source] + 0.1  # six times borne out
    assert model.trust["c"] > model.trust["a"] == model.trust["b"]  # c started higher (B)
    for i in range(6):
        assert model.value_confidence(f"value:fact-{i}", i * 7) > 0.99
        assert model.leaning(f"value:fact-{i}") == str(i * 7)


def test_agreement_elsewhere_keeps_the_majority_leaning(corpus_dir):
    # a, b, c agree on six claims; on a seventh, a and b outvote c: learned trust leans
    # where the Admiralty prior leans
    text = AGREEING + """
      - id: disputed
        text: The disputed figure
        assertions:
          - {source: a, stance: affirms, value: 10}
          - {source: b, stance: affirms, value: 10}
          - {source: c, stance: affirms, value: 12}
    """
    result = _analyzed(corpus_dir, text.replace(", reliability: B", ""))
    conflict = _conflict(result, "value:disputed")
    model = learn_trust(result.corpus)
    assessed = assess_trust(conflict, result.corpus, model)
    assert assessed.leaning == result.assessments[conflict.id].leaning == "10"
    assert model.trust["a"] > model.trust["c"] > model.prior["c"]


def test_a_source_borne_out_elsewhere_wins_a_one_to_one_dispute(corpus_dir):
    # 'good' agrees with the others on four claims, 'lone' has never been borne out
    claims = "".join(f"""
  - id: known-{i}
    text: Known figure {i}
    assertions:
      - {{source: good, stance: affirms, value: {i}}}
      - {{source: other{i}, stance: affirms, value: {i}}}
  - id: alone-{i}
    text: Lone figure {i}
    assertions:
      - {{source: lone, stance: affirms, value: {i}}}
      - {{source: rival{i}, stance: affirms, value: {i + 100}}}""" for i in range(4))
    sources = "".join(f"  - {{id: other{i}, name: Other {i}}}\n  - {{id: rival{i}, name: Rival {i}}}\n" for i in range(4))
    text = f"""
sources:
  - {{id: good, name: Good}}
  - {{id: lone, name: Lone}}
{sources}claims:{claims}
  - id: dispute
    text: The dispute
    assertions:
      - {{source: good, stance: affirms, value: 1}}
      - {{source: lone, stance: affirms, value: 2}}
"""
    result = _analyzed(corpus_dir, text)
    conflict = _conflict(result, "value:dispute")
    assert result.assessments[conflict.id].leaning is None  # the prior sees a tie
    model = learn_trust(result.corpus)
    assert model.trust["good"] > model.prior["good"] > model.trust["lone"]
    assert assess_trust(conflict, result.corpus, model).value == "1"


def test_values_within_tolerance_support_each_other(corpus_dir):
    text = """
        sources:
          - {id: a, name: A}
          - {id: b, name: B}
          - {id: c, name: C}
        predicates:
          - {id: height, value_type: number, tolerance: 5}
        claims:
          - id: tower
            text: The tower's height
            predicate: height
            assertions:
              - {source: a, stance: affirms, value: 100}
              - {source: b, stance: affirms, value: 103}
              - {source: c, stance: affirms, value: 200}
    """
    result = _analyzed(corpus_dir, text)
    model = learn_trust(result.corpus)
    conf = model.value_confidence("value:tower")
    assert conf["100"] == conf["103"] > 0.8 > 0.2 > conf["200"]
    assessed = assess_trust(_conflict(result, "value:tower"), result.corpus, model)
    assert assessed.scores["100"] > assessed.scores["200"]
    assert assessed.leaning is None  # 100 and 103 agree: nothing to choose between them

    exact = _analyzed(corpus_dir, text.replace(", tolerance: 5", ""))
    conf = learn_trust(exact.corpus).value_confidence("value:tower")
    assert conf["100"] == conf["103"] == conf["200"]


def test_overlapping_dates_agree(corpus_dir):
    result = _analyzed(corpus_dir, """
        sources:
          - {id: a, name: A}
          - {id: b, name: B}
          - {id: c, name: C}
        predicates:
          - {id: founded, value_type: date}
        claims:
          - id: founding
            text: When the town was founded
            predicate: founded
            assertions:
              - {source: a, stance: affirms, value: "1850"}
              - {source: b, stance: affirms, value: 1850-06-01}
              - {source: c, stance: affirms, value: "1901"}
    """)
    model = learn_trust(result.corpus)
    assert assess_trust(_conflict(result, "value:founding"), result.corpus, model).scores["1901"] < 0.2
    assert model.value_confidence("value:founding", "1850") > 0.8


def test_stances_are_learned_for_claims_without_values(corpus_dir):
    known = "".join(f"""
          - id: event-{i}
            text: Event {i} happened
            assertions:
              - {{source: wire, stance: affirms}}
              - {{source: paper, stance: affirms}}
              - {{source: blog, stance: denies}}
""" for i in range(3))
    result = _analyzed(corpus_dir, f"""
        sources:
          - {{id: wire, name: Wire}}
          - {{id: paper, name: Paper}}
          - {{id: blog, name: Blog}}
        claims:{known}
          - id: rumour
            text: A rumour
            assertions:
              - {{source: wire, stance: affirms}}
              - {{source: blog, stance: denies}}
    """)
    model = learn_trust(result.corpus)
    assert model.trust["blog"] < 0.5 < model.trust["wire"]
    assert model.value_confidence("stance:event-0", "affirms") > 0.9
    assessed = assess_trust(_conflict(result, "contradiction:rumour"), result.corpus, model)
    assert assessed.leaning == "supports"
    assert assessed.value is None  # not a value conflict
    assert assessed.scores["supports"] + assessed.scores["opposes"] == pytest.approx(1.0)


def test_the_assessment_reads_like_an_assessment(corpus_dir):
    result = _analyzed(corpus_dir, COPIED)
    model = learn_trust(result.corpus)
    assessed = assess_trust(_conflict(result, "value:town/population"), result.corpus, model)
    assert isinstance(assessed, Assessment) and isinstance(assessed, TrustAssessment)
    assert assessed.sensitivity is None
    assert assessed.margin == pytest.approx(assessed.scores["4200"] - assessed.scores["5000"])
    data = assessed.as_json()
    assert data["method"] == "trust"
    assert set(data) == {"method", "scores", "leaning", "margin", "explanation", "sensitivity", "value", "trust"}
    assert data["value"] == assessed.value and set(data["trust"]) == set(assessed.trust)
    assert assessed.explanation.startswith("Learned trust leans to '4200'")
    assert "Independent 1" in assessed.explanation and "Press release" in assessed.explanation
    assert set(assessed.trust) == {"ind1", "ind2", "origin"}


def test_same_corpus_same_numbers(corpus_dir, tmp_path):
    text = AGREEING + """
      - id: disputed
        text: The disputed figure
        assertions:
          - {source: a, stance: affirms, value: 10}
          - {source: c, stance: affirms, value: 12}
    """
    result = _analyzed(corpus_dir, text)
    first, second = learn_trust(result.corpus), learn_trust(result.corpus)
    assert first.trust == second.trust
    assert list(first.trust) == sorted(first.trust)
    assert first.false_values == second.false_values
    for group in first.groups():
        assert first.value_confidence(group) == second.value_confidence(group)
    conflict = _conflict(result, "value:disputed")
    assert assess_trust(conflict, result.corpus, first) == assess_trust(conflict, result.corpus, second)

    # the same corpus in two files, read in the other order, learns the same floats
    head, tail = text.split("      - id: fact-3")
    other = tmp_path / "split"
    write_corpus(other, "claims:\n      - id: fact-3" + tail, "a.yaml")
    write_corpus(other, head, "b.yaml")
    again = analyze([other])
    assert not [f for f in again.findings if f.severity == "error"]
    assert learn_trust(again.corpus).trust == first.trust


def test_parameters(corpus_dir):
    result = _analyzed(corpus_dir, COPIED)
    fixed = learn_trust(result.corpus, false_values=100)
    assert fixed.false_values == {"population": 100.0}
    assert learn_trust(result.corpus).false_values["population"] >= 1
    capped = learn_trust(result.corpus, iterations=1)
    assert capped.iterations == 1 and not capped.converged
    assert learn_trust(result.corpus, iterations=0).trust == fixed.prior
    with pytest.raises(ValueError):
        learn_trust(result.corpus, false_values=0.5)
