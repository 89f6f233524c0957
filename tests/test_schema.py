"""The schema follows its own conventions: the editors' hover docs and the one-contract rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from peptide_lint.schema import EntrySchema, SchemaConfigError

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


def test_every_value_of_every_vocabulary_says_what_it_means():
    """`peptide-lint new` and the hover help explain each value by its description: a vocabulary
    is a oneOf of consts (an enum has no place for one), and every const has a description."""
    vocabularies = {name: node for name, node in SCHEMA["$defs"].items() if "enum" in node or "oneOf" in node}
    assert {"area", "evidenceLevel", "confidence", "doseStatus", "riskEvidence", "sourceType",
            "funding"} <= set(vocabularies)
    undescribed = [(name, branch.get("const")) for name, node in vocabularies.items()
                   for branch in node.get("oneOf", [{"const": value} for value in node.get("enum", [])])
                   if not branch.get("description", "").strip()]
    assert undescribed == []


def test_every_pattern_says_its_form_in_an_editors_words():
    """invalid-format tells the editor the form a pattern requires from its x-form, which ends with
    an example of that form."""
    patterns = [(path, node) for path, node in _walk(SCHEMA) if "pattern" in node]
    assert patterns
    for path, node in patterns:
        example = re.search(r", like (\S+)$", node.get("x-form", ""))
        assert example and re.fullmatch(node["pattern"], example[1]), path


def test_required_vocabularies_hold_the_values_the_content_model_names():
    defs = SCHEMA["$defs"]
    consts = {name: [b["const"] for b in node.get("oneOf", [])] for name, node in defs.items()}
    assert consts["confidence"] == ["clinical", "community", "preclinical", "none-established"]
    assert consts["doseStatus"] == ["proposed", "reviewed"]
    assert set(consts["funding"]) == {"independent", "sponsored", "mixed", "not-stated"}
    assert {"review", "human-rct", "human-study", "meta-analysis", "animal", "in-vitro", "case-report",
            "community"} <= set(consts["sourceType"])
    titles = {b["const"]: b["title"] for b in defs["doseStatus"]["oneOf"]}
    assert titles["proposed"] == "proposed — pending dosing review"


def _instance_places(schema, node, path=()):
    """(instance path, resolved subschema) for every value an entry can hold, "*" for list items."""
    node = schema.resolve(node)
    yield path, node
    for key, prop in node.get("properties", {}).items():
        yield from _instance_places(schema, prop, path + (key,))
    if isinstance(node.get("items"), dict):
        yield from _instance_places(schema, node["items"], path + ("*",))


def _takes_text(schema, node) -> bool:
    kinds = node.get("type")
    if kinds is None and not {"properties", "items"} & node.keys():
        values = schema.allowed_values(node)
        return values is None or any(isinstance(value, str) for value in values)
    return kinds == "string" or isinstance(kinds, list) and "string" in kinds


def test_every_text_the_schema_allows_has_a_class_of_text():
    """So that a text field added later cannot escape the rules that judge what text says: each one
    is prose, shown (a reader sees it) or data, by its own x-text or its definition's."""
    from peptide_lint.schema import TEXT_CLASSES, EntrySchema

    schema = EntrySchema(SCHEMA, ROOT / "schema" / "entry.schema.json")
    places = [(path, node) for path, node in _instance_places(schema, SCHEMA) if _takes_text(schema, node)]
    assert len(places) > 30  # every text of the page: the walk reached them
    unclassed = ["/".join(path) for path, node in places if node.get("x-text") not in TEXT_CLASSES]
    assert unclassed == []


def test_the_classes_of_text_are_those_of_the_page():
    from peptide_lint.schema import EntrySchema

    schema = EntrySchema(SCHEMA, ROOT / "schema" / "entry.schema.json")
    by_class: dict[str, set[str]] = {}
    for path, node in _instance_places(schema, SCHEMA):
        if "x-text" in node:
            by_class.setdefault(node["x-text"], set()).add("/".join(path))
    assert {"story/steps/*/headline", "story/caption", "story/figure_labels/*", "story/steps/*/label",
            "story/result/headline", "dosing/rows/*/label", "dosing/rows/*/value",
            "safety/serious_risks/*/risk", "name", "full_name", "class", "standard_dose"} <= by_class["shown"]
    assert {"lede", "caveat", "story/steps/*/body", "safety/summary", "evidence_summary"} <= by_class["prose"]
    assert {"slug", "area", "sources/*/id", "sources/*/title", "sources/*/authors", "sources/*/url",
            "sources/*/pmid", "dosing/rows/*/confidence", "related/*"} <= by_class["data"]


def test_text_under_a_key_the_schema_does_not_know_is_read_as_what_it_was_meant_to_be():
    from peptide_lint.schema import EntrySchema

    schema = EntrySchema(SCHEMA, ROOT / "schema" / "entry.schema.json")
    assert schema.text_class(("mechansim",)) == "prose"
    assert schema.text_class(("story", "steps", 0, "headlin")) == "shown"
    assert schema.text_class(("sources", 1, "tittle")) == "data"
    assert schema.text_class(("caveat", 0)) == "prose"  # a caveat written as a list is still the caveat
    assert schema.text_class(("notes_for_the_editor",)) == "shown"  # no close key: judged, not skipped
    assert schema.text_class(("year",)) == "shown"


@pytest.mark.parametrize("ref", ["#/$defs/nope", "#/properties/slug/oneOf/3", "#slug"])
def test_a_reference_to_no_part_of_the_schema_is_a_configuration_problem(tmp_path, ref):
    broken = {**SCHEMA, "properties": {**SCHEMA["properties"], "name": {"$ref": ref, "title": "t", "description": "d"}}}
    (tmp_path / "entry.schema.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(SchemaConfigError, match="names no part of it"):
        EntrySchema.load(tmp_path / "entry.schema.json")
