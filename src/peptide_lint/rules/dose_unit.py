"""## What it does
Checks the numbers in `standard_dose` and in each dose row's value: every number (or range) is
followed by a unit from the configured list, and each unit is spelled one way across the entry
(not `mL` in one row and `ml` in another, nor `mg` and `milligrams`; `peptide-lint check --fix`
writes the configured spelling, the first of its group in `spellings`: `mL`, `mg`, `mcg`). A unit spelled out (`2 milligrammes`), body
weight (`1 mg per 10 kg`) and a count with a word before its unit (`in 2 divided doses`) have one. A number that names or counts something rather than
measuring a dose needs no unit: one inside a name (`BPC-157`, `thymosin beta-4`), one after a
word from `label-words` (`from week 9 to week 24`, `day 3`), an ordinal or a rank (`2nd`, `#1`),
or one joined by a hyphen to a word (`a 2-step course`). Durations are units (`for 14 nights`,
`every 3 days`, `10-day course`).

Spellings that ISMP lists as error-prone (`µg`, `ug`, `cc`, `IU`, `U`) count as units here;
error-prone-dose-notation (PL306) reports each of them once, with what to write instead.

## Why it matters
"Take 5" is not a dose. A missing or ambiguous unit is how a reader ends up injecting a thousand
times the intended amount: mcg and mg differ by 1,000, and mixed spellings make the difference easy
to miss (ISMP's list of error-prone abbreviations).

## Example
```yaml
standard_dose: 1–2 per day
```

## Instead
```yaml
standard_dose: 1–2 mg per day
```

Options (`[tool.peptide-lint.options.dose-unit]`): `units`, the units a number may carry;
`spellings`, groups of spellings of one unit of which an entry may use only one, the first the
spelling that `--fix` writes when an entry mixes them; `label-words`,
the words after which a number names a step or a period rather than an amount.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..doses import ERROR_PRONE_UNITS, dose_texts, quantities
from ..findings import Finding, Fix, Severity
from ..wording import field
from .base import Rule

DEFAULT_UNITS = [
    "mg", "mcg", "µg", "μg", "ug", "ng", "g", "mL", "ml", "cc", "L", "IU", "iu", "U", "u", "units", "unit",
    "%", "mg/kg", "mcg/kg", "µg/kg", "mg/day", "mcg/day", "mL/day", "drop", "drops", "spray", "sprays",
    "puff", "puffs", "capsule", "capsules", "tablet", "tablets", "nM", "µM", "μM", "mM", "pM", "nmol", "µmol",
    "μmol", "mmol", "pmol",
    "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "h", "min", "minutes", "times", "x", "dose", "doses", "injection", "injections", "cycle", "cycles",
]
# Units spelled out, in British or American spelling, and body weight ("1 mg per 10 kg"): units, but
# not the ones to suggest to an editor who left a number without one.
_NOT_SUGGESTED = ["milligram", "milligrams", "milligramme", "milligrammes", "microgram", "micrograms",
                  "microgramme", "microgrammes", "millilitre", "millilitres", "milliliter", "milliliters",
                  "kg", "lb", "lbs"]
DEFAULT_UNITS += _NOT_SUGGESTED
# A unit spelled out is the unit: an entry that writes "mg" in one place and "milligrams" in another
# spells it two ways.
DEFAULT_SPELLINGS = [["mL", "ml", "millilitre", "millilitres", "milliliter", "milliliters"],
                     ["mg", "milligram", "milligrams", "milligramme", "milligrammes"],
                     ["mcg", "microgram", "micrograms", "microgramme", "microgrammes"]]
DEFAULT_LABEL_WORDS = [
    "day", "days", "week", "weeks", "month", "months", "night", "nights", "year", "cycle", "dose",
    "session", "step", "phase", "stage", "round", "visit", "hour", "alpha", "beta", "gamma", "type",
    "grade", "version", "no.", "number",
]
_ORDINAL = {"st", "nd", "rd", "th"}
_PER = {"kg", "d", "hr", "wk"}  # what may follow a slash besides the units: "mcg/kg", "mL/d"
_WORD_BEFORE = regex(r"([\w.]+)\s*$")


def _counts_something(text: str, start: int, unit: str | None, gap: str, label_words: set[str]) -> bool:
    """Whether the number at `start` (with the word after it) names or counts something rather
    than measuring a dose: "week 9", "2nd", "#1", "a 2-step course"."""
    if unit is not None and (gap == "-" or (gap == "" and unit.lower() in _ORDINAL)):
        return True
    if start and text[start - 1] == "#":
        return True  # "#1": a rank
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and before.group(1).lower() in label_words


# Words that describe a count of doses, between the number and its unit: "2 divided doses".
_DESCRIBED_UNIT = regex(r"(?:divided|equal|separate|split|single|small|smaller|even|individual|identical|"
                        r"consecutive|further|additional|extra|daily|weekly|nightly)\s+([A-Za-z]+)(?![\w/])",
                        re.IGNORECASE)


def _described_unit(text: str, unit_start: int, units: set[str]) -> bool:
    """Whether the word after the number describes the unit that follows it: "2 divided doses",
    "3 equal injections"."""
    described = _DESCRIBED_UNIT.match(text, unit_start)
    return described is not None and _known(described.group(1), units)

def _known(unit: str, units: set[str]) -> bool:
    """A unit from the list, or one made of them ("mg/kg/day", "mL/h")."""
    return unit in units or "/" in unit and all(part in units or part in _PER for part in unit.split("/"))


def check(document, context) -> Iterator[Finding]:
    units = set(context.option(RULE, "units"))
    groups = [list(group) for group in context.option(RULE, "spellings") if group]
    label_words = {word.lower() for word in context.option(RULE, "label-words")}
    spelled: list[tuple[int, tuple, str, object]] = []  # (group, path, field's name, quantity) of each unit of a group
    for path, text in dose_texts(document):
        name = field(context.schema, document.data, path)
        for quantity in quantities(text):
            unit = quantity.unit
            if unit is None or not _known(unit, units):
                if _counts_something(text, quantity.start, unit, quantity.gap, label_words) \
                        or unit is not None and _described_unit(text, quantity.unit_start, units):
                    continue
                number = text[quantity.start:quantity.number_end]
                yield RULE.at(document, document.text_span(path, quantity.start, quantity.number_end),
                              f'"{number}" in {name} has no unit',
                              f"write a unit after the number, one of: {', '.join(sorted(units - set(_NOT_SUGGESTED)))}")
                continue
            if unit in ERROR_PRONE_UNITS:
                continue  # error-prone-dose-notation says what to write instead
            spelled += [(number, path, name, quantity) for number, group in enumerate(groups) if unit in group]
    yield from _spelled_two_ways(document, groups, spelled)


def _spelled_two_ways(document, groups: list[list[str]], spelled) -> Iterator[Finding]:
    """A unit the entry spells more than one way: each spelling other than the configured one (the
    first of its group) is reported, and the fix writes the configured one."""
    for number, group in enumerate(groups):
        found = [(path, name, quantity) for group_number, path, name, quantity in spelled if group_number == number]
        used = list(dict.fromkeys(quantity.unit for _, _, quantity in found))
        if len(used) < 2:
            continue  # one spelling throughout, whichever it is
        chosen = group[0]
        for path, name, quantity in found:
            if quantity.unit == chosen:
                continue
            other = next(unit for unit in used if unit != quantity.unit)
            edit = document.value_edit(path, quantity.unit_start, quantity.end, chosen)
            yield RULE.at(document, document.text_span(path, quantity.unit_start, quantity.end),
                          f'{name} spells the unit "{quantity.unit}" where the entry also writes "{other}"',
                          f'use one spelling throughout the entry: "{chosen}"',
                          edit and Fix(f'write "{chosen}"', (edit,)))


RULE = Rule("PL302", "dose-unit", Severity.ERROR,
            "A dose number has no known unit, or a unit is spelled two ways.", __doc__, check,
            options={"units": DEFAULT_UNITS, "spellings": DEFAULT_SPELLINGS, "label-words": DEFAULT_LABEL_WORDS},
            fixable="safe")
