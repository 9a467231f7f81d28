"""Convert tool definitions and tool-calling requests between Chat Completions and Responses.

The mapping follows STRICT_MODE.md section 7. The two APIs differ in more than nesting: an
omitted ``strict`` means "non-strict" in Chat Completions but "try strict" in Responses, and
some Responses features have no Chat equivalent. So every choice the input did not spell out
is recorded as a note with a JSON pointer into the input, and whatever the target cannot
express is an error (or, with ``drop_unsupported``, a warning). Nothing changes silently.

This module works on plain data (mappings and lists, including ruamel.yaml's round-trip
containers) and never mutates its input; reading and writing files lives in ``convert_io``.
It tells what the input is (a tool, a list of tools, a request body or a conversation),
hands each request field to the topic that owns it, and says which API the input was
written for. The topics convert in both directions, one module each:

* ``convert_tools``: tool definitions and ``tool_choice``, with ``strict`` made explicit;
* ``convert_response_format``: Structured Outputs, ``response_format`` <-> ``text.format``;
* ``convert_conversation``: messages <-> input items, tool calls and their results;
* ``convert_strict``: what a Responses tool with ``strict`` omitted ("auto") really does;
* ``convert_base``: the notes and shape counts all of them share.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from .convert_base import (
    API_NAMES, CHAT, RESPONSES, Conversion, Note, RequestHandler, describe_type,
)
from .convert_conversation import ITEM_TYPES, ConversationToChat, ConversationToResponses
from .convert_response_format import ResponseFormatToChat, ResponseFormatToResponses
from .convert_strict import StrictChecker, StrictDecision, api_strict_checker, decide_strict
from .convert_tools import MODES, RESPONSES_ONLY_TOOL_FIELDS, ToolsToChat, ToolsToResponses
from .diagnostics import Pointer

__all__ = [
    "API_NAMES", "CHAT", "FORMATS", "MODES", "RESPONSES", "RESPONSES_ONLY_TOOL_FIELDS",
    "ConversionResult", "Note", "StrictChecker", "StrictDecision", "api_strict_checker",
    "convert", "decide_strict",
]

FORMATS = (CHAT, RESPONSES)

# Keys that make an object a request body rather than a tool.
_REQUEST_KEYS = frozenset(
    {
        "tools", "functions", "tool_choice", "function_call", "parallel_tool_calls",
        "response_format", "text", "messages", "input",
    }
)
# Request keys that mean the same in both APIs: copied without a note.
_SHARED_REQUEST_KEYS = frozenset({"parallel_tool_calls"})


@dataclass
class ConversionResult:
    """The converted document and everything that was decided, changed or refused on the way.

    When ``errors`` is not empty, ``data`` is a best effort that must not be sent to the API.
    """

    data: Any
    source: Optional[str]  # CHAT or RESPONSES as detected (or given); None if undecidable
    target: str
    decisions: List[Note] = field(default_factory=list)
    warnings: List[Note] = field(default_factory=list)
    errors: List[Note] = field(default_factory=list)
    info: List[Note] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def convert(
    obj: Any,
    to: str = RESPONSES,
    from_: Optional[str] = None,
    drop_unsupported: bool = False,
    *,
    strict_checker: Optional[StrictChecker] = None,
) -> ConversionResult:
    """Convert a tool, a list of tools, a request body or a conversation to the ``to`` API.

    ``from_`` is detected when not given; giving it turns "the input is already in the target
    format" into an error. ``strict_checker`` replaces the project's strictness model (tests).
    """
    if to not in FORMATS:
        raise ValueError(f"to must be one of {', '.join(FORMATS)}, got {to!r}")
    if from_ is not None and from_ not in FORMATS:
        raise ValueError(f"from_ must be one of {', '.join(FORMATS)}, got {from_!r}")
    if from_ == to:
        raise ValueError(f"from_ and to are both {to!r}: nothing to convert")
    converter_class = _ToResponses if to == RESPONSES else _ToChat
    conv = converter_class(drop_unsupported, strict_checker)
    data = conv.document(_deepcopy(obj))
    return conv.result(data, from_)


def _deepcopy(obj: Any) -> Any:
    """``copy.deepcopy``, but linear for ruamel.yaml's round-trip sequences: their own
    ``__deepcopy__`` copies the sequence's attributes again after every item (minutes for a
    5,000-item ``required`` list). Each is copied here first, children before parents,
    into the memo that ``copy.deepcopy`` then uses for the rest."""
    memo: Dict[int, Any] = {}
    sequences: List[Any] = []
    seen = set()
    stack = [obj]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Mapping):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
            if hasattr(value, "copy_attributes"):
                sequences.append(value)
    for sequence in reversed(sequences):  # a sequence comes after its ancestors in `sequences`
        copied = memo[id(sequence)] = type(sequence)()
        for item in sequence:
            list.append(copied, copy.deepcopy(item, memo))
        sequence.copy_attributes(copied, memo=memo)
    return copy.deepcopy(obj, memo)


def _looks_like_tool(obj: Mapping) -> bool:
    return "type" in obj or ("name" in obj and not any(k in obj for k in _REQUEST_KEYS))


def _looks_like_turn(obj: Any) -> bool:
    return isinstance(obj, Mapping) and ("role" in obj or obj.get("type") in ITEM_TYPES)


class _DocumentConversion(Conversion):
    """The whole document: what it is, which topic converts each request field, the verdict.

    The topic classes a direction is made of provide ``tool``, ``tools``, ``conversation``,
    ``tool_names``, ``forced_name`` and the request handlers for the fields they own.
    """

    def request_handlers(self) -> Dict[str, RequestHandler]:
        return {**self.tool_handlers(), **self.response_format_handlers(),
                **self.conversation_handlers()}

    def document(self, obj: Any) -> Any:
        if isinstance(obj, Mapping):
            if _looks_like_tool(obj):
                out = self.tool(obj, ())
                if out is None and self.drop:
                    self.error((), "the only tool in the input was dropped; nothing is left")
                return out
            return self.request(obj, ())
        if isinstance(obj, list):
            if obj and all(_looks_like_turn(x) for x in obj):
                return self.conversation(obj, ())
            return self.tools(obj, ())
        self.error((), "expected a tool, a list of tools or a request body, got "
                       f"{describe_type(obj)}")
        return obj

    def request(self, body: Mapping, ptr: Pointer) -> Any:
        """Fields are converted in their input order, so renamed keys keep their place."""
        if not any(k in body for k in _REQUEST_KEYS):
            self.error(
                ptr,
                "not a tool, a list of tools or a request body: found none of "
                + ", ".join(sorted(_REQUEST_KEYS)),
            )
            return body
        handlers = self.request_handlers()
        out: Dict[str, Any] = {}
        for key, value in body.items():
            p = ptr + (key,)
            handler = handlers.get(key)
            if handler is not None:
                handler(body, value, p, out)
                continue
            out[key] = value
            if key not in _SHARED_REQUEST_KEYS:
                self.inform(p, self.unchanged_message(key))
        self.check_forced_name(out, ptr)
        return out

    def check_forced_name(self, out: Mapping, ptr: Pointer) -> None:
        """A forced tool that is not among the converted tools would be a 400: say so."""
        names = self.tool_names(out.get("tools"))
        forced = self.forced_name(out.get("tool_choice"))
        if names is not None and isinstance(forced, str) and forced not in names:
            self.warn(
                ptr + ("tool_choice",),
                f"tool_choice forces '{forced}', but no tool of that name is in tools",
            )

    def result(self, data: Any, given_source: Optional[str]) -> ConversionResult:
        """Which API the input was in, judged by what was converted and what was not."""
        other = CHAT if self.target == RESPONSES else RESPONSES
        target = self.target_name
        if self.in_target_shape and self.converted:
            for ptr in self.in_target_shape:
                self.warn(
                    ptr,
                    f"already in the {target} shape (the input mixes both APIs); left as is",
                )
        elif self.in_target_shape:
            if given_source is not None:
                self.error((), f"the input is already in the {target} format, not "
                               f"{API_NAMES[given_source]}")
            else:
                self.inform((), f"the input is already in the {target} format; nothing to convert")
        source = given_source
        if source is None:
            source = other if self.converted else (self.target if self.in_target_shape else None)
        return ConversionResult(
            data, source, self.target, self.decisions, self.warnings, self.errors, self.info
        )


class _ToResponses(
    ToolsToResponses, ResponseFormatToResponses, ConversationToResponses, _DocumentConversion
):
    """Chat Completions -> Responses."""

    target = RESPONSES


class _ToChat(ToolsToChat, ResponseFormatToChat, ConversationToChat, _DocumentConversion):
    """Responses -> Chat Completions."""

    target = CHAT

    def unchanged_message(self, key):
        if key == "instructions":
            return ("'instructions' left unchanged: Chat Completions has no such field; put it "
                    "in a system or developer message")
        return super().unchanged_message(key)
