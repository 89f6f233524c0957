"""## What it does
Warns about promotional words in the prose and in every short text a reader sees (headlines,
labels, the caption, names, dose rows): "miracle", "breakthrough", "guaranteed", "revolutionary",
"game-changer", "wonder drug", "magic", "100% effective". The list is configurable. A word is found
however it is disguised: in letters of another script that look Latin ("mіracle" with a Cyrillic
"і"), with a non-breaking or soft hyphen, broken across a folded line ("game-" at the end of one
line, "changer" on the next) or as the start of a compound ("miracle-grade"). ("Clinically proven"
is an authority claim: authority-claim reports it.)

## Why it matters
A reference informs; it does not sell. These words signal marketing copy to readers and to
regulators, and they overstate evidence that is almost always more modest.

## Example
```yaml
stacking: A miracle combination with anything.
```

## Instead
```yaml
stacking: Nothing is stacked with it.
```

Option (`[tool.peptide-lint.options.hype-words]`): `words`, the words and phrases to flag.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..claims import plain, words_pattern
from ..findings import Finding, Severity
from ..wording import field
from ..schema import PROSE, SHOWN
from ..texts import texts
from .base import Rule

DEFAULT_WORDS = ["miracle", "miraculous", "breakthrough", "guaranteed", "guarantee", "revolutionary",
                 "game-changer", "game changer", "wonder drug", "magic", "magical", "100% effective",
                 "cutting-edge", "life-changing"]


@lru_cache(maxsize=4)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return words_pattern(words)


def check(document, context) -> Iterator[Finding]:
    words = tuple(context.option(RULE, "words"))
    if not words:
        return
    pattern = _pattern(words)
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        for match in pattern.finditer(plain(text)):
            yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                          f'"{text[match.start():match.end()]}" in {field(context.schema, document.data, path)} is promotional language',
                          "describe what the evidence shows in neutral words")


RULE = Rule("PL405", "hype-words", Severity.WARNING,
            "The text uses promotional words.", __doc__, check, options={"words": DEFAULT_WORDS})
