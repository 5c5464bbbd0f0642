"""A table corpus read into an engine and validated there: tables in, clean tables and
findings out (spec §2–§3, as `validate.py` reads YAML).

Reading checks what a Parquet file can get wrong that YAML cannot, each a finding that
names the table: a missing table or a file that cannot be read (L001, as an unreadable
YAML file), a missing column (S003, as a missing field), a column of the wrong type
(S002, as a value of the wrong type). The table, or the column, then counts as empty. The checks of the rows themselves are `tablecheck.sql`, run by the engine: its
findings name the table and row, and the YAML's file, line and column where the row
came from YAML. What SQL cannot reproduce exactly (reading a date, a number's text, a
value's kind) is computed here, once per distinct text, by the functions validation
uses (`dates.parse_date`, ...), and handed to the engine as small tables.

`load_corpus` turns the clean tables into the model (`claimcheck.model.Corpus`), so the
memory engine, the views and every other command read a table corpus as they read YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .dates import parse_date
from .findings import Finding
from .model import UNBOUNDED, Claim, DateSpan, Period, Pos
from .tables import TABLES, decode_value, place, table_path

SQL = "tablecheck.sql"
#: the tables validation leaves for what follows (and the resolutions as read: their ratings)
CLEAN = ("sources", "entities", "predicates", "claims", "assertions", "rules", "members", "resolutions", "ratings",
         "assertions_checked")  # (the view `assertions` reads it)

#: the tables' columns whose names SQL reads as words: named otherwise inside the engine
INTERNAL = {"column": "col", "index": "idx", "by": "resolved_by"}
#: the engine's name of each table as read
RAW = {name: f"raw_{'members' if name == 'rule_members' else name}" for name in TABLES}
#: columns that hold dates: their distinct texts are read by `parse_date`
DATE_COLUMNS = {
    "claims": ("period_start", "period_end"),
    "assertions": ("date", "period_start", "period_end", "withdrawn"),
    "resolutions": ("date",),
}
_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")
_NUMBERS = _INTEGERS + ("FLOAT", "DOUBLE", "REAL")


@dataclass(slots=True)
class OpenTables:
    """A table corpus in an engine session: its clean tables are there by their names."""

    root: Path
    files: list[str] = field(default_factory=list)  # the Parquet tables read, as named
    findings: list[Finding] = field(default_factory=list)


def display(root: Path, name: str) -> str:
    return (root / f"{name}.parquet").as_posix()


def open_tables(session, root: Path) -> OpenTables:
    """Read the tables at `root` into `session`, validate them, leave the clean ones there."""
    opened = OpenTables(root)
    for table in TABLES.values():
        _read(session, root, table, opened)
    _ingest(session)
    from .sqlfiles import queries, run, statements

    for kind, name, query in statements(SQL):
        run(session, kind, name, query)
        if name == "value_uses":
            _value_checks(session)
    opened.findings.extend(_findings(session))
    opened.findings.sort(key=Finding.sort_key)
    # what validation made on its way: only the clean tables (and the tables as read, for
    # what is only shown) are read from here on
    session.drop(*(name for name, _ in queries(SQL) if name not in CLEAN), "value_checks", "tolerances")
    return opened


def _read(session, root: Path, table, opened: OpenTables) -> None:
    """One table into raw_<name>: every declared column, cast to its type (null where
    missing), and where each row is (`_file`, `_row`, `_ord`)."""
    shown = display(root, table.name)
    path = table_path(root, table.name)
    columns = None
    if path is None:
        if table.required:
            opened.findings.append(Finding("L001", f"the table corpus has no {table.name} table ({table.name}.parquet), which it needs", shown, 1, 1))
    else:
        opened.files.append(shown)
        try:
            columns = dict(session.schema(str(path)))
        except Exception as err:  # noqa: BLE001 - any engine's error for a file it cannot read
            opened.findings.append(Finding("L001", f"cannot read the {table.name} table: {_reason(err)}", shown, 1, 1))
    select, empty = [], columns is None
    for column in table.columns:
        internal = INTERNAL.get(column.name, column.name)
        given = columns.get(column.name) if columns is not None else None
        expression = None
        if given is not None:
            expression = _cast(column, given)
            if expression is None:
                opened.findings.append(Finding(
                    "S002", f"column '{column.name}' of the {table.name} table is {given}; expected {column.type}"
                    + ("" if column.required else " (read as empty)"), shown, 1, 1))
        elif columns is not None and column.required:
            opened.findings.append(Finding("S003", f"the {table.name} table has no column '{column.name}', which it needs", shown, 1, 1))
        if expression is None and column.required:
            empty = True
        select.append(f"{expression or f'CAST(NULL AS {column.type})'} AS {internal}")
    name = RAW[table.name]
    if empty:
        _empty(session, name, table)
        return
    try:
        session.read_parquet(name, str(path), [*select, "_file", "_row", "_ord"])
    except Exception as err:  # noqa: BLE001 - a corrupt file, a cast that fails on some row
        opened.findings.append(Finding("L001", f"cannot read the {table.name} table: {_reason(err)}", shown, 1, 1))
        _empty(session, name, table)


def _empty(session, name: str, table) -> None:
    """A table with the declared columns and no rows: what a missing or broken one reads as."""
    columns = [f"CAST(NULL AS {c.type}) AS {INTERNAL.get(c.name, c.name)}" for c in table.columns]
    session.create(name, f"SELECT {', '.join(columns)}, CAST(NULL AS VARCHAR) AS _file, "
                         "CAST(NULL AS BIGINT) AS _row, CAST(NULL AS BIGINT) AS _ord LIMIT 0")


def _cast(column, given: str) -> str | None:
    """The expression that reads column `column` of the type `given`, or None when it cannot."""
    quoted = f'"{column.name}"'
    want = column.type
    given = given.upper()
    if given == want:
        return quoted
    if want == "INTEGER" and given in _INTEGERS:
        return f"CAST({quoted} AS INTEGER)"
    if want == "VARCHAR" and given == "DATE" and column.name in ("date", "period_start", "period_end", "withdrawn"):
        return f"strftime({quoted}, '%Y-%m-%d')"
    if want == "VARCHAR" and column.name == "tolerance" and (given in _NUMBERS or given.startswith("DECIMAL")):
        return f"CAST({quoted} AS VARCHAR)"
    if want == "VARCHAR[]" and given in ("VARCHAR[]", "STRING[]"):
        return quoted
    return None


def _reason(err: Exception) -> str:
    text = " ".join(str(err).split())
    return (text[:300] + "…") if len(text) > 300 else (text or type(err).__name__)


# --- the ingest step: what SQL cannot read exactly ------------------------------------------


def _ingest(session) -> None:
    """Dates, values and tolerances, each distinct text read once by Python as
    validation reads it, into small tables the checks join."""
    texts = set()
    for table, columns in DATE_COLUMNS.items():
        for column in columns:
            for (text,) in session.rows(f"SELECT DISTINCT {column} FROM {RAW[table]} WHERE {column} IS NOT NULL"):
                texts.add(text)
    rows = [date_row(text) for text in sorted(texts)]
    session.put("dates", [("raw", "VARCHAR"), ("text", "VARCHAR"), ("first", "BIGINT"), ("last", "BIGINT"), ("problem", "VARCHAR")],
                _columns(rows, 5))
    tolerances = [text for (text,) in session.rows("SELECT DISTINCT tolerance FROM raw_predicates WHERE tolerance IS NOT NULL")]
    rows = [tolerance_row(text) for text in sorted(tolerances)]
    session.put("tolerances", [("raw", "VARCHAR"), ("text", "VARCHAR"), ("ok", "BOOLEAN")], _columns(rows, 3))


def _columns(rows: list[tuple], width: int) -> list[list]:
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]


def date_row(text: str) -> tuple:
    """(text as stored, as the model keeps it, first day, last day, problem) of a date."""
    span = parse_date(text)
    if isinstance(span, DateSpan):
        return text, span.text, span.first, span.last, None
    return text, None, None, None, span


def value_key(kind, text, min_kind, low, max_kind, high) -> str:
    """One text for a value's six columns, as the `vkey` macro of sqlfiles.py writes it."""
    return "\x1f".join("\x1e" if part is None else part for part in (kind, text, min_kind, low, max_kind, high))


