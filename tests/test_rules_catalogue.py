"""The rule catalogue against STRICT_MODE.md, target by target.

A schema the spec says the API accepts yields no error; one it rejects yields an error at
the place the API names, with the API's own message; an uncertain fact is a warning.
"""

from __future__ import annotations

import copy

import pytest

from fcschema.engine import Engine, Settings
from fcschema.targets import (FORMATS, REJECTED_KEYWORDS, TARGETS, TYPE_KEYWORDS, get_target)

ALL_TARGETS = list(TARGETS)
LAUNCH_ERA = ("openai-2024", "azure")


def obj(**properties):
    return {"type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


def chat(parameters, strict=True, name="f", description="Does f."):
    function = {"name": name, "description": description, "parameters": parameters}
    if strict is not None:
        function["strict"] = strict
    return {"type": "function", "function": function}


def responses(parameters, strict=None, name="f", description="Does f."):
    tool = {"type": "function", "name": name, "description": description, "parameters": parameters}
    if strict is not None:
        tool["strict"] = strict
    return tool


def lint(data, target="openai"):
    return Engine(Settings(target=get_target(target))).lint_data(copy.deepcopy(data))


def found(data, target="openai", code=None, severity=None):
    return [d for d in lint(data, target) if (code is None or d.code == code)
            and (severity is None or d.severity == severity)]


def errors(data, target="openai"):
    return [d for d in lint(data, target) if d.severity == "error"]


def one(data, code, target="openai"):
    hits = found(data, target, code)
    assert len(hits) == 1, [(d.code, d.message) for d in lint(data, target)]
    return hits[0]


P = ("function", "parameters")  # where a Chat tool's schema sits in the document
S = {"type": "string", "description": "A string."}


# ---- 2.2 the supported subset ------------------------------------------------------------

ACCEPTED_NOW = [
    {"type": "string", "description": "d", "pattern": "^[a-z]+$"},
    {"type": "string", "description": "d", "format": "email"},
    {"type": "integer", "description": "d", "minimum": 0, "maximum": 9, "multipleOf": 3},
    {"type": "number", "description": "d", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    {"type": "array", "description": "d", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
    {"type": ["string", "null"], "description": "d", "title": "T", "enum": ["a", None]},
    {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "d"},
    {"type": "string", "description": "d", "const": "x"},
]


@pytest.mark.parametrize("node", ACCEPTED_NOW, ids=lambda n: "-".join(sorted(n)))
def test_documented_keywords_give_no_finding_on_openai(node):
    assert lint(chat(obj(x=node))) == []


@pytest.mark.parametrize("target", LAUNCH_ERA[:1] + ("openai-finetuned",))
def test_launch_era_and_finetuned_targets_reject_the_newer_keywords(target):
    extra = TARGETS[target].extra_rejected
    for node in ACCEPTED_NOW:
        used = {k for k in node if k in extra}
        codes = {d.pointer[-1] for d in found(chat(obj(x=node)), target, "FCS301", "error")}
        assert codes == used, (node, target)


def test_launch_era_rejection_carries_the_api_message():
    hit = one(chat(obj(x={"type": "string", "description": "d", "pattern": "^a$"})), "FCS301", "openai-2024")
    assert hit.pointer == P + ("properties", "x", "pattern")
    assert hit.api_message == ("Invalid schema for function 'f': In context=('properties', 'x'), "
                               "'pattern' is not permitted.")


def test_finetuned_keeps_exclusive_bounds():
    node = {"type": "number", "description": "d", "exclusiveMinimum": 0}
    assert errors(chat(obj(x=node)), "openai-finetuned") == []


@pytest.mark.parametrize("keyword", sorted(REJECTED_KEYWORDS))
@pytest.mark.parametrize("target", ALL_TARGETS)
def test_every_rejected_keyword_is_an_error_at_its_place(keyword, target):
    node = {"type": "string", "description": "d", keyword: 1}
    hit = one(chat(obj(x=node)), "FCS301", target)
    assert hit.severity == "error"
    assert hit.pointer == P + ("properties", "x", keyword)
    assert hit.api_message.endswith(f"In context=('properties', 'x'), '{keyword}' is not permitted.")


def test_rejected_keywords_are_found_in_nested_places_too():
    schema = obj(items={"type": "array", "description": "d", "items": obj(tags={"type": "array",
                 "description": "d", "items": {"type": "string"}, "uniqueItems": True})})
    hit = one(chat(schema), "FCS301")
    assert hit.api_message.endswith("In context=('properties', 'items', 'items', 'properties', 'tags'), "
                                    "'uniqueItems' is not permitted.")


@pytest.mark.parametrize("value", sorted(FORMATS))
def test_the_nine_formats_are_accepted(value):
    assert lint(chat(obj(x={"type": "string", "description": "d", "format": value}))) == []


@pytest.mark.parametrize("value", ["uri", "int64", "iso-date"])
def test_other_formats_are_rejected_with_the_api_message(value):
    hit = one(chat(obj(x={"type": "string", "description": "d", "format": value})), "FCS302")
    assert hit.severity == "error" and hit.pointer == P + ("properties", "x", "format")
    assert hit.api_message.endswith(f"In context=('properties', 'x'), '{value}' is not a valid format.")


def test_format_is_reported_once_where_the_target_rejects_it_altogether():
    codes = [d.code for d in lint(chat(obj(x={"type": "string", "description": "d", "format": "uri"})),
                                  "openai-2024")]
    assert codes == ["FCS301"]


@pytest.mark.parametrize("keyword, value", [("nullable", True), ("discriminator", {"propertyName": "k"}),
                                            ("example", "x")])
def test_openapi_keywords_are_errors_in_strict_mode(keyword, value):
    hit = one(chat(obj(x={"type": "string", "description": "d", keyword: value})), "FCS303")
    assert hit.severity == "error"
    assert hit.api_message.endswith(f"'{keyword}' is not permitted.")


def test_nullable_true_has_a_safe_fix_to_a_type_union():
    hit = one(chat(obj(x={"type": "string", "description": "d", "nullable": True})), "FCS303")
    assert hit.fix is not None and hit.fix.applicability == "safe"


@pytest.mark.parametrize("keyword", ["examples", "deprecated", "readOnly", "writeOnly", "$comment",
                                     "x-order"])
def test_undocumented_annotations_warn(keyword):
    hit = one(chat(obj(x={"type": "string", "description": "d", keyword: True})), "FCS304")
    assert hit.severity == "warning" and hit.pointer == P + ("properties", "x", keyword)


def test_definitions_at_the_root_warns_and_still_resolves():
    schema = obj(x={"$ref": "#/definitions/thing"})
    schema["definitions"] = {"thing": {"type": "string", "description": "d"}}
    diagnostics = lint(chat(schema))
    assert [(d.code, d.severity) for d in diagnostics] == [("FCS304", "warning")]
    assert diagnostics[0].pointer == P + ("definitions",)


def test_root_only_keywords_warn_below_the_root():
    node = {"type": "string", "description": "d", "$schema": "https://json-schema.org/draft/2020-12/schema"}
    assert one(chat(obj(x=node)), "FCS304").severity == "warning"
    root = obj(x=S)
    root.update({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:x"})
    assert lint(chat(root)) == []


@pytest.mark.parametrize("target, severity", [("openai", "warning"), ("openai-2024", "error"),
                                              ("azure", "error"), ("openai-finetuned", "warning")])
def test_default_depends_on_the_target(target, severity):
    node = {"type": ["integer", "null"], "description": "d", "default": 3}
    hit = one(chat(obj(x=node)), "FCS305", target)
    assert hit.severity == severity
    if severity == "error":
        assert hit.api_message.endswith("In context=('properties', 'x'), 'default' is not permitted.")
    else:
        assert hit.api_message is None
    assert "not applied" in hit.message or "not permitted" in hit.message


def test_multi_type_unions_warn_but_one_type_plus_null_does_not():
    union = {"type": ["string", "integer"], "description": "d"}
    assert one(chat(obj(x=union)), "FCS306").severity == "warning"
    assert lint(chat(obj(x={"type": ["string", "null"], "description": "d"}))) == []


@pytest.mark.parametrize("node", [
    {"type": "integer", "description": "d", "pattern": "^1$"},
    {"type": "string", "description": "d", "minimum": 1},
    {"type": "string", "description": "d", "items": {"type": "string"}},
])
def test_keywords_of_another_type_warn(node):
    assert one(chat(obj(x=node)), "FCS307").severity == "warning"


def test_unknown_type_names_are_not_second_guessed():
    node = {"type": "dict", "description": "d", "properties": {}, "required": []}
    assert found(chat(obj(x=node)), code="FCS307") == []


def test_strict_keyword_rules_stay_silent_on_non_strict_tools():
    node = {"type": "string", "description": "d", "minLength": 1, "format": "uri", "nullable": True,
            "examples": ["a"], "default": "a"}
    assert [d for d in lint(chat(obj(x=node), strict=False)) if d.code.startswith("FCS3")] == []


# ---- 2.3 references ------------------------------------------------------------------------

def with_defs(properties, defs):
    schema = obj(**properties)
    schema["$defs"] = defs
    return schema


ADDRESS = obj(city=S)


def test_local_references_and_root_recursion_are_accepted():
    tree = obj(label=S, children={"type": "array", "description": "d", "items": {"$ref": "#"}})
    assert errors(chat(tree)) == []
    assert errors(chat(with_defs({"home": {"$ref": "#/$defs/address"}}, {"address": ADDRESS}))) == []


def test_ref_with_a_sibling_is_rejected_with_the_api_message():
    schema = with_defs({"home": {"$ref": "#/$defs/address", "description": "Home"}}, {"address": ADDRESS})
    for target in ALL_TARGETS:
        hit = one(chat(schema), "FCS403", target)
        assert hit.severity == "error"
        assert hit.api_message == ("Invalid schema for function 'f': context=('properties', 'home'), "
                                   "$ref cannot have keywords {'description'}.")


def test_an_unresolvable_ref_is_an_error():
    hit = one(chat(with_defs({"home": {"$ref": "#/$defs/adress"}}, {"address": ADDRESS})), "FCS401")
    assert hit.severity == "error" and hit.pointer == P + ("properties", "home", "$ref")


def test_a_remote_ref_is_an_error_and_never_fetched(monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("fetched"))
    hit = one(chat(obj(home={"$ref": "https://example.com/address.json"})), "FCS402")
    assert hit.severity == "error"


def test_a_reference_loop_is_an_error_at_every_reference_in_it():
    schema = with_defs({"x": {"anyOf": [{"$ref": "#/$defs/a"}], "description": "d"}},
                       {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}})
    hits = found(chat(schema), code="FCS404")
    assert sorted(d.pointer[2:] for d in hits) == sorted([
        ("$defs", "a", "$ref"), ("$defs", "b", "$ref"), ("properties", "x", "anyOf", 0, "$ref")])


def test_reference_rules_apply_to_strict_schemas_only():
    schema = with_defs({"home": {"$ref": "#/$defs/adress", "description": "d"}}, {})
    assert [d for d in lint(chat(schema, strict=False)) if d.code.startswith("FCS4")] == []


# ---- 2.4 patterns --------------------------------------------------------------------------

@pytest.mark.parametrize("strict", [True, False, None])
@pytest.mark.parametrize("pattern", ["^\\p{L}+$", "([a-z]", "*a", "(?<name>a)"])
def test_a_pattern_that_does_not_compile_is_an_error_strict_or_not(pattern, strict):
    node = {"type": "string", "description": "d", "pattern": pattern}
    hit = one(chat(obj(x=node), strict=strict), "FCS405")
    assert hit.severity == "error" and hit.pointer == P + ("properties", "x", "pattern")


@pytest.mark.parametrize("pattern", ["^(?=.*\\d).+$", "^(?!0)\\d+$", "(?<=@)\\w+", "(?<!x)y"])
def test_lookaround_is_an_error_in_strict_mode_with_the_api_message(pattern):
    hit = one(chat(obj(code={"type": "string", "description": "d", "pattern": pattern})), "FCS406")
    assert hit.severity == "error"
    assert hit.api_message == ("Invalid JSON schema: regex lookaround is not supported. "
                               "Found at $.properties.code.pattern.")
    assert found(chat(obj(code={"type": "string", "description": "d", "pattern": pattern}), strict=False),
                 code="FCS406") == []


@pytest.mark.parametrize("pattern", ["^(a)\\1$", "^a+?$", "^a{2,3}?$", "^(?P<q>a)(?P=q)$"])
def test_backreferences_and_lazy_quantifiers_warn(pattern):
    node = {"type": "string", "description": "d", "pattern": pattern}
    assert one(chat(obj(x=node)), "FCS407").severity == "warning"


@pytest.mark.parametrize("pattern", ["^[(?=]\\(?=x$", "^a?b*c+d{2}$", "^\\(\\?=$", "^[a-z]{2,}?"[:-1]])
def test_escaped_and_bracketed_lookalikes_are_not_lookaround(pattern):
    assert [d for d in lint(chat(obj(x={"type": "string", "description": "d", "pattern": pattern})))
            if d.code in ("FCS405", "FCS406", "FCS407")] == []


# ---- 2.5 limits ----------------------------------------------------------------------------

def wide(count):
    return {"type": "object", "description": "d",
            "properties": {f"p{i}": {"type": "integer"} for i in range(count)},
            "required": [f"p{i}" for i in range(count)], "additionalProperties": False}


def test_property_count_per_target():
    schema = obj(w=wide(100))          # 101 properties in total
    hit = one(chat(schema), "FCS501", "azure")
    assert hit.api_message.endswith("101 parameters exceeds limit of 100.")
    assert found(chat(schema), "openai", "FCS501") == []
    hit = one(chat(obj(w=wide(5000))), "FCS501")
    assert hit.api_message.endswith("5001 parameters exceeds limit of 5000.")


def nested(levels):
    node = {"type": "string", "description": "d"}
    for _ in range(levels - 1):
        node = dict(obj(n=node), description="d")
    return node                           # root plus levels - 1 object levels below


@pytest.mark.parametrize("target, levels, severity", [
    ("azure", 5, None), ("azure", 6, "warning"), ("azure", 7, "error"),
    ("openai-2024", 7, "error"), ("openai", 7, None), ("openai", 11, "warning"), ("openai", 12, "error")])
def test_nesting_depth_per_target_with_an_uncertain_boundary(target, levels, severity):
    hits = found(chat(nested(levels)), target, "FCS502")
    if severity is None:
        assert hits == []
        return
    (hit,) = hits
    assert hit.severity == severity
    limit = TARGETS[target].max_depth
    assert hit.api_message.endswith(f"{levels} levels of nesting exceeds limit of {limit}.")


def test_nesting_follows_references():
    schema = with_defs({"a": {"anyOf": [{"$ref": "#/$defs/deep"}], "description": "d"}}, {"deep": nested(6)})
    assert one(chat(schema), "FCS502", "azure").severity == "error"   # 1 + 6 levels


def test_total_characters_per_target():
    schema = obj(x={"type": "string", "description": "d", "enum": ["a" * 7_500, "b" * 7_500]})
    hit = one(chat(schema), "FCS503", "azure")
    assert hit.severity == "error" and "15,001" in hit.message    # 'x' plus 15,000
    assert found(chat(schema), "openai", "FCS503") == []


def test_enum_values_in_total_per_target():
    schema = obj(a={"type": "string", "description": "d", "enum": [f"a{i}" for i in range(300)]},
                 b={"type": "string", "description": "d", "enum": [f"b{i}" for i in range(201)]})
    hit = one(chat(schema), "FCS504", "azure")
    assert hit.pointer == P + ("properties", "b", "enum")             # the enum that crosses 500
    assert found(chat(schema), "openai", "FCS504") == []


def test_large_string_enums_have_their_own_budget():
    big = obj(x={"type": "string", "description": "d", "enum": [f"{i:03d}" + "v" * 27 for i in range(251)]})
    assert one(chat(big), "FCS505", "azure").severity == "error"        # 251 x 30 = 7,530 > 7,500
    assert found(chat(big), "openai", "FCS505") == []
    small = obj(x={"type": "string", "description": "d", "enum": [f"{i:03d}" + "v" * 37 for i in range(250)]})
    assert found(chat(small), "azure", "FCS505") == []                  # 250 values: not a large enum


# ---- 5 tool level --------------------------------------------------------------------------

EMPTY = {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


@pytest.mark.parametrize("name", ["files.read", "a b", "a/b", "café", ""])
def test_names_outside_the_pattern_are_rejected_in_every_api(name):
    for tool in (chat(EMPTY, name=name), chat(EMPTY, strict=None, name=name), responses(EMPTY, name=name)):
        hit = one(tool, "FCS601")
        assert hit.severity == "error"
    hit = one({"tools": [chat(EMPTY, name="ok"), chat(EMPTY, name=name)]}, "FCS601")
    assert hit.api_message == ("Invalid 'tools[1].function.name': string does not match pattern. Expected a "
                               "string that matches the pattern '^[a-zA-Z0-9_-]+$'.")


def test_name_length_depends_on_the_api():
    assert found(chat(EMPTY, name="a" * 64), code="FCS602") == []
    hit = one({"tools": [chat(EMPTY, name="a" * 65)]}, "FCS602")
    assert hit.api_message == ("Invalid 'tools[0].function.name': string too long. Expected a string with "
                               "maximum length 64, but got a string with length 65 instead.")
    assert found(responses(EMPTY, name="a" * 128), code="FCS602") == []
    assert one({"tools": [responses(EMPTY, name="a" * 129)]}, "FCS602").api_message.startswith(
        "Invalid 'tools[0].name': string too long. Expected a string with maximum length 128")
    assert one({"functions": [{"name": "a" * 65, "description": "d", "parameters": EMPTY}]},
               "FCS602").api_message.startswith("Invalid 'functions[0].name'")


@pytest.mark.parametrize("body, path", [
    ({"response_format": {"type": "json_schema", "json_schema": {"name": "x" * 65, "strict": True,
                                                                 "schema": obj(a=S)}}},
     "response_format.json_schema.name"),
    ({"text": {"format": {"type": "json_schema", "name": "x" * 65, "strict": True, "schema": obj(a=S)}}},
     "text.format.name"),
])
def test_response_format_names_are_limited_to_64_in_both_apis(body, path):
    assert one(body, "FCS602").api_message.startswith(f"Invalid '{path}': string too long")


def test_description_length_per_target():
    tool = chat(EMPTY, description="d" * 1025)
    hit = one(tool, "FCS603", "azure")
    assert hit.api_message == ("Invalid 'tools[0].function.description': string too long. Expected a string "
                               "with maximum length 1024, but got a string with length 1025 instead.")
    assert one(tool, "FCS603", "openai-2024")
    assert found(tool, "openai", "FCS603") == []
    assert found(chat(EMPTY, description="d" * 1024), "azure", "FCS603") == []


def test_more_than_128_tools_in_one_request():
    def body(count, maker=chat):
        return {"tools": [maker(EMPTY, name=f"t{i}") for i in range(count)]}

    assert found(body(128), code="FCS604") == []
    hit = one(body(129), "FCS604")
    assert hit.severity == "error" and hit.pointer == ("tools",)
    assert hit.api_message == ("Invalid 'tools': array too long. Expected an array with maximum length 128, "
                               "but got an array with length 129 instead.")
    assert one(body(129, responses), "FCS604").severity == "warning"    # "probable" for Responses


def test_duplicate_names_in_one_request_warn_but_separate_requests_do_not():
    same = [chat(EMPTY, name="search"), chat(EMPTY, name="search")]
    hit = one({"tools": same}, "FCS605")
    assert hit.severity == "warning" and hit.pointer == ("tools", 1, "function", "name")
    assert found([{"tools": same[:1]}, {"tools": same[1:]}], code="FCS605") == []
    legacy = {"tools": same[:1], "functions": [{"name": "search", "description": "d", "parameters": EMPTY}]}
    assert one(legacy, "FCS605")


def lark(definition):
    return {"type": "custom", "name": "g", "description": "d",
            "format": {"type": "grammar", "syntax": "lark", "definition": definition}}


@pytest.mark.parametrize("line, what", [
    ("A: /a(?=b)/", "lookahead"), ("A: /(?<!b)a/", "lookbehind"), ("A: /a+?/", "lazy"),
    ("NUMBER.2: /[0-9]+/", "priorit"), ("_list{item}: item (\",\" item)*", "template"),
    ("%import python.NAME", "%import python.NAME"), ("%declare INDENT", "%declare")])
def test_lark_features_the_api_does_not_support(line, what):
    hit = one([lark(f"start: A\n{line}\n")], "FCS606")
    assert hit.severity == "error" and what in hit.message
    assert hit.pointer == (0, "format", "definition")


def test_supported_lark_stays_clean_including_lookalikes_in_strings_and_comments():
    grammar = ('start: WORD ("(?=" WORD)*  // a comment with NAME.2: and %declare\n'
               "WORD: /[a-z]+/\n%import common.WS\n%import common (NUMBER, LETTER)\n%ignore WS\n")
    assert lint([lark(grammar)]) == []


def regex_tool(definition, chat_shape=False):
    if chat_shape:
        return {"type": "custom", "custom": {"name": "r", "description": "d", "format": {
            "type": "grammar", "grammar": {"syntax": "regex", "definition": definition}}}}
    return {"type": "custom", "name": "r", "description": "d",
            "format": {"type": "grammar", "syntax": "regex", "definition": definition}}


@pytest.mark.parametrize("chat_shape", [False, True])
def test_regex_grammars_follow_rust_syntax(chat_shape):
    assert one([regex_tool("^(?!0)\\d+$", chat_shape)], "FCS607").severity == "error"
    assert one([regex_tool("^(a)\\1$", chat_shape)], "FCS607").severity == "error"
    assert one([regex_tool("/^\\d+$/", chat_shape)], "FCS607").severity == "warning"
    assert one([regex_tool("^a\nb$", chat_shape)], "FCS607").severity == "warning"
    assert lint([regex_tool("^\\p{L}+ [a-z]+?$", chat_shape)]) == []   # Rust has \p{..} and lazy quantifiers


# ---- best practice (info) ------------------------------------------------------------------

def test_missing_descriptions_are_info():
    tool = chat(obj(a={"type": "string"}, b={"anyOf": [{"$ref": "#/$defs/x"}]}), description="")
    tool["function"]["parameters"]["$defs"] = {"x": {"type": "string"}}
    codes = sorted((d.code, d.severity) for d in lint(tool))
    assert codes == [("FCS701", "info"), ("FCS702", "info"), ("FCS702", "info")]


def test_a_ref_parameter_is_described_by_its_definition():
    schema = with_defs({"home": {"$ref": "#/$defs/address"}}, {"address": dict(ADDRESS, description="Home")})
    assert found(chat(schema), code="FCS702") == []


def test_more_than_20_tools_is_advice():
    body = {"tools": [chat(EMPTY, name=f"t{i}") for i in range(21)]}
    assert one(body, "FCS703").severity == "info"
    assert found({"tools": body["tools"][:20]}, code="FCS703") == []


def test_required_non_nullable_default_is_advice_but_nullable_is_fine():
    node = {"type": "integer", "description": "d", "default": 3}
    assert one(chat(obj(x=node), strict=False), "FCS704").severity == "info"
    nullable = dict(node, type=["integer", "null"])
    assert found(chat(obj(x=nullable), strict=False), code="FCS704") == []


@pytest.mark.parametrize("a, b", [("on", "off"), ("enable_cache", "disable_cache"),
                                  ("isActive", "isNotActive"), ("show_header", "hide_header"),
                                  ("cache", "no_cache"), ("retry", "not_retry")])
def test_opposite_boolean_pairs_are_flagged(a, b):
    boolean = {"type": "boolean", "description": "d"}
    assert one(chat(obj(**{a: boolean, b: boolean}), strict=False), "FCS705").pointer[-1] == b


@pytest.mark.parametrize("a, b", [("show_header", "hide_footer"), ("enabled", "visible"), ("on", "off_peak"),
                                  ("is_active", "is_admin")])
def test_unrelated_booleans_are_left_alone(a, b):
    boolean = {"type": "boolean", "description": "d"}
    assert found(chat(obj(**{a: boolean, b: boolean}), strict=False), code="FCS705") == []


def test_opposite_names_that_are_not_both_booleans_are_left_alone():
    schema = obj(enable={"type": "boolean", "description": "d"},
                 disable={"type": "string", "description": "d"})
    assert found(chat(schema, strict=False), code="FCS705") == []


# ---- 4 auto mode: errors are fallback reasons, warnings are not -------------------------

def test_auto_mode_reports_strict_errors_as_fallback_reasons():
    tool = responses(obj(x={"type": "string", "description": "d", "minLength": 2}))
    (hit,) = lint(tool)
    assert hit.code == "FCS203" and "(FCS301)" in hit.message and hit.severity == "warning"


def test_auto_mode_does_not_treat_warnings_as_fallback_reasons():
    tool = responses({"type": "object", "properties": {
        "x": {"type": "string", "description": "d", "examples": ["a"]},
        "y": {"type": ["string", "integer"], "description": "d"},
        "z": {"type": "string", "description": "d", "pattern": "^a+?$"}}, "required": ["x", "y"]})
    codes = [d.code for d in lint(tool)]
    assert "FCS203" not in codes
    # z still becomes mandatory; the tool runs strict, so the strict rules' warnings apply.
    assert sorted(codes) == ["FCS202", "FCS304", "FCS306", "FCS407"]


@pytest.mark.parametrize("target, falls_back", [("openai", False), ("azure", True), ("openai-2024", True)])
def test_default_is_a_fallback_reason_only_where_it_is_an_error(target, falls_back):
    tool = responses(obj(x={"type": ["integer", "null"], "description": "d", "default": 1}))
    codes = [d.code for d in lint(tool, target)]
    assert ("FCS203" in codes) == falls_back


def test_limits_are_fallback_reasons_in_auto_mode():
    codes = [d.code for d in lint(responses(nested(7)), "azure")]
    assert codes == ["FCS203"]


def test_verdict_is_rejected_iff_there_is_an_error():
    accepted = chat(obj(x={"type": "string", "description": "d", "examples": ["a"]}))
    rejected = chat(obj(x={"type": "string", "description": "d", "maxLength": 3}))
    assert errors(accepted) == [] and lint(accepted) != []
    assert errors(rejected) != []


def test_api_messages_use_the_api_path_notation_for_type_arrays():
    node = {"type": ["string", "null"], "description": "d",
            "items": {"type": "string", "description": "d", "maxLength": 3}}
    hit = one(chat(obj(x=node)), "FCS301")
    assert "context=('properties', 'x', 'items')" in hit.api_message


def test_every_type_keyword_table_entry_is_accepted_on_openai():
    for type_name, keywords in TYPE_KEYWORDS.items():
        for keyword in keywords:
            assert keyword not in REJECTED_KEYWORDS, (type_name, keyword)
