"""How messages name the parts of an entry, in an editor's words.

A list item is named by its schema title and its label key (`x-label-key` in the schema): the dose
row labelled Route is `dose row "Route"`, the source with id doe-2001 is `source "doe-2001"`.
"""

from __future__ import annotations

from typing import Any

from .document import Timestamp, value_at
from .schema import EntrySchema


def thing(schema: EntrySchema, data: Any, path: tuple) -> str:
    """What the mapping or list item at `path` is called: 'the entry', 'dose row "Route"', ..."""
    if not path:
        return "the entry"
    node = schema.at(path) or {}
    value = value_at(data, path)
    if isinstance(path[-1], int):
        title = node.get("title")
        label_key = node.get("x-label-key")
        label = value.get(label_key) if isinstance(value, dict) and label_key else None
        if title and isinstance(label, str) and label.strip():
            return f'{title.lower()} "{_clip(label)}"'
        if title:
            return f"{title.lower()} {path[-1] + 1}"
        # A list where the schema has none (a caveat written as a list): say whose item it is.
        return f"item {path[-1] + 1} of {field(schema, data, path[:-1])}"
    return field(schema, data, path)


def field(schema: EntrySchema, data: Any, path: tuple) -> str:
    """What the value at `path` is called: 'caveat', 'confidence of dose row "Route"', ..."""
    if not path:
        return "the entry"
    if isinstance(path[-1], int):
        return thing(schema, data, path)
    if len(path) == 1:
        return path[0]
    return f"{path[-1]} of {thing(schema, data, path[:-1])}"


def show(value: Any) -> str:
    """A value as the editor wrote it, for quoting in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return "a list" if isinstance(value, list) else "a group of keys"
    if isinstance(value, Timestamp):
        return value.text
    return f'"{_clip(str(value))}"' if isinstance(value, str) else str(value)


def with_title(value: Any, title: str | None) -> str:
    """A vocabulary value with its title where that says more than the value's own words:
    "metabolic (Metabolic & weight)", but "human-rct" for Human RCT."""
    bare = show(value).strip('"')

    def words(text: str) -> str:
        return " ".join(text.replace("-", " ").casefold().split())
    return f"{bare} ({title})" if title and words(title) != words(bare) else bare


def one_of(values: list[Any]) -> str:
    return ", ".join(show(v).strip('"') for v in values)


def listing(items: list[str], shown: int = 3) -> str:
    """A few items and how many more: "a.yaml, b.yaml, c.yaml and 997 others". A message stays one
    readable line however many entries share a name."""
    if len(items) <= shown + 1:
        return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
    return f"{', '.join(items[:shown])} and {len(items) - shown} others"


def excerpt(text: str, limit: int = 50) -> str:
    """`text` as a hint quotes it: past `limit` characters, cut at a word and marked with "..."."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "..."


def closest(word: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The candidate `word` most likely misspells, for a "did you mean": the one that differs from it
    only in case and look-alike characters (`PL2O1` for PL201, `bpc-l57` for bpc-157), else the one
    whose first words it is (`hype` for hype-words), else the one difflib finds closest, at a
    likeness of `cutoff` (0 to 1) or more. None when none is close, or when two are equally close:
    among numbered slugs a typo is as near to several of them, and a suggestion must be one guess."""
    folds = {candidate: _folded(candidate) for candidate in candidates}
    folded = _folded(word)
    alike = [candidate for candidate, fold in folds.items() if fold == folded]
    if len(alike) == 1:
        return alike[0]
    # The first words of one name ("hype" for hype-words), which difflib finds too short to be close.
    starting = [candidate for candidate, fold in folds.items() if len(folded) >= 3 and fold.startswith(folded)
                and fold[len(folded):][:1] in ("-", "_", " ")]
    if len(starting) == 1:
        return starting[0]
    import difflib  # only needed once something is misspelled
    matches = difflib.get_close_matches(word, list(folds), n=2, cutoff=cutoff)
    if len(matches) == 2 and _likeness(word, matches[0]) == _likeness(word, matches[1]):
        return None
    return matches[0] if matches else None


_LOOKALIKES = str.maketrans("oil", "011")  # after casefold: O and 0, I, l and 1 are read alike


def _folded(word: str) -> str:
    return word.casefold().translate(_LOOKALIKES)


def _likeness(word: str, candidate: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, word, candidate).ratio()


def only_close_match(word: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The one candidate close to `word` (as `closest` judges), or None when none or several are:
    a fix that guesses must have one guess to make."""
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=2, cutoff=cutoff)
    return matches[0] if len(matches) == 1 else None


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

