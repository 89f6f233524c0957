"""## What it does
Warns about a sentence that states an effect or a benefit and cites only sponsored sources
(`funding: sponsored`), with no independent or mixed one.

## Why it matters
Sponsored trials are more likely to report benefit than independent ones. A claim of efficacy that
rests on sponsored work alone should say so, cite independent evidence, or say that none exists.

## Example
```yaml
lede: Testpeptide-Z improves recovery [@doe-2001].
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: sponsored
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
lede: Testpeptide-Z improves recovery in one maker-sponsored trial; no independent trial exists [@doe-2001].
evidence_summary: One maker-sponsored synthetic trial found a small effect; no independent trial exists [@doe-2001].
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: sponsored
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

from ..findings import Finding, Severity
from ..prose import DEFAULT_CLAIM_SIGNALS, citations, sentences, sources_by_id
from ..wording import field
from ..schema import PROSE
from ..texts import texts
from .base import Rule

_EFFECT = re.compile(r"(?<!\w)(?=\w)(" + "|".join(re.escape(w) for w in DEFAULT_CLAIM_SIGNALS["an effect"])
                     + r"|works|helps|effective|efficacy)(?!\w)", re.IGNORECASE)
# Sentences that already say where the evidence comes from need no warning.
_DISCLOSED = re.compile(r"sponsor|manufacturer|maker|industry|no independent", re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    sources = sources_by_id(document.data)
    if not any(source.get("funding") == "sponsored" for source in sources.values()):
        return
    for path, text in texts(document, context.schema, PROSE):
        if not _EFFECT.search(text):
            continue
        for sentence in sentences(text):
            cited = [sources[c.id] for c in citations(sentence.text) if c.id in sources]
            if not cited or not _EFFECT.search(sentence.text) or _DISCLOSED.search(sentence.text):
                continue
            if all(source.get("funding") == "sponsored" for source in cited):
                yield RULE.at(document, document.text_span(path, sentence.start, sentence.end),
                              f"this sentence in {field(context.schema, document.data, path)} states an effect "
                              "and cites only sponsored sources",
                              "cite independent evidence as well, or say that the evidence is sponsored "
                              "and that no independent study exists")


RULE = Rule("PL209", "sponsored-only-efficacy", Severity.WARNING,
            "An efficacy claim cites only sponsored sources.", __doc__, check)
