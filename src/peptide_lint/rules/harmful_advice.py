"""## What it does
Reports advice to the reader that can hurt: to stop or replace prescribed medicines ("stop taking
your blood thinners"), to use it without medical supervision or without telling a doctor, to go
beyond the dose, to use it in pregnancy or give it to children, to ignore the signs of an allergic
reaction, to share or reuse needles. Advice is a sentence that tells the reader what to do: an
imperative ("Inject it daily ..."), "you should", "it's fine to", "no need to", "we recommend".

A warning is not advice to do it ("Do not stop your blood thinners", "never inject it without
medical supervision"), and a report of what users do ("some users stop their antidepressants
first [@roe-community]") is not advice either; say why it is dangerous next to it.

## Why it matters
A reader acts on advice. Stopping an anticoagulant can cause a stroke; a first injection without
anyone nearby leaves anaphylaxis untreated. A reference page may report such practices, never
recommend them.

## Example
```yaml
stacking: Stop taking your blood thinners before starting the course.
```

## Instead
```yaml
stacking: Do not stop blood thinners or any prescribed medicine without your doctor.
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..claims import read
from ..findings import Finding, Severity
from ..prose import sentences
from ..schema import PROSE, SHOWN
from ..texts import texts
from ..wording import field
from .base import Rule

_MEDICINES = (
    r"medications?|meds|medicines?|prescriptions?|prescribed\s+[\w-]+|blood[- ]thinners?|anticoagulants?|insulin|"
    r"antidepressants?|ssris?|statins?|chemo(?:therapy)?|treatments?|therapy|warfarin|heparin|apixaban|"
    r"rivaroxaban|metformin|levothyroxine|thyroid (?:meds|medication|pills)|steroids?|anti-?epileptics?|"
    r"anticonvulsants?|seizure (?:meds|medication)|antipsychotics?|lithium|blood[- ]pressure (?:meds|pills|"
    r"medication)|inhalers?|epi-?pens?|immunosuppressants?|antiretrovirals?|hiv (?:meds|medication)|pills")
# What advice must never say, by what it risks.
_DANGERS = {
    "to stop or replace a prescribed medicine": re.compile(
        r"(?<![\w-])(?:stop|stopping|quit|quitting|skip|skipping|drop|dropping|halt|pause|pausing|discontinue|"
        r"discontinuing|come off|coming off|go off|taper off|cut out|ditch|replace|replacing|swap|swap out|"
        r"switch(?:ing)? from|instead of)\s+(?:taking\s+|using\s+)?(?:your|any|all|their|the|his|her|other)?\s*"
        r"(?:[\w-]+\s+){0,2}?(?:" + _MEDICINES + r")(?![\w-])", re.IGNORECASE),
    "to use it without medical supervision": re.compile(
        r"(?<![\w-])(?:without\s+(?:any\s+|a\s+|your\s+)?(?:medical\s+|professional\s+|a doctor'?s?\s+|"
        r"physician'?s?\s+)?(?:supervision|oversight|prescription|monitoring|doctor|physician|medical advice)|"
        r"(?:no need|don'?t need|do not need|there'?s no need|never need)\s+(?:to\s+(?:see|ask|consult|tell|"
        r"involve|check with|inform)\s+|for\s+)(?:a |your |the |any )?(?:doctor|physician|gp|prescription|"
        r"medical (?:supervision|advice))|(?:don'?t|do not|never)\s+(?:tell|ask|consult|bother|involve|inform)\s+"
        r"(?:your |a |the )?(?:doctor|physician|gp|pharmacist)|skip the doctor|bypass (?:your |the )?doctor)"
        r"(?![\w-])", re.IGNORECASE),
    "to go beyond the dose": re.compile(
        r"(?<![\w-])(?:(?:double|triple|exceed|go beyond|go past|go over|push past|max out)\s+(?:the |your |a |"
        r"that )?(?:[\w-]+\s+)?(?:dose|dosage|amount|limit)|the more the better|more is better|higher is better)"
        r"(?![\w-])", re.IGNORECASE),
    "to use it in pregnancy or give it to children": re.compile(
        r"(?<![\w-])(?:(?:during|while|when)\s+(?:pregnant|pregnancy|breast-?feeding|nursing)|pregnant (?:women|"
        r"users|people|mothers)|(?:give|giving)\s+(?:it\s+)?to\s+(?:children|kids|your (?:child|kids)|infants|"
        r"babies|teenagers))(?![\w-])", re.IGNORECASE),
    "to ignore the signs of a reaction": re.compile(
        r"(?<![\w-])(?:ignore|push through|power through|brush off|(?:don'?t|do not|no need to) worry about)\s+"
        r"(?:the |any |a |your )?(?:[\w-]+\s+){0,2}?(?:rash|swelling|hives|chest pain|shortness of breath|"
        r"breathing|allergic|reactions?|side[- ]effects?|symptoms?|warning signs?)(?![\w-])", re.IGNORECASE),
    "to share or reuse needles": re.compile(
        r"(?<![\w-])(?:share|sharing|reuse|re-use|reusing)\s+(?:your |the |a |old )?(?:needles?|syringes?|pins?)"
        r"(?![\w-])", re.IGNORECASE),
}
# Sentences that tell the reader what to do.
_ADVICE = re.compile(
    r"^\W*(?:(?:just|simply|then|so|also|now|first|and|feel free to|remember to|make sure to|be sure to)\s+)?"
    r"(?:stop|quit|skip|drop|halt|pause|discontinue|come off|go off|taper|cut|ditch|replace|swap|switch|inject|"
    r"take|use|double|triple|exceed|increase|push|combine|stack|try|start|run|ignore|share|reuse|keep|go|give|"
    r"dose|don't|do not|never|avoid|forget|tell)(?![\w-])|(?<![\w-])(?:you|users|beginners|everyone|readers|"
    r"people|one|anyone)\s+(?:should|can|could|may|must|need to|ought to|might want to|are (?:free|fine|safe) to)"
    r"(?![\w-])|(?<![\w-])(?:it'?s|it is|it's perfectly|is|perfectly|totally)\s+(?:fine|safe|ok|okay|best|better|"
    r"wise|smart|advisable|recommended|acceptable)\s+to(?![\w-])|(?<![\w-])(?:no need|there'?s no need|feel free|"
    r"we (?:recommend|suggest|advise)|(?:is|are) (?:recommended|advised)|don'?t bother)(?![\w-])", re.IGNORECASE)
# A sentence that warns against the danger: advice not to do it.
_WARNING = re.compile(r"^\W*(?:do not|don't|never|avoid|please don't|you should not|you shouldn't|no one should|"
                      r"nobody should|users should not|users shouldn't)(?![\w-])", re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        for sentence in sentences(text):
            found = harmful_advice(read(sentence.text))
            if found is None:
                continue
            match, risk = found
            yield RULE.at(document, document.text_span(path, sentence.start + match.start(),
                                                       sentence.start + match.end()),
                          f'{field(context.schema, document.data, path)} advises the reader {risk} '
                          f'("{match.group()}")',
                          "never advise it: warn against it instead, or report what users do with its "
                          "source and say why it is dangerous")


def harmful_advice(reading) -> tuple[re.Match, str] | None:
    """The first dangerous thing the sentence advises the reader to do, with what it risks."""
    text = reading.plain
    if not _ADVICE.search(text):
        return None
    warning = _WARNING.match(text)
    for risk, pattern in _DANGERS.items():
        for match in pattern.finditer(text):
            at = match.start()
            # "Don't tell your doctor" is the danger itself; "Do not stop your medicines" warns.
            if warning and warning.end() <= at:
                continue
            if any(start < at < end for start, end in reading.negated) or reading.is_questioned(at):
                continue
            return match, risk
    return None


RULE = Rule("PL406", "harmful-advice", Severity.ERROR,
            "The text advises the reader to do something that can hurt.", __doc__, check, safety=True)
