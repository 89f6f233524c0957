"""Reading doses: the numbers of dose texts and prose with their units, read once per text.

A quantity is a number or a range ("5", "5–10", "~1–5", "5 to 10") and the word written after it
("mL", "per", none). An amount is a quantity whose unit measures a dose: a mass (mg, mcg, ...), a
volume (mL), units, a count of drops or sprays, or a mass per kilogram of body weight. The dosing
rules read quantities from here rather than each matching the text again: `quantities(text)` runs
once per text, however many rules ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A number as an editor writes one: 5, 0.5, 1,000, 1,5, a bare ".5" (which error-prone-dose-notation
# reports), with "~" for "about".
_NUMBER = r"~?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?|\.\d+)"
# A number or range and the word after it, joined by white space, a hyphen ("10-day") or nothing
# ("10mg"). A number right after a letter or a decimal point is part of a word or another number.
# A word with inner full stops is one word ("3 U.S. sites" is not 3 units).
_QUANTITY = re.compile(
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

@dataclass(frozen=True, slots=True)
class Quantity:
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

    @property
    def unit_start(self) -> int:
        return self.end - len(self.unit) if self.unit else self.end

    @property
    def base_unit(self) -> str | None:
        """The unit without what follows a slash: "mg" for "mg/kg" and "mL/day"."""
        return self.unit.split("/", 1)[0] if self.unit else None

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


def labels_marked(schema, annotation: str) -> list[str]:
    """The dose-row confidence labels whose branch in the schema carries `annotation`
    (x-not-for-people, x-no-amount)."""
    return [label for label, branch in schema.vocabulary("confidence").items() if branch.get(annotation)]


# A dose text that says no dose for people is known: "No human dose has been established",
# "none established", "not determined", "unknown".
NONE_ESTABLISHED = re.compile(
    r"\b(?:no|not|none|never)\b(?:\W+\w+){0,5}?\W+(?:established|determined|defined|known)\b|\bunknown\b",
    re.IGNORECASE)
