"""The command line: options → core → renderer → exit code. No analysis logic lives here."""

from __future__ import annotations

import gc
import os
import shlex
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .model import SEVERITY_ORDER
from .output import write_atomically
from .plural import count, noun

app = typer.Typer(
    name="claimcheck",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

class Format(str, Enum):
    table = "table"
    brief = "brief"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback if claimcheck itself fails."),
) -> None:
    """Find where the sources of a claims corpus contradict each other.

    A corpus is a folder of YAML files of sources, claims, assertions and rules
    (see the README and docs/tutorial.md). `claimcheck conflicts` shows the
    contradictions for a person; `claimcheck check` is for CI.

    Examples:

      claimcheck conflicts corpus

      claimcheck check corpus

      claimcheck explain S004
    """
    _reading.clear()  # each command says what it reads (a test runs many in one process)
    tabular = sys.modules.get("claimcheck.tabular")
    if tabular is not None:  # the engine sessions of an earlier command in this process
        tabular.close_all()


# --- shared plumbing ---------------------------------------------------------------------

# readable=False: a file that cannot be read is a finding (L001) like one inside a folder,
# not a usage error
PathsArg = typer.Argument(None, help="Corpus folders or files (default: ./corpus).", show_default=False, readable=False)
FormatOpt = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, concise otherwise).", case_sensitive=False)
OutputOpt = typer.Option(None, "--output", "-o", help="Write the report to this file (atomically) instead of standard output; - for standard output.")
ColorOpt = typer.Option(Color.auto, "--color", help="Color in tables: auto follows the terminal, NO_COLOR and FORCE_COLOR.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No summary line on standard error.")
VerboseOpt = typer.Option(False, "--verbose", "-v", help="Also print counts and the time of each stage (load, validate, engine, lint, assess) on standard error.")
SelectOpt = typer.Option(None, "--select", help="Lint rules to run: codes, names or code prefixes (W1, near-duplicate-claims); repeat or comma-separate.")
IgnoreOpt = typer.Option(None, "--ignore", help="Lint rules not to run: codes, names or code prefixes.")
NoAssessOpt = typer.Option(False, "--no-assess", help="Leave out the weighed leaning of each conflict.")
NoCacheOpt = typer.Option(False, "--no-cache", help="Neither use nor fill the cache of unchanged runs (.claimcheck_cache/).")


class AssessMethod(str, Enum):
    prior = "prior"
    trust = "trust"


class Engine(str, Enum):
    memory = "memory"
    duckdb = "duckdb"
    spark = "spark"


EngineOpt = typer.Option(None, "--engine", help="Where conflicts are found: memory, duckdb or spark \\[default: memory for YAML, duckdb for a folder of tables].", show_default=False, case_sensitive=False)
MemoryLimitOpt = typer.Option(None, "--memory-limit", metavar="SIZE", help="Cap DuckDB's memory (8GB, 500MB, 1.5GiB, 80%); past it, it spills to disk.")
SparkMasterOpt = typer.Option("local[*]", "--spark-master", metavar="URL", help="With --engine spark: the cluster to run on.")
SparkConfOpt = typer.Option(None, "--spark-conf", metavar="KEY=VALUE", help="With --engine spark: a Spark setting; repeat for more.")


def _engine(engine, memory_limit, spark_master, spark_conf):
    """The engine options of `check` and `conflicts` (tabular.EngineOptions), checked."""
    from .tabular import EngineOptions

    conf = {}
    for item in spark_conf or ():
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            _fail(f"--spark-conf '{item}' is not KEY=VALUE")
        conf[key.strip()] = value.strip()
    if (spark_conf or spark_master != "local[*]") and engine is not Engine.spark:
        _fail("--spark-master and --spark-conf are for --engine spark")
    if memory_limit is not None and engine in (Engine.memory, Engine.spark):
        _fail("--memory-limit caps DuckDB: it is for --engine duckdb (the default for a folder of tables)")
    if engine is Engine.spark:
        from .sessions import SPARK_MISSING, spark_available

        if not spark_available():  # before a YAML corpus is turned into tables for it
            _fail(SPARK_MISSING)
    return EngineOptions(engine.value if engine else None, _memory_limit(memory_limit), spark_master, conf)


def _memory_limit(size: Optional[str]) -> Optional[str]:
    """--memory-limit as DuckDB reads it (8GB, 500MB, 1.5GiB, 80%), asked of DuckDB itself
    (a connection costs milliseconds), so that a size it refuses is a usage error now,
    not its exception deep in a run."""
    if size is None:
        return None
    import duckdb

    try:
        duckdb.connect(":memory:", config={"memory_limit": size}).close()
    except duckdb.OutOfMemoryException:
        _out_of_memory(size)
    except duckdb.Error as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        _fail(f"--memory-limit '{size}' is not a size DuckDB reads (such as 8GB, 500MB, 1.5GiB or 80%): {reason}")
    return size


def _is_out_of_memory(err: BaseException) -> bool:
    """Did DuckDB run out of the memory it was given? Asked without importing duckdb (a
    YAML run never loads it): an error cannot be DuckDB's if duckdb is not loaded."""
    duckdb = sys.modules.get("duckdb")
    return duckdb is not None and isinstance(err, duckdb.OutOfMemoryException)


def _out_of_memory(size: Optional[str]) -> None:
    """DuckDB past its limit is the user's setting to change, not a bug to report."""
    if size is None:
        _fail("DuckDB ran out of memory under its default limit; give it more with --memory-limit (such as 8GB or 80%)")
    _fail(f"DuckDB ran out of memory under --memory-limit {size}; raise it or leave it unset")


AssessOpt = typer.Option(AssessMethod.prior, "--assess", help="How to weigh each conflict: prior (Admiralty grades) or trust (learned from the whole corpus).", case_sensitive=False)
ConfigOpt = typer.Option(None, "--config", help="Configuration file (default: .claimcheck.yaml or \\[tool.claimcheck] in pyproject.toml, searched upward).")


def _parse_as_of(value: Optional[str]):
    """--as-of DATE as a DateSpan; a malformed date is a usage error (exit 2)."""
    if value is None:
        return None
    from .dates import parse_date

    span = parse_date(value)
    if isinstance(span, str):
        raise typer.BadParameter(span)
    return span


AsOfOpt = typer.Option(
    None, "--as-of", metavar="DATE", callback=_parse_as_of,
    help="The conflicts as the corpus stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD): what had been said by then, withdrawals not yet made. Without it, withdrawn assertions take no part.",
)
WriteBaselineOpt = typer.Option(None, "--write-baseline", metavar="FILE", help="Record the open conflicts and the findings in FILE, for --baseline; exit 0.")


def _fail(message: str) -> None:
    typer.echo(f"claimcheck: error: {message}", err=True)
    raise typer.Exit(2)


def _config(explicit: Optional[Path]):
    from .config import ConfigError, load_config

    try:
        return load_config(explicit)
    except ConfigError as err:
        _fail(f"configuration: {err}")


