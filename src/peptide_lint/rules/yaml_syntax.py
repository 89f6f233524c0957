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

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import excerpt
from .base import Rule

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



def explain(problem: str, context: str) -> tuple[str, str]:
    """An editor's message and hint for the parser's `problem` and `context` texts."""
    for needle, message, hint in _EXPLANATIONS:
        if needle in problem or needle in context:
            return message, hint
    detail = " ".join(part for part in (context, problem) if part)
    return (f"YAML cannot read the file here ({detail})",
            "check the indentation, colons and quotes on this line and the line above")


_MISSING_COLON = "this line has no colon after its key, so YAML cannot read it"


def describe(problem: Problem) -> Words:
    """The words for the causes the line scan (linescan.py), the parser's error (syntax_errors.py)
    and the parser's build (a key that is not a word) find."""
    facts = problem.facts
    cause = facts["cause"]
    if cause == "glued-key":
        key = facts["key"]
        return Words(f"the colon after {key} needs a space after it; without one, YAML reads {key}:... as one "
                     "piece of text, not as a key and its value",
                     f"write a space after the colon ({key}: {excerpt(facts['value'])})")
    if cause == "missing-colon":
        word, rest, text_key = facts["word"], facts["rest"], facts["text_key"]
        example = f"{word}: {excerpt(rest)}" if rest else f"{word}: ..."
        if text_key and facts["sentence"]:
            return Words(_MISSING_COLON, f"this line reads as the text of {text_key}: indent it under {text_key} "
                                         "like the text of the other keys")
        if text_key:
            return Words(_MISSING_COLON, f"if this line is the text of {text_key}, indent it under {text_key} like "
                                         f"the text of the other keys; if {word} is a key, write a colon and a space "
                                         f"after it ({example})")
        return Words(_MISSING_COLON, f"write the key with a colon and a space ({example}); if the line belongs to "
                                     "the text above, indent it like the other lines of that text")
    if cause == "overindented-blank":
        others = facts["others"]
        also = "" if not others else (f" and on line {others[0]}" if len(others) == 1
                                      else f" and on lines {others[0]}–{others[-1]}")
        return Words(f"this empty line at the start of the text of {facts['key']} holds more spaces than the first "
                     f"line of the text (line {facts['first_text']}), so YAML cannot tell how far the text is "
                     "indented", f"delete the spaces on this empty line{also}: an empty line inside text needs none")
    if cause == "missing-comma":
        previous = excerpt(facts["previous"])
        things = "the keys of a mapping in braces" if facts["braces"] else "the items of a list in brackets"
        also = ", and a comment does not separate them" if facts["crossed_comment"] else ""
        return Words(f'a comma is missing between "{previous}" and "{facts["next"]}": {things} are separated by '
                     f"commas{also}", f'write a comma after "{previous}" ({previous}, {facts["next"]})')
    if cause == "not-an-entry":
        return Words(f"this file does not read as an entry: {facts['lines']} of its {facts['of']} lines are neither "
                     "keys nor the text of a key (is it the file you meant?)",
                     "an entry is YAML: keys followed by a colon and a space, text indented under its key; "
                     "start a new entry with: peptide-lint new \"Name\"")
    if cause == "misindented-key":
        return Words("this key is indented differently from the keys around it, so YAML reads it as part of the "
                     "value above", "line up keys of the same level in the same column")
    if cause == "quote-inside-quotes":
        return Words("a quote inside this quoted value ends it early", _inner_quotes_hint(facts))
    if cause == "unclosed-quote":
        return Words("this quoted value is never closed on its line", "add the closing quote at the end of the value")
    if cause == "key-not-a-word":
        return Words("a key here is a list or a mapping, not a word",
                     "keys are single words followed by a colon, like 'name:'")
    if cause == "unreadable":
        return Words(f"YAML cannot read this file: {facts['error']}")
    message, hint = explain(facts["problem"], facts["context"])
    if cause == "colon-in-value":
        key = facts["key"]
        hint = (f'put the whole value in double quotes ({key}: "{_quotable(facts["value"])}"), or write it as a '
                f"block ({key}: >-) with the text on the next line")
    elif cause == "cannot-start":
        hint = (f'put the value in double quotes ({facts["key"]}: "{_quotable(facts["value"])}"): plain text cannot '
                f"start with {facts['char']}")
    return Words(message, hint)


def _inner_quotes_hint(facts: dict) -> str:
    """How to write a quoted value that holds its own kind of quote, in the line's words: in double
    quotes the inner ones become single quotes; an apostrophe in single quotes is written twice."""
    inner, key = facts["inner"], facts["key"]
    if facts["quote"] == '"':
        how, repaired = "write the inner quotes as single quotes", f'"{excerpt(inner.replace(chr(34), chr(39)))}"'
    else:
        how, repaired = "write each quote inside the value twice", f"'{excerpt(inner.replace(chr(39), chr(39) * 2))}'"
    if key is None:
        return f"{how} ({repaired})"
    return f"{how} ({key}: {repaired}), or write the value as a block ({key}: >-) with the text on the next line"


def _quotable(value: str) -> str:
    """A value as it reads inside double quotes, shortened for a hint."""
    return excerpt(value.replace("\\", "\\\\").replace('"', "'"))


RULE = Rule("PL005", "yaml-syntax", Severity.ERROR, "The file is not valid YAML.", __doc__, describe=describe)
