"""Validation: positioned nodes in, a typed `Corpus` and findings out (spec §2–§3).

Driven by the declaration in `schema.py`. Items whose required fields are missing or
invalid, and the second of two items with one id, take no part in the corpus (they are
reported); an invalid optional field is reported and treated as left out. A rule with
any error takes no part in conflict finding.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import sys
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable
from decimal import Decimal

from . import schema
from .dates import parse_date, parse_datetime
from .values import canonical_text, range_bound
from .findings import Finding, assertion_key, suggest
from .loader import LoadedFile, Mapping, Node, Scalar, Sequence, type_word
from .model import (
    Assertion,
    Claim,
    Corpus,
    DateSpan,
    DEFAULT_CREDIBILITY,
    Entity,
    Period,
    Pos,
    Predicate,
    Range,
    Rating,
    Resolution,
    Rule,
    SEVERITY_RANK,
    Source,
    UNBOUNDED,
)

_SLUG = re.compile(schema.SLUG_PATTERN)  # fullmatch: "$" alone would let "id\n" through
_MISSING = object()


@dataclass(slots=True)
class _Item:
    """One validated record before cross-file checks: cleaned values and positions."""

    section: str
    file: str
    where: Pos  # of the record's mapping; the nodes themselves are not kept, so a file's
    values: dict  # tree can be freed as soon as its records are read
    #: field name -> (line, column) of its value, for the fields in _PLACED; their list
    #: values hold (value, line, column) for each element. A Pos is made only for a finding.
    #: A record `_cfields` reads whole has them flat instead: (name, line, column, ...)
    places: dict | tuple = field(default_factory=dict)
    ok: bool = True

    def at(self, name: str) -> Pos:
        """Where the value of field `name` (one in _PLACED) is."""
        return Pos(self.file, *self.place(name))

    def place(self, name: str) -> tuple[int, int]:
        """(line, column) of the value of field `name` (one in _PLACED)."""
        places = self.places
        if type(places) is tuple:
            at = places.index(name)  # names are text, lines and columns numbers
            return places[at + 1], places[at + 2]
        return places[name]


@dataclass(slots=True)
class _ReadAssertions:
    """A claim's assertions as `_cfields.plain_records` reads them when all are well-formed:
    already the model's Assertions, with only the cross-file checks (sources known,
    values of the predicate's type) left to `_Builder`. Lighter than an _Item each (a
    third of the memory); `items` gives the _Items for the checks that report."""

    assertions: tuple  # of Assertion: the model's Claim takes it as it is
    #: per assertion: source line, column, value line, column (None when not given),
    #: and via as [(id, line, column)] (None when not given); or, where the source is on
    #: the assertion's line and there is neither value nor via, the source's column alone
    places: tuple

    def __len__(self) -> int:
        return len(self.assertions)

    def items(self, file: str) -> list[_Item]:
        """The assertions as the general path reads them (`_Validator.record`)."""
        out = []
        for a, where in zip(self.assertions, self.places):
            if type(where) is int:
                where = (a.pos.line, where, None, None, None)
            source_line, source_column, value_line, value_column, via = where
            values = {"source": a.source, "stance": a.stance, "period": a.period, "credibility": a.credibility}
            places = {"source": (source_line, source_column)}
            for name in ("date", "quote", "url", "note"):
                if getattr(a, name) is not None:
                    values[name] = getattr(a, name)
            if a.value is not None:
                values["value"] = a.value
                places["value"] = (value_line, value_column)
            if via is not None:
                values["via"] = via
            out.append(_Item("assertions", file, a.pos, values, places))
        return out


#: a field that is not plainly well-formed: the general checks decide, and say why
_GENERAL = object()
#: the fields that cross-file checks report at (`_Item.at`), or at an element of (lists).
#: Only these keep positions: one for every field of every record would cost more than
#: their checks. The lists of other fields (tags, aliases) hold bare values
_PLACED = frozenset({
    "id", "subject", "object", "assertions", "source", "value", "conflict",
    "claims", "if", "then", "via", "represents", "conflicts_with", "favours", "harms", "withdrawn",
})


@dataclass(frozen=True, slots=True)
class _Layout:
    """A record's fields as validation reads them: by name, each with its check for the
    well-formed case (None: always the general checks) and whether its position is kept;
    the required ones; and the same checks as `_cfields` codes them."""

    record: schema.Record
    fields: dict[str, tuple[schema.Field, Callable | None, bool]]
    required: tuple[schema.Field, ...]
    codes: dict[str, tuple]
    #: for `_cfields.plain_records`: (codes with those of the fields of records, required names)
    whole: tuple


# the kinds _cfields.plain_fields takes, as it numbers them (the others have no quick path)
_CODES = {
    "text": 1, "slug": 2, "ref": 2, "enum": 3, "value": 4, "int": 5, "number": 6, "date": 7,
    "text-list": 8, "slug-list": 9, "ref-list": 9, "ref-or-list": 10, "period": 12,
}
_ASSERTIONS = 11  # ... and _cfields.plain_records, a claim's assertions

try:  # the quick path in C (_cfields.c), built at install where a compiler is found
    from . import _cfields
except ImportError:  # pragma: no cover - depends on the install
    _cfields = None
else:
    _cfields.setup(Scalar, Sequence, DateSpan, schema.SLUG_MAX)
    _cfields.setup_records(Mapping, _Item, Pos, Period, Assertion, _ReadAssertions, Claim, DEFAULT_CREDIBILITY, UNBOUNDED, Range)


class _Validator:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.layouts: dict[int, _Layout] = {}
        # A corpus names few distinct dates, sources and entities, over and over: each is
        # parsed or checked once and kept as one object (equal references then share it:
        # less memory, and cheaper comparisons and lookups downstream)
        self.dates: dict[object, DateSpan | str] = {}
        self.typed_dates: dict[str, DateSpan | str] = {}  # the C quick path's, by text as written
        self.slugs: dict[str, str] = {}
        #: id() of the rule records with an error in a field: well-formed enough to check
        #: (their claims, their members), but a rule with any error takes no part
        self.flawed_rules: set[int] = set()
        #: ids named in fields of the wrong type (`via: b` for `via: [b]`)
        self.mentioned: set[str] = set()
        self.well_formed = {
            "text": self.plain_text,
            "slug": self.plain_slug,
            "ref": self.plain_slug,
            "enum": self.plain_enum,
            "value": self.plain_value,
            "int": self.plain_number,
            "number": self.plain_number,
            "date": self.plain_date,
            "slug-list": self.plain_list,
            "text-list": self.plain_list,
            "ref-list": self.plain_list,
            "ref-or-list": self.plain_ref_or_list,
            "period": self.plain_period,
        }

    def finding(self, code: str, message: str, file: str, node_or_pos, path=()) -> None:
        line, column = node_or_pos.line, node_or_pos.column
        self.findings.append(Finding(code, message, file, line, column, path=tuple(path)))

    def layout(self, record: schema.Record) -> _Layout:
        # by identity: a record is costly to hash, and the layout keeps it alive
        known = self.layouts.get(id(record))
        if known is None:
            fields = {spec.name: (spec, self.well_formed.get(spec.kind), spec.name in _PLACED) for spec in record.fields}
            required = tuple(spec for spec in record.fields if spec.required)
            codes = {
                spec.name: (
                    _CODES[spec.kind], spec.name in _PLACED, spec.name != "id", frozenset(spec.choices),
                    spec.minimum, spec.maximum,
                )
                for spec in record.fields
                if spec.kind in _CODES
            }
            whole = dict(codes)
            for spec in record.fields:
                if spec.record is schema.ASSERTION:
                    whole[spec.name] = (_ASSERTIONS, spec.name in _PLACED, False, self.layout(spec.record).whole, None, None)
            known = self.layouts[id(record)] = _Layout(
                record, fields, required, codes, (whole, tuple(spec.name for spec in required))
            )
        return known

    def date(self, value) -> DateSpan | str:
        # True == 1, but a boolean is no year; a text (most dates) is its own key: no tuple
        key = value if type(value) is str else (type(value), value)
        span = self.dates.get(key)
        if span is None:
            span = self.dates[key] = parse_date(value)
        return span

    # --- one file ---------------------------------------------------------------------

    def file_items(self, loaded: LoadedFile) -> dict[str, list[_Item]]:
        """The file's records by section (each section once: a mapping names it once)."""
        root = loaded.root
        if root is None or (type(root) is Scalar and root.value is None):
            return {}
        file = loaded.path
        if type(root) is not Mapping:
            self.finding("S002", "a corpus file must be a mapping of sections (sources, claims, ...)", file, root)
            return {}
        by_section: dict[str, list[_Item]] = {}
        for name, node in root.items.items():
            record = schema.SECTIONS.get(name)
            if record is None:
                self.finding(
                    "S001",
                    f"unknown section '{name}'{suggest(name, schema.SECTIONS)}; expected one of "
                    + ", ".join(schema.SECTIONS),
                    file,
                    root.keys[name],
                )
                continue
            if type(node) is Scalar and node.value is None:
                continue  # `claims:` with nothing under it yet
            if type(node) is not Sequence:
                self.finding("S002", f"'{name}' must be a list of {record.name} items", file, node, (name,))
                continue
            layout = self.layout(record)
            elements = node.items
            # hot: most records have nothing to report, and C reads a whole section of them
            # in one call; None where the general checks must read the element
            if _cfields is not None:
                items = _cfields.plain_records(elements, layout.whole, name, file, self.slugs, self.dates, self.typed_dates, self.date)
            else:
                items = [None] * len(elements)
            if None in items:
                for index, element in enumerate(elements):
                    if items[index] is not None:
                        continue
                    if type(element) is not Mapping:
                        self.finding("S002", f"each item of '{name}' must be a mapping ({_a(record.name)})", file, element, (name, str(index)))
                        continue
                    items[index] = self.checked(name, layout, element, file, (name,))
                items = [item for item in items if item is not None]  # less the elements that are no mapping
            by_section[name] = items
        return by_section

    def record(self, section: str, layout: _Layout, node: Mapping, file: str, path: tuple) -> _Item:
        if _cfields is not None:  # hot: most records have nothing to report
            (item,) = _cfields.plain_records([node], layout.whole, section, file, self.slugs, self.dates, self.typed_dates, self.date)
            if item is not None:
                return item
        return self.checked(section, layout, node, file, path)

    def checked(self, section: str, layout: _Layout, node: Mapping, file: str, path: tuple) -> _Item:
        """One record by the general checks, which report what is wrong with it."""
        record = layout.record
        values: dict = {}
        places: dict = {}
        item = _Item(section, file, Pos(file, node.line, node.column), values, places)
        reported = len(self.findings)
        ident = node.items.get("id")
        if type(ident) is Scalar and isinstance(ident.value, str):
            path = path + (ident.value,)
        elif section == "resolutions":
            conflict = node.items.get("conflict")
            if type(conflict) is Scalar and isinstance(conflict.value, str):
                path = path + (conflict.value,)
        # hot: almost every field is well-formed, and is taken without a path or a
        # finding; the others go through the general checks, which report them
        if _cfields is not None:
            left = _cfields.plain_fields(node.items, layout.codes, self.slugs, self.dates, self.typed_dates, self.date, values, places)
        else:
            left = self.plain_fields(node.items, layout, values, places)
        for name in left:
            value_node = node.items[name]
            known = layout.fields.get(name)
            if known is None:
                hint = suggest(name, record.names) if name != "<<" else " (YAML merge keys are not supported: write the fields out)"
                self.finding(
                    "S004",
                    f"unknown field '{name}' in {_a(record.name)}{hint}",
                    file,
                    node.keys[name],
                    path,
                )
                continue
            spec, _, placed = known
            value = self.value(spec, value_node, file, path + (name,), item)
            if value is not _MISSING:
                values[name] = value
                if placed:
                    places[name] = (value_node.line, value_node.column)
        for spec in layout.required:
            if spec.name not in values:
                item.ok = False
                given = node.items.get(spec.name)
                if given is not None and not (type(given) is Scalar and given.value is None):
                    continue  # given but invalid: its own finding already says why
                self.finding(
                    "S003",
                    f"{_a(record.name)} needs '{spec.name}'" + (" (it is empty)" if given is not None else ""),
                    file,
                    node,
                    path,
                )
        if section == "rules" and any(f.severity == "error" for f in self.findings[reported:]):
            self.flawed_rules.add(id(item))
        return item

    # --- well-formed fields: each returns the clean value, or _GENERAL to let `value` decide

    def plain_fields(self, items: dict, layout: _Layout, values: dict, places: dict) -> list[str]:
        """Take each plainly well-formed field into `values` (and its place into `places`
        when kept); the names of the others, in order. `_cfields.plain_fields` does the
        same in C, and is held to this."""
        left = []
        fields = layout.fields
        for name, value_node in items.items():
            known = fields.get(name)
            if known is None:
                left.append(name)
                continue
            spec, plain, placed = known
            value = plain(spec, value_node) if plain is not None else _GENERAL
            if value is _GENERAL:
                left.append(name)
                continue
            values[name] = value
            if placed:
                places[name] = (value_node.line, value_node.column)
        return left

    def plain_text(self, spec: schema.Field, node: Node):
        if type(node) is Scalar and isinstance(node.value, str):
            return node.value
        return _GENERAL

    def plain_slug(self, spec: schema.Field, node: Node):
        if type(node) is Scalar:
            value = node.value
            is_id = spec.name == "id"  # ids are named once (a lookup would miss); references again and again
            known = None if is_id else self.slugs.get(value)
            if known is not None:
                return known
            if isinstance(value, str) and len(value) <= schema.SLUG_MAX and _SLUG.fullmatch(value):
                if not is_id:
                    self.slugs[value] = value
                return value
        return _GENERAL

    def plain_enum(self, spec: schema.Field, node: Node):
        if type(node) is Scalar and isinstance(node.value, str) and node.value in spec.choices:
            return sys.intern(node.value)  # one object for every `affirms`: the schema's own
        return _GENERAL

    def plain_value(self, spec: schema.Field, node: Node):
        if type(node) is Scalar and node.value is not None:
            value = node.value
            return self.slugs.get(value, value) if isinstance(value, str) else value
        return _GENERAL

    def plain_number(self, spec: schema.Field, node: Node):
        if type(node) is Scalar:
            value = node.value
            # an int is always finite (and math.isfinite cannot take one beyond a float)
            if type(value) is int or (type(value) is float and spec.kind == "number" and math.isfinite(value)):
                if (spec.minimum is None or value >= spec.minimum) and (spec.maximum is None or value <= spec.maximum):
                    return value
        return _GENERAL

    def plain_date(self, spec: schema.Field, node: Node):
        if type(node) is Scalar and node.value is not None:
            span = self.date(node.value)
            if type(span) is DateSpan:
                return span
        return _GENERAL

    def plain_list(self, spec: schema.Field, node: Node):
        if type(node) is not Sequence:
            return _GENERAL
        plain = self.plain_text if spec.kind == "text-list" else self.plain_slug
        placed = spec.name in _PLACED
        out = []
        for element in node.items:
            value = plain(spec, element)
            if value is _GENERAL:
                return _GENERAL
            out.append((value, element.line, element.column) if placed else value)
        return out

    def plain_ref_or_list(self, spec: schema.Field, node: Node):
        if type(node) is Sequence:
            return self.plain_list(spec, node)
        single = self.plain_slug(spec, node)
        return _GENERAL if single is _GENERAL else [(single, node.line, node.column)]

    def plain_period(self, spec: schema.Field, node: Node):
        if type(node) is not Mapping:
            return _GENERAL
        bounds = {}
        for key, value_node in node.items.items():
            if key not in ("start", "end") or type(value_node) is not Scalar:
                return _GENERAL
            if value_node.value is not None:  # else an open bound
                span = self.plain_date(spec, value_node)
                if span is _GENERAL:
                    return _GENERAL
                bounds[key] = span
        start, end = bounds.get("start"), bounds.get("end")
        if start and end and start.first > end.last:
            return _GENERAL
        return Period(start, end)

    # --- one field, in general ----------------------------------------------------------

    def value(self, spec: schema.Field, node: Node, file: str, path: tuple, item: _Item):
        kind = spec.kind
        if kind == "records":
            return self.records(spec, node, file, path, item)
        if kind == "value" and type(node) is Mapping:
            return self.range(spec, node, file, path)
        if kind == "ratings":
            return self.ratings(spec, node, file, path)
        if kind in ("slug-list", "text-list", "ref-list"):
            return self.scalar_list(spec, node, file, path)
        if kind == "ref-or-list":
            if type(node) is Sequence:
                return self.scalar_list(spec, node, file, path)
            single = self.scalar(spec, node, file, path, "slug")
            return _MISSING if single is _MISSING else [(single, node.line, node.column)]
        if kind == "period":
            return self.period(node, file, path)
        return self.scalar(spec, node, file, path, kind)

    def scalar(self, spec: schema.Field, node: Node, file: str, path: tuple, kind: str):
        name = spec.name
        if type(node) is not Scalar:
            shape = "a list" if type(node) is Sequence else "a mapping"
            what = "a single value or a range {min: X, max: Y}" if kind == "value" else "a single value"
            self.finding("S002", f"'{name}' must be {what}, not {shape}", file, node, path)
            return _MISSING
        value = node.value
        if value is None:
            return _MISSING  # left empty: treated as left out (required fields then say so)
        if kind == "value":
            return value
        if kind in ("text", "slug", "ref", "enum"):
            if kind == "enum" and not isinstance(value, str):
                # quoting would not help: `"1"` is no stance either
                self.finding("S005", f"'{node.raw}' is not a valid {name}; expected one of " + ", ".join(spec.choices), file, node, path)
                return _MISSING
            if not isinstance(value, str):
                self.finding(
                    "S009",
                    f"'{name}' expects text, but YAML reads {node.raw!r} as {type_word(value)}; quote it: \"{node.raw}\"",
                    file,
                    node,
                    path,
                )
                return _MISSING
            if kind == "enum":
                if value not in spec.choices:
                    self.finding(
                        "S005",
                        f"'{value}' is not a valid {name}{suggest(value, spec.choices)}; expected one of "
                        + ", ".join(spec.choices),
                        file,
                        node,
                        path,
                    )
                    return _MISSING
            elif kind in ("slug", "ref") and not self.slug_ok(value, name, file, node, path):
                return _MISSING
            return value
        if kind == "bool":
            if isinstance(value, bool):
                return value
            hint = ""
            if isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
                hint = f"; '{value}' is text in YAML 1.2, write {'true' if value.lower() in ('yes', 'on', 'y') else 'false'}"
            self.finding("S002", f"'{name}' must be true or false{hint}", file, node, path)
            return _MISSING
        if kind in ("number", "int"):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if ok and kind == "int" and not isinstance(value, int):
                ok = False
            if ok and isinstance(value, float) and not math.isfinite(value):
                ok = False
            if ok and spec.minimum is not None and value < spec.minimum:
                ok = False
            if ok and spec.maximum is not None and value > spec.maximum:
                ok = False
            if not ok:
                bounds = ""
                if spec.minimum is not None and spec.maximum is not None:
                    bounds = f" from {spec.minimum:g} to {spec.maximum:g}"
                elif spec.minimum is not None:
                    bounds = f" of at least {spec.minimum:g}"
                what = "a whole number" if kind == "int" else "a number"
                if isinstance(value, str):
                    given = f"the text {node.raw!r} (a number is written without quotes)"
                elif isinstance(value, float) and not math.isfinite(value):
                    what, given = f"a finite {what[2:]}", repr(node.raw)
                else:
                    given = repr(node.raw)
                self.finding("S002", f"'{name}' must be {what}{bounds}, not {given}", file, node, path)
                return _MISSING
            return value
        if kind == "date":
            span = self.date(value)
            if isinstance(span, str):
                self.finding("S007", f"'{name}': {span}", file, node, path)
                return _MISSING
            return span
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover - schema bug

    def slug_ok(self, value: str, name: str, file: str, node, path) -> bool:
        if len(value) > schema.SLUG_MAX or not _SLUG.fullmatch(value):
            why = "longer than 128 characters" if len(value) > schema.SLUG_MAX else "not a slug"
            hint = ""
            fixed = re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-._")
            if fixed and fixed != value and len(fixed) <= schema.SLUG_MAX:
                hint = f" (e.g. '{fixed}')"
            self.finding(
                "S006",
                f"'{name}' {value!r} is {why}: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit{hint}",
                file,
                node,
                path,
            )
            return False
        return True

    def scalar_list(self, spec: schema.Field, node: Node, file: str, path: tuple):
        if type(node) is Scalar and node.value is None:
            return []
        if type(node) is not Sequence:
            hint = ""
            if spec.kind == "ref-list" and type(node) is Scalar and isinstance(node.value, str):
                self.mentioned.add(node.value)  # named all the same: not "unused"
                hint = f": write [{node.value}]"
            self.finding("S002", f"'{spec.name}' must be a list{hint}", file, node, path)
            return _MISSING
        kind = "text" if spec.kind == "text-list" else "slug"
        placed = spec.name in _PLACED
        out = []
        reported = len(self.findings)
        for index, element in enumerate(node.items):
            if type(element) is Scalar and element.value is None:
                # an item left empty (`- ` with nothing, `~`): said, not silently dropped
                self.finding("S002", f"'{spec.name}' holds an empty item (null); remove it, or write what it should be", file, element, path + (str(index),))
                continue
            value = self.scalar(spec, element, file, path + (str(index),), kind)
            if value is not _MISSING:
                out.append((value, element.line, element.column) if placed else value)
        if spec.name == "via" and len(self.findings) > reported:
            return _MISSING  # a chain with a gap names no origin: the whole via is left out
        return out

    def period(self, node: Node, file: str, path: tuple):
        if type(node) is Scalar and node.value is None:
            return _MISSING
        if type(node) is not Mapping:
            self.finding("S002", "'period' must be a mapping like {start: 2025-10-01, end: 2025-10-31}", file, node, path)
            return _MISSING
        bounds: dict[str, DateSpan] = {}
        ok = True
        for key, value_node in node.items.items():
            if key not in ("start", "end"):
                self.finding("S004", f"unknown field '{key}' in a period{suggest(key, ('start', 'end'))}", file, node.keys[key], path)
                ok = False
                continue
            if type(value_node) is not Scalar:
                self.finding("S002", f"'{key}' must be a date", file, value_node, path + (key,))
                ok = False
                continue
            if value_node.value is None:
                continue  # an open bound
            span = self.date(value_node.value)
            if isinstance(span, str):
                self.finding("S007", f"'{key}': {span}", file, value_node, path + (key,))
                ok = False
                continue
            bounds[key] = span
        if not ok:
            return _MISSING
        start, end = bounds.get("start"), bounds.get("end")
        if start and end and start.first > end.last:
            self.finding("S008", f"the period starts ({start.text}) after it ends ({end.text})", file, node, path)
            return _MISSING
        return Period(start, end)

    def range(self, spec: schema.Field, node: Mapping, file: str, path: tuple):
        """A value given as `{min: X, max: Y}` (§2): its shape here; whether its bounds are
        of one kind, in order and fit the predicate is for `_Builder.fits`."""
        bounds: dict[str, object] = {}
        ok = True
        for key, bound in node.items.items():
            if key not in ("min", "max"):
                self.finding(
                    "S004",
                    f"unknown field '{key}' in a range{suggest(key, ('min', 'max'))}; a range is {{min: X, max: Y}}",
                    file, node.keys[key], path,
                )
                ok = False
            elif type(bound) is not Scalar:
                self.finding("S016", f"the range's '{key}' must be a single number, date or date-time", file, bound, path + (key,))
                ok = False
            elif bound.value is not None:
                bounds[key] = bound.value
        if not ok:
            return _MISSING
        if not bounds:
            self.finding(
                "S016",
                f"a range needs 'min', 'max' or both (an open bound is left out, not both): e.g. {{min: 100, max: 300}}",
                file, node, path,
            )
            return _MISSING
        return Range(bounds.get("min"), bounds.get("max"))

    def ratings(self, spec: schema.Field, node: Node, file: str, path: tuple):
        """`ratings`: claim id → the rating's text, as [(claim, rating, line, column)]. A
        rating YAML reads as a boolean or number (`False`, `3`) is taken as written."""
        if type(node) is Scalar and node.value is None:
            return _MISSING
        if type(node) is not Mapping:
            self.finding("S002", "'ratings' must be a mapping of claim id to rating, like {claim-a: False, claim-b: Likely}", file, node, path)
            return _MISSING
        out = []
        for claim, rating in node.items.items():
            key = node.keys[claim]
            if not self.slug_ok(claim, "ratings", file, key, path + (claim,)):
                continue
            if type(rating) is not Scalar:
                self.finding("S002", f"the rating of '{claim}' must be a single text, like False or Likely", file, rating, path + (claim,))
                continue
            if rating.value is None or (isinstance(rating.value, str) and not rating.value.strip()):
                self.finding("S002", f"the rating of '{claim}' is empty; write the verdict, or leave the claim out", file, rating, path + (claim,))
                continue
            text = rating.value if isinstance(rating.value, str) else rating.raw
            out.append((claim, text, key.line, key.column))
        return out

    def records(self, spec: schema.Field, node: Node, file: str, path: tuple, item: _Item):
        if type(node) is Scalar and node.value is None:
            return []
        if type(node) is not Sequence:
            self.finding("S002", f"'{spec.name}' must be a list of {spec.record.name} items", file, node, path)
            return _MISSING
        layout = self.layout(spec.record)
        out = []
        for index, element in enumerate(node.items):
            step = str(index)
            if spec.name == "assertions" and type(element) is Mapping:
                source = element.items.get("source")
                step = assertion_key(source.value if type(source) is Scalar else None, index)
            sub_path = path + (step,)
            if type(element) is not Mapping:
                self.finding("S002", f"each of '{spec.name}' must be a mapping ({_a(spec.record.name)})", file, element, sub_path)
                out.append(None)  # keeps indexes equal to positions in the list
                continue
            # kept even when invalid (sub.ok is False): its references are still checked
            out.append(self.record(spec.name, layout, element, file, sub_path))
        return out


