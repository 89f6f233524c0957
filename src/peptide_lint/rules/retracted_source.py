"""## What it does
Reports a source marked as retracted or withdrawn: a title (or venue) that says so as journals
and PubMed print it ("[Retracted] ...", "Retracted: ...", "RETRACTED ARTICLE: ...", Cochrane's
"WITHDRAWN: ..."), or a note (or venue) that says the work was retracted or withdrawn ("retracted in 2021 for duplicated
images", "withdrawn by the journal"). A note that says it was not retracted, or a drug withdrawn
from the market, is not reported. A retraction notice itself is a source like any other.

## Why it matters
A retracted paper is no longer part of the evidence: its journal has said that its findings
cannot be relied on. Claims that rest on it mislead readers, who cannot tell from a title in the
source list that the work was withdrawn.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: "[Retracted] A synthetic trial of Testpeptide-Z"
    funding: independent
    note: synthetic; small effect
    pmid: "12345"
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

## Instead
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
    note: synthetic; small effect
    pmid: "12345"
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..risks import is_denied
from ..wording import show, thing
from .base import Rule

# How journals and PubMed mark a retracted or withdrawn work in its title.
_TITLE_MARK = regex(
    r"^\W*(?:retracted(?:\s+article)?|withdrawn)\s*[:.\]-]|[\[(]\s*(?:retracted|withdrawn)(?:\s+article)?\s*[\])]",
    re.IGNORECASE)
# A note saying that the work itself was retracted or withdrawn (not a drug withdrawn from the market).
_NOTE_MARK = regex(
    r"(?<!\w)retracted(?!\w)"
    r"|^\W*withdrawn(?!\w)"
    r"|(?<!\w)(?:paper|article|study|trial report|review|publication|preprint|it)\s+(?:was|has been|is|had been)\s+"
    r"withdrawn(?!\s+from\s+(?:the\s+)?market)"
    r"|(?<!\w)withdrawn\s+(?:by|from)\s+(?:the\s+|its\s+)?(?:journal|publisher|authors?|editors?|publication)",
    re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    for index, source in document.each(("sources",)):
        if not isinstance(source, dict):
            continue
        path = ("sources", index)
        reason = _retracted(source)
        if reason:
            key, words = reason
            yield RULE.at(document, document.span(path + (key,)),
                          f"{thing(context.schema, document.data, path)} has been retracted or withdrawn: "
                          f"its {key} says {show(words)}",
                          "a retracted work is no longer evidence: remove it and the claims that rest on it "
                          "alone, or, to report the retraction, cite the retraction notice and say so in the text")


def _retracted(source: dict) -> tuple[str, str] | None:
    """(the key that says so, the words that say it), or None. A venue is read both ways: PubMed
    marks the journal line, and editors write "(retracted)" after it."""
    for key in ("title", "venue"):
        text = source.get(key)
        if isinstance(text, str) and (match := _TITLE_MARK.search(text)):
            return key, match.group().strip(" :.-")
    for key in ("note", "venue"):
        text = source.get(key)
        if isinstance(text, str):
            for match in _NOTE_MARK.finditer(text):
                if not is_denied(text, match.start()):
                    return key, match.group()
    return None


RULE = Rule("PL212", "retracted-source", Severity.ERROR,
            "A source is marked as retracted or withdrawn.", __doc__, check)
