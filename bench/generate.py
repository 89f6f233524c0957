"""Write a synthetic content repo shaped like the real one, for benchmarks.

    python bench/generate.py --out DIR --entries N [--seed S] [--invalid-share P]

DIR gets schema/entry.schema.json (a copy of this repo's schema), a small pyproject.toml that
configures peptide-lint, entries/benchpeptide-NNNNN.yaml, and .bench-corpus.json (the arguments,
the generator's version and which entries were broken how). An existing DIR is replaced only if it
is empty or was written by this script.

Everything in the entries is made up: names ("Benchpeptide-00042"), authors ("Benchkalo R et al."),
sources (DOIs under the unused prefix 10.99999/, addresses under example.org, never a PMID), numbers
and findings. The shape is that of entries/cerebrolysin.yaml: the modeline comment first, comments
between sections, folded blocks (`>-`, some with two paragraphs), a story with figure labels and
steps, 3 to 6 dose rows (confidence, review status, a beyond-the-standard-dose row, now and then a
suppressed finding), serious risks named in the caveat, 3 to 7 sources (some shared between entries,
as real reviews are), Pandoc citations in the prose, related entries; about 2 to 6 KB each. The
sentences are put together from slots, so that almost no two are alike (real prose does not repeat
either, and caches must not flatter the checker).

Valid entries pass every rule of `peptide-lint check`. With --invalid-share P, round(N * P) entries,
chosen from the seed, carry one violation each, cycling through VIOLATIONS in an order chosen from
the seed. The same arguments always write the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "entry.schema.json"
MANIFEST = ".bench-corpus.json"

# Each violation: one realistic mistake as an editor would make it, as a regular expression and its
# replacement, applied once.
EDITS = {
    "missing-confidence": (r"\n      confidence: \w+\n", "\n"),
    "unknown-citation": (r"@community-reports", "@community-reprots"),
    "misspelled-key": (r"\nmechanism: >-", "\nmechansim: >-"),
    "quoted-year": (r"(\n    year: )(\d+)", r'\1"\2"'),
    "placeholder-caveat": (r"\ncaveat: >-\n(?:  .*\n)+", "\ncaveat: TODO\n"),
    "uncited-number": (r"\nmechanism: >-\n  ", "\nmechanism: >-\n  About 30 volunteers stopped within a week. "),
    "bad-indentation": (r"\n    year: ", "\n   year: "),
    "duplicate-key": (r"\nclass: ", "\nname: Another name\nclass: "),
    "slug-mismatch": (r"\nslug: ([a-z0-9-]+)\n", r"\nslug: \1-old\n"),
}
VIOLATIONS = list(EDITS)

AREAS = ["neuro-longevity", "healing-recovery", "metabolic", "growth-hormone", "skin-hair", "immune",
         "sexual-health", "sleep-mood"]
# Words for the slots of the sentences. Every sentence long enough for copied-text to compare names
# its entry, as two real pages share no text. Framing sentences (no citation) use only FRAME_NOUNS and
# words of their templates, none of which is a claim signal of peptide-lint (tests/test_bench.py
# checks that); claim sentences always carry a citation.
# Headlines spell out their numbers: a number in a headline is a claim its step must source.
STEP_WORDS = ["one", "two", "three"]
FRAME_NOUNS = ["tissue", "receptor", "pathway", "fragment", "sequence", "membrane", "enzyme", "signal",
               "messenger", "gradient", "channel", "binding site", "turnover", "uptake", "clearance",
               "repair", "growth", "sleep", "appetite", "focus", "mood", "recovery", "collagen", "tendon",
               "muscle", "skin", "memory", "cartilage", "gut lining", "hair follicle", "nerve", "joint"]
ADJECTIVES = ["small", "modest", "slight", "measurable", "short-lived", "variable", "dose-dependent",
              "transient", "gradual", "partial", "local", "delayed", "uneven", "brief"]
SYLLABLES = ["ka", "lo", "mi", "ren", "tor", "vas", "zel", "dun", "pe", "sa", "qui", "bor", "nal", "fen",
             "gri", "hu", "jo", "ux", "wy", "ob"]
RISKS = ["Synthetic rash", "Made-up injection-site nodule", "Fictional allergic reaction",
         "Invented blood-pressure drop", "Synthetic liver-enzyme rise", "Imaginary fluid retention"]
VENUES = ["J Synthetic Bench", "Bench Rep", "Made-up Med J", "Fictional Pept Res", "Synth Clin Bench"]
HUMAN_TYPES = ["human-rct", "human-study", "review", "meta-analysis", "case-report"]
LAB_TYPES = ["animal", "in-vitro"]

FRAMING = [
    "{name} is a made-up compound that exists only to exercise the checker on {noun} and {noun2} text.",
    "The name {name} and every figure on this page are invented, so nothing here describes a real {noun}.",
    "Read this section on {name} as a fixture: it has the shape of a real page about {noun}, not its content.",
    "The {noun} framing of {name} below follows how real pages are written, with made-up details.",
    "Nothing in this paragraph on {name} describes a real substance, a real {noun} or a real person.",
    "That is why the page frames {name} as a tool for {noun} rather than a daily driver.",
    "The page on {name} is the kind where {noun} and {noun2} sit side by side — on purpose.",
    "Writers of the real pages keep {noun} apart from {noun2}, and this synthetic page on {name} does the same.",
]
CLAIMS = [
    "One synthetic trial of {name} in {n} volunteers found a {adj} change in {noun} markers {cite}.",
    "A made-up {kind} of {name} observed {n} % more {noun} activity after {m} weeks {cite}.",
    "The reported effect of {name} on {noun} was {adj} and inconsistent across the synthetic trials {cite}.",
    "{author} et al. found no clear change in {noun} with {name} at the doses studied {cite}.",
    "Headache and {noun} soreness were the most frequent complaints about {name} in one synthetic cohort {cite}.",
    "Two synthetic reviews disagree on whether the {noun} signal of {name} is real {cite}.",
    "In one invented study of {name}, {noun} scores rose by ~{n} points over {m} days {cite}.",
    "The benefit of {name} on {noun} faded within {m} weeks of stopping in the only made-up trial {cite}.",
]
# Claims that cite only animal or cell work say so, as a careful page does (source-cannot-carry-claim).
LAB_CLAIMS = [
    "In one synthetic rat study of {name}, {noun} markers changed by {n} % after {m} weeks {cite}.",
    "In cultured cells, {name} gave a {adj} change in {noun} signalling {cite}.",
    "A made-up mouse experiment saw {adj} {noun} changes with {name} over {m} days {cite}.",
    "Rats given {name} showed a {adj} shift in {noun} activity, which no human work has tested {cite}.",
]
COMMUNITY_CLAIMS = [
    "Users report running {name} in {m}-week blocks, with {noun} the most-repeated theme {cite}.",
    "Community accounts describe a {adj} change in {noun} within ~{n} days of starting {name} {cite}.",
    "People report splitting the daily dose of {name} when {noun} feels off {cite}.",
    "The most-reported complaint about {name} is {adj} {noun} discomfort in the first week {cite}.",
]


def generator_version() -> str:
    """Changes whenever this script or the schema it copies changes (run.py regenerates then)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + SCHEMA.read_bytes())
    return digest.hexdigest()[:16]


