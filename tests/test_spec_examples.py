"""The examples and statements of STRICT_MODE.md sections 2.1, 3 and 4, tried as a user
would: each schema is put in a Chat Completions tool and in a Responses tool, with
`strict` true, false and omitted, and the test says which codes fire (or that none do),
where, with which severity, and the exact `api_message` of spec section 8.

Only FCS0xx-FCS2xx codes are looked at: the FCS3xx+ rules have their own tests.

Modes (spec section 4):
* strict: Chat `function.strict: true`, Responses `strict: true` -> strict rules, errors;
* plain: Chat with `strict` false or omitted, Responses `strict: false` -> only the checks
  of section 3;
* auto: Responses with `strict` omitted -> no errors from the strict rules, but FCS202
  (an optional field becomes mandatory) and FCS203 (silent fallback to non-strict).
"""

from __future__ import annotations

import json

import pytest

from fcschema.app import check_source
from fcschema.engine import Engine
from fcschema.source import Source

OURS = ("FCS0", "FCS1", "FCS2")
SEVERITY = {"FCS1": "error", "FCS2": "warning"}
PREFIX = "Invalid schema for function 'f': "


def obj(properties, required=None, additional=False, **extra):
    """An object schema; ``required`` defaults to every property (strict-valid)."""
    schema = {"type": "object", "properties": properties,
              "required": list(properties) if required is None else required}
    if additional is not None:
        schema["additionalProperties"] = additional
    schema.update(extra)
    return schema


