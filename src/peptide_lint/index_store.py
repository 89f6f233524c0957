"""The repo index kept between runs, so that checking a few files in a big repo reads only the
entries that changed since the last run (as git's index does for `git status`).

Every entry file has a row in the cache's SQLite file: its stat (size, modification time, inode)
and its summary, the facts that rules across entries compare (see index.py). A run compares each
file's stat with its row and reads only the files that differ. Then, instead of loading every
summary, it loads the rows that can matter to the files it checks: entries sharing a slug, a name
or a cited work with them, plus the bare list of slugs (for related entries). So the run costs a
stat per entry and a few lookups, not a parse per entry.

A file modified in the last two seconds is stored as "always re-read", because a second edit
within the file system's clock resolution could leave its stat unchanged (git's "racily clean"
files). Anything wrong with the store makes the run fall back to reading every entry.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Iterator

from .discover import ENTRY_SUFFIXES, display_path
from .findings import FILE_START
from .index import CitedWork, EntrySummary, Located, RepoIndex, name_key, work_key

Stat = tuple[int, int, int]  # size, modification time in ns, inode

_RACY_NS = 2_000_000_000
_ALWAYS_REREAD = -1
_CHUNK = 500  # values per "IN (...)": SQLite allows a few hundred at least

_TABLES = """
CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS index_entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
                                          inode INTEGER, slug TEXT, name_key TEXT, summary TEXT);
