"""Hostile and odd input through the command line: it never crashes and never hangs.

Every case runs `claimcheck check ... --format json` and requires: no traceback, exit
code 0 or 1, and standard output that parses as JSON. The YAML test suite samples are
read from the shared data folder beside the repository (never copied into it).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SUITE = DATA / "yaml-test-suite"

#: the invalid samples that PyYAML (6.0.3, per data/README.md) accepts: they only must not crash
PYYAML_ACCEPTS = {
    "9C9N", "9JBA", "CVW2", "DK95_01", "EB22", "G5U8", "MUS6_01", "QB6E", "RHX7", "S98Z", "SU5Z", "YJV2",
}


def needs(folder: Path) -> Path:
    if not folder.is_dir():
        pytest.skip(f"shared test data not found at {folder} (it lives beside the repository, in ../shared/data)")
    return folder


def check(*paths: Path | str, fmt: str = "json"):
    """Run `claimcheck check PATHS --format json`; assert it neither crashed nor lied about it."""
    result = CliRunner().invoke(
        app, ["check", *map(str, paths), "--format", fmt], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"claimcheck crashed: {result.exception!r}"
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result


def report(*paths: Path | str) -> tuple[int, dict]:
    """Exit code and JSON document; its findings cut to load, schema and reference ones
    (lint rules have tests of their own)."""
    result = check(*paths)
    document = json.loads(result.stdout)
    document["findings"] = [f for f in document["findings"] if f["code"][0] in "LSRC"]
    return result.exit_code, document


def findings_by_file(document: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for finding in document["findings"]:
        out.setdefault(Path(finding["file"]).name, []).append(finding)
    return out


# --- the YAML test suite -------------------------------------------------------------------


def _suite_files(kind: str) -> list[Path]:
    folder = SUITE / kind
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def test_every_invalid_sample_together_as_one_corpus():
    folder = needs(SUITE / "invalid")
    samples = _suite_files("invalid")
    assert len(samples) == 94
    code, document = report(folder)
    assert code == 1
    by_file = findings_by_file(document)
    missing = [
        p.name for p in samples
        if p.stem not in PYYAML_ACCEPTS and not any(f["line"] >= 1 for f in by_file.get(p.name, []))
    ]
    assert not missing, f"invalid YAML read without a finding: {missing}"
    assert document["summary"]["files"] == 94


@pytest.mark.parametrize("sample", _suite_files("valid"), ids=lambda p: p.stem)
def test_every_valid_sample_on_its_own(sample):
    needs(SUITE / "valid")
    code, document = report(sample)
    assert code == 1 or (code == 0 and not any(f["severity"] == "error" for f in document["findings"]))
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1


def test_valid_samples_are_there():
    needs(SUITE / "valid")
    assert len(_suite_files("valid")) == 103


# --- hostile files, each its own corpus ------------------------------------------------------


def _laughs() -> str:
    lines = ['a0: &a0 ["lol"]'] + [
        f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)
    ]
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, tuple[bytes, str | None]] = {
    # name: (file content, the code it must give; None: any outcome without a crash)
    "alias-bomb": (_laughs().encode(), "L006"),
    "deep-flow": (b"[" * 100_000, "L006"),
    "deep-block-sequences": (b"- " * 100_000 + b"x\n", "L006"),
    "deep-block-mappings": ("".join(" " * n + f"k{n}:\n" for n in range(2_000)).encode(), "L006"),
    "python-tag": (b"sources: !!python/object/apply:os.system ['echo pwned']\n", "L005"),
    "utf-16": ("sources: []\n".encode("utf-16"), "L002"),
    "utf-16-no-bom": ("sources: []\n".encode("utf-16-le"), "L002"),
    "latin-1": ("sources:\n  - {id: s, name: Pa\xeds}\n".encode("latin-1"), "L002"),
    "binary": (bytes(range(256)) * 64, "L002"),
    "control-characters": (b"sources:\n  - {id: s, name: \x1b[2J}\n", "L003"),
    "huge-integer": (b"sources:\n  - {id: s, name: S, note: " + b"9" * 100_000 + b"}\n", None),
    "huge-hex": (b"claims:\n  - {id: c, text: t, object: 0x" + b"f" * 100_000 + b", assertions: []}\n", None),
    "huge-float": (b"predicates:\n  - {id: p, tolerance: 1" + b"0" * 400 + b".5}\n", None),
    "non-finite": (b"predicates:\n  - {id: p, tolerance: .nan}\nclaims:\n  - {id: c, text: t, object: .inf, assertions: []}\n", "S002"),
    "many-keys": (b"sources:\n" + b"".join(b"  - {id: s%d, name: S}\n" % n for n in range(20_000)), None),
    "keys-not-text": (b"? [a, b]\n: 1\n2025-10-12: 2\n~: 3\n", "L008"),
    "crlf-and-cr": (b"sources:\r\n  - {id: s, name: S}\r  - {id: s, name: T}\r\n", "S010"),
    "escapes-in-keys": ('"\\e[31mred\\e[0m\\nline": 1\n"\\0": 2\n'.encode(), "S001"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file(tmp_path, name):
    content, code = HOSTILE[name]
    (tmp_path / f"{name}.yaml").write_bytes(content)
    started = time.perf_counter()
    exit_code, document = report(tmp_path)
    elapsed = time.perf_counter() - started
    print(f"{name}: {elapsed:.2f}s")
    if code is not None:
        assert code in {f["code"] for f in document["findings"]}, document["findings"][:5]
        assert exit_code == 1


@pytest.mark.slow
def test_a_30_mb_scalar(tmp_path):
    body = "x" * 30_000_000
    (tmp_path / "big.yaml").write_text(f"sources:\n  - id: s\n    name: S\n    note: {body}\n", encoding="utf-8")
    started = time.perf_counter()
    code, document = report(tmp_path)
    print(f"30 MB scalar: {time.perf_counter() - started:.2f}s")
    assert (code, document["findings"], document["summary"]["sources"]) == (0, [], 1)


@pytest.mark.slow
def test_a_30_mb_scalar_of_digits(tmp_path):
    # a plain scalar that looks like an integer too long for Python to write back as text
    (tmp_path / "digits.yaml").write_text("sources:\n  - id: s\n    name: S\n    note: " + "1" * 30_000_000 + "\n")
    code, document = report(tmp_path)
    assert code == 0 and document["findings"] == []


@pytest.mark.slow
def test_2000_small_files(tmp_path):
    (tmp_path / "sources.yaml").write_text("sources:\n  - {id: a, name: A}\n  - {id: b, name: B}\n")
    for n in range(2_000):
        denial = "      - {source: b, stance: denies}\n" if n % 100 == 0 else ""
        (tmp_path / f"claim-{n:04d}.yaml").write_text(
            f"claims:\n  - id: c{n}\n    text: Claim {n}\n    assertions:\n      - {{source: a, stance: affirms}}\n{denial}"
        )
    (tmp_path / "claim-0007.yaml").write_text("claims:\n  - id: c7\n    text: [broken\n")
    started = time.perf_counter()
    code, document = report(tmp_path)
    print(f"2,000 files: {time.perf_counter() - started:.2f}s")
    assert code == 1
    assert document["summary"]["files"] == 2_001
    assert len(document["conflicts"]) == 20
    assert [(Path(f["file"]).name, f["code"]) for f in document["findings"]] == [("claim-0007.yaml", "L003")]


# --- the file system ----------------------------------------------------------------------------


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")


@needs_symlinks
def test_symlink_loop_and_link_outside_are_not_followed(tmp_path):
    corpus = tmp_path / "corpus"
    outside = tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (corpus / "sources.yaml").write_text("sources:\n  - {id: inside, name: Inside}\n")
    (outside / "secret.yaml").write_text("sources:\n  - {id: secret, name: Secret}\n")
    os.symlink(outside / "secret.yaml", corpus / "secret.yaml")  # a file outside
    os.symlink(outside, corpus / "elsewhere")  # a folder outside
    os.symlink(corpus / "loop.yaml", corpus / "loop.yaml")  # a link to itself
    os.symlink(corpus, corpus / "sub" / "back-up")  # a folder link back to the root
    os.symlink(corpus / "nowhere", corpus / "dangling.yaml")
    code, document = report(corpus)
    assert code == 0  # L009 is a warning
    warned = {Path(f["file"]).name for f in document["findings"] if f["code"] == "L009"}
    assert {"secret.yaml", "elsewhere", "loop.yaml", "back-up", "dangling.yaml"} <= warned
    assert all(f["severity"] == "warning" for f in document["findings"])
    assert document["summary"]["sources"] == 1  # `secret` was never read
    assert "secret" not in json.dumps(document["conflicts"])


@needs_symlinks
def test_symlink_inside_the_corpus_is_followed(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "real").mkdir(parents=True)
    (corpus / "real" / "s.yaml").write_text("sources:\n  - {id: s, name: S}\n")
    os.symlink(corpus / "real", corpus / "linked")
    os.symlink(corpus / "real", corpus / "a-link")  # sorts before its target
    code, document = report(corpus)
    # the same file reached three times: read once, under its own name
    assert (code, document["findings"]) == (0, [])
    assert document["summary"]["files"] == 1 and document["summary"]["sources"] == 1


def test_a_directory_named_like_a_yaml_file(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    (tmp_path / "x.yaml" / "inner.yaml").write_text("sources:\n  - {id: s, name: S}\n")
    (tmp_path / "empty.yml").mkdir()
    code, document = report(tmp_path)
    assert (code, document["findings"], document["summary"]["sources"]) == (0, [], 1)
    code, document = report(tmp_path / "x.yaml")
    assert (code, document["summary"]["sources"]) == (0, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read(tmp_path):
    # reading a FIFO would wait for a writer forever
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "s.yaml").write_text("sources:\n  - {id: s, name: S}\n")
    code, document = report(tmp_path)
    assert code == 1
    assert [(Path(f["file"]).name, f["code"]) for f in document["findings"]] == [("pipe.yaml", "L001")]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text("sources: []\n")
    path.chmod(0)
    try:
        code, document = report(tmp_path)
    finally:
        path.chmod(0o644)
    assert code == 1 and [f["code"] for f in document["findings"]] == ["L001"]


def test_hidden_files_and_other_extensions_are_skipped(tmp_path):
    (tmp_path / ".hidden.yaml").write_text("!!python/object/apply:os.system [ls]\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.yaml").write_text("[unclosed\n")
    (tmp_path / "notes.txt").write_text("[unclosed\n")
    (tmp_path / "a.yml").write_text("sources:\n  - {id: s, name: S}\n")
    code, document = report(tmp_path)
    assert (code, document["findings"], document["summary"]["files"]) == (0, [], 1)


# --- large rules ---------------------------------------------------------------------------------


SOURCES = "sources:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"


@pytest.mark.slow
def test_a_5000_step_implies_chain_with_a_cycle(tmp_path):
    n = 5_000
    lines = [SOURCES, "claims:\n"]
    for i in range(n):
        if i in (0, 2_500, n - 1):  # a few assertions, so that conflicts exist
            lines.append(f"  - id: c{i}\n    text: Claim {i}\n    assertions:\n"
                         "      - {source: a, stance: affirms}\n      - {source: b, stance: denies}\n")
        else:
            lines.append(f"  - id: c{i}\n    text: Claim {i}\n    assertions: []\n")
    lines.append("rules:\n")
    lines += [f"  - {{id: r{i}, kind: implies, if: c{i}, then: c{(i + 1) % n}}}\n" for i in range(n)]  # the last closes the cycle
    (tmp_path / "chain.yaml").write_text("".join(lines))
    started = time.perf_counter()
    code, document = report(tmp_path)
    print(f"5,000-step implies cycle: {time.perf_counter() - started:.2f}s")
    assert code == 1
    assert [c["id"] for c in document["conflicts"]] == ["contradiction:c0", "contradiction:c2500", "contradiction:c4999"]
    assert {f["code"] for f in document["findings"]} == {"S011"}


def test_a_long_implies_cycle_affirmed_throughout_costs_what_its_chains_cost(tmp_path, monkeypatch):
    """Every claim of a 1,500-step cycle affirmed and one denied: the denied claim has
    1,499 supporters, each with its own chain round the cycle. One search per supporter
    made the JSON of a 5,000-step cycle take 30 s and 3.6 GB; one search back from the
    target serves them all. Counted, not timed: the edges the support graph looks at stay
    in proportion to the graph, whatever the chains add up to."""
    from claimcheck.analysis import analyze
    from claimcheck.engine import support
    from claimcheck.report.data import document

    looked_at = [0]

    class Counted(list):
        def __iter__(self):
            looked_at[0] += len(self)
            return super().__iter__()

    real_init = support.SupportGraph.__init__

    def counting_init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.out = [Counted(edges) for edges in self.out]
        self.into = [Counted(edges) for edges in self.into]

    monkeypatch.setattr(support.SupportGraph, "__init__", counting_init)
    n = 1_500
    lines = [SOURCES, "claims:\n"]
    for i in range(n):
        denial = "\n      - {source: b, stance: denies}" if i == n // 2 else ""
        lines.append(f"  - id: c{i}\n    text: Claim {i}\n    assertions:\n      - {{source: a, stance: affirms}}{denial}\n")
    lines.append("rules:\n")
    lines += [f"  - {{id: r{i}, kind: implies, if: c{i}, then: c{(i + 1) % n}}}\n" for i in range(n)]
    (tmp_path / "cycle.yaml").write_text("".join(lines))
    result = analyze([tmp_path])
    [conflict] = document(result, result.conflicts, None)["conflicts"]
    chains = {a["claim"]: a["chain"] for side in conflict["sides"] for a in side["assertions"] if a["chain"]}
    assert len(chains) == n - 1 and sum(map(len, chains.values())) == n * (n - 1) // 2
    denied = n // 2
    assert chains[f"c{denied - 1}"] == [f"r{denied - 1}"]
    assert chains[f"c{denied + 1}"] == [f"r{(denied + 1 + k) % n}" for k in range(n - 1)]  # the long way round
    print(f"edges looked at: {looked_at[0]}")
    assert looked_at[0] < 30 * n, looked_at[0]  # one search per supporter: about n * n


@pytest.mark.slow
def test_a_3000_member_exclusive_rule(tmp_path):
    n = 3_000
    lines = [SOURCES, "claims:\n"]
    for i in range(n):
        if i % 1_000 == 0:
            source = "a" if i % 2_000 == 0 else "b"
            lines.append(f"  - id: c{i}\n    text: Claim {i}\n    assertions:\n      - {{source: {source}, stance: affirms}}\n")
        else:
            lines.append(f"  - id: c{i}\n    text: Claim {i}\n    assertions: []\n")
    lines.append("rules:\n  - id: only-one\n    kind: exclusive\n    claims: [" + ", ".join(f"c{i}" for i in range(n)) + "]\n")
    (tmp_path / "exclusive.yaml").write_text("".join(lines))
    started = time.perf_counter()
    code, document = report(tmp_path)
    print(f"3,000-member exclusive rule: {time.perf_counter() - started:.2f}s")
    assert code == 1
    (conflict,) = document["conflicts"]
    assert conflict["id"] == "exclusive:only-one"
    assert conflict["claims"] == ["c0", "c1000", "c2000"]


@pytest.mark.slow
def test_a_3000_member_exclusive_rule_full_of_unknown_claims(tmp_path):
    # every member misspelled: 3,000 findings, each with a did-you-mean over 3,000 ids
    n = 3_000
    claims = "".join(f"  - {{id: claim-{i}, text: t, assertions: [{{source: a, stance: affirms}}]}}\n" for i in range(n))
    rule = "rules:\n  - id: r\n    kind: exclusive\n    claims: [" + ", ".join(f"clam-{i}" for i in range(n)) + "]\n"
    (tmp_path / "c.yaml").write_text(SOURCES + "claims:\n" + claims + rule)
    started = time.perf_counter()
    code, document = report(tmp_path)
    print(f"3,000 unknown claims: {time.perf_counter() - started:.2f}s")
    assert code == 1
    assert len(document["findings"]) == n and {f["code"] for f in document["findings"]} == {"R003"}
    assert "did you mean 'claim-" in document["findings"][0]["message"]


def test_every_output_format_survives_hostile_text(tmp_path):
    (tmp_path / "a.yaml").write_text(
        'sources:\n  - {id: a, name: "\\e[2J[bold]red[/bold]"}\n  - {id: b, name: "[/]"}\n'
        "claims:\n  - id: c\n    text: \"[link=file:///etc]x[/link] \\x07\"\n    assertions:\n"
        "      - {source: a, stance: affirms, quote: \"[red]\"}\n      - {source: b, stance: denies}\n"
        '"[bad": 1\n'
    )
    for fmt in ("json", "jsonl", "concise", "table"):
        result = check(tmp_path, fmt=fmt)
        assert result.exit_code == 1
        if fmt == "json":
            json.loads(result.stdout)
        if fmt == "jsonl":
            for line in result.stdout.splitlines():
                json.loads(line)


# --- found by a black-box sweep: each of these once ended in "internal error" or lost data


def _run(*args: str):
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})


def test_learned_trust_with_an_invalid_assertion_before_a_valid_one(tmp_path):
    (tmp_path / "c.yaml").write_text(
        "sources: [{id: s, name: S}]\n"
        "claims: [{id: c, text: t, assertions: [{credibility: 3}, {source: s, stance: doubts}]}]\n"
    )
    for command in ("conflicts", "check", "sources"):
        result = _run(command, str(tmp_path), "--assess", "trust", "--format", "json")
        assert result.exit_code in (0, 1) and "internal error" not in result.output, result.output
        json.loads(result.stdout)


def test_outputs_never_overwrite_the_corpus(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "sources.yaml").write_text("sources: [{id: s, name: S}]\n")
    before = (corpus / "sources.yaml").read_bytes()
    attempts = [
        ("conflicts", str(corpus), "-f", "json", "-o", str(corpus / "sources.yaml")),
        ("check", str(corpus), "--write-baseline", str(corpus / "sources.yaml")),
        ("sources", str(corpus), "-o", str(corpus / "new.yml")),  # would be read as corpus next time
        ("conflicts", str(corpus / "sources.yaml"), "-f", "json", "-o", str(corpus / "sources.yaml")),
    ]
    for args in attempts:
        result = _run(*args)
        assert result.exit_code == 2 and "part of the corpus" in result.stderr, (args, result.output)
    assert (corpus / "sources.yaml").read_bytes() == before
    assert sorted(p.name for p in corpus.iterdir()) == ["sources.yaml"]
    assert _run("conflicts", str(corpus), "-f", "json", "-o", str(corpus / "out.json")).exit_code == 0


def test_writing_through_a_symlink_updates_its_target(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "sources.yaml").write_text("sources: [{id: s, name: S}]\n")
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert _run("check", str(corpus), "--write-baseline", str(tmp_path / "link.json")).exit_code == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "real.json").read_text())["format"] == "claimcheck-baseline"


def test_json_nested_too_deeply(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "sources.yaml").write_text("sources: [{id: s, name: S}]\n")
    result = _run("check", str(corpus), "--baseline", str(deep))
    assert result.exit_code == 2 and "nested too deeply" in result.stderr
    result = _run("import", "claimreview", str(deep), "--out", str(tmp_path / "out"))
    assert "internal error" not in result.output and "nested too deeply" in result.output


@pytest.mark.parametrize("max_depth", ["1000000000", "3000000000", "1000"])
def test_a_configuration_cannot_lift_the_depth_limit_past_the_readers(tmp_path, max_depth):
    """A pull request can change the configuration along with the corpus: a huge
    max-depth once overflowed the C reader's stack (exit 139) or its int argument."""
    import subprocess

    (tmp_path / ".git").mkdir()
    (tmp_path / ".claimcheck.yaml").write_text(f"limits:\n  max-depth: {max_depth}\n")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "deep.yaml").write_text("claims: " + "[" * 100_000 + "]" * 100_000 + "\n")
    done = subprocess.run([sys.executable, "-m", "claimcheck", "check", "c", "-f", "json"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    if max_depth == "1000":  # the most it may be
        assert done.returncode == 1
        assert [f["code"] for f in json.loads(done.stdout)["findings"]] == ["L006"]
    else:
        assert done.returncode == 2 and "'limits.max-depth'" in done.stderr and "at most 1000" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_standard_output_is_a_message_not_a_bug(tmp_path):
    import subprocess

    (tmp_path / "c.yaml").write_text("sources: [{id: s, name: S}]\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(tmp_path), "-f", "json"],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert "cannot write the output" in done.stderr and "internal error" not in done.stderr


def test_no_human_format_passes_control_or_bidi_characters_through(tmp_path):
    """A name or text with a terminal escape (title change, screen clear), NUL, BEL or a
    right-to-left override reaches no terminal and no PR comment raw: it is shown escaped."""
    import re

    (tmp_path / "c.yaml").write_text(
        'sources:\n  - {id: a, name: "A\\e]0;TITLE\\a\\u202eX"}\n  - {id: b, name: B}\n'
        'claims:\n  - id: c\n    text: "T\\e[2J\\e[31mRED\\0"\n    object: "o\\e[1m"\n    assertions:\n'
        '      - {source: a, stance: affirms, quote: "q\\e[31m"}\n      - {source: b, stance: denies}\n'
        'resolutions:\n  - {conflict: "contradiction:c", status: acknowledged, verdict: "v\\e[5m"}\n'
    )
    raw = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    runs = [("conflicts", str(tmp_path), "-f", fmt) for fmt in ("table", "concise", "markdown", "github")]
    runs += [(view, str(tmp_path)) for view in ("sources", "claims", "timeline", "matrix")]
    runs += [("show", ident, str(tmp_path)) for ident in ("c", "a", "contradiction:c")]
    for args in runs:
        result = _run(*args)
        assert "internal error" not in result.output, args
        assert not raw.search(result.stdout), (args, raw.findall(result.stdout))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_baseline_that_cannot_be_written_stops_the_run_before_any_output(tmp_path):
    (tmp_path / "c.yaml").write_text("sources: [{id: s, name: S}]\n")
    for command in ("check", "conflicts"):
        result = _run(command, str(tmp_path), "-f", "json", "--write-baseline", "/dev/full")
        assert result.exit_code == 2 and result.stdout == "", command
        assert "cannot write '/dev/full'" in result.stderr


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="file names there must be valid Unicode")
@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown", "concise"])
def test_file_and_folder_names_that_are_not_utf8(tmp_path, fmt):
    # Python holds such names as lone surrogates, which no output can encode
    folder = tmp_path / os.fsdecode(b"d\xfe")
    folder.mkdir()
    (folder / os.fsdecode(b"x\xff.yaml")).write_text("bogus: 1\n", encoding="utf-8")
    result = check(tmp_path, fmt=fmt)
    assert result.exit_code == 1
    assert "xfe/x" in result.stdout and "xff.yaml" in result.stdout  # each format escapes the \\ its way
    if fmt == "json":
        [finding] = json.loads(result.stdout)["findings"]
        assert finding["code"] == "S001" and finding["file"].endswith("d\\xfe/x\\xff.yaml")
