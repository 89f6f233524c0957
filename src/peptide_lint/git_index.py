"""What git's index says each tracked file holds: its blob id, read straight from `.git/index`.

Inside the pre-commit hook the working tree is the index (pre-commit stashes unstaged changes), so a
file's blob id there says whether it changed since the repo index stored it, without a stat of every
entry (see index_store.py). The index file format is git's own (Documentation/gitformat-index.txt):
versions 2, 3 and 4 with SHA-1 ids are read here; anything else (a split index, a sparse index, a
SHA-256 repository, a damaged file) gives None, and the caller falls back to the stat walk.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

_HEADER = struct.Struct(">4sII")
# An entry's fixed part, as read here: 24 bytes skipped (ctime, mtime, dev, ino), the mode, 12 bytes
# skipped (uid, gid, size), the blob id, the flags; the name follows
_ENTRY = struct.Struct(">24xI12x20sH")
_ASSUME_VALID = 0x8000  # git does not look at the file: it may differ from its blob
_EXTENDED = 0x4000
_SKIP_WORKTREE_OR_INTENT_TO_ADD = 0x6000  # in the extended flags: no file, or not its blob yet
_STAGE = 0x3000
_NAME_LENGTH = 0x0FFF
_REGULAR_FILES = (0o100644, 0o100755)  # a symlink's blob is its target's name, not the entry's text


def trusted(environ=os.environ) -> bool:
    """Whether the working tree is the index for the files not named on the command line: inside a
    pre-commit hook run on staged files (pre-commit stashes unstaged changes; it sets PRE_COMMIT,
    and PRE_COMMIT_FROM_REF when it checks a range of commits instead, without stashing)."""
    return environ.get("PRE_COMMIT") == "1" and not environ.get("PRE_COMMIT_FROM_REF") \
        and environ.get("PEPTIDE_LINT_GIT_INDEX", "1") != "0"


def blob_ids(repo_root: Path) -> dict[str, bytes] | None:
    """The blob id of every tracked regular file at stage 0, by its path from `repo_root`
    (forward slashes), or None when the index cannot be read here."""
    found = _locate(repo_root)
    if found is None:
        return None
    index_file, top = found
    try:
        data = index_file.read_bytes()
    except OSError:
        return None
    entries = _parse(data)
    if entries is None:
        return None
    prefix = _prefix(repo_root, top)
    if prefix is None:
        return None
    if not prefix:
        return entries
    return {path[len(prefix):]: blob for path, blob in entries.items() if path.startswith(prefix)}


def blob_id(data: bytes) -> bytes:
    """The id git gives a file with these bytes (for a repo that stores them as they are)."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data).digest()


def _locate(repo_root: Path) -> tuple[Path, Path] | None:
    """The index file and the top of the work tree that holds `repo_root`."""
    top = repo_root.resolve()
    while not (top / ".git").exists():
        if top.parent == top:
            return None
        top = top.parent
    git = top / ".git"
    if git.is_file():  # a worktree or a submodule: "gitdir: <path>"
        try:
            text = git.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not text.startswith("gitdir:"):
            return None
        git = (top / text[len("gitdir:"):].strip()).resolve()
    if _sha256(git):
        return None
    # During a commit, git points hooks at the index being committed (a partial commit uses a
    # temporary one); a relative name is relative to the work tree's top, where hooks run.
    named = os.environ.get("GIT_INDEX_FILE")
    index_file = (top / named) if named else git / "index"
    return index_file, top


def _sha256(git_dir: Path) -> bool:
    try:
        config = (git_dir / "config").read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        return False
    return "objectformat" in config and "sha256" in config


def _prefix(repo_root: Path, top: Path) -> str | None:
    try:
        relative = repo_root.resolve().relative_to(top).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else relative + "/"


def _parse(data: bytes) -> dict[str, bytes] | None:
    if len(data) < _HEADER.size + 20:
        return None
    signature, version, count = _HEADER.unpack_from(data)
    if signature != b"DIRC" or version not in (2, 3, 4):
        return None
    found: dict[bytes, bytes] = {}
    offset, previous = _HEADER.size, b""
    end = len(data) - 20  # the checksum
    unpack = _ENTRY.unpack_from  # looked up once: the loop runs once per tracked file of the repo
    try:
        for _ in range(count):
            mode, blob, flags = unpack(data, offset)
            start = offset
            offset += _ENTRY.size
            untrusted = flags & (_ASSUME_VALID | _STAGE)  # and a conflict's stages
            if flags & _EXTENDED:
                if version < 3:
                    return None
                untrusted |= int.from_bytes(data[offset:offset + 2], "big") & _SKIP_WORKTREE_OR_INTENT_TO_ADD
                offset += 2
            if version == 4:  # the name is the previous one, shortened, plus a suffix
                strip, offset = _varint(data, offset)
                if strip > len(previous):
                    return None
                stop = data.index(b"\0", offset)
                name = previous[:len(previous) - strip] + data[offset:stop]
                offset = stop + 1
            else:
                length = flags & _NAME_LENGTH
                stop = data.index(b"\0", offset) if length == _NAME_LENGTH else offset + length
                name = data[offset:stop]
                offset = start + ((stop - start) // 8 + 1) * 8  # padded with 1 to 8 NULs
            previous = name
            if untrusted or mode not in _REGULAR_FILES:
                if mode == 0o040000:  # a sparse index's directory entry: its files are not listed
                    return None
                continue  # a symlink, a submodule, a file git does not vouch for
            found[name] = blob
            if offset > end:
                return None
    except (struct.error, ValueError, IndexError):
        return None
    if _has_extension(data, offset, end, b"link"):  # a split index: most entries live elsewhere
        return None
    return {name.decode("utf-8", "surrogateescape"): blob for name, blob in found.items()}


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    """Git's offset encoding (varint.c): big-endian 7-bit groups, each continuation adding one."""
    byte = data[offset]
    value = byte & 0x7F
    offset += 1
    while byte & 0x80:
        byte = data[offset]
        value = ((value + 1) << 7) | (byte & 0x7F)
        offset += 1
    return value, offset


def _has_extension(data: bytes, offset: int, end: int, wanted: bytes) -> bool:
    while offset + 8 <= end:
        name, size = data[offset:offset + 4], int.from_bytes(data[offset + 4:offset + 8], "big")
        if name == wanted:
            return True
        offset += 8 + size
    return False
