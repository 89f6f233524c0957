"""Configuration in pyproject.toml, command-line overrides, per-file ignores, options and --fix."""

from __future__ import annotations

import json
import os

import pytest

from peptide_lint.config import Config, ConfigError, parse
from peptide_lint.findings import Severity
from test_cli import add_entry, run


def codes(config: Config) -> set[str]:
    return {rule.code for rule in config.rules()}


def test_select_by_prefix_and_ignore_by_name():
    config = parse({"select": ["PL2"], "ignore": ["source-never-cited"]})
    assert "PL201" in codes(config) and "PL205" not in codes(config) and "PL301" not in codes(config)


def test_severity_per_rule_and_per_file_ignores():
    config = parse({"severity": {"hype-words": "error"},
                    "per-file-ignores": {"entries/legacy-*.yaml": ["PL201", "dose-unit"]}})
    assert {r.name: r.severity for r in config.rules()}["hype-words"] is Severity.ERROR
    assert config.ignored_in("entries/legacy-x.yaml") == {"PL201", "PL302"}
    assert config.ignored_in("entries/new.yaml") == set()


@pytest.mark.parametrize("table, message", [
    ({"selct": ["PL2"]}, "unknown setting 'selct'; did you mean 'select'?"),
    ({"ignore": ["claim-without-citatoin"]}, "did you mean 'claim-without-citation'?"),
    ({"severity": {"hype-words": "fatal"}}, "must be error or warning"),
    ({"options": {"dose-unit": {"unit": ["mg"]}}}, "has no option 'unit'; did you mean 'units'?"),
    ({"options": {"dose-unit": {"units": "mg"}}}, "must be a list"),
    ({"options": {"no-such-rule": {}}}, "options for an unknown rule 'no-such-rule'"),
])
def test_unknown_settings_rules_and_options_are_errors_that_suggest(table, message):
    with pytest.raises(ConfigError, match=message.replace("?", r"\?").replace("(", r"\(")):
        parse(table)


def write_config(repo, text: str) -> None:
    (repo / "pyproject.toml").write_text("[tool.peptide-lint]\n" + text, encoding="utf-8")


def test_pyproject_ignore_and_command_line_select(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("  Nothing is stacked with it.\n",
                                               "  A miracle: 3 users stack it.\n"))
    assert {"PL201", "PL405"} <= set(_codes(run("check", "--no-source", cwd=repo).stdout))
    write_config(repo, 'ignore = ["claim-without-citation"]\n')
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == ["PL405"]
    # --select replaces the configured selection; the configured ignore still applies
    assert _codes(run("check", "--no-source", "--select", "PL2,PL4", cwd=repo).stdout) == ["PL405"]
    assert _codes(run("check", "--no-source", "--ignore", "PL4", cwd=repo).stdout) == []


def test_options_change_what_a_rule_reports(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("  Nothing is stacked with it.\n",
                                               "  It appears to calm the mind.\n"))
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == []
    write_config(repo, '[tool.peptide-lint.options.claim-without-citation]\nextend-signals = ["appears to"]\n')
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == ["PL201"]


def test_a_rule_downgraded_to_warning_no_longer_fails(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))
    assert run("check", cwd=repo).returncode == 1
    write_config(repo, 'severity = { "claim-without-citation" = "warning" }\n')
    result = run("check", cwd=repo)
    assert result.returncode == 0 and "PL201 [warning]" in result.stdout


def test_bad_configuration_is_a_usage_error(repo):
    add_entry(repo, "testpeptide-z")
    write_config(repo, 'ignore = ["hype-word"]\n')
    result = run("check", cwd=repo)
    assert result.returncode == 2 and "did you mean 'hype-words'?" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--help" not in result.stderr  # the file needs fixing, not the command line
    (repo / "pyproject.toml").write_text("[tool.peptide-lint\n")
    assert run("check", cwd=repo).returncode == 2
    assert run("check", "--select", "nonsense", cwd=repo).returncode == 2


