"""`claimcheck schema corpus|output`: JSON Schemas that real corpora and real output pass."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from claimcheck import schema
from claimcheck.cli import app
from claimcheck.schemas import corpus_schema, output_schema
from claimcheck.starter import STARTER_FILES

from helpers import REPO, write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None}
SEED_FILES = sorted((REPO / "corpus").rglob("*.yaml"))


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claimcheck crashed: {args}\n{result.output}") from result.exception
    return result


def plain(value):
    """YAML as JSON sees it: PyYAML's dates become the text they were written as."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def corpus_errors(document) -> list[str]:
    validator = jsonschema.Draft202012Validator(corpus_schema())
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(plain(document)))


# --- the corpus schema -----------------------------------------------------------------------


def test_corpus_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(corpus_schema())
    assert corpus_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_corpus_files_pass(path):
    assert corpus_errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("name", sorted(STARTER_FILES))
def test_starter_corpus_files_pass(name):
    assert corpus_errors(yaml.safe_load(STARTER_FILES[name])) == []


def test_it_is_generated_from_the_declaration():
    generated = corpus_schema()
    assert list(generated["properties"]) == list(schema.SECTIONS)
    for section, record in schema.SECTIONS.items():
        item = generated["properties"][section]["items"]
        assert item["additionalProperties"] is False
        assert item.get("required", []) == [f.name for f in record.fields if f.required]
        for spec in record.fields:
            assert item["properties"][spec.name]["description"] == spec.doc
    assertion = generated["properties"]["claims"]["items"]["properties"]["assertions"]["items"]
    assert assertion["properties"]["stance"]["enum"] == list(schema.STANCES)
    assert assertion["properties"]["credibility"]["type"] == ["integer", "null"]
    source_id = generated["properties"]["sources"]["items"]["properties"]["id"]
    assert source_id["pattern"] == schema.SLUG_PATTERN and source_id["maxLength"] == schema.SLUG_MAX


@pytest.mark.parametrize(
    "text, error",
    [
        ("claims:\n  - {id: x, text: x, assertions: [{source: a, stnace: affirms}]}\n", "claims/0/assertions/0: 'stance' is a required property"),
        ("claims:\n  - {id: x, text: x, assertions: [{source: a, stance: affirms, colour: red}]}\n", "Additional properties are not allowed ('colour' was unexpected)"),
        ("claims:\n  - {id: x, text: x, assertions: [{source: a, stance: agrees}]}\n", "claims/0/assertions/0/stance: 'agrees' is not one of"),
        ("sources:\n  - {id: Bad Id, name: x}\n", "sources/0/id: 'Bad Id' does not match"),
        ("sources:\n  - {id: a}\n", "sources/0: 'name' is a required property"),
        ("claims:\n  - {id: x, text: 12, assertions: []}\n", "claims/0/text: 12 is not of type 'string'"),
        ("claims:\n  - {id: x, text: x, period: {start: 2025-13}, assertions: []}\n", "claims/0/period/start"),
        ("claims:\n  - {id: x, text: x, assertions: [{source: a, stance: affirms, credibility: 7}]}\n", "credibility: 7 is greater than the maximum of 6"),
        ("rules:\n  - {id: r, kind: exclusive, claims: x, severity: fatal}\n", "rules/0/claims: 'x' is not of type 'array', 'null'"),
        ("opinions: []\n", "Additional properties are not allowed ('opinions' was unexpected)"),
    ],
)
def test_invalid_corpora_fail(text, error):
    errors = corpus_errors(yaml.safe_load(text))
    assert any(error in e for e in errors), errors


def test_empty_values_read_as_the_validator_reads_them():
    # an empty file, an empty section, an empty optional field, an empty list, open bounds
    for text in ("", "claims:\n", "claims:\n  - {id: x, text: x, subject: , tags: , period: {start: 2025, end: }, assertions: }\n",
                 "sources:\n  - {id: a, name: A, kind: , reliability: ~}\nrules:\n  - {id: r, kind: exclusive, claims: [x, y], severity: }\n"):
        assert corpus_errors(yaml.safe_load(text)) == [], text
    # an empty required field is missing
    assert corpus_errors(yaml.safe_load("sources:\n  - {id: a, name: }\n")) == ["sources/0/name: None is not of type 'string'"]


# --- the output schema -----------------------------------------------------------------------

