"""The mapping between Chat Completions and Responses (fcschema.convert), one fact per test."""

from __future__ import annotations

import copy
import json

import pytest

from fcschema.convert import CHAT, RESPONSES, convert, decide_strict


def fake_checker(schema):
    """A small stand-in for fcschema.strictness: normalise as "auto" does; refuse oneOf."""
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
            for key in ("items", "anyOf"):
                if key in node:
                    visit(node[key])
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(normalised)
    violations = ["/: 'oneOf' is not permitted"] if "oneOf" in json.dumps(schema) else []
    return normalised, violations


def to_responses(obj, **kw):
    return convert(obj, to=RESPONSES, **kw)


def to_chat(obj, **kw):
    kw.setdefault("strict_checker", fake_checker)
    return convert(obj, to=CHAT, **kw)


def pointers(notes):
    return [n.pointer for n in notes]


def contains_key(value, key):
    if isinstance(value, dict):
        return key in value or any(contains_key(v, key) for v in value.values())
    if isinstance(value, list):
        return any(contains_key(v, key) for v in value)
    return False


def strict_values(value):
    """Every value written under a 'strict' key, anywhere."""
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


OBJ = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
       "additionalProperties": False}
OPTIONAL = {"type": "object", "properties": {"city": {"type": "string"},
                                             "unit": {"type": "string"}},
            "required": ["city"]}


def chat_tool(**fn):
    return {"type": "function", "function": {"name": "get_weather", **fn}}


def responses_tool(**fields):
    return {"type": "function", "name": "get_weather", **fields}


# -- function tools: Chat -> Responses -----------------------------------------------------

@pytest.mark.parametrize("strict", [True, False])
def test_chat_tool_flattens_and_keeps_an_explicit_strict(strict):
    result = to_responses(chat_tool(description="d", parameters=OBJ, strict=strict))
    assert result.ok
    assert result.data == {"type": "function", "name": "get_weather", "description": "d",
                           "parameters": OBJ, "strict": strict}
    assert result.source == CHAT


def test_omitted_chat_strict_is_written_as_false_not_carried_over():
    """Known failure: an omitted strict carried into Responses silently means 'try strict'."""
    result = to_responses(chat_tool(parameters=OBJ))
    assert result.data["strict"] is False
    assert pointers(result.decisions) == ["/function"]
    assert "strict: false" in result.decisions[0].message


def test_chat_strict_null_becomes_false_never_null():
    """Known failure: sending strict: null."""
    result = to_responses(chat_tool(parameters=OBJ, strict=None))
    assert result.data["strict"] is False
    assert pointers(result.warnings) == ["/function/strict"]


def test_misplaced_chat_strict_is_non_strict_with_a_warning():
    tool = chat_tool(parameters=OBJ)
    tool["strict"] = True
    result = to_responses(tool)
    assert result.ok
    assert result.data["strict"] is False
    assert "strict" not in {k for k in result.data if k != "strict"}
    assert pointers(result.warnings) == ["/strict"]


def test_chat_tool_without_parameters_gets_explicit_null_parameters():
    result = to_responses(chat_tool())
    assert result.data == {"type": "function", "name": "get_weather", "parameters": None,
                           "strict": False}
    assert any("parameters" in d.message for d in result.decisions)


def test_unknown_chat_function_field_is_an_error_naming_its_pointer():
    result = to_responses(chat_tool(parameters=OBJ, examples=[1]))
    assert pointers(result.errors) == ["/function/examples"]
    dropped = to_responses(chat_tool(parameters=OBJ, examples=[1]), drop_unsupported=True)
    assert dropped.ok and "examples" not in dropped.data
    assert pointers(dropped.warnings) == ["/function/examples"]


def test_chat_function_without_name_is_an_error():
    result = to_responses({"type": "function", "function": {"parameters": OBJ}})
    assert pointers(result.errors) == ["/function"]


# -- function tools: Responses -> Chat -----------------------------------------------------

