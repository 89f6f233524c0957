"""The YAML parser, behind one module: text in, a node tree with marks, then plain data with the
place of every value.

This is the only module that imports ruamel.yaml (a test holds the package to it). The parser is
ruamel.yaml.clib's C parser (libyaml), driven directly (`_CComposer`) to compose a node tree with
line/column marks into light node classes; without the C parser, ruamel's own loader does the same
more slowly (tests check that both routes give the same data, places and findings). Plain scalars
are typed here, by the YAML 1.2 core schema (`_PLAIN_TYPES`), so `no` and `on` stay strings;
ruamel's own resolver is bypassed because it costs more than the parsing itself. Nodes are never
constructed into Python objects by ruamel: this module converts them itself (`build`), which is
what keeps tags from running code and aliases from expanding.

What an entry may not use (a tag, a duplicate key, an anchor, nesting past MAX_DEPTH) is reported as
a `Problem` of its rule, by name; the rule's module words it.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver, VersionedResolver
from ruamel.yaml.tag import Tag

from .patterns import regex
from .document import DataPath, Place, Timestamp, node_span
from .findings import Span
from .problems import Problem

_C_PARSER_LOCK = threading.Lock()
# "public" makes the parser use ruamel's own loader even where the C parser works: the tests run
# every case both ways, so that the slower route, which a changed ruamel would fall back to, stays right.
ROUTE_SETTING = "PEPTIDE_LINT_YAML_ROUTE"

MAX_DEPTH = 32  # how deep an entry's data may nest

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_MERGE_TAG = _TAG + "merge"
_UNTYPED = "tag:peptide-lint,2026:plain"  # a plain scalar without a tag, typed by _PLAIN_TYPES

# YAML 1.2 core schema (spec 10.3.2), plus the two YAML 1.1 types that still matter for entries:
# timestamps, because many YAML readers turn 2020-01-02 into a date, and the merge key "<<".
_PLAIN_TYPES = [
    (_TAG + "null", regex(r"^(?:~|null|Null|NULL|)$")),
    (_TAG + "bool", regex(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    (_TAG + "int", regex(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")),
    (_TAG + "float", regex(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                                r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")),
    (_TAG + "timestamp", regex(r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                                    r"(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
                                    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$")),
    (_MERGE_TAG, regex(r"^<<$")),
]
# Only values that start like a number, a date or "<<" need the regular expressions; the words
# for null and the booleans are few enough to look up.
_MAYBE_TYPED = frozenset("0123456789+-.<")
_WORD_TYPES = {word: tag for tag, pattern in _PLAIN_TYPES[:2]
               for word in ("~", "null", "Null", "NULL", "", "true", "True", "TRUE", "false", "False", "FALSE")
               if pattern.match(word)}


class ParseError(Exception):
    """YAML cannot read the text. `problem` and `context` are the parser's own words; `problem_at`
    is where it stopped and `context_at` where the construct it was reading opened, as (line,
    column), 1-based, or None. A reader error (a character YAML refuses) has no place: `marked` is
    False and `problem` is the whole error."""

    def __init__(self, problem: str, context: str = "", problem_at: tuple[int, int] | None = None,
                 context_at: tuple[int, int] | None = None, marked: bool = True) -> None:
        super().__init__(problem)
        self.problem, self.context, self.problem_at, self.context_at = problem, context, problem_at, context_at
        self.marked = marked


class NestedTooDeep(Exception):
    """The text nests collections too deep to be composed safely (see `_check_nesting`); (line,
    column), 1-based, is the first node deeper than MAX_DEPTH."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep at line {line}, column {column}")
        self.line, self.column = line, column


def compose(text: str) -> list[Node]:
    """The node tree of every document in `text`: from the C parser straight into light nodes where
    ruamel.yaml.clib is installed (it is a dependency), else through ruamel's own loader. Raises
    ParseError or NestedTooDeep."""
    try:
        _check_nesting(text)
        if _c_parser is not None:
            return _compose_fast(_c_parser, _CComposer, text)
        # Two Python calls per level: allow the depth _check_nesting lets through. (Python calls
        # do not use the C stack in Python 3.11 and later, so a higher limit is safe.)
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 2 * _SAFE_DEPTH + 1000))
        try:
            return list(_parser().compose_all(text))
        finally:
            sys.setrecursionlimit(limit)
    except MarkedYAMLError as err:
        raise ParseError(err.problem or "", err.context or "", _at(err.problem_mark), _at(err.context_mark)) from None
    except YAMLError as err:
        raise ParseError(str(err), marked=False) from None


