"""Convert tool definitions and tool-calling requests between Chat Completions and Responses.

The mapping follows STRICT_MODE.md section 7. The two APIs differ in more than nesting: an
omitted ``strict`` means "non-strict" in Chat Completions but "try strict" in Responses, and
some Responses features have no Chat equivalent. So every choice the input did not spell out
is recorded as a note with a JSON pointer into the input, and whatever the target cannot
express is an error (or, with ``drop_unsupported``, a warning). Nothing changes silently.

This module works on plain data (mappings and lists, including ruamel.yaml's round-trip
containers) and never mutates its input; reading and writing files lives in ``convert_io``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from .diagnostics import Pointer, format_pointer

CHAT = "chat"
RESPONSES = "responses"
FORMATS = (CHAT, RESPONSES)
API_NAMES = {CHAT: "Chat Completions", RESPONSES: "Responses"}

MODES = ("none", "auto", "required")
# Fields of a Responses function tool that Chat Completions has no place for.
RESPONSES_ONLY_TOOL_FIELDS = ("defer_loading", "allowed_callers", "output_schema")

# Keys that make an object a request body rather than a tool.
_REQUEST_KEYS = frozenset(
    {
        "tools", "functions", "tool_choice", "function_call", "parallel_tool_calls",
        "response_format", "text", "messages", "input",
    }
)
# Request keys that mean the same in both APIs: copied without a note.
_SHARED_REQUEST_KEYS = frozenset({"parallel_tool_calls"})
# Conversation items that carry no role.
_CALL_ITEM_TYPES = ("function_call", "custom_tool_call")
_OUTPUT_ITEM_TYPES = ("function_call_output", "custom_tool_call_output")
_ITEM_TYPES = tuple(
    {
        *_CALL_ITEM_TYPES, *_OUTPUT_ITEM_TYPES, "message", "reasoning", "item_reference",
        "web_search_call", "file_search_call", "computer_call", "computer_call_output",
        "image_generation_call", "code_interpreter_call", "local_shell_call",
        "local_shell_call_output", "mcp_call", "mcp_list_tools", "mcp_approval_request",
        "mcp_approval_response", "shell_call", "shell_call_output", "apply_patch_call",
        "apply_patch_call_output",
    }
)
_MISSING = object()

# A strictness checker returns the schema as the API would normalise it ("auto" strict)
# and the reasons it still cannot be strict (empty: strict-valid).
StrictChecker = Callable[[Mapping], Tuple[Any, List[str]]]


@dataclass(frozen=True)
class Note:
    """One thing the converter wants the user to know, anchored in the input."""

    pointer: str  # RFC 6901 pointer into the input document ("" is the whole document)
    message: str


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


@dataclass(frozen=True)
class StrictDecision:
    """What an omitted Responses ``strict`` turns into when written down explicitly."""

    strict: bool
    parameters: Any  # the schema to write: normalised when strict, else the original
    reasons: Tuple[str, ...] = ()  # why it cannot be strict
    now_required: Tuple[Pointer, ...] = ()  # optional properties the normalisation made mandatory


def api_strict_checker(schema: Mapping) -> Tuple[Any, List[str]]:
    """The project's own model of the API: normalise as "auto" does, then check strict rules."""
    from .strictness import auto_normalise, strict_violations

    normalised = auto_normalise(schema)
    return normalised, list(strict_violations(normalised))


def decide_strict(parameters: Any, checker: Optional[StrictChecker] = None) -> StrictDecision:
    """Decide what a Responses tool with ``strict`` omitted ("auto") really does.

    The API normalises the schema (adds ``additionalProperties: false``, marks every property
    required) and runs strict only if the result is strict-valid; otherwise it silently runs
    non-strict. Chat Completions does not normalise, so a strict result carries the
    normalised schema.
    """
    if not isinstance(parameters, Mapping):
        return StrictDecision(False, parameters, ("there is no parameters schema",))
    normalised, violations = (checker or api_strict_checker)(parameters)
    if violations:
        return StrictDecision(False, parameters, tuple(violations))
    return StrictDecision(True, normalised, (), tuple(_newly_required(parameters, normalised, ())))


_SCHEMA_MAP_KEYS = ("properties", "$defs", "definitions", "patternProperties", "dependentSchemas")
_SCHEMA_KEYS = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties",
)
_SCHEMA_LIST_KEYS = ("anyOf", "oneOf", "allOf", "prefixItems")


def _newly_required(before: Any, after: Any, path: Pointer) -> Iterator[Pointer]:
    """Pointers (inside the schema) of properties that ``after`` requires and ``before`` did not."""
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        return
    props = before.get("properties")
    if isinstance(props, Mapping):
        was = before.get("required")
        was = set(was) if isinstance(was, list) else set()
        now = after.get("required")
        now = set(now) if isinstance(now, list) else set()
        for name in props:
            if name in now and name not in was:
                yield path + ("properties", name)
    for key in _SCHEMA_MAP_KEYS:
        b, a = before.get(key), after.get(key)
        if isinstance(b, Mapping) and isinstance(a, Mapping):
            for name in b:
                if name in a:
                    yield from _newly_required(b[name], a[name], path + (key, name))
    for key in _SCHEMA_KEYS:
        if key in before and key in after:
            yield from _newly_required(before[key], after[key], path + (key,))
    for key in _SCHEMA_LIST_KEYS:
        b, a = before.get(key), after.get(key)
        if isinstance(b, list) and isinstance(a, list):
            for i, (bb, aa) in enumerate(zip(b, a)):
                yield from _newly_required(bb, aa, path + (key, i))


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
    data = conv.document(copy.deepcopy(obj))
    return conv.result(data, from_)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, (int, float)) else type(value).__name__


def _looks_like_tool(obj: Mapping) -> bool:
    return "type" in obj or ("name" in obj and not any(k in obj for k in _REQUEST_KEYS))


def _looks_like_turn(obj: Any) -> bool:
    return isinstance(obj, Mapping) and ("role" in obj or obj.get("type") in _ITEM_TYPES)


