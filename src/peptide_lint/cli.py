"""The command line: `peptide-lint check`, `peptide-lint rules`, `peptide-lint explain`."""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import re
import sys
from pathlib import Path

import click

from .patterns import regex
from . import __version__, registry
from .discover import find_repo
from .findings import INTERNAL_ERROR, Severity
from .api import NotARepo, Project, ProjectError
from .results import Report
from .reporters import FORMATS, Reporter, reporter_class
from .reporters.text import TextReporter
from .wording import closest

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=lambda ctx, _, on: _version(ctx, on),
              help="Show the version, and which parser reads YAML, and exit.")
def cli() -> None:
    """Check the peptide reference's entries against the entry schema and the editorial rules.

    \b
    Start with:
      peptide-lint new "Name"         start a new entry from the schema
      peptide-lint check              check every entry of the repo you are in
      peptide-lint check entries/x.yaml
      peptide-lint check --watch      check again on every save
      peptide-lint rules              list the rules
      peptide-lint explain PL201      what a rule checks, why, and how to fix it
    """


def _version(ctx: click.Context, on: bool) -> None:
    if not on or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from .parser import parser_route

    click.echo(f"peptide-lint, version {__version__} (YAML: ruamel.yaml {version('ruamel.yaml')}, "
               f"read by {parser_route()})")
    ctx.exit(0)


class _ProcessCount(click.ParamType):
    """--jobs: a whole number of processes, 1 or more, said so in words when it is not."""

    name = "N"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int) and value >= 1:
            return value
        try:
            count = int(str(value).strip())
        except ValueError:
            count = 0
        if count < 1:
            self.fail(f"{value!r} is not a number of processes: give a whole number, 1 or more (such as 2)",
                      param, ctx)
        return count


_PROCESS_COUNT = _ProcessCount()


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--repo", "repo_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The content repo (the folder with schema/ and entries/). "
                   "Default: found from the current folder upwards.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Color the output. auto: only on a terminal, and never when NO_COLOR is set.")
@click.option("--no-source", is_flag=True, help="Do not show the source line and hint under each finding.")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format: text for people; json for scripts; sarif for GitHub code scanning; "
                   "github for pull-request annotations; junit for GitLab and Jenkins; markdown for a "
                   "job summary or a comment.")
@click.option("--output", "-o", "outputs", multiple=True, metavar="[FORMAT:]FILE",
              help="Write a report to FILE, replaced in one step: FORMAT:FILE in that format; FILE alone "
                   "in --format, and the terminal then gets the text report. Repeat it for several reports "
                   "from one check: -o sarif:peptide-lint.sarif -o markdown:summary.md. '-' is the terminal.")
@click.option("--strict", is_flag=True, help="Fail (exit code 1) on warnings too.")
@click.option("--exit-zero", is_flag=True,
              help="Exit with 0 even when there are errors (for a report-only CI step). "
                   "Usage problems and internal failures still exit with 2.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no source lines, hints or summary.")
@click.option("--statistics", is_flag=True, help="After the findings, print how many each rule produced (in the text report).")
@click.option("--select", multiple=True, metavar="RULES",
              help="Check only these rules: codes (PL201), code prefixes (PL2) or names, comma-separated. "
                   "Replaces the configured selection.")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Skip these rules (codes, prefixes or names, comma-separated), on top of the configuration.")
@click.option("--jobs", "-j", type=_PROCESS_COUNT, default=None, metavar="N",
              help="Check files in N processes. Default: one per CPU core.")
@click.option("--no-cache", is_flag=True,
              help="Check every file again instead of reusing the results of unchanged files "
                   "(kept in .peptide-lint-cache/ at the repo root).")
@click.option("--fix", is_flag=True,
              help="Apply the safe fixes, which keep the meaning exactly (hyphens in dose ranges, curly quotes, "
                   "invisible characters, ...), then report the rest.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Offer the suggested fixes too, which need a human look (a misspelled key or source id to its "
                   "one close match): --fix and --diff then apply them.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print what --fix would change, as a unified diff, and change nothing. Exit code 1 when there "
                   "are changes.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Report only the findings that FILE (written by --write-baseline) does not hold, and each "
                   "entry of FILE that no longer matches a finding (stale-baseline). Default: the "
                   "configuration's baseline setting.")
