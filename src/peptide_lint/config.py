"""Configuration: `[tool.peptide-lint]` in the content repo's pyproject.toml, then command-line flags.

    [tool.peptide-lint]
    select = ["ALL"]                       # codes (PL201), prefixes (PL2) or names; default ALL
    ignore = ["source-never-cited"]
    severity = { "hype-words" = "error" }  # per rule: error or warning
    entries = "entries"                    # where the entries are, from the repo root
    schema = "schema/entry.schema.json"

    unsuppressible = ["PL4"]               # rules no comment may suppress (here: the safety rules)

    baseline = "peptide-lint-baseline.json"  # report only findings not recorded in it

    [tool.peptide-lint.per-file-ignores]
    "entries/legacy-*.yaml" = ["PL201"]

    [tool.peptide-lint.options.claim-without-citation]
    extend-signals = ["appears to"]

Anything unknown is a usage error that names it and suggests the closest known name.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from .patterns import regex
from . import registry
from .findings import Severity
from .problems import EMPTY_MAPPING
from .rules.base import Rule
from .wording import closest

_KNOWN_KEYS = ("select", "ignore", "severity", "per-file-ignores", "entries", "schema", "options",
               "unsuppressible", "baseline")
_CODE_PREFIX = regex(r"PL\d{1,3}")
# Their findings always mean that a file could not be read as an entry. Such a file fails whatever
# the settings (pipeline.check_files), so they cannot be made warnings. (Other rules, such as
# tab-indentation, make a file unreadable only at times; their severity applies when it is read.)
_ALWAYS_ERRORS = ("unreadable-file", "not-utf8", "control-character", "yaml-syntax", "empty-file",
                  "root-not-mapping", "file-too-large")


class ConfigError(Exception):
    """A problem with the configuration or the flags: reported as a usage error (exit code 2)."""


class Config(NamedTuple):
    """The settings of a run: the rules selected and ignored, their severities and options, where the
    entries and the schema are; from pyproject.toml's [tool.peptide-lint], then the command line."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = EMPTY_MAPPING  # by rule code
    per_file_ignores: Mapping[str, tuple[str, ...]] = EMPTY_MAPPING  # glob -> rule codes
    unsuppressible: frozenset[str] = frozenset()  # rule codes no comment may suppress
    entries: str = "entries"
    schema: str = "schema/entry.schema.json"
    options: Mapping[str, dict[str, Any]] = EMPTY_MAPPING  # by rule name, merged with defaults
    source: str = "defaults"
    baseline: str | None = None  # the baseline file, from the repo root (baseline.py)

    def __repr__(self) -> str:
        # The baseline is left out: repr keys the result cache, and the baseline filters a report
        # after the check, changing no file's result.
        return "Config(" + ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self)
                                     if name != "baseline") + ")"

    def rules(self) -> tuple[Rule, ...]:
        """The enabled rules, each with its configured severity."""
        chosen = _expand(self.select, "select") - _expand(self.ignore, "ignore")
        if not chosen:
            raise ConfigError("no rule is left to run: the selected rules are all ignored")
        return tuple(rule if rule.code not in self.severity else rule._replace(severity=self.severity[rule.code])
                     for rule in registry.RULES if rule.code in chosen)

    def ignored_in(self, repo_path: str) -> set[str]:
        """Rule codes switched off for the file at `repo_path` (relative to the repo root)."""
        codes: set[str] = set()
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(repo_path, pattern):
                codes.update(ignored)
        return codes

    def option(self, rule: Rule, name: str) -> Any:
        return self.options.get(rule.name, {}).get(name, rule.options[name])

    def with_flags(self, select: list[str], ignore: list[str]) -> Config:
        """Command-line --select replaces the configured selection; --ignore adds to it."""
        updated = self._replace(select=tuple(select) or self.select, ignore=self.ignore + tuple(ignore))
        updated.rules()  # raises ConfigError for an unknown rule
        return updated


def load(repo_root: Path) -> Config:
    path = repo_root / "pyproject.toml"
    if not path.is_file():
        return Config()
    import tomllib  # only repos with a pyproject.toml pay for importing it

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as err:
        raise ConfigError(f"cannot read {path}: {err}") from None
    table = document.get("tool", {}).get("peptide-lint")
    if table is None:
        return Config()
    return parse(table, str(path))