class _Conversion:
    """Shared bookkeeping: notes, unsupported items, and shape detection by counting."""

    source = ""
    target = ""

    def __init__(self, drop_unsupported: bool, strict_checker: Optional[StrictChecker]):
        self.drop = drop_unsupported
        self.checker = strict_checker
        self.decisions: List[Note] = []
        self.warnings: List[Note] = []
        self.errors: List[Note] = []
        self.info: List[Note] = []
        self.converted = 0  # elements found in the source shape and converted
        self.in_target_shape: List[Pointer] = []  # elements already in the target shape

    # -- notes -----------------------------------------------------------------------------
    def error(self, ptr: Pointer, message: str) -> None:
        self.errors.append(Note(format_pointer(ptr), message))

    def warn(self, ptr: Pointer, message: str) -> None:
        self.warnings.append(Note(format_pointer(ptr), message))

    def decide(self, ptr: Pointer, message: str) -> None:
        self.decisions.append(Note(format_pointer(ptr), message))

    def inform(self, ptr: Pointer, message: str) -> None:
        self.info.append(Note(format_pointer(ptr), message))

    @property
    def target_name(self) -> str:
        return API_NAMES[self.target]

    def unsupported(self, ptr: Pointer, what: str) -> None:
        """Report something the target API cannot express: an error unless dropping is allowed."""
        if self.drop:
            self.warn(ptr, f"dropped {what}: {self.target_name} has no equivalent")
        else:
            self.error(
                ptr,
                f"{what} has no equivalent in {self.target_name}; remove it, or drop it "
                "with --drop-unsupported",
            )

    def check_keys(self, obj: Mapping, known: Sequence[str], ptr: Pointer, what: str) -> None:
        for key in obj:
            if key not in known:
                self.unsupported(ptr + (key,), f"'{key}' in {what}")

    def already(self, ptr: Pointer) -> None:
        self.in_target_shape.append(ptr)

    def expect_mapping(self, value: Any, ptr: Pointer, what: str) -> bool:
        if isinstance(value, Mapping):
            return True
        self.error(ptr, f"{what} must be an object, got {_kind(value)}")
        return False

    def result(self, data: Any, given_source: Optional[str]) -> ConversionResult:
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

    # -- document level --------------------------------------------------------------------
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
        self.error((), f"expected a tool, a list of tools or a request body, got {_kind(obj)}")
        return obj

    def tools(self, value: Any, ptr: Pointer) -> Any:
        if not isinstance(value, list):
            self.error(ptr, f"tools must be a list, got {_kind(value)}")
            return value
        out = []
        for i, tool in enumerate(value):
            converted = self.tool(tool, ptr + (i,))
            if converted is not None:
                out.append(converted)
        return out

    def request(self, body: Mapping, ptr: Pointer) -> Any:
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

    def unchanged_message(self, key: str) -> str:
        return f"'{key}' left unchanged: not about tools"

    def check_forced_name(self, out: Mapping, ptr: Pointer) -> None:
        """A forced tool that is not among the converted tools would be a 400: say so."""
        names = self.tool_names(out.get("tools"))
        forced = self.forced_name(out.get("tool_choice"))
        if names is not None and isinstance(forced, str) and forced not in names:
            self.warn(
                ptr + ("tool_choice",),
                f"tool_choice forces '{forced}', but no tool of that name is in tools",
            )

    # -- implemented per direction ---------------------------------------------------------
    def request_handlers(self) -> Dict[str, Callable[[Mapping, Any, Pointer, Dict], None]]:
        raise NotImplementedError

    def tool(self, tool: Any, ptr: Pointer) -> Any:
        raise NotImplementedError

    def conversation(self, items: Any, ptr: Pointer) -> Any:
        raise NotImplementedError

    def tool_names(self, tools: Any) -> Optional[set]:
        raise NotImplementedError

    def forced_name(self, choice: Any) -> Optional[str]:
        raise NotImplementedError

    # -- shared pieces ---------------------------------------------------------------------
    def mode(self, value: str, ptr: Pointer, what: str) -> str:
        if value not in MODES:
            self.error(ptr, f"{what} '{value}' is not one of {', '.join(MODES)}")
        return value

    def strict_value(self, value: Any, ptr: Pointer, what: str) -> Any:
        """Explicit ``strict`` values: booleans pass; null becomes false (never write null)."""
        if isinstance(value, bool):
            return value
        if value is None:
            self.warn(ptr, f"strict: null in {what} means false; wrote strict: false")
            return False
        self.error(ptr, f"strict in {what} must be true or false, got {_kind(value)}")
        return value


def _names_of(refs: Any, name_of: Callable[[Mapping], Any]) -> Optional[set]:
    if not isinstance(refs, list):
        return None
    names = (name_of(t) for t in refs if isinstance(t, Mapping))
    return {name for name in names if isinstance(name, str)}