STR = {"type": "string"}
ZERO = {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


def chat(schema, strict):
    function = {"name": "f", "description": "d", "parameters": schema}
    if strict is not None:
        function["strict"] = strict
    return {"type": "function", "function": function}, "/function/parameters"


def responses(schema, strict):
    tool = {"type": "function", "name": "f", "description": "d", "parameters": schema}
    if strict is not None:
        tool["strict"] = strict
    return tool, "/parameters"


MODES = {
    "chat-strict": (chat, True, "strict"),
    "chat-false": (chat, False, "plain"),
    "chat-omitted": (chat, None, "plain"),
    "responses-strict": (responses, True, "strict"),
    "responses-false": (responses, False, "plain"),
    "responses-auto": (responses, None, "auto"),
}


ENGINE = Engine()


def lint(data, filename="tools.json"):
    text = json.dumps(data, indent=2)  # JSON is YAML too: the same text serves both loaders
    result = check_source(Source(filename, text), ENGINE)
    return [d for d in result.diagnostics if d.code.startswith(OURS)]


def ctx(*path):
    return f"context={tuple(path)!r}"


AP = "'additionalProperties' is required to be supplied and to be false."
REQ = "'required' is required to be supplied and to be an array including every key in properties."
ROOT_COMBINATOR = ("schema must have type 'object' and not have 'oneOf'/'anyOf'/'allOf'/'enum'/'not' "
                   "at the top level.")

# (id, schema, {mode kind: [(code, pointer in the schema), ...]}, {code: api text after PREFIX})
# A mode kind missing from the dict expects what "plain" expects.
CASES = [
    # --- 2.1: what is accepted ------------------------------------------------------
    ("zero-parameter tool is clean", ZERO, {"strict": [], "plain": [], "auto": []}, {}),
    ("empty properties may omit required",
     {"type": "object", "properties": {}, "additionalProperties": False},
     {"strict": [], "plain": [], "auto": []}, {}),
    ("optional as required-but-nullable type array",
     obj({"a": STR, "b": {"type": ["string", "null"]}}), {"strict": [], "plain": [], "auto": []}, {}),
    ("optional as required-but-nullable anyOf",
     obj({"b": {"anyOf": [STR, {"type": "null"}]}}), {"strict": [], "plain": [], "auto": []}, {}),
    ("$ref and anyOf nodes need no type",
     obj({"r": {"$ref": "#/$defs/n"}, "u": {"anyOf": [STR, obj({"x": STR})]}},
         **{"$defs": {"n": obj({"v": {"type": "integer"}})}}),
     {"strict": [], "plain": [], "auto": []}, {}),
    ("required order does not matter",
     obj({"a": STR, "b": STR}, required=["b", "a"]), {"strict": [], "plain": [], "auto": []}, {}),

    # --- 2.1 / 3: the root ----------------------------------------------------------
    ("{} root is rejected", {}, {"strict": [("FCS107", "")], "plain": [("FCS107", "")], "auto": [("FCS107", "")]},
     {"FCS107": "schema must be a JSON Schema of 'type: \"object\"', got 'type: \"None\"'."}),
    ("root of another type", {"type": "string"},
     {"strict": [("FCS107", "/type")], "plain": [("FCS107", "/type")], "auto": [("FCS107", "/type")]},
     {"FCS107": "schema must be a JSON Schema of 'type: \"object\"', got 'type: \"string\"'."}),
    ("nullable root is rejected", dict(ZERO, type=["object", "null"]),
     {"strict": [("FCS107", "/type")], "plain": [("FCS107", "/type")], "auto": [("FCS107", "/type")]}, {}),
    ("root anyOf is rejected",
     {"anyOf": [obj({"id": STR}), obj({"email": STR})]},
     {"strict": [("FCS108", "/anyOf")], "plain": [("FCS108", "/anyOf")], "auto": [("FCS108", "/anyOf")]},
     {"FCS108": ROOT_COMBINATOR}),
    ("root oneOf beside type object is rejected",
     dict(ZERO, oneOf=[ZERO]),
     # `oneOf` is also not permitted in strict mode, so "auto" falls back to non-strict
     {"strict": [("FCS108", "/oneOf")], "plain": [("FCS108", "/oneOf")],
      "auto": [("FCS108", "/oneOf"), ("FCS203", "/oneOf")]},
     {"FCS108": ROOT_COMBINATOR}),
    ("root enum is rejected",
     dict(ZERO, enum=[{}]),
     {"strict": [("FCS108", "/enum")], "plain": [("FCS108", "/enum")], "auto": [("FCS108", "/enum")]},
     {"FCS108": ROOT_COMBINATOR}),

    # --- 2.1: additionalProperties -------------------------------------------------
    ("additionalProperties missing", obj({"a": STR}, additional=None),
     {"strict": [("FCS101", "")], "plain": [], "auto": []},
     {"FCS101": f"In {ctx()}, {AP}"}),
    ("additionalProperties true", obj({"a": STR}, additional=True),
     {"strict": [("FCS101", "/additionalProperties")], "plain": [],
      "auto": [("FCS203", "/additionalProperties")]},
     {"FCS101": f"In {ctx()}, {AP}"}),
    ("additionalProperties map (free-form dict)", obj({"a": STR}, additional={"type": "string"}),
     {"strict": [("FCS101", "/additionalProperties")], "plain": [],
      "auto": [("FCS203", "/additionalProperties")]},
     {"FCS101": f"In {ctx()}, {AP}"}),
    ("nested object without additionalProperties",
     obj({"loc": obj({"city": STR}, additional=None)}),
     {"strict": [("FCS101", "/properties/loc")], "plain": [], "auto": []},
     {"FCS101": f"In {ctx('properties', 'loc')}, {AP}"}),
    ("array items object without additionalProperties",
     obj({"xs": {"type": "array", "items": obj({"v": STR}, additional=None)}}),
     {"strict": [("FCS101", "/properties/xs/items")], "plain": [], "auto": []},
     {"FCS101": f"In {ctx('properties', 'xs', 'items')}, {AP}"}),
    ("anyOf branch object without additionalProperties",
     obj({"a": {"anyOf": [obj({"v": STR}, additional=True), {"type": "null"}]}}),
     {"strict": [("FCS101", "/properties/a/anyOf/0/additionalProperties")], "plain": [],
      "auto": [("FCS203", "/properties/a/anyOf/0/additionalProperties")]},
     {"FCS101": f"In {ctx('properties', 'a', 'anyOf', '0')}, {AP}"}),
    ("$defs entry without additionalProperties",
     obj({"r": {"$ref": "#/$defs/n"}}, **{"$defs": {"n": obj({"v": STR}, additional=None)}}),
     {"strict": [("FCS101", "/$defs/n")], "plain": [], "auto": []},
     {"FCS101": f"In {ctx('$defs', 'n')}, {AP}"}),

    # --- 2.1: required -------------------------------------------------------------
    ("a key missing from required", obj({"a": STR, "b": STR}, required=["a"]),
     {"strict": [("FCS102", "/properties/b")], "plain": [], "auto": [("FCS202", "/properties/b")]},
     {"FCS102": f"In {ctx()}, {REQ} Missing 'b'."}),
    ("required absent with properties present",
     {"type": "object", "properties": {"a": STR, "b": STR}, "additionalProperties": False},
     {"strict": [("FCS102", "/properties/a"), ("FCS102", "/properties/b")], "plain": [],
      "auto": [("FCS202", "/properties/a"), ("FCS202", "/properties/b")]},
     {}),
    ("nested key missing from required",
     obj({"loc": obj({"city": STR, "zip": STR}, required=["city"])}),
     {"strict": [("FCS102", "/properties/loc/properties/zip")], "plain": [],
      "auto": [("FCS202", "/properties/loc/properties/zip")]},
     {"FCS102": f"In {ctx('properties', 'loc')}, {REQ} Missing 'zip'."}),
    ("extra required key", obj({"a": STR}, required=["a", "zzz"]),
     {"strict": [("FCS103", "/required/1")], "plain": [], "auto": [("FCS203", "/required/1")]},
     {"FCS103": f"In {ctx()}, {REQ} Extra required key 'zzz' supplied."}),

    # --- 2.1 / 3: properties, type, items (checked even without strict) -----------
    ("root object without properties", {"type": "object", "additionalProperties": False},
     {"strict": [("FCS104", "")], "plain": [("FCS104", "")], "auto": [("FCS104", "")]},
     {"FCS104": f"In {ctx()}, object schema missing properties."}),
    ("nested object without properties",
     obj({"o": {"type": "object", "additionalProperties": False}}),
     {"strict": [("FCS104", "/properties/o")], "plain": [("FCS104", "/properties/o")],
      "auto": [("FCS104", "/properties/o")]},
     {"FCS104": f"In {ctx('properties', 'o')}, object schema missing properties."}),
    ("bare const has no type", obj({"c": {"const": "x"}}),
     {"strict": [("FCS105", "/properties/c")], "plain": [("FCS105", "/properties/c")],
      "auto": [("FCS105", "/properties/c")]},
     {"FCS105": f"In {ctx('properties', 'c')}, schema must have a 'type' key."}),
    ("description-only node has no type", obj({"c": {"description": "anything"}}),
     {"strict": [("FCS105", "/properties/c")], "plain": [("FCS105", "/properties/c")],
      "auto": [("FCS105", "/properties/c")]},
     {"FCS105": f"In {ctx('properties', 'c')}, schema must have a 'type' key."}),
    ("{} property is an Any without type", obj({"c": {}}),
     {"strict": [("FCS105", "/properties/c")], "plain": [("FCS105", "/properties/c")],
      "auto": [("FCS105", "/properties/c")]},
     {"FCS105": f"In {ctx('properties', 'c')}, schema must have a 'type' key."}),
    ("array without items", obj({"xs": {"type": "array"}}),
     {"strict": [("FCS106", "/properties/xs")], "plain": [("FCS106", "/properties/xs")],
      "auto": [("FCS106", "/properties/xs")]},
     {"FCS106": f"In {ctx('properties', 'xs')}, array schema missing items."}),

    # --- 3: a non-strict tool gets only the section-3 checks ----------------------
    ("non-strict gets only the section-3 checks",
     obj({"a": STR, "b": STR, "xs": {"type": "array"}}, required=["a", "b", "extra"], additional=True),
     {"strict": [("FCS101", "/additionalProperties"), ("FCS102", "/properties/xs"),
                 ("FCS103", "/required/2"), ("FCS106", "/properties/xs")],
      "plain": [("FCS106", "/properties/xs")],
      "auto": [("FCS106", "/properties/xs"), ("FCS203", "/additionalProperties"), ("FCS203", "/required/2")]},
     {"FCS106": f"In {ctx('properties', 'xs')}, array schema missing items."}),
    ("strict-only problems are silent without strict",
     obj({"a": STR, "loc": obj({"c": STR}, required=[], additional=None)}, required=["a"], additional=None),
     {"strict": [("FCS101", ""), ("FCS101", "/properties/loc"), ("FCS102", "/properties/loc"),
                 ("FCS102", "/properties/loc/properties/c")],
      "plain": [],
      "auto": [("FCS202", "/properties/loc"), ("FCS202", "/properties/loc/properties/c")]},
     {}),
]

PARAMS = [pytest.param(schema, mode, expected, api, id=f"{case_id} [{mode}]")
          for case_id, schema, expected, api in CASES for mode in MODES]


def _expected_for(expected, kind):
    return sorted(expected.get(kind, expected["plain"]))


@pytest.mark.parametrize("schema, mode, expected, api", PARAMS)
def test_spec_example(schema, mode, expected, api):
    shape, strict, kind = MODES[mode]
    tool, schema_pointer = shape(schema, strict)
    diagnostics = lint(tool, "tools.json")
    found = sorted((d.code, d.pointer_text[len(schema_pointer):]) for d in diagnostics)
    assert found == _expected_for(expected, kind)
    # the same text read by the YAML loader gives the same findings at the same places
    assert [(d.code, d.pointer_text, d.location, d.end_location) for d in lint(tool, "tools.yaml")] == \
        [(d.code, d.pointer_text, d.location, d.end_location) for d in diagnostics]
    for d in diagnostics:
        assert d.pointer_text.startswith(schema_pointer)
        assert d.severity == SEVERITY[d.code[:4]], d
        assert d.tool == "f"
        assert d.location is not None and d.end_location is not None
        if d.code in api:
            assert d.api_message == PREFIX + api[d.code]
        if d.code.startswith("FCS1"):
            assert d.api_message and d.api_message.startswith(PREFIX)
        else:
            assert d.api_message is None  # a warning: the API returns no error
    if kind == "auto":
        # no 400 from the strict rules: only the section-3 checks can be errors
        assert all(d.code in ("FCS104", "FCS105", "FCS106", "FCS107", "FCS108")
                   for d in diagnostics if d.severity == "error")


def test_every_case_runs_in_both_shapes_and_all_three_strict_settings():
    assert len(PARAMS) == len(CASES) * 6
    assert {m[0] for m in MODES.values()} == {chat, responses}
    assert {m[1] for m in MODES.values()} == {True, False, None}


def test_nullable_root_api_message_names_the_type_it_got():
    tool, _ = chat(dict(ZERO, type=["object", "null"]), True)
    (d,) = lint(tool)
    assert d.api_message.startswith(PREFIX + "schema must be a JSON Schema of 'type: \"object\"', got 'type: ")
    assert "null" in d.api_message


# ---------------------------------------------------------------------------------------
# Section 4: the strict flag

OPTIONAL = obj({"a": STR, "b": STR}, required=["a"])


def _codes(diagnostics):
    return sorted((d.code, d.pointer_text, d.severity) for d in diagnostics)


def test_chat_strict_beside_function_is_ignored_with_a_warning():
    tool = {"type": "function", "strict": True, "function": {"name": "f", "description": "d", "parameters": OPTIONAL}}
    diagnostics = lint(tool)
    # the tool is NOT strict: no FCS102 for the optional field
    assert _codes(diagnostics) == [("FCS201", "/strict", "warning")]
    assert "NON-strict" in diagnostics[0].message and diagnostics[0].api_message is None


def test_chat_strict_beside_function_with_its_own_flag_stays_strict():
    tool = {"type": "function", "strict": False,
            "function": {"name": "f", "description": "d", "parameters": OPTIONAL, "strict": True}}
    assert _codes(lint(tool)) == [("FCS102", "/function/parameters/properties/b", "error"),
                                  ("FCS201", "/strict", "warning")]


def test_strict_inside_the_schema_is_ignored_with_a_warning():
    tool, _ = chat(dict(OPTIONAL, strict=True), None)
    assert ("FCS201", "/function/parameters/strict", "warning") in _codes(lint(tool))
    assert "FCS102" not in {d.code for d in lint(tool)}
    tool, _ = responses(dict(OPTIONAL, strict=True), False)
    assert ("FCS201", "/parameters/strict", "warning") in _codes(lint(tool))
    assert "FCS102" not in {d.code for d in lint(tool)}


def test_legacy_functions_are_never_strict():
    body = {"model": "m", "messages": [], "functions": [{"name": "f", "description": "d", "parameters": OPTIONAL,
                                                         "strict": True}]}
    assert _codes(lint(body)) == [("FCS201", "/functions/0/strict", "warning")]
    body["functions"][0].pop("strict")
    assert lint(body) == []


def test_chat_strict_must_be_the_boolean_true():
    tool = {"type": "function", "function": {"name": "f", "description": "d", "parameters": OPTIONAL,
                                             "strict": "true"}}
    assert _codes(lint(tool)) == [("FCS005", "/function/strict", "error")]


def test_responses_auto_optional_field_becomes_mandatory():
    tool, _ = responses(OPTIONAL, None)
    (d,) = lint(tool)
    assert (d.code, d.severity, d.pointer_text) == ("FCS202", "warning", "/parameters/properties/b")
    assert "mandatory" in d.message and "'b'" in d.message
    assert d.api_message is None


def test_responses_auto_free_form_map_falls_back_silently():
    tool, _ = responses(obj({"tags": {"type": "object", "properties": {}, "additionalProperties": STR}}), None)
    (d,) = lint(tool)
    assert (d.code, d.severity) == ("FCS203", "warning")
    assert d.pointer_text == "/parameters/properties/tags/additionalProperties"
    assert "silently falls back to non-strict" in d.message and "FCS101" in d.message


def test_responses_auto_fallback_replaces_the_mandatory_warning():
    """A tool that falls back stays non-strict: its optional fields stay optional."""
    tool, _ = responses(obj({"a": STR, "b": STR}, required=["a"], additional=True), None)
    assert _codes(lint(tool)) == [("FCS203", "/parameters/additionalProperties", "warning")]


def test_responses_auto_missing_additional_properties_is_added_silently():
    tool, _ = responses(obj({"a": STR, "n": obj({"x": STR}, additional=None)}, additional=None), None)
    assert lint(tool) == []


@pytest.mark.parametrize("shape", [chat, responses])
def test_strict_false_is_explicitly_non_strict(shape):
    tool, _ = shape(obj({"a": STR}, required=[], additional=True), False)
    assert lint(tool) == []


# ---------------------------------------------------------------------------------------
# Section 4: response formats (both APIs) are strict only when `strict: true`

def chat_format(schema, strict):
    inner = {"name": "out", "schema": schema}
    if strict is not None:
        inner["strict"] = strict
    return {"model": "m", "messages": [], "response_format": {"type": "json_schema", "json_schema": inner}}, \
        "/response_format/json_schema/schema"


def responses_format(schema, strict):
    fmt = {"type": "json_schema", "name": "out", "schema": schema}
    if strict is not None:
        fmt["strict"] = strict
    return {"model": "m", "input": "x", "text": {"format": fmt}}, "/text/format/schema"


@pytest.mark.parametrize("shape", [chat_format, responses_format])
def test_response_format_strict_true_uses_the_response_format_prefix(shape):
    body, pointer = shape(obj({"a": STR, "b": STR}, required=["a"], additional=None), True)
    diagnostics = lint(body)
    assert _codes(diagnostics) == [("FCS101", pointer, "error"), ("FCS102", pointer + "/properties/b", "error")]
    prefix = "Invalid schema for response_format 'out': "
    by_code = {d.code: d.api_message for d in diagnostics}
    assert by_code["FCS101"] == prefix + f"In {ctx()}, {AP}"
    assert by_code["FCS102"] == prefix + f"In {ctx()}, {REQ} Missing 'b'."
    assert {d.tool for d in diagnostics} == {"out"}


@pytest.mark.parametrize("strict", [False, None])
@pytest.mark.parametrize("shape", [chat_format, responses_format])
def test_response_format_not_strict_unless_true(shape, strict):
    """No "auto" mode for response formats: omitted means false in both APIs."""
    body, _ = shape(obj({"a": STR, "b": STR}, required=["a"], additional=None), strict)
    assert lint(body) == []
    body, pointer = shape(obj({"xs": {"type": "array"}}), strict)
    assert _codes(lint(body)) == [("FCS106", pointer + "/properties/xs", "error")]


def test_misplaced_strict_beside_json_schema_is_ignored():
    body, _ = chat_format(obj({"a": STR}, required=[]), None)
    body["response_format"]["strict"] = True
    assert _codes(lint(body)) == [("FCS201", "/response_format/strict", "warning")]