EVERY_KIND = """\
sources:
  - {id: a, name: A, represents: [land]}
  - {id: b, name: B}
entities:
  - {id: land, name: Land}
predicates:
  - {id: capital, single_value: true}
  - {id: at-war, conflicts_with: [at-peace]}
claims:
  - id: talks
    text: Talks were held
    assertions:
      - {source: a, stance: affirms, date: 2025-10-12, quote: "we met", via: [b]}
      - {source: b, stance: denies, period: {start: 2025-10}}
  - id: deal
    text: A deal was struck
    assertions: [{source: a, stance: affirms}]
  - id: war
    text: War was declared
    assertions: [{source: b, stance: affirms}]
  - {id: cap-1, text: the capital is north, subject: land, predicate: capital, object: north, assertions: [{source: a, stance: affirms}]}
  - {id: cap-2, text: the capital is south, subject: land, predicate: capital, assertions: [{source: b, stance: affirms, value: 12.5}]}
  - {id: w, text: at war, subject: land, predicate: at-war, assertions: [{source: a, stance: affirms}]}
  - {id: p, text: at peace, subject: land, predicate: at-peace, assertions: [{source: b, stance: affirms, credibility: 2}]}
  - {id: lonely, text: nobody says so, assertions: [], colour: red}
rules:
  - {id: deal-or-war, kind: exclusive, severity: warning, claims: [deal, war]}
  - {id: deal-means-talks, kind: implies, if: deal, then: talks}
resolutions:
  - {conflict: "value:land/capital", status: resolved, verdict: north, by: editor, date: 2025-10-20}
  - {conflict: "contradiction:gone", status: acknowledged}
"""


def output_errors(document) -> list[str]:
    validator = jsonschema.Draft202012Validator(output_schema())
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document))


def test_output_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(output_schema())


@pytest.mark.parametrize("command", ["check", "conflicts"])
def test_seed_corpus_output_passes(command):
    doc = json.loads(run(command, REPO / "corpus", "--format", "json").stdout)
    assert output_errors(doc) == []


def test_output_with_every_kind_findings_resolutions_and_a_baseline_passes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", EVERY_KIND)
    doc = json.loads(run("conflicts", "c", "--format", "json", "--all").stdout)
    assert {c["kind"] for c in doc["conflicts"]} == {"contradiction", "exclusive", "value", "conflicts-with"}
    assert any("resolution" in c for c in doc["conflicts"]) and doc["findings"]
    assert output_errors(doc) == []
    run("check", "c", "--write-baseline", "b.json")
    write_corpus(tmp_path / "c", "claims:\n  - {id: new, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: doubts}]}\n", "more.yaml")
    doc = json.loads(run("check", "c", "--format", "json", "--baseline", "b.json").stdout)
    assert doc["summary"]["baseline"]["new"]["conflicts"] == ["contradiction:new"]
    assert output_errors(doc) == []


def test_output_schema_rejects_what_the_contract_forbids():
    doc = json.loads(run("check", REPO / "corpus", "--format", "json").stdout)
    doc["conflicts"][0]["severity"] = "fatal"
    del doc["conflicts"][0]["sides"]
    errors = output_errors(doc)
    assert any("'fatal' is not one of" in e for e in errors)
    assert any("'sides' is a required property" in e for e in errors)


# --- the command -----------------------------------------------------------------------------


def test_schema_command_prints_them(tmp_path):
    out = run("schema", "corpus")
    assert out.exit_code == 0 and out.stderr == ""
    assert json.loads(out.stdout) == corpus_schema()
    assert json.loads(run("schema", "output").stdout) == output_schema()
    assert run("schema", "corpus", "--output", tmp_path / "corpus.schema.json").exit_code == 0
    assert json.loads((tmp_path / "corpus.schema.json").read_text(encoding="utf-8")) == corpus_schema()
    wrong = run("schema", "sarif")
    assert wrong.exit_code == 2
    assert "'sarif' is not one of" in wrong.stderr


def test_summary_names_which_conflicts_each_count_covers():
    """conflicts_by_severity counted open conflicts while conflicts_by_kind counted all of
    them: the new names say which, and the old one stays (deprecated) within version 1."""
    summary = json.loads(run("check", REPO / "corpus", "--format", "json").stdout)["summary"]
    assert summary["open_conflicts_by_severity"] == {"warning": 3}
    assert summary["all_conflicts_by_severity"] == {"error": 1, "warning": 3}  # the acknowledged error too
    assert sum(summary["all_conflicts_by_severity"].values()) == sum(summary["conflicts_by_kind"].values()) == summary["conflicts"]
    assert summary["conflicts_by_severity"] == summary["open_conflicts_by_severity"]
    fields = output_schema()["$defs"]["summary"]["properties"]
    assert fields["conflicts_by_severity"]["deprecated"] is True
    assert "open_conflicts_by_severity" in fields["conflicts_by_severity"]["description"]
    for name in ("open_conflicts_by_severity", "all_conflicts_by_severity", "conflicts_by_kind", "conflicts_by_status"):
        assert fields[name]["description"], name
