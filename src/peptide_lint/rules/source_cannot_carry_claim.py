"""## What it does
Reports a sentence whose sources cannot carry what it claims, by whom each source's findings are
about (the schema's `x-about` on source types):
- it speaks of people ("in humans", "patients", "volunteers") but cites only animal or cell work;
- it states an effect or a figure without saying who it was seen in, and cites only animal or cell
  work: readers take such a finding for one in people ("it improved memory by 40% [@rat-study]");
- it reports a trial or study but cites only user reports.

What a sentence denies is not claimed ("no human trial has tested it yet [@rat-2019]" is honest).

## Why it matters
Most peptide findings come from rats and cell cultures, and most of them do not hold in people. A
citation looks like support whatever it cites; a reader cannot see that the source behind a human
claim is a rat study, or that a "trial" was a forum thread.

## Example
```yaml
mechanism: In humans it improved memory by 40% [@rat-2019].
sources:
  - id: rat-2019
    authors: Rat R et al.
    year: 2019
    type: animal
    title: A synthetic rat study
    funding: independent
    note: synthetic rats
    doi: 10.99999/rat-2019
```

## Instead
```yaml
mechanism: In rats it improved maze performance by 40% [@rat-2019]; it has not been tested in people.
sources:
  - id: rat-2019
    authors: Rat R et al.
    year: 2019
    type: animal
    title: A synthetic rat study
    funding: independent
    note: synthetic rats
    doi: 10.99999/rat-2019
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..claims import ABOUT, read
from ..findings import Finding, Severity
from ..prose import ClaimSignals, sentences, sources_by_id
from ..schema import PROSE
from ..texts import texts
from ..wording import field
from .base import Rule

_LAB = {"animals", "cells"}
_STUDY = regex(r"(?<![\w-])(?:trials?|stud(?:y|ies)|rcts?|randomi[sz]ed|placebo|meta-analys[ie]s|reviews?|"
                    r"cohorts?|participants|volunteers|double-blind)(?![\w-])", re.IGNORECASE)
_SIGNALS = ClaimSignals()
_EFFECT_KINDS = {"an effect", "a number", "a finding"}


def check(document, context) -> Iterator[Finding]:
    schema = context.schema
    sources = sources_by_id(document.data)
    for path, text in texts(document, schema, PROSE):
        for sentence in sentences(text):
            reading = read(sentence.text)
            about = {schema.source_about(sources[i]) for i in reading.cited if i in sources}
            if not about or None in about:
                continue
            problem = _mismatch(reading, about)
            if problem:
                yield RULE.at(document, document.text_span(path, sentence.start, sentence.end),
                              f"this sentence in {field(schema, document.data, path)} {problem[0]}", problem[1])


def _mismatch(reading, about: set[str]) -> tuple[str, str] | None:
    text = reading.plain
    if about <= _LAB:
        # A sentence that says it was seen in animals or cells may mention people too ("at doses far
        # above any used by people"): it has said where the finding comes from.
        people = [m for m in ABOUT["people"].finditer(text) if not reading.denied(m.start())]
        if people and not reading.about & _LAB:
            return (f'speaks of people ("{people[0].group()}") but cites only animal or cell studies',
                    "cite the human study that shows it, or say that it was seen in animals or cells")
        claims = [kind for kind, _, at in _SIGNALS.matches(text)
                  if kind in _EFFECT_KINDS and not reading.denied(at)]
        if claims and not reading.about & _LAB:
            return ("states a finding without saying it was seen in animals or cells, and cites only such studies",
                    'say who it was seen in ("in rats", "in cell cultures"): readers take an unnamed finding '
                    "for one in people")
    if about == {"users"}:
        study = next((m for m in _STUDY.finditer(text) if not reading.denied(m.start())), None)
        if study:
            return (f'reports a study ("{study.group()}") but cites only user reports',
                    "cite the published study, or say that it is what users report")
    return None


RULE = Rule("PL211", "source-cannot-carry-claim", Severity.ERROR,
            "A sentence's sources cannot carry its claim: a human claim cited to animal work, a trial to user reports.",
            __doc__, check)
