"""The engine against the brute-force oracle (tests/oracle.py) on generated corpora.

Every corpus from `corpora()` is valid, so the engine must report no error finding and
exactly the conflicts of spec §4 that the oracle finds: the same ids, kinds, severities,
statuses, claims, sources and sides, and what §4.5 and cli.md say each conflict carries
besides: every held assertion's source, stance, date, value, file and line, `via` and
origin, self-interest and (for travelled support) chain of rule ids; the
self-contradicting sources, whether that is a reversal, and the independent origins of
each side. On a mismatch the corpus is printed as YAML (and the `--as-of` date) so it can
be reproduced with `claimcheck conflicts`.

Format version 2 is behind a switch, `FORMAT_2_ENGINE`. With it False the corpora are
version 1 (no `withdrawn`, date-times, ranges, `favours`/`harms`, ratings; no `--as-of`)
and the engine is held to version 1 where the two differ: a source is self-contradicting
when any of its assertions stand on two sides, relayed or not, and value sides are
compared as a partition, whatever their labels. With it True, corpora use all of version
2, part of the runs pass `--as-of`, and the engine is held to version 2 whole: own voice,
value sides and their labels (`SMALLEST_VALUE_LABEL`), per assertion `interest` and
`withdrawn`, and the top-level `as_of`.

`CLAIMCHECK_ORACLE_EXAMPLES=2000` runs more examples than the default 300.
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import os
import pathlib
import tempfile
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from corpus_strategies import as_of_dates, corpora, corpus_to_yaml
from oracle import (NO_CHAIN, NO_VALUE, assertion_lines, canonical_text, chain_floor, date_span,
                    is_range, oracle_conflicts, range_bounds, rule_steps, side_facts)

#: the engine reads format version 2 (issue #23)
FORMAT_2_ENGINE = True
#: a value side whose values are spelled several ways (`5` and `5.0`) is labelled with the
#: smallest of their canonical texts (reading 1 of oracle.py, as the README says)
SMALLEST_VALUE_LABEL = True

EXAMPLES = int(os.environ.get("CLAIMCHECK_ORACLE_EXAMPLES", "300"))


@functools.cache
def _command(app):
    import typer

    return typer.main.get_command(app)


def engine_conflicts(text: str, as_of: str | None = None) -> dict:
    """Run `claimcheck conflicts DIR --format json [--as-of D]` on the corpus text; its
    parsed output."""
    from typer.testing import CliRunner

    from claimcheck.cli import app

    with tempfile.TemporaryDirectory() as directory:
        pathlib.Path(directory, "corpus.yaml").write_text(text, encoding="utf-8")
        arguments = ["conflicts", directory, "--format", "json"]
        if as_of is not None:
            arguments += ["--as-of", as_of]
        # typer's runner makes the command of the app anew on every run (some 40 ms, as
        # long as the rest of the run): made once here.
        with mock.patch("typer.testing._get_command", _command):
            result = CliRunner().invoke(app, arguments)
    # A non-zero exit code is expected when there are conflicts; a crash is not.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the CLI crashed:\n{text}") from result.exception
    return json.loads(result.stdout)


def examples() -> st.SearchStrategy:
    """(corpus, as_of): version 1 corpora and no `--as-of` until the engine reads version 2."""
    if not FORMAT_2_ENGINE:
        return corpora(version=1).map(lambda corpus: (corpus, None))
    return corpora(version=2).flatmap(
        lambda corpus: st.tuples(st.just(corpus), st.one_of(st.none(), as_of_dates(corpus))))


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
    """A value as the JSON document writes it (README, `--format json`; cli.md): dates as
    YYYY-MM-DD, date-times as written, non-finite numbers as their repr, a range as
    `{"min": X, "max": Y}` with an open bound null, anything else as it is."""
    if is_range(value):
        low, high = range_bounds(value)
        return {"min": _json_form(low), "max": _json_form(high)}
    if isinstance(value, datetime.datetime):
        return canonical_text(value)  # a timestamp as the generator wrote it
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, str):
        return str(value)  # the generator's PlainText is text
    return value


def _same(a, b) -> bool:
    """Equal and of one JSON type (1 is not 1.0, true is not 1, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def _span(date):
    return None if date is None else date_span(date, bare_year_number=True)


def _check_assertion(conflict_id: str, label: str, entry: dict, want: dict, lines: dict,
                     steps: list, where: str) -> None:
    """One assertion the engine puts on a side (`label`: the oracle's label of that side)."""
    key = (entry["claim"], entry["index"])
    facts = want["assertions"][key]
    at = f"{conflict_id}, side {label!r}, assertion {key}"
    assert entry["source"] == facts.source, f"{at}: source differs{where}"
    assert entry["stance"] == facts.stance, f"{at}: stance differs{where}"
    assert _span(entry["date"]) == facts.date, f"{at}: date {entry['date']!r} differs{where}"
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
    if FORMAT_2_ENGINE:
        assert entry["interest"] == facts.interest, f"{at}: interest differs{where}"
        assert _span(entry["withdrawn"]) == facts.withdrawn, (
            f"{at}: withdrawn {entry['withdrawn']!r} differs{where}")
    # The chain: when one chain reaches the best severity the spec fixes it; when several
    # tie, the engine's must still be a chain from the assertion's claim to the side's
    # that reaches that best severity (§4.2 "the one whose lowest rule severity is highest").
    chain = want["chains"][(label, key)] if want["kind"] != "value" else NO_CHAIN
    if len(chain.chains) == 1:
        [only] = chain.chains
        assert entry["chain"] == list(only), f"{at}: chain differs (the one best: {list(only)}){where}"
    else:
        target = label if want["kind"] == "exclusive" else conflict_id.split(":", 1)[1]
        floor = chain_floor(entry["chain"], entry["claim"], target, steps)
        assert floor == chain.best, (
            f"{at}: chain {entry['chain']} is no best chain (one of {sorted(chain.chains)}){where}")


def _oracle_labels(conflict_id: str, have: dict, want: dict, where: str) -> dict[str, str]:
    """The engine's side labels -> the oracle's, once the sides are found the same."""
    sides = _engine_sides(have)
    if want["kind"] != "value" or (FORMAT_2_ENGINE and SMALLEST_VALUE_LABEL):
        assert sides == want["sides"], f"{conflict_id}: sides differ{where}"
        return {label: label for label in sides}
    # The same partition of the assertions taking part into value sides, under labels
    # that version 1 left open (README: by value after normalisation) and version 2 makes
    # the canonical text of the side's value (which one, when the side's values are
    # spelled several ways: SMALLEST_VALUE_LABEL).
    oracle_label = {held: label for label, held in want["sides"].items()}
    assert set(sides.values()) == set(oracle_label), f"{conflict_id}: value sides differ{where}"
    if FORMAT_2_ENGINE:
        for label, held in sides.items():
            texts = {canonical_text(want["assertions"][key].value) for key in held}
            assert label in texts, f"{conflict_id}: side {label!r} is none of {sorted(texts)}{where}"
    return {label: oracle_label[held] for label, held in sides.items()}


def _check_side_facts(conflict_id: str, have: dict, want: dict, labels: dict[str, str], where: str) -> None:
    if FORMAT_2_ENGINE:
        both, reversal, origins = want["self_contradicting_sources"], want["reversal"], want["independent_origins"]
    else:
        both, reversal, origins = side_facts(want["sides"], want["assertions"], own_voice_only=False)
    assert have["self_contradicting_sources"] == both, f"{conflict_id}: self_contradicting_sources differ{where}"
    assert have["self_contradiction"] is bool(both), f"{conflict_id}: self_contradiction differs{where}"
    assert have["reversal"] is reversal, f"{conflict_id}: reversal differs{where}"
    for side in have["sides"]:
        if side["assertions"]:
            assert side["independent_origins"] == origins[labels[side["label"]]], (
                f"{conflict_id}: independent_origins of side {side['label']!r} differ{where}")


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(examples())
def test_engine_finds_exactly_the_oracles_conflicts(example):
    corpus, as_of = example
    text = corpus_to_yaml(corpus)
    note(f"corpus.yaml:\n{text}")
    report = engine_conflicts(text, as_of)
    where = f"\n--- corpus.yaml{'' if as_of is None else f' --as-of {as_of}'} ---\n{text}"

    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert not errors, f"error findings on a valid corpus: {errors}{where}"
    if FORMAT_2_ENGINE:
        assert report["as_of"] == as_of, f"as_of differs{where}"

    expected = oracle_conflicts(corpus, as_of)
    lines = assertion_lines(text)
    steps = rule_steps(corpus.get("rules") or [])
    got = {conflict["id"]: conflict for conflict in report["conflicts"]}
    assert sorted(got) == sorted(expected), f"conflict ids differ{where}"

    for conflict_id, want in expected.items():
        have = got[conflict_id]
        for field in ("kind", "severity", "status", "claims", "sources"):
            assert have[field] == want[field], f"{conflict_id}: {field} differs{where}"
        labels = _oracle_labels(conflict_id, have, want, where)
        # §4.5: what the conflict and each of its assertions carry.
        for side in have["sides"]:
            for entry in side["assertions"]:
                _check_assertion(conflict_id, labels[side["label"]], entry, want, lines, steps, where)
        _check_side_facts(conflict_id, have, want, labels, where)
