"""Runs the rules over one document and stamps what they report.

For each tool site found by ``formats.recognise``: tool rules run once, and node rules
run over one shared walk of its schema. Which node rules run depends on the site's
strict mode (``on``: strict rules report errors; ``auto``: strict findings feed FCS202
and FCS203; ``off``: only the checks that apply without strict).
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from .diagnostics import Diagnostic
from .document import Document
from .formats import recognise
from .formats.model import STRICT_AUTO, STRICT_OFF, STRICT_ON, ToolSite
from .record import Record
from .registry import RuleInfo, all_rules
from .targets import DEFAULT_TARGET, TARGETS, Target
from .walk import walk


class Settings(Record):
    """Which rules run (codes and prefixes, as ruff's select/ignore) and for which target."""

    __slots__ = ("target", "select", "ignore", "extend_select")

    def __init__(self, target: Optional[Target] = None, select: Sequence[str] = ("ALL",),
                 ignore: Sequence[str] = (), extend_select: Sequence[str] = ()):
        self.target = target if target is not None else TARGETS[DEFAULT_TARGET]
        self.select = select
        self.ignore = ignore
        self.extend_select = extend_select

    def enabled(self, code: str) -> bool:
        def matches(prefixes):
            return any(p == "ALL" or code.startswith(p.upper()) for p in prefixes)

        return (matches(self.select) or matches(self.extend_select)) and not matches(self.ignore)


class ToolContext:
    """What tool and node rules know about the tool being checked."""

    def __init__(self, site: ToolSite, document: Optional[Document], settings: Settings,
                 strict_rules: Optional["NodeRules"]):
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
            if self.site.schema is not None and self._strict_rules is not None:
                found = self._strict_rules.run(self)[1]
            self._strict_findings = found
        return self._strict_findings


ROOT = "root"  # a node rule's NODES: only the schema root


def _gate(info: RuleInfo):
    """Which nodes a node rule is called for, from its module's ``NODES``: every node
    (absent), the schema root (``"root"``), or dict nodes holding at least one of a set of
    keywords."""
    nodes = getattr(info.module, "NODES", None)
    if nodes is None:
        return None
    if nodes == ROOT:
        return ROOT
    return frozenset(nodes)


class NodeRules:
    """Two groups of node rules run over one walk of a tool's schema, their findings kept
    apart (``first``: always-on rules; ``second``: the strict rules, whose findings some
    tool rules read).

    Each node meets only the rules its gate lets through. Which ones that is depends on
    whether the node is the root and on its set of keys, which repeat across a schema:
    the list is worked out once per distinct key set and reused, in rule order."""

    def __init__(self, first: List[RuleInfo], second: List[RuleInfo]):
        self._rules = [(info, info.module.check_node, _gate(info), 0) for info in first]
        self._rules += [(info, info.module.check_node, _gate(info), 1) for info in second]
        self._plans: Dict[tuple, list] = {}

    def _plan(self, key: tuple) -> list:
        is_root, keys = key
        plan = []
        for info, check, gate, group in self._rules:
            if gate is ROOT and not is_root:
                continue
            if gate is not None and gate is not ROOT and (keys is None or gate.isdisjoint(keys)):
                continue
            plan.append((info, check, group))
        self._plans[key] = plan
        return plan

    def run(self, ctx: "ToolContext"):
        found: tuple = ([], [])
        site = ctx.site
        plans = self._plans
        for node in walk(site.schema, site.schema_pointer):
            schema = node.schema
            key = (not node.path, frozenset(schema) if isinstance(schema, dict) else None)
            plan = plans.get(key)
            if plan is None:
                plan = self._plan(key)
            for info, check, group in plan:
                for diagnostic in check(node, ctx):
                    found[group].append(_stamp(diagnostic, info, site))
        return found


def _spread_sites(spread, sites: List[ToolSite], documented: List[Diagnostic], lint_site) -> list:
    """``spread(sites, lint_site)``, with each document finding that is about one of
    ``sites`` (a duplicate tool name: its pointer is inside the tool) sent along with
    that tool's findings, so that it is placed where they are, and put back into
    ``documented`` as it comes back. A finding about the whole document or list (its
    pointer is no tool's) stays here. Sites are told apart by identity: the processes
    that lint them are forked, so they hold the very objects of ``sites``."""
    by_pointer = {site.pointer: index for index, site in enumerate(sites)}
    extra: Dict[int, List[int]] = {}  # site index -> positions in ``documented``
    for position, diagnostic in enumerate(documented):
        pointer = diagnostic.pointer
        for depth in range(len(pointer), 0, -1):
            index = by_pointer.get(pointer[:depth])
            if index is not None:
                extra.setdefault(index, []).append(position)
                break
    if not extra:
        return spread(sites, lint_site)
    by_site = {id(sites[index]): [documented[position] for position in positions]
               for index, positions in extra.items()}

    def lint_with_documented(site):
        found = lint_site(site)
        carried = by_site.get(id(site))
        return found if carried is None else found + carried

    linted = spread(sites, lint_with_documented)
    for index, positions in extra.items():
        found = linted[index]
        cut = len(found) - len(positions)
        for position, diagnostic in zip(positions, found[cut:]):
            documented[position] = diagnostic
        linted[index] = found[:cut]
    return linted


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
        self._node_rules: Dict[tuple, NodeRules] = {}  # by (with the always rules, with the strict rules)
        self._enabled = frozenset(info.code for info in rules if self.settings.enabled(info.code))
        self.tool_rules = [r for r in rules if hasattr(r.module, "check_tool")]
        # (rule, its check, runs only for "auto" strict tools), looked up once
        self._tool_checks = [(r, r.module.check_tool, r.applies == "auto") for r in self.tool_rules]
        self.document_rules = [r for r in rules if hasattr(r.module, "check_document")]

    @property
    def enabled_codes(self) -> frozenset:
        """The codes the settings select (lint_document reports no others)."""
        return self._enabled

    def lint_data(self, data, document: Optional[Document] = None) -> List[Diagnostic]:
        """Lint a parsed document; diagnostics come back unlocated (pointers only)."""
        return self.lint_document(data, document)[0]

    def lint_document(self, data, document: Optional[Document] = None,
                      sites: Optional[List[ToolSite]] = None, memo=None, spread=None,
                      recognition_problems: Sequence[Diagnostic] = ()):
        """Diagnostics (unlocated, unless ``spread`` placed them) and the tool sites they
        are about. ``sites`` replaces recognition for files whose kind the configuration
        declares (bare schema files), or where the caller has recognised the document
        already (``recognition_problems``: what recognition reported with them). ``memo``
        (fixes.RoundMemo) gives the findings of tools unchanged since it last saw them,
        and keeps those of the others. ``spread(sites, lint_site)`` lints many tools at
        once (parallel.SiteSpreader): the findings of each site, in order."""
        problems = recognition_problems
        if sites is None:
            sites, problems = recognise(data)
        out: List[Diagnostic] = []
        for problem in problems:
            out.append(_stamp(problem, self.rules[problem.code], None))
        if document is not None:
            out.extend(_stamp(p, self.rules[p.code], None) for p in document.problems)
        # Document rules read only the sites, so they run first: where the tools are
        # linted in several processes, a finding about one tool is placed in the text
        # with that tool's findings (see _spread_sites).
        documented: List[Diagnostic] = []
        for info in self.document_rules:
            for diagnostic in info.module.check_document(sites, self.settings):
                documented.append(_stamp(diagnostic, info, None))
        per_site: List[Optional[List[Diagnostic]]] = [None] * len(sites)
        if memo is not None:
            per_site = [memo.get(site, document) for site in sites]
        pending = [index for index, found in enumerate(per_site) if found is None]
        if spread is not None and len(pending) > 1:
            linted = _spread_sites(spread, [sites[index] for index in pending], documented,
                                   lambda site: self.lint_site(site, document))
        else:
            linted = [self.lint_site(sites[index], document) for index in pending]
        for index, found in zip(pending, linted):
            per_site[index] = found
            if memo is not None:
                memo.put(sites[index], document, found)
        for found in per_site:
            out.extend(found)
        out.extend(documented)
        enabled = self._enabled
        return [d for d in out if d.code in enabled], sites

    def node_rules(self, always: bool, strict: bool) -> NodeRules:
        rules = self._node_rules.get((always, strict))
        if rules is None:
            rules = self._node_rules[always, strict] = NodeRules(self.always_node if always else [],
                                                                 self.strict_node if strict else [])
        return rules

    def lint_site(self, site: ToolSite, document: Optional[Document] = None) -> List[Diagnostic]:
        strict = site.strict in (STRICT_ON, STRICT_AUTO)
        ctx = ToolContext(site, document, self.settings, self.node_rules(False, True) if strict else None)
        node_found: List[Diagnostic] = []
        if site.schema is not None and site.is_schema_tool:
            # One walk for both groups of node rules; the strict findings are kept for
            # the tool rules that read them (FCS202, FCS203) and for strict tools.
            node_found, ctx._strict_findings = self.node_rules(True, strict).run(ctx)
        out: List[Diagnostic] = []
        auto = site.strict == STRICT_AUTO
        for info, check, auto_only in self._tool_checks:
            if auto_only and not auto:
                continue
            for diagnostic in check(ctx):
                out.append(_stamp(diagnostic, info, site))
        out.extend(node_found)
        if site.strict == STRICT_ON:
            out.extend(ctx.strict_findings())
        elif site.strict == STRICT_AUTO:
            # The API will run the tool strict when nothing blocks it: then the strict rules'
            # advice (warnings, info) applies as it would with `strict: true`.
            findings = ctx.strict_findings()
            if not any(f.severity == "error" and not f.normalised for f in findings):
                out.extend(f for f in findings if f.severity != "error")
        return out


def rule_map() -> Dict[str, RuleInfo]:
    return {info.code: info for info in all_rules()}


__all__ = ["Engine", "Settings", "ToolContext", "STRICT_OFF"]
