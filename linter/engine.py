"""Runs the rules over one document and stamps what they report.

For each tool site found by ``formats.recognise``: tool rules run once, and node rules
run over one shared walk of its schema. Which node rules run depends on the site's
strict mode (``on``: strict rules report errors; ``auto``: strict findings feed FCS202
and FCS203; ``off``: only the checks that apply without strict).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from .diagnostics import Diagnostic
from .document import Document
from .formats import recognise
from .formats.model import STRICT_AUTO, STRICT_OFF, STRICT_ON, ToolSite
from .registry import RuleInfo, all_rules
from .targets import DEFAULT_TARGET, TARGETS, Target
from .walk import walk


@dataclass
class Settings:
    target: Target = field(default_factory=lambda: TARGETS[DEFAULT_TARGET])
    select: Sequence[str] = ("ALL",)
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()

    def enabled(self, code: str) -> bool:
        def matches(prefixes):
            return any(p == "ALL" or code.startswith(p.upper()) for p in prefixes)

        return (matches(self.select) or matches(self.extend_select)) and not matches(self.ignore)


class ToolContext:
    """What tool and node rules know about the tool being checked."""

    def __init__(self, site: ToolSite, document: Optional[Document], settings: Settings,
                 strict_rules: List[RuleInfo]):
        self.site = site
        self.document = document
        self.settings = settings
        self.target = settings.target
        self._strict_rules = strict_rules
        self._strict_findings: Optional[List[Diagnostic]] = None

    @property
    def mode(self) -> str:
        return self.site.strict

    def schema_api(self, message: str) -> str:
        """The API's full error text for a schema problem of this tool."""
        return f"Invalid schema for {self.site.label}: {message}"

    def strict_findings(self) -> List[Diagnostic]:
        """What the strict-mode rules find in this tool's schema (computed once)."""
        if self._strict_findings is None:
            found: List[Diagnostic] = []
            if self.site.schema is not None and self._strict_rules:
                found = _run_node_rules(self, [], self._strict_rules)[1]
            self._strict_findings = found
        return self._strict_findings


def _run_node_rules(ctx: ToolContext, first: List[RuleInfo], second: List[RuleInfo]):
    """The findings of two groups of node rules over one walk of the tool's schema, kept
    apart: (findings of ``first``, findings of ``second``)."""
    first_checks = [(info, info.module.check_node) for info in first]
    second_checks = [(info, info.module.check_node) for info in second]
    site = ctx.site
    first_found: List[Diagnostic] = []
    second_found: List[Diagnostic] = []
    for node in walk(site.schema, site.schema_pointer):
        for info, check in first_checks:
            for diagnostic in check(node, ctx):
                first_found.append(_stamp(diagnostic, info, site))
        for info, check in second_checks:
            for diagnostic in check(node, ctx):
                second_found.append(_stamp(diagnostic, info, site))
    return first_found, second_found


def _stamp(diagnostic: Diagnostic, info: RuleInfo, site: Optional[ToolSite]) -> Diagnostic:
    diagnostic.code = info.code
    diagnostic.name = info.name
    if not diagnostic.severity:
        diagnostic.severity = info.severity
    if site is not None and diagnostic.tool is None:
        diagnostic.tool = site.name
    diagnostic.url = info.url
    return diagnostic


class Engine:
    def __init__(self, settings: Optional[Settings] = None):
        self.settings = settings or Settings()
        rules = all_rules()
        self.rules = {info.code: info for info in rules}
        self.always_node = [r for r in rules if r.applies == "always" and hasattr(r.module, "check_node")]
        self.strict_node = [r for r in rules if r.applies == "strict" and hasattr(r.module, "check_node")]
        self.tool_rules = [r for r in rules if hasattr(r.module, "check_tool")]
        self.document_rules = [r for r in rules if hasattr(r.module, "check_document")]

    def lint_data(self, data, document: Optional[Document] = None) -> List[Diagnostic]:
        """Lint a parsed document; diagnostics come back unlocated (pointers only)."""
        return self.lint_document(data, document)[0]

    def lint_document(self, data, document: Optional[Document] = None,
                      sites: Optional[List[ToolSite]] = None):
        """Diagnostics (unlocated) and the tool sites they are about. ``sites`` replaces
        recognition for files whose kind the configuration declares (bare schema files)."""
        problems: List[Diagnostic] = []
        if sites is None:
            sites, problems = recognise(data)
        out: List[Diagnostic] = []
        for problem in problems:
            out.append(_stamp(problem, self.rules[problem.code], None))
        if document is not None:
            out.extend(_stamp(p, self.rules[p.code], None) for p in document.problems)
        for site in sites:
            out.extend(self.lint_site(site, document))
        for info in self.document_rules:
            for diagnostic in info.module.check_document(sites, self.settings):
                out.append(_stamp(diagnostic, info, None))
        enabled = {code for code in {d.code for d in out} if self.settings.enabled(code)}
        return [d for d in out if d.code in enabled], sites

    def lint_site(self, site: ToolSite, document: Optional[Document] = None) -> List[Diagnostic]:
        strict_rules = self.strict_node if site.strict in (STRICT_ON, STRICT_AUTO) else []
        ctx = ToolContext(site, document, self.settings, strict_rules)
        node_found: List[Diagnostic] = []
        if site.schema is not None and site.is_schema_tool:
            # One walk for both groups of node rules; the strict findings are kept for
            # the tool rules that read them (FCS202, FCS203) and for strict tools.
            node_found, ctx._strict_findings = _run_node_rules(ctx, self.always_node, strict_rules)
        out: List[Diagnostic] = []
        for info in self.tool_rules:
            if info.applies == "auto" and site.strict != STRICT_AUTO:
                continue
            for diagnostic in info.module.check_tool(ctx):
                out.append(_stamp(diagnostic, info, site))
        out.extend(node_found)
        if site.strict == STRICT_ON:
            out.extend(ctx.strict_findings())
        elif site.strict == STRICT_AUTO:
            # The API will run the tool strict when nothing blocks it: then the strict rules'
            # advice (warnings, info) applies as it would with `strict: true`.
            findings = ctx.strict_findings()
            if not any(f.severity == "error" and not getattr(f, "normalised", False) for f in findings):
                out.extend(f for f in findings if f.severity != "error")
        return out


def rule_map() -> Dict[str, RuleInfo]:
    return {info.code: info for info in all_rules()}


__all__ = ["Engine", "Settings", "ToolContext", "STRICT_OFF"]
