"""Configuration discovery and errors ([tool.claimcheck] or .claimcheck.yaml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import ConfigError, find_config, load_config

from helpers import write_corpus


def test_found_upward_and_stops_at_repository_root(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["data"]\nfail-on = "warning"\n')
    deep = repo / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (repo / "pyproject.toml").resolve()
    (tmp_path / ".claimcheck.yaml").write_text("format: json\n")  # above the repository root
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.claimcheck]
    assert find_config(deep) is None


def test_yaml_file_wins_in_its_folder_and_paths_are_relative_to_it(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".claimcheck.yaml").write_text("paths: [stories]\nselect: [W1]\nlimits: {max-depth: 50}\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    config = load_config()
    assert config.paths == [Path("../stories")]
    assert config.select == ["W1"] and config.limits.max_depth == 50
    (tmp_path / ".claimcheck.yaml").write_text("limits: {max-depth: 1000}\n")  # the most it may be
    assert load_config().limits.max_depth == 1000


@pytest.mark.parametrize(
    "text, words",
    [
        ("fail-on: eror\n", ["fail-on", "did you mean 'error'"]),
        ("formt: json\n", ["unknown key 'formt'", "did you mean 'format'"]),
        ("limits: {max-depht: 3}\n", ["limits.max-depht", "did you mean 'max-depth'"]),
        ("limits: {max-depth: -1}\n", ["limits.max-depth", "positive"]),
        ("limits: {max-depth: 1001}\n", ["limits.max-depth", "at most 1000"]),
        ("limits: {max-depth: 3000000000}\n", ["limits.max-depth", "at most 1000"]),
        ("paths: [unclosed\n", ["not valid YAML"]),
        ("- a list\n", ["expected a mapping"]),
        ("fail-on: info\nformat: json\nfail-on: error\n", [":3:1:", "'fail-on' is set twice (first at line 1)"]),
        ("assess:\n  reliability: {A: 1, A: 2}\n", [":2:23:", "'A' is set twice"]),
    ],
)
def test_broken_configuration_names_file_and_key(tmp_path, text, words):
    path = tmp_path / ".claimcheck.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_a_broken_pyproject_meant_for_claimcheck_exits_2(tmp_path, monkeypatch):
    """A pyproject.toml that does not parse is another tool's business, unless it means to
    hold [tool.claimcheck]: then ignoring it would run with settings the user did not ask for."""
    (tmp_path / ".git").mkdir()
    write_corpus(tmp_path / "corpus", "sources: [{id: a, name: A}]\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.black\nx = 1\n")
    assert CliRunner().invoke(app, ["check"]).exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck\nfail-on = 'info'\n")
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_cli_uses_configuration_and_exits_2_when_broken(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write_corpus(tmp_path / "stories", """
        sources: [{id: a, name: A}, {id: b, name: B}]
        claims:
          - {id: x, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: doubts}]}
    """)
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["stories"]\nfail-on = "warning"\nformat = "json"\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["check"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1  # the warning fails the run because of fail-on = warning
    assert json.loads(result.stdout)["conflicts"][0]["id"] == "contradiction:x"
    assert runner.invoke(app, ["check", "--fail-on", "error"]).exit_code == 0  # the option wins
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nfail-on = "sometimes"\n')
    broken = runner.invoke(app, ["check"])
    assert broken.exit_code == 2
    assert "pyproject.toml" in broken.stderr and "fail-on" in broken.stderr
    missing = runner.invoke(app, ["check", "--config", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("t.toml", 'tool = "x"\n', ["'tool' must be a table"]),
        ("t.toml", 'fail-on = "info"\n', ["no [tool.claimcheck] table"]),
        ("pyproject.toml", "[tool.black]\nline-length = 100\n", ["no [tool.claimcheck] table"]),
    ],
)
def test_a_named_toml_file_without_our_table_is_an_error_not_ignored(tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    for word in words:
        assert word in str(info.value)


def test_a_configuration_name_too_long_to_open(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / ("a" * 5000))
    assert "cannot read it (File name too long)" in str(info.value)
