"""Text helpers shared by the lint rules: normalisation and a blocked search for similar
texts that scales to hundreds of thousands of strings.

Comparing every text with every other is quadratic (100,000 claims are 5·10⁹ pairs), so
texts are first put in *blocks* that near-duplicates share, and only texts in one block
are compared:

- each text's few rarest words (among words found in at least two texts, so a typo'd
  word, which is found once, never becomes a key) — two texts that score ≥ 90 share
  most of their words, and so most of their rarest ones; a text made mostly of common
  words also gets pairs of its least common ones (`maduro cuba`), which are rare;
- for texts of a few words, the text with one word left out (two short texts that
  differ in one word share one of these);
- for short texts (names), their rarest character trigrams, for typos inside a single
  word (`Chavismo` / `Chavizmo`).

Words found in more than `max_df` texts are never keys, so no block grows without
bound. Scores are rapidfuzz's `token_sort_ratio` (word order does not count), computed
as `ratio` on texts whose words are sorted once up front.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process

_NOT_WORD = re.compile(r"[^\w\s]+")
#: the ASCII characters _NOT_WORD removes, for bytes.translate
_ASCII_NOT_WORD = bytes(c for c in range(128) if _NOT_WORD.match(chr(c)))

RARE_WORD_KEYS = 4  # blocking keys per text from its rarest words
FEW_WORDS = 5  # texts of at most this many words also get leave-one-word-out keys
SHORT_TEXT = 32  # texts of at most this many characters also get trigram keys
TRIGRAM_KEYS = 8
COMMON_WORDS = 4  # ... and, when it has too few of those, pairs of its 4 least common words
MAX_DF = 500  # a word in more texts than this is too common to block on
SMALL_BLOCK = 6  # larger blocks are scored in rapidfuzz's C++ loop, not pair by pair
#: a block larger than max_df (thousands of texts that differ only by a number) is not
#: scored all against all: each member is scored against this many of its first members
BLOCK_SAMPLE = 50
#: up to this many texts, all pairs are first scored in rapidfuzz's C++ loop: cheaper
#: than building blocks, and where no pair comes near the threshold, blocks find nothing
ALL_PAIRS_FIRST = 100


def normalise(text: str) -> str:
    """NFC, case-folded, punctuation removed, white space collapsed: what a reader would
    not notice. `U.S.` and `us`, `Maduro's` and `maduros` become the same."""
    return " ".join(words_of(text))


def entity_names(corpus) -> dict[str, dict[str, str]]:
    """Normalised name → {entity id: the name as written}, ids in order: the names and
    aliases that lead to each entity, as W102 and I103 compare them."""
    holders: dict[str, dict[str, str]] = {}
    for entity_id in sorted(corpus.entities):
        entity = corpus.entities[entity_id]
        for name in (entity.name, *entity.aliases):
            key = normalise(name)
            if key:
                holders.setdefault(key, {}).setdefault(entity_id, name)
    return holders


def words_of(text: str) -> list[str]:
    """The words of `normalise(text)`."""
    if text.isascii():  # the same in one pass of C each (NFC and casefold change nothing more)
        return text.encode().lower().translate(None, _ASCII_NOT_WORD).decode().split()
    text = unicodedata.normalize("NFC", text).casefold()
    return _NOT_WORD.sub("", text).split()


def similar_pairs(
    texts: Sequence[str], threshold: float, max_df: int = MAX_DF, keyed: Sequence[str] | None = None
) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) with i < j for the pairs of normalised texts whose token-sort
    similarity (0–100) is at least `threshold`. Texts should be distinct (group exact
    duplicates first); pairs are yielded in no particular order. `keyed`, where the
    caller has them: each text's words, sorted, joined by a space."""
    count = len(texts)
    if count < 2:
        return
    if keyed is None:
        keyed = [" ".join(sorted(t.split())) for t in texts]
    if count <= ALL_PAIRS_FIRST and not _any_pair_near(keyed, threshold):
        return
    words = [t.split() for t in texts]
    df: Counter[str] = Counter()
    for w in words:
        df.update(set(w))

    blocks: dict[str, list[int]] = defaultdict(list)
    short = [i for i, t in enumerate(texts) if len(t) <= SHORT_TEXT]
    trigram_df: Counter[str] = Counter()
    trigrams: dict[int, set[str]] = {}
    for i in short:
        grams = {texts[i][k : k + 3] for k in range(max(1, len(texts[i]) - 2))}
        trigrams[i] = grams
        trigram_df.update(grams)

    pending: list[tuple[int, list[str]]] = []  # texts short of rare words: pairs of common ones
    pair_df: Counter[str] = Counter()
    for i, w in enumerate(words):
        rare = sorted((df[x], x) for x in set(w) if 2 <= df[x] <= max_df)
        for _, x in rare[:RARE_WORD_KEYS]:
            blocks["w" + x].append(i)
        if len(rare) < RARE_WORD_KEYS:
            common = sorted((df[x], x) for x in set(w) if df[x] > max_df)[:COMMON_WORDS]
            keys = [f"p{a} {b}" for n, (_, a) in enumerate(common) for _, b in common[n + 1 :]]
            pending.append((i, keys))
            pair_df.update(keys)
        if 2 <= len(w) <= FEW_WORDS:
            ordered = keyed[i].split()
            for k in range(len(ordered)):
                blocks["o" + " ".join(ordered[:k] + ordered[k + 1 :])].append(i)
        grams = trigrams.get(i)
        if grams:
            rare = sorted((trigram_df[g], g) for g in grams if 2 <= trigram_df[g] <= max_df)
            for _, g in rare[:TRIGRAM_KEYS]:
                blocks["t" + g].append(i)

    for i, keys in pending:
        for key in keys:
            if pair_df[key] <= max_df:
                blocks[key].append(i)

    found: set[int] = set()  # a pair can share several blocks: scored again, yielded once
    scored: set[tuple[int, ...]] = set()  # blocks of the same members, under other keys
    for members in blocks.values():
        if len(members) < 2:
            continue
        members = tuple(sorted(set(members)))  # a text can get one key twice (leave-one-out)
        if members in scored:
            continue  # its pairs are all found already
        scored.add(members)
        if len(members) > max_df:
            hits = _block_hits(members, keyed, threshold, sample=BLOCK_SAMPLE)
        elif len(members) <= SMALL_BLOCK:
            hits = (
                (i, j, fuzz.ratio(keyed[i], keyed[j], score_cutoff=threshold))
                for a, i in enumerate(members)
                for j in members[a + 1 :]
            )
        else:
            hits = _block_hits(members, keyed, threshold)
        for i, j, score in hits:
            if score and (pair := i * count + j) not in found:
                found.add(pair)
                yield i, j, score