def _at(mark) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark else None


def kind(node: Node) -> str:
    """"mapping", "list" or "value": what a document's top level is."""
    if isinstance(node, MappingNode):
        return "mapping"
    return "list" if isinstance(node, SequenceNode) else "value"


def is_empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and _tag(node) == _TAG + "null")


def build(root: Node, line_starts: list[int]) -> tuple[Any, dict[DataPath, Place], list[Problem]]:
    """The plain data of `root`, the place of every value in it, and the problems of what entries
    may not use (tags, duplicate keys, merge keys, keys that are not words, nesting too deep)."""
    builder = _Builder(line_starts, located=True)
    data = builder.build(root, ())
    return data, builder.places, builder.problems


def data_of(root: Node) -> Any:
    """The plain data of `root` exactly as `build` gives it (it is the same builder), without places
    and problems: for entries read only for the repo index."""
    return _Builder(None, located=False).build(root, ())


def anchors_and_aliases(text: str) -> Iterator[Problem]:
    """Where anchors and aliases stand. The node tree cannot say: an alias is the anchored node."""
    try:
        for event in _parser().parse(text):
            anchor = getattr(event, "anchor", None)
            if not anchor:
                continue
            mark = event.start_mark
            span = Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2 + len(anchor))
            yield Problem("anchors-and-aliases", span,
                          {"cause": "alias" if isinstance(event, AliasEvent) else "anchor", "name": anchor})
    except YAMLError:
        return


def parser_route() -> str:
    """Which route reads YAML in this process, in words (for --version and bug reports)."""
    return "ruamel.yaml.clib's C parser" if _c_parser is not None else "ruamel.yaml's own loader"


class _Builder:
    """Turns a node tree into plain data. `located`: also record the place of every value and the
    problems of what entries may not use; the data is the same either way, so that an entry read
    for the repo index is the entry a check reads."""

    def __init__(self, line_starts: list[int] | None, located: bool) -> None:
        self.line_starts = line_starts
        self.located = located
        self.places: dict[DataPath, Place] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._too_deep = False

    def _report(self, rule: str, node: Node, **facts: Any) -> None:
        if self.located:
            self.problems.append(Problem(rule, node_span(node, self.line_starts), facts))

    def build(self, node: Node, path: DataPath, key: Node | None = None, depth: int = 0) -> Any:
        if id(node) in self._seen:  # an alias: reported where it stands, and never expanded
            return None
        self._seen.add(id(node))
        if self.located:
            self.places[path] = Place(node, key, self.line_starts)
        if depth > MAX_DEPTH:
            if not self._too_deep:
                self._too_deep = True
                self._report("nesting-too-deep", node, limit=MAX_DEPTH)
            return None
        tag = _tag(node)
        if tag not in _PLAIN_TAGS and tag != _MERGE_TAG:
            self._report("custom-tag", node, tag=_short_tag(tag))
            if isinstance(node, ScalarNode):
                return node.value
        elif isinstance(node, ScalarNode):
            return _scalar(node.value, tag)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth + 1)
        if not self.located:  # without places, the paths to them are not needed either
            return [self.build(item, path, None, depth + 1) for item in node.value]
        return [self.build(item, path + (i,), None, depth + 1) for i, item in enumerate(node.value)]

    def _mapping(self, node: MappingNode, path: DataPath, depth: int) -> dict:
        result: dict[str, Any] = {}
        located = self.located
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._report("yaml-syntax", key_node, cause="key-not-a-word")
            elif _tag(key_node) == _MERGE_TAG:
                self._report("anchors-and-aliases", key_node, cause="merge-key")
            elif key_node.value in result:  # the first of two equal keys wins
                if located:
                    self._duplicate(node, key_node)
            else:
                key = key_node.value
                result[key] = self.build(value_node, path + (key,) if located else path, key_node, depth)
        return result

    def _duplicate(self, mapping: MappingNode, key_node: Node) -> None:
        key = key_node.value
        first = next(other for other, _ in mapping.value
                     if isinstance(other, ScalarNode) and other.value == key and _tag(other) != _MERGE_TAG)
        self._report("duplicate-key", key_node, key=key, first_line=first.start_mark.line + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _tag(node: Node) -> str:
    """The node's tag. ruamel's `node.tag` decodes the tag anew on every access, which costs more
    than parsing; an untagged node's tag needs no decoding."""
    ctag = node.ctag
    if isinstance(ctag, str):  # a light node
        tag = ctag if "%" not in ctag else _decoded(ctag)
    elif ctag.handle is None and "%" not in ctag.suffix:
        tag = ctag.suffix
    else:
        tag = str(ctag)
    return _type_of_plain(node.value) if tag == _UNTYPED else tag


def _decoded(tag: str) -> str:
    """A tag with %-escapes (`!my%21tag`) as ruamel's Tag reads it."""
    try:
        return str(Tag(suffix=tag))
    except ValueError:
        return tag


def _type_of_plain(value: str) -> str:
    word = _WORD_TYPES.get(value)
    if word is not None:
        return word
    if value[:1] in _MAYBE_TYPED:
        for tag, pattern in _PLAIN_TYPES[2:]:
            if pattern.match(value):
                return tag
    return _TAG + "str"


def _scalar(value: str, tag: str) -> Any:
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        return _int(value)
    if tag == _TAG + "float":
        return _float(value)
    if tag == _TAG + "timestamp":
        return Timestamp(value)
    return value


def _int(text: str) -> int | str:
    try:
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text, 10)
    except ValueError:
        return text


