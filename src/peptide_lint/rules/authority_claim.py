"""## What it does
Reports claims that borrow an authority's name: "FDA-approved", "approved by the EMA", "clinically
proven", "scientifically proven", "doctors recommend", "doctor-recommended", "endorsed by experts".
A regulator's approval may be stated with the published source that shows it; the others are
slogans and are always reported. Denials are honest and pass: "it is not approved by the FDA", "no
regulator has approved it", "it is not clinically proven".

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

from ..claims import read
from ..findings import Finding, Severity
from ..prose import sentences, sources_by_id
from ..schema import PROSE, SHOWN
from ..texts import texts
from ..wording import field
from .base import Rule

_REGULATOR = r"(?:u\.?s\.?\s+)?(?:fda|ema|mhra|tga|pmda|health canada|food and drug administration|" \
             r"european medicines agency|regulators?)"
_APPROVAL = re.compile(
    r"(?<![\w-])(?:(?:fda|ema|mhra|tga)[- ](?:approved|cleared|licensed|certified|endorsed)|(?:approved|cleared|"
    r"licensed|endorsed) by (?:the )?" + _REGULATOR + r"|(?:fda|ema|mhra|tga) (?:approval|clearance))(?![\w-])",
    re.IGNORECASE)
_SLOGAN = re.compile(
    r"(?<![\w-])(?:(?:clinically|scientifically|medically) (?:proven|validated|approved|tested and proven)|proven "
    r"(?:safe and )?effective|(?:doctors?|physicians?|clinicians?|experts?|scientists?) (?:recommend|recommended|"
    r"endorse|endorsed|trust|approve|swear by)|(?:doctor|physician|clinician|expert)[- ](?:recommended|"
    r"approved|endorsed|trusted|backed)|recommended by (?:doctors|physicians|experts|clinicians|specialists|"
    r"\w+ologists|\w+ists)|endorsed by (?:doctors|physicians|experts|clinicians|specialists|\w+ologists)|backed "
    r"by (?:science|doctors|research))(?![\w-])", re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    schema = context.schema
    sources = sources_by_id(document.data)
    for path, text in texts(document, schema, PROSE, SHOWN):
        for sentence in sentences(text):
            reading = read(sentence.text)
            published = any(i in sources and schema.source_about(sources[i]) not in (None, "users")
                            for i in reading.cited)
            for pattern, sourced_is_fine in ((_APPROVAL, True), (_SLOGAN, False)):
                match = next((m for m in pattern.finditer(reading.plain)
                              if not (reading.denied(m.start()) or sourced_is_fine and published)), None)
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
