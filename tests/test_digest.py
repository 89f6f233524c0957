"""The stored data's hash is BLAKE2b whichever module gives it."""

import hashlib

from peptide_lint import digest


def test_the_digest_is_blake2b():
    assert digest.digest(b"Testpeptide-Z", 8) == hashlib.blake2b(b"Testpeptide-Z", digest_size=8).digest()


def test_parts_are_kept_apart():
    """("ab", "c") and ("a", "bc") are other inputs: a cache key made of a name and bytes must not
    collide with another split of the same bytes."""
    assert digest.hexdigest(b"ab", b"c") != digest.hexdigest(b"a", b"bc")
    assert digest.hexdigest(b"ab", b"c") == digest.hexdigest(b"ab", b"c")
