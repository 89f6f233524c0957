"""`peptide-lint new "Display Name"`: a new entry generated from the schema, whose only findings are
its placeholders, which follows the schema when the schema changes, and which never takes the place
of another entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from casefiles import ROOT
from test_cli import add_entry, run
from peptide_lint.api import Project
from peptide_lint.scaffold import slug_for

MODELINE = "# yaml-language-server: $schema=../schema/entry.schema.json"

# What a placeholder makes the checker report besides placeholder-text, and why (scaffold.py says
# the same): the list is short and every item is a placeholder standing where a value must be.
PLACEHOLDER_FINDINGS = {
    "PL503": "placeholder-text: the placeholder itself",
    "PL401": "safety-caveat-required reports a placeholder caveat or safety summary instead of PL503",
    "PL504": "prose-too-short: a finished section is longer than the placeholder",
    "PL307": "standard-dose-without-amount: the finished standard dose gives an amount",
    "PL510": "full-name-mismatch: the finished full name contains the name",
    "PL104": "not-in-vocabulary: a placeholder is not one of a vocabulary's values",
    "PL301": "dose-row-confidence: the same, for a dose row's confidence label",
    "PL105": "invalid-format: a placeholder id is not in the form of an id",
    "PL103": "wrong-type: a placeholder year is not a number",
    "PL602": "source-without-identifier: the placeholder source has no PMID, DOI, NCT id or URL yet",
}
# A value given with --evidence is not a placeholder, but a badge needs a source of its kind, and the
# placeholder source has no type yet: reported on the badge's line.
BADGE_WITHOUT_SOURCE = "PL207"


def read_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def schema_of(repo: Path) -> dict:
    return json.loads((repo / "schema" / "entry.schema.json").read_text(encoding="utf-8"))


def test_the_slug_comes_from_the_display_name():
    assert slug_for("BPC-157") == "bpc-157"
    assert slug_for("Thymosin Beta 4") == "thymosin-beta-4"
    assert slug_for("  Café  au lait / TB-500  ") == "cafe-au-lait-tb-500"
    assert slug_for("Ω-3 (fish)") == "omega-3-fish"
    assert slug_for("???") == slug_for("Ωμέγα") == ""


@pytest.mark.parametrize("name, slug", [
    ("Thymosin α1", "thymosin-alpha-1"), ("α-MSH", "alpha-msh"), ("Thymosin β4", "thymosin-beta-4"),
    ("γ-MSH", "gamma-msh"), ("Δ-sleep-inducing peptide", "delta-sleep-inducing-peptide"),
    ("Interferon-λ", "interferon-lambda"), ("κ-casein", "kappa-casein"), ("µ-conotoxin", "mu-conotoxin"),
    ("ω-conotoxin", "omega-conotoxin"), ("αMSH", "alpha-msh"), ("Peptide Ψ", "peptide-psi"),
    ("ά-peptide", "alpha-peptide"),
])
def test_a_greek_letter_is_spelled_out_in_the_slug(name, slug):
    assert slug_for(name) == slug


def test_new_writes_every_required_section_in_page_order_with_the_modeline_and_comments(repo):
    result = run("new", "Thymosin Beta 4", "--area", "healing-recovery", "--class", "Thymic peptide", cwd=repo)
    assert result.returncode == 0, result.stderr
    path = repo / "entries" / "thymosin-beta-4.yaml"
    assert result.stdout == ("Created entries/thymosin-beta-4.yaml. Replace each TODO (the comment above it says "
                             "what goes there), then run:\n  peptide-lint check entries/thymosin-beta-4.yaml\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == MODELINE
    schema = schema_of(repo)
    data = read_yaml(path)
    assert list(data) == [key for key in schema["properties"] if key in schema["required"]]
    assert (data["slug"], data["name"], data["area"], data["class"]) == (
        "thymosin-beta-4", "Thymosin Beta 4", "healing-recovery", "Thymic peptide")
    assert data["evidence"] == data["lede"] == data["dosing"]["rows"][0]["confidence"] == "TODO"
    for key in data:  # each section under a comment that starts with its title and says what it holds
        at = lines.index(next(line for line in lines if line.startswith(f"{key}:")))
        comment = []
        while lines[at - 1].startswith("#") and at - 1 > 0:
            at -= 1
            comment.insert(0, lines[at])
        title, description = schema["properties"][key]["title"], schema["properties"][key]["description"]
        assert comment[0].startswith(f"# {title}: "), (key, comment)
        assert " ".join(" ".join(line.lstrip("# ") for line in comment).split()).startswith(
            f"{title}: {description}")
    row = lines.index("    - label: TODO")
    assert lines[row - 2: row] == ["    # Dose row: One row of the dose table.",
                                   "    # Row label: What the row is about (e.g. Common course, Route)."]
    assert "#   none-established: No dose for people has been established. The value says so and gives no" in \
        "\n".join(lines)
    assert "# Optional, here if the page has it: story (How it works)." in lines


def placeholder_lines(path: Path) -> set[int]:
    return {number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if "TODO" in line and not line.lstrip().startswith("#")}


def lines_of(finding) -> set[int]:
    return set(range(finding.line, max(finding.span.end_line, finding.line) + 1))


def assert_only_placeholders_are_reported(repo: Path, path: Path, badge_given: bool = False) -> None:
    report = Project.open(repo, cwd=repo, cache=False).check([path])
    assert report.findings, "a new entry with placeholders is not all clear"
    placeholders = placeholder_lines(path)
    for finding in report.findings:
        if badge_given and finding.code == BADGE_WITHOUT_SOURCE:
            assert path.read_text().splitlines()[finding.line - 1].startswith("evidence: "), finding
            continue
        assert finding.code in PLACEHOLDER_FINDINGS, finding
        assert lines_of(finding) & placeholders, finding
    # ...and every placeholder is reported, by placeholder-text or (caveat, safety summary) its safety rule.
    covered = set().union(*(lines_of(f) for f in report.findings if f.code in ("PL503", "PL401")))
    assert placeholders <= covered


def test_a_new_entry_has_no_finding_but_its_placeholders_in_a_fresh_repo(repo):
    assert run("new", "Thymosin Beta 4", cwd=repo).returncode == 0
    assert_only_placeholders_are_reported(repo, repo / "entries" / "thymosin-beta-4.yaml")


def test_new_entries_beside_the_bundled_entry_copy_nothing_and_repeat_no_name(repo):
    shutil.copy(ROOT / "entries" / "cerebrolysin.yaml", repo / "entries" / "cerebrolysin.yaml")
    assert run("new", "Thymosin Beta 4", "--evidence", "preclinical", cwd=repo).returncode == 0
    assert run("new", "BPC-157", "--area", "healing-recovery", cwd=repo).returncode == 0
    # Placeholders are too short to be copied text, and the names are their own.
    assert_only_placeholders_are_reported(repo, repo / "entries" / "thymosin-beta-4.yaml", badge_given=True)
    assert_only_placeholders_are_reported(repo, repo / "entries" / "bpc-157.yaml")


def test_the_template_follows_the_schema_when_it_changes(repo):
    schema = schema_of(repo)
    properties = schema["properties"]
    # A new required section between class and area, the caveat moved to the top, mechanism made
    # optional, and a new area.
    moved = {"slug": properties["slug"], "caveat": properties["caveat"]}
    rest = {key: value for key, value in properties.items() if key not in moved}
    reordered = {}
    for key, value in {**moved, **rest}.items():
        reordered[key] = value
        if key == "class":
            reordered["origin"] = {"title": "Origin", "description": "Where the peptide comes from.",
                                   "$ref": "#/$defs/prose"}
    schema["properties"] = reordered
    schema["required"] = [key for key in schema["required"] if key != "mechanism"] + ["origin"]
    schema["$defs"]["area"]["oneOf"].append({"const": "eyes", "title": "Eyes & vision",
                                            "description": "Peptides studied or used for the eyes"})
    (repo / "schema" / "entry.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")

    assert "eyes (Eyes & vision)" in " ".join(run("new", "--help", cwd=repo).stdout.split())
    assert run("new", "Testpeptide-Q", "--area", "eyes", cwd=repo).returncode == 0
    path = repo / "entries" / "testpeptide-q.yaml"
    data = read_yaml(path)
    expected = [key for key in reordered if key in schema["required"]]
    assert list(data) == expected and expected[:2] == ["slug", "caveat"] and "mechanism" not in data
    assert expected.index("origin") == expected.index("class") + 1
    assert data["origin"] == "TODO" and data["area"] == "eyes"
    text = path.read_text(encoding="utf-8")
    assert "# Origin: Where the peptide comes from.\norigin: >-\n  TODO\n" in text
    assert "#   eyes (Eyes & vision): Peptides studied or used for the eyes.\n" in text
    assert "# Optional, here if the page has it: mechanism (Mechanism).\n" in text


def test_a_conditional_requirement_is_in_the_draft_when_the_draft_meets_its_condition(repo):
    """Sources need authors and a year unless they are community reports: a placeholder source is
    not one, so the draft has both, and the comment says when they are required."""
    assert run("new", "Testpeptide-Q", cwd=repo).returncode == 0
    path = repo / "entries" / "testpeptide-q.yaml"
    source = read_yaml(path)["sources"][0]
    assert list(source) == ["id", "authors", "year", "type", "title", "funding", "note"]
    assert "    # Authors (required unless type is community): The authors as the page shows them (e.g.\n" in \
        path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["Yes", "Null", "Semax: nasal", "Semax #2", '"Quoted" name', "Ω-Peptide",
                                  "Peptide-", "[bracket]", "Dihexa's analogue"])
def test_a_display_name_reads_back_as_written(repo, name):
    assert run("new", name, "--slug", "testpeptide-q", cwd=repo).returncode == 0
    assert read_yaml(repo / "entries" / "testpeptide-q.yaml")["name"] == name


def test_new_refuses_to_overwrite_a_file(repo):
    existing = add_entry(repo, "testpeptide-q", "slug: testpeptide-q\n")
    result = run("new", "Testpeptide-Q", cwd=repo)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("peptide-lint: error: entries/testpeptide-q.yaml already exists; edit it, or choose "
                             "another slug with --slug\n")
    assert existing.read_text() == "slug: testpeptide-q\n"
    (repo / "entries" / "testpeptide-r.yml").write_text("slug: testpeptide-r\n")
    assert "entries/testpeptide-r.yml already exists" in run("new", "Testpeptide-R", cwd=repo).stderr


def test_new_refuses_a_slug_or_a_name_another_entry_uses(repo):
    add_entry(repo, "testpeptide-y")  # named Testpeptide-y, in entries/testpeptide-y.yaml
    renamed = repo / "entries" / "old-name.yaml"
    renamed.write_text(add_entry(repo, "testpeptide-x").read_text().replace("name: Testpeptide-x", "name: Other"))
    (repo / "entries" / "testpeptide-x.yaml").unlink()  # its slug stays testpeptide-x, in another file

    by_slug = run("new", "Testpeptide-X", cwd=repo)
    assert by_slug.returncode == 2
    assert by_slug.stderr.startswith('peptide-lint: error: the slug "testpeptide-x" is also used by '
                                     "entries/old-name.yaml: a new entry needs a slug and a name of its own")
    by_name = run("new", "TESTPEPTIDE-Y", "--slug", "testpeptide-w", cwd=repo)
    assert by_name.returncode == 2
    assert 'the name "TESTPEPTIDE-Y" is also used by entries/testpeptide-y.yaml' in by_name.stderr
    assert sorted(path.name for path in (repo / "entries").iterdir()) == ["old-name.yaml", "testpeptide-y.yaml"]


@pytest.mark.parametrize("args, message", [
    (["???"], "the name '???' gives no slug"),
    (["Ωμέγα-3"], "the slug of the name 'Ωμέγα-3' would lose its letters Ωμεγα (it would be '3'); choose "
                  "the slug with --slug"),
    (["Testpeptide-Straße"], "the slug of the name 'Testpeptide-Straße' would lose its letters ß"),
    (["   "], "the display name is empty"),
    (["Testpeptide-Q", "--slug", "Testpeptide_Q"], "--slug 'Testpeptide_Q' is not a slug"),
    (["Testpeptide-Q", "--area", "eyes"], "--area 'eyes' is not one of the schema's values: neuro-longevity,"),
    (["Testpeptide-Q", "--evidence", "strong"], "--evidence 'strong' is not one of the schema's values"),
])
def test_a_name_or_value_that_cannot_be_used_is_a_usage_error(repo, args, message):
    result = run("new", *args, cwd=repo)
    assert result.returncode == 2
    assert result.stderr.startswith(f"peptide-lint new: error: {message}"), result.stderr
    assert list((repo / "entries").iterdir()) == []


def test_the_modeline_points_at_the_schema_from_a_configured_entries_folder(repo):
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nentries = "content/peptides"\n')
    assert run("new", "Testpeptide-Q", cwd=repo).returncode == 0
    path = repo / "content" / "peptides" / "testpeptide-q.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schema/entry.schema.json"


def test_the_help_lists_the_vocabularies_with_their_titles(repo):
    help_text = " ".join(run("new", "--help", cwd=repo).stdout.split())
    assert "--area [neuro-longevity|healing-recovery|" in help_text
    assert "neuro-longevity (Neuro & longevity)" in help_text
    assert "One of: clinical, preclinical, community." in help_text
    assert 'peptide-lint new "Name"' in run("--help", cwd=repo).stdout
