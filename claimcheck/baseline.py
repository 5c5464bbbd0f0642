"""Baselines: accept what a corpus holds today, and fail only on what is new.

A baseline file records every open conflict by id (with their severity, so that a
conflict that gets worse counts as new) and every finding by a key that survives edits
and reordering: code, file, and the ids leading to the item (`claims/claim-a/assertions/by:el-pais`),
or the message (less any line numbers it names) where a finding has no such path. Line
numbers are never part of a key.

The file is small, sorted JSON, so that it diffs well in review:

    {
      "format": "claimcheck-baseline",
      "version": 1,
      "conflicts": [{"id": "contradiction:talks", "severity": "warning"}],
      "findings": [{"code": "S004", "file": "corpus/claims.yaml", "path": "claims/talks/assertions/0"}]
    }

A finding key that occurs more than once carries `"count"`. Its `file` is relative to the
baseline file's folder, so that any working directory gives the same keys.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import jsontext
from .findings import Finding, stable_where
from .model import SEVERITY_NAMES, SEVERITY_RANK

FORMAT = "claimcheck-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and says why."""


@dataclass(frozen=True, slots=True, order=True)
class FindingKey:
    """What identifies a finding across edits. `where` is the item path, else the message."""

    code: str
    file: str
    by: str  # "path" or "message"
    where: str

    def as_json(self) -> dict:
        return {"code": self.code, "file": self.file, self.by: self.where}

    def __str__(self) -> str:
        return f"{self.code} {self.file} {self.where}"


def finding_key(finding: Finding, root: str | None = None) -> FindingKey:
    """The finding's key; with `root` (the baseline file's folder) its file is written
    relative to that folder, so that a run from another working directory matches."""
    file = finding.file if root is None else rebase(finding.file, root)
    return FindingKey(finding.code, file, "path" if finding.path else "message", stable_where(finding))


def _keys(finding: Finding, root: str | None) -> list[FindingKey]:
    """The finding's key, then the keys that baselines written by earlier versions hold
    for it: the file as shown (not relative to the baseline's folder), the message whole
    (line numbers and all)."""
    keys = [finding_key(finding, root)]
    if root is not None:
        keys.append(finding_key(finding))
    if keys[0].by == "message" and keys[0].where != finding.message:
        keys += [FindingKey(k.code, k.file, k.by, finding.message) for k in keys]
    return keys


def rebase(file: str, root: str) -> str:
    """A display path (relative to the working directory) made relative to `root`."""
    if not file:
        return file
    try:
        return Path(os.path.relpath(os.path.abspath(file), root)).as_posix()
    except ValueError:  # another drive on Windows
        return file


def root_of(baseline_file) -> str:
    """The folder a baseline's file paths are relative to: the baseline file's own."""
    return os.path.dirname(os.path.abspath(baseline_file))


@dataclass(frozen=True, slots=True)
class Baseline:
    conflicts: dict[str, str] = field(default_factory=dict)  # open conflict id -> severity name
    findings: Counter = field(default_factory=Counter)  # FindingKey -> how often it occurs


def make_baseline(result, finding_severity: str = "info", root: str | None = None) -> Baseline:
    """The baseline of a result: its open conflicts, and its findings at or above
    `finding_severity` (all of them by default: a finding left out would show as new
    on every baselined run), their files relative to `root` where given."""
    level = SEVERITY_RANK[finding_severity]
    return Baseline(
        {c.id: c.severity_name for c in result.conflicts if c.status == "open"},
        Counter(finding_key(f, root) for f in result.findings if SEVERITY_RANK[f.severity] >= level),
    )


