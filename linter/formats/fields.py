"""Reading the common fields of a tool object, reporting malformed ones (FCS005)."""

from __future__ import annotations

from typing import Any, Optional, Tuple

from ..diagnostics import Diagnostic, Pointer
from .model import STRICT_AUTO, STRICT_OFF, STRICT_ON


def problem(rec, pointer: Pointer, message: str, anchor: str = "value", severity: Optional[str] = None) -> None:
    rec.problems.append(Diagnostic(code="FCS005", message=message, pointer=pointer, anchor=anchor,
                                   severity=severity or ""))


def read_name(rec, obj: dict, pointer: Pointer, what: str) -> Tuple[Optional[str], Pointer]:
    name = obj.get("name")
    if "name" not in obj:
        problem(rec, pointer, f"{what} has no 'name'")
        return None, pointer
    if not isinstance(name, str):
        problem(rec, pointer + ("name",), f"{what} 'name' must be a string")
        return None, pointer + ("name",)
    return name, pointer + ("name",)


def read_schema(rec, obj: dict, key: str, pointer: Pointer, what: str) -> Tuple[Any, Optional[Pointer]]:
    if key not in obj or obj[key] is None:
        return None, None
    schema = obj[key]
    if not isinstance(schema, dict):
        problem(rec, pointer + (key,), f"{what} '{key}' must be a JSON Schema object")
        return None, None
    return schema, pointer + (key,)


def read_strict(rec, obj: dict, pointer: Pointer, omitted: str = STRICT_OFF) -> Tuple[str, Optional[Pointer]]:
    """The effective strict mode; ``omitted`` is what a missing (or null) flag means."""
    if "strict" not in obj or obj["strict"] is None:
        return omitted, None
    value = obj["strict"]
    if value is True:
        return STRICT_ON, pointer + ("strict",)
    if value is False:
        return STRICT_OFF, pointer + ("strict",)
    problem(rec, pointer + ("strict",), f"'strict' must be true or false, not {value!r}")
    return omitted, pointer + ("strict",)


def misplaced_in_schema(schema: Any, schema_pointer: Optional[Pointer]):
    """A boolean ``strict`` inside the schema itself is a common slip; the API ignores it."""
    if isinstance(schema, dict) and isinstance(schema.get("strict"), bool) and schema_pointer is not None:
        return [schema_pointer + ("strict",)]
    return []


__all__ = ["problem", "read_name", "read_schema", "read_strict", "misplaced_in_schema", "STRICT_AUTO"]
