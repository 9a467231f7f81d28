"""Strict-mode questions asked by other parts of fcschema (convert, authoring):
is this bare schema strict-valid, and what does the Responses API's "auto" mode turn it
into? Answered by the same rules the linter runs, so there is one source of truth.
"""

from __future__ import annotations

import copy
from typing import Any, List

from .diagnostics import Diagnostic, format_pointer
from .formats.model import CHAT, FUNCTION, STRICT_ON, ToolSite
from .ruleapi import is_object_schema
from .walk import walk


def schema_diagnostics(schema: Any, target: str = "openai", name: str = "schema") -> List[Diagnostic]:
    """Every finding of the linter for ``schema`` used as a strict function's parameters.
    Pointers are relative to the schema."""
    from .engine import Engine, Settings
    from .targets import get_target

    site = ToolSite(pointer=(), api=CHAT, kind=FUNCTION, shape="schema", data={}, name=name,
                    schema=schema, schema_pointer=(), strict=STRICT_ON)
    return Engine(Settings(target=get_target(target))).lint_site(site)


def strict_violations(schema: Any, target: str = "openai") -> List[str]:
    """Why ``schema`` is not strict-valid as written (empty: it is). Each reason names the
    place (a JSON pointer into the schema) and the rule."""
    return [f"{format_pointer(d.pointer) or '/'}: {d.message} ({d.code})"
            for d in schema_diagnostics(schema, target) if d.severity == "error"]


def auto_normalise(schema: Any) -> Any:
    """A copy of ``schema`` as the Responses API's "auto" strict mode rewrites it: every
    object gets ``additionalProperties: false`` where it has none, and every property
    becomes required (optional fields become mandatory, not nullable)."""
    result = copy.deepcopy(schema)
    for node in walk(result, ()):
        value = node.schema
        if not is_object_schema(value):
            continue
        if "additionalProperties" not in value:
            value["additionalProperties"] = False
        properties = value.get("properties")
        if isinstance(properties, dict):
            required = [r for r in value.get("required", []) or [] if r in properties] \
                if isinstance(value.get("required"), list) else []
            value["required"] = required + [key for key in properties if key not in required]
    return result
