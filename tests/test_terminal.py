"""claimcheck in a real terminal: tmux runs it at 80 and 200 columns and the tests read the
screen. Tables must keep every conflict id and stance word whole (nothing cut mid-word),
and colors must appear at a terminal but not in a pipe.

Every wait is bounded; the tests poll the screen for an end marker instead of sleeping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from claimcheck.analysis import analyze

from helpers import REPO

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux): the terminal tests need it"),
]

BIN = REPO / ".venv" / "bin"
TIMEOUT = 30.0  # seconds for one command to finish on screen
ANSI = re.compile(r"\x1b\[[0-9;:]*[A-Za-z]")
STANCES = ("affirms", "denies", "doubts")
WIDTHS = (80, 200)


class Screen:
    """One tmux server of our own (its own socket), with one shell at a fixed size."""

    def __init__(self, width: int, cwd: Path, tmp: Path) -> None:
        self.socket = str(tmp / f"tmux-{uuid.uuid4().hex[:8]}")
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI", "COLUMNS", "LINES", "GITHUB_ACTIONS", "TMUX")}
        env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", TERM="xterm-256color", PS1="$ ", HISTFILE=str(tmp / "history"))
        self.env = env
        self._tmux("new-session", "-d", "-x", str(width), "-y", "50", "-c", str(cwd), "bash --norc --noprofile")

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-S", self.socket, *args], env=self.env, capture_output=True, text=True, timeout=TIMEOUT)
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def run(self, command: str) -> tuple[str, str]:
        """Type `command`, wait for it to finish; what it put on the screen, plain and with
        its colors (ANSI escapes)."""
        # markers unique to this run (a previous run's may still be on screen when we first
        # look), typed split in two, so that only the output matches them
        tag = uuid.uuid4().hex[:8]
        start, done = f"__START_{tag}__", f"__DONE_{tag}__"
        typed = (f"clear; tmux -S {self.socket} clear-history; printf '%s\\n' {start[:4]}''{start[4:]}; {command}; "
                 f"echo {done[:4]}''{done[4:]}")
        self._tmux("send-keys", "-t", "0", "-l", typed)
        self._tmux("send-keys", "-t", "0", "Enter")
        deadline = time.monotonic() + TIMEOUT
        while True:
            plain = self._capture(colors=False)
            if re.search(rf"^{done}$", plain, re.M):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"'{command}' did not finish within {TIMEOUT} s; the screen:\n{plain}")
            time.sleep(0.05)
        return _between_markers(plain, start, done), _between_markers(self._capture(colors=True), start, done)

    def _capture(self, colors: bool) -> str:
        return self._tmux("capture-pane", "-p", "-t", "0", "-S", "-", "-E", "-", *(["-e"] if colors else []))

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def _between_markers(screen: str, start_marker: str, done_marker: str) -> str:
    lines = screen.splitlines()
    start = max(i for i, line in enumerate(lines) if ANSI.sub("", line).strip() == start_marker)
    end = max(i for i, line in enumerate(lines) if ANSI.sub("", line).strip() == done_marker)
    return "\n".join(lines[start + 1:end])


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """A folder holding a copy of the seed corpus as ./corpus (no configuration above it)."""
    root = tmp_path_factory.mktemp("terminal")
    shutil.copytree(REPO / "corpus", root / "corpus")
    return root


@pytest.fixture(scope="module")
def result(seed):
    return analyze([seed / "corpus"])


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}-columns")
def screen(request, seed, tmp_path_factory):
    try:
        one = Screen(request.param, seed, tmp_path_factory.mktemp("sockets"))
    except RuntimeError as err:  # a machine without ptys or a working /dev/null
        pytest.skip(f"tmux cannot start a session here: {err}")
    yield one
    one.close()


def vocabulary(result) -> set[str]:
    corpus = result.corpus
    return {c.id for c in result.conflicts} | set(corpus.claims) | set(corpus.sources) | set(corpus.rules) | set(corpus.entities) | set(STANCES)


def fragments(text: str, words: set[str]) -> list[str]:
    """Pieces of ids or stance words on screen: a token that is not one of `words` but begins
    or ends one (`maduro-asked-us-to-negot` / `iate-exit`, `affir`), i.e. a word cut in two."""
    found = []
    for token in re.findall(r"[\w:./-]+", text):
        token = token.strip(".,;:")
        if len(token) < 4 or token in words:
            continue
        for word in words:
            if word != token and (word.startswith(token) or word.endswith(token)) and ("-" in token or ":" in token or word in STANCES):
                found.append(f"{token} (of {word})")
                break
    return found


def assert_readable(text: str, conflicts, words: set[str]) -> None:
    for conflict in conflicts:
        assert re.search(rf"(?<![\w:-]){re.escape(conflict.id)}(?![\w:-])", text), f"{conflict.id} is not whole on screen:\n{text}"
    for stance in STANCES:
        wanted = sum(1 for c in conflicts for side in c.sides for e in side.entries if e.assertion.stance == stance)
        assert len(re.findall(rf"\b{stance}\b", text)) >= wanted, f"'{stance}' is not shown whole {wanted} times:\n{text}"
    broken = fragments(text, words)
    assert not broken, f"words cut in two: {broken}\n{text}"


def test_conflicts_table_is_readable(screen, result):
    plain, colored = screen.run("claimcheck conflicts corpus")
    shown = [c for c in result.conflicts if c.status != "resolved"]
    assert shown
    assert_readable(plain, shown, vocabulary(result))
    assert ANSI.search(colored), "no colors at a terminal"
    assert "conflicts (3 open: 3 warning)" in plain  # the summary line, from standard error


@pytest.mark.parametrize("ident", ["exclusive:withdraw-or-stay", "contradiction:venezuela-negotiating-with-us"])
def test_show_is_readable(screen, result, ident):
    plain, colored = screen.run(f"claimcheck show {ident}")
    conflict = next(c for c in result.conflicts if c.id == ident)
    assert_readable(plain, [conflict], vocabulary(result))
    assert "How each assertion stands here:" in plain
    assert ANSI.search(colored)


def test_no_colors_in_a_pipe(screen, result):
    for command in ("claimcheck conflicts corpus | cat", "claimcheck conflicts corpus --format table | cat"):
        plain, colored = screen.run(command)
        assert "exclusive:withdraw-or-stay" in plain
        assert not ANSI.search(colored), f"colors in a pipe ({command}):\n{colored!r}"


def test_the_checks_catch_a_word_cut_in_two(result):
    """The screen checks themselves: a table that folds an id is caught."""
    words = vocabulary(result)
    assert fragments("maduro-asked-us-to-negot        1 independent origin\niate-exit", words)
    assert fragments("El País [F]   affir", words)
    assert not fragments("supports: el-nuevo-herald; re-grading el-nuevo-herald from F to A", words)


def test_no_colors_on_a_dumb_terminal(screen, result):
    plain, colored = screen.run("TERM=dumb claimcheck conflicts corpus")
    assert "exclusive:withdraw-or-stay" in plain
    assert not ANSI.search(colored), f"colors on a dumb terminal:\n{colored!r}"


def test_brief_is_one_aligned_line_per_conflict(screen, result):
    plain, colored = screen.run("claimcheck conflicts corpus --format brief")
    shown = [c for c in result.conflicts if c.status != "resolved"]
    lines = [line for line in plain.splitlines() if re.search(r"\s(contradiction|exclusive|value|conflicts-with):\S+$", line)]
    assert [line.split()[-1] for line in lines] == sorted((c.id for c in shown), key=lambda i: (-next(c.severity for c in shown if c.id == i), i))
    assert len({line.rindex(" ") for line in lines}) == 1  # the ids start in one column
    assert ANSI.search(colored), "no colors at a terminal"
    plain, colored = screen.run("claimcheck conflicts corpus --format brief | cat")
    assert not ANSI.search(colored), f"colors in a pipe:\n{colored!r}"


def test_matrix_keeps_claim_ids_whole(screen, result):
    plain, _ = screen.run("claimcheck matrix corpus")
    for claim in result.corpus.claims:
        assert re.search(rf"^{re.escape(claim)}\s", plain, re.M), f"{claim} is not whole on screen:\n{plain}"
    assert "…" not in plain