def _value_checks(session) -> None:
    """Each value given, read and checked once as validation checks it (`value_check`)."""
    rows = []
    for vt, *value in session.rows("SELECT vt, kind, value, min_kind, low, max_kind, high FROM value_uses"):
        code, message = value_check(vt, *value)
        rows.append((vt, value_key(*value), code, message))
    session.put("value_checks", [("vt", "VARCHAR"), ("vkey", "VARCHAR"), ("code", "VARCHAR"), ("message", "VARCHAR")],
                _columns(rows, 4))


class _Nowhere:
    """Where validation's `fits` says a finding is: the table's row says it instead."""

    file = ""

    @staticmethod
    def at(name):
        return Pos("", 0, 0)


class _Everything:
    """Every entity id is known, here: whether an entity exists is the SQL's to say."""

    def __contains__(self, ident) -> bool:
        return True


_FITS = []


#: (value type, kind) that always fit, once read: no need to ask validation
_FITTING = {(None, "int"), (None, "float"), (None, "bool"), (None, "text"), (None, "date"),
            ("number", "int"), ("number", "float"), ("boolean", "bool"), ("text", "text")}


def value_check(vt, kind, text, min_kind=None, low=None, max_kind=None, high=None) -> tuple[str | None, str | None]:
    """(code, message) of what is wrong with a value of a predicate of type `vt`, or
    (None, None): its text must be of its kind, and then it must fit, as validate.py's
    `fits` says (a range well made, S016; of the predicate's type, S014)."""

    try:
        value = decode_value(kind, text, min_kind, low, max_kind, high)
    except (ValueError, OverflowError) as err:
        return "S002", f"'{text}' cannot be read as {kind or 'a value'}: {err}" if kind else f"'{text}' has no value_kind"
    if value is None:
        return "S002", f"a value needs its value_kind and its text (kind {kind!r})"
    if (vt, kind) in _FITTING:
        return None, None
    if not _FITS:
        from .model import Corpus
        from .validate import _Builder, _Validator

        builder = _Builder(_Validator(), Corpus(), {})
        builder.ids = {"entities": _Everything()}
        _FITS.append(builder)
    builder = _FITS[0]
    builder.checker.findings.clear()
    if builder.fits(value, vt, _Nowhere, "value", ()):
        return None, None
    found = builder.checker.findings[-1]
    return found.code, found.message


