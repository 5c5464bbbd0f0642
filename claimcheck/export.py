"""`claimcheck export parquet`: a YAML corpus as the tables of `claimcheck.tables`.

The corpus is read one file at a time, as `check` reads it: each file is loaded and
checked on its own (syntax, fields, types, dates) and its valid records become rows;
then its tree is let go. Memory stays bounded by the largest file plus the tables being
written (held by DuckDB in columns, spilled to disk past its memory limit). What needs
the whole corpus (unknown ids, duplicates, values that do not fit a predicate's type)
is left to the tables' own validation (`claimcheck check DIR`), which finds the same.

Rows keep where they came from (the file as it was named, line and column), so the
tables' findings and conflicts point at the YAML. Nothing is overwritten: the folder
must not exist or be empty, and the tables appear in it only once all are written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .plural import count
from .loader import Limits, discover, load_file
from .model import UNBOUNDED, Period
from .tables import TABLES, encode_all

#: rows gathered in Python before they are handed to DuckDB (a few MB of them)
FLUSH_ROWS = 50_000


class ExportError(ValueError):
    """The export cannot start or finish (a non-empty target, an unwritable folder)."""


@dataclass(slots=True)
class ExportReport:
    out: Path
    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.rows.items())
        return f"Wrote {counts} from {count(self.files, 'file')} to {self.out}"


class _Writer:
    """Rows of every table, handed to DuckDB in batches and copied out as Parquet."""

    def __init__(self, session) -> None:
        self.session = session
        self.pending: dict[str, list[tuple]] = {name: [] for name in TABLES}
        self.counts: dict[str, int] = {name: 0 for name in TABLES}
        for table in TABLES.values():
            columns = ", ".join(f'"{c.name}" {c.type}' for c in table.columns)
            session.execute(f"CREATE TABLE {table.name} ({columns})")

    def add(self, table: str, row: tuple) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= FLUSH_ROWS:
            self.flush(table)

    def flush(self, table: str) -> None:
        rows = self.pending[table]
        if not rows:
            return
        spec = TABLES[table]
        columns = list(zip(*rows))
        select, data = [], []
        for i, column in enumerate(spec.columns):
            if column.type.startswith("MAP"):  # a dict, handed over as its keys and its values
                keys, values = len(data) + 1, len(data) + 2
                data.append([None if d is None else list(d) for d in columns[i]])
                data.append([None if d is None else list(d.values()) for d in columns[i]])
                select.append(f"CASE WHEN k{keys} IS NULL THEN NULL ELSE map(k{keys}, k{values}) END")
                inner = f"unnest(${keys}::VARCHAR[][]) AS k{keys}, unnest(${values}::VARCHAR[][]) AS k{values}"
            else:
                data.append(list(columns[i]))
                n = len(data)
                select.append(f"k{n}")
                inner = f"unnest(${n}::{column.type}[]) AS k{n}"
            select[-1] = (select[-1], inner)
        names = ", ".join(f'"{c.name}"' for c in spec.columns)
        outer = ", ".join(expression for expression, _ in select)
        inner = ", ".join(part for _, part in select)
        self.session.execute(f"INSERT INTO {table} ({names}) SELECT {outer} FROM (SELECT {inner})", data)
        self.counts[table] += len(rows)
        rows.clear()

    def write(self, folder: Path) -> None:
        for table in TABLES:
            self.flush(table)
            target = str(folder / f"{table}.parquet").replace("'", "''")
            self.session.execute(f"COPY {table} TO '{target}' (FORMAT parquet, COMPRESSION zstd)")


def export_parquet(paths: list[Path], out: Path, limits: Limits = Limits(), memory_limit: str | None = None) -> ExportReport:
    """Convert the YAML corpus at `paths` into tables in the new folder `out`."""
    from .importer import refuse_non_empty

    refuse_non_empty(out, ExportError, "export")
    report = ExportReport(out)
    files, findings = discover(paths)
    report.findings.extend(findings)
    with _Tables(out, memory_limit) as tables:
        buffer = bytearray()
        for path, display in files:
            loaded = load_file(path, display, limits, buffer)
            report.findings.extend(loaded.findings)
            tables.add(loaded)
            del loaded  # the tree: one file's at a time
            report.files += 1
        report.findings.extend(tables.checker.findings)
        report.findings.sort(key=Finding.sort_key)
        tables.finish()
        report.rows = dict(tables.writer.counts)
    return report


def import_csv_tables(files: list[Path], out: Path, *columns) -> object:
    """`claimcheck import csv --to parquet`: the importer's corpus written as tables, each
    of its files read as it is made and never written as YAML. The rows then say no YAML
    place (there is none): findings name their table and row."""
    from .importer import CsvImportError, import_csv, refuse_non_empty
    from .loader import load_text

    refuse_non_empty(out, CsvImportError)
    with _Tables(out, None, keep_places=False) as tables:
        report = import_csv(files, out, *columns, sink=lambda name, text: tables.add(load_text(text, name)))
        if tables.checker.findings:  # pragma: no cover - the importer writes valid YAML
            raise CsvImportError(f"the imported corpus is not valid: {tables.checker.findings[0]}")
        tables.finish()
    report.files = [f"{name}.parquet" for name in TABLES]
    return report


class _Tables:
    """The tables being written: the checker reading each YAML file, the writer holding
    their rows (in DuckDB), and the folder they appear in once whole."""

    def __init__(self, out: Path, memory_limit: str | None, keep_places: bool = True) -> None:
        import duckdb

        from .validate import _Validator

        self.out = out
        self.keep_places = keep_places
        self._spill = tempfile.mkdtemp(prefix="claimcheck-export-")
        config = {"temp_directory": self._spill, "preserve_insertion_order": True}
        if memory_limit:
            config["memory_limit"] = memory_limit
        try:
            self.con = duckdb.connect(":memory:", config=config)
            self.con.execute("SET enable_progress_bar = false")  # it would draw on the terminal
        except duckdb.Error as err:  # a setting DuckDB refuses (--memory-limit): no spill folder left behind
            shutil.rmtree(self._spill, ignore_errors=True)
            if isinstance(err, duckdb.OutOfMemoryException):
                raise  # too small a limit: the caller says so as it does past the start
            raise ExportError(f"DuckDB: {str(err).splitlines()[0]}") from None
        self.writer = _Writer(self.con)
        self.checker = _Validator()

    def __enter__(self) -> "_Tables":
        return self

    def __exit__(self, *_) -> None:
        self.con.close()
        shutil.rmtree(self._spill, ignore_errors=True)

    def add(self, loaded) -> None:
        items = self.checker.file_items(loaded)
        _rows(items, loaded.path, self.checker, self.writer if self.keep_places else _Placeless(self.writer))

    def finish(self) -> None:
        """Write the tables beside the target, then move them into place at once."""
        from .importer import refuse_non_empty

        out = self.out
        parent = out.parent if str(out.parent) else Path(".")
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)  # as mkdir would make it, not mkdtemp's private 0700
            self.writer.write(staging)
            refuse_non_empty(out, ExportError, "export")  # again: someone may have written there since
            if out.exists():
                out.rmdir()  # empty: checked just now
            os.rename(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


class _Placeless:
    """A writer that leaves out where rows came from (YAML that was never written)."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer

    def add(self, table: str, row: tuple) -> None:
        self.writer.add(table, row[:-3] + (None, None, None))


