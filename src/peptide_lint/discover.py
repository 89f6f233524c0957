"""Find the content repo and the entry files to check."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

SCHEMA_FILE = Path("schema") / "entry.schema.json"
ENTRY_SUFFIXES = (".yaml", ".yml")


class Repo(NamedTuple):
    """A content repo, found by its schema file or its pyproject.toml."""

    root: Path


def find_repo(start: Path) -> Repo | None:
    """The nearest folder at or above `start` that holds schema/entry.schema.json or configures
    peptide-lint in its pyproject.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SCHEMA_FILE).is_file() or _configures_us(folder / "pyproject.toml"):
            return Repo(folder)
    return None


def checkout_root(repo_root: Path) -> Path:
    """The root of the git checkout that holds the content repo (the nearest folder at or above it
    with a .git folder or file), else the content repo itself. CI tools (GitHub annotations, code
    scanning) place files relative to the checkout, which may hold the content repo in a subfolder."""
    for folder in (repo_root, *repo_root.parents):
        if (folder / ".git").exists():
            return folder
    return repo_root


def _configures_us(pyproject: Path) -> bool:
    try:
        return "[tool.peptide-lint" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def is_entry_name(name: str) -> bool:
    """Whether a file of this name is an entry: `x.yaml` or `x.yml` (not a bare `.yaml`)."""
    # As os.path.splitext(name)[1] in ENTRY_SUFFIXES (a name of leading dots has no suffix), at a
    # fifth of its cost: this runs for every entry of the repo on every run.
    return name.endswith(ENTRY_SUFFIXES) and name.lstrip(".") not in ("yaml", "yml")


def entry_files(paths: list[Path]) -> list[Path]:
    """The files to check: files as given, folders searched for .yaml/.yml files (hidden ones, such
    as .github/ or an editor's lock file, left out). Sorted, no repeats. A folder named like an entry
    is taken as given: checking reports that it is a folder."""
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir() and not is_entry_name(path.name):
            # os.walk skips a folder it cannot read (or that vanishes meanwhile) instead of failing;
            # like the file system's own listing it does not follow symlinked folders.
            for folder, folders, files in os.walk(path):
                folders[:] = [name for name in folders if not name.startswith(".")]
                for name in files + folders:  # a folder named like an entry is reported, not skipped
                    # x.YAML too, to be reported: skipped, an editor would think it checked
                    if is_entry_name(name.lower()) and not name.startswith("."):
                        child = Path(folder, name)
                        found.setdefault(os.path.normpath(child), child)
        else:
            found.setdefault(os.path.normpath(path), path)
    return [found[key] for key in sorted(found)]


def real_place(path: Path | str, folders: dict[str, str] | None = None) -> str:
    """Where a file is, with the symlinked folders on its way resolved but not the file itself: a
    file named through a symlinked folder is the same entry as at its real path, whereas an entry
    file that is a symlink to another is an entry of its own (a duplicate). `folders` keeps the
    folders resolved so far, for a caller asking of many files in a few folders."""
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    real = folders.get(folder) if folders is not None else None
    if real is None:
        real = os.path.realpath(folder)  # a system call per folder on the way
        if folders is not None:
            folders[folder] = real
    return os.path.join(real, os.path.basename(absolute))


def display_path(path: Path | str, cwd: Path) -> str:
    """The path as the user should see it: relative to the current folder where possible."""
    absolute = os.path.abspath(path)
    folder = os.path.join(os.path.abspath(cwd), "")  # with a trailing separator
    if absolute == folder[:-1]:
        return "."
    shown = absolute[len(folder):] if absolute.startswith(folder) else absolute
    return shown.replace(os.sep, "/") if os.sep != "/" else shown


def repo_relative(path: Path, root: Path) -> str:
    """`path` relative to `root`, with forward slashes; as given when it lies outside. The folders on
    its way are resolved, not the file itself (see `real_place`): a symlinked entry keeps its own
    name, and a symlink that leads nowhere, or to itself, still has one."""
    try:
        relative = os.path.relpath(real_place(path), os.path.realpath(root))
    except ValueError:  # another drive
        return Path(path).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(path).as_posix()
    return Path(relative).as_posix()
