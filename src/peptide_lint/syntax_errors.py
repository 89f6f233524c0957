"""Where the mistake behind a YAML error stands, and what it likely is.

The parser stops where reading became impossible, which for a missing colon, an unclosed quote or
a missing comma is often a line or more after the mistake. These cases are moved back to where the
mistake is, with the facts an editor's message needs (the key and value the line writes, the item
before a missing comma); rules/yaml_syntax.py words them. Mistakes the lines show by themselves,
such as a key glued to its value, are found by the line scan (linescan.py) before the parser runs,
and the parser's error is dropped when it stands where one of those reaches.
"""

from __future__ import annotations

import re
from typing import Any

from . import linescan
from .findings import FILE_START, Span
from .parser import ParseError
from .problems import Problem

# Problems best shown where the unclosed thing opened, not where the parser gave up.
_AT_OPENING = ("found unexpected end of stream", "did not find expected ',' or")


def syntax_problem(error: ParseError, lines: list[str], scanned: list[linescan.LineProblem]) -> Problem | None:
    """The problem of a parse error of the text whose `lines` these are, or None when the line scan
    found its cause already (`scanned`)."""
    if not error.marked:  # a reader error: the line scan names its causes, when it found them
        return None if scanned else Problem("yaml-syntax", FILE_START, {"cause": "unreadable", "error": error.problem})
    facts, where = _cause(error, lines)
    if where and any(problem.covers(where[0]) for problem in scanned):
        return None
    span = Span.point(*where) if where else FILE_START
    if "undefined alias" in error.problem:
        return Problem("anchors-and-aliases", span, {"cause": "undefined-alias"})
    return Problem("yaml-syntax", span, facts)


def _cause(error: ParseError, lines: list[str]) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """The facts of the mistake and the (line, column) to point at, 1-based. Unless a likelier cause
    is found, the facts are the parser's own words (cause "parser")."""
    problem, context, problem_at, context_at = error.problem, error.context, error.problem_at, error.context_at
    parser = {"cause": "parser", "problem": problem, "context": context}
    at_opening = any(needle in problem for needle in _AT_OPENING)
    where = (context_at if at_opening else None) or problem_at or context_at
    if "could not find expected ':'" in problem and "simple key" in context and context_at:
        facts, column = linescan.missing_colon(_line(lines, context_at[0]), context_at[1])
        return facts, (context_at[0], column)
    if "did not find expected ',' or" in problem and problem_at and context_at:
        comma = _missing_comma(lines, context_at, problem_at, braces="'}'" in problem)
        if comma:
            return comma
    if "mapping values are not allowed" in problem and problem_at:
        line = _line(lines, problem_at[0])
        key = re.match(r"\s*[A-Za-z_][\w-]*:", line)
        if key and key.end() == problem_at[1]:  # the colon of a key at the start of the line
            return {"cause": "misindented-key"}, (problem_at[0], len(line) - len(line.lstrip()) + 1)
        written = _key_and_value(line)
        if written and written[2] < problem_at[1]:  # the colon stands inside the value of the line's key
            return {**parser, "cause": "colon-in-value", "key": written[0], "value": written[1]}, where
    if "found character that cannot start any token" in problem and problem_at:
        line = _line(lines, problem_at[0])
        char = line[problem_at[1] - 1:problem_at[1]]
        written = _key_and_value(line)
        if char.strip() and written and written[2] < problem_at[1]:
            return {**parser, "cause": "cannot-start", "key": written[0], "value": written[1], "char": char}, where
    if "did not find expected key" in problem and problem_at:
        line = _line(lines, problem_at[0])
        before = line[: problem_at[1] - 1].rstrip()
        if before.endswith(('"', "'")) and before.count(before[-1]) >= 2:
            return _quote_inside_quotes(line, before[-1]), problem_at
        first = context_at[0] if context_at else 1
        for number in range(first, problem_at[0]):
            text = _line(lines, number)
            if text.count('"') % 2 == 1:
                return {"cause": "unclosed-quote"}, (number, text.index('"') + 1)
    return parser, where


def _missing_comma(lines: list[str], opened_at: tuple[int, int], stopped_at: tuple[int, int],
                   braces: bool) -> tuple[dict[str, Any], tuple[int, int]] | None:
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
    previous = re.split(r"[\[{,]|:\s", before)[-1].strip()
    return ({"cause": "missing-comma", "previous": previous, "next": next_item, "braces": braces,
             "crossed_comment": crossed_comment}, (number, len(before) + 1))


def _quote_inside_quotes(line: str, quote: str) -> dict[str, Any]:
    """A quoted value that holds its own kind of quote: the quote, the line's key (None for a list
    item) and the text between the outer quotes."""
    written = _key_and_value(line)
    value = written[1] if written else line.strip().lstrip("- ")
    inner = value[1:-1] if len(value) > 1 and value[0] == value[-1] == quote else value.strip(quote)
    return {"cause": "quote-inside-quotes", "quote": quote, "key": written[0] if written else None, "inner": inner}


def _key_and_value(line: str) -> tuple[str, str, int] | None:
    """The key and the value written on a line (`key: value` or `- key: value`), and the column
    (1-based) of the key's colon."""
    written = re.match(r"\s*(?:- +)?([A-Za-z_][\w-]*):[ \t]+(.*?)\s*$", line)
    return (written.group(1), written.group(2), written.end(1) + 1) if written else None


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
