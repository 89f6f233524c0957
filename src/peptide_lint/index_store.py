"""The repo index kept between runs, so that checking a few files in a big repo reads only the
entries that changed since the last run (as git's index does for `git status`).

Every entry file has a row in the cache's SQLite file: its stat (size, modification and change
time, inode) and its summary, the facts that rules across entries compare (see index.py). A run
compares each file's stat with its row and reads only the files that differ. Then, instead of
loading every summary, it loads the rows that can matter to the files it checks: entries sharing a
slug, a name or a cited work with them, plus the slugs the checked files name as related entries. So the
run costs a stat per entry and a few lookups, not a parse per entry.

Inside the pre-commit hook the working tree is git's index (pre-commit stashes unstaged changes),
and git's index holds each tracked file's blob id: there a tracked entry whose stored blob id is the
index's is up to date without a stat. Only untracked entries, symlinks and entries stored without a
blob id are compared by their stat (git_index.py says when the index can be trusted and read).

A file modified within two seconds of the run is stored as "always re-read", because a second
edit within the file system's clock resolution could leave its stat unchanged (git's "racily
clean" files); the change time is part of the stat, so a chmod or a copy that keeps the
modification time is noticed too. Anything wrong with the store makes the run fall back to
reading every entry.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
import time
from pathlib import Path
from typing import Iterable, Iterator

from . import git_index
from .discover import ENTRY_SUFFIXES, display_path, is_entry_name, real_place
from .findings import FILE_START
from .index import CitedWork, EntrySummary, Located, RepoIndex, name_key, named_in, work_key

# A file's stat as stored: size, modification and change time (ns) and inode packed into one value,
# so that the rows of a big repo load straight into a dict and compare as one value each.
Stat = bytes
_PACKED = struct.Struct("<qqqQ")

# A file changed this close to the stat walk may change again within the file system's clock
# resolution without its stat changing, so its row is kept but marked to be read again next time.
_RACY_NS = 2_000_000_000
_ALWAYS_REREAD = b""  # in place of the stat of such a row: it matches no file's
_CHUNK = 500  # values per "IN (...)": SQLite allows a few hundred at least

_TABLES = """
CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS index_entries (path TEXT PRIMARY KEY, stat BLOB, blob BLOB, slug TEXT,
                                          name_key TEXT, summary TEXT);
