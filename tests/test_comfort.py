"""Everyday comfort: --verbose, the loading progress display, shell completion of ids."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimcheck import cli
from claimcheck.analysis import analyze
from claimcheck.cli import app
from claimcheck.terminal import LoadProgress

from helpers import REPO

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "CI": None}
STAGES = ["load", "validate", "engine", "lint", "assess"]


@pytest.fixture
def seed(tmp_path, monkeypatch):
    """A folder holding a copy of the seed corpus as ./corpus, made the working directory."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


# --- --verbose -------------------------------------------------------------------------


def test_analyze_times_each_stage():
    result = analyze([REPO / "corpus"])
    assert list(result.timings) == STAGES
    assert all(seconds >= 0 for seconds in result.timings.values())


@pytest.mark.parametrize("command", ["check", "conflicts"])
def test_verbose_prints_counts_and_timings_on_stderr(seed, command):
    result = run(command, "corpus", "--verbose", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("{")  # standard output holds only the report
    assert "read 6 files, 12 sources, 21 claims, 24 assertions, 4 rules, 4 conflicts" in result.stderr
    timing = next(line for line in result.stderr.splitlines() if line.startswith("time: "))
    assert [part.split()[0] for part in timing[6:].split("; ")[0].split(", ")] == STAGES
    assert "; total " in timing


def test_verbose_times_learned_trust_as_its_own_stage(seed):
    # trust is learned inside the timed analysis, not after it (where it showed as "assess 0 ms")
    result = run("check", "corpus", "--verbose", "--format", "json", "--assess", "trust", "--no-cache")
    assert result.exit_code == 0, result.output
    assert all("assessment" in c for c in json.loads(result.stdout)["conflicts"])
    timing = next(line for line in result.stderr.splitlines() if line.startswith("time: "))
    assert [part.split()[0] for part in timing[6:].split("; ")[0].split(", ")] == [*STAGES[:-1], "trust"]
    learned = analyze([REPO / "corpus"], method="trust")
    assert list(learned.timings) == [*STAGES[:-1], "trust"] and learned.trust is not None


def test_init_quiet_says_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "demo", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "demo" / "claims.yaml").exists()


def test_quiet_and_verbose_exclude_each_other(seed):
    result = run("conflicts", "corpus", "-q", "-v")
    assert result.exit_code == 2 and "exclude each other" in result.stderr


# --- progress --------------------------------------------------------------------------


def test_analyze_reports_each_file_loaded():
    calls = []
    analyze([REPO / "corpus"], progress=lambda done, total, file: calls.append((done, total, file)))
    assert [c[0] for c in calls] == list(range(1, 7)) and {c[1] for c in calls} == {6}
    assert calls[0][2].endswith("cuba-support.yaml")


def _console() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=80)


def test_progress_shows_only_once_loading_is_slow():
    quick = LoadProgress(delay=60, console=_console())
    for done in range(1, 4):
        quick(done, 3, f"corpus/{done}.yaml")
    quick.close()
    assert quick.console.file.getvalue() == ""

    slow = LoadProgress(delay=0, console=_console())
    slow(1, 3, "corpus/[1].yaml")  # a file name is never read as markup
    assert slow.progress is not None
    slow(3, 3, "corpus/3.yaml")
    assert slow.progress is None  # stopped when the last file is in
    assert "reading the corpus" in slow.console.file.getvalue()


def test_progress_only_for_a_person_at_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert isinstance(cli._progress(True), LoadProgress)
    assert cli._progress(False) is None  # a machine format
    monkeypatch.setenv("CI", "true")
    assert cli._progress(True) is None
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._progress(True) is None  # a pipe or a file


def test_progress_is_closed_when_analysis_fails(seed, monkeypatch):
    closed = []

    class Probe:
        def __call__(self, *args):
            raise RuntimeError("boom")

        def close(self):
            closed.append(True)

    with pytest.raises(RuntimeError):
        cli._run_analysis([seed / "corpus"], cli._config(None), Probe())
    assert closed == [True]


# --- shell completion ------------------------------------------------------------------


def test_show_completes_conflict_claim_and_source_ids(seed):
    offered = dict(cli._complete_ids("contradiction:"))
    assert offered["contradiction:venezuela-negotiating-with-us"] == "conflict, error, acknowledged"
    assert all(ident.startswith("contradiction:") for ident in offered)
    assert dict(cli._complete_ids("el-p")) == {"el-pais": "source: El País"}
    assert "maduro-offered-oil-to-stay" in dict(cli._complete_ids("maduro-"))


def test_completion_never_prints_or_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli._complete_ids("") == []  # no corpus here
    (tmp_path / ".claimcheck.yaml").write_text("paths: [: broken\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    assert cli._complete_ids("") == []  # a broken configuration
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_completion_through_the_shell_protocol(seed):
    env = {**os.environ, "_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "claimcheck show el-", "COMP_CWORD": "2"}
    env.pop("CI", None)
    done = subprocess.run([str(REPO / ".venv/bin/claimcheck")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.split() == ["el-nuevo-herald", "el-pais", "el-toque"]


# --- --output into something that is not a regular file ----------------------------------


def test_output_into_a_pipe_or_device_writes_into_it(tmp_path):
    """`--output /dev/null` once renamed a regular file over /dev/null (as root, for the whole
    machine): a path that is not a regular file is written into, never replaced."""
    import stat
    import threading

    from claimcheck.output import write_atomically

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    write_atomically(fifo, "report\n")
    reader.join(timeout=10)
    assert received == ["report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name != "pipe"]  # no temporary file left
