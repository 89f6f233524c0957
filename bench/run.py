"""Measure peptide-lint against check-jsonschema on generated content repos of growing size.

    python bench/run.py [--sizes 1,100,1000,10000] [--seed 1] [--invalid-share 0.1] [--repeat 3]
                        [--jobs N] [--corpora DIR] [--precommit-sizes 1,1000 | --no-precommit] [--warm]
                        [--no-bytecode-cache] [--breakdown]

For each size it generates a corpus with bench/generate.py (kept in --corpora, default bench/, and
reused while the arguments and the generator are the same) and runs, as whole new processes from the
corpus root, one after the other in turns (ours, theirs, ours, theirs, ...):

  ours    python -m peptide_lint check --no-source --no-cache [--jobs N] entries
          (the entries folder; every rule; the result cache off, so every file is read and checked)
  cjs     check-jsonschema --schemafile schema/entry.schema.json <every entry file>
          (the same files, named one by one; split over several processes only if the command line
          would be too long for the system, which the output then says)
  ours-warm  (with --warm) ours with the result cache, filled by one run before the measured ones
  ours-read  (with --breakdown) ours with only the rules of the reading and schema stages selected:
          every file is read, parsed and validated against the schema, no content or repo rule runs
  ours-noclaim  (with --breakdown) ours without the rules that read sentences through the claim
          model (the rules whose module uses peptide_lint.claims)

It prints wall time (best and median of --repeat runs), entries per second and milliseconds per
entry (from the best run), peak memory two ways, the exit code, and the ratios ours / cjs.

Then the pre-commit case at each of --precommit-sizes (default: every size): the corpus is made a
git repo (once), and before each run one entry is edited and staged, as a commit finds it; the run
names it on the command line. ours-hook sets PRE_COMMIT=1 as the hook does (git's index says what
changed; the result cache and the stored index were filled by an earlier run, but never hold the
edited text); ours-cached is the same run without it (a stat of every entry says what changed);
ours-first has no cache at all: the first commit after a fresh clone, which builds the stored
index. check-jsonschema checks the same edited file.

Peak memory: "peak RSS" is the tool process's ru_maxrss from os.wait4: the largest resident set of
the process or of any process it started and waited for, such as peptide-lint's workers (Linux
reports the largest one, not a sum). A small launcher process starts each tool and reports it,
since a forked child's ru_maxrss also counts the resident set of the parent it was forked from.
"all procs" samples, every 50 ms, the proportional set size (PSS: shared pages divided among the
processes sharing them) of the process and all its descendants, summed, and keeps the peak: what
the run as a whole occupies (a lower bound, as sampling can miss a short spike).

Bytecode: both tools run with compiled bytecode, as installed packages do, kept for both under
<corpora>/corpus-pycache (PYTHONPYCACHEPREFIX); untimed warm-up runs compile it (and peptide-lint's
compiled regular expressions, which it keeps beside its bytecode; that store is removed first, so
that it holds what the measured code uses, as after a fresh install). Without that, an environment
with PYTHONDONTWRITEBYTECODE set would compile the editable peptide-lint anew on every run but not
check-jsonschema (--no-bytecode-cache measures that way). The header says what the measured runs
found: how many of peptide-lint's modules had bytecode, and whether its regular expressions were kept.

Figures, not a test: the exit code is 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from generate import MANIFEST, generate, generator_version  # noqa: E402

SCHEMA_ARG = "schema/entry.schema.json"
EDIT_MARK = "# bench/run.py: edited for the pre-commit case"
SAMPLE_SECONDS = 0.05


@dataclass
class Sample:
    wall: float  # seconds
    rss: float  # MiB, ru_maxrss of the child (largest single process)
    tree: float | None  # MiB, peak of the summed PSS of the process tree (None: /proc not readable)
    exit: int
    processes: int = 1  # command lines run (more than 1 only when the arguments had to be split)
    stderr: str = ""


# --- measuring one command ------------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc/<pid>/task/<tid>/children (any thread may fork)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    queue += [int(child) for child in handle.read().split()]
            except OSError:
                pass
    return found


def _pss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


class TreeSampler(threading.Thread):
    """The peak, over samples, of the summed PSS of the descendants of a process (the launcher)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.readable = pid, 0.0, os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
        self._stop_event = threading.Event()

    def run(self) -> None:
        while self.readable and not self._stop_event.is_set():
            self.peak = max(self.peak, sum(_pss_mib(pid) for pid in _descendants(self.pid)[1:]))
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> float | None:
        self._stop_event.set()
        self.join()
        return self.peak if self.readable else None


