"""The benchmark: wall time and peak memory of claimcheck on synthetic corpora, as ratios
against baselines measured in the same run on the same files.

    make bench                         # 1k and 10k claims
    .venv/bin/python bench/run.py --sizes 1000 10000 100000 --weather

Baselines: a bare load of the same files by the fastest YAML parser here (yaml-rs when
installed, else PyYAML's C loader), and yamllint on the same files (at 10k claims and
below: it is slow). Each command runs in a fresh process, so start-up counts as a user
sees it; peak memory is the child's maximum resident set size. `check` is cold
(--no-cache); `warm check` replays an unchanged run from the cache. Each command keeps
its fastest of --repeat runs, taken in turns with the baseline's (see `fastest`).
`--weather` adds the 366k real weather claims of ../shared/data, imported with
`claimcheck import csv`.

    make bench-scale                   # --scale 100000 1000000 10000000
    .venv/bin/python bench/run.py --scale 100000 1000000 --engines memory duckdb

The scale mode runs `check --format jsonl` on the same synthetic corpora generated as
tables (bench/generate.py --tables), side by side: the memory engine on the corpus as
YAML (where it fits: up to --memory-up-to claims), DuckDB on the tables (with
--memory-limit from --duckdb-limit-from claims up), and Spark local[2]. Wall time and
the peak memory of the whole process tree (Spark's JVM too), sampled from /proc; and
whether the engines' conflicts are the same, line for line.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PYTHON = sys.executable

BARE_LOAD = r"""
import sys, pathlib
try:
    import yaml_rs
    load = lambda text: yaml_rs.loads(text)
    name = "yaml-rs"
except ImportError:
    import yaml
    load = lambda text: yaml.load(text, Loader=yaml.CSafeLoader)
    name = "PyYAML C"
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    load(path.read_text(encoding="utf-8"))
print(name)
"""


WRAPPER = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "sys.stderr.write(f'\\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')"
)


def measure(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(seconds, peak MiB, parser name) of one command in a fresh process; the peak is
    that process's own, read by a small wrapper that started it."""
    start = time.perf_counter()
    done = subprocess.run([PYTHON, "-c", WRAPPER, *args], capture_output=True, text=True, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - start
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024, ""


def fastest(commands: dict[str, tuple[list[str], dict | None]], repeat: int) -> dict[str, tuple[float, float]]:
    """label -> (seconds, peak MiB) of each command's fastest run. The commands run in
    turn, `repeat` rounds of them, so that a slow spell of the machine (they last seconds
    here) falls on the baseline and the commands alike, not on one of them."""
    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for label, (command, env) in commands.items():
            seconds, memory, _ = measure(command, env)
            if label not in best or seconds < best[label][0]:
                best[label] = (seconds, memory)
    return best


def corpus(size: int) -> Path:
    path = OUT / f"corpus-{size}"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        generate(path, size)
    return path


def weather_corpus() -> Path:
    """The 366k real weather claims (../shared/data/weather), turned into a corpus by
    `claimcheck import csv` once and kept in bench/out."""
    path = OUT / "corpus-weather"
    if not path.exists():
        data = HERE.parent.parent / "shared" / "data" / "weather"
        files = sorted(data.glob("*.csv.gz"))
        if not files:
            sys.exit(f"no weather data in {data}")
        columns = ["--object", "ObjectID", "--property", "PropertyID", "--value", "PropertyValue",
                   "--source", "SourceID", "--date", "TimeStamp"]
        subprocess.run([PYTHON, "-m", "claimcheck", "import", "csv", *map(str, files), *columns,
                        "--out", str(path)], check=True, stdout=subprocess.DEVNULL)
    return path


# --- the scale mode -----------------------------------------------------------------------


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, ()))
    return total


def stop_tree(pid: int) -> None:
    """Kill a process and its descendants (ours: the command the bench started)."""
    import signal

    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    stack, tree = [pid], []
    while stack:
        current = stack.pop()
        tree.append(current)
        stack.extend(children.get(current, ()))
    for member in reversed(tree):
        try:
            os.kill(member, signal.SIGKILL)
        except OSError:
            pass


