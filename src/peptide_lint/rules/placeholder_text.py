"""## What it does
Reports placeholder text left in any value, whatever its class of text (a title or a name too): TODO, TBD, FIXME, XXX, "lorem ipsum",
"[citation needed]". (A caveat or safety summary that is nothing but a placeholder is reported by
safety-caveat-required instead.)

## Why it matters
Placeholders are notes to the team that must never reach readers of a medical page.

## Example
```yaml
mechanism: It binds a synthetic receptor (TODO check which one).
```

## Instead
```yaml
mechanism: It is imagined to bind a synthetic receptor.
```
"""

from __future__ import annotations

from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..texts import reader_texts
from ..wording import field
from .base import Rule
from .safety_caveat_required import PLACEHOLDER, TEXT_PARTS

_PLACEHOLDER = regex(r"(?<!\w)(?=[TFXl\[L])(TODO|TBD|FIXME|XXX+|\[citation needed\]|(?i:lorem ipsum))(?!\w)")


def check(document, context) -> Iterator[Finding]:
    if not _PLACEHOLDER.search(document.text):
        return  # nothing anywhere in the file, comments included
    for path, text, _ in reader_texts(document, context.schema):  # data too: a TODO in a title is one
        if path in TEXT_PARTS and PLACEHOLDER.match(text.strip()):
            continue
        for match in _PLACEHOLDER.finditer(text):
            yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                          f'{field(context.schema, document.data, path)} contains the placeholder "{match.group()}"',
                          "replace it with the finished text before publishing")


RULE = Rule("PL503", "placeholder-text", Severity.ERROR,
            "A value contains placeholder text such as TODO or lorem ipsum.", __doc__, check)
