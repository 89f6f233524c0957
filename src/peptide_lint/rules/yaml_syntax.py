"""## What it does
Reports text that YAML cannot read, at the place where reading stopped, with the likely cause.

## Why it matters
A file that does not load cannot be published or checked any further.

## Example
```yaml
name: Semax
note: a value with a colon: like this
```

## Instead
```yaml
name: Semax
note: "a value with a colon: like this"
```
"""

import re

from ..findings import Severity
from .base import Rule

RULE = Rule("PL005", "yaml-syntax", Severity.ERROR, "The file is not valid YAML.", __doc__)

# The parser's wording, mapped to what an editor can act on. Checked in order; first match wins.
_EXPLANATIONS = [
    ("mapping values are not allowed",
     "a colon followed by a space inside this value makes YAML read it as a new key",
     "put the whole value in double quotes, or use a block (key: >-) for long text"),
    ("did not find expected key",
     "this line does not line up with the keys around it",
     "keys of the same level start in the same column; check the spaces at the start of this line"),
    ("did not find expected '-' indicator",
     "this line does not line up with the list items around it",
     "the keys of one list item line up under its first key (the one after '- '), and the items "
     "of one list start with '- ' in the same column"),
    ("could not find expected ':'",
     "YAML expected a key followed by a colon here",
     "check for a missing colon after a key, or a quote that was opened and never closed"),
    ("found unexpected end of stream",
     "this quoted value is never closed",
     "add the closing quote at the end of the value"),
    ("did not find expected ',' or ']'",
     "this list in brackets is never closed",
     "add the closing ']' at the end of the list, and separate its items with commas"),
    ("did not find expected ',' or '}'",
     "this mapping in braces is never closed",
     "add the closing '}' at the end, and separate its keys with commas"),
    ("found character that cannot start any token",
     "this character cannot start a value here",
     "put the value in double quotes; characters such as @, ` and % cannot start plain text"),
    ("expected <block end>, but found",
     "this line is indented differently from the lines around it",
     "line up keys of the same level in the same column"),
    ("found a tab character",
     "a tab stands where YAML expects spaces",
     "replace the tab with spaces"),
    ("found duplicate anchor",
     "the same anchor name is defined twice",
     "entries may not use anchors at all; write the content out"),
    ("while scanning a block scalar",
     "the header of a block of text (| or >) is not valid",
     "write '>-' or '|' alone after the key's colon, and the text on the following lines"),
]


# Problems best shown where the unclosed thing opened, not where the parser gave up.
_AT_OPENING = ("found unexpected end of stream", "did not find expected ',' or")


def explain(problem: str, context: str) -> tuple[str, str, bool]:
    """An editor's message and hint for the parser's `problem` and `context` texts, and whether
    to point at where the enclosing construct opened."""
    at_opening = any(needle in problem for needle in _AT_OPENING)
    for needle, message, hint in _EXPLANATIONS:
        if needle in problem or needle in context:
            return message, hint, at_opening
    detail = " ".join(part for part in (context, problem) if part)
    return (f"YAML cannot read the file here ({detail})",
            "check the indentation, colons and quotes on this line and the line above", at_opening)


_INVISIBLE = {"\u00a0": "non-breaking space", "\u200b": "zero-width space", "\u2007": "figure space",
              "\u202f": "narrow non-breaking space", "\u3000": "ideographic space", "\ufeff": "byte-order mark"}
# Spaces at the start of a line, with the look-alikes YAML does not count as indentation.
_BLOCK_START = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")
_INDENT = re.compile("[ \u00a0\u2007\u202f\u3000]*")
# A key whose colon has no space after it: YAML reads "class:Synthetic" as one piece of text.
_GLUED_KEY = re.compile(r"\s*(?:- +)?([A-Za-z_][\w-]*):(?=\S)")
# The key of a line and the spaces after its colon, up to where the value starts.
_BEFORE_VALUE = re.compile(r"\s*(?:- +)?[^\s:#][^:]*: +")
# Where the key of a line (or of a list item) starts.
_BEFORE_ITEM = re.compile(r"\s*(?:- +)?")
# Quotes a word processor types; to YAML they are ordinary characters of the value.
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201a"


