"""Conversations: Chat ``messages`` <-> Responses ``input`` items, with tool calls and results.

Chat puts the tool calls of a turn inside the assistant message and answers each with a
``tool`` message; Responses has a separate item per call and per result. The two are linked
by the call id: Chat's ``id`` / ``tool_call_id`` is Responses' ``call_id``, never the
Responses item ``id`` (a different thing, which Chat has no place for).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from .convert_base import MISSING, Conversion, RequestHandler, describe_type

# Per kind of tool call: the Responses item of the call, the item of its result, and the
# field that carries what the model sent.
CALL_ITEM = {"function": "function_call", "custom": "custom_tool_call"}
OUTPUT_ITEM = {"function": "function_call_output", "custom": "custom_tool_call_output"}
PAYLOAD = {"function": "arguments", "custom": "input"}
CALL_ITEM_TYPES = tuple(CALL_ITEM.values())
OUTPUT_ITEM_TYPES = tuple(OUTPUT_ITEM.values())
_CALL_KIND = {item: kind for kind, item in CALL_ITEM.items()}

# Every Responses input item type; items carry no role, so this is how they are recognised.
ITEM_TYPES = CALL_ITEM_TYPES + OUTPUT_ITEM_TYPES + (
    "message", "reasoning", "item_reference", "web_search_call", "file_search_call",
    "computer_call", "computer_call_output", "image_generation_call", "code_interpreter_call",
    "local_shell_call", "local_shell_call_output", "mcp_call", "mcp_list_tools",
    "mcp_approval_request", "mcp_approval_response", "shell_call", "shell_call_output",
    "apply_patch_call", "apply_patch_call_output",
)


def _output_text(text: Any) -> Dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": []}


class ConversationToResponses(Conversion):
    """Chat messages -> Responses input items."""

    def conversation_handlers(self) -> Dict[str, RequestHandler]:
        return {"messages": self.h_messages, "input": self.h_input}

    def h_messages(self, body, value, ptr, out):
        out["input"] = self.conversation(value, ptr)

    def h_input(self, body, value, ptr, out):
        if isinstance(value, str):
            self.already(ptr)
            out["input"] = value
        else:
            out["input"] = self.conversation(value, ptr)

    def conversation(self, messages, ptr):
        if not self.expect_list(messages, ptr, "messages"):
            return messages
        items: List[Any] = []
        call_kinds: Dict[Any, str] = {}  # tool call id -> "function" / "custom"
        legacy_calls: List[Tuple[Any, str]] = []  # (name, synthesised call_id), unanswered
        for i, msg in enumerate(messages):
            p = ptr + (i,)
            if not self.expect_mapping(msg, p, "a message"):
                items.append(msg)
                continue
            role = msg.get("role", MISSING)
            if role is MISSING or msg.get("type") == "message":
                self.already(p)  # a Responses item
                items.append(msg)
                if msg.get("type") in CALL_ITEM_TYPES and isinstance(msg.get("call_id"), str):
                    call_kinds[msg["call_id"]] = _CALL_KIND[msg["type"]]
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

    # -- messages without calls ------------------------------------------------------------
    def input_message(self, msg, ptr):
        self.check_keys(msg, ("role", "content"), ptr, f"a {msg['role']} message")
        out = {"role": msg["role"]}
        if "content" in msg:
            content = msg["content"]
            if isinstance(content, list):
                content = self.convert_each(content, ptr + ("content",), self.input_part)
            out["content"] = content
        return out

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

    # -- assistant turns: text, refusal and calls ------------------------------------------
    def assistant_message(self, msg, ptr, call_kinds, legacy_calls) -> List[Any]:
        """One assistant message -> a message item (if it says anything), then one item per call."""
        self.check_keys(
            msg, ("role", "content", "refusal", "tool_calls", "function_call"), ptr,
            "an assistant message",
        )
        items: List[Any] = []
        content = msg.get("content")
        cptr = ptr + ("content",)
        parts: Optional[List[Any]] = None
        if isinstance(content, list):
            parts = self.convert_each(content, cptr, self.output_part)
        elif content is not None and not isinstance(content, str):
            self.error(cptr, f"assistant content must be a string, a list or null, got "
                             f"{describe_type(content)}")
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
        payload = PAYLOAD[kind]
        self.check_keys(inner, ("name", payload), iptr, f"a {kind} call")
        if isinstance(call["id"], str):
            call_kinds[call["id"]] = kind
        # The Chat id is the call id; the Responses item 'id' is something else.
        return {"type": CALL_ITEM[kind], "call_id": call["id"], "name": inner.get("name"),
                payload: inner.get(payload)}

    def legacy_call(self, call, ptr, legacy_calls):
        """A legacy ``function_call`` has no id: make one up, for its result to link to."""
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

    # -- results ---------------------------------------------------------------------------
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
        return {"type": OUTPUT_ITEM[kind], "call_id": call_id,
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
        """A legacy ``function`` result answers the oldest unanswered call of that name."""
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


class ConversationToChat(Conversion):
    """Responses input items -> Chat messages; consecutive calls join one assistant turn."""

    def conversation_handlers(self) -> Dict[str, RequestHandler]:
        return {"input": self.h_input, "messages": self.h_already}

    def h_input(self, body, value, ptr, out):
        if isinstance(value, str):
            self.converted += 1
            out["messages"] = [{"role": "user", "content": value}]
        else:
            out["messages"] = self.conversation(value, ptr)

    def conversation(self, items, ptr):
        if not isinstance(items, list):
            self.error(ptr, f"input must be a string or a list, got {describe_type(items)}")
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
                if role in ("tool", "function") or role == "assistant" and "tool_calls" in item:
                    self.already(p)  # a Chat message
                    messages.append(item)
                    calling = None
                    continue
                msg = self.message(item, p)
                messages.append(msg)
                calling = msg if role == "assistant" else None
            elif kind in CALL_ITEM_TYPES:
                call = self.call_item(item, p)
                if call is None:
                    continue
                if calling is None:
                    calling = {"role": "assistant", "content": None}
                    messages.append(calling)
                calling.setdefault("tool_calls", []).append(call)
            elif kind in OUTPUT_ITEM_TYPES:
                messages.append(self.output_item(item, p))
                calling = None
            else:
                self.converted += 1
                self.unsupported(p, f"the '{kind}' input item" if kind else "an input item "
                                 "without a type")
                calling = None
        return messages

    def drop_item_fields(self, item, ptr, what):
        """The item's own ``id`` and ``status`` have no place in Chat: say so (info)."""
        for key in ("id", "status"):
            if key in item:
                self.inform(ptr + (key,), f"dropped the {what}'s '{key}': Chat Completions "
                                          "has no place for it")

    # -- messages --------------------------------------------------------------------------
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
            out["content"] = self.convert_each(content, ptr + ("content",), part_of)
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

    # -- calls and results -----------------------------------------------------------------
    def call_item(self, item, ptr):
        self.converted += 1
        kind = _CALL_KIND[item["type"]]
        payload = PAYLOAD[kind]
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
