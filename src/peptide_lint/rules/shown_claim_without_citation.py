"""## What it does
Reports a headline of the story (a step's or the result's) that makes a claim, when the text
that backs it cites no source. Headlines cannot carry a citation, so the schema says where their
claims are backed (`x-backed-by`): a step's headline by the step's body, the result's headline by
the result's body, the caption by any text of the story. A claim is what claim-without-citation
counts as one (a study, a finding, an effect, a risk, a frequency, a number, what people report),
with the same configured words and the same exceptions ("No trial has tested it in people." states
that evidence is missing, which needs no source).

Headlines and the caption are read however they are written (the schema marks them `x-states`),
and so is any other short text written as a sentence (ending in a full stop, a question or an
exclamation mark): they state something. A label ("the effect", "the real risk") names a topic,
and a topic word is not a claim; the cure, safety and hype rules still read labels.

## Why it matters
Headlines are the largest type on the page and the part most readers take away. A headline that
states a finding the step's text does not source is an uncited claim in the most visible place.

## Example
```yaml
story:
  caption: a test, not a drug
  steps:
    - label: what it is
      headline: Two trials found it halves recovery time.
      body: It exists only in this test suite.
  result:
    headline: Nothing real.
    body: Use it to exercise every rule of the checker.
```

## Instead
```yaml
story:
  caption: a test, not a drug
  steps:
    - label: what it is
      headline: Two trials found it halves recovery time.
      body: One synthetic trial found recovery twice as fast [@doe-2001].
  result:
    headline: Nothing real.
    body: Use it to exercise every rule of the checker.
```
"""

from __future__ import annotations

from typing import Iterator

from ..patterns import regex
from ..claims import claim_needing_source, read
from ..findings import Finding, Severity
from ..prose import PROMISE
from ..schema import PROSE, SHOWN
from ..texts import backing, backing_source_ids, texts
from ..wording import field
from .base import Rule
from .claim_without_citation import claim_signals

# What a headline written without a full stop states, as opposed to a topic it names.
_STATED = {"an effect", "a finding", "a number", "what people report", PROMISE, "a ranking"}
_SENTENCE_END = regex(r"[.!?][\"'”’)]*\s*$")


def check(document, context) -> Iterator[Finding]:
    schema = context.schema
    signals = None
    for path, text in texts(document, schema, SHOWN):
        values = backing(document, schema, path)
        # Only texts backed by prose: a dose row or a risk rests on its own source list, which the
        # dose and risk rules check.
        if not values or not all(schema.text_class(at) == PROSE for at, _ in values):
            continue
        sentence = bool(_SENTENCE_END.search(text))
        if not sentence and not (schema.at(path) or {}).get("x-states"):
            continue  # a label names a topic: "the effect" is not a claim about one
        signals = signals or claim_signals(context)
        claim = claim_needing_source(read(text), signals)
        if claim is None or backing_source_ids(document, schema, path):
            continue
        if not sentence and claim[0] not in _STATED:
            continue  # a headline written as a topic ("the real risk") names one; "cuts pain in half" states
        kind, word = claim
        if len(values) == 1:
            behind = field(schema, document.data, values[0][0])
            unsourced, where = f"{behind} cites no source", behind
        else:
            story = field(schema, document.data, schema.backed_by(path)[0])
            unsourced, where = f"no text of {story} cites a source", f"a text of {story}"
        yield RULE.at(document, document.span(path),
                      f'{field(schema, document.data, path)} states {kind} ("{word}"), but {unsourced}',
                      f"a short text cannot cite: cite the source in {where} ([@source-id]), or reword "
                      "the short text so that it claims nothing the text behind it does not back")


RULE = Rule("PL210", "shown-claim-without-citation", Severity.ERROR,
            "A headline makes a claim that the text behind it does not cite.", __doc__, check)
