"""Every rule, in code order. Adding a rule: write its module in rules/ and list it here."""

from __future__ import annotations

from .rules import (
    anchors_and_aliases,
    claim_without_citation,
    clinical_dose_without_source,
    control_character,
    custom_tag,
    dose_row_confidence,
    duplicate_item,
    duplicate_key,
    duplicate_source_id,
    empty_file,
    empty_value,
    file_too_large,
    internal_error,
    invalid_format,
    missing_field,
    multiple_documents,
    nesting_too_deep,
    not_in_vocabulary,
    not_utf8,
    root_not_mapping,
    safety_caveat_required,
    schema_violation,
    serious_risk_without_source,
    slug_matches_filename,
    tab_indentation,
    unknown_citation,
    unknown_field,
    unreadable_file,
    wrong_type,
    yaml_syntax,
)
from .rules.base import Rule

_MODULES = (
    unreadable_file, not_utf8, control_character, tab_indentation, yaml_syntax, duplicate_key,
    empty_file, multiple_documents, root_not_mapping, anchors_and_aliases, custom_tag,
    file_too_large, nesting_too_deep,
    schema_violation, missing_field, unknown_field, wrong_type, not_in_vocabulary, invalid_format,
    empty_value, duplicate_item,
    claim_without_citation, unknown_citation, serious_risk_without_source,
    clinical_dose_without_source, dose_row_confidence, safety_caveat_required,
    slug_matches_filename, duplicate_source_id,
    internal_error,
)

RULES: tuple[Rule, ...] = tuple(sorted((m.RULE for m in _MODULES), key=lambda r: r.code))
_LOOKUP = {key: rule for rule in RULES for key in (rule.code, rule.code.lower(), rule.name)}


def lookup(code_or_name: str) -> Rule | None:
    return _LOOKUP.get(code_or_name.strip()) or _LOOKUP.get(code_or_name.strip().lower())