@click.option("--no-baseline", is_flag=True, help="Report every finding, also those the configured baseline holds.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Record today's findings in FILE (replaced in one step) instead of reporting them, so that "
                   "--baseline FILE reports only new ones. What FILE holds for files or rules this run did "
                   "not check is kept.")
@click.option("--watch", is_flag=True,
              help="Check again each time an entry, the schema, the configuration or the baseline is saved, "
                   "and show the text report; Ctrl-C stops.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], repo_dir: Path | None, color: str, no_source: bool,
          select: tuple[str, ...], ignore: tuple[str, ...], jobs: int | None, no_cache: bool, fix: bool,
          unsafe_fixes: bool, show_diff: bool, output_format: str, outputs: tuple[str, ...], strict: bool,
          exit_zero: bool, quiet: bool, statistics: bool, baseline_file: Path | None, no_baseline: bool,
          write_baseline: Path | None, watch: bool) -> None:
    """Check entries and report findings as PATH:LINE:COLUMN: CODE [severity] message.

    PATHS are entry files or folders; the default is every entry under the repo's entries/.
    A folder that holds entries/ (such as the repo itself, '.') stands for entries/.

    \b
    Exit codes:
      0  no errors (warnings alone pass); --write-baseline and --watch (stopped with Ctrl-C): 0
      1  at least one error (with --diff: --fix would change something)
      2  usage problem (bad option, a folder without entries, unusable configuration,
         schema or baseline) or an internal failure; a missing or unreadable file is an error (1)
    """
    cwd = Path.cwd()
    _refuse_together(ctx, watch=watch, write_baseline=write_baseline, baseline=baseline_file,
                     no_baseline=no_baseline, format=output_format != "text", output=outputs, diff=show_diff,
                     fix=fix)
    terminal_format, to_files = _report_targets(outputs, output_format, cwd)
    options = dict(select=_split(select), ignore=_split(ignore), cache=not no_cache, jobs=jobs)
    text = TextReporter(color=_use_color(color), show_source=not (no_source or quiet),
                        show_summary=not quiet, statistics=statistics, unsafe_fixes=unsafe_fixes)

    def files_of(project: Project) -> list[Path]:
        try:
            return project.entry_files(paths)
        except ProjectError as err:
            raise click.UsageError(str(err)) from None  # the command line named the wrong thing

    def checked(project: Project) -> tuple[Report, dict[str, str]]:
        """One check as the flags ask: fixed, then without what the baseline holds; and the files
        --fix could not write."""
        baseline = None if no_baseline or write_baseline else _baseline(project, baseline_file, cwd)
        files = files_of(project)
        report = project.check_files(files)
        not_fixed: dict[str, str] = {}
        if fix:
            written, not_fixed = _fix(project, report, cwd, unsafe_fixes)
            if written:
                report = project.check_files(files)
        if baseline is not None:
            report = project.apply_baseline(report, *baseline)
        return report, not_fixed

    if watch:
        from .watch import watch_and_check

        project = _project(repo_dir, paths, cwd, **options)
        # The project is opened again for each check: a save of the configuration or the schema counts.
        ctx.exit(watch_and_check(lambda: checked(_project(repo_dir, paths, cwd, **options))[0], text,
                                 [project.root, *(cwd / path for path in paths)]))
    project = _project(repo_dir, paths, cwd, **options)
    if show_diff:
        ctx.exit(_diff(project, project.check_files(files_of(project)), cwd, unsafe_fixes))
    report, not_fixed = checked(project)
    if write_baseline is not None:
        ctx.exit(EXIT_USAGE if not_fixed else _write_baseline(project, report, write_baseline, cwd, text))
    with _reader_may_leave():  # first: the log keeps it if a file fails
        _reporter(text, terminal_format).write(report, sys.stdout)
    _write_reports(report, {target: _reporter(text, name, to_file=True) for target, name in to_files.items()})
    # A file --fix could not write is a failure of the command, whatever the findings say.
    ctx.exit(EXIT_USAGE if not_fixed else _exit_code(report, strict=strict, exit_zero=exit_zero))


