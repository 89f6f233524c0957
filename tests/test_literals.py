"""The literals a pattern's matches need (literals.py) never hide a match: where a pattern matches a
text, its gate finds one of them in the folded text. A missed literal would be a missed finding."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from re import _constants as _sre_constants
from re import _parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peptide_lint.cli  # noqa: F401 - compiles every pattern the check path uses
import peptide_lint.registry  # noqa: F401
from peptide_lint import patterns
from peptide_lint.claims import Reading, plain
from peptide_lint.literals import fold, needed_by, pattern_of
from peptide_lint.patterns import gate, regex


def _gated() -> list[re.Pattern]:
    """Every pattern of the package that has a gate (the gates themselves excepted)."""
    found = []
    for compiled, key in list(patterns._KEYS.values()):
        if gate(compiled).each != [()]:
            found.append(compiled)
    return sorted(found, key=lambda compiled: compiled.pattern)


GATED = _gated()


def test_most_patterns_of_the_package_have_a_gate():
    assert len(GATED) > 100


def _gate_finds(compiled: re.Pattern, text: str) -> bool:
    return gate(compiled).passes(fold(text))


# What a character of the pattern may stand for in a text, ignoring case: the engine's own other cases
# of "s", "k" and "i" too.
_OTHER_CASES = {"s": "Sſ", "k": "K\u212a", "i": "Iıİ"}


def _sample(items, draw_int, ignore_case: bool) -> str:
    """A text the parsed pattern `items` matches, as far as its characters go (assertions are left
    out, so the caller checks that the pattern really matches it)."""
    c = _sre_constants
    out = []
    for op, argument in items:
        if op is c.LITERAL:
            out.append(_case(chr(argument), draw_int, ignore_case))
        elif op is c.IN:
            out.append(_case(_member(argument, draw_int), draw_int, ignore_case))
        elif op is c.ANY or op is c.NOT_LITERAL:
            out.append("x" if op is c.ANY or argument != ord("x") else "y")
        elif op is c.SUBPATTERN:
            out.append(_sample(argument[-1], draw_int, ignore_case or bool(argument[1] & re.IGNORECASE)))
        elif op is c.BRANCH:
            branches = argument[1]
            out.append(_sample(branches[draw_int(0, len(branches) - 1)], draw_int, ignore_case))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, inner = argument
            times = draw_int(low, min(high, low + 2))
            out.append("".join(_sample(inner, draw_int, ignore_case) for _ in range(times)))
        elif op is c.ATOMIC_GROUP:
            out.append(_sample(argument, draw_int, ignore_case))
        # assertions and anchors: nothing to write
    return "".join(out)


def _member(items, draw_int) -> str:
    c = _sre_constants
    choices = []
    for op, argument in items:
        if op is c.LITERAL:
            choices.append(chr(argument))
        elif op is c.RANGE:
            choices.append(chr(draw_int(argument[0], argument[1])))
        elif op is c.CATEGORY:
            choices.append({c.CATEGORY_DIGIT: "7", c.CATEGORY_SPACE: " ", c.CATEGORY_WORD: "w"}.get(argument, "#"))
        elif op is c.NEGATE:
            return "#"
    return choices[draw_int(0, len(choices) - 1)] if choices else "#"


def _case(char: str, draw_int, ignore_case: bool) -> str:
    if not ignore_case or not char.isalpha():
        return char
    forms = char.lower() + char.upper() + _OTHER_CASES.get(char.lower(), "")
    return forms[draw_int(0, len(forms) - 1)]


@pytest.mark.parametrize("compiled", GATED, ids=lambda compiled: compiled.pattern[:60])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_where_a_pattern_matches_its_gate_finds_a_literal(compiled, data):
    def draw_int(low: int, high: int) -> int:
        return data.draw(st.integers(low, high))

    before = data.draw(st.sampled_from(["", " ", "a ", "-", "x. ", "7"]))
    after = data.draw(st.sampled_from(["", " ", " b", ".", "-z", "7", " #"]))
    text = before + _sample(_parser.parse(compiled.pattern, compiled.flags), draw_int,
                            bool(compiled.flags & re.IGNORECASE)) + after
    if compiled.search(text):  # the assertions the sample leaves out may refuse it: it proves nothing then
        assert _gate_finds(compiled, text), text
        assert Reading(text).may_match(compiled), text  # a rule's gate on the compared text, for a written one
    if compiled.search(plain(text)):  # as the rules search: the compared text, the gate on its fold
        assert Reading(text).may_match(compiled), text


@pytest.mark.parametrize("compiled", GATED, ids=lambda compiled: compiled.pattern[:60])
def test_the_gate_finds_a_literal_in_every_match_in_the_labelled_sentences(compiled, corpus_sentences):
    for text in corpus_sentences:
        if compiled.search(text):
            assert _gate_finds(compiled, text), text


@pytest.fixture(scope="module")
def corpus_sentences() -> list[str]:
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent
    found = []
    for path in sorted((root / "corpus").glob("*.yaml")) + sorted((root / "corpus-heldout").glob("*.yaml")):
        for example in (YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}).get("examples") or []:
            for key in ("prose", "append"):
                found += [plain(str(text)) for text in (example.get(key) or {}).values()]
    return found


@pytest.mark.parametrize("letter, other", [("s", "ſ"), ("k", "\u212a"), ("i", "ı"), ("i", "İ"), ("k", "K")])
def test_the_other_cases_the_engine_folds_fold_to_the_letter(letter, other):
    """re, ignoring case, takes the long s for "s", the Kelvin sign for "k", the dotless i and the
    dotted capital I for "i": the gate must see them as those letters."""
    compiled = regex(rf"(?<!\w){letter}top{letter}(?!\w)", re.IGNORECASE)
    text = f"it {other}top{other} now"
    assert compiled.search(text) and _gate_finds(compiled, text)


def test_every_character_the_engine_folds_to_an_ascii_letter_folds_to_it():
    odd = [chr(code) for code in range(128, sys.maxunicode + 1) if re.fullmatch("[a-z]", chr(code), re.IGNORECASE)]
    assert len(odd) >= 3  # the long s, the Kelvin sign, the dotless i, ...
    for char in odd:
        for text in (char, f"a—{char}b"):  # alone, and in a text that is not ASCII for another reason
            folded = fold(text)
            assert len(folded) == len(text) and re.fullmatch(folded[-2 if len(text) > 1 else -1], char, re.IGNORECASE), char


@pytest.mark.parametrize("pattern, flags, clauses", [
    (r"(?<![\w-])(?:stop|stopping|quit)\s+(?:your\s+)?meds(?![\w-])", re.IGNORECASE, [{"meds"}, {"stop", "quit"}]),
    (r"(?:no|not)\s+(?:\w+\s+)?trials?", 0, [{"trial"}, {"no"}]),
    (r"fda[- ]approved", re.IGNORECASE, [{"fda-approved", "fda approved"}]),
    (r"randomi[sz]ed", 0, [{"randomised", "randomized"}]),
    (r"(?:\w+\s+)?doctors? recommend", 0, [{"doctor recommend", "doctors recommend"}]),
    (r"TODO|(?i:lorem ipsum)", 0, [{"todo", "lorem ipsum"}]),
    (r"no\s+real\s+risk|just\s+mind", 0, [{"risk", "mind"}, {"real", "just"}, {"no", "just"}]),
    (r"\w+", 0, []),  # nothing certain: always searched
    (r"a?b?", 0, []),  # matches the empty string
    (r"caf\u00e9", 0, [{"caf"}]),  # a letter outside ASCII is never a literal
    (r"x|\d+", 0, []),  # one alternative needs nothing
])
def test_needs_derived_from_the_parse_tree(pattern, flags, clauses):
    assert set(needed_by(pattern, flags)) == set(map(frozenset, clauses))


def test_the_gate_finds_each_literal_and_nothing_else():
    literals = frozenset({"stop", "stem", "quit", "a b", "x.y"})
    gate_pattern = re.compile(pattern_of(literals))
    for literal in literals:
        assert gate_pattern.search(f"--{literal}--")
    assert not gate_pattern.search("st qui a-b xzy")


def test_the_store_keeps_what_matches_need_for_the_next_run(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    path = str(tmp_path / "kept.bin")
    first = patterns.PatternStore(path)
    first.compile(r"(?<!\w)cures?(?!\w)", re.IGNORECASE)
    first.save()
    second = patterns.PatternStore(path)
    assert second.kept_needs[(r"(?<!\w)cures?(?!\w)", int(re.IGNORECASE))] == (("cure",),)
    assert second.kept_sources[("literals", "cure")] == pattern_of(frozenset({"cure"}))  # the gate's, not written again
    second.compile(r"(?<!\w)cures?(?!\w)", re.IGNORECASE)
    assert not second.missed  # the pattern, its needs and its gate, all kept


def test_a_word_split_by_an_invisible_character_still_holds_its_literal():
    """claims.plain turns a soft hyphen or a zero-width space into a word joiner, which the word
    patterns allow between letters ("mir\u00adacle"): the fold drops it, so the gate finds "miracle"."""
    compiled = regex("(?<!\\w)m\u2060*i\u2060*r\u2060*a\u2060*c\u2060*l\u2060*e(?!\\w)", re.IGNORECASE)
    assert gate(compiled).each != [()]
    text = plain("a mir\u00adacle cure")
    assert compiled.search(text) and _gate_finds(compiled, text)
    assert not _gate_finds(compiled, "a wonder cure")


def test_a_gate_of_several_patterns_passes_what_one_of_them_passes():
    cure, stop = regex(r"(?<!\w)cures?\s+cancer", re.IGNORECASE), regex(r"stop\s+(?:your\s+)?meds", re.IGNORECASE)
    both = gate(cure, stop)
    assert both.passes(fold("It cures cancer.")) and both.passes(fold("Stop your meds."))
    assert not both.passes(fold("It cures meds."))  # one literal of each: neither pattern can match
    assert gate(cure, regex(r"\w+")).passes("anything")  # one pattern needs nothing: every text passes


def test_the_gates_change_no_finding_of_the_labelled_corpus(monkeypatch):
    """Every example of tests/corpus checked twice, with the gates and with every text passing
    them: the same findings, word for word. (A rule that asked a gate about the wrong text would
    differ here.)"""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "bench"))
    import rule_quality

    examples = rule_quality.load_corpus()
    gated = [rule_quality._findings(example.content) for example in examples]
    monkeypatch.setattr(patterns.Gate, "passes", lambda self, folded: True)
    assert [rule_quality._findings(example.content) for example in examples] == gated
