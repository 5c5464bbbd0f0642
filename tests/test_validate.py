"""Validation, rule by rule of spec §2–§3: a small corpus in, its findings out.

Each case writes YAML files to a temporary folder, runs `analyze` on it and compares the
findings as (code, file name, line, column), with the key words of the message. Places
are written as the text the finding points at (`at(text, "newspapr")`), so a case reads
like the corpus it checks.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from claimcheck.analysis import analyze

SOURCES = """\
sources:
  - {id: el-pais, name: El País}
  - {id: nyt, name: The New York Times}
"""

ENTITIES = """\
entities:
  - {id: maduro, name: Nicolás Maduro}
  - {id: venezuela, name: Venezuela}
"""

CLAIMS = """\
claims:
  - id: talks
    text: Talks were held
    assertions:
      - {source: el-pais, stance: affirms}
  - id: no-talks
    text: No talks were held
    assertions:
      - {source: nyt, stance: affirms}
"""

#: what every case may refer to, in files of their own
CONTEXT = {"k-sources.yaml": SOURCES, "k-entities.yaml": ENTITIES, "k-claims.yaml": CLAIMS}


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of the nth occurrence of needle in text."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def run(root: Path, files: dict[str, str]):
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    result = analyze([root])
    result.findings = stage(result.findings)
    return result


def stage(findings):
    """Load, schema, reference and resolution findings: lint rules have tests of their own."""
    return [f for f in findings if f.code[0] in "LSRC"]


def findings_of(root: Path, text: str, context: bool = True, codes: tuple[str, ...] = ()):
    """Findings of the corpus `c.yaml` (with CONTEXT beside it unless told otherwise)."""
    result = run(root, {"c.yaml": text} | (CONTEXT if context else {}))
    return [f for f in result.findings if not codes or f.code in codes]


def places(findings) -> list[tuple[str, str, int, int]]:
    return [(f.code, Path(f.file).name, f.line, f.column) for f in findings]


def expect_one(root: Path, text: str, code: str, needle: str, words=(), context: bool = True, nth: int = 1, codes=()):
    """The corpus has exactly one finding (of `codes`, if given): `code` at `needle`."""
    findings = findings_of(root, text, context, codes)
    assert places(findings) == [(code, "c.yaml", *at(text, needle, nth))], [
        (f.code, f.line, f.column, f.message) for f in findings
    ]
    for word in words:
        assert word in findings[0].message, findings[0].message
    return findings[0]


def assertion(extra: str, source: str = "el-pais", stance: str = "affirms") -> str:
    """A claim `c` with one assertion, the given fields added to it."""
    return f"claims:\n  - id: c\n    text: t\n    assertions:\n      - {{source: {source}, stance: {stance}, {extra}}}\n"


def test_a_valid_corpus_has_no_findings(tmp_path):
    result = run(tmp_path, CONTEXT)
    assert result.findings == []
    assert sorted(result.corpus.claims) == ["no-talks", "talks"]


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "sources:\n", "claims: []\n", "---\n", "rules: ~\n"])
def test_empty_files_and_sections_are_allowed(tmp_path, text):
    assert findings_of(tmp_path, text) == []


# --- §1 sections ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("claim:\n  - id: x\n", "claim", ["unknown section 'claim'", "did you mean 'claims'"]),
        ("sourcse: []\n", "sourcse", ["did you mean 'sources'"]),
        ("Rules: []\n", "Rules", ["did you mean 'rules'"]),
        ("sources: []\nmetadata: {}\n", "metadata", ["'metadata'", "expected one of sources, entities"]),
    ],
)
def test_unknown_section_with_did_you_mean(tmp_path, text, needle, words):
    expect_one(tmp_path, text, "S001", needle, words)


def test_unknown_section_without_a_near_word_suggests_nothing(tmp_path):
    finding = expect_one(tmp_path, "zzz: 1\n", "S001", "zzz")
    assert "did you mean" not in finding.message


@pytest.mark.parametrize(
    ("text", "needle", "word"),
    [
        ("- sources\n", "-", "mapping of sections"),
        ("just text\n", "just", "mapping of sections"),
        ("sources: {id: x, name: X}\n", "{id", "list of source items"),
        ("claims: hello\n", "hello", "list of claim items"),
        ("entities:\n  - venezuela\n", "venezuela", "must be a mapping (an entity)"),
        ("sources:\n  - [a, b]\n", "[a", "must be a mapping (a source)"),
    ],
)
def test_wrong_shape_of_file_and_sections(tmp_path, text, needle, word):
    expect_one(tmp_path, text, "S002", needle, [word], context=False)


# --- §3 fields -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        (assertion("stnace: denies"), "stnace", ["unknown field 'stnace' in an assertion", "did you mean 'stance'"]),
        (
            "claims:\n  - id: c\n    text: t\n    sujbect: maduro\n    assertions: []\n",
            "sujbect",
            ["unknown field 'sujbect' in a claim", "did you mean 'subject'"],
        ),
        ("sources:\n  - {id: x, name: X, reliablity: B}\n", "reliablity", ["did you mean 'reliability'"]),
        ("entities:\n  - {id: x, name: X, alias: [Y]}\n", "alias", ["in an entity", "did you mean 'aliases'"]),
        ("predicates:\n  - {id: p, singlevalue: true}\n", "singlevalue", ["did you mean 'single_value'"]),
        ("rules:\n  - {id: r, kind: implies, if: talks, than: no-talks}\n", "than", ["did you mean 'then'"]),
        ("resolutions:\n  - {conflict: x, status: resolved, verdit: v}\n", "verdit", ["did you mean 'verdict'"]),
        (assertion("period: {strat: 2025}"), "strat", ["unknown field 'strat' in a period", "did you mean 'start'"]),
    ],
)
def test_unknown_field_with_did_you_mean(tmp_path, text, needle, words):
    expect_one(tmp_path, text, "S004", needle, words, codes=("S004",))


@pytest.mark.parametrize(
    ("text", "needle", "word"),
    [
        ("sources:\n  - {id: s, name: [El, País]}\n", "[El", "'name' must be a single value, not a list"),
        ("sources:\n  - {id: s, name: {a: 1}}\n", "{a", "not a mapping"),
        ("sources:\n  - {id: s, name: S, represents: venezuela}\n", "venezuela", "'represents' must be a list"),
        ("entities:\n  - {id: e, name: E, aliases: E2}\n", "E2", "'aliases' must be a list"),
        ("claims:\n  - {id: c, text: t, assertions: {source: s}}\n", "{source", "list of assertion items"),
        ("claims:\n  - {id: c, text: t, assertions: [affirms]}\n", "affirms", "must be a mapping (an assertion)"),
        ("claims:\n  - {id: c, text: t, tags: x, assertions: []}\n", "x,", "'tags' must be a list"),
        ("claims:\n  - {id: c, text: t, period: 2025, assertions: []}\n", "2025", "'period' must be a mapping"),
        ("claims:\n  - {id: c, text: t, period: {start: [2025]}, assertions: []}\n", "[2025]", "'start' must be a date"),
        ("predicates:\n  - {id: p, tolerance: a lot}\n", "a lot", "'tolerance' must be a number"),
        ("predicates:\n  - {id: p, tolerance: -1}\n", "-1", "at least 0"),
        ("predicates:\n  - {id: p, tolerance: true}\n", "true", "must be a number"),
        ("predicates:\n  - {id: p, tolerance: .inf}\n", ".inf", "must be a finite number"),
        ("predicates:\n  - {id: p, conflicts_with: q}\n", "q}", "'conflicts_with' must be a list"),
        ("predicates:\n  - {id: p, single_value: 1}\n", "1}", "true or false"),
        ("rules:\n  - {id: r, kind: implies, if: [talks], then: no-talks}\n", "[talks]", "single value"),
    ],
)
def test_wrong_types(tmp_path, text, needle, word):
    expect_one(tmp_path, text, "S002", needle, [word], codes=("S002",))


def test_an_invalid_required_field_is_one_finding_and_leaves_the_item_out(tmp_path):
    text = "sources:\n  - {id: s, name: [El, País]}\n"
    result = run(tmp_path, {"c.yaml": text})
    assert places(result.findings) == [("S002", "c.yaml", *at(text, "[El"))]  # not also "needs 'name'"
    assert result.corpus.sources == {}


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("7", ["whole number from 1 to 6", "'7'"]),
        ("0", ["from 1 to 6"]),
        ("2.5", ["whole number"]),
        ("'3'", ["whole number"]),
        ("9" * 400, ["from 1 to 6"]),  # beyond any float: a finding, not an overflow
        ("-" + "9" * 400, ["from 1 to 6"]),
    ],
)
def test_credibility_is_a_whole_number_from_1_to_6(tmp_path, raw, words):
    text = assertion(f"credibility: {raw}")
    expect_one(tmp_path, text, "S002", raw, words)


@pytest.mark.parametrize("raw", ["1", "6"])
def test_credibility_in_range_is_fine(tmp_path, raw):
    assert findings_of(tmp_path, assertion(f"credibility: {raw}")) == []


@pytest.mark.parametrize(
    ("text", "needle", "start"),
    [
        ("sources:\n  - {name: El País}\n", "{", "a source needs 'id'"),
        ("sources:\n  - {id: x}\n", "{", "a source needs 'name'"),
        ("entities:\n  - {id: x}\n", "{", "an entity needs 'name'"),
        ("predicates:\n  - {description: d}\n", "{", "a predicate needs 'id'"),
        ("claims:\n  - {id: c, assertions: []}\n", "{", "a claim needs 'text'"),
        ("claims:\n  - {id: c, text: t}\n", "{", "a claim needs 'assertions'"),
        ("claims:\n  - {text: t, assertions: []}\n", "{", "a claim needs 'id'"),
        ("claims:\n  - id: c\n    text: t\n    assertions:\n      - {stance: affirms}\n", "{stance", "an assertion needs 'source'"),
        ("claims:\n  - id: c\n    text: t\n    assertions:\n      - {source: el-pais}\n", "{source", "an assertion needs 'stance'"),
        ("rules:\n  - {id: r, claims: [talks, no-talks]}\n", "{", "a rule needs 'kind'"),
        ("rules:\n  - {kind: exclusive, claims: [talks, no-talks]}\n", "{", "a rule needs 'id'"),
        ("resolutions:\n  - {status: resolved}\n", "{", "a resolution needs 'conflict'"),
        ("resolutions:\n  - {conflict: 'contradiction:talks'}\n", "{", "a resolution needs 'status'"),
        ("sources:\n  - {id: x, name: }\n", "{", "a source needs 'name' (it is empty)"),
        ("sources:\n  - id: x\n    name: ~\n", "id: x", "a source needs 'name' (it is empty)"),
    ],
)
def test_missing_required_fields(tmp_path, text, needle, start):
    finding = expect_one(tmp_path, text, "S003", needle)
    assert finding.message.startswith(start), finding.message


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("sources:\n  - {id: s, name: S, kind: newspapr}\n", "newspapr", ["'newspapr' is not a valid kind", "did you mean 'newspaper'", "expected one of newspaper"]),
        ("sources:\n  - {id: s, name: S, reliability: G}\n", "G}", ["'G' is not a valid reliability", "A, B, C, D, E, F"]),
        ("sources:\n  - {id: s, name: S, reliability: a}\n", "a}", ["did you mean 'A'"]),
        ("entities:\n  - {id: e, name: E, kind: persn}\n", "persn", ["did you mean 'person'"]),
        ("predicates:\n  - {id: p, value_type: numbr}\n", "numbr", ["did you mean 'number'"]),
        (assertion("note: n", stance="affirm"), "affirm,", ["did you mean 'affirms'"]),
        (assertion("note: n", stance="agrees"), "agrees", ["expected one of affirms, denies, doubts"]),
        ("rules:\n  - {id: r, kind: equivalnt, claims: [talks, no-talks]}\n", "equivalnt", ["did you mean 'equivalent'"]),
        ("rules:\n  - {id: r, kind: exclusive, claims: [talks, no-talks], severity: fatal}\n", "fatal", ["'fatal' is not a valid severity", "error, warning, info"]),
        ("resolutions:\n  - {conflict: 'contradiction:talks', status: resolvd}\n", "resolvd", ["did you mean 'resolved'"]),
    ],
)
def test_bad_enum_values_with_suggestion(tmp_path, text, needle, words):
    expect_one(tmp_path, text, "S005", needle, words, codes=("S005",))


# --- §2 ids --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "hint"),
    [
        ("El Pais", "(e.g. 'el-pais')"),
        ("-x", "(e.g. 'x')"),
        ("a b", "(e.g. 'a-b')"),
        ("ÑANDÚ", "is not a slug"),
        ("_x", "starting with a letter or digit"),
        ("a/b", "(e.g. 'a-b')"),
        ("x" * 129, "longer than 128 characters"),
    ],
)
def test_ids_must_be_slugs(tmp_path, ident, hint):
    text = f"entities:\n  - {{id: '{ident}', name: N}}\n"
    expect_one(tmp_path, text, "S006", "'", [hint], context=False, codes=("S006",))


@pytest.mark.parametrize("ident", ["a", "9lives", "x.y_z-1", "x" * 128, "0"])
def test_slugs_are_accepted(tmp_path, ident):
    assert findings_of(tmp_path, f"entities:\n  - {{id: '{ident}', name: N}}\n", context=False) == []


@pytest.mark.parametrize("style", ['"reuters\\n"', "|\n      reuters"])
def test_a_slug_ends_where_its_text_ends(tmp_path, style):
    # a trailing newline (a quoted escape, a literal block) is no slug: "$" alone would
    # let it through, as the end of the text before a final newline
    text = f"sources:\n  - id: {style}\n    name: Reuters\n"
    result = run(tmp_path, {"c.yaml": text})
    assert [f.code for f in result.findings] == ["S006"]
    assert result.corpus.sources == {}


def test_a_bad_id_also_leaves_the_item_out(tmp_path):
    text = "entities:\n  - {id: El Pais, name: N}\n"
    result = run(tmp_path, {"c.yaml": text})
    assert places(result.findings) == [("S006", "c.yaml", *at(text, "El Pais"))]
    assert result.corpus.entities == {}


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("claims:\n  - {id: c, text: t, tags: [ok, Bad Tag], assertions: []}\n", "Bad Tag"),
        ("claims:\n  - {id: c, text: t, predicate: Holds Office, assertions: []}\n", "Holds Office"),
        ("predicates:\n  - {id: p, conflicts_with: [q, Not A Slug]}\n", "Not A Slug"),
        ("rules:\n  - {id: Rule One, kind: exclusive, claims: [talks, no-talks]}\n", "Rule One"),
        (assertion("via: [El Pais]"), "El Pais"),
    ],
)
def test_other_slugs(tmp_path, text, needle):
    expect_one(tmp_path, text, "S006", needle, codes=("S006",))


def test_duplicate_ids_across_two_files_name_both_places(tmp_path):
    first = "sources:\n  - {id: el-pais, name: El País}\n"
    second = "# another file\nsources:\n  - {id: nyt, name: NYT}\n  - {id: el-pais, name: El Pais again}\n"
    findings = run(tmp_path, {"a.yaml": first, "b.yaml": second}).findings
    assert places(findings) == [("S010", "b.yaml", *at(second, "el-pais"))]
    message = findings[0].message
    assert "duplicate source id 'el-pais'" in message
    line, column = at(first, "el-pais")
    assert f"{tmp_path / 'a.yaml'}:{line}:{column}" in message  # the first place; the finding is the second


def test_the_duplicate_reported_is_the_one_read_second(tmp_path):
    findings = run(tmp_path, {"b.yaml": "sources:\n  - {id: s, name: B}\n", "a.yaml": "sources:\n  - {id: s, name: A}\n"}).findings
    assert [(f.code, Path(f.file).name) for f in findings] == [("S010", "b.yaml")]


@pytest.mark.parametrize(
    ("section", "text", "needle"),
    [
        ("entity", "entities:\n  - {id: x, name: A}\n  - {id: x, name: B}\n", "x,"),
        ("predicate", "predicates:\n  - {id: x}\n  - {id: x}\n", "x}"),
        ("claim", "claims:\n  - {id: x, text: A, assertions: []}\n  - {id: x, text: B, assertions: []}\n", "x,"),
        ("rule", "rules:\n  - {id: x, kind: exclusive, claims: [talks, no-talks]}\n  - {id: x, kind: exclusive, claims: [talks, no-talks]}\n", "x,"),
    ],
)
def test_duplicate_ids_in_every_section(tmp_path, section, text, needle):
    expect_one(tmp_path, text, "S010", needle, [f"duplicate {section} id 'x'", "c.yaml:2:10"], nth=2, codes=("S010",))


@pytest.mark.parametrize(
    "text, kept",
    [
        ("sources:\n  - {id: x}\n  - {id: x, name: S}\n", None),  # the first copy lacks its name
        ("sources:\n  - {id: x, name: S}\n  - {id: x}\n", "S"),  # the second does
        ("sources:\n  - {id: x, name: 12}\n  - {id: x, name: S}\n", None),
    ],
)
def test_a_duplicate_id_is_reported_even_when_a_copy_has_other_errors(tmp_path, text, kept):
    # §2: "A duplicate id is an error that names both places"; the second copy takes no
    # part, and the first only when it is well-formed
    result = run(tmp_path, {"c.yaml": text})
    [duplicate] = [f for f in result.findings if f.code == "S010"]
    assert (duplicate.line, duplicate.column) == at(text, "x", 2)
    assert f"c.yaml:{at(text, 'x')[0]}:{at(text, 'x')[1]}" in duplicate.message
    assert getattr(result.corpus.sources.get("x"), "name", None) == kept


def test_one_id_may_serve_two_sections(tmp_path):
    text = textwrap.dedent(
        """\
        sources:
          - {id: venezuela, name: Government of Venezuela}
        entities:
          - {id: venezuela, name: Venezuela}
        predicates:
          - {id: venezuela}
        claims:
          - id: venezuela
            text: t
            assertions: [{source: venezuela, stance: affirms}]
        rules:
          - {id: venezuela, kind: exclusive, claims: [venezuela, talks]}
        """
    )
    result = run(tmp_path, {"c.yaml": text, "k-sources.yaml": SOURCES, "k-claims.yaml": CLAIMS})
    assert result.findings == []


# --- §2 scalars: text where text is expected -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("sources:\n  - {id: s, name: 2025}\n", "2025", ["'name' expects text", "as a number", 'quote it: "2025"']),
        ("sources:\n  - {id: s, name: true}\n", "true", ["a boolean", 'quote it: "true"']),
        ("sources:\n  - {id: s, name: 2025-10-12}\n", "2025", ["a date"]),
        ("sources:\n  - {id: s, name: S, country: 1.5}\n", "1.5", ["'country' expects text"]),
        ("sources:\n  - {id: s, name: S, url: 0x1f}\n", "0x1f", ["'url' expects text", 'quote it: "0x1f"']),
        ("entities:\n  - {id: e, name: E, aliases: [E2, 1984]}\n", "1984", ["'aliases' expects text"]),
        ("claims:\n  - {id: c, text: 12, assertions: []}\n", "12", ["'text' expects text"]),
        ("claims:\n  - {id: 12, text: t, assertions: []}\n", "12", ["'id' expects text", 'quote it: "12"']),
        ("claims:\n  - {id: c, text: t, subject: 1e3, assertions: []}\n", "1e3", ["'subject' expects text"]),
        (assertion("quote: false"), "false", ["'quote' expects text"]),
        (assertion("note: 2025-10-12"), "2025-10-12", ["'note' expects text", "a date"]),
        ("predicates:\n  - {id: p, description: 3.14}\n", "3.14", ["'description' expects text"]),
        ("rules:\n  - {id: r, kind: exclusive, claims: [talks, no-talks], note: true}\n", "true", ["'note' expects text"]),
        ("resolutions:\n  - {conflict: 2025, status: resolved}\n", "2025", ["'conflict' expects text"]),
    ],
)
def test_text_fields_typed_otherwise_say_to_quote(tmp_path, text, needle, words):
    expect_one(tmp_path, text, "S009", needle, words, codes=("S009",))


@pytest.mark.parametrize("raw", ["yes", "NO", "on", "off", "1:30", "'2025'", "El País", "~x", "'true'"])
def test_yaml_1_1_words_are_text_where_text_is_expected(tmp_path, raw):
    result = run(tmp_path, {"c.yaml": f"sources:\n  - {{id: s, name: {raw}, country: {raw}}}\n"})
    assert result.findings == []
    assert result.corpus.sources["s"].name == raw.strip("'")


@pytest.mark.parametrize(("raw", "write"), [("yes", "write true"), ("no", "write false"), ("on", "write true"), ("off", "write false")])
def test_single_value_yes_says_yes_is_text(tmp_path, raw, write):
    text = f"predicates:\n  - id: holds-office\n    single_value: {raw}\n"
    expect_one(tmp_path, text, "S002", raw, [f"'{raw}' is text in YAML 1.2", write], nth=text.count(raw))


def test_single_value_true_and_false(tmp_path):
    result = run(tmp_path, {"c.yaml": "predicates:\n  - {id: p, single_value: true}\n  - {id: q, single_value: false}\n"})
    assert result.findings == []
    assert result.corpus.predicates["p"].single_value and not result.corpus.predicates["q"].single_value


# --- §2 dates and periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        "date: 2025", "date: 2025-10", "date: 2025-10-12", "date: '2025'", "date: '2025-10'", "date: '2025-10-12'",
        "date: 2024-02-29", "date: 0001-01-01", "date: 9999-12-31",
        "period: {start: 2025, end: 2026}", "period: {start: 2025-10, end: 2025-10-31}",
        "period: {start: 2025-10-31, end: 2025-10}", "period: {start: 2025-10-12, end: 2025-10-12}",
        "period: {start: 2025}", "period: {end: 2025-10}", "period: {}", "period: {start: ~, end: 2025}",
    ],
)
def test_dates_and_periods_accepted(tmp_path, extra):
    assert findings_of(tmp_path, assertion(extra)) == []


def test_dates_and_periods_cover_whole_spans(tmp_path):
    result = run(tmp_path, {"c.yaml": assertion("date: 2025-02, period: {start: 2024, end: 2024-02}")} | CONTEXT)
    a = result.corpus.claims["c"].assertions[0]
    assert a.date.text == "2025-02"
    assert (a.date.first_date.isoformat(), a.date.last - a.date.first) == ("2025-02-01", 27)
    assert (a.period.start.first_date.isoformat(), a.period.end.text) == ("2024-01-01", "2024-02")
    assert a.period.hi - a.period.lo == 59  # 2024-01-01 through 2024-02-29


def test_resolution_date(tmp_path):
    text = "resolutions:\n  - {conflict: 'x:y', status: resolved, date: 2025-13-01}\n"
    expect_one(tmp_path, text, "S007", "2025-13", codes=("S007",))


@pytest.mark.parametrize(
    ("extra", "needle", "word"),
    [
        ("date: 2025-02-30", "2025", "not on the calendar"),
        ("date: 2025-02-29", "2025", "not on the calendar"),
        ("date: '2025-13'", "'2025", "not on the calendar"),
        ("date: 2025-1-2", "2025", "is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date: 10/12/2025", "10/", "is not a date"),
        ("date: 2025-10-12T10:00:00", "2025", "is not a date"),
        ("date: 12345", "12345", "is not a date"),
        ("date: 0", "0}", "is not a date"),
        ("date: true", "true", "not a boolean"),
        ("date: 1.5", "1.5", "expected a date"),
        ("date: '0000'", "'0000'", "no year 0"),
        ("period: {start: 2025-02-30}", "2025", "not on the calendar"),
        ("period: {end: soon}", "soon", "is not a date"),
    ],
)
def test_bad_dates(tmp_path, extra, needle, word):
    expect_one(tmp_path, assertion(extra), "S007", needle, [word])


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("period: {start: 2025-10-13, end: 2025-10-12}", ["starts (2025-10-13) after it ends (2025-10-12)"]),
        ("period: {start: 2026, end: 2025-12-31}", ["starts (2026)"]),
        ("period: {start: 2025-11, end: 2025-10}", ["after it ends (2025-10)"]),
    ],
)
def test_period_start_after_end(tmp_path, extra, words):
    expect_one(tmp_path, assertion(extra), "S008", "{start", words)


def test_claim_period_start_after_end(tmp_path):
    text = "claims:\n  - id: c\n    text: t\n    period: {start: 2025, end: 2024}\n    assertions: []\n"
    expect_one(tmp_path, text, "S008", "{start", codes=("S008",))


# --- §2 references ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "needle", "message"),
    [
        (assertion("note: n", source="el-pias"), "R001", "el-pias", "unknown source 'el-pias' (did you mean 'el-pais'?)"),
        (assertion("via: [nyt, el-pias]"), "R001", "el-pias", "unknown source 'el-pias' (did you mean 'el-pais'?)"),
        (assertion("note: n", source="bbc"), "R001", "bbc", "unknown source 'bbc'"),
        (
            "sources:\n  - {id: gov, name: Government, represents: [venezuela, venezula]}\n",
            "R002", "venezula", "unknown entity 'venezula' (did you mean 'venezuela'?)",
        ),
        ("claims:\n  - {id: c, text: t, subject: madruo, assertions: []}\n", "R002", "madruo", "unknown entity 'madruo' (did you mean 'maduro'?)"),
        (
            "predicates:\n  - {id: leader, value_type: entity}\n"
            "claims:\n  - {id: c, text: t, predicate: leader, object: madruo, assertions: []}\n",
            "R002", "madruo", "unknown entity 'madruo' (did you mean 'maduro'?)",
        ),
        ("rules:\n  - {id: r, kind: exclusive, claims: [talks, no-tlaks]}\n", "R003", "no-tlaks", "unknown claim 'no-tlaks' (did you mean 'no-talks'?)"),
        ("rules:\n  - {id: r, kind: implies, if: tlaks, then: no-talks}\n", "R003", "tlaks", "unknown claim 'tlaks' (did you mean 'talks'?)"),
        ("rules:\n  - {id: r, kind: implies, if: talks, then: [no-talks, quux]}\n", "R003", "quux", "unknown claim 'quux'"),
        ("rules:\n  - {id: r, kind: implies, if: talks, then: notalks}\n", "R003", "notalks", "unknown claim 'notalks' (did you mean 'no-talks'?)"),
        ("rules:\n  - {id: r, kind: equivalent, claims: [talks, xyz]}\n", "R003", "xyz", "unknown claim 'xyz'"),
    ],
)
def test_unknown_references_with_suggestions(tmp_path, text, code, needle, message):
    finding = expect_one(tmp_path, text, code, needle, codes=("R001", "R002", "R003"))
    assert finding.message == message


def test_reference_to_an_invalid_declaration_says_so(tmp_path):
    # `bbc` is declared, but without a name: the assertion cannot use it, and says why
    sources = "sources:\n  - {id: bbc}\n"
    claims = assertion("note: n", source="bbc")
    findings = run(tmp_path, {"s.yaml": sources, "c.yaml": claims}).findings
    assert places(findings) == [("R001", "c.yaml", *at(claims, "bbc")), ("S003", "s.yaml", 2, 5)]
    assert "source 'bbc'" in findings[0].message and "s.yaml:2:5" in findings[0].message
    assert "unknown" not in findings[0].message


def test_an_invalid_assertion_still_has_its_references_checked(tmp_path):
    # one run shows the bad stance, the unknown source and the unknown via together
    text = assertion("via: [nobody]", source="el-pias", stance="affirm")
    got = places(findings_of(tmp_path, text))
    assert ("S005", "c.yaml", *at(text, "affirm")) in got
    assert ("R001", "c.yaml", *at(text, "el-pias")) in got
    assert ("R001", "c.yaml", *at(text, "nobody")) in got


def test_a_bad_assertion_takes_no_part(tmp_path):
    text = textwrap.dedent(
        """\
        claims:
          - id: c
            text: t
            assertions:
              - {source: el-pais, stance: affirms}
              - {source: nyt, stance: denis}
              - {source: ghost, stance: denies}
        """
    )
    result = run(tmp_path, {"c.yaml": text} | CONTEXT)
    assert [(f.code, f.line) for f in result.findings] == [("S005", 6), ("R001", 7)]
    assert [a.index for a in result.corpus.claims["c"].assertions] == [0]
    assert result.conflicts == []


# --- §3 rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "needle", "words"),
    [
        ("{id: r, kind: exclusive, claims: [talks]}", "[talks]", ["at least two claims"]),
        ("{id: r, kind: equivalent, claims: []}", "[]", ["at least two claims"]),
        ("{id: r, kind: exclusive, claims: [talks, no-talks, talks]}", "[talks", ["lists claim 'talks' twice"]),
        ("{id: r, kind: implies, if: talks}", "{", ["an implies rule needs 'then'"]),
        ("{id: r, kind: implies, then: talks}", "{", ["an implies rule needs 'if'"]),
        ("{id: r, kind: implies}", "{", ["needs 'if' and 'then'"]),
        ("{id: r, kind: implies, if: talks, then: []}", "[]", ["at least one 'then'"]),
        ("{id: r, kind: implies, if: talks, then: [no-talks, no-talks]}", "[no-talks", ["lists a claim twice"]),
        ("{id: r, kind: exclusive}", "{", ["needs 'claims'"]),
        ("{id: r, kind: implies, if: talks, then: no-talks, claims: [talks, no-talks]}", "[talks", ["uses 'if' and 'then', not 'claims'"]),
        ("{id: r, kind: exclusive, claims: [talks, no-talks], if: talks}", "talks}", ["uses 'claims', not 'if'/'then'"]),
        ("{id: r, kind: equivalent, claims: [talks, no-talks], then: talks}", "talks}", ["uses 'claims'"]),
    ],
)
def test_bad_rules(tmp_path, rule, needle, words):
    text = f"rules:\n  - {rule}\n"
    expect_one(tmp_path, text, "S012", needle, words)
    assert "r" not in analyze([tmp_path]).corpus.rules  # a rule with an error takes no part


def test_exclusive_with_one_claim_listed_twice_gives_both_findings(tmp_path):
    text = "rules:\n  - {id: r, kind: exclusive, claims: [talks, talks]}\n"
    findings = findings_of(tmp_path, text)
    assert [f.code for f in findings] == ["S012", "S012"]
    assert "twice" in findings[0].message + findings[1].message and "at least two" in findings[0].message + findings[1].message


def test_good_rules_and_an_implies_cycle(tmp_path):
    rules = textwrap.dedent(
        """\
        rules:
          - {id: r1, kind: implies, if: talks, then: no-talks}
          - {id: r2, kind: implies, if: no-talks, then: [talks]}
          - {id: r3, kind: exclusive, claims: [talks, no-talks], severity: warning}
          - {id: r4, kind: equivalent, claims: [talks, no-talks], note: "both"}
        """
    )
    result = run(tmp_path, {"c.yaml": rules} | CONTEXT)
    assert result.findings == []
    assert sorted(result.corpus.rules) == ["r1", "r2", "r3", "r4"]


def test_conflicts_with_listing_itself(tmp_path):
    text = "predicates:\n  - id: in-office\n    conflicts_with: [in-exile, in-office]\n"
    expect_one(tmp_path, text, "S013", "in-office", ["'in-office' lists itself in conflicts_with"], nth=2)


def test_conflicts_with_undeclared_predicates_is_fine(tmp_path):
    assert findings_of(tmp_path, "predicates:\n  - {id: in-office, conflicts_with: [in-exile]}\n") == []


# --- §3 value types ----------------------------------------------------------------------------


def valued(value_type: str, value: str) -> str:
    return (
        f"predicates:\n  - {{id: p, value_type: {value_type}}}\n"
        "claims:\n  - id: c\n    text: t\n    predicate: p\n    assertions:\n"
        f"      - {{source: el-pais, stance: affirms, value: {value}}}\n"
    )


@pytest.mark.parametrize(
    ("value_type", "value", "words"),
    [
        ("number", "many", ["of type number", "'many' is text"]),
        ("number", "true", ["is a boolean"]),
        ("number", "'12'", ["'12' is text"]),
        ("number", "2025-10-12", ["is a date"]),
        ("date", "1.5", ["of type date", "1.5 is a number"]),
        ("date", "soon", ["'soon' is text"]),
        ("date", "2025-02-30", ["of type date"]),
        ("date", "true", ["is a boolean"]),
        ("boolean", "yes", ["of type boolean", "'yes' is text"]),
        ("boolean", "1", ["is a number"]),
        ("text", "12", ["values are text", "quote it"]),
        ("text", "2025-10-12", ["quote it"]),
        ("entity", "12", ["of type entity", "12 is a number"]),
    ],
)
def test_values_must_fit_the_declared_value_type(tmp_path, value_type, value, words):
    text = valued(value_type, value)
    expect_one(tmp_path, text, "S014", value, words, nth=text.count(value))


@pytest.mark.parametrize(
    ("value_type", "value"),
    [
        ("number", "12"), ("number", "1.5"), ("number", "-1e3"),
        ("date", "2025"), ("date", "2025-10"), ("date", "2025-10-12"), ("date", "'2025-10'"),
        ("boolean", "true"), ("boolean", "false"),
        ("text", "'12'"), ("text", "yes"), ("text", "1:30"),
        ("entity", "maduro"),
    ],
)
def test_values_that_fit(tmp_path, value_type, value):
    assert findings_of(tmp_path, valued(value_type, value)) == []


def test_entity_value_must_name_an_entity(tmp_path):
    expect_one(tmp_path, valued("entity", "madruo"), "R002", "madruo", ["did you mean 'maduro'"])


def test_object_must_fit_the_value_type_too(tmp_path):
    text = valued("number", "1").replace("    predicate: p\n", "    predicate: p\n    object: lots\n")
    expect_one(tmp_path, text, "S014", "lots", ["'lots' is text"])


def test_undeclared_predicate_takes_any_value(tmp_path):
    text = valued("number", "1").replace("predicates:\n  - {id: p, value_type: number}\n", "")
    for value in ("many", "12", "2025-10-12", "true"):
        assert findings_of(tmp_path, text.replace("value: 1", f"value: {value}")) == []


# --- §3 claims without assertions, resolutions ---------------------------------------------------


def test_empty_assertions_list_is_a_warning(tmp_path):
    text = "claims:\n  - id: lonely\n    text: Nobody says so\n    assertions: []\n"
    finding = expect_one(tmp_path, text, "S011", "[]", ["'lonely' has no assertions"])
    assert finding.severity == "warning"
    assert "lonely" in analyze([tmp_path]).corpus.claims  # still a claim rules can name


def test_duplicate_resolutions(tmp_path):
    claims = CLAIMS.replace("- {source: nyt, stance: affirms}", "- {source: nyt, stance: affirms}\n      - {source: el-pais, stance: denies}")
    resolutions = textwrap.dedent(
        """\
        resolutions:
          - {conflict: "contradiction:no-talks", status: resolved, verdict: "nyt was right"}
          - {conflict: "contradiction:no-talks", status: acknowledged}
        """
    )
    result = run(tmp_path, {"r.yaml": resolutions, "k-claims.yaml": claims, "k-sources.yaml": SOURCES})
    assert places(result.findings) == [("S015", "r.yaml", *at(resolutions, '"contradiction', nth=2))]
    message = result.findings[0].message
    assert "resolved twice" in message and "r.yaml:2:5" in message and "counts as resolved" in message
    assert {c.id: c.status for c in result.conflicts} == {"contradiction:no-talks": "resolved"}


# --- §1 one bad file never hides the others ---------------------------------------------------------


def test_findings_of_one_bad_file_do_not_hide_another(tmp_path):
    files = {
        "a-syntax.yaml": "sources:\n  - {id: x, name: [unclosed\n",
        "b-schema.yaml": "sources:\n  - {id: s1, name: One, kind: newspapr}\nclaims:\n  - {id: c, text: 12, assertions: []}\n",
        "c-keys.yaml": "claims: []\nclaims: []\n",
        "d-tag.yaml": "entities:\n  - {id: e, name: !!python/object/apply:os.system [ls]}\n",
        "e-refs.yaml": "claims:\n  - id: d\n    text: t\n    assertions: [{source: s2, stance: affirms}]\n",
        "g-multi.yaml": "sources: []\n---\nsources: []\n",
    }
    (tmp_path / "f-latin1.yaml").write_bytes("sources:\n  - {id: z, name: Pa\xeds}\n".encode("latin-1"))
    got = {(code, name) for code, name, _, _ in places(run(tmp_path, files).findings)}
    assert {
        ("L003", "a-syntax.yaml"),
        ("S005", "b-schema.yaml"),
        ("S009", "b-schema.yaml"),
        ("L004", "c-keys.yaml"),
        ("L005", "d-tag.yaml"),
        ("R001", "e-refs.yaml"),
        ("L002", "f-latin1.yaml"),
        ("L007", "g-multi.yaml"),
    } <= got


def test_findings_are_sorted_and_do_not_depend_on_file_order(tmp_path):
    bad = "sources:\n  - {id: s, name: S, kind: x}\n  - {id: s, name: T}\n"
    one = places(run(tmp_path / "one", {"a.yaml": bad, "b.yaml": bad}).findings)
    two = places(run(tmp_path / "two", {"b.yaml": bad, "a.yaml": bad}).findings)
    assert one == two == sorted(one, key=lambda p: (p[1], p[2], p[3], p[0]))


@pytest.mark.parametrize(
    "text, needle",
    [
        ("rules:\n  - {id: r, kind: exclusive, claims: [talks, no-talks, ~]}\n", "~"),
        (assertion("via: [nyt, ~]"), "~"),
        ("sources:\n  - {id: s, name: S, represents: [null]}\n", "null"),
        ("entities:\n  - {id: e, name: E, aliases: [~]}\n", "~"),
        ("claims:\n  - {id: c, text: t, tags: [~], assertions: []}\n", "~"),
    ],
)
def test_an_empty_item_in_a_list_is_reported_not_dropped(tmp_path, text, needle):
    expect_one(tmp_path, text, "S002", needle, ["holds an empty item"], codes=("S002",))


@pytest.mark.parametrize("via", ["[nyt, nobody]", "[nyt, ~]", "[nyt, Not A Slug]"])
def test_a_via_with_a_bad_link_is_left_out_whole(tmp_path, via):
    # origin would otherwise be `nyt`, a link in a chain that has a gap after it
    result = run(tmp_path, {"c.yaml": assertion(f"via: {via}")} | CONTEXT)
    assert [f.severity for f in result.findings] == ["error"]
    [a] = result.corpus.claims["c"].assertions
    assert a.via == () and a.origin == "el-pais"


@pytest.mark.parametrize(
    "text, needle, code, words",
    [
        (assertion("credibility: 2", stance="1"), "1,", "S005", ["'1' is not a valid stance", "affirms, denies, doubts"]),
        ("sources:\n  - {id: s, name: S, reliability: 1}\n", "1}", "S005", ["expected one of A, B, C, D, E, F"]),
        (assertion('credibility: "1"'), '"1"', "S002", ["the text '1'", "without quotes"]),
        ("sources:\n  - &s {id: s, name: S}\n  - {<<: *s, id: t}\n", "<<", "S004", ["merge keys are not supported"]),
    ],
)
def test_messages_say_the_fix_that_works(tmp_path, text, needle, code, words):
    # quoting a number given for a stance would not make it a stance
    found = [f for f in findings_of(tmp_path, text) if f.code == code]
    assert [(f.line, f.column) for f in found] == [at(text, needle)]
    for word in words:
        assert word in found[0].message
    assert "quote it" not in found[0].message


# --- one run reports everything (issue #25: findings that hid others) -----------------------


def test_a_claim_with_an_error_still_has_its_references_checked(tmp_path):
    text = """\
