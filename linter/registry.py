"""Rule metadata: every rule module's identity and documentation, loaded on demand.

The list of rules lives in ``fcschema.rules.RULES`` (explicit and sorted); this module
turns each module's constants into a RuleInfo for the engine, the emitters and
``fcschema rule``.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Dict, List, Optional

from .record import Fixed

SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References")


class RuleInfo(Fixed):
    __slots__ = ()
    code: str
    name: str
    severity: str
    summary: str
    fix: str          # "always" | "sometimes" | "never"
    applies: str      # "input" | "always" | "strict" | "auto"
    doc: str
    module: ModuleType
    targets: Optional[str] = None   # how the rule differs by target (markdown), if it does
    url: Optional[str] = None

    def sections(self) -> Dict[str, str]:
        """The doc split into its fixed sections (``## What it does`` ...)."""
        found: Dict[str, str] = {}
        current = None
        for line in self.doc.strip("\n").splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                found[current] = ""
            elif current is not None:
                found[current] += line + "\n"
        return {k: v.strip("\n") for k, v in found.items()}


_CACHE: Optional[List[RuleInfo]] = None


def _info(module: ModuleType) -> RuleInfo:
    return RuleInfo(
        code=module.CODE, name=module.NAME, severity=module.SEVERITY, summary=module.SUMMARY,
        fix=getattr(module, "FIX", "never"), applies=module.APPLIES, doc=module.DOC, module=module,
        targets=getattr(module, "TARGETS", None))


def all_rules() -> List[RuleInfo]:
    global _CACHE
    if _CACHE is None:
        from fcschema import rules

        _CACHE = [_info(importlib.import_module(f"fcschema.rules.{name}")) for name in rules.RULES]
    return _CACHE


def by_code() -> Dict[str, RuleInfo]:
    return {info.code: info for info in all_rules()}


def find(code_or_name: str) -> Optional[RuleInfo]:
    wanted = code_or_name.strip()
    for info in all_rules():
        if info.code.lower() == wanted.lower() or info.name == wanted:
            return info
    return None
