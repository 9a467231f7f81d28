"""From a Python object (model, function, or either marked with ``@tool``) to a tool definition.

``generate_tool`` returns the tool with its warnings and problems, for callers
that report them (the CLI, ``fcschema check``); ``tool_from_model``,
``tool_from_function`` and ``tool_definition`` return just the dict and emit
the warnings as :class:`AuthoringWarning`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .decorator import ToolOptions, tool_options
from .errors import AuthoringError, AuthoringWarning, Problem, StrictSchemaError
from .functions import function_arguments, is_function
from .models import is_model, model_strict_schema
from .shapes import wrap_tool
from .strict_schema import StrictSchema


@dataclass
class GeneratedTool:
    """A generated tool definition and what the author should know about it."""

    tool: Dict[str, Any]
    model: type  # the pydantic model whose instances are the tool's arguments
    schema: StrictSchema
    warnings: List[str] = field(default_factory=list)

    @property
    def problems(self) -> List[Problem]:
        return self.schema.problems


def generate_tool(
    obj: Any,
    *,
    shape: str = "responses",
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: Optional[bool] = None,
    lenient: bool = False,
) -> GeneratedTool:
    """Build the tool for ``obj``.

    Arguments override what ``@tool(...)`` recorded, which overrides what the
    code says (class or function name, docstring). Problems raise
    :class:`StrictSchemaError` unless ``lenient``: then the inexpressible parts
    are left as pydantic wrote them, for a linter to report.
    """
    options = tool_options(obj) or ToolOptions()
    strict = options.strict if strict is None else strict
    notes: List[str] = []
    fallback_description: Optional[str] = None
    if is_model(obj):
        model = obj
    elif is_function(obj):
        arguments = function_arguments(obj)
        model, fallback_description, notes = arguments.model, arguments.description, list(arguments.warnings)
    else:
        raise AuthoringError(f"{obj!r} is neither a pydantic model class nor a typed function.")
    schema = model_strict_schema(model, strict=strict)
    tool_name = name or options.name or obj.__name__
    if schema.problems and not lenient:
        raise StrictSchemaError(tool_name, schema.problems)
    text = description or options.description or schema.description or fallback_description
    tool = wrap_tool(shape, tool_name, text, schema.parameters, strict)
    return GeneratedTool(tool=tool, model=model, schema=schema, warnings=notes + schema.warnings)


def tool_definition(
    obj: Any,
    *,
    shape: str = "responses",
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: Optional[bool] = None,
) -> Dict[str, Any]:
    """The tool definition for a model or function, as a plain dict (strict by default)."""
    return _warned(generate_tool(obj, shape=shape, name=name, description=description, strict=strict))


def _warned(generated: GeneratedTool) -> Dict[str, Any]:
    for message in generated.warnings:
        warnings.warn(message, AuthoringWarning, stacklevel=3)
    return generated.tool


def tool_from_model(
    model: Any,
    *,
    shape: str = "responses",
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: Optional[bool] = None,
) -> Dict[str, Any]:
    """The tool whose arguments are an instance of the pydantic model ``model``."""
    if not is_model(model):
        raise AuthoringError(f"{model!r} is not a pydantic model class.")
    return _warned(generate_tool(model, shape=shape, name=name, description=description, strict=strict))


def tool_from_function(
    func: Any,
    *,
    shape: str = "responses",
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: Optional[bool] = None,
) -> Dict[str, Any]:
    """The tool whose arguments are the typed parameters of ``func``."""
    if not is_function(func):
        raise AuthoringError(f"{func!r} is not a function.")
    return _warned(generate_tool(func, shape=shape, name=name, description=description, strict=strict))
