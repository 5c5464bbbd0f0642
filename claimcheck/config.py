"""Configuration: `[tool.claimcheck]` in pyproject.toml, or `.claimcheck.yaml`.

Searched upward from the working directory, stopping at the repository root (the folder
holding `.git`); `--config FILE` names one directly. Paths in a configuration are relative
to the file that names them. A broken configuration is a `ConfigError` naming the file
and the key, which the CLI turns into exit code 2.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .loader import Limits
from .nodes import MAX_DEPTH

FORMATS = ("table", "brief", "concise", "json", "jsonl", "sarif", "github", "markdown")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = {
    "paths": "corpus folders or files read when no PATH is given",
    "fail-on": "default --fail-on of `check`",
    "format": "default --format when none is given",
    "select": "lint rules to run (codes, names or code prefixes)",
    "ignore": "lint rules not to run",
    "limits": "loader limits: max-file-bytes, max-depth, max-alias-expansion, max-nodes",
    "lint": "options of the lint rules (e.g. near-duplicate-threshold)",
    "assess": "weights of the assessment",
    "claimreview": "the reviewing organisation of `export claimreview`: {name, url}",
}
LIMIT_KEYS = {
    "max-file-bytes": "max_file_bytes",
    "max-depth": "max_depth",
    "max-alias-expansion": "max_alias_expansion",
    "max-nodes": "max_nodes",
}


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


@dataclass(slots=True)
class Config:
    file: Path | None = None
    paths: list[Path] = field(default_factory=list)
    fail_on: str | None = None
    format: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    limits: Limits = field(default_factory=Limits)
    lint: dict = field(default_factory=dict)
    assess: dict | None = field(default_factory=dict)  # None: no assessment (--no-assess)
    assess_method: str = "prior"  # prior (Admiralty weights) or trust (learned)
    as_of: object = None  # --as-of (command line only): a DateSpan, or None for now
    claimreview: dict = field(default_factory=dict)  # {name, url} of the reviewing organisation


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above `start`, not above the repository root."""
    current = (start or Path.cwd()).resolve()
    while True:
        candidate = current / ".claimcheck.yaml"
        if candidate.is_file():
            return candidate
        pyproject = current / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
        if (current / ".git").exists() or current.parent == current:
            return None
        current = current.parent


def _has_tool_section(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    except tomllib.TOMLDecodeError:  # not ours to judge, unless it means to hold our section
        return b"[tool.claimcheck" in pyproject.read_bytes()
    return isinstance(data.get("tool"), dict) and "claimcheck" in data["tool"]


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration to use: `explicit`, else the one found upward, else defaults."""
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return Config()
    try:
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:  # a name too long, a folder that cannot be entered
        raise ConfigError(f"{path}: cannot read it ({getattr(err, 'strerror', None) or err})") from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: not valid TOML ({err})") from None
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table ([tool.claimcheck] holds the settings)")
        if "claimcheck" not in tool:
            raise ConfigError(f"{path}: no [tool.claimcheck] table; claimcheck reads its settings from there")
        data = tool["claimcheck"]
        where = f"{path} [tool.claimcheck]"
    else:
        import yaml  # only for a .claimcheck.yaml: PyYAML's import is a tenth of a small check

        try:
            data = yaml.load(text, Loader=_strict_loader(yaml)) or {}
        except _DuplicateKey as err:
            raise ConfigError(f"{path}:{err.line}:{err.column}: '{err.key}' is set twice (first at line {err.first}); keep one") from None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            place = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
            raise ConfigError(f"{path}{place}: not valid YAML ({getattr(err, 'problem', err)})") from None
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings")
    return _parse(data, path, where)


class _DuplicateKey(Exception):
    def __init__(self, key, line: int, column: int, first: int):
        super().__init__(key)
        self.key, self.line, self.column, self.first = key, line, column, first


def _strict_loader(yaml):
    """PyYAML's safe loader, except that a key set twice is an error, as in a corpus file
    (PyYAML would keep the last silently)."""

    class StrictLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: PyYAML says so itself
                    continue
                if first is not None:
                    mark = key_node.start_mark
                    raise _DuplicateKey(key, mark.line + 1, mark.column + 1, first)
                seen[key] = key_node.start_mark.line + 1
            return super().construct_mapping(node, deep)

    return StrictLoader


def _parse(data: dict, path: Path, where: str) -> Config:
    from .findings import suggest

    config = Config(file=path)
    base = path.parent
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{suggest(str(key), KEYS)}; known keys: {', '.join(KEYS)}")
        if key == "paths":
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(f"{where}: 'paths' must be a path or a list of paths")
            config.paths = [_relative(base / v) for v in values]
        elif key == "fail-on":
            config.fail_on = _choice(where, key, value, FAIL_ON)
        elif key == "format":
            config.format = _choice(where, key, value, FORMATS)
        elif key in ("select", "ignore"):
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(f"{where}: '{key}' must be a list of rule codes or names")
            setattr(config, key, values)
        elif key == "limits":
            config.limits = _limits(where, value)
        elif key == "claimreview":
            if not isinstance(value, dict) or any(k not in ("name", "url") or not isinstance(v, str) for k, v in value.items()):
                raise ConfigError(f"{where}: 'claimreview' must be a mapping with text 'name' and 'url'")
            config.claimreview = value
        else:  # lint, assess: checked by the parts that use them
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a mapping")
            setattr(config, key, value)
    return config


def _relative(path: Path) -> Path:
    """Keep paths relative to the working directory where possible (for display)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _choice(where: str, key: str, value, allowed: tuple) -> str:
    from .findings import suggest

    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' is {value!r}{suggest(str(value), allowed)}; expected one of {', '.join(allowed)}")
    return value


def _limits(where: str, value) -> Limits:
    from .findings import suggest

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'limits' must be a mapping")
    settings = {}
    for key, number in value.items():
        if key not in LIMIT_KEYS:
            raise ConfigError(f"{where}: unknown key 'limits.{key}'{suggest(str(key), LIMIT_KEYS)}")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ConfigError(f"{where}: 'limits.{key}' must be a positive whole number")
        if key == "max-depth" and number > MAX_DEPTH:
            raise ConfigError(f"{where}: 'limits.max-depth' is {number}; it can be at most {MAX_DEPTH} (the YAML parser's own bound)")
        settings[LIMIT_KEYS[key]] = number
    return Limits(**settings)
