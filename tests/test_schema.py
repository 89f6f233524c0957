"""The schema follows its own conventions: the editors' hover docs and the one-contract rules."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "entry.schema.json").read_text(encoding="utf-8"))


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, path + (index,))


def test_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_every_property_has_a_title_and_a_description():
    for path, node in _walk(SCHEMA):
        if "if" in path:  # a condition's properties are not the entry's properties
            continue
        for name, prop in node.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), "/".join(map(str, path + (name,)))


def test_every_object_forbids_unknown_keys():
    for path, node in _walk(SCHEMA):
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, "/".join(map(str, path))


def test_vocabularies_are_defined_once_and_referenced():
    inline = [path for path, node in _walk(SCHEMA)
              if ("enum" in node or "oneOf" in node) and path[:1] != ("$defs",)]
    assert inline == []
    text = json.dumps(SCHEMA)
    for name in SCHEMA["$defs"]:
        assert f'"#/$defs/{name}"' in text, f"$defs/{name} is never used"


def test_required_vocabularies_hold_the_values_the_content_model_names():
    defs = SCHEMA["$defs"]
    consts = {name: [b["const"] for b in node.get("oneOf", [])] for name, node in defs.items()}
    assert consts["confidence"] == ["clinical", "community"]
    assert consts["doseStatus"] == ["proposed", "reviewed"]
    assert set(consts["funding"]) == {"independent", "sponsored", "mixed", "not-stated"}
    assert {"review", "human-rct", "human-study", "meta-analysis", "animal", "in-vitro", "case-report",
            "community"} <= set(consts["sourceType"])
    titles = {b["const"]: b["title"] for b in defs["doseStatus"]["oneOf"]}
    assert titles["proposed"] == "proposed — pending dosing review"
