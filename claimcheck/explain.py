"""explain: the documentation of every finding code and conflict kind, in the manner of `ruff rule`.

Each entry says what the code or kind means, shows a small corpus file that triggers it
and says how to fix or resolve it. Lint rules are documented by their module's
docstring (claimcheck/lint/). The tests run every runnable example through `analyze`
and check that it really gives its code or kind, so the examples cannot drift.
"""

from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass

from .engine import KINDS
from .findings import CODES

STAGES = {"L": "load", "S": "schema", "R": "reference", "C": "conflict bookkeeping"}


@dataclass(frozen=True, slots=True)
class Entry:
    key: str  # the code (S004) or the kind (contradiction)
    name: str  # the code's name (unknown-field); a kind's name is its key
    category: str  # load, schema, reference, conflict bookkeeping, lint rule, conflict kind
    severity: str
    summary: str
    doc: str
    example: str  # one corpus file (YAML)
    fix: str
    #: why the example cannot be run as a corpus file alone ("" when it can)
    not_runnable: str = ""


# --- finding codes of the load, schema, reference and conflict stages ------------------
# code: (documentation, example corpus file, how to fix[, why not runnable])

_SOURCE_LINES = {
    "el-pais": "{id: el-pais, name: El País, kind: newspaper}",
    "el-nuevo-herald": "{id: el-nuevo-herald, name: El Nuevo Herald, kind: newspaper}",
    "venezuelan-government": "{id: venezuelan-government, name: Venezuelan government, kind: government}",
    "new-york-times": "{id: new-york-times, name: The New York Times, kind: newspaper}",
}


def _sources(*ids: str) -> str:
    """A `sources:` section of these seed sources, indented like the examples below
    (which are dedented as a whole)."""
    return "        sources:\n" + "".join(f"          - {_SOURCE_LINES[i]}\n" for i in ids)


