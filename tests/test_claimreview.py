"""schema.org ClaimReview: import, export, the rating mapping and the round trip.

The examples follow schema.org/ClaimReview and Google's ClaimReview documentation."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.analysis import analyze
from claimcheck.claimreview import (
    ClaimReviewImportError,
    ExportReport,
    export_claimreview,
    import_claimreview,
    rating_stance,
)
from claimcheck.cli import app

from helpers import write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "CI": None}

MINIMAL = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "The world is flat",
    "author": {"@type": "Organization", "name": "Example.com science watch"},
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
}

# after Google's "Example" for ClaimReview (developers.google.com/search/docs/appearance/structured-data/factcheck)
FULL = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://example.com/news/science/worldisflat.html",
    "claimReviewed": "The world is flat",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Square World Society", "sameAs": "https://example.flatworlders.com/we-know-that-the-world-is-flat"},
        "datePublished": "2016-06-20",
        "appearance": {"@type": "OpinionNewsArticle", "url": "https://example.flatworlders.com/we-know-that-the-world-is-flat",
                       "headline": "We Know The World Is Flat", "datePublished": "2016-06-22",
                       "author": {"@type": "Person", "name": "T. Square"}},
    },
    "author": {"@type": "Organization", "name": "Example.com science watch", "url": "https://example.com"},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"},
    "datePublished": "2016-07-01T09:15:00+00:00",
}


def run(*args):
    return CliRunner().invoke(app, list(args), env=ENV)


def _dump(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _clean(result):
    assert not [f for f in result.findings if f.severity == "error"], result.findings


@pytest.mark.parametrize("rating, stance", [
    ({"alternateName": "False"}, "denies"),
    ({"alternateName": "Pants on Fire!"}, "denies"),
    ({"alternateName": "Fake"}, "denies"),
    ({"alternateName": "incorrect"}, "denies"),
    ({"alternateName": "Mostly False"}, "doubts"),
    ({"alternateName": "Misleading"}, "doubts"),
    ({"alternateName": "Half-True"}, "doubts"),
    ({"alternateName": "Mixture"}, "doubts"),
    ({"alternateName": "Unproven"}, "doubts"),
    ({"alternateName": "Needs context"}, "doubts"),
    ({"alternateName": "Mostly true"}, "affirms"),
    ({"alternateName": "TRUE"}, "affirms"),
    ({"alternateName": "Correct"}, "affirms"),
    ({"alternateName": "Accurate"}, "affirms"),
    ({"alternateName": "Four Pinocchios", "ratingValue": 1, "bestRating": 5, "worstRating": 1}, "denies"),
    ({"alternateName": "Something", "ratingValue": 5, "bestRating": 5, "worstRating": 1}, "affirms"),
    ({"ratingValue": 3, "bestRating": 5, "worstRating": 1}, "doubts"),
    ({"alternateName": "Satire"}, "doubts"),
    ({}, "doubts"),
    # a bare number as the importer words it, exported and read back: the same stance
    ({"alternateName": "1 of 1–5"}, "denies"),
    ({"alternateName": "4.5 of 1–5"}, "affirms"),
    ({"alternateName": "3 of 1-5"}, "doubts"),
])
def test_rating_mapping(rating, stance):
    assert rating_stance({"@type": "Rating", **rating}) == stance


def test_minimal_review_imports_into_a_valid_corpus(tmp_path):
    report = import_claimreview(_dump(tmp_path / "r.json", MINIMAL), tmp_path / "out")
    assert report.reviews == 1 and report.problems == [] and report.claims == 1
    result = analyze([tmp_path / "out"])
    _clean(result)
    claim = next(iter(result.corpus.claims.values()))
    assert claim.text == "The world is flat" and "publish" in claim.tags
    (review,) = claim.assertions
    assert review.stance == "denies" and review.quote == "False"
    assert result.corpus.sources[review.source].name == "Example.com science watch"
    assert result.corpus.resolutions == []  # no verdict is invented


def test_full_review_keeps_author_appearance_and_dates(tmp_path):
    import_claimreview(_dump(tmp_path / "r.jsonld", FULL), tmp_path / "out")
    result = analyze([tmp_path / "out"])
    _clean(result)
    claim = next(iter(result.corpus.claims.values()))
    by_stance = {a.stance: a for a in claim.assertions}
    author = by_stance["affirms"]
    assert result.corpus.sources[author.source].name == "Square World Society"
    assert author.date.text == "2016-06-20" and author.url == "https://example.flatworlders.com/we-know-that-the-world-is-flat"
    review = by_stance["denies"]
    assert review.date.text == "2016-07-01" and review.url == FULL["url"]
    assert result.corpus.sources[review.source].url == "https://example.com"
    assert [c.id for c in result.conflicts] == [f"contradiction:{claim.id}"]


def test_feeds_graph_and_folders(tmp_path):
    feed = {"@context": "https://schema.org", "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": [MINIMAL, {**MINIMAL, "claimReviewed": "The moon is cheese"}]}]}
    (tmp_path / "in").mkdir()
    _dump(tmp_path / "in" / "feed.json", feed)
    _dump(tmp_path / "in" / "graph.jsonld", {"@context": "https://schema.org", "@graph": [{**MINIMAL, "claimReviewed": "Pigs fly"}]})
    _dump(tmp_path / "in" / "array.json", [{**MINIMAL, "claimReviewed": "Water is dry"}])
    report = import_claimreview(tmp_path / "in", tmp_path / "out")
    assert report.reviews == 4 and report.claims == 4 and report.problems == []
    _clean(analyze([tmp_path / "out"]))


def test_missing_optional_fields(tmp_path):
    bare = {"@type": "ClaimReview", "claimReviewed": "Nobody wrote this", "itemReviewed": {"@type": "Claim"},
            "reviewRating": {"@type": "Rating", "ratingValue": "2", "bestRating": "7", "worstRating": "1"},
            "author": "Checkers"}
    report = import_claimreview(_dump(tmp_path / "r.json", bare), tmp_path / "out")
    assert report.reviews == 1
    result = analyze([tmp_path / "out"])
    _clean(result)
    (assertion,) = next(iter(result.corpus.claims.values())).assertions
    assert assertion.stance == "denies" and assertion.date is None


def test_malformed_input_is_reported(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.json").write_text('{"@type": "ClaimReview",\n  "claimReviewed": }', encoding="utf-8")
    _dump(tmp_path / "in" / "other.json", {"@type": "NewsArticle", "headline": "x"})
    _dump(tmp_path / "in" / "nothing.json", {"@type": "ClaimReview", "author": {"name": "X"}})
    _dump(tmp_path / "in" / "ok.json", MINIMAL)
    report = import_claimreview(tmp_path / "in", tmp_path / "out")
    text = "\n".join(report.problems)
    assert "bad.json:2:20: not valid JSON" in text
    assert "other.json: not a ClaimReview (@type 'NewsArticle'); skipped" in text
    assert "nothing.json: ClaimReview without claimReviewed" in text
    assert report.reviews == 1


def test_cli_malformed_only_exits_2_without_traceback(tmp_path):
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    result = run("import", "claimreview", str(tmp_path / "bad.json"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr and "Traceback" not in result.output + result.stderr


def test_refuses_to_overwrite(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.yaml").write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(ClaimReviewImportError, match="not empty"):
        import_claimreview(_dump(tmp_path / "r.json", MINIMAL), tmp_path / "out")
    result = run("import", "claimreview", str(tmp_path / "r.json"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert (tmp_path / "out" / "keep.yaml").read_text(encoding="utf-8") == "claims: []\n"


def _essence(review):
    item = review.get("itemReviewed", {})
    authors = item.get("author", [])
    authors = authors if isinstance(authors, list) else [authors]
    return (review["claimReviewed"], review["author"]["name"], review["reviewRating"]["alternateName"],
            review.get("datePublished", "")[:10], item.get("datePublished"), sorted(a["name"] for a in authors),
            review.get("url"))


def test_round_trip(tmp_path):
    # reviews of one claim text share one claim, so they share its authors too
    second = {**FULL, "url": None, "author": {"@type": "Organization", "name": "Other checker"},
              "reviewRating": {"@type": "Rating", "alternateName": "Misleading"}, "datePublished": "2016-08"}
    reviews = [FULL, second, {**MINIMAL, "claimReviewed": "Vaccines work", "reviewRating": {"alternateName": "True"},
                              "itemReviewed": {"@type": "Claim", "author": [{"@type": "Person", "name": "Dr. A"},
                                                                            {"@type": "Organization", "name": "WHO"}]}}]
    import_claimreview(_dump(tmp_path / "r.json", reviews), tmp_path / "out")
    result = analyze([tmp_path / "out"])
    _clean(result)
    exported = export_claimreview(result, {"name": "ignored for imported reviews"})
    assert sorted(map(_essence, exported), key=repr) == sorted(map(_essence, reviews), key=repr)
    person = next(r for r in exported if r["claimReviewed"] == "Vaccines work")["itemReviewed"]["author"]
    assert {"@type": "Person", "name": "Dr. A"} in person
    # and through the command line
    out = run("export", "claimreview", str(tmp_path / "out"), "--output", str(tmp_path / "again.json"))
    assert out.exit_code == 0, out.output
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8")) == exported


SEEDED = """
sources:
  - {id: a, name: Source A, url: "https://a.example"}
  - {id: b, name: Source B}