def dumps(baseline: Baseline) -> str:
    findings = []
    for key in sorted(baseline.findings):
        entry = key.as_json()
        if baseline.findings[key] > 1:
            entry["count"] = baseline.findings[key]
        findings.append(entry)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "conflicts": [{"id": cid, "severity": baseline.conflicts[cid]} for cid in sorted(baseline.conflicts)],
        "findings": findings,
    }
    return jsontext.dumps(document)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; anything but a well-formed one is a `BaselineError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: cannot read it ({getattr(err, 'strerror', None) or err})") from None
    try:
        return parse(json.loads(text))
    except json.JSONDecodeError as err:
        raise BaselineError(f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a claimcheck baseline: nested too deeply") from None
    except ValueError as err:
        raise BaselineError(f"{path}: not a claimcheck baseline: {err}") from None


def parse(document) -> Baseline:
    """A Baseline from its JSON document; a ValueError says what is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"expected an object with \"format\": \"{FORMAT}\"")
    if type(document.get("version")) is not int or document["version"] != VERSION:  # true == 1 in Python
        raise ValueError(f"version {document.get('version')!r} is not supported (expected {VERSION})")
    unknown = set(document) - {"format", "version", "conflicts", "findings"}
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}")
    conflicts: dict[str, str] = {}
    for n, entry in enumerate(_list(document, "conflicts")):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry.get("severity") not in SEVERITY_NAMES:
            raise ValueError(f"conflicts[{n}] must be {{\"id\": text, \"severity\": error|warning|info}}")
        conflicts[entry["id"]] = entry["severity"]
    findings: Counter = Counter()
    for n, entry in enumerate(_list(document, "findings")):
        if not isinstance(entry, dict):
            entry = {}
        by = "path" if "path" in entry else "message"
        count = entry.get("count", 1)
        if (
            not all(isinstance(entry.get(k), str) for k in ("code", "file", by))
            or not isinstance(count, int) or isinstance(count, bool) or count < 1
        ):
            raise ValueError(f"findings[{n}] must be {{\"code\", \"file\", and \"path\" or \"message\"}}, all text")
        findings[FindingKey(entry["code"], entry["file"], by, entry[by])] += count
    return Baseline(conflicts, findings)


def _list(document: dict, key: str) -> list:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key!r} must be a list")
    return value


@dataclass(slots=True)
class Comparison:
    """A result against a baseline: what is new, what the baseline covers, what is gone."""

    file: str
    baselined_conflicts: set[str]
    #: per finding of the result, in its order: True when the baseline covers it
    baselined_findings: list[bool]
    new_conflicts: list[str]  # open, and not in the baseline or worse than recorded there
    new_findings: list[FindingKey]
    baselined_finding_keys: list[FindingKey]
    worse: dict[str, tuple[str, str]]  # id -> (severity in the baseline, severity now)
    gone_conflicts: list[str]  # baseline entries that are no longer open conflicts
    gone_findings: list[FindingKey]

    def conflict_baselined(self, conflict_id: str) -> bool:
        return conflict_id in self.baselined_conflicts

    @property
    def baselined_count(self) -> int:
        return len(self.baselined_conflicts) + sum(self.baselined_findings)

    @property
    def new_count(self) -> int:
        return len(self.new_conflicts) + len(self.new_findings)

    @property
    def gone_count(self) -> int:
        return len(self.gone_conflicts) + len(self.gone_findings)

    def as_json(self) -> dict:
        """`summary.baseline` of the JSON document."""
        return {
            "file": self.file,
            "new": {"conflicts": self.new_conflicts, "findings": [k.as_json() for k in self.new_findings]},
            "baselined": {"conflicts": sorted(self.baselined_conflicts), "findings": [k.as_json() for k in self.baselined_finding_keys]},
            "gone": {"conflicts": self.gone_conflicts, "findings": [k.as_json() for k in self.gone_findings]},
            "worse": {cid: {"baseline": was, "now": now} for cid, (was, now) in sorted(self.worse.items())},
        }


def compare(result, baseline: Baseline, file: str = "", root: str | None = None) -> Comparison:
    """Which of `result`'s open conflicts and findings `baseline` covers.

    A conflict is covered when its id is recorded and its severity is no higher than
    recorded; a finding when its key is recorded (as often as it is recorded: a third
    finding on an item recorded twice is new). Acknowledged and resolved conflicts are
    neither new nor covered: they never fail a run anyway. With `root`, finding files
    are compared relative to it (and, for baselines written before that, as shown).
    """
    baselined, new, worse = set(), [], {}
    open_ids = set()
    for conflict in result.conflicts:
        if conflict.status != "open":
            continue
        open_ids.add(conflict.id)
        recorded = baseline.conflicts.get(conflict.id)
        if recorded is None:
            new.append(conflict.id)
        elif conflict.severity > SEVERITY_RANK[recorded]:
            worse[conflict.id] = (recorded, conflict.severity_name)
            new.append(conflict.id)
        else:
            baselined.add(conflict.id)
    remaining = Counter(baseline.findings)
    covered = []
    flags, new_findings = [], []
    for finding in result.findings:
        keys = _keys(finding, root)
        key = next((k for k in keys if remaining[k] > 0), keys[0])
        if remaining[key] > 0:
            remaining[key] -= 1
            covered.append(key)
            flags.append(True)
        else:
            flags.append(False)
            new_findings.append(key)
    gone_findings = sorted(key for key, count in remaining.items() for _ in range(count))
    return Comparison(
        file=file,
        baselined_conflicts=baselined,
        baselined_findings=flags,
        new_conflicts=sorted(new),
        new_findings=new_findings,
        baselined_finding_keys=sorted(covered),
        worse=worse,
        gone_conflicts=sorted(set(baseline.conflicts) - open_ids),
        gone_findings=gone_findings,
    )