def _refuse_together(ctx: click.Context, **given) -> None:
    """A usage error for flags that contradict each other: --watch shows the text report of a
    check that never ends, --write-baseline records every finding instead of reporting them, --diff
    prints changes instead of making them or reporting."""
    def flag(name: str) -> str:
        return "--" + name.replace("_", "-")

    conflicts = {
        "watch": (("write_baseline", "format", "output"), "shows the text report, again on each save"),
        "write_baseline": (("baseline", "no_baseline"), "records every finding, whatever a baseline holds"),
        "diff": (("fix", "watch", "write_baseline", "format", "output"),
                 "prints the changes --fix would make, and changes nothing"),
    }
    for first, (others, why) in conflicts.items():
        for other in others:
            if given[first] and given[other]:
                raise click.UsageError(f"{flag(first)} cannot be used with {flag(other)}: {flag(first)} {why}",
                                       ctx=ctx)


def _baseline(project: Project, given: Path | None, cwd: Path):
    """The baseline to compare with (--baseline, else the configuration's), and its name as findings
    show paths; None without one. A baseline that cannot be used stops the check (exit code 2)."""
    path = cwd / given if given is not None else project.baseline
    if path is None:
        return None
    from .baseline import Baseline, BaselineError
    from .discover import display_path

    shown = display_path(path, cwd)
    try:
        return Baseline.load(path, shown), shown
    except BaselineError as err:
        raise click.ClickException(f"{err}; record it with 'peptide-lint check --write-baseline {shown}'") from None


def _write_baseline(project: Project, report: Report, target: Path, cwd: Path, text: TextReporter) -> int:
    """Record the findings of `report` in the baseline `target`, keeping what it holds for files and
    rules the run did not check; say how many. A check that failed records nothing (exit code 2)."""
    from .atomic import write_atomic
    from .baseline import Baseline, BaselineError
    from .discover import display_path

    shown = display_path(cwd / target, cwd)
    if report.tool_failed:
        text.write(report.replaced(findings=[f for f in report.findings if f.code == INTERNAL_ERROR]), sys.stdout)
        raise click.ClickException(f"the check failed (a bug, reported above), so {shown} was not written")
    try:
        before = Baseline.load(cwd / target, shown) if (cwd / target).exists() else Baseline()
    except BaselineError as err:
        raise click.ClickException(f"{err}; delete it to record a new baseline") from None
    recorded = before.updated_with(report, project.setup.config.rules())
    try:
        write_atomic(cwd / target, recorded.dumps())
    except OSError as err:
        raise click.ClickException(f"cannot write {shown}: {err.strerror or err}") from None
    new = len(Baseline.recordable(report))
    kept = len(recorded) - new
    click.echo(f"Recorded {_plural(new, 'finding')} in {shown}"
               + (f" (and kept {_plural(kept, 'finding')} of files or rules this run did not check)" if kept else "")
               + f". 'peptide-lint check --baseline {shown}' reports only findings not recorded there.")
    if report.not_checked:
        click.echo(f"Not recorded: {_plural(len(report.not_checked), 'file')} could not be read as an entry, and a "
                   "baseline never holds such a file back (its content was not checked). Fix "
                   + ("it" if len(report.not_checked) == 1 else "them") + ": "
                   + ", ".join(sorted(report.not_checked)[:10]) + (", ..." if len(report.not_checked) > 10 else ""))
    return EXIT_CLEAN


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _project(repo_dir: Path | None, paths: tuple[Path, ...], cwd: Path, **options) -> Project:
    """The content repo to check: --repo, else found from the current folder, else from the first path."""
    if repo_dir is None and find_repo(cwd) is None and paths:
        repo = find_repo(paths[0].parent if paths[0].is_file() else paths[0])
        repo_dir = repo.root if repo is not None else None
    try:
        return Project.open(repo_dir, cwd=cwd, **options)
    except NotARepo as err:
        hint = " or pass --repo DIR" if repo_dir is None else ""
        raise click.UsageError(f"{err}{hint}") from None
    except ProjectError as err:
        raise click.ClickException(str(err)) from None  # a file to fix, not the command line


def _fix(project: Project, report: Report, cwd: Path, unsafe: bool) -> tuple[bool, dict[str, str]]:
    """Apply the fixes of `report`'s findings, and tell what was fixed. Whether a file was written,
    and the files that could not be fixed, with why."""
    from .fixes import fix_files, write_fixes

    files, not_fixed = fix_files(report.findings, cwd, project.check_text, unsafe)
    not_fixed.update(write_fixes(files))
    _tell_fixes(files, not_fixed, "fixed")
    return any(file.changed and file.shown not in not_fixed for file in files), not_fixed


