"""Running the per-file work of a check, as fast as the repo allows, without changing what it finds.

One interface, `Executor.run`: it checks the named files and fills the repo index with every entry,
and behind it sit three ways to do less work:

- the result cache (cache.py): a file whose bytes were checked before, under the same code, schema
  and configuration, is not checked again;
- the stored repo index (index_store.py): in a big repo, the entries that did not change since the
  last run are not read at all; only the facts that can matter to the checked files are loaded;
- processes: a large run checks files in parallel, one process per core.

Each file's bytes are read once: the cache key, the check and the stored result are all of those
bytes, so an edit saved during a run cannot have its result filed under the key of the old text.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from .discover import display_path, entry_files, is_entry_name, real_place
from .index import EntrySummary, RepoIndex
from .loader import MAX_FILE_BYTES
from .results import FileResult

if TYPE_CHECKING:
    from .cache import ResultCache


class Task(NamedTuple):
    shown: str  # the file's name as findings show it
    path: Path
    checked: bool  # False: read only for the repo index
    text: bytes | None = None  # what to check instead of the file's bytes (an editor's unsaved buffer)
    cached: bool = True  # False: its result is neither looked up in the result cache nor put there


# The per-file work: a task and its bytes (None when they cannot be read: the work says why) -> its result.
Work = Callable[[Task, "bytes | None"], FileResult]

# Below this many files, starting processes costs more than it saves.
_PARALLEL_FROM = 32
# After this many lookups without a hit the cache is taken for cold: the workers look up the rest.
_COLD_AFTER = 32
# Allocations between two collections of the youngest generation during a run (Python's default: 700).
_COLLECT_AFTER = 20_000
# Summaries read for the stored index are written this many at a time, while the workers read on:
# in a first run over a big repo, writing them all at the end was a tenth of its time.
_STORE_EVERY = 1000
_worker_state: tuple | None = None


class Executor(NamedTuple):
    """Runs the per-file work over the files of a check (in parallel when there are many), with the
    result cache and the stored repo index when they are there."""

    work: Work
    cwd: Path
    jobs: int = 1
    cache: ResultCache | None = None
    repo_root: Path | None = None

    def run(self, files: list[Path], index: RepoIndex, index_dir: Path | None = None,
            index_files: list[Path] = (), texts: dict[Path, bytes] | None = None) -> list[FileResult]:
        """The results of checking `files` (with `texts` standing for the bytes of some of them), in
        their order; and `index` filled with every entry: the checked files, `index_files` and the
        entries under `index_dir` (those read only for the index are not reported)."""
        store = (self.cache.index_store(self.repo_root, self.cwd)
                 if self.cache and index_dir and self.repo_root else None)
        stale = store.refresh(index_dir) if store is not None else None
        if stale is None:
            store = None
            stale = ([path for path in entry_files([index_dir]) if is_entry_name(path.name)]
                     if index_dir is not None and index_dir.is_dir() else [])
        tasks = self._tasks(files, [*index_files, *stale], texts or {})
        results, read = [], []  # read: the summaries the store is to keep
        stored = True  # whether every write to the store succeeded; after a failure it is not written again
        # The stored index keeps what the files read only for it gave: the result cache need not.
        for task, result in self._results(tasks, cache_index_only=store is None):
            if store is not None and store.holds(task.path) and task.text is None:
                read.append((task.path, result.summary))
                if len(read) == _STORE_EVERY:
                    stored = stored and store.put(read)
                    read = []
            else:  # (an unsaved buffer's summary is never stored as its file's)
                index.add(result.summary)
            if result.checked:
                results.append(result)
        if store is not None:
            for result in results:  # first: a checked file's fresh summary wins over its stored row
                index.add(result.summary)
            by_name = {task.shown: task.path for task in tasks}
            stored = stored and store.put(read)
            if not (stored and store.fill(index, [(by_name[r.shown], r.summary) for r in results])):
                # The stored index cannot be used (damaged, or changed by another run): read every
                # entry instead; the results of this run come from the result cache.
                index.reset()
                return Executor(self.work, self.cwd, self.jobs, self.cache).run(
                    files, index, index_dir, index_files, texts)
        return results

    def _tasks(self, files: list[Path], for_index: list[Path], texts: dict[Path, bytes]) -> list[Task]:
        checked = {display_path(path, self.cwd): path for path in files}
        extra = {display_path(path, self.cwd): path for path in for_index}
        index_only = [Task(name, path, False) for name, path in extra.items() if name not in checked]
        if index_only:  # a file given through a symlinked folder is the same entry as at its real path
            folders: dict[str, str] = {}
            real = {real_place(path, folders) for path in checked.values()}
            index_only = [task for task in index_only if real_place(task.path, folders) not in real]
        return [Task(name, path, True, texts.get(path)) for name, path in checked.items()] + index_only

    def _results(self, tasks: list[Task], cache_index_only: bool = True) -> Iterator[tuple[Task, FileResult]]:
        """Each task with its result, as results become ready (never all documents at once). With
        `jobs` above 1, results in the cache are served here, first: a worker would have to send
        each one back through a pipe, which costs more than looking it up. Without
        `cache_index_only`, the tasks read only for the index neither look in the cache nor fill it."""
        cache = self.cache
        if not cache_index_only:
            tasks = [task if task.checked else task._replace(cached=False) for task in tasks]
        # What exists now (modules, schema, rules) lives as long as the run: frozen, the garbage
        # collector stops scanning it for every few thousand objects a file allocates (about a tenth
        # of the run's time), and forked workers share its pages instead of copying them.
        freezing = gc.get_freeze_count() == 0  # a caller that froze objects itself keeps them frozen
        if freezing:
            gc.freeze()
        # A file's objects die with it (reference counting frees them): collecting after every 700
        # allocations, as Python does by default, finds next to nothing and cost about 4 % of a run.
        threshold = gc.get_threshold()
        gc.set_threshold(max(threshold[0], _COLLECT_AFTER), *threshold[1:])
        try:
            if self.jobs <= 1 or len(tasks) < _PARALLEL_FROM:
                for task in tasks:
                    yield task, _compute(task, self.work, cache if task.cached else None)
            else:
                yield from self._in_parallel(tasks)
        finally:
            gc.set_threshold(*threshold)
            if freezing:
                gc.unfreeze()
            if cache is not None:
                cache.save()

    def _in_parallel(self, tasks: list[Task]) -> Iterator[tuple[Task, FileResult]]:
        cache, to_compute = self.cache, []
        for position, task in enumerate(tasks):
            if cache is None or (position == _COLD_AFTER and len(to_compute) == position):
                to_compute += tasks[position:]
                break
            if not task.cached:
                to_compute.append(task)
                continue
            raw = _bytes(task)
            cached = _cached(task, raw, cache)
            if cached is not None:
                yield task, cached
            else:
                to_compute.append(task._replace(text=raw))  # the worker checks the bytes looked up
        if len(to_compute) < _PARALLEL_FROM:
            for task in to_compute:
                yield task, _compute(task, self.work, cache if task.cached else None)
            return
        import multiprocessing  # only a large run pays for importing it

        global _worker_state
        _worker_state = (self.work, cache)  # inherited by the forked workers, never pickled
        try:
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                chunksize = max(1, min(64, len(to_compute) // (self.jobs * 8)))
                for task, (result, key) in zip(to_compute, pool.imap(_worker, to_compute, chunksize)):
                    if cache is not None and key is not None:
                        cache.put(key, result)  # here: the workers' writes would race
                    yield task, result
        finally:
            _worker_state = None


def _worker(task: Task) -> tuple[FileResult, str | None]:
    work, cache = _worker_state
    raw = _bytes(task)
    key = cache.key(raw, task.path.name) if cache is not None and raw is not None and task.cached else None
    cached = cache.get(key, task.shown, complete=task.checked) if key is not None else None
    if cached is not None:
        return cached._replace(checked=task.checked), None
    return work(task, raw), key


def _compute(task: Task, work: Work, cache: ResultCache | None) -> FileResult:
    """One task's result, from the cache when its bytes were seen before, else worked out (and put
    in the cache under the key of the very bytes it was worked out from)."""
    raw = _bytes(task)
    if cache is None or raw is None:
        return work(task, raw)
    key = cache.key(raw, task.path.name)  # the name too: the slug-matches-filename rule depends on it
    cached = cache.get(key, task.shown, complete=task.checked)
    if cached is not None:
        return cached._replace(checked=task.checked)
    result = work(task, raw)
    cache.put(key, result)
    return result


def _cached(task: Task, raw: bytes | None, cache: ResultCache) -> FileResult | None:
    if raw is None:
        return None
    cached = cache.get(cache.key(raw, task.path.name), task.shown, complete=task.checked)
    return None if cached is None else cached._replace(checked=task.checked)


def _bytes(task: Task) -> bytes | None:
    """The task's bytes: the text it was given, else the file's; None if it is not a file within the
    size limit or cannot be read (the loader says why when it is checked)."""
    if task.text is not None:
        return task.text
    try:
        if not task.path.is_file() or task.path.stat().st_size > MAX_FILE_BYTES:
            return None
        return task.path.read_bytes()
    except OSError:
        return None
