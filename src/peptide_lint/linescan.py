"""Problems found by reading an entry's lines, without the YAML parser.

A parser stops at the first thing it cannot read, often a line or more after the mistake, so a file
with several mistakes would need as many runs. These mistakes can be seen in the text itself, all of
them at once: invisible characters, tabs in the indentation, a space or a quote that only looks like
one to YAML, a key without its colon (or without the space after it), and spaces on an empty line
that make YAML misjudge the indentation of a block of text.

The scan knows which lines are not keys: the text of a block (`key: >-`), the further lines of a
long plain or quoted value, and the inside of brackets and braces. There the same characters are
text, and nothing is reported. It reports only what is wrong: a finding on valid YAML is worse than
a missed one. The mistakes that stop YAML (a missing colon, `class:Synthetic`, a colon inside curly
quotes) are looked for only when YAML did stop (`yaml_failed`), so that a reading of the lines that
is wrong somewhere can never flag a file YAML reads; then all of them are, wherever YAML stopped.
The others (invisible characters, tabs, a look-alike space in an indentation, a line of spaces at
the start of a block of text) are looked for in every file. A file is walked line by line only
when YAML stopped or a quick search finds the rare characters these need: the walk costs about as
much as parsing, and the pre-commit hook runs on every commit.

Pure text in, problems out: this module knows neither the parser nor the rules. A problem names
its rule and holds the facts of the mistake; the rule's module puts them in words.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Mapping, NamedTuple

from .patterns import regex
from .findings import Span
from .problems import EMPTY_MAPPING, Problem


class LineProblem(NamedTuple):
    """A mistake seen in a file's lines, before (or without) the parser."""

    # control-character, tab-indentation, lookalike-character (a character that looks like a space
    # or a quote, where YAML needs the real one) or yaml-syntax (no colon after a key, ...)
    rule: str
    line: int  # 1-based, like the column
    column: int
    reach: int  # the last line at which a parser may stop because of this problem
    facts: Mapping[str, Any] = EMPTY_MAPPING

    def covers(self, line: int) -> bool:
        return self.line <= line <= self.reach

    @property
    def problem(self) -> Problem:
        return Problem(self.rule, Span.point(self.line, self.column), self.facts)


# Control characters YAML forbids (tab, LF and CR are fine), and the C1 block.
# Also the line separators NEL, LS and PS: YAML breaks lines at them, editors and line numbers do not.
# Also invisible format characters: YAML reads them as text, so a slug or an id that holds one looks
# right and is still wrong, and a rule quoting it cannot show why; naming the character can. (A BOM
# at the very start was removed in decoding. The zero-width joiner and non-joiner, U+200C/U+200D,
# are left alone: some scripts and emoji need them.)
INVISIBLE = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff"
                       "\u200b\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_TAB_INDENT = regex(r"^[ ]*\t", re.MULTILINE)
_LINE_BREAK = regex(r"\r\n|\r|\n")

