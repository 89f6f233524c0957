"""## What it does
Reports a dose written in a notation that ISMP's *List of Error-Prone Abbreviations, Symbols, and
Dose Designations* warns against. Wherever the entry gives a dose amount (the standard dose, the
dose rows, any paragraph): a bare decimal point (`.5 mg`: write `0.5 mg`), a trailing zero
(`5.0 mg`: `5 mg`), `µg`, `μg` or `ug` (`mcg`), `cc` (`mL`), `IU` or `U` (`units`), a number run
into its unit (`10mg`: `10 mg`), and 1,000 or more without a thousands separator (`10000 units`:
`10,000 units`). In the standard dose, the dose rows and the dosing notes, also the abbreviations
and symbols of a schedule or a route: `qd`, `od` and `q1d` (write `daily`), `qod` (`every other
day`), `hs` (`at bedtime`), `tiw` and `biw` (`3 times a week`, `2 times a week`), `SC`, `SQ` and
`sub q` (`subcutaneous`), `IN` (`intranasal`), `IJ` (`injection`), `x3d` (`for 3 days`), and `@`,
`&`, `<` and `>` in a dose. `peptide-lint check --fix` repairs the notation of amounts; an
abbreviation needs rewording by hand.

## Why it matters
Each of these has been misread in real medication errors reported to ISMP: a missed decimal point
turns `.5 mg` into 5 mg and `5.0 mg` into 50 mg, `µg` is read as `mg` (a thousandfold overdose),
`U` as a zero, `qd` as four times a day, `SQ` as "5 every". A reader copying a dose from a page has
no pharmacist to catch the slip.

The list: Institute for Safe Medication Practices, *ISMP List of Error-Prone Abbreviations,
Symbols, and Dose Designations* (2021, updated 2024),
https://www.ismp.org/recommendations/error-prone-abbreviations-list. Left out, because on a page
they are ambiguous or not about doses: a unit followed by a full stop (`mg.` ends most sentences
that end in a dose), the slash, and the list's drug-name and ear-and-eye abbreviations; `IM` and
`IV` are not on the list.

## Example
```yaml
standard_dose: .5 mg per day
dosing:
  rows:
    - label: Common course
      value: .5 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Route
      value: SC
      confidence: community
      sources: [roe-community]
```

## Instead
```yaml
standard_dose: 0.5 mg per day
dosing:
  rows:
    - label: Common course
      value: 0.5 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Route
      value: Subcutaneous
      confidence: community
      sources: [roe-community]
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..doses import ERROR_PRONE_UNITS, amounts, dose_texts, quantities, with_en_dashes
from ..findings import Finding, Fix, Severity
from ..schema import PROSE
from ..texts import texts
from ..wording import field
from .base import Rule

NOTES = ("dosing", "notes")

# ISMP's abbreviations and symbols of a schedule or route: (pattern, what it is misread as, what to
# write instead). Matched as whole words; "{n}" in the replacement is the number the pattern holds.
_ABBREVIATIONS: list[tuple[str, str, str]] = [
    (r"(?i:q\.?o\.?d\.?)", 'is misread as "qd" (daily) or "qid" (four times a day)', "every other day"),
    (r"(?i:q\.?d\.?)", 'is misread as "qid" (four times a day)', "daily"),
    (r"(?i:q1d)", 'is misread as "qid" (four times a day)', "daily"),
    (r"(?i:o\.?d\.?)", 'is misread as "right eye" (OD)', "daily"),
    (r"(?i:h\.?s\.?)", 'means both "at bedtime" and "half-strength"', "at bedtime"),
    (r"(?i:t\.?i\.?w\.?)", 'is misread as "3 times a day" or "twice a week"', "3 times a week"),
    (r"(?i:b\.?i\.?w\.?)", 'is misread as "2 times a day"', "2 times a week"),
    (r"(?i:sub[ -]?q)", 'has its "q" misread as "every" ("sub q 2 hours before" read as every 2 hours)',
     "subcutaneous"),
    (r"(?i:s\.?c\.?)", 'is misread as "SL" (under the tongue)', "subcutaneous"),
    (r"(?i:s\.?q\.?)", 'is misread as "5 every"', "subcutaneous"),
    (r"IN", 'is misread as "IM" or "IV"', "intranasal"),
    (r"IJ", 'is misread as "IV"', "injection"),
    (r"(?i:[x×] ?(?P<n>\d+) ?d)", 'is misread as "{n} doses"', "for {n} days"),
]
_SYMBOLS: list[tuple[str, str, str]] = [
    (r"(?<=\s)@(?=\s)", 'is misread as "2"', "at"),
    (r"(?<=\s)&(?=\s)", 'is misread as "2"', "and"),
    (r"<(?=\s*~?\d)", 'is misread as its opposite, ">"', "less than"),
    (r">(?=\s*~?\d)", 'is misread as its opposite, "<"', "more than"),
]
# One pattern for all of them, so each text is searched once; group "a{i}" is item i. The lookahead
# for the first characters lets the engine skip most positions without trying every alternative.
_NOTATION = regex(
    r"(?=[qQoOhHtTbBsSIxX×@&<>])(?:(?<![\w.@-])(?:"
    + "|".join(rf"(?P<a{i}>{pattern})" for i, (pattern, _, _) in enumerate(_ABBREVIATIONS)) + r")(?![\w-])|"
    + "|".join(rf"(?P<a{len(_ABBREVIATIONS) + i}>{pattern})" for i, (pattern, _, _) in enumerate(_SYMBOLS)) + ")")
_ITEMS = _ABBREVIATIONS + _SYMBOLS


def _finding(document, schema, path, text, start, end, why, instead, replacement=None) -> Finding:
    edit = document.value_edit(path, start, end, replacement) if replacement is not None else None
    return RULE.at(document, document.text_span(path, start, end),
                   f'"{text[start:end]}" in {field(schema, document.data, path)} is error-prone notation: it {why}',
                   f'write "{instead}" instead', edit and Fix(f'write "{instead}"', (edit,)))


def _abbreviations(document, schema, path, text) -> Iterator[Finding]:
    for match in _NOTATION.finditer(text):
        _, why, instead = _ITEMS[int(match.lastgroup[1:])]
        number = match.group("n")  # the days of "x3d"; None for the others
        yield _finding(document, schema, path, text, match.start(), match.end(),
                       why.format(n=number), instead.format(n=number))


def _amount_notation(document, schema, path, text, in_dose_text: bool) -> Iterator[Finding]:
    """The notation of each amount; in a dose text, of every number (a bare decimal point is as
    dangerous before "per day" as before "mg")."""
    for quantity in quantities(text) if in_dose_text else amounts(text):
        for start, end in quantity.numbers:
            start += text[start] == "~"
            number = text[start:end]
            if number.startswith("."):
                yield _finding(document, schema, path, text, start, end,
                               f'has no zero before its decimal point, and "{number}" is read as {number[1:]}',
                               "0" + number, "0" + number)
            elif re.fullmatch(r"\d+\.0+", number):
                whole = number.split(".")[0]
                yield _finding(document, schema, path, text, start, end,
                               f'has a trailing zero, and "{number}" is read as {number.replace(".", "")} if the point '
                               "is missed",
                               whole, whole)
            elif quantity.measure is not None and re.fullmatch(r"\d{4,}(?:\.\d+)?", number):
                whole, _, decimals = number.partition(".")
                grouped = f"{int(whole):,}" + ("." + decimals if decimals else "")
                yield _finding(document, schema, path, text, start, end,
                               "has no thousands separator, which makes a tenfold slip easy to miss",
                               grouped, grouped)
        if quantity.measure is None:
            continue
        base = quantity.base_unit
        spaced = "" if quantity.gap else " "  # "10mg": the unit also needs a space before it
        if base in ERROR_PRONE_UNITS:
            misread, instead = ERROR_PRONE_UNITS[base]
            start = quantity.unit_start
            yield _finding(document, schema, path, text, start, start + len(base),
                           f"is misread as {misread}", instead, spaced + instead)
        elif spaced:
            # The amount as the hint writes it, with the en dash range-en-dash asks for in a range
            # ("0.5-1mg": "0.5–1 mg"), so that the two rules' hints on one range agree.
            amount = with_en_dashes(text[quantity.start:quantity.number_end])
            yield _finding(document, schema, path, text, quantity.unit_start, quantity.end,
                           f'runs the number into its unit, and the "{quantity.unit[0]}" can be misread '
                           "as a digit", f"{amount} {quantity.unit}", spaced + quantity.unit)


def check(document, context) -> Iterator[Finding]:
    doses = dose_texts(document)
    dose_paths = {path for path, _ in doses}
    notes = document.get(NOTES)
    for path, text in doses + ([(NOTES, notes)] if isinstance(notes, str) else []):
        yield from _abbreviations(document, context.schema, path, text)
    for path, text in doses + texts(document, context.schema, PROSE):
        yield from _amount_notation(document, context.schema, path, text, path in dose_paths)


RULE = Rule("PL306", "error-prone-dose-notation", Severity.ERROR,
            "A dose is written in a notation ISMP lists as error-prone (.5 mg, 5.0 mg, µg, qd, SC, ...).",
            __doc__, check, fixable="safe")
