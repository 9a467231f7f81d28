"""Tool definitions and ``tool_choice``, in both directions (STRICT_MODE.md section 7).

Chat Completions nests a tool under a key named after its type (``{"type": "function",
"function": {...}}``); Responses flattens it. The same holds for forced and allowed tools in
``tool_choice``. The hard part is ``strict``: omitted means false in Chat but "try strict" in
Responses, so every conversion writes it down explicitly and says why.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from .convert_base import MISSING, Conversion, RequestHandler, pick
from .convert_strict import decide_strict
from .diagnostics import Pointer, format_pointer

MODES = ("none", "auto", "required")
# Fields of a Responses function tool that Chat Completions has no place for.
RESPONSES_ONLY_TOOL_FIELDS = ("defer_loading", "allowed_callers", "output_schema")
# Tool types that refer to a tool by name (the others are hosted tools).
NAMED_TOOL_TYPES = ("function", "custom")


# Longest function or custom tool name Chat Completions accepts (Responses: 128).
CHAT_NAME_MAX = 64

def _names_of(refs: Any, name_of: Callable[[Mapping], Any]) -> Optional[set]:
    if not isinstance(refs, list):
        return None
    names = (name_of(t) for t in refs if isinstance(t, Mapping))
    return {name for name in names if isinstance(name, str)}


class ToolConversion(Conversion):
    """What both directions do alike: tool lists, tool_choice modes, custom tool formats."""

    def tools(self, value: Any, ptr: Pointer) -> Any:
        if not self.expect_list(value, ptr, "tools"):
            return value
        return self.convert_each(value, ptr, self.tool)

    def h_tool_choice(self, body, value, ptr, out):
        choice = self.tool_choice(value, ptr)
        if choice is not MISSING:
            out["tool_choice"] = choice

    def tool_choice(self, choice: Any, ptr: Pointer) -> Any:
        """A mode is the same in both APIs; an object is converted (MISSING: removed)."""
        if isinstance(choice, str):
            return self.mode(choice, ptr, "tool_choice")
        if not self.expect_mapping(choice, ptr, "tool_choice"):
            return choice
        return self.tool_choice_object(choice, ptr)

    def mode(self, value: str, ptr: Pointer, what: str) -> str:
        if value not in MODES:
            self.error(ptr, f"{what} '{value}' is not one of {', '.join(MODES)}")
        return value

    def custom_format(self, fmt: Any, ptr: Pointer) -> Any:
        """A custom tool's format: text is the same in both APIs; a grammar moves a level."""
        if not self.expect_mapping(fmt, ptr, "format"):
            return fmt
        if fmt.get("type") == "text":
            self.check_keys(fmt, ("type",), ptr, "a text format")
            return fmt
        if fmt.get("type") != "grammar":
            self.error(ptr, "custom tool format type must be 'text' or 'grammar'")
            return fmt
        return self.grammar_format(fmt, ptr)

    # -- per direction ---------------------------------------------------------------------
    def tool(self, tool: Any, ptr: Pointer) -> Any:
        """One tool in the target shape; None when it was dropped."""
        raise NotImplementedError

    def tool_choice_object(self, choice: Mapping, ptr: Pointer) -> Any:
        raise NotImplementedError

    def grammar_format(self, fmt: Mapping, ptr: Pointer) -> Any:
        raise NotImplementedError

    def tool_names(self, tools: Any) -> Optional[set]:
        """Names of the tools in a converted ``tools`` list (None: not a list)."""
        raise NotImplementedError

    def forced_name(self, choice: Any) -> Optional[str]:
        """Name of the tool a converted ``tool_choice`` forces, if any."""
        raise NotImplementedError


