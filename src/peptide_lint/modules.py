"""The modules of a package folder, found as the rules and the report formats are (one file each)."""

from __future__ import annotations

import os


def module_names(folders: list[str]) -> list[str]:
    """The names of the Python modules in `folders` (a package's __path__), sorted, without
    `__init__`. A listing of the folder, not pkgutil.iter_modules: that costs 5 ms on its first call,
    a twentieth of a pre-commit run, to find the same file names."""
    return sorted({name for folder in folders for name, suffix in map(os.path.splitext, os.listdir(folder))
                   if suffix == ".py" and name.isidentifier() and name != "__init__"})
