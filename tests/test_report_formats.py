"""The annotation formats (sarif, github, markdown) through the CLI, and every format on one corpus.

The corpus below holds one conflict of each interesting status and shape: an open
contradiction (error), an open exclusive conflict (warning, by its rule), a resolved
value conflict, and one schema finding (S004, an unknown field).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.cli import Format, app
from claimcheck.report.sarif import artifact_location

SARIF_SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"

SOURCES = """\
sources:
  - id: herald
    name: "The Herald | Daily"
    kind: newspaper
  - id: gazette
    name: The Gazette
    kind: newspaper
  - id: ministry
    name: Ministry
    kind: government
"""

CLAIMS = """\
claims:
  - id: talks-held
    text: Talks were held
    assertions:
      - source: herald
        stance: affirms
        date: 2025-10-12
        quote: "Officials met | twice"
      - source: ministry
        stance: denies
        date: 2025-10-13
  - id: deal-signed
    text: A deal was signed
    assertions:
      - source: gazette
        stance: affirms
        date: 2025-10-14
  - id: war-declared
    text: War was declared
    assertions:
      - source: ministry
        stance: affirms
        date: 2025-10-15
  - id: capital
    text: The capital
    assertions:
      - source: herald
        stance: affirms
        value: north
        colour: red
      - source: gazette
        stance: affirms
        value: south
rules:
  - id: deal-or-war
    kind: exclusive
    severity: warning
    claims: [deal-signed, war-declared]
"""

RESOLUTIONS = """\
resolutions:
  - conflict: value:capital
    status: resolved
    verdict: "north, per the atlas"
    by: editor
    date: 2025-10-20
