"""The check, as the data flows.

    files -> load each (positions) -> schema + per-entry rules -> entry summaries -> repo index
          -> rules across entries -> filter (config, per-file ignores, suppressions) -> sorted report

Each file is loaded once and only its findings, its suppressions and a small summary are kept, so
memory grows with the index, not with the documents. `check_one` is a pure function of one file:
it is what runs in parallel.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple

from .config import Config
from .discover import display_path, repo_relative
from .executor import Executor, Task, Work
from .findings import FILE_START, Finding, Severity
from .index import EntrySummary, RepoIndex, summarize, summarize_data
from .loader import LoadResult, load_data, load_file
from . import registry
from .rules import internal_error, invalid_suppression
from .rules.base import Context, Rule
from .schema import EntrySchema
from .schema_check import schema_problems
from .results import FileResult, Report, Suppressed, Suppression
from .suppressions import apply_suppressions, parse_suppressions, refuse_unsuppressible

if TYPE_CHECKING:
    from .cache import ResultCache

# Findings about the checker or the suppressions themselves cannot be switched off.
_ALWAYS_ON = {internal_error.RULE.code, invalid_suppression.RULE.code}


class Setup(NamedTuple):
    """Everything a check runs with, besides the files to check."""

    schema: EntrySchema
    cwd: Path  # display paths are relative to it
    config: Config = Config()
    repo_root: Path | None = None
    index_dir: Path | None = None  # the entries that the rules across entries compare with
    jobs: int = 1
    cache: ResultCache | None = None


def check_files(files: list[Path], setup: Setup, *, index_files: list[Path] = (),
                texts: dict[Path, bytes] | None = None) -> Report:
    """Check `files` (`texts`: the bytes to check instead of some files' own, an editor's unsaved
    buffers). The rules across entries compare them with every entry under `setup.index_dir` and in
    `index_files`, which are read only for that; findings are reported for `files` alone."""
    config, rules = setup.config, setup.config.rules()
    given = {display_path(path, setup.cwd): raw for path, raw in (texts or {}).items()}
    context = Context(setup.schema, config, RepoIndex(setup.cwd, given), registry.lookup,
                      tuple(rule.name for rule in registry.RULES))
    executor = Executor(_work(context, rules), setup.cwd, setup.jobs, setup.cache, setup.repo_root)
    results = executor.run(files, context.index, setup.index_dir, list(index_files), texts)
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    for result in results:
        findings += _file_findings(result, setup, rules, context, suppressed)
    findings.sort(key=Finding.sort_key)
    not_checked = {r.shown: r.not_checked for r in sorted(results, key=lambda r: r.shown) if r.not_checked}
    safety = {rule.code for rule in rules if rule.safety}
    suppressed_safety = sorted((s for s in suppressed if s.finding.code in safety), key=lambda s: s.finding.sort_key())
    return Report(findings, len(results), sorted(r.shown for r in results), setup.cwd, setup.repo_root,
                  not_checked, suppressed_safety)


def _file_findings(result: FileResult, setup: Setup, rules: tuple[Rule, ...], context: Context,
                   suppressed: list[Suppressed]) -> list[Finding]:
    """A checked file's findings: its own, those of the rules across entries, then filtered by the
    configuration and its suppressions (whose suppressed findings go to `suppressed`)."""
    found = list(result.findings)
    for rule in rules:
        if rule.check_across is not None:
            found += _guarded(result.shown, rule.name, lambda: list(rule.check_across(result.summary, context)))
    if not result.readable:
        # Why a file could not be checked at all is reported whatever is selected or ignored, or a
        # broken file would pass as clean.
        return found
    config = setup.config
    shown = result.shown
    ignored = config.ignored_in(repo_relative(setup.cwd / shown, setup.repo_root) if setup.repo_root
                                else shown) if config.per_file_ignores else set()
    return _filter(shown, found, result.suppressions, rules, ignored, config.unsuppressible, suppressed)


def _work(context: Context, rules: tuple[Rule, ...]) -> Work:
    """The per-file work of a run: a checked file is loaded and checked; a file read only for the
    repo index gives its summary."""
    def work(task: Task, raw: bytes | None) -> FileResult:
        if task.checked:
            return check_one(task.path, task.shown, context, rules, raw)
        summary = _index_summary(task.shown, raw, context.schema) if raw is not None else EntrySummary(task.shown)
        return FileResult(task.shown, [], summary, [], checked=False)
    return work


def _index_summary(shown: str, raw: bytes, schema: EntrySchema) -> EntrySummary:
    """What the index needs of a file read only for it. A bug of the reader on it leaves it out of
    the index (its own check, when it is checked, reports the bug) instead of stopping the run."""
    try:
        return summarize_data(shown, load_data(raw), schema)
    except Exception:  # noqa: BLE001 - any bug in reading one file must not stop the others
        return EntrySummary(shown)


def check_one(path: Path, shown: str, context: Context, rules: tuple[Rule, ...],
              raw: bytes | None = None) -> FileResult:
    """Load one file (whose bytes are `raw` if they were read already) and run the schema and
    every per-entry rule on it."""
    read: list[LoadResult] = []
    crash = _guarded(shown, "reading", lambda: read.append(load_file(path, shown, raw)) or [])
    if crash:  # a bug of the reader on this file: the others are still checked
        return FileResult(shown, crash, EntrySummary(shown), [], readable=False,
                          not_checked="peptide-lint failed while reading it (a bug, reported above)")
    loaded = read[0]
    findings = _guarded(shown, "reading", lambda: [registry.lookup(problem.rule).worded(shown, problem)
                                                   for problem in loaded.problems])
    document = loaded.document
    if document is None:
        return FileResult(shown, findings, EntrySummary(shown), [], readable=False, not_checked=loaded.not_checked)
    findings += _guarded(shown, "schema validation", lambda: [
        registry.lookup(problem.rule).worded(shown, problem)
        for problem in schema_problems(document, context.schema, _schema_overlaps())])
    for rule in rules:
        if rule.check is not None:
            findings += _guarded(shown, rule.name, lambda: list(rule.check(document, context)))
    suppressions, problems = parse_suppressions(document, context.lookup, context.rule_names)
    findings += [registry.lookup(problem.rule).worded(shown, problem) for problem in problems]
    return FileResult(shown, findings, summarize(document, context.schema), suppressions)


@functools.cache
def _schema_overlaps() -> tuple:
    """What the schema stage leaves to rules, for every rule whether it runs or not: a check that
    belongs to a rule is switched off with it, however it is switched off (configuration,
    --ignore, --select, or a suppression comment)."""
    from .registry import RULES

    return tuple(overlap for rule in RULES for overlap in rule.overlaps)


def _filter(shown: str, findings: list[Finding], suppressions: list[Suppression], rules: tuple[Rule, ...],
            ignored: set[str], unsuppressible: frozenset[str], suppressed: list[Suppressed]) -> list[Finding]:
    """Keep the findings of enabled rules, at their configured severity, minus suppressed ones (which
    are added to `suppressed`)."""
    severity = {rule.code: rule.severity for rule in rules if rule.code not in ignored}
    # A suppression of a rule that does not run in this check is not refused: it suppresses nothing here.
    suppressions, refused = refuse_unsuppressible(suppressions, unsuppressible & severity.keys())
    kept = [registry.lookup(problem.rule).worded(shown, problem) for problem in refused]
    for finding in findings:
        if finding.code in _ALWAYS_ON:
            kept.append(finding)
        elif finding.code in severity:
            level = severity[finding.code]
            kept.append(finding if finding.severity is level else finding._replace(severity=level))
    # A suppression of a rule that is off in this run is not unused: its finding was not looked for.
    kept, unused = apply_suppressions(suppressions, kept, severity.keys() | _ALWAYS_ON, suppressed)
    unused_rule = registry.lookup("unused-suppression")
    if unused_rule.code in severity:
        kept += [unused_rule.worded(shown, problem)._replace(severity=severity[unused_rule.code]) for problem in unused]
    return kept


def _guarded(shown: str, what: str, produce) -> list[Finding]:
    """Run one stage on one file; a crash becomes a finding so the other rules and files still run."""
    try:
        return produce()
    except Exception as err:  # noqa: BLE001 - any bug in a rule must not stop the run
        import traceback

        where = traceback.extract_tb(err.__traceback__)[-1]
        return [internal_error.RULE.finding(
            shown, FILE_START,
            f"the {what} check failed on this file: {type(err).__name__}: {err} "
            f"({Path(where.filename).name}:{where.lineno})",
            "this is a bug in peptide-lint, not in the entry; please report it")]
