"""The pipeline for table corpora, and for any corpus on a SQL engine (`--engine`).

    tables ─▶ tablecheck (read, validate in SQL) ─▶ engine: memory (the model, then the
    memory engine, lint and assessment as for YAML) | duckdb | spark (engine/sql/,
    conflicts finished one by one by the memory engine's code) ─▶ report

A YAML corpus given to a SQL engine is first turned into tables (`export_parquet`, in a
private temporary folder). On a SQL engine the corpus never comes into Python whole:
the `Result` holds a `TableCorpus`, which fetches what the renderers ask of it (a claim,
a rule) from the engine, and json and jsonl are written one conflict at a time
(`stream`). Lint rules need every claim in memory: on a SQL engine they are skipped,
and one line on standard error says which and why.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .tables import is_table_corpus

ENGINES = ("memory", "duckdb", "spark")


class TableUsageError(ValueError):
    """The command cannot run as asked (a PATH mixing tables with YAML, a bad setting)."""


@dataclass(slots=True)
class EngineOptions:
    name: str | None = None  # memory | duckdb | spark; None: memory for YAML, duckdb for tables
    memory_limit: str | None = None
    spark_master: str = "local[*]"
    spark_conf: dict = field(default_factory=dict)

    def chosen(self, paths: list[Path]) -> str:
        """The engine: as named, else DuckDB for tables. Asked several times a run, so it
        only looks for tables; `tables_in` checks the PATHs once, where they are opened."""
        if self.name:
            return self.name
        return "duckdb" if any(is_table_corpus(p) for p in paths) else "memory"

    def on_sql(self, paths: list[Path]) -> bool:
        return self.chosen(paths) != "memory"


def tables_in(paths: list[Path]) -> Path | None:
    """The table corpus among the PATHs, if one is (then it must be the only PATH, and
    hold no YAML corpus files: they would be skipped unsaid)."""
    tables = [p for p in paths if is_table_corpus(p)]
    if not tables:
        return None
    if len(paths) > 1:
        raise TableUsageError(f"'{tables[0]}' is a table corpus: give it as the only PATH (tables and YAML are not read together)")
    from .loader import discover
    from .tables import TABLES

    root = tables[0]
    yaml_files, _ = discover([root])  # as a YAML corpus there would be found
    if yaml_files:
        table = next(f"{name}.parquet" for name in TABLES if (root / f"{name}.parquet").exists())
        raise TableUsageError(
            f"'{root}' holds tables ({table}) and YAML corpus files ('{yaml_files[0][1]}'): tables and YAML are read "
            "separately; move one or the other to a folder of its own")
    return root


# --- sessions -----------------------------------------------------------------------------

_OPEN: list = []  # sessions and temporary folders to close when the process leaves


#: DuckDB's memory when --memory-limit leaves it to claimcheck: this many times the size
#: of the tables on disk (Parquet compresses about 16 to 1 against DuckDB's tables), at
#: least MEMORY_LEAST; past it, DuckDB spills to disk. At 1M claims (63 MB of Parquet) a
#: run then peaks at 1.2 GB rather than 2.5 GB, and takes about as long.
MEMORY_PER_BYTE = 16
MEMORY_LEAST = 2**30


def default_memory_limit(root: Path | None) -> str | None:
    if root is None:
        return None
    size = sum(p.stat().st_size for p in root.rglob("*.parquet") if p.is_file())
    return f"{max(MEMORY_LEAST, MEMORY_PER_BYTE * size) // 2**20}MB"


def _session(engine: str, options: EngineOptions, root: Path | None = None):
    from .sessions import DuckDBSession, SparkSession

    if engine == "spark":
        session = SparkSession(options.spark_master, options.spark_conf)
    else:
        session = DuckDBSession(options.memory_limit or default_memory_limit(root))
    _OPEN.append(session)
    return session


@atexit.register
def close_all() -> None:
    """Close every session (DuckDB's spill folder goes with it) and temporary folder."""
    while _OPEN:
        held = _OPEN.pop()
        try:
            if isinstance(held, Path):
                shutil.rmtree(held, ignore_errors=True)
            else:
                held.close()
        except Exception:  # noqa: BLE001 - leaving: nothing more can be done
            pass


def _as_tables(paths: list[Path], limits, memory_limit: str | None = None) -> tuple[Path, list[str] | None, list[Finding]]:
    """The table corpus at `paths`: itself, or the YAML corpus there turned into tables
    in a private temporary folder (with the YAML files' names and findings)."""
    root = tables_in(paths)
    if root is not None:
        return root, None, []  # no YAML files: the tables are the files read
    from .export import export_parquet
    from .loader import discover

    folder = Path(tempfile.mkdtemp(prefix="claimcheck-tables-"))
    _OPEN.append(folder)
    report = export_parquet(paths, folder / "corpus", limits, memory_limit)
    files = [display for _, display in discover(paths)[0]]
    return folder / "corpus", files, report.findings


# --- the corpus, as the renderers see it ----------------------------------------------------


class _Lazy(Mapping):
    """Records fetched from the engine by id, as renderers ask for them (and kept)."""

    def __init__(self, session, table: str, make) -> None:
        self._session, self._table, self._make = session, table, make
        self._known: dict = {}
        self._size: int | None = None

    def __len__(self) -> int:
        if self._size is None:
            (self._size,) = self._session.one(f"SELECT count(*) FROM {self._table}")
        return self._size

    def __getitem__(self, ident):
        if ident not in self._known:
            self.fetch([ident])
        found = self._known.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, ident) -> bool:
        try:
            self[ident]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator:
        for (ident,) in self._session.rows(f"SELECT id FROM {self._table} ORDER BY _ord"):
            yield ident

    def fetch(self, idents) -> None:
        wanted = [i for i in dict.fromkeys(idents) if isinstance(i, str) and i not in self._known]
        query = _claims_query() if self._make is _make_claim else self._make.query
        for start in range(0, len(wanted), 5000):
            chunk = wanted[start:start + 5000]
            listed = ", ".join("'" + i.replace("'", "''") + "'" for i in chunk)
            rows = self._session.rows(query.format(table=self._table, ids=listed))
            if getattr(self._make, "grouped", False):
                by_id: dict = {}
                for row in rows:
                    by_id.setdefault(row[0], []).append(row)
                rows = by_id.values()
            for row in rows:
                made = self._make(row)
                self._known[made.id] = made
            for ident in chunk:
                self._known.setdefault(ident, None)


