"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str | bytes, overwrite: bool = True) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it into place.

    A failure at any point leaves the old file (if any) whole. With overwrite=False an
    existing file is never replaced (FileExistsError). The rules (links, devices, modes)
    are `AtomicWriter`'s."""
    with AtomicWriter(path, binary=isinstance(text, bytes), overwrite=overwrite) as out:
        out.write(text)


class AtomicWriter:
    """A file written piece by piece (a streamed report) that appears whole or not at all.

    Its pieces go to a temporary file beside `path`, moved into place by `commit`;
    `abandon` (or leaving a `with` block by an exception) removes it and leaves the old
    file whole. A symbolic link is written through: what it points to is updated, the
    link stays. A path that exists but is not a regular file (/dev/null, a named pipe,
    /dev/stdout) is written into: renaming over it would replace the device itself,
    which as root breaks /dev/null for the whole machine."""

    def __init__(self, path: Path, binary: bool = True, overwrite: bool = True) -> None:
        path = Path(path)
        if path.is_symlink():  # update what the link points to, not the link itself
            path = Path(os.path.realpath(path))
        self.path, self.overwrite, self.temp = path, overwrite, None
        if overwrite and path.exists() and not path.is_file():
            self.handle = _open(path, binary)
            return
        directory = path.parent if str(path.parent) else Path(".")
        fd, self.temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        self.handle = _open(fd, binary)
        try:
            # mkstemp makes the file private (0600); give it the mode the file has, or the
            # one a plain open() would (0666 less the umask), so a shared report stays readable
            try:
                mode = path.stat().st_mode & 0o7777
            except OSError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self.temp, mode)
        except BaseException:
            self.abandon()
            raise

    def write(self, data: str | bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        """Put the whole file in place (a device or pipe: flush what was written)."""
        try:
            if self.temp is None:
                self.handle.close()
                return
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            if self.overwrite:
                os.replace(self.temp, self.path)
            else:
                os.link(self.temp, self.path)  # fails if the path exists, atomically
                os.unlink(self.temp)
            self.temp = None
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        """Leave the target as it was: the temporary file goes."""
        try:
            self.handle.close()
        except OSError:
            pass
        self._remove_temp()

    def _remove_temp(self) -> None:
        if self.temp is not None:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
            self.temp = None

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.commit()
        else:
            self.abandon()


def _open(file, binary: bool):
    """A handle to write to: bytes as they are, or text as UTF-8 with no newline
    translation."""
    if binary:
        return open(file, "wb")
    return open(file, "w", encoding="utf-8", newline="")
