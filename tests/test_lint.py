"""The lint rules (claimcheck/lint/): each with a small corpus in and its findings out,
with their lines; the registry; select/ignore; and the near-duplicate search at scale."""

from __future__ import annotations

import datetime as _dt
import itertools
import pkgutil
import random
import string
import textwrap
import time

import pytest
from rapidfuzz import fuzz

import claimcheck.lint as lint
from claimcheck.analysis import analyze
from claimcheck.findings import CODES
from claimcheck.lint._text import all_similar_pairs, normalise, similar_pairs
from claimcheck.model import Claim, Corpus, Pos

from helpers import REPO, write_corpus

SOURCES = """
sources:
  - {id: a, name: Source A}
  - {id: b, name: Source B}
  - {id: c, name: Source C}
  - {id: anon, name: Sources close to the government, kind: anonymous}
"""
TODAY = "2025-11-01"


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based line of the nth line of (dedented) text that contains needle."""
    lines = [n for n, line in enumerate(textwrap.dedent(text).splitlines(), 1) if needle in line]
    return lines[nth]


def lint_of(root, text: str, code: str, **options) -> list[tuple[str, int, str]]:
    """(code, line, message) of the findings with this code; the corpus must be valid."""
    write_corpus(root, text)
    write_corpus(root, SOURCES, "sources.yaml")
    result = analyze([root], lint_options={"today": TODAY, **options})
    others = [f for f in result.findings if f.code not in lint.RULES]
    assert not others, others
    return [(f.code, f.line, f.message) for f in result.findings if f.code == code]


def codes_lines(found) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _ in found]


# --- W101 near-duplicate-claims ---------------------------------------------------------

NEAR = """
claims:
  - id: maduro-met-advisers
    text: Maduro met Cuban advisers in Caracas
    assertions: [{source: a, stance: affirms}]
  - id: advisers-met-maduro
    text: "Maduro met the Cuban advisers in Caracas."
    assertions: [{source: b, stance: doubts}]
  - id: cuba-refused
    text: Cuba refused military aid
    assertions: [{source: a, stance: affirms}]