def measure_tree(args: list[str], output: Path, timeout: float, most: float = 10.5 * 2**30) -> tuple[float | None, float, int]:
    """(seconds or None on timeout, peak MiB of the process tree, exit code) of a command
    whose standard output goes to `output`. A run whose tree passes `most` bytes is
    stopped (this machine is shared): its seconds are then None too."""
    import threading

    start = time.perf_counter()
    with open(output, "wb") as out:
        child = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(child.pid))
                if peak[0] > most:
                    stop_tree(child.pid)
                    return
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            _, err = child.communicate(timeout=timeout)
            seconds = time.perf_counter() - start
            if peak[0] > most:
                seconds = None
        except subprocess.TimeoutExpired:
            stop_tree(child.pid)
            child.communicate()
            seconds = None
            err = b""
        done.set()
        sampler.join()
    if child.returncode not in (0, 1) and seconds is not None:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return seconds, peak[0] / 2**20, child.returncode


def conflict_lines(path: Path) -> list[bytes]:
    with open(path, "rb") as handle:
        return [line for line in handle if line.startswith(b'{"type": "conflict"')]


def scale(args) -> None:
    """The scale mode: every size, every engine, one table."""
    sys.path.insert(0, str(HERE))
    from generate import generate, generate_tables

    claimcheck = [PYTHON, "-m", "claimcheck", "check"]
    for size in args.scale:
        yaml = OUT / f"corpus-{size}"
        tables = OUT / f"tables-{size}"
        if not tables.exists():
            started = time.perf_counter()
            generate_tables(tables, size, named=f"{yaml.relative_to(Path.cwd()) if yaml.is_relative_to(Path.cwd()) else yaml}/")
            print(json.dumps({"claims": size, "generated tables s": round(time.perf_counter() - started, 1)}), flush=True)
        runs = {}
        if "memory" in args.engines and size <= args.memory_up_to:
            if not yaml.exists():
                generate(yaml, size)
            runs["memory"] = [*claimcheck, str(yaml.relative_to(Path.cwd()) if yaml.is_relative_to(Path.cwd()) else yaml),
                              "--format", "jsonl", "--no-cache"]
        if "duckdb" in args.engines:
            runs["duckdb"] = [*claimcheck, str(tables), "--format", "jsonl"]
            if size >= args.duckdb_limit_from:
                runs["duckdb"] += ["--memory-limit", args.memory_limit]
        if "spark" in args.engines and size <= args.spark_up_to:
            runs["spark"] = [*claimcheck, str(tables), "--format", "jsonl", "--engine", "spark", "--spark-master", "local[2]",
                             "--spark-conf", f"spark.driver.memory={args.spark_memory}"]
        rows = {}
        for _ in range(args.repeat):  # in turns, the fastest of each kept (as `fastest` does)
            for engine, command in runs.items():
                output = OUT / f"scale-{size}-{engine}.jsonl"
                seconds, peak, code = measure_tree(command, output, args.timeout)
                row = {"claims": size, "engine": engine, "s": None if seconds is None else round(seconds, 1),
                       "peak MiB": round(peak), "exit": code,
                       "limit": args.memory_limit if "--memory-limit" in command else None}
                print(json.dumps(row), flush=True)
                best = rows.get(engine)
                if best is None or (row["s"] is not None and (best["s"] is None or row["s"] < best["s"])):
                    rows[engine] = row
                if seconds is None:  # past the timeout: not again
                    runs = {e: c for e, c in runs.items() if e != engine}
                    break
        print(json.dumps({"claims": size, "best": rows}), flush=True)
        answers = {engine: conflict_lines(OUT / f"scale-{size}-{engine}.jsonl") for engine, row in rows.items() if row["s"] is not None}
        if len(answers) > 1:
            first, *others = answers
            same = {engine: answers[engine] == answers[first] for engine in others}
            print(json.dumps({"claims": size, "conflicts": len(answers[first]), f"same as {first}": same}), flush=True)
        if "memory" in rows and "duckdb" in rows and rows["memory"]["s"] and rows["duckdb"]["s"]:
            print(json.dumps({"claims": size, "duckdb time × memory": round(rows["duckdb"]["s"] / rows["memory"]["s"], 3),
                              "duckdb peak × memory": round(rows["duckdb"]["peak MiB"] / rows["memory"]["peak MiB"], 3)}), flush=True)
        for engine, row in rows.items():
            scale.seen.setdefault(engine, {})[size] = row
    for engine, by_size in scale.seen.items():
        sizes = sorted(by_size)
        for smaller, larger in zip(sizes, sizes[1:]):
            a, b = by_size[smaller]["s"], by_size[larger]["s"]
            if a and b:
                print(json.dumps({"engine": engine, "growth": f"{larger}/{smaller} claims", "time ×": round(b / a, 1)}), flush=True)


