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


# --- the same text a piece at a time: a SQL engine's conflicts, streamed (tabular.stream) ---

#: what comes before a conflict in the json document's list: the first, and every other
JSON_FIRST, JSON_NEXT = b"[\n    ", b",\n    "


def json_head(shape: dict) -> bytes:
    """The json document up to its list of conflicts; `shape`: `document()` of none."""
    keys = list(shape)
    cut = keys.index("conflicts")
    return jsontext.encode({k: shape[k] for k in keys[: cut + 1]})[: -len(b"[]\n}\n")]


def json_conflict(data: dict, first: bool) -> bytes:
    """One conflict (`conflict_dict`) of the json document's list, as render_json indents it."""
    return (JSON_FIRST if first else JSON_NEXT) + jsontext.encode(data)[:-1].replace(b"\n", b"\n    ")


def json_tail(shape: dict, any_conflicts: bool) -> bytes:
    """The json document from the end of its list of conflicts; `shape`: the document
    with its summary, its conflicts aside."""
    keys = list(shape)
    rest = jsontext.encode({k: shape[k] for k in keys[keys.index("conflicts") + 1:]})
    return (b"\n  ]" if any_conflicts else b"[]") + b",\n" + rest[len(b"{\n"):]


def jsonl_line(kind: str, data: dict) -> bytes:
    """One line of jsonl: a conflict (`conflict_dict`) or a finding (`finding_dict`)."""
    return (json.dumps({"type": kind, **data}, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