def diagnose(problem: str, context: str, problem_at: tuple[int, int] | None,
             context_at: tuple[int, int] | None, lines: list[str]) -> tuple[str, str, tuple[int, int] | None]:
    """An editor's message and hint for a parse error, and the (line, column) to point at, 1-based.

    The parser stops where reading became impossible, which for a missing colon or an unclosed
    quote is often a line or more after the mistake; these cases are moved back to where it is."""
    message, hint, at_opening = explain(problem, context)
    where = (context_at if at_opening else None) or problem_at or context_at
    last = max((at[0] for at in (problem_at, context_at) if at), default=0)
    odd_indent = _odd_indentation(lines, last)
    if odd_indent:
        return odd_indent
    if "could not find expected ':'" in problem and "simple key" in context and context_at:
        line = _line(lines, context_at[0])
        glued = _glued_key(lines, context_at[0])
        if glued:
            return glued
        odd = next((i for i, char in enumerate(line) if char in _INVISIBLE), None)
        if odd is not None:
            name = _INVISIBLE[line[odd]]
            return (f"this line holds an invisible {name} (U+{ord(line[odd]):04X}) where YAML needs a plain space",
                    "delete the space after the colon and type it again", (context_at[0], odd + 1))
        return ("this line has no colon after its key, so YAML cannot read it",
                "write the key with a colon and a space (class: ...); if the line belongs to the text "
                "above, indent it like the other lines of that text", context_at)
    if "mapping values are not allowed" in problem and problem_at:
        line = _line(lines, problem_at[0])
        key = re.match(r"\s*[A-Za-z_][\w-]*:", line)
        if key and key.end() == problem_at[1]:  # the colon of a key at the start of the line
            # "class:Synthetic" on the line above is text, and this line's key would carry it on
            glued = _glued_key(lines, problem_at[0] - 1)
            if glued:
                return glued
            return ("this key is indented differently from the keys around it, so YAML reads it as part "
                    "of the value above", "line up keys of the same level in the same column",
                    (problem_at[0], len(line) - len(line.lstrip()) + 1))
        curly = _curly_quoted(lines, problem_at[0])
        if curly:
            return curly
    if "did not find expected key" in problem and problem_at:
        line = _line(lines, problem_at[0])
        before = line[: problem_at[1] - 1].rstrip()
        if before.endswith(('"', "'")) and before.count(before[-1]) >= 2:
            return ("a quote inside this quoted value ends it early",
                    "write the inner quotes as single quotes ('like this'), or write the value as a block "
                    "(key: >-) with the text on the next line", problem_at)
        first = context_at[0] if context_at else 1
        for number in range(first, problem_at[0]):
            text = _line(lines, number)
            if text.count('"') % 2 == 1:
                return ("this quoted value is never closed on its line",
                        "add the closing quote at the end of the value", (number, text.index('"') + 1))
    return message, hint, where


def _odd_indentation(lines: list[str], last: int) -> tuple[str, str, tuple[int, int]] | None:
    """A look-alike space in the indentation of a line, up to line `last`, nearest first. YAML reads
    such a line as text at the left edge and stops at whatever follows, often lines later. (In a
    block of text it is part of the text, and harmless.)"""
    in_text = _block_text_lines(lines[:last])
    for number in range(min(last, len(lines)), 0, -1):
        if number in in_text:
            continue
        indent = _INDENT.match(lines[number - 1]).group()
        odd = next((i for i, char in enumerate(indent) if char != " "), None)
        if odd is not None:
            name = _INVISIBLE[indent[odd]]
            return (f"this line holds an invisible {name} (U+{ord(indent[odd]):04X}) in its indentation, "
                    "where YAML needs plain spaces",
                    "replace it with a normal space: delete the spaces at the start of this line and type "
                    "them again", (number, odd + 1))
    return None


def _block_text_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines that are the text of a block scalar (after `key: >-` or `key: |`):
    lines indented with spaces deeper than the key's line, and blank lines among them."""
    found: set[int] = set()
    parent: int | None = None  # the indentation of the key that opened a block of text
    for number, line in enumerate(lines, start=1):
        spaces = len(line) - len(line.lstrip(" "))
        if parent is not None and (not line.strip() or spaces > parent):
            found.add(number)
            continue
        parent = spaces if _BLOCK_START.search(line) else None
    return found


def _glued_key(lines: list[str], number: int) -> tuple[str, str, tuple[int, int]] | None:
    """A key on line `number` with no space after its colon, pointed at the colon."""
    glued = _GLUED_KEY.match(_line(lines, number))
    if not glued:
        return None
    key = glued.group(1)
    return (f"the colon after {key} needs a space after it; without one, YAML reads {key}:... as one piece "
            "of text, not as a key and its value",
            f"write a space after the colon ({key}: ...)", (number, glued.end()))


def _curly_quoted(lines: list[str], number: int) -> tuple[str, str, tuple[int, int]] | None:
    """A value that starts with a curly quote and runs on to line `number`, pointed at the quote.
    The lines a value runs on to are indented deeper than the line of its key."""
    candidates = [number]
    column = _BEFORE_ITEM.match(_line(lines, number)).end()
    above = number - 1
    while above > 0 and _BEFORE_ITEM.match(_line(lines, above)).end() >= column:
        above -= 1
    candidates.append(above)
    for candidate in candidates:
        line = _line(lines, candidate)
        value = _BEFORE_VALUE.match(line)
        if value and value.end() < len(line) and line[value.end()] in _CURLY_QUOTES:
            quote = line[value.end()]
            return (f"this value starts with a curly quote ({quote}), which YAML does not read as a quote, "
                    "so the colon inside the value makes it read a new key",
                    'write the value in straight double quotes ("...") instead of curly ones; word '
                    "processors and autocorrect often make quotes curly", (candidate, value.end() + 1))
    return None


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
