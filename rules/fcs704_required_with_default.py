"""FCS704: a required, non-nullable field with a `default`: the model must invent a value."""

from fcschema.fixbuild import is_nullable
from fcschema.ruleapi import is_object_schema, report

CODE = "FCS704"
NAME = "required-with-default"
SEVERITY = "info"
APPLIES = "always"
FIX = "never"
SUMMARY = "Required, non-nullable property with a `default`"
DOC = """
## What it does
Reports a property that is listed in `required`, cannot be `null`, and has a `default`.

## Why is this bad?
The default says the value may be left out, but the schema forces the model to send
one, and the model does not apply defaults: when it has no value it invents one. This is
what converters produce when they make every field required for strict mode but leave
the type alone.

## Example
```json
{"type": "object", "properties": {"limit": {"type": "integer", "default": 10}},
 "required": ["limit"], "additionalProperties": false}
```

## Use instead
```json
{"type": "object", "properties": {"limit": {"type": ["integer", "null"],
  "description": "Maximum results; null for the default (10)."}},
 "required": ["limit"], "additionalProperties": false}
```

## Fix safety
No fix: making the field nullable changes what your code receives (`null`), so the code
must apply the default.

## References
- OpenAI function calling guide, "Best practices for defining functions"
- STRICT_MODE.md sections 5 and 9
"""


NODES = ("properties",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "properties" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not is_object_schema(schema):
        return
    properties, required = schema.get("properties"), schema.get("required")
    if not isinstance(properties, dict) or not isinstance(required, list):
        return
    for key in required:
        prop = properties.get(key) if isinstance(key, str) else None
        if not isinstance(prop, dict) or "default" not in prop or is_nullable(prop):
            continue
        if isinstance(prop.get("enum"), list) and None in prop["enum"]:
            continue
        yield report(node.pointer + ("properties", key, "default"),
                     f"'{key}' is required and cannot be null, yet has a default: the model must invent a "
                     "value whenever it has none",
                     hint="make it nullable and apply the default in your code when it is null")
