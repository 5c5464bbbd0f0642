"""Tabular claim data (object, property, value, source[, date] rows) into a corpus.

Truth-discovery data sets come as rows: "source S says property P of object O is V".
`import_csv` turns them into a corpus that claimcheck reads without errors:

- one entity per distinct object (`name` is the object as written), one source per
  distinct source, one predicate per property (`single_value: true`, `value_type`
  inferred: `number` when every value of the property is a number, else `date` when every
  value is a date, else `text` when none is a number; a value with a zero before another
  digit, such as `007` or `02139`, is a code, not a number). Where numbers mix with
  other values (`10`, `10.0`, `Unlimited`), no `value_type` is declared: the numbers are
  written as numbers, the rest as text, and the corpus format compares two numbers as
  numbers and anything else as text (two dates as dates), so one stray `*` does not make
  `10` and `10.0` disagree; such properties are listed in the report (`untyped`);
- one claim per (object, property), its `subject` the object's entity and its
  `predicate` the property's, so disagreeing rows become `value:<object>/<property>`
  conflicts;
- one `affirms` assertion per row, with its `value` and, where the date column holds a
  date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an ISO timestamp such as `2012-03-04 05:06:07`,
  or a C-style one such as `fri jan 29 08:45:00 2010`), its `date` (the day part).

Ids are slugs made from the original text (`St. Louis, Missouri` → `st-louis-missouri`);
where two texts give one slug, the one that sorts later (by code point) gets `-2`, `-3`…,
so ids never depend on row order. Blank lines are no rows, and empty cells past the
header's (a trailing comma) are ignored. Rows that cannot be used (too few columns, a
filled cell past the header's, as an unquoted `1,000` gives, a quote never closed, which takes in the
rest of the file, a cell longer than `MAX_CELL` (64 MiB; the csv module alone stops at
128 KiB), an empty object, property, value or source, a value that is a missing-value
marker such as `N/A`, `NA`, `null` or `NaN`, as pandas reads them) are skipped and
reported with their row number; a date that cannot be read is reported and the assertion
kept without it. Empty dates and missing-value markers count as no date and are only
counted. Cells are trimmed of white space at both ends.

The CSV is streamed (`.csv.gz` is read through gzip); memory grows with the distinct
objects, sources and values, not with any copy of the file. Output files are written
atomically and never over an existing corpus: a non-empty `out_dir` is refused.
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import io
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .dates import parse_date
from .model import DateSpan
from .nodes import MAX_INT_DIGITS, Limits
from .output import write_atomically
from .plural import count

#: claims per claims-NNNN.yaml file
CLAIMS_PER_FILE = 5000
#: the longest cell read (the csv module's default is 131,072 characters); a longer one
#: could not be read back anyway: the loader refuses files above this size
MAX_CELL = Limits().max_file_bytes
MAX_ID = 128

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
#: a zero before another digit (007, 02139): a code, as in a spreadsheet's text cell
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
#: what counts as no value or no date: the markers pandas reads as missing, plus "-"
NULL_MARKERS = frozenset((
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null", "-",
))
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]|\Z)")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# "fri jan 29 08:45:00 2010" (C's asctime), optionally with a zone name before the year
_CTIME = re.compile(
    r"(?:[a-z]{3},?\s+)?([a-z]{3})\s+([0-9]{1,2})\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s+(?:[a-z]{2,5}\s+)?([0-9]{4})\Z"
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class CsvImportError(ValueError):
    """The CSV cannot be imported at all (a missing column, an unreadable file, a non-empty target)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    file: str
    row: int  # data row, 1 = the first row after the header
    # line in the file where the row ends (rows may span lines); for a quote never closed or a
    # cell too long, where it starts
    line: int
    reason: str
    kept: bool  # True: the row became an assertion anyway (e.g. without its date)

    def __str__(self) -> str:
        return f"{self.file}: row {self.row} (line {self.line}): {self.reason}{'' if not self.kept else ' (kept)'}"


@dataclass(frozen=True, slots=True)
class UntypedProperty:
    """A property whose values mix numbers with other values: its predicate declares no value_type."""

    predicate: str  # predicate id
    examples: tuple[str, ...]  # the values that are not numbers, most frequent first
    others: int  # distinct values that are not numbers besides the examples

    def __str__(self) -> str:
        shown = ", ".join(repr(_short(e)) for e in self.examples) + (f", {self.others} more" if self.others else "")
        return (
            f"property '{self.predicate}' has values that are not numbers ({shown}): "
            "values left untyped, compared as numbers where both are"
        )


