"""`check --watch`, tested by writing files while it runs: it shows each save's findings and summary,
keeps running on a broken file, a broken configuration or a failing check, clears only a terminal,
and stops on Ctrl-C with exit code 0 and no traceback.

The waits are generous and nothing is timed: a file written before the watcher has started is
written again until its check shows, and every process is killed in the end whatever happens."""

from __future__ import annotations

import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import click
import pytest

from test_cli import ANSI, add_entry
from peptide_lint.reporters.text import TextReporter
from peptide_lint.results import Report
from peptide_lint.watch import _outermost, _read_by_a_check, watch_and_check

WAIT = 60  # seconds for one check to show; a loaded CI machine is slow, a hung watch is killed after it
CLEAR = "\x1b[2J"


class Watch:
    """`peptide-lint check --watch` running in `repo`, its output collected as it comes, on a pipe
    or (tty=True) on a terminal of its own."""

    def __init__(self, repo: Path, *args: str, tty: bool = False, env: dict | None = None) -> None:
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | (env or {})
        command = [sys.executable, "-m", "peptide_lint", "check", "--watch", *args]
        self.output, self.errors = "", ""
        self._lock = threading.Lock()
        if tty:
            leader, follower = pty.openpty()
            self.process = subprocess.Popen(command, cwd=repo, env=environment, stdin=subprocess.DEVNULL,
                                            stdout=follower, stderr=follower, start_new_session=True)
            os.close(follower)
            self._readers = [threading.Thread(target=self._read_fd, args=(leader,), daemon=True)]
        else:
            self.process = subprocess.Popen(command, cwd=repo, env=environment, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            start_new_session=True)
            self._readers = [threading.Thread(target=self._read_pipe, args=(self.process.stdout, "output"), daemon=True),
                             threading.Thread(target=self._read_pipe, args=(self.process.stderr, "errors"), daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read_fd(self, fd: int) -> None:
        try:
            while chunk := os.read(fd, 65536):
                with self._lock:
                    self.output += chunk.decode(errors="replace")
        except OSError:
            pass  # the terminal closed with the process
        finally:
            os.close(fd)

    def _read_pipe(self, pipe, name: str) -> None:
        for chunk in iter(lambda: pipe.read1(65536), b""):
            with self._lock:
                setattr(self, name, getattr(self, name) + chunk.decode(errors="replace"))

    def wait_for(self, text: str, after: int = 0, again=None) -> int:
        """Wait until `text` shows after position `after` of the output; its end. `again` (a file
        write) is repeated every few seconds meanwhile, in case the watcher missed it."""
        deadline, next_try = time.monotonic() + WAIT, time.monotonic() + 3
        while time.monotonic() < deadline:
            with self._lock:
                found = self.output.find(text, after)
            if found >= 0:
                return found + len(text)
            assert self.process.poll() is None, f"the watch ended: {self.output}\n{self.errors}"
            if again is not None and time.monotonic() > next_try:
                again()
                next_try = time.monotonic() + 3
            time.sleep(0.1)
        pytest.fail(f"{text!r} did not show within {WAIT} s; output so far:\n{self.output}\n{self.errors}")

    def ctrl_c(self) -> int:
        """Ctrl-C as a terminal sends it (to the whole process group); the exit code."""
        os.killpg(self.process.pid, signal.SIGINT)
        code = self.process.wait(timeout=WAIT)
        for reader in self._readers:
            reader.join(timeout=WAIT)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=WAIT)


def test_watch_shows_each_save_and_stops_cleanly_on_ctrl_c(repo):
    entry = add_entry(repo, "testpeptide-z")
    good = entry.read_text(encoding="utf-8")
    mistaken = good.replace("  Nothing is stacked with it.\n", "  TODO\n")
    watch = Watch(repo, "--no-source")
    try:
        seen = watch.wait_for("All clear: no findings in 1 file.")
        seen = watch.wait_for("Watching for changes; Ctrl-C to stop.", seen)

        seen = watch.wait_for('PL503 [error] stacking contains the placeholder "TODO"', seen,
                              again=lambda: entry.write_text(mistaken, encoding="utf-8"))
        seen = watch.wait_for("1 error, 0 warnings in 1 of 1 file.", seen)
        seen = watch.wait_for("All clear: no findings in 1 file.", seen,
                              again=lambda: entry.write_text(good, encoding="utf-8"))

        broken = repo / "entries" / "testpeptide-y.yaml"  # bad input is a finding; the watch goes on
        seen = watch.wait_for("entries/testpeptide-y.yaml:2:1: PL005 [error]", seen,
                              again=lambda: broken.write_text("slug: [\n", encoding="utf-8"))
        config = repo / "pyproject.toml"  # so is a configuration that cannot be used
        seen = watch.wait_for("peptide-lint: error: [tool.peptide-lint] in", seen,
                              again=lambda: config.write_text('[tool.peptide-lint]\nselct = ["ALL"]\n'))
        seen = watch.wait_for("has an unknown setting 'selct'; did you mean 'select'?", seen)
        config.unlink()
        seen = watch.wait_for("All clear: no findings in 1 file.", seen, again=lambda: broken.unlink(missing_ok=True))

        assert watch.ctrl_c() == 0
    finally:
        watch.kill()
    assert watch.output.endswith("Stopped watching.\n")
    assert "Traceback" not in watch.output + watch.errors, watch.errors
    assert CLEAR not in watch.output and not ANSI.search(watch.output)  # a pipe: never cleared, no color


@pytest.mark.parametrize("env, colored", [({}, True), ({"NO_COLOR": "1"}, False)])
def test_watch_clears_a_terminal_and_colors_it_unless_no_color(repo, env, colored):
    add_entry(repo, "testpeptide-z", "slug: [\n")
    watch = Watch(repo, tty=True, env=env)
    try:
        watch.wait_for("Watching for changes; Ctrl-C to stop.")
        assert watch.ctrl_c() == 0
    finally:
        watch.kill()
    assert watch.output.startswith(CLEAR)
    assert bool(ANSI.search(watch.output)) is colored
    assert "Traceback" not in watch.output and "Stopped watching." in watch.output


def test_watch_refuses_flags_for_reports_it_does_not_show(repo):
    for flags in (["--format", "json"], ["-o", "report.sarif"], ["--write-baseline", "b.json"], ["--diff"]):
        result = subprocess.run([sys.executable, "-m", "peptide_lint", "check", "--watch", *flags], cwd=repo,
                                capture_output=True, text=True, timeout=WAIT)
        assert result.returncode == 2 and re.search(r"--watch cannot be used with|cannot be used with --watch",
                                                    result.stderr), flags


def test_the_readme_names_the_flags_watch_refuses_and_those_it_applies(repo, monkeypatch):
    """Every flag of check, given with --watch (the watch itself stubbed out): those the README says
    cannot be used with it are refused (exit code 2), those it says apply are accepted."""
    from click.testing import CliRunner
    from peptide_lint import cli, watch

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    paragraph = " ".join(readme.split("### Checking as you save: `--watch`", 1)[1].split("\n### ", 1)[0].split())
    applied = set(re.findall(r"`(--[a-z-]+)`", paragraph.split("apply to every check it runs")[0].split("(")[-1]))
    refused = set(re.findall(r"`(--[a-z-]+)`", paragraph.split("text report, so ")[1].split("cannot be used")[0]))
    values = {"--repo": str(repo), "--color": "never", "--format": "json", "--output": "report.json",
              "--jobs": "1", "--baseline": "b.json", "--write-baseline": "b.json", "--select": "PL3",
              "--ignore": "PL3"}
    monkeypatch.setattr(watch, "watch_and_check", lambda check, reporter, roots: 0)
    monkeypatch.chdir(repo)
    add_entry(repo, "testpeptide-z")
    outcome = {}
    for option in cli.check.params:
        flag = max(option.opts, key=len)
        if isinstance(option, click.Option) and flag not in ("--watch", "--help"):
            given = [flag] + ([values[flag]] if not option.is_flag else [])
            outcome[flag] = CliRunner().invoke(cli.cli, ["check", "--watch", *given]).exit_code
    assert refused and {flag for flag, code in outcome.items() if code == 2} == refused
    assert applied and applied <= {flag for flag, code in outcome.items() if code == 0}


def test_a_failing_check_is_printed_and_the_watch_goes_on(tmp_path, monkeypatch, capsys):
    import watchfiles

    outcomes = iter([RuntimeError("a bug"), click.ClickException("the schema cannot be read"),
                     Report([], 1, ["entries/x.yaml"], tmp_path)])

    def check() -> Report:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def saves(*roots, watch_filter):
        yield {(watchfiles.Change.modified, str(tmp_path / "entries" / "x.yaml"))}
        yield {(watchfiles.Change.modified, str(tmp_path / "schema" / "entry.schema.json"))}
        raise KeyboardInterrupt

    monkeypatch.setattr(watchfiles, "watch", saves)
    assert watch_and_check(check, TextReporter(), [tmp_path]) == 0
    shown = capsys.readouterr().out
    assert re.search(r"peptide-lint: error: the check failed: RuntimeError: a bug \(test_watch\.py:\d+\); this is "
                     r"a bug in peptide-lint, please report it\. Watching on\.", shown)
    assert "peptide-lint: error: the schema cannot be read\n" in shown
    assert re.search(r"All clear: no findings in 1 file\.\n\n\[\d\d:\d\d:\d\d\] Watching for changes; Ctrl-C to "
                     r"stop\.\n\nStopped watching\.\n\Z", shown)


def test_only_files_a_check_reads_start_a_check(tmp_path):
    roots = [tmp_path]
    assert _read_by_a_check(tmp_path / "entries" / "x.yaml", roots)
    assert _read_by_a_check(tmp_path / "entries" / "sub" / "x.YML", roots)
    assert _read_by_a_check(tmp_path / "schema" / "entry.schema.json", roots)
    assert _read_by_a_check(tmp_path / "pyproject.toml", roots)
    assert not _read_by_a_check(tmp_path / ".peptide-lint-cache" / "results.json", roots)
    assert not _read_by_a_check(tmp_path / "entries" / ".x.yaml.swp.yaml", roots)
    assert not _read_by_a_check(tmp_path / "README.md", roots)
    (tmp_path / "entries").mkdir()
    assert _outermost([tmp_path / "entries", tmp_path, tmp_path / "entries" / "x.yaml"]) == [tmp_path.resolve()]


def test_watchfiles_is_imported_only_for_watch(repo):
    add_entry(repo, "testpeptide-z")
    # Asked at exit: the command ends its process itself once the exit handlers have run.
    probe = ("import atexit, sys, runpy; sys.argv = ['peptide-lint', 'check']\n"
             "atexit.register(lambda: print('watchfiles' in sys.modules))\n"
             "runpy.run_module('peptide_lint', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=WAIT)
    assert result.stdout.endswith("All clear: no findings in 1 file.\nFalse\n"), result.stdout + result.stderr


def test_an_install_without_watchfiles_is_told_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # as if it were not installed
    with pytest.raises(click.UsageError, match="--watch needs the watchfiles package.*pip install"):
        watch_and_check(lambda: Report([], 0), TextReporter(), [tmp_path])
