"""Memory faulted in ahead for a large analysis (claimcheck/_cprefault.c): Python's objects
live in it as in any other memory, before and after it stops, and an analysis gives the
same results with it as without."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcheck import analysis
from claimcheck.analysis import analyze
from claimcheck.report.machine import render_json

from helpers import REPO

_cprefault = pytest.importorskip("claimcheck._cprefault", reason="the C extension is not built here")

# Each check runs in a fresh interpreter: the allocator is process-wide, and a test that
# broke it should fail on its own, not take the suite's process with it.
LIFECYCLE = r"""
import sys
from claimcheck import _cprefault

if not _cprefault.start(64 << 20, 8 << 20):
    print("cannot"); sys.exit(0)
assert not _cprefault.start(64 << 20, 8 << 20), "a second start while running"
before = [(n, str(n)) for n in range(300_000)]          # arenas from the reserved memory
churn = [[str(n)] * 3 for n in range(200_000)]; del churn  # arenas given back, handed out again
during = {str(n): n for n in range(300_000)}
_cprefault.stop()
_cprefault.stop()                                          # a second stop does nothing
after = [(n, str(n)) for n in range(300_000)]           # Python's own arenas again
assert all(s == str(n) for n, s in before) and all(during[str(n)] == n for n in range(300_000))
assert before == after
del before, during                                        # freed by Python's own allocator now
assert _cprefault.start(16 << 20, 4 << 20), "it starts again after a stop"
again = [str(n) for n in range(100_000)]
_cprefault.stop()
assert again[-1] == "99999"
print("ok")
"""


def test_objects_live_in_it_before_and_after_it_stops():
    done = subprocess.run([sys.executable, "-c", LIFECYCLE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "cannot":
        pytest.skip("this kernel does not populate memory ahead (MADV_POPULATE_WRITE)")
    assert done.stdout.strip() == "ok"


def test_an_analysis_with_memory_faulted_in_ahead_gives_the_same_results(monkeypatch):
    corpus = REPO / "corpus"
    base = analyze([corpus])
    alone = render_json(base, base.conflicts)
    started = []
    real_start = _cprefault.start
    monkeypatch.setattr(analysis, "PREFAULT_FROM", 0)  # the seed corpus counts as large
    monkeypatch.setattr(_cprefault, "start", lambda *args: started.append(args) or real_start(*args))
    result = analyze([corpus])
    assert started, "the analysis asked for memory ahead"
    assert render_json(result, result.conflicts) == alone
