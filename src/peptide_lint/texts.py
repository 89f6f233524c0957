"""Every string of an entry that a reader may see, with its class of text, and what backs a short text.

The schema classes each string (`x-text`, see EntrySchema.text_class): prose (long text with
citations), shown (a name, a headline, a label, a dose) or data (ids, vocabularies, titles and
authors of sources). The rules that judge what a text says (cure and safety claims, hype,
placeholders) read prose and shown text alike; the citation rules read prose. Text under a key the
schema does not know is read as the text it was meant to be, so a misspelling hides nothing.

A shown text cannot cite; the schema says where its claims are backed (`x-backed-by`): a story
step's headline by the step's body, a dose row by its `sources`, and so on.
"""

from __future__ import annotations

from typing import Any, Iterator

from .prose import citations
from .schema import PROSE, EntrySchema

Path_ = tuple


def reader_texts(document, schema: EntrySchema) -> list[tuple[Path_, str, str]]:
    """(path, text, class of text) for every string value of the entry, in the order of the file."""
    return document.memo("reader texts", lambda: classified_strings(document.data, schema))


def classified_strings(data: Any, schema: EntrySchema) -> list[tuple[Path_, str, str]]:
    """`reader_texts` of an entry's data alone (for entries read only for the repo index)."""
    found: list[tuple[Path_, str]] = []
    _strings(data, (), found)
    text_class = schema.text_class
    return [(path, text, text_class(path)) for path, text in found]


def texts(document, schema: EntrySchema, *classes: str) -> list[tuple[Path_, str]]:
    """(path, text) for every string value of the entry whose class of text is one of `classes`."""
    return document.memo(("texts", classes), lambda: [(path, text) for path, text, kind
                                                      in reader_texts(document, schema) if kind in classes])


def backing(document, schema: EntrySchema, path: Path_) -> list[tuple[Path_, Any]] | None:
    """The values that back the claims of the shown text at `path`, with their paths: the prose
    whose citations back it, or the source-id list (or source id) it rests on, as the schema names
    them. None when the schema names no backing for it (a name, a class: text that makes no claims
    of its own)."""
    declared = schema.backed_by(path)
    if declared is None:
        return None
    base, relatives = declared
    return [found for relative in relatives for found in _expand(document.get(base), relative, base)]


def backing_source_ids(document, schema: EntrySchema, path: Path_) -> set[str] | None:
    """The ids of the sources that back the shown text at `path` (see `backing`), or None."""
    values = backing(document, schema, path)
    if values is None:
        return None
    found: set[str] = set()
    for at, value in values:
        if isinstance(value, str) and schema.text_class(at) == PROSE:
            found.update(citation.id for citation in citations(value))
        elif isinstance(value, str):
            found.add(value)  # a source id: the text describes that source
        elif isinstance(value, list):
            found.update(item for item in value if isinstance(item, str))
    return found


def _strings(value: Any, path: Path_, found: list[tuple[Path_, str]]) -> None:
    """Add (path, text) for every string at or below `value` to `found`, in the order of the file.
    (A plain recursion: a generator's `yield from` through every level of nesting cost more than
    the walk itself.)"""
    if isinstance(value, str):
        found.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                found.append((path + (key,), item))
            elif isinstance(item, (dict, list)):
                _strings(item, path + (key,), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                found.append((path + (index,), item))
            elif isinstance(item, (dict, list)):
                _strings(item, path + (index,), found)


def _expand(value: Any, relative: tuple, path: Path_) -> Iterator[tuple[Path_, Any]]:
    """The values at `relative` ("*" for every list item) below `value`, which stands at `path`."""
    if not relative:
        yield path, value
        return
    step, rest = relative[0], relative[1:]
    if step == "*":
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield from _expand(item, rest, path + (index,))
    elif isinstance(value, dict) and step in value:
        yield from _expand(value[step], rest, path + (step,))