def _any_pair_near(keyed: Sequence[str], threshold: float) -> bool:
    """Whether any two texts score within a point of the threshold or above it (the
    point: a margin for rounding between rapidfuzz's ways of scoring one pair)."""
    cutoff = max(threshold - 1, 0)
    return any(
        process.extractOne(keyed[i], keyed[i + 1 :], scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
        for i in range(len(keyed) - 1)
    )


def _block_hits(members: Sequence[int], keyed: Sequence[str], threshold: float, sample: int | None = None) -> Iterator[tuple[int, int, float]]:
    """The matching pairs of one block, each member against the later ones in rapidfuzz's
    C++ loop (no Python per pair); with `sample`, each later member only against the
    first `sample` members, so an oversized block costs linear time."""
    choices = [keyed[j] for j in members]
    if sample is not None:
        head = choices[:sample]
        for position, j in enumerate(members[sample:], sample):
            for _, score, offset in process.extract(
                keyed[j], head, scorer=fuzz.ratio, processor=None, score_cutoff=threshold, limit=None
            ):
                yield members[offset], j, score
        members, choices = members[:sample], head
    for position, i in enumerate(members[:-1]):
        for _, score, offset in process.extract(
            keyed[i], choices[position + 1 :], scorer=fuzz.ratio, processor=None, score_cutoff=threshold, limit=None
        ):
            yield i, members[position + 1 + offset], score


def all_similar_pairs(texts: Sequence[str], threshold: float) -> Iterator[tuple[int, int, float]]:
    """The exhaustive, quadratic version of `similar_pairs`: for tests and benchmarks."""
    keyed = [" ".join(sorted(t.split())) for t in texts]
    for i in range(len(keyed) - 1):
        later = keyed[i + 1 :]
        for _, score, offset in process.extract(
            keyed[i], later, scorer=fuzz.ratio, processor=None, score_cutoff=threshold, limit=None
        ):
            yield i, i + 1 + offset, score
