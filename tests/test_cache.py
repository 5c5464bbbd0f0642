"""The cache of unchanged runs: a replay is byte-identical; any change misses."""

from __future__ import annotations

import os

from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import write_corpus

CORPUS = """
sources: [{id: a, name: El País}, {id: b, name: B}]
claims:
  - {id: x, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}
"""


def run(*args):
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "GITHUB_ACTIONS": None})


def entries():
    return sorted(p.name for p in __import__("pathlib").Path(os.environ["CLAIMCHECK_CACHE_DIR"]).glob("*.run"))


def test_a_replay_is_identical_and_any_change_misses(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    first = run("check", str(root), "--format", "json")
    assert first.exit_code == 1 and len(entries()) == 1
    again = run("check", str(root), "--format", "json")
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert len(entries()) == 1  # replayed, not stored again

    run("check", str(root), "--format", "concise")  # another format: another entry
    assert len(entries()) == 2
    (root / "corpus.yaml").write_text(CORPUS.replace("denies", "affirms"))
    edited = run("check", str(root), "--format", "json")
    assert edited.exit_code == 0 and len(entries()) == 3  # the edit missed the cache


def test_no_cache_neither_reads_nor_writes(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    assert run("check", str(root), "--no-cache").exit_code == 1
    assert entries() == []


def test_runs_that_write_files_are_never_replayed(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    target = tmp_path / "out.json"
    run("check", str(root), "--format", "json", "--output", str(target))
    assert target.exists() and entries() == []


def test_an_entry_cut_short_is_not_replayed(tmp_path):
    from pathlib import Path

    root = write_corpus(tmp_path / "c", CORPUS)
    first = run("check", str(root), "--format", "json")
    [name] = entries()
    entry = Path(os.environ["CLAIMCHECK_CACHE_DIR"]) / name
    entry.write_bytes(entry.read_bytes()[:-10])  # a disk that filled up, say
    again = run("check", str(root), "--format", "json")
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert entry.read_bytes().endswith(first.stdout.encode())  # stored whole again


def test_a_change_to_claimcheck_itself_misses(tmp_path, monkeypatch):
    """An editable install changes its code without changing its version (a `git pull`):
    the key follows claimcheck's own files, so older code's output is never replayed."""
    from claimcheck import cache

    package = tmp_path / "claimcheck"
    (package / "engine").mkdir(parents=True)
    (package / "cache.py").write_text("# cache\n")
    (package / "engine" / "value.py").write_text("# value\n")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    before = cache.run_key([], {}, 1 << 20)
    assert cache.run_key([], {}, 1 << 20) == before
    (package / "engine" / "value.py").write_text("# value, fixed\n")
    assert cache.run_key([], {}, 1 << 20) != before
