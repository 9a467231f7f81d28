"""Round trips between Chat Completions and Responses, for generated tools and requests.

Chat -> Responses -> Chat gives back every Chat tool, and Responses -> Chat -> Responses every
Responses tool, with ``strict`` made explicit (Chat's omitted strict means false; Responses'
omitted strict means "auto", which is decided and, when strict, written with the normalised
schema). No ``strict: null`` is ever written.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcschema.convert import CHAT, RESPONSES, convert


def fake_checker(schema):
    """Normalise as Responses "auto" does; refuse any schema that uses oneOf."""
    normalised = copy.deepcopy(schema)

    def visit(node):
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                node.setdefault("additionalProperties", False)
                required = list(node.get("required") or [])
                node["required"] = required + [k for k in props if k not in required]
                for value in props.values():
                    visit(value)
            if "items" in node:
                visit(node["items"])

    visit(normalised)
    uses_one_of = "oneOf" in repr(schema)
    return normalised, (["'oneOf' is not permitted"] if uses_one_of else [])


def strict_values(value):
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "strict":
                found.append(v)
            found.extend(strict_values(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(strict_values(v))
    return found


names = st.from_regex(r"[a-zA-Z0-9_-]{1,20}", fullmatch=True)
texts = st.text(max_size=30)
leaf_schemas = st.sampled_from(["string", "integer", "number", "boolean"]).map(
    lambda t: {"type": t})


def _object(children):
    return st.builds(
        lambda props, required_all, closed, one_of: {
            "type": "object",
            "properties": props,
            **({"required": list(props)} if required_all else
               {"required": list(props)[:1]} if props else {}),
            **({"additionalProperties": False} if closed else {}),
            **({"oneOf": [{"type": "object"}]} if one_of else {}),
        },
        st.dictionaries(names, children, max_size=4),
        st.booleans(), st.booleans(), st.booleans(),
    )


schemas = st.recursive(
    leaf_schemas,
    lambda children: _object(children) | st.builds(lambda i: {"type": "array", "items": i},
                                                    children),
    max_leaves=8,
)
parameter_schemas = _object(schemas)

MISSING = object()


def _drop_missing(d):
    return {k: v for k, v in d.items() if v is not MISSING}


chat_function_tools = st.builds(
    lambda name, description, parameters, strict: {"type": "function", "function": _drop_missing({
        "name": name, "description": description, "parameters": parameters, "strict": strict})},
    names, st.just(MISSING) | texts, st.just(MISSING) | parameter_schemas,
    st.sampled_from([MISSING, True, False]),
)
responses_function_tools = st.builds(
    lambda name, description, parameters, strict: _drop_missing({
        "type": "function", "name": name, "description": description,
        "parameters": parameters, "strict": strict}),
    names, st.just(MISSING) | texts, st.sampled_from([MISSING, None]) | parameter_schemas,
    st.sampled_from([MISSING, True, False]),
)
grammars = st.builds(lambda syntax, definition: {"syntax": syntax, "definition": definition},
                     st.sampled_from(["lark", "regex"]), texts)
chat_custom_tools = st.builds(
    lambda name, description, fmt: {"type": "custom", "custom": _drop_missing({
        "name": name, "description": description, "format": fmt})},
    names, st.just(MISSING) | texts,
    st.sampled_from([MISSING, {"type": "text"}])
    | grammars.map(lambda g: {"type": "grammar", "grammar": g}),
)
responses_custom_tools = st.builds(
    lambda name, description, fmt: _drop_missing({
        "type": "custom", "name": name, "description": description, "format": fmt}),
    names, st.just(MISSING) | texts,
    st.sampled_from([MISSING, {"type": "text"}]) | grammars.map(lambda g: {"type": "grammar", **g}),
)

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def to_responses(obj):
    return convert(obj, to=RESPONSES, strict_checker=fake_checker)


def to_chat(obj):
    return convert(obj, to=CHAT, strict_checker=fake_checker)


def chat_with_explicit_strict(tool):
    tool = copy.deepcopy(tool)
    tool["function"].setdefault("strict", False)
    return tool


def responses_with_explicit_strict(tool):
    """What a Responses tool means, written out: an omitted strict decided as the API would."""
    tool = copy.deepcopy(tool)
    if "strict" not in tool:
        params = tool.get("parameters")
        if isinstance(params, dict):
            normalised, violations = fake_checker(params)
            tool["strict"] = not violations
            if not violations:
                tool["parameters"] = normalised
        else:
            tool["strict"] = False
    tool.setdefault("parameters", None)
    return tool


@PROPERTY_SETTINGS
@given(chat_function_tools)
def test_chat_function_tool_round_trip(tool):
    there = to_responses(tool)
    assert there.ok, there.errors
    assert isinstance(there.data["strict"], bool)
    assert "function" not in there.data
    back = to_chat(there.data)
    assert back.ok, back.errors
    assert back.data == chat_with_explicit_strict(tool)
    assert None not in strict_values(there.data) + strict_values(back.data)


@PROPERTY_SETTINGS
@given(responses_function_tools)
def test_responses_function_tool_round_trip(tool):
    there = to_chat(tool)
    assert there.ok, there.errors
    assert isinstance(there.data["function"]["strict"], bool)
    if "strict" not in tool:
        assert there.decisions, "an omitted Responses strict must be reported"
    back = to_responses(there.data)
    assert back.ok, back.errors
    assert back.data == responses_with_explicit_strict(tool)
    assert None not in strict_values(there.data) + strict_values(back.data)


@PROPERTY_SETTINGS
@given(chat_custom_tools)
def test_chat_custom_tool_round_trip(tool):
    there = to_responses(tool)
    assert there.ok and "custom" not in there.data
    assert to_chat(there.data).data == tool


@PROPERTY_SETTINGS
@given(responses_custom_tools)
def test_responses_custom_tool_round_trip(tool):
    there = to_chat(tool)
    assert there.ok and "name" not in there.data
    assert to_responses(there.data).data == tool


def _chat_choice(kind_and_name):
    kind, name = kind_and_name
    return {"type": kind, kind: {"name": name}}


chat_tool_choices = st.one_of(
    st.sampled_from(["none", "auto", "required"]),
    st.tuples(st.sampled_from(["function", "custom"]), names).map(_chat_choice),
    st.builds(lambda mode, refs: {"type": "allowed_tools", "allowed_tools": {
        "mode": mode, "tools": [_chat_choice(r) for r in refs]}},
        st.sampled_from(["auto", "required"]),
        st.lists(st.tuples(st.sampled_from(["function", "custom"]), names), min_size=1,
                 max_size=3)),
)


@PROPERTY_SETTINGS
@given(chat_tool_choices)
def test_tool_choice_round_trip(choice):
    there = to_responses({"tool_choice": choice})
    assert there.ok
    if isinstance(choice, dict):
        # Responses shape: nothing nested under a key named after the type.
        assert choice["type"] not in there.data["tool_choice"]
    back = to_chat(there.data)
    assert back.ok
    assert back.data == {"tool_choice": choice}


call_ids = st.from_regex(r"call_[A-Za-z0-9]{1,8}", fullmatch=True)


@st.composite
def chat_conversations(draw):
    """User/assistant turns with tool calls, each answered by a tool message."""
    messages = [{"role": draw(st.sampled_from(["system", "developer", "user"])),
                 "content": draw(texts)}]
    used = set()
    for _ in range(draw(st.integers(0, 3))):
        messages.append({"role": "user", "content": draw(texts)})
        calls = []
        for _ in range(draw(st.integers(0, 3))):
            call_id = draw(call_ids.filter(lambda c: c not in used))
            used.add(call_id)
            kind = draw(st.sampled_from(["function", "custom"]))
            payload = "arguments" if kind == "function" else "input"
            calls.append({"id": call_id, "type": kind,
                          kind: {"name": draw(names), payload: draw(texts)}})
        text = draw(st.none() | texts.filter(bool))
        if not calls and text is None:
            text = "ok"
        turn = {"role": "assistant", "content": text}
        if calls:
            turn["tool_calls"] = calls
        messages.append(turn)
        for call in calls:
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": draw(texts)})
    return messages


@PROPERTY_SETTINGS
@given(chat_conversations())
def test_conversation_round_trip(messages):
    there = to_responses({"messages": messages})
    assert there.ok, there.errors
    for item in there.data["input"]:
        assert "id" not in item  # the Responses item id is never the call id
    back = to_chat(there.data)
    assert back.ok, back.errors
    assert back.data == {"messages": messages}


json_keys = st.sampled_from([
    "type", "function", "custom", "name", "parameters", "strict", "tools", "tool_choice",
    "messages", "input", "role", "content", "tool_calls", "id", "call_id", "output",
    "arguments", "format", "grammar", "text", "response_format", "json_schema",
    "allowed_tools", "mode", "functions", "function_call", "tool_call_id", "x"])
json_words = st.sampled_from([
    "function", "custom", "allowed_tools", "function_call", "function_call_output",
    "custom_tool_call", "custom_tool_call_output", "user", "assistant", "tool", "auto",
    "required", "grammar", "text", "json_schema", "message", "input_text", "web_search",
    "namespace", "a"])
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | json_words,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(json_keys, c, max_size=5),
    max_leaves=30,
)


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(json_like, st.sampled_from([CHAT, RESPONSES]), st.booleans())
def test_any_input_gives_a_result_never_an_exception(doc, to, drop):
    result = convert(doc, to=to, drop_unsupported=drop, strict_checker=fake_checker)
    assert result.target == to
    assert None not in strict_values(result.data) or None in strict_values(doc)
