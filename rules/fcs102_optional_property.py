"""FCS102: a property that is not in `required` (an optional field) in a strict schema."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixbuild import optional_to_nullable_ops
from fcschema.ruleapi import context, is_object_schema, report

CODE = "FCS102"
NAME = "optional-property"
SEVERITY = "error"
APPLIES = "strict"
FIX = "always"
SUMMARY = "Property missing from `required` (optional fields must be required and nullable)"
DOC = """
## What it does
In a strict schema, reports every key of `properties` that is not listed in the object's
`required` array (or all of them when `required` is missing).

## Why is this bad?
Strict mode has no optional fields: the API answers HTTP 400 `'required' is required to
be supplied and to be an array including every key in properties. Missing 'k'.` The way
to say "optional" is *required but nullable*: the model sends `null` when it has no
value. Libraries that only add the key to `required` force the model to invent a value.

## Example
```json
{"type": "object",
 "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
 "required": ["city"], "additionalProperties": false}
```

## Use instead
```json
{"type": "object",
 "properties": {"city": {"type": "string"}, "unit": {"type": ["string", "null"]}},
 "required": ["city", "unit"], "additionalProperties": false}
```

## Fix safety
Safe: the property is added to `required` and its type made nullable (`[X, "null"]`, a
`{"type": "null"}` branch for `$ref`/`anyOf`, `null` added to an `enum`); a `default` moves
into the description. Arguments that were valid stay valid once a missing field is given
as `null`.

## References
- OpenAI Structured Outputs guide: "All fields must be required"; "Emulating optional parameters"
- STRICT_MODE.md section 2.1
"""


NODES = ("properties",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    schema = node.schema
    if not is_object_schema(schema):
        return
    properties = schema.get("properties")
    if not isinstance(properties, dict) or not properties:
        return
    required = schema.get("required")
    listed = set(r for r in required if isinstance(r, str)) if isinstance(required, list) else set()
    for key in properties:
        if key in listed:
            continue
        api = ctx.schema_api(
            f"In {context(node.path)}, 'required' is required to be supplied and to be an array "
            f"including every key in properties. Missing '{key}'.")
        ops = optional_to_nullable_ops(schema, node.pointer, key)
        fix = Fix(SAFE, f"Make '{key}' required and nullable", ops=tuple(ops)) if ops else None
        yield report(node.pointer + ("properties", key),
                     f"property '{key}' is not in `required`; strict mode has no optional fields",
                     api=api, hint="make it required and nullable: add it to `required` and allow null",
                     fix=fix, normalised=True)