claims:
  - id: p
    text: P happened
    assertions:
      - {source: a, stance: affirms, date: 2025-10-01, url: "https://a.example/p"}
      - {source: b, stance: denies}
  - id: q
    text: Q happened
    assertions:
      - {source: b, stance: affirms, date: 2025-09-01}
  - id: r
    text: R happened
    tags: [publish]
    assertions:
      - {source: a, stance: affirms}
  - id: s
    text: S happened
    tags: [publish]
    assertions:
      - {source: a, stance: affirms}
rules:
  - {id: p-or-q, kind: exclusive, claims: [p, q]}
  - {id: s-or-q, kind: exclusive, claims: [s, q]}
resolutions:
  - {conflict: exclusive:p-or-q, status: resolved, verdict: Q is false, by: desk, date: 2025-10-20,
     ratings: {p: Mostly true, q: False}}
  - {conflict: contradiction:p, status: acknowledged, verdict: unclear}
  - {conflict: exclusive:s-or-q, status: acknowledged, verdict: S is doubtful, date: 2025-10-21, ratings: {s: Doubtful}}
"""


def test_export_resolved_verdicts_and_publish_tag(tmp_path):
    result = analyze([write_corpus(tmp_path / "c", SEEDED)])
    _clean(result)
    report = ExportReport()
    reviews = export_claimreview(result, {"name": "The Desk", "url": "https://desk.example"}, report)
    by_claim = {(r["claimReviewed"], r.get("claimcheck:conflict", {}).get("id")): r for r in reviews}
    p = by_claim[("P happened", "exclusive:p-or-q")]
    assert p["@context"] == ["https://schema.org", {"claimcheck": "https://github.com/claimcheck/claimcheck#"}]
    assert p["@type"] == "ClaimReview" and p["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true"}
    assert p["author"] == {"@type": "Organization", "name": "The Desk", "url": "https://desk.example"}
    assert p["datePublished"] == "2025-10-20"
    assert p["claimcheck:conflict"] == {"id": "exclusive:p-or-q", "kind": "exclusive", "claims": ["p", "q"]}
    item = p["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Source A", "url": "https://a.example"}
    assert item["appearance"] == [{"@type": "CreativeWork", "url": "https://a.example/p"}]
    assert item["datePublished"] == "2025-10-01" and item["firstAppearance"]["url"] == "https://a.example/p"
    # each claim with its own rating: `False` unquoted is taken as written
    assert by_claim[("Q happened", "exclusive:p-or-q")]["reviewRating"]["alternateName"] == "False"
    # publish: s takes its rating from the (acknowledged) resolution of its conflict; r has none
    assert by_claim[("S happened", "exclusive:s-or-q")]["reviewRating"]["alternateName"] == "Doubtful"
    assert [s.split(":")[0] for s in report.skipped] == ["claim r"]
    assert len(reviews) == 3


def test_export_command_on_the_seed_corpus_and_config(tmp_path, monkeypatch):
    write_corpus(tmp_path / "c", SEEDED)
    (tmp_path / ".claimcheck.yaml").write_text("claimreview: {name: Config Desk}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("export", "claimreview", "c")
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert {r["author"]["name"] for r in reviews} == {"Config Desk"}
    assert "skipped claim r" in result.stderr


@pytest.mark.parametrize("text", ["{oops", '{"@type": "ClaimReview", "reviewRating": {"ratingValue": ' + "9" * 5000 + "}}", ""])
def test_nothing_usable_writes_nothing_so_a_retry_can_use_the_same_folder(tmp_path, text):
    given = tmp_path / "in.json"
    given.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["import", "claimreview", str(given), "--out", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "nothing written" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_export_fails_when_an_error_may_hide_a_verdict(tmp_path):
    # `verdict: False` unquoted is a boolean: the resolution's verdict is lost, and must not be silently
    (tmp_path / "c.yaml").write_text(
        "sources: [{id: a, name: A}, {id: b, name: B}]\n"
        "claims:\n  - {id: x, text: x, assertions: [{source: a, stance: affirms}, {source: b, stance: denies}]}\n"
        "resolutions:\n  - {conflict: 'contradiction:x', status: resolved, verdict: False}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["export", "claimreview", str(tmp_path), "--quiet"])
    assert result.exit_code == 1
    assert "error S009 'verdict'" in result.stderr and "not exported" in result.stderr


def _nulls(value, where="") -> list[str]:
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _nulls(v, f"{where}[{i}]")]
    return []


RATED = """
sources:
  - {id: ministry, name: Ministry, url: "https://ministry.example"}
  - {id: army, name: Army, url: "https://army.example"}
  - {id: wire, name: Wire}
