"""Coverage-guided fuzzing of the loader and validation with atheris (not run in CI).

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_analyze.py -max_total_time=600 fuzz/corpus/

Any exception other than a finding is a bug: atheris stops and writes the input that
caused it (crash-*) for a regression test. Seed the corpus folder with the files of
../shared/data/yaml-test-suite and the project's corpus/ for a head start.
"""

import sys

import atheris

with atheris.instrument_imports():
    from claimcheck.engine import find_conflicts
    from claimcheck.lint import run as lint
    from claimcheck.loader import Limits, load_bytes
    from claimcheck.validate import validate

LIMITS = Limits(max_file_bytes=1 << 20, max_depth=50, max_alias_expansion=10_000, max_nodes=100_000)


def one_input(data: bytes) -> None:
    loaded = load_bytes(data, "fuzz.yaml", LIMITS)
    corpus, _ = validate([loaded])
    find_conflicts(corpus)
    lint(corpus)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
