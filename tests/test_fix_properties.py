"""Property-based tests of the fixes, over generated schemas and arguments:

* arguments valid for a tool before the fix stay valid after it, once missing optional
  fields are given as null (checked with the jsonschema library);
* fixing the file text (JSON and YAML) gives the same data as make_strict on the data;
* the fixed schema is strict-valid and fixing it again changes nothing.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fcschema
from fcschema.engine import Engine
from fcschema.fixes import fix_text
from fcschema.source import Source

NAMES = st.sampled_from(["city", "unit", "days", "tags", "owner", "limit", "note", "kind"])
WORDS = st.sampled_from(["a", "b", "celsius", "fahrenheit", "x y", "null-ish"])


def leaf():
    return st.one_of(
        st.builds(lambda: {"type": "string"}),
        st.builds(lambda: {"type": "integer"}),
        st.builds(lambda: {"type": "number"}),
        st.builds(lambda: {"type": "boolean"}),
        st.lists(WORDS, min_size=1, max_size=3, unique=True).map(lambda v: {"type": "string", "enum": v}),
    )


def objects(children):
    def build(pairs, close, defaults):
        properties, required = {}, []
        for (name, schema, is_required), default in zip(pairs, defaults):
            schema = dict(schema)
            if default and schema.get("type") == "integer":
                schema["default"] = 7
            properties[name] = schema
            if is_required:
                required.append(name)
        node = {"type": "object", "properties": properties}
        if required:
            node["required"] = required
        if close:
            node["additionalProperties"] = False
        return node

    pair = st.tuples(NAMES, children, st.booleans())
    return st.builds(build, st.lists(pair, min_size=1, max_size=4, unique_by=lambda p: p[0]),
                     st.booleans(), st.lists(st.booleans(), min_size=4, max_size=4))


SCHEMAS = st.recursive(leaf(), lambda children: st.one_of(
    objects(children), children.map(lambda item: {"type": "array", "items": item})), max_leaves=8)
ROOTS = objects(SCHEMAS)


def instance_of(schema, draw):
    kind = schema.get("type")
    if "enum" in schema:
        return draw(st.sampled_from(schema["enum"]))
    if kind == "string":
        return draw(st.text(max_size=5))
    if kind == "integer":
        return draw(st.integers(-5, 5))
    if kind == "number":
        return draw(st.floats(-5, 5, allow_nan=False))
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "array":
        return [instance_of(schema["items"], draw) for _ in range(draw(st.integers(0, 2)))]
    value = {}
    for name, child in schema["properties"].items():
        if name in schema.get("required", []) or draw(st.booleans()):
            value[name] = instance_of(child, draw)
    return value


def with_nulls(schema, value):
    """Give every optional field the instance left out as null (the strict way to omit)."""
    if schema.get("type") == "array":
        return [with_nulls(schema["items"], v) for v in value]
    if schema.get("type") != "object":
        return value
    return {name: with_nulls(child, value[name]) if name in value else None
            for name, child in schema["properties"].items()}


@st.composite
def tools_and_arguments(draw):
    schema = draw(ROOTS)
    return schema, instance_of(schema, draw)


def _validator(schema):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tools_and_arguments())
def test_valid_arguments_stay_valid_after_the_fix(case):
    schema, arguments = case
    assert _validator(schema).is_valid(arguments)
    result = fcschema.make_strict(schema)
    assert result.ok, [d.message for d in result.remaining]
    assert fcschema.strict_violations(result.value) == []
    errors = list(_validator(result.value).iter_errors(with_nulls(schema, arguments)))
    assert errors == [], (json.dumps(result.value), arguments)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROOTS, st.sampled_from(["chat", "responses"]))
def test_text_fix_equals_data_fix_in_json_and_yaml(schema, api):
    from ruamel.yaml import YAML

    from fcschema.yaml_loader import load_yaml

    if api == "chat":
        tool = {"type": "function", "function": {"name": "f", "strict": True, "parameters": schema}}
    else:
        tool = {"type": "function", "name": "f", "strict": True, "parameters": schema}
    expected = fcschema.make_strict(tool).value

    json_text = json.dumps(tool, indent=2)
    outcome = fix_text(Source("t.json", json_text), Engine())
    assert outcome.broken is None
    assert json.loads(outcome.text) == expected
    assert fix_text(Source("t.json", outcome.text), Engine()).text == outcome.text

    buffer = io.StringIO()
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(tool, buffer)
    outcome = fix_text(Source("t.yaml", buffer.getvalue()), Engine())
    assert outcome.broken is None
    assert load_yaml(outcome.text).data == expected
    assert fix_text(Source("t.yaml", outcome.text), Engine()).text == outcome.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(ROOTS, st.booleans(), st.sampled_from(["dict", "object", "float"])),
                min_size=1, max_size=5), st.booleans())
def test_reusing_the_findings_of_unchanged_tools_changes_nothing(tools, unsafe):
    """Each fix round re-lints only the tools whose text changed (fixes.RoundMemo): the
    outcome is the one of re-linting every tool in every round."""
    from fcschema import fixes

    listed = []
    for index, (schema, strict, root_type) in enumerate(tools):
        parameters = dict(schema, type=root_type) if root_type != "object" else schema
        function = {"name": f"tool_{index}", "description": "T.", "parameters": parameters}
        if strict:
            function["strict"] = True
        listed.append({"type": "function", "function": function})
    text = json.dumps(listed, indent=2)
    reused = fix_text(Source("t.json", text), Engine(), unsafe=unsafe)

    class Forgetful(fixes.RoundMemo):
        def get(self, site, document):
            return None

    original = fixes.RoundMemo
    fixes.RoundMemo = Forgetful
    try:
        every_time = fix_text(Source("t.json", text), Engine(), unsafe=unsafe)
    finally:
        fixes.RoundMemo = original
    assert reused.text == every_time.text
    assert reused.applied == every_time.applied
    assert [(d.code, d.pointer, d.message) for d in reused.final[1]] == \
        [(d.code, d.pointer, d.message) for d in every_time.final[1]]
