"""The fuzzing harness of `make sanitize` (fuzz/fuzz_readers.py), without the sanitizers:
its seeds pass, a short run passes, and a failing input is kept and printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

sys.path.insert(0, str(REPO / "fuzz"))
import fuzz_readers  # noqa: E402

SEEDS = sorted((REPO / "fuzz" / "seeds").glob("*.yaml"))


def test_the_seeds_are_small_hand_written_yaml():
    assert len(SEEDS) >= 8
    assert all(path.stat().st_size < 4096 for path in SEEDS)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_passes(path):
    fuzz_readers.check(path.read_bytes())


def test_most_seeds_go_through_the_fast_readers():
    """A seed the fast readers decline only tests libyaml against itself."""
    taken = [fuzz_readers.check(path.read_bytes()) for path in SEEDS]
    assert sum(taken) >= len(SEEDS) - 3


def test_a_short_run(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "fuzz" / "fuzz_readers.py"), "--seconds", "1", "--crashes", str(tmp_path),
         str(REPO / "fuzz" / "seeds"), str(REPO / "corpus")],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "no difference" in done.stdout
    assert list(tmp_path.iterdir()) == []  # nothing kept, last-input.yaml gone


def test_a_difference_keeps_and_prints_the_input(tmp_path, monkeypatch, capsys):
    def differs(data: bytes) -> bool:
        raise AssertionError("C and Python differ")

    monkeypatch.setattr(fuzz_readers, "check", differs)
    last = fuzz_readers.os.open(tmp_path / "last-input.yaml", fuzz_readers.os.O_WRONLY | fuzz_readers.os.O_CREAT)
    with pytest.raises(SystemExit) as stopped:
        fuzz_readers._run("a: |\n  x", last, tmp_path)
    fuzz_readers.os.close(last)
    assert stopped.value.code == 1
    [kept] = tmp_path.iterdir()  # the input, and not last-input.yaml, which is for a process that died
    assert kept.name.startswith("crash-") and kept.read_bytes() == b"a: |\n  x"
    printed = capsys.readouterr().err
    assert "C and Python differ" in printed and str(kept) in printed and repr("a: |\n  x") in printed


def test_make_sanitize_is_in_ci():
    assert "make sanitize" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert Path(REPO / "fuzz" / "sanitize.sh").is_file()