@dataclass(slots=True)
class ImportReport:
    out_dir: Path
    rows: int = 0  # data rows read
    assertions: int = 0
    claims: int = 0
    sources: int = 0
    entities: int = 0
    predicates: dict[str, str | None] = field(default_factory=dict)  # predicate id -> value_type (None: not declared)
    untyped: list[UntypedProperty] = field(default_factory=list)  # why a predicate has no value_type
    files: list[str] = field(default_factory=list)  # written, relative to out_dir
    problems: list[RowProblem] = field(default_factory=list)
    dates_missing: int = 0  # empty or null-marker dates (not problems)
    # the ids given: original text -> id
    source_ids: dict[str, str] = field(default_factory=dict, repr=False)
    entity_ids: dict[str, str] = field(default_factory=dict, repr=False)
    predicate_ids: dict[str, str] = field(default_factory=dict, repr=False)  # property -> predicate id
    claim_ids: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)  # (object, property) -> claim id

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if not p.kept)

    def summary(self) -> str:
        return (
            f"{count(self.rows, 'row')} → {count(self.assertions, 'assertion')} on {count(self.claims, 'claim')} "
            f"about {count(self.entities, 'object')} from {count(self.sources, 'source')}, {count(len(self.predicates), 'predicate')}; "
            f"{count(self.skipped, 'row')} skipped, {len(self.problems) - self.skipped} kept with a problem; "
            f"{count(len(self.files), 'file')} in {self.out_dir}"
        )


def import_csv(
    csv_path: Path | str | Sequence[Path | str],
    out_dir: Path | str,
    object_col: str,
    property_col: str,
    value_col: str,
    source_col: str,
    date_col: str | None = None,
) -> ImportReport:
    """Read one CSV (or several with the same columns, in order) and write a corpus to
    `out_dir`, which must not exist or be empty. Raises CsvImportError when a column is
    missing, a file cannot be read, or `out_dir` holds anything."""
    paths = [Path(csv_path)] if isinstance(csv_path, (str, Path)) else [Path(p) for p in csv_path]
    out = Path(out_dir)
    refuse_non_empty(out)
    report = ImportReport(out)
    # interned texts: each distinct object, property, source and value is held once
    claim_rows: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    seen: dict[str, str] = {}
    wanted = [object_col, property_col, value_col, source_col] + ([date_col] if date_col else [])
    for path in paths:
        for row_number, line, cells in _rows(path, wanted):
            report.rows += 1
            if isinstance(cells, str):
                report.problems.append(RowProblem(str(path), row_number, line, cells, False))
                continue
            obj, prop, value, source = (c.strip() for c in cells[:4])
            empty = [name for name, text in zip(wanted, (obj, prop, value, source)) if not text]
            if empty:
                report.problems.append(RowProblem(str(path), row_number, line, f"empty {', '.join(empty)}", False))
                continue
            if value in NULL_MARKERS:
                report.problems.append(RowProblem(str(path), row_number, line, f"no value ({value!r} marks a missing value)", False))
                continue
            if "\ufffd" in obj or "\ufffd" in prop or "\ufffd" in value or "\ufffd" in source:
                report.problems.append(RowProblem(
                    str(path), row_number, line, "not valid UTF-8: what could not be read is kept as U+FFFD (re-export the file as UTF-8)", True))
            date = None
            if date_col:
                date, problem = date_of(cells[4])
                if problem:
                    report.problems.append(RowProblem(str(path), row_number, line, problem, True))
                elif date is None:
                    report.dates_missing += 1
            obj, prop, value, source = (seen.setdefault(t, t) for t in (obj, prop, value, source))
            claim_rows.setdefault((obj, prop), []).append((source, value, date))
    _write(out, claim_rows, report)
    return report


def refuse_non_empty(out: Path, error: type[ValueError] = CsvImportError) -> None:
    """An importer writes a new corpus: into a new or empty directory, never over files."""
    if out.exists():
        if not out.is_dir():
            raise error(f"{out} exists and is not a directory; choose a new directory for the corpus")
        if any(out.iterdir()):
            raise error(f"{out} is not empty; import into a new or empty directory (nothing is overwritten)")


def _rows(path: Path, wanted: list[str]) -> Iterable[tuple[int, int, list[str] | str]]:
    """(row number, line, the wanted cells or why the row cannot be used) for each data row."""
    try:
        raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")
    except OSError as err:
        raise CsvImportError(f"cannot read {path}: {err.strerror or err}") from None
    limit = csv.field_size_limit(MAX_CELL)  # process-wide: put back when done
    try:
        yield from _read(path, raw, wanted)
    finally:
        csv.field_size_limit(limit)


