"""`check --watch`: check again on every save, for an editor without the language server.

The file system's own change events come through watchfiles (native events on Linux, macOS and
Windows, grouped so that an editor's save, often several writes and a rename, gives one check);
it is imported only here, when --watch is used. Each check is the whole check the other flags ask
for, reusing the result cache, so a save costs the changed entries and the comparisons across
entries. What is shown is always the text report.

Nothing an entry or the repo holds stops the watch: a broken file is a finding like any other, an
unusable configuration or schema is said and waited out, and a failure of the checker itself is
printed and the watch goes on. Ctrl-C stops it, with exit code 0.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

import click

from .reporters.text import TextReporter
from .results import Report

# What a check reads besides the entries: the schema (.json), the configuration (pyproject.toml),
# the baseline (.json). Other files (the result cache, a build's output) do not start a check.
_READ_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def watch_and_check(check: Callable[[], Report], reporter: TextReporter, roots: Iterable[Path]) -> int:
    """Show `check()`'s report now and after every change of what a check reads under `roots`,
    until Ctrl-C; the exit code."""
    try:
        from watchfiles import DefaultFilter, watch
    except ImportError:  # an install from before --watch existed: say how to get it
        raise click.UsageError("--watch needs the watchfiles package, which installs with peptide-lint: "
                               "run python3 -m pip install -e . (or python3 -m pip install watchfiles) "
                               "and try again") from None

    roots = _outermost(roots)

    class ReadByACheck(DefaultFilter):
        def __call__(self, change, path: str) -> bool:
            return super().__call__(change, path) and _read_by_a_check(Path(path), roots)

    try:
        _show(check, reporter)
        for _ in watch(*roots, watch_filter=ReadByACheck()):
            _show(check, reporter)
    except KeyboardInterrupt:
        click.echo("\nStopped watching.")
    return 0


def _show(check: Callable[[], Report], reporter: TextReporter) -> None:
    """Clear the terminal (not a log or a pipe), then show one check's report, or why there is none."""
    click.clear()
    try:
        reporter.write(check(), sys.stdout)
    except click.ClickException as err:  # an unusable configuration, schema or baseline: fix it and save
        click.echo(f"peptide-lint: error: {err.format_message()}")
    except Exception as err:  # noqa: BLE001 - a bug of the checker must not end the watch
        import traceback

        where = traceback.extract_tb(err.__traceback__)[-1]
        click.echo(f"peptide-lint: error: the check failed: {type(err).__name__}: {err} "
                   f"({Path(where.filename).name}:{where.lineno}); this is a bug in peptide-lint, please "
                   "report it. Watching on.")
    click.echo(f"\n[{time.strftime('%H:%M:%S')}] Watching for changes; Ctrl-C to stop.")
    sys.stdout.flush()  # a pipe or a log is written to in blocks: show each report as it is made


def _read_by_a_check(path: Path, roots: list[Path]) -> bool:
    """Whether a changed file may change a check's result: an entry, the schema, the configuration
    or the baseline, outside hidden folders (.git, the result cache, an editor's own files)."""
    if not path.name.lower().endswith(_READ_SUFFIXES):
        return False
    for root in roots:
        try:
            parts = path.relative_to(root).parts
        except ValueError:
            continue
        return not any(part.startswith(".") for part in parts)
    return not path.name.startswith(".")


def _outermost(paths: Iterable[Path]) -> list[Path]:
    """The folders to watch: each path's folder (a file's own folder), none inside another."""
    folders = sorted({Path(os.path.realpath(path if path.is_dir() else path.parent)) for path in paths},
                     key=lambda folder: len(folder.parts))
    kept: list[Path] = []
    for folder in folders:
        if not any(folder == outer or outer in folder.parents for outer in kept):
            kept.append(folder)
    return kept
