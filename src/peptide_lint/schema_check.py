"""Validate an entry against the schema and turn each error into a finding an editor can act on.

jsonschema's own messages ("'x' is not of type 'integer'") are written for programmers; here each
kind of error gets a sentence that names the part of the page, says what is wrong and how to fix it.
The place is the offending value, or for a missing key the section that lacks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .findings import Finding, Span
from .loader import Document, Timestamp
from .rules import (
    duplicate_item,
    empty_value,
    invalid_format,
    missing_field,
    not_in_vocabulary,
    schema_violation,
    unknown_field,
    wrong_type,
)
from .rules.base import SchemaOverlap
from .schema import EntrySchema
from .wording import closest, field, one_of, show, thing

if TYPE_CHECKING:  # jsonschema itself is imported only once an entry fails the quick check
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a group of keys", "null": "empty",
}


@dataclass(frozen=True)
class _Problem:
    rule: Any  # a rule module
    path: tuple
    keyword: str
    span: Span
    message: str
    hint: str | None
    property: str | None = None


def schema_findings(document: Document, schema: EntrySchema,
                    overlaps: Iterable[SchemaOverlap] = ()) -> list[Finding]:
    if schema.is_valid is not None and schema.is_valid(document.data):
        return []
    overlaps = list(overlaps)
    problems = [problem for error in schema.validator.iter_errors(document.data)
                for problem in _explain(error, document, schema)
                if not any(o.matches(problem.path, problem.keyword, problem.property) for o in overlaps)]
    # A misspelled key is one mistake: report the unknown key with its suggestion, not also the
    # missing key it was meant to be.
    misspelled = {(p.path[:-1], p.property) for p in problems if p.rule is unknown_field and p.property}
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for problem in problems:
        if problem.rule is missing_field and (problem.path, problem.property) in misspelled:
            continue
        key = (problem.span, problem.rule.RULE.code, problem.message)
        if key not in seen:
            seen.add(key)
            findings.append(problem.rule.RULE.at(document, problem.span, problem.message, problem.hint))
    return findings


def _explain(error: ValidationError, doc: Document, schema: EntrySchema) -> Iterator[_Problem]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    node = schema.at(path) or {}
    description = node.get("description")
    instance = error.instance
    name = field(schema, doc.data, path)

    if keyword == "required":
        for prop in error.validator_value:
            if isinstance(instance, dict) and prop not in instance:
                prop_node = schema.at(path + (prop,)) or {}
                title = (prop_node.get("title") or prop).lower()
                allowed = schema.allowed_values(prop_node)
                fix = f"add {prop}: one of {one_of(allowed)}" if allowed else f'add the "{prop}:" key'
                yield _Problem(missing_field, path, keyword, doc.owner_span(path),
                               f"{thing(schema, doc.data, path)} has no {title}; {fix}",
                               prop_node.get("description"), prop)
        return

    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = schema.property_names(node)
        for key in instance:
            if key in known:
                continue
            suggestion = closest(key, known)
            where = thing(schema, doc.data, path)
            message = f'unknown key "{key}" in {where}'
            message += f'; did you mean "{suggestion}"?' if suggestion else ""
            yield _Problem(unknown_field, path + (key,), keyword, doc.key_span(path + (key,)), message,
                           f"keys allowed here: {', '.join(known)}", suggestion)
        return

    span = doc.span(path)
    if keyword in ("oneOf", "anyOf", "enum", "const"):
        allowed = schema.allowed_values(node)
        if allowed is None and keyword in ("enum", "const"):
            allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        if allowed is not None:
            message = f"{name} is {show(instance)}, which is not one of the allowed values: {one_of(allowed)}"
            if isinstance(instance, str):
                suggestion = closest(instance, [str(a) for a in allowed])
                message += f'; did you mean "{suggestion}"?' if suggestion else ""
            yield _Problem(not_in_vocabulary, path, keyword, span, message, description)
            return
        if error.context:
            from jsonschema.exceptions import best_match

            yield from _explain(best_match(error.context), doc, schema)
            return

    if keyword == "type":
        yield _Problem(wrong_type, path, keyword, span, *_wrong_type(name, instance, error.validator_value,
                                                                      path, description, doc.written(path)))
        return
    if keyword == "pattern":
        yield _Problem(invalid_format, path, keyword, span,
                       f"{name} is {show(instance)}, which is not in the required form", description)
        return
    if keyword in ("minLength", "minItems"):
        if keyword == "minItems" and error.validator_value > 1:
            message = f"{name} needs at least {error.validator_value} items"
        else:
            message = f"{name} is empty" if keyword == "minLength" else f"{name} is an empty list"
        yield _Problem(empty_value, path, keyword, span, message, description)
        return
    if keyword == "uniqueItems" and isinstance(instance, list):
        repeated = _first_repeat(instance)
        item_span = doc.span(path + (repeated,)) if repeated is not None else span
        yield _Problem(duplicate_item, path, keyword, item_span,
                       f"{name} lists {show(instance[repeated]) if repeated is not None else 'an item'} twice",
                       "remove the repeated item")
        return
    yield _Problem(schema_violation, path, keyword, span, f"{name}: {error.message}", description)


def _wrong_type(name: str, instance: Any, expected: Any, path: tuple, description: str | None,
                written: str | None = None) -> tuple[str, str | None]:
    expected_types = [expected] if isinstance(expected, str) else list(expected)
    wants_text = "string" in expected_types
    wants_number = "integer" in expected_types or "number" in expected_types
    key = path[-1] if path and isinstance(path[-1], str) else None

    def written_as(value: str) -> str:  # the line as it should read: "(year: 2020)", or "(2020)" in a list
        return f"({key}: {value})" if key else f"({value})"

    if wants_text and isinstance(instance, Timestamp):
        return (f"YAML reads {instance.text} as a date, but {name} must be text; quote this value",
                "write it in quotes " + written_as(f'"{instance.text}"'))
    if wants_text and isinstance(instance, (bool, int, float)):
        kind = "true/false" if isinstance(instance, bool) else "a number"
        as_written = written or show(instance)  # 1e3, not 1000.0
        return (f"YAML reads {as_written} as {kind}, but {name} must be text; quote this value",
                "write it in quotes " + written_as(f'"{as_written}"'))
    if wants_number and isinstance(instance, Timestamp):
        return (f"YAML reads {instance.text} as a date, but {name} must be a number",
                f"write only the year, without quotes {written_as(instance.text[:4])}")
    if wants_number and isinstance(instance, str) and instance.strip().isdigit():
        return (f"{name} is written as text; write {key or 'it'} as a number, without quotes",
                f"write it without quotes {written_as(instance.strip())}")
    if instance is None:
        return (f"{name} is empty; it must be {_TYPE_WORDS.get(expected_types[0], expected_types[0])}",
                description)
    wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in expected_types)
    got = _TYPE_WORDS[_json_type(instance)]
    hint = description
    if "array" in expected_types:
        if isinstance(instance, (str, int, float)):  # one item written without its list: quote it as one
            one = written or (instance if isinstance(instance, str) else show(instance))
            hint = f"write it as a list {written_as('[' + one + ']')}, or each item on its own line starting with '- '"
        else:
            hint = "write each item on its own line starting with '- ', or in brackets separated by commas"
    return f"{name} must be {wanted}, but it is {got}", hint


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else "string"


def _first_repeat(items: list[Any]) -> int | None:
    seen: list[Any] = []
    for index, item in enumerate(items):
        if item in seen:
            return index
        seen.append(item)
    return None
