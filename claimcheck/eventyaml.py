"""YAML beyond the plain block part, read from libyaml's event stream into the same
positioned nodes as blockyaml gives.

The tree is built from the parser's events with an explicit stack, so no tag ever
constructs an object, deep nesting never recurses, and aliases are shared nodes whose
expanded size is counted (a "billion laughs" file ends in a finding, not a hang).
Imported only when a file needs it: most corpora never do, and PyYAML's import is a
tenth of a small check.
"""

from __future__ import annotations

import yaml

from .findings import Finding
from .nodes import LINE_BREAK, Limits, Mapping, Node, Scalar, Sequence, resolve_plain, text_place, type_word

try:  # libyaml's C parser when present; the pure-Python one gives the same events for
    # well-formed YAML (libyaml is laxer about directives: see _check_directives)
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

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


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column ('' past the end)."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column:start + column + 1]


def read_events(text: str, display: str, limits: Limits) -> tuple[Node | None, list[Finding]]:
    """The file's root node (None when it cannot be read) and its findings."""
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
            return None, [Finding("L006", "nesting too deep for the YAML parser", display, line, column)]
        if err.context and err.context_mark:
            message = f"{message} ({err.context} at line {err.context_mark.line + 1})"
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            message += "; YAML indents with spaces, never tabs"
        return None, [Finding("L003", f"YAML syntax: {message}", display, line, column)]
    except yaml.YAMLError as err:  # reader errors: characters YAML does not allow
        line, column = _reader_place(text, err)
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        return None, [Finding("L003", f"YAML syntax: {reason}", display, line, column)]
    except RecursionError:  # pragma: no cover - the builder does not recurse
        return None, [Finding("L006", "nesting too deep", display, 1, 1)]
    return (None if builder.fatal else builder.root), builder.findings


def _check_directives(text: str, event) -> None:
    """Read the directive lines again with the pure-Python parser (raises its syntax error).

    libyaml lets malformed directives through (`%YAML 1.1#comment`); the pure-Python
    parser follows the YAML grammar there. Only the lines before `---` are read again.
    """
    end = event.end_mark.line  # the line of `---`
    lines = LINE_BREAK.split(text, maxsplit=end)[:end]
    for _ in yaml.parse("\n".join(lines) + "\n---\n", Loader=yaml.SafeLoader):
        pass


def _reader_place(text: str, err: Exception) -> tuple[int, int]:
    # libyaml reports a byte offset, the pure-Python reader a character index: find the
    # character the reader refuses in the text itself
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    position = bad.start() if bad else getattr(err, "position", None)
    if isinstance(position, int) and position <= len(text):
        return text_place(text, position)
    return 1, 1


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
                    f"a mapping key must be text; YAML reads {raw!r} as {type_word(node.value)} (quote it)",
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