-- covers the one-column reads of every row at the start of a run (`refresh`): a scan of this index
-- reads a tenth of the pages a scan of the rows, summaries and all, does
CREATE INDEX IF NOT EXISTS index_entries_change ON index_entries (path, blob, stat);
CREATE INDEX IF NOT EXISTS index_entries_slug ON index_entries (slug);
CREATE INDEX IF NOT EXISTS index_entries_name ON index_entries (name_key);
CREATE TABLE IF NOT EXISTS index_works (path TEXT, work TEXT);
CREATE INDEX IF NOT EXISTS index_works_work ON index_works (work);
CREATE INDEX IF NOT EXISTS index_works_path ON index_works (path);
CREATE TABLE IF NOT EXISTS index_sentences (path TEXT, sentence INTEGER);
CREATE INDEX IF NOT EXISTS index_sentences_sentence ON index_sentences (sentence);
CREATE INDEX IF NOT EXISTS index_sentences_path ON index_sentences (path);
"""


class IndexStore:
    """Use in this order: `refresh` (which files to read), then `put` what was read, then `fill`."""

    def __init__(self, connection: sqlite3.Connection, fingerprint: str, repo_root: Path, cwd: Path) -> None:
        self._db = connection
        self._fingerprint = fingerprint  # of the checker's code and the schema: summaries depend on nothing else
        self._root = repo_root
        self._cwd = cwd
        self._root_prefix = os.path.join(os.path.abspath(repo_root), "")
        self.files: set[str] = set()  # every entry file now, by its repo path
        self._stats: dict[str, Stat] = {}  # their stats, where the run took them
        # `_path(key)` rebuilds a file's path as the run names it: the folder's path, then the key
        # past the folder's own key. Only the few files read need a path, so none is stored.
        self._folder_path, self._folder_key = "", ""
        self._stale: set[str] = set()  # those whose row is missing or out of date
        self._racy: set[str] = set()  # those changed just before the walk
        self._blobs: dict[str, bytes] = {}  # git's blob ids, when the index is trusted

    def refresh(self, folder: Path) -> list[Path] | None:
        """Bring the store up to date with the entries under `folder` as far as it can without
        reading them: drop the rows of files that are gone (all rows, if the checker's code
        changed), and return the files whose row is missing or out of date, to be read and `put`.
        None if the store cannot be used."""
        racy_after = time.time_ns() - _RACY_NS
        self._folder_path, self._folder_key = os.path.join(str(folder), ""), _key_prefix(folder, self._root)
        blobs = git_index.blob_ids(self._root) if git_index.trusted() else None
        if not blobs:  # not in the hook, an index it cannot read, or nothing tracked yet: a stat of each
            self.files, self._stats, self._racy = _entry_stats(folder, self._root, racy_after)
        else:
            self.files, self._blobs = _entry_names(folder, self._root, blobs), blobs
        try:
            with self._db:
                if self._stored_fingerprint() != self._fingerprint:  # new, or written by other code
                    self._db.executescript("DROP TABLE IF EXISTS index_entries; DROP TABLE IF EXISTS index_works;"
                                           "DROP TABLE IF EXISTS index_sentences;"
                                           + _TABLES)
                    self._db.execute("INSERT OR REPLACE INTO index_meta VALUES ('fingerprint', ?)",
                                     (self._fingerprint,))
                # One column of every row: the blob ids where git's index vouches for the files, else
                # the stats (a third of the reading of three columns for 10,000 rows). Compared as
                # sets of (path, value) pairs, the work per entry stays out of Python.
                known = dict(self._db.execute("SELECT path, blob FROM index_entries" if self._blobs
                                              else "SELECT path, stat FROM index_entries"))
                self._delete(sorted(known.keys() - self.files))
                self._stale = self._out_of_date(known, racy_after)
        except sqlite3.Error:
            return None
        return [Path(self._path(key)) for key in sorted(self._stale)]

    def _out_of_date(self, known: dict[str, Stat | bytes | None], racy_after: int) -> set[str]:
        """The entry files whose row is missing or out of date: by their blob id where git's index is
        trusted and the row has one (`known` then holds the stored blob ids), by their stat
        otherwise (`known` holds the stored stats; stat here, as the walk did not)."""
        if not self._blobs:
            return {key for key, _ in self._stats.items() - known.items()}
        differing = {key for key, _ in self._blobs.items() - known.items() if key in self.files}
        stale = {key for key in differing if known.get(key) is not None}
        # untracked, or stored without a blob id (or not stored): compared by stat
        unvouched = (self.files - self._blobs.keys()) | (differing - stale)
        stored_stats = dict(self._select("SELECT path, stat FROM index_entries WHERE path IN ({})", unvouched))
        vouched = []
        for key in unvouched:
            try:
                status = os.stat(self._path(key))
            except OSError:
                stale.add(key)
                continue
            self._stats[key] = _pack(status)
            if status.st_mtime_ns > racy_after:
                self._racy.add(key)
            if stored_stats.get(key) != self._stats[key]:
                stale.add(key)
            elif self._blobs.get(key) is not None:
                vouched.append((self._blobs[key], key))  # up to date by its stat: the index's blob is its text
        self._db.executemany("UPDATE index_entries SET blob = ? WHERE path = ?", vouched)
        return stale

    def _path(self, key: str) -> str:
        return self._folder_path + key[len(self._folder_key):]

    def holds(self, path: Path) -> bool:
        """Whether `path` is one of the entry files the store keeps (see `refresh`)."""
        return self._key(path) in self.files

    def put(self, summaries: Iterable[tuple[Path, EntrySummary]]) -> bool:
        """Store the summaries of the entry files `refresh` found out of date (others are ignored:
        a file whose row is up to date has the summary stored); False if the store failed."""
        rows, works, sentences = [], [], []
        for path, summary in summaries:
            key = self._key(path)
            if key not in self._stale:
                continue
            stat = _ALWAYS_REREAD if key in self._racy else self._stats.get(key) or _stat(self._path(key))
            rows.append((key, stat, self._blobs.get(key), summary.slug.value if summary.slug else None,
                         name_key(summary.name.value) if summary.name else None, _encode(summary)))
            works += [(key, work_key(identifier)) for identifier in {identifier for identifier, _, _ in summary.works}]
            sentences += [(key, number) for number in summary.sentences]
        try:
            with self._db:
                self._delete([row[0] for row in rows])
                self._db.executemany("INSERT INTO index_entries VALUES (?, ?, ?, ?, ?, ?)", rows)
                self._db.executemany("INSERT INTO index_works VALUES (?, ?)", works)
                self._db.executemany("INSERT INTO index_sentences VALUES (?, ?)", sentences)
        except sqlite3.Error:
            return False
        return True

    def fill(self, index: RepoIndex, checked: list[tuple[Path, EntrySummary]]) -> bool:
        """Add to `index`, which holds the summaries of the `checked` files, what it needs to know
        about the other stored entries: those sharing a slug, name or cited work with a checked
        file, and the slugs of the entries the checked files name as related (all slugs when one
        of those is missing, for the suggestion of a close one). False if the store failed or
        changed hands meanwhile (another run with other code): the caller then reads every entry."""
        checked_keys = {self._key(path) for path, _ in checked}
        if self.files <= checked_keys:
            return True  # every entry is checked, so already in the index
        # A file given through a symlinked folder is stored under its real path.
        checked_keys |= {self._key(real_place(path)) for path, _ in checked}
        summaries = [summary for _, summary in checked]
        slugs = {s.slug.value for s in summaries if s.slug}
        names = {name_key(s.name.value) for s in summaries if s.name}
        works = {work_key(key) for s in summaries for key, _, _ in s.works}
        sentences = {number for s in summaries for number in s.sentences}
        names |= {key for s in summaries for key in named_in(s)}
        try:
            with self._db:  # one transaction: what is read is one state of the store
                if self._stored_fingerprint() != self._fingerprint:
                    return False
                rows = dict(self._select("SELECT path, summary FROM index_entries WHERE slug IN ({})", slugs))
                rows.update(self._select("SELECT path, summary FROM index_entries WHERE name_key IN ({})", names))
                rows.update(self._select("SELECT e.path, e.summary FROM index_works AS w JOIN index_entries AS e"
                                         " ON e.path = w.path WHERE w.work IN ({})", works))
                rows.update(self._select("SELECT e.path, e.summary FROM index_sentences AS s JOIN index_entries AS e"
                                         " ON e.path = s.path WHERE s.sentence IN ({})", sentences))
                related = {item.value for s in summaries for item in s.related if isinstance(item.value, str)}
                # The checked files' own rows may be out of date: their slugs are in the index already.
                known_slugs = [slug for path, slug in self._select(
                    "SELECT path, slug FROM index_entries WHERE slug IN ({})", related) if path not in checked_keys]
                if not related <= slugs.union(known_slugs):
                    # A related entry that is not in the repo: its finding suggests the closest slug,
                    # so every slug is wanted. Rare, so the usual run does not load them all.
                    known_slugs = [slug for path, slug in self._db.execute(
                        "SELECT path, slug FROM index_entries WHERE slug IS NOT NULL") if path not in checked_keys]
        except sqlite3.Error:
            return False
        try:
            found = [_decode(display_path(self._root / path, self._cwd), json.loads(rows[path]))
                     for path in sorted(rows.keys() - checked_keys)]
        except Exception:  # noqa: BLE001 - a damaged row, whatever its damage: read every entry instead
            return False
        index.add_known_slugs(slug for slug in known_slugs if isinstance(slug, str))
        for summary in found:
            index.add(summary)
        return True

    def _key(self, path: Path | str) -> str:
        """`_repo_path(path, root)`, without its path arithmetic for the usual case (a normal path
        inside the repo): a whole-repo run asks this for every entry."""
        text = os.fspath(path)
        if not os.path.isabs(text):
            text = os.path.join(os.getcwd(), text)
        rest = text[len(self._root_prefix):]
        if (text.startswith(self._root_prefix) and not (os.altsep and os.altsep in rest)
                and not any(part in (os.curdir, os.pardir, "") for part in rest.split(os.sep))):
            return rest if os.sep == "/" else rest.replace(os.sep, "/")
        return _repo_path(path, self._root)

    def _stored_fingerprint(self) -> str | None:
        try:
            row = self._db.execute("SELECT value FROM index_meta WHERE key = 'fingerprint'").fetchone()
        except sqlite3.OperationalError:  # no store yet
            return None
        return row[0] if row else None

    def _select(self, query: str, values: set[str]) -> Iterator[tuple]:
        ordered = sorted(values)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            yield from self._db.execute(query.format(", ".join("?" * len(chunk))), chunk)

    def _delete(self, paths: list[str]) -> None:
        for table in ("index_entries", "index_works", "index_sentences"):
            self._db.executemany(f"DELETE FROM {table} WHERE path = ?", ((path,) for path in paths))


def _entry_stats(folder: Path, root: Path, racy_after_ns: int) -> tuple[set[str], dict[str, Stat], set[str]]:
    """Every entry file under `folder` (see `_entry_files`) with its stat; and those modified after
    `racy_after_ns`."""
    stats: dict[str, Stat] = {}
    racy: set[str] = set()
    for key, entry in _entry_files(folder, root):
        try:
            stat = entry.stat()
        except OSError:
            continue
        stats[key] = _pack(stat)
        if stat.st_mtime_ns > racy_after_ns:
            racy.add(key)
    return set(stats), stats, racy


def _entry_names(folder: Path, root: Path, tracked_blobs: dict[str, bytes]) -> set[str]:
    """Every entry file under `folder`, as `_entry_files` finds them, without their stat: a name
    that git's index lists as a tracked file is a file, so only the other names of a listing cost
    a look at what they are. (It runs for every entry on every commit: a listing of bare names
    costs half a listing of directory entries, and the work per name stays in comprehensions.)"""
    folders = [(str(folder), _key_prefix(folder, root))]
    found: set[str] = set()
    while folders:
        directory, key_prefix = folders.pop()
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        named_as_entries = [name for name in names if name.endswith(ENTRY_SUFFIXES)]
        # Hidden names are never entries nor searched; for the others, is_entry_name is the suffix test.
        keys = {key_prefix + name for name in named_as_entries if name[0] != "."}
        for key in keys - tracked_blobs.keys():
            path = os.path.join(directory, key[len(key_prefix):])
            if not os.path.isfile(path):
                keys.discard(key)
                _search_if_folder(path, key, folders)
        found = keys if not found else found | keys  # (the first folder's keys, the most, not copied)
        for name in set(names).difference(named_as_entries):
            if name[0] != "." and key_prefix + name not in tracked_blobs:
                _search_if_folder(os.path.join(directory, name), key_prefix + name, folders)
    return found


def _search_if_folder(path: str, key: str, folders: list[tuple[str, str]]) -> None:
    if os.path.isdir(path) and not os.path.islink(path):  # linked folders are not searched
        folders.append((path, key + "/"))


def _entry_files(folder: Path, root: Path) -> Iterator[tuple[str, os.DirEntry]]:
    """(repo path, directory entry) of every entry file under `folder`, as discover.entry_files finds
    them (symlinked files followed, symlinked folders and hidden names not). This runs for every
    entry on every run, so it keeps to one scandir per folder and makes no Path objects."""
    folders = [(str(folder), _key_prefix(folder, root))]
    while folders:
        directory, key_prefix = folders.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if is_entry_name(entry.name) and entry.is_file():
                    yield key_prefix + entry.name, entry
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, key_prefix + entry.name + "/"))
            except OSError:
                continue


def _key_prefix(folder: Path, root: Path) -> str:
    """What the keys of the files in `folder` start with."""
    prefix = _repo_path(folder, root)
    return "" if prefix == "." else prefix + "/"


def _stat(path: str) -> Stat:
    try:
        return _pack(os.stat(path))
    except OSError:
        return _ALWAYS_REREAD


def _pack(stat: os.stat_result) -> Stat:
    try:
        return _PACKED.pack(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    except struct.error:  # a number too big for 64 bits (128-bit inodes): the same facts as text
        return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}".encode()


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
        "sentences": list(summary.sentences),
    }, ensure_ascii=False, separators=(",", ":"))


def _decode(shown: str, data: dict) -> EntrySummary:
    """The summary stored by `_encode`; ValueError for anything else (a damaged row)."""
    def text(value) -> str | None:
        if value is not None and not isinstance(value, str):
            raise ValueError(f"not text: {value!r}")
        return value

    def located(value) -> Located | None:
        return None if text(value) is None else Located(value, FILE_START)

    works = []
    for key, source_id, title, year, authors in data["works"]:
        kind, identifier = key
        works.append(((text(kind), text(identifier)), CitedWork(shown, text(source_id), title, year, authors),
                      FILE_START))
    sentences = tuple(data["sentences"])
    if not all(type(number) is int for number in sentences):
        raise ValueError(f"not sentence fingerprints: {sentences!r}")
    return EntrySummary(shown, located(data["slug"]), located(data["name"]),
                        tuple(Located(value, FILE_START) for value in data["related"] if text(value) is not None),
                        tuple(works), sentences)
