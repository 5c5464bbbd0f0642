"""Recall and speed of the blocked near-duplicate search (lint rule W101).

Builds synthetic claim texts with a seeded generator: base sentences drawn from a
Zipf-distributed vocabulary (a few very common function words, many rarer content
words), plus near-duplicates of some of them made by typos, word swaps, dropped or
added punctuation and changes of case. Then, at each size:

- recall: the blocked search against the exhaustive O(n²) comparison. At 2,000 claims
  every pair is compared; above that, every claim of a random sample of 2,000 is
  compared with all the others (rapidfuzz's C++ loop) and recall counts the pairs that
  touch the sample;
- the time of the blocked search alone (normalising included), wall clock and CPU.

    .venv/bin/python bench/near_duplicates_recall.py [--sizes 2000 20000 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz, process  # noqa: E402

from claimcheck.lint._text import all_similar_pairs, normalise, similar_pairs  # noqa: E402

THRESHOLD = 90
FUNCTION_WORDS = (
    "the of and to in a that is was for on with as by at from his its has have had be not "
    "it are were an this which or their but who will would said government president"
).split()


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    syllables = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is", "us"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    ranked = sorted(words)
    rng.shuffle(ranked)  # the Zipf rank of a word has nothing to do with its spelling
    return ranked


def make_texts(count: int, seed: int = 7, duplicate_share: float = 0.1) -> tuple[list[str], set[tuple[int, int]]]:
    """`count` claim texts and the planted (base, copy) index pairs."""
    rng = random.Random(seed)
    content = vocabulary(rng)
    # Zipf weights: rank r has weight 1/r
    content_weights = [1 / (rank + 1) for rank in range(len(content))]
    cumulative = []
    total = 0.0
    for w in content_weights:
        total += w
        cumulative.append(total)
    texts: list[str] = []
    planted: set[tuple[int, int]] = set()
    for index in range(count):
        if texts and rng.random() < duplicate_share:
            base = rng.randrange(len(texts))
            texts.append(mutate(texts[base], rng))
            planted.add((base, index))
            continue
        length = rng.randint(6, 18)
        sentence = []
        for _ in range(length):
            if rng.random() < 0.35:
                sentence.append(rng.choice(FUNCTION_WORDS))
            else:
                sentence.append(rng.choices(content, cum_weights=cumulative)[0])
        sentence[0] = sentence[0].capitalize()
        texts.append(" ".join(sentence))
    return texts, planted


def mutate(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.choice((1, 1, 2))):
        kind = rng.choice(("typo", "typo", "swap", "case", "punctuation"))
        if kind == "typo":
            k = rng.randrange(len(words))
            w = words[k]
            p = rng.randrange(len(w))
            op = rng.choice(("insert", "delete", "replace", "transpose"))
            letter = rng.choice(string.ascii_lowercase)
            if op == "insert":
                w = w[:p] + letter + w[p:]
            elif op == "delete" and len(w) > 1:
                w = w[:p] + w[p + 1 :]
            elif op == "replace":
                w = w[:p] + letter + w[p + 1 :]
            elif p + 1 < len(w):
                w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
            words[k] = w
        elif kind == "swap" and len(words) > 1:
            k = rng.randrange(len(words) - 1)
            words[k], words[k + 1] = words[k + 1], words[k]
        elif kind == "case":
            k = rng.randrange(len(words))
            words[k] = rng.choice((words[k].upper(), words[k].capitalize(), words[k].lower()))
        else:
            k = rng.randrange(len(words))
            words[k] += rng.choice((",", ";", ".", "'s"))
    return " ".join(words)


def distinct(texts: list[str]) -> tuple[list[str], list[int]]:
    """Distinct normalised texts, and each text's index among them (as the rule does)."""
    index: dict[str, int] = {}
    of = []
    for t in texts:
        of.append(index.setdefault(normalise(t), len(index)))
    return list(index), of


def blocked(texts: list[str]) -> tuple[set[tuple[int, int]], float, float]:
    """The pairs found, and the wall-clock and CPU seconds it took."""
    started, cpu = time.perf_counter(), time.process_time()
    unique, _ = distinct(texts)
    pairs = {(i, j) for i, j, _ in similar_pairs(unique, THRESHOLD)}
    return pairs, time.perf_counter() - started, time.process_time() - cpu


def exhaustive_sample(unique: list[str], sample: list[int]) -> set[tuple[int, int]]:
    keyed = [" ".join(sorted(t.split())) for t in unique]
    found = set()
    for i in sample:
        for _, _, j in process.extract(keyed[i], keyed, scorer=fuzz.ratio, processor=None, score_cutoff=THRESHOLD, limit=None):
            if j != i:
                found.add((min(i, j), max(i, j)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, default=2_000)
    args = parser.parse_args()
    print("recall: blocked / exhaustive pairs scoring >= 90 (on the sample above 2,000 claims);")
    print("planted: share of the planted near-duplicates scoring >= 90 that the blocked search finds")
    print(f"{'claims':>8} {'distinct':>8} {'exhaustive':>10} {'blocked':>8} {'recall':>7} {'planted':>8} {'blocked s':>9} {'cpu s':>6}")
    for size in args.sizes:
        texts, planted = make_texts(size, args.seed)
        found, seconds, cpu = blocked(texts)
        unique, of = distinct(texts)
        if len(unique) <= args.sample:
            truth = {(i, j) for i, j, _ in all_similar_pairs(unique, THRESHOLD)}
            in_sample = found
        else:
            rng = random.Random(args.seed)
            sample = rng.sample(range(len(unique)), args.sample)
            truth = exhaustive_sample(unique, sample)
            chosen = set(sample)
            in_sample = {p for p in found if p[0] in chosen or p[1] in chosen}
        recall = len(in_sample & truth) / len(truth) if truth else 1.0
        keyed = [" ".join(sorted(t.split())) for t in unique]
        planted_pairs = {
            (min(of[a], of[b]), max(of[a], of[b]))
            for a, b in planted
            if of[a] != of[b] and fuzz.ratio(keyed[of[a]], keyed[of[b]]) >= THRESHOLD
        }
        planted_found = len(planted_pairs & found) / len(planted_pairs) if planted_pairs else 1.0
        print(
            f"{size:>8} {len(unique):>8} {len(truth):>10} {len(in_sample & truth):>8} {recall:>7.4f} "
            f"{planted_found:>8.4f} {seconds:>9.2f} {cpu:>6.2f}"
        )
        extra = in_sample - truth
        assert not extra, f"blocked found pairs the exhaustive search did not: {sorted(extra)[:5]}"


if __name__ == "__main__":
    main()
