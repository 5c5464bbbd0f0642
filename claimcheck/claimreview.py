"""schema.org ClaimReview, both ways: publish the desk's verdicts, read fact-checkers' reviews.

Export (`export_claimreview`) makes one ClaimReview JSON-LD object per rated claim:

- for each *resolved* conflict: one review of each claim its resolution rates, by the
  configured organisation (`claimreview: {name, url}`, default name "claimcheck"), dated
  by the resolution's `date`, with that claim's own rating. A resolution rates a claim in
  its `ratings`; without `ratings`, a contradiction's `verdict` rates the contradicted
  claim; a verdict on another kind of conflict ("X is true; Y is false") rates no single
  claim, so nothing is exported for it (and the reason is given). The conflict travels
  in the extension property `claimcheck:conflict` = `{id, kind, claims}` (the `@context`
  then also maps the `claimcheck:` prefix);
- for each claim tagged `publish` that no such review covered: the rating a resolution
  (of any status) of a conflict it takes part in gives it; else one review per *review
  assertion* on it (an assertion whose `note` starts with `ClaimReview`, as
  `import_claimreview` writes them: its `quote` is the rating, its source the reviewer,
  its `date` and `url` the review's); else the claim is skipped with a reason.

`itemReviewed` is a `Claim` whose `author`s are the sources affirming the claim (review
assertions aside), its `appearance`s the URLs of those assertions (only the claim's own:
never a source's home page), and its `datePublished`/`firstAppearance` those of the
earliest dated affirmation. No field is ever null: what is unknown is left out.

Import (`import_claimreview`) reads a JSON-LD file, a folder of `*.json`/`*.jsonld`
files, a JSON array, `{"@graph": [...]}` or a Google DataFeed (`dataFeedElement[].item[]`)
and writes a corpus: one claim per distinct `claimReviewed` text, tagged `publish`; the
claim's authors as sources that affirm it (one assertion per appearance URL); the
reviewer as a source with a review assertion whose stance follows the rating (`RATINGS`,
else `ratingValue` within `worstRating`..`bestRating`: ≤ 1/3 denies, ≥ 2/3 affirms,
else doubts; else doubts). No resolution is invented: the verdict stays in the review
assertion, which is where the export reads it, so exporting an imported corpus gives the
same reviews back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .importer import date_of, unique_ids, quote, refuse_non_empty, slug
from .output import write_atomically
from .plural import count

SCHEMA = "https://schema.org"
EXTENSION = {"claimcheck": "https://github.com/claimcheck/claimcheck#"}
PUBLISH = "publish"
REVIEW_NOTE = "ClaimReview"

#: common ratings (lower case, punctuation folded to spaces) → the reviewer's stance
RATINGS = {
    **dict.fromkeys(("false", "pants on fire", "fake", "incorrect", "wrong", "fabricated", "hoax"), "denies"),
    **dict.fromkeys(
        ("mostly false", "misleading", "half true", "mixture", "unproven", "needs context",
         "missing context", "partly false", "half truth", "unsupported", "exaggerated"),
        "doubts",
    ),
    **dict.fromkeys(("mostly true", "true", "correct", "accurate"), "affirms"),
}


class ClaimReviewImportError(ValueError):
    """The input cannot be imported at all (nothing readable, a non-empty target)."""


# --- export -------------------------------------------------------------------------------


@dataclass(slots=True)
class ExportReport:
    reviews: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "claim <id>: reason"


def export_claimreview(result, organisation: dict | None = None, report: ExportReport | None = None) -> list[dict]:
    """ClaimReview objects for the ratings of resolved conflicts and for the `publish`
    claims of `result` (an `analysis.Result`). What is not exported is said, claim by
    claim, in `report.skipped`."""
    report = report if report is not None else ExportReport()
    corpus = result.corpus
    org = {"@type": "Organization", "name": (organisation or {}).get("name") or "claimcheck"}
    if (organisation or {}).get("url"):
        org["url"] = organisation["url"]
    resolution_of = {}
    for resolution in corpus.resolutions:
        if (resolution.verdict or resolution.ratings) and (
            resolution.conflict not in resolution_of or resolution.status == "resolved"
        ):
            resolution_of[resolution.conflict] = resolution
    rated: dict[str, str] = {}  # claim id -> the conflict whose resolution rated it
    reviews: list[dict] = []
    conflicts = sorted(result.conflicts, key=lambda c: c.id)
    for conflict in conflicts:
        resolution = resolution_of.get(conflict.id)
        if resolution is None or resolution.status != "resolved":
            continue
        for claim_id, rating in rating_of_each(conflict, resolution, report):
            if claim_id in rated:
                report.skipped.append(
                    f"claim {claim_id}: rated again in the resolution of {conflict.id} (first in {rated[claim_id]}); "
                    "one review is published, with the first rating"
                )
                continue
            rated[claim_id] = conflict.id
            reviews.append(_review(corpus, corpus.claims[claim_id], rating, org, _resolved_on(resolution), None, conflict))
    for claim in sorted(corpus.claims.values(), key=lambda c: c.id):
        if PUBLISH not in claim.tags or claim.id in rated:
            continue
        review = _publish_from_resolution(corpus, claim, conflicts, resolution_of, org)
        if review is not None:
            reviews.append(review)
            continue
        marks = [a for a in claim.assertions if _is_review(a)]
        if not marks:
            report.skipped.append(
                f"claim {claim.id}: tagged '{PUBLISH}' but no resolution rates it (a rating in `ratings`, or the "
                "verdict of its own contradiction), and no ClaimReview assertion"
            )
            continue
        for mark in marks:
            source = corpus.sources.get(mark.source)
            author = _agent(source) if source else {"@type": "Organization", "name": mark.source}
            reviews.append(_review(corpus, claim, mark.quote, author, mark.date.text if mark.date else None, mark.url, None))
    report.reviews = reviews
    return reviews


def rating_of_each(conflict, resolution, report: ExportReport | None = None) -> list[tuple[str, str]]:
    """(claim id, rating) for each claim a resolution rates: its `ratings` of the claims
    that take part in the conflict; without ratings, a contradiction's verdict rates the
    contradicted claim alone. A verdict on any other conflict ("X is true; Y is false")
    rates no single claim: nothing, and `report` says so for each of its claims."""
    if resolution.ratings:
        out = []
        for rating in resolution.ratings:
            if rating.claim in conflict.claims:
                out.append((rating.claim, rating.rating))
            elif report is not None:
                report.skipped.append(
                    f"claim {rating.claim}: rated in the resolution of {conflict.id}, in which it takes no part (C002)"
                )
        return out
    if conflict.kind == "contradiction" and resolution.verdict:
        return [(conflict.subject["claim"], resolution.verdict)]
    if report is not None and resolution.verdict:
        listed = ", ".join(f"{c}: ..." for c in conflict.claims)
        for claim_id in conflict.claims:
            report.skipped.append(
                f"claim {claim_id}: the resolution of {conflict.id} gives a verdict but no rating of each claim; "
                f"add `ratings: {{{listed}}}` to publish them"
            )
    return []


def _publish_from_resolution(corpus, claim, conflicts, resolution_of, org) -> dict | None:
    """A `publish` claim's review from a resolution (of any status) that rates it."""
    for conflict in conflicts:
        resolution = resolution_of.get(conflict.id)
        if resolution is None or claim.id not in conflict.claims:
            continue
        for claim_id, rating in rating_of_each(conflict, resolution):
            if claim_id == claim.id:
                return _review(corpus, claim, rating, org, _resolved_on(resolution), None, conflict)
    return None


