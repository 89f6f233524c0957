"""Sentence boundaries: the hard cases of pySBD's "Golden Rules" that occur in entries, and citations."""

from __future__ import annotations

import pytest

from peptide_lint.prose import sentences

SPLITS = {
    "one sentence with a time of day": (
        "Users report taking it at 3 a.m. on weekdays [@roe-community].", 1),
    "a time of day that ends a sentence": (
        "Users report taking it at 3 a.m. The effect fades by noon [@roe-community].", 2),
    "abbreviations inside": (
        "Doe et al. found a small effect, e.g. on sleep, vs. placebo [@doe-2001]. It is one trial.", 2),
    "a decimal and a dose": ("One trial gave 0.5 mg daily [@doe-2001]. Nothing else is known.", 2),
    "an initial": ("J. Doe led the trial [@doe-2001]. It was small.", 2),
    "etc. ends a sentence before a capital": ("Headache, nausea, etc. Most fade in a week.", 2),
    "a list after a full stop goes on": ("Routes vary, e.g. i.v. or s.c. injection [@roe-community].", 1),
    "a citation after the full stop stays with its sentence": (
        "A trial found it works. [@doe-2001] Nothing else is known.", 2),
    "a question and an exclamation": ("Does it work? Nobody knows! Read on.", 3),
    "U.S. inside a sentence": ("The U.S. regulator has not approved it.", 1),
    "a paragraph break ends a sentence even without a full stop": ("A heading\n\nThe text.", 2),
    "an ellipsis that goes on": ("It works... sometimes, users say [@roe-community].", 1),
}


@pytest.mark.parametrize("text,count", SPLITS.values(), ids=SPLITS.keys())
def test_sentence_boundaries(text, count):
    found = sentences(text)
    assert len(found) == count, [s.text for s in found]
    assert all(text[s.start:s.end] == s.text for s in found)
