"""`claimcheck import csv` and `--assess trust` from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimcheck.cli import app

ENV = {"NO_COLOR": "1", "COLUMNS": "120", "GITHUB_ACTIONS": None}

CSV = """city,property,value,editor,when
Caracas,population,2100000,alice,2020-01-05
Caracas,population,2100000,bob,2020-02-01
Caracas,population,3500000,mallory,2020-03-01
Havana,population,2100000,alice,2021
Havana,population,,bob,2021
"""


def run(*args):
    return CliRunner().invoke(app, list(args), env=ENV)


def test_import_csv_then_conflicts_with_learned_trust(tmp_path):
    source = tmp_path / "claims.csv"
    source.write_text(CSV)
    out = tmp_path / "imported"
    args = ["import", "csv", str(source), "--object", "city", "--property", "property", "--value", "value",
            "--source", "editor", "--date", "when", "--out", str(out)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "row 5" in result.stderr and "skipped" in result.stderr  # the empty value
    assert "5 rows → 4 assertions" in result.stderr
    again = run(*args)
    assert again.exit_code == 2 and "not empty" in again.stderr  # never overwrites

    doc = json.loads(run("conflicts", str(out), "--format", "json", "--assess", "trust").stdout)
    [conflict] = doc["conflicts"]
    assert conflict["kind"] == "value"
    assert conflict["assessment"]["method"] == "trust"
    assert conflict["assessment"]["value"] == "2100000" == conflict["assessment"]["leaning"]
    sources = json.loads(run("sources", str(out), "--format", "json", "--assess", "trust").stdout)["rows"]
    trust = {row["name"]: row["trust"] for row in sources}
    assert trust["alice"] > trust["mallory"]


def test_import_csv_unknown_column_exits_2(tmp_path):
    source = tmp_path / "claims.csv"
    source.write_text(CSV)
    result = run("import", "csv", str(source), "--object", "town", "--property", "property", "--value", "value",
                 "--source", "editor", "--out", str(tmp_path / "x"))
    assert result.exit_code == 2 and "town" in result.stderr
