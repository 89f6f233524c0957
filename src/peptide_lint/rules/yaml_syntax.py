"""## What it does
Reports text that YAML cannot read, at the place of the mistake and with its likely cause: a key
without its colon or without the space after it, a comma missing between the items in brackets or
braces, an empty line at the start of a block of text holding more spaces than the text, and
wherever else YAML stops reading. The mistakes the lines show by themselves are all reported in one
run; YAML itself stops at the first one it meets.

## Why it matters
A file that does not load cannot be published, and its content cannot be checked until it does.

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

from .. import linescan
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

    The parser stops where reading became impossible, which for a missing colon, an unclosed quote
    or a missing comma is often a line or more after the mistake; these cases are moved back to
    where it is. (Mistakes the lines show by themselves, such as a key glued to its value, are
    reported by the line scan, linescan.py, before the parser runs.)"""
    message, hint, at_opening = explain(problem, context)
    where = (context_at if at_opening else None) or problem_at or context_at
    if "could not find expected ':'" in problem and "simple key" in context and context_at:
        message, hint, column = linescan.missing_colon(_line(lines, context_at[0]), context_at[1])
        return message, hint, (context_at[0], column)
    if "did not find expected ',' or" in problem and problem_at and context_at:
        comma = _missing_comma(lines, context_at, problem_at, braces="'}'" in problem)
        if comma:
            return comma
    if "mapping values are not allowed" in problem and problem_at:
        line = _line(lines, problem_at[0])
        key = re.match(r"\s*[A-Za-z_][\w-]*:", line)
        if key and key.end() == problem_at[1]:  # the colon of a key at the start of the line
            return ("this key is indented differently from the keys around it, so YAML reads it as part "
                    "of the value above", "line up keys of the same level in the same column",
                    (problem_at[0], len(line) - len(line.lstrip()) + 1))
        written = _key_and_value(line)
        if written and written[2] < problem_at[1]:  # the colon stands inside the value of the line's key
            key, value, _ = written
            hint = (f'put the whole value in double quotes ({key}: "{_quotable(value)}"), or write it as a block '
                    f"({key}: >-) with the text on the next line")
    if "found character that cannot start any token" in problem and problem_at:
        line = _line(lines, problem_at[0])
        char = line[problem_at[1] - 1:problem_at[1]]
        written = _key_and_value(line)
        if char.strip() and written and written[2] < problem_at[1]:
            key, value, _ = written
            hint = f'put the value in double quotes ({key}: "{_quotable(value)}"): plain text cannot start with {char}'
    if "did not find expected key" in problem and problem_at:
        line = _line(lines, problem_at[0])
        before = line[: problem_at[1] - 1].rstrip()
        if before.endswith(('"', "'")) and before.count(before[-1]) >= 2:
            return ("a quote inside this quoted value ends it early", _inner_quotes_hint(line, before[-1]),
                    problem_at)
        first = context_at[0] if context_at else 1
        for number in range(first, problem_at[0]):
            text = _line(lines, number)
            if text.count('"') % 2 == 1:
                return ("this quoted value is never closed on its line",
                        "add the closing quote at the end of the value", (number, text.index('"') + 1))
    return message, hint, where


def _missing_comma(lines: list[str], opened_at: tuple[int, int], stopped_at: tuple[int, int],
                   braces: bool) -> tuple[str, str, tuple[int, int]] | None:
    """A list in brackets or a mapping in braces that does close further on, where the parser found
    no comma before the item at `stopped_at`: the comma is missing after the item before it."""
    if not linescan.flow_closes(lines, *opened_at):
        return None
    number, column = stopped_at
    line = _line(lines, number)
    start = column - 1
    if line[start:start + 1] == ":":  # the colon after the next key: the item starts with that key
        while start > 0 and line[start - 1] not in " \t,[{":
            start -= 1
    next_item = re.match(r"[^\s,:\]}]*", line[start:]).group() or line[start:start + 1]
    before, crossed_comment = line[:start], False
    while not before.strip():
        number -= 1
        if number < opened_at[0]:
            return None
        before = linescan.without_comment(_line(lines, number))
        crossed_comment = crossed_comment or before != _line(lines, number)
    before = before.rstrip()
    if before[-1:] in ("[", "{", ","):
        return None
    previous = _excerpt(re.split(r"[\[{,]|:\s", before)[-1].strip())
    things = "the keys of a mapping in braces" if braces else "the items of a list in brackets"
    also = ", and a comment does not separate them" if crossed_comment else ""
    return (f'a comma is missing between "{previous}" and "{next_item}": {things} are separated by commas{also}',
            f'write a comma after "{previous}" ({previous}, {next_item})', (number, len(before) + 1))


def _inner_quotes_hint(line: str, quote: str) -> str:
    """How to write a quoted value that holds its own kind of quote, in the line's words: in double
    quotes the inner ones become single quotes; an apostrophe in single quotes is written twice."""
    written = _key_and_value(line)
    value = written[1] if written else line.strip().lstrip("- ")
    inner = value[1:-1] if len(value) > 1 and value[0] == value[-1] == quote else value.strip(quote)
    if quote == '"':
        how, repaired = "write the inner quotes as single quotes", f'"{_excerpt(inner.replace(chr(34), chr(39)))}"'
    else:
        how, repaired = "write each quote inside the value twice", f"'{_excerpt(inner.replace(chr(39), chr(39) * 2))}'"
    if not written:
        return f"{how} ({repaired})"
    key = written[0]
    return f"{how} ({key}: {repaired}), or write the value as a block ({key}: >-) with the text on the next line"


def _key_and_value(line: str) -> tuple[str, str, int] | None:
    """The key and the value written on a line (`key: value` or `- key: value`), and the column
    (1-based) of the key's colon."""
    written = re.match(r"\s*(?:- +)?([A-Za-z_][\w-]*):[ \t]+(.*?)\s*$", line)
    return (written.group(1), written.group(2), written.end(1) + 1) if written else None


def _quotable(value: str) -> str:
    """A value as it reads inside double quotes, shortened for a hint."""
    return _excerpt(value.replace("\\", "\\\\").replace('"', "'"))


_excerpt = linescan.excerpt


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