def _rows(items: dict, file: str, checker, writer: _Writer) -> None:
    """One file's valid records as rows of the tables."""
    for item in items.get("sources", ()):
        if item.ok:
            v = item.values
            writer.add("sources", (
                v["id"], v["name"], v.get("kind"), v.get("reliability"), _ids(v.get("represents")),
                v.get("url"), v.get("country"), v.get("note"), *_at(item.where),
            ))
    for item in items.get("entities", ()):
        if item.ok:
            v = item.values
            writer.add("entities", (v["id"], v["name"], _list(v.get("aliases")), v.get("kind"), *_at(item.where)))
    for item in items.get("predicates", ()):
        if item.ok:
            v = item.values
            tolerance = v.get("tolerance")
            writer.add("predicates", (
                v["id"], v.get("description"), v.get("single_value"), v.get("value_type"),
                None if tolerance is None else (str(tolerance) if isinstance(tolerance, int) else repr(float(tolerance))),
                _ids(v.get("conflicts_with")), *_at(item.where),
            ))
    for item in items.get("claims", ()):
        if item.ok:
            _claim(item, writer)
    for item in items.get("rules", ()):
        if item.ok and id(item) not in checker.flawed_rules:
            _rule(item, writer)
    for item in items.get("resolutions", ()):
        if item.ok:
            v = item.values
            date = v.get("date")
            ratings = v.get("ratings")
            writer.add("resolutions", (
                v["conflict"], v["status"], v.get("verdict"), v.get("note"), v.get("by"),
                date.text if date else None,
                None if ratings is None else {claim: rating for claim, rating, _, _ in ratings}, *_at(item.where),
            ))


