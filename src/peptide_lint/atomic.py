"""Writing files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` in one step. The file
    keeps its permissions and, where this process may set them, its owner and group; a new file
    gets the permissions the umask gives, as any other program's would. A symlink is written
    through: its target is replaced, the link stays."""
    path = Path(os.path.realpath(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only a run that writes a file pays for it (3 ms of every start-up)

    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            before = path.stat()
        except FileNotFoundError:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            os.chmod(temporary, before.st_mode & 0o7777)
            if hasattr(os, "chown") and (before.st_uid, before.st_gid) != _owner(temporary):
                _keep_owner(temporary, before.st_uid, before.st_gid)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _keep_owner(path: str, uid: int, gid: int) -> None:
    """Give the new file the old one's owner and group, or at least its group: only root may give
    a file away, but a member of its group may keep the group, which a shared repo relies on."""
    for owner in ((uid, gid), (-1, gid)):
        try:
            os.chown(path, *owner)
            return
        except PermissionError:
            continue  # the file becomes this user's, as with any editor's save


def _owner(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid
