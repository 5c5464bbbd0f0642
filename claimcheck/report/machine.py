"""json and jsonl: stable, sorted, byte-identical for the same corpus."""

from __future__ import annotations

import json

from .data import conflict_dict, document, finding_dict


def render_json(result, conflicts, **_) -> str:
    return json.dumps(document(result, conflicts), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(result, conflicts, **_) -> str:
    resolutions = {r.conflict: r for r in result.corpus.resolutions}
    lines = [
        json.dumps({"type": "conflict", **conflict_dict(c, resolutions.get(c.id), result.assessments.get(c.id))}, ensure_ascii=False)
        for c in conflicts
    ]
    lines += [json.dumps({"type": "finding", **finding_dict(f)}, ensure_ascii=False) for f in result.findings]
    return "".join(line + "\n" for line in lines)
