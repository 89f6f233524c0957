"""## What it does
Requires the safety-caveat parts of every entry: the `caveat` call-out and the `safety.summary`
paragraph, both with real text (not empty, not a placeholder such as TODO, TBD, "see above"), and a
`safety.serious_risks` list. An empty list needs `safety.risk_evidence`, which says why it is
empty: `none-known` (safety was studied in people and no serious risk was found) or `not-studied`
(no study has looked at safety in people). With `not-studied`, the caveat must say that safety has
not been studied: the serious risks are unknown, not absent.

## Why it matters
Every page must tell the reader what can go wrong before anything else. A missing or placeholder
caveat publishes a page that looks reviewed for safety when it is not, and an empty risk list
reads as "no serious risk" even when no one has looked.

## Example
```yaml
caveat: Only one synthetic trial exists, and it was small [@doe-2001].
safety:
  summary: No synthetic trial has looked at the safety of Testpeptide-Z [@doe-2001].
  serious_risks: []
  risk_evidence: not-studied
```

## Instead
```yaml
caveat: >-
  Only one synthetic trial exists, and it did not look at safety: serious risks are unknown, not
  absent [@doe-2001].
safety:
  summary: No synthetic trial has looked at the safety of Testpeptide-Z [@doe-2001].
  serious_risks: []
  risk_evidence: not-studied
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..wording import show
from .base import Rule, SchemaOverlap

MIN_CHARACTERS = 20
PLACEHOLDER = regex(
    r"^\W*(todo|tbd|tba|tk|fixme|xxx+|n/?a|none|see above|see below|coming soon|placeholder|"
    r"lorem ipsum.*|to do|to be (added|written|done)|\.\.\.|…)\W*$"
    # a short line that only promises the text or points elsewhere: "Safety information coming soon."
    r"|^[\w\s-]{0,40}\b(coming soon|to be (added|written|done|confirmed)|(will be|to be) added later)\W*$"
    r"|^\W*see\b[\w\s-]{0,40}\b(above|below|elsewhere)\W*$"
    r"|^\W*(todo|tbd|fixme|placeholder)\b[^.]{0,60}\W*$", re.IGNORECASE)

_HARMS = r"(?:safety|risks?|side[\s-]+effects?|harms?|adverse\s+\w+|toxicity)"
_UNTESTED = r"(?:studied|tested|assessed|evaluated|investigated|examined|established|measured|looked\s+at)"
# How a caveat says that safety in people is unstudied: "its safety has not been studied", "no study
# has looked at its safety", "no human safety data exist", "serious risks are unknown".
SAYS_UNSTUDIED = regex(
    rf"(?<!\w){_HARMS}(?!\w)[^.;:]{{0,60}}?(?<!\w)(?:not|never|n't)\s+(?:(?:yet|been|be|formally)\s+)*{_UNTESTED}"
    rf"|(?<!\w)(?:not|never)\s+(?:(?:yet|been|formally)\s+)*{_UNTESTED}\s+for\s+(?:its\s+)?{_HARMS}"
    rf"|(?<!\w)no\s+(?:[\w-]+\s+){{0,3}}?(?:stud(?:y|ies)|trials?|research|one)(?!\w)[^.;:]{{0,30}}?"
    rf"(?<!\w){_UNTESTED}(?!\w)[^.;:]{{0,30}}?(?<!\w){_HARMS}(?!\w)"
    rf"|(?<!\w)(?:no|without(?:\s+any)?)\s+(?:[\w-]+\s+){{0,2}}?{_HARMS}\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:stud(?:y|ies)|trials?|data|research|testing)(?!\w)"
    rf"|(?<!\w){_HARMS}\s+(?:[\w-]+\s+){{0,4}}?(?:unstudied|untested|unknown)(?!\w)"
    rf"|(?<!\w)(?:unstudied|untested|unknown)\s+{_HARMS}(?!\w)"
    r"|(?<!\w)(?:unstudied|untested|not\s+(?:been\s+)?(?:studied|tested))\s+in\s+(?:people|humans)(?!\w)"
    rf"|(?<!\w)(?:nobody|no\s+one)\s+knows\s+(?:what|which|whether|how|if)(?!\w)[^.;]{{0,40}}?(?<!\w){_HARMS}",
    re.IGNORECASE)

# Each text part: what messages call it, where to write it, and what it holds.
TEXT_PARTS = {
    ("caveat",): ("safety caveat", "caveat:",
                  "the one thing a reader must know about the risks and the evidence"),
    ("safety", "summary"): ("safety summary", "summary: under safety:",
                            "the common side effects and the ones that matter most, with how often each "
                            "happens where the sources say"),
}


def check(document, context) -> Iterator[Finding]:
    data = document.data
    if "safety" not in data:
        yield RULE.at(document, document.owner_span(()),
                      'the entry has no "Side effects & cautions" section; add safety: with summary: '
                      "and serious_risks:",
                      "serious_risks: [] states that the risks were reviewed and none is known")
    for path, (title, key, holds) in TEXT_PARTS.items():
        parent = document.get(path[:-1])
        if not isinstance(parent, dict):
            continue  # a missing safety section is reported above, a malformed one by the schema
        present = path[-1] in parent
        problem = _problem(parent.get(path[-1]), present)
        if problem:
            span = document.span(path) if present else document.owner_span(path[:-1])
            yield RULE.at(document, span, f"the {title} {problem}",
                          f"write {key} with {holds} (at least {MIN_CHARACTERS} characters, with its citations)")
    safety = data.get("safety")
    if isinstance(safety, dict) and "serious_risks" not in safety:
        yield RULE.at(document, document.owner_span(("safety",)),
                      "the safety section has no serious_risks list; add serious_risks:",
                      "list each serious risk with its frequency and sources, or write "
                      "serious_risks: [] and say why with risk_evidence:")
    if isinstance(safety, dict):
        yield from _risk_evidence(document, context, safety)


def _risk_evidence(document, context, safety: dict):
    """An empty risk list says why it is empty; "not studied" is said in the caveat too."""
    reasons = context.schema.vocabulary("riskEvidence")
    if safety.get("serious_risks") == [] and "risk_evidence" not in safety:
        choices = "; ".join(f"{value} ({_sentence_part(branch.get('description', ''))})"
                            for value, branch in reasons.items())
        yield RULE.at(document, document.span(("safety", "serious_risks")),
                      "the serious-risks list is empty but does not say why; add risk_evidence: under safety:",
                      f"write one of: {choices}")
    caveat = document.get(("caveat",))
    if (safety.get("risk_evidence") == "not-studied" and _problem(caveat, "caveat" in document.data) is None
            and not SAYS_UNSTUDIED.search(caveat)):
        yield RULE.at(document, document.span(("caveat",)),
                      "risk_evidence says that safety has not been studied in people, but the caveat does "
                      "not say so",
                      'say it in caveat:, e.g. "Its safety has not been studied in people: serious risks '
                      'are unknown, not absent."')


def _sentence_part(description: str) -> str:
    text = description.strip().rstrip(".")
    return text[:1].lower() + text[1:]


def _problem(value, present: bool) -> str | None:
    if not present:
        return "is missing"
    if value is None or (isinstance(value, str) and not value.strip()):
        return "is empty"
    if not isinstance(value, str):
        return f"must be text, but it is {show(value)}"
    if PLACEHOLDER.match(value.strip()):
        return f'is a placeholder ("{value.strip()}")'
    if len(value.strip()) < MIN_CHARACTERS:
        return f"is too short to say anything ({len(value.strip())} characters)"
    return None


RULE = Rule("PL401", "safety-caveat-required", Severity.ERROR,
            "The safety caveat, safety summary or serious-risks list is missing or a placeholder, or an "
            "empty risk list does not say why.",
            __doc__, check,
            overlaps=(SchemaOverlap((), "required", "caveat"),
                      SchemaOverlap((), "required", "safety"),
                      SchemaOverlap(("safety",), "required", "summary"),
                      SchemaOverlap(("safety",), "required", "serious_risks"),
                      SchemaOverlap(("safety",), "required", "risk_evidence"),
                      SchemaOverlap(("caveat",), "*"),
                      SchemaOverlap(("safety", "summary"), "*")), safety=True)
