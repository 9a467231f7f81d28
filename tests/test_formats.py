"""Recognition of every tool shape of STRICT_MODE.md section 1 (fcschema.formats).

For each shape: which API's rules apply, what kind of definition it is, its strict mode,
its name, where its schema is, and which request (group) and index it has. Hosted tools
are recognised and left alone; entries of a tools list that are no tool are FCS003;
malformed tool fields are FCS005.
"""

from __future__ import annotations

import pytest

from fcschema.diagnostics import format_pointer
from fcschema.engine import Engine
from fcschema.formats import recognise
from fcschema.formats.model import (ANTHROPIC, CHAT, CUSTOM, FUNCTION, HOSTED, LEGACY, MCP, NAMESPACE,
                                    RESPONSE_FORMAT, RESPONSES, STRICT_AUTO, STRICT_OFF, STRICT_ON)

P = {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


def _p(pointer):
    return None if pointer is None else format_pointer(pointer)


def summary(site):
    """(api, kind, strict, name, pointer, schema pointer, group, index) of one site."""
    return (site.api, site.kind, site.strict, site.name, _p(site.pointer), _p(site.schema_pointer),
            _p(site.group), site.index)


def sites_of(data):
    sites, problems = recognise(data)
    return [summary(s) for s in sites], [(p.code, _p(p.pointer)) for p in problems]


def only_codes(diagnostics, prefixes=("FCS0", "FCS1", "FCS2")):
    return sorted(d.code for d in diagnostics if d.code.startswith(prefixes))


# ---------------------------------------------------------------------------------------
# One shape at a time

SHAPES = [
    ("chat tool, strict true",
     {"type": "function", "function": {"name": "f", "parameters": P, "strict": True}},
     [(CHAT, FUNCTION, STRICT_ON, "f", "", "/function/parameters", None, None)]),
    ("chat tool, strict false",
     {"type": "function", "function": {"name": "f", "parameters": P, "strict": False}},
     [(CHAT, FUNCTION, STRICT_OFF, "f", "", "/function/parameters", None, None)]),
    ("chat tool, strict omitted = false",
     {"type": "function", "function": {"name": "f", "parameters": P}},
     [(CHAT, FUNCTION, STRICT_OFF, "f", "", "/function/parameters", None, None)]),
    ("chat tool, strict null = omitted",
     {"type": "function", "function": {"name": "f", "parameters": P, "strict": None}},
     [(CHAT, FUNCTION, STRICT_OFF, "f", "", "/function/parameters", None, None)]),
    ("chat tool, no parameters",
     {"type": "function", "function": {"name": "f", "description": "no arguments"}},
     [(CHAT, FUNCTION, STRICT_OFF, "f", "", None, None, None)]),
    ("bare function definition (what goes inside `function`)",
     {"name": "f", "description": "d", "parameters": P, "strict": True},
     [(CHAT, FUNCTION, STRICT_ON, "f", "", "/parameters", None, None)]),
    ("responses tool, strict true",
     {"type": "function", "name": "f", "parameters": P, "strict": True},
     [(RESPONSES, FUNCTION, STRICT_ON, "f", "", "/parameters", None, None)]),
    ("responses tool, strict false",
     {"type": "function", "name": "f", "parameters": P, "strict": False},
     [(RESPONSES, FUNCTION, STRICT_OFF, "f", "", "/parameters", None, None)]),
    ("responses tool, strict omitted = auto",
     {"type": "function", "name": "f", "parameters": P},
     [(RESPONSES, FUNCTION, STRICT_AUTO, "f", "", "/parameters", None, None)]),
    ("responses tool, strict null = auto",
     {"type": "function", "name": "f", "parameters": P, "strict": None},
     [(RESPONSES, FUNCTION, STRICT_AUTO, "f", "", "/parameters", None, None)]),
    ("responses tool with the newer optional fields",
     {"type": "function", "name": "f", "parameters": P, "strict": True, "defer_loading": True,
      "allowed_callers": ["x"], "output_schema": {"type": "object"}},
     [(RESPONSES, FUNCTION, STRICT_ON, "f", "", "/parameters", None, None)]),
    ("responses namespace: inner tools are Responses tools",
     {"type": "namespace", "name": "crm", "description": "CRM tools", "tools": [
         {"type": "function", "name": "a", "parameters": P, "strict": True},
         {"type": "function", "name": "b", "parameters": P},
         {"type": "custom", "name": "c"}]},
     [(RESPONSES, NAMESPACE, STRICT_OFF, "crm", "", None, None, None),
      (RESPONSES, FUNCTION, STRICT_ON, "a", "/tools/0", "/tools/0/parameters", "/tools", 0),
      (RESPONSES, FUNCTION, STRICT_AUTO, "b", "/tools/1", "/tools/1/parameters", "/tools", 1),
      (RESPONSES, CUSTOM, STRICT_OFF, "c", "/tools/2", None, "/tools", 2)]),
    ("responses custom tool, text format",
     {"type": "custom", "name": "sql", "description": "d", "format": {"type": "text"}},
     [(RESPONSES, CUSTOM, STRICT_OFF, "sql", "", None, None, None)]),
    ("responses custom tool, grammar",
     {"type": "custom", "name": "sql", "format": {"type": "grammar", "syntax": "lark", "definition": "x"}},
     [(RESPONSES, CUSTOM, STRICT_OFF, "sql", "", None, None, None)]),
    ("chat custom tool (grammar one level deeper)",
     {"type": "custom", "custom": {"name": "sql", "format": {
         "type": "grammar", "grammar": {"syntax": "regex", "definition": "[a-z]+"}}}},
     [(CHAT, CUSTOM, STRICT_OFF, "sql", "", None, None, None)]),
    ("chat structured output alone, strict true",
     {"type": "json_schema", "json_schema": {"name": "out", "schema": P, "strict": True}},
     [(CHAT, RESPONSE_FORMAT, STRICT_ON, "out", "", "/json_schema/schema", None, None)]),
    ("responses structured output alone, strict omitted = false (not auto)",
     {"type": "json_schema", "name": "out", "schema": P},
     [(RESPONSES, RESPONSE_FORMAT, STRICT_OFF, "out", "", "/schema", None, None)]),
    ("chat request: response_format, strict omitted = false",
     {"model": "m", "messages": [], "response_format": {
         "type": "json_schema", "json_schema": {"name": "out", "schema": P}}},
     [(CHAT, RESPONSE_FORMAT, STRICT_OFF, "out", "/response_format", "/response_format/json_schema/schema",
       None, None)]),
    ("responses request: text.format, strict true",
     {"model": "m", "input": "hi", "text": {"format": {"type": "json_schema", "name": "out", "schema": P,
                                                       "strict": True}}},
     [(RESPONSES, RESPONSE_FORMAT, STRICT_ON, "out", "/text/format", "/text/format/schema", None, None)]),
    ("legacy functions: never strict, even with a strict flag",
     {"model": "m", "messages": [], "functions": [{"name": "a", "parameters": P},
                                                  {"name": "b", "parameters": P, "strict": True}],
      "function_call": "auto"},
     [(LEGACY, FUNCTION, STRICT_OFF, "a", "/functions/0", "/functions/0/parameters", "/functions", 0),
      (LEGACY, FUNCTION, STRICT_OFF, "b", "/functions/1", "/functions/1/parameters", "/functions", 1)]),
    ("MCP tools/list entry",
     {"name": "m", "description": "d", "inputSchema": P},
     [(MCP, FUNCTION, STRICT_OFF, "m", "", "/inputSchema", None, None)]),
    ("MCP tools/list result",
     {"tools": [{"name": "m", "description": "d", "inputSchema": P}]},
     [(MCP, FUNCTION, STRICT_OFF, "m", "/tools/0", "/tools/0/inputSchema", "/tools", 0)]),
    ("Anthropic tools",
     [{"name": "a", "description": "d", "input_schema": P}],
     [(ANTHROPIC, FUNCTION, STRICT_OFF, "a", "/0", "/0/input_schema", "", 0)]),
]


@pytest.mark.parametrize("label, data, expected", SHAPES, ids=[s[0] for s in SHAPES])
def test_each_shape_is_recognised(label, data, expected):
    found, problems = sites_of(data)
    assert found == expected
    assert problems == []


@pytest.mark.parametrize("label, data, expected", SHAPES, ids=[s[0] for s in SHAPES])
def test_each_valid_shape_lints_clean(label, data, expected):
    # a strict flag on a legacy functions entry is ignored by the API: FCS201 says so
    wanted = ["FCS201"] if label.startswith("legacy") else []
    assert only_codes(Engine().lint_data(data)) == wanted


# ---------------------------------------------------------------------------------------
# Lists, {"tools": [...]}, request bodies

CHAT_TOOL = {"type": "function", "function": {"name": "c", "parameters": P, "strict": True}}
RESP_TOOL = {"type": "function", "name": "r", "parameters": P, "strict": True}


def test_list_of_tools_has_indexes_in_the_root_group():
    found, problems = sites_of([CHAT_TOOL, RESP_TOOL])
    assert [(s[0], s[3], s[4], s[6], s[7]) for s in found] == [
        (CHAT, "c", "/0", "", 0), (RESPONSES, "r", "/1", "", 1)]
    assert problems == []


def test_tools_object():
    found, _ = sites_of({"tools": [RESP_TOOL, CHAT_TOOL]})
    assert [(s[3], s[4], s[5], s[6], s[7]) for s in found] == [
        ("r", "/tools/0", "/tools/0/parameters", "/tools", 0),
        ("c", "/tools/1", "/tools/1/function/parameters", "/tools", 1)]


def test_whole_chat_request_body():
    body = {
        "model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}],
        "tools": [{"type": "function", "function": {"name": "a", "parameters": P}}, CHAT_TOOL],
        "tool_choice": {"type": "function", "function": {"name": "a"}},
        "response_format": {"type": "json_schema", "json_schema": {"name": "out", "schema": P, "strict": True}},
    }
    found, problems = sites_of(body)
    assert found == [
        (CHAT, FUNCTION, STRICT_OFF, "a", "/tools/0", "/tools/0/function/parameters", "/tools", 0),
        (CHAT, FUNCTION, STRICT_ON, "c", "/tools/1", "/tools/1/function/parameters", "/tools", 1),
        (CHAT, RESPONSE_FORMAT, STRICT_ON, "out", "/response_format", "/response_format/json_schema/schema",
         None, None)]
    assert problems == []


def test_whole_responses_request_body_with_hosted_and_namespace():
    body = {
        "model": "gpt-5", "input": "hi",
        "tools": [
            {"type": "web_search"},
            {"type": "function", "name": "a", "parameters": P},
            {"type": "namespace", "name": "ns", "description": "d",
             "tools": [{"type": "function", "name": "b", "parameters": P, "strict": True}]},
            {"type": "file_search", "vector_store_ids": ["vs_1"]},
        ],
        "tool_choice": {"type": "function", "name": "a"},
        "text": {"format": {"type": "json_schema", "name": "out", "schema": P}},
    }
    found, problems = sites_of(body)
    assert found == [
        (RESPONSES, HOSTED, STRICT_OFF, None, "/tools/0", None, "/tools", 0),
        (RESPONSES, FUNCTION, STRICT_AUTO, "a", "/tools/1", "/tools/1/parameters", "/tools", 1),
        (RESPONSES, NAMESPACE, STRICT_OFF, "ns", "/tools/2", None, "/tools", 2),
        (RESPONSES, FUNCTION, STRICT_ON, "b", "/tools/2/tools/0", "/tools/2/tools/0/parameters", "/tools/2/tools", 0),
        (RESPONSES, HOSTED, STRICT_OFF, None, "/tools/3", None, "/tools", 3),
        (RESPONSES, RESPONSE_FORMAT, STRICT_OFF, "out", "/text/format", "/text/format/schema", None, None)]
    assert problems == []


def test_assistants_body_is_chat_shaped():
    body = {"model": "gpt-4o", "instructions": "x",
            "tools": [{"type": "code_interpreter"}, {"type": "file_search"}, CHAT_TOOL]}
    found, problems = sites_of(body)
    assert [(s[0], s[1], s[3], s[7]) for s in found] == [
        (RESPONSES, HOSTED, None, 0), (RESPONSES, HOSTED, None, 1), (CHAT, FUNCTION, "c", 2)]
    assert problems == []


def test_list_of_request_bodies_keeps_each_request_its_own_group():
    found, _ = sites_of([{"tools": [RESP_TOOL]}, {"tools": [CHAT_TOOL, RESP_TOOL]}])
    assert [(s[3], s[4], s[6], s[7]) for s in found] == [
        ("r", "/0/tools/0", "/0/tools", 0), ("c", "/1/tools/0", "/1/tools", 0), ("r", "/1/tools/1", "/1/tools", 1)]


def test_tool_beside_request_bodies_in_a_list_is_still_recognised():
    found, _ = sites_of([{"tools": [CHAT_TOOL]}, RESP_TOOL])
    assert [(s[3], s[4]) for s in found] == [("c", "/0/tools/0"), ("r", "/1")]


def test_mixed_shapes_in_one_file():
    data = [
        {"type": "function", "function": {"name": "chat_tool", "parameters": P}},
        {"type": "function", "name": "resp_tool", "parameters": P},
        {"type": "custom", "name": "resp_custom"},
        {"type": "custom", "custom": {"name": "chat_custom"}},
        {"type": "web_search_preview"},
        {"name": "mcp_tool", "inputSchema": P},
        {"name": "anthropic_tool", "input_schema": P},
    ]
    found, problems = sites_of(data)
    assert [(s[0], s[1], s[3], s[7]) for s in found] == [
        (CHAT, FUNCTION, "chat_tool", 0), (RESPONSES, FUNCTION, "resp_tool", 1),
        (RESPONSES, CUSTOM, "resp_custom", 2), (CHAT, CUSTOM, "chat_custom", 3),
        (RESPONSES, HOSTED, None, 4), (MCP, FUNCTION, "mcp_tool", 5), (ANTHROPIC, FUNCTION, "anthropic_tool", 6)]
    assert problems == []


def test_which_api_decides_which_rules_apply():
    """The same non-strict-valid schema: errors for strict tools, warnings in Responses
    auto mode, nothing for non-strict tools and for MCP and Anthropic tools."""
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    data = {"tools": [
        {"type": "function", "function": {"name": "chat_strict", "parameters": schema, "strict": True}},
        {"type": "function", "function": {"name": "chat_plain", "parameters": schema}},
        {"type": "function", "name": "resp_strict", "parameters": schema, "strict": True},
        {"type": "function", "name": "resp_auto", "parameters": schema},
        {"type": "function", "name": "resp_off", "parameters": schema, "strict": False},
        {"name": "mcp", "inputSchema": schema},
        {"name": "anthropic", "input_schema": schema},
    ]}
    by_tool = {}
    for d in Engine().lint_data(data):
        if d.code.startswith(("FCS0", "FCS1", "FCS2")):
            by_tool.setdefault(d.tool, []).append((d.code, d.severity))
    assert sorted(by_tool["chat_strict"]) == [("FCS101", "error"), ("FCS102", "error")]
    assert sorted(by_tool["resp_strict"]) == [("FCS101", "error"), ("FCS102", "error")]
    assert by_tool["resp_auto"] == [("FCS202", "warning")]
    assert set(by_tool) == {"chat_strict", "resp_strict", "resp_auto"}


def test_mcp_and_anthropic_tools_get_the_checks_that_apply_without_strict():
    schema = {"type": "object", "properties": {"tags": {"type": "array"}, "any": {}}}
    for data in ({"name": "m", "inputSchema": schema}, {"name": "a", "input_schema": schema}):
        codes = only_codes(Engine().lint_data(data))
        assert codes == ["FCS105", "FCS106"]


# ---------------------------------------------------------------------------------------
# Hosted tools: recognised, left alone

HOSTED_TOOLS = [
    {"type": "web_search"}, {"type": "web_search_preview", "search_context_size": "low"},
    {"type": "file_search", "vector_store_ids": ["vs"]}, {"type": "code_interpreter", "container": {"type": "auto"}},
    {"type": "mcp", "server_label": "x", "server_url": "https://example.com", "require_approval": "never"},
    {"type": "computer_use_preview", "display_width": 1, "display_height": 1, "environment": "browser"},
    {"type": "image_generation"}, {"type": "shell"}, {"type": "local_shell"}, {"type": "apply_patch"},
]


@pytest.mark.parametrize("tool", HOSTED_TOOLS, ids=[t["type"] for t in HOSTED_TOOLS])
def test_hosted_tools_are_recognised_and_left_alone(tool):
    for data in ([tool], {"tools": [tool]}, tool):
        sites, problems = recognise(data)
        assert [(s.api, s.kind, s.schema) for s in sites] == [(RESPONSES, HOSTED, None)]
        assert problems == []
        assert Engine().lint_data(data) == []


def test_hosted_tool_with_odd_fields_does_not_crash_or_report():
    data = {"tools": [{"type": "mcp", "parameters": "not a schema", "name": 3, "strict": "yes"},
                      {"type": "code_interpreter", "function": None}]}
    assert Engine().lint_data(data) == []


# ---------------------------------------------------------------------------------------
# Not tools: FCS003

@pytest.mark.parametrize("entry, message_part", [
    (1, "is a number"),
    ("get_time", "is a string"),
    (None, "is null"),
    ([1], "is an array"),
    (True, "is a boolean"),
    ({"parameters": {"type": "object"}}, "no 'type'"),
    ({"function": {"name": "f"}}, "no 'type'"),
])
def test_unknown_entries_in_tools_lists_are_fcs003(entry, message_part):
    data = {"tools": [CHAT_TOOL, entry]}
    found, problems = sites_of(data)
    assert [s[3] for s in found] == ["c"]
    diagnostics = [d for d in Engine().lint_data(data) if d.code.startswith("FCS0")]
    assert [(d.code, d.pointer_text, d.severity) for d in diagnostics] == [("FCS003", "/tools/1", "error")]
    assert message_part in diagnostics[0].message


def test_non_tool_entry_in_a_list_of_tools_is_fcs003():
    found, problems = sites_of([RESP_TOOL, {"hello": "world"}, 3])
    assert [s[3] for s in found] == ["r"]
    assert problems == [("FCS003", "/1"), ("FCS003", "/2")]


def test_legacy_functions_entry_that_is_not_an_object_is_fcs003():
    assert sites_of({"functions": ["f"]}) == ([], [("FCS003", "/functions/0")])


@pytest.mark.parametrize("data", [
    {"name": "pkg", "version": "1.0.0", "dependencies": {}},
    {"on": "push", "jobs": {"test": {"runs-on": "ubuntu-latest"}}},
    [1, 2, 3],
    ["a", {"b": 1}],
    "just a string",
    42,
    None,
    {"model": "m", "messages": [], "tool_choice": "auto"},
    {"response_format": {"type": "json_object"}},
    {"text": {"format": {"type": "text"}}},
])
def test_non_tool_documents_have_no_sites_and_no_problems(data):
    assert sites_of(data) == ([], [])
    assert Engine().lint_data(data) == []


# ---------------------------------------------------------------------------------------
# Malformed tool fields: FCS005

@pytest.mark.parametrize("tool, pointer, message_part", [
    ({"type": "function", "function": "get_weather"}, "/tools/0/function", "must be an object"),
    ({"type": "function", "function": {"parameters": P}}, "/tools/0/function", "no 'name'"),
    ({"type": "function", "function": {"name": 3, "parameters": P}}, "/tools/0/function/name", "must be a string"),
    ({"type": "function", "function": {"name": "f", "parameters": [P]}}, "/tools/0/function/parameters",
     "must be a JSON Schema object"),
    ({"type": "function", "function": {"name": "f", "parameters": P, "strict": "true"}},
     "/tools/0/function/strict", "must be true or false"),
    ({"type": "function", "parameters": P}, "/tools/0", "neither 'function'"),
    ({"type": "function", "name": "f", "parameters": "{}"}, "/tools/0/parameters", "must be a JSON Schema object"),
    ({"type": "function", "name": "f", "parameters": P, "strict": 1}, "/tools/0/strict", "must be true or false"),
    ({"type": "custom", "custom": []}, "/tools/0/custom", "must be an object"),
    ({"type": "custom"}, "/tools/0", "no 'name'"),
    ({"type": "namespace", "name": "ns"}, "/tools/0", "'tools' list"),
    ({"name": "f", "parameters": P}, "/tools/0", "no 'type'"),
])
def test_malformed_tool_fields_are_fcs005_errors(tool, pointer, message_part):
    diagnostics = [d for d in Engine().lint_data({"tools": [tool]}) if d.code.startswith("FCS0")]
    assert [(d.code, d.pointer_text, d.severity) for d in diagnostics] == [("FCS005", pointer, "error")]
    assert message_part in diagnostics[0].message


def test_strict_that_is_not_a_boolean_does_not_make_a_tool_strict():
    (site,), _ = recognise({"type": "function", "function": {"name": "f", "parameters": P, "strict": "true"}})
    assert site.strict == STRICT_OFF
    (site,), _ = recognise({"type": "function", "name": "f", "parameters": P, "strict": "yes"})
    assert site.strict == STRICT_AUTO


def test_responses_tool_without_parameters_is_a_warning():
    diagnostics = [d for d in Engine().lint_data({"type": "function", "name": "f", "strict": True})
                   if d.code.startswith(("FCS0", "FCS1", "FCS2"))]
    assert [(d.code, d.severity, d.pointer_text) for d in diagnostics] == [("FCS005", "warning", "")]


def test_namespace_with_a_chat_shaped_inner_tool():
    data = {"type": "namespace", "name": "ns", "tools": [CHAT_TOOL, RESP_TOOL]}
    found, problems = sites_of(data)
    assert [s[3] for s in found] == ["ns", "r"]
    assert problems == [("FCS005", "/tools/0")]


def test_response_format_without_json_schema_object():
    found, problems = sites_of({"response_format": {"type": "json_schema", "json_schema": "x"}})
    assert found == [] and problems == [("FCS005", "/response_format/json_schema")]


def test_missing_name_is_reported_at_the_object_that_lacks_it():
    diagnostics = Engine().lint_data({"type": "function", "name": None, "parameters": P})
    assert [(d.code, d.pointer_text) for d in diagnostics if d.code.startswith("FCS0")] == [("FCS005", "/name")]
    diagnostics = Engine().lint_data({"tools": [{"type": "custom", "custom": {"description": "d"}}]})
    assert [(d.code, d.pointer_text) for d in diagnostics if d.code.startswith("FCS0")] == [
        ("FCS005", "/tools/0/custom")]


# ---------------------------------------------------------------------------------------
# Misplaced strict (spec section 1, last paragraph)

def test_strict_beside_function_is_ignored_and_recorded():
    (site,), _ = recognise({"type": "function", "strict": True, "function": {"name": "f", "parameters": P}})
    assert site.strict == STRICT_OFF
    assert [format_pointer(p) for p in site.misplaced_strict] == ["/strict"]


def test_strict_beside_json_schema_is_ignored_and_recorded():
    (site,), _ = recognise({"response_format": {"type": "json_schema", "strict": True,
                                                "json_schema": {"name": "o", "schema": P}}})
    assert site.strict == STRICT_OFF
    assert [format_pointer(p) for p in site.misplaced_strict] == ["/response_format/strict"]


def test_strict_inside_the_schema_is_ignored_and_recorded():
    (site,), _ = recognise({"type": "function", "function": {"name": "f", "parameters": dict(P, strict=True)}})
    assert site.strict == STRICT_OFF
    assert [format_pointer(p) for p in site.misplaced_strict] == ["/function/parameters/strict"]