def tolerance_row(text: str) -> tuple:
    """(text as stored, as a decimal number's text, whether it is one of at least 0)."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return text, None, False
    if not number.is_finite() or number < 0:
        return text, None, False
    return text, text.strip(), True


def _findings(session) -> list[Finding]:
    out = []
    for code, table, part, row, file, line, col, message in session.rows(
        "SELECT code, tbl, _file, _row, file, line, col, message FROM findings"
    ):
        where = f"{table} row {row}" if row is not None else table
        if file is None:
            out.append(Finding(code, f"{where}: {message}", part or table, row or 1, 1))
        else:
            out.append(Finding(code, f"{where}: {message}", file, line or 1, col or 1))
    return out


# --- the model, from the clean tables --------------------------------------------------------


def read_sources(session) -> dict:
    """The clean sources as the model holds them, by id, in the order given."""
    from .model import Source

    sources = {}
    for row in session.rows("SELECT id, name, kind, reliability, represents, url, country, note, file, line, col, _file, _row FROM sources ORDER BY _ord"):
        ident, name, kind, reliability, represents, url, country, note = row[:8]
        sources[ident] = Source(ident, name, place(*row[8:]), kind or "other", reliability or "F",
                                tuple(represents or ()), url, country, note)
    return sources


def read_predicates(session) -> dict:
    """The clean predicates as the model holds them, by id, in the order given."""
    from .model import Predicate

    predicates = {}
    for row in session.rows("SELECT id, description, single_value, value_type, tolerance, conflicts_with, file, line, col, _file, _row FROM predicates ORDER BY _ord"):
        ident, description, single, value_type, tolerance, conflicts = row[:6]
        predicates[ident] = Predicate(ident, place(*row[6:]), description, bool(single), value_type,
                                      Decimal(tolerance) if tolerance is not None else None,
                                      tuple(dict.fromkeys(conflicts or ())))
    return predicates


def read_resolutions(session) -> list:
    """The resolutions that count, each with its valid ratings in the order given."""
    from .model import Rating, Resolution

    valid = set(session.rows("SELECT conflict, claim FROM ratings"))
    out = []
    for row in session.rows(
        "SELECT r.conflict, r.status, r.verdict, r.note, r.resolved_by, r.date, g.ratings, r.file, r.line, r.col, r._file, r._row "
        "FROM resolutions r JOIN raw_resolutions g ON g._ord = r._ord ORDER BY r._ord"
    ):
        conflict, status, verdict, note, by, date, given = row[:7]
        where = place(*row[7:])
        ratings = tuple(Rating(claim, rating, where) for claim, rating in _pairs(given) if (conflict, claim) in valid)
        out.append(Resolution(conflict, status, where, verdict, note, by, span(date), ratings))
    return out


def _pairs(given) -> list:
    """A MAP column's entries in their order (DuckDB hands over a dict, Spark a dict too)."""
    if not given:
        return []
    return list(given.items()) if isinstance(given, dict) else [tuple(pair) for pair in given]


