"""Reading on both cores: the same corpus, findings and conflicts as in one process, and
a second process that fails changes nothing."""

from __future__ import annotations

import marshal
import os

import pytest

from claimcheck import analysis
from claimcheck.analysis import analyze
from claimcheck.report.data import document

from helpers import REPO, SHARED

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")

BROKEN = {
    "a.yaml": "sources:\n  - {id: s, name: S, reliability: Z}\n  - {id: s, name: Again}\n",
    "b.yaml": "claims:\n  - id: c\n    text: [not, text]\n  - {id: d, text: D, assertions: [{source: nobody, stance: affirms, date: 2025-13}]}\n",
    "c.yaml": "claims: []\nclaims: []\n",
    "d.yaml": "claims:\n  - id: e\n    text: E\n    period: {start: 2025-10, end: 2025-09}\n    assertions:\n      - {source: s, stance: denies, value: '2020'}\n",
}


def result_of(paths, monkeypatch, parallel: bool):
    monkeypatch.setattr(analysis, "PARALLEL_BYTES", 0 if parallel else 10**15)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    result = analyze(paths)
    return result, document(result, result.conflicts, None)


def same_in_one_and_two(paths, monkeypatch):
    one, one_doc = result_of(paths, monkeypatch, parallel=False)
    two, two_doc = result_of(paths, monkeypatch, parallel=True)
    assert one.corpus == two.corpus
    assert one.findings == two.findings and [f.path for f in one.findings] == [f.path for f in two.findings]
    assert one_doc == two_doc
    return two


def test_the_seed_corpus_reads_the_same_in_two_processes(monkeypatch):
    result = same_in_one_and_two([REPO / "corpus"], monkeypatch)
    assert result.conflicts


def test_files_with_problems_read_the_same_in_two_processes(tmp_path, monkeypatch):
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = same_in_one_and_two([tmp_path], monkeypatch)
    assert {f.code[0] for f in result.findings} >= {"L", "S", "R"}


def test_a_generated_corpus_reads_the_same_in_two_processes(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    generate(tmp_path / "c", 1500)
    same_in_one_and_two([tmp_path / "c"], monkeypatch)


def test_a_second_process_that_fails_leaves_its_files_to_this_one(monkeypatch):
    one, _ = result_of([REPO / "corpus"], monkeypatch, parallel=False)

    def broken(*args, **kwargs):  # only the second process sends: it fails and exits non-zero
        raise RuntimeError("cannot send")

    monkeypatch.setattr(marshal, "dumps", broken)
    two, _ = result_of([REPO / "corpus"], monkeypatch, parallel=True)
    assert (one.corpus, one.findings) == (two.corpus, two.findings)


def test_one_process_when_asked(monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_JOBS", "1")
    monkeypatch.setattr(analysis, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked although CLAIMCHECK_JOBS=1"))
    assert analyze([REPO / "corpus"]).corpus.claims
