"""A cache of per-file results, so that unchanged entries are not checked again (as ruff does).

A result is stored under a key made of the file's bytes and a fingerprint of everything else that
could change it: the checker's own code, the schema, the configuration and the Python version. A
changed entry, schema, rule or setting therefore simply misses the cache. Results are stored as
JSON (never pickle: the cache folder is inside the content repo, and reading it must not run code)
in one SQLite file, `.peptide-lint-cache/results.sqlite3` at the repo root. Rules that compare
entries run on every check, from the cached summaries; only the per-file work is cached.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from . import digest
from .digest import hexdigest
from .findings import Edit, Finding, Fix, Severity, Span
from .index import CitedWork, EntrySummary, Located
from .results import FileResult, Suppression

CACHE_DIR = ".peptide-lint-cache"
# The shape of a stored result: raised when it changes, so that a cache written before is not read.
FORMAT = 2


def code_fingerprint() -> str:
    """The checker's code (digest.code_fingerprint) and the shape of what this cache stores."""
    return hexdigest(digest.code_fingerprint().encode(), str(FORMAT).encode())


def fingerprint(schema_bytes: bytes, config: Any) -> str:
    """What, besides a file's bytes, decides its result."""
    return hexdigest(code_fingerprint().encode(), schema_bytes, repr(config).encode())


class ResultCache:
    def __init__(self, repo_root: Path, fingerprint_: str, schema_bytes: bytes = b"") -> None:
        self.fingerprint = fingerprint_
        # Summaries depend on the code and the schema (its classes of text decide which sentences
        # are compared), not on the settings: runs with other settings share the stored index.
        self._index_fingerprint = hexdigest(code_fingerprint().encode(), schema_bytes)
        self.path = repo_root / CACHE_DIR / "results.sqlite3"
        self._connection: sqlite3.Connection | None = None
        self._pid = os.getpid()  # a connection must not cross into forked workers
        self._pending: dict[str, str] = {}

    @classmethod
    def for_run(cls, repo_root: Path, schema, config) -> ResultCache:
        """The cache of a run with this schema and configuration."""
        schema_bytes = json.dumps(schema.raw, sort_keys=True).encode()
        return cls(repo_root, fingerprint(schema_bytes, config), schema_bytes)

    def key(self, raw: bytes, name: str) -> str:
        return hexdigest(self.fingerprint.encode(), name.encode(), raw)

    def get(self, key: str, shown: str, complete: bool):
        """The stored result, or None. `complete` asks for a checked file's full result; otherwise
        a result stored for the repo index only (its summary) will do."""
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            return _decode(data, shown) if data["complete"] or not complete else None
        except (ValueError, KeyError, TypeError):
            return None  # a damaged record is a miss, never an error

    def put(self, key: str, result) -> None:
        self._pending[key] = json.dumps(_encode(result), ensure_ascii=False, separators=(",", ":"))

    def save(self) -> None:
        """Write what this run computed, in one transaction. A cache that cannot be written is skipped."""
        if not self._pending:
            return
        connection = self._connect(create=True)
        if connection is None:
            return
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                                       self._pending.items())
        except sqlite3.Error:
            pass
        self._pending.clear()

    def index_store(self, repo_root: Path, cwd: Path):
        """The repo index kept in the same file (see index_store.py), or None if it cannot be opened."""
        from .index_store import IndexStore

        connection = self._connect(create=True)
        return None if connection is None else IndexStore(connection, self._index_fingerprint, repo_root, cwd)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self, create: bool = False) -> sqlite3.Connection | None:
        if self._pid != os.getpid():
            self._connection, self._pid = None, os.getpid()
        if self._connection is not None:
            return self._connection
        if not create and not self.path.is_file():
            return None
        try:
            self.path.parent.mkdir(exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")  # never committed by accident
            self._connection = sqlite3.connect(self.path, timeout=5)
            # A write-ahead log, synced at checkpoints only: a commit costs no fsync, and a crash can
            # lose the last results but never damage the file. A cache can afford that trade.
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT)")
        except (OSError, sqlite3.Error):
            self._connection = None
        return self._connection


def _encode(result) -> dict[str, Any]:
    summary = result.summary
    return {
        "complete": result.checked,
        "readable": result.readable,
        "not_checked": result.not_checked,
        "findings": [_finding_out(f) for f in result.findings],
        "summary": {
            "slug": _located_out(summary.slug), "name": _located_out(summary.name),
            "related": [_located_out(item) for item in summary.related],
            "works": [[list(key), [work.source_id, work.title, work.year, work.authors], span._asdict()]
                      for key, work, span in summary.works],
            "sentences": list(summary.sentences), "lede": summary.lede, "full_name": summary.full_name,
        },
        "suppressions": [[s.span._asdict(), sorted(s.targets), s.codes, s.reason] for s in result.suppressions],
    }


def _decode(data: dict[str, Any], shown: str):
    summary = data["summary"]
    works = tuple(((key[0], key[1]), CitedWork(shown, *fields), Span(**span))
                  for key, fields, span in summary["works"])
    return FileResult(
        shown,
        [_finding_in(f, shown) for f in data["findings"]],
        EntrySummary(shown, _located_in(summary["slug"]), _located_in(summary["name"]),
                     tuple(_located_in(item) for item in summary["related"]), works,
                     tuple(summary["sentences"]), summary["lede"], summary["full_name"]),
        [Suppression(shown, Span(**span), set(targets), dict(codes), reason)
         for span, targets, codes, reason in data["suppressions"]],
        readable=data["readable"],
        not_checked=data["not_checked"],
    )


def _finding_out(finding: Finding) -> list:
    fix = finding.fix
    return [finding.span._asdict(), finding.code, finding.name, finding.severity.value, finding.message,
            finding.hint, [fix.title, fix.safe, [list(edit) for edit in fix.edits]] if fix else None]


def _finding_in(data: list, shown: str) -> Finding:
    span, code, name, severity, message, hint, fix = data
    return Finding(shown, Span(**span), code, name, Severity(severity), message, hint,
                   Fix(fix[0], tuple(Edit(*edit) for edit in fix[2]), fix[1]) if fix else None)


def _located_out(located: Located | None):
    return [located.value, located.span._asdict()] if located else None


def _located_in(data) -> Located | None:
    return Located(data[0], Span(**data[1])) if data else None
