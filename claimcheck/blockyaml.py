"""A fast reader for the plain block YAML that nearly every corpus file is written in.

libyaml's event stream costs a Python object per event and the tree builder another few
per node; on a large corpus that is most of the run. Corpus files mostly use a small,
regular part of YAML: block mappings and sequences, one-line plain or quoted scalars,
one-line flow lists and mappings, literal and folded block text, comments. This module
reads exactly that part, a line at a time, into the same positioned nodes the full loader
builds, and gives up (returns None) at the first line it is not sure of: the caller then
reads the file with the full loader, which also gives every finding. It never reports a
problem itself, so a file it accepts has no loader findings, and it accepts nothing the
full loader would read differently (tests/test_blockyaml.py compares the two on
generated and real files).

`_cblockyaml.c` is this reader again in C, built at install where there is a compiler:
about six times faster, and held to this module as its reference (the tests compare the
two on every document they give either). Where it is not built, or declines a file,
this module reads.
"""

from __future__ import annotations

import re

from .nodes import Limits, Mapping, Scalar, Sequence, resolve_plain

# one line: indentation, an optional "- ", an optional simple key, and what follows
_LINE = re.compile(r"( *)(- +|-\Z)?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|\Z))?")
# characters that make the whole file go to the full loader: tabs, other line breaks,
# and everything YAML refuses (the full loader says where)
_UNSURE = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufeff\u2028\u2029]")
_UNSURE_ASCII = re.compile("[^\n\x20-\x7e]")  # the same for ASCII text, four times faster
# keys that YAML reads as something other than text
_TYPED_KEYS = {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}
# libyaml's bound on a key written without `?`: a longer one is a syntax error
_LONGEST_KEY = 1024
# a plain scalar may not start with these (nor with "- ", "? ", ": ")
_INDICATORS = frozenset("&*!|>%@`{}[],#'\"?:-")
# plain scalars that may be read as something other than text (numbers, dates, null, ...)
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")
_DOUBLE = re.compile(r'"([^"\\]*)"')
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_SPACES = re.compile(r" *")
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): +")
_FLOW_PLAIN = re.compile(r"[^,\[\]{}#:\"' ](?:[^,\[\]{}#:\"']*[^,\[\]{}#:\"' ])?")
# a flow list or mapping of simple words with ", " and ": " between them, and nothing after
_WORD = r"\w[\w.-]*"
_WORDS = re.compile(rf"\[(?:{_WORD}(?:, {_WORD})*)?\]\Z|\{{[A-Za-z_][\w-]*: {_WORD}(?:, [A-Za-z_][\w-]*: {_WORD})*\}}\Z")
_AFTER = re.compile(r"(?: +(?:#.*)?)?\Z")  # what may follow a quoted scalar or flow list
#: the deepest nesting either fast reader takes, whatever the limit: their flow values
#: recurse, so a deeper file (a rare one) goes to the full loader, whose builder does not
DEEPEST = 128


class _KeyLines(dict):
    """A block mapping's key places: name -> line, all keys in one column. The key
    nodes are only wanted for a finding, so they are made when asked for."""

    __slots__ = ("column",)

    def __init__(self, column: int) -> None:
        self.column = column

    def __getitem__(self, name: str) -> Scalar:
        return Scalar(name, name, dict.__getitem__(self, name), self.column, True)


class _KeyColumns(dict):
    """A one-line flow mapping's key places: name -> column, all on one line."""

    __slots__ = ("line",)

    def __init__(self, line: int) -> None:
        self.line = line

    def __getitem__(self, name: str) -> Scalar:
        return Scalar(name, name, self.line, dict.__getitem__(self, name), True)


def _block_mapping(line: int, column: int) -> Mapping:
    mapping = Mapping(line, column)
    mapping.keys = _KeyLines(column)
    return mapping


try:  # the same reader in C (_cblockyaml.c), built at install where a compiler is found
    from . import _cblockyaml as _compiled
except ImportError:  # pragma: no cover - depends on the install
    _compiled = None
else:
    _compiled.setup(Scalar, Sequence, Mapping, _KeyLines, _KeyColumns)


class _Unsure(Exception):
    """The file leaves the plain part of YAML: read it with the full loader."""


