"""Safe YAML reading with positions: bytes in, a tree of positioned nodes and findings out.

Plain block YAML (most corpus files) is read by `blockyaml`; anything else by
`eventyaml`, from libyaml's event stream with an explicit stack, so no tag ever
constructs an object, deep nesting never recurses, and aliases are shared nodes whose
expanded size is counted (a "billion laughs" file ends in a finding, not a hang).
Scalars are typed by the YAML 1.2 core schema plus dates, never by YAML 1.1 rules
(`yes`, `on`, `1:30` stay text). Errors are values: every problem becomes a `Finding`
at its line and column, and one bad file never stops the others.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .blockyaml import read as read_plain_block
from .findings import Finding
from .nodes import Limits, Mapping, Node, Scalar, Sequence, resolve_plain, text_place, type_word  # noqa: F401 - the loader's API

@dataclass(slots=True)
class LoadedFile:
    """One corpus file: its display path, its root node (None when unreadable), findings."""

    path: str
    root: Node | None
    findings: list[Finding] = field(default_factory=list)


# --- reading a file ----------------------------------------------------------------------

#: a line of white space that holds a tab (blank in YAML 1.2; libyaml reads indentation)
_TAB_ONLY_LINE = re.compile(r"^[ ]*\t[ \t]*$", re.M)


def decode(data: bytes | bytearray, path: str, end: int | None = None) -> tuple[str | None, Finding | None]:
    """Bytes (the first `end` of them) to text, or a finding saying why the file is not
    UTF-8 YAML."""
    end = len(data) if end is None else end
    if data.startswith((b"\xff\xfe", b"\xfe\xff"), 0, end):
        width = "32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), 0, end) else "16"
        return None, Finding("L002", f"the file is UTF-{width} encoded; save it as UTF-8", path, 1, 1)
    nul = data.find(b"\x00", 0, end)
    if nul >= 0:
        line, column = _place(data, nul)
        return None, Finding(
            "L002", "the file holds a NUL byte: it is binary or UTF-16/32, not UTF-8 text", path, line, column
        )
    view = memoryview(data)
    try:
        text = str(view[:end], "utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = _place(data, err.start)
        byte = data[err.start]
        return None, Finding(
            "L002",
            f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
            path,
            line,
            column,
        )
    finally:
        view.release()
    return text, None


def _place(data: bytes, offset: int) -> tuple[int, int]:
    head = data[:offset].decode("utf-8", errors="replace").removeprefix("\ufeff")
    return text_place(head, len(head))


def load_file(path: Path, display: str, limits: Limits = Limits(), buffer: bytearray | None = None) -> LoadedFile:
    """Read one file into positioned nodes. Never raises for bad content. `buffer`: where
    a caller reads many files, one bytearray to read each into, grown as needed (reading
    into new memory for every file costs a page fault for every 4 KiB of it)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or device would block or never end
            return LoadedFile(display, None, [Finding("L001", "not a regular file (a pipe, device or socket); not read", display, 1, 1)])
        size = status.st_size
        if size > limits.max_file_bytes:
            return LoadedFile(
                display,
                None,
                [Finding("L001", f"the file is above the limit of {limits.max_file_bytes} bytes ({size} bytes)", display, 1, 1)],
            )
        buffer = bytearray() if buffer is None else buffer
        if len(buffer) <= size:  # room for the file and a byte more: it may have grown since
            buffer.extend(bytes(size + 1 - len(buffer)))
        with path.open("rb", buffering=0) as handle:
            read = _read_into(handle, buffer)
            if read == len(buffer):  # it grew since: read on, bounded
                data = bytes(buffer) + handle.read(limits.max_file_bytes + 1 - read)
                buffer, read = data, len(data)
        if read > limits.max_file_bytes:
            return LoadedFile(
                display,
                None,
                [Finding("L001", f"the file is above the limit of {limits.max_file_bytes} bytes", display, 1, 1)],
            )
    except OSError as err:
        return LoadedFile(display, None, [Finding("L001", f"cannot read the file: {err.strerror or err}", display, 1, 1)])
    return load_bytes(buffer, display, limits, read)


def _read_into(handle, buffer: bytearray) -> int:
    """Bytes read into `buffer` from its start, until the file ends or the buffer is full."""
    read = 0
    with memoryview(buffer) as view:
        while read < len(buffer):
            got = handle.readinto(view[read:])
            if not got:
                break
            read += got
    return read