class _ToResponses(_Conversion):
    """Chat Completions -> Responses."""

    source = CHAT
    target = RESPONSES

    def request_handlers(self):
        return {
            "tools": self.h_tools,
            "functions": self.h_functions,
            "tool_choice": self.h_tool_choice,
            "function_call": self.h_function_call,
            "response_format": self.h_response_format,
            "text": self.h_text,
            "messages": self.h_messages,
            "input": self.h_input,
        }

    # -- request fields --------------------------------------------------------------------
    def h_tools(self, body, value, ptr, out):
        converted = self.tools(value, ptr)
        if isinstance(converted, list) and isinstance(out.get("tools"), list):
            out["tools"].extend(converted)
        else:
            out["tools"] = converted

    def h_functions(self, body, value, ptr, out):
        if not isinstance(value, list):
            self.error(ptr, f"functions must be a list, got {_kind(value)}")
            return
        converted = [self.legacy_function(f, ptr + (i,)) for i, f in enumerate(value)]
        converted = [c for c in converted if c is not None]
        out.setdefault("tools", [])
        if isinstance(out["tools"], list):
            out["tools"].extend(converted)

    def h_tool_choice(self, body, value, ptr, out):
        choice = self.tool_choice(value, ptr)
        if choice is not _MISSING:
            out["tool_choice"] = choice

    def h_function_call(self, body, value, ptr, out):
        if "tool_choice" in body:
            self.error(ptr, "both function_call (legacy) and tool_choice are given; keep one")
            return
        self.converted += 1
        if isinstance(value, str):
            out["tool_choice"] = self.mode(value, ptr, "function_call")
            if value == "required":
                self.error(ptr, "function_call 'required' is not a legacy mode")
            return
        if not self.expect_mapping(value, ptr, "function_call"):
            return
        self.check_keys(value, ("name",), ptr, "function_call")
        if "name" not in value:
            self.error(ptr, "function_call has no 'name'")
            return
        out["tool_choice"] = {"type": "function", "name": value["name"]}

    def h_response_format(self, body, value, ptr, out):
        fmt = self.response_format(value, ptr)
        if fmt is _MISSING:
            return
        text = out.get("text")
        if isinstance(text, Mapping):
            if "format" in text:
                self.error(ptr, "both response_format and text.format are given; keep one")
                return
            out["text"] = {**text, "format": fmt}
        else:
            out["text"] = {"format": fmt}

    def h_text(self, body, value, ptr, out):
        if isinstance(value, Mapping) and "format" in value:
            self.already(ptr + ("format",))
        existing = out.get("text")
        if isinstance(existing, Mapping) and isinstance(value, Mapping):
            if "format" in value:
                self.error(ptr, "both response_format and text.format are given; keep one")
            out["text"] = {**value, **existing}
        else:
            out["text"] = value

    def h_messages(self, body, value, ptr, out):
        out["input"] = self.conversation(value, ptr)

    def h_input(self, body, value, ptr, out):
        if isinstance(value, str):
            self.already(ptr)
            out["input"] = value
        else:
            out["input"] = self.conversation(value, ptr)

    # -- tools -----------------------------------------------------------------------------
    def tool(self, tool, ptr):
        if not self.expect_mapping(tool, ptr, "a tool"):
            return tool
        kind = tool.get("type", _MISSING)
        if kind is _MISSING:
            if "name" in tool:
                return self.legacy_function(tool, ptr)
            self.error(ptr, "a tool needs a 'type'")
            return tool
        if kind == "function" and "function" in tool:
            return self.function_tool(tool, ptr)
        if kind == "custom" and "custom" in tool:
            return self.custom_tool(tool, ptr)
        if kind in ("function", "custom") and "name" not in tool:
            inner = "function" if kind == "function" else "custom"
            self.error(ptr, f"a {kind} tool needs '{inner}' (Chat) or 'name' (Responses)")
            return tool
        # A Responses function/custom tool, a hosted tool or a namespace: Responses already.
        self.already(ptr)
        return tool

    def function_tool(self, tool, ptr):
        self.converted += 1
        fn = tool["function"]
        fptr = ptr + ("function",)
        if not self.expect_mapping(fn, fptr, "function"):
            return tool
        self.check_keys(tool, ("type", "function", "strict"), ptr, "a Chat tool")
        self.check_keys(fn, ("name", "description", "parameters", "strict"), fptr, "a function")
        out: Dict[str, Any] = {"type": "function"}
        if "name" not in fn:
            self.error(fptr, "the function has no 'name'")
        for key in ("name", "description"):
            if key in fn:
                out[key] = fn[key]
        if "parameters" in fn:
            out["parameters"] = fn["parameters"]
        else:
            out["parameters"] = None
            self.decide(
                fptr,
                "the function has no 'parameters' (it takes no arguments); wrote "
                "parameters: null, the Responses way of saying the same",
            )
        if "strict" in fn:
            out["strict"] = self.strict_value(fn["strict"], fptr + ("strict",), "a Chat tool")
        else:
            out["strict"] = False
            if "strict" in tool:
                self.warn(
                    ptr + ("strict",),
                    "'strict' beside 'function' is ignored by Chat Completions, so this tool "
                    "was non-strict; wrote strict: false (move it into 'function' if you "
                    "meant strict)",
                )
            else:
                self.decide(
                    fptr,
                    "Chat tool had no 'strict' (non-strict); wrote strict: false, because an "
                    "omitted strict in Responses means 'try strict'",
                )
        return out

    def legacy_function(self, fn, ptr):
        if not self.expect_mapping(fn, ptr, "a functions entry"):
            return fn
        self.converted += 1
        self.check_keys(fn, ("name", "description", "parameters"), ptr, "a functions entry")
        out: Dict[str, Any] = {"type": "function"}
        for key in ("name", "description"):
            if key in fn:
                out[key] = fn[key]
        out["parameters"] = fn.get("parameters")
        out["strict"] = False
        self.decide(ptr, "legacy functions are never strict; wrote strict: false")
        return out

    def custom_tool(self, tool, ptr):
        self.converted += 1
        spec = tool["custom"]
        cptr = ptr + ("custom",)
        if not self.expect_mapping(spec, cptr, "custom"):
            return tool
        self.check_keys(tool, ("type", "custom"), ptr, "a Chat custom tool")
        self.check_keys(spec, ("name", "description", "format"), cptr, "a custom tool")
        out: Dict[str, Any] = {"type": "custom"}
        for key in ("name", "description"):
            if key in spec:
                out[key] = spec[key]
        if "format" in spec:
            out["format"] = self.custom_format(spec["format"], cptr + ("format",))
        return out

    def custom_format(self, fmt, ptr):
        if not self.expect_mapping(fmt, ptr, "format"):
            return fmt
        if fmt.get("type") == "text":
            self.check_keys(fmt, ("type",), ptr, "a text format")
            return fmt
        if fmt.get("type") != "grammar":
            self.error(ptr, "custom tool format type must be 'text' or 'grammar'")
            return fmt
        grammar = fmt.get("grammar")
        if "grammar" not in fmt and "definition" in fmt:
            self.already(ptr)
            return fmt
        self.check_keys(fmt, ("type", "grammar"), ptr, "a grammar format")
        if not self.expect_mapping(grammar, ptr + ("grammar",), "grammar"):
            return fmt
        self.check_keys(grammar, ("syntax", "definition"), ptr + ("grammar",), "a grammar")
        return {"type": "grammar", **grammar}

    def tool_names(self, tools):
        return _names_of(tools, lambda t: t.get("name"))

    def forced_name(self, choice):
        if isinstance(choice, Mapping) and choice.get("type") in ("function", "custom"):
            return choice.get("name")
        return None

    # -- tool_choice -----------------------------------------------------------------------
    def tool_choice(self, choice, ptr):
        if isinstance(choice, str):
            return self.mode(choice, ptr, "tool_choice")
        if not self.expect_mapping(choice, ptr, "tool_choice"):
            return choice
        kind = choice.get("type")
        if kind == "allowed_tools" and "allowed_tools" in choice:
            self.converted += 1
            self.check_keys(choice, ("type", "allowed_tools"), ptr, "tool_choice")
            inner = choice["allowed_tools"]
            iptr = ptr + ("allowed_tools",)
            if not self.expect_mapping(inner, iptr, "allowed_tools"):
                return choice
            self.check_keys(inner, ("mode", "tools"), iptr, "allowed_tools")
            out: Dict[str, Any] = {"type": "allowed_tools"}
            if "mode" in inner:
                out["mode"] = inner["mode"]
            refs = inner.get("tools")
            if isinstance(refs, list):
                out["tools"] = [self.tool_ref(r, iptr + ("tools", i)) for i, r in enumerate(refs)]
            else:
                self.error(iptr + ("tools",), "allowed_tools needs a list of tools")
            return out
        if kind in ("function", "custom") and kind in choice:
            return self.tool_ref(choice, ptr)
        if kind in ("function", "custom") and "name" not in choice:
            self.error(ptr, f"tool_choice of type '{kind}' names no tool")
            return choice
        self.already(ptr)
        return choice

    def tool_ref(self, ref, ptr):
        """``{"type":"function","function":{"name"}}`` -> ``{"type":"function","name"}``."""
        if not self.expect_mapping(ref, ptr, "a tool reference"):
            return ref
        kind = ref.get("type")
        if kind in ("function", "custom") and kind in ref:
            self.converted += 1
            self.check_keys(ref, ("type", kind), ptr, "a tool reference")
            inner = ref[kind]
            if not self.expect_mapping(inner, ptr + (kind,), kind):
                return ref
            self.check_keys(inner, ("name",), ptr + (kind,), "a tool reference")
            if "name" not in inner:
                self.error(ptr + (kind,), "the tool reference has no 'name'")
                return ref
            return {"type": kind, "name": inner["name"]}
        self.already(ptr)
        return ref

    # -- Structured Outputs ----------------------------------------------------------------
    def response_format(self, rf, ptr):
        if not self.expect_mapping(rf, ptr, "response_format"):
            return _MISSING
        self.converted += 1
        kind = rf.get("type")
        if kind in ("text", "json_object"):
            self.check_keys(rf, ("type",), ptr, "response_format")
            return {"type": kind}
        if kind != "json_schema":
            self.error(ptr, "response_format type must be text, json_object or json_schema")
            return _MISSING
        self.check_keys(rf, ("type", "json_schema"), ptr, "response_format")
        js = rf.get("json_schema")
        jptr = ptr + ("json_schema",)
        if not self.expect_mapping(js, jptr, "json_schema"):
            return _MISSING
        self.check_keys(js, ("name", "schema", "strict", "description"), jptr, "json_schema")
        out: Dict[str, Any] = {"type": "json_schema"}
        for key, value in js.items():
            if key == "strict":
                value = self.strict_value(value, jptr + ("strict",), "json_schema")
            out[key] = value
        return out

    # -- conversation ----------------------------------------------------------------------
    def conversation(self, messages, ptr):
        if not isinstance(messages, list):
            self.error(ptr, f"messages must be a list, got {_kind(messages)}")
            return messages
        items: List[Any] = []
        call_kinds: Dict[Any, str] = {}  # tool call id -> "function" / "custom"
        legacy_calls: List[Tuple[Any, str]] = []  # (name, synthesised call_id), unanswered
        for i, msg in enumerate(messages):
            p = ptr + (i,)
            if not self.expect_mapping(msg, p, "a message"):
                items.append(msg)
                continue
            role = msg.get("role", _MISSING)
            if role is _MISSING or msg.get("type") == "message":
                self.already(p)  # a Responses item
                items.append(msg)
                if msg.get("type") in _CALL_ITEM_TYPES and isinstance(msg.get("call_id"), str):
                    call_kinds[msg["call_id"]] = msg["type"].split("_")[0]
            elif role in ("system", "developer", "user"):
                items.append(self.input_message(msg, p))
            elif role == "assistant":
                items.extend(self.assistant_message(msg, p, call_kinds, legacy_calls))
            elif role == "tool":
                items.append(self.tool_message(msg, p, call_kinds))
            elif role == "function":
                out = self.function_message(msg, p, legacy_calls)
                if out is not None:
                    items.append(out)
            else:
                self.error(p + ("role",), f"unknown message role '{role}'")
                items.append(msg)
        return items

    def input_message(self, msg, ptr):
        self.check_keys(msg, ("role", "content"), ptr, f"a {msg['role']} message")
        out = {"role": msg["role"]}
        if "content" in msg:
            out["content"] = self.input_content(msg["content"], ptr + ("content",))
        return out

    def input_content(self, content, ptr):
        if not isinstance(content, list):
            return content
        parts = []
        for i, part in enumerate(content):
            converted = self.input_part(part, ptr + (i,))
            if converted is not None:
                parts.append(converted)
        return parts

    def input_part(self, part, ptr):
        if not self.expect_mapping(part, ptr, "a content part"):
            return part
        kind = part.get("type")
        if kind == "text":
            self.converted += 1
            self.check_keys(part, ("type", "text"), ptr, "a text part")
            return {"type": "input_text", "text": part.get("text")}
        if kind == "image_url":
            self.converted += 1
            self.check_keys(part, ("type", "image_url"), ptr, "an image part")
            image = part.get("image_url")
            if not self.expect_mapping(image, ptr + ("image_url",), "image_url"):
                return part
            self.check_keys(image, ("url", "detail"), ptr + ("image_url",), "image_url")
            if "detail" not in image:
                self.decide(ptr, "image part had no detail (Chat default 'auto'); wrote "
                                 "detail: 'auto'")
            return {"type": "input_image", "image_url": image.get("url"),
                    "detail": image.get("detail", "auto")}
        if kind == "file":
            self.converted += 1
            self.check_keys(part, ("type", "file"), ptr, "a file part")
            spec = part.get("file")
            if not self.expect_mapping(spec, ptr + ("file",), "file"):
                return part
            self.check_keys(spec, ("file_id", "file_data", "filename"), ptr + ("file",), "file")
            return {"type": "input_file", **spec}
        if kind in ("input_text", "input_image", "input_file", "output_text", "refusal"):
            self.already(ptr)
            return part
        self.unsupported(ptr, f"a '{kind}' content part")
        return None

    def assistant_message(self, msg, ptr, call_kinds, legacy_calls) -> List[Any]:
        self.check_keys(
            msg, ("role", "content", "refusal", "tool_calls", "function_call"), ptr,
            "an assistant message",
        )
        items: List[Any] = []
        content = msg.get("content")
        cptr = ptr + ("content",)
        parts: Optional[List[Any]] = None
        if isinstance(content, list):
            parts = []
            for i, part in enumerate(content):
                converted = self.output_part(part, cptr + (i,))
                if converted is not None:
                    parts.append(converted)
        elif content is not None and not isinstance(content, str):
            self.error(cptr, f"assistant content must be a string, a list or null, got "
                             f"{_kind(content)}")
        refusal = msg.get("refusal")
        if refusal is not None:
            self.converted += 1
            if parts is None:
                parts = [_output_text(content)] if content else []
            parts.append({"type": "refusal", "refusal": refusal})
        if parts is not None:
            if parts:
                items.append({"role": "assistant", "content": parts})
        elif content:
            items.append({"role": "assistant", "content": content})
        calls = msg.get("tool_calls")
        if calls is not None:
            if not isinstance(calls, list):
                self.error(ptr + ("tool_calls",), "tool_calls must be a list")
            else:
                for i, call in enumerate(calls):
                    item = self.tool_call(call, ptr + ("tool_calls", i), call_kinds)
                    if item is not None:
                        items.append(item)
        legacy = msg.get("function_call")
        if legacy is not None:
            item = self.legacy_call(legacy, ptr + ("function_call",), legacy_calls)
            if item is not None:
                items.append(item)
        if not items:  # nothing to say and nothing called: keep the turn as it was
            items.append({"role": "assistant", "content": content})
        return items

    def output_part(self, part, ptr):
        if not self.expect_mapping(part, ptr, "a content part"):
            return part
        kind = part.get("type")
        if kind == "text":
            self.converted += 1
            self.check_keys(part, ("type", "text"), ptr, "a text part")
            return _output_text(part.get("text"))
        if kind == "refusal":
            self.check_keys(part, ("type", "refusal"), ptr, "a refusal part")
            return {"type": "refusal", "refusal": part.get("refusal")}
        if kind == "output_text":
            self.already(ptr)
            return part
        self.unsupported(ptr, f"a '{kind}' content part in an assistant message")
        return None

    def tool_call(self, call, ptr, call_kinds):
        if not self.expect_mapping(call, ptr, "a tool call"):
            return None
        kind = call.get("type", "function")
        if kind not in ("function", "custom"):
            self.error(ptr, f"unknown tool call type '{kind}'")
            return None
        self.converted += 1
        self.check_keys(call, ("id", "type", kind), ptr, "a tool call")
        if "id" not in call:
            self.error(ptr, "the tool call has no 'id'; Responses needs it as call_id to link "
                            "the result")
            return None
        inner = call.get(kind)
        iptr = ptr + (kind,)
        if not self.expect_mapping(inner, iptr, kind):
            return None
        payload = "arguments" if kind == "function" else "input"
        self.check_keys(inner, ("name", payload), iptr, f"a {kind} call")
        if isinstance(call["id"], str):
            call_kinds[call["id"]] = kind
        item_type = "function_call" if kind == "function" else "custom_tool_call"
        # The Chat id is the call id; the Responses item 'id' is something else.
        return {"type": item_type, "call_id": call["id"], "name": inner.get("name"),
                payload: inner.get(payload)}

    def legacy_call(self, call, ptr, legacy_calls):
        if not self.expect_mapping(call, ptr, "function_call"):
            return None
        self.converted += 1
        self.check_keys(call, ("name", "arguments"), ptr, "function_call")
        call_id = f"legacy_call_{len(legacy_calls) + 1}"
        legacy_calls.append((call.get("name"), call_id))
        self.decide(ptr, f"legacy function_call has no id; gave it call_id '{call_id}' to link "
                         "its result")
        return {"type": "function_call", "call_id": call_id, "name": call.get("name"),
                "arguments": call.get("arguments")}

    def tool_message(self, msg, ptr, call_kinds):
        self.converted += 1
        self.check_keys(msg, ("role", "tool_call_id", "content", "name"), ptr, "a tool message")
        if "name" in msg:
            self.inform(ptr + ("name",), "dropped 'name' of the tool message: the call it "
                                         "answers already names the tool")
        call_id = msg.get("tool_call_id")
        if call_id is None:
            self.error(ptr, "the tool message has no tool_call_id")
        kind = call_kinds.get(call_id) if isinstance(call_id, str) else None
        if kind is None:
            kind = "function"
            self.warn(ptr + ("tool_call_id",), f"tool_call_id '{call_id}' matches no earlier "
                                               "tool call here; assumed a function call")
        item_type = "function_call_output" if kind == "function" else "custom_tool_call_output"
        return {"type": item_type, "call_id": call_id,
                "output": self.tool_output(msg.get("content"), ptr + ("content",))}

    def tool_output(self, content, ptr):
        if isinstance(content, str) or not isinstance(content, list):
            return content
        parts = []
        for i, part in enumerate(content):
            p = ptr + (i,)
            if isinstance(part, Mapping) and part.get("type") == "text":
                self.check_keys(part, ("type", "text"), p, "a text part")
                parts.append({"type": "input_text", "text": part.get("text")})
            else:
                self.unsupported(p, "a non-text part in a tool result")
        return parts

    def function_message(self, msg, ptr, legacy_calls):
        self.converted += 1
        self.check_keys(msg, ("role", "name", "content"), ptr, "a function message")
        name = msg.get("name")
        for index, (called, call_id) in enumerate(legacy_calls):
            if called == name:
                del legacy_calls[index]
                return {"type": "function_call_output", "call_id": call_id,
                        "output": msg.get("content")}
        self.error(ptr, f"no earlier assistant function_call named '{name}' to link this "
                        "result to")
        return None


