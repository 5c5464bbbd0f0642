"""What a YAML file reads into: positioned nodes, the limits that bound reading, and the
typing of plain scalars (YAML 1.2's core schema, plus dates).

Both readers build these: `blockyaml` for plain block YAML, `eventyaml` (libyaml's events)
for everything else.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass


#: the deepest `max_depth` a configuration may ask for: libyaml itself stops at about
#: 1,000 levels, so a deeper limit could never be used, only used to attack the readers
MAX_DEPTH = 1000


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from costing unbounded time or memory."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_depth: int = 100  # at most MAX_DEPTH where a configuration sets it
    max_alias_expansion: int = 100_000
    max_nodes: int = 10_000_000


# --- nodes -----------------------------------------------------------------------------


class _PythonScalar:
    """A typed scalar. `value` is str, int, float, bool, None or datetime.date."""

    __slots__ = ("value", "raw", "line", "column", "plain")

    def __init__(self, value, raw: str, line: int, column: int, plain: bool) -> None:
        self.value = value
        self.raw = raw
        self.line = line
        self.column = column
        self.plain = plain

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Scalar({self.value!r}@{self.line}:{self.column})"


try:  # the same class in C, built at install where a compiler is found: cheaper to make
    from ._cblockyaml import Scalar as _CompiledScalar  # and to free, and a fifth smaller
except ImportError:  # pragma: no cover - depends on the install
    _CompiledScalar = None
Scalar = _CompiledScalar or _PythonScalar


class Sequence:
    __slots__ = ("items", "line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


class Mapping:
    """A mapping with text keys; `keys` keeps each key's scalar for its position."""

    __slots__ = ("items", "keys", "line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.items: dict[str, Node] = {}
        self.keys: dict[str, Scalar] = {}
        self.line = line
        self.column = column


Node = Scalar | Sequence | Mapping



# --- YAML 1.2 core schema, plus dates ----------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
#: longer integers stay text: Python refuses to convert them to and from text (its
#: int_max_str_digits guard, 4300 digits), so they could never be compared or reported
MAX_INT_DIGITS = 4000


def resolve_plain(text: str):
    """Type a plain scalar as the YAML 1.2 core schema does, with YAML dates added."""
    if text in _NULL:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if first.isdigit() or first in "+-.":
        if _INT.match(text):
            return int(text) if len(text) <= MAX_INT_DIGITS else text
        if text[4:5] == "-" and text[:4].isdigit():  # 2025-10-12 or 2025-10: no number looks so
            match = _DATE.match(text)
            if match:
                try:
                    return _dt.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    return text  # not on the calendar: stays text; date fields say so
            return text
        if _FLOAT.match(text):
            return float(text)
        if _OCT.match(text):
            return int(text[2:], 8) if len(text) <= MAX_INT_DIGITS else text
        if _HEX.match(text):
            return int(text[2:], 16) if len(text) <= MAX_INT_DIGITS * 5 // 6 else text
        if _INF.match(text):
            return float("-inf") if first == "-" else float("inf")
        if _NAN.match(text):
            return float("nan")
    return text


# --- places and words for findings ---------------------------------------------------

#: line breaks as the parser counts them in its marks (CR alone and NEL too, not just LF)
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def text_place(text: str, index: int) -> tuple[int, int]:
    """(line, column), from 1, of the character at `index` of `text`."""
    line, start = 1, 0
    for match in LINE_BREAK.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def type_word(value) -> str:
    """What YAML typed a value as, in words: for findings."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, _dt.date):
        return "a date"
    return "text"
