"""Validation's quick paths in C (`_cfields`: well-formed fields, whole records, a
claim's assertions) against validate.py's own (`_Validator.plain_fields`, `record`,
`_Builder.assertions`): the same corpus, findings and JSON for every corpus, well-formed
or not."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import validate as validation
from claimcheck.analysis import analyze
from claimcheck.loader import load_text
from claimcheck.report.data import document

from helpers import REPO

pytestmark = pytest.mark.skipif(validation._cfields is None, reason="the compiled quick path is not built")


def both(monkeypatch, check):
    """check() with the C quick path and with the Python one; both results."""
    with_c = check()
    monkeypatch.setattr(validation, "_cfields", None)
    try:
        in_python = check()
    finally:
        monkeypatch.undo()
    return with_c, in_python


def same_analysis(paths, monkeypatch):
    with_c, in_python = both(monkeypatch, lambda: analyze(paths))
    assert with_c.corpus == in_python.corpus
    assert with_c.findings == in_python.findings
    assert document(with_c, with_c.conflicts, None) == document(in_python, in_python.conflicts, None)
    return with_c


def same_validation(texts: dict[str, str], monkeypatch) -> None:
    def check():
        return validation.validate(load_text(text, name) for name, text in texts.items())

    (corpus_c, findings_c), (corpus_py, findings_py) = both(monkeypatch, check)
    assert repr(corpus_c) == repr(corpus_py)  # not ==: a value may be NaN
    assert findings_c == findings_py, "\n".join(texts.values())
    assert [f.path for f in findings_c] == [f.path for f in findings_py]


def test_the_seed_corpus(monkeypatch):
    assert same_analysis([REPO / "corpus"], monkeypatch).conflicts


def test_a_generated_corpus(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from generate import generate

    generate(tmp_path / "c", 500)
    assert same_analysis([tmp_path / "c"], monkeypatch).conflicts


BROKEN = {
    "a.yaml": "sources:\n  - {id: s, name: S, reliability: Z, kind: [x]}\n  - {id: s, name: Again}\n  - {id: S!, name: 5}\n",
    "b.yaml": (
        "claims:\n  - id: c\n    text: [not, text]\n    tags: [a, 1]\n"
        "  - {id: d, text: D, assertions: [{source: nobody, stance: affirms, date: 2025-13, credibility: 9}]}\n"
        "  - {id: e, text: E, assertions: [{source: s, stance: Affirms, date: true, credibility: 2.5, via: s}]}\n"
    ),
    "c.yaml": "rules:\n  - {id: r, kind: implies, if: c, then: d}\n  - {id: q, kind: exclusive, claims: c}\n  - {id: p, kind: implies, if: [c], then: [d, 5]}\n",
    "d.yaml": "predicates:\n  - {id: p, tolerance: -1, value_type: number}\n  - {id: q, tolerance: .inf}\n  - {id: r, tolerance: 1e400}\n",
}


def test_files_with_problems(monkeypatch):
    same_validation(BROKEN, monkeypatch)


TYPED = {
    "a.yaml": (
        "sources:\n  - {id: s, name: S}\n  - {id: t, name: T, reliability: B}\n"
        "entities:\n  - {id: e, name: E}\n"
        "predicates:\n  - {id: n, value_type: number}\n  - {id: x, value_type: text}\n"
        "  - {id: b, value_type: boolean}\n  - {id: d, value_type: date}\n  - {id: w, value_type: entity}\n"
    ),
    "b.yaml": (
        "claims:\n"
        "  - {id: c1, text: C1, subject: e, predicate: n, period: {start: 2025-10, end: ~},\n"
        "     assertions: [{source: s, stance: affirms, value: 5, via: [t], credibility: 2, quote: q},\n"
        "                  {source: t, stance: denies, value: 5.5, period: {end: 2025-12}, date: 2025-10-12}]}\n"
        "  - {id: c2, text: C2, predicate: n, assertions: [{source: s, stance: affirms, value: five}, {source: t, stance: doubts, value: true}]}\n"
        "  - {id: c3, text: C3, predicate: x, assertions: [{source: s, stance: affirms, value: 5}, {source: t, stance: affirms, value: five}]}\n"
        "  - {id: c4, text: C4, predicate: b, assertions: [{source: s, stance: affirms, value: true}]}\n"
        "  - {id: c5, text: C5, predicate: d, assertions: [{source: s, stance: affirms, value: 2025-10}]}\n"
        "  - {id: c6, text: C6, predicate: w, assertions: [{source: s, stance: affirms, value: e}, {source: s, stance: affirms, value: f}]}\n"
        "  - {id: c7, text: C7, assertions: [{source: s, stance: affirms, via: [t, nobody]}, {source: nobody, stance: denies}]}\n"
        "  - {id: c8, text: C8, assertions: [{source: s}, {source: t, stance: affirms, url: u, note: n}, ~, 5]}\n"
        "  - {id: c9, text: C9, period: {start: 2025-12, end: 2025-01}, assertions: [{source: s, stance: affirms, period: {start: 2025}}]}\n"
        "  - {id: c10, text: C10, assertions: []}\n"
        "  - {id: c11, text: C11, predicate: n, period: {start: 2025},\n"
        "     assertions: [{source: s, stance: affirms, value: 3, date: 2025-10-12, credibility: 2, via: [t], quote: q, url: u, note: o,\n"
        "                   period: {end: 2025-12}}, {stance: denies, source: t, via: [s, nobody]}, {source: s, stance: doubts, value: x}]}\n"
    ),
}


def test_typed_values_periods_and_references(monkeypatch):
    """The whole-record and whole-assertion quick paths (`plain_records`,
    `plain_assertions`) against the general path: typed values that fit and do not,
    known and unknown via, periods open, reversed and on assertions, broken assertions."""
    same_validation(TYPED, monkeypatch)


def test_well_formed_records_take_the_whole_quick_path(monkeypatch):
    """A well-formed claim is read by `plain_records`, its assertions straight into the
    model's, and `plain_claims` builds it (`plain_assertions` checks the assertions of
    the others), not the general path (which would still be right, only slow). Where
    those checks fail (c2, c3, c7, c11), the general path gets the assertions back as it
    reads them (`_ReadAssertions.items`)."""
    calls = []
    real = validation._Builder.assertions

    def general(self, *args):
        calls.append(args[0])
        return real(self, *args)

    claimed = []
    real_claim = validation._Builder.claim

    def claim(self, item):
        claimed.append(item.values["id"])
        return real_claim(self, item)

    monkeypatch.setattr(validation._Builder, "assertions", general)
    monkeypatch.setattr(validation._Builder, "claim", claim)
    corpus, findings = validation.validate([load_text(TYPED["a.yaml"], "a.yaml"), load_text(TYPED["b.yaml"], "b.yaml")])
    assert not {"c1", "c4"} & set(claimed)  # built whole by plain_claims
    assert {"c2", "c5", "c10"} <= set(claimed)  # a value to report, a date type, no assertions
    assert list(corpus.claims) == [f"c{n}" for n in range(1, 12)]  # in the files' order, whichever path built them
    assert not {"c1", "c4", "c10"} & set(calls)  # nothing to report about their assertions
    assert {"c2", "c3", "c7", "c8", "c11"} <= set(calls)  # something to report
    assert "c9" in calls  # the claim's own period is wrong: it is not read whole
    assert {"c5", "c6"} <= set(calls)  # dates and entities: always the general path
    assertion = corpus.claims["c1"].assertions[0]
    assert (assertion.via, assertion.credibility, assertion.quote, assertion.value) == (("t",), 2, "q", 5)
    assert corpus.claims["c1"].assertions[1].period.end.text == "2025-12"


SEED = {p.name: p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").rglob("*.yaml"))}
# values of every YAML type, well-formed for some fields and not for others
VALUES = [
    "x", "src-1", "el-pais", "Some Text", "A", "F", "affirms", "denies", "implies", "error", "1", "0", "-3", "2.5",
    "1e400", ".nan", ".inf", "true", "yes", "~", "''", "'5'", "2025", "2025-10", "2025-10-12", "2025-13-01",
    "[a, b]", "[]", "[1, x]", "{a: b}", "{start: 2025-10-01}", "{start: 2025-10, end: 2025-09}", "Bad_Slug",
    "x" * 130, "ñandú", "nobody", "{start: 2025-10-01, end: ~}", "{}", "{start: 2025, until: 2026}",
    "{end: [2025]}", "{start: 2025-02-30}", "[src-1, nobody]",
]
FIELD = re.compile(r"^(\s*(?:- )?[a-z_]+: )(.+)$", re.M)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_the_seed_corpus_with_values_changed(monkeypatch, data):
    """Real files with a few field values swapped for values of other types and shapes:
    both paths take the same fields and report the others the same."""
    texts = dict(SEED)
    for _ in range(data.draw(st.integers(1, 6))):
        name = data.draw(st.sampled_from(sorted(texts)))
        fields = list(FIELD.finditer(texts[name]))
        if not fields:
            continue
        field = data.draw(st.sampled_from(fields))
        text = texts[name]
        texts[name] = text[: field.start(2)] + data.draw(st.sampled_from(VALUES)) + text[field.end(2):]
    same_validation(texts, monkeypatch)


def test_files_the_full_loader_reads(monkeypatch):
    """Anchors send a file to libyaml, whose keys are not the compiled reader's (interned)
    strings: the quick paths still take its records, and agree with the general path."""
    texts = {
        "a.yaml": "sources:\n  - {id: s, name: S}\n  - {id: t, name: T}\npredicates:\n  - {id: n, value_type: number}\n",
        "b.yaml": (
            "claims:\n"
            "  - id: c1\n    text: &words C one\n    predicate: n\n"
            "    assertions:\n      - {source: s, stance: affirms, value: 5, via: [t]}\n"
            "      - {source: t, stance: denies, value: 6.5, date: 2025-10-12, credibility: 3}\n"
            "  - {id: c2, text: *words, assertions: [{source: nobody, stance: affirms}]}\n"
        ),
    }
    root = load_text(texts["b.yaml"], "b.yaml").root
    assert not any(key is sys.intern(key) for key in root.items["claims"].items[0].items)
    same_validation(texts, monkeypatch)
    general = []
    real_claim = validation._Builder.claim
    monkeypatch.setattr(validation._Builder, "claim", lambda self, item: (general.append(item), real_claim(self, item)))
    corpus, _ = validation.validate(load_text(text, name) for name, text in texts.items())
    assert [item.values["id"] for item in general] == ["c2"]  # c1 took the quick path
    assert [a.value for a in corpus.claims["c1"].assertions] == [5, 6.5]
    assert corpus.claims["c1"].assertions[0].via == ("t",) and not corpus.claims["c2"].assertions