"""


def test_near_duplicate_claims_named_at_the_later_id(corpus_dir):
    found = lint_of(corpus_dir, NEAR, "W101")
    # 'maduro-met-advisers' sorts after 'advisers-met-maduro': reported there
    assert codes_lines(found) == [("W101", line_of(NEAR, "id: maduro-met-advisers"))]
    message = found[0][2]
    assert "'maduro-met-advisers'" in message and "'advisers-met-maduro'" in message
    assert "equivalent" in message and "merge" in message


def test_near_duplicate_same_text_and_word_order(corpus_dir):
    text = """
    claims:
      - id: one
        text: "Cuba refused military aid to Venezuela"
        assertions: [{source: a, stance: affirms}]
      - id: two
        text: "cuba  REFUSED military aid to Venezuela!"
        assertions: [{source: b, stance: affirms}]
      - id: three
        text: "military aid to Venezuela Cuba refused"
        assertions: [{source: c, stance: affirms}]
    """
    found = lint_of(corpus_dir, text, "W101")
    # 'one' and 'two' normalise to one text: 'two' is reported against 'one'; 'three'
    # differs only in word order, reported against the first of that text ('one')
    assert sorted(codes_lines(found)) == sorted([("W101", line_of(text, "id: two")), ("W101", line_of(text, "id: three"))])
    assert any("same text as claim 'one'" in m for _, _, m in found)


def test_claims_about_different_subjects_are_not_duplicates(corpus_dir):
    text = """
    entities:
      - {id: springfield-il, name: Springfield IL}
      - {id: springfield-ma, name: Springfield MA}
    claims:
      - id: pop-il
        text: "Population of Springfield is 116,000"
        subject: springfield-il
        assertions: [{source: a, stance: affirms}]
      - id: pop-ma
        text: "Population of Springfield is 116,000"
        subject: springfield-ma
        assertions: [{source: b, stance: affirms}]
      - id: pop-ma-again
        text: "Population of Springfield is 116000"
        subject: springfield-ma
        assertions: [{source: c, stance: affirms}]
    """
    found = lint_of(corpus_dir, text, "W101")
    assert codes_lines(found) == [("W101", line_of(text, "id: pop-ma-again"))]


def test_claims_whose_texts_differ_in_their_numbers_are_told_apart(corpus_dir):
    # imported data: one claim per property of a city, the properties a year apart
    text = """
    entities:
      - {id: abha, name: Abha}
    claims:
      - {id: abha.population2004, text: Population2004 of Abha, subject: abha, assertions: [{source: a, stance: affirms}]}
      - {id: abha.population2006, text: Population2006 of Abha, subject: abha, assertions: [{source: b, stance: affirms}]}
      - {id: killed-3, text: 3 people were killed in the blast, assertions: [{source: a, stance: affirms}]}
      - {id: killed-5, text: 5 people were killed in the blast, assertions: [{source: b, stance: affirms}]}
      - {id: killed-5-again, text: "Five people were killed in the blast: 5", assertions: [{source: c, stance: affirms}]}
    """
    found = lint_of(corpus_dir, text, "W101")
    assert codes_lines(found) == [("W101", line_of(text, "id: killed-5-again"))]  # the same number, near enough
    assert "'killed-5'" in found[0][2]


@pytest.mark.parametrize("rule", [
    "{id: same, kind: equivalent, claims: [maduro-met-advisers, advisers-met-maduro]}",
    "{id: there, kind: implies, if: maduro-met-advisers, then: advisers-met-maduro}\n"
    "  - {id: back, kind: implies, if: advisers-met-maduro, then: maduro-met-advisers}",
    "{id: one-way, kind: implies, if: maduro-met-advisers, then: advisers-met-maduro}",
    "{id: either, kind: exclusive, claims: [maduro-met-advisers, advisers-met-maduro], severity: info}",
])
def test_near_duplicates_already_related_by_a_rule_are_not_reported(corpus_dir, rule):
    assert lint_of(corpus_dir, NEAR + f"rules:\n  - {rule}\n", "W101") == []


def test_near_duplicate_threshold_option(corpus_dir):
    assert lint_of(corpus_dir, NEAR, "W101", **{"near-duplicate-threshold": 99}) == []


def test_blocked_search_finds_what_the_exhaustive_one_finds():
    rng = random.Random(3)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9))) for _ in range(300)]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(600)]
    for base in list(texts[:150]):
        p = rng.randrange(len(base))
        texts.append(base[:p] + rng.choice(string.ascii_lowercase) + base[p + 1 :])
    texts += ["chavismo", "chavizmo", "nicolas maduro", "maduro nicolás"]
    unique = list(dict.fromkeys(normalise(t) for t in texts if normalise(t)))
    for threshold in (85, 90, 95):
        blocked = {(i, j) for i, j, _ in similar_pairs(unique, threshold)}
        exhaustive = {(i, j) for i, j, _ in all_similar_pairs(unique, threshold)}
        assert blocked == exhaustive


# --- W102 shared-alias, I103 similar-entity-names -------------------------------------

ENTITIES = """
entities:
  - {id: cuban-government, name: Cuban government, aliases: [Havana]}
  - {id: havana, name: "havana.", kind: place}
  - {id: maduro, name: Nicolás Maduro, aliases: [Maduro]}
  - {id: nicolas-maduro, name: Nicolas Maduro}
  - {id: cuba, name: Cuba, aliases: [the island]}
claims:
  - id: x
    text: Something happened
    subject: cuba
    object: maduro
    assertions: [{source: a, stance: affirms}]
