"""## What it does
Reports citation markup that Pandoc would not read as a citation: a bracket that is never closed
(`[@doe-2001`), an id without brackets (`@doe-2001`), or an id in brackets without the `@`
(`[doe-2001]`).

## Why it matters
Broken markup is published as literal text, and the claim next to it loses its source without
anyone noticing.

## Example
```yaml
mechanism: It is imagined to bind a synthetic receptor (see @doe-2001).
```

## Instead
```yaml
mechanism: It is imagined to bind a synthetic receptor [@doe-2001].
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..prose import CITATION_GROUP, declared_source_ids
from ..wording import field
from ..schema import PROSE
from ..texts import texts
from .base import Rule

_UNCLOSED = regex(r"\[@[^\]\[]*$|\[@[^\]\[]*(?=\[)")
_BARE = regex(r"(?<![\w.@\[;])@([A-Za-z0-9][A-Za-z0-9_-]*)")
_NO_AT = regex(r"\[([a-z0-9]+(?:-[a-z0-9]+)+)(?:;\s*[a-z0-9]+(?:-[a-z0-9]+)+)*\]")


def check(document, context) -> Iterator[Finding]:
    known = declared_source_ids(document.data)
    for path, text in texts(document, context.schema, PROSE):
        name = field(context.schema, document.data, path)
        for match in _UNCLOSED.finditer(text):
            yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                          f"a citation in {name} is never closed",
                          "add the closing bracket: [@source-id]")
        outside = CITATION_GROUP.sub(lambda m: " " * len(m.group()), text)
        for match in _BARE.finditer(outside):
            if _UNCLOSED.search(text[: match.end()][-len(match.group()) - 2:]):
                continue
            yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                          f'"{match.group()}" in {name} has no square brackets, so it is not a citation',
                          f"write it as [{match.group()}]")
        for match in _NO_AT.finditer(text):
            ids = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", match.group())
            if any(i in known for i in ids):
                fixed = "[" + "; ".join("@" + i for i in ids) + "]"
                yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                              f'"{match.group()}" in {name} lacks the @ that makes it a citation',
                              f"write it as {fixed}")


RULE = Rule("PL206", "malformed-citation", Severity.ERROR,
            "Citation markup is broken: unclosed, without brackets or without @.", __doc__, check)