def read(text: str, limits: Limits = Limits()) -> Mapping | None:
    """The file's root mapping, or None when the full loader must read it."""
    if _compiled is not None and "\r" not in text and len(text) <= limits.max_nodes:
        root = _compiled.read(text, min(limits.max_depth, DEEPEST))  # which checks the characters itself
        if root is not None:
            return root
    text = checked(text, limits)
    return None if text is None else read_in_python(text, limits)


def checked(text: str, limits: Limits) -> str | None:
    """The text both readers take (with Windows line ends made plain), or None when it
    holds characters or has a size that only the full loader handles."""
    if "\r" in text and text.count("\r") == text.count("\r\n"):
        text = text.replace("\r\n", "\n")  # Windows line ends: same lines, same columns
    # a node takes at least one character, so only a longer file can pass the node limit
    if len(text) > limits.max_nodes or (_UNSURE_ASCII if text.isascii() else _UNSURE).search(text):
        return None
    return text


def read_in_python(text: str, limits: Limits = Limits()) -> Mapping | None:
    """This module's own reader, on `checked` text: the reference for the compiled one,
    and what reads where that is not built (or declines a file)."""
    try:
        return _read(text, limits)
    except _Unsure:
        return None


def _read(text: str, limits: Limits) -> Mapping | None:
    # a frame: [indent, node, awaiting] where awaiting is, for a mapping, the key whose
    # value is a block still to come: (name, line, column of its null value)
    stack: list[list] = []
    root = None
    max_depth = min(limits.max_depth, DEEPEST)
    line_match = _LINE.match
    lines = text.split("\n")
    skip_to = 0  # the last line of a block scalar already read
    top, top_column, top_is_mapping = None, 0, False  # the innermost open block
    for number, line in enumerate(lines, 1):
        if number <= skip_to:
            continue
        m = line_match(line)
        indent, dash, key = m.groups()
        rest = line[m.end():]
        if dash is None and key is None:
            if not rest or rest[0] == "#":  # a blank line holds spaces only: U+00A0 is text
                continue
            raise _Unsure  # a scalar on its own line: a continuation, a document, ...
        column = len(indent) + 1  # of the dash, or of the key when there is no dash
        if dash is None and column == top_column and top_is_mapping:
            # the next key of the mapping being read: the common line, kept short
            key_column = column
            if top[2] is not None:
                _close_key(top)
        else:
            if root is None:
                if dash or column != 1:
                    raise _Unsure
                root = _block_mapping(number, 1)
                stack.append([1, root, None])
            if dash is not None:
                # close deeper blocks; a key at the dash's column may own an indentless list
                while stack[-1][0] > column:
                    _close(stack.pop())
                top = stack[-1]
                node = top[1]
                if type(node) is Sequence and top[0] == column:
                    sequence = node
                elif type(node) is Mapping and top[2] is not None and top[0] <= column:
                    sequence = Sequence(number, column)
                    _give(top, sequence)
                    stack.append([column, sequence, None])
                else:
                    raise _Unsure
                if key is None:
                    if not rest or rest[0] == "#":
                        raise _Unsure  # a "-" whose item is on the lines below
                    sequence.items.append(_value(rest, number, column + len(dash), max_depth - len(stack)))
                    top = stack[-1]  # the list
                    top_column, top_is_mapping = top[0], False
                    continue
                key_column = column + len(dash)
                top = [key_column, _block_mapping(number, key_column), None]
                sequence.items.append(top[1])
                stack.append(top)
            else:
                key_column = column
                while stack[-1][0] > key_column or (stack[-1][0] == key_column and type(stack[-1][1]) is Sequence):
                    _close(stack.pop())
                    if not stack:
                        raise _Unsure
                top = stack[-1]
                if top[0] < key_column:
                    if type(top[1]) is not Mapping or top[2] is None:
                        raise _Unsure  # deeper than its mapping with no key waiting for it
                    mapping = _block_mapping(number, key_column)
                    _give(top, mapping)
                    top = [key_column, mapping, None]
                    stack.append(top)
                elif top[2] is not None:
                    _close_key(top)
            if len(stack) > max_depth:
                raise _Unsure
            top_column, top_is_mapping = top[0], type(top[1]) is Mapping
        mapping = top[1]
        if key in _TYPED_KEYS or key in mapping.items or len(key) > _LONGEST_KEY:
            raise _Unsure  # not text, a duplicate, or too long: the full loader says so
        mapping.keys[key] = number
        value_column = m.end() + 1
        if not rest or rest[0] == "#":
            top[2] = (key, number, key_column + len(key) + 1)
        elif rest[0] in "|>":
            mapping.items[key], skip_to = _block_scalar(rest, lines, number, value_column, key_column - 1)
        elif rest[0] not in _INDICATORS and " #" not in rest and ": " not in rest and rest[-1] not in ": ":
            # a plain word or sentence, the common value: typed in line
            value = resolve_plain(rest) if rest[0] in _MAYBE_TYPED else rest
            mapping.items[key] = Scalar(value, rest, number, value_column, True)
        else:
            mapping.items[key] = _value(rest, number, value_column, max_depth - len(stack))
    if root is None:
        return None
    while stack:
        _close(stack.pop())
    return root