def folded(key: str, paragraphs: list[str], indent: int = 0) -> str:
    """`key: >-` and the text wrapped under it; a blank line between paragraphs."""
    pad = " " * (indent + 2)
    wrapped = [textwrap.fill(p, width=98, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False,
                             break_long_words=False) for p in paragraphs]
    return f"{' ' * indent}{key}: >-\n" + "\n\n".join(wrapped) + "\n"


def surname(rng: random.Random) -> str:
    return "Bench" + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def shared_pool(rng: random.Random, size: int) -> list[dict]:
    """Reviews that several entries list, identically (as real pages share a Cochrane review)."""
    pool = []
    for k in range(size):
        name = surname(rng)
        year = rng.randint(1995, 2024)
        pool.append({"id": f"{name.lower()}-{year}", "authors": f"{name} {rng.choice('ABCDEFGHJKLMNPRST')} et al.",
                     "year": year, "type": "review", "title": f"A synthetic review of bench peptides, part {k + 1}",
                     "venue": "Bench Syst Rev", "funding": "independent",
                     "note": "synthetic; listed by several entries", "doi": f"10.99999/bench-shared.{k:04d}",
                     "shared": True})
    return pool


class Entry:
    """One synthetic entry; `text()` writes it."""

    def __init__(self, number: int, rng: random.Random, related_pool: list[int], shared: list[dict]) -> None:
        self.n, self.rng = number, rng
        self.slug = f"benchpeptide-{number:05d}"
        self.name = f"Benchpeptide-{number:05d}"
        self.clinical = rng.random() < 0.85  # else a preclinical entry: lab sources only, community rows
        self.cited: list[str] = []
        self.sources = self._sources(shared)
        self.community = self.sources[-1]["id"]
        self.risks = rng.sample(RISKS, rng.choice([0, 1, 1, 1, 2]))
        count = rng.randint(0, 3)
        picks = [rng.choice(related_pool) for _ in range(count)] if related_pool else []
        self.related = sorted({k for k in picks if k != number})

    # --- sources and citations -------------------------------------------------------------------

    def _sources(self, shared: list[dict]) -> list[dict]:
        rng = self.rng
        count = rng.choice([3, 3, 4, 4, 5, 5, 6, 7])
        sources: list[dict] = []
        ids = set()
        for j in range(count - 1):
            if j == 0:
                kind = rng.choice(["human-rct", "human-study", "review"]) if self.clinical else rng.choice(LAB_TYPES)
            else:
                kind = rng.choice(HUMAN_TYPES + LAB_TYPES if self.clinical else LAB_TYPES)
            if j > 0 and shared and self.clinical and rng.random() < 0.35:
                pick = rng.choice(shared)
                if pick["id"] not in ids:
                    sources.append(pick)
                    ids.add(pick["id"])
                    continue
            name = surname(rng)
            year = rng.randint(1990, 2024)
            source_id = f"{name.lower()}-{year}"
            while source_id in ids:
                source_id += rng.choice("abcdefgh")
            ids.add(source_id)
            source = {"id": source_id, "authors": f"{name} {rng.choice('ABCDEFGHJKLMNPRST')} et al.", "year": year,
                      "type": kind, "funding": "independent" if j == 0 else rng.choice(
                          ["independent", "sponsored", "mixed", "not-stated"])}
            noun = rng.choice(FRAME_NOUNS)
            source["title"] = (f'"{self.name} and {noun}: a synthetic {kind.replace("-", " ")}"' if rng.random() < 0.3
                               else f"A synthetic {kind.replace('-', ' ')} of {self.name} on {noun}")
            if rng.random() < 0.5:
                source["venue"] = rng.choice(VENUES)
            source["note"] = rng.choice([f"synthetic; {rng.choice(ADJECTIVES)} change", f"made up; {noun} only",
                                         f"invented, {rng.randint(12, 400)} people"])
            if rng.random() < 0.85:
                source["doi"] = f"10.99999/bench.{self.n:05d}.{j}"
            else:
                source["url"] = f"https://example.org/bench/{self.slug}/{j}"
            sources.append(source)
        sources.append({"id": "community-reports", "type": "community",
                        "title": f"Synthetic community reports on {self.name}", "funding": "not-stated",
                        "note": [f"Made-up user reports for the benchmark: what the page says about {self.name}’s "
                                 "community use rests on these. Not a published study."]})
        return sources

    def cite(self, ids: list[str]) -> str:
        self.cited += ids
        return "[" + "; ".join(f"@{i}" for i in ids) + "]"

    def cite_claim(self) -> tuple[str, bool]:
        """One or two sources, at least one of them independent or mixed (an effect claim whose only
        other source beside a sponsored one is of unstated funding is a rule of its own); and whether
        any of them is a study in people."""
        rng = self.rng
        papers = self.sources[:-1]
        unsponsored = [s for s in papers if s["funding"] in ("independent", "mixed")]
        chosen = [rng.choice(unsponsored)]
        if rng.random() < 0.35:
            other = rng.choice(papers)
            if other is not chosen[0]:
                chosen.append(other)
        return self.cite([s["id"] for s in chosen]), any(s["type"] in HUMAN_TYPES for s in chosen)

    # --- prose -----------------------------------------------------------------------------------

    def slots(self) -> dict:
        rng = self.rng
        noun, noun2 = rng.sample(FRAME_NOUNS, 2)
        author = self.sources[0]["authors"].split()[0] if "authors" in self.sources[0] else "Benchkalo"
        return {"name": self.name, "noun": noun, "noun2": noun2, "adj": rng.choice(ADJECTIVES),
                "n": rng.randint(6, 240), "m": rng.randint(2, 16), "kind": rng.choice(["study", "trial", "cohort"]),
                "author": author}

    def sentence(self, framing_share: float = 0.35) -> str:
        rng = self.rng
        slots = self.slots()
        if rng.random() < framing_share:
            return rng.choice(FRAMING).format(**slots)
        if rng.random() < 0.25:
            return rng.choice(COMMUNITY_CLAIMS).format(**slots, cite=self.cite([self.community]))
        cite, in_people = self.cite_claim()
        return rng.choice(CLAIMS if in_people else LAB_CLAIMS).format(**slots, cite=cite)

    def paragraph(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    # --- the entry -------------------------------------------------------------------------------

    def rows(self) -> list[dict]:
        rng = self.rng
        low = rng.randint(1, 5)
        first = {"label": "Common course", "value": f"{low}–{low * rng.randint(2, 3)} mg per day for "
                                                    f"{rng.randint(2, 12)} weeks"}
        if self.clinical:
            first.update(confidence="clinical", sources=[self.sources[0]["id"]])
        else:
            first.update(confidence="community", sources=[self.community])
        if rng.random() < 0.3:
            first["status"] = rng.choice(["proposed", "reviewed"])
        optional = [
            {"label": "Route", "value": rng.choice(["Subcutaneous; some report intramuscular",
                                                    "Intramuscular is most-reported; some use subcutaneous",
                                                    "Oral capsules; a few report nasal spray"])},
            {"label": "Cycle structure", "value": f"Run in {rng.randint(2, 8)}-week blocks, then "
                                                  f"{rng.randint(1, 4)}-week breaks"},
            {"label": "Lower / 'maintenance'", "value": f"~{rng.randint(1, 4)} mg every other day",
             "status": "proposed", "quoted": True},
            {"label": "Pushing higher", "value": "going beyond the standard dose", "beyond_standard": True},
            {"label": "Volume", "value": f"{rng.randint(1, 3)}–{rng.randint(4, 9)} mL per injection"},
            {"label": "Spray form", "value": f"{rng.randint(2, 4)} squirts per day",
             "comment": "# peptide-lint: ignore[dose-unit] -- a synthetic unit, spelled out on purpose"},
        ]
        chosen = sorted(rng.sample(range(len(optional)), rng.randint(2, 5)))
        rows = [first]
        for index in chosen:
            row = optional[index]
            row.update(confidence="community", sources=[self.community])
            rows.append(row)
        return rows

    def story(self) -> list[str]:
        rng = self.rng
        out = []
        if rng.random() < 0.5:
            out.append("# The illustrated story: captions are short, steps in page order.\n")
        out.append(f"story:\n  caption: a {rng.choice(FRAME_NOUNS)} story, not a drug\n")
        if rng.random() < 0.7:
            labels = [f"a {noun}" for noun in rng.sample(FRAME_NOUNS, rng.randint(2, 4))]
            labels.append(f'"made up: {rng.choice(FRAME_NOUNS)}"')
            out.append("  figure_labels:\n" + "".join(f"    - {label}\n" for label in labels))
        out.append("  steps:\n")
        for step in range(rng.randint(1, 3)):
            noun = rng.choice(FRAME_NOUNS)
            out.append(f"    - label: the {noun}\n      headline: Step {STEP_WORDS[step]}, about {noun}.\n")
            out.append(folded("body", [self.paragraph(1, 1)], indent=6))
        headline = rng.choice(["Nothing real.", "Made up, start to end.", "A fixture."])
        out.append(f"  result:\n    headline: {headline}\n")
        out.append(folded("body", [self.paragraph(1, 2)], indent=4))
        out.append("\n")
        return out

    def text(self) -> str:
        rng = self.rng
        rows = self.rows()
        out = [
            "# yaml-language-server: $schema=../schema/entry.schema.json\n",
            f"# Synthetic benchmark entry {self.n}: every name, source and number in it is made up.\n",
            f"slug: {self.slug}\n", f"name: {self.name}\n",
            f"full_name: {self.name} (synthetic benchmark compound)\n",
            f"class: {rng.choice(['Synthetic', 'Made-up', 'Fictional'])} {rng.choice(FRAME_NOUNS)} peptide\n",
            f"area: {rng.choice(AREAS)}\n",
            f"evidence: {'clinical' if self.clinical else 'preclinical'}\n\n",
            folded("lede", [self.paragraph(1, 3)]), "\n",
            # A note for editors goes above a dose: after it, it could be a part of the dose cut off.
            ("# the value of the first dose row\n" if rng.random() < 0.5 else "")
            + f"standard_dose: {rows[0]['value']}\n", "\n",
        ]
        caveat = f"Only synthetic evidence exists for {self.name} {self.cite([self.sources[0]['id']])}."
        if self.risks:
            named = " and ".join(f"a rare {risk.lower()}" for risk in self.risks)
            cite, in_people = self.cite_claim()
            seen = "made-up reports" if in_people else "made-up animal studies"
            caveat += f" {self.name} carries {named}, documented in {seen} {cite}."
        else:
            caveat += f" No serious risk of {self.name} is documented in this made-up entry {self.cite_claim()[0]}."
        out += [folded("caveat", [caveat]), "\n"]
        what = [" ".join(filter(None, [self.sentence(0.2), self.paragraph(0, 2), rng.choice(COMMUNITY_CLAIMS).format(
            **self.slots(), cite=self.cite([self.community]))]))]
        if rng.random() < 0.35:
            what.append(self.paragraph(1, 2))  # a second paragraph, after a blank line
        out += [folded("what_it_is", what), "\n", folded("mechanism", [self.paragraph(1, 2)]), "\n"]
        # the story (optional in the schema; most entries have one)
        if rng.random() < 0.75:
            out += self.story()
        # dosing
        if rng.random() < 0.5:
            out.append("# Dosing: every row carries a confidence label and its sources.\n")
        out.append("dosing:\n  rows:\n")
        for row in rows:
            label = f'"{row["label"]}"' if row.get("quoted") else row["label"]
            out.append(f"    - label: {label}\n")
            out.append(f"      value: {row['value']}" + (f"  {row['comment']}\n" if "comment" in row else "\n"))
            if "status" in row:
                out.append(f"      status: {row['status']}\n")
            if row.get("beyond_standard"):
                out.append("      beyond_standard: true\n")
            out.append(f"      confidence: {row['confidence']}\n      sources: [{', '.join(row['sources'])}]\n")
        notes = " ".join(filter(None, [self.paragraph(0, 1), rng.choice(COMMUNITY_CLAIMS).format(
            **self.slots(), cite=self.cite([self.community]))]))
        out += [folded("notes", [notes], indent=2), "\n"]
        # safety
        out.append("safety:\n")
        out.append(folded("summary", [self.paragraph(1, 2)], indent=2))
        if self.risks:
            out.append("  serious_risks:\n")
            for risk in self.risks:
                frequency = rng.choice(["rare", "rare but documented", "uncommon"])
                out.append(f"    - risk: {risk}\n      frequency: {frequency}\n"
                           f"      sources: [{self.sources[0]['id']}]\n")
        else:
            out.append("  serious_risks: []\n  risk_evidence: none-known\n")
        out.append("\n")
        if rng.random() < 0.8:
            partners = [f"Benchpeptide-{k:05d}" for k in self.related] or ["nothing in particular"]
            out += [folded("stacking", [f"Most-reported alongside {', '.join(partners)} "
                                        f"{self.cite([self.community])}. {self.sentence(0.6)}"]), "\n"]
        if self.related:
            out.append(f"related: [{', '.join(f'benchpeptide-{k:05d}' for k in self.related)}]\n\n")
        summary = self.paragraph(1, 2)
        rest = [s["id"] for s in self.sources if s["id"] not in self.cited]
        if rest:
            summary += f" The remaining sources are listed for completeness {self.cite(rest)}."
        out += [folded("evidence_summary", [summary]), "\n"]
        # sources
        out.append("sources:\n")
        for source in self.sources:
            if source.get("shared"):
                out.append("  # Shared with other entries: keep title, year and authors identical.\n")
            out.append(f"  - id: {source['id']}\n")
            for key in ("authors", "year", "type", "title", "venue", "funding", "note", "doi", "url"):
                value = source.get(key)
                if isinstance(value, list):
                    out.append(folded(key, value, indent=4))
                elif value is not None:
                    out.append(f"    {key}: {value}\n")
        return "".join(out)


def break_entry(text: str, violation: str, slug: str) -> str:
    """One realistic mistake, as an editor would make it (see EDITS)."""
    if violation not in EDITS:
        raise ValueError(f"unknown violation {violation!r}")
    pattern, replacement = EDITS[violation]
    broken = re.sub(pattern, replacement, text, count=1)
    if broken == text:
        raise AssertionError(f"violation {violation} changed nothing in {slug}")
    return broken


def plan(entries: int, seed: int, invalid_share: float) -> dict[int, str]:
    """Which entries are broken, and how: round(entries * invalid_share) of them, chosen from the seed."""
    rng = random.Random(f"plan-{seed}")
    chosen = sorted(rng.sample(range(entries), round(entries * invalid_share)))
    order = VIOLATIONS[:]
    rng.shuffle(order)
    return {number: order[i % len(order)] for i, number in enumerate(chosen)}


def _prepare(out: Path) -> None:
    """Replace `out` only when it is empty or a corpus this script wrote: never anything else."""
    if out.exists():
        if not out.is_dir():
            raise SystemExit(f"generate.py: {out} exists and is not a folder")
        if any(out.iterdir()):
            if not (out / MANIFEST).is_file():
                raise SystemExit(f"generate.py: {out} is not empty and was not written by bench/generate.py "
                                 f"(no {MANIFEST}); choose another --out")
            shutil.rmtree(out)
    (out / "schema").mkdir(parents=True, exist_ok=True)
    (out / "entries").mkdir()


def generate(out: Path, entries: int, seed: int = 1, invalid_share: float = 0.0) -> list[Path]:
    """Write the corpus; return the entry files in order."""
    if entries < 1 or not 0 <= invalid_share <= 1:
        raise ValueError("entries must be at least 1 and invalid_share between 0 and 1")
    out = Path(out)
    _prepare(out)
    shutil.copyfile(SCHEMA, out / "schema" / "entry.schema.json")
    (out / "pyproject.toml").write_bytes(
        b"# A synthetic content repo written by bench/generate.py.\n"
        b"[tool.peptide-lint]\nentries = \"entries\"\nschema = \"schema/entry.schema.json\"\n")
    broken = plan(entries, seed, invalid_share)
    related_pool = [k for k in range(entries) if k not in broken]
    shared = shared_pool(random.Random(f"shared-{seed}"), max(3, entries // 25))
    paths = []
    for number in range(entries):
        entry = Entry(number, random.Random(f"{seed}-{number}"), related_pool, shared)
        text = entry.text()
        if number in broken:
            text = break_entry(text, broken[number], entry.slug)
        path = out / "entries" / f"{entry.slug}.yaml"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    manifest = {"generator": generator_version(), "entries": entries, "seed": seed, "invalid_share": invalid_share,
                "invalid": {f"benchpeptide-{k:05d}": v for k, v in broken.items()}}
    (out / MANIFEST).write_bytes((json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 2)[2])
    parser.add_argument("--out", type=Path, required=True,
                        help="folder to write (replaced only if empty or written by this script)")
    parser.add_argument("--entries", type=int, required=True, help="how many entries")
    parser.add_argument("--seed", type=int, default=1, help="same seed and arguments, same bytes (default 1)")
    parser.add_argument("--invalid-share", type=float, default=0.0,
                        help="share of entries that carry one violation, 0 to 1 (default 0)")
    args = parser.parse_args(argv)
    if args.entries < 1 or not 0 <= args.invalid_share <= 1:
        parser.error("--entries must be at least 1 and --invalid-share between 0 and 1")
    paths = generate(args.out, args.entries, args.seed, args.invalid_share)
    size = sum(p.stat().st_size for p in paths)
    broken = len(plan(args.entries, args.seed, args.invalid_share))
    print(f"wrote {len(paths)} entries ({broken} with a violation, {size / len(paths) / 1024:.1f} KB on average) "
          f"to {args.out / 'entries'}")


if __name__ == "__main__":
    sys.exit(main())