"""


def test_shared_alias_is_reported_at_the_later_entity(corpus_dir):
    found = lint_of(corpus_dir, ENTITIES, "W102")
    assert codes_lines(found) == [("W102", line_of(ENTITIES, "id: havana"))]
    assert "'cuban-government'" in found[0][2] and "Havana" in found[0][2]


def test_similar_entity_names(corpus_dir):
    found = lint_of(corpus_dir, ENTITIES, "I103")
    # Cuba / Cuban government, and the havana pair (W102 already), are not reported
    assert codes_lines(found) == [("I103", line_of(ENTITIES, "id: nicolas-maduro"))]
    assert "'maduro'" in found[0][2] and "Nicolás Maduro" in found[0][2]


def test_names_that_differ_in_their_numbers_are_different_entities(corpus_dir):
    text = """
    entities:
      - {id: apollo-11, name: Apollo 11 mission}
      - {id: apollo-12, name: Apollo 12 mission}
      - {id: brigade-41, name: 41st Brigade}
      - {id: brigade-14, name: 14st Brigade}
      - {id: line-2-north, name: "Line 2, North"}
      - {id: north-line-2, name: North Line 2}
      - {id: route-7, name: Route 7 Caracas}
      - {id: route-7-copy, name: Route 7 Caraccas}
    claims:
      - {id: x, text: y, subject: apollo-11, object: apollo-12, assertions: [{source: a, stance: affirms}]}
    """
    found = lint_of(corpus_dir, text, "I103")
    # another number is another thing; the same numbers with a typo, or in another
    # order, are still reported
    assert codes_lines(found) == [
        ("I103", line_of(text, "id: north-line-2")),
        ("I103", line_of(text, "id: route-7-copy")),
    ]


def test_distinct_entities_are_quiet(corpus_dir):
    text = """
    entities:
      - {id: cuba, name: Cuba}
      - {id: cuban-advisers, name: Cuban advisers, aliases: [the Cubans]}
    claims:
      - {id: x, text: y, subject: cuba, object: cuban-advisers, assertions: [{source: a, stance: affirms}]}
    """
    assert lint_of(corpus_dir, text, "W102") == [] and lint_of(corpus_dir, text, "I103") == []


# --- I104 anonymous-support, I105 single-origin ---------------------------------------

ORIGINS = """
claims:
  - id: anonymous-only
    text: Maduro sought military aid
    assertions:
      - {source: a, stance: affirms, via: [b, anon]}
      - {source: c, stance: denies}
  - id: anonymous-and-named
    text: Cuba refused
    assertions:
      - {source: a, stance: affirms, via: [anon]}
      - {source: b, stance: affirms}
  - id: anonymous-relays-named
    text: The advisers met
    assertions:
      - {source: anon, stance: affirms, via: [b]}
  - id: echoed
    text: Three outlets, one report
    assertions:
      - {source: a, stance: affirms, via: [c]}
      - {source: b, stance: affirms, via: [a, c]}
      - {source: c, stance: affirms}
  - id: single
    text: One source only
    assertions:
      - {source: a, stance: affirms}
"""


def test_anonymous_support_counts_origins_through_via(corpus_dir):
    found = lint_of(corpus_dir, ORIGINS, "I104")
    assert codes_lines(found) == [("I104", line_of(ORIGINS, "id: anonymous-only"))]
    assert "'anon'" in found[0][2]


def test_anonymous_support_travels_along_rules(corpus_dir):
    # named support that a rule brings makes the claim no longer anonymous-only
    text = ORIGINS + "rules:\n  - {id: r, kind: implies, if: single, then: anonymous-only}\n"
    assert lint_of(corpus_dir, text, "I104") == []
    # anonymous support that a rule brings to a claim nobody affirms makes it anonymous-only
    text = ORIGINS + """
  - id: unsupported
    text: Nobody affirms this one
    assertions: [{source: c, stance: doubts}]
rules:
  - {id: r, kind: equivalent, claims: [anonymous-only, unsupported]}
"""
    found = lint_of(corpus_dir, text, "I104")
    assert codes_lines(found) == [
        ("I104", line_of(text, "id: anonymous-only")),
        ("I104", line_of(text, "id: unsupported")),
    ]


def test_single_origin(corpus_dir):
    found = lint_of(corpus_dir, ORIGINS, "I105")
    assert codes_lines(found) == [("I105", line_of(ORIGINS, "id: echoed"))]
    assert "'c'" in found[0][2] and "3 sources" in found[0][2]


def test_single_origin_min_sources_option(corpus_dir):
    found = lint_of(corpus_dir, ORIGINS, "I105", **{"single-origin-min-sources": 1})
    assert {line for _, line, _ in found} == {
        line_of(ORIGINS, "id: " + claim)
        for claim in ("anonymous-only", "anonymous-relays-named", "echoed", "single")
    }


# --- E106 self-in-via, W107 via-cycle ---------------------------------------------------

VIA = """
claims:
  - id: one
    text: One
    assertions:
      - {source: a, stance: affirms, via: [b]}
      - {source: c, stance: affirms, via: [c]}
  - id: two
    text: Two
    assertions:
      - {source: b, stance: affirms, via: [c, a]}
