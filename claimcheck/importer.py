"""Tabular claim data (object, property, value, source[, date] rows) into a corpus.

Truth-discovery data sets come as rows: "source S says property P of object O is V".
`import_csv` turns them into a corpus that claimcheck reads without errors:

- one entity per distinct object (`name` is the object as written), one source per
  distinct source, one predicate per property (`single_value: true`, `value_type`
  inferred: `number` when every value of the property is a number, else `date` when every
  value is a date, else `datetime` when every value is a date-time or a date, else `text`
  when none is a number or date-time; a value with a zero before another digit, such as
  `007` or `02139`, is a code, not a number). Where numbers (or date-times) mix with
  other values (`10`, `10.0`, `Unlimited`), no `value_type` is declared: the numbers are
  written as numbers, the rest as text, and the corpus format compares two numbers as
  numbers and anything else as text (two dates as dates, two date-times as instants), so
  one stray `*` does not make `10` and `10.0` disagree; such properties are listed in the
  report (`untyped`);
- date-times (`2024-03-01T19:00`, `2024-03-01 19:00:05+01:00`, `...Z`) are written as the
  format writes them (`YYYY-MM-DDTHH:MM[:SS]`, then `Z` or `±HH:MM`); a fraction of a
  second is left out (the second that holds it is the value, counted in the report). In a
  `datetime` property a plain date stands for its whole day, so it is written as the range
  of it (`{min: 2024-03-01T00:00:00, max: 2024-03-01T23:59:59}`): a time on that day
  agrees with it, one on another day does not (listed in the report, `day_ranges`);
- objects that differ only in case and white space (`Al-Ahli Blast`, `al-Ahli  blast`),
  the way the format compares texts, are one entity, and properties that differ only in
  case, white space and punctuation (`Population/2006`, `population2006`), the way the
  lint rules compare texts, one predicate: the spelling most rows use (ties: the first
  by code point) is its name, the others its entity's aliases (`merged` in the report). Sources are never merged (a user name may be case
  sensitive, and two sources made one would hide an independent origin): such sources,
  and names that differ in more but still give one id (`St. Louis`, `St Louis`), are kept
  apart and listed (`apart`);
- one claim per (object, property), its `subject` the object's entity and its
  `predicate` the property's, so disagreeing rows become `value:<object>/<property>`
  conflicts;
- one `affirms` assertion per row, with its `value` and, where the date column holds a
  date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an ISO timestamp such as `2012-03-04 05:06:07`,
  or a C-style one such as `fri jan 29 08:45:00 2010`), its `date`: the day, since an
  assertion's date is a day in the format (the report counts the times left out).

Ids are slugs made from the original text (`St. Louis, Missouri` → `st-louis-missouri`);
where two texts give one slug, the one that sorts later (by code point) gets `-2`, `-3`…,
so ids never depend on row order; a claim's id is its entity's and predicate's
(`st-louis-2.population`). Blank lines are no rows, and empty cells past the
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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .dates import parse_date
from .lint._text import normalise
from .model import DateSpan
from .nodes import MAX_INT_DIGITS, Limits
from .output import write_atomically
from .plural import count, plural

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
#: an ISO date-time, with `T` or a space, seconds and their fraction, and a zone optional
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?"
    r"(?:([Zz])| ?([+-])([0-9]{2})(?::?([0-9]{2}))?)?\Z"
)


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
    """A property whose values mix numbers (or date-times) with other values: its
    predicate declares no value_type."""

    predicate: str  # predicate id
    examples: tuple[str, ...]  # the values that are not numbers, most frequent first
    others: int  # distinct values that are not numbers besides the examples
    kind: str = "numbers"  # what the other values are not: numbers, or date-times

    def __str__(self) -> str:
        shown = ", ".join(repr(_short(e)) for e in self.examples) + (f", {self.others} more" if self.others else "")
        return (
            f"property '{self.predicate}' has values that are not {self.kind} ({shown}): "
            f"values left untyped, compared as {self.kind} where both are"
        )


@dataclass(frozen=True, slots=True)
class Spellings:
    """Names of one kind (object, property, source) that differ only in case and white
    space, or that give one id: made one (`merged`), or kept apart and listed."""

    kind: str  # object, property or source
    names: tuple[str, ...]  # as written; a merged group's kept name first
    ids: tuple[str, ...]  # the id each became (merged: one)
    how: str  # "merged"; or kept apart though they differ only in "case", or give one "id"

    def __str__(self) -> str:
        names = ", ".join(repr(n) for n in self.names[:-1]) + f" and {self.names[-1]!r}"
        many = plural(self.kind)
        if self.how == "merged" and self.kind == "object":
            aliases = "the other spellings are its aliases" if len(self.names) > 2 else "the other spelling is an alias"
            return (f"{many} {names} differ only in case or white space: one entity, '{self.ids[0]}', "
                    f"named {self.names[0]!r} ({aliases})")
        if self.how == "merged":
            return (f"{many} {names} differ only in case, white space or punctuation: one predicate, "
                    f"'{self.ids[0]}', described as {self.names[0]!r}")
        ids = ", ".join(f"'{i}'" for i in self.ids)
        if self.how == "case":
            why = ("differ only in case or white space: kept as separate sources "
                   f"({ids}), as user names may be case-sensitive")
        else:
            why = f"give one id: kept apart as {ids}"
        return f"{many} {names} {why}; if they are one, write them alike in the CSV"


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
    merged: list[Spellings] = field(default_factory=list)  # names made one
    apart: list[Spellings] = field(default_factory=list)  # names alike but kept apart
    day_ranges: list[str] = field(default_factory=list)  # datetime predicates whose plain dates became day ranges
    times_left_out: int = 0  # dates given with a time of day, kept as their day
    fractions_left_out: int = 0  # date-time values given with a fraction of a second
    files: list[str] = field(default_factory=list)  # written, relative to out_dir
    problems: list[RowProblem] = field(default_factory=list)
    dates_missing: int = 0  # empty or null-marker dates (not problems)
    # the ids given: original text (every spelling of a merged name) -> id
    aliases: dict[str, list[str]] = field(default_factory=dict, repr=False)  # kept object name -> its other spellings
    spelled: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict, repr=False)  # (object, property) as written -> as kept
    source_ids: dict[str, str] = field(default_factory=dict, repr=False)
    entity_ids: dict[str, str] = field(default_factory=dict, repr=False)
    predicate_ids: dict[str, str] = field(default_factory=dict, repr=False)  # property -> predicate id
    claim_ids: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)  # (object, property) -> claim id

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if not p.kept)

    def notes(self) -> list[str]:
        """What the import decided that a reader of the corpus should know, a line each."""
        lines = [str(u) for u in self.untyped] + [str(m) for m in self.merged] + [str(a) for a in self.apart]
        for predicate in self.day_ranges:
            lines.append(f"property '{predicate}' has date-times and dates: a date is written as the range of its "
                         "whole day (00:00:00 to 23:59:59), which agrees with any time on it")
        if self.times_left_out:
            lines.append(f"{count(self.times_left_out, 'date')} had a time of day, left out: an assertion's date is a "
                         "day in the corpus format (import the column with --value to compare the times)")
        if self.fractions_left_out:
            lines.append(f"{count(self.fractions_left_out, 'date-time value')} had a fraction of a second, left out: "
                         "the format's date-times end at the second (the second that holds it is the value)")
        return lines

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
    sink=None,
) -> ImportReport:
    """Read one CSV (or several with the same columns, in order) and write a corpus to
    `out_dir`, which must not exist or be empty. Raises CsvImportError when a column is
    missing, a file cannot be read, or `out_dir` holds anything. `sink(name, text)`,
    where given, takes each file's text instead (`export.import_csv_tables`)."""
    paths = [Path(csv_path)] if isinstance(csv_path, (str, Path)) else [Path(p) for p in csv_path]
    out = Path(out_dir)
    refuse_non_empty(out)
    report = ImportReport(out)
    # interned texts: each distinct object, property, source and value is held once
    claim_rows: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    seen: dict[str, str] = {}
    dates: dict[str, tuple[str | None, str | None, bool]] = {}
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
                read = dates.get(cells[4])
                if read is None:  # a timestamp column repeats itself: each text is read once
                    day, problem = date_of(cells[4])
                    read = dates[cells[4]] = (day, problem, day is not None and _has_time(cells[4]))
                    if len(dates) > 100_000:
                        dates.clear()
                date, problem, timed = read
                if problem:
                    report.problems.append(RowProblem(str(path), row_number, line, problem, True))
                elif date is None:
                    report.dates_missing += 1
                elif timed:
                    report.times_left_out += 1
            obj, prop, value, source = (seen.setdefault(t, t) for t in (obj, prop, value, source))
            claim_rows.setdefault((obj, prop), []).append((source, value, date))
    _write(out, _one_spelling_each(claim_rows, report), report, sink)
    return report


