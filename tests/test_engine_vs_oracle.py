"""The engine against the brute-force oracle (tests/oracle.py) on generated corpora.

Every corpus from `corpora()` is valid, so the engine must report no error finding and
exactly the conflicts of spec §4 that the oracle finds: the same ids, kinds, severities,
statuses, claims, sources and sides. On a mismatch the corpus is printed as YAML so it
can be reproduced with `claimcheck conflicts`.
"""

from __future__ import annotations

import json
import pathlib
import tempfile

import pytest
from hypothesis import HealthCheck, given, note, settings

from corpus_strategies import corpora, corpus_to_yaml
from oracle import oracle_conflicts


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