class _ClaimCount:
    """A claim as `summary` and the tag filters read it: its id, tags and how many
    assertions it has (not which)."""

    __slots__ = ("id", "tags", "assertions")

    def __init__(self, ident: str, tags, assertions: int) -> None:
        self.id, self.tags, self.assertions = ident, tuple(tags or ()), range(assertions)


class _Claims(_Lazy):
    keep_all = False  # True: every claim held is kept (a Result that holds every conflict)

    def hold(self, claims: dict, conflicts=()) -> None:
        """The claims of a batch of conflicts, made with them (sqlengine.conflicts):
        streaming holds one batch's, a Result every one's."""
        if not self.keep_all:
            self._known.clear()
        self._known.update(claims)

    def values(self):  # the whole corpus's claims, as counts: streamed, never held
        for ident, tags, count in self._session.rows(
            "SELECT c.id, c.tags, coalesce(n.count, 0) FROM claims c "
            "LEFT JOIN (SELECT claim, count(*) AS count FROM assertions GROUP BY claim) n ON n.claim = c.id ORDER BY c._ord"
        ):
            yield _ClaimCount(ident, tags, count)


def _make_claim(row):
    from .tablecheck import make_claim

    return make_claim(row)


def _claims_query() -> str:
    from .engine.sqlengine import CLAIM_COLUMNS

    return f"SELECT {CLAIM_COLUMNS} FROM {{table}} cl WHERE cl.id IN ({{ids}})"


def _make_rule(row):
    from .model import Rule
    from .tables import place

    ident, kind, severity, note, role, position, claim, file, line, col, part, number = row[0]
    where = place(file, line, col, part, number)
    listed = sorted((r[4], r[5], r[6]) for r in row)
    if kind == "implies":
        return Rule(ident, kind, severity, where, if_=next(c for r, _, c in listed if r == "if"),
                    then=tuple(c for r, _, c in listed if r == "then"), note=note)
    return Rule(ident, kind, severity, where, claims=tuple(c for r, _, c in listed if r == "claims"), note=note)


_make_rule.query = (
    "SELECT r.id, r.kind, r.severity, r.note, m.role, m.position, m.claim, r.file, r.line, r.col, r._file, r._row "
    "FROM {table} r JOIN members m ON m.rule = r.id WHERE r.id IN ({ids}) ORDER BY r.id"
)
_make_rule.grouped = True  # a rule's rows (one per member) make it


