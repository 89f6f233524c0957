"""A new entry's first draft, generated from the schema: what `peptide-lint new "Display Name"` writes.

Nothing here knows what an entry holds. The schema does: the template has every key the schema
requires (and those its `if`/`then` rules require of the draft as it stands), in the order of its
`properties`, which is the order of the page, each under a comment made of its title and
description (and, for a vocabulary, the values to choose from). Where the editor has not given a
value, the template holds the placeholder `TODO`, which placeholder-text (PL503) reports until it is
replaced. Change the schema and the next new entry follows it.

A placeholder is not a value, so a few other rules report it too, each saying what the finished
value needs; a test (tests/test_new.py) holds the list to these:
- a text's placeholder: placeholder-text (PL503); for the safety caveat and the safety summary,
  safety-caveat-required (PL401) instead, as that rule reports every placeholder there;
  prose-too-short (PL504), standard-dose-without-amount (PL307) and full-name-mismatch (PL510)
  where the finished text must be long enough, give an amount, or contain the name;
- a placeholder where the schema wants a value of a vocabulary, a form or a type:
  not-in-vocabulary (PL104; dose-row-confidence, PL301, for a dose row's label), invalid-format
  (PL105, ids), wrong-type (PL103, the year);
- the placeholder source: source-without-identifier (PL602), as no identifier is required by the
  schema, only by that rule (one of PMID, DOI, NCT id or URL); and with an evidence badge given,
  evidence-badge-unsupported (PL207) on the badge, as the source has no type yet.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
import unicodedata
from pathlib import Path
from typing import Any

from .discover import display_path
from .docs import conditional_requirements
from .schema import PROSE, EntrySchema
from .wording import with_title

PLACEHOLDER = "TODO"
_COMMENT_WIDTH = 100
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# A value that YAML reads as the text it shows, written without quotes: it starts with a letter and
# holds no character YAML gives a meaning to (":", "#", quotes, brackets, ...).
_PLAIN = re.compile(r"[^\W\d_][\w .,()'’/+&-]*", re.UNICODE)
_NOT_PLAIN_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


_GREEK_NAMES = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma "
                "tau upsilon phi chi psi omega").split()
_GREEK = {**dict(zip("αβγδεζηθικλμνξοπρστυφχψω", _GREEK_NAMES)),
          **dict(zip("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", _GREEK_NAMES)), "ς": "sigma"}
# A Greek letter on its own names a variant (α-MSH, thymosin β4, ω-conotoxin) and is spelled out; a
# run of them is a Greek word, which no letter-by-letter spelling gives a slug for.
_LONE_GREEK_LETTER = re.compile(f"(?<![{''.join(_GREEK)}])[{''.join(_GREEK)}](?![{''.join(_GREEK)}])")


def slug_for(name: str) -> str:
    """The slug a display name gives: lower-case letters and digits, words joined by hyphens,
    accents dropped, a Greek letter on its own spelled out ("Thymosin Beta 4" -> "thymosin-beta-4",
    "BPC-157" -> "bpc-157", "Thymosin α1" -> "thymosin-alpha-1"); other letters outside the Latin
    alphabet are dropped (`letters_the_slug_loses` names them), so it is empty when the name has
    none of its letters or digits."""
    spelled = _LONE_GREEK_LETTER.sub(lambda letter: f"-{_GREEK[letter.group()]}-", _without_accents(name))
    ascii_name = spelled.encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")


def letters_the_slug_loses(name: str) -> str:
    """The letters and digits of `name` that `slug_for` drops: outside the Latin alphabet, and not a
    Greek letter it spells out ("Ωμέγα-3" -> "Ωμέγα")."""
    return "".join(char for char in _LONE_GREEK_LETTER.sub("", _without_accents(name))
                   if char.isalnum() and not char.isascii())


def _without_accents(text: str) -> str:
    """`text` in compatibility form (µ is μ, ² is 2) without its combining marks (é is e, ά is α)."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def entry_template(schema: EntrySchema, given: dict[str, str], modeline: str | None) -> str:
    """The YAML text of a new entry: `given` top-level values (slug, name, area, ...) as given and
    a placeholder for every other required value; `modeline` as the first line."""
    data = _draft(schema, schema.raw, given)
    lines = [modeline] if modeline else []
    _object_lines(schema, schema.resolve(schema.raw), data, 0, lines, top=True)
    return "\n".join(lines) + "\n"


