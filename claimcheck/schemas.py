"""JSON Schemas (draft 2020-12): of corpus files, generated from `schema.py`, and of the JSON output.

The corpus schema is for editors: with yaml-language-server (VS Code's YAML extension,
Neovim, Helix, ...) a first line `# yaml-language-server: $schema=corpus.schema.json`
gives completion, hover help from each field's `doc`, and checks as you type. It says
what it can in JSON Schema: types, the allowed words, the slug pattern, required fields,
no unknown fields. What it cannot say (ids that point nowhere, a rule's fields for its
kind, dates off the calendar) `claimcheck check` still finds.

It follows the validator's reading of an empty value: an optional field left empty
(`quote:`) counts as left out, and an empty list field counts as an empty list.
"""

from __future__ import annotations

from . import schema
from .schema import Field, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: YYYY, YYYY-MM or YYYY-MM-DD, with months and days in range (the calendar is left to check)
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

SECTION_DOCS = {
    "sources": "who says things: newspapers, governments, analysts, anonymous sources",
    "entities": "the people, organizations, countries and places claims are about",
    "predicates": "optional constraints on claims' predicates (single value, value type, conflicts_with)",
    "claims": "propositions, each with the assertions of sources that affirm, deny or doubt it",
    "rules": "relations between claims: exclusive, implies, equivalent",
    "resolutions": "conflicts that are acknowledged or resolved",
}

#: field kinds whose empty value (null) is read as an empty list
_LIST_KINDS = ("records", "slug-list", "text-list", "ref-list")


def _slug() -> dict:
    return {"type": "string", "pattern": schema.SLUG_PATTERN, "maxLength": schema.SLUG_MAX}


def _field_schema(spec: Field) -> dict:
    kind = spec.kind
    if kind in ("slug", "ref"):
        out = _slug()
    elif kind == "text":
        out = {"type": "string"}
    elif kind == "enum":
        out = {"type": "string", "enum": list(spec.choices)}
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind in ("number", "int"):
        out = {"type": "integer" if kind == "int" else "number"}
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
    elif kind in ("date", "period"):
        # the definitions take null already (left empty: left out), so that errors inside
        # a period point at its bound; a required one must not be empty
        out = {"$ref": f"#/$defs/{kind}"}
        return {"description": spec.doc, **out, **({"not": {"type": "null"}} if spec.required else {})}
    elif kind == "value":
        out = {"anyOf": [{"type": ["string", "number", "boolean"]}, {"$ref": "#/$defs/range"}]}
    elif kind in ("slug-list", "ref-list"):
        out = {"type": "array", "items": _slug()}
    elif kind == "text-list":
        out = {"type": "array", "items": {"type": "string"}}
    elif kind == "ref-or-list":
        out = {"anyOf": [_slug(), {"type": "array", "items": _slug()}]}
    elif kind == "records":
        out = {"type": "array", "items": _record_schema(spec.record)}
    elif kind == "ratings":
        out = {
            "type": "object",
            "propertyNames": _slug(),
            "additionalProperties": {"type": ["string", "number", "boolean"], "description": "the rating, e.g. False or Likely"},
        }
    else:  # pragma: no cover - a kind added to schema.py without a schema here
        raise ValueError(f"no JSON Schema for field kind {kind!r}")
    if not spec.required or kind in _LIST_KINDS:
        out = _nullable(out)
    return {"description": spec.doc, **out}


def _nullable(out: dict) -> dict:
    """Left empty (`kind: ~`) reads as left out: null is allowed, enum or not."""
    if "enum" in out:
        out = {**out, "enum": [*out["enum"], None]}
    if isinstance(out.get("type"), str):
        return {**out, "type": [out["type"], "null"]}
    if isinstance(out.get("type"), list):
        return {**out, "type": [*out["type"], "null"]}
    return {"anyOf": [out, {"type": "null"}]}


def _record_schema(record: Record) -> dict:
    out = {
        "title": record.name,
        "type": "object",
        "properties": {spec.name: _field_schema(spec) for spec in record.fields},
        "additionalProperties": False,
    }
    required = [spec.name for spec in record.fields if spec.required]
    if required:
        out["required"] = required
    return out


def corpus_schema() -> dict:
    """The JSON Schema of one corpus file (format version 2)."""
    date = {
        "description": "YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole span",
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1, "maximum": 9999, "description": "a bare year"},
            {"type": "null", "description": "left empty: left out"},
        ],
    }
    period = {
        "description": "a closed interval of days; either bound may be left out (open)",
        "type": ["object", "null"],
        "properties": {
            "start": {"description": "from the first day of this date's span", "$ref": "#/$defs/date"},
            "end": {"description": "to the last day of this date's span", "$ref": "#/$defs/date"},
        },
        "additionalProperties": False,
    }
    bound = {
        "description": "a number, a date (YYYY, YYYY-MM or YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]); left out or empty: open",
        "type": ["number", "string", "null"],
    }
    value_range = {
        "description": "some value from min through max; either bound may be left out (open), not both",
        "type": "object",
        "properties": {"min": bound, "max": bound},
        "additionalProperties": False,
        "minProperties": 1,
    }
    return {
        "$schema": DRAFT,
        "title": "claimcheck corpus file",
        "description": "One file of a claimcheck corpus (format version 2): any of six lists.",
        "type": ["object", "null"],
        "properties": {
            name: {
                "description": SECTION_DOCS.get(name, name),
                "type": ["array", "null"],
                "items": _record_schema(record),
            }
            for name, record in schema.SECTIONS.items()
        },
        "additionalProperties": False,
        "$defs": {"date": date, "period": period, "range": value_range},
    }


def output_schema() -> dict:
    """The JSON Schema of `check --format json` and `conflicts --format json`."""
    from .report.data_schema import OUTPUT_SCHEMA

    return OUTPUT_SCHEMA


SCHEMAS = {"corpus": corpus_schema, "output": output_schema}