CREATE INDEX IF NOT EXISTS index_entries_slug ON index_entries (slug);
CREATE INDEX IF NOT EXISTS index_entries_name ON index_entries (name_key);
CREATE TABLE IF NOT EXISTS index_works (path TEXT, work TEXT);
CREATE INDEX IF NOT EXISTS index_works_work ON index_works (work);
CREATE INDEX IF NOT EXISTS index_works_path ON index_works (path);
"""


class IndexStore:
    def __init__(self, connection: sqlite3.Connection, fingerprint: str, repo_root: Path, cwd: Path) -> None:
        self._db = connection
        self._fingerprint = fingerprint
        self._root = repo_root
        self._cwd = cwd
        self.files: dict[str, tuple[str, Stat]] = {}  # every entry file now: repo path -> (path, stat)

    def stale(self, folder: Path) -> list[Path] | None:
        """The entry files under `folder` whose stored summary is missing or out of date; rows of
        files that are gone are dropped. None if the store cannot be used."""
        self.files = _entry_stats(folder, self._root)
        try:
            with self._db:
                self._db.executescript(_TABLES)
                stored = self._db.execute("SELECT value FROM index_meta WHERE key = 'fingerprint'").fetchone()
                if stored is None or stored[0] != self._fingerprint:
                    self._db.execute("DELETE FROM index_entries")
                    self._db.execute("DELETE FROM index_works")
                    self._db.execute("INSERT OR REPLACE INTO index_meta VALUES ('fingerprint', ?)",
                                     (self._fingerprint,))
                known = {path: (size, mtime, inode) for path, size, mtime, inode
                         in self._db.execute("SELECT path, size, mtime_ns, inode FROM index_entries")}
                self._delete([path for path in known if path not in self.files])
        except sqlite3.Error:
            return None
        return [Path(path) for key, (path, stat) in self.files.items() if known.get(key) != stat]

    def put(self, summaries: Iterable[tuple[Path, EntrySummary]]) -> bool:
        """Store the summaries of entry files (others are ignored); False if the store failed."""
        now = time.time_ns()
        rows, works = [], []
        for path, summary in summaries:
            key = _repo_path(path, self._root)
            if key not in self.files:
                continue
            size, mtime, inode = self.files[key][1]
            if mtime > now - _RACY_NS:
                mtime = _ALWAYS_REREAD
            rows.append((key, size, mtime, inode, summary.slug.value if summary.slug else None,
                         name_key(summary.name.value) if summary.name else None, _encode(summary)))
            works += [(key, work_key(identifier)) for identifier in {identifier for identifier, _, _ in summary.works}]
        try:
            with self._db:
                self._delete([row[0] for row in rows])
                self._db.executemany("INSERT INTO index_entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                self._db.executemany("INSERT INTO index_works VALUES (?, ?)", works)
        except sqlite3.Error:
            return False
        return True

    def fill(self, index: RepoIndex, checked: list[tuple[Path, EntrySummary]]) -> bool:
        """Add to `index`, which holds the summaries of the `checked` files, what it needs to know
        about the other stored entries: those sharing a slug, name or cited work with a checked
        file, and every slug. False if the store failed."""
        checked_keys = {_repo_path(path, self._root) for path, _ in checked}
        if self.files.keys() <= checked_keys:
            return True  # every entry is checked, so already in the index
        summaries = [summary for _, summary in checked]
        slugs = {s.slug.value for s in summaries if s.slug}
        names = {name_key(s.name.value) for s in summaries if s.name}
        works = {work_key(key) for s in summaries for key, _, _ in s.works}
        try:
            rows = dict(self._select("SELECT path, summary FROM index_entries WHERE slug IN ({})", slugs))
            rows.update(self._select("SELECT path, summary FROM index_entries WHERE name_key IN ({})", names))
            rows.update(self._select("SELECT e.path, e.summary FROM index_works AS w JOIN index_entries AS e"
                                     " ON e.path = w.path WHERE w.work IN ({})", works))
            index.add_known_slugs(slug for (slug,) in self._db.execute(
                "SELECT slug FROM index_entries WHERE slug IS NOT NULL"))
        except sqlite3.Error:
            return False
        for path in sorted(rows.keys() - checked_keys):
            try:
                index.add(_decode(display_path(self._root / path, self._cwd), json.loads(rows[path])))
            except (ValueError, KeyError, TypeError):
                return False  # a damaged row: read every entry instead
        return True

    def _select(self, query: str, values: set[str]) -> Iterator[tuple]:
        ordered = sorted(values)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            yield from self._db.execute(query.format(", ".join("?" * len(chunk))), chunk)

    def _delete(self, paths: list[str]) -> None:
        for table in ("index_entries", "index_works"):
            self._db.executemany(f"DELETE FROM {table} WHERE path = ?", ((path,) for path in paths))


def _entry_stats(folder: Path, root: Path) -> dict[str, tuple[str, Stat]]:
    """Every entry file under `folder`, as discover.entry_files finds them (symlinked files
    followed, symlinked folders not), with its stat. This runs for every entry on every run, so
    it keeps to one scandir per folder and one stat per file, and makes no Path objects."""
    found: dict[str, tuple[str, Stat]] = {}
    prefix = _repo_path(folder, root)
    folders = [(str(folder), "" if prefix == "." else prefix + "/")]
    while folders:
        directory, key_prefix = folders.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.name.endswith(ENTRY_SUFFIXES) and entry.is_file():
                    stat = entry.stat()
                    found[key_prefix + entry.name] = (entry.path, (stat.st_size, stat.st_mtime_ns, stat.st_ino))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, key_prefix + entry.name + "/"))
            except OSError:
                continue
    return found


def _repo_path(path: Path | str, root: Path) -> str:
    """The key of a file in the store: its path from the repo root, or its absolute path outside."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive
        return absolute
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return absolute if outside else Path(relative).as_posix()


def _encode(summary: EntrySummary) -> str:
    return json.dumps({
        "slug": summary.slug.value if summary.slug else None,
        "name": summary.name.value if summary.name else None,
        "related": [item.value for item in summary.related],
        "works": [[list(key), work.source_id, work.title, work.year, work.authors]
                  for key, work, _ in summary.works],
    }, ensure_ascii=False, separators=(",", ":"))


def _decode(shown: str, data: dict) -> EntrySummary:
    def located(value):
        return None if value is None else Located(value, FILE_START)

    works = tuple(((key[0], key[1]), CitedWork(shown, source_id, title, year, authors), FILE_START)
                  for key, source_id, title, year, authors in data["works"])
    return EntrySummary(shown, located(data["slug"]), located(data["name"]),
                        tuple(located(value) for value in data["related"]), works)