def refuse_non_empty(out: Path, error: type[ValueError] = CsvImportError, verb: str = "import") -> None:
    """An importer or exporter writes a new corpus: into a new or empty directory, never
    over files."""
    if out.exists():
        if not out.is_dir():
            raise error(f"{out} exists and is not a directory; choose a new directory for the corpus")
        if any(out.iterdir()):
            raise error(f"{out} is not empty; {verb} into a new or empty directory (nothing is overwritten)")


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


def _has_time(text: str) -> bool:
    """Whether a date cell that date_of read also gave a time of day."""
    text = text.strip()
    return bool(_ISO_DAY.match(text) and len(text) > 10 or _CTIME.match(" ".join(text.casefold().split())))


def datetime_of(text: str) -> tuple[str, bool] | None:
    """A date-time as the format writes it (`YYYY-MM-DDTHH:MM[:SS]`, then `Z` or
    `±HH:MM` where a zone was given) and whether a fraction of a second was left out;
    None when `text` is not a date-time."""
    match = _DATETIME.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, utc, sign, zone_hour, zone_minute = match.groups()
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if int(year) < 1 or int(hour) > 23 or int(minute) > 59 or (second and int(second) > 59):
        return None
    if sign and (int(zone_hour) > 23 or (zone_minute and int(zone_minute) > 59)):
        return None
    out = f"{year}-{month}-{day}T{hour}:{minute}" + (f":{second}" if second else "")
    if utc:
        out += "Z"
    elif sign:
        out += f"{sign}{zone_hour}:{zone_minute or '00'}"
    return out, bool(fraction)


