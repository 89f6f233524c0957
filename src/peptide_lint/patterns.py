"""Regular expressions compiled once per install, as Python compiles modules once to bytecode.

The rules hold about 150 regular expressions, and compiling them (parsing each pattern into the
regex engine's code) was about a third of the start-up of a one-entry check: the pre-commit hook
paid it on every commit. `regex(pattern, flags)` gives the same `re.Pattern` as `re.compile`,
built from that code as kept by the last run, in a file beside the package's bytecode (honouring
PYTHONPYCACHEPREFIX, and written only where Python itself would write bytecode).

Only Python's own steps are skipped, never changed: the kept code is what `re` compiled for this
exact interpreter (the file is keyed by its version, the engine's format and the checker's code)
and is handed to the engine's constructor, which validates it. A file that is missing, damaged,
from another interpreter or other code, or unreadable is ignored, and anything unexpected falls
back to `re.compile`: the cost of a miss is one normal compile.

The store also keeps what every match of each pattern holds (literals.needed_by, derived from the
pattern's parse when it is first compiled), the sources of the small patterns that look for those
literals (`gate(pattern)` tests a text with them before the pattern is searched: see
claims.Reading), and the sources of patterns that cost more to write than to compile
(`written_source`: a rule's tree of hundreds of phrases).
"""

from __future__ import annotations

import atexit
import binascii
import marshal
from array import array
import os
import re
import struct
import sys
from importlib.util import cache_from_source
from typing import Callable

from . import literals
from .digest import code_fingerprint

try:  # the engine behind `re` (CPython's): its code format and constructor
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: always compile
    _sre = None

# Which interpreter, engine format and checker code the kept code is for: code of any other is never
# used. The checker's code counts because the store also keeps what its own functions derived (the
# literals a pattern needs, the sources of gates and phrase trees): an upgrade or an edit of them
# must not read what older code wrote, which pip leaves behind in __pycache__.
_FORMAT = (f"{sys.implementation.cache_tag} {sys.version} {getattr(_sre, 'MAGIC', '')} {getattr(_sre, 'CODESIZE', '')} "
           f"{sys.byteorder} {array('I').itemsize} 7 {code_fingerprint()}")
# The file starts with a CRC-32 of the rest: written atomically, it can only be damaged from outside
# (a disk, another program), which a checksum notices at a fifth of a cryptographic digest's cost.
_CHECKSUM = struct.Struct("<I")
_KEPT_AT_MOST = 2000  # a file that grew past this (patterns edited over time) keeps only what is in use

# (pattern, flags) -> what the engine's constructor takes besides the pattern, as compiled by `re`
Parts = tuple  # (flags, code as bytes of unsigned 32-bit words, groups, groupindex, indexgroup)
Needs = tuple  # what every match holds (literals.needed_by), each clause a sorted tuple


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the code kept by an earlier run when there is some."""
    return _STORE.compile(pattern, flags)


def written_source(key: tuple[str, ...], write: Callable[[], str]) -> str:
    """`write()`, the source of a pattern made from what `key` names (a rule's name and its phrases),
    as kept by an earlier run when there is one: for sources that cost more to write than to compile."""
    return _STORE.source(key, write)


class Gate:
    """The test before a search (literals.py): whether a text, as literals.fold gives it, holds
    the literals that a match of one of some patterns needs. Where it does not, none of them can
    match; where it does, they are searched as usual."""

    __slots__ = ("first", "each")

    def __init__(self, each: list[tuple[re.Pattern, ...]], first: re.Pattern | None = None) -> None:
        self.each = each  # for each pattern, one search per clause, the most telling first
        self.first = first  # for several patterns: every literal of their first clauses, in one search

    def passes(self, folded: str) -> bool:
        if self.first is not None and self.first.search(folded) is None:
            return False
        for clauses in self.each:
            for clause in clauses:
                if clause.search(folded) is None:
                    break
            else:
                return True
        return False


def gate(*compiled: re.Pattern) -> Gate:
    """The `Gate` of one or more patterns: a text it does not pass none of them can match."""
    key = tuple(map(id, compiled))
    kept = _GATES.get(key)
    if kept is None or kept[0] != compiled:
        needs = [_STORE.needs_of(_key(pattern)) for pattern in compiled]
        if not all(needs):  # a pattern of which no literal is certain: every text passes
            found = Gate([()])
        else:
            each = [tuple(_STORE.literal_search(clause) for clause in clauses) for clauses in needs]
            first = frozenset().union(*(clauses[0] for clauses in needs))
            found = Gate(each, _STORE.literal_search(first) if len(needs) > 1 else None)
        kept = _GATES[key] = (compiled, found)
    return kept[1]


def may_match(text: str, *compiled: re.Pattern) -> bool:
    """False when none of the patterns can match `text`, searched as written (for a text compared as
    claims.plain gives it, ask claims.Reading or claims.TextReading, which fold that)."""
    return gate(*compiled).passes(literals.fold(text))


def _key(compiled: re.Pattern) -> tuple[str, int]:
    known = _KEYS.get(id(compiled))
    return known[1] if known is not None and known[0] is compiled else (compiled.pattern, int(compiled.flags))


# id(pattern) -> (the pattern, its store key: the flags it was given, not those re adds); ids of
# patterns -> (the patterns, their gate). Holding the patterns keeps their ids from being reused.
_KEYS: dict[int, tuple[re.Pattern, tuple[str, int]]] = {}
_GATES: dict[tuple[int, ...], tuple[tuple[re.Pattern, ...], Gate]] = {}


def compiled_parts(pattern: str, flags: int) -> Parts:
    """What `re` compiles `pattern` to, in the engine constructor's terms (as re._compiler.compile)."""
    parsed = _parser.parse(pattern, flags)
    # As bytes: marshal reads 200,000 words of code as one bytes object ten times as fast as a list.
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(pattern: str, parts: Parts) -> re.Pattern:
    final_flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)


