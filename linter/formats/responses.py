"""Responses API shapes: flat function tools, namespaces, custom tools, hosted tools and
`text.format` of type json_schema."""

from __future__ import annotations

from .fields import misplaced_in_schema, problem, read_name, read_schema, read_strict
from .model import (CUSTOM, FUNCTION, HOSTED, NAMESPACE, RESPONSE_FORMAT, RESPONSES, STRICT_AUTO,
                    ToolSite)

# Built-in tools run by OpenAI: recognised and left alone (they have no JSON schema).
HOSTED_TYPES = frozenset({
    "web_search", "web_search_preview", "web_search_preview_2025_03_11", "web_search_2025_08_26",
    "file_search", "code_interpreter", "mcp", "computer_use_preview", "computer_use", "computer",
    "image_generation", "local_shell", "shell", "apply_patch", "tool_search",
})


def looks_hosted(kind: str) -> bool:
    return kind in HOSTED_TYPES or kind.startswith(("web_search", "computer", "file_search"))


def recognise(rec, obj: dict, pointer, group, index) -> bool:
    kind = obj.get("type")
    if kind == "function" and "function" not in obj:
        function_tool(rec, obj, pointer, group, index)
        return True
    if kind == "namespace":
        namespace(rec, obj, pointer, group, index)
        return True
    if kind == "custom" and "custom" not in obj:
        custom_tool(rec, obj, pointer, group, index)
        return True
    if kind == "json_schema" and "json_schema" not in obj and ("schema" in obj or "name" in obj):
        text_format(rec, obj, pointer)
        return True
    return False


def function_tool(rec, obj: dict, pointer, group, index) -> None:
    if "name" not in obj:
        problem(rec, pointer, "function tool has neither 'function' (Chat Completions shape) nor "
                              "'name' (Responses shape)")
        return
    name, name_pointer = read_name(rec, obj, pointer, "function tool")
    schema, schema_pointer = read_schema(rec, obj, "parameters", pointer, "function tool")
    if "parameters" not in obj:
        problem(rec, pointer, "Responses function tool has no 'parameters'; the API reference lists it "
                              "as required (a tool without arguments takes an empty object schema)",
                severity="warning")
    strict, strict_pointer = read_strict(rec, obj, pointer, omitted=STRICT_AUTO)
    rec.sites.append(ToolSite(
        pointer=pointer, api=RESPONSES, kind=FUNCTION, shape="Responses function tool", data=obj,
        name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        strict=strict, strict_pointer=strict_pointer, strict_holder=pointer,
        misplaced_strict=misplaced_in_schema(schema, schema_pointer), group=group, index=index))


def namespace(rec, obj: dict, pointer, group, index) -> None:
    name, name_pointer = read_name(rec, obj, pointer, "namespace")
    rec.sites.append(ToolSite(
        pointer=pointer, api=RESPONSES, kind=NAMESPACE, shape="Responses namespace", data=obj,
        name=name, name_pointer=name_pointer, group=group, index=index))
    tools = obj.get("tools")
    if not isinstance(tools, list):
        problem(rec, pointer, "namespace needs a 'tools' list")
        return
    inner = pointer + ("tools",)
    for position, tool in enumerate(tools):
        if isinstance(tool, dict) and tool.get("type") == "function" and "function" not in tool:
            function_tool(rec, tool, inner + (position,), inner, position)
        elif isinstance(tool, dict) and tool.get("type") == "custom" and "custom" not in tool:
            custom_tool(rec, tool, inner + (position,), inner, position)
        else:
            problem(rec, inner + (position,), "a namespace holds Responses function or custom tools only")


def custom_tool(rec, obj: dict, pointer, group, index) -> None:
    name, name_pointer = read_name(rec, obj, pointer, "custom tool")
    rec.sites.append(ToolSite(
        pointer=pointer, api=RESPONSES, kind=CUSTOM, shape="Responses custom tool", data=obj,
        name=name, name_pointer=name_pointer, group=group, index=index))


def hosted(rec, obj: dict, pointer, group, index) -> None:
    rec.sites.append(ToolSite(
        pointer=pointer, api=RESPONSES, kind=HOSTED, shape=f"hosted tool '{obj.get('type')}'", data=obj,
        group=group, index=index))


def text_format(rec, fmt: dict, pointer) -> None:
    if fmt.get("type") != "json_schema":
        return
    name, name_pointer = read_name(rec, fmt, pointer, "text.format")
    schema, schema_pointer = read_schema(rec, fmt, "schema", pointer, "text.format")
    strict, strict_pointer = read_strict(rec, fmt, pointer)
    rec.sites.append(ToolSite(
        pointer=pointer, api=RESPONSES, kind=RESPONSE_FORMAT, shape="Responses text.format", data=fmt,
        name=name, name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
        strict=strict, strict_pointer=strict_pointer, strict_holder=pointer,
        misplaced_strict=misplaced_in_schema(schema, schema_pointer)))
