"""The two function-tool shapes (spec section 1) and the tool-name rules (section 5).

Generated tools always write ``strict`` explicitly: an omitted flag means
"auto" in Responses and false in Chat Completions (spec section 4).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from .errors import AuthoringError

SHAPES = ("responses", "chat")
_NAME = re.compile(r"^[a-zA-Z0-9_-]+$")
_MAX_NAME = {"chat": 64, "responses": 128}


def check_name(name: str, shape: str) -> None:
    """Raise if the API would reject ``name`` as a function name."""
    if not _NAME.match(name):
        raise AuthoringError(
            f"tool name {name!r} must match ^[a-zA-Z0-9_-]+$; pass name=... to @tool."
        )
    if len(name) > _MAX_NAME[shape]:
        raise AuthoringError(f"tool name {name!r} is longer than {_MAX_NAME[shape]} characters ({shape}).")


def wrap_tool(
    shape: str, name: str, description: Optional[str], parameters: Dict[str, Any], strict: bool
) -> Dict[str, Any]:
    """A Responses tool or a Chat Completions tool as plain data."""
    if shape not in SHAPES:
        raise AuthoringError(f"unknown tool shape {shape!r}; choose one of {', '.join(SHAPES)}.")
    check_name(name, shape)
    body: Dict[str, Any] = {"name": name}
    if description:
        body["description"] = description
    body["parameters"] = parameters
    body["strict"] = bool(strict)
    if shape == "chat":
        return {"type": "function", "function": body}
    return {"type": "function", **body}


def unwrap_tool(tool: Dict[str, Any]) -> Tuple[Optional[str], Dict[str, Any]]:
    """``(name, parameters)`` from a Responses tool, a Chat tool or a bare parameters schema."""
    if not isinstance(tool, dict):
        raise AuthoringError("a tool definition must be a JSON object.")
    if isinstance(tool.get("function"), dict):
        body = tool["function"]
    elif tool.get("type") == "function" or "parameters" in tool:
        body = tool
    else:
        return None, tool  # a bare JSON Schema such as {"type": "object", ...}
    parameters = body.get("parameters", {"type": "object", "properties": {}})
    return body.get("name"), parameters
