"""Never an exception, never a lost file: properties over arbitrary input, atomic writes,
and the last line of defence for bugs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.engine import find_conflicts
from claimcheck.loader import Limits, load_bytes, load_text
from claimcheck.output import write_atomically
from claimcheck.validate import validate

from helpers import REPO

LIMITS = Limits(max_file_bytes=1 << 20, max_depth=40, max_alias_expansion=5_000, max_nodes=50_000)

# YAML-like text: fragments of the corpus format glued at random
FRAGMENTS = st.sampled_from([
    "sources:", "claims:", "rules:", "entities:", "predicates:", "resolutions:", "\n", "  ", "- ", "id: ",
    "a", "b", "x1", "name: N", "text: t", "stance: affirms", "stance: denies", "source: a", "assertions:",
    "[", "]", "{", "}", ",", ": ", "&x ", "*x", "!!python/object ", "'", '"', "#", "---\n", "period: {start: 2025}",
    "value: 1.5", "kind: implies", "if: a", "then: [b]", "kind: exclusive", "claims: [a, b]", "\t", "? ", "|\n", "2025-13-45",
])


def _analyze_text(text: str) -> None:
    loaded = load_text(text, "fuzz.yaml", LIMITS)
    corpus, _ = validate([loaded])
    find_conflicts(corpus)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_findings_or_a_corpus(data):
    loaded = load_bytes(data, "fuzz.yaml", LIMITS)
    corpus, _ = validate([loaded])
    find_conflicts(corpus)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=60).map("".join))
def test_any_yaml_like_text_gives_findings_or_a_corpus(text):
    _analyze_text(text)


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_findings_or_a_corpus(text):
    _analyze_text(text)


def test_atomic_write_failure_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text("old and whole")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, "new" * 1000)
    assert target.read_text() == "old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temp file left


def test_atomic_write_never_overwrites_when_told_not_to(tmp_path):
    target = tmp_path / "sources.yaml"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        write_atomically(target, "theirs", overwrite=False)
    assert target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["sources.yaml"]


def test_no_command_changes_a_corpus_file(tmp_path, monkeypatch):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    monkeypatch.chdir(tmp_path)

    def digest():
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(corpus.iterdir())}

    before = digest()
    runner = CliRunner()
    commands = [
        ["check"], ["check", "-f", "json"], ["check", "-f", "sarif"], ["conflicts"], ["conflicts", "--all", "-f", "markdown"],
        ["show", "contradiction:maduro-met-cuban-advisers"], ["sources"], ["claims"], ["timeline"], ["matrix"],
        ["check", "--write-baseline", str(tmp_path / "b.json")], ["check", "--baseline", str(tmp_path / "b.json")],
        ["init", str(corpus)],  # refuses: the folder holds files of other names, but must not touch them
    ]
    for args in commands:
        result = runner.invoke(app, args, env={"NO_COLOR": "1", "GITHUB_ACTIONS": None})
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert digest() == before, args


def test_an_internal_error_is_one_line_and_exit_2(tmp_path):
    """A bug (simulated by breaking the engine) prints what failed and how to report it."""
    script = (
        "import claimcheck.engine as e\n"
        "def broken(*args, **kwargs): raise ZeroDivisionError('simulated')\n"
        "e.find_conflicts = broken\n"
        "import claimcheck.analysis as a; a.find_conflicts = broken\n"
        "import sys; sys.argv = ['claimcheck', 'check', '--no-cache', sys.argv[1]]\n"
        "from claimcheck.cli import main; main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(REPO / "corpus")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "internal error: ZeroDivisionError: simulated" in done.stderr
    assert "--debug" in done.stderr
    debug = subprocess.run([sys.executable, "-c", script.replace("'check', '--no-cache'", "'--debug', 'check', '--no-cache'"),
                            str(REPO / "corpus")], capture_output=True, text=True, timeout=60)
    assert "Traceback" in debug.stderr


def test_written_files_get_ordinary_permissions(tmp_path):
    fresh = tmp_path / "report.html"
    write_atomically(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "baseline.json"
    kept.write_text("old")
    kept.chmod(0o640)
    write_atomically(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_the_quick_exit_gives_way_to_a_profiler(tmp_path):
    """claimcheck leaves without freeing its heap, except under a profiler, which must
    still write what it measured."""
    from helpers import REPO

    profile = tmp_path / "run.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "claimcheck", "check", str(REPO / "corpus"), "--no-cache"],
        capture_output=True, text=True, env={**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0
