"""## What it does
Reports a serious harm that the `caveat` or the safety `summary` describes but
`safety.serious_risks` does not list: anaphylaxis, death, seizures, stroke, heart attack, cancer,
organ failure, blood clots, ... (the `serious-harms` option), in any of their usual words, plain ones
too ("had a fit", "a DVT", "her kidneys shut down", "could not be revived"). A risk
list counts as listing a harm when one of its risks names it, in its own words or in another of the
harm's ("Anaphylaxis / serious allergic reaction" lists "anaphylactic shock"). A harm that is
serious only when severe counts when the sentence says how it ended: "low blood sugar, one so badly
that she needed hospital care" describes severe low blood sugar. A sentence that
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
# Harms whose usual words do not say they were serious ("low blood sugar"), and the serious harm
# they are when the sentence tells an outcome that only a serious one has (`_SERIOUS_OUTCOME`).
_SERIOUS_WHEN_SEVERE = {
    "severe low blood sugar": ["low blood sugar", "hypoglycaemia", "hypoglycemia", "hypo", "drop in blood sugar",
                               "blood sugar drop", "blood sugar crash", "blood sugar fell"],
    "anaphylaxis": ["allergic reaction", "allergy"],
    "severe bleeding": ["bleeding", "bleed"],
}
_SERIOUS_OUTCOME = regex(
    r"(?<!\w)(?:hospital\w*|intensive care|icu|emergency (?:room|department|treatment|care)|ambulance|a&e|"
    r"resuscitat\w*|life-threatening|so (?:badly|severely|severe|bad|serious|seriously) (?:that|she|he|they)|"
    r"unconscious|passed out|collapsed|admitted)(?!\w)", re.IGNORECASE)
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
                yield _unlisted(document, context, path, sentence, match, harm, f'"{match.group()}"', risks)
            for harm, match, outcome in _severe_by_outcome(sentence.text):
                if harm in reported or any(names_in(risk, phrase) for risk in listed
                                           for phrase in (match.group(), *phrases.get(harm, ()))):
                    continue
                reported.add(harm)
                yield _unlisted(document, context, path, sentence, match, harm,
                                f'"{match.group()}", with "{outcome.group()}"', risks)


def _unlisted(document, context, path, sentence, match, harm: str, quoted: str, risks) -> Finding:
    empty = " (the list is empty)" if not risks else ""
    return RULE.at(document, document.text_span(path, sentence.start + match.start(), sentence.start + match.end()),
                   f'{field(context.schema, document.data, path)} describes a serious harm, {harm} '
                   f'({quoted}), that serious_risks does not list{empty}',
                   "add it to serious_risks: with how often it occurs and its sources; if the text "
                   'says it has not happened, say so plainly ("no case of ... has been reported")')


def _severe_by_outcome(sentence: str) -> list[tuple[str, re.Match, re.Match]]:
    """(serious harm, the words of its milder form, the outcome) for each harm that `sentence`
    describes in mild words but with an outcome only a serious one has: "low blood sugar, one so
    badly that she needed hospital care". An outcome denied ("no one needed hospital care") is none."""
    outcome = next((m for m in _SERIOUS_OUTCOME.finditer(sentence) if not is_denied(sentence, m.start())), None)
    if outcome is None:
        return []
    found = []
    for harm, match in harm_mentions(sentence, _MILD_FORMS):
        if harm not in {h for h, _, _ in found} and not another_sense(sentence, match.start(), match.end()) \
                and not is_denied(sentence, match.start()):
            found.append((harm, match, outcome))
    return found


_MILD_FORMS = frozen_harms(_SERIOUS_WHEN_SEVERE)


RULE = Rule("PL409", "serious-risk-unlisted", Severity.ERROR,
            "The caveat or safety summary describes a serious harm that serious_risks does not list.",
            __doc__, check, options={"serious-harms": DEFAULT_SERIOUS_HARMS}, safety=True)
