"""The pipeline in one place: paths → load → validate → engine → lint → one `Result`.

The CLI and tests call `analyze`; nothing here knows about terminals or formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import lint
from .engine import Conflict, find_conflicts
from .findings import Finding
from .loader import Limits, discover, load_file
from .model import Corpus
from .validate import validate


@dataclass(slots=True)
class Result:
    corpus: Corpus
    conflicts: list[Conflict]
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    assessments: dict = field(default_factory=dict)  # conflict id -> assess.Assessment


def analyze(
    paths: list[Path],
    limits: Limits = Limits(),
    weights: dict | None = None,
    assess: bool = True,
    select: set[str] | None = None,
    ignore: set[str] | None = None,
    lint_options: dict | None = None,
) -> Result:
    """Read, check and analyze a corpus. `weights` are the assessment's (defaults when
    None); with assess=False no conflict gets an assessment. `select`, `ignore` and
    `lint_options` choose and tune the lint rules (see `claimcheck.lint`); a wrong
    selector or option raises ValueError, so the CLI checks them first with
    `lint.problems`."""
    files, findings = discover(paths)
    loaded = [load_file(path, display, limits) for path, display in files]
    for one in loaded:
        findings.extend(one.findings)
    corpus, problems = validate(loaded)
    findings.extend(problems)
    conflicts, stale = find_conflicts(corpus)
    findings.extend(stale)
    findings.extend(lint.run(corpus, select, ignore, lint_options))
    findings.sort(key=Finding.sort_key)
    assessments = {}
    if assess:
        from .assess import DEFAULT_WEIGHTS, assess as assess_conflict

        assessments = {c.id: assess_conflict(c, corpus, weights or DEFAULT_WEIGHTS) for c in conflicts}
    return Result(corpus, conflicts, findings, [display for _, display in files], assessments)
