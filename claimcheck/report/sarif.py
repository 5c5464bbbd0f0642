"""sarif: SARIF 2.1.0 for code scanning (GitHub, GitLab, IDE viewers): one run, one result per conflict and finding.

Conflicts that are acknowledged or resolved stay in the log as results with an accepted
external suppression (the resolution), so code scanning shows them as dismissed rather
than as fixed. Fingerprints are built from ids, not lines, so an alert follows its
conflict or item while the corpus is edited and reordered.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import __version__, jsontext
from ..engine import KINDS, Conflict
from ..findings import CODES, Finding, stable_where
from .words import conflict_lines, entry_words, first_entry, resolution_words

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
SRCROOT = "%SRCROOT%"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}

#: (short, full) description of each conflict kind, after spec §4
KIND_DESCRIPTIONS = {
    "contradiction": (
        "a claim both supported and opposed at overlapping times",
        "One source affirms a claim (or a claim that implies it) while another denies or "
        "doubts it, and the periods the two assertions cover overlap.",
    ),
    "exclusive": (
        "two claims of an exclusive rule supported at overlapping times",
        "An exclusive rule says at most one of its claims holds at a time, but two of them "
        "are supported by assertions whose periods overlap.",
    ),
    "value": (
        "overlapping assertions that give different values",
        "Assertions that affirm a claim (or, for a single-valued predicate, the same subject "
        "and predicate) give values that differ beyond the tolerance at overlapping times.",
    ),
    "conflicts-with": (
        "a subject affirmed with two incompatible predicates",
        "A subject is affirmed with predicate p in one claim and q in another at overlapping "
        "times, and the predicates are declared to conflict with each other.",
    ),
}
KIND_DEFAULT_LEVEL = {"contradiction": "error", "exclusive": "error", "value": "error", "conflicts-with": "error"}

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_location(file: str) -> dict:
    """A file as shown (relative stays relative, against %SRCROOT%; absolute becomes a file URI).

    Shown paths use `/` on every system (Windows' `\\` included), so a backslash left in
    one is part of a POSIX file name and is percent-encoded like any other character."""
    path = file
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    if _WINDOWS_DRIVE.match(path):
        return {"uri": "file:///" + path[:2] + quote(path[2:])}
    # ':' is quoted too, so that no first segment reads as a URI scheme
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def physical_location(file: str, line: int, column: int) -> dict:
    out: dict = {"artifactLocation": artifact_location(file)}
    if line >= 1:
        out["region"] = {"startLine": line, "startColumn": max(column, 1)}
    return {"physicalLocation": out}


def _rules(findings: list[Finding]) -> list[dict]:
    rules = []
    for kind in KINDS:
        short, full = KIND_DESCRIPTIONS.get(kind, (f"{kind} conflict", f"{kind} conflict"))
        rules.append({
            "id": kind,
            "name": kind,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "defaultConfiguration": {"level": LEVEL[KIND_DEFAULT_LEVEL.get(kind, "error")]},
            "properties": {"tags": ["conflict"]},
        })
    for code in sorted({f.code for f in findings}):
        known = CODES[code]
        rules.append({
            "id": code,
            "name": known.name,
            "shortDescription": {"text": known.summary},
            "defaultConfiguration": {"level": LEVEL[known.severity]},
            "properties": {"tags": ["finding"]},
        })
    return rules


def _conflict_result(conflict: Conflict, rule_index: int, resolution) -> dict:
    first = first_entry(conflict)
    pos = first.assertion.pos
    related = []
    for side in conflict.sides:
        for entry in side.entries:
            if entry is first:
                continue
            a = entry.assertion
            related.append({
                "id": len(related) + 1,
                **physical_location(a.pos.file, a.pos.line, a.pos.column),
                "message": {"text": f"{side.label}: {entry_words(entry, side, conflict)}"},
            })
    lines = conflict_lines(conflict)
    out = {
        "ruleId": conflict.kind,
        "ruleIndex": rule_index,
        "level": LEVEL[conflict.severity_name],
        "message": {"text": "\n".join(lines)},
        "locations": [physical_location(pos.file, pos.line, pos.column)],
    }
    if related:
        out["relatedLocations"] = related
    out["partialFingerprints"] = {"claimcheckId/v1": conflict.id}
    if conflict.status != "open":
        suppression = {
            "kind": "external",
            "status": "accepted",
            "justification": resolution_words(resolution) or conflict.status,
        }
        if resolution is not None:
            p = resolution.pos
            suppression["location"] = physical_location(p.file, p.line, p.column)
        out["suppressions"] = [suppression]
    out["properties"] = {
        "id": conflict.id,
        "kind": conflict.kind,
        "severity": conflict.severity_name,
        "status": conflict.status,
        "claims": list(conflict.claims),
        "sources": list(conflict.sources),
    }
    return out


def finding_fingerprint(finding: Finding) -> str:
    """Code, file and the baseline key's `stable_where`: no line numbers, which move."""
    return f"{finding.code}:{finding.file}:{stable_where(finding)}"


def _finding_result(finding: Finding, rule_index: int, fingerprint: str) -> dict:
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [physical_location(finding.file, finding.line, finding.column)],
        "partialFingerprints": {"claimcheckFinding/v1": fingerprint},
        "properties": {"name": finding.name, "severity": finding.severity},
    }


def conflict_state(conflict: Conflict, baseline, settled_since: set[str]) -> str:
    """SARIF's `baselineState` of a conflict against a `baseline.Comparison`.

    A baseline records open conflicts only. So a recorded conflict that is more severe now,
    or settled now (`settled_since`: recorded, no longer open), was `updated`; a settled one
    it does not record was settled already when it was written, or was settled as soon as it
    appeared: either way nothing a baseline tracks changed (`unchanged`)."""
    if conflict.status != "open":
        return "updated" if conflict.id in settled_since else "unchanged"
    if baseline.conflict_baselined(conflict.id):
        return "unchanged"
    return "updated" if conflict.id in baseline.worse else "new"


def render_sarif(result, conflicts, baseline=None, **_) -> bytes:
    """With a `baseline.Comparison`, every result carries SARIF's `baselineState`
    (`conflict_state`; findings `unchanged` when the baseline covers them, else `new`).
    Baseline entries that no longer occur get no `absent` result: it would have no
    location, and a consumer that does not read `baselineState` would take it for an alert."""
    rules = _rules(result.findings)
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    resolutions = {r.conflict: r for r in result.corpus.resolutions}
    settled_since = set(baseline.gone_conflicts) if baseline is not None else set()
    results = []
    for c in conflicts:
        if not any(side.entries for side in c.sides):
            continue
        out = _conflict_result(c, index[c.kind], resolutions.get(c.id))
        if baseline is not None:
            out["baselineState"] = conflict_state(c, baseline, settled_since)
        results.append(out)
    states = baseline.baselined_findings if baseline is not None else [None] * len(result.findings)
    # Two findings on one item (two unknown fields in one assertion) would share a
    # fingerprint; later ones get a counter so each stays its own alert.
    seen: dict[str, int] = {}
    for finding, baselined in zip(result.findings, states):
        fingerprint = finding_fingerprint(finding)
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        if seen[fingerprint] > 1:
            fingerprint += f":{seen[fingerprint]}"
        out = _finding_result(finding, index[finding.code], fingerprint)
        if baselined is not None:
            out["baselineState"] = "unchanged" if baselined else "new"
        results.append(out)
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return jsontext.encode(log)  # UTF-8 bytes, as render_json