def test_fix_repairs_dose_ranges_and_nothing_else(repo):
    entry = add_entry(repo, "testpeptide-z")
    original = entry.read_bytes().replace("1–2 mg".encode(), b"1-2 mg").replace(b"\n", b"\r\n")
    entry.write_bytes(b"\xef\xbb\xbf" + original)
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == ["PL303", "PL303"]
    result = run("check", "--fix", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert "fixed 2 findings in entries/testpeptide-z.yaml" in result.stderr
    assert entry.read_bytes() == b"\xef\xbb\xbf" + original.replace(b"1-2 mg", "1–2 mg".encode())


def _with_hyphen_ranges(repo, slug: str = "testpeptide-z"):
    entry = add_entry(repo, slug)
    entry.write_bytes(entry.read_bytes().replace("1–2 mg".encode(), b"1-2 mg"))
    return entry


def test_fix_edits_a_file_once_whatever_names_it_has_and_keeps_the_link(repo):
    entry = _with_hyphen_ranges(repo)
    fixed = entry.read_bytes().replace(b"1-2 mg", "1–2 mg".encode())
    (repo / "entries" / "testpeptide-y.yaml").symlink_to(entry.name)
    (repo / "e2").symlink_to("entries")
    result = run("check", "--fix", "entries", "e2/testpeptide-z.yaml", cwd=repo)
    assert entry.read_bytes() == fixed
    assert (repo / "entries" / "testpeptide-y.yaml").is_symlink()
    assert result.stderr.count("fixed 2 findings") == 1, result.stderr


def test_fix_leaves_a_file_with_hard_links_alone_and_says_so(repo):
    entry = _with_hyphen_ranges(repo)
    before = entry.read_bytes()
    os.link(entry, repo / "elsewhere.yaml")
    result = run("check", "--fix", cwd=repo)
    assert entry.read_bytes() == before and entry.stat().st_nlink == 2 and result.returncode == 2
    assert "could not fix entries/testpeptide-z.yaml: the file has other names (hard links)" in result.stderr


def test_a_report_written_over_a_symlink_goes_to_its_target(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "reports").mkdir()
    (repo / "report.json").symlink_to("reports/latest.json")
    assert run("check", "--format", "json", "-o", "report.json", cwd=repo).returncode == 0
    assert (repo / "report.json").is_symlink() and json.loads((repo / "reports" / "latest.json").read_text())


def test_fix_leaves_a_read_only_file_alone_and_says_so(repo):
    entry = _with_hyphen_ranges(repo)
    assert b"[@doe-2001]." in entry.read_bytes()
    entry.write_bytes(entry.read_bytes().replace(b"[@doe-2001].", b"[@doe-201].", 1))  # an unsafe fix too
    before = entry.read_bytes()
    entry.chmod(0o444)
    result = run("check", "--fix", "--exit-zero", cwd=repo)
    assert entry.read_bytes() == before and result.returncode == 2
    assert "peptide-lint: error: could not fix entries/testpeptide-z.yaml: the file is read-only" in result.stderr
    assert "PL303" in result.stdout and "PL202" in result.stdout  # the report is still there
    assert "available with --unsafe-fixes" not in result.stderr  # no fix of a file it could not write is on offer


def test_fix_reports_a_file_it_cannot_write_and_goes_on_with_the_others(repo, monkeypatch):
    from click.testing import CliRunner
    from peptide_lint import cli, fixes

    a, b = (_with_hyphen_ranges(repo, f"testpeptide-{x}") for x in "ab")

    def refuse(path, data):
        if path.name == a.name:
            raise PermissionError(13, "Permission denied")
        path.write_bytes(data)
    monkeypatch.setattr(fixes, "write_atomic", refuse)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli.cli, ["check", "--fix"])
    assert result.exit_code == 2
    assert "peptide-lint: error: could not fix entries/testpeptide-a.yaml: Permission denied" in result.stderr
    assert "fixed 2 findings in entries/testpeptide-b.yaml" in result.stderr and "1-2 mg" not in b.read_text()
    assert "1-2 mg" in a.read_text()