"""


def test_source_in_its_own_via_is_an_error(corpus_dir):
    write_corpus(corpus_dir, VIA)
    write_corpus(corpus_dir, SOURCES, "sources.yaml")
    result = analyze([corpus_dir], select={"E106"})
    assert [(f.code, f.line, f.severity) for f in result.findings] == [
        ("E106", line_of(VIA, "via: [c]}"), "error")
    ]
    assert result.findings[0].path == ("claims", "one", "assertions", "by:c", "via")


def test_via_cycle_reported_once_at_its_first_link(corpus_dir):
    write_corpus(corpus_dir, VIA)
    write_corpus(corpus_dir, SOURCES, "sources.yaml")
    found = [f for f in analyze([corpus_dir]).findings if f.code == "W107"]
    # a → b (one), b → c → a (two): one loop through a, b, c; the self-loop of c is E106's
    assert [(f.code, f.line) for f in found] == [("W107", line_of(VIA, "via: [b]"))]
    assert "a, b, c" in found[0].message and "a → b" in found[0].message
    assert found[0].path == ("sources", "a")


def test_via_chains_without_loops_are_quiet(corpus_dir):
    text = """
    claims:
      - id: one
        text: One
        assertions:
          - {source: a, stance: affirms, via: [b, c]}
          - {source: b, stance: affirms, via: [c]}
    """
    assert lint_of(corpus_dir, text, "W107") == [] and lint_of(corpus_dir, text, "E106") == []


# --- I108–I110 unused, W111 future-assertion -----------------------------------------

UNUSED = """
sources:
  - {id: relay, name: Relay}
  - {id: idle, name: Idle}
entities:
  - {id: maduro, name: Nicolás Maduro}
  - {id: cuba, name: Cuba}
  - {id: gov, name: The government}
  - {id: capital, name: Caracas}
  - {id: idle-entity, name: Nobody}
predicates:
  - {id: holds-office}
  - {id: capital-is, value_type: entity}
claims:
  - id: x
    text: X
    subject: maduro
    predicate: holds_office
    object: cuba
    assertions:
      - {source: a, stance: affirms, via: [relay]}
      - {source: b, stance: affirms, date: 2025-11}
      - {source: c, stance: affirms, date: 2025-11-02}
  - id: y
    text: Y
    predicate: capital-is
    assertions:
      - {source: c, stance: affirms, value: capital}
