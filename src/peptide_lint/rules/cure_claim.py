"""## What it does
Reports disease claims in the prose and in every short text a reader sees (headlines, labels,
the caption, names, dose rows). "Cures" (or "cured", "a cure for") and "reverses" a disease are
always errors. "Treats" and "prevents" are allowed only in a sentence that cites a human source (a
type the schema marks `x-human`); a short text, which cannot cite, counts the sources of the text
that backs it (a step's headline, its body; a dose row, its sources). A claim denied by the words just before it, in the same
clause ("there is no evidence that it cures", "has not been shown to prevent"), is not a claim.

## Why it matters
Claiming that a product cures, treats or prevents a disease makes it an unapproved drug claim
under the FDA's rules, and it is the claim readers act on most: they may stop a treatment that
works. Where human evidence exists, say what it showed and cite it.

## Example
```yaml
mechanism: It cures arthritis in days.
```

## Instead
```yaml
mechanism: One synthetic trial found less joint pain after four weeks [@doe-2001].
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..prose import citations, is_negated, sentences, sources_by_id
from ..wording import field
from ..schema import PROSE, SHOWN
from ..texts import backing_source_ids, texts
from .base import Rule

_CURE = re.compile(r"(?<![\w-])(?=[cCaArR])(cures?|cured|curing|a cure for|reverses?|reversed|reversing)(?![\w-])",
                   re.IGNORECASE)
_NEGATED_CURE = re.compile(r"(no|not a|not|never|isn't a|is not a)\s+(known\s+)?cure", re.IGNORECASE)
_TREAT = re.compile(r"(?<![\w-])(?=[tTpP])(treats?|treated|treating|prevents?|prevented|preventing)(?![\w-])"
                    r"(?!\s+(?:\w+\s+){0,6}as\b)", re.IGNORECASE)  # "treat the risk as ..." is not a claim


def check(document, context) -> Iterator[Finding]:
    sources = sources_by_id(document.data)
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        backed_by = backing_source_ids(document, context.schema, path) or set()
        if not (_CURE.search(text) or _TREAT.search(text)):
            continue  # most fields: no need to look sentence by sentence
        name = field(context.schema, document.data, path)
        for sentence in sentences(text):
            cure = _CURE.search(sentence.text)
            if cure and not (_NEGATED_CURE.search(sentence.text) or is_negated(sentence.text, cure.start())):
                yield RULE.at(document, _span(document, path, sentence, cure),
                              f'"{cure.group()}" in {name} claims the peptide cures or reverses a disease',
                              "say what was measured and found instead, with its citation; never promise a cure")
                continue
            treat = _TREAT.search(sentence.text)
            if treat and not is_negated(sentence.text, treat.start()):
                cited = [sources[i] for i in {c.id for c in citations(sentence.text)} | backed_by if i in sources]
                if not any(map(context.schema.is_human_source, cited)):
                    yield RULE.at(document, _span(document, path, sentence, treat),
                                  f'"{treat.group()}" in {name} is a treatment or prevention claim '
                                  "without a human source",
                                  "cite the human study that shows it, or describe what was actually observed")


def _span(document, path, sentence, match):
    return document.text_span(path, sentence.start + match.start(), sentence.start + match.end())


RULE = Rule("PL404", "cure-claim", Severity.ERROR,
            "The text claims the peptide cures, reverses, treats or prevents a disease.", __doc__, check)