claims:
  - id: strike
    text: A strike hit the hospital
    assertions:
      - {source: ministry, stance: affirms, date: 2023-10-17, url: "https://ministry.example/statement"}
      - {source: army, stance: denies, date: 2023-10-17}
  - id: rocket
    text: A misfired rocket hit the hospital
    assertions:
      - {source: army, stance: affirms, date: 2023-10-18}
  - id: blast
    text: A blast hit the hospital
    assertions:
      - {source: wire, stance: affirms, date: 2023-10-18}
      - {source: ministry, stance: doubts, date: 2023-10-19}
  - id: toll
    text: Hundreds died
    assertions:
      - {source: wire, stance: affirms}
rules:
  - {id: strike-or-rocket, kind: exclusive, claims: [strike, rocket]}
  - {id: rocket-is-a-blast, kind: implies, if: rocket, then: blast}
resolutions:
  - {conflict: "exclusive:strike-or-rocket", status: resolved, verdict: "A rocket; not a strike", date: 2023-11-01}
  - {conflict: "contradiction:blast", status: resolved, verdict: "True"}
  - {conflict: "contradiction:strike", status: resolved, ratings: {strike: False, toll: Unproven}}
"""


def test_export_rates_each_claim_only_where_a_resolution_rates_it(tmp_path):
    write_corpus(tmp_path / "c", RATED)
    result = run("export", "claimreview", str(tmp_path / "c"))
    reviews = json.loads(result.stdout)
    rated = {(r["claimReviewed"], r["reviewRating"]["alternateName"], r["claimcheck:conflict"]["id"]) for r in reviews}
    # the exclusive rule's verdict rates neither claim; the contradiction's verdict rates its
    # own claim (not the rocket claim whose support reached it); ratings rate each claim
    assert rated == {
        ("A blast hit the hospital", "True", "contradiction:blast"),
        ("A strike hit the hospital", "False", "contradiction:strike"),
    }
    assert "skipped claim rocket: the resolution of exclusive:strike-or-rocket gives a verdict but no rating of each claim" in result.stderr
    assert "skipped claim strike: the resolution of exclusive:strike-or-rocket" in result.stderr
    assert "skipped claim toll: rated in the resolution of contradiction:strike, in which it takes no part (C002)" in result.stderr
    assert not [n for r in reviews for n in _nulls(r)]
    strike = next(r for r in reviews if r["claimReviewed"] == "A strike hit the hospital")
    # appearances are the claim's own assertions' links, not its authors' home pages
    assert strike["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "url": "https://ministry.example/statement"}]
    blast = next(r for r in reviews if r["claimReviewed"] == "A blast hit the hospital")
    assert "appearance" not in blast["itemReviewed"] and "firstAppearance" not in blast["itemReviewed"]
    check = run("check", str(tmp_path / "c"), "--format", "concise", "--no-cache")
    assert "warning C002 rating of claim 'toll', which takes no part in contradiction:strike" in check.stdout


def test_ratings_survive_the_round_trip(tmp_path):
    write_corpus(tmp_path / "c", RATED)
    first = json.loads(run("export", "claimreview", str(tmp_path / "c")).stdout)
    import_claimreview(_dump(tmp_path / "r.json", first), tmp_path / "back")
    result = analyze([tmp_path / "back"])
    _clean(result)
    again = export_claimreview(result)
    assert sorted(map(_essence, again), key=repr) == sorted(map(_essence, first), key=repr)
    stances = {c.text: [a.stance for a in c.assertions if a.note and a.note.startswith("ClaimReview")] for c in result.corpus.claims.values()}
    assert stances == {"A strike hit the hospital": ["denies"], "A blast hit the hospital": ["affirms"]}
