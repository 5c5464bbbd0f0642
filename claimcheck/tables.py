"""The tabular corpus, declared once: the corpus format's model as flat tables in Parquet.

A folder that holds these tables (`claims.parquet`, `assertions.parquet`, ...; each a
Parquet file, or a folder of Parquet parts as Spark writes them) is a corpus wherever a
PATH is accepted. This declaration drives reading them (types, required columns),
their validation (`claimcheck.tablecheck`), `claimcheck export parquet`, `claimcheck
schema tables` and the README's table of them. It imports nothing heavy: whether a
PATH is a table corpus is asked on every run.

Values keep their YAML type in two columns: `value_kind` (`text`, `int`, `float`,
`bool`, `date`, `datetime` or `range`) and `value`, the value written canonically
(integers in decimal, floats as Python's `repr`, booleans `true`/`false`, dates
`YYYY-MM-DD`, texts as they are). A range (format version 2) keeps its bounds in
`value_min`/`value_max` with their kinds; an open bound is null. Dates are kept as
written (`2025`, `2025-10`, `2025-10-12`). Every row may say where it came from (`file`,
`line`, `column` of the YAML, or of the CSV row), so findings and conflicts still point
at a place; a row without them is named by its table and row number.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Pos, Range
from .values import canonical_text

#: the kinds a value column may hold (`value_kind`, `object_kind`)
VALUE_KINDS = ("text", "int", "float", "bool", "date", "datetime", "range")
#: a rule member's part in its rule
ROLES = ("if", "then", "claims")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # DuckDB's type name: VARCHAR, INTEGER, BIGINT, BOOLEAN, VARCHAR[], MAP(VARCHAR, VARCHAR)
    doc: str
    required: bool = False  # the column must be there and hold no nulls


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    required: bool = False  # a table corpus without it is in error
    row: str = "row"  # what one row is, for messages

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _place() -> tuple[Column, ...]:
    return (
        Column("file", "VARCHAR", "where the row came from: the YAML file (or CSV file) as it was named"),
        Column("line", "INTEGER", "its line there (of the YAML record, or the CSV row)"),
        Column("column", "INTEGER", "its column there"),
    )


def _value(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_kind", "VARCHAR", f"what YAML typed {what} as: " + ", ".join(VALUE_KINDS)),
        Column(prefix, "VARCHAR", f"{what}, written canonically (null: none)"),
        Column(f"{prefix}_min_kind", "VARCHAR", "a range's lower bound's kind"),
        Column(f"{prefix}_min", "VARCHAR", "a range's lower bound (null: open)"),
        Column(f"{prefix}_max_kind", "VARCHAR", "a range's upper bound's kind"),
        Column(f"{prefix}_max", "VARCHAR", "a range's upper bound (null: open)"),
    )


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("sources", "who says things", (
        Column("id", "VARCHAR", "slug", required=True),
        Column("name", "VARCHAR", "display name", required=True),
        Column("kind", "VARCHAR", "newspaper, agency, government, ... (null: other)"),
        Column("reliability", "VARCHAR", "Admiralty reliability A–F (null: F)"),
        Column("represents", "VARCHAR[]", "entity ids this source speaks for"),
        Column("url", "VARCHAR", "web address"),
        Column("country", "VARCHAR", "country"),
        Column("note", "VARCHAR", "free note"),
        *_place(),
    ), required=True, row="source"),
    Table("entities", "people, organizations, countries, places", (
        Column("id", "VARCHAR", "slug", required=True),
        Column("name", "VARCHAR", "e.g. Nicolás Maduro", required=True),
        Column("aliases", "VARCHAR[]", "other names"),
        Column("kind", "VARCHAR", "person, organization, country, place, event, other"),
        *_place(),
    ), row="entity"),
    Table("predicates", "optional constraints on claims' predicates", (
        Column("id", "VARCHAR", "slug", required=True),
        Column("description", "VARCHAR", "what it means"),
        Column("single_value", "BOOLEAN", "a subject has one value at a time (null: false)"),
        Column("value_type", "VARCHAR", "text, number, date, datetime, entity or boolean (null: inferred)"),
        Column("tolerance", "VARCHAR", "a number, exactly as decimal text (numbers; days for dates; minutes for date-times)"),
        Column("conflicts_with", "VARCHAR[]", "predicate ids the same subject cannot hold at once"),
        *_place(),
    ), row="predicate"),
    Table("claims", "propositions", (
        Column("id", "VARCHAR", "slug", required=True),
        Column("text", "VARCHAR", "the proposition in plain words", required=True),
        Column("subject", "VARCHAR", "entity id"),
        Column("predicate", "VARCHAR", "predicate id (need not be declared)"),
        *_value("object", "the claim's object, an entity id or a literal value"),
        Column("period_start", "VARCHAR", "default period of its assertions: start date (null: open)"),
        Column("period_end", "VARCHAR", "... and end date (null: open)"),
        Column("favours", "VARCHAR[]", "entity ids whose interest the claim serves"),
        Column("harms", "VARCHAR[]", "entity ids whose interest the claim hurts"),
        Column("tags", "VARCHAR[]", "slugs"),
        *_place(),
    ), required=True, row="claim"),
    Table("assertions", "who affirms, denies or doubts each claim", (
        Column("claim", "VARCHAR", "claim id", required=True),
        Column("index", "INTEGER", "its place among its claim's assertions, from 0", required=True),
        Column("source", "VARCHAR", "source id", required=True),
        Column("stance", "VARCHAR", "affirms, denies or doubts", required=True),
        Column("date", "VARCHAR", "when the source said it (YYYY, YYYY-MM or YYYY-MM-DD)"),
        Column("has_period", "BOOLEAN", "true: the period below is its own; else its claim's"),
        Column("period_start", "VARCHAR", "when the source says the claim holds: start (null: open)"),
        Column("period_end", "VARCHAR", "... and end (null: open)"),
        *_value("value", "the value this source gives"),
        Column("withdrawn", "VARCHAR", "the date the source withdrew it (format version 2)"),
        Column("credibility", "INTEGER", "Admiralty credibility 1–6 (null: 6)"),
        Column("via", "VARCHAR[]", "source ids it came through, nearest first"),
        Column("quote", "VARCHAR", "the source's words"),
        Column("url", "VARCHAR", "web address"),
        Column("note", "VARCHAR", "free note"),
        *_place(),
    ), required=True, row="assertion"),
    Table("rules", "relations between claims", (
        Column("id", "VARCHAR", "slug", required=True),
        Column("kind", "VARCHAR", "exclusive, implies or equivalent", required=True),
        Column("severity", "VARCHAR", "error, warning or info (null: error)"),
        Column("note", "VARCHAR", "why the rule holds"),
        *_place(),
    ), row="rule"),
    Table("rule_members", "the claims each rule names", (
        Column("rule", "VARCHAR", "rule id", required=True),
        Column("role", "VARCHAR", "if or then (implies), claims (exclusive, equivalent)", required=True),
        Column("position", "INTEGER", "its place in the rule's list, from 0", required=True),
        Column("claim", "VARCHAR", "claim id", required=True),
        *_place(),
    ), row="rule member"),
    Table("resolutions", "conflicts acknowledged or resolved", (
        Column("conflict", "VARCHAR", "a conflict id", required=True),
        Column("status", "VARCHAR", "acknowledged or resolved", required=True),
        Column("verdict", "VARCHAR", "the verdict"),
        Column("note", "VARCHAR", "free note"),
        Column("by", "VARCHAR", "who resolved it"),
        Column("date", "VARCHAR", "when"),
        Column("ratings", "MAP(VARCHAR, VARCHAR)", "claim id → rating (format version 2)"),
        *_place(),
    ), row="resolution"),
)}


def table_path(root: Path, name: str) -> Path | None:
    """Where table `name` of the corpus at `root` is: `name.parquet` (a file, or a folder
    of parts), or None."""
    path = root / f"{name}.parquet"
    return path if path.exists() else None


def is_table_corpus(path: Path) -> bool:
    """Is this PATH a folder of tables? (Cheap: asked of every PATH on every run.)"""
    try:
        if not path.is_dir():
            return False
        names = set(os.listdir(path))
    except OSError:
        return False
    return any(f"{name}.parquet" in names for name in TABLES)


def tables_schema() -> dict:
    """`claimcheck schema tables`: every table and column, with types and meanings."""
    return {
        "title": "claimcheck tabular corpus",
        "description": (
            "A folder of Parquet tables (NAME.parquet: a file or a folder of parts) is a corpus. "
            "Types are DuckDB's (VARCHAR is text, VARCHAR[] a list of texts)."
        ),
        "tables": {
            t.name: {
                "description": t.doc,
                "required": t.required,
                "columns": {c.name: {"type": c.type, "required": c.required, "description": c.doc} for c in t.columns},
            }
            for t in TABLES.values()
        },
    }


# --- values and places in rows --------------------------------------------------------------


def encode_value(value) -> tuple[str | None, str | None]:
    """(kind, canonical text) of a value as YAML typed it (`tables.VALUE_KINDS`); a
    range's text is its canonical `X..Y` (its bounds: `encode_bounds`)."""
    if value is None:
        return None, None
    if type(value) is Range:
        return "range", canonical_text(value)
    if isinstance(value, bool):
        return "bool", "true" if value else "false"
    if isinstance(value, int):
        return "int", str(value)
    if isinstance(value, float):
        return "float", repr(value)
    if isinstance(value, _dt.datetime):
        return "datetime", value.isoformat()
    if isinstance(value, _dt.date):
        return "date", value.isoformat()
    return "text", str(value)


