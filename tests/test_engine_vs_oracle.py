"""The engine against the brute-force oracle (tests/oracle.py) on generated corpora.

Every corpus from `corpora()` is valid, so the engine must report no error finding and
exactly the conflicts of spec §4 that the oracle finds: the same ids, kinds, severities,
statuses, claims, sources and sides, and what §4.5 says each conflict carries besides:
every held assertion's source, stance, date, value, file and line, `via` and origin,
self-interest and (for travelled support) chain of rule ids; whether a source stands on
two sides, whether that is a reversal, and the independent origins of each side. On a
mismatch the corpus is printed as YAML so it can be reproduced with `claimcheck conflicts`.

Value conflicts: how they split into sides is not part of §4 (README: by value after
normalisation), so the side-dependent fields are checked against the engine's own sides
(the self-contradicting sources, reversal and origins that those sides give by §4.5),
and no side may hold two assertions whose values differ by §4.3: a source that gave two
differing values therefore always counts as standing on two sides.
"""

from __future__ import annotations

import datetime
import json
import math
import pathlib
import tempfile

import pytest
from hypothesis import HealthCheck, given, note, settings

from corpus_strategies import corpora, corpus_to_yaml
from oracle import NO_VALUE, assertion_lines, chain_floor, date_span, oracle_conflicts, rule_steps, side_facts


def engine_conflicts(text: str) -> dict:
    """Run `claimcheck conflicts DIR --format json` on the corpus text; its parsed output."""
    from typer.testing import CliRunner

    from claimcheck.cli import app

    with tempfile.TemporaryDirectory() as directory:
        pathlib.Path(directory, "corpus.yaml").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["conflicts", directory, "--format", "json"])
    # A non-zero exit code is expected when there are conflicts; a crash is not.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the CLI crashed:\n{text}") from result.exception
    return json.loads(result.stdout)


def _held(side: dict) -> frozenset:
    return frozenset((a["claim"], a["index"]) for a in side["assertions"])


def _engine_sides(conflict: dict) -> dict[str, frozenset]:
    # Empty sides carry nothing §4 defines (an exclusive member nobody supports), so they
    # are left out on both hands.
    sides = [side for side in conflict["sides"] if side["assertions"]]
    labels = [side["label"] for side in sides]
    assert len(set(labels)) == len(labels), f"{conflict['id']}: a side label repeats: {labels}"
    return {side["label"]: _held(side) for side in sides}


