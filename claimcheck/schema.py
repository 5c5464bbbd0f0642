"""The corpus format (spec §3), declared once.

This table drives validation, the did-you-mean suggestions and (through
`schemas.corpus_schema`) the JSON Schema that editors use. Adding a field is adding a `Field` here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import SEVERITY_ORDER

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SLUG_MAX = 128

SOURCE_KINDS = (
    "newspaper", "broadcaster", "agency", "magazine", "government", "official", "report",
    "think-tank", "analyst", "social-media", "anonymous", "other",
)
RELIABILITY = ("A", "B", "C", "D", "E", "F")
ENTITY_KINDS = ("person", "organization", "country", "place", "event", "other")
VALUE_TYPES = ("text", "number", "date", "datetime", "entity", "boolean")
STANCES = ("affirms", "denies", "doubts")
RULE_KINDS = ("exclusive", "implies", "equivalent")
STATUSES = ("acknowledged", "resolved")


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record.

    kind: slug | text | enum | bool | number | int | date | period | value |
          slug-list | text-list | ref | ref-list | ref-or-list | records | ratings
    (a `value` is a scalar or a range `{min, max}`; `ratings` maps claim ids to texts)
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple = ()
    ref: str | None = None  # the section a ref names
    record: "Record | None" = None  # for kind "records"
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True, slots=True)
class Record:
    name: str  # singular, for messages: "source", "assertion"
    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _id(doc: str) -> Field:
    return Field("id", "slug", doc, required=True)


SOURCE = Record("source", (
    _id("unique id of the source"),
    Field("name", "text", "display name, e.g. El País", required=True),
    Field("kind", "enum", "what sort of source (default other)", choices=SOURCE_KINDS),
    Field("reliability", "enum", "Admiralty source reliability A (completely reliable) … E (unreliable), F (cannot be judged; the default)", choices=RELIABILITY),
    Field("represents", "ref-list", "entity ids this source speaks for; its assertions about them are self-interested", ref="entities"),
    Field("url", "text", "web address"),
    Field("country", "text", "country"),
    Field("note", "text", "free note"),
))

ENTITY = Record("entity", (
    _id("unique id of the entity"),
    Field("name", "text", "e.g. Nicolás Maduro", required=True),
    Field("aliases", "text-list", "other names (Maduro, President Maduro)"),
    Field("kind", "enum", "what sort of entity", choices=ENTITY_KINDS),
))

PREDICATE = Record("predicate", (
    _id("slug used by claims' predicate"),
    Field("description", "text", "what the predicate means"),
    Field("single_value", "bool", "true: a subject has one value of this predicate at any time"),
    Field("value_type", "enum", "how values compare; inferred per pair where left out", choices=VALUE_TYPES),
    Field("tolerance", "number", "largest difference that still agrees (numbers; days for dates; minutes for date-times)", minimum=0),
    Field("conflicts_with", "slug-list", "predicate ids the same subject cannot hold at the same time"),
))

ASSERTION = Record("assertion", (
    Field("source", "ref", "source id", required=True, ref="sources"),
    Field("stance", "enum", "affirms, denies, or doubts", required=True, choices=STANCES),
    Field("date", "date", "when the source said it"),
    Field("period", "period", "when the source says the claim holds (replaces the claim's period)"),
    Field("value", "value", "the value this source gives: a number, date, date-time, text, entity id, or a range {min, max}"),
    Field("credibility", "int", "Admiralty information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged; the default)", minimum=1, maximum=6),
    Field("via", "ref-list", "source ids this source got it from, nearest first; the last is the origin", ref="sources"),
    Field("quote", "text", "the source's words"),
    Field("url", "text", "web address"),
    Field("note", "text", "free note"),
    Field("withdrawn", "date", "when the source withdrew, corrected or replaced this assertion; it then takes no part in conflicts, except as of an earlier date"),
))

CLAIM = Record("claim", (
    _id("unique id of the claim"),
    Field("text", "text", "the proposition in plain words", required=True),
    Field("subject", "ref", "entity id", ref="entities"),
    Field("predicate", "slug", "predicate id (need not be declared)"),
    Field("object", "value", "entity id or literal value (a range {min, max} too)"),
    Field("period", "period", "default period for the claim's assertions"),
    Field("favours", "ref-list", "entity ids whose interest the claim serves, if it is true", ref="entities"),
    Field("harms", "ref-list", "entity ids whose interest the claim hurts, if it is true", ref="entities"),
    Field("tags", "slug-list", "slugs"),
    Field("assertions", "records", "who affirms, denies or doubts the claim", required=True, record=ASSERTION),
))

RULE = Record("rule", (
    _id("unique id of the rule"),
    Field("kind", "enum", "exclusive, implies or equivalent", required=True, choices=RULE_KINDS),
    Field("claims", "ref-list", "for exclusive and equivalent: at least two claim ids", ref="claims"),
    Field("if", "ref", "for implies: the claim id that implies", ref="claims"),
    Field("then", "ref-or-list", "for implies: a claim id or a list of them", ref="claims"),
    Field("severity", "enum", "error (default), warning or info", choices=SEVERITY_ORDER),
    Field("note", "text", "why the rule holds"),
))

RESOLUTION = Record("resolution", (
    Field("conflict", "text", "a conflict id, e.g. contradiction:claim-a", required=True),
    Field("status", "enum", "acknowledged (still open to evidence) or resolved", required=True, choices=STATUSES),
    Field("verdict", "text", "the verdict"),
    Field("note", "text", "free note"),
    Field("by", "text", "who resolved it"),
    Field("date", "date", "when"),
    Field("ratings", "ratings", "the verdict on each claim: a mapping of claim id to rating text, e.g. {israeli-strike: False, gaza-rocket: Likely}", ref="claims"),
))

#: top-level sections in the order the format lists them
SECTIONS: dict[str, Record] = {
    "sources": SOURCE,
    "entities": ENTITY,
    "predicates": PREDICATE,
    "claims": CLAIM,
    "rules": RULE,
    "resolutions": RESOLUTION,
}
