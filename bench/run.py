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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--weather", action="store_true", help="also the 366k real weather claims")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
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
