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
pattern only ever needs more than that.
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

# The largest set of whole strings a part of a pattern is followed through ("stop|quit" times
# "ping|ped|s" is six); beyond it only what the part needs is kept.
_MOST_STRINGS = 64


def needed_by(source: str, flags: int) -> frozenset[str] | None:
    """Literal strings, folded (see `fold`), of which every match of the pattern `source` compiled
    with `flags` contains one; None when no such set is certain (the pattern is always searched)."""
    if _parser is None or not isinstance(source, str):
        return None
    try:
        parsed = _parser.parse(source, flags)
        found = _Part.of_sequence(list(parsed)).needs()
    except Exception:  # noqa: BLE001 - a tree this code does not know: search every time
        return None
    return _simplest(found)


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
    if text.isascii():
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


_FOLDED = _Folding((code, chr(code).lower()) for code in range(128))


def _simplest(found: frozenset[str] | None) -> frozenset[str] | None:
    """The same condition with fewer literals: one that holds another ("stopping" holds "stop")
    adds nothing to it. None when the condition is empty or always true."""
    if not found or "" in found:
        return None
    kept = [literal for literal in sorted(found, key=len)]
    simplest: list[str] = []
    for literal in kept:
        if not any(shorter in literal for shorter in simplest):
            simplest.append(literal)
    return frozenset(simplest)


class _Part:
    """What a part of a pattern can match, as far as literals go: `strings`, every string it can
    match (when they are few and known), and `needs`, literals of which each match holds one."""

    __slots__ = ("strings", "required")

    def __init__(self, strings: frozenset[str] | None, required: frozenset[str] | None = None) -> None:
        self.strings = strings
        self.required = required

    ANYTHING: _Part  # a part of which nothing is known

    def needs(self) -> frozenset[str] | None:
        """The better of the two: its strings (when none is empty), or what it requires."""
        return _better(self.strings if self.strings and "" not in self.strings else None, self.required)

    @classmethod
    def of_sequence(cls, items: list) -> _Part:
        """Parts one after another: their strings are joined while they stay known and few; the
        best requirement of any part, or of any run of joined strings, is what the whole needs."""
        run: frozenset[str] = frozenset({""})  # every string the current run of known parts can match
        whole = True  # whether the run is all of the sequence so far
        required: frozenset[str] | None = None
        for op, argument in items:
            part = cls.of_item(op, argument)
            required = _better(required, part.needs())
            if part.strings is not None and len(run) * len(part.strings) <= _MOST_STRINGS:
                run = frozenset(a + b for a, b in product(run, part.strings))
                continue
            # the run ends here: it needs what it needs, and a new one starts after this part
            required = _better(required, _nonempty(run))
            whole = False
            run = part.strings if part.strings is not None else frozenset({""})
        required = _better(required, _nonempty(run))
        return cls(run if whole else None, required)

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
            if low == 0:
                if high == 1 and part.strings is not None:
                    return cls(part.strings | {""})
                return cls.ANYTHING
            if low == high == 1:
                return part
            return cls(None, part.needs())  # each repetition holds what one needs
        return cls.ANYTHING  # a class such as \w, any character, a backreference, ...


def _nonempty(strings: frozenset[str]) -> frozenset[str] | None:
    """A set of strings as a requirement: none when one of them is empty (it holds nothing)."""
    return strings if "" not in strings else None


def _char(code: int) -> _Part:
    char = chr(code)
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
        elif op is c.RANGE and chr(argument[1]).isascii() and argument[1] - argument[0] < 8:
            chars.update(chr(code).lower() for code in range(argument[0], argument[1] + 1))
        else:
            return _Part.ANYTHING  # a negated set, a class, a wide range, a letter outside ASCII
    return _Part(frozenset(chars)) if chars else _Part.ANYTHING


def _branch(parts: list[_Part]) -> _Part:
    """Alternatives: the union of their strings; each match holds what one of them needs."""
    strings = None
    if all(part.strings is not None for part in parts):
        strings = frozenset().union(*(part.strings for part in parts))
        if len(strings) > _MOST_STRINGS:
            strings = None
    each = [part.needs() for part in parts]
    required = None if any(n is None for n in each) else frozenset().union(*each)
    return _Part(strings, required)


def _better(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    """Of two requirements, the one that fewer texts meet: longer literals, then fewer of them."""
    if first is None:
        return second
    if second is None:
        return first
    return min(first, second, key=lambda needs: (-min(map(len, needs)), len(needs)))


_Part.ANYTHING = _Part(None)