def _claim(item, writer: _Writer) -> None:
    from .validate import _ReadAssertions

    v = item.values
    ident = v["id"]
    period = v.get("period")
    writer.add("claims", (
        ident, v["text"], v.get("subject"), v.get("predicate"), *encode_all(v.get("object")),
        *_period(period), _ids(v.get("favours")), _ids(v.get("harms")), _list(v.get("tags")), *_at(item.where),
    ))
    raw = v.get("assertions") or []
    if type(raw) is _ReadAssertions:  # read whole by the C quick path: the model's Assertions
        # it gave an assertion without a period of its own the claim's period object itself
        inherited = period if period is not None else UNBOUNDED
        for a in raw.assertions:
            own = a.period is not inherited
            writer.add("assertions", (
                ident, a.index, a.source, a.stance, a.date.text if a.date else None, own,
                *(_period(a.period) if own else (None, None)), *encode_all(a.value),
                a.withdrawn.text if a.withdrawn else None, a.credibility, list(a.via), a.quote, a.url, a.note, *_at(a.pos),
            ))
        return
    for index, sub in enumerate(raw):
        if sub is None or not sub.ok:
            continue
        a = sub.values
        own = "period" in a
        date, withdrawn = a.get("date"), a.get("withdrawn")
        writer.add("assertions", (
            ident, index, a["source"], a["stance"], date.text if date else None, own,
            *(_period(a["period"]) if own else (None, None)), *encode_all(a.get("value")),
            withdrawn.text if withdrawn else None, a.get("credibility"), _ids(a.get("via")), a.get("quote"), a.get("url"),
            a.get("note"), *_at(sub.where),
        ))


def _rule(item, writer: _Writer) -> None:
    v = item.values
    ident = v["id"]
    writer.add("rules", (ident, v["kind"], v.get("severity"), v.get("note"), *_at(item.where)))
    if "if" in v:
        line, column = item.place("if")
        writer.add("rule_members", (ident, "if", 0, v["if"], item.file, line, column))
    for role in ("then", "claims"):
        for position, (claim, line, column) in enumerate(v.get(role, ())):
            writer.add("rule_members", (ident, role, position, claim, item.file, line, column))


def _at(pos) -> tuple:
    return pos.file, pos.line, pos.column


def _period(period: Period | None) -> tuple:
    if period is None:
        return None, None
    return (period.start.text if period.start else None, period.end.text if period.end else None)


def _ids(placed) -> list | None:
    """A list field whose elements were kept with their places: the ids alone."""
    if placed is None:
        return None
    return [ident for ident, _, _ in placed]


def _list(values) -> list | None:
    return None if values is None else list(values)
