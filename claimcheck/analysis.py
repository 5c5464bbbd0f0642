"""The pipeline in one place: paths → load → validate → engine → lint → one `Result`.

The CLI and tests call `analyze`; nothing here knows about terminals or formats.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import lint
from .engine import Conflict, find_conflicts
from .engine.asof import as_of as corpus_as_of
from .findings import Finding
from .loader import Limits, discover, load_file
from .model import Corpus, DateSpan
from .validate import Records


@dataclass(slots=True)
class Result:
    corpus: Corpus
    conflicts: list[Conflict]
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    assessments: dict = field(default_factory=dict)  # conflict id -> assess.Assessment
    #: seconds spent in each stage: load, validate, engine, lint, and assess (named trust
    #: when the assessment learns trust)
    timings: dict = field(default_factory=dict)
    trust: object = None  # trust.TrustModel when the assessment used learned trust
    #: the date the conflicts were found as of (`--as-of`), or None for now (spec §4)
    as_of: DateSpan | None = None
    #: the corpus as it stood then: the assertions that take part in conflicts (withdrawn
    #: ones left out); `corpus` keeps every assertion, for views of what was said
    active: Corpus | None = None
    #: the validation's working records, let go with the Result rather than on return from
    #: `analyze`: a CLI run leaves them to process exit (freeing them one by one is
    #: 0.25 s of a 100k-claim check)
    scratch: object = field(default=None, repr=False, compare=False)


def analyze(
    paths: list[Path],
    limits: Limits = Limits(),
    weights: dict | None = None,
    assess: bool = True,
    select: set[str] | None = None,
    ignore: set[str] | None = None,
    lint_options: dict | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    method: str = "prior",
    as_of: DateSpan | None = None,
) -> Result:
    """Read, check and analyze a corpus. `weights` are the assessment's (defaults when
    None); with assess=False no conflict gets an assessment. `method` is `prior` (the
    Admiralty weights) or `trust` (learned from the corpus). `select`, `ignore` and
    `lint_options` choose and tune the lint rules (see `claimcheck.lint`); a wrong
    selector or option raises ValueError, so the CLI checks them first with
    `lint.problems`. `progress(done, total, file)` is called after each file is loaded.
    `as_of`: find the conflicts as the corpus stood on that date (§4); None: now."""
    # The analysis allocates millions of small acyclic objects; Python's cycle collector
    # would rescan the growing heap again and again (half the time of a 10k-claim check).
    # Nothing here builds reference cycles that need it, so it pauses until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(paths, limits, weights, assess, select, ignore, lint_options, progress, method, as_of)
    finally:
        if collecting:
            gc.enable()


def _analyze(paths, limits, weights, assess, select, ignore, lint_options, progress, method, as_of) -> Result:
    started = time.perf_counter()
    files, findings = discover(paths)
    return _run(files, findings, limits, weights, assess, select, ignore, lint_options, progress, method, as_of, started)


def _run(files, findings, limits, weights, assess, select, ignore, lint_options, progress, method, as_of, clock) -> Result:
    """The pipeline over the files found, timed from `clock`."""
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    loading = 0.0
    records = Records()
    buffer = bytearray()  # each file is read into it: no fresh memory for every file
    # each file is checked as it loads and its tree let go: no more than one file's tree
    # is held at a time (the trees are most of a corpus's memory), and it is freed while
    # still in the cache, before the next file is read into memory it can then reuse
    for done, (path, display) in enumerate(files, 1):
        started = time.perf_counter()
        one = load_file(path, display, limits, buffer)
        loading += time.perf_counter() - started
        findings.extend(one.findings)
        records.add(one)
        started = time.perf_counter()
        del one  # the tree: reading's cost, so it counts as loading
        loading += time.perf_counter() - started
        if progress is not None:
            progress(done, len(files), display)
    corpus, problems = records.build()
    lap("validate")
    timings = {"load": loading, "validate": timings["validate"] - loading}  # stage order kept
    findings.extend(problems)
    return conclude(corpus, findings, [display for _, display in files], timings, clock, weights, assess, select,
                    ignore, lint_options, method, as_of, scratch=records)


def conclude(corpus, findings, files, timings, clock, weights, assess, select, ignore, lint_options, method, as_of,
             scratch=None) -> Result:
    """From a corpus read and validated to the Result: conflicts, lint rules, assessment;
    each stage timed into `timings` from `clock` (a table corpus read into the model ends
    the same way, tabular.py)."""

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    # what a withdrawn (or, as of a date, a later) assertion said takes no part in
    # conflicts, assessments or learned trust; the lint rules read the files as written
    active = corpus_as_of(corpus, as_of)
    conflicts, stale = find_conflicts(active, dated=as_of is not None)
    findings.extend(stale)
    lap("engine")
    findings.extend(lint.run(corpus, select, ignore, lint_options))
    findings.sort(key=Finding.sort_key)
    lap("lint")
    assessments, trust, stage = {}, None, "assess"
    if assess and method == "trust":
        from .trust import assess_trust, learn_trust

        trust = learn_trust(active)
        assessments = {c.id: assess_trust(c, active, trust) for c in conflicts}
        stage = "trust"
    elif assess:
        from .assess import DEFAULT_WEIGHTS, assess as assess_conflict

        assessments = {c.id: assess_conflict(c, active, weights or DEFAULT_WEIGHTS) for c in conflicts}
    lap(stage)
    return Result(corpus, conflicts, findings, files, assessments, timings, trust=trust, scratch=scratch,
                  as_of=as_of, active=active)
