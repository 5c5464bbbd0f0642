"""Lint rules: what is likely wrong with a corpus that is not a conflict.

One module per rule (adding a rule is adding a module and one line below). Each module's
docstring is the rule's user documentation, and the module declares what it is:

    CODE = "W101"                  # stable; the letter is the default severity
    NAME = "near-duplicate-claims"
    SEVERITY = "warning"
    OPTIONS = {"near-duplicate-threshold": 90}   # optional: options it reads, defaults
    def check(corpus: Corpus, options: dict) -> Iterator[Finding]: ...

Rules are chosen as ruff chooses them: `select` and `ignore` take codes (`W101`), names
(`near-duplicate-claims`) or code prefixes (`W1`, `I`); without `select` every rule runs;
where both match a rule, the more specific selector wins, and `ignore` wins a tie.
"""

from __future__ import annotations

import datetime as _dt
from types import ModuleType

from ..findings import CODES, Finding
from ..model import Corpus
from . import (
    anonymous_support,
    future_assertion,
    near_duplicate_claims,
    self_via,
    shared_alias,
    similar_entity_names,
    single_origin,
    unlinked_mention,
    unused_entities,
    unused_predicates,
    unused_sources,
    via_cycle,
)

RULES: dict[str, ModuleType] = {
    rule.CODE: rule
    for rule in (
        near_duplicate_claims,
        shared_alias,
        similar_entity_names,
        anonymous_support,
        single_origin,
        self_via,
        via_cycle,
        unused_sources,
        unused_entities,
        unused_predicates,
        future_assertion,
        unlinked_mention,
    )
}

#: every option a rule reads, with its default
OPTIONS: dict[str, object] = {key: value for rule in RULES.values() for key, value in getattr(rule, "OPTIONS", {}).items()}

_EXACT = 1000  # specificity of a whole code or name, above any prefix


def _specificity(selector: str, rule: ModuleType) -> int | None:
    if selector == rule.NAME or selector.upper() == rule.CODE:
        return _EXACT
    if selector and rule.CODE.startswith(selector.upper()):
        return len(selector)
    return None


def selected(select: set[str] | None = None, ignore: set[str] | None = None) -> list[ModuleType]:
    """The rules that run, in the order of their numbers."""
    chosen = []
    for rule in RULES.values():
        if select is None:
            wanted = 0
        else:
            matches = [s for s in (_specificity(x, rule) for x in select) if s is not None]
            if not matches:
                continue
            wanted = max(matches)
        unwanted = [s for s in (_specificity(x, rule) for x in ignore or ()) if s is not None]
        if unwanted and max(unwanted) >= wanted:
            continue
        chosen.append(rule)
    return chosen


def problems(select: set[str] | None = None, ignore: set[str] | None = None, options: dict | None = None) -> list[str]:
    """What is wrong with a selection and options, as messages (empty when all is well).

    A selector may name any finding code, name or code prefix (`S011`, `no-assertions`,
    `S`): it then selects no lint rule, but is not a mistake."""
    from ..findings import suggest

    out = []
    names = {c.name for c in CODES.values()}
    for word, selectors in (("select", select), ("ignore", ignore)):
        for selector in sorted(selectors or ()):
            if selector in names or (selector and any(code.startswith(selector.upper()) for code in CODES)):
                continue
            out.append(f"{word}: '{selector}' is no rule code, name or code prefix{suggest(selector, sorted(names | set(CODES)))}")
    for key, value in sorted((options or {}).items()):
        if key not in OPTIONS:
            out.append(f"unknown lint option '{key}'{suggest(key, sorted(OPTIONS))}; known: {', '.join(sorted(OPTIONS))}")
        elif key == "today":
            if value is not None and not isinstance(value, _dt.date) and not _is_iso_date(value):
                out.append(f"lint option 'today' must be a date (YYYY-MM-DD), not {value!r}")
        elif key.endswith("-threshold"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                out.append(f"lint option '{key}' must be a number from 0 to 100, not {value!r}")
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            out.append(f"lint option '{key}' must be a whole number of at least 1, not {value!r}")
    return out


def _is_iso_date(value) -> bool:
    try:
        _dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def run(
    corpus: Corpus,
    select: set[str] | None = None,
    ignore: set[str] | None = None,
    options: dict | None = None,
) -> list[Finding]:
    """The findings of the selected rules, sorted by place. Raises ValueError naming every
    problem when a selector or an option is wrong (see `problems`)."""
    wrong = problems(select, ignore, options)
    if wrong:
        raise ValueError("; ".join(wrong))
    settings = {**OPTIONS, **(options or {})}
    findings: list[Finding] = []
    for rule in selected(select, ignore):
        findings.extend(rule.check(corpus, settings))
    findings.sort(key=Finding.sort_key)
    return findings
