"""Where peptide-lint's time goes: import costs of a one-entry run, and a profile of a whole-repo run.

    python bench/profile_check.py [--entries 1000] [--top 10] [--seed 1] [--invalid-share 0.1] [--corpora DIR]
                                  [--precommit N]

1. `python -X importtime -m peptide_lint check --no-source --no-cache entries` in a one-entry
   corpus: the top imports by cumulative time (what the pre-commit case pays before checking
   anything) and by their own time.
2. `python -m cProfile -m peptide_lint check --no-source --no-cache --jobs 1 entries` in the
   --entries corpus (one process, so that the profile sees all the work; with more jobs the work
   happens in worker processes the profiler does not follow): the top functions by cumulative
   time and by their own time.

3. With `--precommit N`: the pre-commit hook's run in the N-entry corpus (made a git repo; one
   entry edited and staged, PRE_COMMIT=1, the cache filled by an earlier run), in parts: the
   interpreter's start-up, the imports, reading git's index, the stored index's refresh, and the
   whole run next to check-jsonschema's on the same file (bench/run.py measures the case itself).

Corpora and the bytecode cache are bench/run.py's (generated on first use, then reused). Profiling
slows Python code down, so the shares matter here, not the seconds.
"""

from __future__ import annotations

import argparse
import io
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from run import (EDIT_MARK, SCHEMA_ARG, _git_repo, _precommit_target, _stage,  # noqa: E402
                 check_jsonschema_command, child_environment, corpus)

CHECK = ["-m", "peptide_lint", "check", "--no-source", "--no-cache"]


def import_times(folder: Path, env: dict[str, str], top: int) -> None:
    command = [sys.executable, "-X", "importtime", *CHECK, "entries"]
    subprocess.run(command, cwd=folder, env=env, capture_output=True)  # compiles the bytecode once
    stderr = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True).stderr
    rows = []  # (cumulative us, own us, name, top-level import it belongs to)
    top_level = ""
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((int(cumulative), int(own), name.strip(), depth))
    # -X importtime prints children before their parent: a top-level row closes the rows above it.
    owner, tagged = "", []
    for cumulative, own, name, depth in reversed(rows):
        if depth == 0:
            owner = name
        tagged.append((cumulative, own, name, depth, owner))
    roots = [r for r in tagged if r[3] == 0]
    print(f"imports of a one-entry run ({' '.join(['python', *command[1:]])}): "
          f"{sum(r[0] for r in roots) / 1000:.1f} ms in all")
    print("  top-level imports by cumulative time (site: the interpreter's start-up, .pth files included):")
    for cumulative, _, name, _, _ in sorted(roots, reverse=True)[:top]:
        print(f"    {cumulative / 1000:7.1f} ms  {name}")
    under_cli = [r for r in tagged if r[3] == 1 and r[4] == "peptide_lint.cli"]
    print(f"  top {top} imports of peptide_lint.cli by cumulative time:")
    for cumulative, _, name, _, _ in sorted(under_cli, reverse=True)[:top]:
        print(f"    {cumulative / 1000:7.1f} ms  {name}")
    print(f"  top {top} modules by own time (outside site):")
    for _, own, name, _, _ in sorted((r for r in tagged if r[4] != "site"), key=lambda r: -r[1])[:top]:
        print(f"    {own / 1000:7.1f} ms  {name}")


def profile(folder: Path, env: dict[str, str], top: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out), *CHECK, "--jobs", "1", "entries"]
        subprocess.run(command, cwd=folder, env=env, stdout=subprocess.DEVNULL)
        stats = pstats.Stats(str(out), stream=io.StringIO())
    entries = stats.stats  # (file, line, function) -> (primitive calls, calls, own, cumulative, callers)
    total = stats.total_tt
    print(f"\nprofile of python -m cProfile -m peptide_lint check --no-source --no-cache --jobs 1 entries "
          f"in {folder.name}: {total:.2f} s of profiled time")

    def name(key: tuple) -> str:
        file, line, function = key
        return f"{Path(file).name}:{line}({function})" if line else function

    # The command's own chain (runpy, click, cli.check) covers everything: leave out what spans >= 97 %.
    by_cumulative = sorted(((v[3], v[2], v[1], k) for k, v in entries.items() if v[3] < 0.97 * total),
                           reverse=True)
    print(f"  top {top} by cumulative time (below the command's own call chain):")
    print(f"    {'cumulative':>10} {'share':>6} {'own':>8} {'calls':>9}  function")
    for cumulative, own, calls, key in by_cumulative[:top]:
        print(f"    {cumulative:9.2f}s {cumulative / total:6.1%} {own:7.2f}s {calls:>9}  {name(key)}")
    print(f"  top {top} by own time:")
    for cumulative, own, calls, key in sorted(by_cumulative, key=lambda r: -r[1])[:top]:
        print(f"    {cumulative:9.2f}s {own / total:6.1%} {own:7.2f}s {calls:>9}  {name(key)}")


