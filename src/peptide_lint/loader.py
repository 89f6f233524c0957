"""Read an entry file into a `Document`, and find what keeps it from being read as an entry.

    file -> checks (a folder? an entry's name? within the size limit?) -> bytes -> UTF-8 text
         -> the line scan (linescan.py: every mistake the lines show)
         -> the parser (parser.py: a node tree, then data and places) -> a Document

What is wrong is returned as problems (problems.py), each naming its rule; the rule's module puts
it in words. Nothing here raises for bad input, and nothing here knows which YAML parser is used.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any, Callable, NamedTuple

from . import linescan
from .discover import is_entry_name
from .document import Document, node_span
from .findings import FILE_START, Span
from .parser import MAX_DEPTH, NestedTooDeep, ParseError, anchors_and_aliases, build, compose, data_of, is_empty, kind
from .problems import Problem
from .syntax_errors import syntax_problem

MAX_FILE_BYTES = 1024 * 1024

# Why a file's content was not checked, one line each, in an editor's words (Report.not_checked).
NOT_OPENED = "it could not be opened as an entry file, so it was not checked"
NOT_READ_TOO_LARGE = "it is over the size limit for an entry, so it was not read"
NOT_READ_NOT_UTF8 = "it is not saved as UTF-8 text, so it was not read"
NOT_CHECKED_YAML = "YAML cannot read it, so the schema and content rules did not run"
NOT_CHECKED_INVISIBLE = ("it holds invisible characters that must be removed first, so the schema and content "
                         "rules did not run")
NOT_CHECKED_TOO_DEEP = "it is nested too deep to be read safely, so the schema and content rules did not run"
NOT_CHECKED_NOT_AN_ENTRY = ("it holds a list or a single value, not the keys of an entry, so the schema and "
                            "content rules did not run")


class LoadResult(NamedTuple):
    """A file as read: its document (None when it cannot be parsed), the problems found on the way and
    its text."""

    document: Document | None
    problems: list[Problem]
    text: str | None = None  # the decoded text, when there is one, for showing source lines
    # Why the schema and content rules could not run on the file, when they could not (an empty
    # file has nothing to check: None, like a file that was read).
    not_checked: str | None = None


def load_file(path: Path, display_path: str, raw: bytes | None = None) -> LoadResult:
    """Read and parse one file (whose bytes are `raw` if they were read already, or if they are an
    editor's unsaved buffer, which may stand for a file not written yet)."""
    def unreadable(cause: str, **facts: Any) -> LoadResult:
        return LoadResult(None, [Problem("unreadable-file", FILE_START, {"cause": cause, **facts})],
                          not_checked=NOT_OPENED)

    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return unreadable("folder")
        if not is_entry_name(path.name):
            return _not_an_entry_name(path, unreadable)
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block or never end
            return unreadable("not-a-regular-file")
        if status.st_size > MAX_FILE_BYTES:
            return LoadResult(None, [Problem("file-too-large", FILE_START,
                                             {"size": status.st_size, "limit": MAX_FILE_BYTES})],
                              not_checked=NOT_READ_TOO_LARGE)
        if raw is None:
            raw = path.read_bytes()
    except OSError as err:
        if raw is not None and not path.exists():  # a text given for a file not written yet: read as it is
            return load_bytes(raw, path, display_path) if is_entry_name(path.name) else \
                _not_an_entry_name(path, unreadable)
        if isinstance(err, FileNotFoundError):
            return unreadable("broken-link" if path.is_symlink() else "missing")
        return unreadable("cannot-read", reason=err.strerror or str(err))
    return load_bytes(raw, path, display_path)


def _not_an_entry_name(path: Path, unreadable: Callable[..., LoadResult]) -> LoadResult:
    if is_entry_name(path.name.lower()):
        return unreadable("suffix-case", suffix=path.suffix, stem=path.stem)
    return unreadable("not-an-entry-name")


def _utf16_without_mark(head: bytes) -> bool:
    """Whether `head` reads as UTF-16 text without a byte-order mark: a YAML file's characters are
    mostly ASCII, each a NUL and a byte in that encoding, and decode to printable text and line breaks."""
    even = head[: len(head) // 2 * 2]
    for encoding, high_bytes, low_bytes in (("utf-16-le", even[1::2], even[0::2]),
                                            ("utf-16-be", even[0::2], even[1::2])):
        if not even or high_bytes.count(0) < len(high_bytes) / 2 or 0 in low_bytes:
            continue
        try:
            text = even.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(character.isprintable() or character in "\t\r\n" for character in text):
            return True
    return False


def load_bytes(raw: bytes, path: Path, display_path: str) -> LoadResult:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        head = raw[:8000]  # as much as git reads to tell a binary file
        if head[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16_without_mark(head):
            problem = Problem("not-utf8", FILE_START, {"encoding": "UTF-16"})
        elif b"\0" in head:  # as git tells a binary file: text in an 8-bit encoding holds no NUL
            problem = Problem("not-utf8", FILE_START, {"binary": True})
        else:
            problem = Problem("not-utf8", Span.point(*_line_col_of_byte(raw, err.start)), {"byte": raw[err.start]})
        return LoadResult(None, [problem], not_checked=NOT_READ_NOT_UTF8)

    # The lines are read for every mistake they show before the parser reads the file, which stops
    # at the first one: all of them are reported in one run (linescan.py). The parser reads the text
    # as an editor sees it, without invisible characters, so that it can go on to the next mistake.
    scanned = linescan.character_problems(text)
    invisible = any(problem.rule == "control-character" for problem in scanned)
    parsed = linescan.without_invisible(text) if invisible else text
    problems: list[Problem] = []
    try:
        documents = compose(parsed)
        failure = None
    except NestedTooDeep as err:
        problems.append(Problem("nesting-too-deep", Span.point(err.line, err.column), {"limit": MAX_DEPTH}))
        documents, failure = None, NOT_CHECKED_TOO_DEEP
    except ParseError as err:
        documents, failure = None, NOT_CHECKED_YAML
        scanned += linescan.structure_problems(text, yaml_failed=True)
        stranger = linescan.not_an_entry(scanned, text)
        if stranger is not None:  # one finding, not a screenful of one per line
            scanned = [stranger, *(p for p in scanned if p.rule != "yaml-syntax")]
        problem = syntax_problem(err, linescan.split_lines(parsed), scanned)
        if problem is not None and stranger is None:
            problems.append(problem)
    else:
        scanned += linescan.structure_problems(text, yaml_failed=False)
    problems += [problem.problem for problem in scanned]
    if documents is None or invisible:
        # An invisible character is better fixed first than reported through the findings it
        # causes (a slug that looks right and does not match).
        return LoadResult(None, problems, text, failure or NOT_CHECKED_INVISIBLE)
    if not documents or all(is_empty(d) for d in documents):
        problems.append(Problem("empty-file", FILE_START))
        return LoadResult(None, problems, text)
    line_starts = linescan.line_starts(text)
    for extra in documents[1:]:
        start = node_span(extra)
        problems.append(Problem("multiple-documents", Span.point(start.line, start.column)))
    root = documents[0]
    if kind(root) != "mapping":
        problems.append(Problem("root-not-mapping", node_span(root, line_starts), {"kind": kind(root)}))
        return LoadResult(None, problems, text, NOT_CHECKED_NOT_AN_ENTRY)

    if "&" in text or "*" in text:
        problems += anchors_and_aliases(text)
    data, places, found = build(root, line_starts)
    problems += found
    return LoadResult(Document(path, display_path, text, data, places, line_starts), problems, text)


def load_data(raw: bytes) -> Any:
    """Only the data of a file, without places and without problems: for entries that are read
    for the repo index alone. A file with any problem gives None (it is not indexed)."""
    try:
        text = raw.decode("utf-8-sig")
        if linescan.INVISIBLE.search(text):
            return None
        documents = compose(text)
    except (UnicodeDecodeError, ParseError, NestedTooDeep):
        return None
    if not documents or kind(documents[0]) != "mapping":  # like the full load: the first
        return None
    return data_of(documents[0])


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    return raw.count(b"\n", 0, offset) + 1, len(prefix) + 1
