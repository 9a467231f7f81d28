"""What a rule module uses to report: ``report()`` and the API's path notation.

A rule yields ``report(...)`` results; the engine fills in code, name, severity
(unless the rule overrides it for this finding), the tool's name and the location.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Tuple

from .diagnostics import Diagnostic, Fix, Pointer

OBJECT = "object"


def report(pointer: Pointer, message: str, *, anchor: str = "key", api: Optional[str] = None,
           hint: Optional[str] = None, fix: Optional[Fix] = None, severity: Optional[str] = None,
           normalised: bool = False) -> Diagnostic:
    """A finding at ``pointer``. ``normalised`` marks a strict-mode problem that the
    Responses API's "auto" strict mode repairs by itself (see FCS202/FCS203)."""
    return Diagnostic(code="", message=message, pointer=tuple(pointer), anchor=anchor,
                      api_message=api, hint=hint, fix=fix, severity=severity or "", normalised=normalised)


def context(path: Tuple[str, ...]) -> str:
    """The API's ``context=(...)`` notation: a Python tuple of string segments."""
    return f"context={tuple(path)!r}"


def types_of(schema: Any) -> Tuple[str, ...]:
    """The declared types of a schema node (``type`` as a string or a list)."""
    if not isinstance(schema, dict):
        return ()
    declared = schema.get("type")
    if isinstance(declared, str):
        return (declared,)
    if isinstance(declared, list):
        return tuple(t for t in declared if isinstance(t, str))
    return ()


def is_object_schema(schema: Any) -> bool:
    """An object node: declared ``type: object``, or no type but object keywords."""
    if not isinstance(schema, dict):
        return False
    declared = types_of(schema)
    if declared:
        return OBJECT in declared
    return "type" not in schema and "properties" in schema and "$ref" not in schema


_sizes_for = None


def schema_sizes(ctx):
    """What the API's size limits count in the tool's schema (schema_limits.SchemaSizes),
    measured once per tool and shared by the five limit rules. The module is imported on
    first use (strict tools only), once: an import statement in each rule, run for every
    strict tool, went through the import system every time."""
    global _sizes_for
    if _sizes_for is None:
        from .schema_limits import sizes_for

        _sizes_for = sizes_for
    return _sizes_for(ctx)


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)