_CODE_DOCS: dict[str, tuple[str, ...]] = {
    "L001": (
        """\
        claimcheck could not read the file: it lacks read permission, the disk reported
        an I/O error, it is not a regular file (a pipe, a device), or it is larger than
        the `max-file-bytes` limit (64 MiB by default). The other files are still read.""",
        """\
        # Any corpus file that cannot be read, for instance:
        #   $ chmod 000 corpus/claims.yaml
        #   $ claimcheck check corpus
        #   corpus/claims.yaml:1:1: error L001 cannot read the file: Permission denied""",
        """\
        Give the file read permission, move pipes and devices out of the corpus folder, or
        split a very large file (or raise `limits: {max-file-bytes: ...}` in the
        configuration).""",
        "the file's permissions or size, not its text, cause it",
    ),
    "L002": (
        """\
        Corpus files are UTF-8 text (a byte-order mark is accepted). A file saved as
        UTF-16 or UTF-32, a binary file, or text in Latin-1 or Windows-1252 with accented
        letters cannot be read as UTF-8; the finding names the first bad byte.""",
        """\
        # A file saved as UTF-16 by an editor, for instance:
        #   $ iconv -f UTF-8 -t UTF-16 sources.yaml > corpus/sources.yaml
        #   $ claimcheck check corpus
        #   corpus/sources.yaml:1:1: error L002 the file is UTF-16 encoded; save it as UTF-8""",
        """\
        Save the file as UTF-8 (most editors offer the encoding under "Save as"; on the
        command line `iconv -f LATIN1 -t UTF-8`). Move binary files out of the corpus.""",
        "it takes bytes that are not UTF-8, which a text example cannot hold",
    ),
    "L003": (
        """\
        The file is not well-formed YAML: an unclosed quote or bracket, a line indented
        to a level that does not exist, a tab used for indentation. The finding gives the
        line and column where the parser gave up; the mistake is there or just above.""",
        """\
        sources:
          - id: el-pais
            name: El País
           kind: newspaper         # L003: indented one space less than the line above
        """,
        """\
        Fix the syntax at the place named (close the quote, align the indentation, replace
        tabs with spaces). Quote text that holds `: ` or starts with `[`, `{`, `*`, `&`,
        `!`, `%`, `@` or a backquote.""",
    ),
    "L004": (
        """\
        A mapping holds the same key twice. YAML parsers disagree about which value wins,
        so claimcheck keeps the first, ignores the second and names both lines. It is
        usually a copy-paste slip, or two fields that were meant to differ.""",
        """\
        sources:
          - id: el-pais
            name: El País
            kind: newspaper
            name: El Pais          # L004: 'name' a second time
        """,
        "Delete one of the two keys, or rename the one that was meant to be another field.",
    ),
    "L005": (
        """\
        A YAML tag other than the standard ones (`!!str`, `!!int`, `!!float`, `!!bool`,
        `!!null`, `!!timestamp`, `!!seq`, `!!map`), such as `!!python/object/apply`, which
        makes some YAML loaders run code, or `!!python/unicode` left by old Python dumps.
        claimcheck never constructs a tagged object: it reports the tag and reads the
        value as if it were untagged.""",
        """\
        sources:
          - id: el-pais
            name: !!python/unicode "El País"     # L005
        """,
        "Remove the tag and write the plain value (`name: El País`).",
    ),
    "L006": (
        """\
        A file goes beyond one of the loader's limits, which keep hostile input from
        costing unbounded time or memory: nesting deeper than `max-depth` (100; at
        most 1,000, where the YAML parser stops whatever the setting), aliases expanding to more than `max-alias-expansion` nodes (100,000: an "alias
        bomb" or "billion laughs"), or more than `max-nodes` nodes. Reading the file stops
        at that point. (A file above the size limit is not read at all: that is L001.)""",
        """\
        # An alias bomb: each list repeats the one above ten times.
        sources:
          - &a [x, x, x, x, x, x, x, x, x, x]
          - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
          - [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]     # L006: above 100,000 nodes
        """,
        """\
        A real corpus never comes near these limits: write lists out instead of building
        them from aliases, and split huge files. If a genuine corpus needs more, raise the
        limit under `limits:` in the configuration.""",
    ),
    "L007": (
        """\
        A corpus file holds one YAML document. A `---` line between sections starts a
        second document, which other tools would silently drop; claimcheck reports it and
        reads only the first.""",
        """\
        sources:
          - {id: el-pais, name: El País}
        ---                          # L007: a second document starts here
        entities:
          - {id: maduro, name: Nicolás Maduro}
        """,
        "Remove the `---` line (all six sections can share one mapping), or split the file in two.",
    ),
    "L008": (
        """\
        A mapping key must be text. A key that YAML types otherwise (a number, a date,
        `true`, `null`) or that is a list or a mapping cannot be a field name; it is
        reported and the key with its value is ignored.""",
        """\
        sources:
          - {id: el-pais, name: El País}
        claims:
          - id: chavismo-considering-negotiated-exit
            text: Chavismo is considering negotiating its exit from power
            assertions:
              - source: el-pais
                stance: denies
                2025-10-12: not considering it     # L008: a date as a key
        """,
        """\
        Write the field names the format defines (`date: 2025-10-12`, `quote: ...`); if
        the key really is text, quote it.""",
    ),
    "L009": (
        """\
        A symbolic link in the corpus folder that leads outside the corpus, points nowhere
        or makes a loop. claimcheck does not follow it, so a corpus cannot pull in files
        from elsewhere on the machine, and a loop cannot make it read forever. (A link
        given directly on the command line is followed.)""",
        """\
        # A link out of the corpus, for instance:
        #   $ ln -s /etc corpus/system
        #   $ claimcheck check corpus
        #   corpus/system:1:1: warning L009 a symbolic link that leads outside the corpus (/etc); not followed""",
        """\
        Copy the files into the corpus instead of linking them, or name the other folder
        as a PATH of its own (`claimcheck check corpus ../shared-sources`).""",
        "it is about a symbolic link, which a file's text cannot make",
    ),
    "S001": (
        """\
        The top level of a corpus file is a mapping of up to six sections: `sources`,
        `entities`, `predicates`, `claims`, `rules` and `resolutions`. Any other key is an
        error (usually a misspelt or singular section name), and its contents are not
        read.""",
        """\
        source:                      # S001: did you mean 'sources'?
          - {id: el-pais, name: El País}
        """,
        "Use one of the six section names; the message suggests the nearest.",
    ),
    "S002": (
        """\
        A value has the wrong shape or type: a section that is not a list, an item that is
        not a mapping, a list where one value is expected, a word where a number or
        `true`/`false` is expected, a credibility outside 1–6. The item then takes no part
        in the analysis when the field is required, or is read without the field.""",
        """\
        sources:
          id: el-pais                # S002: 'sources' must be a list; each item starts with '- '
          name: El País
        """,
        """\
        Give the value the shape the format describes (`claimcheck schema corpus` prints
        it; editors with yaml-language-server show it as you type). Each list item starts
        with `- `.""",
    ),
    "S003": (
        """\
        A required field is missing or empty: a source needs `id` and `name`, an entity
        `id` and `name`, a claim `id`, `text` and `assertions`, an assertion `source` and
        `stance`, a rule `id` and `kind`, a resolution `conflict` and `status`. An item
        without one of them takes no part in the analysis.""",
        """\
        sources:
          - id: el-pais              # S003: a source needs 'name'
            kind: newspaper
        """,
        "Add the field.",
    ),
    "S004": (
        """\
        A field the corpus format does not define, usually a typo (`stnace`) or a field of
        another section. Its value is ignored, so a misspelt optional field silently does
        nothing; this finding is how you learn of it. The message suggests the nearest
        field name.""",
        """\
        sources:
          - id: el-pais
            name: El País
            knd: newspaper           # S004: did you mean 'kind'?
        """,
        """\
        Correct the spelling, or move the value to a field that exists (free text goes in
        `note`).""",
    ),
    "S005": (
        """\
        A field that takes one of a fixed set of words has another: `stance` (affirms,
        denies, doubts), a source's `kind`, `reliability` (A–F), an entity's `kind`,
        `value_type`, a rule's `kind` or `severity`, a resolution's `status`. The message
        suggests the nearest word.""",
        _sources("el-pais") + """\
        claims:
          - id: chavismo-considering-negotiated-exit
            text: Chavismo is considering negotiating its exit from power
            assertions:
              - {source: el-pais, stance: deny}     # S005: did you mean 'denies'?
        """,
        "Use one of the allowed words (the message lists them).",
    ),
    "S006": (
        """\
        Ids and tags are slugs: lower-case letters, digits, `.`, `_` and `-`, starting with
        a letter or digit, at most 128 characters (`^[a-z0-9][a-z0-9._-]*$`). Ids are how
        assertions, rules, resolutions, baselines and conflict ids refer to things, so they
        must survive being typed on a command line.""",
        """\
        sources:
          - {id: El País, name: El País}     # S006: not a slug; write el-pais
        """,
        "Write the id as a slug (`el-pais`) and put the display form in `name`.",
    ),
    "S007": (
        """\
        Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and must be on the calendar. A
        partial date covers its whole span (`2025-10` is the whole of October 2025), so
        write only as much as the source tells.""",
        _sources("el-pais") + """\
        claims:
          - id: chavismo-considering-negotiated-exit
            text: Chavismo is considering negotiating its exit from power
            assertions:
              - {source: el-pais, stance: denies, date: 2025-09-31}   # S007: September has 30 days
        """,
        "Correct the date, or shorten it to the part you know (`2025-09`).",
    ),
    "S008": (
        """\
        A period's `start` is after its `end`. A start bound means the first day of its
        span and an end bound the last, so `{start: 2025-10, end: 2025-10}` is all of
        October and valid, while `{start: 2025-11, end: 2025-10}` is empty.""",
        _sources("el-nuevo-herald") + """\
        claims:
          - id: maduro-asked-us-to-negotiate-exit
            text: Maduro asked the Trump administration to negotiate his withdrawal
            period: {start: 2025-10-16, end: 2025-10-01}     # S008: starts after it ends
            assertions:
              - {source: el-nuevo-herald, stance: affirms}
        """,
        "Swap the bounds, or correct the one that is wrong.",
    ),
    "S009": (
        """\
        Where the format expects text (a name, a claim's text, a quote, a note), YAML typed
        the unquoted scalar as something else: a number (`1843`), a boolean (`true`), a
        date (`2025-10-12`) or null (`~`, or nothing at all). claimcheck does not guess the
        text back, because YAML may have changed it (`1e3` would become `1000.0`).""",
        """\
        sources:
          - id: magazine-1843
            name: 1843               # S009: YAML reads a number; write "1843"
            kind: magazine
        """,
        "Quote the value: `name: \"1843\"`.",
    ),
    "S010": (
        """\
        An id used twice in one section, across the whole corpus (a source and a claim may
        share an id; two claims may not). Both places are named; the second item takes no
        part in the analysis.""",
        """\
        sources:
          - {id: el-pais, name: El País}
          - {id: el-pais, name: El País (English edition)}   # S010: el-pais again
        """,
        "Rename one of them, or merge the two items if they are the same.",
    ),
    "S011": (
        """\
        A claim whose `assertions` list is empty: nobody affirms, denies or doubts it, so it
        can take part in no conflict. Often a claim written down before its sources.""",
        """\
        claims:
          - id: maduro-offered-oil-to-stay
            text: Maduro offered Venezuelan oil in exchange for staying in power
            assertions: []           # S011: nobody says it
        """,
        "Record who says it, or delete the claim until someone does.",
    ),
    "S012": (
        """\
        A rule that cannot mean anything: an `exclusive` or `equivalent` rule with fewer
        than two claims, a rule that lists a claim twice, an `implies` rule without `if`
        or `then`, or a rule with the fields of another kind (`claims` on an implies rule,
        `if`/`then` on the others). The rule takes no part in conflict finding.""",
        _sources("el-nuevo-herald") + """\
        claims:
          - id: maduro-asked-us-to-negotiate-exit
            text: Maduro asked the Trump administration to negotiate his withdrawal
            assertions: [{source: el-nuevo-herald, stance: affirms}]
        rules:
          - id: withdraw-or-stay
            kind: exclusive
            claims: [maduro-asked-us-to-negotiate-exit]    # S012: needs at least two claims
        """,
        """\
        Give exclusive and equivalent rules at least two distinct `claims`, and implies
        rules an `if` and a `then`.""",
    ),
    "S013": (
        """\
        A predicate lists itself in `conflicts_with`. Taken literally, every subject with
        that predicate would conflict with itself; it is always a slip.""",
        """\
        predicates:
          - id: in-power
            conflicts_with: [in-power]    # S013: meant in-exile?
        """,
        "List the other predicates it cannot hold together with.",
    ),
    "S014": (
        """\
        An assertion's `value` (or a claim's `object`) does not fit the `value_type` its
        predicate declares: a word where a number is expected, a number where a date is,
        an unknown entity id for `entity`. The value takes no part in value conflicts.""",
        _sources("el-pais") + """\
        predicates:
          - {id: cuban-advisers-count, single_value: true, value_type: number}
        claims:
          - id: cuban-advisers-in-caracas
            text: Number of Cuban advisers in Caracas
            predicate: cuban-advisers-count
            assertions:
              - {source: el-pais, stance: affirms, value: a few dozen}   # S014: not a number
        """,
        """\
        Give a value of the declared type (`value: 36`), or change the predicate's
        `value_type` if it was wrong. Vague values belong in `quote` or `note`.""",
    ),
    "S015": (
        """\
        Two resolutions name the same conflict. It is still counted as resolved if either
        resolution says so, but the two may disagree, and a reader cannot tell which
        decision stands.""",
        _sources("el-nuevo-herald", "venezuelan-government") + """\
        claims:
          - id: venezuela-negotiating-with-us
            text: Maduro's government has been negotiating with the United States
            assertions:
              - {source: el-nuevo-herald, stance: affirms}
              - {source: venezuelan-government, stance: denies}
        resolutions:
          - {conflict: "contradiction:venezuela-negotiating-with-us", status: acknowledged}
          - {conflict: "contradiction:venezuela-negotiating-with-us", status: resolved}   # S015
        """,
        "Keep one resolution per conflict, with the decision that stands.",
    ),
    "S016": (
        """\
        A value given as a range `{min: X, max: Y}` ("100 to 300"; `{min: 500}` is "at
        least 500") is not well made: both bounds are left out, min is after max, a bound
        is neither a number, a date nor a date-time, or the two bounds are of different
        kinds (a number and a date). The assertion takes no part in value conflicts.""",
        _sources("el-pais") + """\
        predicates:
          - {id: cuban-advisers-count, single_value: true, value_type: number}
        claims:
          - id: cuban-advisers-in-caracas
            text: Number of Cuban advisers in Caracas
            subject: cuba
            predicate: cuban-advisers-count
            assertions:
              - {source: el-pais, stance: affirms, value: {min: 300, max: 100}}   # S016: min after max
        entities:
          - {id: cuba, name: Cuba, kind: country}
        """,
        """\
        Write the bounds in order (`{min: 100, max: 300}`), leave out only the open one
        (`{min: 500}`), and give both bounds as numbers, or both as dates, or both as
        date-times.""",
    ),
    "S017": (
        """\
        A claim lists one entity both in `favours` (the claim, if true, serves its
        interest) and in `harms` (it hurts it). Which way the claim cuts for that party
        is then unknown, so the entity is left out of both lists: its sources'
        assertions on the claim are neither self-serving nor against interest.""",
        _sources("venezuelan-government") + """\
        entities:
          - {id: venezuela, name: Venezuela, kind: country}
        claims:
          - id: venezuela-negotiating-with-us
            text: Maduro's government has been negotiating with the United States
            favours: [venezuela]
            harms: [venezuela]        # S017: in both lists
            assertions: [{source: venezuelan-government, stance: denies}]
        """,
        "Keep the entity in the one list that says how the claim, if true, affects it.",
    ),
    "S018": (
        """\
        An assertion's `withdrawn` date is before its `date`: the source cannot have
        withdrawn what it had not yet said. One of the two dates is wrong; until it is
        fixed the withdrawal is ignored and the assertion takes part in conflicts.""",
        _sources("el-pais") + """\
        claims:
          - id: chavismo-considering-negotiated-exit
            text: Chavismo is considering negotiating its exit from power
            assertions:
              - {source: el-pais, stance: denies, date: 2025-10-12, withdrawn: 2025-10-02}   # S018
        """,
        "Correct the date or the withdrawal date (`withdrawn: 2025-10-20`).",
    ),
    "R001": (
        """\
        An assertion's `source` or `via` names a source id that no `sources` item
        defines. An assertion with an unknown source takes no part in conflict finding.
        The message suggests the nearest source id.""",
        _sources("el-pais") + """\
        claims:
          - id: chavismo-considering-negotiated-exit
            text: Chavismo is considering negotiating its exit from power
            assertions:
              - {source: el-pias, stance: denies}     # R001: did you mean 'el-pais'?
        """,
        "Correct the id, or add the source to `sources`.",
    ),
    "R002": (
        """\
        A claim's `subject` or `object`, a source's `represents`, or an `entity`-typed
        value names an entity id that no `entities` item defines.""",
        _sources("el-pais") + """\
        claims:
          - id: maduro-offered-oil-to-stay
            text: Maduro offered Venezuelan oil in exchange for staying in power
            subject: maduro          # R002: no entity 'maduro'
            assertions: [{source: el-pais, stance: doubts}]
        """,
        """\
        Correct the id, or declare the entity (`entities: [{id: maduro, name: Nicolás
        Maduro}]`).""",
    ),
    "R003": (
        """\
        A rule names a claim id that no claim has. The rule takes no part in conflict
        finding, so the conflicts it would reveal stay hidden until it is fixed.""",
        _sources("el-nuevo-herald") + """\
        claims:
          - id: maduro-asked-us-to-negotiate-exit
            text: Maduro asked the Trump administration to negotiate his withdrawal
            assertions: [{source: el-nuevo-herald, stance: affirms}]
        rules:
          - id: exit-request-is-negotiating
            kind: implies
            if: maduro-asked-us-to-negotiate-exit
            then: venezuela-negotiating      # R003: no such claim
        """,
        "Correct the claim id (the message suggests the nearest), or write the claim.",
    ),
    "C001": (
        """\
        A resolution names a conflict id that the corpus does not (or no longer) give. A
        conflict disappears when its claims, assertions or rules change, or when an id it
        is built from is renamed; the decision recorded for it then applies to nothing.""",
        _sources("venezuelan-government") + """\
        claims:
          - id: venezuela-negotiating-with-us
            text: Maduro's government has been negotiating with the United States
            assertions: [{source: venezuelan-government, stance: denies}]
        resolutions:
          - {conflict: "contradiction:venezuela-negotiating-with-us", status: acknowledged}   # C001
        """,
        """\
        Delete the resolution if the conflict is gone for good; if an id was renamed,
        write the new conflict id (`claimcheck conflicts --all` lists them).""",
    ),
    "C002": (
        """\
        A resolution's `ratings` give a verdict on a claim that takes no part in the
        conflict it resolves. Exported as a ClaimReview, that verdict would be published
        for a claim the resolution did not weigh. Often a claim id that was meant for
        another conflict's resolution.""",
        _sources("el-nuevo-herald", "venezuelan-government") + """\
        claims:
          - id: venezuela-negotiating-with-us
            text: Maduro's government has been negotiating with the United States
            assertions:
              - {source: el-nuevo-herald, stance: affirms}
              - {source: venezuelan-government, stance: denies}
          - id: maduro-offered-oil-to-stay
            text: Maduro offered Venezuelan oil in exchange for staying in power
            assertions: [{source: el-nuevo-herald, stance: affirms}]
        resolutions:
          - conflict: "contradiction:venezuela-negotiating-with-us"
            status: resolved
            ratings: {maduro-offered-oil-to-stay: Unproven}   # C002: not in this conflict
        """,
        """\
        Rate the claims the conflict is about (`claimcheck show CONFLICT` lists them), and
        move other ratings to a resolution of a conflict that involves them.""",
    ),
}


