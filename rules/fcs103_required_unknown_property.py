"""FCS103: `required` names a key that `properties` does not have."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import Remove
from fcschema.ruleapi import context, is_object_schema, report

CODE = "FCS103"
NAME = "required-unknown-property"
SEVERITY = "error"
APPLIES = "strict"
FIX = "always"
SUMMARY = "`required` lists a key that is not in `properties`"
DOC = """
## What it does
In a strict schema, reports each entry of `required` that is not a key of the same
object's `properties` (a typo, or a property that was removed).

## Why is this bad?
`required` must list *exactly* the properties: the API answers HTTP 400 `'required' is
required to be supplied and to be an array including every key in properties. Extra
required key 'k' supplied.`

## Example
```json
{"type": "object", "properties": {"city": {"type": "string"}},
 "required": ["city", "country"], "additionalProperties": false}
```

## Use instead
```json
{"type": "object", "properties": {"city": {"type": "string"}},
 "required": ["city"], "additionalProperties": false}
```

## Fix safety
Safe: a key that has no property cannot be sent under `additionalProperties: false`, so
removing it from `required` changes nothing the model may produce.

## References
- STRICT_MODE.md section 2.1
"""


NODES = ("required",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    schema = node.schema
    if not is_object_schema(schema):
        return
    required = schema.get("required")
    if not isinstance(required, list):
        return
    properties = schema.get("properties")
    known = properties if isinstance(properties, dict) else {}
    for index, key in enumerate(required):
        if isinstance(key, str) and key in known:
            continue
        api = ctx.schema_api(
            f"In {context(node.path)}, 'required' is required to be supplied and to be an array "
            f"including every key in properties. Extra required key '{key}' supplied.")
        yield report(node.pointer + ("required", index),
                     f"`required` lists '{key}', which is not a key of `properties`",
                     anchor="value", api=api, hint="remove it from `required` (or add the property)",
                     fix=Fix(SAFE, f"Remove '{key}' from `required`",
                             ops=(Remove(node.pointer + ("required", index)),)))
