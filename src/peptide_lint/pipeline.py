"""The check, as the data flows.

    files -> load each (positions) -> schema + per-entry rules -> entry summaries -> repo index
          -> rules across entries -> filter (config, per-file ignores, suppressions) -> sorted report

Each file is loaded once and only its findings, its suppressions and a small summary are kept, so
memory grows with the index, not with the documents. `check_one` is a pure function of one file:
it is what runs in parallel.
"""

from __future__ import annotations

import functools
import gc
from dataclasses import replace
from pathlib import Path

from typing import TYPE_CHECKING, Iterator

from .config import Config
from .discover import display_path, entry_files, is_entry_name, real_place, repo_relative
from .findings import FILE_START, Finding, Severity
from .index import EntrySummary, RepoIndex, summarize, summarize_data
from .loader import MAX_FILE_BYTES, LoadResult, load_data, load_file
from .rules import internal_error, invalid_suppression, unused_suppression
from .rules.base import Context, Rule
from .schema import EntrySchema
from .schema_check import schema_findings
from .results import FileResult, Report, Suppressed, Suppression
from .suppressions import apply_suppressions, parse_suppressions, refuse_unsuppressible

if TYPE_CHECKING:
    from .cache import ResultCache

# Findings about the checker or the suppressions themselves cannot be switched off.
_ALWAYS_ON = {internal_error.RULE.code, invalid_suppression.RULE.code}


def check_files(files: list[Path], schema: EntrySchema, cwd: Path, *, config: Config | None = None,
                rules: tuple[Rule, ...] | None = None, repo_root: Path | None = None,
                index_files: list[Path] = (), index_dir: Path | None = None, jobs: int = 1,
                cache: ResultCache | None = None, keep_index: bool = True) -> Report:
    """Check `files`. The entries in `index_files` and under `index_dir` are read only for the repo
    index, so that rules across entries see the whole repo while findings are reported for `files`
    alone. With a cache, the index of `index_dir` is kept between runs (unless `keep_index` is
    false) and only the entries changed since are read (index_store.py). With `jobs` above 1, files
    are loaded and checked in that many processes. None of this changes the report."""
    config = config or Config()
    rules = config.rules() if rules is None else rules
    context = Context(schema=schema, config=config, index=RepoIndex(cwd=cwd))
    store = cache.index_store(repo_root, cwd) if cache and index_dir and repo_root and keep_index else None
    stale = store.refresh(index_dir) if store is not None else None
    if stale is None:
        store = None
        stale = ([path for path in entry_files([index_dir]) if is_entry_name(path.name)]
                 if index_dir is not None and index_dir.is_dir() else [])
    shown = {display_path(path, cwd): path for path in files}
    extra = {display_path(path, cwd): path for path in [*index_files, *stale]}
    index_tasks = [(name, path, False) for name, path in extra.items() if name not in shown]
    if index_tasks:  # a file given through a symlinked folder is the same entry as at its real path
        real = {real_place(path) for path in shown.values()}
        index_tasks = [task for task in index_tasks if real_place(task[1]) not in real]
    tasks = [(name, path, True) for name, path in shown.items()] + index_tasks
    results: list[FileResult] = []
    read: list[tuple[Path, EntrySummary]] = []  # what the store is to keep
    for (_, path, _), result, key in _run(tasks, context, rules, jobs, cache):
        if store is None or not store.holds(path):
            context.index.add(result.summary)
        else:
            read.append((path, result.summary))
        if result.checked:
            results.append(result)
        if cache is not None and key is not None:
            cache.put(key, result)
    if cache is not None:
        cache.save()
    if store is not None:
        for result in results:  # first: a checked file's fresh summary wins over its stored row
            context.index.add(result.summary)
        if not (store.put(read) and store.fill(context.index, [(shown[r.shown], r.summary) for r in results])):
            # The stored index cannot be used (damaged, or changed by another run): read every
            # entry instead; the results of this run come from the result cache.
            return check_files(files, schema, cwd, config=config, rules=rules, repo_root=repo_root,
                               index_files=index_files, index_dir=index_dir, jobs=jobs, cache=cache,
                               keep_index=False)
    across = [rule for rule in rules if rule.check_across is not None]
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    for result in results:
        file_findings = list(result.findings)
        for rule in across:
            file_findings += _guarded(result.shown, rule.name,
                                      lambda: list(rule.check_across(result.summary, context)))
        ignored = set()
        if config.per_file_ignores:
            ignored = config.ignored_in(repo_relative(cwd / result.shown, repo_root) if repo_root else result.shown)
        if result.readable:
            file_findings = _filter(file_findings, result.suppressions, rules, ignored, config.unsuppressible,
                                    suppressed)
        # else: why a file could not be checked at all is reported whatever is selected or ignored,
        # or a broken file would pass as clean
        findings += file_findings
    findings.sort(key=Finding.sort_key)
    shown_files = sorted(r.shown for r in results)
    not_checked = {r.shown: r.not_checked for r in sorted(results, key=lambda r: r.shown) if r.not_checked}
    safety = {rule.code for rule in rules if rule.safety}
    suppressed_safety = sorted((s for s in suppressed if s.finding.code in safety), key=lambda s: s.finding.sort_key())
    return Report(findings, len(results), shown_files, cwd, repo_root, not_checked, suppressed_safety)