# The environment of the measured processes (see child_environment).
CHILD_ENV: dict[str, str] | None = None


# A process's ru_maxrss includes the resident set it had before exec, which for a forked child is
# its parent's: measured from this script (tens of MiB, more after generating a corpus), a small
# tool would report this script's size. So a minimal interpreter (no site, no imports beyond os,
# sys and time: about 8 MiB) starts each tool, waits for it with wait4 and reports its figures.
LAUNCHER = """
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(repr(wall), usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run `command` once as a new process (in `env`, else CHILD_ENV); its wall time, peak memory
    and exit code."""
    with tempfile.TemporaryFile() as errors:
        launcher = subprocess.Popen([sys.executable, "-S", "-I", "-c", LAUNCHER, *command], cwd=cwd,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                                    env=env or CHILD_ENV)
        sampler = TreeSampler(launcher.pid)
        sampler.start()
        report, _ = launcher.communicate()
        tree = sampler.stop()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    try:
        wall, maxrss_kib, code = report.split()
        return Sample(float(wall), int(maxrss_kib) / 1024, tree, int(code), 1, stderr)
    except ValueError:
        raise SystemExit(f"run.py: could not run {' '.join(command)}: {stderr.strip()}") from None


def measure_chunks(commands: list[list[str]], cwd: Path) -> Sample:
    """Several command lines that together are one run: times add up, memory is the largest."""
    samples = [measure(command, cwd) for command in commands]
    trees = [s.tree for s in samples if s.tree is not None]
    return Sample(sum(s.wall for s in samples), max(s.rss for s in samples), max(trees) if trees else None,
                  max(s.exit for s in samples), len(samples), "".join(s.stderr for s in samples))


def split_arguments(fixed: list[str], files: list[str], limit: int) -> list[list[str]]:
    """`fixed + files` as few command lines as fit in `limit` bytes of arguments each."""
    def cost(arg: str) -> int:
        return len(os.fsencode(arg)) + 1 + 8  # the string, its NUL, its pointer

    base = sum(cost(arg) for arg in fixed)
    chunks: list[list[str]] = []
    current: list[str] = []
    used = base
    for name in files:
        if current and used + cost(name) > limit:
            chunks.append(fixed + current)
            current, used = [], base
        current.append(name)
        used += cost(name)
    chunks.append(fixed + current)
    return chunks


