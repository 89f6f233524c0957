"""Every rule, in code order: each module in rules/ (but base) defines one RULE."""

from __future__ import annotations

import importlib

from . import rules as _rules_package
from .modules import module_names
from .rules.base import Rule


def _discover() -> tuple[Rule, ...]:
    found = [importlib.import_module(f"{_rules_package.__name__}.{name}").RULE
             for name in module_names(_rules_package.__path__) if name != "base"]
    codes = [rule.code for rule in found]
    names = [rule.name for rule in found]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names), "rule codes and names must be unique"
    return tuple(sorted(found, key=lambda rule: rule.code))


RULES: tuple[Rule, ...] = _discover()
_LOOKUP = {key: rule for rule in RULES for key in (rule.code, rule.code.lower(), rule.name)}


def lookup(code_or_name: str) -> Rule | None:
    return _LOOKUP.get(code_or_name.strip()) or _LOOKUP.get(code_or_name.strip().lower())