class PatternStore:
    """The kept code of one file: read once, added to as patterns miss, written back at exit."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.kept: dict[tuple[str, int], Parts] = {}
        self.used: dict[tuple[str, int], Parts] = {}
        self.kept_needs: dict[tuple[str, int], Needs] = {}
        self.used_needs: dict[tuple[str, int], Needs] = {}
        # what a source is made from -> the source (see `source`): ("literals", *sorted literals)
        # for the gates' own patterns (literals.pattern_of), or a rule's key for its phrase tree.
        # Written from a tree of many strings, they cost more to write than to compile.
        self.kept_sources: dict[tuple[str, ...], str] = {}
        self.used_sources: dict[tuple[str, ...], str] = {}
        self.missed = False
        self.usable = _sre is not None
        if self.usable and path is not None:
            self.kept, self.kept_needs, self.kept_sources = _read(path)

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        compiled = self.plain_compile(pattern, flags)
        if self.usable and isinstance(pattern, str):
            key = (pattern, int(flags))
            _KEYS[id(compiled)] = (compiled, key)
            if key not in self.kept_needs:  # derived now, while compiling, so that the file keeps them
                for clause in self.needs_of(key):
                    self.literal_search(clause)
            else:
                self.used_needs[key] = self.kept_needs[key]
        return compiled

    def plain_compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        """`compile`, without the literals its matches need (for the gates themselves)."""
        if not self.usable or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        flags = int(flags)  # a RegexFlag is an int subclass, which the file cannot hold
        key = (pattern, flags)
        try:
            parts = self.kept.get(key)
            if parts is not None:
                try:
                    compiled = build(pattern, parts)
                except (TypeError, ValueError, RuntimeError):  # not code this engine takes: compile afresh
                    parts = None
            if parts is None:
                parts = compiled_parts(pattern, flags)
                compiled = build(pattern, parts)
                self.missed = True
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - the engine's internals differ: the public way, from now on
            self.usable = False
            return re.compile(pattern, flags)
        self.used[key] = parts
        return compiled

    def literal_search(self, found: frozenset[str]) -> re.Pattern:
        """The pattern that finds any of the literals `found` (literals.pattern_of), from its
        source as kept."""
        return self.plain_compile(self.source(("literals", *sorted(found)), lambda: literals.pattern_of(found)))

    def source(self, key: tuple[str, ...], write: Callable[[], str]) -> str:
        """The source of a pattern that `write` makes from what `key` names, as kept: for sources
        whose writing costs more than their compiling (a tree of hundreds of phrases)."""
        source = self.used_sources.get(key) or self.kept_sources.get(key)
        if source is None:
            source = write()
            self.missed = True
        self.used_sources[key] = source
        return source

    def needs_of(self, key: tuple[str, int]) -> literals.Needs:
        """What every match of the pattern holds (literals.needed_by), as kept or derived now."""
        if key in self.used_needs:
            found = self.used_needs[key]
        elif key in self.kept_needs:
            found = self.used_needs[key] = self.kept_needs[key]
        else:
            found = self.used_needs[key] = tuple(tuple(sorted(clause)) for clause in literals.needed_by(*key))
            self.missed = True
        return tuple(map(frozenset, found))

    def save(self) -> None:
        """Write what this process compiled (and what the file held, unless it grew too big), when
        anything missed. Never an error: the file is only a saving."""
        if not (self.missed and self.usable and self.path) or sys.dont_write_bytecode:
            return
        small = len(self.kept) + len(self.used) <= _KEPT_AT_MOST
        kept = {**self.kept, **self.used} if small else self.used
        kept_needs = {**self.kept_needs, **self.used_needs} if small else self.used_needs
        kept_sources = {**self.kept_sources, **self.used_sources} if small else self.used_sources
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            payload = marshal.dumps((_FORMAT, sorted(kept.items()), sorted(kept_needs.items()),
                                     sorted(kept_sources.items())))
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(_CHECKSUM.pack(binascii.crc32(payload)) + payload)
            os.replace(temporary, self.path)  # readers see the old file or the new one, never half
        except (OSError, ValueError):
            try:
                os.unlink(temporary)
            except OSError:
                pass
        self.missed = False


def _read(path: str) -> tuple[dict[tuple[str, int], Parts], dict[tuple[str, int], Needs], dict[tuple[str, ...], str]]:
    nothing: tuple = ({}, {}, {})
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        (stored_checksum,), payload = _CHECKSUM.unpack_from(data), data[_CHECKSUM.size:]
        if binascii.crc32(payload) != stored_checksum:
            return nothing  # damaged (or not ours)
        file_format, items, needs_items, source_items = marshal.loads(payload)
        if file_format != _FORMAT:
            return nothing
        return ({(pattern, flags): parts for (pattern, flags), parts in items},
                {(pattern, flags): found for (pattern, flags), found in needs_items},
                {tuple(key): source for key, source in source_items})
    except (OSError, EOFError, ValueError, TypeError, struct.error):
        return nothing


def _store_path() -> str | None:
    """Beside this module's bytecode, wherever Python keeps it (__pycache__ or PYTHONPYCACHEPREFIX)."""
    try:
        return os.path.join(os.path.dirname(cache_from_source(__file__)),
                            f"peptide_lint-patterns.{sys.implementation.cache_tag}.bin")
    except (NotImplementedError, ValueError):  # no bytecode cache in this Python
        return None


_STORE = PatternStore(_store_path())
_OWNER = os.getpid()  # forked workers compile nothing new and must not write the file
atexit.register(lambda: _STORE.save() if os.getpid() == _OWNER else None)
