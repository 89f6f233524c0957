"""Regular expressions compiled once per install, as Python compiles modules once to bytecode.

The rules hold about 150 regular expressions, and compiling them (parsing each pattern into the
regex engine's code) was about a third of the start-up of a one-entry check: the pre-commit hook
paid it on every commit. `regex(pattern, flags)` gives the same `re.Pattern` as `re.compile`,
built from that code as kept by the last run, in a file beside the package's bytecode (honouring
PYTHONPYCACHEPREFIX, and written only where Python itself would write bytecode).

Only Python's own steps are skipped, never changed: the kept code is what `re` compiled for this
exact interpreter (the file is keyed by its version and the engine's format) and is handed to the
engine's constructor, which validates it. A file that is missing, damaged, from another interpreter
or unreadable is ignored, and anything unexpected falls back to `re.compile`: the cost of a
miss is one normal compile.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from importlib.util import cache_from_source

try:  # the engine behind `re` (CPython's): its code format and constructor
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: always compile
    _sre = None

# Which interpreter and engine format the kept code is for: code of any other is never used.
_FORMAT = f"{sys.implementation.cache_tag} {sys.version} {getattr(_sre, 'MAGIC', '')} {getattr(_sre, 'CODESIZE', '')} 1"
_DIGEST_BYTES = 16
_KEPT_AT_MOST = 2000  # a file that grew past this (patterns edited over time) keeps only what is in use

# (pattern, flags) -> what the engine's constructor takes besides the pattern, as compiled by `re`
Parts = tuple  # (flags, code, groups, groupindex, indexgroup)


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the code kept by an earlier run when there is some."""
    return _STORE.compile(pattern, flags)


def compiled_parts(pattern: str, flags: int) -> Parts:
    """What `re` compiles `pattern` to, in the engine constructor's terms (as re._compiler.compile)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # plain ints: its opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(pattern: str, parts: Parts) -> re.Pattern:
    final_flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


class PatternStore:
    """The kept code of one file: read once, added to as patterns miss, written back at exit."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.kept: dict[tuple[str, int], Parts] = {}
        self.used: dict[tuple[str, int], Parts] = {}
        self.missed = False
        self.usable = _sre is not None
        if self.usable and path is not None:
            self.kept = _read(path)

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
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

    def save(self) -> None:
        """Write what this process compiled (and what the file held, unless it grew too big), when
        anything missed. Never an error: the file is only a saving."""
        if not (self.missed and self.usable and self.path) or sys.dont_write_bytecode:
            return
        kept = {**self.kept, **self.used} if len(self.kept) + len(self.used) <= _KEPT_AT_MOST else self.used
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            payload = marshal.dumps((_FORMAT, sorted(kept.items())))
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(hashlib.blake2b(payload, digest_size=_DIGEST_BYTES).digest() + payload)
            os.replace(temporary, self.path)  # readers see the old file or the new one, never half
        except (OSError, ValueError):
            try:
                os.unlink(temporary)
            except OSError:
                pass
        self.missed = False


def _read(path: str) -> dict[tuple[str, int], Parts]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        digest, payload = data[:_DIGEST_BYTES], data[_DIGEST_BYTES:]
        if hashlib.blake2b(payload, digest_size=_DIGEST_BYTES).digest() != digest:
            return {}  # damaged (or not ours)
        file_format, items = marshal.loads(payload)
        if file_format != _FORMAT:
            return {}
        return {(pattern, flags): parts for (pattern, flags), parts in items}
    except (OSError, EOFError, ValueError, TypeError):
        return {}


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