@pytest.mark.parametrize("strict", [True, False])
def test_responses_tool_nests_and_keeps_an_explicit_strict(strict):
    result = to_chat(responses_tool(description="d", parameters=OPTIONAL, strict=strict))
    assert result.ok
    assert result.data == {"type": "function", "function": {
        "name": "get_weather", "description": "d", "parameters": OPTIONAL, "strict": strict}}
    assert result.decisions == []


def test_omitted_responses_strict_becomes_true_with_the_normalised_schema():
    result = to_chat(responses_tool(parameters=OPTIONAL))
    fn = result.data["function"]
    assert fn["strict"] is True
    assert fn["parameters"]["required"] == ["city", "unit"]
    assert fn["parameters"]["additionalProperties"] is False
    (decision,) = result.decisions
    assert decision.pointer == "/strict"
    assert "/parameters/properties/unit" in decision.message
    assert "/parameters/properties/city" not in decision.message


def test_omitted_responses_strict_becomes_false_with_the_reason():
    schema = {"type": "object", "properties": {"x": {"oneOf": [{"type": "string"}]}}}
    result = to_chat(responses_tool(parameters=schema))
    fn = result.data["function"]
    assert fn["strict"] is False
    assert fn["parameters"] == schema  # not normalised when it stays non-strict
    assert "'oneOf' is not permitted" in result.decisions[0].message


def test_responses_strict_null_is_decided_never_written_as_null():
    result = to_chat(responses_tool(parameters=OPTIONAL, strict=None))
    assert result.data["function"]["strict"] is True
    assert pointers(result.warnings) == ["/strict"]
    assert None not in strict_values(result.data)


@pytest.mark.parametrize("fields", [{}, {"parameters": None}])
def test_responses_tool_without_schema_becomes_a_chat_tool_without_parameters(fields):
    result = to_chat(responses_tool(**fields))
    assert result.data == {"type": "function",
                           "function": {"name": "get_weather", "strict": False}}


@pytest.mark.parametrize("field,value", [("defer_loading", True),
                                         ("allowed_callers", ["assistant"]),
                                         ("output_schema", {"type": "object"})])
def test_responses_only_fields_are_errors_not_copied_into_chat(field, value):
    """Known failure: copying Responses-only fields into Chat tools."""
    tool = responses_tool(parameters=OBJ, strict=True, **{field: value})
    result = to_chat(tool)
    assert pointers(result.errors) == [f"/{field}"]
    dropped = to_chat(tool, drop_unsupported=True)
    assert dropped.ok
    assert not contains_key(dropped.data, field)
    assert pointers(dropped.warnings) == [f"/{field}"]


def test_hosted_tools_and_namespaces_are_errors_or_dropped():
    tools = [{"type": "web_search"},
             {"type": "namespace", "name": "crm", "description": "d",
              "tools": [responses_tool(parameters=OBJ, strict=True)]},
             responses_tool(parameters=OBJ, strict=True)]
    result = to_chat({"tools": tools})
    assert pointers(result.errors) == ["/tools/0", "/tools/1"]
    assert "'crm'" in result.errors[1].message
    dropped = to_chat({"tools": tools}, drop_unsupported=True)
    assert dropped.ok
    assert dropped.data["tools"] == [{"type": "function", "function": {
        "name": "get_weather", "parameters": OBJ, "strict": True}}]
    assert pointers(dropped.warnings) == ["/tools/0", "/tools/1"]


def test_the_real_strictness_model_decides_an_omitted_strict():
    pytest.importorskip("fcschema.strictness")
    result = convert(responses_tool(parameters=OPTIONAL), to=CHAT)
    fn = result.data["function"]
    assert fn["strict"] is True
    assert sorted(fn["parameters"]["required"]) == ["city", "unit"]
    assert "/parameters/properties/unit" in result.decisions[0].message
    loose = {"type": "object", "properties": {"tags": {"type": "object"}}}
    refused = convert(responses_tool(parameters=loose), to=CHAT)
    assert refused.data["function"]["strict"] is False
    assert refused.data["function"]["parameters"] == loose


