"""Counted nouns ("1 row", "2 rows", "1 baseline entry", "3 baseline entries"): the one
helper every message with a count goes through, so none says "1 rows". Core and
renderers alike use it, so it lives beside the core, not in report/."""

from __future__ import annotations

_IRREGULAR = {"is": "are", "was": "were", "has": "have", "it": "they", "this": "these", "that": "those"}
_VOWELS = frozenset("aeiou")


def plural(noun: str) -> str:
    """The plural of `noun`; of a phrase ("independent origin", "error finding"), its
    last word's. Regular English, which is all our messages need."""
    head, _, word = noun.rpartition(" ")
    if word in _IRREGULAR:
        many = _IRREGULAR[word]
    elif len(word) > 1 and word.endswith("y") and word[-2].lower() not in _VOWELS:
        many = word[:-1] + "ies"  # entry → entries, but day → days
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        many = word + "es"
    else:
        many = word + "s"
    return f"{head} {many}" if head else many


def noun(n: int, word: str, many: str | None = None) -> str:
    """`word` as `n` of it needs it: the singular for exactly one, else the plural
    (`many` where the regular one is wrong)."""
    return word if n == 1 else (many or plural(word))


def count(n: int, word: str, many: str | None = None) -> str:
    """'1 row', '0 rows', '2 baseline entries'."""
    return f"{n} {noun(n, word, many)}"
