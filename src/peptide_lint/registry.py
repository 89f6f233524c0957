"""Every rule, in code order: each module in rules/ (but base) defines one RULE."""

from __future__ import annotations

import importlib
import os

from . import rules as _rules_package
from .rules.base import Rule


def _discover() -> tuple[Rule, ...]:
    found = []
    # A listing of the folder, not pkgutil.iter_modules: that costs 5 ms, a twentieth of a
    # pre-commit run, to find the same file names.
    for folder in _rules_package.__path__:
        for file_name in sorted(os.listdir(folder)):
            module, suffix = os.path.splitext(file_name)
            if suffix == ".py" and module.isidentifier() and module not in ("__init__", "base"):
                found.append(importlib.import_module(f"{_rules_package.__name__}.{module}").RULE)
    codes = [rule.code for rule in found]
    names = [rule.name for rule in found]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names), "rule codes and names must be unique"
    return tuple(sorted(found, key=lambda rule: rule.code))


RULES: tuple[Rule, ...] = _discover()
_LOOKUP = {key: rule for rule in RULES for key in (rule.code, rule.code.lower(), rule.name)}


def lookup(code_or_name: str) -> Rule | None:
    return _LOOKUP.get(code_or_name.strip()) or _LOOKUP.get(code_or_name.strip().lower())
