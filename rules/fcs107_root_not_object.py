"""FCS107: the schema root is not `type: object`."""

from fcschema.diagnostics import SAFE, UNSAFE, Fix
from fcschema.fixops import SetMember
from fcschema.ruleapi import report
from fcschema.rules.fcs109_invalid_type import JSON_TYPES

CODE = "FCS107"
NAME = "root-not-object"
SEVERITY = "error"
APPLIES = "always"
FIX = "sometimes"
SUMMARY = "Schema root is not `type: \"object\"`"
DOC = """
## What it does
Reports a tool's `parameters` (or a response format's `schema`) whose root is not exactly
`"type": "object"`: another type, a nullable root (`["object", "null"]`), or no type at
all (including an empty `{}`), in every tool, strict or not.

## Why is this bad?
Function arguments are always a JSON object. The API answers HTTP 400 `schema must be a
JSON Schema of 'type: "object"', got 'type: "..."'`.

## Example
```json
{"name": "f", "parameters": {}}
```

## Use instead
```json
{"name": "f", "parameters": {"type": "object", "properties": {}, "required": [],
 "additionalProperties": false}}
```

## Fix safety
A root with `properties` but no `type` gets `"type": "object"` (safe). Other roots have no
fix: a root that is a scalar or a union has to be wrapped in an object by the author, and
the code that reads the arguments changes with it.

## References
- STRICT_MODE.md sections 2.1 and 3
"""

COMBINATORS = ("oneOf", "anyOf", "allOf", "enum", "not")


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    if not node.is_root:
        return
    schema = node.schema
    declared = schema.get("type") if isinstance(schema, dict) else None
    if declared == "object":
        return
    if declared is None and isinstance(schema, dict) and any(k in schema for k in COMBINATORS):
        return  # FCS108 explains a root union
    if isinstance(declared, str) and declared not in JSON_TYPES:
        return  # FCS109 explains a type name that is not JSON Schema's (`dict` means object)
    shown = "None" if declared is None else (declared if isinstance(declared, str) else repr(declared))
    api = ctx.schema_api(f"schema must be a JSON Schema of 'type: \"object\"', got 'type: \"{shown}\"'.")
    fix = None
    if declared is None:
        pointer, anchor, message = node.pointer, "key", "schema root has no `type`; it must be `\"type\": \"object\"`"
        if isinstance(schema, dict) and "properties" in schema:
            fix = Fix(SAFE, "Add `type: object`", ops=(SetMember(node.pointer, "type", "object"),))
        elif schema == {}:
            fix = Fix(UNSAFE, "Make the empty schema an object without arguments (it accepted anything)",
                      ops=(SetMember(node.pointer, "type", "object"),))
    elif isinstance(declared, list) and "object" in declared:
        pointer, anchor = node.pointer + ("type",), "value"
        message = "schema root is nullable; it must be exactly `\"type\": \"object\"`"
    else:
        pointer, anchor = node.pointer + ("type",), "value"
        message = f"schema root has type {declared!r}; it must be `\"type\": \"object\"`"
    yield report(pointer, message, anchor=anchor, api=api, fix=fix,
                 hint="function arguments are always an object: put the values in its properties")
