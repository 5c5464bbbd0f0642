"""Differential fuzzing of the fast YAML readers and validation's C quick path, run by
`make sanitize` with the C parts built under AddressSanitizer and UBSan.

One input is one YAML file, and it must:
  - read the same with the C reader (`_cblockyaml.c`) and the Python one (`blockyaml.py`):
    both decline it, or both give the same nodes at the same places;
  - where they take it, read as libyaml's events read it (no findings, the same nodes);
  - validate the same with validation's C quick path (`_cfields.c`) and without it.
A difference is a bug, and so is any exception; under the sanitizers a memory error or
undefined behaviour ends the process. Either way the input is kept in the crash folder
(`last-input.yaml` is the input being checked when the process died) and printed.

    python fuzz/fuzz_readers.py --seconds 120 --seed 1 fuzz/seeds corpus

Inputs are the seed files mutated with YAML's own pieces: a span cut out, a piece put in
(indicators, indentation, Unicode spaces, long keys, block scalar headers, ...), a line
copied from another seed, indented or outdented, or its line break taken away. An input
that the fast readers take is kept as a seed too: no coverage is measured (atheris gets
none through gcc's sanitizers: see the README), but an input the fast readers take is
one that went through them to the end.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from claimcheck import validate as validation  # noqa: E402
from claimcheck.loader import Limits, LoadedFile, load_bytes  # noqa: E402
from test_blockyaml import agree, readers_agree  # noqa: E402 - the tests' own promise

# pieces a mutation puts in: what makes YAML structure, and what the fast readers must
# refuse or read as libyaml does
PIECES = [
    " ", "  ", "    ", "\n", "\n\n", "\n  ", "\n    ", "\n- ", "- ", "-", ": ", ":", "#", " #", "# c", "?", "? ",
    "|", ">", "|-", "|+", ">-", ">+", "|2", "[", "]", "{", "}", "[]", "{}", ", ", ",", "'", "''", '"', "\\",
    "&a ", "*a", "!", "!!str ", "%", "@", "`", "---", "...", "~", "null", "true", "False", "0x1f", "0o7",
    "1e3", "-5", ".inf", ".nan", "2025-10-01", "2025-02-30", "2025-10", "x", "k", "id", "text", "a: b",
    "\t", "\r", "\r\n", "\x00", "\x7f", "\x85", "\u00a0", "\u2003", "\u3000", "\u2028", "\ufeff", "\ufffe",
    "\U0001f600", "\udcff", "é", "名", "k" * 1024, "k" * 1025, "[" * 130, "{a: " * 20,
]


def check(data: bytes) -> bool:
    """Whether the fast readers took the file; AssertionError where the readers or the
    validations differ."""
    text = data.decode("utf-8", "surrogateescape")  # bytes that are not UTF-8 stay bytes
    readers_agree(text, Limits(max_depth=3))
    taken = agree(text)  # readers_agree on the default limits, then the fast readers against libyaml
    loaded = load_bytes(data, "fuzz.yaml")  # as a corpus file is read
    if loaded.root is not None and validation._cfields is not None:
        with_c = validation.validate([loaded])
        quick, validation._cfields = validation._cfields, None
        try:
            in_python = validation.validate([LoadedFile(loaded.path, loaded.root, loaded.findings)])
        finally:
            validation._cfields = quick
        assert repr(with_c[0]) == repr(in_python[0]), "validation: C and Python build different corpora"
        assert with_c[1] == in_python[1], f"validation: C and Python differ\n{with_c[1]}\n{in_python[1]}"
    return taken


def mutate(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        how = rng.random()
        if how < 0.25 and text:
            text = text[:at] + text[at + rng.randint(1, 8):]
        elif how < 0.7:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        else:
            lines = text.split("\n")
            row = rng.randrange(len(lines))
            if how < 0.8:
                other = rng.choice(seeds).split("\n")
                lines.insert(row, rng.choice(other))
            elif how < 0.9:
                lines[row] = " " * rng.choice([1, 2, 4]) + lines[row] if rng.random() < 0.5 else lines[row][1:]
            elif row + 1 < len(lines):
                lines[row] += lines.pop(row + 1)
            text = "\n".join(lines)
    return text


def window(rng: random.Random, text: str) -> str:
    """A run of whole lines of a long seed: short inputs are checked faster."""
    lines = text.split("\n")
    if len(lines) <= 40:
        return text
    start = rng.randrange(len(lines) - 20)
    return "\n".join(lines[start:start + rng.randint(5, 40)]) + rng.choice(["\n", ""])


def seed_texts(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else [folder]:
            texts.append(path.read_bytes().decode("utf-8", "surrogateescape"))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="+", type=Path, help="folders of seed YAML files")
    parser.add_argument("--seconds", type=float, default=120.0, help="the time budget")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (the inputs tried also depend on speed)")
    parser.add_argument("--crashes", type=Path, default=REPO / "build" / "fuzz-crashes", help="where failing inputs are kept")
    args = parser.parse_args()
    seeds = seed_texts(args.seeds)
    if not seeds:
        parser.error("no seed files found")
    args.crashes.mkdir(parents=True, exist_ok=True)
    # the input being checked, for a process the sanitizers end (cheap: one pwrite each)
    last = os.open(args.crashes / "last-input.yaml", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    rng = random.Random(args.seed)
    pool = list(seeds)
    tried = kept = 0
    deadline = time.monotonic() + args.seconds
    for text in seeds:  # every seed as it is first
        _run(text, last, args.crashes)
    while time.monotonic() < deadline:
        text = mutate(rng, window(rng, rng.choice(pool)), seeds)
        if len(text) > 20_000:
            continue
        tried += 1
        if _run(text, last, args.crashes) and len(pool) < 5_000 and rng.random() < 0.05:
            pool.append(text)
            kept += 1
    os.close(last)
    os.unlink(args.crashes / "last-input.yaml")
    print(f"fuzz_readers: {tried} inputs in {args.seconds:.0f} s, no difference ({len(seeds)} seeds, {kept} inputs kept as seeds)")
    return 0


def _run(text: str, last: int, crashes: Path) -> bool:
    """Check one input; True when the fast readers took it. On a failure: keep it, say so,
    exit 1 (the sanitizers' reports end the process with another code)."""
    data = text.encode("utf-8", "surrogateescape")
    os.ftruncate(last, 0)
    os.pwrite(last, data, 0)
    try:
        taken = check(data)
    except Exception:  # noqa: BLE001 - any exception is a finding of the fuzzer
        kept = crashes / f"crash-{hashlib.sha1(data).hexdigest()[:12]}.yaml"
        kept.write_bytes(data)
        os.unlink(crashes / "last-input.yaml")
        traceback.print_exc()
        print(f"\nfuzz_readers: FAILED on the input kept in {kept}:\n{text!r}", file=sys.stderr)
        sys.exit(1)
    return taken


if __name__ == "__main__":
    sys.exit(main())