def encode_bounds(value) -> tuple:
    """(min kind, min, max kind, max) of a range; nulls for any other value."""
    if type(value) is not Range:
        return None, None, None, None
    return (*encode_value(value.min), *encode_value(value.max))


def encode_all(value) -> tuple:
    """The six columns of a value: kind, text, and a range's bounds."""
    return (*encode_value(value), *encode_bounds(value))


def decode_value(kind: str | None, text: str | None, min_kind=None, low=None, max_kind=None, high=None):
    """The value `encode_all` wrote, as YAML typed it; raises ValueError when a text is
    not of its kind."""
    if kind == "range":
        if min_kind == "range" or max_kind == "range":
            raise ValueError("a range's bound is no range")
        return Range(decode_value(min_kind, low), decode_value(max_kind, high))
    if kind is None or text is None:
        return None
    if kind == "text":
        return text
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"'{text}' is no boolean (true or false)")
        return text == "true"
    if kind == "date":
        return _dt.date.fromisoformat(text)
    if kind == "datetime":
        return _dt.datetime.fromisoformat(text)
    raise ValueError(f"'{kind}' is no value kind")


def place(file: str | None, line: int | None, column: int | None, part: str, row: int) -> Pos:
    """Where a row came from: its YAML place where it has one, else its table's file
    (or part) and its row there."""
    return Pos(file, line or 1, column or 1) if file is not None else Pos(part, row, 1)
