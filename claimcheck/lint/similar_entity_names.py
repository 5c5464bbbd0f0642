"""Entities with near-identical names: probably one entity entered twice.

Every name and alias of every entity is compared with those of the other entities, after
Unicode NFC normalisation, case folding, removing punctuation and collapsing white space,
with word order ignored (rapidfuzz's `token_sort_ratio`). Two entities with a pair of
names scoring at least the `similar-name-threshold` option (default 90), but no name in
common (that is W102), are reported once, at the entity whose id sorts later. Names that
differ in their numbers are told apart, however alike the rest: "Line 1" and "Line 2",
"Apollo 11" and "Apollo 12", "Brigade 41" and "Brigade 14" name different things.

Why it matters: claims about one person or body spread over two entities never meet in
a `value:<subject>/<predicate>` or `conflicts-with` conflict, and a source that
`represents` one of them is not seen as self-interested about the other.

How to fix: if they are one entity, merge them (keep one id, move the other's names to
its aliases, and point subjects, objects and `represents` at it). If they are different
(a father and son, a ministry and its minister), nothing needs doing; this is an info.

    entities:
      - {id: maduro, name: Nicolás Maduro}
      - {id: nicolas-maduro, name: Nicolas Maduro}   # I103: near-identical to maduro
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Corpus
from ._common import finding
from ._text import entity_names, similar_pairs

CODE = "I103"
NAME = "similar-entity-names"
SEVERITY = "info"
OPTIONS = {"similar-name-threshold": 90}

_NUMBER = re.compile(r"\d+")


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    threshold = options.get("similar-name-threshold", OPTIONS["similar-name-threshold"])
    holders = entity_names(corpus)
    sharing: set[tuple[str, str]] = set()  # pairs W102 already reports
    for ids in holders.values():
        ordered = list(ids)
        sharing.update((a, b) for n, a in enumerate(ordered) for b in ordered[n + 1 :])
    # numbered things: another number is another thing, so only names with the same
    # numbers are compared (a corpus of "Unit 1" … "Unit 5000" is then 5000 small searches)
    numbered: dict[tuple[str, ...], list[str]] = {}
    for name in holders:
        numbered.setdefault(_numbers(name), []).append(name)
    best: dict[tuple[str, str], tuple[float, str, str]] = {}
    for names in numbered.values():
        for i, j, score in similar_pairs(names, threshold):
            for x, written_x in holders[names[i]].items():
                for y, written_y in holders[names[j]].items():
                    if x == y:
                        continue
                    pair, candidate = ((x, y), (score, written_x, written_y)) if x < y else ((y, x), (score, written_y, written_x))
                    if pair not in sharing and (pair not in best or score > best[pair][0]):
                        best[pair] = candidate
    for (a, b), (score, written_a, written_b) in best.items():  # `lint.run` sorts the findings
        entity = corpus.entities[b]
        yield finding(
            CODE,
            f"entity '{b}' ('{written_b}') is named almost like entity '{a}' ('{written_a}', "
            f"similarity {score:.0f}%), at {corpus.entities[a].pos}; if they are one, merge them",
            entity.pos,
            ("entities", b),
        )


def _numbers(name: str) -> tuple[str, ...]:
    """The name's numbers, in any order as its words are, and as written ("007" is not
    "7" in a name)."""
    return tuple(sorted(_NUMBER.findall(name)))
