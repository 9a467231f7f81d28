"""FCS106: an array schema without `items`."""

from fcschema.ruleapi import context, report, types_of

CODE = "FCS106"
NAME = "array-missing-items"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Array schema without `items`"
DOC = """
## What it does
Reports an array schema (`type: array`, or a type list containing `array`) without
`items`, in every tool, strict or not.

## Why is this bad?
The API answers HTTP 400 `array schema missing items`. Tuple forms (`prefixItems`, or
`items` as a list) are not supported either.

## Example
```json
{"type": "array", "description": "Tags"}
```

## Use instead
```json
{"type": "array", "description": "Tags", "items": {"type": "string"}}
```

## Fix safety
No fix: only the author knows what the items are.

## References
- STRICT_MODE.md sections 2.1 and 3
"""


NODES = ("type",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    schema = node.schema
    if "array" not in types_of(schema) or "items" in schema:
        return
    api = ctx.schema_api(f"In {context(node.path)}, array schema missing items.")
    yield report(node.pointer, "array schema has no `items`", api=api,
                 hint="add `items` with the schema of one element")
