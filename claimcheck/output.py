"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str | bytes, overwrite: bool = True) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it into place.

    A failure at any point leaves the old file (if any) whole. With overwrite=False an
    existing file is never replaced (FileExistsError). A path that exists but is not a
    regular file (/dev/null, a named pipe, /dev/stdout) is written into: renaming over it
    would replace the device itself, which as root breaks /dev/null for the whole machine."""
    path = Path(path)
    if path.is_symlink():  # update what the link points to, not the link itself
        path = Path(os.path.realpath(path))
    if overwrite and path.exists() and not path.is_file():
        with _open(path, text) as handle:
            handle.write(text)
        return
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode the file has, or the
        # one a plain open() would (0666 less the umask), so a shared report stays readable
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        with _open(fd, text) as handle:
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


def _open(file, content: str | bytes):
    """A handle to write `content` to: bytes as they are, text as UTF-8 with no newline
    translation."""
    if isinstance(content, bytes):
        return open(file, "wb")
    return open(file, "w", encoding="utf-8", newline="")
