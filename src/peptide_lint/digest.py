"""The one hash function of the checker's stored data (cache keys, fingerprints, the pattern store),
and the fingerprint of the checker's own code that everything it stores is keyed by.

BLAKE2b, from CPython's built-in `_blake2` module: `hashlib` would give the same function but loads
OpenSSL first, about 2 ms of every start-up, which the pre-commit hook pays on every commit.
"""

from __future__ import annotations

import functools
import os
import sys

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: the same function, by the longer way
    from hashlib import blake2b


def digest(data: bytes, size: int = 32) -> bytes:
    return blake2b(data, digest_size=size).digest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The checker's own code: its version, the Python running it, and its source files (their sizes
    and modification times): an edited checkout or an upgrade must not reuse what older code stored."""
    from . import __version__

    parts = [f"{__version__} {sys.version}".encode()]
    package = os.path.dirname(os.path.realpath(__file__))
    sources = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        inside = folder[len(package):]  # (not os.path.relpath: it costs more than the stats, per file)
        sources += [(f"{inside}/{name}", os.path.join(folder, name)) for name in files if name.endswith(".py")]
    for name, source in sorted(sources):
        stat = os.stat(source)
        parts.append(f"{name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return hexdigest(*parts)


def hexdigest(*parts: bytes) -> str:
    """One hex digest of several parts, each kept apart from the next (a length before each)."""
    hashed = blake2b(digest_size=32)
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.hexdigest()
