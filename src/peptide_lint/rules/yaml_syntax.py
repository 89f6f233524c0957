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
     "items of one list start with '- ' in the same column"),
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
