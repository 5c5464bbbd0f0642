"""Corpus text is untrusted: before it reaches a terminal or a one-line format, control
characters (escape sequences, line breaks, NUL) are written as visible escapes."""

from __future__ import annotations

import re

# C0, DEL, C1, the Unicode line breaks, and the bidirectional embeddings, overrides and
# isolates that can make a terminal show text in another order than it is written
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


#: the same, less tab and line breaks: for formats that lay out white space themselves (HTML)
_CONTROL_NOT_SPACE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, spaces: bool = False) -> str:
    """The text with every control character shown as an escape (`\\n`, `\\e`, `\\x07`);
    with `spaces`, tabs and line breaks stay as they are."""
    pattern = _CONTROL_NOT_SPACE if spaces else _CONTROL
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: _NAMED.get(m[0], f"\\x{ord(m[0]):02x}" if ord(m[0]) < 256 else f"\\u{ord(m[0]):04x}"), text)
