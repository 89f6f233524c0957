"""Validate an entry against the schema and say what each error is, in facts an editor's message needs.

jsonschema reports errors by keyword and path; this stage turns each into a `Problem` of one schema
rule: where it is (the offending value, or for a missing key the section that lacks it) and its
facts, among them the part of the page named in an editor's words ("source "doe-2001"") and the
value as written. It imports no rule: each rule's module words its problems (`describe`).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, NamedTuple, TYPE_CHECKING

from .json_values import first_repeat
from .document import Document, Timestamp
from .problems import Problem
from .rules.base import SchemaOverlap
from .schema import EntrySchema
from .wording import closest, field, only_close_match, thing

if TYPE_CHECKING:  # jsonschema itself is imported only once an entry fails the quick check
    from jsonschema.exceptions import ValidationError

# The rules whose problems this stage finds, by name.
MISSING_FIELD, UNKNOWN_FIELD, WRONG_TYPE = "missing-field", "unknown-field", "wrong-type"
NOT_IN_VOCABULARY, INVALID_FORMAT, EMPTY_VALUE = "not-in-vocabulary", "invalid-format", "empty-value"
DUPLICATE_ITEM, SCHEMA_VIOLATION = "duplicate-item", "schema-violation"
RULES = (SCHEMA_VIOLATION, MISSING_FIELD, UNKNOWN_FIELD, WRONG_TYPE, NOT_IN_VOCABULARY, INVALID_FORMAT,
         EMPTY_VALUE, DUPLICATE_ITEM)


class _Error(NamedTuple):
    """One problem, with what a rule's declared overlap is matched against."""

    problem: Problem
    path: tuple
    keyword: str
    property: str | None = None  # the missing key of `required`, the meant key of an unknown one


def schema_problems(document: Document, schema: EntrySchema,
                    overlaps: Iterable[SchemaOverlap] = ()) -> list[Problem]:
    if schema.is_valid is not None and schema.is_valid(document.data):
        return []
    overlaps = list(overlaps)
    errors = [found for error in schema.validator.iter_errors(document.data)
              for found in _explain(error, document, schema)
              if not any(o.matches(found.path, found.keyword, found.property) for o in overlaps)]
    # A misspelled key is one mistake: report the unknown key with its suggestion, not also the
    # missing key it was meant to be.
    misspelled = {(e.path[:-1], e.property) for e in errors if e.problem.rule == UNKNOWN_FIELD and e.property}
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for error in errors:
        problem = error.problem
        if problem.rule == MISSING_FIELD and (error.path, error.property) in misspelled:
            continue
        key = (problem.span, problem.rule, repr(problem.facts))  # the same facts read the same
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    return problems


def _explain(error: ValidationError, doc: Document, schema: EntrySchema) -> Iterator[_Error]:
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
                yield _Error(Problem(MISSING_FIELD, doc.owner_span(path), {
                    "where": thing(schema, doc.data, path), "key": prop, "title": prop_node.get("title"),
                    "allowed": schema.allowed_values(prop_node), "description": prop_node.get("description"),
                }), path, keyword, prop)
        return

    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = schema.property_names(node)
        for key in instance:
            if key in known:
                continue
            meant = closest(key, known)
            only = only_close_match(key, known)
            yield _Error(Problem(UNKNOWN_FIELD, doc.key_span(path + (key,)), {
                "key": key, "where": thing(schema, doc.data, path), "meant": meant, "known": known,
                # for the fix: the one known key it is close to, if that is not used already, and the key as written
                "rename_to": only if only not in instance else None, "written": doc.as_written(path + (key,), key=True),
            }), path + (key,), keyword, meant)
        return

    span = doc.span(path)
    if keyword in ("oneOf", "anyOf", "enum", "const"):
        # The values of the part of the schema that failed, not of the key's own schema: a condition
        # (if/then) may allow fewer values than the key's vocabulary.
        allowed = schema.allowed_values(error.schema)
        if allowed is not None:
            # The titles come from the key's own vocabulary: a condition's `const` has none.
            titles = {value: branch["title"] for value, branch in schema.choices(node).items() if branch.get("title")}
            yield _Error(Problem(NOT_IN_VOCABULARY, span, {
                "name": name, "value": instance, "allowed": allowed, "description": description,
                "titles": {value: titles[value] for value in allowed if value in titles},
            }), path, keyword)
            return
        if error.context:
            from jsonschema.exceptions import best_match

            yield from _explain(best_match(error.context), doc, schema)
            return

    if keyword == "type":
        expected = error.validator_value
        yield _Error(Problem(WRONG_TYPE, span, {
            "name": name, "value": instance, "kind": _kind(instance),
            "expected": [expected] if isinstance(expected, str) else list(expected),
            "key": path[-1] if path and isinstance(path[-1], str) else None,
            "written": doc.written(path), "description": description, "as_written": doc.as_written(path),
        }), path, keyword)
        return
    if keyword == "pattern":
        # The node that holds the pattern (a $ref's target) says the form in words, as x-form.
        form = error.schema.get("x-form") if isinstance(error.schema, dict) else None
        yield _Error(Problem(INVALID_FORMAT, span, {"name": name, "value": instance, "description": description,
                                                    "form": form, "pattern": error.validator_value,
                                                    "key": path[-1] if path and isinstance(path[-1], str) else None}),
                     path, keyword)
        return
    if keyword in ("minLength", "minItems"):
        yield _Error(Problem(EMPTY_VALUE, span, {
            "name": name, "kind": "text" if keyword == "minLength" else "list", "at_least": error.validator_value,
            "description": description,
        }), path, keyword)
        return
    if keyword == "uniqueItems" and isinstance(instance, list) and (repeated := first_repeat(instance)) is not None:
        yield _Error(Problem(DUPLICATE_ITEM, doc.span(path + (repeated,)), {"name": name, "item": instance[repeated]}),
                     path, keyword)
        return
    # Anything else. The part of the schema that failed may say why it exists: that comes first.
    failed = error.schema if isinstance(error.schema, dict) else {}
    yield _Error(Problem(SCHEMA_VIOLATION, span, {
        "name": name, "value": instance, "keyword": keyword, "limit": error.validator_value,
        "description": failed.get("description") or description, "explanation": error.message,
    }), path, keyword)


def _kind(value: Any) -> str:
    """What YAML read a value as: a JSON type, or "date" for a date or time kept as text."""
    if isinstance(value, Timestamp):
        return "date"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else "string"