def _make_entity(row):
    from .model import Entity
    from .tables import place

    ident, name, aliases, kind = row[:4]
    return Entity(ident, name, place(*row[4:]), tuple(aliases or ()), kind)


_make_entity.query = "SELECT id, name, aliases, kind, file, line, col, _file, _row FROM {table} WHERE id IN ({ids})"


class TableCorpus:
    """What the renderers read of a corpus (model.Corpus's fields), from the engine: the
    sources, predicates and resolutions whole (few), claims and rules as asked for."""

    def __init__(self, session, sources: dict, predicates: dict, resolutions: list) -> None:
        self.sources = sources
        self.predicates = predicates
        self.resolutions = resolutions
        self.claims = _Claims(session, "claims", _make_claim)
        self.rules = _Lazy(session, "rules", _make_rule)
        self.entities = _Lazy(session, "entities", _make_entity)

    def assertions(self):  # pragma: no cover - no renderer of conflicts or check asks
        raise NotImplementedError("a table corpus on a SQL engine does not hold its assertions in memory")


def _small_tables(session):
    """Sources, predicates and resolutions as the model holds them (as load_corpus reads them)."""
    from .tablecheck import read_predicates, read_resolutions, read_sources

    return read_sources(session), read_predicates(session), read_resolutions(session)


# --- the analysis ---------------------------------------------------------------------------


@dataclass(slots=True)
class Prepared:
    """A corpus read and checked on an engine, its conflicts found, ready to come out."""

    session: object
    corpus: TableCorpus
    files: list[str]
    findings: list[Finding]
    engine: object  # sqlengine.SqlEngine
    timings: dict
    skipped: str | None  # the line that says which lint rules were skipped, and why
    as_of: object = None  # model.DateSpan, or None for now


def analyze(paths: list[Path], options: EngineOptions, limits, weights=None, assess: bool = True,
            select=None, ignore=None, lint_options=None, method: str = "prior", as_of=None):
    """`analysis.analyze` for a table corpus, or on a SQL engine: one `Result` with
    every conflict in it (the renderers that need them all at once)."""
    if options.chosen(paths) == "memory":
        return _memory(paths, options, limits, weights, assess, select, ignore, lint_options, method, as_of)
    from .analysis import Result

    prepared = prepare(paths, options, limits, select, ignore, as_of)
    corpus = prepared.corpus
    corpus.claims.keep_all = True
    resolutions = {r.conflict: r for r in corpus.resolutions}
    statuses = {r.conflict: r.status for r in corpus.resolutions}
    conflicts = []
    findings = list(prepared.findings)
    for conflict in prepared.engine.conflicts(statuses, corpus.claims):
        conflicts.append(conflict)
        findings.extend(_outside(conflict, resolutions))
    findings.sort(key=Finding.sort_key)
    clock = time.perf_counter()
    assessments, trust = {}, None
    if assess:
        judge, trust = _judge(prepared, weights, method)
        if trust is not None:
            trust.batch(conflicts)
        assessments = {c.id: judge(c) for c in conflicts}
    prepared.timings["trust" if method == "trust" and assess else "assess"] = time.perf_counter() - clock
    return Result(corpus, conflicts, findings, prepared.files, assessments, prepared.timings, trust=trust,
                  scratch=prepared, as_of=as_of, active=corpus)


def _outside(conflict, resolutions: dict) -> list[Finding]:
    resolution = resolutions.get(conflict.id)
    if resolution is None or not resolution.ratings:
        return []
    from .engine.sqlengine import outside_ratings

    return outside_ratings(conflict, resolution)


def _judge(prepared: Prepared, weights, method: str):
    """(conflict -> its assessment, the trust model learned if any)."""
    corpus = prepared.corpus
    if method == "trust":
        from .engine.sqltrust import learn
        from .trust import assess_trust

        model = learn(prepared.session, corpus)
        return (lambda c: assess_trust(c, corpus, model)), model
    from .assess import DEFAULT_WEIGHTS, assess as assess_conflict

    weights = weights or DEFAULT_WEIGHTS
    return (lambda c: assess_conflict(c, corpus, weights)), None


