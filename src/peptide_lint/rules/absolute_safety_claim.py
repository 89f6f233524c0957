"""## What it does
Reports absolute safety claims in the prose and in every short text a reader sees (headlines,
labels, the caption, names, dose rows): "safe", "completely safe", "safe for pregnant women", "no
side effects", "no known side effects", "risk-free", "harmless", "non-toxic", "not dangerous at any
dose", "can't hurt".

A claim is qualified, and fine, when the sentence limits it to what was observed ("no serious side
effects were reported in one 12-week trial", "appeared safe at the doses studied"), hedges it ("may
be", "appears", "is unknown"), or denies or questions it ("is not safe in pregnancy", "nobody has
shown it is safe", "whether it is safe is unknown"). Authority is no qualification ("considered
safe", "known to be safe"), and neither is a citation: user reports cannot show that something has
no side effects.

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
from ..claims import plain, read
from ..prose import sentences
from ..wording import field
from ..schema import PROSE, SHOWN
from ..texts import texts
from .base import Rule

_HARM = r"(?:side[- ]effects?|adverse (?:effects?|events?|reactions?)|risks?|dangers?|downsides?|harms?|toxicity)"
_ABSOLUTE = re.compile(
    r"(?<![\w-])(?:(?:no|zero)\s+(?:known\s+|real\s+|serious\s+)?" + _HARM + r"(?!\s+(?:were|was|have been|has been)"
    r"\s+(?:reported|seen|observed|recorded|noted|found))|(?:without|free (?:of|from))\s+(?:any\s+)?" + _HARM +
    r"|side[- ]effect[- ]free|risk[- ]free|harmless|non-?toxic|not (?:at all )?(?:dangerous|harmful|toxic|risky)|"
    r"can(?:not|'t) (?:hurt|harm)|(?:won't|will not|does not|doesn't) (?:hurt|harm)|"
    r"(?:(?:completely|totally|perfectly|entirely|absolutely|100%|fully|very|extremely|generally|proven|known"
    r"|considered|regarded|deemed|believed|thought)\s+(?:to be\s+)?)?safe)(?![\w-])", re.IGNORECASE)
# "Safe" said of the peptide or its use, not "to be safe, start low" or "safe injection practice".
_SAFE_SAID_OF_IT = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|'s|seems?|appears?|completely|totally|perfectly|entirely|absolutely|"
    r"fully|very|extremely|generally|proven|known|considered|regarded|deemed|believed|thought|so|as|100%)"
    r"(?:\s+to\s+be)?\s*$)", re.IGNORECASE)
_SAFE_FOR = re.compile(r"\s+(?:for|to (?:use|take|inject|stack|combine|run|dose|try|give)|at|in|with|during|while|"
                       r"long[- ]term|option|choice|alternative|peptide|compound|drug|bet|product)\b", re.IGNORECASE)
_SAFE_IDIOM = re.compile(r"(?:to be|play(?:ing)? it|on the|stay|fail-)\s*safe|safe\s+(?:side|place|storage|"
                         r"injection (?:practice|technique)|disposal|handling|sharps)", re.IGNORECASE)
# What limits a claim to what was observed, or hedges it.
_QUALIFIED = re.compile(
    r"(?<![\w-])(?:(?:in|during|over|across|throughout|for)\s+(?:the|this|that|one|a|an|two|three|both|these|those|"
    r"its|each|\d+)?\s*(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|cohorts?|reviews?|weeks?|months?|follow-up)|"
    r"at the doses? (?:studied|tested|used|given)|(?:is|are|were|was|have been|has been)\s+(?:yet\s+)?(?:reported|seen|"
    r"observed|recorded|noted|found|documented|described)|may|might|appears?|appeared|seems?|seemed|likely|probably|possibly|unclear|unknown|uncertain|"
    r"not (?:yet )?(?:known|established|clear)|relatively|short[- ]term)(?![\w-])", re.IGNORECASE)
_AT_ANY_DOSE = re.compile(r"(?<![\w-])(?:at any dose|in any amount|for (?:everyone|anyone|anybody))(?![\w-])",
                          re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        compared = plain(text)
        if not _ABSOLUTE.search(compared):
            continue  # most fields: no need to look sentence by sentence
        for sentence in sentences(text):
            match = absolute_claim(read(sentence.text))
            if match is not None:
                start = sentence.start + match.start()
                yield RULE.at(document, document.text_span(path, start, sentence.start + match.end()),
                              f'"{match.group()}" in {field(context.schema, document.data, path)} is an '
                              "absolute safety claim",
                              "say what the evidence shows instead, e.g. \"no serious side effects were "
                              "reported in one 12-week trial\", with its citation")


def absolute_claim(reading) -> re.Match | None:
    """The first unqualified absolute safety claim of the sentence, if it makes one."""
    text = reading.plain
    universal = _AT_ANY_DOSE.search(text) is not None
    for match in _ABSOLUTE.finditer(text):
        at = match.start()
        if match.group().lower().endswith("safe") and not (
                _SAFE_SAID_OF_IT.search(text, 0, match.end() - 4) or _SAFE_FOR.match(text, match.end())):
            continue
        if _SAFE_IDIOM.search(text, max(0, at - 12), match.end() + 30) and match.group().lower() == "safe":
            continue
        # Denied by a negation that opens before the phrase ("no side effects" is its own negation).
        if any(start < at < end for start, end in reading.negated) or reading.is_questioned(at):
            continue
        if _QUALIFIED.search(text) and not universal:
            continue
        return match
    return None


RULE = Rule("PL403", "absolute-safety-claim", Severity.ERROR,
            "The text claims absolute safety without qualification.", __doc__, check, safety=True)
