"""Chat Completions shapes: function and custom tools, legacy `functions`, bare function
definitions and `response_format: {type: json_schema}`."""

from __future__ import annotations

from .fields import misplaced_in_schema, problem, read_name, read_schema, read_strict
from .model import CHAT, CUSTOM, FUNCTION, LEGACY, RESPONSE_FORMAT, ToolSite


def recognise(rec, obj: dict, pointer, group, index) -> bool:
    kind = obj.get("type")
    if kind == "function" and "function" in obj:
        function_tool(rec, obj, pointer, group, index)
        return True
    if kind == "custom" and "custom" in obj:
        custom_tool(rec, obj, pointer, group, index)
        return True
    if kind == "json_schema" and "json_schema" in obj:
        response_format(rec, obj, pointer)
        return True
    if kind is None and isinstance(obj.get("name"), str) and (
            "parameters" in obj or "strict" in obj or "description" in obj) and \
            "inputSchema" not in obj and "input_schema" not in obj:
        bare_function(rec, obj, pointer, group, index)
        return True
    return False


def function_tool(rec, obj: dict, pointer, group, index) -> None:
    function = obj["function"]
    fn_pointer = pointer + ("function",)
    if not isinstance(function, dict):
        problem(rec, fn_pointer, "Chat Completions tool 'function' must be an object")
        return
    name, name_pointer = read_name(rec, function, fn_pointer, "function")
    schema, schema_pointer = read_schema(rec, function, "parameters", fn_pointer, "function")
    strict, strict_pointer = read_strict(rec, function, fn_pointer)
    misplaced = misplaced_in_schema(schema, schema_pointer)
    if "strict" in obj:
        misplaced.insert(0, pointer + ("strict",))
    rec.sites.append(ToolSite(
        pointer=pointer, api=CHAT, kind=FUNCTION, shape="Chat Completions tool", data=obj,
        name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        strict=strict, strict_pointer=strict_pointer, strict_holder=fn_pointer, misplaced_strict=misplaced,
        group=group, index=index))


def bare_function(rec, obj: dict, pointer, group, index) -> None:
    """The object that goes inside a Chat tool's `function`, stored on its own."""
    name, name_pointer = read_name(rec, obj, pointer, "function")
    schema, schema_pointer = read_schema(rec, obj, "parameters", pointer, "function")
    strict, strict_pointer = read_strict(rec, obj, pointer)
    rec.sites.append(ToolSite(
        pointer=pointer, api=CHAT, kind=FUNCTION, shape="function definition", data=obj,
        name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        strict=strict, strict_pointer=strict_pointer, strict_holder=pointer,
        misplaced_strict=misplaced_in_schema(schema, schema_pointer), group=group, index=index))


def legacy_function(rec, obj, pointer, group, index) -> bool:
    """An entry of the legacy `functions` list: there is no `strict`, it is never strict."""
    if not isinstance(obj, dict):
        rec.problems.append(_not_object(pointer))
        return False
    name, name_pointer = read_name(rec, obj, pointer, "function")
    schema, schema_pointer = read_schema(rec, obj, "parameters", pointer, "function")
    misplaced = misplaced_in_schema(schema, schema_pointer)
    if "strict" in obj:
        misplaced.insert(0, pointer + ("strict",))
    rec.sites.append(ToolSite(
        pointer=pointer, api=LEGACY, kind=FUNCTION, shape="legacy functions entry", data=obj,
        name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        misplaced_strict=misplaced, group=group, index=index))
    return True


def custom_tool(rec, obj: dict, pointer, group, index) -> None:
    custom = obj["custom"]
    if not isinstance(custom, dict):
        problem(rec, pointer + ("custom",), "Chat Completions custom tool 'custom' must be an object")
        return
    name, name_pointer = read_name(rec, custom, pointer + ("custom",), "custom tool")
    rec.sites.append(ToolSite(
        pointer=pointer, api=CHAT, kind=CUSTOM, shape="Chat Completions custom tool", data=obj,
        name=name, name_pointer=name_pointer, group=group, index=index))


def response_format(rec, fmt: dict, pointer) -> None:
    if fmt.get("type") != "json_schema":
        return
    inner = fmt.get("json_schema")
    inner_pointer = pointer + ("json_schema",)
    if not isinstance(inner, dict):
        problem(rec, inner_pointer if "json_schema" in fmt else pointer,
                "response_format of type json_schema needs a 'json_schema' object")
        return
    name, name_pointer = read_name(rec, inner, inner_pointer, "response_format json_schema")
    schema, schema_pointer = read_schema(rec, inner, "schema", inner_pointer, "response_format json_schema")
    strict, strict_pointer = read_strict(rec, inner, inner_pointer)
    misplaced = misplaced_in_schema(schema, schema_pointer)
    if "strict" in fmt:
        misplaced.insert(0, pointer + ("strict",))
    rec.sites.append(ToolSite(
        pointer=pointer, api=CHAT, kind=RESPONSE_FORMAT, shape="Chat Completions response_format",
        data=fmt, name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        strict=strict, strict_pointer=strict_pointer, strict_holder=inner_pointer, misplaced_strict=misplaced))


def _not_object(pointer):
    from ..diagnostics import Diagnostic

    return Diagnostic(code="FCS003", message="functions list entry is not an object", pointer=pointer)
