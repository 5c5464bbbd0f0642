"""`claimcheck diff REV`: the conflicts of the corpus at a git revision against the working tree.

The old files are read through git (`git ls-tree` for the names, `git cat-file --batch`
for the contents, in one process) into a temporary folder with the same layout relative
to the repository root; the working tree is never touched. Both corpora are analyzed
alike, and the old side's file names are shown as the new side's, so that ids and files
line up. Conflicts are compared by id (ids depend on ids alone, spec §4.6): `new`,
`removed`, and `changed` in severity, status or sides (who stands where).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .loader import is_corpus_file
from .model import FAIL_ON_LEVEL, SEVERITY_RANK as RANK
from .tables import TABLES, is_table_corpus

SCHEMA_VERSION = 1


class GitError(Exception):
    """git cannot give what diff needs: not a repository, an unknown revision, no git."""


class TablesError(GitError):
    """A PATH is a folder of tables, now or at the revision: diff reads YAML files only,
    and would see every conflict as new."""


def _tables_message(given: Path, state: str) -> str:
    return (f"'{given}' {state}: diff compares YAML corpora (it reads their files at REV through git);"
            " diff the YAML corpus the tables were exported from instead (`claimcheck export parquet YAML --out TABLES`)")


#: the names of tables in a table corpus's folder (`tables.is_table_corpus`)
_TABLE_NAMES = frozenset(f"{name}.parquet" for name in TABLES)


def _git(args: list[str], cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=cwd, input=stdin, capture_output=True, check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH); diff reads the old corpus through git") from None
    except OSError as err:
        raise GitError(f"cannot run git: {err.strerror or err}") from None


def repository_root(cwd: Path | None = None) -> Path:
    done = _git(["rev-parse", "--show-toplevel"], cwd=cwd)
    if done.returncode != 0 or not done.stdout.strip():
        raise GitError("not in a git repository: diff compares the corpus with a git revision, run it inside the repository")
    return Path(os.fsdecode(done.stdout.strip()))


def repository_of(paths: list[Path], cwd: Path | None = None) -> Path:
    """The repository that holds the corpus: the first PATH's (so `diff HEAD /repo/corpus`
    works from anywhere), else the working directory's (which `read_revision` then finds
    the PATH outside of)."""
    if paths:
        first = Path(cwd or ".") / paths[0]
        folder = first if first.is_dir() else first.parent
        try:
            return repository_root(folder)
        except GitError:
            pass
    try:
        return repository_root(cwd)
    except GitError:
        where = f"'{paths[0]}' is" if paths else "the working directory is"
        raise GitError(f"{where} not in a git repository: diff compares the corpus with a git revision of its repository") from None


def resolve_revision(rev: str, root: Path) -> str:
    """The commit id REV names; a GitError when it names none."""
    if not rev or rev.startswith("-"):
        raise GitError(f"unknown revision '{rev}'")
    done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=root)
    if done.returncode != 0:
        hint = ""
        if _git(["rev-parse", "--is-shallow-repository"], cwd=root).stdout.strip() == b"true":
            hint = (" (this checkout is shallow, and holds only the last commits: fetch more, e.g."
                    " `fetch-depth: 2` in actions/checkout for HEAD^1, or `git fetch --depth=1 origin main`"
                    " for origin/main)")
        elif "/" in rev:
            hint = " (a remote branch is there once fetched, e.g. `git fetch origin main`)"
        raise GitError(f"unknown revision '{rev}': not a commit, branch or tag of this repository{hint}")
    return done.stdout.decode().strip()


def read_revision(commit: str, paths: list[Path], root: Path, into: Path) -> list[tuple[Path, Path]]:
    """Write the corpus files below `paths` as they were at `commit` into `into`.

    Returns (path in `into`, path as given) for each given path that existed at the
    commit; a folder that did not exist there becomes an empty folder (a corpus that
    was empty then).
    """
    real_root = os.path.realpath(root)
    pairs: list[tuple[Path, Path]] = []
    blobs: list[tuple[str, str]] = []  # (object id, repository path) of files to write
    links: list[tuple[str, str]] = []  # the same for symbolic links
    for given in paths:
        rel = os.path.relpath(os.path.realpath(given), real_root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
            raise GitError(f"'{given}' is outside the git repository at {root}")
        rel = Path(rel).as_posix()
        listing = _git(["ls-tree", "-r", "-z", "--full-name", commit, "--", rel], cwd=root)
        if listing.returncode != 0:
            raise GitError(f"git ls-tree failed: {listing.stderr.decode(errors='replace').strip()}")
        found = False
        for record in listing.stdout.split(b"\0"):
            if not record:
                continue
            meta, _, name_bytes = record.partition(b"\t")
            mode, kind, oid = meta.decode().split(" ")
            name = os.fsdecode(name_bytes)
            found = True
            inside = name if rel == "." else name[len(rel) + 1:]
            if inside.split("/", 1)[0] in _TABLE_NAMES:
                raise TablesError(_tables_message(given, f"was a table corpus at {commit[:12]}"))
            if kind != "blob":
                continue  # a submodule
            if mode == "120000":
                links.append((oid, name))
            elif name == rel or is_corpus_file(name.rsplit("/", 1)[-1]):
                blobs.append((oid, name))
        mirror = into / rel if rel != "." else into
        if found:
            pairs.append((mirror, given))
        elif given.is_dir():
            mirror.mkdir(parents=True, exist_ok=True)
            pairs.append((mirror, given))
    contents = _cat_blobs([oid for oid, _ in blobs + links], root)
    for oid, name in blobs:
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[oid])
    for oid, name in links:
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.symlink(os.fsdecode(contents[oid]), target)
        except OSError:
            pass  # no symbolic links here: the old side just lacks it
    return pairs


def _cat_blobs(oids: list[str], root: Path) -> dict[str, bytes]:
    """The contents of many blobs, read by one `git cat-file --batch`."""
    if not oids:
        return {}
    unique = list(dict.fromkeys(oids))
    done = _git(["cat-file", "--batch"], cwd=root, stdin="".join(oid + "\n" for oid in unique).encode())
    if done.returncode != 0:
        raise GitError(f"git cat-file failed: {done.stderr.decode(errors='replace').strip()}")
    out, data, at = {}, done.stdout, 0
    for oid in unique:
        end = data.index(b"\n", at)
        header = data[at:end].decode().split(" ")
        if len(header) != 3:
            raise GitError(f"git cat-file cannot read object {oid}")
        size = int(header[2])
        out[oid] = data[end + 1:end + 1 + size]
        at = end + 1 + size + 1  # the contents end with a newline of cat-file's own
    return out


# --- comparing conflicts -------------------------------------------------------------------


def side_members(conflict: dict) -> set[tuple]:
    """Who stands where: (label, claim, source) for every assertion on every side. Not
    its place in its claim's list: assertions reordered are the same sides."""
    return {
        (side["label"], a["claim"], a["source"])
        for side in conflict["sides"]
        for a in side["assertions"]
    }