def prepare(paths: list[Path], options: EngineOptions, limits, select=None, ignore=None, as_of=None) -> Prepared:
    """Read, check and find the conflicts of a corpus on a SQL engine."""
    from .engine.sqlengine import SqlEngine
    from .tablecheck import open_tables

    started = time.perf_counter()
    root, yaml_files, findings = _as_tables(paths, limits, options.memory_limit)
    converted = time.perf_counter() - started
    session = _session(options.chosen(paths), options, root)
    opened = open_tables(session, root)
    timings = {"load": converted, "validate": time.perf_counter() - started - converted}
    engine = SqlEngine(session, as_of)
    engine.run()
    timings["engine"] = engine.timings["engine"]
    sources, predicates, resolutions = _small_tables(session)
    corpus = TableCorpus(session, sources, predicates, resolutions)
    findings = findings + opened.findings + engine.stale()
    findings.sort(key=Finding.sort_key)
    return Prepared(session, corpus, opened.files if yaml_files is None else yaml_files, findings, engine, timings,
                    skipped_lint(select, ignore, options.chosen(paths)), as_of)


def skipped_lint(select, ignore, engine: str) -> str | None:
    """The line that says which lint rules do not run on a SQL engine, and why."""
    from . import lint

    rules = lint.selected(select, ignore)
    if not rules:
        return None
    codes = ", ".join(rule.CODE for rule in rules)
    return (f"claimcheck: lint rules skipped on the {engine} engine ({codes}): they read every claim in memory; "
            "run them with --engine memory on a corpus that fits")


def _memory(paths, options, limits, weights, assess, select, ignore, lint_options, method, as_of):
    """A table corpus on the memory engine: the tables into the model, then the memory
    engine, lint rules and assessment exactly as for YAML (analysis.py's stages)."""
    import gc

    from .analysis import conclude
    from .tablecheck import load_corpus, open_tables

    collecting = gc.isenabled()
    gc.disable()
    try:
        clock = time.perf_counter()
        root = tables_in(paths)
        session = _session("duckdb", options)
        opened = open_tables(session, root)
        corpus = load_corpus(session)
        timings = {"load": time.perf_counter() - clock}
        return conclude(corpus, list(opened.findings), opened.files, timings, time.perf_counter(), weights, assess,
                        select, ignore, lint_options, method, as_of)
    finally:
        if collecting:
            gc.enable()


# --- json and jsonl, a conflict at a time ---------------------------------------------------------


@dataclass(slots=True)
class Streamed:
    """What a streamed run wrote, for the summary line and the exit code."""

    files: int = 0
    claims: int = 0
    sources: int = 0
    conflicts: int = 0
    open_by_severity: dict = field(default_factory=dict)  # severity rank -> open conflicts
    findings: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    skipped: str | None = None
    result: object = None  # analysis.Result with the corpus's counts: what the summary line says
    tallies: list = field(default_factory=list)  # each conflict written, as data.summary counts it


#: processes that finish and render conflicts at once (the parent and one helper): the
#: Python half of a run on DuckDB, which would else have one core while the other idles
WORKERS = 2
#: fewer conflicts than this are rendered by one process: a helper costs a start-up
HELP_FROM = 5000


def _render(conflicts, resolutions: dict, judge, fmt: str, keep, write, out: "Streamed", tallies: list, findings: list,
            first: bool = True) -> int:
    """Finish and write conflicts one at a time (report/machine.py's text for each);
    how many were written."""
    from .report.data import conflict_dict
    from .report.machine import json_conflict, jsonl_line

    written = 0
    for conflict in conflicts:
        findings.extend(_outside(conflict, resolutions))
        if keep is not None and not keep(conflict):
            continue
        data = conflict_dict(conflict, resolutions.get(conflict.id), judge(conflict) if judge else None)
        write(json_conflict(data, first and not written) if fmt == "json" else jsonl_line("conflict", data))
        written += 1
        out.conflicts += 1
        tallies.append(_Tally(conflict))
        if conflict.status == "open":
            out.open_by_severity[conflict.severity] = out.open_by_severity.get(conflict.severity, 0) + 1
    return written