def load_bytes(data: bytes | bytearray, display: str, limits: Limits = Limits(), end: int | None = None) -> LoadedFile:
    """Read a file's bytes (the first `end` of them) into positioned nodes."""
    text, problem = decode(data, display, end)
    if problem is not None:
        return LoadedFile(display, None, [problem])
    return load_text(text, display, limits)


def load_text(text: str, display: str, limits: Limits = Limits()) -> LoadedFile:
    root = read_plain_block(text, limits)  # the fast path; None when it is not sure
    if root is not None:
        return LoadedFile(display, root, [])
    # the rest of YAML; libyaml is imported only when a file needs it (start-up)
    from .eventyaml import read_events

    root, findings = read_events(text, display, limits)
    if any(f.code == "L003" for f in findings) and _TAB_ONLY_LINE.search(text):
        # YAML 1.2 allows a line of nothing but tabs and spaces anywhere (editors leave
        # them); libyaml takes such a tab for indentation. Blanked, the file may read.
        again, problems = read_events(_TAB_ONLY_LINE.sub("", text), display, limits)
        if not any(f.code == "L003" for f in problems):
            return LoadedFile(display, again, problems)
    return LoadedFile(display, root, findings)


# --- finding the files -------------------------------------------------------------------


def is_corpus_file(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Every corpus file below the given paths as (path, display path), sorted, and findings.

    Display paths are relative to the working directory: a relative path stays as given,
    an absolute one inside the working directory is shown relative to it (as ruff does),
    one outside it stays absolute. A file reached twice is read once: under its own name
    when a link beside it leads to it too (`link.yaml -> a.yaml`, a linked folder), else
    under the first PATH that reaches it (`c` and `../here/c`). Symbolic links are
    followed only while they stay inside the directory given; links that lead outside it
    or loop are reported, not followed.
    """
    found: dict[str, Path] = {}
    findings: list[Finding] = []
    reals: set[Path] = set()  # the files and folders already found, resolved
    here = None
    for given in paths:
        if given.is_absolute():
            here = here or Path(os.getcwd())
            if given.is_relative_to(here):
                given = given.relative_to(here)
        if given.is_dir():
            _walk(given, given.resolve(), reals, found, findings)
            continue
        try:
            real = given.resolve()
        except (OSError, RuntimeError):
            real = given
        if real not in reals:
            reals.add(real)
            found.setdefault(_display(given), given)
    ordered = sorted(found.items())
    return [(path, display) for display, path in ordered], findings


def _display(path: Path) -> str:
    """The path as findings and reports name it. A name that is not valid UTF-8 (Python
    holds its bytes as lone surrogates, which no output can encode) shows those bytes
    as escapes: `x\\xff.yaml`."""
    shown = path.as_posix()
    if shown.isascii():
        return shown
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _walk(directory: Path, root: Path, reals: set[Path], found: dict[str, Path], findings: list[Finding]) -> None:
    # The tree itself is walked before any link in it is followed, so that a file a link
    # leads to is read under its own name; `reals` then keeps the link from reading it again.
    # An explicit stack: a corpus may nest folders deeply.
    stack = [directory]
    links: list[tuple[Path, Path]] = []  # (link, target) of the links that stay inside
    while stack or links:
        if stack:
            current = stack.pop()
            try:
                real = current.resolve()
            except (OSError, RuntimeError):
                findings.append(Finding("L009", "a symbolic link loops; not followed", _display(current), 1, 1))
                continue
        else:
            current, real = links.pop()
            if not real.is_dir():
                if real not in reals and is_corpus_file(current.name):
                    reals.add(real)
                    found[_display(current)] = current
                continue
        if real in reals:  # a folder read already, under another name
            continue
        reals.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            findings.append(Finding("L001", f"cannot list the folder: {err.strerror or err}", _display(current), 1, 1))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = current / entry.name
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    findings.append(Finding("L009", "a symbolic link that loops or points nowhere; not followed", _display(path), 1, 1))
                    continue
                if not target.is_relative_to(root):
                    findings.append(
                        Finding("L009", f"a symbolic link that leads outside the corpus ({target}); not followed", _display(path), 1, 1)
                    )
                elif real.is_relative_to(target):
                    findings.append(Finding("L009", "a symbolic link to a folder that holds it (a loop); not followed", _display(path), 1, 1))
                else:
                    links.append((path, target))
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                stack.append(path)
            elif is_corpus_file(entry.name):
                file_real = real / entry.name
                if file_real not in reals:
                    reals.add(file_real)
                    found[_display(path)] = path