_STORE_PARTS = """
import os, sys, time
from pathlib import Path
from peptide_lint import git_index
from peptide_lint.api import Project
from peptide_lint.cache import ResultCache
from peptide_lint.index_store import _entry_stats
root = Path.cwd()
setup = Project.open(root).setup
best = {"git": float("inf"), "stat": float("inf"), "refresh": float("inf")}
for _ in range(int(sys.argv[1])):
    started = time.perf_counter()
    git_index.blob_ids(root)
    read = time.perf_counter()
    _entry_stats(root / "entries", root, 0)
    walked = time.perf_counter()
    # The run's own cache (the fingerprint of its code and schema): another one would find every
    # row out of date and measure a store being rebuilt, not a refresh.
    store = ResultCache.for_run(root, setup.schema, setup.config).index_store(root, root)
    os.environ["PRE_COMMIT"] = "1"
    store.refresh(root / "entries")
    del os.environ["PRE_COMMIT"]
    done = time.perf_counter()
    for part, spent in (("git", read - started), ("stat", walked - read), ("refresh", done - walked)):
        best[part] = min(best[part], spent)
print(best["git"], best["stat"], best["refresh"])
"""


def precommit_floor(folder: Path, env: dict[str, str], repeat: int) -> None:
    """The parts of the pre-commit hook's run (see the module's docstring), as bench/run.py's
    ours-hook: the corpus a git repo, one entry edited and staged before each run, PRE_COMMIT=1."""
    _git_repo(folder)
    target = _precommit_target(folder)
    name = target.relative_to(folder).as_posix()
    ours = [sys.executable, "-m", "peptide_lint", "check", "--no-source"]
    hook = {**env, "PRE_COMMIT": "1"}
    subprocess.run(ours + ["entries"], cwd=folder, env=env, stdout=subprocess.DEVNULL)  # fills the cache

    def best(command: list[str], edit: bool = False, environment: dict[str, str] = env) -> float:
        times = []
        original = target.read_bytes()
        try:
            for round_ in range(repeat):
                if edit:  # only the named entry is new to the cache, as in a real commit
                    target.write_bytes(original + f"{EDIT_MARK} {round_}\n".encode())
                    _stage(folder, name)
                started = time.perf_counter()
                subprocess.run(command, cwd=folder, env=environment, stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - started)
        finally:
            target.write_bytes(original)
            _stage(folder, name)
        return min(times) * 1000

    start_up = best([sys.executable, "-c", "pass"])
    # Ended as the command ends its process (cli._end_process): without Python's teardown of every
    # module, which a run does not pay and would be counted here as import time.
    imports = best([sys.executable, "-c", "import peptide_lint.cli, peptide_lint.cache, peptide_lint.index_store, os; "
                    "os._exit(0)"])
    git, walk, refresh = (float(x) * 1000 for x in subprocess.run(
        [sys.executable, "-c", _STORE_PARTS, str(repeat)], cwd=folder, env=env, capture_output=True,
        text=True, check=True).stdout.split())
    whole = best(ours + [name], edit=True, environment=hook)
    cjs = check_jsonschema_command()
    theirs = best(cjs + ["--schemafile", SCHEMA_ARG, name]) if cjs else None
    print(f"\nthe pre-commit hook's run in {folder.name} ({name} edited and staged, PRE_COMMIT=1, the cache "
          f"filled by an earlier run), best of {repeat}:")
    print(f"  {start_up:7.1f} ms  the interpreter's start-up (python -c pass)")
    print(f"  {imports - start_up:7.1f} ms  importing peptide_lint.cli, .cache and .index_store, beyond that")
    print(f"  {git:7.1f} ms  reading git's index for every entry's blob id (git_index.blob_ids, in-process)")
    print(f"  {refresh:7.1f} ms  IndexStore.refresh with PRE_COMMIT=1 (the above, then the stored rows compared)")
    print(f"  {walk:7.1f} ms  (not in the hook's run) a stat of every entry, as a run outside the hook does")
    print(f"  {whole:7.1f} ms  the whole run: PRE_COMMIT=1 python -m peptide_lint check --no-source {name}")
    print(f"  {whole - imports - refresh:7.1f} ms  the rest of the whole run: checking the entry, the rules across "
          "entries, the cache, the report")
    if theirs is not None:
        print(f"  {theirs:7.1f} ms  check-jsonschema on the same file; half of it: {theirs / 2:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1000, help="corpus size for the profile (default 1000)")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.1)
    parser.add_argument("--corpora", type=Path, default=BENCH)
    parser.add_argument("--precommit", type=int, metavar="N", help="also break down the pre-commit case at N entries")
    parser.add_argument("--repeat", type=int, default=7, help="runs per part of --precommit (default 7)")
    args = parser.parse_args(argv)
    env = child_environment(args.corpora / "corpus-pycache")
    import_times(corpus(args.corpora, 1, args.seed, args.invalid_share), env, args.top)
    profile(corpus(args.corpora, args.entries, args.seed, args.invalid_share), env, args.top)
    if args.precommit:
        precommit_floor(corpus(args.corpora, args.precommit, args.seed, args.invalid_share), env, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
