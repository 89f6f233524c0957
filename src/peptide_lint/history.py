"""Which of two entry files came first, from git: for findings about text copied from one to the other.

Asked only when two entries share text, which is rare, so a call to git costs nothing in the usual run.
"""

from __future__ import annotations

import os
from pathlib import Path

# What `age` gives a file that git has no commit adding (new, untracked, staged): the newest.
NOT_COMMITTED = (1, 0)


def ages(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """A sortable age for each file: when a commit first added it under its name, or NOT_COMMITTED
    (also outside git, or when git cannot answer). Equal ages mean git cannot tell which came first,
    as for two files added in one commit or in a shallow clone."""
    found = {path: NOT_COMMITTED for path in paths}
    if not paths:
        return found
    where = os.path.dirname(os.path.abspath(paths[0]))
    top = _git(where, "rev-parse", "--show-toplevel")
    if top is None:
        return found
    top_path = Path(top.strip())
    by_name = {}
    for path in paths:
        try:
            by_name[Path(os.path.realpath(path)).relative_to(os.path.realpath(top_path)).as_posix()] = path
        except ValueError:
            continue  # outside the checkout
    if not by_name:
        return found
    # Renames are additions here: a renamed file's text is as old as the rename, as far as a copy goes.
    log = _git(str(top_path), "log", "--no-renames", "--diff-filter=A", "--format=%x01%ct", "--name-only",
               "-z", "--", *by_name)
    if log is None:
        return found
    when = None
    for field in log.split("\0"):
        field = field.strip("\n")
        if field.startswith("\x01"):
            when = int(field[1:])
        elif field in by_name and when is not None:
            found[by_name[field]] = (0, when)  # newest commit first: the last seen is the first adding
    return found


def _git(cwd: str, *args: str) -> str | None:
    import subprocess  # only a run that compares with history pays for it (2 ms of every start-up)

    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30,
                                stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