def test_decide_strict_reports_nested_optional_fields():
    schema = {"type": "object", "properties": {
        "address": {"type": "object", "properties": {"zip": {"type": "string"}}}}}
    decision = decide_strict(schema, fake_checker)
    assert decision.strict
    assert decision.now_required == (("properties", "address"),
                                     ("properties", "address", "properties", "zip"))
    assert decide_strict(None, fake_checker).strict is False


def test_a_failing_strictness_check_is_an_error_not_a_crash():
    def broken(schema):
        raise RuntimeError("boom")

    result = convert(responses_tool(parameters=OBJ), to=CHAT, strict_checker=broken)
    assert pointers(result.errors) == ["/strict"]
    assert "boom" in result.errors[0].message


# -- legacy functions ----------------------------------------------------------------------

def test_legacy_functions_become_non_strict_tools():
    body = {"functions": [{"name": "f", "parameters": OBJ}, {"name": "g"}],
            "function_call": "auto"}
    result = to_responses(body)
    assert result.ok
    assert result.data == {
        "tools": [{"type": "function", "name": "f", "parameters": OBJ, "strict": False},
                  {"type": "function", "name": "g", "parameters": None, "strict": False}],
        "tool_choice": "auto"}


@pytest.mark.parametrize("legacy,choice", [
    ("none", "none"),
    ("auto", "auto"),
    ({"name": "f"}, {"type": "function", "name": "f"}),
])
def test_legacy_function_call_becomes_tool_choice(legacy, choice):
    body = {"functions": [{"name": "f", "parameters": OBJ}], "function_call": legacy}
    result = to_responses(body)
    assert result.ok
    assert result.data["tool_choice"] == choice
    assert "function_call" not in result.data


def test_function_call_and_tool_choice_together_is_an_error():
    body = {"tools": [chat_tool(parameters=OBJ)], "function_call": "auto",
            "tool_choice": "none"}
    assert pointers(to_responses(body).errors) == ["/function_call"]


# -- tool_choice, every form, both ways ----------------------------------------------------

TOOLS_CHAT = [chat_tool(parameters=OBJ, strict=True),
              {"type": "custom", "custom": {"name": "sql"}}]
TOOLS_RESPONSES = [responses_tool(parameters=OBJ, strict=True),
                   {"type": "custom", "name": "sql"}]

CHOICES = [
    ("none", "none"),
    ("auto", "auto"),
    ("required", "required"),
    ({"type": "function", "function": {"name": "get_weather"}},
     {"type": "function", "name": "get_weather"}),
    ({"type": "custom", "custom": {"name": "sql"}}, {"type": "custom", "name": "sql"}),
    ({"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": [
        {"type": "function", "function": {"name": "get_weather"}},
        {"type": "custom", "custom": {"name": "sql"}}]}},
     {"type": "allowed_tools", "mode": "auto", "tools": [
         {"type": "function", "name": "get_weather"}, {"type": "custom", "name": "sql"}]}),
    ({"type": "allowed_tools", "allowed_tools": {"mode": "required", "tools": [
        {"type": "function", "function": {"name": "get_weather"}}]}},
     {"type": "allowed_tools", "mode": "required", "tools": [
         {"type": "function", "name": "get_weather"}]}),
]


@pytest.mark.parametrize("chat,responses", CHOICES)
def test_tool_choice_chat_to_responses(chat, responses):
    """Known failures: tool_choice left in the other API's shape; a forced name lost."""
    result = to_responses({"tools": TOOLS_CHAT, "tool_choice": chat})
    assert result.ok, result.errors
    assert result.data["tool_choice"] == responses
    assert result.warnings == []


@pytest.mark.parametrize("chat,responses", CHOICES)
def test_tool_choice_responses_to_chat(chat, responses):
    result = to_chat({"tools": TOOLS_RESPONSES, "tool_choice": responses})
    assert result.ok, result.errors
    assert result.data["tool_choice"] == chat
    assert result.warnings == []