def _float(text: str) -> float | str:
    lowered = text.lower().replace("_", "")
    specials = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
    if lowered in specials:
        return specials[lowered]
    try:
        return float(lowered)
    except ValueError:
        return text


# --- the public route: ruamel's own loader, with this module's typing -------------------------

class _Resolver(VersionedResolver):
    """Marks plain untagged scalars for typing in this module; everything else keeps its tag."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode and implicit[0]:
            return _UNTYPED
        return BaseResolver.resolve(self, kind, value, implicit)


def _parser() -> YAML:
    yaml = YAML(typ="safe")
    yaml.Resolver = _Resolver
    return yaml


# --- nesting: measured before composing, which recurses once per level ------------------------

# Composing recurses once per level of nesting: in C for the C parser, where some tens of thousands
# of levels overflow the stack and kill the process, and in Python for ruamel's own loader. Deeper
# than this, a text is reported without being composed (by either route, so that both agree). A
# level opens with one of these characters (a block mapping needs a ':' or '?', a block list a
# '-'), so a text with no more of them than this cannot nest deeper and needs no measuring. An
# entry has a few hundred (prose counts too); one of over about 15 KB is measured, which costs
# about as much as parsing it again.
_SAFE_DEPTH = 500
_LEVEL_OPENERS = "[{-?:"


def _check_nesting(text: str) -> None:
    """Raise NestedTooDeep if `text` nests deeper than composing it safely allows, pointing at the
    first node deeper than MAX_DEPTH, in whichever document or key it stands (where the full load
    of a shallower text would report it); the file is then not composed, and that is its one
    finding. Only a text with many level openers is parsed for this, event by event: the parser
    makes events without recursing."""
    if sum(text.count(opener) for opener in _LEVEL_OPENERS) <= _SAFE_DEPTH:
        return
    events = _c_parser.CParser(text) if _c_parser is not None else _parser().parse(text)
    get_event = events.get_event if _c_parser is not None else events.__next__
    depth, first_too_deep = 0, None
    while True:
        try:
            event = get_event()
        except (YAMLError, StopIteration):
            return  # composing reports a syntax error in the usual way
        kind = type(event).__name__
        if kind in ("ScalarEvent", "AliasEvent", "SequenceStartEvent", "MappingStartEvent"):
            if depth > MAX_DEPTH and first_too_deep is None:
                first_too_deep = event.start_mark
            if kind.endswith("StartEvent"):
                depth += 1
                if depth > _SAFE_DEPTH:
                    raise NestedTooDeep(first_too_deep.line + 1, first_too_deep.column + 1)
        elif kind in ("SequenceEndEvent", "MappingEndEvent"):
            depth -= 1
        elif kind == "StreamEndEvent":
            return


# --- the fast route: ruamel.yaml.clib's C parser into light nodes -------------------------------

class _Scalar(ScalarNode):
    """ruamel's ScalarNode minus the Tag object ruamel wraps every tag in (a third of the parse
    time): the tag stays the string the parser gives."""

    __slots__ = ()

    def __init__(self, tag, value, start_mark=None, end_mark=None, style=None, comment=None, anchor=None):
        self.ctag, self.value, self.start_mark, self.end_mark = tag, value, start_mark, end_mark
        self.style, self.comment, self.anchor = style, comment, anchor


class _Sequence(SequenceNode):
    __slots__ = ()

    def __init__(self, tag, value, start_mark=None, end_mark=None, flow_style=None, comment=None, anchor=None):
        self.ctag, self.value, self.start_mark, self.end_mark = tag, value, start_mark, end_mark
        self.flow_style, self.comment, self.anchor = flow_style, comment, anchor


class _Mapping(MappingNode):
    __slots__ = ()

    def __init__(self, tag, value, start_mark=None, end_mark=None, flow_style=None, comment=None, anchor=None):
        self.ctag, self.value, self.start_mark, self.end_mark = tag, value, start_mark, end_mark
        self.flow_style, self.comment, self.anchor, self.merge = flow_style, comment, anchor, None


def _fast_route():
    """ruamel.yaml.clib's C parser module and this module's composer on it, or (None, None) for
    ruamel's own loader: when the C parser is not installed, when ROUTE_SETTING asks for the public
    route, or when its private internals are not what this route relies on (a ruamel release that
    changed them). That is tried once, at import, on a small text whose nodes and places are known:
    a changed internal shows as an error or a different tree, and the parser falls back to the
    public route, with the same findings, instead of breaking."""
    if os.environ.get(ROUTE_SETTING, "").strip().lower() == "public":
        return None, None
    try:
        import _ruamel_yaml as c_parser  # ruamel.yaml.clib's C parser
    except ImportError:
        return None, None
    try:
        class CComposer(c_parser.CParser):
            """ruamel's C parser with this module's typing: what _Resolver does, for the light nodes."""

            def resolve(self, kind, value, implicit):
                if kind is _Scalar or kind is ScalarNode:
                    return _UNTYPED if implicit[0] else _TAG + "str"
                return _TAG + ("seq" if kind is _Sequence or kind is SequenceNode else "map")

            def descend_resolver(self, current_node, current_index):
                pass  # no resolution by path

            def ascend_resolver(self):
                pass

        if _tree(_compose_fast(c_parser, CComposer, _PROBE)) == _PROBE_TREE:
            return c_parser, CComposer
    except Exception:  # noqa: BLE001 - any change of the internals: take the public route
        pass
    return None, None


_PROBE = "a: [b, {c: 'd'}]\n---\n- e\n"
_PROBE_TREE = [("map", 0, 0, [(("str", 0, 0, "a"), ("seq", 0, 3, [("str", 0, 4, "b"), ("map", 0, 7, [
    (("str", 0, 8, "c"), ("'", 0, 11, "d"))])]))]), ("seq", 2, 0, [("str", 2, 2, "e")])]


def _tree(nodes) -> list:
    """What the probe checks of a composed tree: kinds, places, values and quoting."""
    def node(n):
        place = (n.start_mark.line, n.start_mark.column)
        if isinstance(n, MappingNode):
            return ("map", *place, [(node(k), node(v)) for k, v in n.value])
        if isinstance(n, SequenceNode):
            return ("seq", *place, [node(item) for item in n.value])
        return (n.style or _tag(n).rsplit(":", 1)[-1], *place, n.value)
    return [node(n) for n in nodes]


def _compose_fast(c_parser, composer_class, text: str) -> list[Node]:
    # The C parser builds nodes from the classes its module names, looked up by name at each use
    # (so the route-agreement test would notice a build that stopped doing so). The light classes
    # are put there for the duration of this parse only, under a lock: peptide-lint parses in one
    # thread, but a program embedding it may not, and ruamel's own C loader in another thread
    # would see them meanwhile.
    with _C_PARSER_LOCK:
        standard = c_parser.ScalarNode, c_parser.SequenceNode, c_parser.MappingNode
        c_parser.ScalarNode, c_parser.SequenceNode, c_parser.MappingNode = _Scalar, _Sequence, _Mapping
        try:
            composer = composer_class(text)
            documents = []
            while composer.check_node():
                documents.append(composer.get_node())
            return documents
        finally:
            c_parser.ScalarNode, c_parser.SequenceNode, c_parser.MappingNode = standard


# Last: the probe composes with this module's node classes and typing, all defined above.
_c_parser, _CComposer = _fast_route()
