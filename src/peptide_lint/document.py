"""The document model: an entry's data and where each part of it stands in the file.

Everything after reading sees a `Document`: `data` (dicts, lists, str, int, float, bool, None and
`Timestamp`) and methods that turn a path such as ("dosing", "rows", 1, "confidence") into a `Span`
in the file. Where a value stands is a `Place`. This module knows no parser: a place holds the
parser's node only for its marks (parser.py makes the nodes, loader.py the documents).
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any, Hashable, Iterator

from .findings import FILE_START, Edit, Span

DataPath = tuple  # a path into the data: keys (str) and list indices (int)


class Timestamp:
    """A value YAML would read as a date or time. Kept as text; never a string for the schema.
    (Not a NamedTuple: a value of the data must not look like a list to the rules reading it.)"""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Timestamp({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return self.text == other.text if isinstance(other, Timestamp) else NotImplemented

    def __hash__(self) -> int:
        return hash((Timestamp, self.text))


def value_at(data: Any, path: DataPath) -> Any:
    """The value at `path` inside `data`, or None where the path does not exist."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class Place:
    """Where one value (and its key, for a mapping member) stands in the file.

    `node` and `key_node` are the parser's nodes: what is used of them is their marks (`start_mark`
    and `end_mark`, with 0-based `line`, `column` and `index`), their `value` (a string for a scalar)
    and a scalar's `style` (a quote, "|" or ">", or None for plain text). Spans are worked out from
    the marks when first asked for: most values never have a finding."""

    __slots__ = ("node", "key_node", "line_starts", "_value")

    def __init__(self, node: Any, key_node: Any, line_starts: list[int]) -> None:
        self.node, self.key_node, self.line_starts, self._value = node, key_node, line_starts, None

    @property
    def value(self) -> Span:
        if self._value is None:
            self._value = node_span(self.node, self.line_starts)
        return self._value

    @property
    def key(self) -> Span | None:
        return None if self.key_node is None else node_span(self.key_node, self.line_starts)

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
        return isinstance(self.node.value, str)  # a list or a mapping holds its items in a list


