"""A content-addressed cache of whole runs, so an unchanged corpus is checked at once.

The key is a hash of the tool's version, everything that shapes the output (command,
options, format, width, configuration, today's date), the stamp of claimcheck's own files
(an editable install changes code without changing its version) and every corpus file's
path and content hash. A run with the same key prints what the first run printed and exits as it
did; any edit to any file, any option or a new version of claimcheck misses. Entries live
in `.claimcheck_cache/` in the working directory (or `$CLAIMCHECK_CACHE_DIR`), are
written atomically, and only the newest `KEEP` are kept. `--no-cache` bypasses it.

An entry is one line of JSON (exit code, standard error, the size of standard output)
and then standard output's bytes as they were printed: a replay copies them out without
decoding or parsing them, which matters when a run printed hundreds of megabytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from . import __version__
from .output import write_atomically

KEEP = 32
FORMAT = 2
SUFFIX = ".run"


def cache_dir() -> Path:
    return Path(os.environ.get("CLAIMCHECK_CACHE_DIR") or ".claimcheck_cache")


def run_key(files: list[tuple[Path, str]], settings: dict, max_bytes: int) -> str | None:
    """The key of a run over these files with these settings; None when one cannot be
    hashed safely (unreadable, not a regular file, above the size limit): the run itself
    reports those, never a cache."""
    digest = hashlib.sha256()
    digest.update(f"claimcheck {__version__} cache {FORMAT}\0{_code_stamp()}\0".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for path, display in files:
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
                return None  # a pipe would block; a huge file is the loader's to refuse
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        digest.update(f"\0{display}\0{content}".encode())
    return digest.hexdigest()


def _code_stamp() -> str:
    """The size and modification time of every file of claimcheck itself: an editable
    install (a git checkout, `git pull`) changes its code without changing its version,
    and a run must not replay what older code printed. ~60 stats, well under a millisecond."""
    parts = []
    package = Path(__file__).parent
    for folder in (package, package / "engine", package / "lint", package / "report"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".py", ".so", ".pyd")):
                try:
                    status = entry.stat()
                except OSError:
                    continue
                parts.append(f"{entry.name}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def load(key: str) -> dict | None:
    """The stored run: {"stdout": bytes-like, "stderr": str, "exit": int}, or None."""
    try:
        data = (cache_dir() / f"{key}{SUFFIX}").read_bytes()
        newline = data.find(b"\n")
        entry = json.loads(data[:newline])
        stdout = memoryview(data)[newline + 1:]  # not copied: it can be hundreds of MB
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("stdout_bytes") != len(stdout):
        return None  # another format, or cut short
    return {"stdout": stdout, "stderr": entry.get("stderr", ""), "exit": entry.get("exit", 0)}


def store(key: str, stdout: bytes, stderr: str, exit_code: int) -> None:
    """Remember a run (`stdout` as printed, in bytes); a cache that cannot be written is
    silently skipped."""
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        gitignore = directory / ".gitignore"
        if not gitignore.exists():
            write_atomically(gitignore, "*\n")
        head = {"format": FORMAT, "exit": exit_code, "stderr": stderr, "stdout_bytes": len(stdout)}
        write_atomically(directory / f"{key}{SUFFIX}", json.dumps(head, ensure_ascii=True).encode() + b"\n" + stdout)
        _prune(directory)
    except OSError:
        pass


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:] + list(directory.glob("*.json")):  # and entries of format 1
        try:
            old.unlink()
        except OSError:
            pass
