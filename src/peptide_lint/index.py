"""The repo index: the few facts about every entry that rules comparing entries need.

It holds summaries, not documents, so its size grows with the number of entries but stays small,
and every lookup is a dictionary access: checks across entries cost the same per entry at any size.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .patterns import regex
from .findings import FILE_START, Span
from .document import value_at
from .loader import load_file
from .prose import sentence_fingerprints
from .schema import DATA
from .texts import classified_strings, reader_texts

if TYPE_CHECKING:
    from .document import Document
    from .schema import EntrySchema

IDENTIFIER_KEYS = ("pmid", "doi", "nct")
_SHARERS_KEPT = 3  # entries kept per shared sentence: enough to name the others of any one of them


class CitedWork(NamedTuple):
    """One source as an entry lists it, keyed by one of its identifiers."""

    entry: str  # the entry's display path
    source_id: str
    title: Any
    year: Any
    authors: Any

    @property
    def description(self) -> int:
        return hash((repr(self.title), repr(self.year), repr(self.authors)))


class Located(NamedTuple):
    """A value of an entry with the place it was written."""

    value: str
    span: Span


class EntrySummary(NamedTuple):
    """What the rules across entries need to know of one entry: what the repo index keeps of it."""

    path: str  # display path
    slug: Located | None = None
    name: Located | None = None
    related: tuple[Located, ...] = ()
    works: tuple[tuple[tuple[str, str], CitedWork, Span], ...] = ()
    # The fingerprints of its sentences of prose and shown text that are long enough to compare.
    sentences: tuple[int, ...] = ()
    # The texts that must name the entry's own peptide, for the rule that compares them with the
    # other entries' names. Kept for checked files; entries read only for the index do not need them.
    lede: str | None = None
    full_name: str | None = None


def summarize(document: Document, schema: EntrySchema) -> EntrySummary:
    """The entry's facts for the index, each with its place in the file (for findings about it)."""
    return summarize_data(document.display_path, document.data, schema, document.span,
                          reader_texts(document, schema))


def summarize_data(path: str, data: Any, schema: EntrySchema, span_of=lambda at: FILE_START,
                   strings: list[tuple[tuple, str, str]] | None = None) -> EntrySummary:
    """The entry's facts from its data alone. Without `span_of`, places are the file's start: enough
    for an entry that is only in the index, whose own findings are not reported. `strings` are its
    texts as texts.reader_texts gives them, when the rules read them already."""
    if not isinstance(data, dict):
        return EntrySummary(path)

    def located(at: tuple) -> Located | None:
        value = value_at(data, at)
        return Located(value, span_of(at)) if isinstance(value, str) else None

    related = data.get("related")
    related_items = tuple(item for i in range(len(related) if isinstance(related, list) else 0)
                          if (item := located(("related", i))) is not None)
    works = []
    sources = data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        for key in IDENTIFIER_KEYS:
            value = source.get(key)
            if isinstance(value, str) and value.strip():
                work = CitedWork(path, str(source.get("id")), *(_as_written(source.get(field))
                                                                for field in ("title", "year", "authors")))
                works.append(((key, _normal(key, value)), work, span_of(("sources", index, key))))
    strings = strings if strings is not None else classified_strings(data, schema)
    fingerprints = dict.fromkeys(number for _, text, kind in strings if kind != DATA
                                 for number, _ in sentence_fingerprints(text))
    lede, full_name = data.get("lede"), data.get("full_name")
    return EntrySummary(path, located(("slug",)), located(("name",)), related_items, tuple(works),
                        tuple(fingerprints), lede if isinstance(lede, str) else None,
                        full_name if isinstance(full_name, str) else None)


def _as_written(value: Any) -> Any:
    """The value with dates as the text they were written as: the index compares what editors
    wrote, and keeps only data that JSON can hold, for the cache."""
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    return value if value is None or isinstance(value, (str, int, float)) else str(value)


def name_key(name: str) -> str:
    """Names that differ only in case or spacing are the same name."""
    return " ".join(name.split()).casefold()


_NAME_WORDS = 4  # a peptide's name is at most this many words
_NAME_TOKEN = regex(r"\w(?:[\w.+-]*\w)?")


def names_in(text: str) -> set[str]:
    """Every run of up to four words of `text`, as name keys: what it could name.
    ("Not one peptide" -> "not", "not one", "not one peptide", "one", "one peptide", "peptide".)"""
    words = [match.group().casefold() for match in _NAME_TOKEN.finditer(text)]  # "BPC-157's" -> "bpc-157", "s"
    return {" ".join(words[start:end]) for start in range(len(words))
            for end in range(start + 1, min(start + _NAME_WORDS, len(words)) + 1)}


def named_in(summary: EntrySummary) -> set[str]:
    """What the entry's lede and full name could name (see `names_in`)."""
    return set().union(*(names_in(text) for text in (summary.lede, summary.full_name) if text))