def _day_range(text: str) -> str:
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) as the YAML range of date-times its span covers."""
    span = parse_date(text)
    first, last = _dt.date.fromordinal(span.first), _dt.date.fromordinal(span.last)
    return f"{{min: {quote(first.isoformat() + 'T00:00:00')}, max: {quote(last.isoformat() + 'T23:59:59')}}}"


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
    """`number`, `date`, `datetime` (date-times, and dates among them), `text`, or None
    where numbers or date-times mix with other values: declaring `text` would compare 10
    and 10.0, or 19:00Z and 20:00+01:00, as texts; `number` would make the rest errors."""
    number = date = moment = True  # every value a number, a date, a date or a date-time
    some_number = some_datetime = False
    for value in values:
        is_number = _is_number(value)
        is_date = _is_date(value)
        is_datetime = not is_date and datetime_of(value) is not None
        number = number and is_number
        some_number = some_number or is_number
        some_datetime = some_datetime or is_datetime
        date = date and is_date
        moment = moment and (is_date or is_datetime)
        if (some_number or some_datetime) and not number and not date and not moment:
            return None  # settled: more values cannot change it
    if number:
        return "number"
    if date:
        return "date"
    if moment:
        return "datetime"
    return None if some_number or some_datetime else "text"


def _untyped(predicate: str, counts: Counter[str], examples: int = 2) -> UntypedProperty:
    numbers = any(_is_number(v) for v in counts)
    kind, fits = ("numbers", _is_number) if numbers else ("date-times", lambda v: datetime_of(v) is not None)
    others = sorted((-n, v) for v, n in counts.items() if not fits(v))
    return UntypedProperty(predicate, tuple(v for _, v in others[:examples]), max(0, len(others) - examples), kind)


def _value_yaml(value: str, typed: str | None, report: ImportReport) -> str:
    """The value as YAML for its property's value type (None: undeclared)."""
    if typed == "number" or (typed is None and _is_number(value)):
        return number_text(value)
    if typed in ("datetime", None):
        moment = datetime_of(value)
        if moment is not None:
            report.fractions_left_out += moment[1]
            return quote(moment[0])
        if typed == "datetime":  # a plain date among date-times: its whole day
            return _day_range(value)
    return quote(value)