def _diff(project: Project, report: Report, cwd: Path, unsafe: bool) -> int:
    """Print what --fix would change; the exit code: 1 when it would change something."""
    from .fixes import fix_files

    files, not_read = fix_files(report.findings, cwd, project.check_text, unsafe)
    with _reader_may_leave():
        for file in files:
            click.echo(file.diff(), nl=False)
    _tell_fixes(files, not_read, "would fix")
    # A file that could not be checked is no file without fixes either. What is said of it is said
    # of the file as the fixes shown leave it: they may make it readable (their content fixes show
    # it was read), or leave it unreadable.
    fixed = {file.shown: file for file in files if file.changed}
    for shown, why in report.not_checked.items():
        if shown in fixed:
            after = project.text_report(fixed[shown].fixed.text, shown).not_checked
            if not after:
                continue
            why = "even after these fixes, " + next(iter(after.values()))
        click.echo(f"peptide-lint: {shown}: {why}; 'peptide-lint check {shown}' says what is wrong", err=True)
    changed = any(file.changed for file in files)
    if not changed and not report.not_checked and not not_read:
        click.echo("Nothing to fix: --fix would change nothing.", err=True)
    return EXIT_USAGE if not_read else EXIT_FINDINGS if changed or report.not_checked else EXIT_CLEAN


@contextlib.contextmanager
def _reader_may_leave():
    """Printing to a reader that may go away (`| head`): what is left to print then goes nowhere,
    and the command goes on to write its report files and exit with the code the check gives."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _tell_fixes(files, not_fixed: dict[str, str], done: str) -> None:
    for file in files:
        if file.fixed.applied and file.shown not in not_fixed:
            count = file.fixed.applied
            click.echo(f"{done} {count} finding{'s' if count != 1 else ''} in {file.shown}", err=True)
    for shown, why in not_fixed.items():
        click.echo(f"peptide-lint: error: could not fix {shown}: {why}", err=True)
    left = sum(file.fixed.unsafe_left for file in files if file.shown not in not_fixed)
    if left:
        click.echo(f"{left} more fix{'es are' if left != 1 else ' is'} available with --unsafe-fixes "
                   "(suggestions to review)", err=True)


def _reporter(text: TextReporter, name: str, to_file: bool = False) -> Reporter:
    if name == "text":
        return text._replace(color=False) if to_file else text
    return reporter_class(name)()


class _VocabularyOption(click.Option):
    """An option whose value is one of a vocabulary of the repo's schema (the top-level key `key`):
    --help lists the values with their titles, read from the schema of the repo the command runs in."""

    def __init__(self, *args, key: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key = key

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        choices = _schema_choices(self.key, ctx.params.get("repo_dir"))
        if record is None or not choices:
            return record
        listed = ", ".join(f"{value} ({branch['title']})" if branch.get("title") not in (None, value) else str(value)
                           for value, branch in choices.items())
        return f"{record[0].split()[0]} [{'|'.join(map(str, choices))}]", f"{record[1]} One of: {listed}."


def _schema_choices(key: str, repo_dir: Path | None) -> dict:
    """The values (with their schema branches) of the vocabulary at the top-level `key` of the
    schema of the repo at `repo_dir` or around the current folder; {} when there is none."""
    try:
        project = Project.open(repo_dir, cache=False)
    except ProjectError:
        return {}
    schema = project.setup.schema
    return schema.choices(schema.at((key,)))


@cli.command()
@click.argument("name")
@click.option("--slug", help="The entry's slug (its file name and web address). Default: from NAME, "
                             "lower case, words joined by hyphens: \"Thymosin Beta 4\" -> thymosin-beta-4.")
@click.option("--area", cls=_VocabularyOption, key="area", metavar="AREA", help="The site section.")
@click.option("--evidence", cls=_VocabularyOption, key="evidence", metavar="BADGE",
              help="The evidence badge: the strongest kind of evidence the sources give.")
@click.option("--class", "peptide_class", metavar="TEXT",
              help="The peptide's class as the page header shows it (e.g. \"Neurotrophic peptide mixture\").")
@click.option("--repo", "repo_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The content repo. Default: found from the current folder upwards.")
def new(name: str, slug: str | None, area: str | None, evidence: str | None, peptide_class: str | None,
        repo_dir: Path | None) -> None:
    """Start a new entry: write entries/SLUG.yaml for the peptide NAME, generated from the schema.

    It has every required section in the order of the page, each under a comment that says what it
    holds, and TODO wherever text is still to be written; the check reports each TODO until it is
    replaced. It never overwrites a file, and refuses a slug or a name another entry uses.

    \b
    Example:
      peptide-lint new "Thymosin Beta 4" --area healing-recovery --evidence preclinical
    """
    from .atomic import write_atomic
    from .discover import display_path
    from .scaffold import BadRequest, Refused, new_entry_text

    cwd = Path.cwd()
    project = _project(repo_dir, (), cwd)
    given = {key: value for key, value in (("class", peptide_class), ("area", area), ("evidence", evidence))
             if value is not None}
    try:
        target, text = new_entry_text(project, name, slug=slug, values=given)
    except BadRequest as err:
        raise click.UsageError(str(err)) from None
    except Refused as err:
        raise click.ClickException(str(err)) from None
    shown = display_path(target, cwd)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except OSError as err:
        raise click.ClickException(f"cannot write {shown}: {err.strerror or err}") from None
    click.echo(f"Created {shown}. Replace each TODO (the comment above it says what goes there), then run:\n"
               f"  peptide-lint check {shown}")


@cli.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and what it checks. [safety] marks the rules about
    what can hurt a reader, whose suppressions every report lists."""
    _echo_rules(registry.RULES)