Task = tuple[str, Path, bool]  # shown name, path, checked (False: read only for the repo index)
# What a cache lookup finds instead of a result: the key to store the result under, and the bytes
# the result must be for (both None when the file cannot be cached). A check of the file read again
# later could store the result for an edit made meanwhile under the key of the earlier bytes.
Miss = tuple[str | None, bytes | None]

# Below this many files, starting processes costs more than it saves.
_PARALLEL_FROM = 32
# After this many lookups without a hit the cache is taken for cold: the workers look up the rest.
_COLD_AFTER = 32
_worker_state: tuple | None = None


def _run(tasks: list[Task], context: Context, rules: tuple[Rule, ...], jobs: int,
         cache: ResultCache | None) -> Iterator[tuple[Task, FileResult, str | None]]:
    """Each task with its result and the key to cache a new result under, as results become ready
    (never all documents at once). With `jobs` above 1, results in the cache are served first, here:
    a worker would have to send each one back through a pipe, which costs more than looking it up."""
    # What exists now (modules, schema, rules) lives as long as the run: frozen, the garbage
    # collector stops scanning it for every few thousand objects a file allocates (about a tenth
    # of the run's time), and forked workers share its pages instead of copying them.
    freezing = gc.get_freeze_count() == 0  # a caller that froze objects itself keeps them frozen
    if freezing:
        gc.freeze()
    try:
        if jobs <= 1 or len(tasks) < _PARALLEL_FROM:
            for task in tasks:
                yield task, *_compute(task, None, context, rules, cache)
            return
        to_compute: list[tuple[Task, Miss | None]] = []  # None: not looked up yet
        for position, task in enumerate(tasks):
            if cache is None or (position == _COLD_AFTER and len(to_compute) == position):
                to_compute += [(task, None) for task in tasks[position:]]
                break
            cached, miss = _lookup(task, cache)
            if cached is not None:
                yield task, cached, None
            else:
                to_compute.append((task, miss))
        if len(to_compute) < _PARALLEL_FROM:
            for task, miss in to_compute:
                yield task, *_compute(task, miss, context, rules, cache)
            return
        import multiprocessing  # only a large run pays for importing it

        global _worker_state
        _worker_state = (context, rules, cache)  # inherited by the forked workers, never pickled
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                chunksize = max(1, min(64, len(to_compute) // (jobs * 8)))
                for (task, _), (result, key) in zip(to_compute, pool.imap(_worker, to_compute, chunksize)):
                    yield task, result, key
        finally:
            _worker_state = None
    finally:
        if freezing:
            gc.unfreeze()


def _worker(item: tuple[Task, Miss | None]) -> tuple[FileResult, str | None]:
    context, rules, cache = _worker_state
    return _compute(*item, context, rules, cache)


def _lookup(task: Task, cache: ResultCache) -> tuple[FileResult | None, Miss]:
    """The task's result if the cache has it, else what the lookup found instead (see Miss)."""
    shown, path, checked = task
    raw = _entry_bytes(path)
    if raw is None:
        return None, (None, None)
    key = cache.key(raw, path.name)  # the name too: the slug-matches-filename rule depends on it
    cached = cache.get(key, shown, complete=checked)
    if cached is None:
        return None, (key, raw)
    cached.checked = checked
    return cached, (None, None)


def _compute(task: Task, miss: Miss | None, context: Context, rules: tuple[Rule, ...],
             cache: ResultCache | None) -> tuple[FileResult, str | None]:
    """One file's result, from the cache when its bytes were seen before; and the cache key to
    store a newly computed result under (None when it came from the cache or cannot be cached).
    `miss`: what a lookup made already found, or None to look up here."""
    if miss is None and cache is not None:
        cached, miss = _lookup(task, cache)
        if cached is not None:
            return cached, None
    key, raw = miss or (None, None)
    shown, path, checked = task
    if checked:
        return check_one(path, shown, context, rules, raw), key
    if raw is None:  # only for the index: the data is enough, positions and checks are not needed
        raw = _entry_bytes(path)
    summary = _index_summary(shown, raw, context.schema) if raw is not None else EntrySummary(shown)
    return FileResult(shown, [], summary, [], checked=False), key


def _index_summary(shown: str, raw: bytes, schema: EntrySchema) -> EntrySummary:
    """What the index needs of a file read only for it. A bug of the reader on it leaves it out of
    the index (its own check, when it is checked, reports the bug) instead of stopping the run."""
    try:
        return summarize_data(shown, load_data(raw), schema)
    except Exception:  # noqa: BLE001 - any bug in reading one file must not stop the others
        return EntrySummary(shown)


def _entry_bytes(path: Path) -> bytes | None:
    """The file's bytes; None if it is not a file within the size limit or cannot be read (the
    loader reports why when it is checked)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


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
    findings = list(loaded.findings)
    document = loaded.document
    if document is None:
        return FileResult(shown, findings, EntrySummary(shown), [], readable=False, not_checked=loaded.not_checked)
    findings += _guarded(shown, "schema validation",
                         lambda: schema_findings(document, context.schema, _schema_overlaps()))
    for rule in rules:
        if rule.check is not None:
            findings += _guarded(shown, rule.name, lambda: list(rule.check(document, context)))
    suppressions, problems = parse_suppressions(document)
    findings += problems
    return FileResult(shown, findings, summarize(document, context.schema), suppressions)


@functools.cache
def _schema_overlaps() -> tuple:
    """What the schema stage leaves to rules, for every rule whether it runs or not: a check that
    belongs to a rule is switched off with it, however it is switched off (configuration,
    --ignore, --select, or a suppression comment)."""
    from .registry import RULES

    return tuple(overlap for rule in RULES for overlap in rule.overlaps)


def _filter(findings: list[Finding], suppressions: list[Suppression], rules: tuple[Rule, ...],
            ignored: set[str], unsuppressible: frozenset[str] = frozenset(),
            suppressed: list[Suppressed] | None = None) -> list[Finding]:
    """Keep the findings of enabled rules, at their configured severity, minus suppressed ones (which
    are added to `suppressed`)."""
    severity = {rule.code: rule.severity for rule in rules if rule.code not in ignored}
    suppressions, refused = refuse_unsuppressible(suppressions, unsuppressible)
    kept = list(refused)
    for finding in findings:
        if finding.code in _ALWAYS_ON:
            kept.append(finding)
        elif finding.code in severity:
            level = severity[finding.code]
            kept.append(finding if finding.severity is level else replace(finding, severity=level))
    # A suppression of a rule that is off in this run is not unused: its finding was not looked for.
    kept = apply_suppressions(suppressions, kept, checked=severity.keys() | _ALWAYS_ON, suppressed=suppressed)
    if unused_suppression.RULE.code not in severity:
        kept = [f for f in kept if f.code != unused_suppression.RULE.code]
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