class _Helper:
    """A second process that finishes and renders the later half of the conflicts while
    this one does the first: their rows and claims handed over as Parquet (DuckDB writes
    them in a blink), the rest it needs (sources, resolutions, chains) pickled."""

    def __init__(self, folder: Path, split: str, process, fmt: str) -> None:
        self.folder, self.split, self.process, self.fmt = folder, split, process, fmt

    @classmethod
    def start(cls, prepared: Prepared, statuses: dict, resolutions: dict, weights, fmt: str) -> "_Helper | None":
        import pickle
        import subprocess
        import sys

        session = prepared.session
        (total,) = session.one("SELECT count(*) FROM conflicts")
        if total < HELP_FROM:
            return None
        # parts of about equal work: the helper starts later (a second or so) and takes the
        # value conflicts (they sort last), which take longer to assess
        (split,) = session.one(f"SELECT cid FROM conflicts ORDER BY cid LIMIT 1 OFFSET {total * 58 // 100}")
        folder = Path(tempfile.mkdtemp(prefix="claimcheck-render-"))
        _OPEN.append(folder)
        from .engine.sqlengine import CLAIM_COLUMNS
        from .sessions import sql_literal

        quoted = sql_literal(split)
        session.execute(f"COPY (SELECT * FROM conflict_rows WHERE cid >= {quoted}) "
                        f"TO {sql_literal(str(folder / 'rows.parquet'))} (FORMAT parquet)")
        session.execute(
            f"COPY (SELECT {CLAIM_COLUMNS} FROM claims cl WHERE cl.id IN "
            f"(SELECT DISTINCT claim FROM conflict_rows WHERE cid >= {quoted})) "
            f"TO {sql_literal(str(folder / 'claims.parquet'))} (FORMAT parquet)")
        corpus = prepared.corpus
        given = {"statuses": statuses, "resolutions": resolutions, "weights": weights, "fmt": fmt,
                 "chains": prepared.engine._chains, "sources": corpus.sources, "predicates": corpus.predicates}
        with open(folder / "given.pickle", "wb") as handle:
            pickle.dump(given, handle, protocol=pickle.HIGHEST_PROTOCOL)
        process = subprocess.Popen([sys.executable, "-m", "claimcheck.tabular", str(folder)])
        return cls(folder, split, process, fmt)

    def finish(self, write, out: "Streamed", tallies: list, findings: list, first: bool) -> bool:
        """Write what the helper rendered; False if it failed (then nothing is written,
        and the caller renders the later conflicts itself)."""
        import pickle

        from .report.machine import JSON_FIRST, JSON_NEXT

        if self.process.wait() != 0:
            return False
        with open(self.folder / "done.pickle", "rb") as handle:
            done = pickle.load(handle)
        with open(self.folder / "out.bin", "rb") as handle:
            if self.fmt == "json":
                head = handle.read(len(JSON_NEXT))
                if first and head:  # none of this process's: the helper's first is the document's
                    head = JSON_FIRST
                write(head)
            while True:
                block = handle.read(1 << 20)
                if not block:
                    break
                write(block)
        out.conflicts += done["conflicts"]
        for rank, n in done["open_by_severity"].items():
            out.open_by_severity[rank] = out.open_by_severity.get(rank, 0) + n
        tallies.extend(done["tallies"])
        findings.extend(done["findings"])
        shutil.rmtree(self.folder, ignore_errors=True)
        return True

    def stop(self) -> None:
        """End the helper if it still runs (this process failed, or was interrupted)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _help(folder: Path) -> None:
    """The helper process: render the conflicts whose rows are in `folder`."""
    import pickle

    from .assess import DEFAULT_WEIGHTS, assess as assess_conflict
    from .engine.sqlengine import SqlEngine
    from .sessions import DuckDBSession, sql_literal

    with open(folder / "given.pickle", "rb") as handle:
        given = pickle.load(handle)
    session = DuckDBSession(threads=1)
    try:
        session.view("conflict_rows", f"SELECT * FROM read_parquet({sql_literal(str(folder / 'rows.parquet'))})")
        session.view("claims", f"SELECT * FROM read_parquet({sql_literal(str(folder / 'claims.parquet'))})")
        engine = SqlEngine(session)
        engine._chains = given["chains"]
        corpus = TableCorpus(session, given["sources"], given["predicates"], list(given["resolutions"].values()))
        weights = given["weights"] or DEFAULT_WEIGHTS
        out, tallies, findings = Streamed(), [], []
        with open(folder / "out.bin", "wb") as handle:
            _render(engine.conflicts(given["statuses"], corpus.claims), given["resolutions"],
                    lambda c: assess_conflict(c, corpus, weights), given["fmt"], None, handle.write, out, tallies, findings,
                    first=False)
        done = {"conflicts": out.conflicts, "open_by_severity": out.open_by_severity, "tallies": tallies, "findings": findings}
        with open(folder / "done.pickle", "wb") as handle:
            pickle.dump(done, handle, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        session.close()


class _Both:
    """Hands each batch of conflicts' claims on, and tells the trust model of them."""

    def __init__(self, claims, model) -> None:
        self.claims, self.model = claims, model

    def hold(self, claims: dict, conflicts) -> None:
        self.claims.hold(claims, conflicts)
        self.model.batch(conflicts)


