"""A typed function's parameters as a pydantic model.

Turning the signature into a model (``pydantic.create_model``) lets functions
share the model path: the same type mapping, the same strict rewrite, and the
same validation of the arguments the model sends back. Descriptions come from
``Field(description=...)`` first, then from the docstring.
"""

from __future__ import annotations

import inspect
import typing
import warnings
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

import pydantic
from pydantic.fields import FieldInfo

from .docstrings import parse_docstring
from .errors import AuthoringError


@dataclass
class FunctionArguments:
    """What a function contributes to its tool definition."""

    model: type  # a pydantic model with one field per parameter
    description: Optional[str]
    warnings: List[str] = field(default_factory=list)


_cache: "weakref.WeakKeyDictionary[Any, FunctionArguments]" = weakref.WeakKeyDictionary()


def is_function(obj: Any) -> bool:
    """Whether ``obj`` is a plain function or a bound method (not a class)."""
    return inspect.isfunction(obj) or inspect.ismethod(obj)


def function_arguments(func: Callable[..., Any]) -> FunctionArguments:
    """The arguments model, description and warnings for ``func`` (cached per function)."""
    try:
        return _cache[func]
    except (KeyError, TypeError):
        pass
    result = _build(func)
    try:
        _cache[func] = result
    except TypeError:
        pass
    return result


def _build(func: Callable[..., Any]) -> FunctionArguments:
    name = getattr(func, "__name__", repr(func))
    if not is_function(func):
        raise AuthoringError(f"{name}: not a function.")
    try:
        hints = typing.get_type_hints(func, include_extras=True)
    except NameError as exc:
        raise AuthoringError(f"{name}: cannot resolve a type annotation: {exc}.") from exc
    doc = parse_docstring(inspect.getdoc(func))
    notes: List[str] = []
    fields: Dict[str, Tuple[Any, Any]] = {}
    errors: List[str] = []
    params = list(inspect.signature(func).parameters.values())
    for index, param in enumerate(params):
        if param.kind is param.VAR_POSITIONAL:
            errors.append(f"*{param.name} cannot be a tool parameter; use a list parameter.")
            continue
        if param.kind is param.VAR_KEYWORD:
            errors.append(f"**{param.name} cannot be a tool parameter; use named parameters or a model.")
            continue
        if index == 0 and param.name in ("self", "cls") and param.name not in hints:
            continue
        if param.name not in hints:
            errors.append(f"parameter '{param.name}' has no type annotation.")
            continue
        if param.name.startswith("_"):
            errors.append(f"parameter '{param.name}' starts with an underscore, which pydantic treats as private.")
            continue
        fields[param.name] = (hints[param.name], _field(param, hints[param.name], doc.params.get(param.name)))
    if errors:
        raise AuthoringError(f"{name}: " + " ".join(errors))
    for documented in doc.params:
        if documented not in fields:
            notes.append(f"{name}: the docstring documents '{documented}', which is not a parameter.")
    config = pydantic.ConfigDict(extra="forbid", protected_namespaces=())
    with warnings.catch_warnings():
        # A parameter named like a BaseModel attribute (json, schema, copy) still works as a field.
        warnings.filterwarnings("ignore", message=".*shadows an attribute in parent.*")
        try:
            model = pydantic.create_model(name, __config__=config, **fields)  # type: ignore[call-overload]
        except (pydantic.PydanticUserError, NameError, TypeError) as exc:
            raise AuthoringError(f"{name}: cannot build the arguments model: {exc}") from exc
    return FunctionArguments(model, doc.description or None, notes)


def _field(param: inspect.Parameter, annotation: Any, doc: Optional[str]) -> Any:
    """The field default, carrying the docstring's description when none is given in code."""
    default = param.default
    if isinstance(default, FieldInfo):
        if doc and default.description is None and not _annotated_description(annotation):
            default = FieldInfo.merge_field_infos(default, description=doc)
        return default
    value = ... if default is param.empty else default
    if doc and not _annotated_description(annotation):
        return pydantic.Field(value, description=doc)
    return value


def _annotated_description(annotation: Any) -> bool:
    """Whether ``Annotated[T, Field(description=...)]`` already describes the parameter."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return False
    return any(isinstance(m, FieldInfo) and m.description for m in typing.get_args(annotation)[1:])
