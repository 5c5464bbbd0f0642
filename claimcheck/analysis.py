"""The pipeline in one place: paths → load → validate → engine → lint → one `Result`.

The CLI and tests call `analyze`; nothing here knows about terminals or formats.
"""

from __future__ import annotations

import gc
import marshal
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import lint
from .engine import Conflict, find_conflicts
from .findings import Finding
from .loader import Limits, discover, load_file
from .model import Corpus
from .validate import Records


@dataclass(slots=True)
class Result:
    corpus: Corpus
    conflicts: list[Conflict]
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    assessments: dict = field(default_factory=dict)  # conflict id -> assess.Assessment
    #: seconds spent in each stage: load, validate, engine, lint, assess
    timings: dict = field(default_factory=dict)
    trust: object = None  # trust.TrustModel when the assessment used learned trust


def analyze(
    paths: list[Path],
    limits: Limits = Limits(),
    weights: dict | None = None,
    assess: bool = True,
    select: set[str] | None = None,
    ignore: set[str] | None = None,
    lint_options: dict | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Result:
    """Read, check and analyze a corpus. `weights` are the assessment's (defaults when
    None); with assess=False no conflict gets an assessment. `select`, `ignore` and
    `lint_options` choose and tune the lint rules (see `claimcheck.lint`); a wrong
    selector or option raises ValueError, so the CLI checks them first with
    `lint.problems`. `progress(done, total, file)` is called after each file is loaded."""
    # The analysis allocates millions of small acyclic objects; Python's cycle collector
    # would rescan the growing heap again and again (half the time of a 10k-claim check).
    # Nothing here builds reference cycles that need it, so it pauses until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(paths, limits, weights, assess, select, ignore, lint_options, progress)
    finally:
        if collecting:
            gc.enable()


def _analyze(paths, limits, weights, assess, select, ignore, lint_options, progress) -> Result:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    files, findings = discover(paths)
    loading = 0.0
    records = Records()

    def read_here(batch: list[tuple[Path, str]], done_before: int) -> None:
        """Each file checked as it loads and its tree let go: no more than one file's
        tree is held at a time (the trees are most of a corpus's memory)."""
        nonlocal loading
        for done, (path, display) in enumerate(batch, done_before + 1):
            started = time.perf_counter()
            one = load_file(path, display, limits)
            loading += time.perf_counter() - started
            findings.extend(one.findings)
            records.add(one)
            if progress is not None:
                progress(done, len(files), display)

    split = _split(files)
    reader = _read_elsewhere(files[split:], limits) if split < len(files) else None
    read_here(files[:split], 0)
    if reader is not None:
        data = reader()
        if data is None:  # the other process failed: its files are read here after all
            read_here(files[split:], split)
        else:
            loader_findings, encoded = data
            findings.extend(Finding.from_tuple(f) for f in loader_findings)
            records.add_encoded(encoded)
            if progress is not None:
                progress(len(files), len(files), files[-1][1])
    corpus, problems = records.build()
    lap("validate")
    # with a second process, "load" is this process's share
    timings = {"load": loading, "validate": timings["validate"] - loading}  # stage order kept
    findings.extend(problems)
    conflicts, stale = find_conflicts(corpus)
    findings.extend(stale)
    lap("engine")
    findings.extend(lint.run(corpus, select, ignore, lint_options))
    findings.sort(key=Finding.sort_key)
    lap("lint")
    assessments = {}
    if assess:
        from .assess import DEFAULT_WEIGHTS, assess as assess_conflict

        assessments = {c.id: assess_conflict(c, corpus, weights or DEFAULT_WEIGHTS) for c in conflicts}
    lap("assess")
    return Result(corpus, conflicts, findings, [display for _, display in files], assessments, timings)


#: below this much YAML one process reads everything: starting a second costs more
PARALLEL_BYTES = 4 * 2**20


def _split(files: list[tuple[Path, str]]) -> int:
    """How many of the files this process reads; the rest go to a second process when
    the corpus is large, the machine has two cores and `CLAIMCHECK_JOBS` is not 1. The
    second process gets 40% of the bytes, as it also encodes its records for sending
    (at 100k claims: 9.2 s for the whole check in one process, 7.75 s in two)."""
    if not hasattr(os, "fork") or os.environ.get("CLAIMCHECK_JOBS") == "1" or (os.cpu_count() or 1) < 2:
        return len(files)
    sizes = []
    for path, _ in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if total < PARALLEL_BYTES:
        return len(files)
    read = 0
    for index, size in enumerate(sizes):
        read += size
        if read >= total * 0.6:
            return index + 1
    return len(files)


def _read_elsewhere(files: list[tuple[Path, str]], limits: Limits):
    """Load and check `files` in a forked copy of this process, on the other core; the
    returned function waits for them: (loader findings, Records.encoded() data), or None
    when the copy failed in any way (the caller then reads those files itself)."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return lambda: None
    if pid == 0:  # the copy: read, send, leave without running anything else
        code = 1
        try:
            os.close(read_end)
            records = Records()
            loader_findings = []
            for path, display in files:
                one = load_file(path, display, limits)
                loader_findings.extend(f.as_tuple() for f in one.findings)
                records.add(one)
            data = marshal.dumps((loader_findings, records.encoded()))
            with os.fdopen(write_end, "wb") as stream:
                stream.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)

    def wait():
        with os.fdopen(read_end, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None

    return wait