def _read(path: Path, raw, wanted: list[str]) -> Iterable[tuple[int, int, list[str] | str]]:
    """_rows' work, once the file is open and the cell limit raised."""
    with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="") as text:
        ended: list[bool] = []  # set once the reader asks for a line past the last one

        def end() -> Iterable[str]:
            ended.append(True)
            yield from ()

        reader = csv.reader(itertools.chain(text, end()))
        try:
            header = next(reader, None)
            if header is None:
                raise CsvImportError(f"{path} is empty: expected a header row naming the columns")
            names = [h.strip() for h in header]
            missing = [w for w in wanted if w not in names]
            if missing:
                raise CsvImportError(
                    f"{path} has no column {', '.join(repr(m) for m in missing)}; its columns are "
                    + ", ".join(repr(n) for n in names)
                )
            where = [names.index(w) for w in wanted]
            need = max(where[:4]) + 1  # a row may end before its date: it has none
            width = len(header)
            start = reader.line_num + 1  # the line the next row starts on
            number = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as err:
                    if "field limit" not in str(err):
                        raise
                    row = None  # the reader drops the rest of the line and goes on from the next one
                if row == []:  # a blank line is no row (exports often end with one)
                    start = reader.line_num + 1
                    continue
                number += 1
                if row is None:
                    yield number, start, f"a cell is longer than {MAX_CELL:,} characters, the most one may hold"
                elif ended:  # a row is only cut by the end of the file inside a quoted cell
                    yield number, start, (
                        f"a quote opened on line {start} is never closed: the rest of the file was read as one cell"
                    )
                elif len(row) < need:
                    yield number, reader.line_num, "fewer columns than the header"
                elif len(row) > width and any(cell.strip() for cell in row[width:]):
                    # an unquoted comma (1,000) would shift the cells after it; empty cells
                    # past the header's (a trailing comma on every row) shift nothing
                    yield number, reader.line_num, f"more columns than the header: {len(row)}, expected {width}"
                else:
                    yield number, reader.line_num, [row[i] if i < len(row) else "" for i in where]
                start = reader.line_num + 1
        except (OSError, EOFError, csv.Error) as err:  # a truncated gzip, a broken quote
            raise CsvImportError(f"cannot read {path} (line {reader.line_num}): {err}") from None


def date_of(text: str) -> tuple[str | None, str | None]:
    """(the date as YYYY[-MM[-DD]], None), (None, None) for no date, or (None, problem)."""
    text = text.strip()
    if text in NULL_MARKERS:
        return None, None
    span = parse_date(text)
    if isinstance(span, DateSpan):
        return span.text, None
    folded = " ".join(text.casefold().split())
    day = None
    match = _ISO_DAY.match(text)
    if match:
        day = (int(match[1]), int(match[2]), int(match[3]))
    else:
        match = _CTIME.match(folded)
        if match and match[1] in _MONTHS:
            day = (int(match[3]), _MONTHS[match[1]], int(match[2]))
    if day is not None:
        try:
            return _dt.date(*day).isoformat(), None
        except ValueError:
            pass
    return None, f"date '{_short(text)}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a timestamp); kept without it"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- values -----------------------------------------------------------------------------


def _is_number(text: str) -> bool:
    if _LEADING_ZERO.match(text):  # as a number, 02139 would lose its zero
        return False
    if _INT.match(text):
        return len(text) <= MAX_INT_DIGITS  # the loader keeps longer integers as text
    return bool(_FLOAT.match(text)) and math.isfinite(float(text))


def number_text(text: str) -> str:
    """A number as plain YAML that YAML 1.1 and 1.2 read alike: integers without leading
    zeros or '+', other numbers as Python writes the float (with a '.', which YAML 1.1
    needs before an exponent)."""
    if _INT.match(text):
        return str(int(text))
    out = repr(float(text))
    if "e" in out and "." not in out:
        mantissa, exponent = out.split("e")
        out = f"{mantissa}.0e{exponent}"
    return out


def _is_date(text: str) -> bool:
    return isinstance(parse_date(text), DateSpan)


def _value_type(values: Iterable[str]) -> str | None:
    """`number`, `date`, `text`, or None where numbers mix with other values: declaring
    `text` would compare 10 and 10.0 as texts, `number` would make the rest errors."""
    number = date = True
    some_number = False
    for value in values:
        is_number = _is_number(value)
        number = number and is_number
        some_number = some_number or is_number
        date = date and _is_date(value)
        if some_number and not number and not date:
            return None  # settled: more values cannot change it
    return "number" if number else "date" if date else None if some_number else "text"


