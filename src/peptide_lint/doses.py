"""Reading doses: the numbers of dose texts and prose with their units, read once per text.

A quantity is a number or a range ("5", "5–10", "~1–5", "5 to 10") and the word written after it
("mL", "per", none). An amount is a quantity whose unit measures a dose: a mass (mg, mcg, ...), a
volume (mL), units, a count of drops or sprays, or a mass per kilogram of body weight. The dosing
rules read quantities from here rather than each matching the text again: `quantities(text)` runs
once per text, however many rules ask.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from .patterns import regex
from .prose import citations, sentences, sources_by_id
from .schema import PROSE
from .texts import texts

# A number as an editor writes one: 5, 0.5, 1,000, 1,5, a bare ".5" (which error-prone-dose-notation
# reports), with "~" for "about".
_NUMBER = r"~?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?|\.\d+)"
# A number or range and the word after it, joined by white space, a hyphen ("10-day") or nothing
# ("10mg"). A number right after a letter or a decimal point is part of a word or another number.
# A word with inner full stops is one word ("3 U.S. sites" is not 3 units).
_QUANTITY = regex(
    rf"(?=[~.\d])(?<![\w.,])(?P<low>{_NUMBER})(?:(?:\s*[–-]\s*|\s+to\s+)(?P<high>{_NUMBER}))?"
    r"(?:(?P<gap>\s*|-)(?P<unit>[A-Za-zµμ%][\w/%µμ]*(?:\.[A-Za-z]\w*)*))?")

# The units of a dose amount: what the amount measures, and the factor to that measure's base unit
# (mg for a mass, mL for a volume), so that "0.5 mg" and "500 mcg" compare as the same dose.
AMOUNT_UNITS: dict[str, tuple[str, float]] = {
    "ng": ("mass", 1e-6), "mcg": ("mass", 1e-3), "µg": ("mass", 1e-3), "μg": ("mass", 1e-3),
    "ug": ("mass", 1e-3), "mg": ("mass", 1.0), "g": ("mass", 1000.0),
    "mL": ("volume", 1.0), "ml": ("volume", 1.0), "cc": ("volume", 1.0), "L": ("volume", 1000.0),
    "units": ("units", 1.0), "unit": ("units", 1.0), "IU": ("units", 1.0), "iu": ("units", 1.0),
    "U": ("units", 1.0), "u": ("units", 1.0),
    "drop": ("drops", 1.0), "drops": ("drops", 1.0), "spray": ("sprays", 1.0), "sprays": ("sprays", 1.0),
    "puff": ("puffs", 1.0), "puffs": ("puffs", 1.0), "capsule": ("capsules", 1.0),
    "capsules": ("capsules", 1.0), "tablet": ("tablets", 1.0), "tablets": ("tablets", 1.0),
}

# Unit spellings on ISMP's list of error-prone abbreviations (error-prone-dose-notation reports
# them): what each is misread as, and what to write instead.
ERROR_PRONE_UNITS: dict[str, tuple[str, str]] = {
    "µg": ('"mg", a dose a thousand times too high', "mcg"),
    "μg": ('"mg", a dose a thousand times too high', "mcg"),
    "ug": ('"mg", a dose a thousand times too high', "mcg"),
    "cc": ('"u" (units)', "mL"),
    "IU": ('"IV" or "10"', "units"),
    "iu": ('"IV" or "10"', "units"),
    "U": ('"0" or "4" (4U read as 40) or as "cc"', "units"),
    "u": ('"0" or "4" (4u read as 44) or as "cc"', "units"),
}

# A hyphen between two numbers: a range that house style writes with an en dash ("1-2 mg": "1–2 mg").
HYPHEN_RANGE = regex(r"(?<=\d)\s*-\s*(?=~?\d)")


def with_en_dashes(text: str) -> str:
    """`text` with the en dash of house style in each range ("0.5-1mg": "0.5–1mg")."""
    return HYPHEN_RANGE.sub("–", text) if "-" in text else text


_PERIODS = {"hour": "hour", "hr": "hour", "h": "hour", "minute": "minute", "min": "minute",
            "day": "day", "d": "day", "night": "day", "week": "week", "wk": "week", "month": "month"}
_ADVERBS = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month"}
_ROUTE = r"(?:\s+(?:IV|IM|intravenously|intramuscularly|subcutaneously|subcut|orally|by mouth|intranasally))?"
# What follows an amount to say how often: "per day", "a day", "each hour", "/h", "daily"; a route
# may come between ("5 mL IV daily").
_PER_PERIOD = regex(
    _ROUTE + r"(?:\s*(?:(?:per|an?|each|every)\s+|/\s*)"
    r"(?P<period>hour|hr|h|minute|min|day|d|night|week|wk|month)s?"
    r"|\s+(?P<adverb>hourly|daily|nightly|weekly|monthly))(?!\w)", re.IGNORECASE)
# "every 30 minutes", "every 2 hours" after an amount.
_EVERY = regex(_ROUTE + r"\s+(?:once\s+)?every\s+(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>minutes?|mins?|hours?|hrs?|h)(?!\w)",
                    re.IGNORECASE)
# What follows a volume or mass that is not a dose of the peptide: the solution it is mixed with
# ("100 mL of saline", "2 mL bacteriostatic water") or the package it comes in ("a 10 mL vial").
_NOT_A_DOSE_AFTER = regex(
    r"\s*(?:of\s+)?(?:[\w-]+\s+)?(?:saline|water|sodium chloride|glucose|dextrose|solvent|diluent|"
    r"ringer'?s|vials?|ampoules?|ampules?|bottles?|pens?|syringes?|cartridges?|kits?|packs?)(?!\w)"
    r"|\s*per\s+(?:vial|ampoule|ampule|bottle|pen|cartridge|kit|pack)(?!\w)", re.IGNORECASE)


# A count of doses said around an amount: "two 0.5 mg injections", "0.5 mg twice", "1 mg x 2".
_COUNTS = {"twice": 2, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_COUNT_BEFORE = regex(r"(?<!\w)(two|three|four|[234])\s*[x×]?\s*$", re.IGNORECASE)
_COUNT_AFTER = regex(r"\s+(?:(twice)|(two|three|four|[234])\s+times|[x×]\s*([234]))(?!\w)", re.IGNORECASE)


class Quantity(NamedTuple):
    """A number or range in a text and the word after it; offsets are into the text."""

    start: int
    number_end: int  # where the number or range ends
    end: int  # where the unit ends (number_end when there is none)
    numbers: tuple[tuple[int, int], ...]  # (start, end) of each number: one, or two for a range
    unit: str | None
    gap: str  # what joins the unit to the number: white space, "-" or "" ("10mg")
    # What the quantity measures when it is a dose amount ("mass", "volume", "units", "mass per kg",
    # "drops", ...), else None.
    measure: str | None

    def values(self, text: str) -> tuple[float, float] | None:
        """(lowest, highest) value, or None for a number that does not read as one."""
        found = [_value(text[start:end]) for start, end in self.numbers]
        if any(value is None for value in found):
            return None
        return min(found), max(found)

    @property
    def unit_start(self) -> int:
        return self.end - len(self.unit) if self.unit else self.end

    @property
    def base_unit(self) -> str | None:
        """The unit without what follows a slash: "mg" for "mg/kg" and "mL/day"."""
        return self.unit.split("/", 1)[0] if self.unit else None

    def in_base_unit(self, text: str) -> tuple[float, float] | None:
        """(lowest, highest) in the base unit of its measure (mg, mL, ...), for an amount."""
        values = self.values(text)
        known = AMOUNT_UNITS.get(self.base_unit or "")
        if values is None or known is None:
            return None
        return values[0] * known[1], values[1] * known[1]

    def period(self, text: str) -> str | None:
        """How often the amount is given, when the text says: "hour", "minute", "day", "week",
        "month" ("5 mL per day", "5 mL/h", "5 mL IV daily"), else None."""
        per = self.unit.split("/")[1:] if self.unit else []
        if per and per[-1].lower() in _PERIODS:
            return _PERIODS[per[-1].lower()]
        match = _PER_PERIOD.match(text, self.end)
        if match is None:
            return None
        if match.group("adverb"):
            return _ADVERBS[match.group("adverb").lower()]
        return _PERIODS[match.group("period").lower()]

    def every_minutes(self, text: str) -> tuple[float, str] | None:
        """(minutes between doses, as written) for "1 mg every 30 minutes", "every 2 hours"."""
        match = _EVERY.match(text, self.end)
        if match is None:
            return None
        minutes = float(match.group("n")) * (1 if match.group("unit").lower().startswith("m") else 60)
        return minutes, match.group().strip()

    def times(self, text: str) -> int:
        """How many times the amount is given, when the text says so around it: 2 for "two 0.5 mg
        injections" and "0.5 mg twice", else 1."""
        before = _COUNT_BEFORE.search(text, max(0, self.start - 12), self.start)
        after = _COUNT_AFTER.match(text, self.end)
        word = (before.group(1) if before else None) or (after.group(after.lastindex) if after else None)
        return _COUNTS.get(word.lower(), 1) if word else 1

    def is_dose(self, text: str) -> bool:
        """Whether an amount is a dose of the peptide, not the solution it is mixed with or the
        package it comes in."""
        return self.measure is not None and _NOT_A_DOSE_AFTER.match(text, self.end) is None