def _give(frame: list, node) -> None:
    """Hand a new block collection to the key waiting for it."""
    name = frame[2][0]
    frame[1].items[name] = node
    frame[2] = None


def _close_key(frame: list) -> None:
    """A key whose block never came is null, placed just after its colon."""
    name, line, column = frame[2]
    frame[1].items[name] = Scalar(None, "", line, column, True)
    frame[2] = None


def _close(frame: list) -> None:
    if frame[2] is not None:
        _close_key(frame)


def _value(rest: str, line: int, column: int, room: int):
    """A one-line value; `room` is how many more collections may nest here."""
    if room > 0 and _WORDS.match(rest):  # `[a, b]` or `{k: v, l: w}`: the common flow values
        return _words(rest, line, column)
    if rest[0] in "[{":
        node, end = _flow(rest, 0, line, column - 1, room)
        if not _AFTER.match(rest, end):
            raise _Unsure
        return node
    return _scalar(rest, line, column)


def _scalar(rest: str, line: int, column: int) -> Scalar:
    first = rest[0]
    if first == '"':
        m = _DOUBLE.match(rest)
        if m is None or not _AFTER.match(rest, m.end()):
            raise _Unsure  # escapes, several lines, or text after it
        value = m.group(1)
        return Scalar(value, value, line, column, False)
    if first == "'":
        m = _SINGLE.match(rest)
        if m is None or not _AFTER.match(rest, m.end()):
            raise _Unsure
        value = m.group(1).replace("''", "'")
        return Scalar(value, value, line, column, False)
    if first in _INDICATORS and not _plain_dash(rest):
        raise _Unsure
    comment = rest.find(" #")
    raw = (rest if comment < 0 else rest[:comment]).rstrip(" ")
    if ": " in raw or raw[-1] == ":":
        raise _Unsure
    return Scalar(resolve_plain(raw), raw, line, column, True)


def _words(rest: str, line: int, column: int):
    """A flow value that _WORDS matched, its places counted from the separators."""
    inner = rest[1:-1]
    at = column + 1  # of the first word
    if rest[0] == "[":
        sequence = Sequence(line, column)
        if inner:
            for raw in inner.split(", "):
                value = resolve_plain(raw) if raw[0] in _MAYBE_TYPED else raw
                sequence.items.append(Scalar(value, raw, line, at, True))
                at += len(raw) + 2
        return sequence
    mapping = Mapping(line, column)
    mapping.keys = keys = _KeyColumns(line)
    items = mapping.items
    for pair in inner.split(", "):
        name, raw = pair.split(": ")
        if name in _TYPED_KEYS or name in items or len(name) > _LONGEST_KEY:
            raise _Unsure
        keys[name] = at
        value = resolve_plain(raw) if raw[0] in _MAYBE_TYPED else raw
        items[name] = Scalar(value, raw, line, at + len(name) + 2, True)
        at += len(pair) + 2
    return mapping


def _plain_dash(text: str) -> bool:
    """`-5` and `-x` are plain scalars; `- x` is a list item."""
    return text[0] == "-" and len(text) > 1 and text[1] != " "


