"""Findings: what claimcheck reports about a corpus that is not a conflict.

Every finding has a stable code (see `CODES`), a severity, a message that says what was
expected, and the file, line and column where it was found. Codes are grouped by the
stage that finds them: L (load), S (schema), R (reference), C (conflict bookkeeping);
lint rules take E, W or I for their default severity and a number from 101.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: str
    summary: str


_CODES = [
    # load: the file cannot be read as plain YAML
    Code("L001", "unreadable-file", "error", "the file cannot be read (permissions, I/O error, too large)"),
    Code("L002", "bad-encoding", "error", "the file is binary, UTF-16/32 or not valid UTF-8"),
    Code("L003", "yaml-syntax", "error", "the file is not well-formed YAML"),
    Code("L004", "duplicate-key", "error", "a mapping holds the same key twice"),
    Code("L005", "forbidden-tag", "error", "a YAML tag other than the standard scalar ones (e.g. !!python/...)"),
    Code("L006", "limit-exceeded", "error", "nesting, alias expansion or node count above the configured limit"),
    Code("L007", "multiple-documents", "error", "a corpus file holds more than one YAML document"),
    Code("L008", "bad-key", "error", "a mapping key that is not text"),
    Code("L009", "path-outside-corpus", "warning", "a symbolic link that leads outside the corpus or loops; not followed"),
    # schema: the YAML is fine but does not follow the corpus format
    Code("S001", "unknown-section", "error", "a top-level key other than the six sections"),
    Code("S002", "wrong-type", "error", "a value of the wrong type (a list where a mapping is expected, ...)"),
    Code("S003", "missing-field", "error", "a required field is missing"),
    Code("S004", "unknown-field", "error", "a field the format does not define"),
    Code("S005", "bad-enum", "error", "a value outside the allowed words (stance, kind, severity, ...)"),
    Code("S006", "bad-id", "error", "an id or tag that is not a slug (^[a-z0-9][a-z0-9._-]*$, at most 128 characters)"),
    Code("S007", "bad-date", "error", "a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or not on the calendar"),
    Code("S008", "bad-period", "error", "a period whose start is after its end"),
    Code("S009", "quote-text", "error", "text expected, but YAML typed the scalar as a number, boolean, date or null"),
    Code("S010", "duplicate-id", "error", "an id used twice in one section"),
    Code("S011", "no-assertions", "warning", "a claim with an empty assertions list (unsupported)"),
    Code("S012", "bad-rule", "error", "a rule with too few claims or that lists a claim twice"),
    Code("S013", "self-conflict", "error", "a predicate that lists itself in conflicts_with"),
    Code("S014", "value-type", "error", "a value that does not fit its predicate's value_type"),
    Code("S015", "duplicate-resolution", "error", "two resolutions of one conflict"),
    Code("S016", "bad-range", "error", "a range {min, max} with both bounds open, min after max, or bounds that are not two numbers, dates or date-times"),
    Code("S017", "favoured-and-harmed", "error", "an entity listed in both favours and harms of one claim"),
    Code("S018", "withdrawn-before-date", "error", "an assertion withdrawn before the date it was said"),
    # reference: ids that point nowhere
    Code("R001", "unknown-source", "error", "an assertion, via or list names a source that does not exist"),
    Code("R002", "unknown-entity", "error", "a subject, object, represents or value names an entity that does not exist"),
    Code("R003", "unknown-claim", "error", "a rule or a resolution's ratings name a claim that does not exist"),
    # conflicts
    Code("C001", "stale-resolution", "warning", "a resolution whose conflict no longer exists"),
    Code("C002", "rating-outside-conflict", "warning", "a resolution rates a claim that takes no part in its conflict"),
    # lint: likely mistakes and weak spots (claimcheck/lint/, one module per rule; the
    # letter is the default severity, the number names the rule)
    Code("W101", "near-duplicate-claims", "warning", "two claims whose texts say almost the same (merge them or add an equivalent rule)"),
    Code("W102", "shared-alias", "warning", "one name or alias that two entities share"),
    Code("I103", "similar-entity-names", "info", "two entities with near-identical names: probably one entity"),
    Code("I104", "anonymous-support", "info", "a claim whose support all starts at anonymous sources (through via)"),
    Code("I105", "single-origin", "info", "a claim supported by several sources that all share one origin"),
    Code("E106", "self-in-via", "error", "a source listed in its own via"),
    Code("W107", "via-cycle", "warning", "via chains that go round in a circle (A via B, B via A)"),
    Code("I108", "unused-source", "info", "a source that no assertion names as source or in via"),
    Code("I109", "unused-entity", "info", "an entity no claim, value or source refers to"),
    Code("I110", "unused-predicate", "info", "a declared predicate that no claim uses"),
    Code("W111", "future-assertion", "warning", "an assertion dated after today"),
    Code("I112", "unlinked-mention", "info", "a claim whose text names an entity that is not its subject or object"),
]
CODES: dict[str, Code] = {c.code: c for c in _CODES}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    message: str
    file: str
    line: int
    column: int
    severity: str = ""
    #: the ids leading to the item (e.g. ("claims", "claim-a", "assertions", "2")):
    #: a key that survives edits, for baselines
    path: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", CODES[self.code].severity)

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)


# Some messages name a line ("first at line 3", "while parsing a flow mapping at line 2"),
# which moves whenever a line is added above, or a file's size ("(70000000 bytes)"), which
# changes whenever the file does: neither is part of a key.
_PLACE_NOTE = re.compile(r"\s*\([^()]*\b(?:line|column) \d+[^()]*\)|\s*\(\d+ bytes\)")
_PLACE = re.compile(r"\b(line|column) \d+")


def assertion_key(source, index: int) -> str:
    """An assertion's step in a finding's path: by its source (`by:el-pais`), which stays
    when assertions are added or reordered above it, so baseline keys and fingerprints
    do too (two by one source share it: keys are counted). Its index where it names none."""
    return f"by:{source}" if isinstance(source, str) and source else str(index)


def stable_where(finding: Finding) -> str:
    """What places a finding across edits and reordering, for baseline keys and SARIF
    fingerprints: the ids leading to its item, else its message without line and column
    numbers (or a file's size)."""
    if finding.path:
        return "/".join(finding.path)
    return _PLACE.sub(r"\1", _PLACE_NOTE.sub("", finding.message))


def suggest(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or '': for every message that names
    a word the user may have mistyped."""
    if not isinstance(word, str) or not word:
        return ""
    from rapidfuzz import fuzz, process

    # a list: rapidfuzz would match against a mapping's values, not its keys; case is
    # ignored, so that `a` suggests `A` and `Claims` suggests `claims`
    best = process.extractOne(word, list(choices), scorer=fuzz.ratio, processor=str.casefold, score_cutoff=60)
    return f" (did you mean '{best[0]}'?)" if best else ""