# Spaces YAML reads as text, not as white space: pasted from a word processor, they look like spaces.
LOOKALIKE_SPACES = "\u00a0\u2007\u202f\u3000"
# Quotes a word processor types; to YAML they are ordinary characters of the value.
CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201a"
_LEADING_SPACES = regex("[ \u00a0\u2007\u202f\u3000]*")
# A key glued to its value ("class:Synthetic"): YAML reads the whole as one piece of text.
_GLUED_KEY = regex(r"([A-Za-z_][\w-]*):(?=[^ \t\r\n])")  # (a non-breaking space is white space to \s)
_BLOCK_HEADER = regex(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
# What is worth walking the lines for in a file YAML reads: a look-alike space in an indentation (a
# key may then start with it), a line of spaces (after the header of a block of text, it may hold
# too many). The other problems are looked for only when YAML stopped: each of them stops it. (A
# curly-quoted list item with a colon inside, `- “a: b”`, does not; the schema reports the mapping
# YAML reads instead of a text.) These searches cost a few microseconds per file: most files are
# not walked at all.
_LOOKALIKE_INDENT = regex("^ *[\u00a0\u2007\u202f\u3000]", re.MULTILINE)
_SPACES_ONLY_LINE = regex(r"\n +\r?\n")  # (a file with CR alone for line ends is walked when YAML stops)


def _worth_walking(text: str) -> bool:
    return (any(space in text for space in LOOKALIKE_SPACES) and _LOOKALIKE_INDENT.search(text) is not None
            or _SPACES_ONLY_LINE.search(text) is not None)


def character_problems(text: str) -> list[LineProblem]:
    """Every invisible character and every tab in an indentation, anywhere in the file."""
    invisible = list(INVISIBLE.finditer(text))
    tabs = list(_TAB_INDENT.finditer(text)) if "\t" in text else []
    if not invisible and not tabs:
        return []
    starts = line_starts(text)

    def at(rule: str, index: int, **facts: Any) -> LineProblem:
        line, column = _line_col(starts, index)
        return LineProblem(rule, line, column, line, facts)

    # A tab's width is worked out only in a file without invisible characters (they are removed
    # first, and the next pass of --fix sees the lines as they are).
    lines = split_lines(text) if tabs and not invisible else None
    return ([at("control-character", match.start(), char=match.group(), offset=match.start()) for match in invisible]
            + [at("tab-indentation", match.end() - 1, offset=match.start(),
                  indentation=_INDENT_RUN.match(text, match.start()).group(),
                  spaces=lines and tab_width(lines, _line_col(starts, match.start())[0]))
               for match in tabs])


_INDENT_RUN = regex(r"[ \t]*")
_TAB_STOPS = (2, 4, 8)  # the widths editors show a tab at
_OPENS_TEXT = regex(r"(?:^|:[ \t]+)[|>][-+0-9]*$")  # the header of a block of text (key: >-)


class _Shape(NamedTuple):
    """A line as far as lining up an indentation goes: blank (or a comment), text of a block,
    unknown (indented with a tab or a look-alike space), or a node: a key or a list item."""

    kind: str
    indent: int = 0
    levels: tuple[int, ...] = ()  # where a line lined up with it stands: its indentation, after each "- "
    dash: bool = False  # a list item
    keyed: bool = False  # a list item or a key: it can stand among keys (a line of text cannot)
    opens: str | None = None  # "keys" (ends with a colon or a bare dash) or "text" (a block header)


def _shape(line: str) -> _Shape:
    indent = len(line) - len(line.lstrip(" "))
    if line[indent:indent + 1] in ("\t", *LOOKALIKE_SPACES):
        return _Shape("unknown")
    content = without_comment(line[indent:]).rstrip()
    if not content:
        return _Shape("blank")
    levels, column = [indent], indent
    while line[column:column + 1] == "-" and line[column + 1:column + 2] in ("", " "):
        column = len(line) - len(line[column + 1:].lstrip(" "))
        levels.append(column)
    opens = "text" if _OPENS_TEXT.search(content) else "keys" if content.endswith((":", "-")) else None
    dash = len(levels) > 1
    return _Shape("node", indent, tuple(levels), dash, dash or _key_colon(line, column) >= 0, opens)


def _shapes(lines: list[str]) -> list[_Shape]:
    """The shape of each line, knowing which lines are the text of a block (`key: >-`)."""
    shapes, block = [], None  # block: the column a block's text is indented deeper than
    for line in lines:
        shape = _shape(line)
        if shape.kind == "node" and block is not None:
            if shape.indent > block:
                shape = shape._replace(kind="text")
            else:
                block = None
        if shape.kind == "node" and shape.opens == "text":
            block = shape.levels[-1]
        shapes.append(shape)
    return shapes


def tab_width(lines: list[str], number: int) -> int | None:
    """How many spaces the tabbed indentation of line `number` (1-based) stands for: the one column
    of those its tabs reach at a width of 2, 4 or 8 where the line fits with the lines around it.
    It fits when it lines up with the line above or one of that line's parents, or is the first
    line nested under it, and the line below lines up with it, is nested under it, or goes back to
    one of its parents. None when no reading fits, or several do (an editor must choose)."""
    run = _INDENT_RUN.match(lines[number - 1]).group()
    shapes = _shapes(lines)
    own = _shape(" " + lines[number - 1][len(run):])  # its shape, were it indented by a space
    if own.kind != "node":
        return None  # an empty line or a comment has nothing to line up with
    # Where a key (keys) or a list item's dash (items) stands in the line above and its parents.
    above, keys, items, text_indent = None, set(), set(), None
    for shape in reversed(shapes[:number - 1]):
        if shape.kind == "unknown":
            return None
        if shape.kind == "text" and above is None:
            text_indent = shape.indent  # (at the end: the first line of the text sets its indentation)
        elif shape.kind == "node" and (above is None or shape.indent < min(keys | items)):
            above = above or shape
            keys.add(shape.levels[-1])
            items.update(shape.levels[:-1])
    chain = keys | items
    below = next((shape for shape in shapes[number:] if shape.kind != "blank"), None)

    def fits(column: int) -> bool:
        levels = tuple(level - 1 + column for level in own.levels)  # where its dashes and key stand
        if above is None:
            placed = column == 0
        else:
            as_text = above.opens == "text" and (column == text_indent if text_indent is not None
                                                 else column > above.levels[-1])
            deepest = above.levels[-1]
            as_node = own.keyed and (column in (items if own.dash else keys) or above.opens == "keys"
                                     and (column > deepest or own.dash and column == deepest))
            placed = as_text or as_node
        if below is None or below.kind == "unknown":
            return placed
        if below.indent > column:
            follows = own.opens is not None or below.indent in levels[1:]
        elif below.indent == column:
            follows = own.opens != "text" and (below.dash or not own.dash)
        else:
            follows = below.indent in chain
        return placed and follows

    fitting = sorted({column for column in (_columns(run, width) for width in _TAB_STOPS) if fits(column)})
    # The only line of a block's text reads the same at any depth under the block's key.
    whole_text = (above is not None and above.opens == "text" and text_indent is None
                  and (below is None or below.indent <= above.levels[-1]) and fitting
                  and fitting[0] > above.levels[-1])
    return fitting[0] if len(fitting) == 1 or whole_text else None


def _columns(run: str, width: int) -> int:
    """The column a run of spaces and tabs reaches with tab stops every `width` columns."""
    column = 0
    for char in run:
        column = column + 1 if char == " " else (column // width + 1) * width
    return column


def without_invisible(text: str) -> str:
    """The text as an editor sees it: without the invisible characters, which YAML either refuses
    or reads as text. (Parsing this finds the other mistakes of a file that holds some.)"""
    return INVISIBLE.sub("", text)


def structure_problems(text: str, yaml_failed: bool) -> list[LineProblem]:
    """The problems of the file's lines as keys, values and text. `yaml_failed`: whether YAML could
    not read the file; only then are the mistakes that always stop it looked for."""
    if not yaml_failed and not _worth_walking(text):
        return []
    removed: dict[int, list[int]] = {}  # line -> columns of invisible characters, which the walk does not see
    offsets = line_starts(text)  # where the walk's lines start in the file, for fixes
    if INVISIBLE.search(text):
        offsets = None  # the walk reads the text without them: its places are not the file's
        starts = line_starts(text)
        for match in INVISIBLE.finditer(text):
            line, column = _line_col(starts, match.start())
            removed.setdefault(line, []).append(column)
        text = without_invisible(text)
    problems = _Walk(split_lines(text), yaml_failed, offsets).problems()
    return [_shifted(problem, removed.get(problem.line, ())) for problem in problems]


# A file YAML cannot read in which at least this many lines, and most of its lines, read as neither
# a key nor the text of one is not an entry with mistakes but another kind of file.
NOT_AN_ENTRY_AT_LEAST = 20


def not_an_entry(problems: list[LineProblem], text: str) -> LineProblem | None:
    """One problem for a file that is not YAML at all (a README saved as .yaml), in place of one
    missing colon per line of it; None for an entry, however many its mistakes."""
    lines = [line for line in split_lines(text) if line.strip() and not line.lstrip().startswith("#")]
    stray = [p for p in problems if p.rule == "yaml-syntax" and p.facts.get("cause") == "missing-colon"]
    if len(stray) < NOT_AN_ENTRY_AT_LEAST or 2 * len(stray) < len(lines):
        return None
    return LineProblem("yaml-syntax", stray[0].line, stray[0].column, stray[0].reach,
                       {"cause": "not-an-entry", "lines": len(stray), "of": len(lines)})


def split_lines(text: str) -> list[str]:
    """The lines of `text`, broken where YAML and editors break them (str.splitlines breaks at more)."""
    return _LINE_BREAK.split(text)


def line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def _line_col(starts: list[int], index: int) -> tuple[int, int]:
    row = bisect.bisect_right(starts, index) - 1
    return row + 1, index - starts[row] + 1


def _shifted(problem: LineProblem, removed_columns) -> LineProblem:
    """`problem` at its column in the file, which holds the invisible characters the walk did not see."""
    column = problem.column
    for removed in sorted(removed_columns):
        if removed <= column:
            column += 1
    return problem if column == problem.column else problem._replace(column=column)


def missing_colon(line: str, column: int, text_key: str | None = None) -> tuple[dict[str, Any], int]:
    """The facts of a line whose node, at `column` (1-based), has no colon and a space after its
    key, and the column to point at. Either the key is glued to its value (`class:Synthetic`: cause
    "glued-key", with the key and the value), or the line has no colon at all (cause "missing-colon",
    with its first word and the rest). `text_key`: the key of a block of text just above that got no
    text (the line may be that text, not indented); `sentence`: the line ends like a sentence."""
    content = line[column - 1:].strip()
    glued = _GLUED_KEY.match(content)
    if glued:
        return ({"cause": "glued-key", "key": glued.group(1), "value": content[glued.end():].strip()},
                column + glued.end() - 1)
    word, _, rest = content.partition(" ")
    return ({"cause": "missing-colon", "word": word, "rest": rest.strip(), "text_key": text_key,
             "sentence": content.endswith((".", "!", "?", "]", ")"))}, column)


def flow_closes(lines: list[str], line: int, column: int) -> bool:
    """Whether the list in brackets or the mapping in braces opened at (`line`, `column`), 1-based,
    is closed further on, before a line that reads as a key (or a list item) of the block around it."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    depth, quote, _ = _follow(text, column - 1, 0, None)
    limit = _limit(text, len(text) - len(text.lstrip(" ")), column - 1)
    for following in lines[line:]:
        if not depth and quote is None:
            return True
        if _reads_as_key(following, limit):
            return False
        depth, quote, _ = _follow(following, 0, depth, quote)
    return not depth and quote is None


def _limit(line: str, indent: int, at: int) -> int:
    """The column of the block around a bracket or quote at `at`: a line that reads as a key in it,
    or left of it, comes after the brackets or quotes are closed. That is the column of the key or
    list item the value stands after on its line, or left of the line's start if nothing does."""
    return indent if line[indent:at].strip() else indent - 1


def _reads_as_key(line: str, limit: int) -> bool:
    """Whether `line` reads as a key or a list item of a block at column `limit` or left of it."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > limit or not stripped.strip() or stripped.startswith("#"):
        return False
    return stripped[:2] == "- " or _key_colon(line, len(line) - len(stripped)) >= 0


def without_comment(line: str) -> str:
    """`line` without a comment at its end (a # at its start or after a space, outside quotes)."""
    quote = None
    for index, char in enumerate(line):
        if quote is not None:
            quote = None if char == quote else quote
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


class _Node:
    """A line that YAML reads as a key or a list item (not as text)."""

    __slots__ = ("line", "indent", "column", "item", "key", "suspect", "text_key", "keys_follow")

    def __init__(self, line: int, indent: int, column: int, item: bool, key: str | None,
                 text_key: str | None = None) -> None:
        self.line = line
        self.indent = indent  # where its content starts, look-alike spaces counted as spaces (a list item's dash)
        self.column = column  # where its node starts: after the dashes of a list item
        self.item = item
        self.key = key  # the key, if the line has one
        self.suspect: str | None = None  # "glued", "lookalike-colon" or "no-colon": a mistake if it stands among keys
        self.text_key = text_key  # the key of a block of text just above that got no text
        self.keys_follow = False  # a list item's text is followed by keys lined up with it


class _Block:
    """A block of text being read (`key: >-`): its text is indented deeper than `parent`."""

    __slots__ = ("parent", "key", "explicit", "blanks", "has_text")

    def __init__(self, parent: int, key: str, explicit: bool) -> None:
        self.parent = parent
        self.key = key
        self.explicit = explicit  # an indentation indicator (`|2`) says how deep its text is
        self.blanks: list[tuple[int, int]] = []  # the empty lines before its first text line: (line, spaces)
        self.has_text = False


class _CurlyValue:
    """A value opened with a curly quote, followed to its closing quote or its end."""

    __slots__ = ("line", "column", "quote", "value", "colon", "closed", "last_line", "closing")

    def __init__(self, line: int, column: int, quote: str, value: str) -> None:
        self.line = line
        self.column = column
        self.quote = quote
        self.value = value  # its text, its lines joined
        self.colon = False  # a colon and a space inside the quotes
        self.closed = False
        self.last_line = line
        # the offset of its closing quote, and the quote, if the value ends there
        self.closing: tuple[int, str] | None = None


class _Walk:
    """One pass over the lines, keeping track of what each line is (see the module docstring)."""

    def __init__(self, lines: list[str], yaml_failed: bool, starts: list[int] | None = None) -> None:
        self.lines = lines
        self.starts = starts  # offsets of the lines in the file (None: they are not the file's, no fix)
        self.yaml_failed = yaml_failed
        self.found: list[LineProblem] = []
        self.nodes: list[_Node] = []
        self.inline = (0, None)  # (bracket depth, open quote) of a value that goes on to the next line
        self.inline_limit = -1  # ... which was never closed if a key comes in this column or left of it
        self.block: _Block | None = None
        self.plain: int | None = None  # a plain value goes on in lines indented deeper than this
        self.plain_node: _Node | None = None  # the line the plain value starts on
        self.curly: _CurlyValue | None = None
        self.empty_text_key: str | None = None  # a block of text that ended without text

    def problems(self) -> list[LineProblem]:
        for number, line in enumerate(self.lines, start=1):
            self._read(number, line)
        self._end_plain()
        if self.yaml_failed:
            self._suspects()
        return self.found

    def _read(self, number: int, line: str) -> None:
        depth, quote = self.inline
        if depth or quote:
            if not _reads_as_key(line, self.inline_limit):
                self.inline = _follow(line, 0, depth, quote)[:2]
                return
            self.inline = (0, None)  # an unclosed bracket or quote: the parser reports it, the walk goes on
        stripped = line.lstrip(" ")
        spaces = len(line) - len(stripped)
        blank = not stripped or stripped.isspace()
        if self.block is not None:
            if blank:
                if not self.block.has_text:
                    self.block.blanks.append((number, spaces))
                return
            if spaces > self.block.parent:
                if not self.block.has_text:
                    self.block.has_text = True
                    self._overindented_blanks(number, spaces)
                return
            self.empty_text_key = None if self.block.has_text else self.block.key
            self.block = None
        if self.plain is not None:
            if blank or stripped.startswith("#"):
                return
            if spaces > self.plain:
                if self.curly is not None:
                    self._follow_curly(number, line, spaces)
                node = self.plain_node
                if node is not None and node.item and spaces == node.column and _key_colon(line, spaces) >= 0:
                    node.keys_follow = True  # "- id:doe-2001" and below it "  title: ...": YAML stops
                return
            self._end_plain()
        if blank:
            return
        if stripped.startswith("\t"):
            # Reported, and too unclear to read: how deep it stands depends on the editor. The lines
            # below it that are indented deeper are left alone too, as if they were its text.
            self.plain, self.plain_node = spaces, None
            return
        indent = _LEADING_SPACES.match(line).end()
        if indent > spaces:
            self._lookalike_indent(number, line, spaces)
        content = line[indent:]
        if content.startswith("#"):
            return
        if indent == 0 and (content[:3] in ("---", "...") and content[3:4] in ("", " ", "\t") or content[:1] == "%"):
            self.empty_text_key = None
            return
        self._node(number, line, indent)
        self.empty_text_key = None

    def _node(self, number: int, line: str, indent: int) -> None:
        column, dash = indent, None
        while line[column:column + 1] == "-" and line[column + 1:column + 2] in ("", " ", "\t"):
            dash = column
            column = len(line) - len(line[column + 1:].lstrip(" \t"))
        node = _Node(number, indent, column, dash is not None, None, text_key=self.empty_text_key)
        self.nodes.append(node)
        at = _after_properties(line, column)
        first = line[at:at + 1]
        if first in ("", "#"):
            return
        if first in "[{":  # a list or mapping in brackets: nothing inside it is read here
            self._open_inline(line, at, None, _limit(line, indent, at))
            return
        if first in "\"'":
            depth, quote, end = _follow(line, at + 1, 0, first)
            if quote:
                self._open_inline(line, at, first, _limit(line, indent, at))
                return
            after = line[end:].lstrip(" \t")
            if after[:1] == ":" and after[1:2] in ("", " ", "\t"):
                node.key = line[at:end]
                self._value(number, line, node, len(line) - len(after) + 1)
            return
        if first in "?*" and line[at + 1:at + 2] in ("", " ", "\t"):
            node.key = first
            return
        if first in "|>" and _BLOCK_HEADER.match(line, at):
            self._open_block(line, at, parent=dash if dash is not None else indent, key="this list item")
            return
        colon = _key_colon(line, at)
        if colon >= 0:
            node.key = line[at:colon].rstrip()
            if node.key and node.key[0] in CURLY_QUOTES and node.key[-1] not in _CLOSING[node.key[0]]:
                # - “Dose: 5 mg”: YAML reads a key (“Dose) and its value (5 mg”)
                self._start_curly(number, line, at)
                self.curly.colon = True
                self._end_curly()
            self._value(number, line, node, colon + 1)
            return
        glued = _GLUED_KEY.match(line, at)
        if glued:
            node.suspect = "lookalike-colon" if line[glued.end()] in LOOKALIKE_SPACES else "glued"
        elif dash is None:
            node.suspect = "no-colon"
        if first in CURLY_QUOTES:
            self._start_curly(number, line, at)
        self.plain, self.plain_node = (dash if dash is not None else column), node

    def _value(self, number: int, line: str, node: _Node, after_colon: int) -> None:
        at = _after_properties(line, len(line) - len(line[after_colon:].lstrip(" \t")))
        first = line[at:at + 1]
        if first in ("", "#"):
            return
        if first in "|>" and _BLOCK_HEADER.match(line, at):
            self._open_block(line, at, parent=node.column, key=node.key)
        elif first in "[{\"'":
            self._open_inline(line, at, first if first in "\"'" else None, node.column)
        else:
            if first in CURLY_QUOTES:
                self._start_curly(number, line, at)
            self.plain, self.plain_node = node.column, node

    def _open_inline(self, line: str, at: int, quote: str | None, limit: int) -> None:
        self.inline = _follow(line, at + (quote is not None), 0, quote)[:2]
        self.inline_limit = limit

    def _open_block(self, line: str, at: int, parent: int, key: str) -> None:
        header = line[at:].split("#", 1)[0]
        self.block = _Block(parent, key, any(char.isdigit() for char in header))

    def _end_plain(self) -> None:
        self.plain = self.plain_node = None
        if self.curly is not None:
            self._end_curly()

    # --- what is looked for ---------------------------------------------------------------------

    def _add(self, rule: str, line: int, column: int, reach: int, **facts: Any) -> None:
        self.found.append(LineProblem(rule, line, column, max(line, reach), facts))

    def _offset(self, number: int, index: int) -> int | None:
        """Where character `index` (0-based) of line `number` stands in the file, for a fix."""
        return None if self.starts is None else self.starts[number - 1] + index

    def _lookalike_indent(self, number: int, line: str, spaces: int) -> None:
        """A look-alike space in the indentation of a key: YAML reads the line as starting there, and
        stops at whatever follows, often lines later, or reads a key that starts with the space."""
        word = line.strip(" " + LOOKALIKE_SPACES).split(":", 1)[0].split(" ", 1)[0]
        self._add("lookalike-character", number, spaces + 1, self._next_line_indented_at_most(number, spaces),
                  cause="indentation", char=line[spaces], word=word, offset=self._offset(number, 0),
                  indentation=line[:_LEADING_SPACES.match(line).end()])

    def _overindented_blanks(self, first_text: int, text_spaces: int) -> None:
        """Empty lines at the start of a block of text may not hold more spaces than its first line
        of text: YAML takes the indentation of the text from them, and the text is then too little
        indented (YAML 1.2; some readers accept it and lose the text)."""
        if self.block.explicit:
            return
        deeper = [(line, spaces) for line, spaces in self.block.blanks if spaces > text_spaces]
        if not deeper:
            return
        line, _ = deeper[0]
        self._add("yaml-syntax", line, text_spaces + 1, first_text, cause="overindented-blank", key=self.block.key,
                  first_text=first_text, others=[number for number, _ in deeper[1:]])

    def _start_curly(self, number: int, line: str, at: int) -> None:
        self.curly = _CurlyValue(number, at + 1, line[at], line[at:].rstrip())
        self._scan_curly(number, line, at + 1)

    def _follow_curly(self, number: int, line: str, spaces: int) -> None:
        if not self.curly.closed:
            self.curly.last_line = number
            self.curly.value += " " + line.strip()
            self._scan_curly(number, line, spaces)
        else:
            self.curly.closing = None  # the value goes on after its closing quote: quotes cannot hold it

    def _scan_curly(self, number: int, line: str, start: int) -> None:
        """Look inside the quotes of a curly-quoted value for what only real quotes would protect from
        YAML: a colon and a space, which make it read a new key. (A ' #', which starts a comment, is
        the comment-cuts-text rule's to report, in a file YAML reads.)"""
        curly = self.curly
        end = len(line)
        for index in range(start, len(line)):
            if line[index] in _CLOSING.get(curly.quote, ""):
                end, curly.closed = index, True
                offset = self._offset(number, index)
                if offset is not None and not without_comment(line[index + 1:]).strip():
                    curly.closing = (offset, line[index])
                break
        curly.colon = curly.colon or any(line[i] == ":" and (i + 1 == len(line) or line[i + 1] in " \t")
                                         for i in range(start, end))

    def _end_curly(self) -> None:
        curly, self.curly = self.curly, None
        if not curly.colon or not self.yaml_failed:
            return  # the quotes are simply part of the text (or YAML read the file: see _worth_walking)
        inner = curly.value[1:]
        for index, char in enumerate(inner):
            if char in _CLOSING.get(curly.quote, ""):
                inner = inner[:index]
                break
        self._add("lookalike-character", curly.line, curly.column, self._next_content_line(curly.last_line),
                  cause="curly-quote", quote=curly.quote, value=inner, offset=self._offset(curly.line, curly.column - 1),
                  closing=curly.closing and curly.closing[0], close_quote=curly.closing and curly.closing[1])

    def _suspects(self) -> None:
        """Lines without a key's colon that stand among keys: each stops YAML (and is reported only
        then). A list item's text may hold a colon; it is a mistake only when keys follow it."""
        for index, node in enumerate(self.nodes):
            if node.suspect is None:
                continue
            if node.item:
                among_keys = node.keys_follow
            else:  # a key of the same mapping after it, or before it (maybe on the list item that opens it)
                before, after = self._neighbour(index, node.column, -1), self._neighbour(index, node.column, 1)
                among_keys = (after is not None and after.indent == node.column and after.key is not None
                              or before is not None and before.column == node.column and before.key is not None)
            if among_keys:
                self._suspect(node)

    def _neighbour(self, index: int, column: int, step: int) -> _Node | None:
        """The nearest line before (step -1) or after (+1) node `index` that is not nested deeper and
        is not itself a suspect line in the same column (several mistakes may stand together)."""
        index += step
        while 0 <= index < len(self.nodes):
            other = self.nodes[index]
            if other.indent <= column and not (other.column == column and other.suspect is not None):
                return other
            index += step
        return None

    def _suspect(self, node: _Node) -> None:
        line = self.lines[node.line - 1]
        reach = self._next_content_line(node.line)
        glued = _GLUED_KEY.match(line, node.column)
        if node.suspect == "lookalike-colon":
            self._add("lookalike-character", node.line, glued.end() + 1, reach, cause="after-colon",
                      char=line[glued.end()], key=glued.group(1), offset=self._offset(node.line, glued.end()))
            return
        facts, column = missing_colon(line, node.column + 1, node.text_key)
        self._add("yaml-syntax", node.line, column, reach, **facts)

    def _next_content_line(self, number: int) -> int:
        """The first line after `number` that holds more than spaces or a comment (or `number`)."""
        for later in range(number + 1, len(self.lines) + 1):
            stripped = self.lines[later - 1].strip()
            if stripped and not stripped.startswith("#"):
                return later
        return number

    def _next_line_indented_at_most(self, number: int, spaces: int) -> int:
        for later in range(number + 1, len(self.lines) + 1):
            line = self.lines[later - 1]
            stripped = line.lstrip(" ")
            if stripped.strip() and not stripped.startswith("#") and len(line) - len(stripped) <= spaces:
                return later
        return len(self.lines)


_CLOSING = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c\u201d", "\u201a": "\u2018\u2019",
            "\u201d": "\u201d", "\u2019": "\u2019"}


def _key_colon(line: str, start: int) -> int:
    """Where the colon that ends a plain key stands (followed by a space or the end of the line, and
    before any comment), or -1."""
    colon = line.find(":", start)
    while colon >= 0:
        if colon + 1 == len(line) or line[colon + 1] in " \t":
            comment = line.find(" #", start, colon)
            return -1 if comment >= 0 else colon
        colon = line.find(":", colon + 1)
    return -1


def _after_properties(line: str, at: int) -> int:
    """Skip an anchor (&name) or a tag (!tag) before a value, and the spaces after them."""
    while line[at:at + 1] in ("&", "!"):
        space = line.find(" ", at)
        if space < 0:
            return len(line)
        at = len(line) - len(line[space:].lstrip(" \t"))
    return at


def _follow(line: str, start: int, depth: int, quote: str | None) -> tuple[int, str | None, int]:
    """Follow brackets and quotes through `line` from `start`: the depth of brackets and the quote
    still open at the end of the line (or where a value closes), and where that is."""
    index, end = start, len(line)
    # A quote opens a quoted value only where a value starts: after a bracket or a comma, or after
    # the colon of a key and a space. (In "it's" it is an apostrophe.)
    previous, spaced = (line[start - 1] if 0 < start <= end else "["), False
    while index < end:
        char = line[index]
        if quote is not None:
            if char == "\\" and quote == '"':
                index += 2
                continue
            if char == quote:
                if quote == "'" and line[index + 1:index + 2] == "'":
                    index += 2
                    continue
                quote = None
                if depth == 0:
                    return 0, None, index + 1
            index += 1
            continue
        if char == "#" and (index == 0 or line[index - 1] in " \t"):
            break  # a comment
        if char in " \t":
            spaced = True
            index += 1
            continue
        if char in "\"'" and (previous in "[{," or previous in ":?" and spaced):
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return 0, None, index + 1
        previous, spaced = char, False
        index += 1
    return depth, quote, end
