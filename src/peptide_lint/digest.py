"""The one hash function of the checker's stored data (cache keys, fingerprints, the pattern store).

BLAKE2b, from CPython's built-in `_blake2` module: `hashlib` would give the same function but loads
OpenSSL first, about 2 ms of every start-up, which the pre-commit hook pays on every commit.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: the same function, by the longer way
    from hashlib import blake2b


def digest(data: bytes, size: int = 32) -> bytes:
    return blake2b(data, digest_size=size).digest()


def hexdigest(*parts: bytes) -> str:
    """One hex digest of several parts, each kept apart from the next (a length before each)."""
    hashed = blake2b(digest_size=32)
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.hexdigest()