def _draft(schema: EntrySchema, node: dict[str, Any], given: dict[str, str]) -> dict[str, Any]:
    """The draft's data for an object of the schema: its required keys and the `given` ones, then
    the keys its `if`/`then` rules require of that draft, in property order."""
    node = schema.resolve(node)
    properties = node.get("properties", {})
    draft = {key: given[key] if key in given else _value(schema, properties.get(key, {}))
             for key in [*node.get("required", []), *given]}
    for rule in node.get("allOf", []):
        if isinstance(rule, dict) and "if" in rule and schema.satisfies(rule["if"], draft):
            for key in rule.get("then", {}).get("required", []):
                draft.setdefault(key, _value(schema, properties.get(key, {})))
    order = list(properties)
    return dict(sorted(draft.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))


def _value(schema: EntrySchema, node: dict[str, Any]) -> Any:
    node = schema.resolve(node)
    if node.get("type") == "object":
        return _draft(schema, node, {})
    if node.get("type") == "array":
        items = node.get("items")
        # One item, placeholder and all: an empty list can mean something (no serious risk known),
        # which a draft must not say for the editor.
        return [_value(schema, items)] if isinstance(items, dict) else []
    return PLACEHOLDER


def _object_lines(schema: EntrySchema, node: dict[str, Any], data: dict[str, Any], indent: int,
                  lines: list[str], top: bool = False, first_prefix: str | None = None) -> None:
    """The lines of an object's keys, each under its comment. `first_prefix` replaces the first
    key's indentation ("- " for a list item)."""
    properties = node.get("properties", {})
    conditional = conditional_requirements(node)
    optional = [key for key in properties if key not in data]
    for position, (key, value) in enumerate(data.items()):
        if top and position:
            lines.append("")
            lines += _optional_sections(schema, properties, optional, before=key)
        prop = properties.get(key, {})
        resolved = schema.resolve(prop)
        item_start = position == 0 and first_prefix is not None
        prefix = first_prefix if item_start else " " * indent
        # The first key of a list item is commented above its "- ", at the dash's indentation.
        lines += _comment(schema, prop, key, conditional.get(key), " " * (indent - 2 if item_start else indent))
        lines += _key_lines(schema, resolved, key, value, indent, prefix)
    if top and optional:
        lines += ["", *_optional_sections(schema, properties, optional, before=None)[:-1]]