# --- names ------------------------------------------------------------------------------


def spelling(text: str) -> str:
    """A name as the format compares texts (NFC, case folded, white space collapsed)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def property_spelling(text: str) -> str:
    """A property name as the lint rules compare texts: its punctuation gone too, so
    `Population/2006` and `population2006` are one field of the data (an object's
    punctuation may be what tells it apart: `2.1`, `21`)."""
    return normalise(text) or spelling(text)


def _kept_spellings(used: Counter[str], key=spelling) -> dict[str, str]:
    """Each name → the name kept for it: among names that are one under `key`, the one
    most rows use (ties: the first by code point), whatever the row order."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in used:
        groups[key(name)].append(name)
    kept = {}
    for names in groups.values():
        chosen = min(names, key=lambda n: (-used[n], n))
        for name in names:
            kept[name] = chosen
    return kept


def _one_spelling_each(claim_rows: dict, report: ImportReport) -> dict:
    """The rows with objects and properties that differ only in case and white space made
    one (so their values meet in one comparison), and the spellings noted for `_write`."""
    objects: Counter[str] = Counter()
    properties: Counter[str] = Counter()
    for (obj, prop), rows in claim_rows.items():
        objects[obj] += len(rows)
        properties[prop] += len(rows)
    object_name, property_name = _kept_spellings(objects), _kept_spellings(properties, property_spelling)
    if all(k == v for k, v in object_name.items()) and all(k == v for k, v in property_name.items()):
        return claim_rows  # the usual case: nothing to merge
    merged: dict[tuple[str, str], list] = {}
    for (obj, prop), rows in claim_rows.items():
        key = (object_name[obj], property_name[prop])
        merged.setdefault(key, []).extend(rows)
        if key != (obj, prop):
            report.spelled[(obj, prop)] = key
    report.aliases = {}
    for kind, names in (("object", object_name), ("property", property_name)):
        groups: dict[str, list[str]] = defaultdict(list)
        for name, kept in names.items():
            if name != kept:
                groups[kept].append(name)
        for kept, others in sorted(groups.items()):
            report.merged.append(Spellings(kind, (kept, *sorted(others)), (), "merged"))
            if kind == "object":
                report.aliases[kept] = sorted(others)
    return merged


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


def _apart(kind: str, names: list[str], ids: dict[str, str], make) -> list[Spellings]:
    """Names kept apart that a reader may take for one: sources that differ only in case
    and white space, and any names that give one id (`make`) before the -2, -3 that tell
    them apart."""
    out: list[Spellings] = []
    seen: set[tuple[str, ...]] = set()
    for key in ((spelling,) if kind == "source" else ()) + (make,):
        groups: dict[str, list[str]] = defaultdict(list)
        for name in names:
            groups[key(name)].append(name)
        for _, group in sorted(groups.items()):
            if len(group) > 1 and tuple(sorted(group)) not in seen:
                group = sorted(group)
                seen.add(tuple(group))
                out.append(Spellings(kind, tuple(group), tuple(ids[n] for n in group), "id" if key is make else "case"))
    return out


