"""Write a synthetic content repo shaped like the real one, for benchmarks.

    python bench/generate.py --out DIR --entries N [--seed S] [--invalid-share P]

Every entry is made up ("Benchpeptide-00042", sources "Benchauthor A et al.", DOIs under the
unused prefix 10.99999/): the numbers in it are not doses of anything. Entries have the sections,
story, dose rows, serious risks, sources, comments, folded blocks and citations of
entries/cerebrolysin.yaml, 2 to 6 KB each. Valid entries pass every rule; with --invalid-share P, that
share of the entries (chosen from the seed) carries one violation each. The same arguments always
write the same bytes.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AREAS = ["neuro-longevity", "healing-recovery", "metabolic", "growth-hormone", "skin-hair", "immune",
         "sexual-health", "sleep-mood"]
WORDS = ["signalling", "tissue", "receptor", "pathway", "fragment", "sequence", "course", "cycle",
         "volunteers", "recovery", "marker", "cohort", "protocol", "synthetic", "compound", "model"]
FRAMING = [
    "It is a made-up compound that exists only in this benchmark.",
    "Its name and every number in this entry are invented for measuring the checker.",
    "Read this entry as a fixture, not as a description of anything real.",
    "The text below follows the shape of a real page without its content.",
    "Nothing in this paragraph describes a real substance or a real person.",
]
VIOLATIONS = ["missing-confidence", "unknown-citation", "misspelled-key", "quoted-year", "placeholder-caveat",
              "uncited-number", "bad-indentation", "duplicate-key", "slug-mismatch"]


def folded(key: str, text: str, indent: int = 0) -> str:
    pad = " " * indent
    body = textwrap.fill(text, width=96, initial_indent=pad + "  ", subsequent_indent=pad + "  ",
                         break_on_hyphens=False, break_long_words=False)
    return f"{pad}{key}: >-\n{body}\n"


class Entry:
    def __init__(self, number: int, total: int, rng: random.Random) -> None:
        self.n, self.rng = number, rng
        self.slug = f"benchpeptide-{number:05d}"
        self.name = f"Benchpeptide-{number:05d}"
        self.total = total
        self.sources = self._sources()

    def _sources(self) -> list[dict]:
        rng = self.rng
        count = rng.randint(3, 7)
        sources = []
        for j in range(count - 1):
            kind = "human-rct" if j == 0 else rng.choice(["human-rct", "human-study", "review", "animal", "in-vitro"])
            year = rng.randint(1990, 2024)
            surname = f"Benchauthor{chr(65 + (self.n + j) % 26)}"
            sources.append({
                "id": f"{surname.lower()}-{year}-{j}", "authors": f"{surname} A et al.", "year": year, "type": kind,
                "title": f"A synthetic {kind.replace('-', ' ')} of {self.name} number {j + 1}",
                "venue": "J Synthetic Bench", "funding": "independent" if j == 0 else rng.choice(
                    ["independent", "sponsored", "mixed", "not-stated"]),
                "note": f"synthetic; benchmark source {j + 1}", "doi": f"10.99999/bench.{self.n}.{j}"})
        sources.append({"id": f"bench-community-{self.n}", "type": "community",
                        "title": f"Synthetic community reports on {self.name}", "funding": "not-stated",
                        "note": "made-up user reports for the benchmark"})
        return sources

    def cite(self, index: int | None = None) -> str:
        source = self.sources[index if index is not None else self.rng.randrange(len(self.sources))]
        return f"[@{source['id']}]"

    def claim(self) -> str:
        rng = self.rng
        word = rng.choice(WORDS)
        templates = [
            f"One synthetic trial found a small change in {word} markers {self.cite(0)}.",
            f"Users report taking it in {rng.randint(2, 9)}-week blocks {self.cite(-1)}.",
            f"A synthetic study observed {rng.randint(5, 40)} % more {word} activity {self.cite(0)}.",
            f"The reported effect on {word} was small and inconsistent {self.cite(0)}.",
        ]
        return rng.choice(templates)

    def paragraph(self, sentences: int) -> str:
        rng = self.rng
        return " ".join(rng.choice(FRAMING) if rng.random() < 0.4 else self.claim() for _ in range(sentences))

    def text(self) -> str:
        rng = self.rng
        rows = self.rows()
        risks = self.risks()
        caveat = ("Only synthetic evidence exists " + self.cite(0) + ". " +
                  (f"A rare {risks[0]['risk'].lower()} is documented {self.cite(0)}." if risks else
                   f"No serious risk is known in this made-up entry {self.cite(0)}."))
        related = sorted({f"benchpeptide-{rng.randrange(self.total):05d}" for _ in range(rng.randint(0, 3))} - {self.slug})
        parts = [
            "# yaml-language-server: $schema=../schema/entry.schema.json\n",
            f"# Synthetic benchmark entry {self.n}: every name, source and number is made up.\n",
            f"slug: {self.slug}\n", f"name: {self.name}\n", f"full_name: {self.name} (synthetic benchmark compound)\n",
            "class: Synthetic benchmark peptide\n", f"area: {rng.choice(AREAS)}\n", "evidence: clinical\n",
            folded("lede", self.paragraph(3)),
            f"standard_dose: {rows[0]['value']}\n",
            folded("caveat", caveat),
            folded("what_it_is", self.paragraph(rng.randint(3, 6))),
            folded("mechanism", self.paragraph(rng.randint(2, 5))),
            "story:\n  caption: a benchmark, not a drug\n  steps:\n",
        ]
        for step in range(rng.randint(3, 6)):
            parts.append(f"    - label: step {step + 1}\n      headline: A synthetic step number {step + 1}.\n")
            parts.append(folded("body", self.paragraph(2), indent=6))
        parts.append("  result:\n    headline: Nothing real.\n")
        parts.append(folded("body", self.paragraph(1), indent=4))
        parts.append("dosing:\n  rows:\n")
        for row in rows:
            parts.append(f"    - label: {row['label']}\n      value: {row['value']}\n"
                         f"      confidence: {row['confidence']}\n      sources: [{row['source']}]\n")
        parts.append(folded("notes", self.paragraph(2), indent=2))
        parts.append("safety:\n")
        parts.append(folded("summary", self.paragraph(2) + f" Mild headache was reported {self.cite(0)}.", indent=2))
        if risks:
            parts.append("  serious_risks:\n")
            for risk in risks:
                parts.append(f"    - risk: {risk['risk']}\n      frequency: rare\n      sources: [{self.sources[0]['id']}]\n")
        else:
            parts.append("  serious_risks: []\n")
        parts.append(folded("stacking", "Nothing is stacked with it in this made-up entry."))
        if related:
            parts.append(f"related: [{', '.join(related)}]\n")
        everything = " ".join(f"[@{s['id']}]" for s in self.sources)
        parts.append(folded("evidence_summary", f"The sources listed below are synthetic {everything}. "
                            + self.paragraph(2)))
        parts.append("sources:\n")
        for source in self.sources:
            parts.append(f"  - id: {source['id']}\n")
            for key in ("authors", "year", "type", "title", "venue", "funding", "note", "doi"):
                if key in source:
                    parts.append(f"    {key}: {source[key]}\n")
        return "".join(parts)

    def rows(self) -> list[dict]:
        rng = self.rng
        low = rng.randint(1, 5)
        rows = [{"label": "Common course", "value": f"{low}–{low * 2} mg per day for {rng.randint(2, 8)} weeks",
                 "confidence": "clinical", "source": self.sources[0]["id"]}]
        for k in range(rng.randint(2, 5)):
            rows.append({"label": f"Row {k + 2}", "value": f"~{rng.randint(1, 9)} mL in {rng.randint(2, 6)}-day courses",
                         "confidence": "community", "source": self.sources[-1]["id"]})
        return rows

    def risks(self) -> list[dict]:
        return [{"risk": "Synthetic rash"}] if self.rng.random() < 0.7 else []


def break_entry(text: str, violation: str, slug: str) -> str:
    """One realistic mistake, as an editor would make it."""
    if violation == "missing-confidence":
        return text.replace("      confidence: community\n", "", 1)
    if violation == "unknown-citation":
        return text.replace("[@bench-community-", "[@bench-comunity-", 1)
    if violation == "misspelled-key":
        return text.replace("\nmechanism: >-", "\nmechansim: >-", 1)
    if violation == "quoted-year":
        return re.sub(r"(\n    year: )(\d+)", r'\1"\2"', text, count=1)
    if violation == "placeholder-caveat":
        return re.sub(r"caveat: >-\n(?:  .*\n)+", "caveat: TODO\n", text, count=1)
    if violation == "uncited-number":
        return text.replace("\nstacking: >-\n  ", "\nstacking: >-\n  About 30 users stack it with nothing. ", 1)
    if violation == "bad-indentation":
        return text.replace("\n    year: ", "\n   year: ", 1)
    if violation == "duplicate-key":
        return text.replace("\nclass: ", "\nname: Another name\nclass: ", 1)
    if violation == "slug-mismatch":
        return text.replace(f"slug: {slug}\n", f"slug: {slug}-old\n", 1)
    raise ValueError(violation)


def generate(out: Path, entries: int, seed: int = 1, invalid_share: float = 0.0) -> list[Path]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "schema").mkdir(parents=True)
    shutil.copy2(ROOT / "schema" / "entry.schema.json", out / "schema" / "entry.schema.json")
    (out / "entries").mkdir()
    invalid = set(rng.sample(range(entries), round(entries * invalid_share)))
    paths = []
    for number in range(entries):
        entry = Entry(number, entries, random.Random(f"{seed}-{number}"))
        text = entry.text()
        if number in invalid:
            text = break_entry(text, VIOLATIONS[number % len(VIOLATIONS)], entry.slug)
        path = out / "entries" / f"{entry.slug}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.0)
    args = parser.parse_args()
    if not 0 <= args.invalid_share <= 1 or args.entries < 1:
        parser.error("--entries must be at least 1 and --invalid-share between 0 and 1")
    generate(args.out, args.entries, args.seed, args.invalid_share)
    print(f"wrote {args.entries} entries to {args.out / 'entries'}")


if __name__ == "__main__":
    main()
