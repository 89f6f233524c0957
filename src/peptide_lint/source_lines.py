"""The lines of the files findings point at, for reporters that show them (text excerpts, SARIF
fingerprints). Reporters go through findings file by file, so only the last file's lines are kept:
memory does not grow with the number of files."""

from __future__ import annotations

from pathlib import Path


class SourceLines:
    def __init__(self, cwd: Path) -> None:
        self._cwd = cwd
        self._path: str | None = None
        self._lines: list[str] | None = None

    def __call__(self, shown_path: str) -> list[str] | None:
        """The lines of the file a finding's path names (None if it cannot be read)."""
        if shown_path != self._path:
            self._path, self._lines = shown_path, _read_lines(self._cwd / shown_path)
        return self._lines


def folded_line(lines: list[str] | None, number: int) -> str:
    """Line `number` (1-based) of `lines` with its white space folded, "" if there is none: what
    identifies a finding's place when lines are added above it (SARIF fingerprints, the baseline)."""
    if lines and 1 <= number <= len(lines):
        return " ".join(lines[number - 1].split())
    return ""


def _read_lines(path: Path) -> list[str] | None:
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