# --- the whole corpus ------------------------------------------------------------------


def validate(files: Iterable[LoadedFile]) -> tuple[Corpus, list[Finding]]:
    """Check every file and build the corpus from what is valid. Files may come one at a
    time (a generator): each file's tree is read once and then let go."""
    records = Records()
    for loaded in files:
        records.add(loaded)
    return records.build()


class Records:
    """Validation in its two halves: each file's records and findings as the file comes
    (`add`), then the cross-file checks and the model (`build`)."""

    def __init__(self) -> None:
        self.checker = _Validator()
        self.by_section: dict[str, list[_Item]] = {name: [] for name in schema.SECTIONS}
        self.corpus = Corpus()

    def add(self, loaded: LoadedFile) -> None:
        for section, items in self.checker.file_items(loaded).items():
            self.by_section[section].extend(items)

    def build(self) -> tuple[Corpus, list[Finding]]:
        return _Builder(self.checker, self.corpus, self.by_section).build()


class _Builder:
    """Cross-file checks (unique ids, references, rules, value types) and model building."""

    def __init__(self, checker: _Validator, corpus: Corpus, by_section: dict[str, list[_Item]]) -> None:
        self.checker = checker
        self.corpus = corpus
        self.by_section = by_section
        self.ids: dict[str, dict[str, _Item]] = {}
        self.invalid: dict[str, dict[str, _Item]] = {}  # declared with a valid id, but with errors
        self.copies: set[int] = set()  # id() of the second items of an id: ignored

    def finding(self, code, message, pos: Pos, path=()) -> None:
        self.checker.findings.append(Finding(code, message, pos.file, pos.line, pos.column, path=tuple(path)))

    def build(self) -> tuple[Corpus, list[Finding]]:
        for section in ("sources", "entities", "predicates", "claims", "rules"):
            self.ids[section] = self.unique(section)
        c = self.corpus
        for item in self.ids["entities"].values():
            v = item.values
            c.entities[v["id"]] = Entity(
                v["id"], v["name"], item.where, tuple(v.get("aliases", ())), v.get("kind")
            )
        for item in self.ids["sources"].values():
            v = item.values
            represents = self.refs(item, "represents", "entities", "R002", "entity")
            c.sources[v["id"]] = Source(
                v["id"], v["name"], item.where, v.get("kind", "other"), v.get("reliability", "F"),
                represents, v.get("url"), v.get("country"), v.get("note"),
            )
        for item in self.ids["predicates"].values():
            self.predicate(item)
        claims = list(self.ids["claims"].values())
        if _cfields is not None:  # hot: most claims have nothing to report; the others go to self.claim
            _cfields.plain_claims(claims, c.claims, self.ids["entities"], c.predicates, self.ids["sources"], self.claim)
        else:
            for item in claims:
                self.claim(item)
        for item in self.by_section["claims"]:
            if not item.ok and id(item) not in self.copies:
                self.unusable_claim(item)
        c.mentioned |= self.checker.mentioned
        for item in self.ids["rules"].values():
            self.rule(item)
        self.resolutions()
        findings = sorted(self.checker.findings, key=Finding.sort_key)
        return c, findings

    def unique(self, section: str) -> dict[str, _Item]:
        items = self.by_section[section]
        invalid = self.invalid.setdefault(section, {})
        seen = {item.values["id"]: item for item in items if item.ok}
        if len(seen) == len(items):  # all well-formed, no id twice: nothing to report
            return seen
        seen = {}
        first_of: dict[str, _Item] = {}  # every item with a valid id, well-formed or not
        for item in items:
            if "id" not in item.values:
                continue
            ident = item.values["id"]
            first = first_of.setdefault(ident, item)
            if first is not item:  # reported whether or not either copy has other errors
                self.copies.add(id(item))
                self.finding(
                    "S010",
                    f"duplicate {section[:-1] if section != 'entities' else 'entity'} id '{ident}' (first at {first.at('id')}); this one is ignored",
                    item.at("id"),
                    (section, ident),
                )
                continue
            if item.ok:
                seen[ident] = item
            else:
                invalid[ident] = item
        return seen

    def refs(self, item: _Item, name: str, section: str, code: str, word: str) -> tuple[str, ...]:
        """The ids a list field names that exist; the others are findings."""
        given = item.values.get(name)
        if not given:
            return ()
        known = self.ids[section]
        ids = tuple(ident for ident, _, _ in given)
        if all(ident in known for ident in ids):  # the common case: no position or path is made
            return ids
        out = []
        for ident, line, column in given:
            if self.exists(ident, section, code, word, Pos(item.file, line, column), (item.section, item.values.get("id", ""), name)):
                out.append(ident)
        return tuple(out)

    def exists(self, ident: str, section: str, code: str, word: str, pos: Pos, path) -> bool:
        known = self.ids[section]
        if ident in known:
            return True
        broken = self.invalid.get(section, {}).get(ident)
        if broken is not None:
            self.finding(code, f"{word} '{ident}' (at {broken.where}) has errors of its own and cannot be used", pos, path)
            return False
        self.finding(code, f"unknown {word} '{ident}'{suggest(ident, known.keys())}", pos, path)
        return False

    def predicate(self, item: _Item) -> None:
        v = item.values
        ident = v["id"]
        conflicts = []
        for other, line, column in v.get("conflicts_with", ()):
            if other == ident:
                self.finding("S013", f"predicate '{ident}' lists itself in conflicts_with", Pos(item.file, line, column), ("predicates", ident))
            elif other not in conflicts:
                conflicts.append(other)
        tolerance = v.get("tolerance")
        self.corpus.predicates[ident] = Predicate(
            ident, item.where, v.get("description"), bool(v.get("single_value", False)),
            v.get("value_type"), Decimal(_canonical_number(tolerance)) if tolerance is not None else None,
            tuple(conflicts),
        )

    def claim(self, item: _Item) -> None:
        v = item.values
        ident = v["id"]
        path = ("claims", ident)
        # known ids and untyped values, the common case, are taken without making a
        # position or a path: those are for findings
        subject = v.get("subject")
        if subject is not None and subject not in self.ids["entities"]:
            if not self.exists(subject, "entities", "R002", "entity", item.at("subject"), path + ("subject",)):
                subject = None
        predicate = self.corpus.predicates.get(v.get("predicate"))
        value_type = predicate.value_type if predicate else None
        obj = v.get("object")
        if obj is not None and not self.fits(obj, value_type, item, "object", path):
            obj = None
        period = v.get("period", UNBOUNDED)
        raw = v.get("assertions", [])
        if not raw and "assertions" in v:
            self.finding("S011", f"claim '{ident}' has no assertions: nobody affirms, denies or doubts it", item.at("assertions"), path)
        assertions = None
        if type(raw) is _ReadAssertions:  # hot: read whole in C, and most have nothing to report
            assertions = _cfields.plain_assertions(raw, self.ids["sources"], value_type)
            if assertions is None:
                raw = raw.items(item.file)
        if assertions is None:
            assertions = self.assertions(ident, raw, period, value_type, path)
        favours, harms = self.interests(item, path)
        self.corpus.claims[ident] = Claim(
            ident, v["text"], item.where, subject, v.get("predicate"), obj, period,
            tuple(v.get("tags", ())), tuple(assertions), favours, harms,
        )

    def unusable_claim(self, item: _Item) -> None:
        """A claim with errors takes no part, but what it names is still checked (an
        unknown entity or source, a source in its own via: `Corpus.unusable_assertions`),
        so that fixing its first error does not reveal a second layer."""
        v = item.values
        ident = v.get("id", "")
        path = ("claims", ident)
        c = self.corpus
        subject = v.get("subject")
        if subject is not None:
            c.mentioned.add(subject)
            if subject not in self.ids["entities"]:
                self.exists(subject, "entities", "R002", "entity", item.at("subject"), path + ("subject",))
        if isinstance(v.get("object"), str):
            c.mentioned.add(v["object"])
        for name in ("favours", "harms"):
            c.mentioned.update(entity for entity, _, _ in v.get(name, ()))
            self.refs(item, name, "entities", "R002", "entity")
        raw = v.get("assertions", [])
        if type(raw) is _ReadAssertions:
            raw = raw.items(item.file)
        predicate = c.predicates.get(v.get("predicate"))
        value_type = predicate.value_type if predicate else None
        kept = self.assertions(ident, raw, v.get("period", UNBOUNDED), value_type, path)
        c.unusable_assertions.extend(kept)

    def interests(self, item: _Item, path: tuple) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A claim's `favours` and `harms`, known entities only; an entity in both is an
        error, and is left out of both (which way the claim cuts for it is unknown)."""
        favours = self.refs(item, "favours", "entities", "R002", "entity")
        harms = self.refs(item, "harms", "entities", "R002", "entity")
        both = set(favours) & set(harms)
        if both:
            for entity, line, column in item.values["harms"]:
                if entity in both:
                    self.finding(
                        "S017",
                        f"entity '{entity}' is both favoured and harmed by claim '{item.values['id']}'; "
                        "a claim serves or hurts a party's interest, not both: remove it from one list",
                        Pos(item.file, line, column), path + ("harms",),
                    )
            favours = tuple(e for e in favours if e not in both)
            harms = tuple(e for e in harms if e not in both)
        return favours, harms

    def assertions(self, ident: str, raw: list, period: Period, value_type: str | None, path: tuple) -> list[Assertion]:
        """A claim's assertions that take part; findings for what is wrong with the others."""
        sources = self.ids["sources"]
        assertions = []
        for index, sub in enumerate(raw):
            if sub is None:
                continue
            a = sub.values
            # every reference is checked, even in an assertion that takes no part, so that
            # one run shows all of its findings
            source = a.get("source")
            known = source is not None and (
                source in sources
                or self.exists(source, "sources", "R001", "source", sub.at("source"), path + ("assertions", assertion_key(source, index), "source"))
            )
            via = self.refs(sub, "via", "sources", "R001", "source") if "via" in a else ()
            if len(via) < len(a.get("via", ())):  # an unknown source: the whole via is left out
                via = ()
            value = a.get("value")
            # a value that does not fit takes no part, and its assertion with it: left out,
            # the value would become the claim's object, which this source never gave
            fits = value is None or self.fits(value, value_type, sub, "value", path + ("assertions", assertion_key(a.get("source"), index)))
            withdrawn = a.get("withdrawn")
            date = a.get("date")
            if withdrawn is not None and date is not None and withdrawn.last < date.first:
                self.finding(
                    "S018",
                    f"withdrawn on {withdrawn.text}, before it was said ({date.text}); fix either date "
                    "(this withdrawal is ignored until then)",
                    sub.at("withdrawn"), path + ("assertions", assertion_key(a.get("source"), index), "withdrawn"),
                )
                withdrawn = None
            if not (known and sub.ok and fits):
                if isinstance(source, str):  # for what the lint rules check of it
                    self.corpus.mentioned.add(source)
                    self.corpus.mentioned.update(s for s, _, _ in a.get("via", ()))
                    self.corpus.unusable_assertions.append(Assertion(
                        ident, index, source, a.get("stance", ""), sub.where, a.get("period", period), date,
                        value, a.get("credibility", DEFAULT_CREDIBILITY), tuple(s for s, _, _ in a.get("via", ())),
                    ))
                continue
            if withdrawn is not None:
                self.corpus.with_withdrawals.add(ident)
            assertions.append(Assertion(
                ident, index, source, a["stance"], sub.where, a.get("period", period), date,
                value, a.get("credibility", DEFAULT_CREDIBILITY), via, a.get("quote"), a.get("url"), a.get("note"),
                withdrawn,
            ))
        return assertions

    def fits(self, value, value_type: str | None, item: _Item, name: str, path) -> bool:
        """Does a value fit its predicate's declared value_type (§4.3), and is a range well
        made (§2)? If not, a finding at the field `name` of `item`, whose path is `path`."""
        if type(value) is Range:
            return self.range_fits(value, value_type, item, name, path)
        if value_type is None:
            return True
        if value_type == "datetime":
            seconds = parse_datetime(value) if isinstance(value, str) else None
            if type(seconds) is not tuple:
                why = f": {seconds}" if isinstance(seconds, str) else f", but {_show(value)} is {type_word(value)}"
                self.finding("S014", f"the predicate's values are date-times{why}", item.at(name), path + (name,))
                return False
            return True
        if value_type == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif value_type == "boolean":
            ok = isinstance(value, bool)
        elif value_type == "date":
            ok = not isinstance(value, (bool, float)) and isinstance(self.checker.date(value), DateSpan)
        elif value_type == "text":
            ok = isinstance(value, str)
            if not ok:
                self.finding("S014", f"the predicate's values are text, but YAML reads {_show(value)} as {type_word(value)}; quote it", item.at(name), path + (name,))
                return False
        else:  # entity
            if not isinstance(value, str):
                ok = False
            else:
                return value in self.ids["entities"] or self.exists(value, "entities", "R002", "entity", item.at(name), path + (name,))
        if not ok:
            self.finding("S014", f"the predicate's values are of type {value_type}, but {_show(value)} is {type_word(value)}", item.at(name), path + (name,))
        return ok

    def range_fits(self, value: Range, value_type: str | None, item: _Item, name: str, path) -> bool:
        """A range is well made (§2: its bounds numbers, dates or date-times, both of one
        kind, min not after max; else S016) and fits its predicate's type (§3: when its
        bounds do; else S014, as any value that does not fit)."""
        where, at = item.at(name), path + (name,)
        if value_type not in (None, "number", "date", "datetime"):
            self.finding("S014", f"the predicate's values are of type {value_type}, and a range ({canonical_text(value)}) is not", where, at)
            return False
        given = {key: bound for key, bound in (("min", value.min), ("max", value.max)) if bound is not None}
        typed = {key: range_bound(bound, value_type) for key, bound in given.items()}
        if value_type is not None and None in typed.values():
            # of another kind than the predicate's, or not well made at all
            read = {key: range_bound(bound, None) for key, bound in given.items()}
            kinds = {kind[0] for kind in read.values() if kind is not None}
            if None not in read.values() and len(kinds) == 1:
                wanted = {"number": "numbers", "date": "dates", "datetime": "date-times"}
                self.finding(
                    "S014",
                    f"the predicate's values are {wanted[value_type]}, and {canonical_text(value)} is a range of {wanted[kinds.pop()]}",
                    where, at,
                )
                return False
            typed = read
        for key, kind in typed.items():
            if kind is None:
                bound = given[key]
                self.finding("S016", f"the range's '{key}' must be a number, a date or a date-time, not {_show(bound)} ({type_word(bound)})", where, at)
                return False
        if len({kind[0] for kind in typed.values()}) > 1:
            self.finding(
                "S016",
                f"the range's bounds are of two kinds ({_show(value.min)} is a {typed['min'][0]}, {_show(value.max)} a {typed['max'][0]}); "
                "write both as numbers, dates or date-times",
                where, at,
            )
            return False
        if len(typed) == 2 and typed["min"][1][0] > typed["max"][1][1]:
            self.finding("S016", f"the range's min ({_show(value.min)}) is after its max ({_show(value.max)})", where, at)
            return False
        return True

    def rule(self, item: _Item) -> None:
        v = item.values
        ident = v["id"]
        kind = v["kind"]
        path = ("rules", ident)
        ok = True
        members: list[tuple[str, int, int]]  # claim id, line, column
        if kind == "implies":
            for wrong in ("claims",):
                if wrong in v:
                    self.finding("S012", "an implies rule uses 'if' and 'then', not 'claims'", item.at(wrong), path)
                    ok = False
            if "if" not in v or "then" not in v:
                missing = " and ".join(f"'{n}'" for n in ("if", "then") if n not in v)
                self.finding("S012", f"an implies rule needs {missing}", item.where, path)
                return
            members = [(v["if"], *item.place("if"))] + list(v["then"])
            if not v["then"]:
                self.finding("S012", "an implies rule needs at least one 'then' claim", item.at("then"), path)
                ok = False
            then_ids = [c for c, _, _ in v["then"]]
            if len(set(then_ids)) != len(then_ids):
                self.finding("S012", f"rule '{ident}' lists a claim twice in 'then'", item.at("then"), path)
                ok = False
        else:
            for wrong in ("if", "then"):
                if wrong in v:
                    self.finding("S012", f"an {kind} rule uses 'claims', not 'if'/'then'", item.at(wrong), path)
                    ok = False
            members = list(v.get("claims", ()))
            ids = [c for c, _, _ in members]
            if "claims" not in v:
                self.finding("S012", f"an {kind} rule needs 'claims': a list of at least two claim ids", item.where, path)
                return
            if len(set(ids)) != len(ids):
                twice = sorted({c for c in ids if ids.count(c) > 1}) if len(ids) < 1000 else sorted(_twice(ids))
                self.finding("S012", f"rule '{ident}' lists claim '{twice[0]}' twice", item.at("claims"), path)
                ok = False
            if len(set(ids)) < 2:
                self.finding("S012", f"an {kind} rule needs at least two claims", item.at("claims"), path)
                ok = False
        for claim_id, line, column in members:
            if not self.exists(claim_id, "claims", "R003", "claim", Pos(item.file, line, column), path):
                ok = False
        if not ok or id(item) in self.checker.flawed_rules:
            return
        severity = SEVERITY_RANK[v.get("severity", "error")]
        if kind == "implies":
            rule = Rule(ident, kind, severity, item.where, if_=v["if"], then=tuple(c for c, _, _ in v["then"]), note=v.get("note"))
        else:
            rule = Rule(ident, kind, severity, item.where, claims=tuple(c for c, _, _ in members), note=v.get("note"))
        self.corpus.rules[ident] = rule

    def resolutions(self) -> None:
        seen: dict[str, int] = {}
        for item in self.by_section["resolutions"]:
            if not item.ok:
                continue
            v = item.values
            conflict = v["conflict"]
            ratings = tuple(
                Rating(claim, rating, Pos(item.file, line, column))
                for claim, rating, line, column in v.get("ratings", ())
                if self.exists(claim, "claims", "R003", "claim", Pos(item.file, line, column), ("resolutions", conflict, "ratings", claim))
            )
            resolution = Resolution(conflict, v["status"], item.where, v.get("verdict"), v.get("note"), v.get("by"), v.get("date"), ratings)
            if conflict in seen:
                index = seen[conflict]
                first = self.corpus.resolutions[index]
                self.finding(
                    "S015",
                    f"conflict '{conflict}' is resolved twice (first at {first.pos}); it counts as "
                    + ("resolved" if "resolved" in (first.status, resolution.status) else "acknowledged"),
                    item.at("conflict"),
                    ("resolutions", conflict),
                )
                if resolution.status == "resolved" and first.status != "resolved":
                    self.corpus.resolutions[index] = resolution
                continue
            seen[conflict] = len(self.corpus.resolutions)
            self.corpus.resolutions.append(resolution)


def _a(word: str) -> str:
    """The word with its indefinite article: 'a source', 'an assertion'."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _twice(ids: list[str]) -> set[str]:
    seen, twice = set(), set()
    for i in ids:
        (twice if i in seen else seen).add(i)
    return twice


def _canonical_number(value) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))


def _show(value) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)