def _echo_rules(rules) -> None:
    width = max(len(rule.name) for rule in registry.RULES)
    for rule in rules:
        marks = " [safety]" if rule.safety else ""
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}{marks}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show what RULE (a code such as PL201 or a name such as claim-without-citation) checks and why.
    A code's beginning (PL3) lists the rules it covers."""
    found = registry.lookup(rule)
    family = [r for r in registry.RULES if r.code.startswith(rule.strip().upper())] if len(rule.strip()) > 2 else []
    if found is None and family:
        _echo_rules(family)
        return
    if found is None:
        names = [r.name for r in registry.RULES] + [r.code for r in registry.RULES]
        suggestion = closest(rule, names)
        hint = f"; did you mean {suggestion}?" if suggestion else "; 'peptide-lint rules' lists them"
        raise click.UsageError(f"no rule called {rule!r}{hint}")
    click.echo(f"{found.code} {found.name} [{found.severity.value}]\n{found.summary}\n")
    click.echo(found.doc.strip())


# `ruff rule X` is how ruff shows a rule: the same command under that name, not listed twice
cli.add_command(click.Command("rule", callback=explain.callback, params=explain.params, help=explain.help,
                              hidden=True))


@cli.command()
@click.option("--repo", "repo_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The content repo. Default: found from the current folder upwards.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if the files are out of date (for CI).")
@click.pass_context
def docs(ctx: click.Context, repo_dir: Path | None, check_only: bool) -> None:
    """Write docs/rules.md and docs/style-guide.md from the rules and the schema."""
    from .atomic import write_atomic
    from .docs import rules_markdown, style_guide_markdown

    project = _project(repo_dir, (), Path.cwd(), cache=False)
    outputs = {project.root / "docs" / "rules.md": rules_markdown(),
               project.root / "docs" / "style-guide.md": style_guide_markdown(project.setup.schema)}
    stale = [path for path, text in outputs.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    for path in stale:
        shown = path.relative_to(project.root).as_posix()
        if check_only:
            state = "is out of date" if path.is_file() else "is missing"
            click.echo(f"{shown} {state}; run 'peptide-lint docs'")
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, outputs[path])
        except OSError as err:
            raise click.ClickException(f"cannot write {shown}: {err.strerror or err}") from None
        click.echo(f"wrote {shown}")
    ctx.exit(1 if check_only and stale else 0)


_FORMAT_PREFIX = regex(r"(?P<format>[A-Za-z][\w-]+):(?P<file>.*)", re.DOTALL)  # not a drive letter (C:)


