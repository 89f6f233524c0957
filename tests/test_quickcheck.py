"""The quick validity check agrees with jsonschema, and gives way to it for keywords it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from casefiles import SCHEMA, readable_cases
from peptide_lint.loader import load_bytes
from peptide_lint.quickcheck import compile_schema
from peptide_lint.schema import EntrySchema

DOCUMENTS = []
for _case in readable_cases()[0]:  # (test_rule_cases reports a case file that cannot be read)
    _loaded = load_bytes(_case.content, Path(_case.file), _case.file)
    if _loaded.document is not None:
        DOCUMENTS.append((_case.id, _loaded.document.data))


@pytest.mark.parametrize("data", [d for _, d in DOCUMENTS], ids=[i for i, _ in DOCUMENTS])
def test_agrees_with_jsonschema_on_every_case(data):
    assert SCHEMA.is_valid(data) == SCHEMA.validator.is_valid(data)


def test_some_cases_are_invalid_and_some_valid():
    verdicts = {SCHEMA.is_valid(data) for _, data in DOCUMENTS}
    assert verdicts == {True, False}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["slug", "name", "year", "sources", "dosing", "related", "area"]),
                       json_values, max_size=6))
def test_agrees_with_jsonschema_on_arbitrary_data(data):
    assert SCHEMA.is_valid(data) == SCHEMA.validator.is_valid(data)


@pytest.mark.parametrize("schema", [
    {"type": "object", "patternProperties": {"^a": {"type": "string"}}},
    {"type": "string", "format": "email"},
    {"$ref": "https://example.invalid/x.json"},
    {"type": "strnig"},
    {"required": "name"},
])
def test_unknown_or_malformed_keywords_fall_back_to_jsonschema(schema):
    assert compile_schema(schema) is None


@pytest.mark.parametrize("schema, good, bad", [
    ({"type": "integer"}, 2.0, True),
    ({"enum": [1, "a"]}, 1.0, True),
    ({"uniqueItems": True}, [1, True], [1, 1.0]),
    ({"if": {"const": 1}, "then": {"type": "integer"}, "else": {"type": "string"}}, "x", 2),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1.5, 1),
])
def test_json_schema_semantics(schema, good, bad):
    check = compile_schema(schema)
    assert check(good) and not check(bad)


# JSON Schema compares values by their JSON type: true is not 1 and false is not 0, though Python
# says they are, while 1 is 1.0. The quick check and jsonschema give the same verdict on each.
@pytest.mark.parametrize("schema, value, valid", [
    ({"enum": [1, "a"]}, True, False),
    ({"enum": [True]}, 1, False),
    ({"const": 1}, True, False),
    ({"const": 0}, False, False),
    ({"const": False}, 0, False),
    ({"const": 1}, 1.0, True),
    ({"const": [1, {"a": 0}]}, [True, {"a": False}], False),
    ({"oneOf": [{"const": 1}, {"const": "a"}]}, True, False),
    ({"uniqueItems": True}, [1, True], True),
    ({"uniqueItems": True}, [0, False, None], True),
    ({"uniqueItems": True}, [{"a": 1}, {"a": True}], True),
    ({"uniqueItems": True}, [1, True, 1], False),
    ({"uniqueItems": True}, [1, 1.0], False),
])
def test_true_is_not_one_for_either_check(schema, value, valid):
    assert compile_schema(schema)(value) is valid
    assert Draft202012Validator(schema).is_valid(value) is valid


scalars = st.sampled_from([0, 1, 0.0, 1.0, 2, True, False, None, "1", "true"])


@settings(max_examples=300, deadline=None)
@given(st.lists(scalars, max_size=5), scalars)
def test_both_checks_compare_true_false_and_numbers_alike(values, value):
    for schema, instance in [({"uniqueItems": True}, values), ({"enum": values}, value),
                             ({"const": values[0] if values else None}, value)]:
        assert compile_schema(schema)(instance) == Draft202012Validator(schema).is_valid(instance), schema


# One reading of references for the schema and its quick check: into lists by index, with "~1" for
# "/" and "~0" for "~" in names, as jsonschema reads them.
def test_references_into_lists_and_escaped_names_are_followed_as_jsonschema_follows_them():
    schema = {"$defs": {"a/b~": {"oneOf": [{"const": 1}, {"type": "string"}]}},
              "properties": {"x": {"$ref": "#/$defs/a~1b~0/oneOf/1"}}}
    check = compile_schema(schema)
    for value in ({"x": "text"}, {"x": 1}):
        assert check(value) == Draft202012Validator(schema).is_valid(value)
    assert EntrySchema(schema, Path("schema.json")).at(("x",)) == {"type": "string"}


@pytest.mark.parametrize("ref", ["#/$defs/missing", "#/$defs/a/oneOf/2", "#anchor"])
def test_a_reference_to_nothing_is_left_to_jsonschema(ref):
    assert compile_schema({"$defs": {"a": {"oneOf": [{"const": 1}]}}, "$ref": ref}) is None