def _json_form(value):
    """A value as the JSON document writes it (README, `--format json`): dates as
    YYYY-MM-DD, non-finite numbers as their repr, anything else as it is."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


def _same(a, b) -> bool:
    """Equal and of one JSON type (1 is not 1.0, true is not 1, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


def _check_assertion(conflict_id: str, label: str, entry: dict, want: dict, lines: dict,
                     steps: list, where: str) -> None:
    key = (entry["claim"], entry["index"])
    facts = want["assertions"][key]
    at = f"{conflict_id}, side {label!r}, assertion {key}"
    assert entry["source"] == facts.source, f"{at}: source differs{where}"
    assert entry["stance"] == facts.stance, f"{at}: stance differs{where}"
    date = None if entry["date"] is None else date_span(entry["date"], bare_year_number=True)
    assert date == facts.date, f"{at}: date {entry['date']!r} differs{where}"
    # The value: the one given, where given. Where left out, §4.3 reads the claim's
    # `object` as the value of a direct affirmation, but §3's field is empty: either.
    if facts.given is not None:
        assert _same(entry["value"], _json_form(facts.given)), f"{at}: value differs{where}"
    else:
        allowed = [None] if facts.value is NO_VALUE else [None, _json_form(facts.value)]
        assert any(_same(entry["value"], v) for v in allowed), f"{at}: value differs{where}"
    assert pathlib.PurePath(entry["file"]).name == "corpus.yaml", f"{at}: file differs{where}"
    assert entry["line"] == lines[key], f"{at}: line differs{where}"
    assert entry["via"] == list(facts.via), f"{at}: via differs{where}"
    assert entry["origin"] == facts.origin, f"{at}: origin differs{where}"
    assert entry["self_interested"] is facts.self_interested, f"{at}: self_interested differs{where}"
    # The chain: when one chain reaches the best severity the spec fixes it; when several
    # tie, the engine's must still be a chain from the assertion's claim to the side's
    # that reaches that best severity (§4.2 "the one whose lowest rule severity is highest").
    chain = want["chains"][(label if want["kind"] != "value" else "*", key)]
    if len(chain.chains) == 1:
        [only] = chain.chains
        assert entry["chain"] == list(only), f"{at}: chain differs (the one best: {list(only)}){where}"
    else:
        target = label if want["kind"] == "exclusive" else conflict_id.split(":", 1)[1]
        floor = chain_floor(entry["chain"], entry["claim"], target, steps)
        assert floor == chain.best, (
            f"{at}: chain {entry['chain']} is no best chain (one of {sorted(chain.chains)}){where}")


def _check_side_facts(conflict_id: str, have: dict, want: dict, where: str) -> None:
    if want["kind"] == "value":
        # The engine's own sides, by position (their labels are values, §4 names none).
        sides = {str(i): _held(side) for i, side in enumerate(have["sides"])}
        for i, side in sides.items():
            for pair in want["differing_pairs"]:
                assert not pair <= side, (
                    f"{conflict_id}: side {have['sides'][int(i)]['label']!r} holds {sorted(pair)}, "
                    f"whose values differ{where}")
        both, reversal, origins = side_facts(sides, want["assertions"])
    else:
        # The sides themselves were compared with the oracle's: take its facts.
        both, reversal, origins = want["self_contradicting_sources"], want["reversal"], want["independent_origins"]
    assert have["self_contradicting_sources"] == both, f"{conflict_id}: self_contradicting_sources differ{where}"
    assert have["self_contradiction"] is bool(both), f"{conflict_id}: self_contradiction differs{where}"
    assert have["reversal"] is reversal, f"{conflict_id}: reversal differs{where}"
    for i, side in enumerate(have["sides"]):
        if side["assertions"]:
            label = side["label"] if want["kind"] != "value" else str(i)
            assert side["independent_origins"] == origins[label], (
                f"{conflict_id}: independent_origins of side {side['label']!r} differ{where}")


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_engine_finds_exactly_the_oracles_conflicts(corpus):
    text = corpus_to_yaml(corpus)
    note(f"corpus.yaml:\n{text}")
    report = engine_conflicts(text)
    where = f"\n--- corpus.yaml ---\n{text}"

    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert not errors, f"error findings on a valid corpus: {errors}{where}"

    expected = oracle_conflicts(corpus)
    lines = assertion_lines(text)
    steps = rule_steps(corpus.get("rules") or [])
    got = {conflict["id"]: conflict for conflict in report["conflicts"]}
    assert sorted(got) == sorted(expected), f"conflict ids differ{where}"

    for conflict_id, want in expected.items():
        have = got[conflict_id]
        for field in ("kind", "severity", "status", "claims", "sources"):
            assert have[field] == want[field], f"{conflict_id}: {field} differs{where}"
        if want["kind"] == "value":
            # How a value conflict splits into sides (and what they are called) is not
            # part of §4: compare the union of the assertions taking part.
            held = frozenset().union(*(_held(side) for side in have["sides"]))
            assert held == want["sides"]["*"], f"{conflict_id}: assertions taking part differ{where}"
        else:
            assert _engine_sides(have) == want["sides"], f"{conflict_id}: sides differ{where}"
        # §4.5: what the conflict and each of its assertions carry.
        for side in have["sides"]:
            for entry in side["assertions"]:
                _check_assertion(conflict_id, side["label"], entry, want, lines, steps, where)
        _check_side_facts(conflict_id, have, want, where)
