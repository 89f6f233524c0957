"""Read an entry file into plain data plus the position of every key and value.

This module is the only place that knows which YAML parser is used. Everything downstream sees a
`Document`: `data` (dicts, lists, str, int, float, bool, None and `Timestamp`) and methods that turn
a path such as ("dosing", "rows", 1, "confidence") into a `Span` in the file.

The parser is ruamel.yaml.clib's C parser (libyaml), driven directly (`_CComposer`) to compose a
node tree with line/column marks into light node classes; without the C parser, ruamel's own loader
does the same more slowly (a test checks that both routes give the same data, places and findings).
Plain scalars are typed here, by the YAML 1.2 core schema (`_PLAIN_TYPES`), so `no` and `on` stay
strings; ruamel's own resolver is bypassed because it costs more than the parsing itself. Nodes are never
constructed into Python objects by ruamel: this module converts them itself, which is what keeps
tags from running code and aliases from expanding.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver, VersionedResolver
from ruamel.yaml.tag import Tag

_C_PARSER_LOCK = threading.Lock()
# "public" makes the loader use ruamel's own loader even where the C parser works: the tests run
# every case both ways, so that the slower route, which a changed ruamel would fall back to, stays right.
ROUTE_SETTING = "PEPTIDE_LINT_YAML_ROUTE"

from . import linescan
from .discover import is_entry_name
from .findings import FILE_START, Finding, Span
from .linescan import Kind, LineProblem
from .rules import (
    anchors_and_aliases,
    control_character,
    custom_tag,
    duplicate_key,
    empty_file,
    file_too_large,
    lookalike_character,
    multiple_documents,
    nesting_too_deep,
    not_utf8,
    root_not_mapping,
    tab_indentation,
    unreadable_file,
    yaml_syntax,
)

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

Path_ = tuple  # a path into the data: keys (str) and list indices (int)

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_MERGE_TAG = _TAG + "merge"
_UNTYPED = "tag:peptide-lint,2026:plain"  # a plain scalar without a tag, typed by _PLAIN_TYPES

# YAML 1.2 core schema (spec 10.3.2), plus the two YAML 1.1 types that still matter for entries:
# timestamps, because many YAML readers turn 2020-01-02 into a date, and the merge key "<<".
_PLAIN_TYPES = [
    (_TAG + "null", re.compile(r"^(?:~|null|Null|NULL|)$")),
    (_TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    (_TAG + "int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")),
    (_TAG + "float", re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                                r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")),
    (_TAG + "timestamp", re.compile(r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                                    r"(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
                                    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$")),
    (_MERGE_TAG, re.compile(r"^<<$")),
]
# Only values that start like a number, a date or "<<" need the regular expressions; the words
# for null and the booleans are few enough to look up.
_MAYBE_TYPED = frozenset("0123456789+-.<")
_WORD_TYPES = {word: tag for tag, pattern in _PLAIN_TYPES[:2]
               for word in ("~", "null", "Null", "NULL", "", "true", "True", "TRUE", "false", "False", "FALSE")
               if pattern.match(word)}
@dataclass(frozen=True)
class Timestamp:
    """A value YAML would read as a date or time. Kept as text; never a string for the schema."""

    text: str

    def __str__(self) -> str:
        return self.text


class _Place:
    """Where one value (and its key, for a mapping member) stands in the file. Spans are worked out
    from the parser's marks when first asked for: most values never have a finding."""

    __slots__ = ("node", "key_node", "line_starts", "_value")

    def __init__(self, node: Node, key_node: Node | None, line_starts: list[int]) -> None:
        self.node, self.key_node, self.line_starts, self._value = node, key_node, line_starts, None

    @property
    def value(self) -> Span:
        if self._value is None:
            self._value = _node_span(self.node, self.line_starts)
        return self._value

    @property
    def key(self) -> Span | None:
        return None if self.key_node is None else _node_span(self.key_node, self.line_starts)

    @property
    def lines(self) -> range:
        """The lines the value stands on (1-based), from the parser's marks, without a Span."""
        start, end = self.node.start_mark, self.node.end_mark
        last = end.line if _ends_on_next_line(self.node) else end.line + 1
        return range(start.line + 1, last + 1)

    @property
    def key_line(self) -> int | None:
        return None if self.key_node is None else self.key_node.start_mark.line + 1

    @property
    def start(self) -> int:  # character offsets of the value in Document.text
        return self.node.start_mark.index

    @property
    def end(self) -> int:
        return self.node.end_mark.index

    @property
    def style(self) -> str | None:
        return getattr(self.node, "style", None) or None

    @property
    def scalar(self) -> bool:
        return isinstance(self.node, ScalarNode)


