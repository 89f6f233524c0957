"""JSON values as JSON Schema sees them: a reference inside one document, and when two values are equal.

The schema (`schema.py`), its quick check (`quickcheck.py`) and the schema stage (`schema_check.py`)
all follow references and compare values; doing it here once keeps them in agreement with
jsonschema, which judges the details.
"""

from __future__ import annotations

from typing import Any, Iterable


def pointer(document: Any, ref: str) -> Any:
    """The part of `document` that a reference inside it names: "#/$defs/slug", "#/oneOf/0", or "#"
    for the whole. Raises LookupError for a reference that names nothing in it, ValueError for one
    that is not a JSON pointer ("other.json#/a", or an anchor such as "#slug")."""
    if not ref.startswith("#") or ref[1:2] not in ("", "/"):
        raise ValueError(f"not a reference inside the document: {ref!r}")
    node = document
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            if not part.isdigit():
                raise LookupError(ref)
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node[part]
        else:
            raise LookupError(ref)
    return node


def canonical(value: Any) -> Any:
    """A hashable form in which two values are equal exactly when JSON Schema calls them equal:
    true is not 1 and false is not 0 (Python says they are), while 1 is 1.0; lists and mappings
    compare item by item under the same rule."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, (int, float)):
        return ("number", value)  # Python compares whole numbers and floats exactly, as JSON does
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(canonical(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, canonical(item)) for key, item in value.items()))
    if value is None:
        return ("null",)
    try:  # anything else (a date the loader kept as text): equal as Python says, as jsonschema does
        hash(value)
    except TypeError:
        return ("unhashable", id(value))
    return ("other", value)


def first_repeat(items: Iterable[Any]) -> int | None:
    """The index of the first item equal (as JSON Schema compares) to one before it, or None."""
    seen: set[Any] = set()
    for index, item in enumerate(items):
        key = canonical(item)
        if key in seen:
            return index
        seen.add(key)
    return None