def _value(number: str) -> float | None:
    number = number.lstrip("~")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
        number = number.replace(",", "")  # thousands
    try:
        return float(number.replace(",", "."))  # "1,5": a decimal comma
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every number or range of `text` with the word after it, except numbers that are part of a
    name ("BPC-157", "thymosin beta-4", "TB-500"): a number right after a hyphen that follows a
    letter or digit."""
    found = []
    for match in _QUANTITY.finditer(text):
        start = match.start()
        if start >= 2 and text[start - 1] in "-‑" and text[start - 2].isalnum():
            continue
        numbers = tuple(match.span(group) for group in ("low", "high") if match.group(group))
        unit = match.group("unit")
        number_end = match.end("high") if match.group("high") else match.end("low")
        found.append(Quantity(start, number_end, match.end() if unit else number_end, numbers, unit,
                              match.group("gap") or "", _measure(unit)))
    return tuple(found)


def _measure(unit: str | None) -> str | None:
    known = AMOUNT_UNITS.get(unit.split("/", 1)[0]) if unit else None
    if known is None:
        return None
    return known[0] + " per kg" if unit.split("/")[1:2] == ["kg"] else known[0]


def dose_texts(document) -> list[tuple[tuple, str]]:
    """(path, text) of the standard dose and of every dose row's value."""
    def collect() -> list[tuple[tuple, str]]:
        found = []
        if isinstance(document.get(("standard_dose",)), str):
            found.append((("standard_dose",), document.get(("standard_dose",))))
        for index, row in document.each(("dosing", "rows")):
            if isinstance(row, dict) and isinstance(row.get("value"), str):
                found.append((("dosing", "rows", index, "value"), row["value"]))
        return found
    return document.memo("dose texts", collect)


