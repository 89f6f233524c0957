"""## What it does
Reports a serious harm that the `caveat` or the safety `summary` describes but
`safety.serious_risks` does not list: anaphylaxis, death, seizures, stroke, heart attack, cancer,
organ failure, blood clots, ... (the `serious-harms` option), in any of their usual words. A risk
list counts as listing a harm when one of its risks names it, in its own words or in another of the
harm's ("Anaphylaxis / serious allergic reaction" lists "anaphylactic shock"). A sentence that
says the harm did not happen ("no case of anaphylaxis has been reported") does not describe it,
nor does the illness a study was about ("no benefit in acute stroke"), nor a harm the sentence says
the peptide did not cause ("two deaths, both judged unrelated to the drug").

## Why it matters
The risk list is where the page states each serious risk with its frequency and its sources, and
what other pages and tools read. A page whose summary describes anaphylaxis while its list is
empty tells the reader in one place that there is a serious risk, and in another that none is
known.

## Example
```yaml
safety:
  summary: >-
    Mild headache was reported in the synthetic trial, and one volunteer had anaphylaxis after the
    first dose [@doe-2001].
  serious_risks: []
  risk_evidence: none-known
```

## Instead
```yaml
caveat: >-
  Only one synthetic trial exists, and a rare anaphylaxis risk is documented [@doe-2001].
safety:
  summary: >-
    Mild headache was reported in the synthetic trial, and one volunteer had anaphylaxis after the
    first dose [@doe-2001].
  serious_risks:
    - risk: Anaphylaxis / serious allergic reaction
      frequency: rare but documented
      sources: [doe-2001]
```

Option (`[tool.peptide-lint.options.serious-risk-unlisted]`): `serious-harms`, a table from each
serious harm to the words that describe it, e.g. `stroke = ["stroke", "cerebral infarction"]`.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..prose import sentences
from ..risks import DEFAULT_SERIOUS_HARMS, another_sense, frozen_harms, harm_mentions, is_denied, names_in, words
from ..wording import field
from .base import Rule

# A harm the sentence says the peptide did not cause: "two deaths, both judged unrelated to the drug".
_UNRELATED = regex(r"(?<!\w)(?:unrelated|not\s+(?:related|linked|attributed|due))\s+to(?!\w)", re.IGNORECASE)
# The texts that say what the risks are; the rest of the page may mention harms in passing.
SAFETY_TEXTS = (("caveat",), ("safety", "summary"))


def check(document, context) -> Iterator[Finding]:
    risks = document.get(("safety", "serious_risks"))
    if not isinstance(risks, list):
        return  # no list at all is safety-caveat-required's to report
    listed = [words(risk["risk"]) for risk in risks if isinstance(risk, dict) and isinstance(risk.get("risk"), str)]
    harms = frozen_harms(context.option(RULE, "serious-harms"))
    phrases = dict(harms)
    reported: set[str] = set()
    for path in SAFETY_TEXTS:
        text = document.get(path)
        if not isinstance(text, str):
            continue
        for sentence in sentences(text):
            if _UNRELATED.search(sentence.text):
                continue
            for harm, match in harm_mentions(sentence.text, harms):
                if harm in reported or another_sense(sentence.text, match.start(), match.end()) \
                        or is_denied(sentence.text, match.start()):
                    continue
                if any(names_in(risk, phrase) for risk in listed for phrase in (match.group(), *phrases[harm])):
                    continue
                reported.add(harm)
                empty = " (the list is empty)" if not risks else ""
                yield RULE.at(document, document.text_span(path, sentence.start + match.start(),
                                                           sentence.start + match.end()),
                              f'{field(context.schema, document.data, path)} describes a serious harm, {harm} '
                              f'("{match.group()}"), that serious_risks does not list{empty}',
                              "add it to serious_risks: with how often it occurs and its sources; if the text "
                              'says it has not happened, say so plainly ("no case of ... has been reported")')


RULE = Rule("PL409", "serious-risk-unlisted", Severity.ERROR,
            "The caveat or safety summary describes a serious harm that serious_risks does not list.",
            __doc__, check, options={"serious-harms": DEFAULT_SERIOUS_HARMS}, safety=True)