def _untyped(predicate: str, counts: Counter[str], examples: int = 2) -> UntypedProperty:
    others = sorted((-n, v) for v, n in counts.items() if not _is_number(v))
    return UntypedProperty(predicate, tuple(v for _, v in others[:examples]), max(0, len(others) - examples))


# --- ids --------------------------------------------------------------------------------


def slug(text: str, fallback: str, width: int = MAX_ID) -> str:
    """A slug from any text: ASCII-folded, lower case, runs of other characters as '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return (out or fallback)[:width].rstrip("-") or fallback


def unique_ids(texts: Iterable, make) -> dict:
    """Text → a unique slug; on a clash, texts later in code-point order get -2, -3, …"""
    ids: dict = {}
    taken: set[str] = set()
    for text in sorted(texts):
        base = make(text)
        ident, n = base, 1
        while ident in taken:
            n += 1
            suffix = f"-{n}"
            ident = base[: MAX_ID - len(suffix)] + suffix
        taken.add(ident)
        ids[text] = ident
    return ids


# --- writing ----------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif (
            0x20 <= code <= 0x7E
            or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or 0x10000 <= code <= 0x10FFFF
        ):
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:  # pragma: no cover - every code point above 0xFFFF is printable
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _section(name: str, items: list[str]) -> str:
    return f"{name}:\n" + "".join(items) if items else f"{name}: []\n"


def _write(out: Path, claim_rows: dict, report: ImportReport) -> None:
    objects = sorted({o for o, _ in claim_rows})
    properties = sorted({p for _, p in claim_rows})
    sources = sorted({s for rows in claim_rows.values() for s, _, _ in rows})
    entity_id = unique_ids(objects, lambda t: slug(t, "object"))
    source_id = unique_ids(sources, lambda t: slug(t, "source"))
    predicate_id = unique_ids(properties, lambda t: slug(t, "property", 60))
    claim_id = unique_ids(  # <object>.<predicate>, within the 128 characters of an id
        claim_rows, lambda op: f"{slug(op[0], 'object', MAX_ID - 1 - len(predicate_id[op[1]]))}.{predicate_id[op[1]]}"
    )

    values_of: dict[str, Counter[str]] = {}
    for (_, prop), rows in claim_rows.items():
        values_of.setdefault(prop, Counter()).update(v for _, v, _ in rows)
    value_type = {prop: _value_type(sorted(values_of[prop])) for prop in properties}
    report.untyped = [_untyped(predicate_id[p], values_of[p]) for p in properties if value_type[p] is None]
    del values_of

    out.mkdir(parents=True, exist_ok=True)
    refuse_non_empty(out)  # again, just before writing: someone may have raced us

    def put(name: str, text: str) -> None:
        write_atomically(out / name, text, overwrite=False)
        report.files.append(name)

    put("sources.yaml", _section("sources", [
        f"  - id: {quote(source_id[s])}\n    name: {quote(s)}\n" for s in sources
    ]))
    put("entities.yaml", _section("entities", [
        f"  - id: {quote(entity_id[o])}\n    name: {quote(o)}\n" for o in objects
    ]))
    put("predicates.yaml", _section("predicates", [
        f"  - id: {quote(predicate_id[p])}\n    description: {quote(p)}\n    single_value: true\n"
        + (f"    value_type: {value_type[p]}\n" if value_type[p] else "") for p in properties
    ]))
    ordered = sorted(claim_rows, key=lambda op: claim_id[op])
    for start in range(0, len(ordered), CLAIMS_PER_FILE):
        chunk = []
        for key in ordered[start:start + CLAIMS_PER_FILE]:
            obj, prop = key
            typed = value_type[prop]
            chunk.append(
                f"  - id: {quote(claim_id[key])}\n    text: {quote(f'{prop} of {obj}')}\n"
                f"    subject: {quote(entity_id[obj])}\n    predicate: {quote(predicate_id[prop])}\n    assertions:\n"
            )
            for source, value, date in claim_rows[key]:
                number = typed == "number" or (typed is None and _is_number(value))
                shown = number_text(value) if number else quote(value)
                chunk.append(f"      - {{source: {quote(source_id[source])}, stance: affirms, value: {shown}")
                chunk.append(f", date: {quote(date)}}}\n" if date else "}\n")
                report.assertions += 1
        put(f"claims-{start // CLAIMS_PER_FILE + 1:04d}.yaml", "claims:\n" + "".join(chunk))
    report.claims = len(claim_rows)
    report.sources = len(sources)
    report.entities = len(objects)
    report.predicates = {predicate_id[p]: value_type[p] for p in properties}
    report.source_ids, report.entity_ids, report.predicate_ids, report.claim_ids = source_id, entity_id, predicate_id, claim_id