class ToolsToResponses(ToolConversion):
    """Chat Completions tools (and legacy functions) -> Responses."""

    def tool_handlers(self) -> Dict[str, RequestHandler]:
        return {
            "tools": self.h_tools,
            "functions": self.h_functions,
            "tool_choice": self.h_tool_choice,
            "function_call": self.h_function_call,
        }

    # -- request fields --------------------------------------------------------------------
    def h_tools(self, body, value, ptr, out):
        converted = self.tools(value, ptr)
        if isinstance(converted, list) and isinstance(out.get("tools"), list):
            out["tools"].extend(converted)
        else:
            out["tools"] = converted

    def h_functions(self, body, value, ptr, out):
        """Legacy ``functions`` join ``tools`` (in the order the two fields come)."""
        if not self.expect_list(value, ptr, "functions"):
            return
        converted = self.convert_each(value, ptr, self.legacy_function)
        out.setdefault("tools", [])
        if isinstance(out["tools"], list):
            out["tools"].extend(converted)

    def h_function_call(self, body, value, ptr, out):
        """Legacy ``function_call`` becomes ``tool_choice``."""
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

    # -- tools -----------------------------------------------------------------------------
    def tool(self, tool, ptr):
        if not self.expect_mapping(tool, ptr, "a tool"):
            return tool
        kind = tool.get("type", MISSING)
        if kind is MISSING:
            if "name" in tool:
                return self.legacy_function(tool, ptr)
            self.error(ptr, "a tool needs a 'type'")
            return tool
        if kind == "function" and "function" in tool:
            return self.function_tool(tool, ptr)
        if kind == "custom" and "custom" in tool:
            return self.custom_tool(tool, ptr)
        if kind in NAMED_TOOL_TYPES and "name" not in tool:
            self.error(ptr, f"a {kind} tool needs '{kind}' (Chat) or 'name' (Responses)")
            return tool
        # A Responses function/custom tool, a hosted tool or a namespace: Responses already.
        self.already(ptr)
        return tool

    def function_tool(self, tool, ptr):
        """Flatten ``function``; an omitted strict (false in Chat) is written as false."""
        self.converted += 1
        fn = tool["function"]
        fptr = ptr + ("function",)
        if not self.expect_mapping(fn, fptr, "function"):
            return tool
        self.check_keys(tool, ("type", "function", "strict"), ptr, "a Chat tool")
        self.check_keys(fn, ("name", "description", "parameters", "strict"), fptr, "a function")
        if "name" not in fn:
            self.error(fptr, "the function has no 'name'")
        out: Dict[str, Any] = {"type": "function", **pick(fn, ("name", "description"))}
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
        out: Dict[str, Any] = {"type": "function", **pick(fn, ("name", "description"))}
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
        out: Dict[str, Any] = {"type": "custom", **pick(spec, ("name", "description"))}
        if "format" in spec:
            out["format"] = self.custom_format(spec["format"], cptr + ("format",))
        return out

    def grammar_format(self, fmt, ptr):
        """``{"type": "grammar", "grammar": {syntax, definition}}`` -> one flat object."""
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
        if isinstance(choice, Mapping) and choice.get("type") in NAMED_TOOL_TYPES:
            return choice.get("name")
        return None

    # -- tool_choice -----------------------------------------------------------------------
    def tool_choice_object(self, choice, ptr):
        kind = choice.get("type")
        if kind == "allowed_tools" and "allowed_tools" in choice:
            self.converted += 1
            self.check_keys(choice, ("type", "allowed_tools"), ptr, "tool_choice")
            inner = choice["allowed_tools"]
            iptr = ptr + ("allowed_tools",)
            if not self.expect_mapping(inner, iptr, "allowed_tools"):
                return choice
            self.check_keys(inner, ("mode", "tools"), iptr, "allowed_tools")
            out: Dict[str, Any] = {"type": "allowed_tools", **pick(inner, ("mode",))}
            refs = inner.get("tools")
            if isinstance(refs, list):
                # Every reference is kept: none can be dropped on the way to Responses.
                out["tools"] = [self.tool_ref(r, iptr + ("tools", i)) for i, r in enumerate(refs)]
            else:
                self.error(iptr + ("tools",), "allowed_tools needs a list of tools")
            return out
        if kind in NAMED_TOOL_TYPES and kind in choice:
            return self.tool_ref(choice, ptr)
        if kind in NAMED_TOOL_TYPES and "name" not in choice:
            self.error(ptr, f"tool_choice of type '{kind}' names no tool")
            return choice
        self.already(ptr)
        return choice

    def tool_ref(self, ref, ptr):
        """``{"type":"function","function":{"name"}}`` -> ``{"type":"function","name"}``."""
        if not self.expect_mapping(ref, ptr, "a tool reference"):
            return ref
        kind = ref.get("type")
        if kind in NAMED_TOOL_TYPES and kind in ref:
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