@dataclass
class Document:
    """A loaded entry: its data and where each part of it stands in the file."""

    path: Path
    display_path: str
    text: str
    data: Any
    _places: dict[Path_, _Place] = field(default_factory=dict, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, compute):
        """Compute something about this document once, however many rules ask for it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def get(self, path: Path_) -> Any:
        return value_at(self.data, path)

    def each(self, path: Path_) -> Iterator[tuple[int, Any]]:
        """(index, item) for each item of the list at `path`; nothing if there is no list there."""
        items = value_at(self.data, path)
        return enumerate(items) if isinstance(items, list) else iter(())

    def written(self, path: Path_) -> str | None:
        """A plain scalar value exactly as the file writes it (`1e3`, where the data holds 1000.0)."""
        place = self._places.get(path)
        if place is None or not place.scalar or place.style is not None:
            return None
        return self.text[place.start:place.end]

    def has(self, path: Path_) -> bool:
        return path in self._places

    def span(self, path: Path_) -> Span:
        """Where the value at `path` stands; for a path that does not exist, its nearest parent."""
        while path and path not in self._places:
            path = path[:-1]
        place = self._places.get(path)
        return place.value if place else FILE_START

    def key_span(self, path: Path_) -> Span:
        """Where the key of the mapping member at `path` stands (its value's place for list items)."""
        while path and path not in self._places:
            path = path[:-1]
        place = self._places.get(path)
        if place is None:
            return FILE_START
        return place.key or place.value

    def owner_span(self, path: Path_) -> Span:
        """Where to point for something missing inside the mapping at `path`: the key that holds it,
        the item's first key for a list item, or the first key of the file for the root."""
        if path and isinstance(path[-1], str):
            return self.key_span(path)
        place = self._places.get(path)
        if place is None:
            return self.span(path)
        return Span(place.value.line, place.value.column, place.value.line, place.value.column + 1)

    def text_offset(self, path: Path_, index: int) -> int | None:
        """Where character `index` of the string at `path` stands in `text`, for fixes."""
        place = self._places.get(path)
        value = value_at(self.data, path)
        if place is None or not isinstance(value, str) or place.style not in (None, "'", '"', ">", "|"):
            return None
        return self._offsets(path, place, value, index)[0]

    def located_values(self) -> Iterator[tuple[Path_, _Place]]:
        """(path, where it stands) for every value, in the order of the file."""
        return iter(self._places.items())

    def is_comment(self, line: int, column: int) -> bool:
        """Whether a '#' at this place starts a comment rather than standing inside a value."""
        for place in self._scalars_on_lines().get(line, ()):
            if _contains(place.value, line, column):
                # After a block's indicator (`key: >-`) comes a comment; the text starts below.
                return place.style in ("|", ">") and line == place.value.line
        return True

    def in_block_text(self, line: int, column: int) -> bool:
        """Whether this place is inside the text of a block (`key: >-` or `key: |`)."""
        return any(place.style in ("|", ">") and line > place.value.line and _contains(place.value, line, column)
                   for place in self._scalars_on_lines().get(line, ()))

    def _scalars_on_lines(self) -> dict[int, list[_Place]]:
        def index() -> dict[int, list[_Place]]:
            found: dict[int, list[_Place]] = {}
            for place in self._places.values():
                if place.scalar:
                    for line in place.lines:
                        found.setdefault(line, []).append(place)
            return found
        return self.memo("scalars on lines", index)

    def text_span(self, path: Path_, start: int, end: int) -> Span:
        """Where the characters value[start:end] of the string at `path` stand in the file."""
        place = self._places.get(path)
        value = value_at(self.data, path)
        if place is None or not isinstance(value, str):
            return self.span(path)
        first, last = self._offsets(path, place, value, start, max(start, end - 1))
        line, column = self._line_col(first)
        end_line, end_column = self._line_col(last)
        return Span(line, column, end_line, end_column + 1)

    def _offsets(self, path: Path_, place: _Place, value: str, *indexes: int) -> list[int]:
        """Offsets in `text` of characters of the string at `path` (worked out once per value:
        a value with many findings must not be walked once per finding)."""
        found = self.memo(("offsets", path), lambda: _offset_map(self.text, place, value))
        return [found[i] if 0 <= i < len(found) else place.start for i in indexes]

    def _line_col(self, index: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._line_starts, index) - 1
        return row + 1, index - self._line_starts[row] + 1


# Why a file's content was not checked, one line each, in an editor's words (Report.not_checked).
NOT_OPENED = "it could not be opened as an entry file, so it was not checked"
NOT_READ_TOO_LARGE = "it is over the size limit for an entry, so it was not read"
NOT_READ_NOT_UTF8 = "it is not saved as UTF-8 text, so it was not read"
NOT_CHECKED_YAML = "YAML cannot read it, so the schema and content rules did not run"
NOT_CHECKED_INVISIBLE = ("it holds invisible characters that must be removed first, so the schema and content "
                         "rules did not run")
NOT_CHECKED_TOO_DEEP = "it is nested too deep to be read safely, so the schema and content rules did not run"
NOT_CHECKED_NOT_AN_ENTRY = ("it holds a list or a single value, not the keys of an entry, so the schema and "
                            "content rules did not run")

_RULE_OF_KIND = {Kind.INVISIBLE: control_character, Kind.TAB: tab_indentation,
                 Kind.LOOKALIKE: lookalike_character, Kind.SYNTAX: yaml_syntax}


@dataclass
class LoadResult:
    document: Document | None
    findings: list[Finding]
    text: str | None = None  # the decoded text, when there is one, for showing source lines
    # Why the schema and content rules could not run on the file, when they could not (an empty
    # file has nothing to check: None, like a file that was read).
    not_checked: str | None = None


def load_file(path: Path, display_path: str, raw: bytes | None = None) -> LoadResult:
    """Read and parse one file (whose bytes are `raw` if they were read already). Problems become
    findings; nothing here raises for bad input."""
    def problem(rule, span: Span, message: str, hint: str | None = None, why: str = NOT_OPENED) -> LoadResult:
        return LoadResult(None, [rule.RULE.finding(display_path, span, message, hint)], not_checked=why)

    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return problem(unreadable_file, FILE_START, "this is a folder, not an entry file",
                           "entries are single .yaml files; check the path")
        if not is_entry_name(path.name) and is_entry_name(path.name.lower()):
            return problem(unreadable_file, FILE_START,
                           f'the file name ends in "{path.suffix}": entries end in ".yaml", in lower case',
                           f"rename it to {path.stem}.yaml so that it is checked with the others")
        if not is_entry_name(path.name):
            return problem(unreadable_file, FILE_START, "this is not an entry file: entries are .yaml files",
                           "check the path; peptide-lint checks the entries of a content repo")
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block or never end
            return problem(unreadable_file, FILE_START, "this is not a regular file",
                           "entries are ordinary .yaml files; check the path")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            return problem(file_too_large, FILE_START,
                           f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes",
                           "an entry is a few kilobytes; check that this is the right file", NOT_READ_TOO_LARGE)
        if raw is None:
            raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            return problem(unreadable_file, FILE_START, "this is a link to a file that does not exist",
                           "point the link at an existing entry, or delete it")
        return problem(unreadable_file, FILE_START, "there is no such file",
                       "check the path for a typo; a file that was renamed or deleted is not checked")
    except OSError as err:
        reason = err.strerror or str(err)
        return problem(unreadable_file, FILE_START, f"the file cannot be read: {reason}",
                       "check that the file exists and that you are allowed to read it")
    return load_bytes(raw, path, display_path)


def load_bytes(raw: bytes, path: Path, display_path: str) -> LoadResult:
    findings: list[Finding] = []

    def add(rule, span: Span, message: str, hint: str | None = None) -> None:
        findings.append(rule.RULE.finding(display_path, span, message, hint))

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            add(not_utf8, FILE_START, "the file is saved as UTF-16, not as UTF-8",
                "save it as UTF-8 (most editors: File > Save with Encoding > UTF-8)")
            return LoadResult(None, findings, not_checked=NOT_READ_NOT_UTF8)
        line, column = _line_col_of_byte(raw, err.start)
        add(not_utf8, Span.point(line, column),
            f"byte 0x{raw[err.start]:02x} is not valid UTF-8 text",
            "save the file as UTF-8 (most editors: File > Save with Encoding > UTF-8); "
            "this often comes from text pasted from a Word document or a PDF")
        return LoadResult(None, findings, not_checked=NOT_READ_NOT_UTF8)

    # The lines are read for every mistake they show before the parser reads the file, which stops
    # at the first one: all of them are reported in one run (linescan.py). The parser reads the text
    # as an editor sees it, without invisible characters, so that it can go on to the next mistake.
    scanned = linescan.character_problems(text)
    invisible = any(problem.kind is Kind.INVISIBLE for problem in scanned)
    parsed = linescan.without_invisible(text) if invisible else text
    try:
        documents = _compose_all(parsed)
        failure = None
    except NestedTooDeep as err:
        add(nesting_too_deep, Span.point(err.line, err.column), _TOO_DEEP, _TOO_DEEP_HINT)
        documents, failure = None, NOT_CHECKED_TOO_DEEP
    except YAMLError as err:
        documents, failure = None, NOT_CHECKED_YAML
        scanned += linescan.structure_problems(text, yaml_failed=True)
        _add_parse_error(err, parsed, scanned, add)
    else:
        scanned += linescan.structure_problems(text, yaml_failed=False)
    for problem in scanned:
        add(_RULE_OF_KIND[problem.kind], Span.point(problem.line, problem.column), problem.message, problem.hint)
    if documents is None or invisible:
        # An invisible character is better fixed first than reported through the findings it
        # causes (a slug that looks right and does not match).
        return LoadResult(None, findings, text, failure or NOT_CHECKED_INVISIBLE)
    if not documents or all(_is_empty(d) for d in documents):
        add(empty_file, FILE_START, "the file has no content",
            "start from an existing entry, or delete the file if it was created by mistake")
        return LoadResult(None, findings, text)
    for extra in documents[1:]:
        mark = extra.start_mark
        add(multiple_documents, Span.point(mark.line + 1, mark.column + 1),
            "the file holds a second YAML document here",
            "one entry per file: remove the '---' line above and everything after it, "
            "or move it to its own file")
    line_starts = linescan.line_starts(text)
    root = documents[0]
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        add(root_not_mapping, _node_span(root, line_starts),
            f"the file is {kind}, not an entry",
            "an entry is a set of keys, one per line, starting with 'slug: ...' at the left edge")
        return LoadResult(None, findings, text, NOT_CHECKED_NOT_AN_ENTRY)

    if "&" in text or "*" in text:
        for span, message in _anchors_and_aliases(text):
            add(anchors_and_aliases, span, message, anchors_and_aliases.HINT)

    builder = _Builder(display_path, findings.append, line_starts)
    data = builder.build(root, ())
    document = Document(path, display_path, text, data, builder.places, line_starts)
    return LoadResult(document, findings, text)


def _add_parse_error(err: YAMLError, parsed: str, scanned: list[LineProblem], add) -> None:
    """The parser's error (on the `parsed` text) as an editor's finding, unless the line scan named its cause already: the
    parser often stops a line or more after a mistake, so the error stands on a line the problem
    reaches (LineProblem.reach)."""
    if not isinstance(err, MarkedYAMLError):  # reader errors carry no mark; the line scan names their causes
        if not scanned:
            add(yaml_syntax, FILE_START, f"YAML cannot read this file: {err}")
        return

    def at(mark) -> tuple[int, int] | None:
        return (mark.line + 1, mark.column + 1) if mark else None

    message, hint, where = yaml_syntax.diagnose(err.problem or "", err.context or "", at(err.problem_mark),
                                                at(err.context_mark), linescan.split_lines(parsed))
    if where and any(problem.covers(where[0]) for problem in scanned):
        return
    span = Span.point(*where) if where else FILE_START
    if "undefined alias" in (err.problem or ""):
        add(anchors_and_aliases, span, "an alias (*name) is used here", anchors_and_aliases.HINT)
    else:
        add(yaml_syntax, span, message, hint)


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


def load_data(raw: bytes) -> Any:
    """Only the data of a file, without positions and without findings: for entries that are read
    for the repo index alone. A file with any problem gives None (it is not indexed)."""
    try:
        text = raw.decode("utf-8-sig")
        if linescan.INVISIBLE.search(text):
            return None
        documents = _compose_all(text)
    except (UnicodeDecodeError, YAMLError):
        return None
    if not documents or not isinstance(documents[0], MappingNode):  # like the full load: the first
        return None
    return _plain(documents[0], set(), 0)


_TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep here"
_TOO_DEEP_HINT = "entries are at most a few levels deep; check the indentation"


def _plain(node: Node, seen: set[int], depth: int) -> Any:
    """The data of `node` exactly as `_Builder.build` makes it (a test holds them to it), without
    its places and findings."""
    if id(node) in seen:
        return None
    seen.add(id(node))
    if depth > MAX_DEPTH:
        return None
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key, value in node.value:  # the first of two equal keys wins; merge keys are skipped
            if isinstance(key, ScalarNode) and key.value not in result and _tag(key) != _MERGE_TAG:
                result[key.value] = _plain(value, seen, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        return [_plain(item, seen, depth + 1) for item in node.value]
    tag = _tag(node)
    return _scalar(node.value, tag) if tag in _PLAIN_TAGS else node.value


class NestedTooDeep(YAMLError):
    """The text nests collections too deep to be composed safely (see `_check_nesting`)."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep at line {line}, column {column}")
        self.line, self.column = line, column


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


def _compose_all(text: str) -> list[Node]:
    """The node tree of every document in `text`: from the C parser straight into light nodes where
    ruamel.yaml.clib is installed (it is a dependency), else through ruamel's own loader."""
    _check_nesting(text)
    if _c_parser is None:
        # Two Python calls per level: allow the depth _check_nesting lets through. (Python calls
        # do not use the C stack in Python 3.11 and later, so a higher limit is safe.)
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 2 * _SAFE_DEPTH + 1000))
        try:
            return list(_parser().compose_all(text))
        finally:
            sys.setrecursionlimit(limit)
    return _compose_fast(_c_parser, _CComposer, text)


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
    a changed internal shows as an error or a different tree, and the loader falls back to the
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


