"""Load the entry schema and answer questions about it: what is allowed at a path, what it is called.

The schema file is the single source of truth for the shape of an entry. Code that needs a
vocabulary, a key's title or the list of keys of a section asks this module instead of repeating it.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from typing import TYPE_CHECKING

from .patterns import regex
from .json_values import pointer
from .quickcheck import compile_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


# The classes of text (`x-text`), see EntrySchema.text_class.
PROSE, SHOWN, DATA = "prose", "shown", "data"
TEXT_CLASSES = (PROSE, SHOWN, DATA)
# The classes of this many paths are remembered as they are (a big repo's entries share most of
# their paths); beyond it, by their template, so that a pathological file cannot grow the memory.
_PATHS_REMEMBERED = 50_000


class SchemaConfigError(Exception):
    """The schema itself is unusable: a configuration problem, not a finding in an entry."""


class EntrySchema:
    def __init__(self, raw: dict[str, Any], path: Path) -> None:
        self.raw = raw
        self.path = path
        # A yes/no check compiled from the schema; None when the schema uses keywords it does not know.
        self.is_valid = compile_schema(raw)
        self._vocabularies: dict[str, dict[Any, dict[str, Any]]] = {}
        # What `at` and `backed_by` found, by the path with list indexes as "*": every entry asks
        # them for the same few dozen places.
        self._at_template: dict[tuple, dict[str, Any] | None] = {}
        self._backed_by_template: dict[tuple, tuple[int, list[tuple]] | None] = {}

    @classmethod
    def load(cls, path: Path) -> EntrySchema:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise SchemaConfigError(f"cannot read the schema {path}: {err.strerror or err}") from None
        except (ValueError, UnicodeDecodeError) as err:
            raise SchemaConfigError(f"the schema {path} is not valid JSON: {err}") from None
        if not isinstance(raw, dict):
            raise SchemaConfigError(f"the schema {path} is not a JSON object")
        for ref in _refs(raw):
            if not ref.startswith("#"):
                raise SchemaConfigError(
                    f"the schema {path} refers to {ref!r}; only references inside the schema file "
                    "itself (starting with '#') are allowed, so checking never reads other files "
                    "or the network")
            try:
                pointer(raw, ref)
            except (LookupError, ValueError):
                raise SchemaConfigError(
                    f"the schema {path} refers to {ref!r}, which names no part of it; a reference "
                    "gives the path of a part of the schema file, such as '#/$defs/slug'") from None
        schema = cls(raw, path)
        if schema.is_valid is None:  # beyond what quickcheck understands: let jsonschema judge it
            from jsonschema import Draft202012Validator
            from jsonschema.exceptions import SchemaError

            try:
                Draft202012Validator.check_schema(raw)
            except SchemaError as err:
                raise SchemaConfigError(f"the schema {path} is not a valid JSON Schema: {err.message}") from None
        return schema

    @cached_property
    def validator(self) -> Draft202012Validator:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.exceptions import NoSuchResource
        from referencing.jsonschema import DRAFT202012

        # References are inlined first: resolving them while validating costs most of the time
        # jsonschema spends on an entry, and every reference here is internal and not recursive.
        inlined = self._inline(self.raw, depth=0)
        # A schema that does not name its draft ("$schema") is read as the draft it is validated by.
        resource = Resource.from_contents(inlined, default_specification=DRAFT202012)

        def refuse(uri: str):  # every reference was checked to be internal; never go outside
            raise NoSuchResource(ref=uri)

        registry = Registry(retrieve=refuse).with_resource(self.raw.get("$id", ""), resource)
        return Draft202012Validator(inlined, registry=registry)

    def _inline(self, node: Any, depth: int) -> Any:
        if depth > 64:  # a recursive schema: leave the remaining references to the validator
            return node
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                node = self.resolve(node)
            return {key: self._inline(value, depth + 1) for key, value in node.items()}
        if isinstance(node, list):
            return [self._inline(item, depth + 1) for item in node]
        return node

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """Follow `$ref`s inside the schema file; the annotations next to a `$ref` win."""
        seen = 0
        merged = dict(node)
        while "$ref" in merged and seen < 32:
            target = pointer(self.raw, merged.pop("$ref"))
            merged = {**target, **merged}
            seen += 1
        return merged

    def at(self, path: tuple) -> dict[str, Any] | None:
        """The (resolved) subschema that describes the instance at `path`, or None if none does.
        The same dict for every path to the same place: read it, never change it."""
        template = tuple("*" if isinstance(part, int) else part for part in path)
        if template not in self._at_template:
            if len(self._at_template) >= _PATHS_REMEMBERED:
                return self._at(path)
            self._at_template[template] = self._at(path)
        return self._at_template[template]

    def _at(self, path: tuple) -> dict[str, Any] | None:
        node: dict[str, Any] | None = self.resolve(self.raw)
        for part in path:
            if node is None:
                return None
            if isinstance(part, int):
                items = node.get("items")
                node = self.resolve(items) if isinstance(items, dict) else None
            else:
                prop = node.get("properties", {}).get(part)
                node = self.resolve(prop) if isinstance(prop, dict) else None
        return node

    def allowed_values(self, node: dict[str, Any] | None) -> list[Any] | None:
        """The controlled vocabulary of a subschema (enum, const, or oneOf/anyOf of consts)."""
        if not node:
            return None
        if "enum" in node:
            return list(node["enum"])
        if "const" in node:
            return [node["const"]]
        for key in ("oneOf", "anyOf"):
            branches = [self.resolve(b) for b in node.get(key, [])]
            if branches and all("const" in b for b in branches):
                return [b["const"] for b in branches]
        return None

    def choices(self, node: dict[str, Any] | None) -> dict[Any, dict[str, Any]]:
        """The values of a subschema's vocabulary (see `allowed_values`), each with its branch of
        the schema: its title, description and annotations ({} for the values of an `enum`)."""
        allowed = self.allowed_values(node) or []
        branches = {branch.get("const"): branch for key in ("oneOf", "anyOf")
                    for branch in (self.resolve(b) for b in (node or {}).get(key, []))}
        return {value: branches.get(value, {}) for value in allowed}

    def satisfies(self, subschema: dict[str, Any], instance: Any) -> bool:
        """Whether `instance` is valid against `subschema`, a part of this schema (the `if` of a
        conditional requirement, say), its references read from this schema."""
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self._inline(subschema, depth=0)).is_valid(instance)

    def vocabulary(self, definition: str) -> dict[Any, dict[str, Any]]:
        """The branches of a vocabulary in $defs, by value, with their annotations (title, x-...)."""
        if definition not in self._vocabularies:
            node = self.raw.get("$defs", {}).get(definition, {})
            self._vocabularies[definition] = {branch["const"]: branch for branch in
                                              (self.resolve(b) for b in node.get("oneOf", [])) if "const" in branch}
        return self._vocabularies[definition]

    def is_human_source(self, source: dict[str, Any]) -> bool:
        """Whether a source is a study in humans: its type is one the schema marks `x-human`."""
        kind = source.get("type")
        return isinstance(kind, str) and bool(self.vocabulary("sourceType").get(kind, {}).get("x-human"))

    def source_about(self, source: dict[str, Any]) -> str | None:
        """Whom a source's findings are about, by its type's `x-about`: "people", "animals", "cells",
        "users" (what users report), or None for a type the schema says nothing of."""
        kind = source.get("type")
        about = self.vocabulary("sourceType").get(kind, {}).get("x-about") if isinstance(kind, str) else None
        return about if isinstance(about, str) else None

    def design_of(self, source: dict[str, Any]) -> str | None:
        """What kind of source it is, as the rules weigh it: its `type`, unless its title names a
        design the schema lists in `x-title-words` ("Anaphylaxis after X (case report)" is a case
        report whatever type it was given: a rule must not count it as a study of many people)."""
        title = source.get("title")
        if isinstance(title, str):
            for kind, words in self._title_words.items():
                if words.search(title):
                    return kind
        kind = source.get("type")
        return kind if isinstance(kind, str) else None

    @cached_property
    def _title_words(self) -> dict[str, re.Pattern[str]]:
        found = {}
        for kind, branch in self.vocabulary("sourceType").items():
            words = [w for w in branch.get("x-title-words") or [] if isinstance(w, str) and w.strip()]
            if words:
                found[kind] = regex(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                                         re.IGNORECASE)
        return found

    def type_funding(self, kind: Any) -> str | None:
        """The funding every source of this type has (`x-funding`: a product leaflet is the maker's
        own), or None when the type leaves it to the source."""
        return self.vocabulary("sourceType").get(kind, {}).get("x-funding") if isinstance(kind, str) else None

    def type_titles(self, kinds: list[str]) -> str:
        """Source types by their titles, as a sentence names them: "review, human RCT or human study"."""
        titles = [" ".join(word if word.isupper() else word.lower() for word in
                           self.vocabulary("sourceType").get(kind, {}).get("title", kind).split())
                  for kind in kinds]
        return ", ".join(titles[:-1]) + " or " + titles[-1] if len(titles) > 1 else "".join(titles)

    def templates(self, definition: str) -> list[tuple]:
        """The places in an entry whose schema refers to `definition`, with "*" for any list index:
        [("lede",), ("story", "steps", "*", "body"), ...]. Computed once per definition."""
        cache = self.__dict__.setdefault("_templates", {})
        if definition not in cache:
            found: list[tuple] = []

            def walk(node: Any, path: tuple) -> None:
                if not isinstance(node, dict) or len(path) > 32:
                    return
                if node.get("$ref") == definition:
                    found.append(path)
                node = self.resolve(node)
                for key, prop in node.get("properties", {}).items():
                    walk(prop, path + (key,))
                if isinstance(node.get("items"), dict):
                    walk(node["items"], path + ("*",))

            walk(self.raw, ())
            cache[definition] = found
        return cache[definition]

    def property_names(self, node: dict[str, Any] | None) -> list[str]:
        return list((node or {}).get("properties", {}))

    def text_class(self, path: tuple) -> str:
        """What kind of text a string at `path` is, by the schema's `x-text`: "prose" (long text with
        citations), "shown" (short text a reader sees) or "data" (ids, vocabularies, titles of sources).

        A string the schema does not expect there counts as what it stands in for: under a
        misspelled key (`mechansim:`), the text of the key it was meant to be; inside a prose or
        shown value written as a list, that value's class; anywhere else, shown text. So a slip of
        the keyboard never takes text out of the rules' sight."""
        by_path = self.__dict__.setdefault("_text_class_by_path", {})  # entries repeat their paths
        known = by_path.get(path)
        if known is not None:
            return known
        template = tuple("*" if isinstance(part, int) else part for part in path)
        by_template = self.__dict__.setdefault("_text_classes", {})
        if template not in by_template:
            by_template[template] = self._text_class(template)
        if len(by_path) < _PATHS_REMEMBERED:
            by_path[path] = by_template[template]
        return by_template[template]

    def _text_class(self, template: tuple) -> str:
        node = self.resolve(self.raw)
        for part in template:
            if "x-text" in node:
                return node["x-text"]
            if part == "*":
                items = node.get("items")
                if not isinstance(items, dict):
                    return SHOWN
                node = self.resolve(items)
                continue
            properties = node.get("properties", {})
            if part not in properties:
                import difflib  # only for a key the schema does not know

                meant = difflib.get_close_matches(part, list(properties), n=1, cutoff=0.6)
                if not meant:
                    return SHOWN
                part = meant[0]
            node = self.resolve(properties[part]) if isinstance(properties[part], dict) else {}
        return node.get("x-text", SHOWN)

    def backed_by(self, path: tuple) -> tuple[tuple, list[tuple]] | None:
        """Where the claims of the text at `path` are backed, by the schema's `x-backed-by`: the
        path of the nearest enclosing object that declares it, and its relative paths (split, "*"
        for any list index), e.g. (("story", "steps", 2), [("body",)]). None if nothing declares it."""
        template = tuple("*" if isinstance(part, int) else part for part in path)
        if template not in self._backed_by_template:
            if len(self._backed_by_template) >= _PATHS_REMEMBERED:
                return self._backed_by(path)
            self._backed_by_template[template] = self._backed_by(path)
        found = self._backed_by_template[template]
        return None if found is None else (path[:found[0]], list(found[1]))

    def _backed_by(self, path: tuple) -> tuple[int, list[tuple]] | None:
        """(how many parts of `path` the declaring object's path has, its relative paths)."""
        for end in range(len(path) - 1, -1, -1):
            node = self.at(path[:end])
            if node and isinstance(node.get("x-backed-by"), list):
                return end, [tuple(part for part in relative.split("/") if part)
                             for relative in node["x-backed-by"] if isinstance(relative, str)]
        return None


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def document_paths(document, schema: EntrySchema, definition: str) -> list[tuple]:
    """`paths_using` for a loaded document, computed once per document and definition."""
    return document.memo(f"paths:{definition}", lambda: list(paths_using(schema, document.data, definition)))


def paths_using(schema: EntrySchema, data: Any, definition: str) -> Iterator[tuple]:
    """Instance paths in `data` whose schema is a `$ref` to `definition` (e.g. "#/$defs/prose").

    This is how rules find, say, every prose field without keeping their own list of them.
    """
    for template in schema.templates(definition):
        yield from _expand(data, template, ())


def _expand(value: Any, template: tuple, path: tuple) -> Iterator[tuple]:
    if not template:
        yield path
        return
    step, rest = template[0], template[1:]
    if step == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _expand(item, rest, path + (index,))
    elif isinstance(value, dict) and step in value:
        yield from _expand(value[step], rest, path + (step,))