@pytest.mark.parametrize("forced", [
    {"type": "function", "function": {"name": "get_weather"}},
    {"type": "custom", "custom": {"name": "sql"}},
])
def test_forced_tool_keeps_its_name_and_is_never_turned_into_required(forced):
    """Known failure: dropping the forced function's name and sending 'required'."""
    there = to_responses({"tools": TOOLS_CHAT, "tool_choice": forced}).data["tool_choice"]
    back = to_chat({"tools": TOOLS_RESPONSES, "tool_choice": there}).data["tool_choice"]
    assert there != "required" and back == forced


def test_forcing_a_tool_that_is_not_in_tools_is_warned():
    result = to_responses({"tools": TOOLS_CHAT, "tool_choice": {
        "type": "function", "function": {"name": "missing"}}})
    assert pointers(result.warnings) == ["/tool_choice"]


@pytest.mark.parametrize("choice", [{"type": "file_search"},
                                    {"type": "mcp", "server_label": "deepwiki"}])
def test_hosted_tool_choice_is_an_error_or_removed(choice):
    body = {"tools": TOOLS_RESPONSES, "tool_choice": choice}
    assert pointers(to_chat(body).errors) == ["/tool_choice"]
    dropped = to_chat(body, drop_unsupported=True)
    assert dropped.ok and "tool_choice" not in dropped.data
    assert all(w.pointer == "/tool_choice" for w in dropped.warnings)


def test_allowed_tools_with_hosted_refs():
    choice = {"type": "allowed_tools", "mode": "auto", "tools": [
        {"type": "function", "name": "get_weather"}, {"type": "image_generation"}]}
    body = {"tools": TOOLS_RESPONSES, "tool_choice": choice}
    assert pointers(to_chat(body).errors) == ["/tool_choice/tools/1"]
    dropped = to_chat(body, drop_unsupported=True)
    assert dropped.data["tool_choice"]["allowed_tools"]["tools"] == [
        {"type": "function", "function": {"name": "get_weather"}}]
    only_hosted = {"tools": TOOLS_RESPONSES, "tool_choice": {
        "type": "allowed_tools", "mode": "auto", "tools": [{"type": "image_generation"}]}}
    assert not to_chat(only_hosted, drop_unsupported=True).ok


def test_unknown_tool_choice_mode_is_an_error():
    assert pointers(to_responses({"tools": [], "tool_choice": "any"}).errors) == ["/tool_choice"]


# -- custom tools --------------------------------------------------------------------------

CUSTOM_PAIRS = [
    ({"type": "custom", "custom": {"name": "sql", "description": "d"}},
     {"type": "custom", "name": "sql", "description": "d"}),
    ({"type": "custom", "custom": {"name": "sql", "format": {"type": "text"}}},
     {"type": "custom", "name": "sql", "format": {"type": "text"}}),
    ({"type": "custom", "custom": {"name": "sql", "format": {
        "type": "grammar", "grammar": {"syntax": "lark", "definition": "start: /a+/"}}}},
     {"type": "custom", "name": "sql", "format": {
         "type": "grammar", "syntax": "lark", "definition": "start: /a+/"}}),
]


@pytest.mark.parametrize("chat,responses", CUSTOM_PAIRS)
def test_custom_tools_convert_both_ways_with_the_grammar_at_the_right_depth(chat, responses):
    there = to_responses(chat)
    assert there.ok and there.data == responses
    back = to_chat(responses)
    assert back.ok and back.data == chat
    assert strict_values(there.data) == [] and strict_values(back.data) == []


def test_unknown_custom_format_is_an_error():
    result = to_chat({"type": "custom", "name": "x", "format": {"type": "json"}})
    assert pointers(result.errors) == ["/format"]


# -- Structured Outputs --------------------------------------------------------------------

@pytest.mark.parametrize("json_schema", [
    {"name": "out", "schema": OBJ, "strict": True},
    {"name": "out", "schema": OBJ, "description": "d"},  # strict omitted: false in both APIs
])
def test_json_schema_response_format_both_ways(json_schema):
    chat = {"response_format": {"type": "json_schema", "json_schema": json_schema}}
    responses = {"text": {"format": {"type": "json_schema", **json_schema}}}
    assert to_responses(chat).data == responses
    assert to_chat(responses).data == chat


