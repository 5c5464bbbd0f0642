"""Safe YAML reading with positions: bytes in, a tree of positioned nodes and findings out.

The tree is built from the parser's event stream with an explicit stack, so no tag ever
constructs an object, deep nesting never recurses, and aliases are shared nodes whose
expanded size is counted (a "billion laughs" file ends in a finding, not a hang).
Scalars are typed by the YAML 1.2 core schema plus dates, never by YAML 1.1 rules
(`yes`, `on`, `1:30` stay text). Errors are values: every problem becomes a `Finding`
at its line and column, and one bad file never stops the others.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .blockyaml import read as read_plain_block
from .findings import Finding
from .nodes import Limits, Mapping, Node, Scalar, Sequence, resolve_plain  # noqa: F401 - the loader's API

try:  # libyaml's C parser when present; the pure-Python one gives the same events for
    # well-formed YAML (libyaml is laxer about directives: see _check_directives)
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]


@dataclass(slots=True)
class LoadedFile:
    """One corpus file: its display path, its root node (None when unreadable), findings."""

    path: str
    root: Node | None
    findings: list[Finding] = field(default_factory=list)


_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    "!",
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}


# --- reading a file ----------------------------------------------------------------------


def decode(data: bytes, path: str) -> tuple[str | None, Finding | None]:
    """Bytes to text, or a finding saying why the file is not UTF-8 YAML."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        width = "32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "16"
        return None, Finding("L002", f"the file is UTF-{width} encoded; save it as UTF-8", path, 1, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _place(data, nul)
        return None, Finding(
            "L002", "the file holds a NUL byte: it is binary or UTF-16/32, not UTF-8 text", path, line, column
        )
    try:
        text = data.decode("utf-8-sig")
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
    return text, None


def _place(data: bytes, offset: int) -> tuple[int, int]:
    head = data[:offset].decode("utf-8", errors="replace").removeprefix("\ufeff")
    return _text_place(head, len(head))


# line breaks as the parser counts them in its marks (CR alone and NEL too, not just LF)
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _text_place(text: str, index: int) -> tuple[int, int]:
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def load_file(path: Path, display: str, limits: Limits = Limits()) -> LoadedFile:
    """Read one file into positioned nodes. Never raises for bad content."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or device would block or never end
            return LoadedFile(display, None, [Finding("L001", "not a regular file (a pipe, device or socket); not read", display, 1, 1)])
        size = status.st_size
        if size > limits.max_file_bytes:
            return LoadedFile(
                display,
                None,
                [Finding("L001", f"the file is {size} bytes, above the limit of {limits.max_file_bytes}", display, 1, 1)],
            )
        with path.open("rb") as handle:  # bounded: the file may have grown since
            data = handle.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            return LoadedFile(
                display,
                None,
                [Finding("L001", f"the file is above the limit of {limits.max_file_bytes} bytes", display, 1, 1)],
            )
    except OSError as err:
        return LoadedFile(display, None, [Finding("L001", f"cannot read the file: {err.strerror or err}", display, 1, 1)])
    return load_bytes(data, display, limits)


def load_bytes(data: bytes, display: str, limits: Limits = Limits()) -> LoadedFile:
    text, problem = decode(data, display)
    if problem is not None:
        return LoadedFile(display, None, [problem])
    return load_text(text, display, limits)


def load_text(text: str, display: str, limits: Limits = Limits()) -> LoadedFile:
    root = read_plain_block(text, limits)  # the fast path; None when it is not sure
    if root is not None:
        return LoadedFile(display, root, [])
    builder = _Builder(display, limits)
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            if type(event) is yaml.DocumentStartEvent and (event.version or event.tags):
                _check_directives(text, event)
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = err.problem or "not well-formed YAML"
        if "maximum nesting depth" in message:  # libyaml's own bound, below ours for flow collections
            return LoadedFile(display, None, [Finding("L006", "nesting too deep for the YAML parser", display, line, column)])
        if err.context and err.context_mark:
            message = f"{message} ({err.context} at line {err.context_mark.line + 1})"
        return LoadedFile(display, None, [Finding("L003", f"YAML syntax: {message}", display, line, column)])
    except yaml.YAMLError as err:  # reader errors: characters YAML does not allow
        line, column = _reader_place(text, err)
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        return LoadedFile(display, None, [Finding("L003", f"YAML syntax: {reason}", display, line, column)])
    except RecursionError:  # pragma: no cover - the builder does not recurse
        return LoadedFile(display, None, [Finding("L006", "nesting too deep", display, 1, 1)])
    if builder.fatal:
        return LoadedFile(display, None, builder.findings)
    return LoadedFile(display, builder.root, builder.findings)


def _check_directives(text: str, event) -> None:
    """Read the directive lines again with the pure-Python parser (raises its syntax error).

    libyaml lets malformed directives through (`%YAML 1.1#comment`); the pure-Python
    parser follows the YAML grammar there. Only the lines before `---` are read again.
    """
    end = event.end_mark.line  # the line of `---`
    lines = _BREAK.split(text, maxsplit=end)[:end]
    for _ in yaml.parse("\n".join(lines) + "\n---\n", Loader=yaml.SafeLoader):
        pass


def _reader_place(text: str, err: Exception) -> tuple[int, int]:
    # libyaml reports a byte offset, the pure-Python reader a character index: find the
    # character the reader refuses in the text itself
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    position = bad.start() if bad else getattr(err, "position", None)
    if isinstance(position, int) and position <= len(text):
        return _text_place(text, position)
    return 1, 1


class _Limit(Exception):
    pass


class _Builder:
    """Turns parser events into nodes with an explicit stack."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.findings: list[Finding] = []
        self.root: Node | None = None
        self.fatal = False
        self.documents = 0
        # stack entries: [node, pending_key_scalar_or_None, weight]
        self.stack: list[list] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.expansion = 0
        self.nodes = 0

    def _finding(self, code: str, message: str, line: int, column: int) -> None:
        self.findings.append(Finding(code, message, self.path, line, column))

    def _stop(self, code: str, message: str, line: int, column: int) -> bool:
        self._finding(code, message, line, column)
        self.fatal = True
        return True

    def feed(self, event) -> bool:
        """Take one event; True means stop reading this file."""
        kind = type(event)
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if kind is yaml.ScalarEvent:
            return self._add(self._scalar(event, line, column), 1, event.anchor)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(self.stack) >= self.limits.max_depth:
                return self._stop(
                    "L006", f"nesting deeper than {self.limits.max_depth} levels", line, column
                )
            self._check_tag(event.tag, line, column)
            node = Mapping(line, column) if kind is yaml.MappingStartEvent else Sequence(line, column)
            self.stack.append([node, None, 1, event.anchor])
            return self._count(line, column)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node, _, weight, anchor = self.stack.pop()
            return self._add(node, weight, anchor, counted=True)
        if kind is yaml.AliasEvent:
            target = self.anchors.get(event.anchor)
            if target is None:
                return self._stop("L003", f"YAML syntax: alias *{event.anchor} names no anchor", line, column)
            node, weight = target
            self.expansion += weight
            if self.expansion > self.limits.max_alias_expansion:
                return self._stop(
                    "L006",
                    f"aliases expand to more than {self.limits.max_alias_expansion} nodes (an alias bomb?)",
                    line,
                    column,
                )
            return self._add(node, weight, None, counted=True)
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._finding(
                    "L007",
                    "a corpus file holds one YAML document; a second one starts here (remove the '---' or split the file)",
                    line,
                    column,
                )
                return True
        return False

    def _count(self, line: int, column: int) -> bool:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            return self._stop("L006", f"more than {self.limits.max_nodes} YAML nodes in one file", line, column)
        return False

    def _check_tag(self, tag: str | None, line: int, column: int) -> None:
        if tag is not None and tag not in _ALLOWED_TAGS:
            self._finding(
                "L005",
                f"tag {tag} is not allowed: a corpus is plain YAML (the tag is ignored, nothing is constructed)",
                line,
                column,
            )

    def _scalar(self, event, line: int, column: int) -> Scalar:
        text = event.value
        tag = event.tag
        plain = event.style is None or event.style == ""
        if tag is not None and tag != "!":
            self._check_tag(tag, line, column)
            if tag == _STR_TAG:
                return Scalar(text, text, line, column, False)
            value = resolve_plain(text) if text else None
            return Scalar(value, text, line, column, plain)
        if plain and event.implicit[0] and tag is None:
            return Scalar(resolve_plain(text), text, line, column, True)
        return Scalar(text, text, line, column, False)

    def _add(self, node: Node, weight: int, anchor: str | None, counted: bool = False) -> bool:
        if not counted and self._count(node.line, node.column):
            return True
        if anchor is not None:
            self.anchors[anchor] = (node, weight)
        if not self.stack:
            self.root = node
            return False
        top = self.stack[-1]
        parent = top[0]
        top[2] += weight
        if type(parent) is Sequence:
            parent.items.append(node)
            return False
        key = top[1]
        if key is None:  # this node is a key
            if type(node) is not Scalar:
                self._finding("L008", "a mapping key must be text, not a collection", node.line, node.column)
                top[1] = _BAD_KEY
            elif not isinstance(node.value, str):
                raw = node.raw
                self._finding(
                    "L008",
                    f"a mapping key must be text; YAML reads {raw!r} as {_type_word(node.value)} (quote it)",
                    node.line,
                    node.column,
                )
                top[1] = _BAD_KEY
            else:
                top[1] = node
            return False
        top[1] = None
        if key is _BAD_KEY:
            return False
        name = key.value
        first = parent.keys.get(name)
        if first is not None:
            self._finding(
                "L004",
                f"duplicate key '{name}' (first at line {first.line}); the second one is ignored",
                key.line,
                key.column,
            )
            return False
        parent.items[name] = node
        parent.keys[name] = key
        return False


_BAD_KEY = Scalar(None, "", 0, 0, False)


def _type_word(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, _dt.date):
        return "a date"
    return "text"


type_word = _type_word


# --- finding the files -------------------------------------------------------------------


def is_corpus_file(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Every corpus file below the given paths as (path, display path), sorted, and findings.

    Display paths keep the path as given on the command line (relative stays relative).
    Symbolic links are followed only while they stay inside the directory given; links
    that lead outside it or loop are reported, not followed.
    """
    found: dict[str, Path] = {}
    findings: list[Finding] = []
    for given in paths:
        if given.is_dir():
            root = given.resolve()
            _walk(given, root, set(), found, findings)
        else:
            found[_display(given)] = given
    ordered = sorted(found.items())
    return [(path, display) for display, path in ordered], findings


def _display(path: Path) -> str:
    return path.as_posix()


def _walk(directory: Path, root: Path, seen: set[Path], found: dict[str, Path], findings: list[Finding]) -> None:
    # explicit stack: a corpus may nest folders deeply
    stack = [directory]
    while stack:
        current = stack.pop()
        try:
            real = current.resolve()
        except (OSError, RuntimeError):
            findings.append(Finding("L009", "a symbolic link loops; not followed", _display(current), 1, 1))
            continue
        if real in seen:
            findings.append(Finding("L009", "this folder was reached twice (a link loop); read once", _display(current), 1, 1))
            continue
        seen.add(real)
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
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                stack.append(path)
            elif is_corpus_file(entry.name):
                found[_display(path)] = path
