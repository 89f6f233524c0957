"""Configuration in pyproject.toml, command-line overrides, per-file ignores, options and --fix."""

from __future__ import annotations

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
                                               "  It appears to sharpen focus.\n"))
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
                              "stacking: Sellers call it a miracle; nothing is stacked with it.\n"))
    assert _codes(run("check", "--no-source", cwd=repo).stdout) == ["PL301"]
    # The schema's own check of the missing label belongs to PL301: off with it, not reported as PL101.
    # A suppression of a rule that is off is not unused: its finding was not looked for.
    for flags in (("--ignore", "PL301,PL405"), ("--select", "PL1,PL2,PL5")):
        result = run("check", "--no-source", *flags, cwd=repo)
        assert (result.returncode, _codes(result.stdout)) == (0, []), flags