def make_claim(row):
    """A claim (its assertions aside) from its row: sqlengine.CLAIM_COLUMNS."""
    ident, text, subject, predicate = row[:4]
    value = decode_value(*row[4:10])
    start, end, tags, favours, harms, file, line, col, part, number = row[10:]
    period = Period(span(start), span(end)) if start or end else UNBOUNDED
    return Claim(ident, text, place(file, line, col, part, number), subject, predicate, value, period, tuple(tags or ()), (), tuple(favours or ()),
                 tuple(harms or ()))


_SPANS: dict = {}


def span(text: str | None) -> DateSpan | None:
    """A date's span, read once per distinct text (the last 100,000 kept)."""
    if text is None:
        return None
    known = _SPANS.get(text)
    if known is None:
        if len(_SPANS) > 100_000:
            _SPANS.clear()
        known = _SPANS[text] = parse_date(text)
    return known


def load_corpus(session):
    """The clean tables as the memory engine's model (`Corpus`)."""
    from .model import Assertion, Corpus, Entity, Rule

    corpus = Corpus()
    corpus.sources.update(read_sources(session))
    for row in session.rows("SELECT id, name, aliases, kind, file, line, col, _file, _row FROM entities ORDER BY _ord"):
        corpus.entities[row[0]] = Entity(row[0], row[1], place(*row[4:]), tuple(row[2] or ()), row[3])
    corpus.predicates.update(read_predicates(session))
    assertions: dict[str, list] = {}
    for row in session.rows(
        "SELECT a.claim, a.idx, a.source, a.stance, a.date, a.has_period, a.period_start, a.period_end, a.value_kind, a.value, "
        "a.value_min_kind, a.value_min, a.value_max_kind, a.value_max, a.withdrawn, a.credibility, a.via, r.quote, r.url, r.note, "
        "r.file, r.line, r.col, r._file, r._row FROM assertions a JOIN raw_assertions r ON r._ord = a.aid ORDER BY a.claim, a.idx"
    ):
        claim, index, source, stance, date, own, start, end = row[:8]
        value = decode_value(*row[8:14])
        withdrawn, credibility, via, quote, url, note = row[14:20]
        period = Period(span(start), span(end)) if own else None
        assertions.setdefault(claim, []).append((Assertion(
            claim, index, source, stance, place(*row[20:]), period, span(date), value,
            credibility or 6, tuple(via or ()), quote, url, note, span(withdrawn)), own))
    for row in session.rows(
        "SELECT id, text, subject, predicate, object_kind, object, object_min_kind, object_min, object_max_kind, object_max, "
        "period_start, period_end, tags, favours, harms, file, line, col, _file, _row FROM claims ORDER BY _ord"
    ):
        ident, text, subject, predicate = row[:4]
        value = decode_value(*row[4:10])
        start, end, tags, favours, harms = row[10:15]
        period = Period(span(start), span(end)) if start is not None or end is not None else UNBOUNDED
        made = []
        for a, own in assertions.pop(ident, ()):
            if not own:
                a.period = period
            if a.withdrawn is not None:
                corpus.with_withdrawals.add(ident)
            made.append(a)
        corpus.claims[ident] = Claim(ident, text, place(*row[15:]), subject, predicate, value, period,
                                     tuple(tags or ()), tuple(made), tuple(favours or ()), tuple(harms or ()))
    members: dict[str, list] = {}
    for rule, role, position, claim in session.rows("SELECT rule, role, position, claim FROM members ORDER BY rule, role, position"):
        members.setdefault(rule, []).append((role, claim))
    for row in session.rows("SELECT id, kind, severity, note, file, line, col, _file, _row FROM rules ORDER BY _ord"):
        ident, kind, severity, note = row[:4]
        listed = members.get(ident, [])
        if kind == "implies":
            rule = Rule(ident, kind, severity, place(*row[4:]), if_=next(c for r, c in listed if r == "if"),
                        then=tuple(c for r, c in listed if r == "then"), note=note)
        else:
            rule = Rule(ident, kind, severity, place(*row[4:]), claims=tuple(c for r, c in listed if r == "claims"), note=note)
        corpus.rules[ident] = rule
    corpus.resolutions.extend(read_resolutions(session))
    return corpus