"""


def test_unused_sources_entities_and_predicates(corpus_dir):
    write_corpus(corpus_dir, UNUSED)
    write_corpus(corpus_dir, SOURCES.replace("  - {id: anon", "  - {id: gov-voice, name: G, represents: [gov]}\n  - {id: anon"), "sources.yaml")
    result = analyze([corpus_dir], select={"I108", "I109", "I110"})
    found = {(f.code, f.file.rsplit("/", 1)[-1], f.line) for f in result.findings}
    sources = SOURCES.replace("  - {id: anon", "  - {id: gov-voice, name: G, represents: [gov]}\n  - {id: anon")
    assert found == {
        ("I108", "corpus.yaml", line_of(UNUSED, "id: idle,")),
        ("I108", "sources.yaml", line_of(sources, "id: gov-voice")),
        ("I108", "sources.yaml", line_of(sources, "id: anon")),
        ("I109", "corpus.yaml", line_of(UNUSED, "id: idle-entity")),
        ("I110", "corpus.yaml", line_of(UNUSED, "id: holds-office")),
    }
    [predicate] = [f for f in result.findings if f.code == "I110"]
    assert "holds_office" in predicate.message  # the near miss the claims use


def test_unused_looks_at_every_claim_until_all_are_used():
    """The rules stop reading once every source and entity is seen used: one named only
    by the last claim, past the first chunk, is used; one named by none is reported."""
    from claimcheck.lint._common import CHUNK
    from claimcheck.model import Assertion, Entity, Source

    here = Pos("c.yaml", 1, 1)
    corpus = Corpus()
    for name in ("often", "last", "never"):
        corpus.sources[name] = Source(name, name, here)
        corpus.entities[f"e-{name}"] = Entity(f"e-{name}", name, here)
    for n in range(CHUNK + 10):
        source, entity = ("last", "e-last") if n == CHUNK + 9 else ("often", "e-often")
        assertion = Assertion(f"c{n}", 0, source, "affirms", here)
        corpus.claims[f"c{n}"] = Claim(f"c{n}", f"claim {n}", here, subject=entity, assertions=(assertion,))
    found = lint.run(corpus, select={"I108", "I109"})
    assert sorted((f.code, f.path[1]) for f in found) == [("I108", "never"), ("I109", "e-never")]
    del corpus.sources["never"], corpus.entities["e-never"]
    assert lint.run(corpus, select={"I108", "I109"}) == []


def test_unused_is_quiet_without_claims(corpus_dir):
    write_corpus(corpus_dir, SOURCES)
    assert analyze([corpus_dir]).findings == []


def test_future_assertion_with_a_pinned_today(corpus_dir):
    found = lint_of(corpus_dir, UNUSED, "W111")
    # 2025-11 starts on today (2025-11-01): not in the future; 2025-11-02 is
    assert codes_lines(found) == [("W111", line_of(UNUSED, "date: 2025-11-02"))]
    assert "2025-11-02" in found[0][2] and TODAY in found[0][2]
    assert lint_of(corpus_dir, UNUSED, "W111", today=_dt.date(2025, 11, 2)) == []


def test_today_defaults_to_the_real_date(corpus_dir):
    far = UNUSED.replace("date: 2025-11-02", "date: 9999-12-31")
    write_corpus(corpus_dir, far)
    write_corpus(corpus_dir, SOURCES, "sources.yaml")
    assert [f.line for f in analyze([corpus_dir], select={"W111"}).findings] == [line_of(far, "9999-12-31")]


# --- I112 unlinked-mention ----------------------------------------------------------

MENTIONS = """
entities:
  - {id: maduro, name: Nicolás Maduro, aliases: [Maduro, "Maduro's government"]}
  - {id: gov, name: Venezuelan government, aliases: ["Maduro's government"]}
  - {id: cuba, name: Cuba}
  - {id: us, name: United States, aliases: [US, the United States]}
claims:
  - id: sought-aid
    text: "Maduro sought military aid from CUBA amid tensions with the United States"
    subject: maduro
    object: cuba
    assertions: [{source: a, stance: affirms}]
  - id: government-talks
    text: "Maduro's government told us the Cubans would not help"
    subject: gov
    assertions: [{source: a, stance: affirms}]
  - id: nothing-linked
    text: Madurismo is not Maduro
    assertions: [{source: a, stance: affirms}]
