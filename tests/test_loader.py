"""The loader and the parser behind it: plain data, exact positions, and bad input that never
escapes as an exception."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peptide_lint import parser, registry
from peptide_lint.document import Timestamp
from peptide_lint.findings import Finding, Span
from peptide_lint.loader import LoadResult, load_bytes


def load(text: str | bytes) -> LoadResult:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(raw, Path("entries/x.yaml"), "entries/x.yaml")


def findings(result: LoadResult, shown: str = "entries/x.yaml") -> list[Finding]:
    """The reading stage's problems in their rules' words, as a check reports them."""
    return [registry.lookup(problem.rule).worded(shown, problem) for problem in result.problems]


def test_yaml_1_2_keeps_no_on_yes_as_text_and_reads_dates_as_timestamps():
    result = load("a: no\nb: on\nc: yes\nd: 2020-01-02\ne: 2020\nf: '2020'\ng: true\nh: ~\ni: 1.5\n")
    assert result.problems == []
    assert result.document.data == {"a": "no", "b": "on", "c": "yes", "d": Timestamp("2020-01-02"),
                                    "e": 2020, "f": "2020", "g": True, "h": None, "i": 1.5}


def test_every_key_and_value_has_its_line_and_column():
    doc = load("# comment\nouter:\n  inner: value\n  list:\n    - first\n    - key: deep\n").document
    assert doc.key_span(("outer",)).line == 2
    assert doc.key_span(("outer", "inner")) == Span(3, 3, 3, 8)
    assert doc.span(("outer", "inner")) == Span(3, 10, 3, 15)
    assert doc.span(("outer", "list", 0)) == Span(5, 7, 5, 12)
    assert doc.span(("outer", "list", 1, "key")) == Span(6, 12, 6, 16)
    assert doc.span(("outer", "missing", "path")) == doc.span(("outer",))


def test_positions_inside_folded_and_quoted_text():
    doc = load("a: >-\n  first line\n  second word here\nb: 'it''s x'\nc: \"tab\\there y\"\n").document
    text = doc.get(("a",))
    start = text.index("word")
    assert doc.text_span(("a",), start, start + 4) == Span(3, 10, 3, 14)
    value = doc.get(("b",))
    assert doc.text_span(("b",), value.index("x"), value.index("x") + 1) == Span(4, 11, 4, 12)
    value = doc.get(("c",))
    assert doc.text_span(("c",), value.index("y"), value.index("y") + 1).column == 15


def test_bom_and_crlf_do_not_shift_positions():
    result = load(b"\xef\xbb\xbfname: x\r\nslug: y\r\n")
    assert result.problems == []
    assert result.document.span(("slug",)) == Span(2, 7, 2, 8)


def test_a_billion_laughs_file_is_a_finding_in_bounded_memory():
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    result = load(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert {problem.rule for problem in result.problems} == {"anchors-and-aliases"}
    assert result.problems[0].span.line == 1


DEEP_TEXTS = {  # each nests 50,000 levels, far past what composing by recursion survives
    "flow lists": "name: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "flow mappings": "name: " + "{a: " * 50_000 + "}" * 50_000 + "\n",
    "block lists": "name:\n" + "- " * 50_000 + "x\n",
}


@pytest.mark.parametrize("shape", DEEP_TEXTS)
@pytest.mark.parametrize("route", ["C parser", "ruamel's own loader"])
def test_a_file_nested_without_end_is_a_finding_not_a_crash(shape, route, tmp_path):
    # In a process of its own: a stack overflow in C would kill the test run itself.
    entry = tmp_path / "deep.yaml"
    entry.write_text("slug: deep\n" + DEEP_TEXTS[shape])
    program = ("import sys; from pathlib import Path; from peptide_lint import loader, parser\n"
               f"if {route != 'C parser'}: parser._c_parser = None\n"
               "result = loader.load_file(Path(sys.argv[1]), 'deep.yaml')\n"
               "print([(p.rule, p.span.line) for p in result.problems], loader.load_data(Path(sys.argv[1]).read_bytes()))")
    done = subprocess.run([sys.executable, "-c", program, str(entry)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("]")[0] + "]" == f"[('nesting-too-deep', {3 if shape == 'block lists' else 2})]"
    assert done.stdout.strip().endswith("None")  # nor is it read for the repo index


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "ran"
    result = load(f'name: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert [f.code for f in findings(result)] == ["PL011"]


def test_non_utf8_points_at_the_byte():
    result = load("slug: a\nname: caf".encode() + b"\xe9 ok\n")
    assert [(f.code, f.line, f.column) for f in findings(result)] == [("PL002", 2, 10)]


def test_tabs_are_reported_on_every_line_and_not_again_as_syntax_errors():
    result = load("a:\n\tb: 1\n\tc: 2\n")
    assert [(f.code, f.line, f.column) for f in findings(result)] == [("PL004", 2, 1), ("PL004", 3, 1)]


def test_every_finding_lies_inside_the_file():
    samples = ["a: [", "a: 'x", "\t- x", "a: b: c", "- a\n- b", "a: 1\nb:\n  - c\n d: e\n", "? [a]\n: b\n",
               "a: *nope\n", "&x a: b\n", "---\n---\n", "a: !!binary aGVsbG8=\n"]
    for sample in samples:
        lines = (sample.splitlines() or [""])
        for finding in findings(load(sample)):
            assert 1 <= finding.line <= max(len(lines), 1) + 1, (sample, finding)
            assert finding.column >= 1


def test_the_data_only_load_for_the_index_agrees_with_the_full_load():
    from casefiles import all_case_files, load_cases
    from peptide_lint.loader import load_data

    for path in all_case_files():
        for case in load_cases(path):
            full = load(case.content)
            if full.document is not None and not any(f.code in ("PL006", "PL010", "PL011", "PL013")
                                                     for f in findings(full)):
                assert load_data(case.content) == full.document.data, case.id


@given(st.text(alphabet="~nNuUlLtTrReEfFaAsS0123456789+-.<xXoObBiI:_ Zz", max_size=14)
       | st.sampled_from(["null", "Null", "NULL", "~", "", "true", "False", "TRUE", ".inf", "-.Inf", ".NaN",
                          "0o17", "0x1f", "2020-01-02", "2020-1-2 10:00:00", "<<", "1e3", "+.5"]))
def test_plain_scalars_are_typed_exactly_as_the_core_schema_table_says(value):
    expected = next((tag for tag, pattern in parser._PLAIN_TYPES if pattern.match(value)), parser._TAG + "str")
    assert parser._type_of_plain(value) == expected


def test_positions_after_an_escape_in_double_quotes_stay_exact():
    document = load('stacking: "caf\\u00e9 users say it is a miracle"\n').document
    value = document.get(("stacking",))
    start = value.index("miracle")
    assert value.startswith("café")
    assert document.text_span(("stacking",), start, start + 7) == Span(1, 40, 1, 47)


def _in_a_process(program: str, route: str | None = None) -> str:
    env = {**os.environ}
    env.pop(parser.ROUTE_SETTING, None)
    if route:
        env[parser.ROUTE_SETTING] = route
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300, env=env,
                          cwd=Path(__file__).resolve().parent)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_ruamel_whose_c_parser_internals_changed_is_read_through_the_public_route():
    """The fast route drives ruamel.yaml.clib's private parser; a release that changes it must not
    break an install: the import-time probe notices and the loader falls back."""
    program = ("import _ruamel_yaml\n"
               "class Changed(_ruamel_yaml.CParser):\n"
               "    def get_node(self):\n"
               "        raise AttributeError('an internal that is gone')\n"
               "_ruamel_yaml.CParser = Changed\n"
               "from peptide_lint import loader, parser\n"
               "from casefiles import BASE_ENTRY\n"
               "result = loader.load_file(BASE_ENTRY, 'x.yaml')\n"
               "print(parser.parser_route(), result.document is not None, len(result.problems))\n")
    assert _in_a_process(program) == "ruamel.yaml's own loader True 0\n"
    assert _in_a_process("from peptide_lint import parser; print(parser.parser_route())") == \
        "ruamel.yaml.clib's C parser\n"


def test_both_routes_give_every_case_file_the_same_findings():
    """What CI runs on each route: every rule case, read by the C parser and by ruamel's own loader."""
    program = ("import json\n"
               "from casefiles import all_case_files, load_cases, run_case\n"
               "from peptide_lint import parser\n"
               "cases = [case for path in all_case_files() for case in load_cases(path)]\n"
               "outcomes = [(case.id, run_case(case)) for case in cases]\n"
               "print(json.dumps([parser.parser_route(), [[id_, o.findings, o.hints, o.fixes, "
               "o.fixed.decode('utf-8', 'replace')] for id_, o in outcomes]]))\n")
    fast_route, fast = json.loads(_in_a_process(program))
    public_route, public = json.loads(_in_a_process(program, route="public"))
    assert (fast_route, public_route) == ("ruamel.yaml.clib's C parser", "ruamel.yaml's own loader")
    assert len(fast) > 250
    assert [case for case, other in zip(fast, public) if case != other] == []


