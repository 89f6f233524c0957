"""The library interface: what the command line, a language server and the fixer all use.

    from peptide_lint.api import Project

    project = Project.open("path/to/content-repo")        # reads its configuration and schema
    report = project.check()                               # every entry
    report = project.check(["entries/semax.yaml"])         # some entries, compared with all the others
    findings = project.check_text(buffer, "entries/semax.yaml")   # an editor's unsaved text
    fixed = project.fix_text(buffer, "entries/semax.yaml")        # ... with its fixes applied ("fix all")

A `Report` (results.py) holds the findings in the order of file, line and column, the files checked,
the files that could not be read and why, and the safety findings that comments suppressed. A
`Finding` (findings.py; an immutable NamedTuple, like Span, Edit and Fix) says where (`span`:
1-based lines and columns, the end column exclusive), which rule (`code`, `name`, `severity`), what
is wrong and how to fix it (`message`, `hint`), and, where a rule can repair it, `fix`
(findings.Fix): a title for a code action, whether it is safe (the meaning kept exactly) or a
suggestion to review, and its edits of the file's characters (0-based offsets into the text
without its byte-order mark), which a client applies together.

Nothing here prints or exits: a repo that cannot be checked raises `ProjectError` with a message
for the person running the check.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

from .config import ConfigError
from .config import load as load_config
from .discover import entry_files, find_repo
from .findings import Edit, Finding, Fix
from .pipeline import Setup, check_files
from .results import Report
from .schema import EntrySchema, SchemaConfigError

if TYPE_CHECKING:
    from .baseline import Baseline
    from .fixes import FixedText

__all__ = ["Edit", "Finding", "Fix", "FixedText", "NotARepo", "Project", "ProjectError", "Report"]


def __getattr__(name: str):
    if name == "FixedText":  # exported, but its module is imported only when it is used
        from .fixes import FixedText

        return FixedText
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ProjectError(Exception):
    """The repo cannot be checked as it is: an unusable configuration or schema, a folder that
    holds no entries. The message says what to fix."""


class NotARepo(ProjectError):
    """No content repo where one was looked for."""


class Project(NamedTuple):
    """A content repo, ready to check: its root, its entries folder, its schema and configuration."""

    root: Path
    setup: Setup

    @classmethod
    def open(cls, root: Path | str | None = None, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
             cache: bool = True, jobs: int | None = None, cwd: Path | None = None) -> Project:
        """The content repo at `root` (default: found from `cwd` upwards, as git finds its
        checkout). `select` and `ignore` name rules as the command line does; `cache` keeps results
        and the repo index in .peptide-lint-cache/; `jobs` processes check a large repo (default:
        one per core). Relative paths given to the project are from `cwd`, and findings' paths are
        shown relative to it: by default the repo's root when `root` is given (a client's paths are
        the repo's, wherever it runs), else the current folder. The command line passes its own."""
        start = Path(root) if root is not None else (cwd or Path.cwd())
        repo = find_repo(start)
        if root is not None and (repo is None or repo.root != start.resolve()):
            raise NotARepo(f"{root} is not a content repo (no schema/entry.schema.json and no "
                           "[tool.peptide-lint] in a pyproject.toml)")
        if repo is None:
            raise NotARepo("no content repo here: run inside the repo (the folder with schema/ and entries/)")
        try:
            config = load_config(repo.root).with_flags(list(select), list(ignore))
            schema = EntrySchema.load(repo.root / config.schema)
        except (ConfigError, SchemaConfigError) as err:
            raise ProjectError(str(err)) from None
        cwd = (cwd or (repo.root if root is not None else Path.cwd())).absolute()
        results = None
        if cache:
            from .cache import ResultCache

            results = ResultCache.for_run(repo.root, schema, config)
        setup = Setup(schema, cwd, config, repo.root, repo.root / config.entries, jobs or os.cpu_count() or 1, results)
        return cls(repo.root, setup)

    @classmethod
    def of_schema(cls, schema: EntrySchema, cwd: Path, entries: Path | None = None, jobs: int = 1) -> Project:
        """Entries checked against `schema` with the default settings and no cache, outside a content
        repo's layout (a tool's or a test's folder of entries)."""
        return cls(cwd, Setup(schema, cwd.absolute(), index_dir=entries, jobs=jobs))

    @property
    def entries(self) -> Path | None:
        """The folder of the repo's entries (its `entries` setting)."""
        return self.setup.index_dir

    @property
    def baseline(self) -> Path | None:
        """The baseline file the configuration names (`baseline =`, from the repo root), or None."""
        name = self.setup.config.baseline
        return self.root / name if name is not None else None

    def apply_baseline(self, report: Report, baseline: Baseline, shown: str) -> Report:
        """`report` without the findings `baseline` holds, and with a stale-baseline finding (at
        `shown`, the baseline file as findings show paths) for each of its entries that holds more
        findings than the check found (see baseline.py)."""
        return baseline.apply(report, self.setup.config.rules(), shown)

    def entry_files(self, paths: Iterable[Path | str] = ()) -> list[Path]:
        """The entry files that `paths` name (files, or folders to search; a folder that holds the
        entries folder, such as the repo itself, stands for it); every entry when none is named.
        ProjectError for a folder that holds no entry."""
        if isinstance(paths, (str, bytes, os.PathLike)):  # a str would be read as one path per character
            raise TypeError(f"paths is a list of paths, not one {type(paths).__name__}: write check([path])")
        paths = [self.setup.cwd / path for path in paths]  # relative to the folder findings are shown from
        entries = self.entries
        if entries is not None and not entries.is_dir() and (not paths or any(_inside(entries, p) for p in paths)):
            raise ProjectError(f"the repo {self.root} has no {self.setup.config.entries}/ folder")
        if not paths:
            return entry_files([entries]) if entries is not None else []
        # `check .` checks the entries, not every YAML file of the repo (CI workflows, test cases).
        found = entry_files([entries if entries and p.is_dir() and _inside(entries, p) else p for p in paths])
        for path in paths:
            if path.is_dir() and not any(_inside(file, path) for file in found):
                raise ProjectError(f"{path} holds no entry files (.yaml or .yml)")
        return found

    def check(self, paths: Iterable[Path | str] = (), *, index_files: Iterable[Path] = ()) -> Report:
        """Check the entries `paths` name (every entry when none is named). Rules that compare
        entries see every entry of the repo, and `index_files` too."""
        return check_files(self.entry_files(paths), self.setup, index_files=list(index_files))

    def check_files(self, files: Iterable[Path], *, index_files: Iterable[Path] = ()) -> Report:
        """Check exactly these files, entry names or not (what `check` finds from paths)."""
        return check_files(list(files), self.setup, index_files=list(index_files))

    def check_text(self, text: str, path: Path | str) -> list[Finding]:
        """The findings of `text` as the file at `path` (which need not exist yet, or may hold an
        older text): an editor's unsaved buffer, checked against every other entry of the repo. Its
        result is cached under its bytes like any file's (saving the same text reuses it); what the
        repo index stores for the file on disk is left as it is. A byte-order mark at its start is
        allowed; the edits of fixes are offsets into the text without it."""
        return self.text_report(text, path).findings

    def text_report(self, text: str, path: Path | str) -> Report:
        """`check_text`'s check as a whole Report: its findings and, when `text` cannot be read as an
        entry, why (`not_checked`)."""
        _refuse_bytes(text)
        path = Path(path) if Path(path).is_absolute() else self.setup.cwd / path
        return check_files([path], self.setup, texts={path: text.encode("utf-8")})

    def fix_text(self, text: str, path: Path | str, *, unsafe: bool = False) -> FixedText:
        """`text`, as the file at `path`, with its fixes applied as `check --fix` applies them: the
        safe ones (and the unsafe ones too, `unsafe`), pass after pass, checked again in between. A
        byte-order mark at the start of `text` stays at the start of the fixed text."""
        from .fixes import fix_text  # not on the path of a check: imported when a fix is asked for

        _refuse_bytes(text)
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        text = text[len(bom):]  # the edits' offsets are into the text without it
        fixed = fix_text(text, self.check_text(text, path), lambda fixed: self.check_text(fixed, path), unsafe)
        return fixed._replace(text=bom + fixed.text)


def _refuse_bytes(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"the text to check is a str (decoded), not {type(text).__name__}")


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or inside it, however either is reached (through symlinks too)."""
    real_folder = os.path.realpath(folder)
    return os.path.commonpath([os.path.realpath(path), real_folder]) == real_folder