class Document:
    """A loaded entry: its data and where each part of it stands in the file."""

    def __init__(self, path: Path, display_path: str, text: str, data: Any,
                 places: dict[DataPath, Place] | None = None, line_starts: list[int] | None = None) -> None:
        self.path = path
        self.display_path = display_path
        self.text = text
        self.data = data
        self._places = places if places is not None else {}
        self._line_starts = line_starts if line_starts is not None else []
        self._memo: dict[Hashable, Any] = {}

    def __repr__(self) -> str:
        return f"Document({self.display_path!r})"

    def memo(self, key: Hashable, compute):
        """Compute something about this document once, however many rules ask for it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def get(self, path: DataPath) -> Any:
        return value_at(self.data, path)

    def each(self, path: DataPath) -> Iterator[tuple[int, Any]]:
        """(index, item) for each item of the list at `path`; nothing if there is no list there."""
        items = value_at(self.data, path)
        return enumerate(items) if isinstance(items, list) else iter(())

    def written(self, path: DataPath) -> str | None:
        """A plain scalar value exactly as the file writes it (`1e3`, where the data holds 1000.0)."""
        place = self._places.get(path)
        if place is None or not place.scalar or place.style is not None:
            return None
        return self.text[place.start:place.end]

    def has(self, path: DataPath) -> bool:
        return path in self._places

    def span(self, path: DataPath) -> Span:
        """Where the value at `path` stands; for a path that does not exist, its nearest parent."""
        while path and path not in self._places:
            path = path[:-1]
        place = self._places.get(path)
        return place.value if place else FILE_START

    def key_span(self, path: DataPath) -> Span:
        """Where the key of the mapping member at `path` stands (its value's place for list items)."""
        while path and path not in self._places:
            path = path[:-1]
        place = self._places.get(path)
        if place is None:
            return FILE_START
        return place.key or place.value

    def owner_span(self, path: DataPath) -> Span:
        """Where to point for something missing inside the mapping at `path`: the key that holds it,
        the item's first key for a list item, or the first key of the file for the root."""
        if path and isinstance(path[-1], str):
            return self.key_span(path)
        place = self._places.get(path)
        if place is None:
            return self.span(path)
        return Span(place.value.line, place.value.column, place.value.line, place.value.column + 1)

    def text_offset(self, path: DataPath, index: int) -> int | None:
        """Where character `index` of the string at `path` stands in `text`, for fixes."""
        place = self._places.get(path)
        value = value_at(self.data, path)
        if place is None or not isinstance(value, str) or place.style not in (None, "'", '"', ">", "|"):
            return None
        return self._offsets(path, place, value, index)[0]

    def value_edit(self, path: DataPath, start: int, end: int, replacement: str) -> Edit | None:
        """The edit that writes `replacement` for the characters value[start:end] of the string at
        `path`, when the file writes those characters as they read (on one line, not escaped)."""
        value = self.get(path)
        first, last = self.text_offset(path, start), self.text_offset(path, end - 1)
        if first is None or last is None or not isinstance(value, str) or self.text[first:last + 1] != value[start:end]:
            return None
        return Edit(first, last + 1, replacement, value[start:end])

    def as_written(self, path: DataPath, key: bool = False) -> tuple[int, str] | None:
        """Where the value at `path` (or, `key`, its key) is written in `text`, and its characters
        there, quotes and all: for a fix that rewrites it whole."""
        place = self._places.get(path)
        node = None if place is None else place.key_node if key else place.node
        if node is None:
            return None
        return node.start_mark.index, self.text[node.start_mark.index:node.end_mark.index]

    def located_values(self) -> Iterator[tuple[DataPath, Place]]:
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

    def _scalars_on_lines(self) -> dict[int, list[Place]]:
        def index() -> dict[int, list[Place]]:
            found: dict[int, list[Place]] = {}
            for place in self._places.values():
                if place.scalar:
                    for line in place.lines:
                        found.setdefault(line, []).append(place)
            return found
        return self.memo("scalars on lines", index)

    def text_span(self, path: DataPath, start: int, end: int) -> Span:
        """Where the characters value[start:end] of the string at `path` stand in the file."""
        place = self._places.get(path)
        value = value_at(self.data, path)
        if place is None or not isinstance(value, str):
            return self.span(path)
        first, last = self._offsets(path, place, value, start, max(start, end - 1))
        line, column = self._line_col(first)
        end_line, end_column = self._line_col(last)
        return Span(line, column, end_line, end_column + 1)

    def _offsets(self, path: DataPath, place: Place, value: str, *indexes: int) -> list[int]:
        """Offsets in `text` of characters of the string at `path` (worked out once per value:
        a value with many findings must not be walked once per finding)."""
        found = self.memo(("offsets", path), lambda: _offset_map(self.text, place, value))
        return [found[i] if 0 <= i < len(found) else place.start for i in indexes]

    def _line_col(self, index: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._line_starts, index) - 1
        return row + 1, index - self._line_starts[row] + 1


def node_span(node: Any, line_starts: list[int] | None = None) -> Span:
    """Where a parser's node stands (see Place for what a node is)."""
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line + 1, end.column + 1
    if _ends_on_next_line(node) and line_starts:  # end it at the end of its last line instead
        end_line, end_column = end.line, end.index - line_starts[end.line - 1]
    return Span(start.line + 1, start.column + 1, end_line, end_column)


def _ends_on_next_line(node: Any) -> bool:
    """Whether the parser ends the node at the start of the line after it, as it does a block scalar."""
    return node.end_mark.column == 0 and node.end_mark.line > node.start_mark.line


def _contains(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def _offset_map(text: str, place: Place, value: str) -> list[int]:
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