def test_unknown_json_schema_field_is_an_error_or_dropped_both_ways():
    """A field neither API has (`foo`) is never copied: an error, or with
    --drop-unsupported a warning and the field left out (it used to be copied all the same)."""
    json_schema = {"name": "out", "schema": OBJ, "strict": True}
    chat = {"response_format": {"type": "json_schema", "json_schema": {**json_schema, "foo": 1}}}
    responses = {"text": {"format": {"type": "json_schema", **json_schema, "foo": 1}}}
    assert pointers(to_responses(chat).errors) == ["/response_format/json_schema/foo"]
    assert pointers(to_chat(responses).errors) == ["/text/format/foo"]
    dropped = to_responses(chat, drop_unsupported=True)
    assert dropped.ok and pointers(dropped.warnings) == ["/response_format/json_schema/foo"]
    assert dropped.data == {"text": {"format": {"type": "json_schema", **json_schema}}}
    dropped = to_chat(responses, drop_unsupported=True)
    assert dropped.ok and pointers(dropped.warnings) == ["/text/format/foo"]
    assert dropped.data == {"response_format": {"type": "json_schema", "json_schema": json_schema}}


@pytest.mark.parametrize("kind", ["text", "json_object"])
def test_simple_response_formats_both_ways(kind):
    assert to_responses({"response_format": {"type": kind}}).data == {"text": {"format": {
        "type": kind}}}
    assert to_chat({"text": {"format": {"type": kind}}}).data == {"response_format": {
        "type": kind}}


def test_text_verbosity_stays_and_is_listed():
    result = to_chat({"text": {"format": {"type": "text"}, "verbosity": "low"}})
    assert result.data == {"response_format": {"type": "text"}, "text": {"verbosity": "low"}}
    assert pointers(result.info) == ["/text/verbosity"]


def test_response_format_strict_null_is_never_written():
    chat = {"response_format": {"type": "json_schema", "json_schema": {
        "name": "o", "schema": OBJ, "strict": None}}}
    result = to_responses(chat)
    assert result.data["text"]["format"]["strict"] is False
    assert pointers(result.warnings) == ["/response_format/json_schema/strict"]


# -- conversations: every call and result item, both ways ----------------------------------

