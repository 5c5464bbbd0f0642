"""`conflicts --format brief`: one aligned line per conflict, for triage."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report.brief import shorten

from helpers import REPO, write_corpus

ANSI = re.compile(r"\x1b\[[0-9;]*m")

CORPUS = """
sources:
  - {id: a, name: A, reliability: A}
  - {id: b, name: B, reliability: A}
  - {id: c, name: C, reliability: E}
  - {id: d, name: D}
claims:
  - id: gaza-rocket-misfire-hit-al-ahli-hospital
    text: A misfired rocket hit the hospital
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: affirms}
  - id: israeli-strike-hit-al-ahli-hospital
    text: An air strike hit the hospital
    assertions:
      - {source: c, stance: affirms}
      - {source: d, stance: doubts}
rules:
  - {id: rocket-or-strike, kind: exclusive, claims: [gaza-rocket-misfire-hit-al-ahli-hospital, israeli-strike-hit-al-ahli-hospital], severity: warning}
resolutions:
  - {conflict: "contradiction:israeli-strike-hit-al-ahli-hospital", status: acknowledged}
"""


def run(*args: str, width: int = 80, color: bool = False):
    env = {"COLUMNS": str(width), "GITHUB_ACTIONS": None, "NO_COLOR": None if color else "1", "FORCE_COLOR": None}
    return CliRunner().invoke(app, list(args), env=env)


def _lines(stdout: str) -> list[str]:
    """The conflicts' lines, without the legend below them."""
    return stdout.splitlines()[:-1]


def test_one_aligned_line_per_conflict(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    result = run("conflicts", str(root), "--format", "brief")
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert [line.split()[-1] for line in lines] == ["contradiction:israeli-strike-hit-al-ahli-hospital", "exclusive:rocket-or-strike"]
    contradiction, exclusive = (line.split() for line in lines)
    assert contradiction[:4] == ["warning", "ack", "1:1", "opposes"]  # C (graded E) affirms, D (F) doubts
    assert exclusive[:4] == ["warning", "open", "2:1", "gaza-rocket-…"]  # origins in side order; the leaning side, cut after a part
    # every column starts at the same place on every line
    starts = [[m.start() for m in re.finditer(r"\S+", line)] for line in lines]
    assert starts[0] == starts[1], result.stdout
    assert result.stdout.splitlines()[-1] == "1:1 opposes = independent origins per side, then the side the evidence leans to"
    assert not ANSI.search(result.stdout)


def test_leaning_when_not_assessed_and_colour_only_when_asked(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    plain = run("conflicts", str(root), "--format", "brief", "--no-assess").stdout
    assert [line.split()[3] for line in _lines(plain)] == ["–", "–"]
    coloured = run("conflicts", str(root), "--format", "brief", "--color", "always", color=True).stdout
    assert ANSI.search(coloured) and ANSI.sub("", coloured) == run("conflicts", str(root), "--format", "brief").stdout


def test_a_long_id_runs_on_and_keeps_the_columns_in_line(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    lines = run("conflicts", str(root), "--format", "brief", width=40).stdout.splitlines()
    # never folded: a line per conflict (the terminal wraps what is long), then the legend
    assert lines[0].endswith("  contradiction:israeli-strike-hit-al-ahli-hospital")
    assert lines[1].endswith("  exclusive:rocket-or-strike") and lines[2].startswith("1:1 opposes = ")


def test_the_seed_corpus_fits_80_columns_and_brief_can_be_the_configured_format(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    seed = run("conflicts", "corpus", "--format", "brief").stdout.splitlines()
    assert len(seed) == 4 + 2  # the acknowledged error is shown, as in tables, and the legend (two lines at 80)
    assert all(len(line) <= 80 for line in seed), seed
    (tmp_path / ".claimcheck.yaml").write_text("format: brief\npaths: [corpus]\n", encoding="utf-8")
    write_corpus(tmp_path / "corpus", CORPUS)
    monkeypatch.chdir(tmp_path)
    assert run("conflicts").stdout.splitlines()[0].split()[:2] == ["warning", "ack"]


def test_shorten_cuts_after_a_whole_part():
    assert shorten("supports", 20) == "supports"
    assert shorten("gaza-rocket-misfire-hit-al-ahli-hospital", 20) == "gaza-rocket-…"
    assert shorten("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghi…"