def _report_targets(outputs: tuple[str, ...], output_format: str, cwd: Path) -> tuple[str, dict[Path, str]]:
    """The format the terminal shows, and each file to write with its format, from the --output
    values: a usage error, before anything runs, for an unknown format, a missing file name, or a
    file (or the terminal) named twice. FILE alone takes --format's report, and the terminal then
    shows the text report; '-' is the terminal."""
    terminal = output_format
    files: dict[Path, str] = {}
    named: dict[str, str] = {}  # a report's destination (a real path, or '-') -> the --output value naming it
    for value in outputs:
        prefix = _FORMAT_PREFIX.fullmatch(value)
        name = prefix.group("file") if prefix else value
        chosen = prefix.group("format").lower() if prefix else output_format
        if chosen not in FORMATS:
            raise click.UsageError(f"--output {value}: there is no format {chosen!r}; the formats are "
                                   f"{', '.join(sorted(FORMATS))} (for a file whose name holds a colon, "
                                   f"write ./{value})")
        if name in ("", "."):
            raise click.UsageError(f"--output {value} needs a file name{' after the colon' if prefix else ''} "
                                   "(or - for the terminal)" if value else "--output needs a file name (or - for the terminal)")
        destination = "-" if name == "-" else os.path.realpath(cwd / name)
        if destination in named:
            where = "the terminal" if destination == "-" else "the same file"
            raise click.UsageError(f"--output {named[destination]} and --output {value} both write to {where}")
        named[destination] = value
        if destination == "-":
            terminal = chosen
        elif os.path.isdir(destination):
            raise click.UsageError(f"--output {value}: {name} is a folder")
        else:
            files[Path(name)] = chosen
            if prefix is None and "-" not in named:
                terminal = "text"
    return terminal, files


def _write_reports(report: Report, reporters: dict[Path, Reporter]) -> None:
    """Write each report to its file in one step; a file that cannot be written does not stop the
    others, and all of them are named."""
    from .atomic import write_atomic

    failed = []
    for target, reporter in reporters.items():
        buffer = io.StringIO()
        reporter.write(report, buffer)
        try:
            write_atomic(target, buffer.getvalue())
        except OSError as err:
            failed.append(f"cannot write {target}: {err.strerror or err}")
    if failed:
        raise click.ClickException("; ".join(failed))


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _exit_code(report: Report, strict: bool = False, exit_zero: bool = False) -> int:
    if report.tool_failed:
        return EXIT_USAGE
    failing = report.count(Severity.ERROR) or (strict and report.count(Severity.WARNING))
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with one-line usage errors (exit 2). A reader that goes away (`peptide-lint rules |
    head`) ends a command with exit code 1, click's way, without a traceback; `check` goes on to write
    its report files and exits with the code its findings give."""
    try:
        code = cli.main(args=argv, prog_name="peptide-lint", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as err:  # plain `peptide-lint`: show what it can do
        click.echo(err.ctx.get_help())
        code = EXIT_CLEAN
    except click.UsageError as err:
        command = err.ctx.command_path if err.ctx else "peptide-lint"
        click.echo(f"{command}: error: {err.format_message()} (see '{command} --help')", err=True)
        code = EXIT_USAGE
    except click.ClickException as err:
        click.echo(f"peptide-lint: error: {err.format_message()}", err=True)
        code = EXIT_USAGE
    except click.Abort:
        code = 130
    if argv is None:  # the whole process is this command (not a caller's, which goes on)
        _end_process(code or 0)
    sys.exit(code or 0)


def _end_process(code: int) -> None:
    """End the process now, with what Python's exit does that matters done first: the exit handlers
    run (the pattern store is saved) and the output is flushed. Python's own exit would then free
    every object and module one by one, and collect garbage through them, for memory the system
    takes back whole: about 15 ms, an eighth of a pre-commit run. Files are closed where they are
    written, and the caches commit as they go. Anything unusual takes the usual way: a thread still
    running, a profiler, tracer or debugger that reports when the program ends (`python -m
    cProfile`), a Python without the handlers' runner."""
    threading = sys.modules.get("threading")
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if (run_exit_handlers is None or sys.getprofile() is not None or sys.gettrace() is not None
            or (threading is not None and threading.active_count() > 1)):
        return
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away: the exit code still stands
            pass
    os._exit(code)