CALL_PAIRS = [
    # assistant tool call <-> function_call item
    ([{"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function",
         "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]}],
     [{"type": "function_call", "call_id": "call_1", "name": "get_weather",
       "arguments": "{\"city\":\"Paris\"}"}]),
    # tool result <-> function_call_output
    ([{"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
      {"role": "tool", "tool_call_id": "call_1", "content": "sunny"}],
     [{"type": "function_call", "call_id": "call_1", "name": "f", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "call_1", "output": "sunny"}]),
    # custom tool call and its result
    ([{"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_2", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}]},
      {"role": "tool", "tool_call_id": "call_2", "content": "1"}],
     [{"type": "custom_tool_call", "call_id": "call_2", "name": "sql", "input": "SELECT 1"},
      {"type": "custom_tool_call_output", "call_id": "call_2", "output": "1"}]),
    # text around the calls; parallel calls in one assistant turn
    ([{"role": "developer", "content": "Be brief."},
      {"role": "user", "content": "Weather in Paris and Rome?"},
      {"role": "assistant", "content": "Checking both.", "tool_calls": [
          {"id": "a", "type": "function", "function": {"name": "f", "arguments": "{}"}},
          {"id": "b", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
      {"role": "tool", "tool_call_id": "a", "content": "18"},
      {"role": "tool", "tool_call_id": "b", "content": [{"type": "text", "text": "21"}]},
      {"role": "assistant", "content": "Paris 18, Rome 21."}],
     [{"role": "developer", "content": "Be brief."},
      {"role": "user", "content": "Weather in Paris and Rome?"},
      {"role": "assistant", "content": "Checking both."},
      {"type": "function_call", "call_id": "a", "name": "f", "arguments": "{}"},
      {"type": "function_call", "call_id": "b", "name": "f", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "a", "output": "18"},
      {"type": "function_call_output", "call_id": "b",
       "output": [{"type": "input_text", "text": "21"}]},
      {"role": "assistant", "content": "Paris 18, Rome 21."}]),
    # content parts
    ([{"role": "user", "content": [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "low"}}]},
      {"role": "assistant", "content": [{"type": "text", "text": "A cat."}]}],
     [{"role": "user", "content": [
         {"type": "input_text", "text": "What is this?"},
         {"type": "input_image", "image_url": "https://x/y.png", "detail": "low"}]},
      {"role": "assistant", "content": [
          {"type": "output_text", "text": "A cat.", "annotations": []}]}]),
]


@pytest.mark.parametrize("messages,items", CALL_PAIRS)
def test_conversation_chat_to_responses(messages, items):
    result = to_responses({"messages": messages})
    assert result.ok, result.errors
    assert result.data == {"input": items}


@pytest.mark.parametrize("messages,items", CALL_PAIRS)
def test_conversation_responses_to_chat(messages, items):
    result = to_chat({"input": items})
    assert result.ok, result.errors
    assert result.data == {"messages": messages}


def test_call_id_and_item_id_are_not_confused():
    """Known failure: putting the Chat call id into the Responses item 'id' (and back)."""
    items = [{"type": "function_call", "id": "fc_item_9", "call_id": "call_7", "name": "f",
              "arguments": "{}", "status": "completed"},
             {"type": "function_call_output", "id": "fco_item_3", "call_id": "call_7",
              "output": "ok"}]
    chat = to_chat({"input": items})
    assert chat.ok
    text = json.dumps(chat.data)
    assert "fc_item_9" not in text and "fco_item_3" not in text
    assert chat.data["messages"][0]["tool_calls"][0]["id"] == "call_7"
    assert chat.data["messages"][1]["tool_call_id"] == "call_7"
    assert {"/input/0/id", "/input/1/id", "/input/0/status"} <= set(pointers(chat.info))

    back = to_responses(chat.data)
    assert [item.get("call_id") for item in back.data["input"]] == ["call_7", "call_7"]
    assert not any("id" in item for item in back.data["input"])


def test_a_call_without_call_id_is_an_error_and_its_item_id_is_not_used():
    result = to_chat({"input": [{"type": "function_call", "id": "fc_1", "name": "f",
                                 "arguments": "{}"}]})
    assert pointers(result.errors) == ["/input/0"]
    assert "fc_1" not in json.dumps(result.data)


def test_a_tool_call_without_id_is_an_error():
    messages = [{"role": "assistant", "tool_calls": [
        {"type": "function", "function": {"name": "f", "arguments": "{}"}}]}]
    assert pointers(to_responses({"messages": messages}).errors) == ["/messages/0/tool_calls/0"]


@pytest.mark.parametrize("part", [
    {"type": "input_image", "image_url": "https://x/y.png", "detail": "auto"},
    {"type": "input_file", "file_id": "file_1"},
])
def test_non_text_tool_outputs_are_errors_or_dropped(part):
    items = [{"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
             {"type": "function_call_output", "call_id": "c",
              "output": [{"type": "input_text", "text": "see"}, part]}]
    assert pointers(to_chat({"input": items}).errors) == ["/input/1/output/1"]
    dropped = to_chat({"input": items}, drop_unsupported=True)
    assert dropped.data["messages"][1]["content"] == [{"type": "text", "text": "see"}]


def test_unsupported_input_items_are_errors():
    items = [{"type": "reasoning", "id": "rs_1", "summary": []},
             {"type": "web_search_call", "id": "ws_1", "status": "completed"}]
    assert pointers(to_chat({"input": items}).errors) == ["/input/0", "/input/1"]


def test_tool_result_for_an_unknown_call_is_assumed_a_function_with_a_warning():
    result = to_responses({"messages": [{"role": "tool", "tool_call_id": "x", "content": "1"}]})
    assert result.data["input"] == [{"type": "function_call_output", "call_id": "x",
                                     "output": "1"}]
    assert pointers(result.warnings) == ["/messages/0/tool_call_id"]


def test_legacy_function_messages_get_a_linking_call_id():
    messages = [{"role": "assistant", "content": None,
                 "function_call": {"name": "f", "arguments": "{}"}},
                {"role": "function", "name": "f", "content": "done"}]
    result = to_responses({"messages": messages})
    assert result.ok
    call, output = result.data["input"]
    assert call["type"] == "function_call" and output["type"] == "function_call_output"
    assert call["call_id"] == output["call_id"]
    assert pointers(result.decisions) == ["/messages/0/function_call"]


def test_string_input_becomes_a_user_message():
    assert to_chat({"input": "hi"}).data == {"messages": [{"role": "user", "content": "hi"}]}


def test_a_bare_conversation_list_converts():
    items = CALL_PAIRS[1][1]
    assert to_chat(items).data == CALL_PAIRS[1][0]


# -- request bodies, detection, bookkeeping ------------------------------------------------

def test_fields_not_about_tools_are_kept_and_listed():
    body = {"model": "gpt-4.1", "temperature": 0.2, "tools": [chat_tool(parameters=OBJ)],
            "parallel_tool_calls": False}
    result = to_responses(body)
    assert result.data["model"] == "gpt-4.1" and result.data["temperature"] == 0.2
    assert result.data["parallel_tool_calls"] is False
    assert pointers(result.info) == ["/model", "/temperature"]
    assert list(result.data) == ["model", "temperature", "tools", "parallel_tool_calls"]


def test_renamed_request_keys_keep_their_place():
    body = {"model": "m", "messages": [], "response_format": {"type": "text"}, "top_p": 1}
    assert list(to_responses(body).data) == ["model", "input", "text", "top_p"]


def test_input_is_never_mutated():
    body = {"tools": [chat_tool(parameters=copy.deepcopy(OPTIONAL))],
            "messages": [{"role": "user", "content": "x"}]}
    before = copy.deepcopy(body)
    to_responses(body)
    to_chat(to_responses(body).data)
    assert body == before


def test_input_already_in_the_target_format():
    tool = responses_tool(parameters=OBJ, strict=True)
    result = to_responses(tool)
    assert result.ok and result.data == tool and result.source == RESPONSES
    assert pointers(result.info) == [""]
    given = convert(tool, to=RESPONSES, from_=CHAT)
    assert not given.ok


def test_mixed_input_converts_and_warns_about_the_odd_ones():
    body = {"tools": [chat_tool(parameters=OBJ, strict=True),
                      responses_tool(parameters=OBJ, strict=True)]}
    result = to_responses(body)
    assert result.ok
    assert result.data["tools"][0] == result.data["tools"][1]
    assert pointers(result.warnings) == ["/tools/1"]


def test_from_equal_to_is_refused():
    with pytest.raises(ValueError):
        convert({}, to=CHAT, from_=CHAT)
    with pytest.raises(ValueError):
        convert({}, to="anthropic")


@pytest.mark.parametrize("doc", [3, "tools", None, {"model": "m"}, [1, 2]])
def test_malformed_documents_are_errors_not_crashes(doc):
    assert not convert(doc, to=CHAT).ok
    assert not convert(doc, to=RESPONSES).ok


def test_single_dropped_tool_leaves_nothing_and_says_so():
    result = to_chat({"type": "web_search"}, drop_unsupported=True)
    assert not result.ok


def test_instructions_are_kept_with_a_hint_for_chat():
    result = to_chat({"instructions": "Be brief.", "input": "hi"})
    assert result.data["instructions"] == "Be brief."
    (note,) = result.info
    assert note.pointer == "/instructions" and "system or developer message" in note.message


def test_a_single_hosted_tool_is_one_error_without_dropping():
    result = to_chat({"type": "web_search"})
    assert pointers(result.errors) == [""]
    assert "web_search" in result.errors[0].message
