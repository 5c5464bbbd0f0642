"""Conflict tables and `show` use the width there is: quotes fill the room, the source
column grows with the terminal, and `show` gives everything."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import write_corpus

QUOTE = ("We have reviewed the available footage, satellite imagery and audio recordings, and our assessment is "
         "that the damage pattern at the site does not match what a large guided munition would leave behind")

CORPUS = f"""
sources:
  - {{id: nsc, name: US National Security Council, reliability: C}}
  - {{id: wire, name: The Wire}}
  - {{id: paper, name: The Paper}}
claims:
  - id: strike
    text: An air strike hit the hospital
    assertions:
      - {{source: nsc, stance: denies, date: 2023-10-18, quote: "{QUOTE}"}}
      - {{source: paper, stance: affirms, date: 2023-10-17, via: [wire]}}
  - id: rocket
    text: A rocket hit the hospital
    assertions:
      - {{source: wire, stance: affirms, date: 2023-10-19}}
"""


def run(width: int, *args: str):
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": str(width), "GITHUB_ACTIONS": None})


def flat(text: str) -> str:
    """The screen's words in one line: what wraps across lines reads whole."""
    return " ".join(text.split())


def test_quotes_fill_a_wide_table(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    wide = run(200, "conflicts", str(root), "--format", "table")
    assert wide.exit_code == 0, wide.output
    assert f"“{QUOTE}”" in flat(wide.stdout)  # at 200 columns it fits in the lines a quote may take
    narrow = run(80, "conflicts", str(root), "--format", "table")
    shown = re.search(r"“([^”]*)…", flat(narrow.stdout))
    assert shown and len(shown[1]) > 80, narrow.stdout  # cut, but after the three lines it may take
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80


def test_the_source_column_grows_with_the_terminal(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    wide = run(200, "conflicts", str(root), "--format", "table")
    assert re.search(r"^US National Security Council \[C\]\s+denies", wide.stdout, re.M), wide.stdout
    narrow = run(80, "conflicts", str(root), "--format", "table")
    assert re.search(r"^US National Security\s+denies", narrow.stdout, re.M), narrow.stdout


def test_show_gives_the_whole_quote_at_any_width(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    result = run(80, "show", "contradiction:strike", str(root))
    assert result.exit_code == 0, result.output
    assert f"“{QUOTE}”" in flat(result.stdout)
    assert "…" not in result.stdout


def test_show_source_names_the_source_first_then_the_claim_and_its_via(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    result = run(100, "show", "paper", str(root))
    assert result.exit_code == 0, result.output
    assert "  The Paper affirms strike 2023-10-17 via wire" in result.stdout
    relayed = run(100, "show", "wire", str(root))
    assert "1 assertion; relayed by others 1 time" in relayed.stdout
    assert "  The Wire affirms rocket 2023-10-19" in relayed.stdout
    assert "relayed by:\n  The Paper affirms strike 2023-10-17 via wire" in relayed.stdout
    quoted = run(80, "show", "nsc", str(root))
    assert f"US National Security Council denies strike 2023-10-18 “{QUOTE}”" in flat(quoted.stdout)
