"""What every match of a regular expression must contain: a cheap test that skips the search.

Most sentences hold none of the words a claim pattern looks for ("cures", "FDA", "stop taking"),
and finding that out with the regular-expression engine means trying the pattern at every position
of the text. `needed(pattern)` reads the pattern's parse tree (as RE2's and ripgrep's prefilters
do) and derives a set of literal strings of which every match contains at least one; a text that
contains none of them cannot match, which `str.__contains__` tells far faster than the engine.

The derivation is conservative: whatever it does not understand (a class such as \\w, a
backreference, a character outside ASCII) needs nothing, and a pattern of which no literal is
certain gets None, "always search". Case is compared through `fold`, which puts every character
the engine treats as a letter's other case under IGNORECASE (including its extra Unicode cases:
the long s "ſ" for "s", the dotless "ı" for "i", the Kelvin sign for "k") as that ASCII letter in
lower case. Literals are folded the same way whatever the pattern's flags: a case-sensitive
pattern only ever needs more than that. The fold also drops the invisible word joiner that
claims.plain leaves where a soft hyphen or a zero-width space split a word, and the patterns allow
between letters: "mir\u2060acle" folds to "miracle", which holds the literal "miracle".
"""

from __future__ import annotations

import re
import string
from itertools import product

try:
    from re import _constants as _sre_constants
    from re import _parser
except ImportError:  # another Python's `re`: no parse tree to read, every search runs
    _parser = None

# Dropped by `fold`, and read as nothing in a pattern (see above).
_INVISIBLE = "\u2060"

# The largest set of whole strings a part of a pattern is followed through ("stop|quit" times
# "ping|ped|s" is six); beyond it only what the part needs is kept.
_MOST_STRINGS = 64


# A requirement: clauses that every match meets all of, each a set of literals of which the match
# holds one ("stop" or "quit", and "meds" or "pills"). Empty: nothing is certain.
Needs = tuple[frozenset[str], ...]


def needed_by(source: str, flags: int) -> Needs:
    """What every match of the pattern `source` compiled with `flags` holds: clauses of literal
    strings, folded (see `fold`), the most telling first; () when nothing is certain (the pattern
    is always searched)."""
    if _parser is None or not isinstance(source, str):
        return ()
    try:
        parsed = _parser.parse(source, flags)
        return _Part.of_sequence(list(parsed)).needs()
    except Exception:  # noqa: BLE001 - a tree this code does not know: search every time
        return ()


def pattern_of(literals: frozenset[str]) -> str:
    """A regular expression that finds any of `literals`, written as the tree of their common
    beginnings ("stop|stopping|stem" as "st(?:em|op)"): the engine then tries each position of the
    text against a few letters, not against every literal in turn."""
    tree: dict = {}
    for literal in sorted(literals):
        node = tree
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here: what follows need not be found
    return _alternatives(tree)


