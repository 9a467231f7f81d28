"""fcschema.authoring: strict tool definitions from pydantic models and typed functions.

Names are exported lazily so that ``import fcschema.authoring`` (and the
``@tool`` decorator) does not import pydantic or jsonschema until a schema is
actually generated or validated.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "tool": "decorator",
    "ToolOptions": "decorator",
    "is_tool": "decorator",
    "tool_definition": "build",
    "tool_from_model": "build",
    "tool_from_function": "build",
    "generate_tool": "build",
    "GeneratedTool": "build",
    "validate_arguments": "validate",
    "ValidationResult": "validate",
    "ValidationIssue": "validate",
    "load_tool_targets": "targets",
    "looks_like_target": "targets",
    "TargetNotFound": "targets",
    "TargetImportError": "targets",
    "AuthoringError": "errors",
    "AuthoringWarning": "errors",
    "StrictSchemaError": "errors",
    "Problem": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list:
    return sorted(set(globals()) | set(_EXPORTS))
