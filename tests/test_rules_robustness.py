"""Bad input never produces a traceback: the catalogue's rules on arbitrary JSON values in
schema and tool positions, under every target and strict mode."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcschema.engine import Engine, Settings
from fcschema.targets import TARGETS

KEYWORDS = ["type", "properties", "required", "additionalProperties", "items", "anyOf", "oneOf", "$ref",
            "$defs", "definitions", "enum", "const", "default", "pattern", "format", "nullable", "description",
            "minLength", "examples", "name", "format", "syntax", "definition", "grammar", "custom", "tools",
            "on", "off", "is_x", "is_not_x"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.sampled_from(["string", "object", "array", "null", "boolean", "#", "#/$defs/a",
                                     "#/$defs/a~2", "http://x", "^(?=a)b+?\\1$", "\\p{L}", "(", "uri",
                                     "lark", "regex", "grammar", "%declare X\nA.2: /a(?!b)/", "a" * 70]),
                    st.text(max_size=8))
JSON = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.sampled_from(KEYWORDS) | st.text(max_size=4), children, max_size=5)), max_leaves=30)


def _tools(schema, name, extra):
    return [
        {"type": "function", "function": {"name": name, "strict": True, "parameters": schema}},
        {"type": "function", "name": name, "parameters": schema},
        {"type": "custom", "name": name, "format": extra},
        {"type": "custom", "custom": {"name": name, "format": extra}},
        {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}},
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=JSON, name=SCALARS, extra=JSON)
def test_rules_never_raise_on_arbitrary_values(schema, name, extra):
    for target in TARGETS.values():
        engine = Engine(Settings(target=target))
        for tool in _tools(schema, name, extra):
            engine.lint_data(tool)
        engine.lint_data({"tools": _tools(schema, name, extra)})


@settings(max_examples=100, deadline=None)
@given(schema=st.dictionaries(st.sampled_from(KEYWORDS), JSON, max_size=6))
def test_strict_rules_never_raise_on_object_schemas(schema):
    schema = dict(schema, type="object")
    for target in TARGETS.values():
        Engine(Settings(target=target)).lint_data(
            {"type": "function", "function": {"name": "f", "strict": True, "parameters": schema}})
