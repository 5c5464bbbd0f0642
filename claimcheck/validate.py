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
from dataclasses import dataclass, field
from collections.abc import Iterable
from decimal import Decimal

from rapidfuzz import fuzz, process

from . import schema
from .dates import parse_date
from .findings import Finding
from .loader import LoadedFile, Mapping, Node, Scalar, Sequence, type_word
from .model import (
    Assertion,
    Claim,
    Corpus,
    DateSpan,
    Entity,
    Period,
    Pos,
    Predicate,
    Resolution,
    Rule,
    Source,
    UNBOUNDED,
)

_SLUG = re.compile(schema.SLUG_PATTERN)
_SEVERITY = {"info": 0, "warning": 1, "error": 2}
_MISSING = object()


def suggest(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or ''."""
    if not isinstance(word, str) or not word:
        return ""
    # a list: rapidfuzz would match against a mapping's values, not its keys; case is
    # ignored, so that `a` suggests `A` and `Claims` suggests `claims`
    best = process.extractOne(word, list(choices), scorer=fuzz.ratio, processor=str.casefold, score_cutoff=60)
    return f" (did you mean '{best[0]}'?)" if best else ""


@dataclass(slots=True)
class _Item:
    """One validated record before cross-file checks: cleaned values and positions."""

    section: str
    file: str
    where: Pos  # of the record's mapping; the nodes themselves are not kept, so a file's
    values: dict  # tree can be freed as soon as its records are read
    pos: dict = field(default_factory=dict)  # field name -> Pos (or list of Pos for lists)
    ok: bool = True


class _Validator:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def finding(self, code: str, message: str, file: str, node_or_pos, path=()) -> None:
        line, column = node_or_pos.line, node_or_pos.column
        self.findings.append(Finding(code, message, file, line, column, path=tuple(path)))

    # --- one file ---------------------------------------------------------------------

    def file_items(self, loaded: LoadedFile) -> list[_Item]:
        root = loaded.root
        if root is None or (type(root) is Scalar and root.value is None):
            return []
        file = loaded.path
        if type(root) is not Mapping:
            self.finding("S002", "a corpus file must be a mapping of sections (sources, claims, ...)", file, root)
            return []
        items: list[_Item] = []
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
            for index, element in enumerate(node.items):
                if type(element) is not Mapping:
                    self.finding("S002", f"each item of '{name}' must be a mapping ({_a(record.name)})", file, element, (name, str(index)))
                    continue
                item = self.record(name, record, element, file, (name,))
                items.append(item)
        return items

    def record(self, section: str, record: schema.Record, node: Mapping, file: str, path: tuple) -> _Item:
        item = _Item(section, file, Pos(file, node.line, node.column), {})
        ident = node.items.get("id")
        if type(ident) is Scalar and isinstance(ident.value, str):
            path = path + (ident.value,)
        elif section == "resolutions":
            conflict = node.items.get("conflict")
            if type(conflict) is Scalar and isinstance(conflict.value, str):
                path = path + (conflict.value,)
        for name, value_node in node.items.items():
            spec = record.field(name)
            if spec is None:
                self.finding(
                    "S004",
                    f"unknown field '{name}' in {_a(record.name)}{suggest(name, record.names)}",
                    file,
                    node.keys[name],
                    path,
                )
                continue
            value = self.value(spec, value_node, file, path + (name,), item)
            if value is not _MISSING:
                item.values[name] = value
                item.pos[name] = Pos(file, value_node.line, value_node.column)
        for spec in record.fields:
            if spec.required and spec.name not in item.values:
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
        return item

    # --- one field ----------------------------------------------------------------------

    def value(self, spec: schema.Field, node: Node, file: str, path: tuple, item: _Item):
        kind = spec.kind
        if kind == "records":
            return self.records(spec, node, file, path, item)
        if kind in ("slug-list", "text-list", "ref-list"):
            return self.scalar_list(spec, node, file, path)
        if kind == "ref-or-list":
            if type(node) is Sequence:
                return self.scalar_list(spec, node, file, path)
            single = self.scalar(spec, node, file, path, "slug")
            return _MISSING if single is _MISSING else [(single, Pos(file, node.line, node.column))]
        if kind == "period":
            return self.period(node, file, path)
        return self.scalar(spec, node, file, path, kind)

    def scalar(self, spec: schema.Field, node: Node, file: str, path: tuple, kind: str):
        name = spec.name
        if type(node) is not Scalar:
            shape = "a list" if type(node) is Sequence else "a mapping"
            self.finding("S002", f"'{name}' must be a single value, not {shape}", file, node, path)
            return _MISSING
        value = node.value
        if value is None:
            return _MISSING  # left empty: treated as left out (required fields then say so)
        if kind == "value":
            if isinstance(value, float) and not math.isfinite(value):
                return value
            return value
        if kind in ("text", "slug", "ref", "enum"):
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
            if ok and not math.isfinite(value):
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
                self.finding("S002", f"'{name}' must be {what}{bounds}, not {node.raw!r}", file, node, path)
                return _MISSING
            return value
        if kind == "date":
            span = parse_date(value)
            if isinstance(span, str):
                self.finding("S007", f"'{name}': {span}", file, node, path)
                return _MISSING
            return span
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover - schema bug

    def slug_ok(self, value: str, name: str, file: str, node, path) -> bool:
        if len(value) > schema.SLUG_MAX or not _SLUG.match(value):
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
            self.finding("S002", f"'{spec.name}' must be a list", file, node, path)
            return _MISSING
        kind = "text" if spec.kind == "text-list" else "slug"
        out = []
        for index, element in enumerate(node.items):
            value = self.scalar(spec, element, file, path + (str(index),), kind)
            if value is not _MISSING:
                out.append((value, Pos(file, element.line, element.column)))
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
            span = parse_date(value_node.value)
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

    def records(self, spec: schema.Field, node: Node, file: str, path: tuple, item: _Item):
        if type(node) is Scalar and node.value is None:
            return []
        if type(node) is not Sequence:
            self.finding("S002", f"'{spec.name}' must be a list of {spec.record.name} items", file, node, path)
            return _MISSING
        out = []
        for index, element in enumerate(node.items):
            sub_path = path + (str(index),)
            if type(element) is not Mapping:
                self.finding("S002", f"each of '{spec.name}' must be a mapping ({_a(spec.record.name)})", file, element, sub_path)
                out.append(None)  # keeps indexes equal to positions in the list
                continue
            # kept even when invalid (sub.ok is False): its references are still checked
            out.append(self.record(spec.name, spec.record, element, file, sub_path))
        return out


# --- the whole corpus ------------------------------------------------------------------


def validate(files: Iterable[LoadedFile]) -> tuple[Corpus, list[Finding]]:
    """Check every file and build the corpus from what is valid. Files may come one at a
    time (a generator): each file's tree is read once and then let go."""
    checker = _Validator()
    by_section: dict[str, list[_Item]] = {name: [] for name in schema.SECTIONS}
    corpus = Corpus()
    for loaded in files:
        corpus.files.append(loaded.path)
        for item in checker.file_items(loaded):
            by_section[item.section].append(item)
    return _Builder(checker, corpus, by_section).build()


class _Builder:
    """Cross-file checks (unique ids, references, rules, value types) and model building."""

    def __init__(self, checker: _Validator, corpus: Corpus, by_section: dict[str, list[_Item]]) -> None:
        self.checker = checker
        self.corpus = corpus
        self.by_section = by_section
        self.ids: dict[str, dict[str, _Item]] = {}
        self.invalid: dict[str, dict[str, _Item]] = {}  # declared with a valid id, but with errors

    def finding(self, code, message, pos: Pos, path=()) -> None:
        self.checker.findings.append(Finding(code, message, pos.file, pos.line, pos.column, path=tuple(path)))

    def build(self) -> tuple[Corpus, list[Finding]]:
        for section in ("sources", "entities", "predicates", "claims", "rules"):
            self.ids[section] = self.unique(section)
        c = self.corpus
        for item in self.ids["entities"].values():
            v = item.values
            c.entities[v["id"]] = Entity(
                v["id"], v["name"], item.where, tuple(a for a, _ in v.get("aliases", ())), v.get("kind")
            )
        for item in self.ids["sources"].values():
            v = item.values
            represents = tuple(self.refs(item, "represents", "entities", "R002", "entity"))
            c.sources[v["id"]] = Source(
                v["id"], v["name"], item.where, v.get("kind", "other"), v.get("reliability", "F"),
                represents, v.get("url"), v.get("country"), v.get("note"),
            )
        for item in self.ids["predicates"].values():
            self.predicate(item)
        for item in self.ids["claims"].values():
            self.claim(item)
        for item in self.ids["rules"].values():
            self.rule(item)
        self.resolutions()
        findings = sorted(self.checker.findings, key=Finding.sort_key)
        return c, findings

    def unique(self, section: str) -> dict[str, _Item]:
        seen: dict[str, _Item] = {}
        invalid = self.invalid.setdefault(section, {})
        for item in self.by_section[section]:
            if not item.ok:
                if "id" in item.values:
                    invalid.setdefault(item.values["id"], item)
                continue
            ident = item.values["id"]
            first = seen.get(ident)
            if first is not None:
                self.finding(
                    "S010",
                    f"duplicate {section[:-1] if section != 'entities' else 'entity'} id '{ident}' (first at {first.pos['id']}); this one is ignored",
                    item.pos["id"],
                    (section, ident),
                )
                continue
            seen[ident] = item
        return seen

    def refs(self, item: _Item, name: str, section: str, code: str, word: str) -> list[str]:
        """The ids a list field names that exist; the others are findings."""
        out = []
        for ident, pos in item.values.get(name, ()):
            if self.exists(ident, section, code, word, pos, (item.section, item.values.get("id", ""), name)):
                out.append(ident)
        return out

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
        for other, pos in v.get("conflicts_with", ()):
            if other == ident:
                self.finding("S013", f"predicate '{ident}' lists itself in conflicts_with", pos, ("predicates", ident))
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
        subject = v.get("subject")
        if subject is not None and not self.exists(subject, "entities", "R002", "entity", item.pos["subject"], path + ("subject",)):
            subject = None
        predicate = self.corpus.predicates.get(v.get("predicate"))
        value_type = predicate.value_type if predicate else None
        obj = v.get("object")
        if obj is not None and not self.fits(obj, value_type, item.pos["object"], path + ("object",)):
            obj = None
        period = v.get("period", UNBOUNDED)
        raw = v.get("assertions", [])
        if not raw and "assertions" in v:
            self.finding("S011", f"claim '{ident}' has no assertions: nobody affirms, denies or doubts it", item.pos["assertions"], path)
        assertions = []
        for index, sub in enumerate(raw):
            if sub is None:
                continue
            a = sub.values
            apath = path + ("assertions", str(index))
            # every reference is checked, even in an assertion that takes no part, so that
            # one run shows all of its findings
            known = "source" in a and self.exists(a["source"], "sources", "R001", "source", sub.pos["source"], apath + ("source",))
            via = tuple(self.refs(sub, "via", "sources", "R001", "source"))
            value = a.get("value")
            if value is not None and not self.fits(value, value_type, sub.pos["value"], apath + ("value",)):
                value = None
            if not (known and sub.ok):
                continue
            assertions.append(Assertion(
                ident, index, a["source"], a["stance"], sub.where, a.get("period", period), a.get("date"),
                value, a.get("credibility", 6), via, a.get("quote"), a.get("url"), a.get("note"),
            ))
        self.corpus.claims[ident] = Claim(
            ident, v["text"], item.where, subject, v.get("predicate"), obj, period,
            tuple(t for t, _ in v.get("tags", ())), tuple(assertions),
        )

    def fits(self, value, value_type: str | None, pos: Pos, path) -> bool:
        """Does a value fit its predicate's declared value_type (§4.3)?"""
        if value_type is None:
            return True
        shown = _show(value)
        if value_type == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif value_type == "boolean":
            ok = isinstance(value, bool)
        elif value_type == "date":
            ok = not isinstance(value, (bool, float)) and isinstance(parse_date(value), DateSpan)
        elif value_type == "text":
            ok = isinstance(value, str)
            if not ok:
                self.finding("S014", f"the predicate's values are text, but YAML reads {shown} as {type_word(value)}; quote it", pos, path)
                return False
        else:  # entity
            if not isinstance(value, str):
                ok = False
            else:
                return self.exists(value, "entities", "R002", "entity", pos, path)
        if not ok:
            self.finding("S014", f"the predicate's values are of type {value_type}, but {shown} is {type_word(value)}", pos, path)
        return ok

    def rule(self, item: _Item) -> None:
        v = item.values
        ident = v["id"]
        kind = v["kind"]
        path = ("rules", ident)
        ok = True
        members: list[tuple[str, Pos]]
        if kind == "implies":
            for wrong in ("claims",):
                if wrong in v:
                    self.finding("S012", "an implies rule uses 'if' and 'then', not 'claims'", item.pos[wrong], path)
                    ok = False
            if "if" not in v or "then" not in v:
                missing = " and ".join(f"'{n}'" for n in ("if", "then") if n not in v)
                self.finding("S012", f"an implies rule needs {missing}", item.where, path)
                return
            members = [(v["if"], item.pos["if"])] + list(v["then"])
            if not v["then"]:
                self.finding("S012", "an implies rule needs at least one 'then' claim", item.pos["then"], path)
                ok = False
            then_ids = [c for c, _ in v["then"]]
            if len(set(then_ids)) != len(then_ids):
                self.finding("S012", f"rule '{ident}' lists a claim twice in 'then'", item.pos["then"], path)
                ok = False
        else:
            for wrong in ("if", "then"):
                if wrong in v:
                    self.finding("S012", f"an {kind} rule uses 'claims', not 'if'/'then'", item.pos[wrong], path)
                    ok = False
            members = list(v.get("claims", ()))
            ids = [c for c, _ in members]
            if "claims" not in v:
                self.finding("S012", f"an {kind} rule needs 'claims': a list of at least two claim ids", item.where, path)
                return
            if len(set(ids)) != len(ids):
                twice = sorted({c for c in ids if ids.count(c) > 1}) if len(ids) < 1000 else sorted(_twice(ids))
                self.finding("S012", f"rule '{ident}' lists claim '{twice[0]}' twice", item.pos["claims"], path)
                ok = False
            if len(set(ids)) < 2:
                self.finding("S012", f"an {kind} rule needs at least two claims", item.pos["claims"], path)
                ok = False
        for claim_id, pos in members:
            if not self.exists(claim_id, "claims", "R003", "claim", pos, path):
                ok = False
        if not ok:
            return
        severity = _SEVERITY[v.get("severity", "error")]
        if kind == "implies":
            rule = Rule(ident, kind, severity, item.where, if_=v["if"], then=tuple(c for c, _ in v["then"]), note=v.get("note"))
        else:
            rule = Rule(ident, kind, severity, item.where, claims=tuple(c for c, _ in members), note=v.get("note"))
        self.corpus.rules[ident] = rule

    def resolutions(self) -> None:
        seen: dict[str, int] = {}
        for item in self.by_section["resolutions"]:
            if not item.ok:
                continue
            v = item.values
            conflict = v["conflict"]
            resolution = Resolution(conflict, v["status"], item.where, v.get("verdict"), v.get("note"), v.get("by"), v.get("date"))
            if conflict in seen:
                index = seen[conflict]
                first = self.corpus.resolutions[index]
                self.finding(
                    "S015",
                    f"conflict '{conflict}' is resolved twice (first at {first.pos}); it counts as "
                    + ("resolved" if "resolved" in (first.status, resolution.status) else "acknowledged"),
                    item.pos["conflict"],
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