class ToolsToChat(ToolConversion):
    """Responses tools -> Chat Completions; hosted tools and namespaces have no equivalent."""

    def tool_handlers(self) -> Dict[str, RequestHandler]:
        return {
            "tools": self.h_tools,
            "tool_choice": self.h_tool_choice,
            "functions": self.h_already,
            "function_call": self.h_already,
        }

    def h_tools(self, body, value, ptr, out):
        out["tools"] = self.tools(value, ptr)

    # -- tools -----------------------------------------------------------------------------
    def tool(self, tool, ptr):
        if not self.expect_mapping(tool, ptr, "a tool"):
            return tool
        kind = tool.get("type", MISSING)
        if kind is MISSING:
            if "name" in tool:
                self.already(ptr)  # a legacy Chat functions entry
            else:
                self.error(ptr, "a tool needs a 'type'")
            return tool
        if kind in NAMED_TOOL_TYPES and kind in tool:
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
        """Nest under ``function``; an omitted strict ("auto") is decided from the schema."""
        self.converted += 1
        for key in tool:
            if key in RESPONSES_ONLY_TOOL_FIELDS:
                self.unsupported(ptr + (key,), f"'{key}' (Responses only)")
            elif key not in ("type", "name", "description", "parameters", "strict"):
                self.unsupported(ptr + (key,), f"'{key}' in a Responses function tool")
        if "name" not in tool:
            self.error(ptr, "the function tool has no 'name'")
        self.check_chat_name(tool, ptr)
        fn: Dict[str, Any] = pick(tool, ("name", "description"))
        parameters = tool.get("parameters")
        strict = tool.get("strict", MISSING)
        if strict is None:
            self.warn(ptr + ("strict",), "strict: null is not a boolean; treated as omitted "
                                         "('auto')")
            strict = MISSING
        if strict is MISSING:
            strict, parameters = self.decide_omitted_strict(parameters, ptr)
        else:
            strict = self.strict_value(strict, ptr + ("strict",), "a Responses tool")
        if parameters is not None:
            fn["parameters"] = parameters
        fn["strict"] = strict
        return {"type": "function", "function": fn}

    def decide_omitted_strict(self, parameters, ptr) -> Tuple[bool, Any]:
        """The strict value and schema to write for "auto", with a decision note saying why."""
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

    def check_chat_name(self, tool, ptr):
        """Responses allows names of 128 characters, Chat Completions 64: a longer name
        would be rejected there, so it is an error, not a silent truncation."""
        name = tool.get("name")
        if isinstance(name, str) and len(name) > CHAT_NAME_MAX:
            self.error(ptr + ("name",), f"the name is {len(name)} characters; Chat Completions allows "
                                        f"{CHAT_NAME_MAX} (the Responses API allows 128): shorten it")

    def custom_tool(self, tool, ptr):
        self.converted += 1
        self.check_keys(tool, ("type", "name", "description", "format"), ptr,
                        "a Responses custom tool")
        self.check_chat_name(tool, ptr)
        spec: Dict[str, Any] = pick(tool, ("name", "description"))
        if "format" in tool:
            spec["format"] = self.custom_format(tool["format"], ptr + ("format",))
        return {"type": "custom", "custom": spec}

    def grammar_format(self, fmt, ptr):
        """A flat grammar format -> ``{"type": "grammar", "grammar": {syntax, definition}}``."""
        self.check_keys(fmt, ("type", "syntax", "definition"), ptr, "a grammar format")
        return {"type": "grammar",
                "grammar": {k: v for k, v in fmt.items() if k != "type"}}

    def tool_names(self, tools):
        def name_of(tool):
            inner = tool.get(tool.get("type"))
            return inner.get("name") if isinstance(inner, Mapping) else tool.get("name")

        return _names_of(tools, name_of)

    def forced_name(self, choice):
        if isinstance(choice, Mapping) and choice.get("type") in NAMED_TOOL_TYPES:
            inner = choice.get(choice["type"])
            return inner.get("name") if isinstance(inner, Mapping) else None
        return None

    # -- tool_choice -----------------------------------------------------------------------
    def tool_choice_object(self, choice, ptr):
        kind = choice.get("type")
        if kind == "allowed_tools":
            if "allowed_tools" in choice:
                self.already(ptr)
                return choice
            return self.allowed_tools(choice, ptr)
        if kind in NAMED_TOOL_TYPES:
            if kind in choice:
                self.already(ptr)
                return choice
            return self.tool_ref(choice, ptr)
        self.converted += 1
        self.unsupported(ptr, f"tool_choice forcing the hosted '{kind}' tool")
        if self.drop:
            self.warn(ptr, "tool_choice removed: the model now chooses among the tools freely")
        return MISSING

    def allowed_tools(self, choice, ptr):
        """``{"type":"allowed_tools","mode","tools"}`` -> nested under ``allowed_tools``."""
        self.converted += 1
        self.check_keys(choice, ("type", "mode", "tools"), ptr, "tool_choice")
        refs = choice.get("tools")
        if not isinstance(refs, list):
            self.error(ptr + ("tools",), "allowed_tools needs a list of tools")
            return choice
        converted = self.convert_each(refs, ptr + ("tools",), self.tool_ref)
        if refs and not converted:
            self.error(ptr + ("tools",), "no allowed tool is left for Chat Completions; "
                                         "dropping them all would change what the model "
                                         "may call")
        inner: Dict[str, Any] = {**pick(choice, ("mode",)), "tools": converted}
        return {"type": "allowed_tools", "allowed_tools": inner}

    def tool_ref(self, ref, ptr):
        """``{"type":"function","name"}`` -> ``{"type":"function","function":{"name"}}``."""
        if not self.expect_mapping(ref, ptr, "a tool reference"):
            return ref
        kind = ref.get("type")
        if kind in NAMED_TOOL_TYPES and kind in ref:
            self.already(ptr)
            return ref
        if kind not in NAMED_TOOL_TYPES:
            self.converted += 1
            self.unsupported(ptr, f"the hosted '{kind}' tool in allowed_tools")
            return None
        self.converted += 1
        self.check_keys(ref, ("type", "name"), ptr, "a tool reference")
        if "name" not in ref:
            self.error(ptr, "the tool reference has no 'name'")
            return ref
        return {"type": kind, kind: {"name": ref["name"]}}