def _paths(paths: Optional[list[Path]], config) -> list[Path]:
    chosen = list(paths) if paths else (config.paths or [Path("corpus")])
    # Path("") is Path("."): an empty PATH (`check "$UNSET"`) would read the working folder
    if paths and "" in sys.argv[1:] and "." not in sys.argv[1:] and any(str(p) == "." for p in paths):
        _fail("a PATH is empty (an unset variable?); give the corpus folder, or '.' for this one")
    for path in chosen:
        if str(path) == "-":
            _fail("a corpus is read from folders or files, not from standard input ('-'); give its path")
        try:
            path.stat()
            continue
        except (FileNotFoundError, NotADirectoryError):
            pass
        except OSError as err:  # a name too long, a folder that cannot be entered
            _fail(f"cannot read path '{path}': {err.strerror or err}")
        if paths:
            hint = ""
        elif config.paths:
            hint = f" (named by {config.file})"
        else:
            hint = " (no PATH given, and there is no ./corpus folder here)"
        _fail(f"path '{path}' does not exist{hint}")
    _reading[:] = chosen
    return chosen


def _cannot_write(what: str, err: OSError) -> None:
    _fail(f"cannot write {what}: {err.strerror or err}" + (f" ({err.filename})" if err.filename else ""))


_reading: list[Path] = []  # the corpus paths this run reads (set by _paths): never written to


def _refuse_corpus_target(target: Path) -> None:
    """claimcheck never changes a corpus file: refuse an output that is a file being read,
    a YAML file inside a folder being read (the next run would read it as corpus), or
    anything inside a folder of tables being read (a table, or a part of one)."""
    from .loader import is_corpus_file
    from .tables import is_table_corpus

    real = Path(os.path.realpath(target))
    for path in _reading:
        root = Path(os.path.realpath(path))
        if real == root or (root.is_dir() and real.is_relative_to(root) and is_corpus_file(real.name)):
            _fail(f"will not write '{target}': it is part of the corpus being read ({path}); write it elsewhere")
        if real.is_relative_to(root) and is_table_corpus(root):
            _fail(f"will not write '{target}': it is inside the table corpus being read ({path}); write it elsewhere")


def _analyze(paths: Optional[list[Path]], config, progress=None, engine=None):
    return _run_analysis(_paths(paths, config), config, progress, engine)


def _with_options(config, select=None, ignore=None, no_assess: bool = False, method=None, as_of=None):
    """The configuration with the command line's lint selection, assessment choice and
    the date the conflicts are found as of."""
    config.as_of = as_of
    if method is not None:
        config.assess_method = method.value
    if select:
        config.select = [s for given in select for s in given.split(",") if s]
    if ignore:
        config.ignore = [s for given in ignore for s in given.split(",") if s]
    if no_assess:
        config.assess = None
    return config


#: the last analysis, held until the process leaves: `_leave` exits without tearing the
#: heap down, and a command's locals would otherwise free a large corpus object by object
#: on their way out (0.2 s at 100k claims). Only the last: an in-process caller that runs
#: many (the tests) keeps one.
_LAST: list = []


def _run_analysis(paths: list[Path], config, progress=None, engine=None):
    """The analysis every command runs, with the configuration's settings (diff runs it
    twice). `progress` is a `terminal.LoadProgress` or None (see `_progress`); `engine`
    the `tabular.EngineOptions` of `check` and `conflicts` (None: the default engine)."""
    from .analysis import analyze

    select, ignore, weights = _settings(config)
    _refuse_idle_limit(engine, _tabular(paths, engine))
    try:
        if _tabular(paths, engine):  # a folder of tables, or a SQL engine (claimcheck/tabular.py)
            result = _tabular_analysis(paths, config, engine, weights, select, ignore)
        else:
            result = analyze(paths, config.limits, weights, config.assess is not None, select, ignore, config.lint,
                             progress=progress, method=config.assess_method, as_of=config.as_of)
    finally:
        if progress is not None:
            progress.close()
    _LAST[:] = [result]
    return result


def _settings(config) -> tuple[set | None, set | None, object]:
    """The lint rules chosen (select, ignore) and the assessment's weights, from the
    configuration; a bad selector or weight is a usage error."""
    from . import lint
    from .assess import WeightsError, weights_from

    select = set(config.select) if config.select else None
    ignore = set(config.ignore) if config.ignore else None
    problems = lint.problems(select, ignore, config.lint)
    if problems:
        where = f" ({config.file})" if config.file else ""
        _fail("; ".join(problems) + where)
    weights = None
    if config.assess is not None:
        try:
            weights = weights_from(config.assess)
        except WeightsError as err:
            _fail(f"configuration: {config.file}: {err}")
    return select, ignore, weights


def _tabular(paths: list[Path], engine) -> bool:
    from .tables import is_table_corpus

    return bool(engine and engine.name in ("duckdb", "spark")) or any(is_table_corpus(p) for p in paths)


def _tables_of(paths: list[Path]) -> Optional[Path]:
    """The table corpus among the PATHs (tabular.tables_in); a mix is a usage error."""
    from .tabular import TableUsageError, tables_in

    try:
        return tables_in(paths)
    except TableUsageError as err:
        _fail(str(err))


def _tabular_analysis(paths: list[Path], config, engine, weights, select, ignore):
    from .sessions import SessionError
    from .tabular import EngineOptions, TableUsageError, analyze

    try:
        # the commands without --engine (show, the views, report, graph, export) read every
        # claim: a table corpus comes into the model, on the memory engine
        result = analyze(paths, engine or EngineOptions("memory"), config.limits, weights, config.assess is not None,
                         select, ignore, config.lint, config.assess_method, config.as_of)
    except (TableUsageError, SessionError) as err:
        _fail(str(err))
    except Exception as err:
        if _is_out_of_memory(err):
            _out_of_memory(engine.memory_limit if engine else None)
        raise
    skipped = getattr(result.scratch, "skipped", None)
    if skipped:
        typer.echo(skipped, err=True)
    return result


def _streams(paths: Optional[list[Path]], config, engine) -> bool:
    """Is this run's corpus read on a SQL engine (so json and jsonl stream)?"""
    from .tabular import TableUsageError

    try:
        on_sql = engine.on_sql(_paths(paths, config))
    except TableUsageError as err:
        _fail(str(err))
    _refuse_idle_limit(engine, on_sql)
    return on_sql


def _refuse_idle_limit(engine, on_sql: bool) -> None:
    """--memory-limit on a run that DuckDB takes no part in would promise a cap that
    nothing keeps."""
    if engine is not None and engine.memory_limit and not on_sql:
        _fail("--memory-limit caps DuckDB, and this YAML corpus is read by the memory engine, which has no cap: "
              "add --engine duckdb to read it there, within the limit")


def _stream(paths: Optional[list[Path]], config, engine, fmt, output: Optional[Path], keep=None):
    """json or jsonl of a corpus on a SQL engine, a conflict at a time (tabular.stream):
    what it wrote, for the summary and exit code."""
    from .sessions import SessionError
    from .tabular import TableUsageError, stream

    chosen = _paths(paths, config)
    select, ignore, weights = _settings(config)
    if not _to_stdout(output):
        _refuse_corpus_target(output)
    sink = _Sink(output)
    try:
        done = stream(chosen, engine, config.limits, sink.write, fmt.value, weights, config.assess is not None,
                      config.assess_method, select, ignore, keep, config.as_of)
    except (TableUsageError, SessionError) as err:
        sink.abandon()
        _fail(str(err))
    except BaseException as err:
        sink.abandon()
        if _is_out_of_memory(err):
            _out_of_memory(engine.memory_limit)
        raise
    try:
        sink.close()
    except OSError as err:
        _fail(f"cannot write '{output}': {err.strerror or err}")
    if done.skipped:
        typer.echo(done.skipped, err=True)
    return done


