"""## What it does
Requires every serious risk under `safety.serious_risks` to be named in the `caveat` call-out.
A risk counts as named when the caveat contains one of its names (the parts of `risk` separated
by "/" or ",") or a configured synonym.

## Why it matters
Many readers stop at the call-out box. A serious risk that only appears further down the page is
a risk most readers never see.

## Example
```yaml
caveat: Only one synthetic trial exists [@doe-2001].
```

## Instead
```yaml
caveat: Only one synthetic trial exists, and a rare synthetic rash is documented [@doe-2001].
```

Option (`[tool.peptide-lint.options.risk-not-in-caveat]`): `synonyms`, a table from a risk word to
the other words that name it, e.g. `anaphylaxis = ["severe allergic reaction"]`.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

DEFAULT_SYNONYMS = {
    "anaphylaxis": ["anaphylactic", "allergic reaction", "allergy"],
    "allergic reaction": ["anaphylaxis", "allergy"],
    "hypoglycemia": ["low blood sugar"],
    "hypoglycaemia": ["low blood sugar"],
}


def names_of(risk: str, synonyms: dict[str, list[str]]) -> set[str]:
    names = {part.strip().lower() for part in re.split(r"/|,|\bor\b", risk) if part.strip()}
    for name in list(names):
        names.update(word.lower() for key, words in synonyms.items() if key in name for word in words)
    # "serious allergic reaction" is named by "allergic reaction": drop leading qualifiers too.
    names.update(re.sub(r"^(serious|severe|rare|possible)\s+", "", name) for name in list(names))
    return names


def check(document, context) -> Iterator[Finding]:
    caveat = document.get(("caveat",))
    risks = document.get(("safety", "serious_risks"))
    if not isinstance(caveat, str) or not caveat.strip() or not isinstance(risks, list):
        return  # an empty caveat is reported once, by safety-caveat-required, however it is written
    text = caveat.lower()
    synonyms = context.option(RULE, "synonyms")
    for index, risk in enumerate(risks):
        name = risk.get("risk") if isinstance(risk, dict) else None
        if isinstance(name, str) and not any(n in text for n in names_of(name, synonyms)):
            path = ("safety", "serious_risks", index)
            yield RULE.at(document, document.span(path + ("risk",)),
                          f"{thing(context.schema, document.data, path)} is not named in the caveat",
                          "name every serious risk in caveat:, the call-out box most readers stop at")


RULE = Rule("PL402", "risk-not-in-caveat", Severity.ERROR,
            "A serious risk is not named in the caveat call-out.", __doc__, check,
            options={"synonyms": DEFAULT_SYNONYMS}, safety=True)