def _resolved_on(resolution) -> str | None:
    return resolution.date.text if resolution.date else None


def _is_review(assertion) -> bool:
    return bool(assertion.note and assertion.note.startswith(REVIEW_NOTE) and assertion.quote)


def _agent(source) -> dict:
    kind = "Person" if source.note and "schema.org type: Person" in source.note else "Organization"
    out = {"@type": kind, "name": source.name}
    if source.url:
        out["url"] = source.url
    return out


def _review(corpus, claim, verdict, author, date, url, conflict) -> dict:
    affirming = sorted(
        (a for a in claim.assertions if a.stance == "affirms" and not _is_review(a)),
        key=lambda a: (a.date.first if a.date else 10**8, a.index),
    )
    authors, appearances = [], []
    for assertion in affirming:
        source = corpus.sources.get(assertion.source)
        agent = _agent(source) if source else {"@type": "Organization", "name": assertion.source}
        if agent not in authors:
            authors.append(agent)
        # where the claim appeared: its assertions' own links, never a source's home page
        if assertion.url and {"@type": "CreativeWork", "url": assertion.url} not in appearances:
            appearances.append({"@type": "CreativeWork", "url": assertion.url})
    item: dict = {"@type": "Claim"}
    if authors:
        item["author"] = authors[0] if len(authors) == 1 else authors
    if appearances:
        item["appearance"] = appearances
    dated = [a for a in affirming if a.date]
    if dated:
        first = dated[0]
        item["datePublished"] = first.date.text
        if first.url:
            item["firstAppearance"] = {"@type": "CreativeWork", "url": first.url}
    review: dict = {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": verdict},
        "author": author,
    }
    if date:
        review["datePublished"] = date
    if url:
        review["url"] = url
    if conflict is not None:
        review["@context"] = [SCHEMA, dict(EXTENSION)]
        review["claimcheck:conflict"] = {"id": conflict.id, "kind": conflict.kind, "claims": list(conflict.claims)}
    return review