claims:
  - id: x
    txt: The thing
    subject: nobody
    assertions:
      - {source: ghost, stance: affirms}
      - {source: el-pais, stance: affirms, via: [el-pais]}
"""
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    for name, context in CONTEXT.items():
        (tmp_path / name).write_text(context, encoding="utf-8")
    result = analyze([tmp_path])
    found = [(f.code, f.line, f.column) for f in result.findings if Path(f.file).name == "c.yaml"]
    assert found == [
        ("S003", *at(text, "id: x")),
        ("S004", *at(text, "txt")),
        ("R002", *at(text, "nobody")),
        ("R001", *at(text, "ghost")),
        ("E106", *at(text, "{source: el-pais")),
    ]
    assert "x" not in result.corpus.claims  # it still takes no part


def test_a_source_named_only_where_something_else_is_wrong_is_not_called_unused(tmp_path):
    text = """\
sources:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
  - {id: d, name: D}
claims:
  - id: y
    text: Y
    assertions:
      - {source: a, stance: affirms, via: b}
      - {source: c, stance: affrims}
"""
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    result = analyze([tmp_path])
    found = [(f.code, f.line, f.column) for f in result.findings]
    assert found == [
        ("I108", *at(text, "{id: d")),
        ("S002", *at(text, "b}")),
        ("S005", *at(text, "affrims")),
    ], [f.message for f in result.findings]
    assert "write [b]" in result.findings[1].message
