"""## What it does
Reports a full name that does not contain the entry's name. The full name is shown under the page
title as the name and what kind of thing it is ("Cerebrolysin (neuropeptide preparation)").
Letter case, spaces and hyphens do not matter ("BPC 157" contains "BPC-157").

## Why it matters
A new entry is usually started from an existing one. A full name left from the other peptide puts
that peptide's name under this one's title, and nothing else on the page looks wrong.

## Example
```yaml
name: Testpeptide-Q
full_name: Testpeptide-Z (synthetic test compound)
```

## Instead
```yaml
name: Testpeptide-Q
full_name: Testpeptide-Q (synthetic test compound)
```
"""

from __future__ import annotations

from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from .base import Rule

_WORD = regex(r"\w+")


def check(document, context) -> Iterator[Finding]:
    name, full_name = document.get(("name",)), document.get(("full_name",))
    if not (isinstance(name, str) and isinstance(full_name, str)):
        return  # missing or of the wrong kind: the schema reports it
    wanted, words = _words(name), _words(full_name)
    if not wanted or not words or any(words[i:i + len(wanted)] == wanted for i in range(len(words))):
        return
    yield RULE.at(document, document.span(("full_name",)),
                  f'the full name "{full_name.strip()}" does not contain the name "{name.strip()}"',
                  f'write the name and what kind of thing it is, e.g. "{name.strip()} (...)"; a full '
                  "name from another entry is left over from a copy")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


RULE = Rule("PL510", "full-name-mismatch", Severity.ERROR,
            "The full name does not contain the entry's name.", __doc__, check)