class _Sink:
    """Where a streamed report goes: standard output as it comes, or a file by
    `output.AtomicWriter` (whole once closed, by the rules of every other report)."""

    def __init__(self, output: Optional[Path]) -> None:
        from .output import AtomicWriter

        self.file = None
        self.handle = None
        if _to_stdout(output):
            sys.stdout.flush()
            self.handle = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
            return
        try:
            self.file = AtomicWriter(Path(output))
        except OSError as err:
            _fail(f"cannot write '{output}': {err.strerror or err}")

    def write(self, data: bytes) -> None:
        if self.file is not None:
            self.file.write(data)
        elif self.handle is None:
            sys.stdout.write(data.decode("utf-8", errors="surrogateescape"))
        else:
            self.handle.write(data)

    def close(self) -> None:
        if self.file is not None:
            self.file.commit()
        elif self.handle is not None:
            self.handle.flush()

    def abandon(self) -> None:
        if self.file is not None:
            self.file.abandon()


def _streamed_summary(done, quiet: bool, verbose: bool) -> None:
    """The summary line of a streamed run, as `_summary` says it of a Result."""
    if verbose:
        stages = ", ".join(f"{stage} {seconds * 1000:.0f} ms" for stage, seconds in done.timings.items())
        typer.echo(f"time: {stages}; total {sum(done.timings.values()) * 1000:.0f} ms", err=True)
    _summary(done.result, done.tallies, quiet)


def _streamed_exit(done, fail_on: str) -> int:
    """`_exit_code` for a streamed run, which kept the open conflicts' count by severity."""
    open_severities = (rank for rank, n in done.open_by_severity.items() if n)
    return _fails(done.findings, open_severities, fail_on)


def _fails(findings, open_severities, fail_on: str) -> int:
    """1 when a finding or an open conflict's severity is at or above `fail_on`, else 0."""
    from .model import FAIL_ON_LEVEL, SEVERITY_RANK

    level = FAIL_ON_LEVEL[fail_on]
    if level > SEVERITY_RANK["error"]:
        return 0
    if any(SEVERITY_RANK[f.severity] >= level for f in findings):
        return 1
    return 1 if any(severity >= level for severity in open_severities) else 0