def parser_route() -> str:
    """Which route reads YAML in this process, in words (for --version and bug reports)."""
    return "ruamel.yaml.clib's C parser" if _c_parser is not None else "ruamel.yaml's own loader"



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


def _anchors_and_aliases(text: str) -> Iterator[tuple[Span, str]]:
    """Where anchors and aliases stand. The node tree cannot say: an alias is the anchored node."""
    yaml = _parser()
    try:
        for event in yaml.parse(text):
            if not getattr(event, "anchor", None):
                continue
            mark = event.start_mark
            span = Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2 + len(event.anchor))
            if isinstance(event, AliasEvent):
                yield span, f"the alias *{event.anchor} repeats content from elsewhere"
            else:
                yield span, f"the anchor &{event.anchor} is defined here"
    except YAMLError:
        return


def _is_empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and _tag(node) == _TAG + "null")


def _node_span(node: Node, line_starts: list[int] | None = None) -> Span:
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line + 1, end.column + 1
    if _ends_on_next_line(node) and line_starts:  # end it at the end of its last line instead
        end_line, end_column = end.line, end.index - line_starts[end.line - 1]
    return Span(start.line + 1, start.column + 1, end_line, end_column)


def _ends_on_next_line(node: Node) -> bool:
    """Whether the parser ends the node at the start of the line after it, as it does a block scalar."""
    return node.end_mark.column == 0 and node.end_mark.line > node.start_mark.line