# --- import -------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportReport:
    out_dir: Path
    reviews: int = 0  # ClaimReviews used
    claims: int = 0
    sources: int = 0
    assertions: int = 0
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what could not be used, with where

    def summary(self) -> str:
        if not self.reviews:
            return f"no ClaimReview to import; nothing written to {self.out_dir}"
        return (
            f"{count(self.reviews, 'review')} → {count(self.claims, 'claim')}, {count(self.sources, 'source')}, "
            f"{count(self.assertions, 'assertion')}; {count(len(self.problems), 'problem')}; {count(len(self.files), 'file')} in {self.out_dir}"
        )


#: a numeric rating as the importer words it for the verdict: "<value> of <worst>–<best>"
_SCALE = re.compile(r"(-?\d+(?:\.\d+)?) of (-?\d+(?:\.\d+)?)\s*[–-]\s*(-?\d+(?:\.\d+)?)")


def rating_stance(rating) -> str:
    """The reviewer's stance for a schema.org Rating (see `RATINGS` and the module docstring)."""
    if not isinstance(rating, dict):
        return "doubts"
    name = rating.get("alternateName")
    if isinstance(name, str):
        folded = " ".join(re.sub(r"[^a-z0-9]+", " ", name.casefold()).split())
        if folded in RATINGS:
            return RATINGS[folded]
        scale = _SCALE.fullmatch(name.strip())
        if scale and "ratingValue" not in rating:  # "1 of 1–5", as the importer words a bare number
            rating = {"ratingValue": scale[1], "worstRating": scale[2], "bestRating": scale[3]}
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError):
        return "doubts"
    if best == worst:
        return "doubts"
    share = (value - worst) / (best - worst)
    return "denies" if share <= 1 / 3 else "affirms" if share >= 2 / 3 else "doubts"


def _files(paths) -> list[Path]:
    out = []
    for path in [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".json", ".jsonld")
                          and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            out.append(path)
        else:
            raise ClaimReviewImportError(f"{path} does not exist")
    return out


def _items(data) -> list:
    """The candidate objects of one JSON document: an array, @graph, a DataFeed, or one object."""
    if isinstance(data, list):
        return [x for d in data for x in _items(d)] if any(isinstance(d, dict) and ("@graph" in d or "dataFeedElement" in d) for d in data) else data
    if isinstance(data, dict):
        if isinstance(data.get("@graph"), list):
            return _items(data["@graph"])
        if isinstance(data.get("dataFeedElement"), list):
            out = []
            for element in data["dataFeedElement"]:
                item = element.get("item") if isinstance(element, dict) else None
                out += item if isinstance(item, list) else [item] if item is not None else [element]
            return out
    return [data]


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _agent_of(value) -> tuple[str, str | None, str] | None:
    """(name, url, type) of a schema.org author (an object, or a bare name)."""
    if isinstance(value, str) and value.strip():
        return value.strip(), None, "Organization"
    if isinstance(value, dict) and _text(value.get("name")):
        kind = value.get("@type") if value.get("@type") in ("Person", "Organization") else "Organization"
        return _text(value["name"]), _text(value.get("url")), kind
    return None


def _url_of(value) -> str | None:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("@id"))
    return None