def _output_text(text: Any) -> Dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": []}


class _ToChat(_Conversion):
    """Responses -> Chat Completions."""

    source = RESPONSES
    target = CHAT

    def request_handlers(self):
        return {
            "tools": self.h_tools,
            "tool_choice": self.h_tool_choice,
            "text": self.h_text,
            "input": self.h_input,
            "messages": self.h_chat_only,
            "functions": self.h_chat_only,
            "function_call": self.h_chat_only,
            "response_format": self.h_chat_only,
        }

    def unchanged_message(self, key):
        if key == "instructions":
            return ("'instructions' left unchanged: Chat Completions has no such field; put it "
                    "in a system or developer message")
        return super().unchanged_message(key)

    # -- request fields --------------------------------------------------------------------
    def h_tools(self, body, value, ptr, out):
        out["tools"] = self.tools(value, ptr)

    def h_tool_choice(self, body, value, ptr, out):
        choice = self.tool_choice(value, ptr)
        if choice is not _MISSING:
            out["tool_choice"] = choice

    def h_chat_only(self, body, value, ptr, out):
        self.already(ptr)
        out[ptr[-1]] = value

    def h_text(self, body, value, ptr, out):
        if not isinstance(value, Mapping) or "format" not in value:
            out["text"] = value
            self.inform(ptr, self.unchanged_message("text"))
            return
        if "response_format" in body:
            self.error(ptr, "both text.format and response_format are given; keep one")
            return
        fmt = self.text_format(value["format"], ptr + ("format",))
        if fmt is not _MISSING:
            out["response_format"] = fmt
        rest = {k: v for k, v in value.items() if k != "format"}
        if rest:
            out["text"] = rest
            for key in rest:
                hint = (" (Chat Completions has a top-level 'verbosity')"
                        if key == "verbosity" else "")
                self.inform(ptr + (key,), f"'text.{key}' left unchanged: not about tools{hint}")

    def h_input(self, body, value, ptr, out):
        if isinstance(value, str):
            self.converted += 1
            out["messages"] = [{"role": "user", "content": value}]
        else:
            out["messages"] = self.conversation(value, ptr)

    # -- tools -----------------------------------------------------------------------------
    def tool(self, tool, ptr):
        if not self.expect_mapping(tool, ptr, "a tool"):
            return tool
        kind = tool.get("type", _MISSING)
        if kind is _MISSING:
            if "name" in tool:
                self.already(ptr)  # a legacy Chat functions entry
            else:
                self.error(ptr, "a tool needs a 'type'")
            return tool
        if kind == "function" and "function" in tool or kind == "custom" and "custom" in tool:
            self.already(ptr)
            return tool
        if kind == "function":
            return self.function_tool(tool, ptr)
        if kind == "custom":
            return self.custom_tool(tool, ptr)
        self.converted += 1
        name = tool.get("name") or tool.get("server_label")
        label = f"'{kind}' tool" + (f" '{name}'" if isinstance(name, str) else "")
        if kind == "namespace":
            self.unsupported(ptr, f"the namespace '{name}'" if name else "a namespace")
        else:
            self.unsupported(ptr, f"the hosted {label}")
        return None

    def function_tool(self, tool, ptr):
        self.converted += 1
        for key in tool:
            if key in RESPONSES_ONLY_TOOL_FIELDS:
                self.unsupported(ptr + (key,), f"'{key}' (Responses only)")
            elif key not in ("type", "name", "description", "parameters", "strict"):
                self.unsupported(ptr + (key,), f"'{key}' in a Responses function tool")
        if "name" not in tool:
            self.error(ptr, "the function tool has no 'name'")
        fn: Dict[str, Any] = {}
        for key in ("name", "description"):
            if key in tool:
                fn[key] = tool[key]
        parameters = tool.get("parameters")
        strict = tool.get("strict", _MISSING)
        if strict is None:
            self.warn(ptr + ("strict",), "strict: null is not a boolean; treated as omitted "
                                         "('auto')")
            strict = _MISSING
        if strict is _MISSING:
            strict, parameters = self.decide_omitted_strict(parameters, ptr)
        else:
            strict = self.strict_value(strict, ptr + ("strict",), "a Responses tool")
        if parameters is not None:
            fn["parameters"] = parameters
        fn["strict"] = strict
        return {"type": "function", "function": fn}

    def decide_omitted_strict(self, parameters, ptr) -> Tuple[bool, Any]:
        sptr = ptr + ("strict",)
        if parameters is None:
            self.decide(sptr, "strict omitted ('auto') and the tool has no parameters schema; "
                              "wrote strict: false")
            return False, parameters
        try:
            decision = decide_strict(parameters, self.checker)
        except ImportError:
            self.error(sptr, "cannot decide what an omitted strict means here: the strictness "
                             "checker is not available; give strict explicitly")
            return False, parameters
        except Exception as exc:  # a checker failure must not become a traceback
            self.error(sptr, f"cannot decide what an omitted strict means here: the strictness "
                             f"check failed ({type(exc).__name__}: {exc}); give strict explicitly")
            return False, parameters
        if not decision.strict:
            self.decide(
                sptr,
                "strict omitted ('auto'); the schema cannot be strict even after the API's "
                "normalisation (" + "; ".join(decision.reasons) + "), so Responses runs it "
                "non-strict: wrote strict: false",
            )
            return False, parameters
        message = ("strict omitted ('auto'); the schema is strict-valid after the API's "
                   "normalisation, so wrote strict: true with the normalised schema (Chat "
                   "Completions does not normalise)")
        if decision.now_required:
            fields = ", ".join(format_pointer(ptr + ("parameters",) + p)
                               for p in decision.now_required)
            message += f"; optional fields that are now mandatory: {fields}"
        self.decide(sptr, message)
        return True, decision.parameters

    def custom_tool(self, tool, ptr):
        self.converted += 1
        self.check_keys(tool, ("type", "name", "description", "format"), ptr,
                        "a Responses custom tool")
        spec: Dict[str, Any] = {}
        for key in ("name", "description"):
            if key in tool:
                spec[key] = tool[key]
        if "format" in tool:
            spec["format"] = self.custom_format(tool["format"], ptr + ("format",))
        return {"type": "custom", "custom": spec}

    def custom_format(self, fmt, ptr):
        if not self.expect_mapping(fmt, ptr, "format"):
            return fmt
        if fmt.get("type") == "text":
            self.check_keys(fmt, ("type",), ptr, "a text format")
            return fmt
        if fmt.get("type") != "grammar":
            self.error(ptr, "custom tool format type must be 'text' or 'grammar'")
            return fmt
        self.check_keys(fmt, ("type", "syntax", "definition"), ptr, "a grammar format")
        return {"type": "grammar",
                "grammar": {k: v for k, v in fmt.items() if k != "type"}}

    def tool_names(self, tools):
        def name_of(tool):
            inner = tool.get(tool.get("type"))
            return inner.get("name") if isinstance(inner, Mapping) else tool.get("name")

        return _names_of(tools, name_of)

    def forced_name(self, choice):
        if isinstance(choice, Mapping) and choice.get("type") in ("function", "custom"):
            inner = choice.get(choice["type"])
            return inner.get("name") if isinstance(inner, Mapping) else None
        return None

    # -- tool_choice -----------------------------------------------------------------------
    def tool_choice(self, choice, ptr):
        if isinstance(choice, str):
            return self.mode(choice, ptr, "tool_choice")
        if not self.expect_mapping(choice, ptr, "tool_choice"):
            return choice
        kind = choice.get("type")
        if kind == "allowed_tools":
            if "allowed_tools" in choice:
                self.already(ptr)
                return choice
            self.converted += 1
            self.check_keys(choice, ("type", "mode", "tools"), ptr, "tool_choice")
            refs = choice.get("tools")
            if not isinstance(refs, list):
                self.error(ptr + ("tools",), "allowed_tools needs a list of tools")
                return choice
            converted = []
            for i, ref in enumerate(refs):
                out = self.tool_ref(ref, ptr + ("tools", i))
                if out is not None:
                    converted.append(out)
            if refs and not converted:
                self.error(ptr + ("tools",), "no allowed tool is left for Chat Completions; "
                                             "dropping them all would change what the model "
                                             "may call")
            inner: Dict[str, Any] = {}
            if "mode" in choice:
                inner["mode"] = choice["mode"]
            inner["tools"] = converted
            return {"type": "allowed_tools", "allowed_tools": inner}
        if kind in ("function", "custom"):
            if kind in choice:
                self.already(ptr)
                return choice
            return self.tool_ref(choice, ptr)
        self.converted += 1
        self.unsupported(ptr, f"tool_choice forcing the hosted '{kind}' tool")
        if self.drop:
            self.warn(ptr, "tool_choice removed: the model now chooses among the tools freely")
        return _MISSING

    def tool_ref(self, ref, ptr):
        """``{"type":"function","name"}`` -> ``{"type":"function","function":{"name"}}``."""
        if not self.expect_mapping(ref, ptr, "a tool reference"):
            return ref
        kind = ref.get("type")
        if kind in ("function", "custom") and kind in ref:
            self.already(ptr)
            return ref
        if kind not in ("function", "custom"):
            self.converted += 1
            self.unsupported(ptr, f"the hosted '{kind}' tool in allowed_tools")
            return None
        self.converted += 1
        self.check_keys(ref, ("type", "name"), ptr, "a tool reference")
        if "name" not in ref:
            self.error(ptr, "the tool reference has no 'name'")
            return ref
        return {"type": kind, kind: {"name": ref["name"]}}

    # -- Structured Outputs ----------------------------------------------------------------
    def text_format(self, fmt, ptr):
        if not self.expect_mapping(fmt, ptr, "text.format"):
            return _MISSING
        self.converted += 1
        kind = fmt.get("type")
        if kind in ("text", "json_object"):
            self.check_keys(fmt, ("type",), ptr, "text.format")
            return {"type": kind}
        if kind != "json_schema":
            self.error(ptr, "text.format type must be text, json_object or json_schema")
            return _MISSING
        self.check_keys(fmt, ("type", "name", "schema", "strict", "description"), ptr,
                        "text.format")
        js: Dict[str, Any] = {}
        for key, value in fmt.items():
            if key == "type":
                continue
            if key == "strict":
                value = self.strict_value(value, ptr + ("strict",), "text.format")
            js[key] = value
        return {"type": "json_schema", "json_schema": js}

    # -- conversation ----------------------------------------------------------------------
    def conversation(self, items, ptr):
        if not isinstance(items, list):
            self.error(ptr, f"input must be a string or a list, got {_kind(items)}")
            return items
        messages: List[Any] = []
        calling: Optional[Dict[str, Any]] = None  # the assistant message collecting tool calls
        for i, item in enumerate(items):
            p = ptr + (i,)
            if not self.expect_mapping(item, p, "an input item"):
                messages.append(item)
                continue
            kind = item.get("type")
            role = item.get("role")
            if role is not None and kind in (None, "message"):
                if role == "tool" or role == "function":
                    self.already(p)
                    messages.append(item)
                    calling = None
                    continue
                if role == "assistant" and "tool_calls" in item:
                    self.already(p)
                    messages.append(item)
                    calling = None
                    continue
                msg = self.message(item, p)
                messages.append(msg)
                calling = msg if role == "assistant" else None
            elif kind in _CALL_ITEM_TYPES:
                call = self.call_item(item, p)
                if call is None:
                    continue
                if calling is None:
                    calling = {"role": "assistant", "content": None}
                    messages.append(calling)
                calling.setdefault("tool_calls", []).append(call)
            elif kind in _OUTPUT_ITEM_TYPES:
                messages.append(self.output_item(item, p))
                calling = None
            else:
                self.converted += 1
                self.unsupported(p, f"the '{kind}' input item" if kind else "an input item "
                                 "without a type")
                calling = None
        return messages

    def drop_item_fields(self, item, ptr, what):
        for key in ("id", "status"):
            if key in item:
                self.inform(ptr + (key,), f"dropped the {what}'s '{key}': Chat Completions "
                                          "has no place for it")

    def message(self, item, ptr):
        role = item["role"]
        if "type" in item or "id" in item or any(
            isinstance(part, Mapping) and part.get("type") in
            ("input_text", "input_image", "input_file", "output_text")
            for part in (item.get("content") if isinstance(item.get("content"), list) else ())
        ):
            self.converted += 1
        self.check_keys(item, ("type", "role", "content", "id", "status"), ptr, "a message")
        self.drop_item_fields(item, ptr, "message")
        if role not in ("system", "developer", "user", "assistant"):
            self.error(ptr + ("role",), f"unknown message role '{role}'")
        out: Dict[str, Any] = {"role": role}
        content = item.get("content")
        if isinstance(content, list):
            part_of = self.assistant_part if role == "assistant" else self.input_part
            parts = []
            for i, part in enumerate(content):
                converted = part_of(part, ptr + ("content", i))
                if converted is not None:
                    parts.append(converted)
            out["content"] = parts
        elif "content" in item:
            out["content"] = content
        return out

    def input_part(self, part, ptr):
        if not self.expect_mapping(part, ptr, "a content part"):
            return part
        kind = part.get("type")
        if kind == "input_text":
            self.check_keys(part, ("type", "text"), ptr, "an input_text part")
            return {"type": "text", "text": part.get("text")}
        if kind == "input_image":
            self.check_keys(part, ("type", "image_url", "detail", "file_id"), ptr,
                            "an input_image part")
            if "image_url" not in part:
                self.unsupported(ptr, "an image given by file_id")
                return None
            image = {"url": part["image_url"]}
            if "detail" in part:
                image["detail"] = part["detail"]
            return {"type": "image_url", "image_url": image}
        if kind == "input_file":
            self.check_keys(part, ("type", "file_id", "file_data", "filename"), ptr,
                            "an input_file part")
            return {"type": "file", "file": {k: v for k, v in part.items() if k != "type"}}
        if kind in ("text", "image_url", "file"):
            self.already(ptr)
            return part
        self.unsupported(ptr, f"a '{kind}' content part")
        return None

    def assistant_part(self, part, ptr):
        if not self.expect_mapping(part, ptr, "a content part"):
            return part
        kind = part.get("type")
        if kind in ("output_text", "input_text"):
            self.check_keys(part, ("type", "text", "annotations", "logprobs"), ptr,
                            f"an {kind} part")
            for key in ("annotations", "logprobs"):
                if part.get(key):
                    self.unsupported(ptr + (key,), f"'{key}' of an output_text part")
            return {"type": "text", "text": part.get("text")}
        if kind == "refusal":
            self.check_keys(part, ("type", "refusal"), ptr, "a refusal part")
            return {"type": "refusal", "refusal": part.get("refusal")}
        if kind == "text":
            self.already(ptr)
            return part
        self.unsupported(ptr, f"a '{kind}' content part in an assistant message")
        return None

    def call_item(self, item, ptr):
        self.converted += 1
        kind = "function" if item["type"] == "function_call" else "custom"
        payload = "arguments" if kind == "function" else "input"
        self.check_keys(item, ("type", "call_id", "name", payload, "id", "status"), ptr,
                        f"a {item['type']} item")
        self.drop_item_fields(item, ptr, item["type"])
        if "call_id" not in item:
            self.error(ptr, f"the {item['type']} item has no call_id (its 'id' is the item id, "
                            "not the call id)")
            return None
        # Responses call_id is the Chat tool call id; the item 'id' never goes there.
        return {"id": item["call_id"], "type": kind,
                kind: {"name": item.get("name"), payload: item.get(payload)}}

    def output_item(self, item, ptr):
        self.converted += 1
        self.check_keys(item, ("type", "call_id", "output", "id", "status"), ptr,
                        f"a {item['type']} item")
        self.drop_item_fields(item, ptr, item["type"])
        if "call_id" not in item:
            self.error(ptr, f"the {item['type']} item has no call_id")
        output = item.get("output")
        if isinstance(output, list):
            parts = []
            for i, part in enumerate(output):
                p = ptr + ("output", i)
                if isinstance(part, Mapping) and part.get("type") == "input_text":
                    self.check_keys(part, ("type", "text"), p, "an input_text part")
                    parts.append({"type": "text", "text": part.get("text")})
                else:
                    kind = part.get("type") if isinstance(part, Mapping) else None
                    self.unsupported(p, f"a non-text tool output ('{kind}')")
            output = parts
        return {"role": "tool", "tool_call_id": item.get("call_id"), "content": output}
