"""## What it does
Requires every serious risk under `safety.serious_risks` to be named in the `caveat` call-out.
A risk counts as named when the caveat contains the words that say which risk it is, in any of
their forms, from one of its names (the parts of `risk` separated by "/", "," or "or") or from a
configured synonym: "a cancer risk is a theoretical concern" names "Cancer growth or spread", and
"allergic reactions, anaphylaxis among them" names "Anaphylaxis / serious allergic reaction".
Words that fit any risk (serious, reaction, damage, growth, ...) do not name one on their own.

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
from ..risks import affirmed, content_words, located_words, same_word, words
from ..wording import thing
from .base import Rule

DEFAULT_SYNONYMS = {
    "anaphylaxis": ["anaphylactic", "allergic reaction", "allergy"],
    "allergic reaction": ["anaphylaxis", "allergy"],
    "hypoglycemia": ["low blood sugar"],
    "hypoglycaemia": ["low blood sugar"],
    "hypotension": ["low blood pressure", "drop in blood pressure"],
    "cancer": ["tumour", "tumor", "malignancy"],
    "tumour": ["cancer"],
    "tumor": ["cancer"],
    "seizure": ["convulsion", "fits"],
    "thromboembolism": ["blood clot", "thrombosis", "embolism"],
    "thrombosis": ["blood clot"],
    "blood clot": ["thrombosis", "embolism"],
    "heart attack": ["myocardial infarction"],
    "myocardial infarction": ["heart attack"],
    "arrhythmia": ["irregular heartbeat", "irregular heart rhythm"],
    "haemorrhage": ["bleeding"],
    "hemorrhage": ["bleeding"],
    "suicidal": ["suicide"],
    "hepatotoxicity": ["liver damage", "liver injury", "liver failure"],
    "nephrotoxicity": ["kidney damage", "kidney injury", "kidney failure"],
}


def names_of(risk: str, synonyms: dict[str, list[str]]) -> set[str]:
    """The names of a risk: its parts ("Anaphylaxis / serious allergic reaction"), what it says in
    brackets ("Stroke (new or recurrent)"), and the configured synonyms of each."""
    bracketed = " ".join(re.findall(r"\(([^()]*)\)", risk))
    parts = re.split(r"/|,|\bor\b", re.sub(r"\([^()]*\)", " ", risk)) + re.split(r"/|,|\bor\b", bracketed)
    names = {part.strip().lower() for part in parts if part.strip()}
    for name in list(names):
        names.update(word.lower() for key, words in synonyms.items() if key in name for word in words)
    return names


def is_named(text: str, risk: str, synonyms: dict[str, list[str]]) -> bool:
    """Whether `text` names `risk`: the content words of one of its names, in any form, where the
    text speaks of the risk as present (not "there is no cancer risk", not "stroke patients"); or,
    for a name made only of generic words ("spread"), that name as written."""
    found = located_words(text)
    lowered = " ".join(word.text for word in found)
    for name in names_of(risk, synonyms):
        wanted = content_words(name)
        if wanted:
            if all(any(same_word(want, word.text) and affirmed(word) for word in found) for want in wanted):
                return True
        elif re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words(name))) + r"(?!\w)", lowered):
            return True
    return False


def check(document, context) -> Iterator[Finding]:
    caveat = document.get(("caveat",))
    risks = document.get(("safety", "serious_risks"))
    if not isinstance(caveat, str) or not caveat.strip() or not isinstance(risks, list):
        return  # an empty caveat is reported once, by safety-caveat-required, however it is written
    synonyms = context.option(RULE, "synonyms")
    for index, risk in enumerate(risks):
        name = risk.get("risk") if isinstance(risk, dict) else None
        if isinstance(name, str) and name.strip() and not is_named(caveat, name, synonyms):
            path = ("safety", "serious_risks", index)
            yield RULE.at(document, document.span(path + ("risk",)),
                          f"{thing(context.schema, document.data, path)} is not named in the caveat",
                          "name every serious risk in caveat:, the call-out box most readers stop at")


RULE = Rule("PL402", "risk-not-in-caveat", Severity.ERROR,
            "A serious risk is not named in the caveat call-out.", __doc__, check,
            options={"synonyms": DEFAULT_SYNONYMS}, safety=True)