def import_claimreview(paths, out_dir) -> ImportReport:
    """Read ClaimReviews from `paths` (files or folders) and write a corpus to `out_dir`,
    which must not exist or be empty. Unusable input is listed in `report.problems`."""
    out = Path(out_dir)
    refuse_non_empty(out, ClaimReviewImportError)
    report = ImportReport(out)
    reviews = []  # (where, ClaimReview dict)
    for path in _files(paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            report.problems.append(f"{path}: cannot read it ({getattr(err, 'strerror', None) or err})")
            continue
        try:
            data = json.loads(text)
            items = _items(data)
        except json.JSONDecodeError as err:
            report.problems.append(f"{path}:{err.lineno}:{err.colno}: not valid JSON: {err.msg}")
            continue
        except ValueError as err:  # an integer of thousands of digits, which Python will not read
            report.problems.append(f"{path}: cannot read its JSON ({err})")
            continue
        except RecursionError:
            report.problems.append(f"{path}: JSON nested too deeply to read")
            continue
        for number, item in enumerate(items, 1):
            where = f"{path}" + (f": item {number}" if len(items) > 1 or isinstance(data, list) else "")
            kinds = _as_list(item.get("@type")) if isinstance(item, dict) else []
            if "ClaimReview" not in kinds:
                found = f"@type {kinds[0]!r}" if kinds else "no @type" if isinstance(item, dict) else f"a {type(item).__name__}"
                report.problems.append(f"{where}: not a ClaimReview ({found}); skipped")
                continue
            if not _text(item.get("claimReviewed")):
                report.problems.append(f"{where}: ClaimReview without claimReviewed (the claim's text); skipped")
                continue
            reviews.append((where, item))
    if reviews:  # nothing usable: no corpus, which would only stand in the way of a retry
        _write(out, reviews, report)
    return report


def _date(value, where: str, what: str, report: ImportReport) -> str | None:
    if value is None:
        return None
    day, problem = date_of(str(value))
    if problem:
        report.problems.append(f"{where}: {what} {value!r} is not a date; kept without it")
    return day


def _write(out: Path, reviews: list, report: ImportReport) -> None:
    sources: dict[str, tuple[str | None, str]] = {}  # name -> (url, type)
    claims: dict[str, list[tuple]] = {}  # text -> [(source name, stance, date, url, quote, note)]
    for where, review in reviews:
        text = _text(review["claimReviewed"])
        rows = claims.setdefault(text, [])
        item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
        item_date = _date(item.get("datePublished"), where, "itemReviewed.datePublished", report)
        links = [u for u in (_url_of(a) for a in _as_list(item.get("appearance"))) if u]
        first = _url_of(item.get("firstAppearance"))
        if first and first not in links:
            links.insert(0, first)
        for author in _as_list(item.get("author")):
            agent = _agent_of(author)
            if agent is None:
                report.problems.append(f"{where}: an itemReviewed author without a name; left out")
                continue
            name, url, kind = agent
            sources.setdefault(name, (url, kind))
            for link in links or [None]:
                row = (name, "affirms", item_date, link, None, None)
                if row not in rows:
                    rows.append(row)
        reviewer = next((a for a in map(_agent_of, _as_list(review.get("author"))) if a), None)
        if reviewer is None:
            reviewer = ("unknown reviewer", None, "Organization")
            report.problems.append(f"{where}: ClaimReview without a named author; its reviewer is 'unknown reviewer'")
        sources.setdefault(reviewer[0], (reviewer[1], reviewer[2]))
        rating = review.get("reviewRating") if isinstance(review.get("reviewRating"), dict) else {}
        verdict = _text(rating.get("alternateName"))
        if verdict is None and rating.get("ratingValue") is not None:
            verdict = f"{rating.get('ratingValue')} of {rating.get('worstRating', 1)}–{rating.get('bestRating', 5)}"
        if verdict is None:
            report.problems.append(f"{where}: no reviewRating alternateName or ratingValue; the reviewer's stance is 'doubts'")
            verdict = "unrated"
        note = f"{REVIEW_NOTE} by {reviewer[0]}: rating {verdict!r}"
        rows.append((reviewer[0], rating_stance(rating), _date(review.get("datePublished"), where, "datePublished", report),
                     _text(review.get("url")), verdict, note))
        report.reviews += 1

    source_id = unique_ids(sources, lambda t: slug(t, "source", 60))
    claim_id = unique_ids(claims, lambda t: slug(t, "claim", 60))
    out.mkdir(parents=True, exist_ok=True)
    refuse_non_empty(out, ClaimReviewImportError)

    def put(name: str, text: str) -> None:
        write_atomically(out / name, text, overwrite=False)
        report.files.append(name)

    lines = []
    for name in sorted(sources, key=lambda n: source_id[n]):
        url, kind = sources[name]
        lines.append(f"  - id: {quote(source_id[name])}\n    name: {quote(name)}\n")
        if url:
            lines.append(f"    url: {quote(url)}\n")
        if kind == "Person":
            lines.append(f"    note: {quote('schema.org type: Person')}\n")
    put("sources.yaml", "sources:\n" + "".join(lines) if lines else "sources: []\n")
    lines = []
    for text in sorted(claims, key=lambda t: claim_id[t]):
        lines.append(f"  - id: {quote(claim_id[text])}\n    text: {quote(text)}\n    tags: [{PUBLISH}]\n    assertions:\n")
        for name, stance, date, url, said, note in claims[text]:
            lines.append(f"      - source: {quote(source_id[name])}\n        stance: {stance}\n")
            for key, value in (("date", date), ("url", url), ("quote", said), ("note", note)):
                if value:
                    lines.append(f"        {key}: {quote(value)}\n")
            report.assertions += 1
    put("claims.yaml", "claims:\n" + "".join(lines) if lines else "claims: []\n")
    report.claims, report.sources = len(claims), len(sources)