def _flow(text: str, i: int, line: int, base: int, room: int):
    """One flow collection or scalar of a one-line flow value, from text[i]: (node, end).

    Plain words, quoted text and nested [lists] and {mappings} with simple keys; a
    `[key: value]` pair, a comment or anything across lines is left to the full loader.
    """
    first = text[i:i + 1]
    if first == "[" or first == "{":
        if room <= 0:
            raise _Unsure  # deeper than the limit: the full loader says so
        mapping = first == "{"
        node = Mapping(line, base + i + 1) if mapping else Sequence(line, base + i + 1)
        if mapping:
            node.keys = _KeyColumns(line)
        close = "}" if mapping else "]"
        i = _SPACES.match(text, i + 1).end()
        while text[i:i + 1] != close:
            if mapping:
                key = _FLOW_KEY.match(text, i)
                if key is None:
                    raise _Unsure
                name = key.group(1)
                if name in _TYPED_KEYS or name in node.items or len(name) > _LONGEST_KEY:
                    raise _Unsure
                node.keys[name] = base + i + 1
                node.items[name], i = _flow(text, key.end(), line, base, room - 1)
            else:
                item, i = _flow(text, i, line, base, room - 1)
                node.items.append(item)
            i = _SPACES.match(text, i).end()
            if text[i:i + 1] == ",":
                i = _SPACES.match(text, i + 1).end()
            elif text[i:i + 1] != close:
                raise _Unsure
        return node, i + 1
    if first == '"' or first == "'":
        quoted = (_DOUBLE if first == '"' else _SINGLE).match(text, i)
        if quoted is None:
            raise _Unsure
        value = quoted.group(1) if first == '"' else quoted.group(1).replace("''", "'")
        return Scalar(value, value, line, base + i + 1, False), quoted.end()
    plain = _FLOW_PLAIN.match(text, i)
    if plain is None:
        raise _Unsure
    raw = plain.group()
    if raw[0] in _INDICATORS and not _plain_dash(raw):
        raise _Unsure
    return Scalar(resolve_plain(raw), raw, line, base + i + 1, True), plain.end()


_BLOCK_HEADER = re.compile(r"([|>])([-+]?)(?: +(?:#.*)?)?\Z")


def _block_scalar(rest: str, lines: list[str], number: int, column: int, parent: int) -> tuple[Scalar, int]:
    """A literal (|) or folded (>) block scalar: (its node, its last line number).

    Only the common shape: no indentation digit, every line at one indentation (a folded
    scalar's more-indented lines fold by other rules), blank lines with no extra spaces.
    """
    header = _BLOCK_HEADER.match(rest)
    if header is None:
        raise _Unsure
    style, chomp = header.groups()
    body: list[str] = []
    indent = 0
    last = number
    end = len(lines) - (lines[-1] == "")  # a final line break ends the last line, no more
    for index in range(number, end):  # lines[index] is line index + 1
        text = lines[index]
        content = text.lstrip(" ")
        spaces = len(text) - len(content)
        if not content:
            if indent and spaces > indent:
                raise _Unsure
            body.append("")
            continue
        if spaces <= parent:
            break
        if not indent:
            if any(len(blank) > spaces for blank in lines[number:index]):
                raise _Unsure
            indent = spaces
        elif spaces != indent:
            raise _Unsure
        body.append(content)
        last = index + 1
    stop = number + len(body)  # the index of the first line after the scalar
    kept = last - number  # lines up to the last one with content; the rest are trailing
    del body[kept:]
    if not body or any(len(blank) > indent for blank in lines[number:last] if not blank.strip(" ")):
        raise _Unsure
    if style == "|":
        value = "\n".join(body)
    else:  # folded: lines join with a space, an empty line between two stands for a line break
        leading = next(i for i, text in enumerate(body) if text)  # empty lines before the first text stay
        value = re.sub(r"(?<=[^\n])\n(?=[^\n])", " ", "\n".join(body[leading:]))
        value = "\n" * leading + re.sub(r"\n(\n+)", r"\1", value)
    # the line breaks after the last text, none where the file ends without one
    breaks = max(0, min(stop, len(lines) - 1) - (last - 1))
    if chomp == "":  # clip: the last text's own break
        value += "\n" * min(breaks, 1)
    elif chomp == "+":  # keep: every break after it
        value += "\n" * breaks
    return Scalar(value, value, number, column, False), last