# --- lint rules: the documentation is the rule module's docstring ---------------------

_LINT_EXAMPLES: dict[str, str] = {
    "W101": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
          - {id: cibercuba, name: CiberCuba, kind: newspaper}
        claims:
          - id: maduro-met-advisers          # W101: reads almost like advisers-met-maduro
            text: Maduro met Cuban advisers in Caracas
            assertions: [{source: el-toque, stance: affirms}]
          - id: advisers-met-maduro
            text: "Maduro met the Cuban advisers in Caracas."
            assertions: [{source: cibercuba, stance: doubts}]
        """,
    "W102": """\
        entities:
          - {id: cuban-government, name: Cuban government, aliases: [Havana]}
          - {id: havana, name: Havana, kind: place}       # W102: shares 'Havana'
        """,
    "I103": """\
        entities:
          - {id: maduro, name: Nicolás Maduro}
          - {id: nicolas-maduro, name: Nicolas Maduro}    # I103: near-identical to maduro
        """,
    "I104": """\
        sources:
          - {id: insiders, name: Sources close to the government, kind: anonymous}
          - {id: el-toque, name: El Toque, kind: newspaper}
        claims:
          - id: maduro-sought-aid           # I104: its only origin is 'insiders'
            text: A request for military aid was made
            assertions:
              - {source: el-toque, stance: affirms, via: [insiders]}
        """,
    "I105": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
          - {id: cibercuba, name: CiberCuba, kind: newspaper}
          - {id: caracas-consulting, name: Caracas Consulting, kind: report}
        claims:
          - id: advisers-refused-aid        # I105: three sources, one origin
            text: The advisers refused military aid
            assertions:
              - {source: el-toque, stance: affirms, via: [caracas-consulting]}
              - {source: cibercuba, stance: affirms, via: [el-toque, caracas-consulting]}
              - {source: caracas-consulting, stance: affirms}
        """,
    "E106": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
        claims:
          - id: no-military-support
            text: There will be no military support
            assertions:
              - {source: el-toque, stance: affirms, via: [el-toque]}   # E106
        """,
    "W107": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
          - {id: caracas-consulting, name: Caracas Consulting, kind: report}
        claims:
          - id: meeting-took-place
            text: The meeting took place
            assertions:
              - {source: el-toque, stance: affirms, via: [caracas-consulting]}   # W107
          - id: advisers-refused-aid
            text: The advisers refused military aid
            assertions:
              - {source: caracas-consulting, stance: affirms, via: [el-toque]}   # closes the loop
        """,
    "I108": """\
        sources:
          - {id: el-pais, name: El País, kind: newspaper}
          - {id: reuters, name: Reuters, kind: agency}      # I108: no assertion uses it
        claims:
          - id: chavismo-prefers-to-resist
            text: Chavismo prefers to resist pressure
            assertions: [{source: el-pais, stance: affirms}]
        """,
    "I109": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
        entities:
          - {id: maduro, name: Nicolás Maduro}
          - {id: mehdi-hasan, name: Mehdi Hasan}   # I109: no claim, value or source uses it
        claims:
          - id: maduro-sought-aid
            text: He sought military aid
            subject: maduro
            assertions: [{source: el-toque, stance: affirms}]
        """,
    "I110": """\
        sources:
          - {id: el-pais, name: El País, kind: newspaper}
        predicates:
          - {id: holds-office, single_value: true}    # I110: the claim says holds_office
        claims:
          - id: maduro-president
            text: He is president
            predicate: holds_office
            assertions: [{source: el-pais, stance: affirms}]
        """,
    "W111": """\
        sources:
          - {id: el-nuevo-herald, name: El Nuevo Herald, kind: newspaper}
        claims:
          - id: maduro-asked-us-to-negotiate-exit
            text: The withdrawal was asked for twice
            assertions:
              - {source: el-nuevo-herald, stance: affirms, date: 2925-10-16}   # W111: 2025?
        """,
    "I112": """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
        entities:
          - {id: maduro, name: Nicolás Maduro, aliases: [Maduro]}
          - {id: cuba, name: Cuba, kind: country}
        claims:
          - id: maduro-sought-aid            # I112: names Cuba, not linked
            text: Maduro sought military aid from Cuba
            subject: maduro
            assertions: [{source: el-toque, stance: affirms}]
          - id: aid-refused
            text: The request for military aid was refused
            subject: cuba
            assertions: [{source: el-toque, stance: affirms}]
        """,
}


# --- conflict kinds (spec §4) ----------------------------------------------------------

_RESOLVE = """\
First check the corpus: a stance recorded the wrong way round, or periods that are too
wide (an assertion without `period` covers all time; give the assertions the periods the
sources mean, and claims that hold at different times stop overlapping). A conflict that
is real stays, and is the point of the corpus: record what the desk decided in
`resolutions`, by the conflict's id:

    resolutions:
      - conflict: "{example_id}"
        status: acknowledged    # known, still open to evidence: shown, but `check` passes
        note: Why it stands, and what would settle it.

`status: resolved` (with a `verdict`) hides it unless `--all` is given. Neither status
ever fails a run."""

_KIND_DOCS: dict[str, tuple[str, str, str, str, str]] = {
    # kind: (severity, summary, documentation, example, example conflict id)
    "contradiction": (
        "error or warning",
        "a claim is supported and denied or doubted at overlapping times",
        """\
        Id `contradiction:<claim>`. A claim has a supporting and an opposing assertion
        whose periods overlap. An assertion supports a claim when it affirms it, or affirms
        a claim that implies it through a chain of `implies` or `equivalent` rules; it
        opposes the claim when it denies or doubts that claim itself (opposition does not
        travel along rules). The sides are `supports` and `opposes`.

        Severity: `error`, except that a pair whose opposing assertion only `doubts` is
        at most a `warning`, and a chain of rules is as strong as its weakest rule (a rule
        with `severity: warning` on the way makes the pair a warning). The conflict takes
        the severity of its worst pair. When one source stands on both sides in its own
        voice (not relaying others through `via`), it is a self-contradiction, and a
        reversal when those assertions carry different dates. A `withdrawn` assertion takes
        no part (`--as-of DATE` shows the conflicts as they stood on a date).""",
        _sources("el-nuevo-herald", "venezuelan-government") + """\
        claims:
          - id: venezuela-negotiating-with-us
            text: Maduro's government has been negotiating with the United States
            assertions:
              - {source: venezuelan-government, stance: denies}
          - id: maduro-asked-us-to-negotiate-exit
            text: Maduro asked the Trump administration to negotiate his withdrawal
            assertions:
              - {source: el-nuevo-herald, stance: affirms, date: 2025-10-16}
        rules:
          - id: exit-request-is-negotiating      # support travels along this rule
            kind: implies
            if: maduro-asked-us-to-negotiate-exit
            then: venezuela-negotiating-with-us
        """,
        "contradiction:venezuela-negotiating-with-us",
    ),
    "exclusive": (
        "the rule's severity",
        "assertions supporting different members of an exclusive rule overlap",
        """\
        Id `exclusive:<rule>`. An `exclusive` rule says that at most one of its claims holds
        at a time. The conflict exists when assertions that support two different members
        (directly, or through implies/equivalent rules) overlap in time; side i holds the
        assertions supporting member i that overlap one on another side.

        Severity: the rule's `severity` (default `error`), lowered by the weakest rule on
        the chain along which support travelled. Write `severity: warning` on exclusive
        rules that are a reading rather than logic.""",
        _sources("el-nuevo-herald", "new-york-times") + """\
        claims:
          - id: maduro-asked-us-to-negotiate-exit
            text: Maduro asked the Trump administration to negotiate his withdrawal
            assertions: [{source: el-nuevo-herald, stance: affirms, date: 2025-10-16}]
          - id: maduro-offered-oil-to-stay
            text: Maduro offered Venezuelan oil in exchange for staying in power
            assertions: [{source: new-york-times, stance: affirms, date: 2025-10-10}]
        rules:
          - id: withdraw-or-stay
            kind: exclusive
            claims: [maduro-asked-us-to-negotiate-exit, maduro-offered-oil-to-stay]
            severity: warning
        """,
        "exclusive:withdraw-or-stay",
    ),
    "value": (
        "error",
        "overlapping direct affirmations give values that differ",
        """\
        Id `value:<claim>`, or `value:<subject>/<predicate>` for a `single_value`
        predicate. Two assertions that affirm a claim directly, overlap in time, and give
        different values (an assertion's `value`, else its claim's `object`). Numbers,
        dates and date-times (`2023-10-17T18:59`, compared in UTC) agree within the
        predicate's `tolerance` (days for dates, minutes for date-times); a range
        `{min: 100, max: 300}` is some value from min through max, and agrees with the
        values it takes in, or lies within the tolerance of; text is compared after
        Unicode normalisation, case folding and white-space collapsing; entity ids must be
        identical. A claim with a `subject` and a `single_value` predicate is compared with
        every claim of the same subject and predicate, and reported only under
        `value:<subject>/<predicate>`. The sides group the assertions by value, labelled
        by its text (`100..300`). A figure the source revised belongs in `withdrawn` on the
        old assertion, so that the two do not stand against each other.""",
        """\
        sources:
          - {id: el-toque, name: El Toque, kind: newspaper}
          - {id: cibercuba, name: CiberCuba, kind: newspaper}
        claims:
          - id: meeting-date
            text: The day Maduro met the Cuban advisers in Caracas
            assertions:
              - {source: el-toque, stance: affirms, value: 2025-10-12}
              - {source: cibercuba, stance: affirms, value: 2025-10-14}
        """,
        "value:meeting-date",
    ),
    "conflicts-with": (
        "error",
        "one subject affirmed with two incompatible predicates at overlapping times",
        """\
        Id `conflicts-with:<subject>/<p>+<q>` (p sorts before q). A predicate may list, in
        `conflicts_with`, predicates that the same subject cannot hold at the same time.
        The conflict exists when one claim with predicate p and another with predicate q,
        both about the same `subject`, are affirmed directly at overlapping times. Only
        one of the two predicates needs to list the other.""",
        _sources("el-nuevo-herald", "venezuelan-government") + """\
        entities:
          - {id: maduro, name: Nicolás Maduro}
        predicates:
          - {id: in-power, conflicts_with: [in-exile]}
        claims:
          - id: maduro-still-in-power
            text: Maduro is still in power in Caracas
            subject: maduro
            predicate: in-power
            assertions: [{source: venezuelan-government, stance: affirms, period: {start: 2025-10}}]
          - id: maduro-left-for-havana
            text: Maduro has left for exile in Havana
            subject: maduro
            predicate: in-exile
            assertions: [{source: el-nuevo-herald, stance: affirms, period: {start: 2025-10-20}}]
        """,
        "conflicts-with:maduro/in-exile+in-power",
    ),
}


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def _paragraphs(text: str) -> str:
    return textwrap.dedent(text).strip()


def _lint_entry(code: str) -> Entry:
    from . import lint

    rule = lint.RULES[code]
    info = CODES[code]
    return Entry(
        code, info.name, "lint rule", info.severity, info.summary,
        inspect.getdoc(rule) or "", _dedent(_LINT_EXAMPLES[code]),
        "",  # the docstring says how to fix it
    )


def _code_entry(code: str) -> Entry:
    info = CODES[code]
    doc, example, fix, *why = _CODE_DOCS[code]
    return Entry(
        code, info.name, STAGES[code[0]], info.severity, info.summary,
        _paragraphs(doc), _dedent(example), _paragraphs(fix), why[0] if why else "",
    )


def _kind_entry(kind: str) -> Entry:
    severity, summary, doc, example, example_id = _KIND_DOCS[kind]
    return Entry(
        kind, kind, "conflict kind", severity, summary, _paragraphs(doc), _dedent(example),
        _RESOLVE.replace("{example_id}", example_id),
    )


def entries() -> list[Entry]:
    """Every finding code (in the order of `findings.CODES`), then every conflict kind."""
    from . import lint

    out = [_lint_entry(code) if code in lint.RULES else _code_entry(code) for code in CODES]
    return out + [_kind_entry(kind) for kind in KINDS]


def lookup(word: str) -> Entry | None:
    """The entry for a code (any case), a code's name, a kind, or a conflict id (its kind)."""
    word = word.strip()
    for entry in entries():
        if word.upper() == entry.key.upper() or word == entry.name:
            return entry
    kind = word.split(":", 1)[0]
    if ":" in word and kind in KINDS:
        return _kind_entry(kind)
    return None


def known_words() -> list[str]:
    """What `lookup` accepts, for did-you-mean suggestions."""
    words = []
    for entry in entries():
        words += [entry.key] if entry.key == entry.name else [entry.key, entry.name]
    return words


def render_list() -> str:
    """Every code and kind, one line each."""
    lines = ["Finding codes (claimcheck explain CODE or NAME):"]
    all_entries = entries()
    width = max(len(e.name) for e in all_entries)
    for e in all_entries:
        if e.category == "conflict kind":
            continue
        lines.append(f"  {e.key}  {e.name:<{width}}  {e.severity:<7}  {e.summary}")
    lines += ["", "Conflict kinds (claimcheck explain KIND):"]
    for e in all_entries:
        if e.category == "conflict kind":
            lines.append(f"  {e.key:<{width + 6}}  {e.summary}")
    return "\n".join(lines) + "\n"


def render(entry: Entry) -> str:
    """One entry in full, as plain text."""
    if entry.category == "conflict kind":
        head = f"{entry.key} (conflict kind)"
    else:
        head = f"{entry.key} {entry.name} ({entry.category}, {entry.severity})"
    parts = [head, "=" * len(head), ""]
    if entry.category == "conflict kind":
        parts += [entry.summary[0].upper() + entry.summary[1:] + ".", ""]
    parts += [entry.doc, ""]
    if entry.not_runnable:
        parts += [f"Example (not a corpus file: {entry.not_runnable}):", ""]
    else:
        target = "gives this conflict" if entry.category == "conflict kind" else "triggers it"
        parts += [f"Example: a whole corpus file that {target} (`claimcheck explain {entry.key} --example` prints it):", ""]
    parts += [textwrap.indent(entry.example.rstrip("\n"), "    "), ""]
    if entry.fix:
        parts += ["How to resolve:" if entry.category == "conflict kind" else "How to fix:", "", entry.fix, ""]
    return "\n".join(parts)
