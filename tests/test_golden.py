"""Golden files: every output format of `claimcheck check corpus` on the seed corpus.

The files in tests/golden/ are reviewed like code. After an intended change of output,
regenerate them with `pytest tests/test_golden.py --update-golden` and read the diff.
"""

from __future__ import annotations

import difflib

import pytest
from typer.testing import CliRunner

from claimcheck.cli import Format, app

from helpers import REPO

GOLDEN = REPO / "tests" / "golden"
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "FORCE_COLOR": None}


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_seed_corpus_output_matches_golden_file(fmt, monkeypatch, update_golden):
    monkeypatch.chdir(REPO)  # the relative path `corpus` keeps the files' names stable
    out = CliRunner().invoke(app, ["check", "corpus", "--format", fmt], env=ENV)
    assert out.exit_code in (0, 1), out.output
    golden = GOLDEN / f"seed.{fmt}"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(out.stdout, encoding="utf-8", newline="")
        return
    assert golden.exists(), f"no golden file {golden.name}: run pytest {__file__} --update-golden"
    expected = golden.read_text(encoding="utf-8")
    if out.stdout != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), out.stdout.splitlines(keepends=True),
            f"golden/{golden.name}", "output",
        ))
        pytest.fail(f"output differs from golden/{golden.name} (if intended: pytest --update-golden)\n{diff}")


def test_every_golden_file_belongs_to_a_format():
    known = {f"seed.{f.value}" for f in Format}
    assert {p.name for p in GOLDEN.iterdir()} <= known