def work_key(key: tuple[str, str]) -> str:
    return f"{key[0]}:{key[1]}"


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _normal(key: str, value: str) -> str:
    # DOIs are case-insensitive by definition; PMIDs and NCT ids are not worth normalising beyond spaces.
    return value.strip().lower() if key == "doi" else value.strip()


class RepoIndex:
    """Every entry's summary, kept by what the rules across entries compare: slugs, names, cited works
    and sentences."""

    def __init__(self, cwd: Path | None = None, texts: dict[str, bytes] | None = None) -> None:
        self.cwd = cwd  # what display paths are relative to, for reading an entry again
        # The bytes a check was given for some files instead of theirs (an editor's unsaved
        # buffers), by display path: an entry read again is read as it was checked.
        self.texts = texts or {}
        self.reset()  # (which makes the index's other attributes, empty)

    def reset(self) -> None:
        """Forget every entry (a run that has to read them all again)."""
        self.slugs: dict[str, list[str]] = defaultdict(list)
        self.names: dict[str, list[str]] = defaultdict(list)
        # identifier -> each distinct description (title, year, authors) -> the entries giving it. Kept
        # by description so that comparing one listing with the others costs the number of distinct
        # descriptions (one or two), not the number of entries citing the work.
        self.works: dict[tuple[str, str], dict[int, list[CitedWork]]] = defaultdict(lambda: defaultdict(list))
        # sentence fingerprint -> the entry having it, or the first few entries by path when several do
        # (a plain path for the usual unique sentence: it keeps the index small in a big repo).
        self.sentences: dict[int, str | list[str]] = {}
        self.paths: set[str] = set()
        self.known_slugs: set[str] = set()
        self._deletions: dict[str, set[str]] | None = None  # built on the first typo lookup

    def add(self, summary: EntrySummary) -> None:
        if summary.path in self.paths:
            return
        self.paths.add(summary.path)
        if summary.slug:
            self.slugs[summary.slug.value].append(summary.path)
            self._deletions = None
        if summary.name:
            self.names[name_key(summary.name.value)].append(summary.path)
        for key, work, _ in summary.works:
            listings = self.works[key][work.description]
            # Two listings from two entries are all a comparison needs; the first two by path, so
            # that the entry a finding names does not depend on the order entries were read in.
            if len(listings) < 2 or work.entry < listings[-1].entry:
                listings.append(work)
                listings.sort(key=lambda listing: listing.entry)
                del listings[2:]
        for number in summary.sentences:
            having = self.sentences.get(number)
            if having is None:
                self.sentences[number] = summary.path
            elif isinstance(having, str):
                self.sentences[number] = sorted((having, summary.path))
            elif summary.path < having[-1] or len(having) < _SHARERS_KEPT:
                having.append(summary.path)
                having.sort()
                del having[_SHARERS_KEPT:]

    def add_known_slugs(self, slugs) -> None:
        """Slugs of entries whose other facts cannot matter to this run (see index_store): enough
        to say whether a slug exists and which slugs are close to it."""
        self.known_slugs.update(slugs)
        self._deletions = None

    def others_with_sentence(self, number: int, path: str) -> list[str]:
        """The other entries (the first few by path) that have the sentence with this fingerprint."""
        having = self.sentences.get(number)
        if having is None:
            return []
        return [p for p in ([having] if isinstance(having, str) else having) if p != path]

    def load(self, shown: str) -> Document | None:
        """An entry of the index read again in full, for the rare finding that needs the exact place
        of something the summary only fingerprints."""
        return load_file((self.cwd or Path.cwd()) / shown, shown, self.texts.get(shown)).document

    def has_slug(self, slug: str) -> bool:
        return bool(self.slugs.get(slug)) or slug in self.known_slugs

    def other_paths_with_slug(self, slug: str, path: str) -> list[str]:
        return sorted(p for p in self.slugs.get(slug, []) if p != path)

    def other_paths_with_name(self, name: str, path: str) -> list[str]:
        return sorted(p for p in self.names.get(name_key(name), []) if p != path)

    def similar_slugs(self, slug: str) -> list[str]:
        """Slugs one typo away from `slug` (a letter added, dropped, changed or two swapped).

        Found through the slugs' one-letter deletions, so that a lookup costs the length of the
        slug, not the number of entries (the symmetric-delete method)."""
        if self._deletions is None:
            self._deletions = defaultdict(set)
            for known in self.slugs.keys() | self.known_slugs:
                for variant in _deletions(known):
                    self._deletions[variant].add(known)
        found: set[str] = set()
        for variant in _deletions(slug.lower()):
            found |= self._deletions.get(variant, set())
        return sorted(found)

    def differing_listings(self, key: str, value: str, work: CitedWork) -> list[CitedWork]:
        """One listing per other description of the same work, from entries other than `work`'s."""
        found = []
        for description, listings in self.works.get((key, _normal(key, value)), {}).items():
            if description != work.description:
                other = next((w for w in listings if w.entry != work.entry), None)
                if other is not None:
                    found.append(other)
        return sorted(found, key=lambda listing: listing.entry)
