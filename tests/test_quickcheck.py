"""The quick validity check agrees with jsonschema, and gives way to it for keywords it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefiles import SCHEMA, all_case_files, load_cases
from peptide_lint.loader import load_bytes
from peptide_lint.quickcheck import compile_schema

DOCUMENTS = []
for _path in all_case_files():
    for _case in load_cases(_path):
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