def _alternatives(node: dict) -> str:
    if "" in node:
        return ""  # the shorter literal is enough: every longer one holds it
    branches = [re.escape(char) + _alternatives(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def fold(text: str) -> str:
    """`text` as literals are compared with it: every character the regular-expression engine
    takes, ignoring case, for an ASCII letter is that letter in lower case."""
    if text.isascii() or _LOWER_IS_NOT_ENOUGH.search(text) is None:
        return text.lower()
    return text.translate(_FOLDED)


class _Folding(dict):
    """The translation table of `fold`, filled in as characters outside ASCII turn up."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        # Not str.lower, which maps some letters to two characters ("İ" to "i̇"): the engine's own
        # comparison, character by character.
        same = next((letter for letter in string.ascii_lowercase if re.fullmatch(letter, char, re.IGNORECASE)),
                    char.lower() if len(char.lower()) == 1 and not char.lower().isascii() else char)
        self[code] = same
        return same


_FOLDED = _Folding([(code, chr(code).lower()) for code in range(128)] + [(ord(_INVISIBLE), None)])
# The characters for which str.lower is not the engine's comparison: the dotted capital I (lowered
# to two characters), the dotless i and the long s (not lowered to "i" and "s"), and the word joiner
# (dropped). Every other character the engine takes for an ASCII letter, str.lower makes that letter
# (the test of this module checks every character there is).
_LOWER_IS_NOT_ENOUGH = re.compile("[\u0130\u0131\u017f" + _INVISIBLE + "]")


def _simplest(found: frozenset[str] | None) -> frozenset[str] | None:
    """The same clause with fewer literals: one that holds another ("stopping" holds "stop") adds
    nothing to it. None when the clause is always met (it holds the empty string)."""
    if not found or "" in found:
        return None
    simplest: list[str] = []
    for literal in sorted(found, key=len):
        if not any(shorter in literal for shorter in simplest):
            simplest.append(literal)
    return frozenset(simplest)


# Clauses kept per part of a pattern: each one more is a search of the text, and after the best
# few, the next rarely rules out a text the others let through.
_MOST_CLAUSES = 3
# Words in most English sentences: a clause of them rules out few texts. (Only which clauses are
# kept depends on this list, never whether a match can be missed.)
_COMMON = frozenset("""a an the to of in on at for by with and or but not no is are was were be been it its this
that as from if so do does did can may will would should could have has had than then there their they we you
your one all any some only more most very real also just into out up about over under after before""".split())


def _rarity(clause: frozenset[str]) -> float:
    """Roughly how likely a sentence is to meet the clause: a short or common literal is likely."""
    likely = 0.0
    for literal in clause:
        likely += 0.9 if literal.strip(" -'") in _COMMON else min(0.9, 3.0 ** (2 - len(literal)))
    return likely


def _ranked(clauses) -> Needs:
    """The best few distinct clauses, the least likely to be met first."""
    unique = {clause for clause in map(_simplest, clauses) if clause}
    # a clause that holds all of another's literals is met whenever that one is: it adds nothing
    unique = {clause for clause in unique if not any(other < clause for other in unique)}
    return tuple(sorted(unique, key=lambda clause: (_rarity(clause), sorted(clause)))[:_MOST_CLAUSES])


def _either(each: list[Needs]) -> Needs:
    """What a match of one of several alternatives holds: for the k-th clause, the union of each
    alternative's k-th best (or its last) clause, since whichever alternative matched meets its own.
    Nothing when one alternative needs nothing."""
    if not each or any(not needs for needs in each):
        return ()
    depth = max(map(len, each))
    return _ranked(frozenset().union(*(needs[min(k, len(needs) - 1)] for needs in each)) for k in range(depth))


class _Part:
    """What a part of a pattern can match, as far as literals go: `strings`, every string it can
    match (when they are few and known), and `clauses` that each of its matches meets."""

    __slots__ = ("strings", "clauses")

    def __init__(self, strings: frozenset[str] | None, clauses: Needs = ()) -> None:
        self.strings = strings
        self.clauses = clauses

    ANYTHING: _Part  # a part of which nothing is known

    def needs(self) -> Needs:
        """Its clauses, and its strings as one more (when none is empty)."""
        if self.strings and "" not in self.strings:
            return _ranked((self.strings, *self.clauses))
        return self.clauses

    @classmethod
    def of_sequence(cls, items: list) -> _Part:
        """Parts one after another: their strings are joined while they stay known and few; a match
        meets the clauses of every part, and of every run of joined strings."""
        run: frozenset[str] = frozenset({""})  # every string the current run of known parts can match
        whole = True  # whether the run is all of the sequence so far
        clauses: list[frozenset[str]] = []
        for op, argument in items:
            part = cls.of_item(op, argument)
            clauses += part.clauses
            if part.strings is not None and len(run) * len(part.strings) <= _MOST_STRINGS:
                run = frozenset(a + b for a, b in product(run, part.strings))
                continue
            # the run ends here: its strings are a clause, and a new run starts after this part
            clauses.append(run)
            whole = False
            run = part.strings if part.strings is not None else frozenset({""})
        clauses.append(run)
        return cls(run if whole else None, _ranked(clauses))

    @classmethod
    def of_item(cls, op, argument) -> _Part:
        c = _sre_constants
        if op is c.LITERAL:
            return _char(argument)
        if op is c.IN:
            return _char_set(argument)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return cls(frozenset({""}))  # zero width: adds no character
        if op is c.SUBPATTERN:
            return cls.of_sequence(list(argument[-1]))
        if op is c.ATOMIC_GROUP:
            return cls.of_sequence(list(argument))
        if op is c.BRANCH:
            return _branch([cls.of_sequence(list(branch)) for branch in argument[1]])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, inner = argument
            part = cls.of_sequence(list(inner))
            if part.strings == _NOTHING:  # "\u2060*": nothing, once folded, however often it repeats
                return part
            if low == 0:
                if high == 1 and part.strings is not None:
                    return cls(part.strings | {""})
                return cls.ANYTHING
            if low == high == 1:
                return part
            return cls(None, part.needs())  # each repetition meets what one does
        return cls.ANYTHING  # a class such as \w, any character, a backreference, ...


_NOTHING = frozenset({""})


def _char(code: int) -> _Part:
    char = chr(code)
    if char == _INVISIBLE:
        return _Part(_NOTHING)
    if not char.isascii():
        return _Part.ANYTHING  # compared through fold only for ASCII letters: unknown
    return _Part(frozenset({char.lower()}))


def _char_set(items: list) -> _Part:
    """A bracketed set ([sz], or what "a|b" becomes): its characters, when it lists a few."""
    c = _sre_constants
    chars: set[str] = set()
    for op, argument in items:
        if op is c.LITERAL and chr(argument).isascii():
            chars.add(chr(argument).lower())
        elif op is c.LITERAL and chr(argument) == _INVISIBLE:
            chars.add("")
        elif op is c.RANGE and chr(argument[1]).isascii() and argument[1] - argument[0] < 8:
            chars.update(chr(code).lower() for code in range(argument[0], argument[1] + 1))
        else:
            return _Part.ANYTHING  # a negated set, a class, a wide range, a letter outside ASCII
    return _Part(frozenset(chars)) if chars else _Part.ANYTHING


def _branch(parts: list[_Part]) -> _Part:
    """Alternatives: the union of their strings; each match meets what one of them needs."""
    strings = None
    if all(part.strings is not None for part in parts):
        strings = frozenset().union(*(part.strings for part in parts))
        if len(strings) > _MOST_STRINGS:
            strings = None
    return _Part(strings, _either([part.needs() for part in parts]))


_Part.ANYTHING = _Part(None)
