"""An alias shared by two entities: one name (or alias) that leads to two entities.

Names and aliases are compared after Unicode NFC normalisation, case folding, removing
punctuation and collapsing white space, so `U.S.` on one entity and `US` on another
count as one name. Each entity that shares a name with an entity whose id sorts earlier
is reported once per shared name.

Why it matters: a name should lead to one entity. Readers of the corpus, and rules that
look for entities in claim texts (I112), cannot tell which one is meant.

How to fix: keep the alias on the entity it belongs to and remove it from the other; if
the two entities are one, merge them.

    entities:
      - {id: cuban-government, name: Cuban government, aliases: [Havana]}
      - {id: havana, name: Havana, kind: place}      # W102: shares 'Havana'
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Corpus
from ._common import finding
from ._text import entity_names

CODE = "W102"
NAME = "shared-alias"
SEVERITY = "warning"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    holders = entity_names(corpus)
    for names in holders.values():
        if len(names) < 2:
            continue
        ids = list(names)  # in id order
        first = ids[0]
        for other in ids[1:]:
            entity = corpus.entities[other]
            there = "" if names[other] == names[first] else f" (written '{names[first]}' there)"
            yield finding(
                CODE,
                f"entity '{other}' shares the name '{names[other]}' with entity '{first}'{there}, at "
                f"{corpus.entities[first].pos}; keep it on the entity it belongs to, or merge the two",
                entity.pos,
                ("entities", other),
            )