def _cached_run(command: str, paths: Optional[list[Path]], config, options: dict, run) -> int:
    """Run `run` (which prints and returns an exit code), or replay what the same run
    printed before: same files, same contents, same options (see claimcheck/cache.py)."""
    import contextlib
    import datetime
    import io

    from . import cache
    from .loader import discover

    chosen = _paths(paths, config)
    if _tabular(chosen, None):  # tables are no YAML files: the cache's key would not see them change
        return run()
    files, _ = discover(chosen)
    settings = {
        "command": command,
        "options": options,
        "config": config.file.read_text(encoding="utf-8", errors="replace") if config.file else None,
        "today": datetime.date.today().isoformat(),  # future-dated assertions depend on it
        "columns": shutil.get_terminal_size((100, 24)).columns,
        "env": {name: os.environ.get(name) for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")},
        "tty": sys.stdout.isatty(),
    }
    key = cache.run_key(files, settings, config.limits.max_file_bytes)
    entry = cache.load(key) if key else None
    if entry is not None:
        _print_bytes(entry["stdout"])  # as first printed, not decoded again
        sys.stderr.write(entry["stderr"])
        return entry["exit"]
    # standard output is kept as bytes, as it would be printed: machine formats write
    # bytes (see _emit), and the cache stores bytes
    printed = io.BytesIO()
    out = io.TextIOWrapper(printed, encoding="utf-8", errors="surrogateescape", newline="", write_through=True)
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run()
    finally:  # a usage error (exit 2) still says why, and is never stored
        _print_bytes(printed.getvalue())
        sys.stderr.write(err.getvalue())
    if key:
        cache.store(key, printed.getvalue(), err.getvalue(), code)
    return code


def _progress(for_a_person: bool):
    """A progress display on standard error while files load (shown once loading takes
    a second), or None: never in pipes, in CI, or with a machine format."""
    if not for_a_person or os.environ.get("CI") or not sys.stderr.isatty():
        return None
    from .terminal import LoadProgress

    return LoadProgress()


def _check_quiet_verbose(quiet: bool, verbose: bool) -> None:
    if quiet and verbose:
        _fail("--quiet and --verbose exclude each other")


def _verbose(result, verbose: bool) -> None:
    """Counts and per-stage timings on standard error, for --verbose."""
    if not verbose:
        return
    corpus = result.corpus
    assertions = sum(len(c.assertions) for c in corpus.claims.values())
    counts = [
        (len(result.files), "file"), (len(corpus.sources), "source"), (len(corpus.claims), "claim"),
        (assertions, "assertion"), (len(corpus.rules), "rule"), (len(result.conflicts), "conflict"),
        (len(result.findings), "finding"),
    ]
    typer.echo("read " + ", ".join(count(n, word) for n, word in counts), err=True)
    stages = ", ".join(f"{stage} {seconds * 1000:.0f} ms" for stage, seconds in result.timings.items())
    total = sum(result.timings.values()) * 1000
    typer.echo(f"time: {stages}; total {total:.0f} ms", err=True)


def _to_stdout(output: Optional[Path]) -> bool:
    """No --output, or `--output -`: standard output, the same for every command."""
    return output is None or str(output) == "-"


def _use_color(color: Color, output: Optional[Path]) -> bool:
    if color is Color.always:
        return True
    if color is Color.never or not _to_stdout(output):
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"  # a dumb terminal shows escapes as text


#: formats that carry settled (acknowledged, resolved) conflicts along with open ones,
#: marked by their status (SARIF as suppressions, markdown in a closing list)
SETTLED_TOO = (Format.json, Format.jsonl, Format.sarif, Format.markdown)


def _default_format(fmt: Optional[Format], config, output: Optional[Path]) -> Format:
    if fmt is not None:
        return fmt
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return Format.github
    if config.format:
        return Format(config.format)
    # a table for a person at a terminal; a file (`-o`) gets lines, whatever runs the command
    return Format.table if _to_stdout(output) and sys.stdout.isatty() else Format.concise


#: each format's renderer (module in claimcheck.report, function): only the one asked for
#: is imported (rich, 20 ms of start-up, only for a table)
_RENDERERS = {
    Format.table: ("table", "render_table"),
    Format.brief: ("brief", "render_brief"),
    Format.concise: ("concise", "render_concise"),
    Format.json: ("machine", "render_json"),
    Format.jsonl: ("machine", "render_jsonl"),
    Format.sarif: ("sarif", "render_sarif"),
    Format.github: ("github", "render_github"),
    Format.markdown: ("markdown", "render_markdown"),
}


def _render(fmt: Format, result, conflicts, color: bool, command: str, baseline=None) -> str | bytes:
    import importlib

    module, name = _RENDERERS[fmt]
    renderer = getattr(importlib.import_module(f".report.{module}", __package__), name)
    width = shutil.get_terminal_size((100, 24)).columns
    return renderer(result, conflicts, color=color, width=width, command=command, baseline=baseline)


def _print_bytes(data) -> None:
    """UTF-8 bytes to standard output, past its text layer where it has one."""
    sys.stdout.flush()
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(bytes(data).decode("utf-8", errors="surrogateescape"))
        sys.stdout.flush()


def _emit(text: str | bytes, output: Optional[Path]) -> None:
    """Print or write what a renderer made: text, or (json, sarif: up to hundreds of MB)
    UTF-8 bytes that are never decoded just to be encoded again."""
    if _to_stdout(output):
        if isinstance(text, bytes):
            _print_bytes(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        _refuse_corpus_target(output)
        try:
            write_atomically(output, text)
        except OSError as err:
            _fail(f"cannot write '{output}': {err.strerror or err}")


def _exit_code(result, conflicts, fail_on: str, baseline=None) -> int:
    """1 when a finding or open conflict is at or above `fail_on`; with a baseline
    (a `baseline.Comparison`), only those it does not cover count."""
    covered = baseline.baselined_findings if baseline is not None else [False] * len(result.findings)
    findings = [f for f, old in zip(result.findings, covered) if not old]
    open_severities = (c.severity for c in conflicts
                       if c.status == "open" and not (baseline and baseline.conflict_baselined(c.id)))
    return _fails(findings, open_severities, fail_on)


#: formats that carry every conflict and finding and mark what a baseline covers; the
#: others (table, concise, github, markdown) show only what it does not cover
MARKS_BASELINE = (Format.json, Format.jsonl, Format.sarif)


def _load_baseline(file: Optional[Path]):
    if file is None:
        return None
    from .baseline import BaselineError, load_baseline

    try:
        return load_baseline(file)
    except BaselineError as err:
        _fail(f"baseline {err}")


def _without_baselined(result, conflicts, comparison):
    """The result and conflicts less what the baseline covers."""
    from dataclasses import replace

    findings = [f for f, old in zip(result.findings, comparison.baselined_findings) if not old]
    return replace(result, findings=findings), [c for c in conflicts if not comparison.conflict_baselined(c.id)]


def _baseline_summary(comparison, hidden: bool, quiet: bool) -> None:
    if comparison is None or quiet:
        return
    covered = comparison.baselined_count
    line = f"baseline {comparison.file}: {comparison.new_count} new, {covered} baselined"
    if hidden and covered:
        line += " (not shown; --show-baselined shows them)"
    typer.echo(line, err=True)
    for cid, (was, now) in sorted(comparison.worse.items()):
        typer.echo(f"  {cid} is {now} now, {was} in the baseline", err=True)
    gone = comparison.gone_count
    if gone:
        typer.echo(
            f"{count(gone, 'baseline entry')} no longer {noun(gone, 'occurs', 'occur')}"
            f" (update the baseline with --write-baseline {comparison.file}):",
            err=True,
        )
        for cid in comparison.gone_conflicts:
            typer.echo(f"  conflict {cid}", err=True)
        for key in comparison.gone_findings:
            typer.echo(f"  finding {key}", err=True)


def _unknown_filters(corpus, claims, sources, tags) -> None:
    """A filter naming nothing in the corpus (a typo) would show nothing and say nothing:
    say so on standard error, with the nearest id."""
    from .findings import suggest

    known_tags = {t for c in corpus.claims.values() for t in c.tags} if tags else set()
    for option, given, known in (("--claim", claims, corpus.claims), ("--source", sources, corpus.sources), ("--tag", tags, known_tags)):
        for word in given or ():
            if word not in known:
                typer.echo(f"claimcheck: warning: {option} '{word}' names nothing in the corpus{suggest(word, sorted(known))}", err=True)


def _write_baseline(file: Path, result) -> str:
    """Record every open conflict and every finding, so that a baselined run shows only
    new ones. Returns the line that says so, for after the report."""
    from .baseline import dumps, make_baseline, root_of

    if _to_stdout(file):
        _fail("--write-baseline needs a file: '-' (standard output) would mix the baseline into the report")
    _refuse_corpus_target(file)
    baseline = make_baseline(result, root=root_of(file))
    try:
        write_atomically(file, dumps(baseline))
    except OSError as err:
        _fail(f"cannot write '{file}': {err.strerror or err}")
    conflicts, findings = len(baseline.conflicts), sum(baseline.findings.values())
    return f"Wrote baseline {file}: {count(conflicts, 'open conflict')}, {count(findings, 'finding')}"


def _summary(result, conflicts, quiet: bool) -> None:
    if quiet:
        return
    from .report.words import summary_line

    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in SEVERITY_ORDER}
    findings = ", ".join(count(n, s) for s, n in counts.items() if n) or "no findings"
    if not result.files and not result.findings:  # a wrong folder passes silently otherwise
        where = ", ".join(f"'{p}'" for p in _reading) or "the paths given"
        typer.echo(f"claimcheck: warning: no corpus files (*.yaml, *.yml) found in {where}", err=True)
    typer.echo(f"{summary_line(result, conflicts)}; {findings}", err=True)


# --- commands ----------------------------------------------------------------------------


@app.command()
def check(
    paths: Optional[list[Path]] = PathsArg,
    fmt: Optional[Format] = FormatOpt,
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding or open conflict is at or above this severity \\[default: error].", show_default=False, case_sensitive=False),
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
    baseline_file: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Fail only on open conflicts and findings that this baseline (from --write-baseline) does not cover."),
    write_baseline: Optional[Path] = WriteBaselineOpt,
    show_baselined: bool = typer.Option(False, "--show-baselined", help="With --baseline: table, concise, github and markdown also show what the baseline covers."),
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    no_assess: bool = NoAssessOpt,
    assess: AssessMethod = AssessOpt,
    no_cache: bool = NoCacheOpt,
    engine: Optional[Engine] = EngineOpt,
    memory_limit: Optional[str] = MemoryLimitOpt,
    spark_master: str = SparkMasterOpt,
    spark_conf: Optional[list[str]] = SparkConfOpt,
) -> None:
    """Check a corpus for CI: load and schema errors, findings and open conflicts.

    Examples:

      claimcheck check corpus

      claimcheck check corpus --format json | jq '.summary'

      claimcheck check --fail-on warning

      claimcheck check --write-baseline baseline.json   # accept what is there today

      claimcheck check --baseline baseline.json         # fail only on new problems
    """
    _check_quiet_verbose(quiet, verbose)
    engines = _engine(engine, memory_limit, spark_master, spark_conf)
    config = _with_options(_config(config_file), select, ignore, no_assess, assess, as_of)
    baseline = _load_baseline(baseline_file)
    fmt = _default_format(fmt, config, output)
    progress = _progress(fmt in (Format.table, Format.brief))
    threshold = fail_on.value if fail_on else (config.fail_on or "error")

    def run() -> int:
        if fmt in (Format.json, Format.jsonl) and baseline is None and write_baseline is None and _streams(paths, config, engines):
            done = _stream(paths, config, engines, fmt, output)
            _streamed_summary(done, quiet, verbose)
            return _streamed_exit(done, threshold)
        result = _analyze(paths, config, progress, engines)
        comparison = None
        if baseline is not None:
            from .baseline import compare, root_of

            comparison = compare(result, baseline, str(baseline_file), root_of(baseline_file))
        shown = [c for c in result.conflicts if c.status == "open"]
        if fmt in SETTLED_TOO:
            shown = result.conflicts
        hide = comparison is not None and fmt not in MARKS_BASELINE and not show_baselined
        rendered, shown = _without_baselined(result, shown, comparison) if hide else (result, shown)
        if write_baseline is not None:  # first: a baseline that cannot be written stops the run before any output
            wrote = _write_baseline(write_baseline, result)
        _emit(_render(fmt, rendered, shown, _use_color(color, output), "check", comparison), output)
        _verbose(result, verbose)
        _summary(result, result.conflicts, quiet)
        _baseline_summary(comparison, hide, quiet)
        if write_baseline is not None:
            if not quiet:
                typer.echo(wrote, err=True)
            return 0
        return _exit_code(result, result.conflicts, threshold, comparison)

    # only runs whose whole effect is what they print can be replayed from the cache
    cacheable = not (no_cache or not _to_stdout(output) or baseline_file or write_baseline or verbose or progress)
    options = {"format": fmt.value, "fail_on": threshold, "color": _use_color(color, output), "quiet": quiet,
               "select": config.select, "ignore": config.ignore, "assess": config.assess,
               "method": config.assess_method, "lint": config.lint, "limits": repr(config.limits),
               "as_of": as_of.text if as_of else None, "engine": engines.name}
    raise typer.Exit(_cached_run("check", paths, config, options, run) if cacheable else run())


@app.command()
def conflicts(
    paths: Optional[list[Path]] = PathsArg,
    fmt: Optional[Format] = FormatOpt,
    kind: Optional[list[str]] = typer.Option(None, "--kind", help="Only these kinds: contradiction, exclusive, value, conflicts-with."),
    severity: Optional[list[str]] = typer.Option(None, "--severity", help="Only these severities: error, warning, info."),
    status: Optional[list[str]] = typer.Option(None, "--status", help="Only these statuses: open, acknowledged, resolved."),
    claim: Optional[list[str]] = typer.Option(None, "--claim", help="Only conflicts that involve this claim id."),
    source: Optional[list[str]] = typer.Option(None, "--source", help="Only conflicts that involve this source id."),
    tag: Optional[list[str]] = typer.Option(None, "--tag", help="Only conflicts with a claim carrying this tag."),
    show_all: bool = typer.Option(False, "--all", help="Also show resolved conflicts (hidden by default)."),
    fail_on: FailOn = typer.Option(FailOn.never, "--fail-on", help="Exit 1 when a finding or open conflict is at or above this severity.", case_sensitive=False),
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
    write_baseline: Optional[Path] = WriteBaselineOpt,
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    no_assess: bool = NoAssessOpt,
    assess: AssessMethod = AssessOpt,
    engine: Optional[Engine] = EngineOpt,
    memory_limit: Optional[str] = MemoryLimitOpt,
    spark_master: str = SparkMasterOpt,
    spark_conf: Optional[list[str]] = SparkConfOpt,
) -> None:
    """Show where the sources contradict each other: a colored table per conflict.

    Examples:

      claimcheck conflicts corpus

      claimcheck conflicts --kind contradiction --source new-york-times

      claimcheck conflicts --format brief      # one line each: severity, status, origins, leaning, id

      claimcheck conflicts --format json | jq '.conflicts[].id'
    """
    from .engine import KINDS

    _check_choices("--kind", kind, KINDS)
    _check_choices("--severity", severity, SEVERITY_ORDER)
    _check_choices("--status", status, ("open", "acknowledged", "resolved"))
    _check_quiet_verbose(quiet, verbose)
    engines = _engine(engine, memory_limit, spark_master, spark_conf)
    config = _with_options(_config(config_file), select, ignore, no_assess, assess, as_of)
    fmt = _default_format(fmt, config, output)
    machine = fmt in SETTLED_TOO

    def keeper(corpus):
        """The filters' test, once the corpus is known."""
        if not quiet:
            _unknown_filters(corpus, claim, source, tag)
        tagged = {c.id for c in corpus.claims.values() if set(tag) & set(c.tags)} if tag else set()
        return lambda c: (
            (not kind or c.kind in kind)
            and (not severity or c.severity_name in severity)
            and (c.status in status if status else (show_all or machine or c.status != "resolved"))
            and (not claim or set(claim) & set(c.claims))
            and (not source or set(source) & set(c.sources))
            and (not tag or tagged & set(c.claims))
        )

    if fmt in (Format.json, Format.jsonl) and write_baseline is None and _streams(paths, config, engines):
        done = _stream(paths, config, engines, fmt, output, keeper)
        _streamed_summary(done, quiet, verbose)
        raise typer.Exit(_streamed_exit(done, fail_on.value))
    result = _analyze(paths, config, _progress(fmt in (Format.table, Format.brief)), engines)
    keep = keeper(result.corpus)
    shown = [c for c in result.conflicts if keep(c)]
    if write_baseline is not None:  # of the whole corpus, whatever the filters show; before any output
        wrote = _write_baseline(write_baseline, result)
    _emit(_render(fmt, result, shown, _use_color(color, output), "conflicts"), output)
    _verbose(result, verbose)
    _summary(result, shown, quiet)
    if write_baseline is not None:
        if not quiet:
            typer.echo(wrote, err=True)
        raise typer.Exit(0)
    code = _exit_code(result, shown, fail_on.value)
    hidden = [f for f in result.findings if f.severity == "info"] if fmt in (Format.table, Format.brief, Format.concise) else []
    visible = any(c.status == "open" for c in shown) or any(f.severity != "info" for f in result.findings)
    if code and hidden and fail_on.value == "info" and not quiet and not visible:
        # tables and lines leave info findings to `check`: say what failed the run
        typer.echo(f"claimcheck: exit 1 for {count(len(hidden), 'info finding')}"
                   " (--fail-on info), which this format leaves out: `claimcheck check` lists them", err=True)
    raise typer.Exit(code)


def _check_choices(option: str, given: Optional[list[str]], allowed) -> None:
    from .findings import suggest

    for value in given or ():
        if value not in allowed:
            _fail(f"{option} '{value}' is not one of {', '.join(allowed)}{suggest(value, allowed)}")


def _complete_ids(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of `show ID`: the conflict, claim and source ids of the corpus read
    when no PATH is given, with what each is. Never prints and never fails: a completion
    that cannot read the corpus offers nothing."""
    try:
        from .analysis import analyze
        from .config import load_config

        config = load_config(None)
        paths = [p for p in (config.paths or [Path("corpus")]) if p.exists()]
        if not paths:
            return []
        result = analyze(paths, config.limits, assess=False, select=set())
        corpus = result.corpus
        offered = [(c.id, f"conflict, {c.severity_name}, {c.status}") for c in result.conflicts]
        offered += [(ident, "claim") for ident in sorted(corpus.claims)]
        offered += [(ident, f"source: {source.name}") for ident, source in sorted(corpus.sources.items())]
        return [(ident, what) for ident, what in offered if ident.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - a completion must never break the shell
        return []


@app.command()
def show(
    ident: str = typer.Argument(..., metavar="ID", help="A conflict id (kind:...), a claim id or a source id.", autocompletion=_complete_ids),
    paths: Optional[list[Path]] = PathsArg,
    color: Color = ColorOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """Everything known about one conflict, claim or source, with the reasoning in words.

    Examples:

      claimcheck show contradiction:venezuela-negotiating-with-us

      claimcheck show maduro-offered-oil-to-stay

      claimcheck show new-york-times
    """
    from .report.show import render_show

    result = _analyze(paths, _with_options(_config(config_file), as_of=as_of), _progress(True))
    _warn_errors(result)
    width = shutil.get_terminal_size((100, 24)).columns
    text = render_show(result, ident, color=_use_color(color, None), width=width)
    if text is None:
        from .findings import suggest

        known = [c.id for c in result.conflicts] + list(result.corpus.claims) + list(result.corpus.sources)
        _fail(f"no conflict, claim or source '{ident}'{suggest(ident, known)}")
    sys.stdout.write(text)


class DiffFormat(str, Enum):
    table = "table"
    concise = "concise"
    json = "json"


@app.command()
def diff(
    rev: str = typer.Argument(..., metavar="REV", help="The git revision to compare with: a commit, branch or tag (HEAD~1, origin/main)."),
    paths: Optional[list[Path]] = PathsArg,
    fmt: Optional[DiffFormat] = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, concise otherwise).", case_sensitive=False),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a new, reopened or more severe open conflict is at or above this severity.", case_sensitive=False),
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    quiet: bool = QuietOpt,
    config_file: Optional[Path] = ConfigOpt,
) -> None:
    """The conflicts that are new, removed or changed since git revision REV.

    Compares the corpus at REV (a commit, branch or tag) with the working tree. The old
    files are read through git; the working tree is never touched.

    Examples:

      claimcheck diff HEAD~1

      claimcheck diff origin/main corpus --format json | jq '.new[].id'
    """
    from .gitdiff import GitError, diff_revision
    from .report.diff import render_diff_concise, render_diff_json, render_diff_table

    config = _config(config_file)
    chosen = _paths(paths, config)
    _tables_of(chosen)  # YAML beside tables is said as such, not as tables
    try:
        changes = diff_revision(rev, chosen, lambda some: _run_analysis(some, config))
    except GitError as err:
        _fail(str(err))
    if fmt is None:
        fmt = DiffFormat(config.format) if config.format in DiffFormat.__members__ else None
        fmt = fmt or (DiffFormat.table if sys.stdout.isatty() else DiffFormat.concise)
    renderers = {DiffFormat.table: render_diff_table, DiffFormat.concise: render_diff_concise, DiffFormat.json: render_diff_json}
    width = shutil.get_terminal_size((100, 24)).columns
    _emit(renderers[fmt](changes, color=_use_color(color, output), width=width), output)
    failing = changes.failing(fail_on.value)
    if not quiet:
        line = f"since {rev}: {count(len(changes.new), 'new conflict')}, {len(changes.changed)} changed, {len(changes.removed)} removed"
        if failing:
            line += f"; {len(failing)} new or worse at or above {fail_on.value}: {', '.join(failing)}"
        if changes.errors_after:
            line += f"; the corpus has {count(changes.errors_after, 'error finding')} now (see `claimcheck check`)"
        typer.echo(line, err=True)
    raise typer.Exit(1 if failing else 0)


class SchemaKind(str, Enum):
    corpus = "corpus"
    output = "output"
    tables = "tables"


@app.command("schema")
def schema_(
    which: SchemaKind = typer.Argument(..., metavar="corpus|output|tables", help="corpus: of corpus files, for editors; output: of --format json; tables: the tables of a tabular corpus (Parquet)."),
    output: Optional[Path] = OutputOpt,
) -> None:
    """Print a JSON Schema (draft 2020-12): of corpus files, or of the JSON output; or the tables of a tabular corpus.

    For editors with yaml-language-server, save the corpus schema and name it on the
    first line of a corpus file: # yaml-language-server: $schema=corpus.schema.json

    Examples:

      claimcheck schema corpus --output corpus.schema.json

      claimcheck schema output

      claimcheck schema tables | jq '.tables.assertions.columns | keys'
    """
    import json

    if which is SchemaKind.tables:
        from .tables import tables_schema

        _emit(json.dumps(tables_schema(), ensure_ascii=False, indent=2) + "\n", output)
        return
    from .schemas import SCHEMAS

    _emit(json.dumps(SCHEMAS[which.value](), ensure_ascii=False, indent=2) + "\n", output)


@app.command()
def init(
    directory: Path = typer.Argument(Path("corpus"), help="Folder to create the starter corpus in."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Say nothing on standard error."),
) -> None:
    """Write a small, valid, commented starter corpus; never overwrites anything.

    Examples:

      claimcheck init my-corpus && claimcheck conflicts my-corpus

      claimcheck init            # into ./corpus, the folder read when no PATH is given
    """
    from .loader import is_corpus_file
    from .starter import STARTER_FILES

    targets = [directory / name for name in STARTER_FILES]
    existing = [t for t in targets if t.exists()]
    if existing:
        _fail(f"'{existing[0]}' already exists; claimcheck init never overwrites (choose another folder)")
    # the demo's claims and conflicts would join a corpus already there
    held = next((p for p in directory.rglob("*") if is_corpus_file(p.name)), None) if directory.is_dir() else None
    if held is not None:
        _fail(f"'{directory}' already holds a corpus ('{held}'); claimcheck init starts a new one (choose another folder)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for target, text in zip(targets, STARTER_FILES.values()):
            write_atomically(target, text, overwrite=False)
    except OSError as err:
        _cannot_write(f"the starter corpus into '{directory}'", err)
    if not quiet:
        typer.echo(f"Wrote a starter corpus to {directory}/. Next: claimcheck conflicts {shlex.quote(str(directory))}", err=True)


@app.command()
def explain(
    what: Optional[str] = typer.Argument(None, metavar="CODE|KIND|NAME", help="A finding code (S004), its name (unknown-field), a lint rule or a conflict kind (contradiction).", show_default=False),
    example: bool = typer.Option(False, "--example", help="Print only the example corpus file (YAML), to try it."),
) -> None:
    """Explain a finding code, lint rule or conflict kind: what it means, an example, how to fix it.

    With no argument, lists every code and kind with a one-line summary.

    Examples:

      claimcheck explain S004

      claimcheck explain near-duplicate-claims

      claimcheck explain contradiction --example > demo.yaml
    """
    from .explain import known_words, lookup, render, render_list

    if what is None:
        if example:
            _fail("--example needs a CODE, KIND or NAME")
        sys.stdout.write(render_list())
        return
    entry = lookup(what)
    if entry is None:
        from .findings import suggest

        _fail(f"no finding code, lint rule or conflict kind '{what}'{suggest(what, known_words())}; `claimcheck explain` lists them")
    sys.stdout.write(entry.example if example else render(entry))


# --- views -------------------------------------------------------------------------------


class ViewFormat(str, Enum):
    table = "table"
    json = "json"


ViewFormatOpt = typer.Option(ViewFormat.table, "--format", "-f", help="table for a person, json for tools.", case_sensitive=False)
AboutOpt = typer.Option(None, "--about", help="Only what concerns this entity (its name or an alias, matched fuzzily) or mentions the word.")


def _warn_errors(result) -> None:
    """For the commands that show the corpus, not its findings: what a broken file holds
    would be missing unsaid."""
    errors = sum(1 for f in result.findings if f.severity == "error")
    if errors:
        typer.echo(f"claimcheck: warning: the corpus has {count(errors, 'error')}; what "
                   f"{'they touch' if errors != 1 else 'it touches'} is not shown (`claimcheck check` lists them)", err=True)


def _view(name: str, paths, config, build, fmt: ViewFormat, color: Color, output: Optional[Path], table_renderer,
          tag: Optional[str] = None) -> None:
    """Analyze, build the view's rows from the result, and print them as json or a table."""
    from .report.views import render_view_json

    result = _analyze(paths, config, _progress(fmt is ViewFormat.table))
    _warn_errors(result)
    _unknown_filters(result.corpus, None, None, [tag] if tag else None)
    data = build(result)
    if fmt is ViewFormat.json:
        _emit(render_view_json(name, data), output)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        _emit(table_renderer(data, color=_use_color(color, output), width=width), output)


@app.command()
def sources(
    paths: Optional[list[Path]] = PathsArg,
    fmt: ViewFormat = ViewFormatOpt,
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
    assess: AssessMethod = AssessOpt,
) -> None:
    """Every source: kind, reliability, assertions, conflicts, and how often it stands with the leaning side.

    Examples:

      claimcheck sources corpus

      claimcheck sources --format json | jq '.rows[] | select(.conflicts > 0) | .id'

      claimcheck sources --assess trust      # with the trust learned from the corpus
    """
    from .report.views import render_sources
    from .views import sources_view

    _view("sources", paths, _with_options(_config(config_file), method=assess, as_of=as_of), sources_view, fmt, color, output, render_sources)


@app.command()
def claims(
    paths: Optional[list[Path]] = PathsArg,
    about: Optional[str] = AboutOpt,
    tag: Optional[str] = typer.Option(None, "--tag", help="Only claims with this tag."),
    fmt: ViewFormat = ViewFormatOpt,
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """Claims with their stances and conflicts.

    Examples:

      claimcheck claims --about Maduro

      claimcheck claims --tag negotiations --format json
    """
    from .report.views import render_claims
    from .views import claims_view

    _view("claims", paths, _with_options(_config(config_file), no_assess=True, as_of=as_of), lambda result: claims_view(result, about, tag),
          fmt, color, output, render_claims, tag=tag)


@app.command()
def timeline(
    paths: Optional[list[Path]] = PathsArg,
    about: Optional[str] = AboutOpt,
    fmt: ViewFormat = ViewFormatOpt,
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """Assertions in date order, with their conflicts and reversals marked.

    Examples:

      claimcheck timeline --about Maduro

      claimcheck timeline --format json | jq '.rows[] | select(.conflicts != [])'
    """
    from .report.views import render_timeline
    from .views import timeline_view

    _view("timeline", paths, _with_options(_config(config_file), no_assess=True, as_of=as_of), lambda result: timeline_view(result, about),
          fmt, color, output, render_timeline)


@app.command()
def matrix(
    paths: Optional[list[Path]] = PathsArg,
    about: Optional[str] = AboutOpt,
    tag: Optional[str] = typer.Option(None, "--tag", help="Only claims with this tag."),
    fmt: ViewFormat = ViewFormatOpt,
    output: Optional[Path] = OutputOpt,
    color: Color = ColorOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """A grid of claims × sources with their stances, contested claims first (analysis of competing hypotheses).

    Examples:

      claimcheck matrix corpus

      claimcheck matrix --tag negotiations
    """
    from .report.views import render_matrix
    from .views import matrix_view

    _view("matrix", paths, _with_options(_config(config_file), no_assess=True, as_of=as_of), lambda result: matrix_view(result, about, tag),
          fmt, color, output, render_matrix, tag=tag)


# --- import ------------------------------------------------------------------------------

import_app = typer.Typer(help="Turn data from elsewhere into a corpus (never overwrites).", no_args_is_help=True)
app.add_typer(import_app, name="import")


class CorpusForm(str, Enum):
    yaml = "yaml"
    parquet = "parquet"


@import_app.command("csv")
def import_csv_command(
    files: list[Path] = typer.Argument(..., help="CSV files (.csv or .csv.gz) with a header row; several are read in order."),
    object_col: str = typer.Option(..., "--object", help="Column naming what the claim is about (a city, a flight)."),
    property_col: str = typer.Option(..., "--property", help="Column naming the property (population, departure time)."),
    value_col: str = typer.Option(..., "--value", help="Column holding the value the source gives."),
    source_col: str = typer.Option(..., "--source", help="Column naming who gives it."),
    date_col: Optional[str] = typer.Option(None, "--date", help="Column with when it was said (YYYY[-MM[-DD]], or a timestamp: its day is kept)."),
    out: Path = typer.Option(Path("corpus"), "--out", help="Folder to write the corpus to; must not exist or be empty."),
    to: CorpusForm = typer.Option(CorpusForm.yaml, "--to", help="yaml files, or parquet tables (for large data: no YAML is written).", case_sensitive=False),
    quiet: bool = QuietOpt,
) -> None:
    """Turn tabular claims (object, property, value, source[, date]) into a valid corpus.

    One claim per object and property, one source per distinct source, values typed.

    Examples:

      claimcheck import csv claims.csv --object ObjectID --property PropertyID --value PropertyValue --source SourceID --out population

      claimcheck conflicts population --assess trust --kind value

      claimcheck import csv claims.csv --object ObjectID --property PropertyID --value PropertyValue --source SourceID --to parquet --out tables
    """
    from .importer import CsvImportError, import_csv

    for path in files:
        if not path.exists():
            _fail(f"path '{path}' does not exist")
    try:
        if to is CorpusForm.parquet:
            from .export import import_csv_tables

            report = import_csv_tables(files, out, object_col, property_col, value_col, source_col, date_col)
        else:
            report = import_csv(files, out, object_col, property_col, value_col, source_col, date_col)
    except CsvImportError as err:
        _fail(str(err))
    except OSError as err:
        _cannot_write(f"the corpus into '{out}'", err)
    if not quiet:
        # every one, as the README promises: the summary after them counts them
        for problem in report.problems:
            typer.echo(f"{problem.file}:{problem.line}: {'kept' if problem.kept else 'skipped'}: row {problem.row}: {problem.reason}", err=True)
        for note in report.notes():  # untyped properties, names made one or kept apart, times left out
            typer.echo(note, err=True)
        typer.echo(report.summary(), err=True)


@import_app.command("claimreview")
def import_claimreview_command(
    files: list[Path] = typer.Argument(..., help="ClaimReview JSON-LD files, folders of them, JSON arrays or DataFeeds."),
    out: Path = typer.Option(..., "--out", help="Folder to write the corpus to; must not exist or be empty."),
    quiet: bool = QuietOpt,
) -> None:
    """Turn schema.org ClaimReview JSON-LD (fact-checkers' reviews) into a valid corpus.

    The claim's authors affirm it; the reviewer's stance follows the rating (see the README); claims are tagged publish.

    Examples:

      claimcheck import claimreview reviews.json --out reviewed

      claimcheck import claimreview reviews.json --out checked && claimcheck export claimreview checked
    """
    from .claimreview import ClaimReviewImportError, import_claimreview

    try:
        report = import_claimreview(files, out)
    except ClaimReviewImportError as err:
        _fail(str(err))
    except OSError as err:
        _cannot_write(f"the corpus into '{out}'", err)
    if not quiet:
        for problem in report.problems:
            typer.echo(f"{problem}", err=True)
        typer.echo(report.summary(), err=True)
    if report.reviews == 0:
        raise typer.Exit(2)


# --- export ------------------------------------------------------------------------------

export_app = typer.Typer(help="Publish what the corpus holds in formats others read.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("claimreview")
def export_claimreview_command(
    paths: Optional[list[Path]] = PathsArg,
    output: Path = typer.Option(Path("-"), "--output", "-o", help="The JSON file to write (atomically); - for standard output."),
    quiet: bool = QuietOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """Write the desk's verdicts as schema.org ClaimReview JSON-LD (a JSON array).

    One review per claim of a resolved conflict with a verdict, and per claim tagged publish (see the README).

    Examples:

      claimcheck export claimreview corpus --output reviews.json

      claimcheck export claimreview corpus | jq '.[].claimReviewed'
    """
    import json

    from .claimreview import ExportReport, export_claimreview
    from .report.concise import finding_line

    config = _config(config_file)
    result = _analyze(paths, _with_options(config, no_assess=True, as_of=as_of))
    report = ExportReport()
    export_claimreview(result, config.claimreview, report)
    _emit(json.dumps(report.reviews, indent=2, ensure_ascii=False) + "\n", output)
    if not quiet:
        for reason in report.skipped:
            typer.echo(f"skipped {reason}", err=True)
        typer.echo(f"{count(len(report.reviews), 'ClaimReview')}, {count(len(report.skipped), 'claim')} skipped", err=True)
    errors = [f for f in result.findings if f.severity == "error"]
    if errors:  # a verdict in a broken file is missing from what gets published: fail
        for f in errors:
            typer.echo(finding_line(f), err=True)
        typer.echo(f"claimcheck: the corpus has {count(len(errors), 'error')}; what {noun(len(errors), 'it touches', 'they touch')}"
                   f" is not exported (fix {noun(len(errors), 'it', 'them')}, then export again)", err=True)
        raise typer.Exit(1)


@export_app.command("parquet")
def export_parquet_command(
    paths: Optional[list[Path]] = PathsArg,
    out: Path = typer.Option(..., "--out", help="Folder to write the tables to; must not exist or be empty."),
    memory_limit: Optional[str] = MemoryLimitOpt,
    quiet: bool = QuietOpt,
    config_file: Optional[Path] = ConfigOpt,
) -> None:
    """Convert a YAML corpus into a tabular corpus: Parquet tables (see `claimcheck schema tables`).

    One file at a time, so memory stays bounded by the largest file and the tables being written; never overwrites. Every row keeps its file, line and column.

    Examples:

      claimcheck export parquet corpus --out tables

      claimcheck check tables --format jsonl      # on DuckDB
    """
    from .export import ExportError, export_parquet
    from .report.concise import finding_line

    config = _config(config_file)
    chosen = _paths(paths, config)
    if _tables_of(chosen) is not None:
        _fail(f"'{chosen[0]}' is already a table corpus")
    for path in chosen:
        real, target = Path(os.path.realpath(path)), Path(os.path.realpath(out))
        if target == real or target.is_relative_to(real):
            _fail(f"will not write tables into '{out}': it is inside the corpus being read ({path}); write them elsewhere")
    memory_limit = _memory_limit(memory_limit)
    try:
        report = export_parquet(chosen, out, config.limits, memory_limit)
    except ExportError as err:
        _fail(str(err))
    except OSError as err:
        _cannot_write(f"the tables into '{out}'", err)
    except Exception as err:
        if _is_out_of_memory(err):
            _out_of_memory(memory_limit)
        raise
    errors = [f for f in report.findings if f.severity == "error"]
    if not quiet:
        for finding in errors:
            typer.echo(finding_line(finding), err=True)
        typer.echo(report.summary(), err=True)
    if errors:
        typer.echo(f"claimcheck: the corpus has {count(len(errors), 'error')}; what they touch"
                   " is not in the tables (fix them, then export again)", err=True)
        raise typer.Exit(1)


# --- the picture of the evidence ------------------------------------------------------------


@app.command("report")
def report_command(
    paths: Optional[list[Path]] = PathsArg,
    output: Path = typer.Option(Path("claimcheck-report.html"), "--output", "-o", help="The HTML file to write (atomically); - for standard output."),
    fail_on: FailOn = typer.Option(FailOn.never, "--fail-on", help="Exit 1 when a finding or open conflict is at or above this severity.", case_sensitive=False),
    quiet: bool = QuietOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    no_assess: bool = NoAssessOpt,
    assess: AssessMethod = AssessOpt,
) -> None:
    """Write one self-contained HTML page that pictures the evidence.

    Summary counts, a card per conflict, the graph of sources and claims (stances, via chains, rules) and a timeline. Inline styles, script and SVG: it works offline and prints. Click a conflict to highlight its part of the graph.

    Examples:

      claimcheck report corpus --output report.html

      claimcheck report --fail-on error   # in CI: write the page, fail on open errors
    """
    from .report.html import render_html

    config = _with_options(_config(config_file), select, ignore, no_assess, assess, as_of)
    result = _analyze(paths, config)
    _emit(render_html(result), output)
    _summary(result, result.conflicts, quiet)
    if not quiet and not _to_stdout(output):
        typer.echo(f"Wrote {output}", err=True)
    raise typer.Exit(_exit_code(result, result.conflicts, fail_on.value))


class GraphFormat(str, Enum):
    dot = "dot"
    mermaid = "mermaid"
    json = "json"


@app.command("graph")
def graph_command(
    paths: Optional[list[Path]] = PathsArg,
    fmt: GraphFormat = typer.Option(GraphFormat.dot, "--format", "-f", help="dot for Graphviz, mermaid for Markdown, json with the layout's coordinates.", case_sensitive=False),
    output: Optional[Path] = OutputOpt,
    config_file: Optional[Path] = ConfigOpt,
    as_of=AsOfOpt,
) -> None:
    """Print the evidence graph: sources → claims by stance, via chains, rules between claims.

    Node ids are stable (source:<id>, claim:<id>); each node and edge lists the conflicts it takes part in, and the JSON carries claimcheck's layout.

    Examples:

      claimcheck graph corpus | dot -Tsvg > graph.svg

      claimcheck graph --format mermaid

      claimcheck graph --format json | jq '.nodes[] | select(.conflicts != []) | .id'
    """
    from .graph import build_graph
    from .report.graph import RENDERERS

    result = _analyze(paths, _with_options(_config(config_file), no_assess=True, as_of=as_of))
    _warn_errors(result)
    _emit(RENDERERS[fmt.value](build_graph(result)), output)


def _leave(code: int) -> None:
    """Exit without tearing the heap down: freeing a large corpus's millions of objects one
    by one takes seconds (2 s at 100k claims), and every file is written and closed by now.
    Under a profiler or debugger the normal exit stays, so they can write what they saw."""
    tabular = sys.modules.get("claimcheck.tabular")
    if tabular is not None:  # DuckDB's spill folder and any tables made from YAML go
        tabular.close_all()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away (| head), a closed stream
        pass
    os._exit(code)


def main() -> None:
    """Console entry point: a bug becomes one line and exit 2, not a traceback."""
    # a short-lived process that builds millions of acyclic objects: the cycle collector
    # would only rescan them (see analysis.analyze)
    gc.disable()
    if sys.stderr is None:  # started with standard error closed: the report still matters
        sys.stderr = open(os.devnull, "w")
    if sys.stdout is None:  # ... but a report with nowhere to go does not
        sys.stderr.write("claimcheck: standard output is closed\n")
        os._exit(2)
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show every character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            _leave(done.code or 0)
        raise
    except KeyboardInterrupt:
        sys.stderr.write("claimcheck: interrupted\n")
        sys.exit(130)
    except OSError as err:  # standard output itself failed (a full disk: > /dev/full)
        sys.stderr.write(f"claimcheck: cannot write the output: {err.strerror or err}\n")
        _leave(2)
    except Exception as err:  # noqa: BLE001 - the last line of defence
        if "--debug" in sys.argv or os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        sys.stderr.write(
            f"claimcheck: internal error: {type(err).__name__}: {err}\n"
            "This is a bug in claimcheck. Please report it with the command you ran "
            "(rerun with --debug for the traceback).\n"
        )
        sys.exit(2)
