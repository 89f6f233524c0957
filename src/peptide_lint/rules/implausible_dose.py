"""## What it does
Reports a dose that cannot be meant as written, in the standard dose, the dose rows or the prose:
a dose per hour or per minute, or every hour or more often (`5–10 mL per hour`, `2 mg/min`,
`1 mL hourly`, `1 mg every 30 minutes`), except in a sentence that cites a study, where it is the
rate of the study's infusion ("infused at 2 mL per minute"); and a volume above `max-ml-per-dose`
for one dose or `max-ml-per-day` for a day (`per day`, `a day`, `daily`), 100 mL each by default.
The solution a dose is mixed with (`250 mL of saline`) is not a dose, and a total over a week or a
month is not judged. Every 2 hours or more, "within 1 hour of waking" and "infused over 60
minutes" are left alone.

## Why it matters
"5–10 mL per hour" is 120–240 mL a day; "500 mL per day" is fifty times the community dose. A
figure like that is a typo or a harmful edit, and a reader who trusts the page acts on it.

Why 100 mL: the largest volumes given as a dose of a peptide on this site are Cerebrolysin's, up
to 10 mL a day by injection in community practice (the bundled entry) and 30–50 mL a day as one
intravenous infusion in its clinical trials. 100 mL is twice the largest of these, so no real dose
comes near it, while the slips it is there to catch are tenfold or hundredfold (`500 mL` for
5 mL). A site with larger volumes raises the options.

## Example
```yaml
standard_dose: 1–2 mL per hour
dosing:
  rows:
    - label: Common course
      value: 1–2 mL per hour
      confidence: clinical
      sources: [doe-2001]
```

## Instead
```yaml
standard_dose: 1–2 mL per day
dosing:
  rows:
    - label: Common course
      value: 1–2 mL per day
      confidence: clinical
      sources: [doe-2001]
```
"""

from __future__ import annotations

from typing import Iterator

from ..doses import amounts, dose_texts, prose_amounts, reports_a_study
from ..findings import Finding, Severity
from ..wording import field
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    limits = {None: ("in one dose", context.option(RULE, "max-ml-per-dose")),
              "day": ("a day", context.option(RULE, "max-ml-per-day"))}
    doses = dose_texts(document)
    dose_paths = {path for path, _ in doses}
    in_table = [(path, text, amount) for path, text in doses for amount in amounts(text)]
    for path, text, amount in in_table + prose_amounts(document, context.schema):
        if not amount.is_dose(text):
            continue
        period = amount.period(text)
        every = amount.every_minutes(text)
        if period in ("hour", "minute") or (every and every[0] <= 60):
            # In prose that cites a study, a rate is the speed of the study's infusion.
            if path in dose_paths or not reports_a_study(document, context.schema, text, amount.start):
                how = every[1] if every else "" if "/" in amount.unit else f"per {period}"  # "mg/min" says it
                yield _finding(document, context, path, text, amount,
                               f"{how}: a dose taken by the hour or more often is almost always a slip for "
                               "per day",
                               "write the dose per day, per week or per injection; for an infusion, give the "
                               'dose and how long it runs ("10 mL over 30 minutes")')
            continue
        values = amount.in_base_unit(text)
        if amount.measure != "volume" or values is None or period not in limits:
            continue
        what, limit = limits[period]
        if values[1] > limit:
            yield _finding(document, context, path, text, amount,
                           f"{what}: more than {limit:g} mL {what}, which no real dose comes near",
                           "check the figure and its unit against the source (5 mL written as 500?); "
                           "a volume this large is not a dose a reader gives themselves")


def _finding(document, context, path, text, amount, problem: str, hint: str) -> Finding:
    return RULE.at(document, document.text_span(path, amount.start, amount.end),
                   f'{field(context.schema, document.data, path)} gives "{text[amount.start:amount.end]}"'
                   + (problem if problem.startswith(":") else " " + problem),
                   hint)


RULE = Rule("PL310", "implausible-dose", Severity.ERROR,
            "A dose is given per hour or minute, or as a volume larger than any real dose.", __doc__, check,
            options={"max-ml-per-dose": 100, "max-ml-per-day": 100})
