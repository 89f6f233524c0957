"""## What it does
Reports absolute safety claims in the prose and in every short text a reader sees (headlines,
labels, the caption, names, dose rows): "safe", "completely safe", "no side effects",
"risk-free", "harmless", "non-toxic", unless the sentence qualifies them ("appeared safe in the
trial", "generally well tolerated", "is not safe", "may be", "no evidence that ...") or the words
just before deny them ("nobody has shown it is safe", "nothing suggests it is risk-free").

## Why it matters
No active compound is safe for everyone at every dose. The FDA and FTC treat unqualified safety
claims for health products as misleading, and a reader who believes "no side effects" stops
watching for them.

## Example
```yaml
stacking: It is completely safe to stack with anything.
```

## Instead
```yaml
stacking: No stacks have been studied, so the safety of combining it is unknown.
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..prose import is_negated, sentences
from ..wording import field
from ..schema import PROSE, SHOWN
from ..texts import texts
from .base import Rule

_ABSOLUTE = re.compile(
    r"(?<![\w-])(?=\w)((?:completely |totally |perfectly |entirely |100% )?safe|no side[- ]effects?|"
    r"without (?:any )?side[- ]effects?|zero side[- ]effects?|risk[- ]free|harmless|non-?toxic)(?![\w-])",
    re.IGNORECASE)
_QUALIFIED = re.compile(
    r"(?<!\w)(not|no evidence|unknown|unclear|may|might|appears?|appeared|seems?|seemed|generally|"
    r"likely|considered|relatively|reported|in (?:the |one |two |these )?(?:trials?|studies|study)|"
    r"at the doses? studied|is it|whether|never|isn't|wasn't|aren't|cannot)(?!\w)", re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        if not _ABSOLUTE.search(text):
            continue  # most fields: no need to look sentence by sentence
        for sentence in sentences(text):
            match = _ABSOLUTE.search(sentence.text)
            if match and not (_QUALIFIED.search(sentence.text) or is_negated(sentence.text, match.start())):
                start = sentence.start + match.start()
                yield RULE.at(document, document.text_span(path, start, sentence.start + match.end()),
                              f'"{match.group()}" in {field(context.schema, document.data, path)} is an '
                              "absolute safety claim",
                              "say what the evidence shows instead, e.g. \"no serious side effects were "
                              "reported in one 12-week trial\", with its citation")


RULE = Rule("PL403", "absolute-safety-claim", Severity.ERROR,
            "The text claims absolute safety without qualification.", __doc__, check)
