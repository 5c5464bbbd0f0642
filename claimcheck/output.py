"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, overwrite: bool = True) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it into place.

    A failure at any point leaves the old file (if any) whole. With overwrite=False an
    existing file is never replaced (FileExistsError)."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if path exists, atomically
            os.unlink(temp)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