def _write(out: Path, claim_rows: dict, report: ImportReport, sink=None) -> None:
    objects = sorted({o for o, _ in claim_rows})
    properties = sorted({p for _, p in claim_rows})
    sources = sorted({s for rows in claim_rows.values() for s, _, _ in rows})
    def make_entity(text: str) -> str:
        return slug(text, "object")

    def make_source(text: str) -> str:
        return slug(text, "source")

    def make_predicate(text: str) -> str:
        return slug(text, "property", 60)

    entity_id = unique_ids(objects, make_entity)
    source_id = unique_ids(sources, make_source)
    predicate_id = unique_ids(properties, make_predicate)
    claim_id = unique_ids(  # <entity>.<predicate>, within the 128 characters of an id: unique as they are
        claim_rows, lambda op: f"{entity_id[op[0]][:MAX_ID - 1 - len(predicate_id[op[1]])].rstrip('-')}.{predicate_id[op[1]]}"
    )

    values_of: dict[str, Counter[str]] = {}
    for (_, prop), rows in claim_rows.items():
        values_of.setdefault(prop, Counter()).update(v for _, v, _ in rows)
    value_type = {prop: _value_type(sorted(values_of[prop])) for prop in properties}
    report.untyped = [_untyped(predicate_id[p], values_of[p]) for p in properties if value_type[p] is None]
    report.day_ranges = [predicate_id[p] for p in properties if value_type[p] == "datetime" and any(_is_date(v) for v in values_of[p])]
    del values_of
    report.merged = [replace(m, ids=((entity_id if m.kind == "object" else predicate_id)[m.names[0]],)) for m in report.merged]
    report.apart = (_apart("object", objects, entity_id, make_entity) + _apart("property", properties, predicate_id, make_predicate)
                    + _apart("source", sources, source_id, make_source))

    if sink is None:
        out.mkdir(parents=True, exist_ok=True)
        refuse_non_empty(out)  # again, just before writing: someone may have raced us

    def put(name: str, text: str) -> None:
        if sink is not None:
            sink(name, text)
        else:
            write_atomically(out / name, text, overwrite=False)
        report.files.append(name)

    put("sources.yaml", _section("sources", [
        f"  - id: {quote(source_id[s])}\n    name: {quote(s)}\n" for s in sources
    ]))
    put("entities.yaml", _section("entities", [
        f"  - id: {quote(entity_id[o])}\n    name: {quote(o)}\n"
        + (f"    aliases: [{', '.join(quote(a) for a in report.aliases[o])}]\n" if o in report.aliases else "")
        for o in objects
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
                shown = _value_yaml(value, typed, report)
                chunk.append(f"      - {{source: {quote(source_id[source])}, stance: affirms, value: {shown}")
                chunk.append(f", date: {quote(date)}}}\n" if date else "}\n")
                report.assertions += 1
        put(f"claims-{start // CLAIMS_PER_FILE + 1:04d}.yaml", "claims:\n" + "".join(chunk))
    report.claims = len(claim_rows)
    report.sources = len(sources)
    report.entities = len(objects)
    report.predicates = {predicate_id[p]: value_type[p] for p in properties}
    for (obj, prop), (kept_obj, kept_prop) in report.spelled.items():  # every spelling finds its ids
        entity_id.setdefault(obj, entity_id[kept_obj])
        predicate_id.setdefault(prop, predicate_id[kept_prop])
        claim_id[(obj, prop)] = claim_id[(kept_obj, kept_prop)]
    report.source_ids, report.entity_ids, report.predicate_ids, report.claim_ids = source_id, entity_id, predicate_id, claim_id
