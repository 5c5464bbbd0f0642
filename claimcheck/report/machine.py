"""json and jsonl: stable, sorted, byte-identical for the same corpus."""

from __future__ import annotations

import json

from .. import jsontext
from .data import conflict_dict, document, finding_dict, mark_baselined


def render_json(result, conflicts, baseline=None, **_) -> bytes:
    """The JSON document as UTF-8 bytes (`jsontext.encode`: it can be hundreds of MB)."""
    return jsontext.encode(document(result, conflicts, baseline))


def render_jsonl(result, conflicts, baseline=None, **_) -> str:
    resolutions = {r.conflict: r for r in result.corpus.resolutions}
    conflict_dicts = [conflict_dict(c, resolutions.get(c.id), result.assessments.get(c.id)) for c in conflicts]
    finding_dicts = [finding_dict(f) for f in result.findings]
    if baseline is not None:
        mark_baselined(conflicts, conflict_dicts, finding_dicts, baseline)
    lines = [json.dumps({"type": "conflict", **c}, ensure_ascii=False) for c in conflict_dicts]
    lines += [json.dumps({"type": "finding", **f}, ensure_ascii=False) for f in finding_dicts]
    return "".join(line + "\n" for line in lines)