"""

FILES = {"sources.yaml": SOURCES, "claims.yaml": CLAIMS, "resolutions.yaml": RESOLUTIONS}

ENV = {"NO_COLOR": "1", "COLUMNS": "120", "GITHUB_ACTIONS": None}


def write_corpus(directory: Path, files=FILES, order=None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in order or files:
        (directory / name).write_text(files[name], encoding="utf-8")
    return directory


def run(*args, env=None):
    result = CliRunner().invoke(app, [str(a) for a in args], env={**ENV, **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claimcheck crashed: {args}\n{result.output}") from result.exception
    return result


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column), 1-based, of the nth line holding `needle`, at the needle."""
    hits = [(n, line.index(needle)) for n, line in enumerate(text.splitlines(), 1) if needle in line]
    line, index = hits[nth]
    return line, index + 1


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def relative_corpus(tmp_path, monkeypatch) -> Path:
    write_corpus(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return Path("corpus")


# --- sarif -------------------------------------------------------------------------------


def sarif(*args, env=None) -> tuple[dict, int]:
    out = run(*args, "--format", "sarif", env=env)
    log = json.loads(out.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log, out.exit_code


def by_rule(log: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for result in log["runs"][0]["results"]:
        out.setdefault(result["ruleId"], []).append(result)
    return out


def test_sarif_is_valid_with_one_run_and_the_driver(relative_corpus):
    log, code = sarif("check", relative_corpus)
    assert code == 1  # the S004 error
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["informationUri"] == "https://github.com/claimcheck/claimcheck"
    assert driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["contradiction", "exclusive", "value", "conflicts-with", "S004"]
    s004 = driver["rules"][4]
    assert s004["name"] == "unknown-field"
    assert s004["shortDescription"]["text"] == "a field the format does not define"
    assert s004["defaultConfiguration"]["level"] == "error"


def test_sarif_results_rule_ids_levels_and_locations(relative_corpus):
    log, _ = sarif("check", relative_corpus)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    # every conflict (the resolved one as a suppressed result), then the finding
    assert [r["ruleId"] for r in results] == ["contradiction", "exclusive", "value", "S004"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    contradiction, exclusive, value, finding = results
    assert "suppressions" in value and "suppressions" not in contradiction
    assert contradiction["level"] == "error"
    assert exclusive["level"] == "warning"
    assert finding["level"] == "error"

    line, column = where(CLAIMS, "source: herald")
    location = contradiction["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "corpus/claims.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": line, "startColumn": column}
    assert contradiction["message"]["text"].splitlines() == [
        "contradiction:talks-held",
        "supports: herald affirms (2025-10-12)",
        "opposes: ministry denies (2025-10-13)",
    ]
    [related] = contradiction["relatedLocations"]
    assert related["id"] == 1
    assert related["message"]["text"] == "opposes: ministry denies (2025-10-13)"
    assert related["physicalLocation"]["region"]["startLine"] == where(CLAIMS, "source: ministry")[0]
    assert contradiction["properties"] == {
        "id": "contradiction:talks-held", "kind": "contradiction", "severity": "error",
        "status": "open", "claims": ["talks-held"], "sources": ["herald", "ministry"],
    }

    line, column = where(CLAIMS, "colour: red")
    region = finding["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line, "startColumn": column}
    assert "colour" in finding["message"]["text"]


def test_sarif_fingerprints_follow_ids(relative_corpus):
    log, _ = sarif("check", relative_corpus)
    contradiction, exclusive, _, finding = log["runs"][0]["results"]
    assert contradiction["partialFingerprints"] == {"claimcheckId/v1": "contradiction:talks-held"}
    assert exclusive["partialFingerprints"] == {"claimcheckId/v1": "exclusive:deal-or-war"}
    assert finding["partialFingerprints"] == {
        "claimcheckFinding/v1": "S004:corpus/claims.yaml:claims/capital/assertions/by:herald"
    }


def test_sarif_fingerprints_of_two_findings_on_one_item_differ(tmp_path):
    files = {"claims.yaml": SOURCES + CLAIMS.replace("colour: red", "colour: red\n        flavour: sweet")}
    log, _ = sarif("check", write_corpus(tmp_path / "c", files))
    prints = [r["partialFingerprints"]["claimcheckFinding/v1"] for r in by_rule(log)["S004"]]
    assert len(prints) == 2 and len(set(prints)) == 2


def test_sarif_fingerprints_of_load_findings_hold_no_line_numbers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"dup.yaml": "sources:\n  - id: a\n    name: A\n    name: B\n", "bad.yaml": "claims: [\n  {id: x\n"}
    before = {r["ruleId"]: r["partialFingerprints"] for r in sarif("check", write_corpus(Path("c"), files))[0]["runs"][0]["results"]}
    assert before == {
        "L003": {"claimcheckFinding/v1": "L003:c/bad.yaml:YAML syntax: did not find expected ',' or '}'"},
        "L004": {"claimcheckFinding/v1": "L004:c/dup.yaml:duplicate key 'name'; the second one is ignored"},
    }
    moved = {name: "# a comment\n\n" + text for name, text in files.items()}
    after = {r["ruleId"]: r["partialFingerprints"] for r in sarif("check", write_corpus(Path("c"), moved))[0]["runs"][0]["results"]}
    assert after == before


def test_sarif_resolved_conflicts_are_suppressed_not_dropped(relative_corpus):
    log, _ = sarif("conflicts", relative_corpus, "--all")
    [value] = by_rule(log)["value"]
    assert value["level"] == "error"
    assert value["properties"]["status"] == "resolved"
    [suppression] = value["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert suppression["justification"] == "resolved by editor on 2025-10-20: north, per the atlas"
    where_resolved = suppression["location"]["physicalLocation"]
    assert where_resolved["artifactLocation"]["uri"] == "corpus/resolutions.yaml"
    assert where_resolved["region"]["startLine"] == where(RESOLUTIONS, "conflict: value:capital")[0]
    # the open ones carry none
    for kind in ("contradiction", "exclusive"):
        assert "suppressions" not in by_rule(log)[kind][0]


def test_sarif_absolute_paths_become_file_uris(corpus):
    log, _ = sarif("check", corpus)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (corpus / "claims.yaml").as_uri()}


@pytest.mark.skipif(os.name == "nt", reason="a backslash separates folders on Windows")
def test_sarif_uri_percent_encodes_a_backslash_in_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(Path("c"), {"odd\\name.yaml": SOURCES.replace("kind: government", "kind: government\n    colour: red")})
    log, _ = sarif("check", "c")
    [location] = log["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "c/odd%5Cname.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/srv/odd\\name.yaml") == {"uri": "file:///srv/odd%5Cname.yaml"}


def test_sarif_without_anything_to_report(tmp_path):
    log, code = sarif("check", write_corpus(tmp_path / "c", {"sources.yaml": SOURCES}))
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == [
        "contradiction", "exclusive", "value", "conflicts-with"
    ]


# --- github ------------------------------------------------------------------------------


def test_github_one_annotation_per_open_conflict_and_finding(relative_corpus):
    out = run("check", relative_corpus, "--format", "github")
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    line, column = where(CLAIMS, "source: herald")
    assert lines[0] == (
        f"::error file=corpus/claims.yaml,line={line},col={column},title=claimcheck contradiction::"
        "contradiction:talks-held%0Asupports: herald affirms (2025-10-12)%0Aopposes: ministry denies (2025-10-13)"
    )
    assert lines[1].startswith("::warning file=corpus/claims.yaml,")
    assert "title=claimcheck exclusive::exclusive:deal-or-war%0A" in lines[1]
    line, column = where(CLAIMS, "colour: red")
    head, message = lines[2].split("::", 2)[1:]
    assert head == f"error file=corpus/claims.yaml,line={line},col={column},title=claimcheck S004 unknown-field"
    assert "'colour'" in message
    assert len(lines) == 3  # the resolved value conflict is not annotated


def test_github_resolved_conflicts_are_not_annotated_even_when_given(relative_corpus):
    out = run("conflicts", relative_corpus, "--all", "--format", "github")
    assert "value:capital" not in out.stdout


def test_github_escapes_message_and_properties(tmp_path):
    weird = tmp_path / "c"
    weird.mkdir()
    # a file name with ':' and ',', a key with '%', ':', ',' and a newline in it
    (weird / "we:ird,name.yaml").write_text(
        'sources:\n  - id: a\n    name: A\n    "50%: x,\\ny": 1\n', encoding="utf-8"
    )
    out = run("check", weird, "--format", "github")
    [line] = out.stdout.splitlines()
    prefix = str(weird).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(f"::error file={prefix}/we%3Aird%2Cname.yaml,line=4,col=5,title=claimcheck S004 unknown-field::")
    message = line.split("::", 2)[2]
    assert "50%25: x,%0Ay" in message  # '%' and the newline escaped; ':' and ',' kept in the message
    assert "\n" not in message and "%0A" in message


def test_github_escape_functions():
    from claimcheck.report.github import escape_data, escape_property

    assert escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    # '%' first, so the escapes themselves are not escaped again
    assert escape_property("%3A") == "%253A"


def test_github_info_is_a_notice(tmp_path):
    files = {"c.yaml": SOURCES + CLAIMS.replace("severity: warning", "severity: info")}
    out = run("check", write_corpus(tmp_path / "c", files), "--format", "github")
    [exclusive] = [l for l in out.stdout.splitlines() if "exclusive" in l]
    assert exclusive.startswith("::notice ")


# --- markdown ----------------------------------------------------------------------------


def cells(row: str) -> list[str]:
    """A markdown table row split at its unescaped pipes."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return [c.strip() for c in re.split(r"(?<!\\)\|", row[1:-1])]


def test_markdown_structure(relative_corpus):
    out = run("conflicts", relative_corpus, "--all", "--format", "markdown")
    text = out.stdout
    lines = text.splitlines()
    assert lines[0] == "## claimcheck"
    assert "**2 open conflicts** (1 error, 1 warning; 1 contradiction, 1 exclusive)" in text
    assert "**1 finding** (1 error)" in text
    headings = [l for l in lines if l.startswith("### ")]
    assert headings == [
        "### `contradiction:talks-held` — error contradiction",
        "### `exclusive:deal-or-war` — warning exclusive",
        "### Findings",
    ]
    start = lines.index("| side | source | stance | date | claim | quote |")
    assert lines[start + 1] == "| --- | --- | --- | --- | --- | --- |"
    supports, opposes = lines[start + 2], lines[start + 3]
    assert cells(supports) == ["supports", "The Herald \\| Daily", "affirms", "2025-10-12", "talks-held", "Officials met \\| twice"]
    assert cells(opposes) == ["opposes", "Ministry", "denies", "2025-10-13", "talks-held", ""]

    start = lines.index("| file:line | severity | code | message |")
    line, _ = where(CLAIMS, "colour: red")
    row = cells(lines[start + 2])
    assert row[:3] == [f"corpus/claims.yaml:{line}", "error", "S004 unknown-field"]

    # the resolved conflict: only listed, folded away at the end
    details = text[text.index("<details>"):]
    assert "<summary>1 acknowledged or resolved conflict</summary>" in details
    assert "- `value:capital` (error value) — resolved by editor on 2025-10-20: north, per the atlas" in details
    assert details.rstrip().endswith("</details>")
    assert "### `value:capital`" not in text


def test_markdown_every_table_row_has_its_columns(relative_corpus):
    text = run("conflicts", relative_corpus, "--all", "--format", "markdown").stdout
    table: list[str] = []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            table.append(line)
        elif table:
            widths = {len(cells(row)) for row in table}
            assert len(widths) == 1, table
            table = []


def test_markdown_cell_escaping():
    from claimcheck.report.markdown import cell

    assert cell("a | b") == "a \\| b"
    assert cell("line one\nline  two") == "line one line two"
    assert cell("*not bold* <b>x</b> `code`") == "\\*not bold\\* \\<b\\>x\\</b\\> \\`code\\`"
    assert cell("back\\slash|pipe") == "back\\\\slash\\|pipe"
    assert cell(None) == ""
    assert cell("ask @octocat, @org/team or a@b.org; @ alone") == "ask @\u200boctocat, @\u200borg/team or a@\u200bb.org; @ alone"


def test_markdown_mentions_no_one(tmp_path):
    files = {
        "sources.yaml": SOURCES.replace("name: Ministry", "name: \"@ministry-press\""),
        "claims.yaml": CLAIMS.replace("text: Talks were held", "text: \"Talks @octocat held\"")
        .replace("met | twice", "met | twice, cc @github/security"),
        "resolutions.yaml": RESOLUTIONS.replace("by: editor", "by: \"@editor\""),
    }
    text = run("check", write_corpus(tmp_path / "c", files), "--format", "markdown").stdout
    for name in ("ministry-press", "octocat", "github/security", "editor"):
        assert f"@\u200b{name}" in text
    assert not re.search(r"@\w", text)


def contested(n: int, assertions: int = 2, quote: str = "") -> str:
    """n claims, each affirmed and denied (`assertions` times in all), with long quotes."""
    lines = ["sources:", "  - {id: a, name: Source A}", "  - {id: b, name: Source B}", "claims:"]
    for c in range(n):
        lines += [f"  - id: claim-{c:04d}", f"    text: Claim number {c} about the talks", "    assertions:"]
        for k in range(assertions):
            stance = "affirms" if k % 2 == 0 else "denies"
            lines.append(f'      - {{source: {"ab"[k % 2]}, stance: {stance}, quote: "{quote or "officials said so"} {k}", hue: {k}}}')
    return "\n".join(lines) + "\n"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def finding_count(markdown: str) -> int:
    return int(re.search(r"\*\*(\d+) findings\*\*", markdown)[1])


def test_markdown_is_cut_at_a_row_to_fit_a_github_comment(tmp_path):
    # 400 contradictions and 800 and more findings (the unknown field hue), quotes of
    # astral characters that count twice in JavaScript: far above GitHub's 65,536 characters
    files = {"c.yaml": contested(400, quote="🙂" * 60 + " officials said so")}
    text = run("check", write_corpus(tmp_path / "c", files), "--format", "markdown").stdout
    assert "**400 open conflicts**" in text and finding_count(text) >= 800
    assert utf16_length(text) <= 60_000
    lines = text.splitlines()
    shown = len([l for l in lines if l.startswith("### `contradiction:")])
    assert 0 < shown < 400
    assert lines[-1] == (
        f"*… and {400 - shown} more open conflicts and {finding_count(text)} more findings not shown: "
        "see the SARIF or JSON output (`--format sarif` or `--format json`).*"
    )
    assert "### Findings" not in text
    # every conflict shown is whole: its table has both its rows
    assert len([l for l in lines if l.startswith("| supports |") or l.startswith("| opposes |")]) == 2 * shown


def test_markdown_cut_in_the_findings_or_inside_one_long_conflict(tmp_path):
    files = {"c.yaml": contested(3) + "".join(f"  - {{id: bad-{n:04d}, text: x, colour: red}}\n" for n in range(3000))}
    text = run("check", write_corpus(tmp_path / "c", files), "--format", "markdown").stdout
    assert utf16_length(text) <= 60_000
    lines = text.splitlines()
    assert len([l for l in lines if l.startswith("### `contradiction:")]) == 3
    rows = lines[lines.index("| file:line | severity | code | message |") + 2:-2]
    findings = finding_count(text)
    assert findings > 6000 and 0 < len(rows) < findings and all(len(cells(row)) == 4 for row in rows)
    assert lines[-1].startswith(f"*… and {findings - len(rows)} more findings not shown:")

    one = {"c.yaml": contested(1, assertions=2000)}
    text = run("check", write_corpus(tmp_path / "one", one), "--format", "markdown").stdout
    assert utf16_length(text) <= 60_000
    lines = text.splitlines()
    rows = [l for l in lines if l.startswith("| supports |") or l.startswith("| opposes |")]
    assert 0 < len(rows) < 2000 and rows[-1] in (lines[-3], lines[-2])
    assert lines[-1].startswith(f"*… and the other rows of `contradiction:claim-0000` and {finding_count(text)} more findings not shown:")


def test_markdown_with_nothing_to_report(tmp_path):
    out = run("check", write_corpus(tmp_path / "c", {"sources.yaml": SOURCES}), "--format", "markdown")
    assert out.exit_code == 0
    assert out.stdout == "## claimcheck\n\nNo open conflicts and no findings.\n"


# --- default format ----------------------------------------------------------------------


def test_github_is_the_default_in_github_actions(relative_corpus):
    out = run("check", relative_corpus, env={"GITHUB_ACTIONS": "true"})
    assert out.stdout.startswith("::error file=corpus/claims.yaml,")
    assert out.stdout == run("check", relative_corpus, "--format", "github").stdout


def test_github_is_not_the_default_elsewhere(relative_corpus):
    for value in (None, "false", "1"):
        out = run("check", relative_corpus, env={"GITHUB_ACTIONS": value})
        assert not out.stdout.startswith("::"), value
        assert out.stdout == run("check", relative_corpus, "--format", "concise").stdout


def test_an_explicit_format_wins_in_github_actions(relative_corpus):
    out = run("check", relative_corpus, "--format", "json", env={"GITHUB_ACTIONS": "true"})
    assert json.loads(out.stdout)["schema_version"] == 1


# --- every format ------------------------------------------------------------------------


NEW_FORMATS = ("sarif", "github", "markdown")


@pytest.mark.parametrize("fmt", NEW_FORMATS)
@pytest.mark.parametrize("command", ["check", "conflicts"])
def test_byte_identical_whatever_the_order_files_are_written_in(tmp_path, fmt, command):
    names = list(FILES)
    one = write_corpus(tmp_path / "one", order=names)
    two = write_corpus(tmp_path / "two", order=list(reversed(names)))
    first = run(command, one, "--all" if command == "conflicts" else "--quiet", "--format", fmt)
    second = run(command, two, "--all" if command == "conflicts" else "--quiet", "--format", fmt)
    assert first.exit_code == second.exit_code

    def without(directory: Path, text: str) -> str:
        from claimcheck.report.markdown import cell

        for shown in (str(directory), cell(str(directory))):  # markdown escapes its '_'
            text = text.replace(shown, "<dir>")
        return text

    assert without(one, first.stdout) == without(two, second.stdout)
    assert "<dir>" in without(one, first.stdout)


@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_byte_identical_with_relative_paths(tmp_path, monkeypatch, fmt):
    names = list(FILES)
    write_corpus(tmp_path / "one" / "corpus", order=names)
    write_corpus(tmp_path / "two" / "corpus", order=list(reversed(names)))
    outputs = []
    for root in ("one", "two"):
        monkeypatch.chdir(tmp_path / root)
        outputs.append(run("check", "corpus", "--format", fmt).stdout)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("command", ["check", "conflicts"])
def test_every_format_renders_the_corpus(corpus, fmt, command):
    out = run(command, corpus, "--format", fmt.value)
    assert out.exit_code == (1 if command == "check" else 0), out.output
    assert out.stdout.strip()
    assert "talks-held" in out.stdout


def test_every_format_has_a_pure_renderer(corpus):
    from claimcheck.analysis import analyze
    from claimcheck.cli import _render

    result = analyze([corpus])
    for fmt in Format:
        first = _render(fmt, result, result.conflicts, False, "conflicts")
        assert first == _render(fmt, result, result.conflicts, False, "conflicts"), fmt
        if isinstance(first, bytes):  # the large machine formats: UTF-8, never decoded to print
            assert fmt in (Format.json, Format.sarif), fmt
            first = first.decode("utf-8")
        assert "talks-held" in first, fmt


SEED = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.skipif(not SEED.is_dir(), reason="no seed corpus")
@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_the_seed_corpus(fmt, monkeypatch):
    monkeypatch.chdir(SEED.parent)
    out = run("conflicts", "corpus", "--all", "--format", fmt)
    assert out.exit_code == 0
    if fmt == "sarif":
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(json.loads(out.stdout))


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_values_read_as_the_corpus_writes_them(tmp_path, fmt):
    # a boolean is `true`, as in YAML and JSON, not Python's `True`; a claim's object
    # stands in for an assertion that gives no value
    (tmp_path / "c.yaml").write_text(
        "sources: [{id: a, name: A}, {id: b, name: B}]\n"
        "claims:\n"
        "  - {id: open, text: The border is open, object: true, assertions: [{source: a, stance: affirms},\n"
        "     {source: b, stance: affirms, value: false}]}\n",
        encoding="utf-8",
    )
    out = run("conflicts", tmp_path, "--format", fmt, "--color", "never")
    assert "value:open" in out.stdout, out.output
    assert "True" not in out.stdout and "False" not in out.stdout
    assert "true" in out.stdout and "false" in out.stdout