def _contains(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    return raw.count(b"\n", 0, offset) + 1, len(prefix) + 1


class _Builder:
    """Turns a node tree into plain data, recording places and reporting what entries may not use."""

    def __init__(self, display_path: str, report, line_starts: list[int]) -> None:
        self.display_path = display_path
        self.report = report
        self.line_starts = line_starts
        self.places: dict[Path_, _Place] = {}
        self._seen: set[int] = set()
        self._too_deep = False

    def _add(self, rule, node: Node, message: str, hint: str | None = None) -> None:
        self.report(rule.RULE.finding(self.display_path, _node_span(node, self.line_starts), message, hint))

    def build(self, node: Node, path: Path_, key: Node | None = None, depth: int = 0) -> Any:
        if id(node) in self._seen:  # an alias: reported where it stands, and never expanded
            return None
        self._seen.add(id(node))
        self.places[path] = _Place(node, key, self.line_starts)
        if depth > MAX_DEPTH:
            if not self._too_deep:
                self._too_deep = True
                self._add(nesting_too_deep, node, _TOO_DEEP, _TOO_DEEP_HINT)
            return None
        tag = _tag(node)
        if tag not in _PLAIN_TAGS and tag != _MERGE_TAG:
            self._add(custom_tag, node, f"the tag {_short_tag(tag)} is not allowed in entries",
                      "remove the tag (the word starting with '!'); write the value as plain text")
            if isinstance(node, ScalarNode):
                return node.value
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), None, depth + 1) for i, item in enumerate(node.value)]
        return _scalar(node.value, tag)

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and _tag(key_node) == _MERGE_TAG:
                self._add(anchors_and_aliases, key_node, "a merge key (<<) copies content from elsewhere",
                          anchors_and_aliases.HINT)
                continue
            if not isinstance(key_node, ScalarNode):
                self._add(yaml_syntax, key_node, "a key here is a list or a mapping, not a word",
                          "keys are single words followed by a colon, like 'name:'")
                continue
            key = key_node.value
            if key in first_seen:
                first = first_seen[key].start_mark.line + 1
                self._add(duplicate_key, key_node, f'the key "{key}" appears twice; first on line {first}',
                          "keep one of them: YAML would silently use only the last one")
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, path + (key,), key_node, depth + 1)
        return result


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


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


def value_at(data: Any, path: Path_) -> Any:
    """The value at `path` inside `data`, or None where the path does not exist."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _offset_map(text: str, place: _Place, value: str) -> list[int]:
    """Where each character of a string value stands in the file, as offsets into `text`.

    Folding, indentation and quoting change white space and quote characters between the file
    and the value, but every other character appears in the same order in both, so walking the
    two side by side and matching those characters finds each one's place. A character the file
    writes as an escape is given the place where the matching stands, and the matching goes on.
    """
    start, end = place.start, place.end
    raw_index = start
    if place.style in ("|", ">"):
        raw_index = text.find("\n", start, end) + 1 or start
    elif place.style in ("'", '"'):
        raw_index += 1
    found: list[int] = []
    for char in value:
        at = -1 if char.isspace() else text.find(char, raw_index, end)
        if at < 0:  # white space, or a character the file writes as an escape (\u00e9)
            found.append(raw_index)
        else:
            found.append(at)
            raw_index = at + 1
    return found


# Last: the probe composes with this module's node classes and typing, all defined above.
_c_parser, _CComposer = _fast_route()
