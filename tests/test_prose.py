"""Sentence boundaries: the hard cases of pySBD's "Golden Rules" that occur in entries, and citations;
the claim words found as a tree of their beginnings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from peptide_lint.prose import _NUMBER, ClaimSignals, sentences

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


# The claim words as a tree of common beginnings find what a plain list of each kind's words, longest
# first, finds: the same kinds, words and places. The kinds are named apart from the defaults, so that
# every word counts wherever it stands (no word's company is checked).
_KINDS = {"effects": ["work", "works", "worked", "workout", "improve", "improves", "side-effect", "side"],
          "frequencies": ["most users", "most", "most-reported", "many users", "rare", "rarely"],
          "people": ["users say", "user", "users", "wrote"]}
_PIECES = sorted({word for words in _KINDS.values() for word in words}
                 | {"it", "Works", "MOST", "Users", "-", " ", ".", ", ", "x", "workers", "rarer", "3", "10 %"})


def _listed(signals: dict[str, list[str]], text: str) -> list[tuple[str, str, int]]:
    kinds = [*signals, "a number"]
    alternatives = [f"(?P<k{i}>(?<!\\w)(?=\\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                    + ")(?!\\w))" for i, words in enumerate(signals.values())]
    pattern = re.compile("|".join([*alternatives, f"(?P<k{len(alternatives)}>{_NUMBER.pattern})"]), re.IGNORECASE)
    return [(kinds[int(m.lastgroup[1:])], m.group().strip(), m.start()) for m in pattern.finditer(text)]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_claim_words_as_a_tree_find_what_a_list_finds(text):
    assert list(ClaimSignals(_KINDS).matches(text)) == _listed(_KINDS, text)