class _Tally:
    """A conflict as data.summary counts it: its kind, severity and status, nothing else."""

    __slots__ = ("kind", "severity", "severity_name", "status")

    def __init__(self, conflict) -> None:
        self.kind, self.severity, self.severity_name, self.status = (
            conflict.kind, conflict.severity, conflict.severity_name, conflict.status)

    def __getstate__(self):
        return (self.kind, self.severity, self.severity_name, self.status)

    def __setstate__(self, state) -> None:
        self.kind, self.severity, self.severity_name, self.status = state


class _Counted:
    """The corpus as data.summary counts it: how many of each, from the engine."""

    def __init__(self, counts: dict) -> None:
        self.sources = range(counts["sources"])
        self.entities = range(counts["entities"])
        self.rules = range(counts["rules"])
        self.claims = _CountedClaims(counts["claims"], counts["assertions"])
        self.resolutions = []


class _CountedClaims:
    def __init__(self, claims: int, assertions: int) -> None:
        self._claims, self._assertions = claims, assertions

    def __len__(self) -> int:
        return self._claims

    def values(self):
        yield _ClaimCount("", (), self._assertions)  # one tally of every assertion


def stream(paths: list[Path], options: EngineOptions, limits, write, fmt: str, weights=None, assess: bool = True,
           method: str = "prior", select=None, ignore=None, keep=None, as_of=None) -> Streamed:
    """Write the json or jsonl document of a corpus on a SQL engine, one conflict at a
    time (`write(bytes)`), never holding every conflict: byte for byte what
    report/machine.py writes for the same conflicts (report/data.py makes every part of
    it). `keep(corpus)`, where given, makes the test each conflict must pass to be
    written (`conflicts`' filters)."""
    from .analysis import Result
    from .report.data import document, finding_dict, summary
    from .report.machine import json_head, json_tail, jsonl_line

    prepared = prepare(paths, options, limits, select, ignore, as_of)
    corpus = prepared.corpus
    keep = keep(corpus) if keep is not None else None
    resolutions = {r.conflict: r for r in corpus.resolutions}
    statuses = {r.conflict: r.status for r in corpus.resolutions}
    judge, model = _judge(prepared, weights, method) if assess else (None, None)
    told = _Both(corpus.claims, model) if model is not None else corpus.claims
    counts = dict(prepared.session.all(
        "SELECT 'sources', count(*) FROM sources UNION ALL SELECT 'entities', count(*) FROM entities "
        "UNION ALL SELECT 'claims', count(*) FROM claims UNION ALL SELECT 'assertions', count(*) FROM assertions "
        "UNION ALL SELECT 'rules', count(*) FROM rules"))
    findings = list(prepared.findings)
    stub = Result(_Counted(counts), [], findings, prepared.files, as_of=as_of)
    out = Streamed(files=len(prepared.files), claims=counts["claims"], sources=counts["sources"],
                   findings=findings, timings=prepared.timings, skipped=prepared.skipped, result=stub)
    if fmt == "json":  # the document's parts before its conflicts, as document() orders them
        write(json_head(document(stub, [])))
    tallies = out.tallies
    clock = time.perf_counter()
    helper = None
    if judge is not None and model is None and keep is None and isinstance(options, EngineOptions) \
            and options.chosen(paths) == "duckdb" and WORKERS > 1:
        helper = _Helper.start(prepared, statuses, resolutions, weights, fmt)
    before = None if helper is None else helper.split
    try:
        made = _render(prepared.engine.conflicts(statuses, told, before=before), resolutions, judge, fmt, keep, write,
                       out, tallies, findings)
        if helper is not None and not helper.finish(write, out, tallies, findings, first=not made):
            # the helper failed (killed, out of memory): its conflicts are rendered here
            _render(prepared.engine.conflicts(statuses, told, since=helper.split), resolutions, judge, fmt, keep, write,
                    out, tallies, findings, first=not made)
    finally:
        if helper is not None:
            helper.stop()
    prepared.timings["output"] = time.perf_counter() - clock
    findings.sort(key=Finding.sort_key)
    if fmt == "json":
        shape = document(stub, [])
        shape["summary"] = summary(stub, tallies)
        write(json_tail(shape, out.conflicts > 0))
    else:
        for f in findings:
            write(jsonl_line("finding", finding_dict(f)))
    return out


if __name__ == "__main__":  # the helper process of `stream` (see _Helper)
    import sys

    from claimcheck.tabular import _help as help_stream  # the module's own names, as pickle knows them

    help_stream(Path(sys.argv[1]))