def _key_lines(schema: EntrySchema, node: dict[str, Any], key: str, value: Any, indent: int,
               prefix: str) -> list[str]:
    if isinstance(value, dict):
        lines = [f"{prefix}{key}:"]
        _object_lines(schema, node, value, indent + 2, lines)
        return lines
    if isinstance(value, list):
        items = schema.resolve(node.get("items", {}))
        if all(isinstance(item, dict) for item in value) and value:
            lines = [f"{prefix}{key}:"]
            for item in value:
                lines += _comment(schema, node.get("items", {}), None, None, " " * (indent + 2))
                _object_lines(schema, items, item, indent + 4, lines, first_prefix=" " * (indent + 2) + "- ")
            return lines
        return [f"{prefix}{key}: [{', '.join(_scalar(item) for item in value)}]"]
    if value == PLACEHOLDER and node.get("x-text") == PROSE:
        return [f"{prefix}{key}: >-", f"{' ' * (indent + 2)}{PLACEHOLDER}"]  # long text goes in a folded block
    return [f"{prefix}{key}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    """A value as YAML reads it back: plain when it can be, else in double quotes (JSON's, which
    YAML reads the same way)."""
    text = str(value)
    if text == PLACEHOLDER or (_PLAIN.fullmatch(text) and text.lower() not in _NOT_PLAIN_WORDS
                               and not text.endswith((" ", "-"))):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(schema: EntrySchema, prop: dict[str, Any], key: str | None, condition: str | None,
             indent: str) -> list[str]:
    """A key's comment: its title and description, when it is required if not always, and the
    values of its vocabulary, each with what it means."""
    resolved = schema.resolve(prop)
    title = prop.get("title") or resolved.get("title") or key or "item"
    description = prop.get("description") or resolved.get("description") or ""
    head = f"{title} ({condition.replace('`', '')})" if condition else title
    lines = _wrap(f"{head}: {description}" if description else head, indent)
    choices = schema.choices(resolved)
    if choices:
        lines.append(f"{indent}# One of:")
        for value, branch in choices.items():
            # The value, its title where that says more (the page's "Metabolic & weight" for
            # metabolic), and what it means.
            shown, meaning = with_title(value, branch.get("title")), branch.get("description") or ""
            lines += _wrap(f"{shown}: {_sentence(meaning)}" if meaning else shown, indent, "  ")
    return lines


def _optional_sections(schema: EntrySchema, properties: dict[str, Any], optional: list[str],
                       before: str | None) -> list[str]:
    """One comment line for each optional top-level section that the page shows before `before`
    (None: at the end), where it would go: a draft has no empty sections, but the editor learns
    that they exist."""
    order = list(properties)
    here = [key for key in optional if before is None or order.index(key) < order.index(before)]
    for key in here:
        optional.remove(key)
    lines = []
    for key in here:
        prop = properties[key]
        title = prop.get("title") or schema.resolve(prop).get("title") or key
        lines += [f"# Optional, here if the page has it: {key} ({title}).", ""]
    return lines


def _wrap(text: str, indent: str, hang: str = "") -> list[str]:
    return textwrap.wrap(text, _COMMENT_WIDTH, initial_indent=f"{indent}# {hang}",
                         subsequent_indent=f"{indent}# {hang}{'  ' if hang else ''}",
                         break_long_words=False, break_on_hyphens=False)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


class BadRequest(ValueError):
    """What the editor asked for cannot be an entry: a name without a slug, a value outside a
    vocabulary. The message says what to give instead."""


class Refused(Exception):
    """The entry would take the place of another: its file exists, or another entry uses its slug
    or name. The message names the other."""


def new_entry_text(project, name: str, *, slug: str | None = None,
                   values: dict[str, str] | None = None) -> tuple[Path, str]:
    """Where the new entry called `name` goes and its text, from `project`'s schema. `values`:
    top-level values the editor chose (area, evidence, class). BadRequest for a name or a value that
    cannot be used, Refused when the entry would replace or repeat another (checked with the
    repo's own rule, duplicate-slug-or-name, against every entry of the repo)."""
    schema: EntrySchema = project.setup.schema
    name = " ".join(name.split())
    if not name:
        raise BadRequest("the display name is empty; write it in quotes: peptide-lint new \"Thymosin Beta 4\"")
    pattern = (schema.at(("slug",)) or {}).get("pattern")
    chosen = slug if slug is not None else slug_for(name)
    # The slug is the entry's permanent id and web address: a name it cannot spell is not guessed at.
    lost = letters_the_slug_loses(name) if slug is None else ""
    if lost and chosen:
        raise BadRequest(f"the slug of the name {name!r} would lose its letters {lost} (it would be "
                         f"{chosen!r}); choose the slug with --slug: lower-case letters a-z and digits, words "
                         "joined by hyphens")
    if not chosen or (pattern and not re.search(pattern, chosen)):
        if slug is not None:
            raise BadRequest(f"--slug {slug!r} is not a slug: lower-case letters and digits, words joined "
                             "by hyphens (e.g. bpc-157)")
        raise BadRequest(f"the name {name!r} gives no slug (lower-case letters and digits, words joined by "
                         "hyphens); choose one with --slug, e.g. --slug bpc-157")
    for key, value in (values or {}).items():
        allowed = schema.choices(schema.at((key,)))
        if allowed and value not in allowed:
            raise BadRequest(f"--{key} {value!r} is not one of the schema's values: {', '.join(map(str, allowed))}")
    entries = project.entries
    target = entries / f"{chosen}.yaml"
    for existing in (target, target.with_suffix(".yml")):
        if os.path.lexists(existing):
            raise Refused(f"{display_path(existing, project.setup.cwd)} already exists; edit it, or choose "
                          "another slug with --slug")
    modeline = "# yaml-language-server: $schema=" + Path(os.path.relpath(schema.path, entries)).as_posix()
    text = entry_template(schema, {"slug": chosen, "name": name, **(values or {})}, modeline)
    taken = [finding.message for finding in project.check_text(text, target)
             if finding.name == "duplicate-slug-or-name"]
    if taken:
        raise Refused("; ".join(taken) + ": a new entry needs a slug and a name of its own (--slug "
                      "chooses the slug; to change that entry, edit it)")
    return target, text