def rows_like_standard_dose(document) -> list[tuple[int, dict]]:
    """(index, row) of the dose rows whose value is the standard dose, word for word (white space
    folded, as standard-dose-mismatch compares them)."""
    standard = document.get(("standard_dose",))
    if not isinstance(standard, str):
        return []
    flat = " ".join(standard.split())
    return [(index, row) for index, row in document.each(("dosing", "rows")) if isinstance(row, dict)
            and isinstance(row.get("value"), str) and " ".join(row["value"].split()) == flat]


@lru_cache(maxsize=1024)
def amounts(text: str) -> tuple[Quantity, ...]:
    """The dose amounts of a text: quantities with a unit of mass, volume, units or a count."""
    return tuple(quantity for quantity in quantities(text) if quantity.measure is not None)


def amount_distance(text: str, other: str) -> float | None:
    """How far apart the closest two amounts of two dose texts are, of amounts that measure the
    same (a mass and a mass): 0 for the same amount, else how many times one is the other (as a
    logarithm of the ratio of their midpoints); None when the texts share no measure."""
    distances = []
    for amount in amounts(text):
        for other_amount in amounts(other):
            if amount.measure != other_amount.measure:
                continue
            mine, theirs = amount.in_base_unit(text), other_amount.in_base_unit(other)
            if mine is None or theirs is None:
                continue
            if min(sum(mine), sum(theirs)) <= 0:  # a zero amount is as far from any other as can be
                distances.append(0.0 if sum(mine) == sum(theirs) else math.inf)
            else:
                distances.append(abs(math.log(sum(mine) / sum(theirs))))
    return min(distances, default=None)


