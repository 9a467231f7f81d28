"""Recognising tool definitions in a document, in every OpenAI shape.

``recognise(data)`` returns the ToolSites found and the problems met on the way (an
entry in a tools list that is no tool, a tool with a malformed field). Each shape lives
in its own module; this module only decides where tools can be (a list of tools, a
``{"tools": [...]}`` object, a request body, or a single definition).
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from ..diagnostics import Diagnostic, Pointer
from . import chat, foreign, responses
from .model import ToolSite

def _problem(code: str, pointer: Pointer, message: str, anchor: str = "value") -> Diagnostic:
    return Diagnostic(code=code, message=message, pointer=pointer, anchor=anchor)


def is_container(obj: Any) -> bool:
    """A request body or ``{"tools": [...]}``: it holds tools but has no ``type`` of its own."""
    if not isinstance(obj, dict) or isinstance(obj.get("type"), str):
        return False
    if isinstance(obj.get("tools"), list) or isinstance(obj.get("functions"), list):
        return True
    fmt = obj.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        return True
    text = obj.get("text")
    return isinstance(text, dict) and isinstance(text.get("format"), dict)


class _Recogniser:
    def __init__(self):
        self.sites: List[ToolSite] = []
        self.problems: List[Diagnostic] = []

    def tool(self, obj: Any, pointer: Pointer, group, index, in_list: bool, legacy: bool = False) -> bool:
        """Classify one candidate; returns False when it is not a tool at all."""
        if legacy:
            return chat.legacy_function(self, obj, pointer, group, index)
        if not isinstance(obj, dict):
            if in_list:
                self.problems.append(_problem("FCS003", pointer, f"tools list entry is {_kind(obj)}, not a tool object"))
            return False
        kind = obj.get("type")
        for module in (chat, responses, foreign):
            if module.recognise(self, obj, pointer, group, index):
                return True
        if isinstance(kind, str):
            if in_list or responses.looks_hosted(kind):
                responses.hosted(self, obj, pointer, group, index)
                return True
            return False
        if in_list:
            self.problems.append(_problem(
                "FCS003", pointer,
                "tools list entry is not a recognised tool: it has no 'type' (a Chat Completions tool is "
                "{\"type\": \"function\", \"function\": {...}}; a Responses tool is {\"type\": \"function\", "
                "\"name\": ..., \"parameters\": ...})"))
        return False

    def tool_list(self, items: list, pointer: Pointer, legacy: bool = False) -> None:
        for index, item in enumerate(items):
            self.tool_list_entry(item, pointer, index, legacy)

    def tool_list_entry(self, item: Any, pointer: Pointer, index: int, legacy: bool = False) -> None:
        if (not legacy and isinstance(item, dict) and "type" not in item and isinstance(item.get("name"), str)
                and "inputSchema" not in item and "input_schema" not in item):
            # A bare function definition where the API wants a tool object.
            self.problems.append(_problem(
                "FCS005", pointer + (index,),
                "tools entry has no 'type'; the API rejects it (Missing required parameter "
                "'type'). Wrap it as {\"type\": \"function\", \"function\": {...}} for Chat "
                "Completions, or add \"type\": \"function\" for the Responses API"))
        self.tool(item, pointer + (index,), pointer, index, in_list=True, legacy=legacy)

    def container(self, obj: dict, pointer: Pointer) -> None:
        if isinstance(obj.get("tools"), list):
            self.tool_list(obj["tools"], pointer + ("tools",))
        if isinstance(obj.get("functions"), list):
            self.tool_list(obj["functions"], pointer + ("functions",), legacy=True)
        fmt = obj.get("response_format")
        if isinstance(fmt, dict):
            chat.response_format(self, fmt, pointer + ("response_format",))
        text = obj.get("text")
        if isinstance(text, dict) and isinstance(text.get("format"), dict):
            responses.text_format(self, text["format"], pointer + ("text", "format"))

    def document(self, data: Any) -> None:
        if isinstance(data, list):
            if any(is_container(item) for item in data):
                # A list of request bodies; a tool beside them is still a tool.
                for index, item in enumerate(data):
                    if is_container(item):
                        self.container(item, (index,))
                    else:
                        self.tool(item, (index,), (), index, in_list=False)
                return
            found = [self.tool(item, (index,), (), index, in_list=False) for index, item in enumerate(data)]
            if any(found):
                # A list holding tools is a tools list: what is not a tool in it is a problem.
                for index, (item, ok) in enumerate(zip(data, found)):
                    if not ok:
                        self.problems.append(_problem(
                            "FCS003", (index,), "list entry is not a recognised tool definition"))
            return
        if is_container(data):
            self.container(data, ())
        elif isinstance(data, dict):
            self.tool(data, (), None, None, in_list=False)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


def recognise(data: Any) -> Tuple[List[ToolSite], List[Diagnostic]]:
    recogniser = _Recogniser()
    recogniser.document(data)
    return recogniser.sites, recogniser.problems


def tools_list_of(data: Any) -> Optional[Pointer]:
    """The pointer of the one list whose entries are the document's tools as ``recognise``
    reads them (a list of tools, or a request's ``tools``), or None for other shapes.
    A request may hold other sites too (``functions``, a response format)."""
    if isinstance(data, list):
        return None if any(is_container(item) for item in data) else ()
    if is_container(data) and isinstance(data.get("tools"), list):
        return ("tools",)
    return None


def recognise_entry(entry: Any, tools_list: Pointer, index: int) -> Tuple[List[ToolSite], List[Diagnostic]]:
    """What ``recognise`` finds in one entry of the list ``tools_list_of`` named: the same
    sites it finds there in the whole document."""
    recogniser = _Recogniser()
    if tools_list:
        recogniser.tool_list_entry(entry, tools_list, index)
    else:
        recogniser.tool(entry, (index,), (), index, in_list=False)
    return recogniser.sites, recogniser.problems
