"""``fcschema.make_strict``: the --fix transformation on Python data.

The same rules and the same fix operations as ``fcschema check --fix``; only the last step
differs (operations applied to the data instead of written as text edits).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, List

from .diagnostics import Diagnostic, format_pointer
from .fixops import SetMember, apply_to_data

MAX_ROUNDS = 20


@dataclass
class Change:
    pointer: str
    code: str
    message: str


@dataclass
class StrictResult:
    value: Any
    changes: List[Change] = field(default_factory=list)
    remaining: List[Diagnostic] = field(default_factory=list)  # errors no fix could remove

    @property
    def ok(self) -> bool:
        return not self.remaining


def make_strict(tool_or_schema: Any, *, target: str = "openai", unsafe: bool = False,
                turn_on: bool = True) -> StrictResult:
    """A strict-ready copy of a tool (any shape, a list of tools, a request body) or of a
    bare JSON Schema (taken as a function's parameters), with the changes made.

    ``turn_on`` sets ``strict: true`` on function tools that are not strict yet; errors
    that no mechanical fix can remove are returned in ``remaining`` with their pointers.
    """
    from .engine import Engine, Settings
    from .fixes import wanted
    from .fixops import merge
    from .formats import recognise
    from .formats.model import FUNCTION, STRICT_ON, ToolSite
    from .targets import get_target

    engine = Engine(Settings(target=get_target(target)))
    value = copy.deepcopy(tool_or_schema)
    result = StrictResult(value)
    sites, _ = recognise(value)
    bare_schema = not sites and isinstance(value, dict)

    def lint() -> List[Diagnostic]:
        if bare_schema:
            site = ToolSite(pointer=(), api="chat", kind=FUNCTION, shape="schema", data={}, name="schema",
                            schema=result.value, schema_pointer=(), strict=STRICT_ON)
            return engine.lint_site(site)
        return engine.lint_data(result.value)

    if turn_on and not bare_schema:
        for site in sites:
            if site.kind == FUNCTION and site.strict != STRICT_ON and site.strict_holder is not None:
                apply_to_data(result.value, [SetMember(site.strict_holder, "strict", True)])
                result.changes.append(Change(format_pointer(site.strict_holder + ("strict",)), "strict",
                                             "Set `strict: true`"))
    for _round in range(MAX_ROUNDS):
        fixable = [d for d in lint() if wanted(d, unsafe)]
        if not fixable:
            break
        ops = merge(op for d in fixable for op in d.fix.ops)
        apply_to_data(result.value, ops)
        result.changes.extend(Change(d.pointer_text, d.code, d.fix.message) for d in fixable)
    result.remaining = [d for d in lint() if d.severity == "error"]
    return result
