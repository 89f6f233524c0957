"""## What it does
Reports claims that borrow an authority's name: "FDA-approved", "approved by the EMA", "approved in
Europe", "the FDA has confirmed that it works", "clinically proven" (or "clinically-proven"), "scientifically
proven", "proven by science", "the regulator found it safe", "doctors recommend", "top surgeons prescribe it", "doctor-recommended", "endorsed by experts",
"physicians widely recommend it", "hospitals in Germany routinely use it", "trusted by doctors", "a licensed
medicine in several countries", "government approval", "the go-to of sports medicine professionals". A
regulator's decision, and that doctors prescribe it somewhere, may be stated with the published
source that shows it; the others are slogans and are always reported. Denials are honest and pass ("it is not approved by the FDA", "no regulator
has approved it", "it is not clinically proven"), and so is a claim the sentence reports in order to
refute it ("claims on shop pages that it is 'FDA approved' are false").

## Why it matters
Readers trust a regulator's approval and a doctor's recommendation more than any study. Peptides
sold online are almost never approved for what they are used for, and "clinically proven" has no
meaning a reader can check. A false approval claim is among the most misleading things a health
page can say.

## Example
```yaml
stacking: It is FDA approved and doctors recommend it.
```

## Instead
```yaml
stacking: It is not approved by the FDA or any other regulator for any use.
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..claims import read_texts, reported_to_refute
from ..findings import Finding, Severity
from ..prose import sources_by_id
from ..schema import PROSE, SHOWN
from ..wording import field
from .base import Rule

_REGULATOR = r"(?:u\.?s\.?\s+)?(?:fda|ema|mhra|tga|pmda|who|nih|health canada|food and drug administration|" \
             r"european medicines agency|world health organi[sz]ation|regulators?|health authorit(?:y|ies)|" \
             r"(?:the\s+)?(?:medicines|drug|health)\s+(?:regulator|agency|agencies)|(?:health|medical|drug|medicines|" \
             r"national|government)\s+regulators?|health\s+ministry|ministry\s+of\s+health)"
_PLACE = r"(?:the\s+)?(?:eu|europe|us|usa|u\.s\.|united states|uk|britain|canada|australia|japan|germany|france|" \
         r"[A-Z][a-z]+)"
_ROLES = r"(?:(?:leading|top|many|most|renowned|respected|independent|world-class|medical|sports|hospital|" \
         r"our|real)\s+){0,2}(?:doctors?|physicians?|clinicians?|experts?|scientists?|surgeons?|pharmacists?|nurses?|\w+ologists?|" \
         r"specialists?|pros|professionals?|physios?|physiotherapists?|chiropractors?|clinics?|hospitals?|" \
         r"dietitians?|nutritionists?|gps|(?:the\s+)?(?:medical|scientific) (?:community|establishment|profession)|" \
         r"(?:sports\s+)?medicine professionals)"
# Words between a role and what it does that say nothing against it ("doctors widely prescribe it",
# "hospitals in Germany routinely use it"); a negation or a "rarely" stops the claim, and so does a
# word that makes the role someone to ask ("ask your doctor before ...", "tell your doctor if ...").
_BETWEEN = r"(?:(?!(?:not|never|no|rarely|seldom|do|does|did|don't|doesn't|didn't|should|who|would|before|after|about|if|when|whether|unless)(?![\w-]))" \
           r"[\w'-]+\s+){0,4}?"
# Verbs that say a role uses or prescribes it: a fact about practice, which a published source can show.
_PRACTICE = r"(?:prescrib(?:e[sd]?|ing)|(?:offering|recommending) it|use[sd]? it|(?:have|has) used it|offer(?:s|ed)? it|rel(?:y|ies|ied) on it|give[sn]? it|" \
            r"administer(?:s|ed)? it)"
_APPROVAL = regex(
    r"(?<![\w-])(?:(?:fda|ema|mhra|tga)[- ](?:approved|cleared|licensed|certified|endorsed|authori[sz]ed)|(?:approved|"
    r"cleared|licensed|endorsed|recommended|recognized|recognised|authori[sz]ed) by (?:the )?" + _REGULATOR + r"|(?:fda|ema|mhra|tga) "
    r"(?:approval|clearance)|(?:the\s+)?" + _REGULATOR + r"\s+(?:has\s+|have\s+)?(?:confirmed|approved|endorsed|"
    r"recognized|recognised|recommends|recommended|cleared|certified)|(?:the\s+)?" + _REGULATOR + r"\s+(?:has\s+|have\s+)?"
    r"(?:says|said|stated|found|finds|considers|considered|deems|deemed|judged)\s+(?:that\s+)?(?:(?!not\b|never\b)"
    r"[\w-]+\s+){0,3}?(?:safe|effective|efficacious|beneficial|works)|(?:approved|licensed|"
    r"registered|authori[sz]ed)\s+(?:(?:for|as)\s+(?:[\w-]+\s+){0,3}?)?(?:in|across|throughout)\s+(?:several\s+|many\s+|some\s+|"
    r"most\s+)?" + _PLACE + r"|(?:licensed|registered|approved|authori[sz]ed|prescription)\s+(?:medicine|drug|medication|"
    r"pharmaceutical|treatment)\s+(?:in|across|throughout)|(?:government|official|regulatory|state|ministry)\s+"
    r"approval|seal\s+of\s+approval|(?:given|gave|got|received|has)\s+(?:it\s+)?the\s+green\s+light|(?:blessing|"
    r"backing|endorsement|approval)\s+of\s+(?:the\s+)?" + _REGULATOR + r"|essential\s+medicines)(?![\w-])",
    re.IGNORECASE)
# What a role does with it, named by the role first or by the practice first. Kept apart from the
# approvals above so that a text is searched for them only when it names a role (literals.py).
_ROLE_PRACTICE = regex(
    r"(?<![\w-])(?:" + _ROLES + r"\s+" + _BETWEEN + _PRACTICE + r"|(?:used|prescribed|relied on)\s+(?:(?:widely|routinely|commonly|regularly|for\s+(?:years|decades))\s+)?by\s+"
    r"(?:\w+\s+){0,2}?" + _ROLES + r"|(?:used|prescribed)\s+(?:[\w-]+\s+){0,2}?in\s+(?:[\w-]+\s+){0,2}?(?:hospitals|"
    r"clinics)|(?:[A-Z]\w+\s+)?(?:researchers|scientists|universit(?:y|ies))\s+(?:have\s+|has\s+)?(?:confirmed|"
    r"validated|proven|proved))(?![\w-])", re.IGNORECASE)
_SLOGAN = regex(
    r"(?<![\w-])(?:(?:clinically|scientifically|medically)[- ](?:proven|validated|approved|tested and proven|backed)|"
    r"(?:proven|proved|validated|confirmed) by (?:science|scientists|research)|science[- ](?:backed|proven|approved)|"
    r"science (?:has )?(?:proven|proved)|proven "
    r"(?:safe and )?effective|proven (?:to work )?in (?:clinical )?(?:trials|studies)|(?:\w+\s+)?" + _ROLES +
    r" (?:recommend|recommended|endorse|endorsed|trust|approve|swear by)|"
    r"(?:doctor|physician|clinician|expert|surgeon|pharmacist)[- ](?:recommended|approved|endorsed|trusted|backed|"
    r"tested|formulated|designed|developed)|recommended by " + _ROLES + r"|endorsed by " + _ROLES +
    r")(?![\w-])", re.IGNORECASE)
_BACKED_BY = regex(
    r"(?<![\w-])(?:(?:backed|trusted|favou?red|championed|preferred|relied on|used and trusted)\s+by\s+(?:\w+\s+){0,3}?(?:" + _ROLES +
    r"|science|research|universit(?:y|ies)|academics)|(?:go-to|choice|favou?rite|first choice|pick)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:of|among|for|with)\s+(?:\w+\s+){0,2}?" + _ROLES + r"|(?:popular|favou?red)\s+(?:with|among)\s+(?:\w+\s+)?" +
    _ROLES + r")(?![\w-])", re.IGNORECASE)
# A role's word put behind it: "physicians widely recommend it", "doctors agree it works". A slogan:
# always reported, like the ones above.
_ROLE_VERDICT = regex(
    r"(?<![\w-])(?:" + _ROLES + r"\s+" + _BETWEEN + r"(?:recommend|recommends|recommended|endorse|endorses|"
    r"swear by|agree|agrees|say|says|tell you|will tell you|would tell you|consider|believe)\s+(?:(?:that\s+)?(?:it|"
    r"this|the peptide)\s+(?:is\s+|'s\s+)?(?:(?!not\b)[\w-]+\s+)?(?:safe|fine|effective|works|helps|it)|it)|"
    r"endorsed by (?:the\s+)?(?:medical|scientific) (?:community|establishment|profession))(?![\w-])", re.IGNORECASE)

# Each pattern, and whether a published source makes what it says fine to state.
_KINDS = ((_APPROVAL, True), (_ROLE_PRACTICE, True), (_SLOGAN, False), (_ROLE_VERDICT, False), (_BACKED_BY, False))


def check(document, context) -> Iterator[Finding]:
    schema = context.schema
    sources = sources_by_id(document.data)
    entry_texts = read_texts(document, schema, PROSE, SHOWN)
    # the kinds of claim whose words the entry holds: only those are looked for in each text
    kinds = [(pattern, sourced_is_fine) for pattern, sourced_is_fine in _KINDS if entry_texts.may_match(pattern)]
    if not kinds:
        return  # no text can claim an authority's backing
    patterns = [pattern for pattern, _ in kinds]
    for text in entry_texts:
        if not text.may_match(*patterns):
            continue  # most texts: no need to look sentence by sentence
        path = text.path
        for sentence, reading in text.sentences:
            published = any(i in sources and schema.source_about(sources[i]) not in (None, "users")
                            for i in reading.cited)
            for pattern, sourced_is_fine in kinds:
                match = next((m for m in reading.finditer(pattern)
                              if not (reading.denied(m.start()) or sourced_is_fine and published
                                      or reported_to_refute(reading, m.end() - 1))), None)
                if match is not None:
                    yield RULE.at(document, document.text_span(path, sentence.start + match.start(),
                                                               sentence.start + match.end()),
                                  f'"{sentence.text[match.start():match.end()]}" in '
                                  f"{field(schema, document.data, path)} claims an authority's backing",
                                  "state a regulator's decision only with the published source that shows it; "
                                  "otherwise say what the evidence shows, with its citation")
                    break


RULE = Rule("PL407", "authority-claim", Severity.ERROR,
            "The text claims a regulator's approval or a doctor's backing.", __doc__, check, safety=True)