READING_STAGE = ("loader", "parser", "linescan", "syntax_errors")
SOURCE = Path(__file__).resolve().parents[1] / "src" / "peptide_lint"


def rule_names_written_in(module: str) -> set[str]:
    """The rule names a module of the reading stage gives the problems it makes: the first argument
    of Problem, of LineProblem, and of its own helpers whose first parameter is `rule`. Besides a
    literal name, only a `rule` passed on (a helper's parameter, a LineProblem's field) may stand
    there: any other first argument fails, as a name this scan cannot read."""
    tree = ast.parse((SOURCE / f"{module}.py").read_text(encoding="utf-8"))
    makers = {"Problem", "LineProblem"} | {
        function.name for function in ast.walk(tree) if isinstance(function, ast.FunctionDef)
        and [arg.arg for arg in function.args.args if arg.arg != "self"][:1] == ["rule"]}
    names = set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        callee = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if callee not in makers:
            continue
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
        else:
            passed_on = first.id if isinstance(first, ast.Name) else getattr(first, "attr", None)
            assert passed_on == "rule", (module, ast.unparse(call))
    return names


def test_every_rule_the_reading_stage_names_is_registered_and_words_its_problems():
    from casefiles import all_case_files, load_cases

    named = set().union(*(rule_names_written_in(module) for module in READING_STAGE))
    assert named == {"unreadable-file", "not-utf8", "control-character", "tab-indentation", "yaml-syntax",
                     "duplicate-key", "empty-file", "multiple-documents", "root-not-mapping", "anchors-and-aliases",
                     "custom-tag", "file-too-large", "nesting-too-deep", "lookalike-character"}
    for name in named:
        rule = registry.lookup(name)
        assert rule is not None and rule.name == name and rule.describe is not None and rule.check is None, name
    # What the stage does emit is among the names read above: no problem is made out of the scan's sight.
    emitted = {problem.rule for path in all_case_files() for case in load_cases(path)
               for problem in load(case.content).problems}
    assert "yaml-syntax" in emitted and emitted <= named