def prose_amounts(document, schema) -> list[tuple[tuple, str, Quantity]]:
    """(path, text, amount) for every dose amount in the entry's prose, in the order of the file."""
    return document.memo("prose amounts", lambda: [
        (path, text, amount) for path, text in texts(document, schema, PROSE) for amount in amounts(text)])


class Covered(NamedTuple):
    """The amounts the dose table gives, by measure: (lowest, highest) in the base unit, per row."""

    ranges: dict[str, list[tuple[float, float]]]
    shown: list[str]  # the amounts as the rows write them, for messages

    def covers(self, measure: str, low: float, high: float) -> bool:
        return any(a <= low * (1 + 1e-9) and high <= b * (1 + 1e-9) for a, b in self.ranges.get(measure, []))


def table_amounts(document) -> Covered:
    """What the dose rows and the standard dose give, computed once per entry."""
    def collect() -> Covered:
        ranges: dict[str, list[tuple[float, float]]] = {}
        shown: dict[str, None] = {}  # in the order of the file, each once
        for _, text in dose_texts(document):
            for amount in amounts(text):
                values = amount.in_base_unit(text)
                if values is not None:
                    ranges.setdefault(amount.measure, []).append(values)
                    shown[text[amount.start:amount.end]] = None
        return Covered(ranges, list(shown))
    return document.memo("table amounts", collect)


def study_source_types(schema) -> set[str]:
    """The source types that are studies: evidence in people (`x-human`) or the lab work that a
    dose row not for people rests on (animals, cells: its label's `x-needs-one-of`)."""
    types = {kind for kind, branch in schema.vocabulary("sourceType").items() if branch.get("x-human")}
    confidence = schema.vocabulary("confidence")
    for label in labels_marked(schema, "x-not-for-people"):
        types.update(confidence[label].get("x-needs-one-of") or [])
    return types


@lru_cache(maxsize=256)
def _sentence_starts(text: str) -> list[int]:
    return [sentence.start for sentence in sentences(text)]


def reports_a_study(document, schema, text: str, offset: int) -> bool:
    """Whether the sentence of `text` at `offset` cites a study: what it says is then a report of
    that study (the dose a trial gave), not advice."""
    found = sentences(text)
    index = bisect_right(_sentence_starts(text), offset) - 1
    if index < 0:
        return False
    studies = study_source_types(schema)
    sources = sources_by_id(document.data)
    kinds = (sources.get(citation.id, {}).get("type") for citation in citations(found[index].text))
    return any(isinstance(kind, str) and kind in studies for kind in kinds)


def labels_marked(schema, annotation: str) -> list[str]:
    """The dose-row confidence labels whose branch in the schema carries `annotation`
    (x-not-for-people, x-no-amount)."""
    return [label for label, branch in schema.vocabulary("confidence").items() if branch.get(annotation)]


# A dose text that says no dose for people is known: "No human dose has been established",
# "none established", "not determined", "unknown".
NONE_ESTABLISHED = regex(
    r"\b(?:no|not|none|never)\b(?:\W+\w+){0,5}?\W+(?:established|determined|defined|known)\b|\bunknown\b",
    re.IGNORECASE)
