"""A claim whose text names an entity that is neither its subject nor its object.

Every name and alias of every entity is looked for in every claim's text, as whole
words and ignoring case (`maduro` matches `Maduro's` but not `Madurismo`); where names
overlap, the longest wins (`Maduro's government` is the government, not Maduro). Names
written in capitals only, like `US` or `FANB`, must match in capitals, so that the word
"us" is not the United States. A claim is reported once for each entity its text names
that is not its `subject` or `object`.

Why it matters: the structured fields are what the checks read. A claim about an
entity that does not name it as subject or object takes no part in that entity's value
and conflicts-with checks, and a source that represents the entity is not seen as
self-interested about it.

What to do: if the claim is about the entity, make it the `subject` or `object`. Claims
often name other entities in passing ("amid tensions with the United States"); then
nothing needs doing: this is an info.

    claims:
      - id: maduro-sought-aid                 # I112: names Cuba, not linked
        text: Maduro sought military aid from Cuba
        subject: maduro
        assertions: [{source: el-toque, stance: affirms}]

The search is one pass over the words of each text with a dictionary of names, so it
costs the length of the texts, not texts × entities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..findings import Finding
from ..model import Corpus
from ._common import finding

CODE = "I112"
NAME = "unlinked-mention"
SEVERITY = "info"

_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same words in ASCII text, found faster
#: bytes.translate table: ASCII \w characters stay, every other byte becomes a space, so
#: that split() gives _ASCII_WORD's words of an ASCII text (a pass of C, no regex)
_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and _ASCII_WORD.fullmatch(chr(c)) else 32 for c in range(256))


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    names = _Names(corpus)
    if not names.longest:
        return
    for claim_id, claim in corpus.claims.items():
        found = names.find(claim.text)
        if not found:
            continue
        linked = {claim.subject, claim.object if isinstance(claim.object, str) else None}
        reported: set[str] = set()
        for written, entity_ids in found:
            if linked.intersection(entity_ids):
                continue
            for entity_id in sorted(entity_ids - reported):
                reported.add(entity_id)
                fields = ", ".join(
                    f"{field} '{value}'" for field, value in (("subject", claim.subject), ("object", claim.object))
                    if isinstance(value, str)
                ) or "no subject or object"
                yield finding(
                    CODE,
                    f"claim '{claim_id}' names entity '{entity_id}' ('{written}') in its text, but has "
                    f"{fields}; if the claim is about it, make it the subject or object",
                    claim.pos,
                    ("claims", claim_id),
                )


class _Names:
    """Entity names as word sequences: a dictionary from the first word to the lengths
    that start with it, and from word tuples to entities. `heads` are the first word of
    each one-word name and the first two of each longer one, case-folded: a text that
    holds none of them names no entity, and is passed over without a scan."""

    def __init__(self, corpus: Corpus) -> None:
        self.folded: dict[tuple[str, ...], set[str]] = {}  # case-insensitive names
        self.exact: dict[tuple[str, ...], set[str]] = {}  # names written in capitals
        self.lengths: dict[str, set[int]] = {}  # first word, case-folded -> name lengths
        self.heads: set[str | tuple[str, str]] = set()
        self.longest = 0
        for entity in corpus.entities.values():
            for name in (entity.name, *entity.aliases):
                text = unicodedata.normalize("NFC", name)
                words = tuple(_WORD.findall(text))
                if not words:
                    continue
                letters = [c for c in text if c.isalpha()]
                if len(letters) > 1 and all(c.isupper() for c in letters):
                    self.exact.setdefault(words, set()).add(entity.id)
                    head = tuple(w.casefold() for w in words[:2])
                else:
                    words = tuple(w.casefold() for w in words)
                    self.folded.setdefault(words, set()).add(entity.id)
                    head = words[:2]
                self.heads.add(head if len(head) == 2 else head[0])
                self.lengths.setdefault(words[0].casefold(), set()).add(len(words))
                self.longest = max(self.longest, len(words))
        self.lengths_desc = {first: sorted(found, reverse=True) for first, found in self.lengths.items()}
        # the heads an ASCII text can hold, as bytes: most texts are passed over on these
        self.ascii_heads: set[bytes | tuple[bytes, bytes]] = {
            head.encode() if isinstance(head, str) else tuple(w.encode() for w in head)
            for head in self.heads
            if (head.isascii() if isinstance(head, str) else all(w.isascii() for w in head))
        }

    def find(self, text: str) -> list[tuple[str, set[str]]]:
        """(name as written in the text, entity ids) for each name found, longest first
        where names overlap, left to right."""
        is_ascii = text.isascii()
        if is_ascii:  # then it is NFC, lower() is casefold(), and keeps every word where it was
            folded_bytes = text.encode().translate(_ASCII_WORD_BYTES).lower().split()
            heads = self.ascii_heads
            if heads.isdisjoint(folded_bytes) and heads.isdisjoint(zip(folded_bytes, folded_bytes[1:])):
                return []
            folded = _ASCII_WORD.findall(text.lower())
        else:
            text = unicodedata.normalize("NFC", text)
            folded = [w.casefold() for w in _WORD.findall(text)]
            if self.heads.isdisjoint(folded) and self.heads.isdisjoint(zip(folded, folded[1:])):
                return []
        words = _ASCII_WORD.findall(text) if is_ascii else _WORD.findall(text)
        found = []
        free = 0  # the first word that is not part of a name found already
        for at, first in enumerate(folded):
            if at < free or first not in self.lengths_desc:
                continue
            for length in self.lengths_desc[first]:
                end = at + length
                if end > len(words):
                    continue
                ids = self.exact.get(tuple(words[at:end]))
                ids = ids or self.folded.get(tuple(folded[at:end]))
                if ids:
                    spans = [m.span() for m in _WORD.finditer(text)]
                    found.append((text[spans[at][0] : spans[end - 1][1]], ids))
                    free = end
                    break
        return found