"""


def test_unlinked_mentions(corpus_dir):
    found = lint_of(corpus_dir, MENTIONS, "I112")
    assert codes_lines(found) == [
        ("I112", line_of(MENTIONS, "id: sought-aid")),
        ("I112", line_of(MENTIONS, "id: nothing-linked")),
    ]
    # the longest name wins ('Maduro's government', the subject); 'us' is not US; 'Cubans'
    # is not Cuba; 'Madurismo' is not Maduro, but the whole word 'Maduro' is
    assert "'us'" in found[0][2] and "the United States" in found[0][2]
    assert "'maduro'" in found[1][2] and "no subject or object" in found[1][2]


def test_linked_mentions_are_quiet(corpus_dir):
    text = MENTIONS.replace("    object: cuba\n", "    object: us\n").replace("CUBA", "Havana")
    found = lint_of(corpus_dir, text, "I112")
    assert [line for _, line, _ in found] == [line_of(text, "id: nothing-linked")]


def test_unlinked_mentions_in_ascii_text_are_found_as_in_any_text():
    """ASCII texts are passed over on a bytes filter: it never passes over a name the
    general path (Unicode words, NFC, casefold) finds. A trailing ' é' sends a text down
    the general path without changing its names."""
    from claimcheck.lint.unlinked_mention import _Names
    from claimcheck.model import Entity

    rng = random.Random(11)
    vocabulary = ["Maduro", "maduro", "CUBA", "Cuba", "United", "States", "us", "US", "of", "the",
                  "a_b", "x1", "Nicolás", "Venezuela's", "gov", "e-7", "7"]
    corpus = Corpus()
    for n in range(12):
        name = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 3)))
        aliases = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 2)))
        corpus.entities[f"e{n}"] = Entity(f"e{n}", name, Pos("f", 1, 1), aliases)
    names = _Names(corpus)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(vocabulary) + rng.choice([" ", " ", ", ", "-", ".", "'s ", "_"]) for _ in range(rng.randint(1, 8)))
        if not text.isascii():
            continue
        general = names.find(text + " é")
        assert names.find(text) == general, text
        found += bool(general)
    assert found > 100  # the names are there to be found


def test_along_rules_matches_brute_force_reachability():
    from claimcheck.lint._common import RuleFlow
    from claimcheck.model import Rule

    rng = random.Random(5)
    for _ in range(200):
        corpus = Corpus()
        ids = [f"c{i}" for i in range(rng.randint(1, 12))]
        for claim_id in ids:
            corpus.claims[claim_id] = Claim(claim_id, claim_id, Pos("f", 1, 1))
        for n in range(rng.randint(0, 15)):
            if rng.random() < 0.7:
                corpus.rules[f"r{n}"] = Rule(f"r{n}", "implies", 2, Pos("f", 1, 1), if_=rng.choice(ids), then=(rng.choice(ids),))
            elif len(ids) > 1:
                corpus.rules[f"r{n}"] = Rule(f"r{n}", "equivalent", 2, Pos("f", 1, 1), claims=tuple(rng.sample(ids, 2)))
        seeds = {c: frozenset(rng.sample("abcdef", rng.randint(0, 3))) for c in ids if rng.random() < 0.6}
        edges = {c: set() for c in ids}
        for rule in corpus.rules.values():
            if rule.kind == "implies":
                edges[rule.if_].update(rule.then)
            else:
                a, b = rule.claims
                edges[a].add(b)
                edges[b].add(a)
        flow = RuleFlow(corpus)  # one flow, several seeds and caps, as the rules use it
        for cap in (1, 2, 10):
            got = flow.along(seeds, cap)
            for claim_id in ids:
                # every claim whose support reaches claim_id, itself included
                reaching = {x for x in ids if claim_id in _reachable(edges, x)} | {claim_id}
                truth = frozenset().union(*(seeds.get(x, frozenset()) for x in reaching))
                mine = got.get(claim_id, frozenset())
                assert mine <= truth and len(mine) == min(cap, len(truth)), (claim_id, cap)


def _reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        for nxt in edges[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


# --- the seed corpus ------------------------------------------------------------------


def test_seed_corpus_has_no_lint_warnings_or_errors():
    findings = lint.run(analyze([REPO / "corpus"], select=set()).corpus, options={"today": "2026-01-01"})
    assert [f for f in findings if f.severity != "info"] == []
    assert {f.code for f in findings} <= {"I104", "I109", "I112"}


# --- the registry, select and ignore ---------------------------------------------------


def test_every_rule_module_is_registered_and_declares_itself():
    modules = {m.name for m in pkgutil.iter_modules(lint.__path__) if not m.name.startswith("_")}
    assert modules == {rule.__name__.rsplit(".", 1)[1] for rule in lint.RULES.values()}
    names = set()
    for code, rule in lint.RULES.items():
        assert rule.CODE == code and code[0] == rule.SEVERITY[0].upper()
        known = CODES[code]
        assert (known.name, known.severity) == (rule.NAME, rule.SEVERITY)
        assert rule.NAME not in names
        names.add(rule.NAME)
        doc = rule.__doc__
        assert doc and code in doc and "\n    " in doc, f"{code}: docstring with an example"


def test_select_and_ignore(corpus_dir):
    def codes(**kw):
        return [r.CODE for r in lint.selected(**kw)]

    everything = list(lint.RULES)
    assert codes() == everything
    assert codes(select={"W1"}) == ["W101", "W102", "W107", "W111"]
    assert codes(select={"near-duplicate-claims", "e106"}) == ["W101", "E106"]
    assert set(codes(ignore={"I"})) == {"W101", "W102", "E106", "W107", "W111"}
    assert "W101" not in codes(select={"W1"}, ignore={"W101"})  # the more specific wins
    assert codes(select={"W101"}, ignore={"W"}) == ["W101"]
    assert codes(select={"W101"}, ignore={"near-duplicate-claims"}) == []  # a tie: ignore wins
    assert codes(select={"S011"}) == []  # a finding code: selects no lint rule, but is known
    assert codes(select=set()) == []

    write_corpus(corpus_dir, NEAR + "  - {id: y, text: z, assertions: [{source: nobody, stance: affirms}]}\n")
    write_corpus(corpus_dir, SOURCES, "sources.yaml")
    found = {f.code for f in analyze([corpus_dir], select={"W"}).findings}
    assert found == {"W101", "R001"}  # validation findings are not lint's to select
    found = {f.code for f in analyze([corpus_dir], ignore={"W101", "unused-source"}).findings}
    assert "W101" not in found and "I108" not in found and "R001" in found


def test_wrong_selectors_and_options_are_errors_with_suggestions(corpus_dir):
    assert lint.problems({"W101", "I"}, {"unused-source"}, {"near-duplicate-threshold": 85, "today": "2025-01-02"}) == []
    wrong = lint.problems({"near-duplicate-claim"}, {"X9"}, {"near-duplicate-treshold": 80, "similar-name-threshold": 120, "today": "soon"})
    text = " | ".join(wrong)
    assert "did you mean 'near-duplicate-claims'" in text
    assert "'X9'" in text
    assert "did you mean 'near-duplicate-threshold'" in text
    assert "from 0 to 100" in text and "'today'" in text
    write_corpus(corpus_dir, SOURCES)
    with pytest.raises(ValueError, match="near-duplicate-claim"):
        analyze([corpus_dir], select={"near-duplicate-claim"})


# --- scale ------------------------------------------------------------------------------


def _synthetic_claims(count: int, planted: int, seed: int = 11) -> tuple[Corpus, set[tuple[str, str]]]:
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    vocabulary = ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))  # Zipf
    common = "the of and to in a that is was for on with by at from government president".split()
    texts = []
    for _ in range(count - planted):
        words = [rng.choice(common) if rng.random() < 0.3 else None for _ in range(rng.randint(6, 16))]
        content = iter(rng.choices(vocabulary, cum_weights=cumulative, k=len(words)))
        texts.append(" ".join(w or next(content) for w in words).capitalize())
    pairs = set()
    for _ in range(planted):
        base = rng.randrange(len(texts))
        words = texts[base].split()
        k = rng.randrange(len(words))
        p = rng.randrange(len(words[k]))
        words[k] = words[k][:p] + rng.choice("xyz") + words[k][p + 1 :]  # a typo
        if len(words) > 2:
            k = rng.randrange(len(words) - 1)
            words[k], words[k + 1] = words[k + 1], words[k]  # and a swap
        pairs.add((f"c{base:06d}", f"c{len(texts):06d}"))
        texts.append(" ".join(words).upper() if rng.random() < 0.3 else " ".join(words))
    corpus = Corpus()
    for n, text in enumerate(texts):
        claim_id = f"c{n:06d}"
        corpus.claims[claim_id] = Claim(claim_id, text, Pos("synthetic.yaml", n + 1, 5))
    return corpus, pairs


@pytest.mark.slow
def test_near_duplicates_at_scale():
    corpus, planted = _synthetic_claims(50_000, 300)
    started = time.perf_counter()
    findings = lint.run(corpus, select={"W101"})
    seconds = time.perf_counter() - started
    print(f"\nnear-duplicate claims: {len(corpus.claims)} claims in {seconds:.2f} s, {len(findings)} findings")
    reported = set()
    for f in findings:
        named = f.message.split("'")[3]  # claim '<later>' ... claim '<first>'
        reported.add((named, f.path[1]))
    keyed = {c.id: " ".join(sorted(normalise(c.text).split())) for c in corpus.claims.values()}
    close = {(a, b) for a, b in planted if fuzz.ratio(keyed[a], keyed[b]) >= 90}
    assert len(close) > 0.8 * len(planted)
    assert close <= reported


def test_thousands_of_claims_differing_by_a_number_stay_linear():
    """An oversized block is sampled, and each claim is reported at most once."""
    from claimcheck.lint._text import BLOCK_SAMPLE

    texts = [f"population of springfield is {116000 + i}" for i in range(3000)]
    pairs = list(similar_pairs(texts, 90))
    assert len(pairs) <= BLOCK_SAMPLE * len(texts)
    assert {j for _, j, _ in pairs} >= set(range(BLOCK_SAMPLE, len(texts)))  # every later one matched