def parse(table: dict[str, Any], source: str = "configuration") -> Config:
    where = f"[tool.peptide-lint] in {source}"
    _check_names(table, _KNOWN_KEYS, f"{where} has an unknown setting")
    select = _strings(table.get("select", ["ALL"]), f"{where}: select")
    ignore = _strings(table.get("ignore", []), f"{where}: ignore")
    severities: dict[str, Severity] = {}
    for selector, level in _table(table.get("severity", {}), f"{where}: severity").items():
        if level not in ("error", "warning"):
            raise ConfigError(f"{where}: severity of {selector} must be error or warning, not {level!r}")
        named = registry.lookup(selector)
        if level == "warning" and named is not None and named.name in _ALWAYS_ERRORS:
            raise ConfigError(f"{where}: severity of {named.name} cannot be warning: a file it reports "
                              "cannot be read as an entry, and that is always an error")
        for code in _expand([selector], f"{where}: severity"):
            if level == "warning" and registry.lookup(code).name in _ALWAYS_ERRORS:
                continue  # a prefix or ALL: the others become warnings, these stay errors
            severities[code] = Severity(level)
    per_file = {pattern: tuple(sorted(_expand(_strings(codes, f"{where}: per-file-ignores"),
                                              f"{where}: per-file-ignores")))
                for pattern, codes in _table(table.get("per-file-ignores", {}), f"{where}: per-file-ignores").items()}
    options = _options(_table(table.get("options", {}), f"{where}: options"), where)
    unsuppressible = frozenset(_expand(_strings(table.get("unsuppressible", []), f"{where}: unsuppressible"),
                                       f"{where}: unsuppressible"))
    config = Config(tuple(select), tuple(ignore), severities, per_file, unsuppressible,
                    _path(table.get("entries", "entries"), f"{where}: entries", "a folder"),
                    _path(table.get("schema", "schema/entry.schema.json"), f"{where}: schema", "a file"),
                    options, source,
                    _path(table["baseline"], f"{where}: baseline", "a file") if "baseline" in table else None)
    try:
        config.rules()
    except ConfigError as err:
        raise ConfigError(f"{where}: {err}") from None
    return config


def _options(table: dict[str, Any], where: str) -> dict[str, dict[str, Any]]:
    by_name = {rule.name: rule for rule in registry.RULES}
    result: dict[str, dict[str, Any]] = {}
    for rule_name, values in table.items():
        rule = registry.lookup(rule_name)
        if rule is None:
            _unknown(rule_name, list(by_name), f"{where}: options for an unknown rule")
        values = _table(values, f"{where}: options.{rule_name}")
        _check_names(values, tuple(rule.options), f"{where}: the rule {rule.name} has no option")
        for name, value in values.items():
            problem = _shape_problem(value, rule.options[name])
            if problem:
                raise ConfigError(f"{where}: options.{rule.name}.{name} {problem}")
        result[rule.name] = values
    return result


def _shape_problem(value: Any, default: Any, nested: bool = False) -> str | None:
    """What is wrong with an option's value, measured against its default: the same type (numbers
    not negative, text not empty), lists of the same kind of item, tables of the same kind of value
    under keys of the editor's choosing (min-characters may name any field)."""
    kinds = {bool: "true or false", int: "a whole number", str: "text", list: "a list", dict: "a table"}
    if type(value) is not type(default):
        wanted = f"must be {kinds.get(type(default), type(default).__name__)}"
        return wanted if nested else f"{wanted}, like its default {default!r}"
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        return "must not be negative"
    if isinstance(value, str) and not value.strip():
        return "must not be empty"
    if isinstance(default, list):
        item = default[0] if default else ""
        for element in value:
            problem = _shape_problem(element, item, nested=True)
            if problem:
                return f"has an item {element!r} that {problem}"
    if isinstance(default, dict) and default:
        sample = next(iter(default.values()))
        for key, element in value.items():
            problem = _shape_problem(element, default.get(key, sample), nested=True)
            if problem:
                return f"has {key!r} that {problem}"
    return None


def _path(value: Any, where: str, kind: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be the path of {kind} from the repo root, as text")
    return value


def _expand(selectors, setting: str) -> set[str]:
    codes: set[str] = set()
    for selector in selectors:
        if not selector.strip():
            raise ConfigError(f"{setting}: an empty rule name")
        if selector.upper() == "ALL":
            codes.update(rule.code for rule in registry.RULES)
            continue
        # A code or a code's beginning (PL2, PL20): a bare "P" or "PL" would be every rule.
        prefix = selector.upper() if _CODE_PREFIX.fullmatch(selector.upper()) else None
        matched = {rule.code for rule in registry.RULES
                   if rule.name == selector or (prefix and rule.code.startswith(prefix))}
        if not matched:
            _unknown(selector, [r.name for r in registry.RULES] + [r.code for r in registry.RULES],
                     f"{setting}: no rule is called")
        codes.update(matched)
    return codes


def _check_names(table: dict[str, Any], known: tuple[str, ...], message: str) -> None:
    for name in table:
        if name not in known:
            _unknown(name, list(known), message)


def _unknown(name: str, known: list[str], message: str):
    suggestion = closest(name, known)
    if suggestion:
        hint = f"; did you mean {suggestion!r}?"
    elif len(known) > 12:  # the rules: too many to list on one line
        hint = "; 'peptide-lint rules' lists them"
    else:
        hint = f" (known: {', '.join(known) or 'none'})"
    raise ConfigError(f"{message} {name!r}{hint}")


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes or names")
    return value


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table")
    return value