def what_changed(before: dict, after: dict) -> list[str]:
    what = [key for key in ("severity", "status") if before[key] != after[key]]
    if side_members(before) != side_members(after):
        what.append("sides")
    return what


@dataclass(slots=True)
class Diff:
    base: str  # the revision as given
    new: list[dict] = field(default_factory=list)  # conflict dicts (report.data.conflict_dict)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)  # {"id", "before", "after", "what"}
    errors_before: int = 0  # error findings of the old corpus
    errors_after: int = 0

    def failing(self, fail_on: str) -> list[str]:
        """Ids of conflicts that are open at or above `fail_on` and new, or were not open
        before, or got more severe."""
        level = FAIL_ON_LEVEL[fail_on]
        ids = [c["id"] for c in self.new if c["status"] == "open" and RANK[c["severity"]] >= level]
        for change in self.changed:
            before, after = change["before"], change["after"]
            if after["status"] != "open" or RANK[after["severity"]] < level:
                continue
            if before["status"] != "open" or RANK[after["severity"]] > RANK[before["severity"]]:
                ids.append(change["id"])
        return sorted(ids)

    def as_json(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "base": self.base,
            "new": self.new,
            "removed": self.removed,
            "changed": self.changed,
            "summary": {
                "new": len(self.new),
                "removed": len(self.removed),
                "changed": len(self.changed),
                "error_findings": {"before": self.errors_before, "after": self.errors_after},
            },
        }


def compare_conflicts(base: str, before: list[dict], after: list[dict]) -> Diff:
    old = {c["id"]: c for c in before}
    now = {c["id"]: c for c in after}
    diff = Diff(base)
    diff.new = [now[i] for i in sorted(now.keys() - old.keys())]
    diff.removed = [old[i] for i in sorted(old.keys() - now.keys())]
    for cid in sorted(old.keys() & now.keys()):
        what = what_changed(old[cid], now[cid])
        if what:
            diff.changed.append({"id": cid, "before": old[cid], "after": now[cid], "what": what})
    return diff


def _conflict_dicts(result) -> list[dict]:
    from .report.data import document

    return document(result)["conflicts"]


def _shown_as(conflicts: list[dict], pairs: list[tuple[Path, Path]]) -> list[dict]:
    """Rename the files of the old side's assertions from the temporary folder to the
    paths the working tree's side shows."""
    here = Path(os.getcwd())
    prefixes = sorted(((m.as_posix(), _as_loaded(g, here)) for m, g in pairs), key=lambda p: -len(p[0]))

    def shown(file: str) -> str:
        for mirror, given in prefixes:
            if file == mirror:
                return given.as_posix()
            if file.startswith(mirror + "/"):
                return (given / file[len(mirror) + 1:]).as_posix()  # `./` + `a.yaml` is `a.yaml`
        return file

    for conflict in conflicts:
        for side in conflict["sides"]:
            for a in side["assertions"]:
                a["file"] = shown(a["file"])
    return conflicts


def _as_loaded(given: Path, here: Path) -> Path:
    """A PATH as the loader names the files below it (`loader.discover`): an absolute
    one inside the working directory relative to it, the rest as given."""
    if given.is_absolute() and given.is_relative_to(here):
        return given.relative_to(here)
    return given


def diff_revision(rev: str, paths: list[Path], analyze: Callable | None = None, cwd: Path | None = None) -> Diff:
    """The conflicts of the corpus under `paths` at git revision `rev` against the working tree.

    `analyze(paths) -> analysis.Result` is called for each side (default:
    `claimcheck.analysis.analyze` with default limits), so both are read alike.
    """
    for given in paths:
        if is_table_corpus(given):
            raise TablesError(_tables_message(given, "is a table corpus"))
    if analyze is None:
        from .analysis import analyze as default_analyze

        analyze = default_analyze
    root = repository_of(paths, cwd)
    commit = resolve_revision(rev, root)
    after_result = analyze(paths)
    with tempfile.TemporaryDirectory(prefix="claimcheck-diff-") as temp:
        pairs = read_revision(commit, paths, root, Path(temp))
        before_result = analyze([mirror for mirror, _ in pairs])
        before = _shown_as(_conflict_dicts(before_result), pairs)
    diff = compare_conflicts(rev, before, _conflict_dicts(after_result))
    diff.errors_before = sum(1 for f in before_result.findings if f.severity == "error")
    diff.errors_after = sum(1 for f in after_result.findings if f.severity == "error")
    return diff
