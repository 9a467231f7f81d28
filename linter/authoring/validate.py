"""Check the arguments a model sent against the tool's schema, and parse them back.

The schema check uses jsonschema (Draft 2020-12, local ``$ref`` only, formats
checked where jsonschema can). When the tool came from a pydantic model or a
typed function, the arguments are then validated by pydantic, after turning
each null that only stands for "use the default" back into that default, so
the caller gets the model instance it would have built itself.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

import jsonschema
import pydantic
import referencing.exceptions

from .build import GeneratedTool, generate_tool
from .errors import AuthoringError
from .functions import function_arguments, is_function
from .models import is_model
from .shapes import unwrap_tool
from .strict_schema import OMIT, ROOT_KEY

_Validator = jsonschema.Draft202012Validator


@dataclass(frozen=True)
class ValidationIssue:
    """One reason the arguments are invalid; ``pointer`` (RFC 6901) points into the arguments."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '(root)'}: {self.message}"


@dataclass
class ValidationResult:
    """The outcome of :func:`validate_arguments`."""

    errors: List[ValidationIssue] = field(default_factory=list)
    arguments: Any = None  # the parsed JSON, as sent
    value: Any = None  # the pydantic model instance, when the tool came from Python code

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def kwargs(self) -> Dict[str, Any]:
        """The validated fields by Python name: ``func(**result.kwargs)`` for a function tool."""
        if self.value is None:
            raise AuthoringError("no validated value: the arguments are invalid or the tool has no model.")
        return {name: getattr(self.value, name) for name in type(self.value).model_fields}


def validate_arguments(tool: Any, arguments: Any, *, model: Any = None) -> ValidationResult:
    """Validate ``arguments`` (a JSON string or parsed data) for ``tool``.

    ``tool`` is a tool dict (Responses or Chat shape, or a bare parameters
    schema), or a pydantic model / typed function (marked with ``@tool`` or
    not). For a dict, pass ``model`` (a model class or function) to also get
    the validated instance in ``result.value``.
    """
    if isinstance(tool, dict):
        _, parameters = unwrap_tool(tool)
        source = model
        null_defaults = _generated(source, True).schema.null_defaults if source is not None else {}
    else:
        generated = _generated(tool, None)
        parameters, source = generated.schema.parameters, tool
        null_defaults = generated.schema.null_defaults
    result = ValidationResult()
    if isinstance(arguments, (str, bytes, bytearray)):
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError as exc:
            result.errors.append(ValidationIssue("", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."))
            return result
    result.arguments = arguments
    result.errors = _schema_issues(parameters, arguments)
    if result.errors or source is None:
        return result
    restored = restore_defaults(arguments, parameters, null_defaults)
    target = _arguments_model(source)
    try:
        result.value = target.model_validate_json(json.dumps(restored))
    except pydantic.ValidationError as exc:
        result.errors = [
            ValidationIssue(_loc_pointer(err["loc"], arguments), err["msg"]) for err in exc.errors()
        ]
    return result


@functools.lru_cache(maxsize=256)
def _generated(source: Any, strict: Optional[bool]) -> GeneratedTool:
    return generate_tool(source, strict=strict, lenient=True)


def _arguments_model(source: Any) -> Any:
    if is_model(source):
        return source
    if is_function(source):
        return function_arguments(source).model
    raise AuthoringError(f"{source!r} is neither a pydantic model class nor a typed function.")


def _schema_issues(parameters: Dict[str, Any], data: Any) -> List[ValidationIssue]:
    validator = _Validator(parameters, format_checker=_Validator.FORMAT_CHECKER)
    issues = []
    try:
        errors = list(validator.iter_errors(data))
    except referencing.exceptions.Unresolvable as exc:
        raise AuthoringError(f"the tool's schema has a reference that does not resolve: {exc}") from exc
    for error in errors:
        specific = jsonschema.exceptions.best_match([error]) or error
        issues.append(ValidationIssue(_pointer(specific.absolute_path), specific.message))
    return sorted(issues, key=lambda issue: issue.pointer)


def restore_defaults(data: Any, parameters: Dict[str, Any], null_defaults: Dict[str, Dict[str, Any]]) -> Any:
    """Replace each null that stands for a default (see ``StrictSchema.null_defaults``)."""
    defs = parameters.get("$defs", {})
    return _restore(data, parameters, ROOT_KEY, defs, null_defaults)


def _restore(data: Any, node: Any, key: Optional[str], defs: Dict[str, Any], table: Dict[str, Dict[str, Any]]) -> Any:
    if not isinstance(node, dict):
        return data
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref[len("#/$defs/"):]
        return _restore(data, defs.get(name), name, defs, table)
    if isinstance(node.get("anyOf"), list):
        for branch in node["anyOf"]:
            if _Validator({**branch, "$defs": defs}).is_valid(data):
                return _restore(data, branch, None, defs, table)
        return data
    if isinstance(data, dict) and isinstance(node.get("properties"), dict):
        defaults = table.get(key, {}) if key is not None else {}
        restored = {}
        for name, value in data.items():
            if value is None and name in defaults:
                if defaults[name] is not OMIT:
                    restored[name] = defaults[name]
                continue
            restored[name] = _restore(value, node["properties"].get(name), None, defs, table)
        return restored
    if isinstance(data, list) and "items" in node:
        return [_restore(item, node["items"], None, defs, table) for item in data]
    return data


def _pointer(path: Sequence[Any]) -> str:
    return "".join("/" + str(seg).replace("~", "~0").replace("/", "~1") for seg in path)


def _loc_pointer(loc: Sequence[Any], data: Any) -> str:
    """pydantic's error location as a pointer into the data, skipping union-member tags."""
    path: List[Any] = []
    for index, segment in enumerate(loc):
        if isinstance(data, dict) and segment in data:
            data = data[segment]
        elif isinstance(data, list) and isinstance(segment, int) and 0 <= segment < len(data):
            data = data[segment]
        elif index < len(loc) - 1:
            continue  # a union tag such as 'dog' or 'list[int]' is not part of the data
        path.append(segment)
    return _pointer(path)
