"""The JSON document (cli.md): the one shape that json, jsonl and other formats share."""

from __future__ import annotations

from collections import Counter

from .. import __version__
from ..analysis import Result
from ..engine import Conflict
from ..engine.conflict import Entry
from ..findings import Finding
from ..values import json_value

SCHEMA_VERSION = 1


def entry_dict(entry: Entry) -> dict:
    a = entry.assertion
    out = {
        "claim": a.claim,
        "index": a.index,
        "source": a.source,
        "stance": a.stance,
        "date": a.date.text if a.date else None,
        "period": a.period.as_json(),
        "value": json_value(a.value),
        "credibility": a.credibility,
        "via": list(a.via),
        "origin": a.origin,
        "chain": list(entry.chain),
        "self_interested": entry.self_interested,
        "interest": entry.interest,
        "withdrawn": a.withdrawn.text if a.withdrawn else None,
        "quote": a.quote,
        "file": a.pos.file,
        "line": a.pos.line,
        "column": a.pos.column,
    }
    return out


def conflict_dict(conflict: Conflict, resolution=None, assessment=None) -> dict:
    both_sides = conflict.self_contradicting_sources  # a property that looks at every entry: once
    out = {
        "id": conflict.id,
        "kind": conflict.kind,
        "severity": conflict.severity_name,
        "status": conflict.status,
        "claims": list(conflict.claims),
        "sources": list(conflict.sources),
        **(conflict.subject or {}),
        "sides": [
            {
                "label": side.label,
                "independent_origins": side.independent_origins,
                "assertions": [entry_dict(e) for e in side.entries],
            }
            for side in conflict.sides
        ],
        "self_contradiction": bool(both_sides),
        "self_contradicting_sources": list(both_sides),
        "reversal": conflict.reversal,
    }
    if assessment is not None:
        out["assessment"] = assessment.as_json()
    if resolution is not None:
        out["resolution"] = {
            "status": resolution.status,
            "verdict": resolution.verdict,
            "note": resolution.note,
            "by": resolution.by,
            "date": resolution.date.text if resolution.date else None,
            "ratings": {r.claim: r.rating for r in resolution.ratings},
        }
    return out


def finding_dict(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
    }


def summary(result: Result, conflicts: list[Conflict] | None = None) -> dict:
    conflicts = result.conflicts if conflicts is None else conflicts
    corpus = result.corpus
    open_ = [c for c in conflicts if c.status == "open"]
    by_severity = _count(c.severity_name for c in open_)
    return {
        "files": len(result.files),
        "sources": len(corpus.sources),
        "entities": len(corpus.entities),
        "claims": len(corpus.claims),
        "assertions": sum(len(c.assertions) for c in corpus.claims.values()),
        "rules": len(corpus.rules),
        "conflicts": len(conflicts),
        "open_conflicts": len(open_),
        "open_conflicts_by_severity": by_severity,
        "all_conflicts_by_severity": _count(c.severity_name for c in conflicts),
        # deprecated (schema_version 1 keeps it): the open ones, unlike the _by_kind and _by_status beside it
        "conflicts_by_severity": dict(by_severity),
        "conflicts_by_kind": _count(c.kind for c in conflicts),
        "conflicts_by_status": _count(c.status for c in conflicts),
        "findings": len(result.findings),
        "findings_by_severity": _count(f.severity for f in result.findings),
    }


def _count(values) -> dict:
    return dict(sorted(Counter(values).items()))


def document(result: Result, conflicts: list[Conflict] | None = None, baseline=None) -> dict:
    """The JSON document. With a `baseline.Comparison`, every conflict and finding says
    whether the baseline covers it (`baselined`), and the summary tells what is new,
    covered and gone (`summary.baseline`)."""
    conflicts = result.conflicts if conflicts is None else conflicts
    resolutions = {r.conflict: r for r in result.corpus.resolutions}
    out = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "as_of": result.as_of.text if result.as_of else None,
        "conflicts": [conflict_dict(c, resolutions.get(c.id), result.assessments.get(c.id)) for c in conflicts],
        "findings": [finding_dict(f) for f in result.findings],
        "summary": summary(result, conflicts),
    }
    if baseline is not None:
        mark_baselined(conflicts, out["conflicts"], out["findings"], baseline)
        out["summary"]["baseline"] = baseline.as_json()
    return out


def mark_baselined(conflicts: list[Conflict], conflict_dicts: list[dict], finding_dicts: list[dict], baseline) -> None:
    """Add `"baselined": true|false` to conflict and finding dicts (findings in the result's order)."""
    for conflict, out in zip(conflicts, conflict_dicts):
        out["baselined"] = baseline.conflict_baselined(conflict.id)
    for flag, out in zip(baseline.baselined_findings, finding_dicts):
        out["baselined"] = flag