def argument_limit() -> int:
    """Bytes of arguments one command line may use here: ARG_MAX less the environment and a margin."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 128 * 1024
    environment = sum(len(os.fsencode(k)) + len(os.fsencode(v)) + 2 + 8 for k, v in os.environ.items())
    return max(16 * 1024, min(arg_max, 2 * 1024 * 1024) - environment - 64 * 1024)


def child_environment(pycache: Path | None) -> dict[str, str]:
    """Both tools run as installed packages normally do: with compiled bytecode, kept (for both alike)
    under `pycache` instead of next to the sources. Without it, an environment that sets
    PYTHONDONTWRITEBYTECODE (as this project's machine does) would recompile the editable
    peptide-lint on every run but not check-jsonschema, whose bytecode pip wrote at install time."""
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def source_state() -> str:
    """Which peptide-lint was measured: its folder, and its commit when it is a git checkout."""
    import peptide_lint

    folder = Path(peptide_lint.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=folder, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=folder, capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        head, dirty = "", ""
    if not head:
        return str(folder)
    return f"{folder} at commit {head}" + (" with uncommitted changes" if dirty else "")


_BYTECODE_STATE = """
import importlib.util, os, sys, peptide_lint.cli, peptide_lint.patterns as patterns
modules = [m for name, m in sys.modules.items() if name.startswith("peptide_lint") and getattr(m, "__file__", None)]
compiled = sum(os.path.exists(importlib.util.cache_from_source(m.__file__)) for m in modules)
print(compiled, len(modules), int(bool(patterns._STORE.path and os.path.exists(patterns._STORE.path))))
"""


def bytecode_state(env: dict[str, str] | None) -> str:
    """Whether the runs find peptide-lint compiled: its modules with bytecode, and its kept regular
    expressions (asked of a process with the runs' environment, after the warm-up runs)."""
    try:
        compiled, modules, patterns = subprocess.run(
            [sys.executable, "-c", _BYTECODE_STATE], env=env, capture_output=True, text=True, timeout=60,
            check=True).stdout.split()
    except (OSError, subprocess.SubprocessError, ValueError):
        return "unknown"
    return (f"{compiled} of {modules} peptide-lint modules had bytecode, its regular expressions "
            f"{'were' if patterns == '1' else 'were NOT'} kept compiled")


def _load() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


# --- corpora --------------------------------------------------------------------------------------


def corpus(root: Path, size: int, seed: int, share: float) -> Path:
    """The corpus for these arguments, generated unless an up-to-date one is already there."""
    folder = root / f"corpus-{size}-s{seed}-p{share:g}"
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        fresh = manifest["generator"] == generator_version() and (manifest["entries"], manifest["seed"],
                                                                  manifest["invalid_share"]) == (size, seed, share)
    except (OSError, ValueError, KeyError):
        fresh = False
    if fresh:
        _undo_edit(_precommit_target(folder))  # a run stopped half-way through the pre-commit case
    else:
        print(f"generating {size} entries in {folder} ...", flush=True)
        generate(folder, size, seed, share)
    return folder


def _precommit_target(folder: Path) -> Path:
    """The first entry without a violation: the pre-commit case edits and checks it."""
    invalid = json.loads((folder / MANIFEST).read_text())["invalid"]
    for path in sorted((folder / "entries").glob("*.yaml")):
        if path.stem not in invalid:
            return path
    return sorted((folder / "entries").glob("*.yaml"))[0]


def _undo_edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if EDIT_MARK in text:
        path.write_text(text[:text.index(EDIT_MARK)], encoding="utf-8")


# --- the tools ------------------------------------------------------------------------------------


def rule_groups() -> tuple[list[str], list[str]]:
    """The codes of the rules of the reading and schema stages, and of the rules that read sentences
    through the claim model (their module uses peptide_lint.claims), as the installed checker has them."""
    from peptide_lint import claims, registry

    def reads_claims(module) -> bool:
        return any(value is claims or getattr(value, "__module__", None) == claims.__name__
                   for value in vars(module).values())

    reading = [rule.code for rule in registry.RULES if rule.stage in ("file", "schema")]
    claim_model = [rule.code for rule in registry.RULES
                   if rule.check is not None and reads_claims(sys.modules[rule.check.__module__])]
    return reading, claim_model


def check_jsonschema_command() -> list[str] | None:
    """check-jsonschema of this interpreter's environment (not a shim that would add its own start-up)."""
    beside = Path(sys.executable).parent / "check-jsonschema"
    if beside.is_file():
        return [str(beside)]
    try:
        import check_jsonschema  # noqa: F401
    except ImportError:
        found = shutil.which("check-jsonschema")
        return [found] if found else None
    return [sys.executable, "-m", "check_jsonschema"]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _ruamel_c_parser() -> bool:
    try:
        import ruamel.yaml

        return "CParser" in ruamel.yaml.YAML(typ="safe").Parser.__name__
    except Exception:  # noqa: BLE001 - only a line of the header
        return False


# --- the report -----------------------------------------------------------------------------------


def _fmt_mib(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


class Table:
    HEADER = (f"{'entries':>10}  {'tool':<15} {'best s':>8} {'median s':>9} {'entries/s':>10} {'ms/entry':>9} "
              f"{'peak RSS MiB':>13} {'all procs MiB':>14} {'exit':>5}")

    def __init__(self) -> None:
        self.best: dict[tuple[str, str], Sample] = {}

    def row(self, label: str, size: int, tool: str, samples: list[Sample], note: str = "") -> None:
        walls = [s.wall for s in samples]
        best = min(samples, key=lambda s: s.wall)
        trees = [s.tree for s in samples if s.tree is not None]
        summary = Sample(best.wall, max(s.rss for s in samples), max(trees) if trees else None,
                         samples[-1].exit, best.processes)
        self.best[(label, tool)] = summary
        name = tool + (f" ({best.processes} procs)" if best.processes > 1 else "")
        print(f"{label:>10}  {name:<15} {best.wall:>8.3f} {statistics.median(walls):>9.3f} "
              f"{size / best.wall:>10.1f} {best.wall / size * 1000:>9.2f} {summary.rss:>13.1f} "
              f"{_fmt_mib(summary.tree):>14} {summary.exit:>5}{note}", flush=True)
        odd = [s for s in samples if s.exit not in (0, 1)]
        if odd:
            print(f"            !! {tool} exited {odd[-1].exit}; its error output ends with:\n"
                  + "\n".join("               " + line for line in odd[-1].stderr.strip().splitlines()[-8:]))

    def ratio(self, label: str, ours: str, theirs: str = "cjs") -> str | None:
        a, b = self.best.get((label, ours)), self.best.get((label, theirs))
        if a is None or b is None:
            return None
        wall = a.wall / b.wall
        tree = f", all procs x{a.tree / b.tree:.2f}" if a.tree and b.tree else ""
        line = (f"wall x{wall:.2f} ({1 / wall:.2f} times as fast), peak RSS x{a.rss / b.rss:.2f}{tree}")
        print(f"{label:>10}  {ours + '/' + theirs:<15} {line}", flush=True)
        return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 2)[2])
    parser.add_argument("--sizes", default="1,100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.1, help="share of entries with a violation")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and size (best and median)")
    parser.add_argument("--jobs", type=int, default=None, help="peptide-lint --jobs (default: its own, all cores)")
    parser.add_argument("--corpora", type=Path, default=BENCH, help="where corpora are generated and kept "
                        "(default: bench/, ignored by git)")
    parser.add_argument("--precommit-sizes", default=None,
                        help="corpus sizes for the pre-commit case, comma-separated (default: every one of --sizes)")
    parser.add_argument("--no-precommit", action="store_true", help="skip the pre-commit case")
    parser.add_argument("--warm", action="store_true", help="also measure peptide-lint with a filled result cache")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run the tools in this environment as it is (with PYTHONDONTWRITEBYTECODE set, "
                             "peptide-lint is then compiled anew on every run)")
    parser.add_argument("--breakdown", action="store_true",
                        help="also measure the whole-repo run with only the reading and schema stages, and "
                             "without the claim model's rules: where its time goes")
    parser.add_argument("--arg-bytes", type=int, default=None, help=argparse.SUPPRESS)  # tests: force splitting
    args = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 1,100,1000")
    try:
        precommit_sizes = sizes if args.precommit_sizes is None else [
            int(size) for size in args.precommit_sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--precommit-sizes takes whole numbers separated by commas, e.g. 1,1000,10000")
    if not sizes or min(sizes + precommit_sizes) < 1 or args.repeat < 1 or not 0 <= args.invalid_share <= 1:
        parser.error("sizes and --repeat must be at least 1, --invalid-share between 0 and 1")
    args.corpora.mkdir(parents=True, exist_ok=True)

    global CHILD_ENV
    pycache = None if args.no_bytecode_cache else args.corpora / "corpus-pycache"
    CHILD_ENV = child_environment(pycache)
    if pycache is not None:
        # The compiled regular expressions as a fresh install keeps them: a store written while
        # the patterns were being edited also holds their old versions, which every run reads.
        for stale in pycache.rglob("peptide_lint-patterns.*.bin"):
            stale.unlink()
    cjs = check_jsonschema_command()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    ours = [sys.executable, "-m", "peptide_lint", "check", "--no-source", *jobs]
    limit = args.arg_bytes or argument_limit()
    print(f"peptide-lint {_version('peptide-lint')} vs check-jsonschema {_version('check-jsonschema')} "
          f"(jsonschema {_version('jsonschema')}, ruamel.yaml {_version('ruamel.yaml')}, ruamel.yaml.clib "
          f"{_version('ruamel.yaml.clib')}, C parser {'used' if _ruamel_c_parser() else 'NOT used'})")
    print(f"machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
          f"Python {platform.python_version()}; corpus seed {args.seed}, invalid share {args.invalid_share:g}")
    print(f"command: python {' '.join([os.path.relpath(sys.argv[0])] + (argv if argv is not None else sys.argv[1:]))}")
    print(f"peptide-lint measured: {source_state()}")
    print(f"bytecode: {'compiled once, kept in ' + str(pycache) if pycache else 'as the environment has it'}; "
          f"{_load()} at the start")
    print(f"ours:    python -m peptide_lint check --no-source --no-cache {' '.join(jobs + ['entries'])}   "
          f"(the entries folder, one process; jobs: {args.jobs or f'default, all {os.cpu_count()} cores'})")
    if cjs:
        print(f"theirs:  check-jsonschema --schemafile {SCHEMA_ARG} <every entry file>   (one command line "
              "unless it would be too long; then the row says how many processes)")
    else:
        print("theirs:  check-jsonschema is not installed (python3 -m pip install -e '.[bench]'): no comparison")
    if args.breakdown:
        reading, claim_model = rule_groups()
        print(f"ours-read:    the same with --select {','.join(reading)}")
        print(f"ours-noclaim: the same with --ignore {','.join(claim_model)}")
    print(f"every run is a whole new process from the corpus root; wall: best and median of {args.repeat}; "
          "entries/s and ms/entry from the best\n")

    table = Table()
    print(Table.HEADER)
    folders: dict[int, Path] = {}
    warmed_many = False  # a warm-up run has checked enough files to start worker processes
    for size in sizes:
        folder = folders[size] = corpus(args.corpora, size, args.seed, args.invalid_share)
        files = sorted(p.relative_to(folder).as_posix() for p in (folder / "entries").glob("*.yaml"))
        runs = {"ours": lambda: measure(ours + ["--no-cache", "entries"], folder)}
        if args.warm:
            shutil.rmtree(folder / ".peptide-lint-cache", ignore_errors=True)
            measure(ours + ["entries"], folder)  # fills the cache
            runs["ours-warm"] = lambda: measure(ours + ["entries"], folder)
        if args.breakdown:
            reading, claim_model = rule_groups()
            runs["ours-read"] = lambda: measure(ours + ["--no-cache", "--select", ",".join(reading), "entries"], folder)
            runs["ours-noclaim"] = lambda: measure(ours + ["--no-cache", "--ignore", ",".join(claim_model), "entries"],
                                                   folder)
        if cjs:
            chunks = split_arguments(cjs + ["--schemafile", SCHEMA_ARG], files, limit)
            runs["cjs"] = lambda chunks=chunks: measure_chunks(chunks, folder)
        if size <= 1000 or not warmed_many:
            for run in runs.values():  # untimed: compiles the bytecode of what a run of this size imports
                run()
            warmed_many = warmed_many or size >= 32
        samples: dict[str, list[Sample]] = {tool: [] for tool in runs}
        for _ in range(args.repeat):
            for tool, run in runs.items():
                samples[tool].append(run())
        label = str(size)
        for tool in runs:
            table.row(label, size, tool, samples[tool],
                      "   <- pre-commit case, one-entry repo" if size == 1 and tool == "ours" else "")
        for tool in runs:
            if tool != "cjs":
                table.ratio(label, tool)

    print(f"\nbytecode found by the runs: {bytecode_state(CHILD_ENV)}")
    precommit = []
    for size in [] if args.no_precommit else precommit_sizes:
        folder = folders.get(size) or corpus(args.corpora, size, args.seed, args.invalid_share)
        precommit.append(_precommit(args, table, ours, cjs, folder, size))
    _summary(table, sizes, precommit)
    return 0


def _git_repo(folder: Path) -> None:
    """Make the corpus a git repo with every file committed, as a content repo is (once: it is kept)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}

    def git(*arguments: str) -> str:
        return subprocess.run(["git", *arguments], cwd=folder, env=env, check=True, capture_output=True,
                              text=True).stdout

    if not (folder / ".git").is_dir():
        git("init", "-q")
        git("add", "-A")
        git("commit", "-q", "-m", "the generated corpus")
    elif git("status", "--porcelain", "--untracked-files=no").strip():
        git("checkout", "-q", "--", ".")  # a run stopped half-way through the pre-commit case
        git("reset", "-q")


def _stage(folder: Path, name: str) -> None:
    subprocess.run(["git", "add", "--", name], cwd=folder, check=True, capture_output=True)


def _precommit(args, table: Table, ours: list[str], cjs: list[str] | None, folder: Path, size: int) -> str:
    """One changed entry, edited and staged just before each run, named on the command line in a
    git repo: what `git commit` runs through the hook (a real commit never finds the staged file in
    the result cache)."""
    _git_repo(folder)
    target = _precommit_target(folder)
    name = target.relative_to(folder).as_posix()
    original = target.read_bytes()
    label = f"1 of {size}"
    hook = dict(CHILD_ENV or os.environ, PRE_COMMIT="1")
    hook.pop("PRE_COMMIT_FROM_REF", None)
    print(f"\npre-commit case, {size}-entry git repo: {name} edited (a comment appended) and staged before "
          "each run, then named on the command line, whole process:\n"
          "  ours-hook:   PRE_COMMIT=1 as the hook sets it (git's index says what changed), result cache "
          "and stored index filled by an earlier run\n"
          "  ours-cached: the same without PRE_COMMIT (an editor's run: a stat of every entry says what "
          "changed)\n"
          "  ours-first:  PRE_COMMIT=1 and no cache yet: the first commit after a fresh clone (the stored "
          "index is built)")
    print(Table.HEADER)
    shutil.rmtree(folder / ".peptide-lint-cache", ignore_errors=True)
    measure(ours + ["entries"], folder)  # fills the cache and the stored index
    runs = {"ours-hook": hook, "ours-cached": CHILD_ENV, "ours-first": hook}
    samples: dict[str, list[Sample]] = {tool: [] for tool in [*runs, *(["cjs"] if cjs else [])]}
    saved = folder / ".peptide-lint-cache-saved"
    try:
        for round_ in range(args.repeat):
            for tool, env in runs.items():
                target.write_bytes(original + f"{EDIT_MARK} {tool} {round_} {os.getpid()}\n".encode())
                _stage(folder, name)
                if tool == "ours-first":
                    shutil.rmtree(saved, ignore_errors=True)
                    os.replace(folder / ".peptide-lint-cache", saved)
                samples[tool].append(measure(ours + [name], folder, env))
                if tool == "ours-first":
                    shutil.rmtree(folder / ".peptide-lint-cache", ignore_errors=True)
                    os.replace(saved, folder / ".peptide-lint-cache")
            if cjs:
                samples["cjs"].append(measure(cjs + ["--schemafile", SCHEMA_ARG, name], folder))
    finally:
        target.write_bytes(original)
        _stage(folder, name)
        if saved.exists():
            shutil.rmtree(folder / ".peptide-lint-cache", ignore_errors=True)
            os.replace(saved, folder / ".peptide-lint-cache")
    for tool, found in samples.items():
        table.row(label, 1, tool, found)
    for tool in runs:
        table.ratio(label, tool)
    return label


def _summary(table: Table, sizes: list[int], precommit: list[str]) -> None:
    """The figures the speed targets are about, in one place. Nothing here passes or fails."""
    print(f"\nsummary (ours / cjs; below 1 means peptide-lint is faster or smaller; {_load()} at the end):")

    def line(what: str, label: str, tool: str = "ours") -> None:
        a, b = table.best.get((label, tool)), table.best.get((label, "cjs"))
        if a and b:
            print(f"  {what:<58} {a.wall:7.3f} s vs {b.wall:7.3f} s   wall x{a.wall / b.wall:.2f}   "
                  f"peak RSS {a.rss:6.1f} vs {b.rss:6.1f} MiB")

    for label in precommit:
        line(f"pre-commit hook, {label}, edited entry", label, "ours-hook")
        line(f"an editor's run, {label}, edited entry", label, "ours-cached")
        line(f"first commit after a fresh clone, {label}", label, "ours-first")
    big = max(sizes)
    line(f"whole repo, {big} entries, no cache", str(big))
    line(f"  the same, reading and schema stages only", str(big), "ours-read")
    line(f"  the same, without the claim model's rules", str(big), "ours-noclaim")
    per_entry = [(size, table.best[(str(size), "ours")]) for size in sizes if size >= 100]
    if len(per_entry) > 1:
        print("  ms per entry, ours: " + ", ".join(f"{s.wall / size * 1000:.2f} at {size}" for size, s in per_entry))
        print("  peak RSS, ours:     " + ", ".join(f"{s.rss:.1f} MiB at {size}" for size, s in per_entry))

if __name__ == "__main__":
    sys.exit(main())
