"""What a rule is. Each rule is one module in this package that defines `RULE`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, NamedTuple

from ..findings import Finding, Fix, Severity, Span
from ..problems import EMPTY_MAPPING, Problem, Words

if TYPE_CHECKING:
    from ..config import Config
    from ..index import EntrySummary, RepoIndex
    from ..document import Document
    from ..schema import EntrySchema


class Context(NamedTuple):
    """What a rule's check may use besides the entry itself."""

    schema: EntrySchema
    config: Config
    index: RepoIndex  # (a field: it hides the tuple's own `index` method, which nothing here uses)
    # Another rule, by name or code, and every rule's name: rules never import the registry (it
    # imports them), so the run hands them its lookup.
    lookup: Callable[[str], Rule | None]
    rule_names: tuple[str, ...] = ()

    def option(self, rule: Rule, name: str) -> Any:
        """The configured value of one of `rule`'s options (see Rule.options for the defaults)."""
        return self.config.option(rule, name)


Check = Callable[["Document", Context], Iterator[Finding]]
CheckAcross = Callable[["EntrySummary", Context], Iterator[Finding]]
Describe = Callable[[Problem], Words]  # for the problems the reading and schema stages find


class SchemaOverlap(NamedTuple):
    """A schema error that a rule reports better itself: the generic schema finding is then dropped.

    `path` is an instance path with "*" for any list index; `keyword` is the JSON Schema keyword;
    `property` narrows `required` to one missing key.
    """

    path: tuple
    keyword: str
    property: str | None = None

    def matches(self, path: tuple, keyword: str, prop: str | None) -> bool:
        if keyword != self.keyword and self.keyword != "*":
            return False
        if self.property is not None and prop != self.property:
            return False
        if len(path) != len(self.path):
            return False
        return all(want == "*" and isinstance(got, int) or want == got for want, got in zip(self.path, path))


class Rule(NamedTuple):
    """One rule: its code, name, severity and documentation, and the code that finds its problems."""

    code: str  # stable: PL0xx file, PL1xx schema, PL2xx sourcing, PL3xx dosing, PL4xx safety, PL5xx hygiene
    name: str  # kebab-case, used in configuration and suppressions
    severity: Severity
    summary: str  # one line, for `peptide-lint rules`
    doc: str  # What it does / Why it matters / Example / Instead
    check: Check | None = None  # None: the loader or the schema stage finds this rule's problems
    describe: Describe | None = None  # words a problem of this rule, found by the loader or the schema stage
    check_across: CheckAcross | None = None  # for rules that compare an entry with the others
    overlaps: tuple[SchemaOverlap, ...] = ()
    options: Mapping[str, Any] = EMPTY_MAPPING  # name -> default value
    # "safe": its findings (some, or all) carry a fix that keeps the meaning exactly, applied by
    # `check --fix`; "unsafe": a suggested fix, applied only with --unsafe-fixes; None: no fix.
    fixable: str | None = None
    suppressible: bool = True  # False: no comment may suppress it (it checks the suppressions themselves)
    safety: bool = False  # a rule about what can hurt a reader: its suppressions are listed in every report

    def __hash__(self) -> int:  # (its options are a dict: a rule is known by its code)
        return hash(self.code)

    @property
    def stage(self) -> str:
        if self.check_across is not None:
            return "repo"
        if self.check is not None:
            return "content"
        return "schema" if self.code.startswith("PL1") else "file"

    def finding(self, path: str, span: Span, message: str, hint: str | None = None,
                fix: Fix | None = None) -> Finding:
        return Finding(path, span, self.code, self.name, self.severity, message, hint, fix)

    def at(self, document: Document, span: Span, message: str, hint: str | None = None,
           fix: Fix | None = None) -> Finding:
        return self.finding(document.display_path, span, message, hint, fix)

    def worded(self, path: str, problem: Problem) -> Finding:
        """The finding of a problem the reading or schema stage found, in this rule's words."""
        message, hint, fix = self.describe(problem)
        return self.finding(path, problem.span, message, hint, fix)