scale.seen = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--weather", action="store_true", help="also the 366k real weather claims")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--scale", type=int, nargs="+", help="the scale mode, at these numbers of claims")
    parser.add_argument("--engines", nargs="+", default=["memory", "duckdb", "spark"])
    parser.add_argument("--memory-up-to", type=int, default=1_000_000, help="the largest corpus the memory engine reads (YAML)")
    parser.add_argument("--spark-up-to", type=int, default=10_000_000)
    parser.add_argument("--duckdb-limit-from", type=int, default=10_000_000)
    parser.add_argument("--memory-limit", default="8GB", help="DuckDB's --memory-limit from --duckdb-limit-from claims")
    parser.add_argument("--spark-memory", default="6g", help="spark.driver.memory (the JVM then peaks near 7.5 GB)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds a run may take")
    args = parser.parse_args()
    if args.scale:
        compileall.compile_dir(HERE.parent / "claimcheck", quiet=1)
        scale(args)
        return
    # measured as installed: with PYTHONDONTWRITEBYTECODE set, an editable install would
    # compile its modules again in every run (pip compiles an installed package's)
    compileall.compile_dir(HERE.parent / "claimcheck", quiet=1)
    claimcheck = [PYTHON, "-m", "claimcheck"]
    rows = []
    corpora = [(size, corpus(size)) for size in args.sizes]
    if args.weather:
        corpora.append(("weather", weather_corpus()))
    for size, path in corpora:
        megabytes = sum(p.stat().st_size for p in path.rglob("*.yaml")) / 2**20
        parser_name = subprocess.run([PYTHON, "-c", BARE_LOAD, str(path)], capture_output=True, text=True).stdout.strip()
        cache = {"CLAIMCHECK_CACHE_DIR": str(OUT / f"cache-{size}")}
        shutil.rmtree(cache["CLAIMCHECK_CACHE_DIR"], ignore_errors=True)
        check = [*claimcheck, "check", str(path), "--format", "json"]
        measure(check, cache)  # fills the cache for the warm runs
        commands = {
            "bare load": ([PYTHON, "-c", BARE_LOAD, str(path)], None),
            "check": ([*check, "--no-cache"], None),
            "conflicts": ([*claimcheck, "conflicts", str(path), "--format", "json"], None),
            "warm check": (check, cache),
        }
        best = fastest(commands, args.repeat)
        bare = best["bare load"][0]
        row = {"claims": size, "MB": round(megabytes, 1), "parser": parser_name, "bare load s": round(bare, 2)}
        for label in ("check", "conflicts", "warm check"):
            seconds, memory = best[label]
            row[f"{label} s"] = round(seconds, 2)
            row[f"{label} ×bare"] = round(seconds / bare, 2)
            row[f"{label} MiB"] = round(memory)
        yamllint = shutil.which("yamllint", path=str(Path(PYTHON).parent)) or shutil.which("yamllint")
        if size != "weather" and size <= 10000 and yamllint:
            seconds, _, _ = measure([yamllint, "-d", "relaxed", str(path)])
            row["yamllint s"] = round(seconds, 2)
            row["check ×yamllint"] = round(row["check s"] / seconds, 2)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    best = fastest({
        "imports": ([PYTHON, "-c", "import typer, rich.console, yaml"], None),
        "seed": ([*claimcheck, "check", str(HERE.parent / "corpus"), "--format", "json", "--no-cache"], None),
    }, max(args.repeat, 3))
    startup, small = best["imports"][0], best["seed"][0]
    print(json.dumps({"seed corpus check s": round(small, 2), "import typer+rich+yaml s": round(startup, 2),
                      "×imports": round(small / startup, 1)}, ensure_ascii=False))
    sized = [row for row in rows if row["claims"] != "weather"]
    for smaller, larger in zip(sized, sized[1:]):
        growth = larger["check s"] / smaller["check s"]
        print(json.dumps({"growth": f"{larger['claims']}/{smaller['claims']} claims", "check time ×": round(growth, 1)},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
