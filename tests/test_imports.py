"""The modules depend on each other one way: no cycles, and nothing the rules stand on imports a rule.

Layers, from the bottom: the foundation (findings, the document model and its reader, the schema,
prose and claims, the repo index) -> the rules (rules/, each one module) -> the registry of rules ->
the run (pipeline, executor, cache) -> reports and the command line. A module of the foundation that
imported a rule would tie the foundation to one rule's wording; a cycle would make the import order
decide what works.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "peptide_lint"


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of the package it imports (at any place in the file)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name or "peptide_lint"] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # imports for type checkers only never run: not dependencies
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                node.body = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".") if package else []
                    base = base[:len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                elif (node.module or "").startswith("peptide_lint"):
                    target = node.module.removeprefix("peptide_lint").lstrip(".")
                else:
                    continue
                for alias in node.names:
                    child = f"{target}.{alias.name}" if target else alias.name
                    found.add(child if child in modules else target)
            elif isinstance(node, ast.Import):
                found.update(alias.name.removeprefix("peptide_lint.") for alias in node.names
                             if alias.name.startswith("peptide_lint."))
        graph[name] = {module for module in found if module in modules and module != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(module: str) -> None:
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def is_rule(module: str) -> bool:
    return module.startswith("rules.") and module != "rules.base"


# The stages that read a file and check it against the schema emit problems that rules word: they
# stand below the rules whether or not a rule imports them.
STAGES = {"loader", "linescan", "schema_check"}


def foundation(graph: dict[str, set[str]]) -> set[str]:
    """What the rules stand on: every module a rule or a stage imports, directly or not, and the
    stages, but the rules."""
    found, todo = set(STAGES), [m for m in graph if is_rule(m)] + sorted(STAGES)
    while todo:
        for other in graph[todo.pop()]:
            if other not in found and not is_rule(other):
                found.add(other)
                todo.append(other)
    return found


def test_no_module_depends_on_itself_through_others():
    assert cycles(import_graph()) == []


def test_nothing_the_rules_stand_on_imports_a_rule_or_the_registry():
    graph = import_graph()
    below = foundation(graph)
    assert {module: sorted(other for other in graph[module] if is_rule(other) or other == "registry")
            for module in below if any(is_rule(other) or other == "registry" for other in graph[module])} == {}
    assert "findings" in below and "pipeline" not in below  # the walk reached the foundation, and only it


def test_only_the_parser_module_imports_ruamel():
    """The parser is behind one module: everything else reads a Document (document.py), so that the
    parser, or the route through it, can change in one place."""
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            if any(name.split(".")[0] in ("ruamel", "_ruamel_yaml") for name in names):
                importers.add(path.relative_to(PACKAGE).as_posix())
    assert importers == {"parser.py"}


def test_a_check_imports_only_what_it_needs(repo):
    """What a pre-commit run imports is paid on every commit. Its records are NamedTuples or plain
    classes: a dataclass compiles its methods at import (0.35 ms a class, 12 ms in all when the
    records were dataclasses). The fixer, the baseline, jsonschema (the schema is checked by
    quickcheck.py) and the other report formats load only when a run uses them."""
    import subprocess
    import sys

    from test_cli import add_entry

    add_entry(repo, "testpeptide-a")
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print(sorted(m for m in sys.modules if m in WATCHED), file=sys.stderr))\n"
             "sys.argv = ['peptide-lint', 'check', '--no-cache', 'entries']\n"
             "from peptide_lint.cli import main\n"
             "main()\n").replace("WATCHED", repr(("dataclasses", "jsonschema", "peptide_lint.fixes",
                                                  "peptide_lint.baseline", "peptide_lint.reporters.json",
                                                  "peptide_lint.reporters.sarif")))
    done = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True)
    assert "All clear" in done.stdout, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