def test_writes_keep_owner_and_mode_and_new_files_follow_the_umask(repo):
    import stat

    entry = _with_hyphen_ranges(repo)
    entry.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(entry, 65534, 65534)
    assert run("check", "--fix", "-o", "report.json", "--format", "json", cwd=repo).returncode == 0
    status = entry.stat()
    assert stat.S_IMODE(status.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (65534, 65534)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((repo / "report.json").stat().st_mode) == 0o666 & ~mask


def _codes(output: str) -> list[str]:
    return [line.split(" ")[1] for line in output.splitlines() if line.startswith("entries/")]


def test_a_file_that_cannot_be_read_is_reported_whatever_is_selected(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("class: Synthetic", "class Synthetic", 1))
    write_config(repo, 'select = ["PL2"]\n[tool.peptide-lint.per-file-ignores]\n"entries/*" = ["PL005"]\n')
    for flags in ((), ("--select", "PL205"), ("--ignore", "PL005")):
        result = run("check", "--no-source", *flags, cwd=repo)
        assert (result.returncode, _codes(result.stdout)) == (1, ["PL005"]), flags


def test_an_unknown_rule_without_a_close_name_points_to_the_rule_list(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", "--select", "nonsense-rule", cwd=repo)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "no rule is called 'nonsense-rule'; 'peptide-lint rules' lists them" in result.stderr


def test_a_rule_switched_off_any_way_is_off_whole(repo):
    entry = add_entry(repo, "testpeptide-z")
    text = entry.read_text()
    assert "      confidence: community\n" in text and "stacking: >-\n  Nothing is stacked with it.\n" in text
    entry.write_text(text.replace("      confidence: community\n", "", 1)
                     .replace("stacking: >-\n  Nothing is stacked with it.\n",
                              "# peptide-lint: ignore[hype-words] -- quotes what sellers say\n"
                              "stacking: Sellers call it a miracle for recovery.\n"))
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == ["PL301"]
    # The schema's own check of the missing label belongs to PL301: off with it, not reported as PL101.
    # A suppression of a rule that is off is not unused: its finding was not looked for.
    for flags in (("--ignore", "PL301,PL405"), ("--select", "PL1,PL2,PL5")):
        result = run("check", "--no-source", *flags, cwd=repo)
        assert (result.returncode, _codes(result.stdout)) == (0, []), flags


@pytest.mark.parametrize("table, message", [
    ({"options": {"hype-words": {"words": [1, 2]}}},
     "options.hype-words.words has an item 1 that must be text"),
    ({"options": {"prose-too-short": {"min-characters": {"lede": "x"}}}},
     "options.prose-too-short.min-characters has 'lede' that must be a whole number"),
    ({"options": {"prose-too-short": {"min-characters": {"lede": -1}}}},
     "options.prose-too-short.min-characters has 'lede' that must not be negative"),
    ({"options": {"hype-words": {"words": ["miracle", " "]}}}, "options.hype-words.words has an item ' ' that must not be empty"),
    ({"options": {"implausible-pmid": {"max-pmid": -5}}}, "options.implausible-pmid.max-pmid must not be negative"),
    ({"options": {"dose-unit": {"spellings": ["mcg", "ug"]}}},
     "options.dose-unit.spellings has an item 'mcg' that must be a list"),
    ({"ignore": [""]}, "ignore: an empty rule name"),
    ({"ignore": ["pl"]}, "ignore: no rule is called 'pl'"),
    ({"select": ["hype-words"], "ignore": ["PL4"]}, "no rule is left to run"),
    ({"entries": ["entries"]}, "entries must be the path of a folder from the repo root, as text"),
    ({"schema": 5}, "schema must be the path of a file from the repo root, as text"),
    ({"severity": {"yaml-syntax": "warning"}}, "severity of yaml-syntax cannot be warning"),
])
def test_settings_of_the_wrong_shape_are_named(table, message):
    with pytest.raises(ConfigError) as raised:
        parse(table)
    assert message in str(raised.value)


def test_settings_of_the_right_shape_pass():
    config = parse({"options": {"risk-not-in-caveat": {"synonyms": {"synthetic rash": ["rash"]}},
                                "dose-unit": {"spellings": [["mcg", "ug"]]},
                                "prose-too-short": {"min-characters": {"lede": 10, "stacking": 5000}}},
                    "severity": {"yaml-syntax": "error", "PL4": "warning", "PL0": "warning"},
                    "select": ["PL2", "PL201"]})
    assert {rule.code[:3] for rule in config.rules()} == {"PL2"}
    # a family made warnings keeps the rules that mean a file cannot be read as errors
    assert config.severity["PL005"] is Severity.ERROR and "PL001" not in config.severity
    assert config.severity["PL004"] is Severity.WARNING


def test_the_rules_that_are_always_errors_exist():
    from peptide_lint import registry
    from peptide_lint.config import _ALWAYS_ERRORS

    assert all(registry.lookup(name) is not None for name in _ALWAYS_ERRORS)


def test_the_baseline_setting_does_not_key_the_result_cache():
    """The baseline filters a report after the check and changes no file's result: runs with and
    without one share cached results. Every other setting keys them."""
    from peptide_lint.cache import fingerprint

    plain = parse({"select": ["PL2"]})
    assert fingerprint(b"{}", plain) == fingerprint(b"{}", parse({"select": ["PL2"], "baseline": "b.json"}))
    assert fingerprint(b"{}", plain) != fingerprint(b"{}", parse({"select": ["PL3"]}))
    assert "baseline" not in repr(parse({"baseline": "b.json"}))
