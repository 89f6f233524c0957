"""A fast yes/no validity check for the JSON Schema keywords the entry schema uses.

Most entries are valid, and for a valid entry the only question is "valid?". Answering it with
closures compiled once from the schema is several times faster than jsonschema and needs no import of
it, which matters for the pre-commit case (one file, whole process). When the answer is "no",
jsonschema produces the detailed errors (`schema_check.py`), so messages never depend on this
module. A schema using any keyword this module does not know is not compiled at all: `compile_schema`
returns None and every entry goes through jsonschema. Tests check that both agree.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from .patterns import regex
from .json_values import canonical, pointer

Check = Callable[[Any], bool]

# Keywords that never affect validity.
_ANNOTATIONS = {"title", "description", "$schema", "$id", "$defs", "$comment", "examples", "default",
                "deprecated", "readOnly", "writeOnly"}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and math.isfinite(v) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


class _Unsupported(Exception):
    pass


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function telling whether an instance is valid, or None if the schema uses other keywords."""
    try:
        return _Compiler(schema).compile(schema, depth=0)
    except (_Unsupported, re.error, TypeError, LookupError, ValueError):
        return None


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    def compile(self, node: Any, depth: int) -> Check:
        if depth > 64:
            raise _Unsupported("too deep or recursive")
        if node is True:
            return lambda v: True
        if node is False:
            return lambda v: False
        if not isinstance(node, dict):
            raise _Unsupported(node)
        checks: list[Check] = []
        for keyword, value in node.items():
            if keyword in _ANNOTATIONS or keyword.startswith("x-") or keyword in ("then", "else"):
                continue
            build = getattr(self, "_" + keyword.replace("$", "dollar_"), None)
            if build is None:
                raise _Unsupported(keyword)
            checks.append(build(value, node, depth))
        if not checks:
            return lambda v: True
        if len(checks) == 1:
            return checks[0]
        return _all_of(checks)

    def _dollar_ref(self, ref, node, depth):
        if not isinstance(ref, str):
            raise _Unsupported(ref)
        return self.compile(pointer(self.root, ref), depth + 1)

    def _type(self, value, node, depth):
        names = [value] if isinstance(value, str) else list(value)
        tests = [_TYPES[name] for name in names]
        return tests[0] if len(tests) == 1 else lambda v: any(test(v) for test in tests)

    def _properties(self, value, node, depth):
        if not isinstance(value, dict):
            raise _Unsupported("properties")
        compiled = [(key, self.compile(sub, depth + 1)) for key, sub in value.items()]

        def properties(v: Any) -> bool:
            if isinstance(v, dict):
                for key, check in compiled:
                    if key in v and not check(v[key]):
                        return False
            return True
        return properties

    def _required(self, value, node, depth):
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            raise _Unsupported("required")
        names = list(value)
        return lambda v: not isinstance(v, dict) or all(name in v for name in names)

    def _additionalProperties(self, value, node, depth):
        known = set(node.get("properties", {}))
        if "patternProperties" in node:
            raise _Unsupported("patternProperties")
        extra = self.compile(value, depth + 1)
        return lambda v: not isinstance(v, dict) or all(extra(v[key]) for key in v if key not in known)

    def _items(self, value, node, depth):
        if "prefixItems" in node or not isinstance(value, (dict, bool)):
            raise _Unsupported("prefixItems")
        check = self.compile(value, depth + 1)
        return lambda v: not isinstance(v, list) or all(check(item) for item in v)

    def _minItems(self, value, node, depth):
        _count(value)
        return lambda v: not isinstance(v, list) or len(v) >= value

    def _maxItems(self, value, node, depth):
        _count(value)
        return lambda v: not isinstance(v, list) or len(v) <= value

    def _uniqueItems(self, value, node, depth):
        if not value:
            return lambda v: True
        return lambda v: not isinstance(v, list) or len({canonical(item) for item in v}) == len(v)

    def _minLength(self, value, node, depth):
        _count(value)
        return lambda v: not isinstance(v, str) or len(v) >= value

    def _maxLength(self, value, node, depth):
        _count(value)
        return lambda v: not isinstance(v, str) or len(v) <= value

    def _pattern(self, value, node, depth):
        if not isinstance(value, str):
            raise _Unsupported("pattern")
        search = regex(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None

    def _enum(self, value, node, depth):
        if not isinstance(value, list):
            raise _Unsupported("enum")
        allowed = {canonical(item) for item in value}
        return lambda v: canonical(v) in allowed

    def _const(self, value, node, depth):
        expected = canonical(value)
        return lambda v: canonical(v) == expected

    def _oneOf(self, value, node, depth):
        if not isinstance(value, list) or not value:
            raise _Unsupported("oneOf")
        constants = [_constant_of(sub) for sub in value]
        if all(constants) and len({c[0] for c in constants}) == len(constants):
            allowed = {c[0] for c in constants}  # a vocabulary: exactly one branch matches a member
            return lambda v: canonical(v) in allowed
        branches = [self.compile(sub, depth + 1) for sub in value]
        return lambda v: sum(1 for branch in branches if branch(v)) == 1

    def _anyOf(self, value, node, depth):
        if not isinstance(value, list) or not value:
            raise _Unsupported("anyOf")
        branches = [self.compile(sub, depth + 1) for sub in value]
        return lambda v: any(branch(v) for branch in branches)

    def _allOf(self, value, node, depth):
        if not isinstance(value, list) or not value:
            raise _Unsupported("allOf")
        branches = [self.compile(sub, depth + 1) for sub in value]
        return lambda v: all(branch(v) for branch in branches)

    def _not(self, value, node, depth):
        check = self.compile(value, depth + 1)
        return lambda v: not check(v)

    def _if(self, value, node, depth):
        condition = self.compile(value, depth + 1)
        then = self.compile(node.get("then", True), depth + 1)
        otherwise = self.compile(node.get("else", True), depth + 1)
        return lambda v: then(v) if condition(v) else otherwise(v)


def _all_of(checks: list[Check]) -> Check:
    def every(v: Any) -> bool:
        for check in checks:
            if not check(v):
                return False
        return True
    return every


def _constant_of(node: Any) -> tuple[Any] | None:
    """(the canonical constant,) for a schema that only says `const` (besides annotations), else None."""
    if not isinstance(node, dict) or "const" not in node:
        return None
    if any(k != "const" and k not in _ANNOTATIONS and not k.startswith("x-") for k in node):
        return None
    return (canonical(node["const"]),)


def _count(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Unsupported("a count must be a whole number")
