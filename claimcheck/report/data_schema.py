"""The JSON Schema (draft 2020-12) of the JSON document that `data.document` builds.

Written by hand and kept beside `data.py`: a field added there is added here, or
tests/test_schemas.py fails on real output. `claimcheck schema output` prints it.
"""

from __future__ import annotations

from ..model import SEVERITY_ORDER

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_SEVERITY = {"type": "string", "enum": list(SEVERITY_ORDER)}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
_COUNT = {"type": "integer", "minimum": 0}
_TEXT_OR_NULL = {"type": ["string", "null"]}

_FINDING_KEY = {
    "description": "a finding as a baseline knows it: code, file, and the item path (else the message)",
    "type": "object",
    "properties": {"code": {"type": "string"}, "file": {"type": "string"}, "path": {"type": "string"}, "message": {"type": "string"}},
    "required": ["code", "file"],
    "additionalProperties": False,
}

_BASELINE_PART = {
    "type": "object",
    "properties": {
        "conflicts": {**_STRINGS, "description": "conflict ids"},
        "findings": {"type": "array", "items": {"$ref": "#/$defs/finding_key"}},
    },
    "required": ["conflicts", "findings"],
    "additionalProperties": False,
}

OUTPUT_SCHEMA = {
    "$schema": DRAFT,
    "title": "claimcheck report",
    "description": "The output of `claimcheck check --format json` and `claimcheck conflicts --format json` (schema_version 1).",
    "type": "object",
    "properties": {
        "schema_version": {"const": 1},
        "tool": {
            "type": "object",
            "properties": {"name": {"const": "claimcheck"}, "version": {"type": "string"}},
            "required": ["name", "version"],
            "additionalProperties": False,
        },
        "as_of": {**_TEXT_OR_NULL, "description": "--as-of: the date the conflicts were found as of (YYYY[-MM[-DD]]), or null for now"},
        "conflicts": {"description": "every conflict shown, sorted by id", "type": "array", "items": {"$ref": "#/$defs/conflict"}},
        "findings": {"description": "load, schema, reference and lint findings, sorted by file, line, column, code", "type": "array", "items": {"$ref": "#/$defs/finding"}},
        "summary": {"$ref": "#/$defs/summary"},
    },
    "required": ["schema_version", "tool", "as_of", "conflicts", "findings", "summary"],
    "additionalProperties": False,
    "$defs": {
        "conflict": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "description": "kind:... — depends on ids alone (spec §4.6)"},
                "kind": {"type": "string", "enum": ["contradiction", "exclusive", "value", "conflicts-with"]},
                "severity": _SEVERITY,
                "status": {"type": "string", "enum": ["open", "acknowledged", "resolved"]},
                "claims": {**_STRINGS, "description": "sorted, distinct ids of the claims that take part"},
                "sources": {**_STRINGS, "description": "sorted, distinct ids of the sources that take part"},
                "claim": {"type": "string", "description": "the claim a contradiction or per-claim value conflict is about"},
                "rule": {"type": "string", "description": "the exclusive rule"},
                "subject": {"type": "string", "description": "the subject of a grouped value or conflicts-with conflict"},
                "predicate": {"type": "string", "description": "the single-valued predicate of a grouped value conflict"},
                "predicates": {**_STRINGS, "minItems": 2, "maxItems": 2, "description": "the two incompatible predicates"},
                "sides": {"type": "array", "items": {"$ref": "#/$defs/side"}},
                "self_contradiction": {"type": "boolean"},
                "self_contradicting_sources": _STRINGS,
                "reversal": {"type": "boolean"},
                "assessment": {"$ref": "#/$defs/assessment"},
                "resolution": {"$ref": "#/$defs/resolution"},
                "baselined": {"type": "boolean", "description": "with --baseline: the baseline covers this conflict"},
            },
            "required": [
                "id", "kind", "severity", "status", "claims", "sources", "sides",
                "self_contradiction", "self_contradicting_sources", "reversal",
            ],
            "additionalProperties": False,
        },
        "side": {
            "type": "object",
            "properties": {
                "label": {"type": "string", "description": "supports/opposes, a rule member's claim id, or a value"},
                "independent_origins": _COUNT,
                "assertions": {"type": "array", "items": {"$ref": "#/$defs/assertion"}},
            },
            "required": ["label", "independent_origins", "assertions"],
            "additionalProperties": False,
        },
        "assertion": {
            "type": "object",
            "properties": {
                "claim": {"type": "string", "description": "the claim the assertion is made on"},
                "index": {"type": "integer", "minimum": 0, "description": "its place in the claim's assertions"},
                "source": {"type": "string"},
                "stance": {"type": "string", "enum": ["affirms", "denies", "doubts"]},
                "date": _TEXT_OR_NULL,
                "period": {
                    "type": "object",
                    "properties": {"start": {"type": "string"}, "end": {"type": "string"}},
                    "additionalProperties": False,
                },
                "value": {
                    "description": "the value given (or its claim's object); a range is {min, max}, an open bound null",
                    "anyOf": [
                        {"type": ["string", "number", "boolean", "null"]},
                        {
                            "type": "object",
                            "properties": {"min": {"type": ["string", "number", "null"]}, "max": {"type": ["string", "number", "null"]}},
                            "required": ["min", "max"],
                            "additionalProperties": False,
                        },
                    ],
                },
                "credibility": {"type": "integer", "minimum": 1, "maximum": 6},
                "via": _STRINGS,
                "origin": {"type": "string"},
                "chain": {**_STRINGS, "description": "the rule ids support travelled along"},
                "self_interested": {"type": "boolean", "description": "self-serving, or (where its claim names no favours/harms) its source represents the claim's subject or object"},
                "interest": {
                    "enum": ["self-serving", "against-interest", None],
                    "description": "where its claim names whom it favours or harms: whether the assertion serves its source's party or goes against it",
                },
                "withdrawn": {**_TEXT_OR_NULL, "description": "when the source withdrew it; only as of an earlier date can a withdrawn assertion stand on a side"},
                "quote": _TEXT_OR_NULL,
                "file": {"type": "string"},
                "line": {"type": "integer", "minimum": 0},
                "column": {"type": "integer", "minimum": 0},
            },
            "required": [
                "claim", "index", "source", "stance", "date", "period", "value", "credibility",
                "via", "origin", "chain", "self_interested", "interest", "withdrawn", "quote", "file", "line", "column",
            ],
            "additionalProperties": False,
        },
        "assessment": {
            "type": "object",
            "properties": {
                "method": {"enum": ["prior", "trust"]},
                "value": _TEXT_OR_NULL,
                "trust": {"type": "object", "additionalProperties": {"type": "number"}},
                "scores": {"type": "object", "additionalProperties": {"type": "number"}},
                "leaning": _TEXT_OR_NULL,
                "margin": {"type": "number"},
                "explanation": {"type": "string"},
                "sensitivity": {
                    "anyOf": [
                        {"type": "null"},
                        {
                            "type": "object",
                            "properties": {
                                "source": {"type": "string"},
                                "from": {"type": "string"},
                                "to": {"type": "string"},
                                "leaning_then": _TEXT_OR_NULL,
                            },
                            "required": ["source", "from", "to", "leaning_then"],
                            "additionalProperties": False,
                        },
                    ]
                },
            },
            "required": ["method", "scores", "leaning", "margin", "explanation", "sensitivity"],
            "additionalProperties": False,
        },
        "resolution": {
            "type": "object",
            "properties": {
                "status": {"type": "string", "enum": ["acknowledged", "resolved"]},
                "verdict": _TEXT_OR_NULL,
                "note": _TEXT_OR_NULL,
                "by": _TEXT_OR_NULL,
                "date": _TEXT_OR_NULL,
                "ratings": {"type": "object", "additionalProperties": {"type": "string"}, "description": "claim id -> the rating the resolution gives it"},
            },
            "required": ["status", "verdict", "note", "by", "date", "ratings"],
            "additionalProperties": False,
        },
        "finding": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "pattern": "^[A-Z]+[0-9]+$"},
                "name": {"type": "string"},
                "severity": _SEVERITY,
                "message": {"type": "string"},
                "file": {"type": "string"},
                "line": {"type": "integer", "minimum": 0},
                "column": {"type": "integer", "minimum": 0},
                "baselined": {"type": "boolean", "description": "with --baseline: the baseline covers this finding"},
            },
            "required": ["code", "name", "severity", "message", "file", "line", "column"],
            "additionalProperties": False,
        },
        "summary": {
            "type": "object",
            "properties": {
                "files": _COUNT,
                "sources": _COUNT,
                "entities": _COUNT,
                "claims": _COUNT,
                "assertions": _COUNT,
                "rules": _COUNT,
                "conflicts": {**_COUNT, "description": "the conflicts in `conflicts` (those shown), open, acknowledged or resolved"},
                "open_conflicts": {**_COUNT, "description": "those of them that are open"},
                "open_conflicts_by_severity": {**_COUNTS, "description": "the open ones only, by severity"},
                "all_conflicts_by_severity": {**_COUNTS, "description": "all of them (open, acknowledged, resolved), by severity"},
                "conflicts_by_severity": {
                    **_COUNTS,
                    "deprecated": True,
                    "description": "deprecated: the same as open_conflicts_by_severity (open conflicts only, unlike "
                                   "conflicts_by_kind and conflicts_by_status); kept within schema_version 1",
                },
                "conflicts_by_kind": {**_COUNTS, "description": "all of them (open, acknowledged, resolved), by kind"},
                "conflicts_by_status": {**_COUNTS, "description": "all of them, by status"},
                "findings": _COUNT,
                "findings_by_severity": _COUNTS,
                "baseline": {"$ref": "#/$defs/baseline"},
            },
            "required": [
                "files", "sources", "entities", "claims", "assertions", "rules", "conflicts",
                "open_conflicts", "open_conflicts_by_severity", "all_conflicts_by_severity", "conflicts_by_severity",
                "conflicts_by_kind", "conflicts_by_status",
                "findings", "findings_by_severity",
            ],
            "additionalProperties": False,
        },
        "baseline": {
            "description": "with --baseline: what it does not cover (new), covers (baselined), and holds that no longer occurs (gone)",
            "type": "object",
            "properties": {
                "file": {"type": "string"},
                "new": _BASELINE_PART,
                "baselined": _BASELINE_PART,
                "gone": _BASELINE_PART,
                "worse": {
                    "description": "baselined conflicts that are more severe now (they count as new)",
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "properties": {"baseline": _SEVERITY, "now": _SEVERITY},
                        "required": ["baseline", "now"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["file", "new", "baselined", "gone", "worse"],
            "additionalProperties": False,
        },
        "finding_key": _FINDING_KEY,
    },
}
